"""Task definitions. Each task records its run (status, progress, worker) in the database."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from huey import Huey

from vocabsphere.core.articles import ArticleDraft
from vocabsphere.core.errors import DomainError
from vocabsphere.services import job_runs
from vocabsphere.services.demo import import_demo_articles
from vocabsphere.services.library import add_article
from vocabsphere.store.database import Database

log = logging.getLogger(__name__)


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class TaskSet:
    """The registered tasks of one Huey instance."""

    huey: Huey
    import_demo_content: Any
    import_article: Any


def _run_recorded(db: Database, run_id: int, body: Callable[[], str]) -> None:
    job_runs.update_run(db, run_id, status="running", worker=worker_identity())
    try:
        message = body()
    except DomainError as error:
        job_runs.update_run(db, run_id, status="failed", message=error.message, finished_at=_now())
        return
    except Exception:
        log.exception("job %s failed", run_id)
        job_runs.update_run(
            db, run_id, status="failed", message="Internal error; see the worker log.", finished_at=_now()
        )
        raise
    job_runs.update_run(db, run_id, status="done", message=message, finished_at=_now())


def register_tasks(huey: Huey, database: Callable[[], Database]) -> TaskSet:
    """Register every task on ``huey``; ``database`` gives the process's database (created lazily)."""

    @huey.task(name="import_demo_content")  # type: ignore[untyped-decorator]
    def import_demo_content(run_id: int) -> None:
        db = database()

        def body() -> str:
            def progress(done: int, total: int) -> None:
                job_runs.update_run(db, run_id, progress=done, total=total)

            created = import_demo_articles(db, now=_now(), on_progress=progress)
            return f"{created} new demo article(s) imported."

        _run_recorded(db, run_id, body)

    @huey.task(name="import_article")  # type: ignore[untyped-decorator]
    def import_article(run_id: int, draft: ArticleDraft, requested_by: int | None) -> None:
        db = database()

        def body() -> str:
            result = add_article(db, draft, now=_now(), created_by=requested_by)
            job_runs.update_run(db, run_id, progress=1, total=1)
            verb = "Imported" if result.created else "Already in the library:"
            return f"{verb} article {result.article_id}."

        _run_recorded(db, run_id, body)

    return TaskSet(huey=huey, import_demo_content=import_demo_content, import_article=import_article)
