"""The one in-context sense choice of the product: popover, saved word, glosses, substitution,
explanations and exercises all call :func:`choose_sense`.

Given a parsed Doc and a token position, it settles the word's lemma and part of speech
(checked against WordNet's base forms), ranks the WordNet senses by fit to the sentence
(:mod:`.sense_ranking`) and says how likely the first one is right. Callers that make a claim
from the sense (a gloss, a substitute, a "means ..." explanation) use ``confident`` and say
nothing when it is False; the popover may still list the ranked senses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import sense_ranking
from .lookup import Lexicon, Sense
from .sense_ranking import ScoredSense, Weights
from .store_schema import wordnet_pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CONFIDENT", "SenseChoice", "choose_sense", "resolve_token"]

CONFIDENT = 0.8  # probability above which a caller may make a claim from the first sense
# Logistic map from the first sense's lead over the second to a probability (see calibrate()).
_SLOPE = 2.0
_BIAS = 0.0


@dataclass(frozen=True)
class SenseChoice:
    word: str  # as written
    lemma: str  # the base form the senses belong to
    upos: str  # part of speech in context (repaired by the parse)
    senses: tuple[ScoredSense, ...]  # best first
    probability: float  # estimated chance that senses[0] is the sense meant
    proper: bool = False  # used as a name

    @property
    def best(self) -> Sense | None:
        return self.senses[0].sense if self.senses else None

    @property
    def confident(self) -> bool:
        return bool(self.senses) and self.probability >= CONFIDENT


@dataclass(frozen=True)
class TokenReading:
    lemma: str
    upos: str
    proper: bool


def resolve_token(lexicon: Lexicon, token: Token) -> TokenReading:
    """Lemma and POS of a token, checked against WordNet's base forms.

    The POS is the tagger's, repaired by the parse (:func:`.sense_ranking.repair_pos`), and a
    verb where the fine tag says so ("read" VBN tagged NOUN) or a modal governs it ("could
    n't resist"). When WordNet has the word under another POS only ("embody" tagged NOUN),
    that POS is taken. The parser's lemma wins only if among WordNet's base forms ("saw" ->
    see), since the trained lemmatiser slips on rarer forms ("filed" -> fil).
    """
    upos = sense_ranking.repair_pos(token)
    proper = token.pos_ == "PROPN"
    if upos in ("NOUN", "ADJ") and not proper and _verb_by_parse(token):
        upos = "VERB"
    lemma = sense_ranking.token_lemma(token)
    if wordnet_pos(upos):
        forms = [f for f, _ in lexicon.base_forms(token.lower_, upos)]
        if not forms and not proper:
            others = lexicon.base_forms(token.lower_)
            if others:
                wn = "v" if any(p == "v" for _, p in others) and _verbal(token) else others[0][1]
                upos = _UPOS_OF_WN[wn]
                forms = [f for f, p in others if p == wn]
        if forms and lemma not in forms:
            guess = sense_ranking.inflect_lemma(token.lower_, upos)
            lemma = guess if guess in forms else forms[0]
    return TokenReading(lemma, upos, proper)


_UPOS_OF_WN = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}


def _verb_by_parse(token: Token) -> bool:
    """The fine tag says verb (the coarse one slipped), or a modal or auxiliary governs it."""
    return str(token.tag_).startswith("VB") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)


def _verbal(token: Token) -> bool:
    return _verb_by_parse(token) or any(c.dep_ in ("nsubj", "obj", "aux") for c in token.children)


def phrasal_lemma(lexicon: Lexicon, token: Token, lemma: str) -> str | None:
    """ "point out" for "pointed" with the particle "out" (compound:prt in the parse), when WordNet
    has that verb; a preposition ("closed in the afternoon") never makes one."""
    if wordnet_pos(sense_ranking.repair_pos(token)) != "v" and not _verb_by_parse(token):
        return None
    for child in token.children:
        if child.dep_ == "compound:prt":
            candidate = f"{lemma} {child.lower_}"
            if lexicon.base_forms(candidate, "VERB"):
                return candidate
    return None


def choose_sense(
    lexicon: Lexicon,
    doc: Doc,
    token_index: int,
    *,
    senses: Sequence[Sense] | None = None,
    lemma: str | None = None,
    weights: Weights = sense_ranking.SHIPPED,
) -> SenseChoice:
    """Senses of ``doc[token_index]`` ranked by fit to its sentence, with the chance the first
    is right. ``senses``/``lemma`` rank given senses instead (a multi-word expression starting
    at the token: pass the expression's senses and text)."""
    token = doc[token_index]
    reading = resolve_token(lexicon, token)
    if senses is None:
        phrasal = phrasal_lemma(lexicon, token, reading.lemma) if reading.upos == "VERB" else None
        pos_filter = reading.upos if wordnet_pos(reading.upos) else None
        entry = lexicon.entries(phrasal or reading.lemma, pos_filter)
        senses, base = entry.senses, entry.lemma or reading.lemma
    else:
        base = lemma or reading.lemma
    context = sense_ranking.context_of(doc, token_index, (token.lower_, base))
    ranked = sense_ranking.rank_in_lexicon(
        lexicon,
        senses,
        context,
        base,
        weights,
        proper=reading.proper,
        compounds=sense_ranking.compounds_around(doc, token_index),
        sentence=sentence_text(doc, token_index),
    )
    return SenseChoice(token.text, base, reading.upos, tuple(ranked), probability(ranked), reading.proper)


def probability(ranked: Sequence[ScoredSense]) -> float:
    """Chance the first sense is right, from its lead over the second."""
    if not ranked:
        return 0.0
    if len(ranked) == 1:
        return 1.0
    lead = ranked[0].score - ranked[1].score
    return 1.0 / (1.0 + math.exp(-(_SLOPE * lead + _BIAS)))


SIMILARITY_WINDOW = 3  # tokens each side, when the sentence holds the word twice


def sentence_text(doc: Doc, index: int) -> str:
    """What the word's sense is matched against: its sentence (the whole text when sentences
    are not marked), or the words around it when the sentence holds the word twice ("the bank
    lent money ... by the river bank"): one sentence vector cannot tell the two apart."""
    span = doc[index].sent if doc.has_annotation("SENT_START") else doc[:]
    word = doc[index].lower_
    if sum(t.lower_ == word for t in span) > 1:
        start = max(span.start, index - SIMILARITY_WINDOW)
        return str(doc[start : min(span.end, index + SIMILARITY_WINDOW + 1)].text)
    return str(span.text)
