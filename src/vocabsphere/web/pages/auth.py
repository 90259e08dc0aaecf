"""Log in, register, log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import check_time_zone
from vocabsphere.core.errors import DomainError, InvalidInput, TooManyRequests
from vocabsphere.services import accounts
from vocabsphere.web.pages.render import redirect, render, safe_next
from vocabsphere.web.security import (
    SESSION_COOKIE,
    MaybeUser,
    State,
    client_address,
    login_policy,
    verify_page_csrf,
)

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)


def _start_session(request: Request, state: State, user_id: int, target: str) -> Response:
    session = accounts.start_session(
        state.database, user_id=user_id, now=state.clock(), days=state.settings.session_days
    )
    response = redirect(safe_next(target))
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        httponly=True,
        samesite="lax",
        secure=state.settings.secure_cookies,
        max_age=state.settings.session_days * 24 * 3600,
    )
    return response


@router.get("/")
def home(principal: MaybeUser) -> Response:
    return redirect("/library" if principal else "/login")


@router.get("/login")
def login_form(request: Request, principal: MaybeUser, next: str = "/library") -> Response:
    if principal is not None:
        return redirect(safe_next(next))
    return render(request, "login.html", next=safe_next(next))


@router.post("/login", dependencies=[CsrfChecked])
def login(
    request: Request,
    state: State,
    username: Annotated[str, Form(max_length=256)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=512)] = "/library",
) -> Response:
    try:
        user = accounts.authenticate(
            state.database,
            username=username,
            password=password,
            client=client_address(request),
            policy=login_policy(state),
            now=state.clock(),
        )
    except DomainError as error:
        status = 429 if isinstance(error, TooManyRequests) else 401
        return render(
            request,
            "login.html",
            status_code=status,
            error=error.message,
            username=username,
            next=safe_next(next),
        )
    return _start_session(request, state, user.id, next)


@router.get("/register")
def register_form(request: Request, principal: MaybeUser) -> Response:
    if principal is not None:
        return redirect("/library")
    return render(request, "register.html", form={})


def browser_time_zone(raw: str) -> str:
    """The zone the browser reported (filled in by app.js); one the server does not know, or none
    (scripts off), is UTC: the learner can pick theirs in Settings, registration never fails on it."""
    try:
        return check_time_zone(raw)
    except InvalidInput:
        return "UTC"


@router.post("/register", dependencies=[CsrfChecked])
def register(
    request: Request,
    state: State,
    username: Annotated[str, Form(max_length=256)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    native_language: Annotated[str, Form(max_length=8)] = "es",
    cefr_level: Annotated[str, Form(max_length=2)] = "A2",
    time_zone: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    form = {"username": username, "native_language": native_language, "cefr_level": cefr_level}
    try:
        user = accounts.register_user(
            state.database,
            username=username,
            password=password,
            client=client_address(request),
            policy=login_policy(state),
            now=state.clock(),
            native_language=native_language,
            cefr_level=cefr_level,
            time_zone=browser_time_zone(time_zone),
        )
    except DomainError as error:
        return render(
            request,
            "register.html",
            status_code=429 if isinstance(error, TooManyRequests) else 400,
            error=error.message,
            error_field=error.field,
            form=form,
        )
    return _start_session(request, state, user.id, "/library")


@router.post("/logout", dependencies=[CsrfChecked])
def logout(request: Request, state: State) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.end_session(state.database, token=token)
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response
