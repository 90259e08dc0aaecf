"""Quizzes and worksheets for a stored story (the generator lives in core.quizzes).

Contract shared by the quiz generator and the teacher's side. The slow work (parsing every version, the sense
choices) runs outside any database transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from vocabsphere.config import Settings
from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.articles import paragraphs
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.quizzes.generator import generate_quiz, generate_word_quiz
from vocabsphere.core.quizzes.main_idea import lead_sentence
from vocabsphere.core.quizzes.model import Quiz
from vocabsphere.core.quizzes.warm import warm_up as quiz_warm_up
from vocabsphere.core.quizzes.worksheet import GlossaryEntry, Worksheet, render_worksheet
from vocabsphere.services import dictionary
from vocabsphere.store.database import Database
from vocabsphere.store.unit_of_work import unit_of_work

ORIGINAL = "orig"  # as services.versions names the unadapted text
OTHER_TITLES = 12  # related, then recent stories whose headlines may serve as main-idea distractors
GLOSSARY_SIZE = 12


@dataclass(frozen=True)
class _StoryTexts:
    title: str
    texts: dict[str, str]
    other_titles: tuple[str, ...]
    other_leads: tuple[str, ...]  # the same stories' first sentences, for a title that is no headline


def _check_levels(levels: Sequence[str], available: Sequence[str]) -> list[str]:
    wanted = list(dict.fromkeys(levels))
    if not wanted:
        raise InvalidInput("Choose at least one level.", field="levels")
    for level in wanted:
        if level != ORIGINAL and level not in CEFR_LEVELS:
            raise InvalidInput("Levels must be A1..C2 or 'orig'.", field="levels")
        if level not in available:
            raise InvalidInput(f"This story has no {level} version.", field="levels")
    return wanted


def _read_story(db: Database, story_id: int, levels: Sequence[str] | None) -> _StoryTexts:
    with unit_of_work(db, read_only=True) as uow:
        story = uow.stories.get(story_id)
        if story is None or story.deleted_at is not None:
            raise NotFound("No such story.")
        rows = {row.level: row.text for row in uow.versions.for_story(story_id)}
        if not rows:
            raise InvalidInput("This story has no level versions yet.", field="levels")
        chosen = _check_levels(levels, list(rows)) if levels is not None else list(rows)
        # Stories on a related topic first: their headlines ask for a careful reading (the generator checks
        # that none fits this story).
        related = [s for s, _ in uow.stories.related(story_id) if s.deleted_at is None]
        recent = uow.stories.latest(limit=OTHER_TITLES + 1, offset=0)
        others = list({s.id: s for s in [*related, *recent] if s.id != story_id}.values())[:OTHER_TITLES]
        bases = {a.id: a.text for a in uow.stories.articles_of([s.id for s in others])}
        leads = [lead_sentence(bases.get(s.base_article_id or -1, "")) for s in others]
        return _StoryTexts(
            story.title,
            {lvl: rows[lvl] for lvl in chosen},
            tuple(s.title for s in others),
            tuple(lead for lead in leads if lead),
        )


def generate_story_quiz(
    db: Database, settings: Settings, *, story_id: int, levels: Sequence[str] | None = None
) -> Quiz:
    """A quiz for the story, each question checked against the given level versions (all stored ones if None).

    Raises NotFound for a missing or deleted story, InvalidInput for a level the story has no version at.
    """
    story = _read_story(db, story_id, levels)
    return generate_quiz(
        story.texts,
        lexicon=dictionary.open_lexicon(settings),
        title=story.title,
        other_titles=story.other_titles,
        other_leads=story.other_leads,
    )


def _glossary(
    settings: Settings, details: dict[str, Any], highlights: list[dict[str, Any]]
) -> tuple[GlossaryEntry, ...]:
    """The version's glossed words, then the words its highlights teach; with IPA where the lexicon has it."""
    pairs = [(str(g.get("word", "")), str(g.get("gloss", ""))) for g in details.get("glosses", [])]
    for h in highlights:
        pairs += [(str(w.get("word", "")), str(w.get("meaning", ""))) for w in h.get("words", [])]
    lexicon = dictionary.open_lexicon(settings)
    seen: dict[str, GlossaryEntry] = {}
    for word, meaning in pairs:
        key = word.lower()
        if not word or not meaning or key in seen:
            continue
        ipa = (lexicon.ipa(key).us or "") if lexicon is not None else ""
        seen[key] = GlossaryEntry(word, meaning, ipa)
    return tuple(sorted(seen.values(), key=lambda e: e.word.lower())[:GLOSSARY_SIZE])


def worksheet_pdf(db: Database, settings: Settings, *, story_id: int, level: str, quiz: Quiz) -> bytes:
    """A printable handout: the text at `level`, a glossary of its highlighted words, the questions, and the
    answer key on its own page. Questions checked against other levels only are left out."""
    if level != ORIGINAL and level not in CEFR_LEVELS:
        raise InvalidInput("Level must be one of A1..C2 or 'orig'.", field="level")
    with unit_of_work(db, read_only=True) as uow:
        story = uow.stories.get(story_id)
        if story is None or story.deleted_at is not None:
            raise NotFound("No such story.")
        row = uow.versions.get(story_id, level)
        if row is None:
            raise NotFound(f"This story has no {level} version.")
        title, text = story.title, row.text
        details = json.loads(row.details_json or "{}")
        highlights = json.loads(row.highlights_json or "[]")
    questions = tuple(
        replace(q, evidence=dict(q.evidence_at).get(level, q.evidence))  # quoted as this version words it
        for q in quiz.questions
        if not q.levels or level in q.levels
    )
    sheet = Worksheet(
        title=title,
        level="original text" if level == ORIGINAL else level,
        paragraphs=tuple(paragraphs(text)),
        glossary=_glossary(settings, details, highlights),
        quiz=replace(quiz, questions=questions),
    )
    return render_worksheet(sheet)


def generate_story_word_quiz(
    db: Database, settings: Settings, *, story_id: int, words: Sequence[str]
) -> Quiz:
    """A vocabulary quiz on ``words`` (most important first), checked against every stored level version.

    Raises NotFound for a missing or deleted story, InvalidInput when no dictionary is installed."""
    story = _read_story(db, story_id, None)
    lexicon = dictionary.open_lexicon(settings)
    if lexicon is None:
        raise InvalidInput(
            "Vocabulary questions need the dictionary; it is not installed yet.", field="words"
        )
    return generate_word_quiz(story.texts, words, lexicon=lexicon)


def warm_up(settings: Settings) -> None:
    """Load what the first quiz and worksheet need (run at start-up, off the request path)."""
    quiz_warm_up(dictionary.open_lexicon(settings))
