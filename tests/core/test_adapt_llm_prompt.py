"""Prompt building and rewrite acceptance for the optional LLM rewriter."""

from __future__ import annotations

import pytest

from vocabsphere.core.adapt.llm_prompt import accept_rewrite, build_messages

ORIGINAL = (
    "Heavy floods hit the Portuguese city of Porto on Monday, forcing 12,480 residents to leave their "
    "homes. Maria Lopes, a shopkeeper, said the water rose quickly. The government gave 25 million euros."
)


def test_messages() -> None:
    messages = build_messages(ORIGINAL, "A2")
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "A2" in messages[1]["content"] and ORIGINAL in messages[1]["content"]
    with pytest.raises(ValueError):
        build_messages(ORIGINAL, "Z9")


def test_accepts_faithful_rewrite() -> None:
    rewrite = "Floods hit Porto in Portugal on Monday. About 12,480 people had to leave their homes."
    assert accept_rewrite(ORIGINAL, rewrite, "A2").accepted


@pytest.mark.parametrize(
    "rewrite",
    [
        "Floods hit Porto on Monday. About 15,000 people left their homes.",  # changed number
        "Floods hit Lisbon on Monday. Many people left their homes.",  # invented name
        "",
        "Floods.",
    ],
)
def test_rejects_unfaithful_rewrite(rewrite: str) -> None:
    verdict = accept_rewrite(ORIGINAL, rewrite, "A2")
    assert not verdict.accepted and verdict.reason


def test_near_full_length_level_must_keep_names() -> None:
    rewrite = ORIGINAL.replace("Maria Lopes, a shopkeeper,", "A woman").replace("Porto", "the city")
    assert not accept_rewrite(ORIGINAL, rewrite, "C1").accepted
