"""Issue #17 round cover5: due words whose only sentences were refused although a sound sentence
stands in them (the words somebody said, after who said it, in a sentence too long as a whole),
and the faults read on the items this made (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.exercise_checks import from_text
from vocabsphere.core.exercises.sentences import quotation_after_speaker
from vocabsphere.core.lexicon import Lexicon


def test_the_words_said_after_who_said_them(real_lexicon: Lexicon, nlp: Language) -> None:
    """31 words as a whole: the quotation alone, in its marks, is a sentence of 17."""
    text = (
        "After a long and difficult meeting with the parents of the children at the school last week, "
        "the head teacher said: \u201cEvery pupil will get a free lunch from next month.\u201d"
    )
    pos = from_text(real_lexicon, nlp, text, "pupil")["part_of_speech"]
    assert pos.answer == "noun"
    assert pos.source_sentence == "\u201cEvery pupil will get a free lunch from next month.\u201d"
    assert pos.shortened_from == text


def test_the_words_said_running_on_into_the_next_sentence(real_lexicon: Lexicon, nlp: Language) -> None:
    text = (
        "When the old fisherman finally came back to the harbour after three long weeks at sea, he told "
        "reporters: \u201cThe storm broke our only radio and we had nothing left to eat."
    )
    pos = from_text(real_lexicon, nlp, text, "radio")["part_of_speech"]
    assert pos.source_sentence == "\u201cThe storm broke our only radio and we had nothing left to eat.\u201d"


@pytest.mark.parametrize(
    "text",
    [
        "The head teacher said that every pupil will get a free lunch.",  # no mark
        # the words said go on from the sentence before the mark: no sentence of their own
        "The head teacher said that \u201cevery pupil will get a free lunch from next month.\u201d",
        # no verb of saying before the mark: a sign, a title, a name
        "On the door of the old shop by the river was a sign: \u201cClosed for the winter.\u201d",
        # after a dash the quotation is an aside
        "The head teacher had one plan \u2013 \u201cEvery pupil gets a free lunch.\u201d",
        # the sentence goes on after the quotation
        "The head teacher said: \u201cEvery pupil gets a lunch,\u201d and left the room.",
        # another quotation inside, left open
        "The head teacher said: \u201cEvery pupil gets a \u2018free lunch.\u201d",
    ],
)
def test_no_quotation_is_taken_out_where_it_is_not_a_whole_sentence_said(text: str) -> None:
    assert quotation_after_speaker(text) is None
