"""Write a database of a given profile through the project's own repository, with a fixed seed.

    python -m benchmarks.generate --profile heavy --out benchmarks/out/heavy/companion.json

Each table has a generator in GENERATORS, registered with @generator(name,
needs=...). A generator runs when the repository has the store it needs
(`needs` names a Repository attribute); until then its part is listed as not
generated yet, with the count it will get. Each generator gets its own
random.Random, seeded from the seed and its name, so adding a table never
changes the data of the others.

To plug in a new table: write a function (repo, profile, rng) -> int that adds
the profile's count of rows through the repository's store and returns how
many it wrote, decorate it with @generator("journal", needs="journal"), and
it runs from then on.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.profiles import PROFILES, Profile
from companion.clock import FrozenClock
from companion.store.repository import Repository

DEFAULT_SEED = 20260303
# Tuesday 3 March 2026, the tests' frozen day: the data is dated around it.
GENERATED_AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)

TableGenerator = Callable[[Repository, Profile, random.Random], int]


@dataclass(frozen=True)
class Part:
    name: str
    needs: str  # the Repository attribute (a store) the generator writes through
    count: Callable[[Profile], int]
    write: TableGenerator | None = None


GENERATORS: dict[str, Part] = {}


def register(name: str, needs: str, count: Callable[[Profile], int]) -> None:
    """Declare a part of the profile; its generator may come later (see `generator`)."""
    GENERATORS[name] = Part(name, needs, count)


def generator(name: str, needs: str) -> Callable[[TableGenerator], TableGenerator]:
    def plug(write: TableGenerator) -> TableGenerator:
        count = GENERATORS[name].count if name in GENERATORS else (lambda _: 1)
        GENERATORS[name] = Part(name, needs, count, write)
        return write

    return plug


# Every part of issue 7's profiles; the ones without a generator are listed as pending.
register("settings", "settings", lambda p: 1)
register("applications", "applications", lambda p: p.applications)
register("interviews", "interviews", lambda p: p.interviews)
register("questions", "questions", lambda p: p.questions)
register("reviews", "reviews", lambda p: p.reviews)
register("journal", "journal", lambda p: p.journal_entries)


@generator("settings", needs="settings")
def _settings(repo: Repository, profile: Profile, rng: random.Random) -> int:
    repo.settings.update(weekly_goal=rng.choice((3, 5, 8)), welcomed=True)
    return 1


@dataclass(frozen=True)
class Outcome:
    written: dict[str, int]
    pending: dict[str, str]  # part: why it was not generated


def generate(path: Path, profile: Profile, seed: int = DEFAULT_SEED) -> Outcome:
    """Write a fresh database at `path` (anything there is replaced)."""
    if path.exists():
        path.unlink()
    for stale in (path.with_suffix(".history"), path.parent / "backups"):
        shutil.rmtree(stale, ignore_errors=True)
    clock = FrozenClock(GENERATED_AT)
    written: dict[str, int] = {}
    pending: dict[str, str] = {}
    with Repository.open(path, clock) as repo:
        for name, part in GENERATORS.items():
            count = part.count(profile)
            if not hasattr(repo, part.needs):
                pending[name] = f"{count:,} wanted; the {part.needs} table does not exist yet"
            elif part.write is None:
                pending[name] = f"{count:,} wanted; the table exists but has no generator yet"
            else:
                written[name] = part.write(repo, profile, random.Random(f"{seed}-{name}"))
    return Outcome(written, pending)


def describe(outcome: Outcome, path: Path) -> str:
    size = path.stat().st_size if path.exists() else 0
    history = path.with_suffix(".history")
    if history.is_dir():
        size += sum(p.stat().st_size for p in history.glob("*.json"))
    lines = [f"wrote {path} ({size:,} bytes)"]
    lines += [f"  {name}: {count:,}" for name, count in outcome.written.items()]
    if outcome.pending:
        lines.append("not generated yet:")
        lines += [f"  {name}: {why}" for name, why in outcome.pending.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=sorted(PROFILES), default="typical")
    parser.add_argument("--out", type=Path, required=True, help="the database file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    outcome = generate(args.out, PROFILES[args.profile], args.seed)
    print(describe(outcome, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
