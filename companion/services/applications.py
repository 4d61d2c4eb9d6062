"""Applications: log one, edit one, change its status, delete it."""

from __future__ import annotations

from companion.domain.applications import Application, with_status
from companion.store.repository import Repository


def log_application(repo: Repository, application: Application) -> Application:
    """Keep a new application (made with `domain.applications.parse_application`); it
    counts toward this week's goal (`summary.summary` says how far along it is)."""
    return repo.applications.add(application)


def save_application(repo: Repository, application: Application) -> Application:
    """Write back an edited application (it has an id)."""
    repo.applications.save(application)
    return application


def set_status(repo: Repository, application: Application, status: str) -> Application:
    """A new status, dated today; the same application when the status is unchanged."""
    changed = with_status(application, status, repo.clock.today())
    if changed != application:
        repo.applications.save(changed)
    return changed


def delete_application(repo: Repository, application_id: int) -> bool:
    """False when there was no such application."""
    return repo.applications.delete(application_id)
