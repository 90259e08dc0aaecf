"""Faults of round read12 (issue 14: an unseen reading of train 81-90, Intermediate texts, A2 and B1),
pinned on our own invented sentences: each shows the fault the teacher found, not the story's text."""

from __future__ import annotations

from spacy.language import Language

from tests.core.adapt_checks import sentence_needs
from vocabsphere.core.adapt.document import prepare, quote_states
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.substitutes import simpler_words


def test_an_elided_french_article_opens_no_quotation() -> None:
    # "... says X, manager of Société d'Investissements ..." left a single quotation open, and the
    # next sentence got a closing "'" of its own
    source = prepare(
        '"We sell to the south," says Ana Roy, head of Banque d\'Afrique, the state bank. '
        "But she says sales will grow."
    )
    assert not any(state.ends_inside for state in quote_states(source.units))
    # a quotation glued to its word still opens ("claims'This is ...")
    glued = prepare("The sign claims'This is the best shop.' Few agree.")
    assert quote_states(glued.units)[0].has_marks


def test_a_frequency_adverb_does_not_replace_a_graded_one(nlp: Language, real_lexicon: Lexicon) -> None:
    # "behave more normally" -> "behave more usually"
    doc = nlp("A new drug could help children behave more normally in class.")
    index = next(t.i for t in doc if t.text == "normally")
    assert all(s.form != "usually" for s in simpler_words(real_lexicon, doc, index, "A2"))


def test_sentences_that_lean_on_the_one_before_keep_it() -> None:
    # "Indeed, a study ... found ..." confirms the point of the sentence before
    assert (
        0
        in sentence_needs("Talking to friends helps.", "Indeed, a study in 2014 found that calls help too.")[
            1
        ]
    )
    # "Nevertheless, the brand has remained powerful" concedes what the sentence before said
    assert 0 in sentence_needs("Sales fell in 1990.", "Nevertheless, the brand has remained strong.")[1]
    # "Wind will make up the other two-thirds." needs "Solar will make up a third of ..."
    share = "Solar will make up a third of the supply."
    needs = sentence_needs(share, "Prices will fall.", "Wind gives the other two-thirds.")
    assert 0 in needs[2]
    # "Eon now has full control of both books": which two?
    assert (
        0 in sentence_needs("Two novels were filmed by rivals.", "Eon now owns the rights to both novels.")[1]
    )
    # '"But, all of a sudden, it changed ..."': what changed?
    assert (
        0
        in sentence_needs('"There were going to be long interviews.', 'But, all of a sudden, it changed."')[1]
    )


def test_a_sentence_that_announces_reasons_keeps_the_next_one() -> None:
    # "But the $9bn project was triggered by more immediate concerns, she said." without the concerns
    lead = "Ana Roy, the minister, says the dam will change the region."
    told = "But the new dam was built for more pressing reasons, Roy said."
    assert 2 in sentence_needs(lead, told, '"We had no water in summer," Roy said.')[1]
    assert 2 not in sentence_needs(lead, "The dam was built for the usual reasons.", "It opened in May.")[1]


def test_a_title_named_before_is_needed_where_the_name_is_used_alone() -> None:
    # "... the 24th Bond film - especially its official title, Spectre." then "can Spectre repeat ...?"
    needs = sentence_needs(
        "There was interest in the new detective film - especially its title, Nightfall.",
        "The director is young.",
        "Can Nightfall beat the last film?",
    )
    assert 0 in needs[2]


def test_both_with_its_pair_in_the_sentence_needs_nothing() -> None:
    assert not sentence_needs("Rain fell.", "Trade grew on both sides of the border.")[1]
    assert not sentence_needs("Rain fell.", "Trade grew in both cities and towns.")[1]


def test_an_inverted_attribution_is_joined_to_its_quotation() -> None:
    # '"... in larger studies." / "Said Simon Baron-Cohen."': alone, no sentence
    source = prepare('"More research is needed. Doctors should wait for larger trials." Said Jane Doe.')
    assert source.units[-1].text == 'Doctors should wait for larger trials," said Jane Doe.'
