"""A class roster from CSV: one learner a line, checked line by line before anything is stored."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from vocabsphere.core.accounts import check_cefr_level, check_display_name, normalize_username
from vocabsphere.core.errors import InvalidInput

MAX_ROSTER_ROWS = 300
NAME_COLUMNS = ("display_name", "name")
KNOWN_COLUMNS = frozenset({*NAME_COLUMNS, "username", "level"})


@dataclass(frozen=True)
class RosterRow:
    line: int  # in the file, the header being line 1
    display_name: str
    username: str
    username_given: bool  # False: made from the name (matched only to a learner already in the class)
    level: str | None


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


def username_from_name(name: str) -> str:
    """'María López' -> 'maria.lopez': letters without accents, words joined by dots."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", ".", plain).strip(".")[:32].rstrip(".")
    return slug if len(slug) >= 3 else (slug + "...")[:3].replace(".", "0")


def _header(fields: list[str] | None) -> list[str]:
    columns = [f.strip().lower() for f in fields or []]
    if not any(c in NAME_COLUMNS for c in columns):
        raise InvalidInput(
            "Line 1: the first line names the columns and needs display_name (or name); "
            "username and level are optional.",
            field="roster",
        )
    unknown = [c for c in columns if c and c not in KNOWN_COLUMNS]
    if unknown:
        raise InvalidInput(f"Line 1: unknown column {unknown[0]!r}.", field="roster")
    return columns


def _row(line: int, values: dict[str, str]) -> RosterRow:
    name_raw = next((values[c] for c in NAME_COLUMNS if values.get(c, "").strip()), "")
    if not name_raw.strip():
        raise InvalidInput("the name is empty.")
    name = check_display_name(name_raw)
    given = values.get("username", "").strip()
    username = normalize_username(given) if given else username_from_name(name)
    level_raw = values.get("level", "").strip()
    level = check_cefr_level(level_raw) if level_raw else None
    return RosterRow(line, name, username, bool(given), level)


def parse_roster(text: str) -> tuple[list[RosterRow], list[LineError]]:
    """Rows and the errors of the lines that could not be read; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        columns = _header(next(reader, None))
    except csv.Error as error:
        raise InvalidInput(f"Line 1: {error}.", field="roster") from None
    rows: list[RosterRow] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) + len(errors) >= MAX_ROSTER_ROWS:
                raise InvalidInput(f"A roster has at most {MAX_ROSTER_ROWS} learners.", field="roster")
            if len(cells) > len(columns):
                errors.append(LineError(line, f"{len(cells)} values for {len(columns)} columns."))
                continue
            try:
                row = _row(line, dict(zip(columns, cells, strict=False)))
            except InvalidInput as error:
                errors.append(LineError(line, error.message))
                continue
            if row.username in seen:
                errors.append(LineError(line, f"{row.username} is already on line {seen[row.username]}."))
                continue
            seen[row.username] = line
            rows.append(row)
    except csv.Error as error:
        errors.append(LineError(reader.line_num, f"unreadable CSV ({error})."))
    if not rows and not errors:
        raise InvalidInput("The roster has no learners.", field="roster")
    return rows, errors
