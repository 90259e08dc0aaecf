"""Words slightly above the learner's level (i+1) and a short meaning for each.

The meaning comes from the product's one in-context sense choice (``core.lexicon.sense_choice``),
and only when that choice is confident: no meaning is better than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from vocabsphere.core.errors import DomainError
from vocabsphere.core.levels import assess_word
from vocabsphere.core.levels.grammar import CEFR_LEVELS
from vocabsphere.core.levels.grammar_words import adjectival
from vocabsphere.core.lexicon import Lexicon, LexiconError
from vocabsphere.core.lexicon.gloss_trust import close_call, leans_on_synonym, rarer_than_word
from vocabsphere.core.lexicon.sense_choice import SenseChoice, choose_sense
from vocabsphere.core.lexicon.substitutes import hyphenated, plain_text, simple_gloss

__all__ = [
    "WordCandidate",
    "content_pos",
    "define",
    "define_expression",
    "lemma_of",
    "level_of",
    "phrase_level",
    "sentence_words",
    "shorten",
]

_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
_SKIP = frozenset({"according"})  # part of "according to", which WordNet files as an adverb
_NOUN_DEPS = frozenset({"obj", "obl", "nsubj", "nsubj:pass", "iobj", "nmod"})
# What a look-up raises for a word the lexicon cannot serve; anything else is a bug and must surface.
_LOOKUP_ERRORS = (LexiconError, DomainError, ValueError)
_PARENS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class WordCandidate:
    """A content word of a sentence with its CEFR level index (0 = A1)."""

    token: int  # doc token index
    word: str
    lemma: str
    pos: str
    level: int
    zipf: float


def phrase_level(base: str, pos: str) -> int:
    """Level index of a multi-word expression as a whole ("take part" -> B1)."""
    return _level(base, pos)


@lru_cache(maxsize=50_000)
def _level(lemma: str, pos: str) -> int:
    try:
        return CEFR_LEVELS.index(assess_word(lemma, pos).level)
    except ValueError:
        return 0


def level_of(tok: Token) -> int:
    """CEFR level index of a token's lemma (0 = A1)."""
    return _level(lemma_of(tok), content_pos(tok)) if content_pos(tok) in _CONTENT else 0


def content_pos(tok: Token) -> str:
    """UPOS, except an 'adjective' in a noun's slot ("removed the mural") is taken as a noun."""
    if tok.pos_ == "ADJ" and tok.dep_ in _NOUN_DEPS:
        return "NOUN"
    if tok.pos_ in ("VERB", "NOUN") and tok.lower_.endswith(("er", "est")) and _comparative(tok.lower_):
        return "ADJ"  # "make it smaller" tagged as a verb
    if tok.tag_ == "VBG" and (
        tok.dep_ == "amod" or (adjectival(tok) and any(c.lemma_ == "be" for c in tok.children))
    ):
        return "ADJ"  # "engaging content", "was already challenging": adjectives, not verbs
    return str(tok.pos_)


@lru_cache(maxsize=10_000)
def _comparative(word: str) -> bool:
    """'smaller' -> 'small' in lemminflect's dictionary, and no noun or verb reading ('number')."""
    lemmas = getAllLemmas(word)
    adjective = lemmas.get("ADJ", (word,))[0].lower()
    return adjective != word and "NOUN" not in lemmas and "VERB" not in lemmas


_INFLECTED = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX"})  # lemminflect's parts of speech


@lru_cache(maxsize=50_000)
def _lemma(word: str, pos: str, fallback: str) -> str:
    if pos not in _INFLECTED:
        return fallback  # lemminflect knows no other part of speech (and logs a warning for each)
    lemmas = getLemma(word, pos)  # dictionary-based: the parser's lemmas can be cut short ("stopp")
    return str(lemmas[0]).lower() if lemmas else fallback


def lemma_of(tok: Token) -> str:
    return _lemma(tok.lower_, content_pos(tok), tok.lemma_.lower())


def _candidate(tok: Token) -> WordCandidate | None:
    pos = content_pos(tok)
    if pos not in _CONTENT or not tok.is_alpha or tok.is_stop or len(tok.text) < 3:
        return None
    if tok.text[0].isupper() and tok.i > tok.sent.start:  # a name the tagger missed
        return None
    if tok.lower_ in _SKIP or hyphenated(tok):  # "spray" of "spray-painted" is not the word the learner sees
        return None
    lemma = lemma_of(tok)
    return WordCandidate(tok.i, tok.text, lemma, pos, _level(lemma, pos), float(zipf_frequency(lemma, "en")))


def sentence_words(sent: Span) -> tuple[WordCandidate, ...]:
    """Distinct content words of the sentence (first occurrence of each lemma)."""
    seen: set[str] = set()
    out = []
    for tok in sent:
        cand = _candidate(tok)
        if cand is not None and cand.lemma not in seen:
            seen.add(cand.lemma)
            out.append(cand)
    return tuple(out)


def shorten(definition: str, max_words: int) -> str:
    """First clause of a gloss, without brackets, within ``max_words``: cut only before a comma, "or",
    "and", "that" or "which" in its second half; "" when it cannot be cut there."""
    text = _PARENS.sub("", definition.split(";")[0]).strip().rstrip(".")
    words = text.split()
    if len(words) <= max_words:
        return text
    cut = words[:max_words]
    for stop in range(len(cut) - 1, max_words // 2, -1):  # end before a comma or "or"
        if cut[stop].endswith(",") or cut[stop] in ("or", "and", "that", "which"):
            cut = cut[: stop + (0 if cut[stop] in ("or", "and", "that", "which") else 1)]
            return " ".join(cut).rstrip(",") + " …"
    # No place where the meaning may stop: a definition cut mid-phrase ("a unit that is part of some
    # military …") teaches nothing true, so say nothing.
    return ""


def _sense(lexicon: Lexicon, tok: Token) -> tuple[str, tuple[str, ...]]:
    """(gloss, synonyms) of the sense the word has in its sentence; nothing when unsure."""
    choice = choose_sense(lexicon, tok.doc, tok.i)
    best = choice.best
    return (best.definition, best.synonyms) if best and choice.confident else ("", ())


def _circular(gloss: str, lemma: str) -> bool:
    """'remove something concrete ...' explains 'remove' with itself."""
    return lemma in re.findall(r"[a-z]+", gloss.lower())


# Verbs an expression is built on ("take advantage", "make sense"): a meaning may use them again.
_LIGHT_VERBS = frozenset(
    {"be", "bring", "come", "do", "get", "give", "go", "have", "keep", "make", "put", "set", "take"}
)


def _repeats_content_word(gloss: str, base: str) -> bool:
    """ "'take advantage' means 'draw advantages from'" explains the expression with its own noun:
    a meaning holding any form of one of the expression's content words says nothing new (and
    "draw advantages" is no English a learner should copy)."""
    content = {w for w in base.lower().split() if len(w) > 2 and w not in _LIGHT_VERBS}
    content -= STOP_WORDS
    if not content:
        return False
    for word in re.findall(r"[a-z]+", gloss.lower()):
        forms = {word} | {lemma for lemmas in getAllLemmas(word).values() for lemma in lemmas}
        if forms & content:
            return True
    return False


def _one_spelling(words: list[str]) -> list[str]:
    """WordNet lists both spellings as synonyms ("capitalize, capitalise"): one is enough."""
    seen: set[str] = set()
    kept = []
    for word in words:
        key = re.sub(r"is(e|ed|ing|ation)\b", r"iz\1", word).replace("our", "or")
        if key not in seen:
            seen.add(key)
            kept.append(word)
    return kept


def _usage_note(gloss: str) -> bool:
    """WordNet glosses such as "used in negative statement to describe ..." ('so far') say how a word
    is used, not what it means; quoted as its meaning they mislead ("has so far refunded" is positive)."""
    return gloss.lower().startswith(("used ", "often used ", "usually used "))


PLAIN_MEANING_LEVELS = frozenset({"A1", "A2", "B1"})  # meanings only in words at the learner's level


def define(lexicon: Lexicon | None, tok: Token, max_words: int, level: str | None = None) -> str:
    """Short meaning of ``tok`` as used in its sentence ("" when the lexicon has nothing). For
    an A1-B1 ``level`` only a meaning in words at that level (:func:`simple_gloss`), never a
    definition harder than the word ('obligation' at B1: not "the social force that binds ...")."""
    if lexicon is None:
        return ""
    if level in PLAIN_MEANING_LEVELS:
        try:
            return simple_gloss(lexicon, tok.doc, tok.i, level) or ""
        except _LOOKUP_ERRORS:
            return ""
    try:
        gloss, synonyms = _sense(lexicon, tok)
    except _LOOKUP_ERRORS:  # odd tokens: no meaning rather than a failure
        return ""
    if _usage_note(gloss):
        return ""
    lemma = lemma_of(tok)
    others = [s for s in synonyms if lemma not in s.lower().split() and "_" not in s][:2]
    if gloss and _circular(gloss, lemma) and others:
        return ", ".join(others)  # a synonym says more than a gloss that repeats the word
    return shorten(gloss, max_words) if gloss else ""


def _expression_sense(lexicon: Lexicon, base: str, first: Token | None) -> tuple[str, tuple[str, ...]]:
    """The expression's sense that fits the sentence ("picked up" injuries = detected), when sure."""
    choice = _expression_choice(lexicon, base, first)
    best = choice.best if choice else None
    return (best.definition, best.synonyms) if best else ("", ())


def _expression_choice(lexicon: Lexicon, base: str, first: Token | None) -> SenseChoice | None:
    """The confident sense choice for the expression in its sentence; None when there is none."""
    entry = lexicon.entries(base)
    if first is None or not entry.found:
        return None
    choice = choose_sense(lexicon, first.doc, first.i, senses=entry.senses, lemma=base)
    if len(choice.senses) == 1 and choice.senses[0].overlap <= 0 and _literal_preposition(first, base):
        return None  # "asked for help": WordNet's only 'ask for' is the idiom ("increase the likelihood of")
    if choice.best and _gerund_missing(first, base, choice.best.definition):
        return None
    return choice if choice.best and choice.confident else None


def _gerund_missing(first: Token, base: str, definition: str) -> bool:
    """A sense "... doing something" ("make sure": "make a point of doing something") fits only an
    expression followed by an action ("make sure to call", "of calling", "giving"); "make sure their
    workforce is productive" is another use (ensure) that WordNet does not list."""
    if "doing something" not in definition:
        return False
    last = base.split()[-1]
    doc = first.doc
    end = next(
        (t.i for t in doc[first.i : min(len(doc), first.i + 6)] if last in (t.lower_, t.lemma_.lower())), None
    )
    if end is None or end + 1 >= len(doc):
        return False
    after = doc[end + 1]
    return not (after.lower_ in {"of", "to"} or after.tag_ == "VBG")


def _plain_expression(choice: SenseChoice | None, base: str, level: str) -> str:
    """The expression's meaning in words at ``level``, checked as a single word's gloss is
    (:mod:`.gloss_trust`): a sure sense, no word clearly rarer than the expression, no word of the
    sense's own synonyms in a rarer use ("take place" is not explained as "come to pass")."""
    best = choice.best if choice else None
    if choice is None or best is None or close_call(choice) or _usage_note(best.definition):
        return ""
    gloss = plain_text(best.definition, base, CEFR_LEVELS.index(level))
    if not gloss or rarer_than_word(gloss, base) or leans_on_synonym(gloss, best.synonyms, base):
        return ""
    return "" if _repeats_content_word(gloss, base) else gloss


def _literal_preposition(first: Token, base: str) -> bool:
    """Verb + preposition read word by word in the parse ("asked for help"): the meaning of the
    verb, not a fixed expression, unless the sentence supports the expression's sense."""
    words = base.split()
    if len(words) != 2 or first.i + 1 >= len(first.doc):
        return False
    after = first.doc[first.i + 1]
    return after.lower_ == words[1] and after.pos_ == "ADP" and not after.dep_.startswith("compound")


def define_expression(
    lexicon: Lexicon | None, base: str, max_words: int, first: Token | None = None, level: str | None = None
) -> str:
    """Short meaning of a multi-word expression ("take part" -> "share in something"); ``first``
    is its first word in the sentence, for in-context sense ranking. For an A1-B1 ``level`` only
    a short meaning in words at that level, as for single words: "'depend on' means 'be
    contingent on'" is harder than the expression it explains."""
    if lexicon is None:
        return ""
    try:
        if level in PLAIN_MEANING_LEVELS:
            return _plain_expression(_expression_choice(lexicon, base, first), base, level)
        gloss, synonyms = _expression_sense(lexicon, base, first)
    except _LOOKUP_ERRORS:
        return ""
    if _usage_note(gloss):
        return ""
    others = _one_spelling([s.replace("_", " ") for s in synonyms if s.replace("_", " ") != base])[:2]
    if gloss and (all(_circular(gloss, w) for w in base.split()) or _repeats_content_word(gloss, base)):
        return ", ".join(others)  # "set up or found" explains "set up" with itself; "" without others
    return shorten(gloss, max_words) if gloss else ""
