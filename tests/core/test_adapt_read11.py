"""Faults of round read11 (issue 14: an unseen reading of train 71-80, Intermediate texts, A2 and B1),
pinned on our own invented sentences: each shows the fault the teacher found, not the story's text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.adapt_checks import drop_veto, sentence_needs
from vocabsphere.core.adapt.syntax import split_participle


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # "spending a smaller proportion of their salaries [on food] today": less of their pay on what?
        ("Students are also spending a bigger part of their budgets on books now.", " on books"),
        ("Young people spend a larger share of their income on housing.", " on housing"),
        # "[When body scanners were introduced at airports, there] There were scares, but ... the
        # scanners": which scanners?
        (
            "When new cameras were installed in the shops, there were privacy fears, but the data kept "
            "by the cameras is deleted after a week.",
            "When new cameras were installed in the shops, ",
        ),
        # "dumps a bucket of ice cubes [in water] over their head": ice cubes alone are another thing
        (
            "Someone gives a short speech, then dumps a bowl of ice cubes in water over their head or "
            "gets a friend to do it.",
            " in water",
        ),
        # "a decision by the National Registry [in the capital] Reykjavik": two names run together
        (
            "She is fighting a ruling by the City Council in the port town Dover to close the school.",
            " in the port town",
        ),
    ],
)
def test_a_cut_that_loses_what_a_kept_word_needs_is_refused(nlp: Language, sentence: str, words: str) -> None:
    assert drop_veto(nlp, sentence, words), words


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("He spent the summer in Spain.", " in Spain"),
        (
            "When new cameras were installed in the shops, there were privacy fears, but the data is "
            "deleted after a week.",
            "When new cameras were installed in the shops, ",
        ),
    ],
)
def test_cuts_that_lose_nothing_still_go(nlp: Language, sentence: str, words: str) -> None:
    assert drop_veto(nlp, sentence, words) is None


def test_no_participle_split_after_a_that_clause(nlp: Language) -> None:
    # "The result is that travel results in a difference ..., causing jet lag" gave "The result causes
    # jet lag": the difference causes it
    sent = next(
        nlp(
            "The result is that night travel results in a gap between clock time and your body's time, "
            "causing tiredness."
        ).sents
    )
    assert split_participle(sent) is None


def test_a_participle_after_a_plain_clause_is_still_split(nlp: Language) -> None:
    sent = next(nlp("The storm hit the coast on Monday, causing floods in three towns.").sents)
    assert split_participle(sent) == [
        "The storm hit the coast on Monday.",
        "The storm caused floods in three towns.",
    ]


def test_an_example_needs_what_it_is_an_example_of() -> None:
    # "Jón Einarsson's children, for example, might be ..." kept without "Names are important ...,
    # surnames record the father's name"
    needs = sentence_needs(
        "On the island, a surname tells whose child you are.",
        "Ann Berg's sons, for example, might be Olaf Annsson and Per Annsson.",
    )
    assert 0 in needs[1]
    needs = sentence_needs(
        "Some words are hard to say.", "For instance, many people struggle with 'squirrel'."
    )
    assert 0 in needs[1]


def test_what_this_means_needs_the_sentence_before() -> None:
    # "What this means in practice is that ..." kept without the requirements "this" stands for
    needs = sentence_needs(
        "The club has strict rules for new members.",
        "What this means in practice is that most visitors are turned away.",
    )
    assert 0 in needs[1]
