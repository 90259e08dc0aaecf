"""Faults of the teacher's reading of 100 dev items per kind (issue #17, sentence role and word
family), each pinned on an invented sentence with the real pipeline and lexicon: the item is left
out, or made without the false claim, and a sound item of the same shape is still made."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.exercise_checks import items
from vocabsphere.core.exercises.patterns import sentence_role_item
from vocabsphere.core.lexicon import Lexicon


def role_explanations(nlp: Language, sentence: str, lexicon: Lexicon) -> set[str]:
    """The explanations of the main clause's role items (those of a clause inside start "In ‘")."""
    doc = nlp(sentence)
    made = [item for t in doc if (item := sentence_role_item(lexicon, t, t.lemma_)) is not None]
    return {item.explanation for item in made if not item.explanation.startswith("In \u2018")}


# --- sentence role: the phrases named are whole phrases -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # the object cut short before the phrase that says which ones ("'the writers' is the object")
        ("Thousands of readers suggested the writers on the list.", "Thousands of readers"),
        # the object cut short before the rest of a list ("'a book' is the object")
        ("He now has a book and a huge hit single, Show Me Love, which sold well.", "He"),
        ("We took warm clothes, many laptop computers and a camera.", "We"),
        # the object run on into the next clause's subject ("the young tourists and curious children")
        (
            "A local guide helped the young tourists and curious children followed them around.",
            "A local guide",
        ),
        # a noun of an action takes its own phrase ("'objections' is the object"; train articles)
        ("Spain and Italy have made objections to a plan made by the big online shop.", "Spain and Italy"),
    ],
)
def test_no_object_named_where_it_may_be_cut(
    nlp: Language, real_lexicon: Lexicon, sentence: str, subject: str
) -> None:
    doc = nlp(sentence)
    made = [item for t in doc if (item := sentence_role_item(real_lexicon, t, t.lemma_)) is not None]
    assert {item.answer for item in made} == {"subject", "verb"}  # the object phrase is not asked
    assert all("object" not in item.explanation for item in made)  # nor named
    assert all(f"\u2018{subject}\u2019 is the subject" in item.explanation for item in made)


@pytest.mark.parametrize(
    "sentence",
    [
        # a fronted phrase taken into the subject ("'Among the 50 million people, 20 million'")
        "Among the 50 million people, 20 million said they were happy.",
        # half a verb group named as the verb ("'used' is the verb", "'was going' is the verb")
        "These used to be easy questions for the pupils.",
        "It was going to be a long night for the family.",
        # train articles: a conjunction inside the subject ("'But Boer' is the subject"), a clause
        # inside the object ("'young farmers to sell the milk' is the object")
        "But Boer says that the city has learned a lot.",
        "The new law allows young farmers to sell the milk.",
    ],
)
def test_no_sentence_role_when_a_phrase_may_be_cut(
    nlp: Language, real_lexicon: Lexicon, sentence: str
) -> None:
    assert role_explanations(nlp, sentence, real_lexicon) == set()


def test_sentence_role_still_made_where_the_phrases_are_sure(nlp: Language, real_lexicon: Lexicon) -> None:
    (put,) = role_explanations(
        nlp, "They put the old books in a box.", real_lexicon
    )  # "in a box" says where they go
    assert "\u2018the old books\u2019 is the object" in put
    (signed,) = role_explanations(nlp, "The famous club signed a young player last week.", real_lexicon)
    assert "\u2018a young player\u2019 is the object" in signed  # "last week" tells when
    # a verb after a preposition or a participle before its noun is no clause inside the object
    (record,) = role_explanations(
        nlp, "Another dog at the farm, Rex, broke a world record for opening a gate.", real_lexicon
    )
    assert "\u2018a world record for opening a gate\u2019 is the object" in record
    (club,) = role_explanations(nlp, "She is starting a club called Green Town.", real_lexicon)
    assert "\u2018a club called Green Town\u2019 is the object" in club
    (mixed,) = role_explanations(nlp, "In Paris, the plan has got mixed reactions.", real_lexicon)
    assert "\u2018mixed reactions\u2019 is the object" in mixed
    (census,) = role_explanations(nlp, "Peru did a census in 2015.", real_lexicon)  # "in 2015" tells when
    assert "\u2018a census\u2019 is the object" in census
    (hate,) = role_explanations(nlp, "Most people hate them and often kill them.", real_lexicon)
    assert "\u2018them\u2019 is the object" in hate
    (chef,) = role_explanations(nlp, "Its chef, René Redzepi, says that ants taste like lemon.", real_lexicon)
    assert "\u2018Its chef, René Redzepi\u2019 is the subject" in chef  # a comma around a second name


# --- word family: members a teacher shows, gaps with one answer -----------------------------


def test_no_family_member_known_as_another_word(real_lexicon: Lexicon, nlp: Language) -> None:
    # "liver" (the organ) and "livery" were offered as the family of "live"; "significant" of "sign"
    made = items(real_lexicon, nlp, "My grandparents live in a small village near the sea.", "live")
    family = made.get("word_family")
    assert family is None or not {"liver", "livery"} & set(family.options)
    made = items(real_lexicon, nlp, "The famous club signed a young player last week.", "signed")
    family = made.get("word_family")
    assert family is None or not {"significant", "significantly"} & set(family.options)
    made = items(real_lexicon, nlp, "We can solve these problems together.", "solve")  # train: "solvent"
    family = made.get("word_family")
    assert family is None or "solvent" not in family.options


def test_no_family_gap_in_a_name(real_lexicon: Lexicon, nlp: Language) -> None:
    # "the Massachusetts Institute of _____": key "technology" written small inside a name
    made = items(
        real_lexicon, nlp, "She studied at the Boston Institute of Technology for four years.", "Technology"
    )
    assert "word_family" not in made


def test_no_family_gap_an_adjective_also_fills(real_lexicon: Lexicon, nlp: Language) -> None:
    # "made football _____": "historical" fits after the object as well as "history"
    made = items(real_lexicon, nlp, "The new coach has made football history in the small town.", "history")
    assert "word_family" not in made or "historical" not in made["word_family"].options


# --- reasons from the parse: no object or subject the sentence does not have ----------------


def test_no_object_of_a_verb_that_takes_a_clause(real_lexicon: Lexicon, nlp: Language) -> None:
    # "said the crisis ... forced": "crisis" is the subject of "forced", not the object of "said"
    made = items(
        real_lexicon,
        nlp,
        "Many experts said the financial crisis in 2008 forced small shops to close.",
        "crisis",
    )
    assert made, "the noun still gets items"
    assert all("object of the verb \u2018said\u2019" not in i.explanation for i in made.values())
    assert "after \u2018the\u2019" in made["part_of_speech"].explanation
    # an object that ends its clause is sure, whatever the verb: "means change."
    made = items(real_lexicon, nlp, "For most families, a new baby often means change.", "change")
    assert "it is the object of the verb \u2018means\u2019" in made["part_of_speech"].explanation


def test_no_subject_the_parse_took_from_the_main_clause(real_lexicon: Lexicon, nlp: Language) -> None:
    # "told everyone the team had signed": "everyone" is no subject of "signed"
    made = items(real_lexicon, nlp, "Last year, he told everyone the team had signed Kaka.", "signed")
    assert all("\u2018everyone\u2019" not in i.explanation for i in made.values())
    assert "after \u2018had\u2019" in made["part_of_speech"].explanation
    # a phrase naming the subject again between commas keeps it the subject (the comma hangs on it)
    owner = "Maria Lopez, the owner of a small shop in the old town, believes the new road is a mistake."
    assert (
        "its subject is \u2018Maria Lopez\u2019"
        in items(real_lexicon, nlp, owner, "believes")["part_of_speech"].explanation
    )


def test_no_item_from_a_sentence_with_a_comma_between_subject_and_verb(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # "Tutu, suggested her for ...": the end of a sentence the splitter cut, no English
    assert (
        items(
            real_lexicon,
            nlp,
            "Smith, suggested her for the International Peace Prize last year.",
            "suggested",
        )
        == {}
    )
    chef = items(real_lexicon, nlp, "Its chef, René Redzepi, says that ants taste like lemon.", "chef")
    assert chef, "a comma closing a second name is English"
