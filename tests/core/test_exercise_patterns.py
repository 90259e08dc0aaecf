"""Sentence-pattern exercises: active <-> passive, joining with a relative clause, yes/no questions.

Invented sentences, the real pipeline: each kind is made right, its key is the only right option,
nothing is made where the parse or the rewrite is unsure, and choice grading applies.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.adapt.passive import passive_to_active
from vocabsphere.core.exercises import (
    CHOICE_KINDS,
    ExerciseItem,
    ExerciseKind,
    exercises_for_sentence,
    grade_answer,
    parse_kinds,
)
from vocabsphere.core.exercises.questions import question_item
from vocabsphere.core.exercises.relatives import relative_clause_item
from vocabsphere.core.exercises.validation import valid_item
from vocabsphere.core.exercises.voice import voice_item
from vocabsphere.core.lexicon import Lexicon

PATTERN_KINDS = (ExerciseKind.VOICE, ExerciseKind.RELATIVE_CLAUSE, ExerciseKind.QUESTION)


def _word(nlp: Language, sentence: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    return next(t for t in doc if t.lower_ == word)


def _checked(item: ExerciseItem | None) -> ExerciseItem:
    assert item is not None
    assert valid_item(item) and item.kind in CHOICE_KINDS
    assert item.options.count(item.answer) == 1 and item.accepted == (item.answer,)
    folded = [" ".join(o.casefold().split()) for o in item.options]
    assert len(set(folded)) == len(folded) >= 3  # every distractor differs from the key and each other
    return item


# --- voice ---------------------------------------------------------------------------------

TO_ACTIVE = "The windows were broken by the storm last night."  # this sentence asks for the active
TO_PASSIVE = "The money was stolen by two young men."  # and this one for the passive


def test_voice_to_active_keys_the_verified_rewrite(nlp: Language) -> None:
    item = _checked(voice_item(_word(nlp, TO_ACTIVE, "windows"), "window"))
    assert item.prompt == f"Which sentence means the same in the active voice? {TO_ACTIVE}"
    assert item.answer == "The storm broke the windows last night." == passive_to_active(nlp(TO_ACTIVE)[:])[0]  # type: ignore[index]
    assert set(item.options) - {item.answer} == {
        "The windows broke the storm last night.",  # doer and receiver swapped
        "The storm breaks the windows last night.",  # wrong tense
        "The storm was broken the windows last night.",  # still passive
    }
    assert (
        "\u2018the storm\u2019" in item.explanation
        and "\u2018were broken\u2019 \u2192 \u2018broke\u2019" in item.explanation
    )
    assert item.grammar_point is not None and (item.grammar_point.id, item.grammar_point.level) == (
        "passive_with_agent",
        "B1",
    )
    assert item.source_sentence == TO_ACTIVE and item.word == "window"


def test_voice_to_passive_keys_the_source_sentence(nlp: Language) -> None:
    item = _checked(voice_item(_word(nlp, TO_PASSIVE, "money"), "money"))
    assert item.prompt == "Which sentence means the same in the passive voice? Two young men stole the money."
    assert item.answer == TO_PASSIVE
    assert set(item.options) - {item.answer} == {
        "Two young men were stolen by the money.",
        "The money is stolen by two young men.",
        "The money was steal by two young men.",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The windows were broken last night.",  # no agent
        "In today's Spain, the new plan is supported by thousands of people.",  # a fronted phrase
        # what follows the agent describes it
        "The service is helped by lay supervisors \u2013 members of the public who volunteer.",
        "Other teachers were helped by the new plan.",  # the rewrite would keep "Other" capitalised
        "The windows have been broken by the storm.",  # perfect: not a simple tense
        "The windows were not broken by the storm.",  # negation
    ],
)
def test_no_voice_item_when_unsure(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    assert all(voice_item(t, t.lemma_) is None for t in doc)


# --- relative clauses ----------------------------------------------------------------------

WHO = "Maria, who lives in Paris, works as a nurse in a hospital."
WHICH = "The old bridge, which was built in 1900, is closed now."


def test_relative_join_keys_the_source_with_who(nlp: Language) -> None:
    item = _checked(relative_clause_item(_word(nlp, WHO, "nurse"), "nurse"))
    assert item.prompt == (
        "Join the two sentences with a relative clause: "
        "Maria works as a nurse in a hospital. Maria lives in Paris."
    )
    assert item.answer == WHO
    distractors = set(item.options) - {WHO}
    assert distractors == {
        "Maria, that lives in Paris, works as a nurse in a hospital.",
        "Maria, what lives in Paris, works as a nurse in a hospital.",
        "Maria, whose lives in Paris, works as a nurse in a hospital.",
    }
    assert not any(", which " in o for o in item.options)  # who/which: both can be right for a group
    assert "\u2018who\u2019 stands for \u2018Maria\u2019" in item.explanation
    assert item.grammar_point is not None and item.grammar_point.id == "relative_non_defining"


def test_relative_join_with_which_offers_the_doubled_subject(nlp: Language) -> None:
    item = _checked(relative_clause_item(_word(nlp, WHICH, "bridge"), "bridge"))
    assert item.answer == WHICH
    assert "The old bridge, which it was built in 1900, is closed now." in item.options
    assert not any(", who " in o for o in item.options)
    assert "\u2018which\u2019 stands for \u2018the old bridge\u2019" in item.explanation  # no capital inside


@pytest.mark.parametrize(
    "sentence",
    [
        "The woman who lives next door works as a nurse.",  # defining: no commas, "that" would be right
        "Maria, who lives in Paris, met Tom, who works in a bank.",  # two relative words
        "Maria, whom I met in Paris, works as a nurse.",  # object relative
        # the clause is about the players, but the parse (and so the split) ties it to "clubs"
        "Tom met many players, even in the big clubs, who do not have the same skills.",
        'She said: "I met many players, who do not have the same skills."',  # quoted speech
    ],
)
def test_no_relative_item_when_unsure(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    assert all(relative_clause_item(t, t.lemma_) is None for t in doc)


# --- questions -----------------------------------------------------------------------------


def test_question_with_does(nlp: Language) -> None:
    item = _checked(question_item(_word(nlp, "My sister works in a big hospital.", "hospital"), "hospital"))
    assert item.answer == "Does my sister work in a big hospital?"
    assert set(item.options) - {item.answer} == {
        "Does my sister works in a big hospital?",
        "Do my sister work in a big hospital?",
        "My sister does work in a big hospital?",
    }
    assert item.grammar_point is not None and item.grammar_point.level == "A1"
    assert "\u2018works\u2019" in item.explanation and "\u2018work\u2019" in item.explanation


def test_question_with_did_and_a_lower_case_subject(nlp: Language) -> None:
    item = _checked(
        question_item(_word(nlp, "The children played football in the park.", "football"), "football")
    )
    assert item.answer == "Did the children play football in the park?"
    assert "Did the children played football in the park?" in item.options
    assert "Do the children play football in the park?" in item.options  # wrong tense
    item = _checked(question_item(_word(nlp, "Other farmers grow rice.", "rice"), "rice"))
    assert item.answer == "Do other farmers grow rice?"  # not "Do Other farmers"
    assert item.grammar_point is not None and item.grammar_point.id == "yes_no_question_present"


@pytest.mark.parametrize(
    "sentence",
    [
        "My sister does not work in a hospital.",  # negation
        "My sister works in a hospital and studies at night.",  # two verbs
        "I bought a new car last year.",  # the writer asking about themselves
        "She said that the plan works.",  # a second clause
        "Yesterday she bought a new car.",  # the subject does not start the sentence
    ],
)
def test_no_question_item_when_unsure(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    assert all(question_item(t, t.lemma_) is None for t in doc)


# Round kinds5: a verb group opening with "be", "have" or a modal moves that word before the subject.


def test_question_puts_be_before_the_subject(nlp: Language) -> None:
    item = _checked(question_item(_word(nlp, "The new teachers are very friendly.", "friendly"), "friendly"))
    assert item.answer == "Are the new teachers very friendly?"
    assert set(item.options) - {item.answer} == {
        "The new teachers are very friendly?",  # no inversion
        "Do the new teachers are very friendly?",  # do added
        "Is the new teachers very friendly?",  # the wrong number
    }
    assert item.grammar_point is not None and item.grammar_point.id == "yes_no_question_be"
    assert "\u2018are\u2019 is a form of \u2018be\u2019" in item.explanation
    item = _checked(question_item(_word(nlp, "The old mill was built in 1850.", "mill"), "mill"))
    assert item.answer == "Was the old mill built in 1850?"
    assert "Did the old mill was built in 1850?" in item.options
    assert "Were the old mill built in 1850?" in item.options


def test_question_puts_a_modal_or_have_before_the_subject(nlp: Language) -> None:
    item = _checked(question_item(_word(nlp, "The robot can carry heavy boxes.", "boxes"), "box"))
    assert item.answer == "Can the robot carry heavy boxes?"
    assert set(item.options) - {item.answer} == {
        "The robot can carry heavy boxes?",
        "Does the robot can carry heavy boxes?",
        "Can the robot carries heavy boxes?",  # the verb after a modal keeps its base form
    }
    assert item.grammar_point is not None and item.grammar_point.id == "yes_no_question_modal"
    item = _checked(question_item(_word(nlp, "The farmers have planted new trees.", "trees"), "tree"))
    assert item.answer == "Have the farmers planted new trees?"
    assert "Has the farmers planted new trees?" in item.options
    assert item.grammar_point is not None and item.grammar_point.id == "yes_no_question_perfect"


def test_question_keeps_the_subject_as_written(nlp: Language) -> None:
    item = _checked(question_item(_word(nlp, "Anna\u2019s brother was born in Rome.", "rome"), "Rome"))
    assert item.answer == "Was Anna\u2019s brother born in Rome?"  # not "Anna \u2019s brother"
    item = _checked(question_item(_word(nlp, "The price of fresh bread has gone up.", "bread"), "bread"))
    assert item.answer == "Has the price of fresh bread gone up?"  # a subject with an "of" phrase
    item = _checked(question_item(_word(nlp, "A third of the bread goes into the bin.", "bread"), "bread"))
    assert item.answer == "Does a third of the bread go into the bin?"  # "A" is no abbreviation


def test_no_wrong_number_offered_for_a_group_or_a_name(nlp: Language) -> None:
    # British English says "Do the government pay ...?" and "Have SeaWorld ...?": not wrong
    item = _checked(question_item(_word(nlp, "The government pays for the new roads.", "roads"), "road"))
    assert "Do the government pay for the new roads?" not in item.options
    item = _checked(question_item(_word(nlp, "The team has won every game this year.", "game"), "game"))
    assert item.answer == "Has the team won every game this year?"
    assert "Have the team won every game this year?" not in item.options


@pytest.mark.parametrize(
    "sentence",
    [
        "The new plan may work.",  # "May the new plan work?" asks for permission
        "The bakery must close early.",  # "Must it ...?" asks about a duty, not a fact
        "There are three shops in the village.",  # an expletive subject
        "The old house has a big garden.",  # "have" as a main verb
        "You can see the sea from here.",  # "you" meaning anyone
        "The film was long and boring.",  # a conjunction
        "The cats have not eaten their food.",  # negation
        "The boxes is very heavy.",  # the verb does not agree: the parse may have the wrong subject
        "Nobody was hurt in the fire.",  # "Was nobody hurt ...?" asks something else
        "The new bridge will probably be finished in June.",  # the writer's guess, kept in no question
        "Author George Monbiot was happy about the new park.",  # "Author" or "author" in the question?
        "Tiger body parts are sold in some markets.",  # the tagger's name may be a common word
        "A fifth of the money goes into this fund, according to the bank.",  # the source's claim
    ],
)
def test_no_inverted_question_when_unsure(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    assert all(question_item(t, t.lemma_) is None for t in doc)


# --- through the generator, and grading ----------------------------------------------------


def test_pattern_kinds_come_from_the_generator_and_grade_as_choices(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    assert parse_kinds(["voice", "relative_clause", "question"]) == PATTERN_KINDS
    made = exercises_for_sentence(real_lexicon, nlp(TO_ACTIVE), "storm", "B1", PATTERN_KINDS)
    assert [i.kind for i in made] == [ExerciseKind.VOICE, ExerciseKind.QUESTION]  # "Were the windows ...?"
    item = made[0]
    assert grade_answer(item, item.answer.lower()).correct
    wrong = next(o for o in item.options if o != item.answer)
    grade = grade_answer(item, wrong)
    assert not grade.correct and not grade.near_miss and item.answer in grade.message
    # a one-letter slip is no near miss in a choice item ("breaks" for "broke" is the error itself)
    assert not grade_answer(item, item.answer.replace("broke", "broka")).correct
    made = exercises_for_sentence(real_lexicon, nlp(WHO), "nurse", "B1", PATTERN_KINDS)
    assert [i.kind for i in made] == [ExerciseKind.RELATIVE_CLAUSE]
    made = exercises_for_sentence(
        real_lexicon, nlp("The farmers grow rice near the river."), "rice", "B1", PATTERN_KINDS
    )
    assert [i.kind for i in made] == [ExerciseKind.QUESTION]
