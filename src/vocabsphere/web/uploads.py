"""Reading uploaded files with a size cap, into ingestion sources."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import PurePath

from fastapi import UploadFile

from vocabsphere.core.errors import InvalidInput
from vocabsphere.services.ingest import HTML_SUFFIXES, MAX_UPLOAD_BYTES, TEXT_SUFFIXES, IngestSource


def read_upload(upload: UploadFile) -> IngestSource:
    """Synchronous on purpose: handlers that ingest run in the thread pool, never on the event loop."""
    name = PurePath(upload.filename or "upload.txt").name[:200]
    suffix = PurePath(name).suffix.lower()
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        raise InvalidInput(f"{name}: upload .txt, .md or .html files.", field="file")
    data = upload.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidInput(f"{name} is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.", field="file")
    if not data.strip():
        raise InvalidInput(f"{name} is empty.", field="file")
    charset = None
    if upload.content_type and "charset=" in upload.content_type:
        charset = upload.content_type.split("charset=")[-1].strip()
    return IngestSource(
        kind="file", data=data, filename=name, charset=charset, is_html=suffix in HTML_SUFFIXES
    )


def with_details(source: IngestSource, *, outlet: str, published: str, today: date) -> IngestSource:
    """The outlet and publication date a teacher gave for an upload (blank: read from the file)."""
    name = " ".join(outlet.split())
    if len(name) > 120:
        raise InvalidInput("The outlet name is too long (at most 120 characters).", field="outlet")
    day = None
    if published.strip():
        try:
            day = date.fromisoformat(published.strip())
        except ValueError:
            raise InvalidInput(
                "Give the date as year-month-day, for example 2026-11-02.", field="published"
            ) from None
        if day > today:
            raise InvalidInput("The publication date cannot be in the future.", field="published")
        if day.year < 1900:
            raise InvalidInput("The publication date is before 1900; check the year.", field="published")
    return replace(source, outlet=name or source.outlet, published=day or source.published)
