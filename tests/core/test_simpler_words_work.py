"""The simpler-word ranker (tens of milliseconds of a tap) is asked only when its answer can matter."""

from __future__ import annotations

import pytest

from vocabsphere.core.lexicon import Lexicon, substitutes
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.substitutes import REWRITE_CONFIDENT, may_simplify, simpler_words, word_index
from vocabsphere.core.text import load_pipeline


def test_no_ranking_when_no_synonym_of_the_sense_is_simpler(
    real_lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = load_pipeline()("The hotel has forty rooms and eighty beds.")
    index = word_index(doc, "beds")
    assert index is not None
    choice = choose_sense(real_lexicon, doc, index)
    # The sense choice is sure of the word's first sense, so the ranker used to run for it.
    assert choice.best is not None and choice.best.rank == 1 and choice.probability >= REWRITE_CONFIDENT

    def must_not_rank(*args: object, **kwargs: object) -> None:
        raise AssertionError("the ranker ran for a word whose sense has no simpler synonym")

    monkeypatch.setattr(substitutes, "rank_substitutes", must_not_rank)
    assert simpler_words(real_lexicon, doc, index, choice=choice) == ()


def test_the_ranker_still_orders_the_synonyms_that_are_simpler(real_lexicon: Lexicon) -> None:
    doc = load_pipeline()("The instructors work at a school in the city.")
    index = word_index(doc, "instructors")
    assert index is not None
    assert [s.form for s in simpler_words(real_lexicon, doc, index)] == ["teachers"]


def test_only_content_words_outside_names_may_be_simplified() -> None:
    doc = load_pipeline()("The instructors of Bristol Grammar School work in 12 rooms.")
    taken = {t.text for t in doc if may_simplify(t)}
    assert {"instructors", "rooms"} <= taken
    # "work in": a verb with its own preposition, which a synonym rarely takes
    assert not taken & {"The", "of", "in", "12", "Bristol", "School", "work"}
