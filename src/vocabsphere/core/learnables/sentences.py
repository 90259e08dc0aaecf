"""Is a sentence fit to stand alone as a highlight? Length, headings, quotes, back-references.

A highlight is read out of its text, so a sentence that leans on the one before it ("This
means ...", "However, ...") or is only part of a quotation teaches less and confuses more.
Each check returns a factor in [0, 1] that multiplies the sentence's teaching value.
"""

from __future__ import annotations

from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = [
    "fit_factor",
    "has_finite_verb",
    "has_run_together_words",
    "is_heading",
    "leads_back",
    "length_fit",
    "quote_fragment",
    "word_count",
]

# Comfortable sentence length in words per learner level (A1 .. C2).
_LENGTH = ((5, 14), (6, 18), (8, 24), (8, 30), (10, 34), (10, 38))
_REFERRING = frozenset(
    {
        "this",
        "that",
        "these",
        "those",
        "it",
        "they",
        "he",
        "she",
        "them",
        "such",
        "him",
        "her",
        "his",
        "their",
        "its",
        "there",
    }
)
_CONNECTORS = frozenset(
    {
        "however",
        "but",
        "and",
        "so",
        "also",
        "therefore",
        "instead",
        "meanwhile",
        "moreover",
        "besides",
        "then",
        "yet",
        "nevertheless",
        "furthermore",
        "thus",
        "still",
        "otherwise",
        "or",
        "nonetheless",
        "consequently",
        "hence",
        "again",
        "anyway",
        "indeed",
        "later",
        "afterwards",
    }
)
_CONNECTOR_PHRASES = (
    "in addition",
    "as a result",
    "on the other hand",
    "for example",
    "for instance",
    "in fact",
    "at the same time",
    "even so",
    "after that",
    "because of this",
    "in contrast",
    "as well as this",
    "on top of that",
    "despite this",
)
# "This year ..." / "That morning ..." point to a time, not back to the previous sentence.
_TIME_NOUNS = frozenset(
    {
        "year",
        "week",
        "month",
        "morning",
        "evening",
        "afternoon",
        "summer",
        "winter",
        "spring",
        "autumn",
        "weekend",
        "time",
        "century",
        "season",
    }
)
_QUOTES_OPEN = frozenset({"“", "‘"})
_QUOTES_CLOSE = frozenset({"”", "’"})
_END_PUNCT = frozenset({".", "!", "?", "”", '"', "’", "'", ")", "…"})


def word_count(sent: Span) -> int:
    return sum(1 for t in sent if not (t.is_punct or t.is_space))


def length_fit(words: int, level: int) -> float:
    """1.0 inside the level's comfortable range, falling off outside it."""
    low, high = _LENGTH[level]
    if words < low:
        return max(0.0, 1.0 - (low - words) / low)
    if words > high:
        return max(0.0, 1.0 - (words - high) / (high * 0.6))
    return 1.0


def is_heading(sent: Span) -> bool:
    """No end punctuation, or a short run of title-case words: a title, caption or byline."""
    text = sent.text.strip()
    if not text or text[-1] not in _END_PUNCT:
        return True
    words = [t for t in sent if t.is_alpha]
    return 0 < len(words) <= 12 and all(t.text[0].isupper() or t.is_stop for t in words)


def quote_fragment(sent: Span) -> bool:
    """Only part of a quotation: opened but not closed (or the reverse), or a lower-case start."""
    text = sent.text.strip()
    opened = sum(text.count(q) for q in _QUOTES_OPEN) - text.count("’s") - text.count("n’t")
    closed = sum(text.count(q) for q in _QUOTES_CLOSE) - text.count("’s") - text.count("n’t")
    straight = text.count('"')
    if straight % 2 == 1 or (opened > 0) != (closed > 0):
        return True
    return _lower_start(sent)


def _lower_start(sent: Span) -> bool:
    """A lower-case start means the sentence splitter cut a sentence (often after a quote)."""
    first = next((t for t in sent if t.is_alpha), None)
    return first is not None and first.text[0].islower()


def _first_words(sent: Span) -> list[Token]:
    return [t for t in sent if not (t.is_punct or t.is_space)][:5]


def leads_back(sent: Span) -> bool:
    """Starts with a connector or a pronoun/determiner that points at an earlier sentence."""
    words = _first_words(sent)
    if not words:
        return False
    first = words[0].lower_
    head = " ".join(t.lower_ for t in words)
    if first in _CONNECTORS or any(head.startswith(p) for p in _CONNECTOR_PHRASES):
        return True
    if first not in _REFERRING:
        return False
    nxt = words[1] if len(words) > 1 else None
    if first in ("this", "that") and nxt is not None and nxt.lemma_.lower() in _TIME_NOUNS:
        return False
    if first == "there" and nxt is not None and nxt.lemma_.lower() == "be":
        return False  # existential "There are ..." introduces, it does not refer
    return not (first == "it" and _dummy_it(words[0]))


def _dummy_it(it: Token) -> bool:
    """Extraposed "It is important to ..." / "It seems that ...": the 'it' refers forward."""
    if it.dep_ == "expl":
        return True
    head = it.head
    return any(c.dep_ in ("csubj", "ccomp", "xcomp") and c.i > head.i for c in head.children) and (
        head.pos_ == "ADJ" or head.lemma_.lower() in ("seem", "appear", "be", "take")
    )


def has_finite_verb(sent: Span) -> bool:
    """A clause of its own: some verb or auxiliary is finite (a title or a caption has none)."""
    return any(
        t.pos_ in ("VERB", "AUX") and (t.tag_ in FINITE_TAGS or "VerbForm=Fin" in str(t.morph)) for t in sent
    )


def has_run_together_words(sent: Span) -> bool:
    """Source junk such as "genuinememories" (a lost space): a long lower-case word no corpus has
    ever seen. Names and rare real words ("optogenetics", 1.7 on the Zipf scale) pass."""
    return any(
        t.is_alpha and t.is_lower and len(t) >= 8 and t.pos_ != "PROPN" and zipf_frequency(t.text, "en") == 0
        for t in sent
    )


def fit_factor(sent: Span, level: int) -> float:
    """How well the sentence stands alone for a learner at ``level`` (0 = never show it)."""
    if is_heading(sent) or not has_finite_verb(sent) or has_run_together_words(sent):
        return 0.0
    factor = length_fit(word_count(sent), level)
    if _lower_start(sent):
        factor *= 0.1
    elif quote_fragment(sent):
        factor *= 0.2
    if leads_back(sent):
        factor *= 0.4
    return factor
