"""What keeps companion quick to start, in one place.

A package that exports its public names from their own modules imports each
one when it is first asked for (`lazy_exports`), so that importing one name
does not import the whole package.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module


def lazy_exports(package: str, modules: Mapping[str, str]) -> Callable[[str], object]:
    """A package's module `__getattr__` (PEP 562): `name` is imported from
    `package.modules[name]` when first used, then kept in the package.

    The package also imports every name under `TYPE_CHECKING`, so that type
    checkers see them; tests/unit/test_startup.py checks the two agree.
    """

    def __getattr__(name: str) -> object:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
