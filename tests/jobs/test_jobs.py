"""Jobs run through Huey: embedded workers on the local queue, several worker processes on Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REDIS_URL, service_unavailable
from vocabsphere.config import Settings
from vocabsphere.core.lexicon.sense_embedding import OFF_SWITCH
from vocabsphere.jobs.runtime import JobSystem
from vocabsphere.services import job_runs, library, reading, versions
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


TOPICS = ["bridge", "library", "harbour", "orchard", "railway", "museum", "stadium", "clinic"]


def source(number: int) -> IngestSource:
    topic = TOPICS[number % len(TOPICS)]
    text = (
        f"Volunteers in district {number} finished rebuilding the old {topic} on Saturday, "
        f"after {number + 3} months of work that began with a winter flood. Engineers and students "
        f"from the nearby town helped, and the council says {number * 10 + 7} families will use it."
    )
    return IngestSource(
        kind="text", text=text, title=f"District {number} {topic} reopens", outlet="Test Desk"
    )


@pytest.mark.parametrize("queue_url", ["", "memory"])
def test_local_queue_runs_the_demo_import_in_process(
    make_settings: Callable[..., Settings], queue_url: str
) -> None:
    settings = make_settings(queue_url=queue_url)
    db = Database.connect(settings.sqlalchemy_url)
    settings.ensure_data_dir()
    upgrade_database(db.engine)
    jobs = JobSystem(settings, db)
    assert jobs.start_embedded_workers()
    try:
        run_id = jobs.submit_demo_import()
        wait_for(lambda: job_runs.get_run(db, run_id).status == "done")
    finally:
        jobs.stop()
    run = job_runs.get_run(db, run_id)
    assert run.progress == run.total == 3
    assert str(os.getpid()) in run.worker
    assert len(library.list_articles(db)) == 3


def test_failed_job_is_recorded_with_its_reason(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    db = Database.connect(settings.sqlalchemy_url)
    settings.ensure_data_dir()
    upgrade_database(db.engine)
    jobs = JobSystem(settings, db)
    jobs.start_embedded_workers()
    try:
        run_id = jobs.submit_ingest([IngestSource(kind="text", text="  ")])
        wait_for(lambda: job_runs.get_run(db, run_id).status == "failed")
    finally:
        jobs.stop()
    assert "empty" in job_runs.get_run(db, run_id).message
    assert library.list_articles(db) == []


@pytest.mark.redis
@pytest.mark.slow
def test_redis_queue_is_shared_by_two_worker_processes(tmp_path: Path) -> None:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except Exception as error:
        service_unavailable("Redis", error)
    env = {
        **os.environ,
        "VOCABSPHERE_ENV": "test",
        "VOCABSPHERE_DATA_DIR": str(tmp_path),
        "VOCABSPHERE_QUEUE_URL": REDIS_URL,
        "VOCABSPHERE_QUEUE_NAME": f"vs-test-{uuid.uuid4().hex[:8]}",
        "VOCABSPHERE_LOG_LEVEL": "WARNING",
    }
    settings = Settings(
        env="test",
        data_dir=tmp_path,
        queue_url=env["VOCABSPHERE_QUEUE_URL"],
        queue_name=env["VOCABSPHERE_QUEUE_NAME"],
    )
    db = Database.connect(settings.sqlalchemy_url)
    upgrade_database(db.engine)
    command = [sys.executable, "-m", "vocabsphere.cli", "worker", "--workers", "1"]
    workers = [subprocess.Popen(command, env=env) for _ in range(2)]
    client = redis.Redis.from_url(REDIS_URL)
    try:
        # Ready means blocked on the queue: submit only when both workers are listening.
        wait_for(lambda: sum(c.get("cmd") == "brpop" for c in client.client_list()) >= 2, timeout=60)
        jobs = JobSystem(settings, db)
        assert not jobs.start_embedded_workers(), "a Redis queue is served by worker processes"
        run_ids = [jobs.submit_ingest([source(n)]) for n in range(24)]
        wait_for(lambda: all(job_runs.get_run(db, r).status == "done" for r in run_ids), timeout=60)
        pids = {job_runs.get_run(db, r).worker.split(":")[1] for r in run_ids}
        assert pids == {str(w.pid) for w in workers}, "both worker processes took jobs"
        assert len(library.list_articles(db, limit=100)) == 24
        jobs.tasks.huey.flush()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=20)


def test_exercises_of_a_word_are_queued_once_a_minute(make_settings: Callable[..., Settings]) -> None:
    """Saving a word and opening Practice both queue its exercises: the second is not queued again."""
    jobs = JobSystem(make_settings(queue_url="memory"))  # no workers: the queue only fills
    assert jobs.submit_exercises(1, [10, 11])
    assert not jobs.submit_exercises(1, [11, 10])  # both queued a moment ago
    assert jobs.submit_exercises(1, [11, 12])  # only 12 is new
    assert len(jobs.tasks.huey) == 2


def test_versions_job_queues_the_preparation_of_taps_after_it(
    make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The teacher waits for the versions only; the taps' answers are prepared by a job queued after."""
    lexicon = os.environ.get("VOCABSPHERE_LEXICON")
    if not lexicon or not Path(lexicon).is_file():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon")

    monkeypatch.setenv(OFF_SWITCH, "off")  # the default install's behaviour (see should_prepare)
    settings = make_settings(queue_url="memory", lexicon_path=Path(lexicon))
    db = Database.connect(settings.sqlalchemy_url)
    settings.ensure_data_dir()
    upgrade_database(db.engine)
    story_id = ingest(db, source(5), now=datetime.now(UTC), policy=FetchPolicy()).story_id
    jobs = JobSystem(settings, db)
    jobs.tasks.huey.immediate = True  # each task runs as it is queued (no periodic catch-up alongside)
    queued: list[str] = []
    enqueue = jobs.tasks.huey.enqueue

    def spy(task: Any) -> Any:
        queued.append(task.name)
        return enqueue(task)

    monkeypatch.setattr(jobs.tasks.huey, "enqueue", spy)
    run_id = jobs.submit_versions(story_id)
    assert job_runs.get_run(db, run_id).status == "done"
    assert queued == ["build_versions", "prepare_taps"]
    for version in versions.list_versions(db, story_id):
        assert reading.reader_text(db, story_id, version.level).prepared is not None
