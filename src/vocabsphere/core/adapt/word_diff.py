"""Word-level differences between an original paragraph and its level version, for "What changed?".

Tokens are words and punctuation marks compared case-folded (curly apostrophes straightened), so a
moved comma or a capital after a cut is not shown as a change of the word. Runs of one kind are
merged, so a cut phrase is one struck run and a substitution one deleted and one inserted run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

__all__ = ["Run", "word_changes"]

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
Kind = Literal["same", "del", "ins"]


@dataclass(frozen=True, slots=True)
class Run:
    space: str  # white space before the run (shown outside any mark)
    text: str
    kind: Kind


def _tokens(text: str) -> list[tuple[str, str]]:
    """(white space before, token) pairs of ``text``."""
    found, end = [], 0
    for match in _TOKEN.finditer(text):
        found.append((text[end : match.start()], match.group()))
        end = match.end()
    return found


def _merge(pieces: list[tuple[str, str, Kind]]) -> tuple[Run, ...]:
    runs: list[Run] = []
    for space, text, kind in pieces:
        if runs and runs[-1].kind == kind and (kind == "same" or space.strip() == ""):
            last = runs[-1]
            runs[-1] = Run(last.space, last.text + space + text, kind)
        else:
            runs.append(Run(space, text, kind))
    return tuple(runs)


def _key(token: str) -> str:
    return token.replace("\u2019", "'").casefold()


def word_changes(original: str, adapted: str) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """(original as runs with deleted words marked, version as runs with inserted words marked)."""
    left, right = _tokens(original), _tokens(adapted)
    matcher = SequenceMatcher(None, [_key(t) for _, t in left], [_key(t) for _, t in right], autojunk=False)
    old: list[tuple[str, str, Kind]] = []
    new: list[tuple[str, str, Kind]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        same = op == "equal"
        old.extend((space, token, "same" if same else "del") for space, token in left[a1:a2])
        new.extend((space, token, "same" if same else "ins") for space, token in right[b1:b2])
    return _merge(old), _merge(new)
