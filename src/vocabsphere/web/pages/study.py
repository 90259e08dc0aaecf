"""The vocabulary book (list, filters, one word's page with its forgetting curve) and the review page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.services import profiles, reading, study
from vocabsphere.web.charts import recall_curve_svg
from vocabsphere.web.filters import STATUS_FILTERS, word_filter
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, verify_page_csrf

router = APIRouter()
PER_PAGE = 50


@router.get("/vocabulary")
def vocabulary_page(
    request: Request,
    state: State,
    principal: CurrentUser,
    q: str = Query("", max_length=200),
    status: str = Query("", max_length=16),
    level: str = Query("", max_length=2),
    story: RowId | None = Query(None),
    since: str = Query("", max_length=10),
    until: str = Query("", max_length=10),
    page: int = Query(1, ge=1, le=10_000),
    imported: int | None = Query(None, ge=0),
    skipped: int | None = Query(None, ge=0),
    import_error: str = Query("", max_length=300),
    deleted: int | None = Query(None, ge=0, le=1),
) -> Response:
    where = word_filter(q, status, level, story, since, until)
    found = study.list_words(
        state.database,
        user_id=principal.user.id,
        where=where,
        limit=PER_PAGE + 1,
        offset=(page - 1) * PER_PAGE,
    )
    filtered = where != study.WordFilter()
    marked = reading.marked_words(state.database, user_id=principal.user.id, query=where.query)
    notice = "The word was removed from your vocabulary book." if deleted else ""
    if imported is not None:
        notice = f"Imported {imported} words" + (
            f"; {skipped} were already in your book." if skipped else "."
        )
    return render(
        request,
        "vocabulary.html",
        words=found[:PER_PAGE],
        marked=marked if page == 1 and status in ("", "learning") and not story else [],
        pos_names={"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb"},
        has_next=len(found) > PER_PAGE,
        page=page,
        filters={
            "q": q,
            "status": status,
            "level": level,
            "story": story or "",
            "since": since,
            "until": until,
        },
        filtered=filtered,
        levels=CEFR_LEVELS,
        statuses=list(STATUS_FILTERS),
        notice=notice,
        error=import_error,
    )


@router.get("/vocabulary/words/{word_id}")
def word_page(request: Request, state: State, principal: CurrentUser, word_id: RowId) -> Response:
    detail = study.word_detail(state.database, user_id=principal.user.id, word_id=word_id, now=state.clock())
    settings = profiles.get_study_settings(state.database, principal.user.id)
    curve = recall_curve_svg(
        [(card.kind, card.recall_curve) for card in detail.cards],
        retention=settings.desired_retention,
        next_review=min((card.due for card in detail.cards if card.recall_curve), default=None),
    )
    return render(request, "word.html", detail=detail, curve=curve)


@router.post("/vocabulary/words/{word_id}/delete", dependencies=[Depends(verify_page_csrf)])
def delete_word_page(state: State, principal: CurrentUser, word_id: RowId) -> Response:
    study.delete_word(state.database, user_id=principal.user.id, word_id=word_id)
    return redirect("/vocabulary?deleted=1")


@router.get("/review")
def review_page(request: Request, state: State, principal: CurrentUser) -> Response:
    settings = profiles.get_study_settings(state.database, principal.user.id)
    next_due = study.next_due(state.database, user_id=principal.user.id, now=state.clock())
    return render(request, "review.html", study=settings, next_due=next_due)
