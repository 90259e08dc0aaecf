"""The offline dictionary of this installation: opened once per process, looked up in context."""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from cachetools import LRUCache
from spacy.tokens import Doc
from spacy.vocab import Vocab

from vocabsphere.config import Settings
from vocabsphere.core.errors import InvalidInput, Unavailable
from vocabsphere.core.lexicon import Lexicon, SourceInfo
from vocabsphere.core.lexicon.context import WordLookup, lookup_in_context, lookup_many
from vocabsphere.core.lexicon.context import warm_up as warm_look_up
from vocabsphere.core.lexicon.level_stage import use_stored_levels_of
from vocabsphere.core.lexicon.prepared import prepared_fingerprint
from vocabsphere.core.lexicon.substitutes import Substitute
from vocabsphere.core.lexicon.tap_choice import TapChoices, rebuild_choices
from vocabsphere.core.reading.tokens import ReaderSentence, ReaderText, sentence_doc
from vocabsphere.services import reading
from vocabsphere.services.translation_backend import backend_config, machine_translate
from vocabsphere.store.database import Database

log = logging.getLogger(__name__)
_lock = threading.Lock()
_open: dict[Path, Lexicon] = {}
MAX_SENTENCE_CHARS = 2000
# Whole versions looked up for devices, per version build and language: the same for every learner, and
# seconds of work each, so a story is looked up once per process rather than once per device.
_whole_versions: LRUCache[tuple[object, str | None, int], dict[str, WordLookup]] = LRUCache(maxsize=32)


def open_lexicon(settings: Settings) -> Lexicon | None:
    """The built lexicon, or None when it has not been built yet (look-ups then say so)."""
    path = settings.lexicon_file.resolve()
    with _lock:
        if path in _open:
            return _open[path]
        if not path.exists():
            log.warning("no lexicon at %s: run `vocabsphere lexicon build`", path)
            return None
        _open[path] = Lexicon.open(path)
        # Word levels from the lexicon's table when it was built by this level code and model.
        use_stored_levels_of(_open[path])
        return _open[path]


def require_lexicon(settings: Settings) -> Lexicon:
    lexicon = open_lexicon(settings)
    if lexicon is None:
        raise Unavailable("The dictionary is not built yet: run `vocabsphere lexicon build`.")
    return lexicon


def lexicon_sources(settings: Settings) -> list[SourceInfo]:
    lexicon = open_lexicon(settings)
    return lexicon.sources() if lexicon else []


@lru_cache(maxsize=512)
def parsed_sentence(sentence: str) -> Doc:
    """Readers tap several words of one sentence: parse it once."""
    from vocabsphere.core.text import load_pipeline

    return load_pipeline()(sentence)


def _check_sentence(sentence: str | None) -> str | None:
    if sentence is None or not sentence.strip():
        return None
    if len(sentence) > MAX_SENTENCE_CHARS:
        raise InvalidInput(
            f"The sentence may have at most {MAX_SENTENCE_CHARS} characters.", field="sentence"
        )
    return " ".join(sentence.split())


def look_up(settings: Settings, word: str, sentence: str | None, lang: str | None) -> WordLookup:
    lexicon = require_lexicon(settings)
    context = _check_sentence(sentence)
    doc = parsed_sentence(context) if context else None
    return _with_backend(settings, lookup_in_context(lexicon, word, context, lang, doc=doc), lang, context)


def look_up_in_version(
    settings: Settings,
    database: Database,
    *,
    story_id: int,
    level: str,
    sentence: int,
    token: int,
    lang: str | None,
) -> WordLookup:
    """A word tapped in the reader, by its position in the version (sentence number across the
    text, token number in the sentence): the sentence's parse was stored when the version was
    built, so no parser runs here."""
    lexicon = require_lexicon(settings)
    text = reading.reader_text(database, story_id, level)
    found = text.sentence_at(sentence)
    if found is None or not 0 <= token < len(found.tokens) or not found.tokens[token].is_word:
        raise InvalidInput("There is no word at that position of this version.", field="t")
    doc = sentence_doc(vocabulary(), found)
    result = _look_up_token(lexicon, found, doc, token, lang, _prepared(lexicon, text, doc, sentence, token))
    return _with_backend(settings, result, lang, found.text)


_NOT_PREPARED: tuple[tuple[Substitute, ...] | None, TapChoices | None] = (None, None)


def _prepared(
    lexicon: Lexicon, text: ReaderText, doc: Doc | None, sentence: int, token: int
) -> tuple[tuple[Substitute, ...] | None, TapChoices | None]:
    """The word's simpler words and sense choices as prepared when the version was built; None for
    what was not prepared, or was by other code or another lexicon (the tap computes it)."""
    prepared = text.prepared
    if doc is None or prepared is None or prepared.fingerprint != prepared_fingerprint(lexicon):
        return _NOT_PREPARED
    stored = prepared.choices.get((sentence, token))
    choices = rebuild_choices(lexicon, doc, token, stored) if stored is not None else None
    return prepared.simpler.get((sentence, token)), choices


def _look_up_token(
    lexicon: Lexicon,
    found: ReaderSentence,
    doc: Doc | None,
    token: int,
    lang: str | None,
    prepared: tuple[tuple[Substitute, ...] | None, TapChoices | None] = _NOT_PREPARED,
) -> WordLookup:
    word = found.tokens[token].text
    if doc is None:  # a text stored without its parse: look the word up in its sentence text
        context = _check_sentence(found.text)
        parsed = parsed_sentence(context) if context else None
        return lookup_in_context(lexicon, word, context, lang, doc=parsed)
    simpler, choices = prepared
    return lookup_in_context(
        lexicon, word, None, lang, doc=doc, token_index=token, simpler=simpler, choices=choices
    )


def look_up_whole_version(
    settings: Settings, database: Database, *, story_id: int, level: str, lang: str | None
) -> dict[str, WordLookup]:
    """Every word of a version looked up as the reader would (keys "sentence.token"), for a device
    that keeps the story offline; the optional translation backend is not asked (one call per word)."""
    lexicon = require_lexicon(settings)
    stamp, text = reading.stamped_reader_text(database, story_id, level)
    key = (stamp, lang, id(lexicon))
    with _lock:
        hit = _whole_versions.get(key)
    if hit is not None:
        return hit
    results: dict[str, WordLookup] = {}
    index = 0
    for paragraph in text.paragraphs:
        for found in paragraph:
            doc = sentence_doc(vocabulary(), found)
            for position, token in enumerate(found.tokens):
                if token.is_word:
                    prepared = _prepared(lexicon, text, doc, index, position)
                    results[f"{index}.{position}"] = _look_up_token(
                        lexicon, found, doc, position, lang, prepared
                    )
            index += 1
    with _lock:
        _whole_versions[key] = results
    return results


def vocabulary() -> Vocab:
    """The pipeline's vocabulary (the pipeline is loaded by ``warm_up`` at start-up)."""
    from vocabsphere.core.text import load_pipeline

    return load_pipeline().vocab


def warm_up(settings: Settings) -> None:
    """Load what a look-up needs (the pipeline, the lexicon and its word levels, the sense choice's
    static vectors and word caches, the level model, lemminflect's tables, the fingerprint that
    prepared answers are checked against) before the first request does."""
    vocabulary()
    lexicon = open_lexicon(settings)
    warm_look_up()
    if lexicon is not None:
        prepared_fingerprint(lexicon)  # hashes the code and models once (tens of milliseconds)


def _with_backend(
    settings: Settings, result: WordLookup, lang: str | None, sentence: str | None
) -> WordLookup:
    """Ask the optional translation backend only for what the offline sources miss."""
    config = backend_config(settings)
    if config is None or not lang or result.translations or lang == "en":
        return result
    translated = machine_translate(config, result.lemma, lang, sentence)
    if translated is None:
        return result
    note = f"Machine translation ({config.kind}); not from a dictionary."
    return replace(result, translations=(translated,), translation_note=note)


def look_up_many(
    settings: Settings, words: list[str], sentence: str | None, lang: str | None
) -> list[WordLookup]:
    return lookup_many(require_lexicon(settings), words, _check_sentence(sentence), lang)


def lookup_as_dict(result: WordLookup) -> dict[str, Any]:
    """The documented JSON shape (API and CLI): the full result plus flat keys clients expect."""
    body = asdict(result)
    body["cefr"] = result.cefr.level if result.cefr else None
    body["cefr_score"] = result.cefr.score if result.cefr else None
    body["translations"] = list(result.translations)
    body["synonyms"] = [asdict(s) for s in result.senses[0].synonyms] if result.senses else []
    return body
