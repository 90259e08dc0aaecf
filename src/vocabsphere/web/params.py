"""Shared request-parameter types: ids are positive 64-bit integers everywhere."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Ge, Le

# Database ids are signed 64-bit integers; larger numbers can name no row (answered 422, not a 500).
MAX_ID = 2**63 - 1

RowId = Annotated[int, Ge(1), Le(MAX_ID)]
