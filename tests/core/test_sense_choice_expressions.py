"""What feeds the sense choice (issue 13): verb expressions, the POS, the gloss vectors stored in
the lexicon, and the confidence map of the 'senses' extra."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from vocabsphere.core.lexicon import Lexicon, sense_ranking
from vocabsphere.core.lexicon import sense_choice as sc
from vocabsphere.core.lexicon.gloss_vector_stage import _batches
from vocabsphere.core.lexicon.sense_vectors import gloss_text, gloss_words, load_static_vectors
from vocabsphere.core.lexicon.substitutes import simpler_words


@pytest.fixture(autouse=True)
def default_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sense_ranking, "load_sense_embedder", lambda: None)


def choice_of(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> sc.SenseChoice:
    doc = nlp(sentence)
    return sc.choose_sense(lexicon, doc, next(t.i for t in doc if t.text == word))


@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "meaning"),
    [
        ("The meeting took place on Monday.", "took", "take place", "come to pass"),
        ("The ceremony will take place in the capital next week.", "take", "take place", "come to pass"),
        ("The report falls short of expectations.", "falls", "fall short", "fail to meet"),
        ("He took part in the race.", "took", "take part", "share in"),
    ],
)
def test_verb_with_its_bare_object_or_complement_is_the_expression(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, lemma: str, meaning: str
) -> None:
    choice = choice_of(real_lexicon, nlp, sentence, word)
    assert choice.lemma == lemma and choice.best is not None
    assert meaning in choice.best.definition
    # "happened place": a synonym of the expression never replaces its verb alone
    doc = nlp(sentence)
    assert simpler_words(real_lexicon, doc, next(t.i for t in doc if t.text == word)) == ()


@pytest.mark.parametrize(
    ("sentence", "word", "not_lemma"),
    [
        ("If you were not careful, you found yourself out in the cold.", "found", "find out"),
        ("Back in the car, we drove to the farm.", "drove", "drive back"),
        ("The pools were closed in the afternoon.", "closed", "close in"),
        ("He took the book from the shelf.", "took", "take book"),
    ],
)
def test_adverbs_of_place_and_prepositions_make_no_expression(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, not_lemma: str
) -> None:
    assert choice_of(real_lexicon, nlp, sentence, word).lemma != not_lemma


def test_particle_verbs_still_found(real_lexicon: Lexicon, nlp: Language) -> None:
    pointed = choice_of(real_lexicon, nlp, "She pointed out that the road was closed.", "pointed")
    dating = choice_of(real_lexicon, nlp, "Evidence dating back to December 2023 was found.", "dating")
    assert (pointed.lemma, dating.lemma) == ("point out", "date back")


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        ("The team is made up of five players.", "made", "make up"),
        ("She finally caught up with her friends.", "caught", "catch up"),
        ("He walked out of the room.", "walked", "walk"),  # a direction, not a walk-out
    ],
)
def test_up_before_of_or_with_is_the_verbs_particle(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, lemma: str
) -> None:
    """The parse takes "up" for a preposition before "of" ("made up of"): two prepositions in a
    row open no phrase, so "up" is the verb's."""
    assert choice_of(real_lexicon, nlp, sentence, word).lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "word", "reading"),
    [
        ("The town lacks clean water.", "lacks", ("lack", "VERB")),
        ("It is hard to get well if a person lacks adequate shelter.", "lacks", ("lack", "VERB")),
        ("The museum exhibits old maps.", "exhibits", ("exhibit", "VERB")),
        ("Company sales figures rose in May.", "sales", ("sale", "NOUN")),  # a compound stays a noun
        ("We visited the city parks this summer.", "parks", ("park", "NOUN")),
        ("The mists rose off the river and the French cows amble about the fields.", "cows", ("cow", "NOUN")),
        ("In the morning the brown cows amble about the fields.", "cows", ("cow", "NOUN")),
    ],
)
def test_an_s_form_after_a_singular_subject_in_a_verbless_clause_is_a_verb(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, reading: tuple[str, str]
) -> None:
    """The tagger reads "town lacks" as a compound noun; the clause then has no verb, and an
    -s form after a singular noun that opens a noun phrase is the verb the clause lacks."""
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    found = sc.resolve_token(real_lexicon, token)
    assert (found.lemma, found.upos) == reading
    choice = sc.choose_sense(real_lexicon, doc, token.i)
    assert choice.best is not None and choice.best.pos == ("verb" if reading[1] == "VERB" else "noun")


def test_stored_gloss_sums_rank_as_the_sums_built_on_the_tap(real_lexicon: Lexicon) -> None:
    """The build stage reads each synset's gloss as a tap does, and taking the looked-up word out
    of the stored sum gives the cosines of building it without the word."""
    senses = real_lexicon.entries("bank", "NOUN").senses
    wanted = {sense_ranking.synset_key(s.synset_id): s.synset_id for s in senses}
    vectors = load_static_vectors()
    stored = {}
    for batch in _batches(real_lexicon._conn()):
        for key, text in batch:
            if key in wanted:
                total = vectors.weighted_sum(gloss_words(text))
                if total is not None:  # float16, as stored
                    stored[wanted[key]] = total.astype(np.float16).astype(np.float32)
    assert set(stored) == {s.synset_id for s in senses}
    context = ["river", "grassy", "picnic", "water"]
    on_tap = vectors.similarities(context, senses, "bank")
    from_store = vectors.similarities(context, senses, "bank", stored)
    assert on_tap.keys() == from_store.keys()
    assert all(abs(on_tap[k] - from_store[k]) < 2e-3 for k in on_tap)
    # glosses that name the word ("he cashed a check at the bank") had it taken out
    assert any("bank" in gloss_words(gloss_text(s)) for s in senses)
    assert max(on_tap, key=on_tap.__getitem__) == max(from_store, key=from_store.__getitem__)


def test_the_senses_extra_has_its_own_confidence_map(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sc.confidence_map(sense_ranking.SHIPPED) is sc.DEFAULT_MAP  # extra absent
    monkeypatch.setattr(sense_ranking, "load_sense_embedder", lambda: object())
    assert sc.confidence_map(sense_ranking.SHIPPED) is sc.EXTRA_MAP
    assert sc.confidence_map(sense_ranking.WITHOUT_EMBEDDINGS) is sc.DEFAULT_MAP
