"""Profile settings: level, language, daily goal, password and API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import time_zone_names
from vocabsphere.core.errors import DomainError
from vocabsphere.services import api_tokens, profiles
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import SESSION_COOKIE, CurrentUser, State, verify_page_csrf

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)


def _settings_page(
    request: Request, state: State, principal: CurrentUser, status: int = 200, **extra: object
) -> Response:
    tokens = api_tokens.list_tokens(state.database, user_id=principal.user.id)
    user = profiles.get_user(state.database, principal.user.id)
    study = profiles.get_study_settings(state.database, principal.user.id)
    return render(
        request,
        "settings.html",
        status_code=status,
        profile=user,
        study=study,
        tokens=tokens,
        time_zones=time_zone_names(),
        **extra,
    )


@router.get("/settings")
def settings_page(request: Request, state: State, principal: CurrentUser, saved: str = "") -> Response:
    return _settings_page(request, state, principal, notice=saved and "Saved.")


@router.post("/settings/profile", dependencies=[CsrfChecked])
def save_profile(
    request: Request,
    state: State,
    principal: CurrentUser,
    display_name: Annotated[str, Form(max_length=200)],
    native_language: Annotated[str, Form(max_length=8)],
    cefr_level: Annotated[str, Form(max_length=2)],
    daily_goal: Annotated[int, Form()],
    time_zone: Annotated[str | None, Form(max_length=64)] = None,
) -> Response:
    change = profiles.ProfileChange(display_name, native_language, cefr_level, daily_goal, time_zone)
    try:
        profiles.update_profile(state.database, user_id=principal.user.id, change=change)
    except DomainError as error:
        return _settings_page(request, state, principal, status=400, error=error.message)
    return redirect("/settings?saved=1")


@router.post("/settings/study", dependencies=[CsrfChecked])
def save_study_settings(
    request: Request,
    state: State,
    principal: CurrentUser,
    desired_retention: Annotated[float, Form()],
    new_cards_per_day: Annotated[int, Form()],
    reviews_per_day: Annotated[int, Form()],
) -> Response:
    try:
        profiles.update_study_settings(
            state.database,
            user_id=principal.user.id,
            desired_retention=desired_retention,
            new_cards_per_day=new_cards_per_day,
            reviews_per_day=reviews_per_day,
        )
    except DomainError as error:
        return _settings_page(request, state, principal, status=400, error=error.message)
    return redirect("/settings?saved=1")


@router.post("/settings/password", dependencies=[CsrfChecked])
def save_password(
    request: Request,
    state: State,
    principal: CurrentUser,
    current_password: Annotated[str, Form(max_length=1024)],
    new_password: Annotated[str, Form(max_length=1024)],
    stay_signed_in: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """A new password signs out every other browser and revokes every API token."""
    keep = request.cookies.get(SESSION_COOKIE) if stay_signed_in else None
    try:
        profiles.change_password(
            state.database,
            user_id=principal.user.id,
            current=current_password,
            new=new_password,
            keep_session_token=keep,
        )
    except DomainError as error:
        return _settings_page(request, state, principal, status=400, error=error.message)
    if keep:
        return redirect("/settings?saved=1")
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/settings/tokens", dependencies=[CsrfChecked])
def create_token(
    request: Request, state: State, principal: CurrentUser, name: Annotated[str, Form(max_length=200)] = ""
) -> Response:
    issued = api_tokens.issue_token(state.database, user_id=principal.user.id, name=name, now=state.clock())
    return _settings_page(request, state, principal, new_token=issued)


@router.post("/settings/tokens/{token_id}/revoke", dependencies=[CsrfChecked])
def revoke_token(state: State, principal: CurrentUser, token_id: RowId) -> Response:
    api_tokens.revoke_token(state.database, user_id=principal.user.id, token_id=token_id)
    return redirect("/settings?saved=1")
