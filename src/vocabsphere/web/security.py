"""Who is asking: session cookies (pages, with CSRF) or bearer tokens (API clients)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, Literal

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from vocabsphere.core.accounts import Role, role_at_least
from vocabsphere.core.errors import Forbidden, NotAuthenticated
from vocabsphere.services import accounts, api_tokens
from vocabsphere.services.accounts import UserView
from vocabsphere.services.tokens import tokens_equal
from vocabsphere.web.state import AppState, app_state

SESSION_COOKIE = "vs_session"
ANON_CSRF_COOKIE = "vs_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class CsrfFailed(Forbidden):
    code = "csrf_failed"


@dataclass(frozen=True)
class Principal:
    user: UserView
    via: Literal["session", "token"]
    csrf_token: str = ""


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def optional_principal(request: Request) -> Principal | None:
    """Resolved once per request and cached on request.state."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    state = app_state(request)
    principal: Principal | None = None
    token = bearer_token(request)
    if token is not None:
        user = api_tokens.user_for_token(state.database, token=token, now=state.clock())
        if user is None:
            raise NotAuthenticated("The API token is invalid or revoked.")
        principal = Principal(user=user, via="token")
    elif cookie := request.cookies.get(SESSION_COOKIE):
        session = accounts.resolve_session(state.database, token=cookie, now=state.clock())
        if session is not None:
            principal = Principal(user=session.user, via="session", csrf_token=session.csrf_token)
    request.state.principal = principal
    return principal


# Documents the scheme (the "Authorize" button of the API docs); optional_principal does the checking.
_bearer_scheme = HTTPBearer(auto_error=False, description="A token from POST /api/v1/auth/token.")


def require_principal(
    principal: Annotated[Principal | None, Depends(optional_principal)],
    _documented: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer_scheme)],
) -> Principal:
    if principal is None:
        raise NotAuthenticated("Please log in.")
    return principal


def require_role(role: Role) -> Any:
    def check(principal: Annotated[Principal, Depends(require_principal)]) -> Principal:
        if not role_at_least(principal.user.role, role):
            raise Forbidden("You do not have access to this page.")
        return principal

    return Depends(check)


def anonymous_csrf_token(request: Request) -> str:
    """Double-submit token for forms shown before log-in (login, register)."""
    token = request.cookies.get(ANON_CSRF_COOKIE)
    if not token:
        token = getattr(request.state, "new_anon_csrf", None) or secrets.token_urlsafe(24)
        request.state.new_anon_csrf = token
    return token


def csrf_token_for(request: Request) -> str:
    principal = getattr(request.state, "principal", None)
    if principal is not None and principal.via == "session":
        token: str = principal.csrf_token
        return token
    return anonymous_csrf_token(request)


async def verify_page_csrf(request: Request) -> None:
    """Every state-changing form post must carry the token of its session (or anonymous cookie)."""
    if request.method in SAFE_METHODS:
        return
    await run_in_threadpool(optional_principal, request)  # a database read: off the event loop
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    expected = csrf_token_for(request)
    if not isinstance(sent, str) or not tokens_equal(sent, expected):
        raise CsrfFailed("The form expired or did not come from this site. Reload the page and try again.")


def verify_api_csrf(
    request: Request, principal: Annotated[Principal | None, Depends(optional_principal)]
) -> None:
    """API calls made with the session cookie (from our own pages) need the CSRF header too."""
    if request.method in SAFE_METHODS or principal is None or principal.via == "token":
        return
    sent = request.headers.get(CSRF_HEADER, "")
    if not tokens_equal(sent, principal.csrf_token):
        raise CsrfFailed("Missing or wrong X-CSRF-Token header.")


def client_address(request: Request) -> str:
    """The client's address (forwarded headers were already resolved by TrustedProxiesMiddleware)."""
    return request.client.host if request.client else "unknown"


def login_policy(state: AppState) -> accounts.LoginPolicy:
    settings = state.settings
    return accounts.LoginPolicy(
        max_failures=settings.login_max_failures,
        window=timedelta(seconds=settings.login_window_seconds),
        max_failures_per_address=settings.login_max_failures_per_address,
        max_registrations_per_address=settings.register_max_per_address,
    )


def state_dep(request: Request) -> AppState:
    return app_state(request)


State = Annotated[AppState, Depends(state_dep)]
CurrentUser = Annotated[Principal, Depends(require_principal)]
MaybeUser = Annotated[Principal | None, Depends(optional_principal)]
