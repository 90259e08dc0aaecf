"""Syntactic simplification on real parses: positive cases and 'no change when unsure'."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.adapt.asides import drop_parenthetical, move_attribution
from vocabsphere.core.adapt.passive import passive_to_active
from vocabsphere.core.adapt.syntax import (
    simplify_sentence,
    split_coordination,
    split_participle,
    split_relative,
)


def _run(nlp: Language, text: str, level: str = "A2") -> tuple[list[str], str | None]:
    return simplify_sentence(nlp(text)[:], level)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gas was offered by Russia.", "Russia offered the gas."),
        ("The plan has been approved by ministers.", "Ministers have approved the plan."),
        ("He was praised by them.", "They praised him."),
        ("The deal is supported by most voters.", "Most voters support the deal."),
        ("The houses were not built by the council.", "The council did not build the houses."),
        ("The new bridge was opened by the mayor on Tuesday.", "The mayor opened the new bridge on Tuesday."),
        # "police" and "cattle" take a plural verb although the tagger reads them as singular
        ("Five shops have been closed by the police.", "The police have closed five shops."),
        ("The gate is used by cattle.", "Cattle use the gate."),
        # the subject's own spacing is kept (it was rebuilt from its words: "the anti - war movement")
        (
            "The anti-war movement was supported by many students.",
            "Many students supported the anti-war movement.",
        ),
    ],
)
def test_passive_to_active(nlp: Language, text: str, expected: str) -> None:
    assert _run(nlp, text) == ([expected], "passive")


def test_relative_clause_split_repeats_the_antecedent(nlp: Language) -> None:
    out, rule = _run(nlp, "Putin, who was elected in 2000, said the deal was good.")
    assert rule == "relative_clause"
    assert out == ["Putin said the deal was good.", "Putin was elected in 2000."]
    out, _ = _run(nlp, "He met Anna Smith, who runs a shop in Leeds.")
    assert out == ["He met Anna Smith.", "Anna Smith runs a shop in Leeds."]


def test_coordination_and_participle_split(nlp: Language) -> None:
    out, rule = _run(nlp, "The storm hit the coast on Monday, and thousands of people lost power.")
    assert (out, rule) == (
        ["The storm hit the coast on Monday.", "Thousands of people lost power."],
        "coordination",
    )
    out, rule = _run(nlp, "The storm hit the coast on Monday, killing at least ten people.")
    assert rule == "participle"
    assert out[1] == "The storm killed at least ten people."


def test_participle_split_keeps_the_sources_agreement(nlp: Language) -> None:
    # Seed 004 at B1: "The United States view it as ...". The name looks plural; the source's "is" says not.
    out, rule = _run(
        nlp,
        "The United States is closely monitoring this situation, viewing it as a sign of desperation.",
    )
    assert rule == "participle"
    assert out[1] == "The United States views it as a sign of desperation."
    out, _ = _run(nlp, "The workers are striking again, demanding higher pay.")
    assert out[1] == "The workers demand higher pay."


def test_parenthetical_and_attribution_only_at_low_levels(nlp: Language) -> None:
    text = "The company (which is very old) made a loss."
    assert _run(nlp, text, "A2") == (["The company made a loss."], "parenthetical")
    assert _run(nlp, text, "B2") == ([text], None)
    text = "The vast fortunes of the richest people are driving up inequality, according to Oxfam."
    out, rule = _run(nlp, text, "A2")
    assert rule == "attribution"
    assert out == ["According to Oxfam, the vast fortunes of the richest people are driving up inequality."]


@pytest.mark.parametrize(
    "text",
    [
        "The man who called the police was arrested.",  # defining relative clause: keep
        "He was given a prize by the committee.",  # "by" not right after the verb
        "The report was published by 2020.",  # "by" + time is not an agent
        '"We were attacked by them," she said.',  # quotations are never rewritten
        "He lost the game, which surprised everyone.",  # "which" refers to the whole clause
        "Short one.",
        "New research from the International Energy Agency (IEA) shows that coal use is rising.",  # acronym
        "Mourning notices for two victims - Muhammad al-Sufi and Manal al-Tahan - are on the wall.",  # names
    ],
)
def test_no_change_when_unsure(nlp: Language, text: str) -> None:
    assert _run(nlp, text) == ([text], None)


def test_outputs_are_capitalised_and_punctuated(nlp: Language) -> None:
    for text in [
        "Putin, who was elected in 2000, said the deal was good.",
        "Speaking to reporters, the minister said the talks had failed.",
    ]:
        out, _ = _run(nlp, text)
        for sentence in out:
            assert sentence[0].isupper() and sentence[-1] in ".!?"


def test_no_active_when_the_parse_hangs_a_fronted_phrase_on_the_subject() -> None:
    # Seen on a dev article: the parser made "In today's Spain" part of the subject of "are supported",
    # and the active version read "Thousands of Spaniards support in today's Spain, the movement, ...".
    # The parse is given here as the parser gave it there (today's parser reads these words better).
    rows = [
        ("In", "case", 2, "ADP", "IN"),
        ("modern", "amod", 2, "ADJ", "JJ"),
        ("Italy", "obl", 6, "PROPN", "NNP"),
        (",", "punct", 2, "PUNCT", ","),
        ("the", "det", 6, "DET", "DT"),
        ("green", "amod", 6, "ADJ", "JJ"),
        ("movement", "nsubj:pass", 16, "NOUN", "NN"),
        (",", "punct", 9, "PUNCT", ","),
        ("and", "cc", 9, "CCONJ", "CC"),
        ("groups", "conj", 6, "NOUN", "NNS"),
        ("such", "case", 13, "ADJ", "JJ"),
        ("as", "fixed", 10, "ADP", "IN"),
        ("the", "det", 13, "DET", "DT"),
        ("Greens", "nmod", 9, "PROPN", "NNPS"),
        (",", "punct", 6, "PUNCT", ","),
        ("are", "aux:pass", 16, "AUX", "VBP"),
        ("backed", "ROOT", 16, "VERB", "VBN"),
        ("by", "case", 19, "ADP", "IN"),
        ("many", "amod", 19, "ADJ", "JJ"),
        ("voters", "obl:agent", 16, "NOUN", "NNS"),
        (".", "punct", 16, "PUNCT", "."),
    ]
    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[1] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[0].lower() if r[0] != "backed" else "back" for r in rows],
    )
    assert passive_to_active(doc[:]) is None


@pytest.mark.parametrize(
    "text",
    [
        # the clause may belong to the noun before "of": the coach gave the tour, not the team
        "They met the coach of the team, who gave them a tour.",
        # a phrase between commas stands between the noun and its clause (seen on a dev article)
        "I see too many men, even in the youth league, who are working without the right training.",
    ],
)
def test_no_relative_split_when_the_clause_may_belong_to_an_earlier_noun(nlp: Language, text: str) -> None:
    assert split_relative(nlp(text)[:]) is None


def test_relative_split_after_a_preposition_still_made(nlp: Language) -> None:
    assert split_relative(nlp("The prize went to Anna Smith, who lives in Leeds.")[:]) == [
        "The prize went to Anna Smith.",
        "Anna Smith lives in Leeds.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # dev 'eu_pollution' at A2: "Europe opens up a new front" put a plan in the present
        "The city is to become the first place in the region to ban old buses, opening up a new debate.",
        "The company is set to close two factories, putting hundreds of jobs at risk.",
        # a present perfect: "The council gives ..." would tell another time
        "The council has cut the budget for libraries, giving local groups less money.",
    ],
)
def test_no_participle_split_outside_the_main_clauses_time(nlp: Language, text: str) -> None:
    out, rule = _run(nlp, text)
    assert rule != "participle", out


def test_a_moved_attribution_lower_cases_a_common_word_but_not_a_name(nlp: Language) -> None:
    # held-out dev 'wnl_music' at A2: "According to figures published in March 2014, Streaming and ..."
    out, rule = _run(
        nlp, "Streaming revenues rose by more than 50% in 2013, according to figures published in March."
    )
    assert rule == "attribution"
    assert out == [
        "According to figures published in March, streaming revenues rose by more than 50% in 2013."
    ]
    out, _ = _run(nlp, "Danes eat more pork than anyone else in Europe, according to a new report.")
    assert out == ["According to a new report, Danes eat more pork than anyone else in Europe."]


@pytest.mark.parametrize(
    "text",
    [
        # the move took the bracket along: "According to official estimates), people guess high (the ..."
        "People guess high (the guess is 25%, when it is really only 13%, according to official estimates).",
        # the source vouches for the last clause only ("According to respondents, most countries ...")
        "Most countries overestimate this: across the 33 countries, 37% do not, according to respondents.",
        # the source vouches for the phrase before it only (dev: "..., a level met by only one car out of
        # 16, according to researchers" became "According to researchers, green lit by ..., the tests ...")
        "The rules set a limit of 5 grams, a level reached by only one farm in ten, according to inspectors.",
    ],
)
def test_no_attribution_moved_out_of_its_part_of_the_sentence(nlp: Language, text: str) -> None:
    assert move_attribution(nlp(text)[:]) is None


def test_a_trailing_attribution_still_opens_the_sentence(nlp: Language) -> None:
    assert move_attribution(nlp("The city has two million people, according to official estimates.")[:]) == [
        "According to official estimates, the city has two million people."
    ]
    # a comma before the clause that the attribution follows is no verbless phrase of its own
    text = "In 2010, sales rose by a tenth, according to the company."
    assert move_attribution(nlp(text)[:]) == ["According to the company, in 2010, sales rose by a tenth."]


def test_no_active_when_the_agent_goes_on_past_the_parse(nlp: Language) -> None:
    # A train article at B1: "A consumer outreach exposed the depth of consumer mistrust of McDonald's
    # exercise the company launched in the US in October." (the parse ended the agent at "outreach")
    text = "The scale of the problem was shown by a survey the council ran last year."
    assert passive_to_active(nlp(text)[:]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Observers agree that social and economic changes, cheaper flights, and new habits are changing "
        "the way we travel.",
        "Critics say that rising and falling prices, new shops, and online sales are changing the high "
        "street.",
    ],
)
def test_a_list_before_and_is_not_split_as_two_clauses(nlp: Language, text: str) -> None:
    # "Experts agree that economic and demographic changes, technological advances." (held-out dev, 1.7)
    assert _run(nlp, text) == ([text], None)


@pytest.mark.parametrize(
    "text",
    [
        # unseen train article at A2: "It records changes in pulse, blood pressure." + "It sweats and
        # breathing to ..." (a list item read as a participle clause)
        "The watch records changes in speed, heart rate, sweating and breathing to tell how tired you are.",
        # "They involved two tests." (the experiment did, not the people paid for it)
        "They were each paid ten pounds for their part in the long experiment, involving three tasks.",
    ],
)
def test_no_participle_split_of_a_list_item_or_of_what_a_noun_contains(nlp: Language, text: str) -> None:
    out, rule = _run(nlp, text)
    assert rule != "participle", out


def test_a_participle_clause_of_the_main_verb_is_still_split(nlp: Language) -> None:
    out, rule = _run(nlp, "The farmers left the valley in spring, taking their cattle with them.")
    assert rule == "participle"
    assert out == ["The farmers left the valley in spring.", "The farmers took their cattle with them."]


def test_a_split_names_a_person_again_by_the_surname(nlp: Language) -> None:
    # Train review (adaptrev): a split repeated a person's full name in the very next sentence.
    out, rule = _run(nlp, "Maria Lopez, who runs a bakery in Leeds, said the rent had doubled.")
    assert rule == "relative_clause"
    assert out == ["Maria Lopez said the rent had doubled.", "Lopez runs a bakery in Leeds."]
    out, rule = _run(nlp, "Dr Maria Lopez left the hospital in May, taking her notes with her.")
    assert (out, rule) == (
        ["Dr Maria Lopez left the hospital in May.", "Dr Lopez took her notes with her."],
        "participle",
    )
    # ... but a body ("Air India, the national carrier" is no person called India) is named in full again.
    out, _ = _run(nlp, "Acme Corp, which makes tools, said sales had doubled.")
    assert "Acme Corp makes tools." in out
    out, rule = _run(nlp, "Air Malta, the national carrier, has said it will cut ten flights.")
    assert rule == "apposition" and "Air Malta is the national carrier." in out
    # ... nor a name whose family name may come first ("Gao Ping, who had lived ..." -> "Ping had lived")
    out, _ = _run(nlp, "Gao Wen, who had lived in Spain for years, sold toys to shops.")
    assert "Gao Wen had lived in Spain for years." in out


# Round mods: a teacher's reading of train stories 79-88 (A2 and B1), here on invented sentences.
@pytest.mark.parametrize(
    "text",
    [
        # "The Minister triggered the idea for Economic Renewal Arnaud Montebourg's call for ...": the
        # parse split the agent "the Minister ... 's call" in two
        "The idea was triggered by the Minister for Culture Anna Berg's call for the public to buy art.",
        "The campaign was started by the Secretary for Health John Reid's call for people to eat less salt.",
        # "Volcanic activity can cancel Air travel": a common word tagged as a name keeps its capital
        "Air travel can be cancelled by volcanic activity.",
        "Road transport was hit by the strike.",
    ],
)
def test_no_active_voice_when_the_parse_misreads_the_agent_or_the_subject(nlp: Language, text: str) -> None:
    assert passive_to_active(nlp(text)[:]) is None


def test_no_participle_split_after_a_passive(nlp: Language) -> None:
    # "The whole new generation made a significant contribution to perceptions ...": it was the
    # spin-off the generation was reached through that did
    text = (
        "A whole new audience was reached through a hugely popular board-game spin-off, making a big "
        "contribution to the idea that the show was still fresh."
    )
    out, rule = _run(nlp, text)
    assert rule != "participle", out


def test_participle_splits_read_in_the_read3_reading_are_refused(nlp: Language) -> None:
    # issue #14, train 119-128: "Looking at voluntary breath-holding, it turns out ..." gave "It looks at
    # voluntary breath-holding."; "Speaking in his soft, soothing voice that ..., Cockrell said ..." was
    # split at the comma inside the participle's phrase ("That speaks in his soft.")
    assert (
        split_participle(nlp("Looking at the old maps, it seems that the river has moved a long way.")[:])
        is None
    )
    sentence = (
        "Speaking in her calm, gentle voice that puts us at ease, Anna told us that the plan had failed."
    )
    assert split_participle(nlp(sentence)[:]) is None
    assert split_participle(nlp("Smiling at the crowd, the singer waved her hand.")[:]) == [
        "The singer waved her hand.",
        "The singer smiled at the crowd.",
    ]


def test_no_split_of_the_last_of_a_list_of_clauses(nlp: Language) -> None:
    # round read4: "..., but several police were injured, at least one car was overturned and burned,
    # and windows were smashed." gave "But several police were injured, at least one car was overturned
    # and burned." (two sentences joined by a comma)
    assert (
        split_coordination(
            nlp("Several fans were hurt, at least one car was burned, and a window was broken.")[:]
        )
        is None
    )
    assert split_coordination(nlp("The shop opened in May, and people queued for hours.")[:]) == [
        "The shop opened in May.",
        "People queued for hours.",
    ]


# Round read7c (unseen train 31-40): "The leg bones, which were just showing through the soil, were
# covered up again." told the scene after the event; "Three cameras, which were attached to ...,
# recorded ..." named other cameras the second time.
@pytest.mark.parametrize(
    "text",
    [
        "The old nets, which were just lying on the sand, were carried away again.",
        "Two drones, which were fixed to the boat's mast, filmed the whole race from above.",
        "Several guards, who work at the gate, saw the car leave.",
    ],
)
def test_no_relative_split_of_a_counted_subject_or_a_background_scene(nlp: Language, text: str) -> None:
    assert split_relative(nlp(text)[:]) is None


def test_relative_splits_that_read_well_are_still_made(nlp: Language) -> None:
    assert split_relative(nlp("Anna Cole, who is a sailing coach, said the race was fair.")[:]) == [
        "Anna Cole said the race was fair.",
        "Cole is a sailing coach.",
    ]
    assert split_relative(nlp("A fisherman, who lives nearby, called the coastguard.")[:]) == [
        "A fisherman called the coastguard.",
        "The fisherman lives nearby.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round read8: "The Accord has identified Twelve factories as ...": a number word opening the
        # sentence is often tagged a name, and kept its capital after the new verb
        (
            "Eleven museums have been chosen by the council as needing repairs.",
            "The council has chosen eleven museums as needing repairs.",
        ),
        (
            "Seven schools were visited by the inspectors last week.",
            "The inspectors visited seven schools last week.",
        ),
    ],
)
def test_a_voice_change_lowers_a_number_word_that_opened_the_sentence(
    nlp: Language, text: str, expected: str
) -> None:
    assert passive_to_active(nlp(text)[:]) == [expected]


def test_the_brackets_of_one_list_go_together_or_not_at_all(nlp: Language) -> None:
    # round read8: "Samsung (6th), Toyota (8th) and Mercedes-Benz (10th)" lost the first two brackets
    # (one per round) and kept the last
    doc = nlp(
        "The richest clubs are Spain's Real Oviedo (4th), Italy's Parma (9th) and Greece's Larisa (15th)."
    )
    assert drop_parenthetical(doc[:]) == [
        "The richest clubs are Spain's Real Oviedo, Italy's Parma and Greece's Larisa."
    ]
    # one bracket that must stay (a name inside) keeps the others too
    doc = nlp("The town (a port) and the village (near Bergen) both grew.")
    assert drop_parenthetical(doc[:]) is None
