"""Vocabulary downloads and the CSV import form for the browser (session cookie, CSRF on the upload)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Query, UploadFile
from fastapi.responses import Response

from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import vocab_exchange
from vocabsphere.web.api.vocab_exchange import apkg_download, csv_download, read_csv_upload
from vocabsphere.web.pages.render import redirect
from vocabsphere.web.security import CurrentUser, State, verify_page_csrf

router = APIRouter()
CsrfChecked = Depends(verify_page_csrf)


@router.get("/vocabulary/export.csv")
def export_csv(state: State, principal: CurrentUser) -> Response:
    return csv_download(state, principal.user.id)


@router.get("/vocabulary/export.apkg")
def export_apkg(
    state: State,
    principal: CurrentUser,
    deck: Annotated[str, Query(max_length=100)] = vocab_exchange.DEFAULT_DECK_NAME,
) -> Response:
    return apkg_download(state, principal.user.id, deck)


@router.post("/vocabulary/import", dependencies=[CsrfChecked])
def import_csv(
    state: State, principal: CurrentUser, file: Annotated[UploadFile | None, File()] = None
) -> Response:
    """Back to the vocabulary page either way; the outcome travels in the query string."""
    try:
        if file is None:
            raise InvalidInput("Choose a CSV file to import.", field="file")
        report = vocab_exchange.import_csv(
            state.database, user_id=principal.user.id, data=read_csv_upload(file), now=state.clock()
        )
    except InvalidInput as error:
        # The vocabulary page shows at most 300 characters of it.
        return redirect("/vocabulary?" + urlencode({"import_error": error.message[:300]}))
    outcome = {"imported": report.added, "skipped": report.skipped_duplicates}
    if report.failed:
        outcome["failed"] = report.failed
    return redirect("/vocabulary?" + urlencode(outcome))
