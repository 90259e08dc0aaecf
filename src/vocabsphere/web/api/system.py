"""Health check for load balancers and monitors."""

from __future__ import annotations

from fastapi import APIRouter

from vocabsphere import __version__
from vocabsphere.jobs.queue import queue_kind
from vocabsphere.web.api.schemas import HealthOut
from vocabsphere.web.security import State

router = APIRouter(tags=["system"])


@router.get("/health", response_model=HealthOut)
def health(state: State) -> HealthOut:
    state.database.ping()
    return HealthOut(
        status="ok", version=__version__, database=state.database.backend, queue=queue_kind(state.settings)
    )
