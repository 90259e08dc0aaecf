"""Builds the Huey instance that matches the settings."""

from __future__ import annotations

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey

from vocabsphere.config import Settings

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def queue_kind(settings: Settings) -> str:
    url = settings.queue_url
    if not url:
        return "sqlite"
    if url == "memory":
        return "memory"
    if url.startswith(REDIS_SCHEMES):
        return "redis"
    raise ValueError("VOCABSPHERE_QUEUE_URL must be empty (SQLite queue), 'memory', or a redis:// URL")


def make_huey(settings: Settings) -> Huey:
    kind = queue_kind(settings)
    name = settings.queue_name
    if kind == "sqlite":
        settings.ensure_data_dir()
        return SqliteHuey(name, filename=str(settings.data_dir / "queue.sqlite3"), results=False)
    if kind == "memory":
        return MemoryHuey(name, results=False)
    return RedisHuey(name, url=settings.queue_url, results=False)


def is_local_queue(settings: Settings) -> bool:
    """A local queue (SQLite or memory) is served by worker threads inside the web process."""
    return queue_kind(settings) in {"sqlite", "memory"}
