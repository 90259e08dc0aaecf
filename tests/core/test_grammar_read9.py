"""False highlight claims of round read9 (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.adapt_checks import points_in


@pytest.mark.parametrize(
    "text",
    [
        # round read9: "The 2013 Star Count revealed that only 5% ... can see" was called reported
        # speech ("'revealed' tells us what someone said"): a named survey shows, nobody says
        "The 2019 Bird Count revealed that only 10% of gardens have sparrows.",
        "The annual Frog Census revealed that fewer frogs can breed.",
    ],
)
def test_a_named_survey_reveals_it_does_not_report_speech(nlp: Language, text: str) -> None:
    assert not points_in(nlp, text, "reported_speech")


def test_a_person_who_reveals_still_reports(nlp: Language) -> None:
    assert points_in(nlp, "Maria revealed that she had sold the farm.", "reported_speech")
