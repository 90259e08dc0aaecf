"""Look up a word in its sentence: translation, senses ranked by fit, synonyms, IPA, forms."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any, Literal

from fastapi import APIRouter, Query, Response

from vocabsphere.core.errors import InvalidInput, Unavailable
from vocabsphere.core.lexicon.context import validate_word
from vocabsphere.services import dictionary, lookup_events
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(tags=["dictionary"], responses=ERRORS)


@router.get("/lookup")
def lookup(
    state: State,
    principal: CurrentUser,
    word: str = Query(..., max_length=10_000, description="The word as it appears in the text."),
    sentence: str | None = Query(None, max_length=10_000, description="The sentence it appears in."),
    lang: str | None = Query(None, max_length=20, description="ISO 639-1 code; default: your language."),
    story: RowId | None = Query(None, description="A word tapped in a story version: the story id."),
    level: str | None = Query(None, max_length=4, description="The version's level (A1..C2 or 'orig')."),
    s: int | None = Query(None, ge=0, description="Sentence number in the version (from 0)."),
    t: int | None = Query(None, ge=0, description="Token number in that sentence (from 0)."),
) -> dict[str, Any]:
    """With ``story``, ``level``, ``s`` and ``t`` the word is the one at that position of the
    version (its parse was stored when the version was built: the fast path the reader uses);
    otherwise ``word`` is looked up in ``sentence``."""
    language = lang or principal.user.native_language
    if story is not None:
        if level is None or s is None or t is None:
            raise InvalidInput(
                "A word in a story needs its level, sentence and token numbers.", field="level"
            )
        result = dictionary.look_up_in_version(
            state.settings, state.database, story_id=story, level=level, sentence=s, token=t, lang=language
        )
        # Recorded for the class dashboard's "words looked up most" (once per learner, story and word).
        lookup_events.record_lookup(
            state.database,
            user_id=principal.user.id,
            story_id=story,
            level=level,
            sentence=s,
            token=t,
            now=state.clock(),
        )
    else:
        result = dictionary.look_up(state.settings, word, sentence, language)
    return dictionary.lookup_as_dict(result)


@router.get("/languages")
def languages(state: State, principal: CurrentUser) -> list[dict[str, Any]]:
    """Languages with an installed dictionary (translations exist only for these)."""
    lexicon = dictionary.require_lexicon(state.settings)
    return [
        {"code": lang.code, "name": lang.name, "entries": lang.entries, "sources": list(lang.sources)}
        for lang in lexicon.languages()
    ]


@router.get("/pronounce", response_class=Response)
def pronounce(
    principal: CurrentUser,
    word: str = Query(..., max_length=200),
    accent: Literal["us", "uk"] = "us",
) -> Response:
    """A WAV file spoken by espeak-ng (pages use the browser's speech synthesis instead)."""
    text = validate_word(word)
    if not shutil.which("espeak-ng"):
        raise Unavailable("Spoken audio needs espeak-ng on the server.")
    voice = "en-us" if accent == "us" else "en-gb"
    # Passed as one argument (no shell): the word cannot be read as options or commands.
    result = subprocess.run(
        ["espeak-ng", "-v", voice, "--stdout", "--", text], capture_output=True, timeout=10, check=False
    )
    if result.returncode != 0 or not result.stdout:
        raise Unavailable("The speech synthesiser failed for this word.")
    return Response(result.stdout, media_type="audio/wav", headers={"Cache-Control": "public, max-age=86400"})
