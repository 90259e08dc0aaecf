"""Untrusted input: odd or hostile strings must finish quickly and fail only with InvalidInput."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest import (
    SourceText,
    StoryCandidate,
    assign_story,
    check_english,
    clean_text,
    compare_sources,
    decode_document,
    extract_html,
    normalise_numbers,
    sanitize_html,
)

HOSTILE = {
    "stars": "*a " * 20_000,
    "underscores": "_a " * 20_000,
    "brackets": "![" * 20_000 + "[" * 20_000,
    "open tags": "<a" * 20_000,
    "backticks": "`x " * 20_000,
    "commas and digits": "1," * 30_000,
    "capitals": "Aa " * 30_000,
    "camel": "aB" * 30_000,
    "quotes": "“'‘\"" * 15_000,
    "hashes": "# " + " " * 50_000 + "x",
    "byline": "By " + "Aaa " * 13 + "!",
    "one long word": "A" * 100_000,
    "blank lines": "\n" * 100_000 + "Some text here that is long enough to keep.",
}
BUDGET_SECONDS = 5.0

CALLS: dict[str, Callable[[str], object]] = {
    "clean_text": clean_text,
    "check_english": check_english,
    "normalise_numbers": normalise_numbers,
    "sanitize_html": sanitize_html,
    "extract_html": extract_html,
    "decode_document": lambda text: decode_document(text.encode("utf-8")),
    "compare_sources": lambda text: compare_sources([SourceText(1, "A", text), SourceText(2, "B", text)]),
    "assign_story": lambda text: assign_story(text, "t", [StoryCandidate(1, "t", text)]),
}


@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
def test_hostile_inputs_are_fast_and_fail_cleanly(call: str) -> None:
    for name, text in HOSTILE.items():
        started = time.perf_counter()
        with contextlib.suppress(InvalidInput):  # a clear refusal is fine; any other exception is a bug
            CALLS[call](text)
        assert time.perf_counter() - started < BUDGET_SECONDS, name
