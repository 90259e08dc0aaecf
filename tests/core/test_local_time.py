from datetime import UTC, date, datetime

import pytest

from vocabsphere.core.accounts import check_time_zone
from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.local_time import day_start, local_date


def test_the_study_day_turns_at_the_learners_midnight() -> None:
    # 23:30 UTC on 5 December is already 6 December in Madrid and still 5 December in New York.
    moment = datetime(2026, 12, 5, 23, 30, tzinfo=UTC)
    assert local_date(moment, "Europe/Madrid") == date(2026, 12, 6)
    assert local_date(moment, "America/New_York") == date(2026, 12, 5)
    assert day_start(moment, "Europe/Madrid") == datetime(2026, 12, 5, 23, 0, tzinfo=UTC)
    assert day_start(moment, "America/New_York") == datetime(2026, 12, 5, 5, 0, tzinfo=UTC)
    assert day_start(moment, "UTC") == datetime(2026, 12, 5, 0, 0, tzinfo=UTC)


def test_a_daylight_saving_day_starts_at_its_own_midnight() -> None:
    # Clocks in Madrid went forward at 02:00 on 29 March 2026: that midnight was still UTC+1.
    assert day_start(datetime(2026, 3, 29, 12, 0, tzinfo=UTC), "Europe/Madrid") == datetime(
        2026, 3, 28, 23, 0, tzinfo=UTC
    )


def test_unknown_time_zones_are_refused_with_the_field_named() -> None:
    assert check_time_zone(" Asia/Tokyo ") == "Asia/Tokyo"
    with pytest.raises(InvalidInput) as error:
        check_time_zone("Mars/Olympus_Mons")
    assert error.value.field == "time_zone"


def test_offset_segments_follow_daylight_saving_changes() -> None:
    from vocabsphere.core.local_time import offset_segments

    start, end = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC)
    assert offset_segments(start, end, "Europe/Madrid") == [
        (start, 60),
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), 120),
        (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), 60),
    ]
    assert offset_segments(start, end, "Asia/Kolkata") == [(start, 330)]
    assert offset_segments(start, end, "UTC") == [(start, 0)]
