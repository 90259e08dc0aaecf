"""`vocabsphere quiz`: per file the questions with kind, stem, options, answer, evidence and levels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures.quiz_story import ORIG
from vocabsphere.cli import main


def test_quiz_json_builds_the_levels_and_checks_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "garden.txt"
    story.write_text(ORIG, encoding="utf-8")
    assert main(["quiz", "--levels", "a2,orig", "--json", "--raw", str(story)]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["file"] == str(story) and result["levels"] == ["A2", "orig"]
    questions = result["questions"]
    assert questions and {"kind", "stem", "options", "answer", "evidence", "levels"} <= set(questions[0])
    for q in questions:
        assert set(q["levels"]) <= {"A2", "orig"} and q["levels"]
        if q["kind"] != "discussion":
            assert q["answer"] in q["options"] and q["evidence"]
    assert any(q["kind"] == "fact" and q["answer"] == "Tom Baker" for q in questions)


def test_quiz_text_output_marks_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "garden.txt"
    story.write_text(ORIG, encoding="utf-8")
    assert main(["quiz", "--levels", "orig", "--raw", str(story)]) == 0
    out = capsys.readouterr().out
    assert "quiz for orig" in out and "* Tom Baker" in out and "evidence: " in out


def test_quiz_refuses_bad_levels_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["quiz", "--levels", "Z9", str(tmp_path / "x.txt")])
    assert exit_info.value.code == 2
    assert main(["quiz", "--levels", "orig", str(tmp_path / "missing.txt")]) == 1
    assert "No such file" in capsys.readouterr().err
