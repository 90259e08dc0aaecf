"""JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/docs)."""

from fastapi import APIRouter, Depends

from vocabsphere.web.api import (
    admin,
    articles,
    auth,
    classes,
    lookup,
    me,
    my_assignments,
    news,
    offline,
    placement,
    practice,
    progress,
    quizzes,
    reading,
    stories,
    study,
    system,
    versions,
    vocab_exchange,
)
from vocabsphere.web.security import verify_api_csrf

# The bearer scheme is declared by web.security.require_principal, so only operations that need a
# signed-in user say so in the OpenAPI description.
router = APIRouter(prefix="/api/v1", dependencies=[Depends(verify_api_csrf)])
router.include_router(system.router)
router.include_router(auth.router)
router.include_router(me.router)
router.include_router(progress.router)
router.include_router(placement.router)
router.include_router(articles.router)
router.include_router(stories.router)
router.include_router(versions.router)
router.include_router(lookup.router)
router.include_router(reading.router)
router.include_router(study.router)
router.include_router(practice.router)
router.include_router(offline.router)
router.include_router(vocab_exchange.router)
router.include_router(news.router)
router.include_router(admin.router)
router.include_router(my_assignments.router)
router.include_router(classes.router)
router.include_router(quizzes.router)
