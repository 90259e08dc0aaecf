"""The signed-in user's own profile and tokens."""

from __future__ import annotations

from fastapi import APIRouter, Response

from vocabsphere.services import api_tokens, profiles
from vocabsphere.web.api.schemas import ERRORS, ProfileIn, TokenInfoOut, UserOut
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/me", tags=["me"], responses=ERRORS)


@router.get("", response_model=UserOut)
def get_me(state: State, principal: CurrentUser) -> UserOut:
    return UserOut.of(profiles.get_user(state.database, principal.user.id))


@router.patch("", response_model=UserOut)
def update_me(body: ProfileIn, state: State, principal: CurrentUser) -> UserOut:
    change = profiles.ProfileChange(
        display_name=body.display_name,
        native_language=body.native_language,
        cefr_level=body.cefr_level,
        daily_goal=body.daily_goal,
    )
    return UserOut.of(profiles.update_profile(state.database, user_id=principal.user.id, change=change))


@router.get("/tokens", response_model=list[TokenInfoOut])
def list_tokens(state: State, principal: CurrentUser) -> list[TokenInfoOut]:
    return [
        TokenInfoOut(id=t.id, name=t.name, created_at=t.created_at, last_used_at=t.last_used_at)
        for t in api_tokens.list_tokens(state.database, user_id=principal.user.id)
    ]


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(token_id: int, state: State, principal: CurrentUser) -> Response:
    api_tokens.revoke_token(state.database, user_id=principal.user.id, token_id=token_id)
    return Response(status_code=204)
