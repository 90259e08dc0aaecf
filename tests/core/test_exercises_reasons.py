"""The reasons part-of-speech items (and the other kinds that share them) give: only what the
parse surely shows, and never a key the tagger alone decides (lead's reading of the dev items)."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.exercises import ExerciseKind, exercises_for_sentence
from vocabsphere.core.exercises.slots import slot_reason
from vocabsphere.core.lexicon import Lexicon


def verb_reason(nlp: Language, sentence: str, word: str) -> str | None:
    doc = nlp(sentence)
    return slot_reason(next(t for t in doc if t.text == word), "VERB")


def test_no_part_of_speech_key_that_only_the_tagger_gives(real_lexicon: Lexicon, nlp: Language) -> None:
    # "said roboticist Daniel Huber": the tagger made "roboticist" a verb with the object "Daniel";
    # no dictionary knows the word as a verb, so the key "verb" was wrong
    sentence = "\u201cIt will crash into the ground,\u201d said roboticist Daniel Huber."
    made = exercises_for_sentence(
        real_lexicon, nlp(sentence), "roboticist", "B1", [ExerciseKind.PART_OF_SPEECH]
    )
    assert all(item.answer != "verb" for item in made)


def test_no_object_after_a_comma(nlp: Language) -> None:
    # "continues to falter, Sardinia, along with ...": the name after the comma is the subject of
    # the next clause, not the object of "falter"
    reason = verb_reason(
        nlp,
        "As prices continue to rise, Norway, along with much of northern Europe, is facing high costs.",
        "rise",
    )
    assert reason is None or "object" not in reason


def test_no_object_when_the_parse_gives_two(nlp: Language) -> None:
    # "considers this research essential": "essential" is a complement, not the object
    reason = verb_reason(
        nlp, "The agency considers this research essential for a future trip to the Moon.", "considers"
    )
    assert reason is None or "essential" not in reason


def test_an_object_that_is_a_name_is_named_whole(nlp: Language) -> None:
    # "it has an object, 'Hitchcock'" of "included Alfred Hitchcock"
    assert verb_reason(nlp, "The museum showed Alfred Hitchcock in a new light.", "showed") == (
        "its subject is \u2018museum\u2019; it has an object, \u2018Alfred Hitchcock\u2019"
    )
    assert verb_reason(nlp, "She bought a cheap old car.", "bought") == (
        "its subject is \u2018She\u2019; it has an object, \u2018car\u2019"
    )


def test_an_adverb_before_a_comparative_names_it_as_a_comparative(nlp: Language) -> None:
    # "works significantly better": "better" is an adverb there, so calling it "the adjective" is
    # false; it is a comparative whatever its part of speech
    def reason(sentence: str, word: str) -> str | None:
        doc = nlp(sentence)
        return slot_reason(next(t for t in doc if t.text == word), "ADV")

    assert reason("The new drug works significantly better than the old one.", "significantly") == (
        "it tells us more about the comparative \u2018better\u2019"
    )
    assert (
        reason("The room was extremely cold.", "extremely")
        == "it tells us more about the adjective \u2018cold\u2019"
    )


def test_no_gap_inside_a_hyphenated_word(real_lexicon: Lexicon, nlp: Language) -> None:
    # lead's dev reading: "a 15km _____-end road" keyed "dead", explained as "no longer having ...
    # life"; a part of "dead-end" is no word of its own, so no item asks about it
    made = exercises_for_sentence(
        real_lexicon, nlp("They walked along a long dead-end road near the lake."), "dead", "B1"
    )
    assert made == []
    later = exercises_for_sentence(
        real_lexicon, nlp("The dead fish lay near a dead-end road by the lake."), "dead", "B1"
    )
    assert later and all("_____-" not in item.prompt for item in later)
