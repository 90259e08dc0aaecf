"""Demo accounts and the bundled demo articles."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

from vocabsphere.core.articles import ArticleDraft, parse_front_matter
from vocabsphere.core.errors import Conflict
from vocabsphere.services.accounts import create_user
from vocabsphere.services.ingest import IngestSource, prepare, store
from vocabsphere.store.database import Database

log = logging.getLogger(__name__)

# Printed on start and shown in README: demo mode is for trying the app, never for production.
DEMO_PASSWORD = "vocabsphere-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


DEMO_ACCOUNTS = (
    DemoAccount("demo-learner", DEMO_PASSWORD, "learner"),
    DemoAccount("demo-teacher", DEMO_PASSWORD, "teacher"),
)


def ensure_demo_accounts(db: Database, *, now: datetime) -> list[DemoAccount]:
    for account in DEMO_ACCOUNTS:
        with suppress(Conflict):  # already there from an earlier start
            create_user(
                db,
                username=account.username,
                password=account.password,
                role=account.role,
                display_name=account.username.replace("-", " ").title(),
                now=now,
            )
    return list(DEMO_ACCOUNTS)


def demo_articles() -> list[ArticleDraft]:
    folder = resources.files("vocabsphere.demo")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".md"))
    return [parse_front_matter((folder / name).read_text(encoding="utf-8")) for name in names]


def import_demo_articles(
    db: Database, *, now: datetime, on_progress: Callable[[int, int], None] | None = None
) -> int:
    """Import the bundled articles; returns how many were new."""
    drafts = demo_articles()
    created = 0
    for index, draft in enumerate(drafts, start=1):
        source = IngestSource(
            kind="demo", text=draft.text, title=draft.title, outlet=draft.outlet, published=draft.published
        )
        created += store(db, prepare(source), kind="demo", now=now, label=draft.title).created
        if on_progress is not None:
            on_progress(index, len(drafts))
    log.info("demo import: %d of %d articles new", created, len(drafts))
    return created
