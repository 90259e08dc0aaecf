"""SARI against the reference implementation's known values and hand-computed cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from sari import corpus_sari, normalise, sari_sentence

SOURCE = "About 95 species are currently accepted ."
REFS = [
    "About 95 species are currently known .",
    "About 95 species are now accepted .",
    "95 species are now accepted .",
]


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        # The three cases in the main() of Xu et al.'s SARI.py, with the values it prints.
        ("About 95 you now get in .", 0.2682782411698074),
        ("About 95 species are now agreed .", 0.5889995423074248),
        ("About 95 species are currently agreed .", 0.5071608864657479),
    ],
)
def test_reference_values(candidate: str, expected: float) -> None:
    assert sari_sentence(SOURCE.lower(), candidate.lower(), [r.lower() for r in REFS]) == pytest.approx(
        expected
    )


def test_evaluate_variant_matches_its_documented_example() -> None:
    # The example in the Hugging Face `evaluate` SARI card.
    score = corpus_sari(
        ["About 95 species are currently accepted."],
        ["About 95 you now get in."],
        [[r.replace(" .", ".") for r in REFS]],
        variant="evaluate",
    )
    assert score == pytest.approx(26.953601953601954)


def test_hand_computed_deletion() -> None:
    # Source "a b", candidate "a", reference "a".
    # n=1: kept {a}: p=1, r=1 -> keep 1; deleted {b}, not in the reference -> del 1; nothing added and
    # nothing to add -> add 0 (empty sets score 0 in the reference code). n=2..4: every set is empty
    # except the deleted 2-gram "a b" (not in the reference -> del 1): keep 0, del 1 for n=2, 0 after.
    keep, delete, add = 1 / 4, (1 + 1) / 4, 0.0
    assert sari_sentence("a b", "a", ["a"]) == pytest.approx((keep + delete + add) / 3)


def test_copy_earns_only_keep_credit() -> None:
    # Copy "a b" with reference "a": kept {a, b}, p = (1 + 0) / 2, r = 1 -> F1 2/3 for n=1, 0 above.
    assert sari_sentence("a b", "a b", ["a"]) == pytest.approx((2 / 3) / 4 / 3)


def test_normalise_splits_punctuation() -> None:
    assert normalise("Hello, World.") == "hello , world ."
    assert normalise("1,000 people") == "1,000 people"


def test_mismatched_lengths_rejected() -> None:
    with pytest.raises(ValueError):
        corpus_sari(["a"], [], [])
