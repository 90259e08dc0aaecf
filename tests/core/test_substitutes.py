"""Simpler words that fit and glosses that are true, with the real lexicon and pipeline.

The faults quoted in issue 13 are pinned here: each wrong substitute or gloss must never come
back, whatever the sense ranking's weights become.
"""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.cli import main
from vocabsphere.core.adapt.lexical import Substituter
from vocabsphere.core.learnables import select_highlights
from vocabsphere.core.learnables.highlights import gloss_tokens
from vocabsphere.core.learnables.words import define
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.lookup import Sense
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.substitute_ranking import (
    SIGNALS,
    _model,
    model_from_json,
    rank_substitutes,
    signal_positions,
)
from vocabsphere.core.lexicon.substitutes import (
    SAFE_FIT,
    _fits,
    _preposition_fits,
    fitting_words,
    inflect_like,
    plain_definition,
    plausible,
    simple_gloss,
    simpler_words,
    taboo_sense,
    word_index,
)
from vocabsphere.core.text import load_pipeline

BOASTS = "North Korea boasts a large military, with approximately 1.28 million active soldiers."
INDIVIDUALS = (
    "One analyst noted that it was already challenging to integrate hundreds of Russian prisoners "
    "into the army, and those individuals spoke Russian."
)
EXISTENCE = "However, the BBC has not yet confirmed the existence of such a large unit in Russia's Far East."
RECRUITING = "Russia is recruiting 100,000 volunteers to fight in the war."
ARTILLERY = "The army has moved long-range artillery close to the border."
DISMISSED = "Kremlin spokesperson Dmitry Peskov has dismissed these claims."
RAVISHING = "Critics praised the singer's ravishing looks and her powerful voice."
POP = "She became an icon of pop fashion in the eighties."
INFLUENCED = "His music influenced a whole generation of young artists."
CHUTE = "The children slid down the water chute into the pool."
ERRANDS = "He spent the morning running errands for his grandmother."
OBLIGATIONS = "If North Korea wants to fulfill its international obligations, we must allow them."


def _at(nlp: Language, sentence: str, word: str) -> tuple[Doc, int]:
    doc = nlp(sentence)
    index = word_index(doc, word)
    assert index is not None
    return doc, index


def _offered(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> set[str]:
    """Every word the product could put in the word's place or beside it, at A2 and B1."""
    doc, index = _at(nlp, sentence, word)
    out: set[str] = set()
    for level in ("A2", "B1"):
        out |= {s.form.lower() for s in simpler_words(lexicon, doc, index, level)}
        out |= {s.lemma for s in simpler_words(lexicon, doc, index, level)}
        gloss = simple_gloss(lexicon, doc, index, level)
        if gloss:
            out.add(gloss.lower())
        result = Substituter(lexicon, level).simplify(doc[:])
        out |= {new.lower() for old, new in result.replacements if old == doc[index].text}
        out |= {g.gloss.lower() for g in result.glosses if g.word == doc[index].text}
    return out


def _sense_with(lexicon: Lexicon, lemma: str, upos: str, synonym: str) -> Sense:
    return next(s for s in lexicon.entries(lemma, upos).senses if synonym in s.synonyms)


@pytest.mark.parametrize(
    ("sentence", "word", "wrong"),
    [
        (BOASTS, "boasts", {"gases", "gas"}),
        (INDIVIDUALS, "individuals", {"someones", "someone", "somebodies", "souls", "mortals"}),
        (EXISTENCE, "existence", {"being", "the state or fact of existing"}),
        (RECRUITING, "recruiting", {"entering", "enter", "enrolling"}),
        (ARTILLERY, "artillery", {"gun", "guns"}),
        (RECRUITING, "volunteers", {"a kind of man", "man", "men"}),
        (DISMISSED, "dismissed", {"ignore", "ignored", "fired", "sacked"}),
        (RAVISHING, "ravishing", {"rape", "raping", "violate"}),
        (POP, "pop", {"start", "starting", "burst"}),
        (INFLUENCED, "influenced", {"work", "worked"}),
        (CHUTE, "chute", {"parachute"}),
        (ERRANDS, "errands", {"a kind of trip", "trip", "trips"}),
    ],
)
def test_quoted_faults_never_come_back(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, wrong: set[str]
) -> None:
    assert not _offered(real_lexicon, nlp, sentence, word) & wrong


@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "upos", "synonym", "candidate"),
    [
        (BOASTS, "boasts", "boast", "VERB", "gas", "gas"),  # poison gas in a military sentence
        (RECRUITING, "recruiting", "recruit", "VERB", "enter", "enter"),  # "entering" volunteers
        (INFLUENCED, "influenced", "influence", "VERB", "work", "work"),  # the 15th sense of "work"
    ],
)
def test_a_synonym_of_the_sense_must_keep_it_in_the_sentence(
    real_lexicon: Lexicon,
    nlp: Language,
    sentence: str,
    word: str,
    lemma: str,
    upos: str,
    synonym: str,
    candidate: str,
) -> None:
    doc, index = _at(nlp, sentence, word)
    sense = _sense_with(real_lexicon, lemma, upos, synonym)
    assert not _fits(real_lexicon, doc, index, candidate, upos, sense)


def test_a_synonym_that_keeps_the_sense_fits(real_lexicon: Lexicon, nlp: Language) -> None:
    doc, index = _at(nlp, "The instructors work at a school in the city.", "instructors")
    sense = _sense_with(real_lexicon, "instructor", "NOUN", "teacher")
    assert _fits(real_lexicon, doc, index, "teacher", "NOUN", sense)
    assert [s.form for s in simpler_words(real_lexicon, doc, index, "A2")] == ["teachers"]


def test_nothing_is_said_when_the_sense_is_uncertain(real_lexicon: Lexicon, nlp: Language) -> None:
    doc, index = _at(nlp, "The government wants to abolish the old tax.", "abolish")
    sure = choose_sense(real_lexicon, doc, index)
    assert sure.confident  # "abolish" has one sense
    # at B1: the idiom "do away with" is a B1 phrase, too hard for an A2 learner however easy its words
    assert simple_gloss(real_lexicon, doc, index, "B1", choice=sure) == "do away with"
    assert simple_gloss(real_lexicon, doc, index, "A2", choice=sure) is None
    unsure = replace(sure, probability=0.1)
    assert simple_gloss(real_lexicon, doc, index, "B1", choice=unsure) is None
    doc, index = _at(nlp, "The instructors work at a school in the city.", "instructors")
    choice = choose_sense(real_lexicon, doc, index)
    assert [s.form for s in simpler_words(real_lexicon, doc, index, "A2", choice=choice)] == ["teachers"]
    # two senses equally likely, only one of them "teacher": no substitute, however good it looks
    other = replace(choice.senses[0].sense, synset_id="00000000-n", synonyms=("trainer",))
    halves = (choice.senses[0], replace(choice.senses[0], sense=other))
    split = replace(choice, senses=halves, probability=0.5)
    assert simpler_words(real_lexicon, doc, index, "A2", choice=split) == ()


def test_substitutes_are_inflected_like_the_word(nlp: Language) -> None:
    doc, index = _at(nlp, INDIVIDUALS, "individuals")
    assert inflect_like(doc[index], "person") == "people"  # not "persons"
    doc, index = _at(nlp, "Prices declined last year.", "declined")
    assert inflect_like(doc[index], "fall") == "fell"
    doc, index = _at(nlp, "Rapidly, prices rose.", "Rapidly")
    assert inflect_like(doc[index], "quickly") == "Quickly"


def test_a_b1_learner_is_not_shown_the_b2_definition_of_obligation(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    doc, index = _at(nlp, OBLIGATIONS, "obligations")
    gloss = simple_gloss(real_lexicon, doc, index, "B1")
    assert gloss is None or gloss in {"duties", "responsibilities"}
    sense = real_lexicon.entries("obligation", "NOUN").senses[0]
    assert sense.definition.startswith("the social force that binds you")
    assert plain_definition(sense, "obligation", cap=2) is None  # too long and too hard at B1


def test_a_plural_is_not_glossed_as_one_thing(real_lexicon: Lexicon, nlp: Language) -> None:
    doc, index = _at(nlp, "Recent reports suggest that North Korean troops may join the war.", "troops")
    assert simple_gloss(real_lexicon, doc, index, "A2") != "a group of soldiers"


def test_plain_definition_only_with_words_at_the_level(real_lexicon: Lexicon) -> None:
    teacher = _sense_with(real_lexicon, "instructor", "NOUN", "teacher")
    assert plain_definition(teacher, "instructor", cap=2) == "a person whose occupation is teaching"
    assert plain_definition(teacher, "instructor", cap=0) is None  # "occupation" is above A1
    existence = _sense_with(real_lexicon, "existence", "NOUN", "being")
    assert plain_definition(existence, "existence", cap=5) is None  # "existing" explains it with itself


def test_taboo_senses_need_a_context_that_calls_for_them() -> None:
    sense = Sense(
        "01781131-v", "verb", "force (someone) to have sex against their will", (), ("rape",), (), 2, 1
    )
    assert taboo_sense(sense, "the singer's ravishing looks")
    assert not taboo_sense(sense, "the soldiers were accused of rape")
    attack = Sense(
        "00976953-n", "noun", "the action of attacking an enemy", (), ("offense", "offensive"), (), 1, 9
    )
    assert not taboo_sense(attack, "the army launched an offensive")  # a military word, not an insult
    slur = Sense("x", "noun", "(ethnic slur) offensive term for a person", (), (), (), 1, 0)
    assert taboo_sense(slur, "")


def test_cli_prints_one_object_per_line(
    real_lexicon: Lexicon, tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Language
) -> None:
    lines = tmp_path / "items.tsv"
    lines.write_text(
        f"The instructors work at a school in the city.\tinstructors\n{BOASTS}\tboasts\n\nA cat sat.\tdog\n",
        encoding="utf-8",
    )
    path = str(real_lexicon.path)
    assert main(["substitutes", "--json", "--level", "A2", "--lexicon", path, str(lines)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["word"] for o in out] == ["instructors", "boasts", "dog"]
    assert out[0] == {
        "sentence": "The instructors work at a school in the city.",
        "word": "instructors",
        "substitutes": ["teachers"],
    }
    assert "gases" not in out[1]["substitutes"]
    assert out[2]["substitutes"] == []  # the word is not in the sentence


def test_cli_refuses_a_line_without_a_word(
    real_lexicon: Lexicon, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "bad.tsv"
    lines.write_text("just a sentence\n", encoding="utf-8")
    assert main(["substitutes", "--lexicon", str(real_lexicon.path), str(lines)]) == 1
    assert "line 1: expected 'sentence<TAB>word'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sentence", "word", "wrong"),
    [
        # a prepositional verb: "an urgent need to repair for the losses"
        (
            "For Putin, there is an urgent need to compensate for the significant losses.",
            "compensate",
            {"repair"},
        ),
        # tagged NN, read as a verb: "North Korea is provide Russia with ammunition"
        ("There is evidence that North Korea is supplying Russia with ammunition.", "supplying", {"provide"}),
        # the head of a name: "Russia's Kursk state"
        ("Ukrainian forces launched an incursion into Russia's Kursk province.", "province", {"state"}),
        # a verb sense never seen in use: "a desire to action its obligation"
        ("North Korea expressed a desire to fulfill its international obligation.", "fulfill", {"action"}),
        # issue 14's review: a rarer sense of the word ("dispatched" = sent, not killed), a rarer
        # sense of the substitute (a nanny is not a nurse), a choice barely above the popover's bar
        (
            "The Ukrainian government severed ties with North Korea in response to Pyongyang's "
            "recognition of the Donetsk and Luhansk regions as independent territories.",
            "territories",
            {"district", "districts"},
        ),
        # the head of a name: "the Canadian district of Nunavut"
        (
            "Google flew a small team to Iqaluit, the largest town in the Canadian territory of Nunavut.",
            "territory",
            {"district", "districts"},
        ),
        # a verb's base-form definition beside a participle or an -ing form
        (
            "'Because the war isn't over yet,' a North Korean source quoted in Daily NK said.",
            "quoted",
            {"repeat a passage from"},
        ),
        (
            "Kremlin spokesperson Dmitry Peskov has dismissed these claims, stating, 'This is not only "
            "British intelligence.'",
            "stating",
            {"express in words"},
        ),
    ],
)
def test_seed_story_faults_never_come_back(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, wrong: set[str]
) -> None:
    assert not _offered(real_lexicon, nlp, sentence, word) & wrong


def test_words_inside_single_quotation_marks_stay(real_lexicon: Lexicon, nlp: Language) -> None:
    text = "\u2018If North Korea wants to fulfill its obligation, we should let them,\u2019 he said."
    result = Substituter(real_lexicon, "B1").simplify(nlp(text)[:])
    assert "obligation" in result.text and not result.replacements


def test_explanations_at_b1_give_meanings_in_b1_words(real_lexicon: Lexicon, nlp: Language) -> None:
    text = (
        "If North Korea wants to fulfill its international obligations to fight against Ukrainian "
        "fascism, we must allow them, Korotchenko said."
    )
    explanations = " ".join(h.explanation for h in select_highlights(nlp(text), "B1", lexicon=real_lexicon))
    assert "the social force that binds you" not in explanations
    doc, index = _at(nlp, text, "obligations")
    assert define(real_lexicon, doc[index], 12, "B1") in {"", "responsibilities", "duties"}


def test_an_inline_gloss_is_never_explained_or_highlighted(real_lexicon: Lexicon, nlp: Language) -> None:
    doc = nlp("Russia wants help from an expert (= a kind of specialist) in modern warfare.")
    assert gloss_tokens(doc) == frozenset(range(6, 12))  # "(=" ... ")"
    explanations = " ".join(h.explanation for h in select_highlights(doc, "A2", lexicon=real_lexicon))
    assert "kind of" not in explanations and "specialist" not in explanations


DISPATCHED = (
    "Death threats followed her growing recognition, and, on 9 October 2012, following a meeting of "
    "Pakistani Taliban leaders, the gunman was dispatched to remove what they called the symbol of infidels."
)
NANNIES = (
    "Walk through Ipanema, Gávea or other upmarket districts and you are far more likely to see black "
    "nannies pushing strollers with white toddlers than a white nanny pushing a black child."
)


@pytest.mark.parametrize(
    ("sentence", "word", "wrong"),
    [(DISPATCHED, "dispatched", {"murdered", "murder", "killed", "slew"}), (NANNIES, "nannies", {"nurses"})],
)
def test_dev_review_substitutions_never_come_back(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, wrong: set[str]
) -> None:
    assert not _offered(real_lexicon, nlp, sentence, word) & wrong


def test_a_base_form_verb_keeps_its_short_definition(real_lexicon: Lexicon, nlp: Language) -> None:
    doc, index = _at(nlp, "Experts say they could lack recent combat experience.", "lack")
    assert simple_gloss(real_lexicon, doc, index, "A2") == "be without"


@pytest.mark.parametrize(("sentence", "gloss"), [("they", "are without"), ("I", "am without")])
def test_a_present_verb_glossed_with_be_takes_the_verbs_person(
    real_lexicon: Lexicon, nlp: Language, sentence: str, gloss: str
) -> None:
    # Seed 004 at A2 read "But they lack (= be without) recent combat experience".
    doc, index = _at(nlp, f"Experts say {sentence} lack recent combat experience.", "lack")
    assert simple_gloss(real_lexicon, doc, index, "A2") == gloss


HOUSEHOLD = (
    "Japan's version of the UK horsemeat scandal has since spread to several household names in catering."
)


def test_the_ranked_list_finds_simple_words_beyond_the_chosen_sense(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    doc, index = _at(nlp, "The company purchased a new building.", "purchased")
    ranked = rank_substitutes(real_lexicon, doc, index)
    assert ranked[0].form == "bought" and ranked[0].safe >= SAFE_FIT
    assert len({r.form for r in ranked}) == len(ranked)  # each form once
    assert [r.fit for r in ranked] == sorted((r.fit for r in ranked), reverse=True)
    assert all(r.level in ("A1", "A2") for r in rank_substitutes(real_lexicon, doc, index, "A2"))
    # static-vector neighbours and hypernyms widen the list beyond WordNet synonyms
    doc, index = _at(nlp, "Much of the water carried by these streams is diverted.", "diverted")
    assert {"redirected", "moved", "turned"} & {r.form for r in rank_substitutes(real_lexicon, doc, index)}


def test_a_likely_but_unsure_candidate_is_listed_not_written(real_lexicon: Lexicon, nlp: Language) -> None:
    doc, index = _at(nlp, BOASTS, "boasts")
    ranked = rank_substitutes(real_lexicon, doc, index)
    # what people would say, offered in the list only: the ranker is unsure of every word here
    assert "has" in [r.form for r in ranked[:3]] and max(r.safe for r in ranked) < SAFE_FIT
    assert simpler_words(real_lexicon, doc, index) == ()


def test_a_near_synonym_the_ranker_is_not_sure_of_is_not_written(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # "particular expressions" are specific ones, not "special" ones: the sense checks let it
    # through (WordNet's synset "particular, special"), the writer's 0.77 must not, though the
    # list's ranker puts "special" first with the translation signals (0.94): it is not the gate
    sentence = (
        "Face scanning is a technology that can recognise shoppers by comparing their features with a "
        "database, using cameras which are able to analyse everything from particular expressions to "
        "the clothing brands someone is wearing."
    )
    doc, index = _at(nlp, sentence, "particular")
    assert "special" in [r.form for r in rank_substitutes(real_lexicon, doc, index)[:1]]
    assert simpler_words(real_lexicon, doc, index) == ()


def test_a_substitute_already_in_the_sentence_is_not_written(real_lexicon: Lexicon, nlp: Language) -> None:
    # "pay the agreed pay", "fighting a losing fight": read on train articles (round subs-4)
    for sentence, word, repeat in [
        ("The extra money helped them pay the agreed salary on time.", "salary", "pay"),
        ("The town is fighting a losing battle against the sea.", "battle", "fight"),
    ]:
        doc, index = _at(nlp, sentence, word)
        assert repeat in {r.lemma for r in rank_substitutes(real_lexicon, doc, index)[:3]}
        assert repeat not in {s.lemma for s in simpler_words(real_lexicon, doc, index)}
    for sentence in [
        "Her salary was too low to live on.",  # no repeat: still written
        "They paid a reward for killing a wolf worth a month's salary.",  # "paid" is far from it
    ]:
        doc, index = _at(nlp, sentence, "salary")
        assert [s.form for s in simpler_words(real_lexicon, doc, index)] == ["pay"]


def test_a_mass_noun_and_a_count_noun_do_not_replace_each_other(real_lexicon: Lexicon, nlp: Language) -> None:
    # "and merchandise" -> "and product", "a good basic wage" -> "a good basic pay" (train articles)
    for sentence, word in [
        ("The shop sells games and merchandise for children.", "merchandise"),
        ("Fans can collect points by buying official merchandise online.", "merchandise"),
        ("We would rather earn a good basic wage and not rely on tips.", "wage"),
    ]:
        doc, index = _at(nlp, sentence, word)
        assert simpler_words(real_lexicon, doc, index) == ()


def test_a_word_people_read_as_another_part_of_speech_is_not_written(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # "wet" is a noun once in SemCor and an adjective 23 times: "natural wet" reads wrongly
    doc, index = _at(nlp, "Hot water washes the natural moisture out of your skin.", "moisture")
    assert "wet" not in {s.lemma for s in simpler_words(real_lexicon, doc, index)}
    assert "wet" not in {s.lemma for s in fitting_words(real_lexicon, doc, index)}


def test_a_noun_before_a_noun_is_neither_replaced_nor_glossed(real_lexicon: Lexicon, nlp: Language) -> None:
    assert not _offered(real_lexicon, nlp, HOUSEHOLD, "household")  # not "family", not "a social unit"


def test_cli_lists_the_ranked_candidates_on_request(
    real_lexicon: Lexicon, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "items.tsv"
    lines.write_text(f"{BOASTS}\tboasts\n", encoding="utf-8")
    assert (
        main(["substitutes", "--json", "--ranked", "2", "--lexicon", str(real_lexicon.path), str(lines)]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["substitutes"] == [] and len(out["ranked"]) == 2
    assert 0 < out["ranked"][0][1] < SAFE_FIT  # listed, not written
    doc, index = _at(load_pipeline(), BOASTS, "boasts")
    assert [w for w, _ in out["ranked"]] == [r.form for r in rank_substitutes(real_lexicon, doc, index)[:2]]


def test_a_gloss_drops_the_dictionarys_etc(real_lexicon: Lexicon, nlp: Language) -> None:
    doc, index = _at(nlp, "All pupils must attend the meeting.", "attend")
    assert simple_gloss(real_lexicon, doc, index, "A2") == "be present at"  # not "be present at , etc."
    doc, index = _at(nlp, "There were no events he personally had to attend.", "attend")
    assert simple_gloss(real_lexicon, doc, index, "A2") is None  # "at" with nothing after it


def _gloss_when_sure(lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str) -> str | None:
    """The gloss when the sense choice is as sure as it was in the dev story (its first sense at
    0.95): the rules below must hold whatever the ranking's confidence."""
    doc, index = _at(nlp, sentence, word)
    choice = choose_sense(lexicon, doc, index)
    return simple_gloss(lexicon, doc, index, level, choice=replace(choice, probability=0.95))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # a prefix or one half of a hyphenated word: "anti (= not in favor of)", "populated (= lived)"
        ("Doctors hope to find new anti-viral medicines soon.", "anti"),
        ("They moved to a well-populated valley near the coast.", "populated"),
        # part of a term the dictionary has, or of a name or title: "computed (= calculated)",
        # "Federal (= national)", "United (= characterized by unity)", "Prime (= first in rank or degree)"
        ("The hospital used computed tomography to scan her head.", "computed"),
        ("The Federal Aviation Authority will publish new rules for drones next year.", "Federal"),
        ("Students visited the headquarters of the United Nations in New York.", "United"),
        ("Business leaders met British Prime Minister Tony Blair.", "Prime"),
        # the bare noun of a verb expression: "stand trial (= the act of testing something)"
        ("He refused to stand trial in a country he did not trust.", "trial"),
        # a noun used before a noun as a title: "consultant (= an expert who gives advice) surgeon"
        ("A consultant surgeon examined the boy at the hospital.", "consultant"),
    ],
)
def test_no_gloss_for_part_of_a_larger_unit(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    for level in ("A2", "B1"):
        assert _gloss_when_sure(real_lexicon, nlp, sentence, word, level) is None, level


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # a field or use label the short gloss would drop: "(medicine) the act of caring for someone",
        # "(sentence connectors) because of the reason given", "(of soil) soft and watery"
        ("Doctors gave her a new antibiotic therapy last week.", "therapy"),
        ("She knew the train would be late, and she planned her journey accordingly.", "accordingly"),
        ("The dogs ran through the muddy puddles and came home dirty.", "muddy"),
        # one person said of many: "taxpayers (= someone who pays taxes)", "mayors (= the head of ...)"
        ("Taxpayers will pay for the new bridge over the river.", "Taxpayers"),
        ("Mayors from ten cities met in Paris.", "Mayors"),
        # a manner sense for a sentence adverb: "Hopefully, ..." is "it is hoped", not "with hope"
        ("Hopefully, with more money, the school can buy new computers.", "Hopefully"),
    ],
)
def test_no_gloss_the_sentence_does_not_fit(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    assert _gloss_when_sure(real_lexicon, nlp, sentence, word, "B1") is None


def test_glosses_that_fit_are_still_given(real_lexicon: Lexicon, nlp: Language) -> None:
    for sentence, word, gloss in [
        ("Currently, prices rise in most shops.", "Currently", "at this time or period"),  # no manner
        ("She smiled proudly at her son.", "proudly", "with pride"),
        ("The town has a new mayor.", "mayor", "the head of a city government"),
    ]:
        assert _gloss_when_sure(real_lexicon, nlp, sentence, word, "A2") == gloss


def test_an_opposite_by_a_negative_prefix_is_never_a_candidate(real_lexicon: Lexicon, nlp: Language) -> None:
    # the static vectors put "formal" next to "informal": it came first, above "casual"
    doc, index = _at(nlp, "Our meetings are informal and nobody wears a tie.", "informal")
    ranked = [r.form for r in rank_substitutes(real_lexicon, doc, index)]
    assert "formal" not in ranked
    assert ranked[0] == "casual"


def test_an_opposite_by_swapped_prefixes_is_never_a_candidate(real_lexicon: Lexicon, nlp: Language) -> None:
    # the static vectors put them side by side: "disable" came second for "enable", "including"
    # second for "excluding" (BenchLS tuning half, round subs-3)
    for sentence, word, opposite in [
        ("The new rules enable farmers to sell their milk in town.", "enable", "disable"),
        ("The shop is open every day, excluding public holidays.", "excluding", "including"),
        ("Prices will increase again next year.", "increase", "decrease"),
    ]:
        doc, index = _at(nlp, sentence, word)
        ranked = [r.form for r in rank_substitutes(real_lexicon, doc, index)]
        assert ranked and opposite not in ranked


def test_words_of_the_senses_definitions_are_candidates(real_lexicon: Lexicon, nlp: Language) -> None:
    # periphery: "the outside boundary or surface of something"; "outside" is no synonym,
    # hypernym or near neighbour, so only the definition offers it
    doc, index = _at(nlp, "The factory stands on the periphery of the town.", "periphery")
    assert "outside" in {r.form for r in rank_substitutes(real_lexicon, doc, index)}
    # but not for the commonest words, whose definitions say what they do: "more" is no "meaner"
    doc, index = _at(nlp, "The company is spending more than it earns.", "more")
    assert not {"meaner", "mean", "size"} & {r.form for r in rank_substitutes(real_lexicon, doc, index)}


@pytest.mark.parametrize("name", ["ranker.json", "writer.json"])
def test_the_ranker_reads_only_signals_the_code_measures(name: str) -> None:
    with pytest.raises(ValueError, match="unknown features"):
        signal_positions(["zipf", "bert_score"])
    model = _model(name)  # the shipped trees
    assert set(model.signals) <= set(range(len(SIGNALS))) and model.feature.max() < len(model.signals)
    # the trees made complete give what walking each exported tree node by node gives
    data = json.loads(resources.files("vocabsphere.models").joinpath("substitutes", name).read_text())
    rows = np.random.default_rng(0).normal(0.0, 2.0, (50, len(model.signals)))
    rows[:, 0] = np.round(rows[:, 0])  # some inputs right on a threshold's side

    def walk(tree: dict[str, list[float]], row: np.ndarray) -> float:
        node = 0
        while tree["left"][node] != -1:
            go_left = np.float32(row[int(tree["feature"][node])]) <= tree["threshold"][node]
            node = int(tree["left"][node] if go_left else tree["right"][node])
        return tree["value"][node]

    expected = [data["init"] + sum(walk(t, row) for t in data["trees"]) for row in rows]
    assert model.log_odds(rows).tolist() == pytest.approx(expected, abs=1e-9)


def test_the_ranker_walks_every_tree_for_every_candidate() -> None:
    # two trees by hand: a split on the second feature, and a lone leaf; leaves are marked -1
    # and carry feature -2, as scikit-learn exports them
    split = {"feature": [1, -2, -2], "threshold": [0.5, -2.0, -2.0], "left": [1, -1, -1],
             "right": [2, -1, -1], "value": [0.0, -1.0, 1.0]}  # fmt: skip
    leaf = {"feature": [-2], "threshold": [-2.0], "left": [-1], "right": [-1], "value": [0.25]}
    model = model_from_json(
        {"features": ["zipf", "cos_word"], "init": 0.1, "depth": 1, "trees": [split, leaf]}
    )
    scores = model.log_odds(np.array([[9.0, 0.4], [0.0, 0.6], [0.0, 0.5]]))
    assert scores.tolist() == pytest.approx([0.1 - 1.0 + 0.25, 0.1 + 1.0 + 0.25, 0.1 - 1.0 + 0.25])
    with pytest.raises(ValueError, match="unknown features"):
        model_from_json({"features": ["bert_score"], "init": 0.0, "depth": 0, "trees": [leaf]})


@pytest.mark.parametrize(
    ("sentence", "word", "level", "wrong"),
    [
        # a phrasal verb is rated as a whole: "cut down on" is B1, too hard for an A2 learner
        ("The city wants to reduce traffic in the old town.", "reduce", "A2", "cut down on"),
        # a plural in the gloss is a noun ("proceedings"), not a form of an easy verb ("proceed")
        ("Her parents decided to sue the company.", "sue", "B1", "institute legal proceedings against"),
        # a usage note is no meaning: "hot (= used of physical heat)"
        ("The summers in the city are getting hotter every year.", "hotter", "A2", "used of physical heat"),
        # a comparative is not its base form's definition: "slower (= not moving quickly)"
        ("The old man walked at a slower pace than his son.", "slower", "A2", "not moving quickly"),
        # a degree adverb of adjectives does not fit a verb: "benefited enormously (= extremely)"
        ("Local shops benefited enormously from the new road.", "enormously", "B1", "extremely"),
        (
            "Vienna benefited enormously from the fall of the wall.",
            "enormously",
            "B1",
            "extremely",
        ),  # hung on "fall"
    ],
)
def test_no_gloss_harder_than_the_level_or_of_another_form(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str, wrong: str
) -> None:
    assert _gloss_when_sure(real_lexicon, nlp, sentence, word, level) != wrong


@pytest.mark.parametrize(
    ("sentence", "word", "level", "wrong"),
    [
        # compared with a word: the base form's definition no longer fits ("more fairly large")
        ("The second offer was more substantial than the first one.", "substantial", "A2", "fairly large"),
        (
            "It is the most comprehensive study of city birds to date.",
            "comprehensive",
            "A2",
            "including all or everything",
        ),
        # a degree word before a definition that opens with "the": "so the least possible"
        ("The change is so minimal that nobody notices it.", "minimal", "A2", "the least possible"),
    ],
)
def test_no_gloss_that_a_grading_word_breaks(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str, wrong: str
) -> None:
    assert _gloss_when_sure(real_lexicon, nlp, sentence, word, level) != wrong


def test_an_ungraded_word_keeps_its_definition(real_lexicon: Lexicon, nlp: Language) -> None:
    assert _gloss_when_sure(
        real_lexicon, nlp, "They made a substantial offer for the house.", "substantial", "A2"
    )


def test_a_gloss_ending_in_a_preposition_needs_the_words_own_preposition(nlp: Language) -> None:
    """ "oblivious to the sounds (= lacking conscious awareness of)" reads "... of to the sounds"."""
    doc = nlp("Many drivers seem oblivious to the danger on the road.")
    index = word_index(doc, "oblivious")
    assert index is not None
    assert not _preposition_fits(doc[index], "lacking conscious awareness of")
    assert _preposition_fits(doc[index], "lacking awareness")
    doc = nlp("Many drivers seem unaware of the danger on the road.")
    index = word_index(doc, "unaware")
    assert index is not None
    assert _preposition_fits(doc[index], "lacking awareness of")


def test_eventually_is_not_swapped_for_finally(real_lexicon: Lexicon, nlp: Language) -> None:
    # Dev reading of adapt-2.2 (A2): "could [eventually] finally mean" says "at last", not "in the end".
    doc, index = _at(nlp, "The new scanner could eventually mean that no crime goes unsolved.", "eventually")
    for level in ("A1", "A2", "B1"):
        assert "finally" not in {s.lemma for s in simpler_words(real_lexicon, doc, index, level)}
    assert not plausible("finally", "eventually", "ADV")
