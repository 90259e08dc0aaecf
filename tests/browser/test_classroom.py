"""The teacher's loop in a real browser at phone and desktop widths: a class, a learner joining with the
code, a quiz generated from a story (one question added and edited), its worksheet PDF, the quiz assigned at
each learner's level with a due date and answered, and the result on the dashboard and in the CSV download."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, register
from tests.browser.test_story import open_first_story_with_versions

pytestmark = pytest.mark.browser


def _log_in(page: Any, server: str, username: str, password: str) -> None:
    page.goto(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/library")


def _table(page: Any) -> list[list[str]]:
    return [
        [cell.inner_text().strip() for cell in row.locator("th, td").all()]
        for row in page.locator("table.dashboard tr").all()
    ]


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_class_quiz_assignment_and_dashboard(
    browser: Any, server: str, artifacts: Path, label: str, viewport: dict[str, int]
) -> None:
    errors: list[str] = []
    teacher_context = browser.new_context(viewport=viewport, accept_downloads=True)
    learner_context = browser.new_context(viewport=viewport)
    teacher, learner = teacher_context.new_page(), learner_context.new_page()
    for page in (teacher, learner):
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # The teacher makes a class and reads its join code.
    _log_in(teacher, server, "demo-teacher", "vocabsphere-demo")
    teacher.goto(f"{server}/classes")
    teacher.fill("input[name=name]", f"Reading {label}")
    teacher.click("button:has-text('Create class')")
    teacher.wait_for_url(re.compile(r".*/classes/\d+$"))
    class_url = teacher.url
    code = teacher.locator("[data-join-code]").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert_no_horizontal_scroll(teacher)
    teacher.screenshot(path=str(artifacts / f"class-new-{label}.png"), full_page=True)

    # A learner joins with the code from their library page.
    register(learner, server, f"class-{label}")
    learner.locator("summary", has_text="Join a class").click()
    learner.fill("input[name=code]", code.lower())
    learner.click(".join-form button[type=submit]")
    learner.locator(".notice", has_text=f"Reading {label}").wait_for()

    # The teacher generates a quiz from a story, adds a question, edits one, and assigns it.
    open_first_story_with_versions(teacher, server)
    story_id = re.search(r"/stories/(\d+)", teacher.url).group(1)  # type: ignore[union-attr]
    teacher.goto(class_url)
    teacher.select_option("select[name=story_id]", story_id)
    teacher.click("button:has-text('Generate questions')")
    # Generating checks every level version; a loaded CI machine needs more than the default 30 s.
    teacher.wait_for_url(re.compile(r".*/quizzes/\d+$"), timeout=120_000)
    generated = teacher.locator("li.question").count()
    assert generated >= 3
    add = teacher.locator("#add form")
    add.locator("select[name=kind]").select_option("fact")
    add.locator("input[name=stem]").fill("What is this story about?")
    options = add.locator("input[name=option]")
    options.nth(0).fill("A piece of news")
    options.nth(1).fill("A recipe")
    add.locator("input[name=correct][value='0']").check()
    add.locator("button", has_text="Add question").click()
    teacher.locator("li.question", has_text="What is this story about?").wait_for()
    mine = teacher.locator("li.question", has_text="What is this story about?")
    mine.locator("summary", has_text="Edit").click()
    mine.locator("input[name=stem]").fill("What kind of text is this?")
    mine.locator("button", has_text="Save question").click()
    teacher.locator("li.question .stem", has_text="What kind of text is this?").wait_for()
    assert teacher.locator("li.question").count() == generated + 1
    with teacher.expect_download() as worksheet_info:
        teacher.click("button:has-text('Worksheet PDF')")
    worksheet = Path(worksheet_info.value.path()).read_bytes()
    assert worksheet.startswith(b"%PDF") and b"%%EOF" in worksheet[-1024:]
    due = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT17:00")
    assign = teacher.locator("#assign form")
    assign.locator("select[name=class_id]").select_option(label=f"Reading {label}")
    assign.locator("select[name=level_rule]").select_option("learner")
    assign.locator("input[name=due_at]").fill(due)
    assert_no_horizontal_scroll(teacher)
    teacher.screenshot(path=str(artifacts / f"quiz-editor-{label}.png"), full_page=True)
    assign.locator("button", has_text="Assign").click()
    teacher.wait_for_url(class_url)

    # The learner sees it first on their library, reads at their level and answers every question.
    learner.goto(f"{server}/library")
    mine_link = learner.locator(".my-assignments .assignment-list a").first
    assert "not started" in learner.locator(".my-assignments").inner_text()
    mine_link.click()
    assert learner.locator("a.button", has_text="Read it (B1)").count() == 1
    questions = learner.locator("fieldset.question")
    assert questions.count() == generated + 1
    for index in range(questions.count()):
        question = questions.nth(index)
        if question.locator("textarea").count():
            question.locator("textarea").fill("Who decided this, and why?")
        elif "What kind of text is this?" in question.locator("legend").inner_text():
            question.locator("label.choice", has_text="A piece of news").click()
        else:
            question.locator("label.choice").first.click()
    assert_no_horizontal_scroll(learner)
    learner.screenshot(path=str(artifacts / f"assignment-answer-{label}.png"), full_page=True)
    learner.click("button:has-text('Hand in')")
    feedback = learner.locator("#feedback")
    feedback.locator("h2", has_text="right").wait_for()
    score = re.search(r"Your answers: (\d+) of (\d+) right", feedback.inner_text())
    assert score and 1 <= int(score.group(1)) <= int(score.group(2))
    assert "A piece of news is right." in feedback.inner_text()
    assert "Your teacher will read it." in feedback.inner_text()
    learner.screenshot(path=str(artifacts / f"assignment-feedback-{label}.png"), full_page=True)

    # The teacher sees the result on the dashboard; the CSV holds exactly the same cells.
    teacher.goto(class_url)
    table = _table(teacher)
    assert table[1][:2] == [f"class-{label}", f"class-{label}"]
    assert table[1][2].startswith(f"submitted · {score.group(1)}/{score.group(2)}")
    assert_no_horizontal_scroll(teacher)
    teacher.screenshot(path=str(artifacts / f"class-dashboard-{label}.png"), full_page=True)
    with teacher.expect_download() as download_info:
        teacher.click("a:has-text('Download CSV')")
    downloaded = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(downloaded))) == table

    # Archived at the end (never deleted): the demo teacher's class list is as it was for other tests.
    teacher.click("button:has-text('Archive this class')")
    teacher.wait_for_url(f"{server}/classes")
    assert f"Reading {label}" in teacher.locator("#archived-title + ul").inner_text()
    assert not errors, errors
    teacher_context.close()
    learner_context.close()
