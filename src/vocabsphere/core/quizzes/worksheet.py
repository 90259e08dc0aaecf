"""A printable worksheet (PDF): the text at one level, a glossary, the questions, and the answer key on
its own page, like a Breaking News English handout.

Made with reportlab's page layout (platypus). The text font is DejaVu Sans (Debian's fonts-dejavu-core),
embedded, because it covers IPA; without it the PDF falls back to Helvetica and leaves the IPA out
rather than print boxes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from vocabsphere.core.quizzes.model import Question, Quiz

__all__ = ["FONT_DIRS", "GlossaryEntry", "Worksheet", "render_worksheet"]

# Where Debian (fonts-dejavu-core) and other distributions put DejaVu Sans.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class GlossaryEntry:
    word: str
    meaning: str
    ipa: str = ""  # without slashes


@dataclass(frozen=True)
class Worksheet:
    title: str
    level: str
    paragraphs: tuple[str, ...]
    glossary: tuple[GlossaryEntry, ...]
    quiz: Quiz
    credit: str = ""  # source and licence line under the text


@dataclass(frozen=True)
class _Fonts:
    regular: str
    bold: str
    ipa: bool  # the font has the IPA letters


@lru_cache(maxsize=4)
def _fonts(folders: tuple[str, ...]) -> _Fonts:
    for folder in folders:
        regular, bold = Path(folder, "DejaVuSans.ttf"), Path(folder, "DejaVuSans-Bold.ttf")
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
            return _Fonts("DejaVuSans", "DejaVuSans-Bold", True)
    return _Fonts("Helvetica", "Helvetica-Bold", False)


def _styles(fonts: _Fonts) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10.5, leading=15, spaceAfter=6)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName=fonts.bold, fontSize=17, leading=21, spaceAfter=4
        ),
        "meta": ParagraphStyle("meta", parent=body, fontSize=9, textColor=colors.grey, spaceAfter=10),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=fonts.bold, fontSize=13, spaceBefore=10, spaceAfter=6
        ),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=colors.grey),
        "option": ParagraphStyle("option", parent=body, leftIndent=8 * mm, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _glossary(
    entries: Sequence[GlossaryEntry], styles: dict[str, ParagraphStyle], ipa: bool
) -> list[Flowable]:
    if not entries:
        return []
    font = styles["cell"].fontName
    rows = [
        [
            Paragraph(f"<b>{escape(e.word)}</b>", styles["cell"]),
            _p(f"/{e.ipa}/" if ipa and e.ipa else "", styles["cell"]),
            _p(e.meaning, styles["cell"]),
        ]
        for e in entries
    ]
    table = Table(rows, colWidths=(38 * mm, 38 * mm, None), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [_p("Glossary", styles["h2"]), table]


def _question(number: int, q: Question, styles: dict[str, ParagraphStyle]) -> Flowable:
    parts: list[Flowable] = [_p(f"{number}. {q.stem}", styles["body"])]
    if q.kind.value == "true_false":
        parts.append(_p("True  /  False", styles["option"]))
    elif q.options:
        parts += [_p(f"{LETTERS[k]})  {option}", styles["option"]) for k, option in enumerate(q.options)]
    else:
        parts.append(_p("_" * 70, styles["option"]))
        parts.append(_p("_" * 70, styles["option"]))
    parts.append(Spacer(1, 3 * mm))
    return KeepTogether(parts)


def _key_line(number: int, q: Question) -> str:
    if q.answer is None:
        return f"{number}. Open question: answers will vary."
    letter = f"{LETTERS[q.options.index(q.answer)]}) " if q.answer in q.options and len(q.options) > 2 else ""
    return f"{number}. {letter}{q.answer}"


def render_worksheet(sheet: Worksheet, *, font_dirs: tuple[str, ...] = FONT_DIRS) -> bytes:
    """The worksheet as PDF bytes (A4). ``font_dirs``: where to look for DejaVu Sans."""
    fonts = _fonts(font_dirs)
    styles = _styles(fonts)
    story: list[Flowable] = [
        _p(sheet.title, styles["title"]),
        _p(f"Level {sheet.level}", styles["meta"]),
        _p("Name: ______________________    Date: ____________", styles["body"]),
        Spacer(1, 4 * mm),
    ]
    story += [_p(paragraph, styles["body"]) for paragraph in sheet.paragraphs if paragraph.strip()]
    if sheet.credit:
        story.append(_p(sheet.credit, styles["small"]))
    story += _glossary(sheet.glossary, styles, fonts.ipa)
    questions = sheet.quiz.questions
    if questions:
        story.append(_p("Questions", styles["h2"]))
        story += [_question(k, q, styles) for k, q in enumerate(questions, 1)]
        story += [PageBreak(), _p("Answer key", styles["h2"])]
        for k, q in enumerate(questions, 1):
            story.append(_p(_key_line(k, q), styles["body"]))
            if q.evidence and q.answer is not None:
                story.append(_p(f"In the text: “{q.evidence}”", styles["small"]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=sheet.title,
        author="VocabSphere",
        invariant=1,  # the same input gives the same bytes (no time stamp, fixed id)
    )
    # The page's initial font is ours too, so the PDF references no font it does not embed.
    doc.build(story, canvasmaker=partial(Canvas, initialFontName=fonts.regular))
    return buffer.getvalue()
