"""Look a word up in its sentence: lemma and POS in context, senses ranked by fit, translations.

``lookup_in_context`` parses the sentence with our spaCy pipeline (or takes a parsed Doc),
finds the tapped token, and assembles one :class:`WordLookup`: CEFR level, IPA, inflected
forms (lemminflect), word family, senses ranked by :mod:`.sense_ranking`, translations with
a note when a language has no dictionary, and the multi-word expression the word belongs to.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas, getAllLemmasOOV, getInflection
from wordfreq import zipf_frequency

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.levels import assess_word
from vocabsphere.core.levels.word_level import warm_up as warm_word_levels

from . import sense_choice, sense_ranking, substitute_ranking
from .ipa import spoken_ipa
from .lookup import Ipa, Lexicon, Sense
from .packs.iso639 import ISO639_1, language_name
from .prepared import tap_simpler
from .store_schema import normalize_pos, wordnet_pos
from .substitutes import Substitute
from .tap_choice import TapChoices, expression_choice

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_WORD_CHARS = 100
MAX_SENSES = 12  # senses returned per word (ranked); the rest are rarely right in context
SENSE_WORDS = 4  # synonyms of the best sense whose translations reorder the word's
_UPOS_OF_WN = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
_INFLECTING = ("NOUN", "VERB", "ADJ", "ADV")


@dataclass(frozen=True)
class Level:
    level: str  # "A1".."C2"
    score: float  # 1.0 (A1) .. 6.0 (C2)


@dataclass(frozen=True)
class Synonym:
    word: str
    level: str | None  # None when the level model cannot rate it (e.g. rare phrases)


@dataclass(frozen=True)
class RankedSense:
    synset_id: str
    pos: str
    definition: str
    examples: tuple[str, ...]
    synonyms: tuple[Synonym, ...]  # simpler first
    hypernyms: tuple[str, ...]
    score: float  # ranking score (higher fits the sentence better)


@dataclass(frozen=True)
class ExpressionLookup:
    text: str  # "take part"
    senses: tuple[RankedSense, ...]
    translations: tuple[str, ...]
    sense_confident: bool = False


@dataclass(frozen=True)
class WordLookup:
    word: str
    lemma: str
    pos: str  # UPOS in context
    found: bool
    cefr: Level | None
    ipa: Ipa  # the lemma's (shown beside the lemma)
    forms: dict[str, str] = field(default_factory=dict)  # Penn tag -> form
    family: tuple[str, ...] = ()  # "decision (noun)"
    senses: tuple[RankedSense, ...] = ()
    # The first sense is likely the one meant (sense_choice); False: say less (no single meaning).
    sense_confident: bool = False
    translations: tuple[str, ...] = ()
    translation_note: str | None = None
    expression: ExpressionLookup | None = None
    # Simpler words that keep this meaning here (the adaptation's own choice); empty when unsafe.
    simpler: tuple[Substitute, ...] = ()
    supported: bool = False  # the language has a dictionary in the lexicon
    note: str | None = None  # why nothing was found
    # The tapped form's own pronunciation, when it is not the lemma ("troops" beside "troop").
    form_ipa: Ipa | None = None


@dataclass(frozen=True)
class _Target:
    word: str
    lemma: str
    upos: str
    index: int | None  # token index in the doc, None when the word is not in it
    proper: bool = False  # used as a name: named-instance senses stay in
    in_context: bool = True  # POS from the parser; False: any POS WordNet has


def validate_word(word: str) -> str:
    text = " ".join(str(word).split())
    if not text:
        raise InvalidInput("Type or tap a word to look it up.", field="word")
    if len(text) > MAX_WORD_CHARS:
        raise InvalidInput(f"A word can have at most {MAX_WORD_CHARS} characters.", field="word")
    if not any(ch.isalpha() for ch in text):
        raise InvalidInput("A word needs at least one letter.", field="word")
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise InvalidInput("A word cannot contain control characters.", field="word")
    return text


def validate_lang(lang: str | None) -> str | None:
    if lang is None or not lang.strip():
        return None
    code = lang.strip().lower()
    if code not in ISO639_1:
        raise InvalidInput(
            f"Unknown language code {lang!r}: use a two-letter ISO 639-1 code such as 'es' or 'ko'.",
            field="lang",
        )
    return code


def lookup_in_context(
    lexicon: Lexicon,
    word: str,
    sentence: str | None,
    lang: str | None,
    *,
    doc: Doc | None = None,
    token_index: int | None = None,
    simpler: tuple[Substitute, ...] | None = None,
    choices: TapChoices | None = None,
) -> WordLookup:
    """Everything a learner needs about ``word`` as used in ``sentence`` (any may be None).
    ``simpler`` and ``choices``: the word's simpler words and sense choices prepared when its
    version was built (:mod:`.prepared`, :mod:`.tap_choice`), None to compute them."""
    text, code = validate_word(word), validate_lang(lang)
    if doc is None and sentence and sentence.strip():
        doc = _parse(sentence)
    target = _target(lexicon, text, doc, token_index, choices)
    return _assemble(lexicon, target, doc, code, simpler, choices)


def lookup_many(
    lexicon: Lexicon, words: Sequence[str], sentence: str | None, lang: str | None
) -> list[WordLookup]:
    """Several words of one sentence or paragraph, parsed once; repeated words take the next
    occurrence."""
    code = validate_lang(lang)
    texts = [validate_word(w) for w in words]
    doc = _parse(sentence) if sentence and sentence.strip() else None
    used: set[int] = set()
    results = []
    for text in texts:
        index = _find_token(doc, text, used) if doc is not None else None
        if index is not None:
            used.add(index)
        results.append(_assemble(lexicon, _target(lexicon, text, doc, index), doc, code))
    return results


def _parse(sentence: str) -> Doc:
    from vocabsphere.core.text import load_pipeline

    return load_pipeline()(sentence)


def _find_token(doc: Doc, word: str, used: set[int] | None = None) -> int | None:
    low = word.lower()
    first = low.split()[0]
    for token in doc:
        if token.lower_ == first and (used is None or token.i not in used):
            return int(token.i)
    return None


def _target(
    lexicon: Lexicon, word: str, doc: Doc | None, index: int | None, choices: TapChoices | None = None
) -> _Target:
    if doc is not None and index is None:
        index = _find_token(doc, word)
    if doc is None or index is None or not 0 <= index < len(doc) or " " in word:
        lemma, upos = _lemma_without_context(lexicon, word)
        return _Target(
            word,
            lemma,
            upos,
            index if doc is not None and " " not in word else None,
            word[:1].isupper(),
            in_context=False,
        )
    reading = choices.reading if choices else sense_choice.resolve_token(lexicon, doc[index])
    return _Target(word, reading.lemma, reading.upos, index, reading.proper)


def _lemma_without_context(lexicon: Lexicon, word: str) -> tuple[str, str]:
    forms = lexicon.base_forms(word)
    if forms:
        lemma, wn = forms[0]
        return lemma, _UPOS_OF_WN[wn]
    for upos, lemmas in getAllLemmas(word.lower()).items():
        return lemmas[0].lower(), upos
    return word.lower(), "X"


def _assemble(
    lexicon: Lexicon,
    target: _Target,
    doc: Doc | None,
    lang: str | None,
    prepared: tuple[Substitute, ...] | None = None,
    choices: TapChoices | None = None,
) -> WordLookup:
    pos_name = normalize_pos(target.upos)
    pos_filter = target.upos if target.in_context and wordnet_pos(target.upos) else None
    entry = lexicon.entries(target.lemma, pos_filter)
    chosen = choices if target.in_context else None  # stored for the token in its sentence only
    if doc is not None and target.index is not None and target.in_context:
        choice = chosen.choice if chosen else sense_choice.choose_sense(lexicon, doc, target.index)
        senses, confident = _as_ranked(choice.senses), choice.confident
        simpler = tap_simpler(lexicon, doc, target.index, choice) if prepared is None else prepared
        if choice.function:  # "According (to)": the expression, not accord's senses
            target = _Target(target.word, choice.lemma, choice.upos, target.index)
            pos_name, entry = None, lexicon.entries(choice.lemma)
    else:  # no sentence, or the word is not in it: nothing to be sure of
        lemma = entry.lemma or target.lemma
        senses = _ranked(lexicon, entry.senses, _context(doc, target), lemma, target.proper)
        confident = len(senses) == 1
        simpler = ()
    lemma = entry.lemma if entry.found else target.lemma
    upos = "PROPN" if target.proper and target.in_context else target.upos
    if senses and wordnet_pos(upos) is None and upos != "PROPN":  # tagged X: WordNet's POS
        upos = _UPOS_OF_WN[wordnet_pos(senses[0].pos) or "n"]
    translations, t_note, supported = _translations(
        lexicon, lemma, lang, pos_name, target.word, senses[0] if senses else None
    )
    found = bool(senses) or bool(translations)
    return WordLookup(
        word=target.word,
        lemma=lemma,
        pos=upos,
        found=found,
        cefr=_level(lemma, upos) if found else None,
        ipa=(lemma_ipa := lexicon.ipa(lemma)),
        form_ipa=form_ipa(lexicon, target.word, lemma, lemma_ipa),
        forms=_forms(lemma, upos) if found else {},
        family=tuple(str(m) for m in lexicon.family(lemma)) if found else (),
        senses=senses,
        sense_confident=confident,
        translations=translations,
        translation_note=t_note,
        expression=_expression(lexicon, doc, target, lang, chosen),
        simpler=simpler if found else (),
        supported=supported,
        note=None if found else f"'{target.word}' is not in the dictionary.",
    )


def _context(doc: Doc | None, target: _Target) -> tuple[sense_ranking.ContextWord, ...]:
    if doc is None:
        return ()
    return sense_ranking.context_of(doc, target.index, (target.word, target.lemma))


def _ranked(
    lexicon: Lexicon,
    senses: Sequence[Sense],
    context: Sequence[sense_ranking.ContextWord],
    lemma: str,
    proper: bool = False,
) -> tuple[RankedSense, ...]:
    return _as_ranked(sense_ranking.rank_in_lexicon(lexicon, senses, context, lemma, proper=proper))


def _as_ranked(ranked: Sequence[sense_ranking.ScoredSense]) -> tuple[RankedSense, ...]:
    return tuple(
        RankedSense(
            s.sense.synset_id,
            s.sense.pos,
            s.sense.definition,
            s.sense.examples,
            simpler_first(s.sense.synonyms, s.sense.pos, levels=n < LEVELLED_SENSES),
            s.sense.hypernyms,
            round(s.score, 4),
        )
        for n, s in enumerate(ranked[:MAX_SENSES])
    )


# Synonyms get CEFR levels in the first sense only (what the popover shows): rating a word the level
# model has not seen costs about a millisecond, and a tap must answer within a few.
LEVELLED_SENSES = 1


def simpler_first(words: Sequence[str], pos: str, *, levels: bool = True) -> tuple[Synonym, ...]:
    """Synonyms ordered by CEFR level, then by frequency (more frequent = simpler); without
    ``levels``, by frequency alone and unrated."""
    upos = _UPOS_OF_WN.get(wordnet_pos(pos) or "", "NOUN")
    rated = [(_safe_level(w, upos) if levels else None, w) for w in words]
    rated.sort(key=lambda lw: (lw[0].score if lw[0] else 7.0, -_zipf(lw[1])))
    return tuple(Synonym(w, lv.level if lv else None) for lv, w in rated)


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def _safe_level(lemma: str, upos: str) -> Level | None:
    try:
        assessed = assess_word(lemma, upos)
    except ValueError:
        return None
    return Level(assessed.level, float(assessed.score))


def _level(lemma: str, upos: str) -> Level | None:
    return _safe_level(lemma, upos if upos != "X" else "NOUN")


def form_ipa(lexicon: Lexicon, word: str, lemma: str, lemma_ipa: Ipa) -> Ipa | None:
    """The IPA of the form as written, when it is not the lemma: the lexicon's (CMUdict, espeak-ng at
    build time); the accent shown beside the lemma (US first) from espeak-ng now if the lexicon lacks
    it for the form (a rare subprocess, cached); None when the form is the lemma or nothing can say it
    (never the lemma's sound beside the form)."""
    if word.replace("\u2019", "'").casefold() == lemma.casefold() or " " in word.strip():
        return None
    found = lexicon.ipa(word)
    shown = "us" if lemma_ipa.us or not lemma_ipa.uk else "uk"
    if shown == "us" and not found.us:
        found = Ipa(spoken_ipa(word.lower(), "us"), found.uk)
    elif shown == "uk" and not found.uk:
        found = Ipa(found.us, spoken_ipa(word.lower(), "uk"))
    return found if found.us or found.uk else None


def _forms(lemma: str, upos: str) -> dict[str, str]:
    return dict(_form_pairs(lemma, upos))


@lru_cache(maxsize=20_000)  # lemminflect deep-copies its tables on every call
def _form_pairs(lemma: str, upos: str) -> tuple[tuple[str, str], ...]:
    if upos not in _INFLECTING or " " in lemma:
        return ()
    table = getAllInflections(lemma, upos)
    if not table and upos in ("NOUN", "VERB") and lemma.isalpha():  # regular rules only
        table = getAllInflectionsOOV(lemma, upos)
    return tuple((tag, forms[0]) for tag, forms in sorted(table.items()) if forms)


def _translations(
    lexicon: Lexicon,
    lemma: str,
    lang: str | None,
    pos: str | None,
    word: str,
    sense: RankedSense | None = None,
) -> tuple[tuple[str, ...], str | None, bool]:
    """(texts, note, supported). Translations shared with the best sense's synonyms or
    hypernyms first (river bank -> "Ufer", "Böschung" as for "slope"), then same-POS ones,
    lexicon order otherwise."""
    if lang is None:
        return (), None, False
    if lang == "en":
        return (), None, True
    if lang not in _languages(lexicon):
        return (
            (),
            (f"No dictionary for {language_name(lang)} is installed; showing the English definition."),
            False,
        )
    found = lexicon.translations(lemma, lang)
    related = _sense_translations(lexicon, sense, lang) if sense and len(found) > 1 else set()
    ordered = sorted(
        found,
        key=lambda t: (
            t.text.lower() not in related,
            0 if pos and t.pos == pos else 1 if t.pos is None else 2,
        ),
    )
    texts = tuple(dict.fromkeys(t.text for t in ordered))
    if not texts:
        return (), f"No translation found for '{word}' in {language_name(lang)}.", True
    return texts, None, True


def _sense_translations(lexicon: Lexicon, sense: RankedSense, lang: str) -> set[str]:
    words = [s.word for s in sense.synonyms[:SENSE_WORDS]] + list(sense.hypernyms[:2])
    return {t.text.lower() for w in words for t in lexicon.translations(w, lang)[:6]}


@lru_cache(maxsize=16)
def _languages(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(info.code for info in lexicon.languages())


def _expression(
    lexicon: Lexicon, doc: Doc | None, target: _Target, lang: str | None, choices: TapChoices | None
) -> ExpressionLookup | None:
    if doc is None or target.index is None:
        return None
    found = choices.expression if choices else expression_choice(lexicon, doc, target.index)
    if found is None:
        return None
    text, choice = found
    texts = _translations(lexicon, text, lang, None, text)[0]
    return ExpressionLookup(text, _as_ranked(choice.senses), texts, choice.confident)


def warm_up() -> None:
    """Load what a first look-up would otherwise load in the middle of a request: the sense
    choice's vectors and word caches, the simpler-word ranker, the level model with cefrpy's table,
    and lemminflect's inflection table (each up to a second or more on a busy machine)."""
    sense_ranking.warm_up()
    substitute_ranking.warm_up()
    warm_word_levels()
    getInflection("be", tag="VBD")  # the inflection table and its overrides
    getAllInflectionsOOV("blick", "VERB")  # the model for words it does not list
    getAllLemmasOOV("blicked", "VERB")  # the lemmatiser's rules for them


__all__ = [
    "ExpressionLookup",
    "Level",
    "RankedSense",
    "Synonym",
    "WordLookup",
    "lookup_in_context",
    "lookup_many",
    "validate_lang",
    "validate_word",
    "warm_up",
]
