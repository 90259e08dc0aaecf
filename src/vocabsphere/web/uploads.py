"""Reading uploaded files with a size cap, into ingestion sources."""

from __future__ import annotations

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
