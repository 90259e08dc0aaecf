"""Task definitions. Each task records its run (status, progress, worker) in the database."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from huey import Huey, crontab

from vocabsphere.config import Settings
from vocabsphere.core.errors import DomainError
from vocabsphere.core.srs.optimizer import optimizer_available
from vocabsphere.core.text import load_pipeline
from vocabsphere.services import dictionary, feeds, fsrs_fitting, job_runs, practice, versions
from vocabsphere.services.demo import import_demo_articles
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

log = logging.getLogger(__name__)


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"


def _now() -> datetime:
    return datetime.now(UTC)


def fetch_policy(settings: Settings) -> FetchPolicy:
    return FetchPolicy(
        timeout_seconds=settings.fetch_timeout_seconds,
        max_bytes=settings.fetch_max_bytes,
        allow_private_addresses=settings.allow_private_urls,
    )


@dataclass
class TaskSet:
    """The registered tasks of one Huey instance."""

    huey: Huey
    import_demo_content: Any
    ingest_sources: Any
    poll_feed: Any
    poll_due_feeds: Any
    build_versions: Any
    prepare_taps: Any
    fit_fsrs_parameters: Any
    fit_due_fsrs_parameters: Any
    prepare_exercises: Any


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


FollowUp = Callable[[int], object]  # queues the preparation of a story's taps (a task)


def _versions_quietly(
    db: Database, settings: Settings, story_ids: Sequence[int], prepare_taps: FollowUp
) -> int:
    """Level versions for new or grown stories; a failure is logged and the story stays readable."""
    built = 0
    for story_id in dict.fromkeys(story_ids):
        try:
            versions.build_versions(db, settings, story_id, now=_now(), prepare_taps=False)
            prepare_taps(story_id)
            built += 1
        except Exception:
            log.exception("level versions for story %s failed", story_id)
    return built


def _ingest_all(
    db: Database,
    run_id: int,
    sources: Sequence[IngestSource],
    settings: Settings,
    requested_by: int | None,
    prepare_taps: FollowUp,
) -> str:
    """Each source on its own: one bad input is reported and the others still go in."""
    added = duplicates = 0
    failures: list[str] = []
    new_stories: list[int] = []
    job_runs.update_run(db, run_id, progress=0, total=len(sources))
    for index, source in enumerate(sources, start=1):
        try:
            result = ingest(db, source, now=_now(), policy=fetch_policy(settings), created_by=requested_by)
            added += result.created
            duplicates += not result.created
            if result.created:
                new_stories.append(result.story_id)
        except DomainError as error:
            failures.append(f"{source.label}: {error.message}")
        job_runs.update_run(db, run_id, progress=index)
    summary = f"{added} added, {duplicates} already there, {len(failures)} refused."
    if failures and not added and not duplicates:
        raise DomainError(summary + " " + " | ".join(failures[:5]))
    _versions_quietly(db, settings, new_stories, prepare_taps)
    return summary + (" " + " | ".join(failures[:5]) if failures else "")


def _fit_due_learners(db: Database) -> int:
    """The daily refit: each learner on their own, so one failure does not stop the others."""
    fitted = 0
    for user_id in fsrs_fitting.learners_to_fit(db, now=_now()):
        try:
            report = fsrs_fitting.fit_learner_parameters(db, user_id=user_id, now=_now())
        except Exception:
            log.exception("FSRS fit for learner %s failed", user_id)
            continue
        fitted += report.status == "fitted"
        log.info("FSRS fit for learner %s: %s", user_id, report.message)
    return fitted


def register_tasks(huey: Huey, database: Callable[[], Database], settings: Settings) -> TaskSet:
    """Register every task on ``huey``; ``database`` gives the process's database (created lazily)."""
    policy = fetch_policy(settings)
    interval = timedelta(minutes=settings.feed_poll_minutes)

    @huey.task(name="prepare_taps")  # type: ignore[untyped-decorator]
    def prepare_taps(story_id: int) -> None:
        """The follow-up of the versions: what a first tap would compute slowly (a second or two of
        work for a news article, which the teacher waiting for the versions does not wait for)."""
        prepared = versions.prepare_version_taps(database(), settings, story_id)
        log.info("taps prepared for %d version(s) of story %s", prepared, story_id)

    def queue_taps(story_id: int) -> None:
        try:
            prepare_taps(story_id)
        except Exception:  # the versions are stored all the same; a tap computes what it needs
            log.exception("could not queue the taps of story %s", story_id)

    @huey.task(name="import_demo_content")  # type: ignore[untyped-decorator]
    def import_demo_content(run_id: int) -> None:
        db = database()

        def body() -> str:
            def progress(done: int, total: int) -> None:
                job_runs.update_run(db, run_id, progress=done, total=total)

            created = import_demo_articles(db, now=_now(), on_progress=progress)
            _versions_quietly(db, settings, versions.stale_story_ids(db, limit=50), queue_taps)
            return f"{created} new demo article(s) imported."

        _run_recorded(db, run_id, body)

    @huey.task(name="ingest_sources")  # type: ignore[untyped-decorator]
    def ingest_sources(run_id: int, sources: list[IngestSource], requested_by: int | None) -> None:
        db = database()
        _run_recorded(
            db, run_id, lambda: _ingest_all(db, run_id, sources, settings, requested_by, queue_taps)
        )

    @huey.task(name="build_versions")  # type: ignore[untyped-decorator]
    def build_versions(run_id: int, story_id: int) -> None:
        db = database()

        def progress(done: int, total: int, message: str) -> None:
            job_runs.update_run(db, run_id, progress=done, total=total, message=message)

        def body() -> str:
            built = versions.build_versions(
                db, settings, story_id, now=_now(), on_progress=progress, prepare_taps=False
            )
            queue_taps(story_id)
            return "Versions: " + ", ".join(f"{v.level} (measured {v.measured_level})" for v in built)

        _run_recorded(db, run_id, body)

    @huey.task(name="poll_feed")  # type: ignore[untyped-decorator]
    def poll_feed(run_id: int, feed_id: int) -> None:
        db = database()

        def body() -> str:
            result = feeds.poll_feed(db, feed_id, now=_now(), policy=policy, interval=interval)
            if result.error:
                raise DomainError(result.error)
            _versions_quietly(db, settings, versions.stale_story_ids(db, limit=20), queue_taps)
            return f"{result.new_articles} new article(s), {result.skipped} entry(ies) refused."

        _run_recorded(db, run_id, body)

    @huey.periodic_task(crontab(minute="*"), name="poll_due_feeds")  # type: ignore[untyped-decorator]
    @huey.lock_task("poll-due-feeds")  # type: ignore[untyped-decorator]  # one poller at a time
    def poll_due_feeds() -> None:
        db = database()
        for feed_id in feeds.due_feeds(db, _now()):
            result = feeds.poll_feed(db, feed_id, now=_now(), policy=policy, interval=interval)
            log.info("feed %s: %s new, error=%r", feed_id, result.new_articles, result.error)
        # Catch up on stories whose versions are missing or older than their sources.
        _versions_quietly(db, settings, versions.stale_story_ids(db, limit=5), queue_taps)

    @huey.task(name="fit_fsrs_parameters")  # type: ignore[untyped-decorator]
    def fit_fsrs_parameters(user_id: int, run_id: int | None = None) -> None:
        """Fit one learner's FSRS parameters now; recorded as a job run when ``run_id`` is given."""
        db = database()

        def body() -> str:
            return fsrs_fitting.fit_learner_parameters(db, user_id=user_id, now=_now()).message

        if run_id is None:
            log.info("FSRS fit for learner %s: %s", user_id, body())
        else:
            _run_recorded(db, run_id, body)

    # Once a day, at a quiet hour (UTC): fitting takes seconds to minutes of CPU per learner.
    @huey.periodic_task(crontab(hour="3", minute="17"), name="fit_due_fsrs_parameters")  # type: ignore[untyped-decorator]
    @huey.lock_task("fit-due-fsrs-parameters")  # type: ignore[untyped-decorator]  # one fitter at a time
    def fit_due_fsrs_parameters() -> None:
        if not optimizer_available():
            return  # no torch: every learner keeps the defaults, so there is nothing to look at
        _fit_due_learners(database())

    @huey.task(name="prepare_exercises")  # type: ignore[untyped-decorator]
    def prepare_exercises(user_id: int, word_ids: list[int]) -> None:
        """Make and store the exercises of a learner's words (about a second a word: the parse and
        the sense ranking), so that a practice session only picks stored items."""
        lexicon = dictionary.open_lexicon(settings)
        if lexicon is None:
            return  # no lexicon yet: the words stay waiting and are tried again later
        made = practice.prepare_words(
            database(),
            user_id=user_id,
            lexicon=lexicon,
            nlp=load_pipeline(),
            now=_now(),
            word_ids=word_ids,
            limit=len(word_ids),
        )
        log.info("exercises made for %d word(s) of learner %s", made, user_id)

    return TaskSet(
        huey=huey,
        import_demo_content=import_demo_content,
        ingest_sources=ingest_sources,
        poll_feed=poll_feed,
        poll_due_feeds=poll_due_feeds,
        build_versions=build_versions,
        prepare_taps=prepare_taps,
        fit_fsrs_parameters=fit_fsrs_parameters,
        fit_due_fsrs_parameters=fit_due_fsrs_parameters,
        prepare_exercises=prepare_exercises,
    )
