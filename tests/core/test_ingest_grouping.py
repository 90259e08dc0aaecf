"""Story grouping needs shared content (issue 14, part 4): shared numbers or names alone never merge
stories; one news desk's look-alike reports of different events stay apart; one event told by three
outlets in their own words comes together."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tests.fixtures.stories import OUTLET_EVENTS, Report, desk_reports
from vocabsphere.core.ingest.numbers import normalise_numbers
from vocabsphere.core.ingest.stories import (
    RELATED,
    SAME_STORY,
    StoryCandidate,
    assign_story,
    pair_score,
    pick_base_article,
)
from vocabsphere.core.ingest.textutil import specific_names


def group(reports: Sequence[Report]) -> list[int]:
    """Story index of each report, ingested one after another as the service does: each new report is
    compared with every story's fullest report."""
    stories: list[list[Report]] = []
    found = []
    for report in reports:
        candidates = []
        for i, members in enumerate(stories):
            base = members[pick_base_article([m.text for m in members])]
            candidates.append(StoryCandidate(i, base.title, base.text))
        decision = assign_story(report.text, report.title, candidates)
        if decision.story_id is None:
            stories.append([report])
            found.append(len(stories) - 1)
        else:
            stories[decision.story_id].append(report)
            found.append(decision.story_id)
    return found


def test_one_desk_reports_of_different_events_in_different_towns_stay_apart() -> None:
    reports = desk_reports()
    assert len(group(reports)) == len(set(group(reports))) == 24


def test_look_alike_desk_reports_are_not_even_related() -> None:
    fires = desk_reports()[0:24:4]  # six house fires, one template, six towns
    decision = assign_story(
        fires[0].text, fires[0].title, [StoryCandidate(i, r.title, r.text) for i, r in enumerate(fires[1:])]
    )
    assert decision.story_id is None and decision.related == ()


@pytest.mark.parametrize("key", ["warehouse", "school-bus", "bandstand"])
def test_one_event_from_three_outlets_comes_together(key: str) -> None:
    event = [r for r in OUTLET_EVENTS if r.key == key]
    assert len(event) == 3 and len({r.outlet for r in event}) == 3
    found = group(event)
    assert found == [found[0]] * 3


def test_three_outlets_come_together_among_the_desk_reports() -> None:
    # The desk's own warehouse report looks like its house-fire reports; the other outlets' reports of
    # the same fire must still find it, and no desk report may join an outlet event.
    reports = desk_reports()[:12] + list(OUTLET_EVENTS) + desk_reports()[12:]
    found = dict(zip((f"{r.key}/{r.outlet}" for r in reports), group(reports), strict=True))
    gold = {f"{r.key}/{r.outlet}": r.key for r in reports}
    for a in found:
        for b in found:
            assert (found[a] == found[b]) == (gold[a] == gold[b]), (a, b)


NIGHT_TRAINS = (
    "Night trains return to Europe's railways",
    "After years of decline, night trains are returning. Three new routes will connect cities more than "
    "1,000 kilometres apart, and the journey takes around twelve hours. Passengers can choose seats, "
    "shared cabins or private rooms, and a basic ticket costs less than most flights.",
)
TROOPS = (
    "Thousands of volunteers offered to fight, state media says",
    "State media said the country had offered 100,000 volunteers to fight alongside its ally. The United "
    "States sent a dozen rocket systems to the other side, and a newspaper reported that the country plans "
    "to send over 1000 workers to the region if the war ends.",
)


def test_shared_numbers_alone_never_merge_stories() -> None:
    # Both say 1,000 and twelve (a dozen); nothing else is shared.
    assert {1000.0, 12.0} <= {m.value for m in normalise_numbers(NIGHT_TRAINS[1])}
    assert {1000.0, 12.0} <= {m.value for m in normalise_numbers(TROOPS[1])}
    score = pair_score("\n".join(NIGHT_TRAINS), "\n".join(TROOPS))
    assert score.event < SAME_STORY / 4 and score.topic < RELATED
    decision = assign_story(NIGHT_TRAINS[1], NIGHT_TRAINS[0], [StoryCandidate(1, *TROOPS)])
    assert decision.story_id is None and decision.related == ()


def test_shared_names_alone_never_merge_stories() -> None:
    a = "Berlin marathon\nRunners from Kenya won the Berlin marathon on Sunday in hot weather."
    b = "Berlin budget\nKenya and Germany signed a trade agreement in Berlin, officials said on Sunday."
    assert pair_score(a, b).event < SAME_STORY


def test_specific_names_are_rare_names_not_sentence_starts_or_days() -> None:
    text = "Firefighters were called to Mill Lane in Ashby Wold on Monday. Crews from Northshire Police came."
    assert specific_names(text) == {"ashby", "wold", "northshire"}


def test_spelled_out_compound_numbers_are_one_number() -> None:
    assert [m.value for m in normalise_numbers("Twenty-three pupils and forty-five thousand fans")] == [
        23.0,
        45000.0,
    ]


def test_a_name_spelled_with_or_without_diacritics_is_one_name() -> None:
    assert specific_names("Biologist Robert Mysłajek met them in Zürich.") == specific_names(
        "Biologist Robert Myslajek met them in Zurich."
    )
