"""Reading for apps: a version's tokens with word statuses, statuses, "next for you", reading sessions."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.services import reading
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(tags=["reading"], responses=ERRORS)

STATUS_HELP = "new, learning-1 .. learning-4, known or ignored"


class CoverageOut(BaseModel):
    tokens: int = Field(description="Running words counted (punctuation and numbers are not words).")
    known_share: float = Field(description="Known-word coverage: known, presumed known, ignored and names.")
    new_share: float = Field(
        description="Share of running words new to you (neither known nor being learnt)."
    )
    new_words: int = Field(description="Distinct new words.")


class TokenOut(BaseModel):
    text: str
    space: bool
    lemma: str | None = None
    pos: str | None = None
    level: str | None = None
    status: str | None = Field(None, description=f"{STATUS_HELP}; 'presumed' or 'name' when never marked")
    saved: bool = False


class ReaderOut(BaseModel):
    story_id: int
    level: str
    measured_level: str
    word_count: int
    coverage: CoverageOut
    paragraphs: list[list[list[TokenOut]]] = Field(description="Paragraphs of sentences of tokens.")


class StoryFitOut(BaseModel):
    story_id: int
    level: str
    coverage: CoverageOut


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str = Field(description=STATUS_HELP)
    pos: str = Field(
        "",
        max_length=8,
        description="The word's part of speech (a UPOS tag such as NOUN or VERB, as the reader's "
        "tokens give it); empty: the word in every part of speech.",
    )


class BulkStatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lemmas: list[str] = Field(
        max_length=reading.MAX_BULK_LEMMAS,
        description="Lemmas (any part of speech) or word keys such as 'troop:NOUN'.",
    )
    status: str = Field(description=STATUS_HELP)


class ReadingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    story_id: RowId
    level: str = Field(max_length=4)


class ProgressIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seconds: int = Field(0, ge=0, le=3600, description="Active reading seconds since the last report.")
    finished: bool = False


class ReadingOut(BaseModel):
    id: int
    story_id: int
    level: str
    active_seconds: int
    words: int
    words_per_minute: float | None
    finished_at: datetime | None
    met_again: list[str] = Field(default_factory=list, description="Saved words recorded as met again.")


def _coverage(c: reading.Coverage) -> CoverageOut:
    return CoverageOut(
        tokens=c.tokens,
        known_share=round(c.known_share, 4),
        new_share=round(c.new_share, 4),
        new_words=c.new_lemmas,
    )


def _reading(p: reading.ReadingProgress) -> ReadingOut:
    return ReadingOut(
        id=p.session_id,
        story_id=p.story_id,
        level=p.level,
        active_seconds=p.active_seconds,
        words=p.words,
        words_per_minute=p.words_per_minute,
        finished_at=p.finished_at,
        met_again=list(p.met_again),
    )


@router.get("/stories/{story_id}/versions/{level}/reader", response_model=ReaderOut)
def reader(story_id: RowId, level: str, state: State, principal: CurrentUser) -> ReaderOut:
    """The version as tokens with lemma, POS, CEFR level and your status of each word."""
    user = principal.user
    page = reading.reader_page(
        state.database, user_id=user.id, learner_level=user.cefr_level, story_id=story_id, level=level
    )
    levels = page.text.levels

    def token(t: reading.ReaderToken) -> TokenOut:
        if not t.is_word:
            return TokenOut(text=t.text, space=t.space)
        css = reading.reader_class(page.status_of(t.key), levels.get(t.lemma), user.cefr_level, t.is_name)
        return TokenOut(
            text=t.text,
            space=t.space,
            lemma=t.lemma,
            pos=t.pos,
            level=levels.get(t.lemma),
            status=css,
            saved=page.saved_id(t.key) is not None,
        )

    return ReaderOut(
        story_id=story_id,
        level=page.version.summary.level,
        measured_level=page.version.summary.measured_level,
        word_count=page.version.summary.word_count,
        coverage=_coverage(page.coverage),
        paragraphs=[[[token(t) for t in s.tokens] for s in p] for p in page.text.paragraphs],
    )


class MarkKnownOut(BaseModel):
    changed: int
    lemmas: list[str] = Field(
        description="Word keys ('lemma:NOUN'; a bare lemma means every part of speech): send them back "
        "to the undo endpoint to take the marking back."
    )


class UndoKnownIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lemmas: list[str] = Field(max_length=reading.MAX_BULK_LEMMAS)


@router.post("/stories/{story_id}/versions/{level}/mark-known", response_model=MarkKnownOut)
def mark_rest_known(story_id: RowId, level: str, state: State, principal: CurrentUser) -> MarkKnownOut:
    """Every word of this version you have not marked (or marked new) becomes known."""
    lemmas = reading.mark_rest_known(
        state.database, user_id=principal.user.id, story_id=story_id, level=level, now=state.clock()
    )
    return MarkKnownOut(changed=len(lemmas), lemmas=list(lemmas))


@router.post("/statuses/undo-known")
def undo_mark_known(body: UndoKnownIn, state: State, principal: CurrentUser) -> dict[str, int]:
    """Take "mark the rest known" back: the given words that are still known lose that status."""
    return {"reset": reading.undo_mark_known(state.database, user_id=principal.user.id, lemmas=body.lemmas)}


@router.get("/stories-for-you/next", response_model=StoryFitOut | None)
def next_for_you(state: State, principal: CurrentUser) -> StoryFitOut | None:
    """The unfinished story whose known-word coverage for you is closest to 95-98 % (null if none)."""
    fit = reading.next_for_you(
        state.database, user_id=principal.user.id, learner_level=principal.user.cefr_level
    )
    return (
        StoryFitOut(story_id=fit.story_id, level=fit.level, coverage=_coverage(fit.coverage)) if fit else None
    )


@router.get("/stories-for-you", response_model=list[StoryFitOut])
def story_fits(
    state: State, principal: CurrentUser, ids: list[RowId] = Query(..., max_length=100)
) -> list[StoryFitOut]:
    """Known-word coverage of the given stories at your level."""
    fits = reading.story_fits(
        state.database, user_id=principal.user.id, learner_level=principal.user.cefr_level, story_ids=ids
    )
    return [
        StoryFitOut(story_id=f.story_id, level=f.level, coverage=_coverage(f.coverage)) for f in fits.values()
    ]


@router.get("/statuses")
def statuses(
    state: State, principal: CurrentUser, lemma: list[str] | None = Query(None, max_length=1000)
) -> dict[str, str]:
    """Your marked words (all of them, or every part of speech of the given lemmas) with their status,
    by word key: 'lemma:NOUN' for one part of speech, a bare lemma for all."""
    found = reading.statuses_of(state.database, user_id=principal.user.id, lemmas=lemma)
    return {k: reading.WordStatus(v).label for k, v in sorted(found.items())}


@router.put("/statuses/{lemma:path}")
def set_status(lemma: str, body: StatusIn, state: State, principal: CurrentUser) -> dict[str, str]:
    value = reading.set_status(
        state.database,
        user_id=principal.user.id,
        lemma=lemma,
        status=body.status,
        now=state.clock(),
        pos=body.pos,
    )
    found = {"lemma": reading.normalise_lemma(lemma), "status": value.label}
    return found | ({"pos": reading.status_pos(body.pos)} if reading.status_pos(body.pos) else {})


@router.post("/statuses")
def set_statuses(body: BulkStatusIn, state: State, principal: CurrentUser) -> dict[str, int]:
    changed = reading.set_statuses(
        state.database, user_id=principal.user.id, lemmas=body.lemmas, status=body.status, now=state.clock()
    )
    return {"changed": changed}


@router.post("/readings", response_model=ReadingOut, status_code=201)
def start_reading(body: ReadingIn, state: State, principal: CurrentUser) -> ReadingOut:
    """Start reading a version; saved words in it are recorded as met again."""
    progress = reading.start_reading(
        state.database, user_id=principal.user.id, story_id=body.story_id, level=body.level, now=state.clock()
    )
    return _reading(progress)


@router.post("/readings/{reading_id}", response_model=ReadingOut)
def record_progress(reading_id: RowId, body: ProgressIn, state: State, principal: CurrentUser) -> ReadingOut:
    """Report active reading time; `finished: true` marks the story finished (once)."""
    progress = reading.record_progress(
        state.database,
        user_id=principal.user.id,
        session_id=reading_id,
        seconds=body.seconds,
        finished=body.finished,
        now=state.clock(),
    )
    return _reading(progress)


@router.get("/readings", response_model=list[ReadingOut])
def recent_readings(
    state: State, principal: CurrentUser, limit: int = Query(20, ge=1, le=200)
) -> list[ReadingOut]:
    return [
        _reading(p) for p in reading.recent_readings(state.database, user_id=principal.user.id, limit=limit)
    ]
