"""Admin API: users, roles, background jobs."""

from __future__ import annotations

from fastapi import APIRouter, Query

from vocabsphere.core.accounts import Role
from vocabsphere.services import job_runs, profiles
from vocabsphere.web.api.schemas import ERRORS, JobRunOut, RoleIn, UserOut
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role

router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    responses=ERRORS,
    dependencies=[require_role(Role.ADMIN)],
)


@router.get("/users", response_model=list[UserOut])
def list_users(
    state: State, limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)
) -> list[UserOut]:
    return [UserOut.of(u) for u in profiles.list_users(state.database, limit=limit, offset=offset)]


@router.put("/users/{user_id}/role", response_model=UserOut)
def set_role(user_id: RowId, body: RoleIn, state: State, principal: CurrentUser) -> UserOut:
    return UserOut.of(
        profiles.set_role(state.database, actor_id=principal.user.id, user_id=user_id, role=body.role)
    )


@router.get("/jobs", response_model=list[JobRunOut])
def list_jobs(state: State, limit: int = Query(50, ge=1, le=500)) -> list[JobRunOut]:
    return [JobRunOut(**vars(r)) for r in job_runs.latest_runs(state.database, limit=limit)]


@router.get("/jobs/{run_id}", response_model=JobRunOut)
def get_job(run_id: RowId, state: State) -> JobRunOut:
    return JobRunOut(**vars(job_runs.get_run(state.database, run_id)))


@router.post("/jobs/demo-import", response_model=JobRunOut, status_code=202)
def start_demo_import(state: State, principal: CurrentUser) -> JobRunOut:
    run_id = state.jobs.submit_demo_import(requested_by=principal.user.id)
    return JobRunOut(**vars(job_runs.get_run(state.database, run_id)))
