"""Word-level marks for "What changed?"."""

from __future__ import annotations

from vocabsphere.core.adapt.word_diff import Run, word_changes


def test_cut_and_replaced_words_are_runs_of_their_own() -> None:
    old, new = word_changes(
        "The troops, who were tired, escalated the deeply serious fight.",
        "The soldiers escalated the serious fight.",
    )
    assert old == (
        Run("", "The", "same"),
        Run(" ", "troops, who were tired,", "del"),
        Run(" ", "escalated the", "same"),
        Run(" ", "deeply", "del"),
        Run(" ", "serious fight.", "same"),
    )
    assert new == (
        Run("", "The", "same"),
        Run(" ", "soldiers", "ins"),
        Run(" ", "escalated the serious fight.", "same"),
    )
    # The text of each side is kept exactly.
    assert (
        "".join(r.space + r.text for r in old)
        == "The troops, who were tired, escalated the deeply serious fight."
    )


def test_case_and_curly_apostrophes_are_not_changes() -> None:
    old, new = word_changes("It\u2019s late. Trains run.", "it's late. Trains run.")
    assert {r.kind for r in old} == {"same"} and {r.kind for r in new} == {"same"}
