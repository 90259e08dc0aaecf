"""Tables as CSV downloads (the class dashboard: the same cells the page shows)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from fastapi.responses import Response


def csv_response(rows: Sequence[Sequence[str]], filename: str) -> Response:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
