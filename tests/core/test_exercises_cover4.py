"""Issue #17 round cover4: due words whose only sentences were refused although a sound sentence
stands in them (a quotation that runs across sentences, a clause before a colon that brings a
quotation), and the faults read on the items this made (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.exercise_checks import from_text
from vocabsphere.core.exercises import exercises_for_sentence
from vocabsphere.core.exercises.sentences import closed_quotation, parse_holds
from vocabsphere.core.exercises.slots import find_token, slot_pos, slot_reason
from vocabsphere.core.lexicon import Lexicon


def test_a_quotation_going_on_into_the_next_sentence_is_closed(real_lexicon: Lexicon, nlp: Language) -> None:
    text = "In a statement, the hospital said: \u201cThe baby was safely delivered at 3am."
    made = from_text(real_lexicon, nlp, text, "safely")
    pos = made["part_of_speech"]
    assert pos.answer == "adverb"
    assert pos.source_sentence.endswith("at 3am.\u201d") and pos.shortened_from == text


def test_a_quotation_opened_a_sentence_before_is_opened(real_lexicon: Lexicon, nlp: Language) -> None:
    text = "People ask me for money when they hear of the prize,\u201d said Ann Grey, an expert in finance."
    made = from_text(real_lexicon, nlp, text, "expert")
    assert made["part_of_speech"].answer == "noun"
    assert made["part_of_speech"].source_sentence == f"\u201c{text}"


@pytest.mark.parametrize(
    "text",
    [
        "The plan was simple.",  # no mark
        "\u201cThe plan was simple.",  # opened at its start: unquoted() reads it
        "She called it \u201ca plan\u201d and \u201cgood.",  # more marks than one
        "She said: \u201cThe plan was simple",  # no end
        # lead's dev reading: after a dash the quotation is an aside and the sentence has no verb
        "His plans for the town and for a new bridge over the river \u2013 \u201cA big bridge.",
        # the sentence goes on from the quotation with no subject of its own
        "A very big bridge, bigger than that one.\u201d \u2013 may sound odd but it has won him votes.",
    ],
)
def test_no_mark_is_added_where_none_is_missing_or_the_quotation_is_not_plain(text: str) -> None:
    assert closed_quotation(text) is None


def test_the_clause_before_a_colon_that_brings_a_quotation(real_lexicon: Lexicon, nlp: Language) -> None:
    text = (
        "The idea for a huge painting of the harbour came to the young artist at the end of a cold and "
        "rainy September: \u201cEvery morning, we walked past the boats and I watched the light change "
        "on the water.\u201d"
    )
    pos = from_text(real_lexicon, nlp, text, "painting")["part_of_speech"]
    assert pos.source_sentence == (
        "The idea for a huge painting of the harbour came to the young artist at the end of a cold and "
        "rainy September."
    )


def test_no_clause_before_a_colon_that_brings_the_words_said(real_lexicon: Lexicon, nlp: Language) -> None:
    """ "The manager told her closest friends at the office." says nothing without the words."""
    text = (
        "After the long meeting with the board the manager finally told her closest friends at the "
        "office: \u201cI am leaving the company next month and I will start my own small business.\u201d"
    )
    assert from_text(real_lexicon, nlp, text, "friends") == {}


def test_a_noun_after_a_preposition_is_no_subject(real_lexicon: Lexicon, nlp: Language) -> None:
    """The parse gives "came" two subjects, "idea" and "painting": only "idea" is one."""
    doc = nlp("The idea for a huge painting came to her in September.")
    made = {i.kind.value: i for i in exercises_for_sentence(real_lexicon, doc, "painting", "B1")}
    assert "subject" not in made["part_of_speech"].explanation


def test_a_word_tagged_as_a_noun_before_a_noun_that_is_an_adjective_too(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    """ "the project's principal investigator": noun or adjective, teachers disagree."""
    sent = next(
        nlp("Maria Lopez, the project\u2019s principal investigator, said the results were good.").sents
    )
    token = find_token(sent, "principal")
    assert token is not None and slot_pos(real_lexicon, token) is None


def test_a_quantifier_is_no_adjective_in_a_reason(nlp: Language) -> None:
    sent = next(
        nlp("The coach said: \u201cMany congratulations to all the young players in the team.\u201d").sents
    )
    token = find_token(sent, "congratulations")
    assert token is not None and "Many" not in (slot_reason(token, "NOUN") or "")


def test_a_lone_comma_before_an_adverb_and_the_verb(nlp: Language) -> None:
    """ "The old farmer, also sounded very tired": a comma between the subject and its verb."""
    sent = next(nlp("The old farmer, also sounded very tired after the long day in the fields.").sents)
    assert not parse_holds(sent)
