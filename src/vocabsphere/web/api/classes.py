"""Teachers' classes: members, join codes, CSV rosters, assignments, extensions and the dashboard."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.accounts import Role
from vocabsphere.core.local_time import from_local
from vocabsphere.services import assignments, classes, dashboard, rosters
from vocabsphere.web.api.class_schemas import (
    AssignmentIn,
    AssignmentOut,
    ClassOut,
    DashboardOut,
    ExceptionIn,
    LoginCardOut,
    LoginCardsIn,
    ReportOut,
    RosterIn,
    RosterPreviewOut,
)
from vocabsphere.web.api.schemas import ERRORS, CefrLevel
from vocabsphere.web.csv_export import csv_response
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State, require_role

router = APIRouter(tags=["classes"], responses=ERRORS, dependencies=[require_role(Role.TEACHER)])


class ClassIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=100)
    cefr_level: CefrLevel


class ClassPatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, max_length=100)
    cefr_level: CefrLevel | None = None
    archived: bool | None = Field(None, description="Archive (classes are never deleted) or bring back.")


class LockIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: CefrLevel | None = Field(
        description="The level this learner reads at in this class; null unlocks."
    )


@router.get("/classes", response_model=list[ClassOut])
def list_classes(state: State, principal: CurrentUser, archived: bool = False) -> list[ClassOut]:
    """Your classes (every class for an admin)."""
    return [ClassOut.of(c) for c in classes.list_classes(state.database, principal.user, archived=archived)]


@router.post("/classes", response_model=ClassOut, status_code=201)
def create_class(body: ClassIn, state: State, principal: CurrentUser) -> ClassOut:
    created = classes.create_class(
        state.database, principal.user, name=body.name, cefr_level=body.cefr_level, now=state.clock()
    )
    return ClassOut.of(created)


@router.get("/classes/{class_id}", response_model=ClassOut)
def get_class(class_id: RowId, state: State, principal: CurrentUser) -> ClassOut:
    return ClassOut.of(classes.get_class(state.database, principal.user, class_id))


@router.patch("/classes/{class_id}", response_model=ClassOut)
def update_class(class_id: RowId, body: ClassPatchIn, state: State, principal: CurrentUser) -> ClassOut:
    updated = classes.update_class(
        state.database, principal.user, class_id=class_id, now=state.clock(), **body.model_dump()
    )
    return ClassOut.of(updated)


@router.post("/classes/{class_id}/join-code", response_model=ClassOut)
def rotate_code(class_id: RowId, state: State, principal: CurrentUser) -> ClassOut:
    """A new join code; the old one stops working at once."""
    return ClassOut.of(
        classes.rotate_code(state.database, principal.user, class_id=class_id, now=state.clock())
    )


@router.put("/classes/{class_id}/members/{user_id}/level", response_model=ClassOut)
def lock_level(
    class_id: RowId, user_id: RowId, body: LockIn, state: State, principal: CurrentUser
) -> ClassOut:
    classes.lock_level(state.database, principal.user, class_id=class_id, user_id=user_id, level=body.level)
    return ClassOut.of(classes.get_class(state.database, principal.user, class_id))


@router.post("/classes/{class_id}/roster/preview", response_model=RosterPreviewOut)
def preview_roster(class_id: RowId, body: RosterIn, state: State, principal: CurrentUser) -> RosterPreviewOut:
    """What importing this CSV would do, line by line, and the lines that cannot be imported."""
    preview = rosters.preview_roster(state.database, principal.user, class_id=class_id, text=body.csv)
    return RosterPreviewOut.of(preview)


@router.post("/classes/{class_id}/roster", response_model=list[LoginCardOut], status_code=201)
def import_roster(
    class_id: RowId, body: RosterIn, state: State, principal: CurrentUser
) -> list[LoginCardOut]:
    """All lines or none. New accounts come with a password shown only here: print the login cards."""
    cards = rosters.import_roster(
        state.database, principal.user, class_id=class_id, text=body.csv, now=state.clock()
    )
    return [LoginCardOut(**vars(c)) for c in cards]


@router.post("/classes/{class_id}/login-cards", response_model=list[LoginCardOut])
def reprint_login_cards(
    class_id: RowId, body: LoginCardsIn, state: State, principal: CurrentUser
) -> list[LoginCardOut]:
    """Login cards again (a learner lost theirs): a new password for each account your roster created."""
    cards = rosters.reprint_login_cards(
        state.database, principal.user, class_id=class_id, user_ids=body.user_ids
    )
    return [LoginCardOut(**vars(c)) for c in cards]


@router.get("/classes/{class_id}/assignments", response_model=list[AssignmentOut])
def list_assignments(class_id: RowId, state: State, principal: CurrentUser) -> list[AssignmentOut]:
    found = assignments.list_assignments(state.database, principal.user, class_id=class_id)
    return [AssignmentOut.of(a) for a in found]


@router.post("/classes/{class_id}/assignments", response_model=AssignmentOut, status_code=201)
def create_assignment(
    class_id: RowId, body: AssignmentIn, state: State, principal: CurrentUser
) -> AssignmentOut:
    """Times without a zone are read in your time zone."""
    zone_name, now = principal.user.time_zone, state.clock()
    draft = assignments.AssignmentDraft(
        story_id=body.story_id,
        quiz_id=body.quiz_id,
        level_rule=body.level_rule,
        fixed_level=body.fixed_level,
        opens_at=from_local(body.opens_at, zone_name) if body.opens_at else now,
        due_at=from_local(body.due_at, zone_name),
    )
    created = assignments.create_assignment(
        state.database, principal.user, class_id=class_id, draft=draft, now=now
    )
    return AssignmentOut.of(created)


@router.get("/assignments/{assignment_id}", response_model=AssignmentOut)
def get_assignment(assignment_id: RowId, state: State, principal: CurrentUser) -> AssignmentOut:
    return AssignmentOut.of(
        assignments.get_assignment(state.database, principal.user, assignment_id=assignment_id)
    )


@router.put("/assignments/{assignment_id}/learners/{user_id}", response_model=AssignmentOut)
def set_exception(
    assignment_id: RowId, user_id: RowId, body: ExceptionIn, state: State, principal: CurrentUser
) -> AssignmentOut:
    """One learner's extension (a later due time; null: the class's) and excusal."""
    due = from_local(body.due_at, principal.user.time_zone) if body.due_at else None
    updated = assignments.set_exception(
        state.database,
        principal.user,
        assignment_id=assignment_id,
        user_id=user_id,
        due_at=due,
        excused=body.excused,
    )
    return AssignmentOut.of(updated)


@router.get("/assignments/{assignment_id}/report", response_model=ReportOut)
def report(assignment_id: RowId, state: State, principal: CurrentUser) -> ReportOut:
    """Every learner's answers (discussion answers too), each question's score, the words looked up most."""
    return ReportOut.of(
        dashboard.assignment_report(state.database, principal.user, assignment_id=assignment_id)
    )


def _dashboard(
    state: State, principal: CurrentUser, class_id: int, at: datetime | None
) -> dashboard.Dashboard:
    return dashboard.class_dashboard(
        state.database, principal.user, class_id=class_id, now=at or state.clock()
    )


@router.get("/classes/{class_id}/dashboard", response_model=DashboardOut)
def class_dashboard(class_id: RowId, state: State, principal: CurrentUser) -> DashboardOut:
    """Learners x assignments: status (not started, reading, submitted, late, excused), score, time read."""
    return DashboardOut.of(_dashboard(state, principal, class_id, None))


@router.get(
    "/classes/{class_id}/dashboard.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def class_dashboard_csv(class_id: RowId, state: State, principal: CurrentUser) -> Response:
    """The dashboard's table as CSV, cell for cell what the class page shows."""
    board = _dashboard(state, principal, class_id, None)
    return csv_response(board.rows, f"class-{class_id}-dashboard.csv")
