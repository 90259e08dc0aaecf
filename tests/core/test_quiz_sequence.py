"""Sequence-of-events questions: made only where the text states the order, and right at every level kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.quizzes.entities import find_cast
from vocabsphere.core.quizzes.generator import generate_quiz
from vocabsphere.core.quizzes.model import Question, QuestionKind
from vocabsphere.core.quizzes.passages import parse_passages
from vocabsphere.core.quizzes.sequence import FIRST, LATER, ordered_events, sequence_candidates

# Invented stories. The later event is told first: the order must come from the dates, not the text.
DATED = (
    "The town museum opened a new science hall in 2015.\n"
    "Many families visit the museum at the weekend.\n"
    "The old stone bridge over the river was built in 1990."
)
DATED_B1 = (
    "The town museum opened a new science hall for children in 2015.\n"
    "Many families visit the museum at weekends.\n"
    "The old stone bridge over the river was built in 1990 by local workers."
)
UNDATED = (
    "The town museum opened a new science hall.\n"
    "Many families visit the museum at the weekend.\n"
    "The old stone bridge over the river was built."
)


def _sequence(questions: tuple[Question, ...]) -> list[Question]:
    return [q for q in questions if q.kind is QuestionKind.SEQUENCE]


def _earlier(question: Question, earlier: str, later: str) -> None:
    """The key is the earlier event for "first", the later one for "later"; both are the options."""
    assert set(question.options) == {earlier, later}
    assert question.stem in (FIRST, LATER)
    assert question.answer == (earlier if question.stem == FIRST else later)


def test_dated_events_told_out_of_order_give_the_earlier_one_as_key(nlp: Language) -> None:
    quiz = generate_quiz({"A2": DATED, "B1": DATED_B1, "C1": DATED_B1}, lexicon=None, nlp=nlp)
    [question] = _sequence(quiz.questions)
    _earlier(
        question, "The old stone bridge over the river was built", "The town museum opened a new science hall"
    )
    assert question.levels == ("A2", "B1", "C1")
    assert "1990" in question.evidence and "2015" in question.evidence


def test_events_without_a_stated_order_make_no_question(nlp: Language) -> None:
    quiz = generate_quiz({"A2": UNDATED, "B1": UNDATED, "C1": UNDATED}, lexicon=None, nlp=nlp)
    assert not _sequence(quiz.questions)
    # Dates in the same year do not order two events either.
    same_year = DATED.replace("1990", "2015")
    assert not _sequence(generate_quiz({"A2": same_year, "B1": same_year}, lexicon=None, nlp=nlp).questions)


def test_a_level_version_lacking_one_event_drops_the_question_there(nlp: Language) -> None:
    no_bridge = "\n".join(line for line in DATED_B1.split("\n") if "bridge" not in line)
    quiz = generate_quiz({"A2": DATED, "B1": no_bridge, "C1": DATED_B1}, lexicon=None, nlp=nlp)
    [question] = _sequence(quiz.questions)
    assert question.levels == ("A2", "C1")
    assert "B1" not in dict(question.evidence_at)
    # With only two versions, one that cannot answer it leaves the question out.
    assert not _sequence(generate_quiz({"A2": DATED, "B1": no_bridge}, lexicon=None, nlp=nlp).questions)


def _pairs(nlp: Language, text: str) -> list[tuple[str, str]]:
    passages = parse_passages({"A2": text}, nlp)
    cast = find_cast(passages.values())
    return [(a.text, b.text) for a, b in ordered_events(passages["A2"], cast)]


@pytest.mark.parametrize(
    ("text", "earlier", "later"),
    [
        # "after": the clause after it happened first; its pronoun subject takes the named subject.
        (
            "Maria Lopez opened her own bakery after she finished a cooking course in Paris.",
            "Maria Lopez finished a cooking course in Paris",
            "Maria Lopez opened her own bakery",
        ),
        # "before" with a gerund: the subject is the main clause's, the verb put in the simple past (spelt
        # as the text spells it).
        (
            "The team cancelled the concert before travelling to the coast.",
            "The team cancelled the concert",
            "The team travelled to the coast",
        ),
        # A past perfect against a simple past: "had left" is put in the simple past, "already" left out.
        (
            "When the firefighters arrived at the bank, the thieves had already left the building.",
            "The thieves left the building",
            "The firefighters arrived at the bank",
        ),
        # The link's own adverb ("Shortly before") stays out of the event.
        (
            "Shortly before he went to Spain, the prince was photographed at a party in Paris.",
            "The prince was photographed at a party in Paris",
            "The prince went to Spain",
        ),
        # "and then": the second verb shares the subject.
        (
            "The young farmer sold his old tractor and then bought three new cows.",
            "The young farmer sold his old tractor",
            "The young farmer bought three new cows",
        ),
    ],
)
def test_linked_events_are_grammatical_phrases_in_the_right_order(
    nlp: Language, text: str, earlier: str, later: str
) -> None:
    assert (earlier, later) in _pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # "he" could be Smith or Jones: no question.
        "Peter Smith hired Tom Jones after he left the bank.",
        # "they" after another plural noun could be the workers.
        "The managers closed the factories after they lost money.",
        # Not an event: a state, a modal, a negation, a habit.
        "The village was quiet before the storm arrived.",
        "The company could build the road after the council agreed.",
        "The children did not play outside after the rain stopped.",
        "The farmers usually rested after they finished the harvest.",
        # "it" after another thing could be either ("protected the rhino after it ...").
        "The country protected the rhino after it was almost wiped out by hunters.",
        # Reported speech is somebody's claim, not the story's.
        '"We left the camp after the storm started," the climbers said.',
    ],
)
def test_no_order_is_read_where_an_event_is_unsure(nlp: Language, text: str) -> None:
    assert _pairs(nlp, text) == []


def test_a_list_or_an_aside_is_never_cut_into_a_false_event(nlp: Language) -> None:
    # Leaving out "with ..." must not leave "as the painter" hanging on "was made".
    text = (
        "Old coins first appeared in village shops in 1971.\n"
        "A film about the painter was made in 2015, with Tim Spall as the painter."
    )
    assert ("Old coins appeared in village shops", "A film about the painter was made") in _pairs(nlp, text)
    # A date after another clause belongs to that clause, not to the main verb.
    joined = "Major road projects began after Poland joined the union in 2004.\nThe wolves came back in 2015."
    assert all("after" not in a and "after" not in b for a, b in _pairs(nlp, joined))
    # A gerund after a verb of seeing belongs to what was seen, not to the subject.
    seen = "Analysts saw visitor numbers peak at one billion in January, before falling in February."
    assert all(not b.startswith("Analysts fell") for _, b in _pairs(nlp, seen))
    # A list is kept whole or the event is not used.
    listed = (
        "An expert panel looked at 400 letters written by the mayor, the council and other groups.\n"
        "The panel then wrote a long report."
    )
    assert all(not a.endswith("by the mayor") for a, _ in _pairs(nlp, listed))


def test_options_share_one_form_and_a_similar_length(nlp: Language) -> None:
    passages = parse_passages({"A2": DATED}, nlp)
    [candidate] = sequence_candidates(passages["A2"], find_cast(passages.values()))
    for option in candidate.options:
        assert option[:1].isupper() and option[-1].isalnum()
    short, long = sorted(len(o.split()) for o in candidate.options)
    assert long <= 2 * short
