"""What pages and API share when news comes in: ingest now, then queue the level versions."""

from __future__ import annotations

from vocabsphere.jobs.tasks import fetch_policy
from vocabsphere.services.ingest import IngestResult, IngestSource, ingest
from vocabsphere.web.state import AppState


def ingest_now(state: AppState, source: IngestSource, user_id: int) -> tuple[IngestResult, int | None]:
    """The stored article and the id of the job building its level versions (None: not new)."""
    result = ingest(
        state.database, source, now=state.clock(), policy=fetch_policy(state.settings), created_by=user_id
    )
    if result.created:
        return result, state.jobs.submit_versions(result.story_id, requested_by=user_id)
    return result, None
