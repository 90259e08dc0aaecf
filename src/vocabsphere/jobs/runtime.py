"""The job system of one process: the queue, its tasks, and (for a local queue) embedded workers."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection
from datetime import UTC, datetime

from huey.consumer import Consumer

from vocabsphere.config import Settings
from vocabsphere.jobs.queue import is_local_queue, make_huey
from vocabsphere.jobs.tasks import TaskSet, register_tasks
from vocabsphere.services import job_runs
from vocabsphere.services.ingest import IngestSource
from vocabsphere.store.database import Database

log = logging.getLogger(__name__)

RESUBMIT_SECONDS = 60.0  # a word's exercises queued this recently are not queued again
QUEUED_MEMORY = 10_000  # queued word ids remembered before old ones are forgotten


class EmbeddedConsumer(Consumer):  # type: ignore[misc]
    """Huey's consumer run as threads inside the web server: the server owns the signals."""

    def _set_signal_handlers(self) -> None:
        pass


class JobSystem:
    def __init__(self, settings: Settings, database: Database | None = None) -> None:
        self.settings = settings
        self._database = database
        self._lock = threading.Lock()
        self.tasks: TaskSet = register_tasks(make_huey(settings), self.database, settings)
        self._consumer: EmbeddedConsumer | None = None
        self._queued: dict[int, float] = {}  # word id -> when its exercises were last queued

    def database(self) -> Database:
        # Worker processes create their database on first use, once.
        with self._lock:
            if self._database is None:
                self._database = Database.connect(self.settings.sqlalchemy_url)
            return self._database

    # Submitting work -----------------------------------------------------------------
    def submit_demo_import(self, *, requested_by: int | None = None) -> int:
        run_id = job_runs.create_run(
            self.database(), kind="import_demo_content", now=datetime.now(UTC), requested_by=requested_by
        )
        self.tasks.import_demo_content(run_id)
        return run_id

    def submit_ingest(self, sources: list[IngestSource], *, requested_by: int | None = None) -> int:
        """Queue sources for ingestion as one job whose progress admins can follow."""
        run_id = job_runs.create_run(
            self.database(), kind="ingest", now=datetime.now(UTC), requested_by=requested_by
        )
        job_runs.update_run(self.database(), run_id, total=len(sources))
        self.tasks.ingest_sources(run_id, sources, requested_by)
        return run_id

    def submit_versions(self, story_id: int, *, requested_by: int | None = None) -> int:
        """Queue the level versions of a story (about two seconds of work for a news article)."""
        run_id = job_runs.create_run(
            self.database(), kind="build_versions", now=datetime.now(UTC), requested_by=requested_by
        )
        self.tasks.build_versions(run_id, story_id)
        return run_id

    def submit_exercises(self, user_id: int, word_ids: Collection[int]) -> bool:
        """Queue the making of these words' exercises; a word queued in the last
        :data:`RESUBMIT_SECONDS` is not queued again (a learner opening Practice twice)."""
        now = time.monotonic()
        with self._lock:
            fresh = [w for w in dict.fromkeys(word_ids) if now - self._queued.get(w, -1e9) > RESUBMIT_SECONDS]
            for word_id in fresh:
                self._queued[word_id] = now
            if len(self._queued) > QUEUED_MEMORY:
                self._queued = {w: t for w, t in self._queued.items() if now - t <= RESUBMIT_SECONDS}
        if not fresh:
            return False
        try:
            self.tasks.prepare_exercises(user_id, fresh)
        except Exception:  # the word is saved all the same; the next session request queues it again
            log.exception("could not queue exercises for learner %s", user_id)
            with self._lock:
                for word_id in fresh:
                    self._queued.pop(word_id, None)
            return False
        return True

    def submit_feed_poll(self, feed_id: int, *, requested_by: int | None = None) -> int:
        run_id = job_runs.create_run(
            self.database(), kind="poll_feed", now=datetime.now(UTC), requested_by=requested_by
        )
        self.tasks.poll_feed(run_id, feed_id)
        return run_id

    # Serving work --------------------------------------------------------------------
    def start_embedded_workers(self) -> bool:
        """Start worker threads in this process when the queue is local; a Redis queue has its own workers."""
        if not is_local_queue(self.settings) or self.settings.embedded_workers == 0:
            return False
        self._consumer = EmbeddedConsumer(
            self.tasks.huey,
            workers=self.settings.embedded_workers,
            worker_type="thread",
            periodic=True,
            max_delay=1.0,
            check_worker_health=False,
        )
        self._consumer.start()
        log.info("started %d embedded job worker thread(s)", self.settings.embedded_workers)
        return True

    def stop(self) -> None:
        if self._consumer is not None:
            self._consumer.stop(graceful=True)
            self._consumer = None

    def run_worker(self, workers: int) -> None:
        """Serve the queue in the foreground (the `vocabsphere worker` command)."""
        consumer = Consumer(
            self.tasks.huey, workers=workers, worker_type="thread", periodic=True, max_delay=1.0
        )
        consumer.run()
