"""False highlight claims of round read13 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.adapt_checks import points_in
from vocabsphere.core.learnables import select_highlights
from vocabsphere.core.learnables.highlights import _stand_in


@pytest.mark.parametrize(
    "text",
    [
        "The storm made such a loud noise that the children woke up.",
        "There were so many boats that the harbour closed.",
        "It is so hard to find a taxi that we often walk home.",
        "It is so unusual to meet a bear that seeing its tracks makes it a good trip.",
    ],
)
def test_the_that_of_so_or_such_is_no_relative_clause(nlp: Language, text: str) -> None:
    # "such a ... noise that ..." is the result clause of such ... that, not "which noise"
    assert not points_in(nlp, text, "relative_defining")
    assert points_in(nlp, "The storm made a noise that the children heard.", "relative_defining")
    assert points_in(nlp, "It is so hard to find a taxi that takes cards.", "relative_defining")


def _present_simple(nlp: Language, text: str) -> list[str]:
    """The verbs a highlight of ``text`` (for an A1 learner) calls the present simple."""
    highlights = select_highlights(nlp(text), "A1", lexicon=None)
    return [p.text for h in highlights for p in h.points if p.id == "present_simple"]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("If she misses the early bus tomorrow, she will walk to the office.", "misses"),
        ("When the train arrives, we are going to eat.", "arrives"),
        ("Unless he finds a job soon, he can't pay the rent.", "finds"),
    ],
)
def test_no_facts_and_habits_note_for_a_condition_on_the_future(nlp: Language, text: str, verb: str) -> None:
    # "'misses' is the present simple: we use it for facts, habits ..." is false of a possible future event
    assert points_in(nlp, text, "present_simple")  # the detector finds it; the highlight leaves it out
    assert verb not in _present_simple(nlp, text)


def test_a_habit_keeps_its_present_simple_note(nlp: Language) -> None:
    assert "walks" in _present_simple(nlp, "My grandmother walks to the market when it rains.")


def test_no_facts_and_habits_note_for_a_report_at_the_end(nlp: Language) -> None:
    # "It will not be possible ... unless ..., it adds.": 'adds' is the news report's 'said'
    for text, verb in (
        ("Most families in the valley eat rice, it adds.", "adds"),
        ("Everyone in the village knows the story, he says.", "says"),
    ):
        assert any(m.text == verb for m in points_in(nlp, text, "present_simple"))
        assert verb not in _present_simple(nlp, text)
    assert "adds" in _present_simple(nlp, "She always adds salt to the soup.")


def test_the_condition_of_an_infinitive_takes_the_time_of_the_clause_above(nlp: Language) -> None:
    # "It will not be possible to get to zero unless development policies focus on ...": 'focus'
    doc = nlp("It will not be easy to pass the test unless the students practise every day.")
    practise = next(t for t in doc if t.text == "practise")
    assert _stand_in(practise, "present_simple")
    doc = nlp("She walks to work when it rains.")  # a habit: 'walks to work' is no order
    assert not _stand_in(next(t for t in doc if t.text == "rains"), "present_simple")
