"""Teachers and admins hide, delete (softly) or restore stories from the library."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from vocabsphere.core.accounts import Role
from vocabsphere.services import stories
from vocabsphere.web.pages.render import redirect
from vocabsphere.web.params import RowId
from vocabsphere.web.security import State, require_role, verify_page_csrf

router = APIRouter(dependencies=[require_role(Role.TEACHER), Depends(verify_page_csrf)])


@router.post("/stories/{story_id}/{action}")
def change_visibility(
    state: State, story_id: RowId, action: Literal["hide", "delete", "restore"]
) -> Response:
    summary = stories.change_visibility(state.database, story_id=story_id, action=action, now=state.clock())
    if summary.deleted:
        return redirect(f"/library?notice=deleted&story={story_id}")
    return redirect(f"/stories/{story_id}")
