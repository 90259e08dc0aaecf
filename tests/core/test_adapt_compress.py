"""Sentence compression on real parses: what may go, what must stay, and the trained model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.adapt.compress import (
    CompressionModel,
    candidates,
    compress_sentence,
    features,
    load_compression_model,
    score_candidates,
)
from vocabsphere.core.adapt.text_ops import indefinite_article

# Removes every candidate at A2 and nothing at B2: tests the rules, not the weights.
EAGER = CompressionModel({"bias": 10.0}, {"A2": 0.5}, "test-eager")


def _eager(nlp: Language, text: str) -> str:
    return compress_sentence(nlp(text)[:], "A2", EAGER).text


def test_a_relative_clause_set_off_by_commas_goes_with_both_commas(nlp: Language) -> None:
    out = _eager(nlp, "The mayor, who was elected last year, opened the new bridge.")
    assert out == "The mayor opened the new bridge."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Round mods, train 79-88: "exposed to [loud] noises", "made [vastly] more efficient", "set off
        # [immediately]", "opened [inwards]", "regard ... as [an inalienable] a right", "get [round]"
        ("Food tastes blander when we are exposed to loud music.", "loud music"),
        ("Unless solar panels are made vastly cheaper, few homes will buy them.", "vastly cheaper"),
        ("If the next train left immediately, the wind from the first would shake it.", "left immediately"),
        ("The hatch first has to be pushed outwards before it can be lifted.", "pushed outwards"),
        ("Many workers regard a long lunch as an inalienable right.", "an inalienable right"),
        ("The council announced a massive increase in rents.", "a massive increase"),
    ],
)
def test_adjectives_and_adverbs_are_never_cut(nlp: Language, text: str, kept: str) -> None:
    # On train, cutting them bought 0.1 point of SARI and no level hit; half the cuts read changed
    # the claim. A hard one is left to the lexical step.
    assert kept in _eager(nlp, text)
    assert all(c.root.dep_ not in {"amod", "advmod"} for c in candidates(nlp(text)[:]))


def test_a_once_clause_stays(nlp: Language) -> None:
    # "[Once the plane has taken off, a] A significant pressure difference soon builds up": a condition
    out = _eager(nlp, "Once the ship has left the harbour, a strong current soon pushes it to the east.")
    assert out.startswith("Once the ship has left the harbour,")


def test_no_cut_runs_a_phrase_into_or_worse(nlp: Language) -> None:
    # "or worse[, succumbing to karoshi,] death through overwork": two phrases ran together
    text = "More nurses are falling ill from fatigue, or worse, succumbing to burnout, a breakdown."
    out = _eager(nlp, text)
    assert "or worse a" not in out


def test_a_basic_modifier_stays(nlp: Language) -> None:
    # "bad" is A1: dropping it changes the meaning and makes nothing easier.
    assert "bad weather" in _eager(nlp, "Flights were cancelled during periods of bad weather.")


def test_a_restrictive_relative_clause_stays(nlp: Language) -> None:
    # "countries that have signed" says which countries: removing it changes the fact.
    out = _eager(nlp, "Countries that have signed the treaty must report every year.")
    assert "that have signed the treaty" in out


def test_arguments_introduced_by_of_or_to_stay(nlp: Language) -> None:
    out = _eager(nlp, "The board has accused Bolivia of threatening the treaty.")
    assert "of threatening the treaty" in out
    out = _eager(nlp, "In 1964, the country signed up to the convention.")
    assert "to the convention" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Evo Morales is a former coca farmer.", "former"),
        ("The leaves reportedly provide energy.", "reportedly"),
        ("The minister did not approve the plan.", "not"),
        ("Only three ministers voted for the plan.", "Only"),
        ("Bananas have been the most popular fruit since the war.", "most popular"),
        ("Tea is a cheaper drink than coffee.", "cheaper"),
        ("Breach of privacy carries a maximum sentence of one year in prison.", "maximum"),
    ],
)
def test_words_that_change_the_meaning_stay(nlp: Language, text: str, kept: str) -> None:
    assert kept in _eager(nlp, text)


def test_names_numbers_and_hyphenated_words_stay(nlp: Language) -> None:
    out = _eager(nlp, "The Home Affairs Select Committee studied the low-pressure system for 25 days.")
    assert "Home Affairs Select Committee" in out
    assert "low-pressure" in out
    assert "25" in out


def test_quotations_are_never_shortened(nlp: Language) -> None:
    text = '"We had absolutely no time to move anything," she said.'
    assert _eager(nlp, text) == text


def test_a_verbless_parse_is_left_alone(nlp: Language) -> None:
    # The parser reads "damaged" as an adjective here; dropping it would leave no verb.
    text = (
        "The floods, which were caused by three days of unprecedented rainfall, damaged bridges, "
        "roads and the historic riverside district."
    )
    doc = nlp(text)
    if doc[:].root.pos_ in {"VERB", "AUX"}:
        pytest.skip("this parser version reads the sentence correctly")
    assert _eager(nlp, text) == text


def test_levels_without_a_threshold_are_not_compressed(nlp: Language) -> None:
    text = "The mayor, who was elected last year, opened the new bridge."
    result = compress_sentence(nlp(text)[:], "B2", EAGER)
    assert result.text == text and result.removed == 0


def test_the_trained_model_drops_a_side_clause_before_a_plain_adjective(nlp: Language) -> None:
    model = load_compression_model()
    assert {"A1", "A2", "B1"} <= model.thresholds.keys() and "B2" not in model.thresholds
    sent = nlp("The mayor, who was elected last year, opened the new bridge.")[:]
    by_root = {c.root.text: model.probability(features(c, sent)) for c in candidates(sent)}
    assert by_root["elected"] > model.thresholds["A2"] and "new" not in by_root
    assert compress_sentence(sent, "A2", model).text == "The mayor opened the new bridge."


def test_retries_compress_harder(nlp: Language) -> None:
    model = load_compression_model()
    sent = nlp(
        "However, the international board, which monitors the global treaties, has strongly criticised "
        "the ambitious plan in recent weeks."
    )[:]
    lengths = [len(compress_sentence(sent, "A2", model, strength).text) for strength in range(4)]
    assert lengths == sorted(lengths, reverse=True)
    assert lengths[-1] < len(sent.text)


@pytest.mark.parametrize(
    ("article", "word", "expected"),
    [("a", "exemption", "an"), ("an", "big", "a"), ("A ", "hour", "An "), ("an", "university", "a")],
)
def test_indefinite_article(article: str, word: str, expected: str) -> None:
    assert indefinite_article(article, word) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # An apposition or clause holding a name is a fact, not an aside.
        ("But Bartho Boer, a spokesman for the Mayor, denies that the plans are illiberal.", "Mayor"),
        (
            "Pizzi, who is now CEO of Currie Technologies, the number one seller of e-bikes, believes it.",
            "Currie Technologies",
        ),
        # A condition carries the claim: "coal will catch oil" is not true without it.
        (
            "Coal's share continues to grow, and coal will catch oil within a decade if nothing changes.",
            "if nothing changes",
        ),
    ],
)
def test_facts_and_conditions_stay(nlp: Language, text: str, kept: str) -> None:
    assert kept in _eager(nlp, text)


def test_a_clause_inside_an_apposition_keeps_the_closing_comma(nlp: Language) -> None:
    out = _eager(
        nlp,
        "Jenny Holdcroft, policy director for the union, which has been closely involved in the talks, "
        "said that the agreement worked.",
    )
    assert "which" not in out
    assert "policy director for the union, said" in out or "Jenny Holdcroft said" in out


def test_a_connective_after_a_fronted_word_stays(nlp: Language) -> None:
    # an adverb (round mods: adverbs are no longer cut), so both commas stay too
    text = "Ultimately, though, the scientist believes people are starting to care."
    assert _eager(nlp, text) == text


def test_scores_kept_by_the_caller_give_the_same_result(nlp: Language) -> None:
    model = load_compression_model()
    sent = nlp("However, the international board, which monitors the treaties, has criticised the plan.")[:]
    scored = score_candidates(sent, model)
    sizes = [c.end - c.start for _, c in scored]
    assert sizes and sizes == sorted(sizes, reverse=True)  # outermost first
    for level, strength in (("A2", 0), ("B1", 0), ("A2", 3)):
        assert compress_sentence(sent, level, model, strength, scored) == compress_sentence(
            sent, level, model, strength
        )


def test_a_clause_after_a_phrase_that_is_not_set_off_takes_both_commas(nlp: Language) -> None:
    # round read8 (train 31-40 A2): "Another cut from a sword, would also have been fatal.": the comma
    # after the clause was read as closing "from a sword", which no comma opens
    text = "One more cut from a knife, which also went through the skin and into the lung, would have killed."
    assert _eager(nlp, text) == "One more cut from a knife would have killed."
