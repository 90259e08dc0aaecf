"""The vocabulary book as a file: CSV and Anki exports, CSV import."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel

from vocabsphere.services import vocab_exchange
from vocabsphere.services.vocab_exchange import ImportReport
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/vocabulary", tags=["vocabulary"], responses=ERRORS)

APKG_MEDIA_TYPE = "application/apkg"


class ImportErrorOut(BaseModel):
    line: int
    message: str


class ImportReportOut(BaseModel):
    added: int
    skipped_duplicates: int
    failed: int
    errors: list[ImportErrorOut]

    @classmethod
    def of(cls, report: ImportReport) -> ImportReportOut:
        return cls(
            added=report.added,
            skipped_duplicates=report.skipped_duplicates,
            failed=report.failed,
            errors=[ImportErrorOut(line=line, message=message) for line, message in report.errors],
        )


def read_csv_upload(upload: UploadFile) -> bytes:
    """One byte over the limit is enough for the service to refuse the file with a clear message."""
    return upload.file.read(vocab_exchange.MAX_IMPORT_BYTES + 1)


def download(content: bytes, media_type: str, filename: str) -> Response:
    """A private file: saved by the browser, never kept by a shared cache."""
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }
    return Response(content, media_type=media_type, headers=headers)


def csv_download(state: State, user_id: int) -> Response:
    # The byte-order mark makes spreadsheets read the file as UTF-8; the import accepts it.
    text = vocab_exchange.export_csv(state.database, user_id=user_id)
    return download(
        text.encode("utf-8-sig"), "text/csv; charset=utf-8", _filename(state.clock().date(), "csv")
    )


def apkg_download(state: State, user_id: int, deck_name: str) -> Response:
    now = state.clock()
    data = vocab_exchange.export_apkg(state.database, user_id=user_id, deck_name=deck_name, now=now)
    return download(data, APKG_MEDIA_TYPE, _filename(now.date(), "apkg"))


def _filename(day: date, suffix: str) -> str:
    return f"vocabsphere-vocabulary-{day.isoformat()}.{suffix}"


DeckName = Annotated[str, Query(max_length=100, description="The Anki deck the words go into.")]


@router.get(
    "/export.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The vocabulary book as CSV."}},
)
def export_csv(state: State, principal: CurrentUser) -> Response:
    return csv_download(state, principal.user.id)


@router.get(
    "/export.apkg",
    response_class=Response,
    responses={200: {"content": {APKG_MEDIA_TYPE: {}}, "description": "An Anki package (.apkg)."}},
)
def export_apkg(
    state: State, principal: CurrentUser, deck: DeckName = vocab_exchange.DEFAULT_DECK_NAME
) -> Response:
    return apkg_download(state, principal.user.id, deck)


@router.post("/import", response_model=ImportReportOut)
def import_csv(
    state: State,
    principal: CurrentUser,
    file: Annotated[UploadFile, File(description="A CSV or tab-separated file with a header row.")],
) -> ImportReportOut:
    report = vocab_exchange.import_csv(
        state.database, user_id=principal.user.id, data=read_csv_upload(file), now=state.clock()
    )
    return ImportReportOut.of(report)
