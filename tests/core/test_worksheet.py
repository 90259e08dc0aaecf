"""Worksheet PDFs: rendered with poppler (pdftoppm) and read back (pdftotext, pdffonts)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vocabsphere.core.quizzes.model import Question, QuestionKind, Quiz
from vocabsphere.core.quizzes.worksheet import GlossaryEntry, Worksheet, render_worksheet

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm", "pdffonts"))
pytestmark = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdftoppm, pdffonts) not installed"
)

QUIZ = Quiz(
    (
        Question(
            QuestionKind.FACT,
            "Who helped the school with the soil?",
            ("Maria Lopez", "Tom Baker", "Anna Reid"),
            "Tom Baker",
            "Tom Baker, a local farmer, helped the school with the soil.",
            ("A2",),
        ),
        Question(
            QuestionKind.TRUE_FALSE,
            "The garden was built in 2017.",
            ("True", "False"),
            "False",
            "The garden was built in 2019.",
            ("A2",),
        ),
        Question(QuestionKind.DISCUSSION, "Would you like a garden at your school? Why?", levels=("A2",)),
    )
)
SHEET = Worksheet(
    title="A garden on the school roof",
    level="A2",
    paragraphs=("A school in Dunmore has opened a garden on its roof.", "Tom Baker helped with the soil."),
    glossary=(
        GlossaryEntry("soil", "the top layer of the earth", "sɔɪl"),
        GlossaryEntry("roof", "the top", "ɹuf"),
    ),
    quiz=QUIZ,
)


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(out.split())  # spacing as laid out is not the point


def test_worksheet_has_text_glossary_questions_and_key_on_its_own_page(tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    data = render_worksheet(SHEET)
    assert data.startswith(b"%PDF") and data == render_worksheet(SHEET)  # the same bytes each time
    pdf.write_bytes(data)
    first, last = _text(pdf, 1), _text(pdf, 2)
    for expected in ("A garden on the school roof", "Level A2", "opened a garden", "Glossary", "Questions"):
        assert expected in first
    assert "/sɔɪl/" in first and "/ɹuf/" in first  # IPA survives: the embedded font covers it
    assert "1. Who helped the school with the soil?" in first and "B) Tom Baker" in first
    assert "True / False" in first
    assert "Answer key" not in first and "Tom Baker, a local farmer" not in first  # the key is not on page 1
    assert "Answer key" in last and "1. B) Tom Baker" in last and "2. False" in last
    assert "3. Open question" in last and "opened a garden" not in last
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    ours = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert len(ours) == 2 and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in ours)  # embedded


def test_worksheet_pages_render_to_png(tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(render_worksheet(SHEET))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 2 and all(p.stat().st_size > 1_000 for p in pages)


def test_without_dejavu_the_worksheet_leaves_ipa_out(tmp_path: Path) -> None:
    pdf = tmp_path / "plain.pdf"
    pdf.write_bytes(render_worksheet(SHEET, font_dirs=(str(tmp_path / "no-fonts"),)))
    first = _text(pdf, 1)
    assert "soil the top layer of the earth" in first and "/s" not in first  # no boxes for IPA letters
    assert "Answer key" in _text(pdf, 2)
