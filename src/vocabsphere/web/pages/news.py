"""Bringing news in (teachers and admins): paste, upload, links, feeds; job progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from vocabsphere.core.accounts import Role
from vocabsphere.core.errors import DomainError, InvalidInput
from vocabsphere.jobs.tasks import fetch_policy
from vocabsphere.services import feeds, job_runs
from vocabsphere.services.ingest import IngestSource
from vocabsphere.web.news_actions import ingest_now
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role, verify_page_csrf
from vocabsphere.web.uploads import read_upload, with_details

router = APIRouter(dependencies=[require_role(Role.TEACHER)])
CsrfChecked = Depends(verify_page_csrf)
MAX_URLS = 100


def _form(request: Request, state: State, status: int = 200, **context: object) -> Response:
    return render(request, "news_add.html", status_code=status, **context)


def _story_url(story_id: int, versions_job: int | None) -> str:
    """The story just added; with the job building its versions, whose progress the page follows."""
    return f"/stories/{story_id}?added={int(versions_job is not None)}" + (
        f"&job={versions_job}" if versions_job is not None else ""
    )


@router.get("/news/add")
def add_news_page(request: Request, state: State) -> Response:
    return _form(request, state)


@router.post("/news/text", dependencies=[CsrfChecked])
def add_text(
    request: Request,
    state: State,
    principal: CurrentUser,
    text: Annotated[str, Form(max_length=2_000_000)] = "",
    title: Annotated[str, Form(max_length=300)] = "",
    outlet: Annotated[str, Form(max_length=120)] = "",
) -> Response:
    source = IngestSource(kind="text", text=text, title=title or None, outlet=outlet or None)
    try:
        result, job = ingest_now(state, source, principal.user.id)
    except DomainError as error:
        return _form(request, state, status=400, error=error.message, text=text, title=title, outlet=outlet)
    return redirect(_story_url(result.story_id, job))


@router.post("/news/file", dependencies=[CsrfChecked])
def add_files(
    request: Request,
    state: State,
    principal: CurrentUser,
    files: Annotated[list[UploadFile], File()],
    outlet: Annotated[str, Form(max_length=120)] = "",
    published: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    # Plain defs run in the thread pool: ingestion and database work never block the event loop.
    today = state.clock().date()
    try:
        sources = [
            with_details(read_upload(f), outlet=outlet, published=published, today=today) for f in files
        ]
    except InvalidInput as error:
        return _form(request, state, status=400, error=error.message)
    if len(sources) == 1:
        try:
            result, job = ingest_now(state, sources[0], principal.user.id)
        except DomainError as error:
            return _form(request, state, status=400, error=f"{sources[0].label}: {error.message}")
        return redirect(_story_url(result.story_id, job))
    run_id = state.jobs.submit_ingest(sources, requested_by=principal.user.id)
    return redirect(f"/news/jobs/{run_id}")


@router.post("/news/urls", dependencies=[CsrfChecked])
def add_urls(
    request: Request,
    state: State,
    principal: CurrentUser,
    urls: Annotated[str, Form(max_length=200_000)] = "",
) -> Response:
    lines = list(dict.fromkeys(u.strip() for u in urls.splitlines() if u.strip()))
    if not lines:
        return _form(request, state, status=400, error="Give at least one web address.", urls=urls)
    if len(lines) > MAX_URLS:
        return _form(request, state, status=400, error=f"At most {MAX_URLS} addresses at once.", urls=urls)
    sources = [IngestSource(kind="url", url=u) for u in lines]
    run_id = state.jobs.submit_ingest(sources, requested_by=principal.user.id)
    return redirect(f"/news/jobs/{run_id}")


@router.get("/news/jobs/{run_id}")
def job_page(request: Request, state: State, principal: CurrentUser, run_id: RowId) -> Response:
    run = job_runs.get_run_for(
        state.database, run_id, user_id=principal.user.id, is_admin=principal.user.is_admin
    )
    return render(request, "job.html", run=run)


def _feeds(request: Request, state: State, status: int = 200, **context: object) -> Response:
    return render(
        request, "feeds.html", status_code=status, feeds=feeds.list_feeds(state.database), **context
    )


@router.get("/feeds")
def feeds_page(request: Request, state: State) -> Response:
    return _feeds(request, state)


@router.post("/feeds", dependencies=[CsrfChecked])
def add_feed(
    request: Request, state: State, principal: CurrentUser, url: Annotated[str, Form(max_length=2000)] = ""
) -> Response:
    try:
        feed = feeds.add_feed(
            state.database,
            url,
            now=state.clock(),
            policy=fetch_policy(state.settings),
            created_by=principal.user.id,
        )
    except DomainError as error:
        return _feeds(request, state, status=400, error=error.message, url=url)
    state.jobs.submit_feed_poll(feed.id, requested_by=principal.user.id)
    return redirect("/feeds")


@router.post("/feeds/opml", dependencies=[CsrfChecked])
def import_opml(
    request: Request, state: State, principal: CurrentUser, file: Annotated[UploadFile, File()]
) -> Response:
    data = file.file.read(2 * 1024 * 1024 + 1)
    try:
        if len(data) > 2 * 1024 * 1024:
            raise InvalidInput("The OPML file is larger than 2 MB.")
        feeds.import_opml(
            state.database,
            data,
            now=state.clock(),
            policy=fetch_policy(state.settings),
            created_by=principal.user.id,
        )
    except DomainError as error:
        return _feeds(request, state, status=400, error=error.message)
    return redirect("/feeds")


@router.post("/feeds/{feed_id}/poll", dependencies=[CsrfChecked])
def poll_now(state: State, principal: CurrentUser, feed_id: RowId) -> Response:
    run_id = state.jobs.submit_feed_poll(feed_id, requested_by=principal.user.id)
    return redirect(f"/news/jobs/{run_id}")
