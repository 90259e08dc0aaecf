"""Registration and bearer tokens for API clients."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from vocabsphere.services import accounts, api_tokens
from vocabsphere.web.api.schemas import ERRORS, RegisterIn, TokenIn, TokenOut, UserOut
from vocabsphere.web.security import CurrentUser, State, bearer_token, client_address, login_policy

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERRORS)


@router.post("/register", response_model=UserOut, status_code=201)
def register(body: RegisterIn, request: Request, state: State) -> UserOut:
    user = accounts.register_user(
        state.database,
        username=body.username,
        password=body.password,
        client=client_address(request),
        policy=login_policy(state),
        now=state.clock(),
        native_language=body.native_language,
        cefr_level=body.cefr_level,
        display_name=body.display_name,
    )
    return UserOut.of(user)


@router.post("/token", response_model=TokenOut, status_code=201)
def create_token(body: TokenIn, request: Request, state: State) -> TokenOut:
    """Exchange a user name and password for a bearer token (rate limited like the log-in page)."""
    user = accounts.authenticate(
        state.database,
        username=body.username,
        password=body.password,
        client=client_address(request),
        policy=login_policy(state),
        now=state.clock(),
    )
    issued = api_tokens.issue_token(state.database, user_id=user.id, name=body.name, now=state.clock())
    return TokenOut(access_token=issued.token, token_id=issued.id, user=UserOut.of(user))


@router.delete("/token", status_code=204)
def revoke_current_token(request: Request, state: State, principal: CurrentUser) -> Response:
    """Revoke the bearer token used for this request (log out an app)."""
    token = bearer_token(request)
    if token is not None:
        api_tokens.revoke_presented_token(state.database, token=token)
    return Response(status_code=204)
