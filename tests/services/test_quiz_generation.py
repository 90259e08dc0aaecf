"""Quizzes and worksheets for stored stories, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.fixtures.quiz_story import ORIG
from vocabsphere.config import Settings
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.services import quiz_generation, stories, versions
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
STORY = "Village school grows vegetables on its roof\n\n" + ORIG.replace("\n", "\n\n")


def _settings(make_settings: Callable[..., Settings]) -> Settings:
    lexicon = os.environ.get("VOCABSPHERE_LEXICON")
    return make_settings(**({"lexicon_path": Path(lexicon)} if lexicon and Path(lexicon).is_file() else {}))


def _story(database: Database, settings: Settings) -> int:
    story_id = ingest(database, IngestSource(kind="text", text=STORY), now=T0, policy=FetchPolicy()).story_id
    versions.build_versions(database, settings, story_id, now=T0 + timedelta(seconds=5))
    return story_id


def test_quiz_for_every_stored_level_and_its_worksheet(
    database: Database, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = _settings(make_settings)
    story_id = _story(database, settings)
    stored = [v.level for v in versions.list_versions(database, story_id)]
    quiz = quiz_generation.generate_story_quiz(database, settings, story_id=story_id)
    keyed = [q for q in quiz.questions if q.kind.has_key]
    assert keyed and any(q.kind is QuestionKind.FACT for q in keyed)
    assert all(q.levels and set(q.levels) <= set(stored) for q in quiz.questions)
    who = [q for q in keyed if q.answer == "Tom Baker"]
    assert who and who[0].stem.startswith("Who helped the school with the soil")

    two = quiz_generation.generate_story_quiz(database, settings, story_id=story_id, levels=["orig", "B1"])
    assert all(set(q.levels) <= {"orig", "B1"} for q in two.questions)

    pdf = quiz_generation.worksheet_pdf(database, settings, story_id=story_id, level="B1", quiz=quiz)
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "sheet.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = " ".join(text.split())
        assert "Village school grows vegetables on its roof" in flat and "Level B1" in flat
        assert "Answer key" in flat and "Tom Baker" in flat
        b1 = " ".join(versions.get_version(database, story_id, "B1").paragraphs)
        quoted = [line for line in text.split("In the text: “")[1:]]
        assert quoted and all(" ".join(q.split("”")[0].split()) in " ".join(b1.split()) for q in quoted)


def test_missing_deleted_and_unknown_levels(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    settings = _settings(make_settings)
    with pytest.raises(NotFound):
        quiz_generation.generate_story_quiz(database, settings, story_id=424242)
    story_id = _story(database, settings)
    for bad in (["Z9"], ["C2"], []):
        with pytest.raises(InvalidInput):
            quiz_generation.generate_story_quiz(database, settings, story_id=story_id, levels=bad)
    quiz = quiz_generation.generate_story_quiz(database, settings, story_id=story_id, levels=["orig"])
    with pytest.raises(InvalidInput):
        quiz_generation.worksheet_pdf(database, settings, story_id=story_id, level="Z9", quiz=quiz)
    with pytest.raises(NotFound):
        quiz_generation.worksheet_pdf(database, settings, story_id=story_id, level="C2", quiz=quiz)
    stories.change_visibility(database, story_id=story_id, action="delete", now=T0 + timedelta(minutes=1))
    with pytest.raises(NotFound):
        quiz_generation.generate_story_quiz(database, settings, story_id=story_id)
    with pytest.raises(NotFound):
        quiz_generation.worksheet_pdf(database, settings, story_id=story_id, level="orig", quiz=quiz)


_OTHERS = (
    (
        "Storm closes harbour bridge for three days",
        "A strong storm closed the harbour bridge in Bristol on Monday. Engineers said the bridge was safe. "
        "Drivers used the ferry instead. The bridge opened again on Thursday morning.",
    ),
    (
        "City library opens its doors at night",
        "The city library in Leeds now opens at night. Students asked for more quiet places to study. "
        "The library stays open until midnight. It has new lights and more chairs.",
    ),
    (
        "Football club signs a new coach from Spain",
        "A football club in Glasgow has signed a new coach. The coach comes from Madrid. "
        "He has trained young players for ten years. The fans are happy about the news.",
    ),
)


def test_main_idea_asks_which_of_the_library_headlines_fits(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    settings = _settings(make_settings)
    for k, (title, body) in enumerate(_OTHERS):
        source = IngestSource(kind="text", text=f"{title}\n\n{body}")
        ingest(database, source, now=T0 - timedelta(days=k + 1), policy=FetchPolicy())
    story_id = _story(database, settings)
    quiz = quiz_generation.generate_story_quiz(database, settings, story_id=story_id)
    main = [q for q in quiz.questions if q.kind is QuestionKind.MAIN_IDEA]
    assert len(main) == 1
    assert main[0].answer == "Village school grows vegetables on its roof"
    assert set(main[0].options) == {main[0].answer, *(title for title, _ in _OTHERS)}
    # Each version's evidence is its sentence sharing most of the headline's words.
    assert "school" in main[0].evidence and dict(main[0].evidence_at)["orig"] == ORIG.split("\n")[0]
