"""Issue #17 round exfix: a sentence from inside a longer quotation is shown as a whole quotation
(not as the story's own claim), and no part-of-speech reason rests on "and" joining an -ing form to
a noun while an earlier -ing form is the likelier partner (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.exercise_checks import from_text
from vocabsphere.core.exercises.sentences import edge_quotation
from vocabsphere.core.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        # opened here, goes on in the next sentence: closed at its end, in its own style
        ("\u201cIt is not cheap, but we will try.", "\u201cIt is not cheap, but we will try.\u201d"),
        ('"I am not saying it is cheap.', '"I am not saying it is cheap."'),
        ("\u2018We won\u2019t give up now.", "\u2018We won\u2019t give up now.\u2019"),
        # opened a sentence earlier, closed here: opened at its start
        ("We will try again next week.\u201d", "\u201cWe will try again next week.\u201d"),
        ("We will try again next week.\u2019", "\u2018We will try again next week.\u2019"),
    ],
)
def test_a_sentence_of_a_longer_quotation_is_made_whole(text: str, whole: str) -> None:
    assert edge_quotation(text) == whole


@pytest.mark.parametrize(
    "text",
    [
        "We will try again next week.",  # no mark
        "\u201cWe will try,\u201d she said.",  # a whole quotation already
        "She said: \u201cWe will try.",  # opened after the first words: closed_quotation()'s
        "\u201cWe will try",  # no end
        "The prize went to the two sisters\u2019",  # an apostrophe, no quotation
    ],
)
def test_no_mark_is_added_where_the_quotation_is_not_at_the_edge(text: str) -> None:
    assert edge_quotation(text) is None


def test_the_item_shows_somebodys_words_in_marks(real_lexicon: Lexicon, nlp: Language) -> None:
    text = "\u201cI am not saying the new bridge will be cheap, but the town needs it."
    made = from_text(real_lexicon, nlp, text, "bridge")
    assert made, "the sentence gives items"
    for item in made.values():
        assert item.source_sentence == f"{text}\u201d" and item.shortened_from == text
        assert "\u201cI am not saying" in item.prompt or item.kind.value == "word_order"


def test_the_quotation_closed_here_is_opened(real_lexicon: Lexicon, nlp: Language) -> None:
    text = "The new bridge will open to traffic in the spring of next year.\u201d"
    made = from_text(real_lexicon, nlp, text, "traffic")
    assert made
    assert all(item.source_sentence == f"\u201c{text}" for item in made.values())


def test_no_noun_reason_from_and_when_an_earlier_ing_form_is_its_partner(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    """The parse joins "building" to "village"; "and" joins it to "finding"."""
    text = "The first task is finding clean water for a village and building for the years ahead."
    pos = from_text(real_lexicon, nlp, text, "building").get("part_of_speech")
    assert pos is None or "village" not in pos.explanation


def test_and_still_joins_two_nouns(real_lexicon: Lexicon, nlp: Language) -> None:
    """No -ing form before: "and" joins the two nouns, and the reason stands."""
    text = "The old farmer sold his sheep, and his daughter kept the horses and cattle on the hill."
    pos = from_text(real_lexicon, nlp, text, "cattle").get("part_of_speech")
    assert pos is not None and pos.answer == "noun"
