"""The facts measure of bench/bench_adapt.py: a version keeps a number however its scale is written."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from bench_adapt import kept_share


def test_a_scale_on_the_digits_is_the_same_number() -> None:
    # The human version writes "million" where the story wrote "£4m" or "7m": before, the version that
    # kept the story's sentence lost both amounts.
    human = "The town spent £4 million on a new park. It now has 7 million visitors."
    assert kept_share(human, "The town spent £4m on its new park. It now has 7m visitors a year.") == (2, 2)
    assert kept_share(human, "The town built a new park.") == (0, 2)


def test_metres_stay_a_number_of_their_own() -> None:
    # "200m" is read as millions on both sides alike: it never stands in for "200 metres", nor for 200
    assert kept_share("She won the 200 metres race.", "She won the 200m race.") == (0, 1)
