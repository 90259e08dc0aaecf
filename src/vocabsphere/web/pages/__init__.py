"""Server-rendered pages."""

from fastapi import APIRouter

from vocabsphere.web.pages import (
    admin,
    app_shell,
    assignments,
    auth,
    classes,
    news,
    placement,
    practice,
    profile,
    progress,
    quizzes,
    sections,
    story_visibility,
    study,
    vocab_exchange,
)

router = APIRouter(include_in_schema=False)
router.include_router(app_shell.router)
router.include_router(auth.router)
router.include_router(sections.router)
router.include_router(story_visibility.router)
router.include_router(vocab_exchange.router)
router.include_router(study.router)
router.include_router(practice.router)
router.include_router(profile.router)
router.include_router(progress.router)
router.include_router(placement.router)
router.include_router(admin.router)
router.include_router(news.router)
router.include_router(classes.router)
router.include_router(quizzes.router)
router.include_router(assignments.router)
