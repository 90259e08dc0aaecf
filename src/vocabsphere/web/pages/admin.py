"""Admin: users and their roles, background jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import Role
from vocabsphere.services import job_runs, profiles
from vocabsphere.web.pages.render import redirect, render
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role, verify_page_csrf

router = APIRouter(prefix="/admin", dependencies=[require_role(Role.ADMIN)])


@router.get("")
def admin_page(request: Request, state: State) -> Response:
    users = profiles.list_users(state.database)
    runs = job_runs.latest_runs(state.database, limit=20)
    return render(request, "admin.html", users=users, runs=runs, roles=[r.value for r in Role])


@router.post("/users/{user_id}/role", dependencies=[Depends(verify_page_csrf)])
def change_role(
    state: State, principal: CurrentUser, user_id: RowId, role: Annotated[str, Form(max_length=16)]
) -> Response:
    profiles.set_role(state.database, actor_id=principal.user.id, user_id=user_id, role=role)
    return redirect("/admin")


@router.post("/jobs/demo-import", dependencies=[Depends(verify_page_csrf)])
def run_demo_import(state: State, principal: CurrentUser) -> Response:
    state.jobs.submit_demo_import(requested_by=principal.user.id)
    return redirect("/admin")
