"""The days kind dates skip: weekends, and the public holidays of the country chosen in
settings (none chosen: none skipped; the `holidays` package is then never imported)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.domain.days_off import NO_HOLIDAYS, Holidays, public_holidays

if TYPE_CHECKING:
    from companion.store.repository import Repository  # types only: opened by the callers


def holidays(repo: Repository) -> Holidays:
    settings = repo.settings.get()
    if not settings.country:
        return NO_HOLIDAYS
    return public_holidays(settings.country, settings.region or "")
