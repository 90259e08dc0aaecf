"""Word forms of adjectives and adverbs where the slot decides the form (issue #17 coverage):

- the "-ly" adverb of an adjective where only an adverb can stand: right before the verb it
  tells us about ("has recently moved"), or before a predicative adjective ("is highly unusual"),
  also with "more" or "less" between ("is significantly more nutritious"; no adjective can stand
  before "more nutritious").
  The slot must rule the adjective out: after a verb an adjective often fits as well ("she left
  happy / happily", "found the room easy / easily"), and before a noun's adjective it turns into a
  second adjective ("a largely / large rural area"), so neither is asked;
- the comparative with "more" right before "than" ("more expensive than") and the superlative with
  "most" right after "the" ("the most important"): the gap takes both words, the instruction names
  the form, and a frequent one-word form of a short adjective is accepted as well ("simpler").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getInflection
from wordfreq import zipf_frequency

from vocabsphere.core.levels import GRAMMAR_POINTS
from vocabsphere.core.lexicon.lookup import Lexicon

from .model import ExerciseItem, ExerciseKind, PatternRef
from .slots import gapped

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["adjective_of", "modifier_form_item", "syllables"]

MIN_ZIPF = 3.0  # the adjective named in the prompt, and a one-word comparative accepted, are common words
# Adverbs whose meaning drifted from the adjective's: "hardly" is no "hard" way of doing a thing.
_DRIFTED = frozenset(
    {
        "barely",
        "fairly",
        "hardly",
        "highly",
        "justly",
        "largely",
        "lately",
        "mostly",
        "nearly",
        "presently",
        "pretty",
        "really",
        "scarcely",
        "shortly",
        "surely",
    }
)
_VOWELS = "aeiouy"


def syllables(word: str) -> int:
    groups, previous = 0, False
    for ch in word:
        vowel = ch in _VOWELS
        groups += vowel and not previous
        previous = vowel
    return groups - (word.endswith("e") and groups > 1)


def adjective_of(lexicon: Lexicon, adverb: str) -> str | None:
    """The adjective an "-ly" adverb is made from (recently -> recent, easily -> easy, basically ->
    basic, simply -> simple, truly -> true, fully -> full), when the lexicon has it as an adjective
    only (not also as an adverb: "quick", "fast", "high"), it is a common word and its meaning has
    not drifted from the adverb's; else None."""
    low = adverb.lower()
    if not low.endswith("ly") or low in _DRIFTED:
        return None
    stem = low[:-2]
    candidates = [stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else "", stem + "l"]
    if low[-3:-2] not in _VOWELS:
        candidates.append(low[:-1] + "e")  # "-le" adjectives: simply, gently, probably, remarkably
    if low.endswith("ally"):
        candidates.insert(0, low[:-4])
    for adjective in (c for c in candidates if len(c) >= 3):
        if not lexicon.base_forms(adjective, "ADJ") or adjective not in _own_forms(lexicon, adjective):
            continue
        if lexicon.base_forms(adjective, "ADV") or zipf_frequency(adjective, "en") < MIN_ZIPF:
            return None  # a flat adverb ("act quick"), or a word the learner does not know
        return adjective
    return None


def _own_forms(lexicon: Lexicon, adjective: str) -> set[str]:
    """The adjective itself when WordNet has it as a lemma (not only as a form of another word)."""
    return {lemma for lemma, _ in lexicon.base_forms(adjective, "ADJ") if lemma == adjective}


def _adverb_slot(token: Token) -> Token | None:
    """The verb or adjective an "-ly" adverb stands right before and tells us about, where an
    adjective cannot stand instead; else None."""
    head = token.head
    if token.dep_ != "advmod" or token.tag_ != "RB" or head.i <= token.i or token.i == token.sent.start:
        return None
    between = token.doc[token.i + 1 : head.i]
    if any(t.dep_ not in ("aux", "aux:pass", "advmod") or t.head.i != head.i for t in between):
        return None  # only auxiliaries or other adverbs of the same verb in between
    before = token.doc[token.i - 1]
    if before.is_punct:
        return None  # "..., quietly, she left": a fronted or parenthetical adverb
    if head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children):
        return None  # "is already successfully / successful setting up": an adjective fits after "be"
    if head.pos_ == "VERB" and head.dep_ not in ("amod", "acl", "compound"):
        if not any(c.dep_ in ("nsubj", "aux") for c in head.children):
            return None  # a verb with neither subject nor auxiliary: the parse may have it wrong
        return head if head.tag_.startswith("VB") else None
    if head.lower_ in _DEGREE and head.dep_ == "advmod" and head.i == token.i + 1:
        compared = _compared(head)  # "is significantly more nutritious": the adverb of the comparative
        if compared is None:
            return None
        head = compared
    cop = any(c.dep_ == "cop" for c in head.children)
    if head.pos_ == "ADJ" and head.dep_ != "amod" and cop and head.lower_ not in _DEGREE:
        return head  # "is highly unusual": after "be", before its adjective; not "is probably more than"
    return None


_DEGREE = frozenset({"more", "less"})


def _compared(degree: Token) -> Token | None:
    """The adjective right after "more" or "less" that it makes a comparative of, else None."""
    adjective = degree.head
    if adjective.i != degree.i + 1 or adjective.pos_ != "ADJ" or adjective.tag_ != "JJ":
        return None
    return adjective


def _adverb_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    head = _adverb_slot(token)
    adjective = adjective_of(lexicon, token.lower_) if head is not None else None
    if head is None or adjective is None or token.lower_ != lemma.lower():
        return None
    if any(t.i != token.i and t.lower_ == token.lower_ for t in token.sent):
        return None  # "will _____ cost £280 and will probably weigh ...": the sentence gives the key
    kind = "verb" if head.pos_ == "VERB" else "adjective"
    shown = head.text
    if head.i == token.i + 2 and token.doc[token.i + 1].lower_ in _DEGREE:
        kind, shown = "comparative", f"{token.doc[token.i + 1].lower_} {head.text}"  # "more nutritious"
    return ExerciseItem(
        kind=ExerciseKind.WORD_FORM,
        prompt=f"Write the right form of \u2018{adjective}\u2019 in the gap.",
        gapped=gapped(token.sent, token.i),
        answer=token.lower_,
        accepted=(token.lower_,),
        explanation=(
            f"The gap tells us more about the {kind} \u2018{shown}\u2019, so it needs an adverb, "
            f"not the adjective: the adverb of \u2018{adjective}\u2019 is \u2018{token.lower_}\u2019."
        ),
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )


def _periphrastic(token: Token) -> tuple[Token, str, str] | None:
    """("more"/"most" token, instruction, grammar point id) for "more X than" and "the most X"."""
    doc = token.doc
    if token.i < 1 or token.tag_ not in ("JJ", "RB"):
        return None
    degree = doc[token.i - 1]
    if degree.head.i != token.i or degree.dep_ != "advmod":
        return None
    after = doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if degree.lower_ == "more" and after is not None and after.lower_ == "than":
        return degree, "comparative", "comparative_more"
    before = doc[degree.i - 1] if degree.i > token.sent.start else None
    if degree.lower_ == "most" and before is not None and before.lower_ == "the" and token.tag_ == "JJ":
        return degree, "superlative", "superlative_most"
    return None


def _periphrastic_item(token: Token, lemma: str) -> ExerciseItem | None:
    found = _periphrastic(token)
    if found is None or token.lower_ != lemma.lower():
        return None
    degree, instruction, point = found
    key = f"{degree.lower_} {token.lower_}"
    accepted = [key]
    if syllables(lemma) <= 2:  # "more simple" / "simpler": both right for a short adjective
        tag = "JJR" if instruction == "comparative" else "JJS"
        accepted += [
            f.lower() for f in getInflection(lemma, tag=tag) if zipf_frequency(f.lower(), "en") >= MIN_ZIPF
        ]
    grammar = GRAMMAR_POINTS[point]
    also = f" Also right: {', '.join(accepted[1:])}." if len(accepted) > 1 else ""
    return ExerciseItem(
        kind=ExerciseKind.WORD_FORM,
        prompt=f"Write the {instruction} of \u2018{lemma}\u2019 in the gap.",
        gapped=gapped(token.sent, degree.i, token.i + 1),
        answer=key,
        accepted=tuple(dict.fromkeys(accepted)),
        explanation=(
            f"The {instruction} of \u2018{lemma}\u2019 is \u2018{key}\u2019. "
            + grammar.explanation.format(text=key)
            + also
        ),
        grammar_point=PatternRef(grammar.id, grammar.level),
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )


def modifier_form_item(lexicon: Lexicon, token: Token, lemma: str, pos: str) -> ExerciseItem | None:
    """A word-form item for an adjective or adverb whose form the slot decides, else None."""
    if pos == "ADV":
        return _adverb_item(lexicon, token, lemma) or _periphrastic_item(token, lemma)
    if pos == "ADJ":
        return _periphrastic_item(token, lemma)
    return None
