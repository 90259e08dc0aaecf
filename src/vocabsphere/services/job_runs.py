"""Records of background jobs, so admins can see what ran, where, and how far it got."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vocabsphere.core.errors import NotFound
from vocabsphere.store.database import Database
from vocabsphere.store.tables import JobRun
from vocabsphere.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class JobRunView:
    id: int
    kind: str
    status: str
    progress: int
    total: int
    message: str
    worker: str
    created_at: datetime
    finished_at: datetime | None
    requested_by: int | None = None


def _view(run: JobRun) -> JobRunView:
    return JobRunView(
        id=run.id,
        kind=run.kind,
        status=run.status,
        progress=run.progress,
        total=run.total,
        message=run.message,
        worker=run.worker,
        created_at=run.created_at,
        finished_at=run.finished_at,
        requested_by=run.requested_by,
    )


def create_run(db: Database, *, kind: str, now: datetime, requested_by: int | None = None) -> int:
    with unit_of_work(db) as uow:
        return uow.jobs.add(
            JobRun(kind=kind, status="queued", created_at=now, requested_by=requested_by, message="")
        ).id


def update_run(
    db: Database,
    run_id: int,
    *,
    status: str | None = None,
    progress: int | None = None,
    total: int | None = None,
    message: str | None = None,
    worker: str | None = None,
    finished_at: datetime | None = None,
) -> None:
    with unit_of_work(db) as uow:
        run = uow.jobs.get(run_id)
        if run is None:
            raise NotFound("No such job.")
        if status is not None:
            run.status = status
        if progress is not None:
            run.progress = progress
        if total is not None:
            run.total = total
        if message is not None:
            run.message = message[:2000]
        if worker is not None:
            run.worker = worker
        if finished_at is not None:
            run.finished_at = finished_at


def get_run(db: Database, run_id: int) -> JobRunView:
    with unit_of_work(db) as uow:
        run = uow.jobs.get(run_id)
        if run is None:
            raise NotFound("No such job.")
        return _view(run)


def get_run_for(db: Database, run_id: int, *, user_id: int, is_admin: bool) -> JobRunView:
    """A job as seen by the person who started it, or by an admin; others get 'not found'."""
    run = get_run(db, run_id)
    if not is_admin and run.requested_by != user_id:
        raise NotFound("No such job.")
    return run


def latest_runs(db: Database, *, limit: int = 50) -> list[JobRunView]:
    with unit_of_work(db) as uow:
        return [_view(r) for r in uow.jobs.latest(limit=limit)]
