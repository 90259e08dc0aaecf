"""Look up a word in its sentence: translation, senses ranked by fit, synonyms, IPA, forms."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any, Literal

from fastapi import APIRouter, Query, Response

from vocabsphere.core.errors import Unavailable
from vocabsphere.core.lexicon.context import validate_word
from vocabsphere.services import dictionary
from vocabsphere.web.api.schemas import ERRORS
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(tags=["dictionary"], responses=ERRORS)


@router.get("/lookup")
def lookup(
    state: State,
    principal: CurrentUser,
    word: str = Query(..., max_length=10_000, description="The word as it appears in the text."),
    sentence: str | None = Query(None, max_length=10_000, description="The sentence it appears in."),
    lang: str | None = Query(None, max_length=20, description="ISO 639-1 code; default: your language."),
) -> dict[str, Any]:
    result = dictionary.look_up(state.settings, word, sentence, lang or principal.user.native_language)
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
