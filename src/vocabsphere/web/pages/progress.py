"""The Progress section: today, streak and goal, charts over time, the level suggestion, CSV export."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from vocabsphere.services import profiles, progress
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.progress_charts import bands_svg, heatmap_svg, series_svg
from vocabsphere.web.progress_csv import history_csv
from vocabsphere.web.security import CurrentUser, State, verify_page_csrf

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)
CHART_DAYS = 30  # the day charts and their tables; the heatmap and the CSV cover the whole history


def _charts(history: progress.History) -> dict[str, Any]:
    recent = history.days[-CHART_DAYS:]
    return {
        "recent": recent,
        "known_chart": series_svg("Words known", [(d.day, d.known_words) for d in recent]),
        "book_chart": series_svg("Words in your vocabulary book", [(d.day, d.saved_words) for d in recent]),
        "reviews_chart": series_svg(
            "Reviews per day",
            [(d.day, d.reviews) for d in recent],
            bars=True,
            target=history.daily_goal,
            target_label=f"Daily goal: {history.daily_goal} reviews",
        ),
        "retention_chart": series_svg(
            "Share of reviews recalled",
            [(d.day, d.retention) for d in recent],
            percent=True,
            target=history.target_retention,
            target_label=f"Target retention {history.target_retention:.0%}",
        ),
        "minutes_chart": series_svg(
            "Minutes of reading", [(d.day, d.reading_minutes) for d in recent], bars=True
        ),
        "pace_chart": series_svg(
            "Reading pace (words per minute)", [(d.day, d.words_per_minute) for d in recent]
        ),
        "bands_chart": bands_svg("Words known by level", history.known_by_level),
        "heatmap": heatmap_svg([(d.day, d.reviews, d.studied) for d in history.days]),
    }


@router.get("/progress")
def progress_page(request: Request, state: State, principal: CurrentUser, level_saved: str = "") -> Response:
    user_id, now = principal.user.id, state.clock()
    view = progress.progress(state.database, user_id=user_id, now=now)
    history = progress.history(state.database, user_id=user_id, now=now)
    suggestion = progress.level_suggestion(state.database, user_id=user_id)
    return render(
        request,
        "progress.html",
        progress=view,
        history=history,
        accuracy=progress.accuracy(state.database, user_id=user_id),
        suggestion=suggestion,
        notice="Your level is saved." if level_saved else "",
        **_charts(history),
    )


@router.get("/progress/history.csv")
def progress_csv(state: State, principal: CurrentUser) -> Response:
    history = progress.history(state.database, user_id=principal.user.id, now=state.clock())
    return Response(
        history_csv(history),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="vocabsphere-progress.csv"'},
    )


@router.post("/progress/level", dependencies=[CsrfChecked])
def accept_level(
    state: State, principal: CurrentUser, cefr_level: Annotated[str, Form(max_length=2)]
) -> Response:
    """The learner takes a suggested level (the suggestion itself never changes it)."""
    profiles.update_profile(
        state.database, user_id=principal.user.id, change=profiles.ProfileChange(cefr_level=cefr_level)
    )
    return redirect("/progress?level_saved=1")
