"""The product's one sense choice (core.lexicon.sense_choice) over the real lexicon and pipeline."""

from __future__ import annotations

import pytest

from vocabsphere.core.lexicon import Lexicon, sense_ranking
from vocabsphere.core.lexicon.sense_choice import SenseChoice, choose_sense
from vocabsphere.core.text import load_pipeline

RIVER_BANK = "09213565-n"
MONEY_BANK = {"08420278-n", "02787772-n"}


@pytest.fixture(autouse=True)
def default_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default install has no sentence embeddings (the 'senses' extra needs torch)."""
    monkeypatch.setattr(sense_ranking, "load_sense_embedder", lambda: None)


def choice(lexicon: Lexicon, sentence: str, word: str) -> SenseChoice:
    doc = load_pipeline()(sentence)
    index = next(t.i for t in doc if t.lower_ == word)
    return choose_sense(lexicon, doc, index)


def test_ranks_senses_of_the_token_in_its_sentence(real_lexicon: Lexicon) -> None:
    river = choice(real_lexicon, "We had a picnic on the grassy bank beside the river.", "bank")
    loan = choice(real_lexicon, "She took out a bank loan to pay for the new roof.", "bank")
    assert river.best is not None and river.best.synset_id == RIVER_BANK
    assert loan.best is not None and loan.best.synset_id in MONEY_BANK
    assert (river.lemma, river.upos) == ("bank", "NOUN")
    scores = [s.score for s in river.senses]
    assert scores == sorted(scores, reverse=True) and 0.0 <= river.probability <= 1.0


def test_lemma_checked_against_base_forms(real_lexicon: Lexicon) -> None:
    went = choice(real_lexicon, "They went to the seaside on Sunday.", "went")
    assert (went.lemma, went.upos) == ("go", "VERB")
    assert went.best is not None and went.best.pos == "verb"
