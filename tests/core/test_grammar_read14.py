"""False highlight claims of round read14 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.levels.grammar_detect import detect_grammar


def _points(nlp: Language, text: str) -> set[str]:
    return {m.point.id for m in detect_grammar(nlp(text))}


def test_a_speech_tag_before_but_reports_nothing(nlp: Language) -> None:
    # "X, he says, but Y": the parse hangs Y on 'says', and "says, but the roads ... are" was called
    # reported speech, though Y is joined on by 'but' and nobody reports it
    text = (
        "Bikes help children to get to school on time, he says, but the roads near the school are very busy."
    )
    assert "reported_speech" not in _points(nlp, text)
    # reported speech is still found, also before a 'but'
    assert "reported_speech" in _points(nlp, "She says that the roads are busy, but nobody listens.")
    assert "reported_speech" in _points(nlp, "He said the roads were busy and the buses were late.")
