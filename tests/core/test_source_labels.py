"""Each of a story's sources gets a name that tells it apart from the others."""

from __future__ import annotations

from vocabsphere.core.articles import UNKNOWN_OUTLET, source_labels


def test_known_outlets_keep_their_names_and_the_rest_are_numbered() -> None:
    outlets = ["BBC", UNKNOWN_OUTLET, "Reuters", UNKNOWN_OUTLET, "Reuters"]
    assert source_labels(outlets) == [
        "BBC",
        "Source 2",
        "Reuters (source 3)",
        "Source 4",
        "Reuters (source 5)",
    ]


def test_one_source_of_its_own_keeps_its_outlet() -> None:
    assert source_labels(["The Guardian"]) == ["The Guardian"]
    assert source_labels([UNKNOWN_OUTLET]) == ["Source 1"]
