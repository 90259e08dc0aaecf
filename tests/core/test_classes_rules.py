"""The teacher's side rules in plain Python: rosters, join codes, statuses, questions, grading, due times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vocabsphere.core.classes.codes import ALPHABET, display_code, new_join_code, normalise_join_code
from vocabsphere.core.classes.grid import Cell, reading_time
from vocabsphere.core.classes.levels import LearnerProgress, LevelRule, Status, status_of, wanted_level
from vocabsphere.core.classes.roster import parse_roster, username_from_name
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.local_time import from_local
from vocabsphere.core.quizzes.editing import check_answer_text, check_question, grade

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_roster_lines_are_checked_one_by_one() -> None:
    text = '\ufeffName,Username,Level\n"Novák, Jan",,a2\n\nZoë Ødegaard,zoe_o,\n,x,\nBo,b,B1,extra\nLi,li!,\n'
    rows, errors = parse_roster(text)
    assert [(r.line, r.display_name, r.username, r.level) for r in rows] == [
        (2, "Novák, Jan", "novak.jan", "A2"),
        (4, "Zoë Ødegaard", "zoe_o", None),
    ]
    assert [e.line for e in errors] == [5, 6, 7]
    assert "empty" in errors[0].message and "4 values" in errors[1].message
    with pytest.raises(InvalidInput, match="Line 1"):
        parse_roster("email\nx@example.org\n")
    with pytest.raises(InvalidInput, match="unknown column"):
        parse_roster("name,password\nAna,secret\n")
    with pytest.raises(InvalidInput, match="no learners"):
        parse_roster("name\n\n")
    _, duplicate = parse_roster("name\nAna Ruiz\nana ruiz\n")
    assert duplicate[0].line == 3 and "line 2" in duplicate[0].message


def test_usernames_made_from_names() -> None:
    assert username_from_name("María José López-Pérez") == "maria.jose.lopez.perez"
    assert username_from_name("Li") == "li0"
    assert len(username_from_name("A" * 80)) == 32


def test_join_codes() -> None:
    code = new_join_code()
    assert len(code) == 8 and set(code) <= set(ALPHABET)
    assert normalise_join_code(display_code(code).lower()) == code
    assert normalise_join_code(f" {code[:4]} {code[4:]} ") == code
    for wrong in ("", "ABCD", "ABCD-EFG0", "ABCD-EFGHJ"):  # 0 is never in a code
        with pytest.raises(NotFound):
            normalise_join_code(wrong)


def test_statuses() -> None:
    due = T0 + timedelta(days=1)

    def status(
        *, excused: bool = False, reading: bool = False, submitted: datetime | None = None, at: datetime = T0
    ) -> Status:
        return status_of(LearnerProgress(due, excused, reading, submitted), at)

    assert status() is Status.NOT_STARTED
    assert status(reading=True) is Status.READING
    assert status(submitted=T0) is Status.SUBMITTED
    assert status(submitted=due + timedelta(minutes=1)) is Status.LATE
    assert status(at=due + timedelta(seconds=1)) is Status.LATE
    assert status(excused=True, at=due + timedelta(days=9)) is Status.EXCUSED
    assert Cell(Status.SUBMITTED, 3, 4, 61, "B1").text == "submitted · 3/4 · 2 min"
    assert Cell(Status.NOT_STARTED, None, None, 0, "B1").text == "not started"
    assert reading_time(1) == "1 min"


def test_level_rules() -> None:
    common = {"fixed_level": "C1", "class_level": "A2", "own_level": "B2"}
    assert wanted_level(LevelRule.FIXED, locked_level="A1", **common) == "C1"
    assert wanted_level(LevelRule.CLASS, locked_level=None, **common) == "A2"
    assert wanted_level(LevelRule.LEARNER, locked_level=None, **common) == "B2"
    assert wanted_level(LevelRule.LEARNER, locked_level="A1", **common) == "A1"


def test_questions_and_grading() -> None:
    fact = check_question(
        "fact", "  Who  spoke? ", ["The mayor", "An engineer", ""], "the mayor", "The mayor spoke."
    )
    assert (
        fact.stem == "Who spoke?"
        and fact.options == ("The mayor", "An engineer")
        and fact.answer == "The mayor"
    )
    assert (
        grade(fact, " the  MAYOR ") is True
        and grade(fact, "An engineer") is False
        and grade(fact, "") is False
    )
    tf = check_question("true_false", "It rained.", ["ignored"], "false")
    assert tf.options == ("True", "False") and tf.answer == "False"
    talk = check_question("discussion", "What do you think?", ["x"], "x")
    assert talk.options == () and talk.answer is None and grade(talk, "Anything") is None
    for bad in (
        ("quiz", "Q?", ["a", "b"], "a"),
        ("fact", "   ", ["a", "b"], "a"),
        ("fact", "Q?", ["a"], "a"),
        ("fact", "Q?", ["a", "A"], "a"),
        ("fact", "Q?", ["a", "b"], "c"),
        ("fact", "Q?", ["a", "b", "c", "d", "e", "f", "g"], "a"),
    ):
        with pytest.raises(InvalidInput):
            check_question(*bad)
    with pytest.raises(InvalidInput):
        check_answer_text(fact, "A journalist")  # not an option
    with pytest.raises(InvalidInput):
        check_answer_text(talk, "x" * 2001)


def test_due_times_typed_in_a_time_zone() -> None:
    # 17:00 in Madrid is 16:00 UTC in winter and 15:00 UTC in summer.
    assert from_local(datetime(2026, 12, 8, 17, 0), "Europe/Madrid") == datetime(
        2026, 12, 8, 16, 0, tzinfo=UTC
    )
    assert from_local(datetime(2026, 7, 8, 17, 0), "Europe/Madrid") == datetime(2026, 7, 8, 15, 0, tzinfo=UTC)
    aware = datetime(2026, 7, 8, 17, 0, tzinfo=UTC)
    assert from_local(aware, "Asia/Tokyo") == aware
    with pytest.raises(InvalidInput):
        from_local(datetime(1, 1, 1, 0, 0), "Asia/Tokyo")
