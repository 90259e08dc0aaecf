"""Numbers normalisation and cross-source fact comparison (rankings, counts, regional number words)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vocabsphere.core.ingest.facts import FactConflict, SourceText, compare_sources
from vocabsphere.core.ingest.numbers import normalise_numbers
from vocabsphere.core.ingest.plain_text import clean_text


def _seed_dir() -> Path:
    shared = os.environ.get("VOCABSPHERE_SHARED_DIR")
    base = Path(shared) if shared else Path(__file__).resolve().parents[2].parent / "shared"
    return base / "seeds"


SEEDS = _seed_dir()
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir() or not any(SEEDS.glob("00*.txt")),
    reason="seed articles not found (set VOCABSPHERE_SHARED_DIR to the shared folder that holds seeds/)",
)


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("1 lakh soldiers", 100_000, None),
        ("two lakh people", 200_000, None),
        ("Rs 2.5 crore", 25_000_000, None),
        ("1,00,000 voters", 100_000, None),
        ("nearly 1.3 million active personnel", 1_300_000, "nearly"),
        ("100,000 volunteers", 100_000, None),
        ("over 1000 workers", 1_000, "over"),
        ("more than 1,000 workers", 1_000, "more than"),
        ("a dozen rockets", 12, None),
        ("3 billion dollars", 3_000_000_000, None),
        ("0.5 percent", 0.5, None),
    ],
)
def test_cardinals_are_normalised(text: str, value: float, qualifier: str | None) -> None:
    [mention] = normalise_numbers(text)
    assert mention.kind == "cardinal"
    assert mention.value == value
    assert mention.qualifier == qualifier


def test_regional_forms_carry_an_explanation() -> None:
    notes = [
        m.note for m in normalise_numbers("1 lakh troops, 3 crore rupees, 1,00,000 votes and 100,000 more")
    ]
    assert notes[0] == "1 lakh = 100,000 (Indian English)"
    assert notes[1] == "3 crore = 30,000,000 (Indian English: 1 crore = 10,000,000)"
    assert notes[2] is not None and "100,000" in notes[2]
    assert notes[3] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the world's sixth-largest army", 6),
        ("the fourth largest in the world", 4),
        ("finished 21st", 21),
        ("her 3rd title", 3),
        ("the second time", 2),
    ],
)
def test_ordinals(text: str, value: int) -> None:
    [mention] = normalise_numbers(text)
    assert (mention.kind, mention.value) == ("ordinal", value)


def test_years_and_names_with_digits_are_not_quantities() -> None:
    mentions = normalise_numbers("In 2023 the MI6 chief spoke about COVID-19 and the magazine 1945.")
    assert [(m.kind, m.value) for m in mentions] == [("year", 2023), ("year", 1945)]


def test_one_alone_is_not_a_number_but_one_million_is() -> None:
    assert normalise_numbers("one of the reasons") == []
    assert normalise_numbers("one million visitors")[0].value == 1_000_000


def test_a_scale_written_onto_the_digits_is_read() -> None:
    # News writes "£3m" and "$2.4bn": before, "£3m" was no number and "$2.4bn" read as 2 (the digits
    # up to the decimal point), so a version writing "£3 million" lost the amount it kept.
    assert [m.value for m in normalise_numbers("The bridge cost £3m and the dam $2.4bn.")] == [3e6, 2.4e9]
    assert normalise_numbers("Debts reached €1.5tn.")[0].value == 1.5e12
    # "m" alone is as often metres: no number rather than a wrong one, nor the digits before its point
    assert normalise_numbers("She won the 200m race and swam 1.5m deep.") == []


def test_display_value() -> None:
    assert normalise_numbers("1.3 million")[0].display == "1,300,000"


# --- comparing sources (fictional reports) --------------------------------------------------------


def _source(i: int, outlet: str, text: str, title: str = "") -> SourceText:
    return SourceText(i, outlet, text, title)


def _conflicts(results: list[FactConflict]) -> list[FactConflict]:
    return [r for r in results if r.kind == "conflict"]


def test_ranking_conflict_is_reported_with_a_note() -> None:
    results = compare_sources(
        [
            _source(
                1, "Coast Times", "The Harbour Bridge is the country's second-longest bridge, officials said."
            ),
            _source(
                2,
                "Daily Wire",
                "According to the National Roads Office, the Harbour Bridge is the third longest "
                "bridge in the country.",
            ),
        ]
    )
    [conflict] = _conflicts(results)
    assert conflict.topic == "length ranking of the Harbour Bridge"
    assert {s.value for s in conflict.statements} == {2, 3}
    assert "Coast Times says second-longest" in conflict.note
    assert "Daily Wire says third-longest" in conflict.note
    assert "cites the National Roads Office" in conflict.note


def test_count_conflict_about_the_same_thing() -> None:
    results = compare_sources(
        [
            _source(
                1,
                "A",
                "Police said 12 people were injured when the bus crashed into a wall near the station.",
            ),
            _source(
                2,
                "B",
                "At least 15 people were injured when a bus crashed into a wall near the main station.",
            ),
        ]
    )
    [conflict] = _conflicts(results)
    assert sorted(s.value for s in conflict.statements) == [12, 15]
    assert "disagree" in conflict.note


def test_different_numbers_about_different_things_are_not_conflicts() -> None:
    results = compare_sources(
        [
            _source(
                1,
                "A",
                "Police said 12 people were injured when the bus crashed. The driver has 20 years "
                "of experience.",
            ),
            _source(
                2,
                "B",
                "About 300 people attended a vigil for the victims on Sunday. The bus company has "
                "40 buses in the city.",
            ),
        ]
    )
    assert results == []


def test_approximate_numbers_close_together_agree() -> None:
    results = compare_sources(
        [
            _source(1, "A", "About 2,000 residents were evacuated from the flooded town on Tuesday."),
            _source(
                2, "B", "Officials said 2,100 residents were evacuated from the flooded town on Tuesday."
            ),
        ]
    )
    assert _conflicts(results) == []


def test_crore_and_million_are_the_same_value() -> None:
    results = compare_sources(
        [
            _source(
                1, "Kerala Daily", "The state approved 2 crore rupees for repairs to the old harbour wall."
            ),
            _source(2, "Wire", "The state approved 20 million rupees for repairs to the old harbour wall."),
        ]
    )
    assert _conflicts(results) == []
    [note] = results
    assert note.kind == "same_value"
    assert "2 crore" in note.note and "20,000,000" in note.note and "agree" in note.note


def test_one_source_alone_gives_nothing() -> None:
    assert (
        compare_sources([_source(1, "A", "The bridge is the second-longest. It is the third-longest.")]) == []
    )


# --- the seed reports -----------------------------------------------------------------------------


@needs_seeds
def test_seed_reports_disagree_on_army_ranking_and_agree_on_lakh() -> None:
    paths = sorted(SEEDS.glob("00[012]_*.txt"))
    sources = []
    for i, path in enumerate(paths):
        article = clean_text(path.read_text(encoding="utf-8"))
        sources.append(SourceText(i, f"Outlet {i}", article.text, article.title))
    results = compare_sources(sources)
    [ranking] = _conflicts(results)
    assert ranking.topic == "size ranking of North Korea’s army"
    assert {s.source_id: s.value for s in ranking.statements} == {0: 6, 1: 4, 2: 4}
    assert "sixth-largest" in ranking.note and "fourth-largest" in ranking.note
    assert "Check who each source cites" in ranking.note
    [lakh] = [r for r in results if r.kind == "same_value"]
    assert lakh.statements[0].written == "1 lakh"
    assert all(s.value == 100_000 for s in lakh.statements)
    assert "1 lakh = 100,000" in lakh.note


def test_quote_of_a_very_long_sentence_is_a_window_around_the_number() -> None:
    filler = " ".join(["and the officials kept talking about the weather"] * 12)
    results = compare_sources(
        [
            _source(
                1, "A", f"Police said 12 people were injured when the bus crashed near the station {filler}."
            ),
            _source(2, "B", "At least 15 people were injured when a bus crashed near the main station."),
        ]
    )
    [conflict] = _conflicts(results)
    long_quote = next(s.quote for s in conflict.statements if s.source_id == 1)
    assert long_quote.startswith("… ") and "12 people" in long_quote
    assert len(long_quote.split()) <= 55
