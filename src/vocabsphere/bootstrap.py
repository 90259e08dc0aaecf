"""Start-up steps shared by the web server and the CLI: migrations and demo content."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from vocabsphere.config import Settings
from vocabsphere.jobs.runtime import JobSystem
from vocabsphere.services.demo import ensure_demo_accounts
from vocabsphere.services.library import list_articles
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database

log = logging.getLogger(__name__)


def prepare_database(settings: Settings, database: Database, jobs: JobSystem) -> None:
    """Apply migrations; in demo mode create the demo accounts and queue the demo-article import."""
    if database.backend == "sqlite":
        settings.ensure_data_dir()
    upgrade_database(database.engine)
    if not settings.demo:
        return
    ensure_demo_accounts(database, now=datetime.now(UTC))
    if not list_articles(database, limit=1):
        run_id = jobs.submit_demo_import()
        log.info("queued demo content import as job %d", run_id)
