"""The translation signal of the simpler-word ranker: words other languages translate alike.

A stub dictionary pins the arithmetic; the real lexicon checks that close synonyms share
translations where opposites do not, and that the ranker reads the signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.lookup import Translation
from vocabsphere.core.lexicon.sense_choice import choose_sense
from vocabsphere.core.lexicon.substitute_ranking import SIGNALS, _model, candidate_features, rank_substitutes
from vocabsphere.core.lexicon.substitutes import SAFE_FIT, simpler_words, word_index
from vocabsphere.core.lexicon.translation_overlap import TOP, translation_overlap


@dataclass(eq=False)  # hashed by identity, as the real lexicon is (the look-ups are cached per lexicon)
class _Dictionary:
    table: dict[tuple[str, str], list[str]]  # (word, language) -> translations, best first

    def translations_by_language(self, lemma: str, pos: str | None = None) -> dict[str, list[Translation]]:
        return {
            lang: [Translation(t, "stub") for t in texts]
            for (word, lang), texts in self.table.items()
            if word == lemma
        }


def _overlap(table: dict[tuple[str, str], list[str]], word: str, other: str) -> tuple[float, float]:
    return translation_overlap(_Dictionary(table), word, other, "NOUN")  # type: ignore[arg-type]


def test_share_counts_only_languages_that_translate_both_words() -> None:
    table = {
        ("peril", "es"): ["peligro", "riesgo"],
        ("danger", "es"): ["peligro"],
        ("peril", "de"): ["Gefahr"],
        ("danger", "de"): ["Gefahr", "Risiko", "Not"],
        ("peril", "fr"): ["péril"],  # no French for "danger" here: the language does not count
        ("danger", "ja"): ["危険"],
    }
    share, overlap = _overlap(table, "peril", "danger")
    assert share == 1.0
    assert overlap == pytest.approx((1 / 2 + 1 / 3) / 2)


def test_words_translated_differently_share_nothing() -> None:
    table = {
        ("high", "es"): ["alto"],
        ("low", "es"): ["bajo"],
        ("high", "de"): ["hoch"],
        ("low", "de"): ["niedrig"],
    }
    assert _overlap(table, "high", "low") == (0.0, 0.0)
    assert _overlap(table, "high", "unknown") == (0.0, 0.0)  # no language translates both


def test_only_the_first_translations_are_compared() -> None:
    far = [f"w{i}" for i in range(TOP)]
    table = {("one", "es"): [*far, "común"], ("two", "es"): ["común"]}
    assert _overlap(table, "one", "two") == (0.0, 0.0)  # "común" is past the first TOP


def test_case_does_not_keep_translations_apart() -> None:
    table = {("peril", "de"): ["Gefahr"], ("danger", "de"): ["gefahr"]}
    assert _overlap(table, "peril", "danger")[0] == 1.0


# -- with the real lexicon -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "pos"), [("peril", "noun"), ("high", "adjective"), ("perils", "noun"), ("run", None)]
)
def test_translations_of_every_language_at_once_match_one_language_at_a_time(
    real_lexicon: Lexicon, word: str, pos: str | None
) -> None:
    every = real_lexicon.translations_by_language(word, pos)
    assert every
    for info in real_lexicon.languages():
        assert every.get(info.code, []) == real_lexicon.translations(word, info.code, pos)


def test_close_synonyms_share_translations_and_opposites_do_not(real_lexicon: Lexicon) -> None:
    assert translation_overlap(real_lexicon, "peril", "danger", "NOUN")[0] > 0
    assert translation_overlap(real_lexicon, "high", "low", "ADJ") == (0.0, 0.0)


def test_the_ranker_reads_the_translation_signal(real_lexicon: Lexicon, nlp: Language) -> None:
    assert {"translated", "translated_overlap"} <= {SIGNALS[i] for i in _model().signals}
    doc = nlp("Sailors faced many perils on the long voyage.")
    index = word_index(doc, "perils")
    assert index is not None
    found = candidate_features(real_lexicon, doc, index, choose_sense(real_lexicon, doc, index))
    at = SIGNALS.index("translated")
    assert found["danger"][at] > 0


def test_the_list_orders_by_the_ranker_and_texts_are_written_by_the_writer(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # "special" for "particular expressions" leads the list (translated alike), but a text is only
    # rewritten when the writer's trees, which a teacher's reading calibrated, are sure
    doc = nlp("The cameras can analyse everything from particular expressions to the brands people wear.")
    index = word_index(doc, "particular")
    assert index is not None
    ranked = rank_substitutes(real_lexicon, doc, index)
    assert [r.fit for r in ranked] == sorted((r.fit for r in ranked), reverse=True)
    first = ranked[0]
    assert first.form == "special" and first.fit >= SAFE_FIT > first.safe
    assert simpler_words(real_lexicon, doc, index) == ()
