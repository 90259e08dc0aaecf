"""Level versions of a story with their highlighted sentences: built in the background, read by learners."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from vocabsphere.config import Settings
from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.adapt.word_diff import Run, word_changes
from vocabsphere.core.articles import count_words, paragraphs
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.core.lexicon.prepared import prepared_fingerprint

# dictionary as a module: it imports reading, which imports this module (no name is needed at import time)
from vocabsphere.services import dictionary, llm_rewriter
from vocabsphere.services.reader_text import (
    ParagraphParses,
    SentenceAnswers,
    analyse_for_reader,
    prepare_stored_taps,
)
from vocabsphere.store.database import Database
from vocabsphere.store.tables import StoryVersion
from vocabsphere.store.unit_of_work import unit_of_work

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from vocabsphere.core.learnables import Highlight
    from vocabsphere.core.lexicon import Lexicon

log = logging.getLogger(__name__)
ORIGINAL = "orig"  # the level key of the unadapted source text


@dataclass(frozen=True)
class VersionSummary:
    level: str
    measured_level: str
    measured_score: float
    hit_target: bool
    word_count: int


@dataclass(frozen=True)
class VersionView:
    story_id: int
    summary: VersionSummary
    paragraphs: tuple[str, ...]
    highlights: tuple[dict[str, Any], ...]
    glosses: tuple[dict[str, Any], ...]
    changes: tuple[tuple[int, int], ...]  # (original paragraph, version paragraph)
    steps: tuple[tuple[str, int], ...]
    model_versions: dict[str, str]
    headings: tuple[int, ...] = ()  # indices of ``paragraphs`` that are headings


def _summary(row: StoryVersion) -> VersionSummary:
    return VersionSummary(row.level, row.measured_level, row.measured_score, row.hit_target, row.word_count)


def _heading_spans(text: str, headings: tuple[int, ...]) -> list[tuple[int, int]]:
    """Character ranges of the heading paragraphs in ``text``."""
    spans, start = [], 0
    for index, paragraph in enumerate(paragraphs(text)):
        start = text.index(paragraph, start)
        if index in headings:
            spans.append((start, start + len(paragraph)))
        start += len(paragraph)
    return spans


def _highlights(
    text: str, level: str, settings: Settings, headings: tuple[int, ...], doc: Doc
) -> list[dict[str, Any]]:
    lexicon = dictionary.open_lexicon(settings)
    return [asdict(h) for h in version_highlights(text, level, lexicon, headings, doc)]


def version_highlights(
    text: str, level: str, lexicon: Lexicon | None, headings: tuple[int, ...] = (), doc: Doc | None = None
) -> list[Highlight]:
    """Sentences worth learning in a version: never a heading, never a sentence with an unbalanced
    quotation or from inside one (the reader and `vocabsphere adapt` show the same). ``doc``: the
    pipeline's parse of the whole ``text`` when the caller has it (else it is parsed here)."""
    from vocabsphere.core.adapt.document import stands_alone
    from vocabsphere.core.learnables import select_highlights
    from vocabsphere.core.text import load_pipeline

    doc = load_pipeline()(text) if doc is None else doc
    learner_level = level if level in CEFR_LEVELS else "B2"
    spans = _heading_spans(text, headings)
    return [
        h
        for h in select_highlights(doc, learner_level, lexicon=lexicon)
        if stands_alone(text, h.start_char, h.sentence)
        and not any(h.start_char < end and start < h.end_char for start, end in spans)
    ]


ProgressReport = Callable[[int, int, str], None]  # (steps done, steps in all, what is happening)
_LEVELS_ADAPTED = 3  # adapt_story's A2, B1, B2 (A1 and C1 are known only after its extra check)


class _Progress:
    """What a teacher waiting for the versions is told: the step, and which levels are ready."""

    def __init__(self, report: ProgressReport | None) -> None:
        self._report = report or (lambda _done, _total, _message: None)
        self.done, self.total = 0, 2 * (_LEVELS_ADAPTED + 1) + 1  # until the versions are known
        self.ready: list[str] = []

    def step(self, message: str) -> None:
        self._report(self.done, self.total, message)

    def adapted(self, level: str) -> None:
        self.done += 1
        self.ready += [level] if level != "extra" else []
        self.step(f"Adapting the text to each level: {', '.join(self.ready)} ready.")

    def prepared(self, level: str, versions: int) -> None:
        if level == ORIGINAL:
            self.total, self.ready = self.done + versions + 2, []
        self.done += 1
        self.ready.append("original" if level == ORIGINAL else level)
        self.step(f"Finding sentences worth learning: {', '.join(self.ready)} ready.")

    def saved(self) -> None:
        self.done = self.total
        self.step("All versions are ready.")


def _original_level(
    text: str, level: str | None, score: float | None, version: str | None
) -> tuple[str, float, str]:
    """(level, score, model version) of the base text: the one ingestion stored when the same
    text-level model measured it (measuring again costs a parse), else measured now."""
    from vocabsphere.core.levels import text_level
    from vocabsphere.core.levels.text_level import load_text_model

    if level is not None and score is not None and version == load_text_model().version:
        return level, score, version
    measured = text_level(text)
    return measured.level, measured.score, measured.model_version


def build_versions(
    db: Database,
    settings: Settings,
    story_id: int,
    *,
    now: datetime,
    on_progress: ProgressReport | None = None,
    prepare_taps: bool = True,
) -> list[VersionSummary]:
    """Adapt the story's base text to each level; slow work happens outside any transaction.
    ``on_progress`` hears of each step as it ends (the job shows it to the teacher waiting).
    Without ``prepare_taps`` the reader texts are stored without the answers a tap would compute
    slowly: :func:`prepare_version_taps` adds them later (the job queues it after the versions)."""
    from vocabsphere.core.adapt import adapt_story
    from vocabsphere.core.adapt.document import heading_paragraphs
    from vocabsphere.core.text import load_pipeline

    with unit_of_work(db) as uow:
        story = uow.stories.get(story_id)
        if story is None:
            raise NotFound("No such story.")
        articles = uow.stories.articles(story_id)
        base = next((a for a in articles if a.id == story.base_article_id), None)
        if base is None:
            raise NotFound("The story has no text.")
        base_id, base_text = base.id, base.text
        stored = (base.cefr_level, base.level_score, base.analysis_version)
        others = [a.text for a in articles if a.id != base.id]
    progress = _Progress(on_progress)
    progress.step("Adapting the text to each level.")
    lexicon = dictionary.open_lexicon(settings)
    adapted = adapt_story(base_text, others, lexicon=lexicon, on_level=progress.adapted)
    original = _original_level(base_text, *stored)
    llm = llm_rewriter.llm_enabled(settings)
    # The optional LLM rewrite replaces the offline text only when it passes the same checks.
    rewrites = [llm_rewriter.rewrite(settings, base_text, v.level_target) if llm else None for v in adapted]
    texts = [
        base_text,
        *(r.text if r is not None else v.text for v, r in zip(adapted, rewrites, strict=True)),
    ]
    # Every text is parsed in one batch (the same Docs as one at a time, in less time): the reader's
    # paragraphs, and the whole texts the highlights are chosen in.
    nlp = load_pipeline()
    parses = ParagraphParses(nlp)
    parses.parse(p for text in texts for p in paragraphs(text))
    whole = list(nlp.pipe(texts))
    # What a tap would compute slowly is prepared with each reader text; versions share sentences.
    tap_memo: SentenceAnswers = {}
    tap_lexicon = lexicon if prepare_taps else None
    original_reader, original_lemmas = analyse_for_reader(base_text, tap_lexicon, tap_memo, parses)
    original_headings = heading_paragraphs(paragraphs(base_text))
    original_highlights = _highlights(base_text, original[0], settings, original_headings, whole[0])
    progress.prepared(ORIGINAL, len(adapted))
    rows = [
        StoryVersion(
            story_id=story_id,
            level=ORIGINAL,
            text=base_text,
            word_count=count_words(base_text),
            measured_level=original[0],
            measured_score=round(original[1], 3),
            hit_target=True,
            details_json=json.dumps({"headings": list(original_headings)}),
            highlights_json=json.dumps(original_highlights),
            model_versions_json=json.dumps({"text_level": original[2]}),
            base_article_id=base_id,
            created_at=now,
            reader_json=original_reader,
            lemmas_json=original_lemmas,
        )
    ]
    for version, improved, doc in zip(adapted, rewrites, whole[1:], strict=True):
        text, level, score = version.text, version.measured_level, version.measured_score
        steps = [list(s) for s in version.steps_applied]
        if improved is not None:
            text, level, score, steps = (
                improved.text,
                improved.measured_level,
                improved.measured_score,
                [["llm_rewrite", 1]],
            )
        details = {
            "vocabulary_profile": dict(version.vocabulary_profile),
            "steps": steps,
            "glosses": [] if improved else [asdict(g) for g in version.glosses],
            "changes": [] if improved else [list(c) for c in version.changes],
            "rounds": version.rounds,
            "headings": [] if improved else list(version.headings),
        }
        reader_json, lemmas_json = analyse_for_reader(text, tap_lexicon, tap_memo, parses)
        headings = () if improved else version.headings
        rows.append(
            StoryVersion(
                story_id=story_id,
                level=version.level_target,
                text=text,
                word_count=count_words(text),
                measured_level=level,
                measured_score=round(score, 3),
                hit_target=improved is not None or version.hit_target,
                details_json=json.dumps(details),
                highlights_json=json.dumps(_highlights(text, version.level_target, settings, headings, doc)),
                model_versions_json=json.dumps(
                    {**version.model_versions, **({"llm": settings.llm_model} if improved else {})}
                ),
                base_article_id=base_id,
                created_at=now,
                reader_json=reader_json,
                lemmas_json=lemmas_json,
            )
        )
        progress.prepared(version.level_target, len(adapted))
    progress.step("Saving the versions.")
    with unit_of_work(db) as uow:
        if uow.stories.get(story_id) is None:
            return []  # deleted meanwhile
        uow.versions.replace_all(story_id, rows)
        built = [_summary(r) for r in rows]
    progress.saved()
    return built


# The fingerprint of prepared answers parses the code (``ast.parse``), which CPython 3.11 cannot run
# in two threads at once ("AST constructor recursion depth mismatch"). Start-up computes it (web
# server and worker both call ``dictionary.warm_up``); embedded workers start before that finishes,
# so follow-ups of two stories on two threads compute it one at a time (cached after the first).
_FINGERPRINT_LOCK = threading.Lock()


def prepare_version_taps(db: Database, settings: Settings, story_id: int) -> int:
    """Store with each version of the story the answers a tap would compute slowly (the follow-up
    job of :func:`build_versions` without ``prepare_taps``: the same reader JSON as preparing them
    during the build). Until it is done, a tap computes them. Returns the versions prepared."""
    lexicon = dictionary.open_lexicon(settings)
    if lexicon is None:
        return 0
    with unit_of_work(db, read_only=True) as uow:
        stored = {row.id: row.reader_json for row in uow.versions.for_story(story_id)}
    with _FINGERPRINT_LOCK:
        prepared_fingerprint(lexicon)
    memo: SentenceAnswers = {}  # versions share sentences
    prepared = {
        row_id: made
        for row_id, reader_json in stored.items()
        if (made := prepare_stored_taps(reader_json, lexicon, memo)) is not None
    }
    if not prepared:
        return 0
    with unit_of_work(db) as uow:
        rows = [row for row in uow.versions.for_story(story_id) if row.id in prepared]
        # A rebuild meanwhile stored other reader texts: those are left to their own follow-up.
        fresh = [row for row in rows if row.reader_json == stored[row.id]]
        for row in fresh:
            row.reader_json = prepared[row.id]
            row.prepared_at = datetime.now(UTC)  # a new stamp: readers' caches take the prepared text
    return len(fresh)


def stale_story_ids(db: Database, *, limit: int) -> list[int]:
    """Stories whose versions are missing or older than the story's latest change."""
    with unit_of_work(db) as uow:
        return uow.versions.stale_story_ids(limit=limit)


def list_versions(db: Database, story_id: int) -> list[VersionSummary]:
    with unit_of_work(db, read_only=True) as uow:
        return [_summary(r) for r in uow.versions.for_story(story_id)]


def pick_level(available: list[str], learner_level: str) -> str:
    """The learner's level, else the nearest lower one, else the lowest above; the original last."""
    adapted = [lvl for lvl in CEFR_LEVELS if lvl in available]
    if learner_level in adapted:
        return learner_level
    rank = CEFR_LEVELS.index(learner_level) if learner_level in CEFR_LEVELS else 2
    lower = [lvl for lvl in adapted if CEFR_LEVELS.index(lvl) < rank]
    if lower:
        return lower[-1]
    return adapted[0] if adapted else ORIGINAL


def aligned_paragraphs(
    original: tuple[str, ...], version: tuple[str, ...], changes: tuple[tuple[int, int], ...]
) -> list[tuple[str, str]]:
    """Rows of (original paragraph, version paragraph) for the side-by-side view; '' where a side has none."""
    mapped = {source for source, _ in changes}
    rows: list[tuple[str, str]] = []
    next_original = 0
    for v_index, text in enumerate(version):
        sources = sorted(s for s, v in changes if v == v_index and 0 <= s < len(original))
        if sources:
            for i in range(next_original, sources[0]):
                if i not in mapped:
                    rows.append((original[i], ""))  # left out at this level
            next_original = max(next_original, sources[-1] + 1)
        rows.append(("\n\n".join(original[s] for s in sources), text))
    rows.extend((original[i], "") for i in range(next_original, len(original)) if i not in mapped)
    return rows


@dataclass(frozen=True)
class ChangeRow:
    """One row of "What changed?": the original with its cut words marked, the version with its new
    words marked; ``adapted`` is empty when the paragraph was left out."""

    original: tuple[Run, ...]
    adapted: tuple[Run, ...]


def changed_rows(
    original: tuple[str, ...], version: tuple[str, ...], changes: tuple[tuple[int, int], ...]
) -> list[ChangeRow]:
    """``aligned_paragraphs`` with word-level marks inside each pair."""
    rows = []
    for source, text in aligned_paragraphs(original, version, changes):
        if not text:
            rows.append(ChangeRow((Run("", source, "same"),), ()))
            continue
        rows.append(ChangeRow(*word_changes(source, text)))
    return rows


def get_version(db: Database, story_id: int, level: str) -> VersionView:
    if level != ORIGINAL and level not in CEFR_LEVELS:
        raise InvalidInput("Level must be one of A1..C2 or 'orig'.", field="level")
    with unit_of_work(db, read_only=True) as uow:
        row = uow.versions.get(story_id, level)
        if row is None:
            raise NotFound(f"This story has no {level} version.")
        details = json.loads(row.details_json or "{}")
        return VersionView(
            story_id=story_id,
            summary=_summary(row),
            paragraphs=tuple(paragraphs(row.text)),
            highlights=tuple(json.loads(row.highlights_json or "[]")),
            glosses=tuple(details.get("glosses", [])),
            changes=tuple(tuple(c) for c in details.get("changes", [])),
            steps=tuple(tuple(s) for s in details.get("steps", [])),
            model_versions=json.loads(row.model_versions_json or "{}"),
            headings=tuple(details.get("headings", [])),
        )
