"""Whether a short gloss can be trusted beside its word: the sense choice's evidence, and the
gloss's own words read in the word's place (:func:`.substitutes.simple_gloss` asks these).

A gloss is shown unasked, in the text, so it needs more than the popover's claim
(``SenseChoice.confident``, 0.7): between several senses a choice under ``GLOSS_SURE`` is
glossed only when SemCor clearly backs its sense ("a fair trial (= the act of testing
something)", "lavish (= very generous) investment", "it is rare (= not widely known) for ..."
were all chosen at 0.70-0.78 on a sense SemCor saw seldom or shared with rivals).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getInflection
from wordfreq import zipf_frequency

from vocabsphere.core.number_words import SCALES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .sense_choice import SenseChoice

__all__ = [
    "adverb_gloss_misfits",
    "broken_count",
    "close_call",
    "context_favours_rival",
    "leans_on_synonym",
    "rarer_than_word",
]

# Chosen on train stories 1-40 (issue 13, round gloss-4): every wrong multi-sense gloss under 0.8
# had a sense with fewer than 5 SemCor tags or under 90 % of the word's tags; most right ones not.
GLOSS_SURE = 0.8
BACKED_TAGS = 5
BACKED_SHARE = 0.9
# A gloss word this much rarer (Zipf) than the glossed word is harder than it: "predictable (=
# capable of being foretold)", "specifically (= in distinction from others)"; the level model
# rates such words leniently.
RARER_MARGIN = 0.5
_WORD = re.compile(r"[a-z]+")
_QUANTIFIERS = frozenset({"several", "many", "few", "various", "numerous", "two", "three", "both"})
_NUMBER_NOUNS = frozenset({*SCALES, "dozen"})  # "two hundred"
_COMMON_PLURAL = 4.0  # "peoples" (3.5) is rare: "few people" is no broken count
# A definition that comments on a whole clause as a sentence adverb does ("Currently, ...",
# "Consequently, ..."): time or linking. A manner or place sense does not ("Separately, the
# minister said ..." is not "apart from others"; "Likewise, ..." is not "in like manner").
_CLAUSE_OPENINGS = ("at ", "as ", "for ", "because", "in addition", "after", "before", "then", "now", "also")
_TIME = re.compile(r"\b(time|period|moment|now|present)\b")


def close_call(choice: SenseChoice) -> bool:
    """A choice between several senses, confident but not sure, that SemCor does not clearly back."""
    if len(choice.senses) < 2 or choice.probability >= GLOSS_SURE:
        return False
    top = choice.senses[0].sense.tag_count
    total = sum(s.sense.tag_count for s in choice.senses)
    return top < BACKED_TAGS or top < BACKED_SHARE * total


def context_favours_rival(choice: SenseChoice) -> bool:
    """A noun's sense chosen on SemCor's counts alone while the sentence shares words with a rival
    sense ("the previous holder (= a holding device) of the record": nothing supports the device,
    "possession of a ... document" shares words with the sentence). The overlap is a topic signal,
    telling for nouns; an adverb's or verb's definitions seldom share words with its sentence."""
    senses = choice.senses
    return (
        choice.upos == "NOUN"
        and len(senses) > 1
        and senses[0].overlap <= 0
        and any(s.overlap > 0 for s in senses[1:])
    )


def rarer_than_word(gloss: str, lemma: str) -> bool:
    """A word of the gloss clearly rarer than the glossed word, in any of its forms."""
    own = zipf_frequency(lemma, "en")
    return any(_commonest(w) < own - RARER_MARGIN for w in _WORD.findall(gloss.lower()))


def leans_on_synonym(gloss: str, synonyms: tuple[str, ...], lemma: str) -> bool:
    """A phrase that explains the sense with one of the sense's own one-word synonyms, rarer than the
    word it explains: that word is read in the same rare sense, so the gloss is no plainer ("take place
    (= come to pass)": 'pass' is 'happen' there, an archaic use of an easy word)."""
    words = _WORD.findall(gloss.lower())
    own = zipf_frequency(lemma, "en")
    single = {s.lower() for s in synonyms if s.isalpha() and s.lower() != lemma}
    return len(words) > 1 and any(w in single and _commonest(w) < own for w in words)


@lru_cache(maxsize=65_536)
def _commonest(word: str) -> float:
    """The word's frequency, or its base form's when that is higher ("foretold" -> "foretell")."""
    bases = [b for found in getAllLemmas(word).values() for b in found]
    return max(float(zipf_frequency(w, "en")) for w in (word, *bases))


def broken_count(gloss: str) -> bool:
    """A counting word before a singular count noun: WordNet's "several time" (repeatedly)."""
    words = _WORD.findall(gloss.lower())
    return any(a in _QUANTIFIERS and _singular_count_noun(b) for a, b in pairwise(words))


def _singular_count_noun(word: str) -> bool:
    """A noun's singular with a common plural of its own ("time": "times"; not "people", "hundred")."""
    if word in _NUMBER_NOUNS or getAllLemmas(word).get("NOUN", ("",))[0] != word:
        return False
    plural = getInflection(word, tag="NNS")
    return bool(plural) and plural[0] != word and zipf_frequency(plural[0], "en") >= _COMMON_PLURAL


def adverb_gloss_misfits(token: Token, gloss: str) -> bool:
    """An adverb's gloss that does not read in its place: an "of" phrase, which describes a noun
    ("unanimously (= of one mind) agreed"), or, for an adverb opening its sentence before a comma,
    a definition that is neither of time nor linking ("Separately (= apart from others), ...")."""
    text = gloss.lower()
    if text.startswith("of "):
        return True
    return _sentence_adverb(token) and not (text.startswith(_CLAUSE_OPENINGS) or _TIME.search(text))


def _sentence_adverb(token: Token) -> bool:
    """An adverb opening its sentence before a comma: it comments on the whole clause."""
    doc = token.doc
    span = token.sent if doc.has_annotation("SENT_START") else doc[:]
    first = next((t.i for t in span if not t.is_punct), span.start)
    return token.i == first and token.i + 1 < len(doc) and doc[token.i + 1].text == ","
