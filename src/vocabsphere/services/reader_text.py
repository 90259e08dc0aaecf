"""The reader's tokens and lemma profile of a text, parsed once (when a version is built)."""

from __future__ import annotations

from vocabsphere.core.reading import build_reader_text
from vocabsphere.core.reading.tokens import profile_to_json


def analyse_for_reader(text: str) -> tuple[str, str]:
    """(reader JSON, lemma profile JSON) of ``text``; slow (a parse): call it outside transactions."""
    from vocabsphere.core.levels import word_level
    from vocabsphere.core.text import load_pipeline

    reader = build_reader_text(load_pipeline(), text, word_level)
    return reader.to_json(), profile_to_json(reader.lemma_profile())
