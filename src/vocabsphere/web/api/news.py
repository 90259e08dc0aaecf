"""Bringing news in (teachers and admins), background jobs, feeds."""

from __future__ import annotations

from fastapi import APIRouter, File, Form, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.accounts import Role
from vocabsphere.jobs.tasks import fetch_policy
from vocabsphere.services import feeds, job_runs
from vocabsphere.services.ingest import IngestResult, IngestSource
from vocabsphere.web.api.schemas import ERRORS, JobRunOut
from vocabsphere.web.news_actions import ingest_now
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role
from vocabsphere.web.uploads import read_upload, with_details

router = APIRouter(tags=["news"], responses=ERRORS)
teachers = [require_role(Role.TEACHER)]


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=2_000_000)
    title: str | None = Field(None, max_length=300)
    outlet: str | None = Field(None, max_length=120)
    url: str | None = Field(None, max_length=2000)
    html: bool = Field(False, description="The text is an HTML page.")


class UrlsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    urls: list[str] = Field(min_length=1, max_length=100)


class IngestOut(BaseModel):
    input: str
    article_id: int
    story_id: int
    created: bool
    title: str
    removed_lines: int


class FeedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(max_length=2000)


class FeedOut(BaseModel):
    id: int
    url: str
    title: str
    active: bool
    failure_count: int
    last_error: str
    last_polled_at: str | None
    next_poll_at: str


def _out(result: IngestResult) -> IngestOut:
    return IngestOut(**vars(result))


@router.post("/ingest/text", response_model=IngestOut, status_code=201, dependencies=teachers)
def ingest_text(body: TextIn, state: State, principal: CurrentUser) -> IngestOut:
    source = IngestSource(
        kind="text", text=body.text, title=body.title, outlet=body.outlet, url=body.url, is_html=body.html
    )
    return _out(ingest_now(state, source, principal.user.id)[0])


@router.post("/ingest/file", response_model=IngestOut, status_code=201, dependencies=teachers)
def ingest_file(
    state: State,
    principal: CurrentUser,
    file: UploadFile = File(...),
    outlet: str = Form("", max_length=120, description="Outlet name; blank: read from the file."),
    published: str = Form("", max_length=10, description="Publication date, YYYY-MM-DD; not in the future."),
) -> IngestOut:
    # A plain def: FastAPI runs it in the thread pool, so the analysis never stalls other requests.
    today = state.clock().date()
    source = with_details(read_upload(file), outlet=outlet, published=published, today=today)
    return _out(ingest_now(state, source, principal.user.id)[0])


@router.post("/ingest/urls", response_model=JobRunOut, status_code=202, dependencies=teachers)
def ingest_urls(body: UrlsIn, state: State, principal: CurrentUser) -> JobRunOut:
    sources = [IngestSource(kind="url", url=u.strip()) for u in dict.fromkeys(body.urls) if u.strip()]
    run_id = state.jobs.submit_ingest(sources, requested_by=principal.user.id)
    return JobRunOut(**vars(job_runs.get_run(state.database, run_id)))


@router.get("/jobs/{run_id}", response_model=JobRunOut)
def get_job(run_id: RowId, state: State, principal: CurrentUser) -> JobRunOut:
    run = job_runs.get_run_for(
        state.database, run_id, user_id=principal.user.id, is_admin=principal.user.is_admin
    )
    return JobRunOut(**vars(run))


def _feed(view: feeds.FeedView) -> FeedOut:
    return FeedOut(
        id=view.id,
        url=view.url,
        title=view.title,
        active=view.active,
        failure_count=view.failure_count,
        last_error=view.last_error,
        last_polled_at=view.last_polled_at.isoformat() if view.last_polled_at else None,
        next_poll_at=view.next_poll_at.isoformat(),
    )


@router.get("/feeds", response_model=list[FeedOut], dependencies=teachers)
def list_feeds(state: State) -> list[FeedOut]:
    return [_feed(f) for f in feeds.list_feeds(state.database)]


@router.post("/feeds", response_model=FeedOut, status_code=201, dependencies=teachers)
def add_feed(body: FeedIn, state: State, principal: CurrentUser) -> FeedOut:
    view = feeds.add_feed(
        state.database,
        body.url,
        now=state.clock(),
        policy=fetch_policy(state.settings),
        created_by=principal.user.id,
    )
    state.jobs.submit_feed_poll(view.id, requested_by=principal.user.id)
    return _feed(view)


@router.post("/feeds/{feed_id}/poll", response_model=JobRunOut, status_code=202, dependencies=teachers)
def poll_feed(feed_id: RowId, state: State, principal: CurrentUser) -> JobRunOut:
    run_id = state.jobs.submit_feed_poll(feed_id, requested_by=principal.user.id)
    return JobRunOut(**vars(job_runs.get_run(state.database, run_id)))
