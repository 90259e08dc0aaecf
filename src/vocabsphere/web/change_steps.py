"""The adaptation's step names in plain words for the "What changed?" page (learners and teachers read
it, not the pipeline's authors). A step without a description here is not shown."""

from __future__ import annotations

from collections.abc import Iterable

STEP_DESCRIPTIONS = {
    "content": "sentences left out",
    "compression": "words cut from sentences",
    "syntax.semicolon": "sentences split at a semicolon",
    "syntax.relative_clause": "“who …” clauses made into their own sentence",
    "syntax.apposition": "descriptions after a name made into their own sentence",
    "syntax.coordination": "two joined clauses split into two sentences",
    "syntax.participle": "“…ing” phrases made into their own sentence",
    "syntax.passive": "passive sentences made active",
    "syntax.parenthetical": "short asides in brackets left out",
    "syntax.dash_aside": "short asides between dashes left out",
    "syntax.attribution": "“according to …” moved to the start, or a news agency credit left out",
    "numbers": "numbers written more simply",
    "lexical": "hard words replaced by simpler ones",
    "glosses": "hard words explained",
}


def describe_steps(steps: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """(plain description, count) for the steps that made changes, in the pipeline's order."""
    return [(STEP_DESCRIPTIONS[name], count) for name, count in steps if count and name in STEP_DESCRIPTIONS]
