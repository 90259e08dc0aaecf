"""The learner's sections: Library, Vocabulary, Review, Progress; and Classes for teachers."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from vocabsphere.core.errors import NotFound
from vocabsphere.services import classes, job_runs, learner_work, reading, stories, versions
from vocabsphere.services.accounts import UserView
from vocabsphere.services.dictionary import lexicon_sources
from vocabsphere.web.change_steps import describe_steps
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import MAX_ID, RowId
from vocabsphere.web.reader_html import reader_html
from vocabsphere.web.security import CurrentUser, State
from vocabsphere.web.state import AppState

router = APIRouter()


@router.get("/library")
def library_page(
    request: Request,
    state: State,
    principal: CurrentUser,
    page: int = Query(1, ge=1, le=10_000),
    q: str = Query("", max_length=200),
    notice: Literal["", "deleted"] = "",
    joined: int | None = Query(None, ge=1, le=MAX_ID),
) -> Response:
    per_page = 20
    user = principal.user
    found = stories.list_stories(
        state.database,
        query=q,
        limit=per_page + 1,
        offset=(page - 1) * per_page,
        include_hidden=user.is_teacher,
    )
    shown = found[:per_page]
    fits = reading.story_fits(
        state.database, user_id=user.id, learner_level=user.cefr_level, story_ids=[s.id for s in shown]
    )
    pick = None
    if page == 1 and not q:
        fit = reading.next_for_you(state.database, user_id=user.id, learner_level=user.cefr_level)
        if fit is not None:
            pick = (stories.get_story(state.database, fit.story_id).summary, fit)
    home = page == 1 and not q
    my_classes = classes.joined_classes(state.database, user) if home else []
    joined_name = next((c.name for c in my_classes if c.id == joined), "")
    return render(
        request,
        "library.html",
        # A learner's assignments come first on their home page.
        assignments=learner_work.learner_assignments(state.database, user, now=state.clock()) if home else [],
        my_classes=my_classes,
        joined=joined_name,
        stories=shown,
        fits=fits,
        pick=pick,
        page=page,
        q=q,
        has_next=len(found) > per_page,
        deleted=stories.deleted_stories(state.database) if user.is_teacher and page == 1 and not q else [],
        notice="The story was deleted; learners no longer see it. You can restore it below."
        if notice == "deleted"
        else "",
    )


@router.get("/stories/{story_id}")
def story_page(
    request: Request,
    state: State,
    principal: CurrentUser,
    story_id: RowId,
    level: str | None = Query(None, max_length=4),
    job: RowId | None = Query(None, description="The job building the versions (after adding a story)."),
) -> Response:
    user = principal.user
    story = stories.get_story(state.database, story_id, include_hidden=user.is_teacher)
    available = versions.list_versions(state.database, story_id)
    chosen = level or versions.pick_level([v.level for v in available], user.cefr_level)
    page = None
    if available:
        page = reading.reader_page(
            state.database, user_id=user.id, learner_level=user.cefr_level, story_id=story_id, level=chosen
        )
    text = None
    if page is not None:
        text = reader_html(
            page.text,
            statuses=page.statuses,
            saved=page.saved_words,
            learner_level=user.cefr_level,
            highlights=page.version.highlights,
            cache_key=page.stamp,
            headings=page.version.headings,
        )
    return render(
        request,
        "story.html",
        story=story,
        versions=available,
        current=page.version if page else None,
        coverage=page.coverage if page else None,
        chosen=chosen,
        reader=text,
        saved_words=page.saved_words if page else {},
        status_meanings={s.label: meaning for s, meaning in reading.STATUS_MEANINGS.items()},
        versions_job=_versions_job(state, user, job) if page is None and job is not None else None,
    )


def _versions_job(state: AppState, user: UserView, run_id: int) -> job_runs.JobRunView | None:
    """The job building this story's versions, if the viewer started it (or is an admin)."""
    try:
        return job_runs.get_run_for(state.database, run_id, user_id=user.id, is_admin=user.is_admin)
    except NotFound:
        return None


@router.get("/stories/{story_id}/changes")
def changes_page(
    request: Request,
    state: State,
    principal: CurrentUser,
    story_id: RowId,
    level: str = Query(..., max_length=4),
) -> Response:
    story = stories.get_story(state.database, story_id, include_hidden=principal.user.is_teacher)
    version = versions.get_version(state.database, story_id, level)
    original = versions.get_version(state.database, story_id, versions.ORIGINAL)
    rows = versions.changed_rows(original.paragraphs, version.paragraphs, version.changes)
    return render(
        request, "changes.html", story=story, current=version, rows=rows, steps=describe_steps(version.steps)
    )


@router.get("/articles/{article_id}")
def article_page(state: State, principal: CurrentUser, article_id: RowId) -> Response:
    return redirect(f"/stories/{stories.story_of_article(state.database, article_id)}")


@router.get("/about")
def about_page(request: Request, state: State) -> Response:
    return render(request, "about.html", lexicon_sources=lexicon_sources(state.settings))
