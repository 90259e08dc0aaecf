"""Which sentences an exercise may be made from: complete, no heading or junk, 6-30 words, and at
most one level above the learner (the text-level model on the sentence alone)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vocabsphere.core.learnables.sentences import has_finite_verb, is_heading, word_count
from vocabsphere.core.levels import text_level_of_doc
from vocabsphere.core.levels.cefr import LEVELS
from vocabsphere.core.text.saying import SAYING_FORMS
from vocabsphere.core.text.tags import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = [
    "LEVELS",
    "MAX_WORDS",
    "MIN_WORDS",
    "closed_quotation",
    "edge_quotation",
    "level_rank",
    "quotation_after_speaker",
    "quotation_without_speaker",
    "usable_sentence",
    "without_apostrophes",
]

MIN_WORDS, MAX_WORDS = 6, 30
_OPENERS = "\u201c\u2018\"'("
_JUNK = ("http", "www.", "@", "©", "|", "click here", "subscribe", "read more")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def parse_holds(sent: Span) -> bool:
    """No clause with a finite auxiliary but neither subject nor linking word: the parser then
    took the main verb for a side clause ("Enterobacteria, organisms usually found in the gut, had
    also acquired ..." parsed with "found" as the main verb), and items would explain a wrong parse."""
    for token in sent:
        if token.dep_ not in ("advcl", "ccomp", "conj") or token.pos_ != "VERB":
            continue
        deps = {c.dep_ for c in token.children}
        finite = any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in token.children)
        if finite and not deps & {"nsubj", "nsubj:pass", "mark", "expl", "cc"}:
            return False
    return not _comma_before_verb(sent)


def _comma_before_verb(sent: Span) -> bool:
    """A lone comma between the subject and its verb ("Tutu, suggested her for ..."): no English,
    most often the end of a sentence the splitter cut ("By 14, Archbishop Desmond Tutu, suggested").
    A comma that closes a phrase naming the subject again is fine ("Its chef, René Redzepi, says")."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < root.i), None)
    if subject is None:
        return False
    words = [t for t in subject.subtree if t.i < root.i]
    while words and words[-1].is_punct:
        words.pop()
    if not words or any(t.text == "," for t in words):
        return False
    doc = sent.doc
    after = words[-1].i + 1
    # auxiliaries or adverbs between: "Reid, also sounded conciliatory" is no English either
    between = doc[after + 1 : root.i]
    return doc[after].text == "," and all(t.dep_ in ("aux", "aux:pass", "advmod") for t in between)


# An apostrophe is no quotation mark: "you\u2019ve", "Japan\u2019s", "prisoners\u2019 attendance".
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u2019(?=[A-Za-z])|(?<=s)\u2019(?=\s)")
_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))


def without_apostrophes(text: str) -> str:
    """``text`` without the apostrophes written as closing single marks ("doesn\u2019t", "Japan\u2019s"),
    so that the marks left are quotation marks."""
    return _APOSTROPHE.sub("", text)


def _quotes_balanced(text: str) -> bool:
    bare = without_apostrophes(text)
    return text.count('"') % 2 == 0 and all(bare.count(a) == bare.count(b) for a, b in _PAIRS)


# A sentence's lone mark at its edge and the mark that makes its quotation whole, same style.
_OTHER_MARK = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}


def edge_quotation(text: str) -> str | None:
    """A whole sentence of a longer quotation, its lone mark at its start or end ("\u201cAre there
    multiple conditions ...?"; "... on a busy road.\u201d"), with the matching mark added at its other
    end in the same style: every word of it is somebody's, and without marks it would read as the
    story's own claim. None when there is no such mark or other marks are left unbalanced."""
    text = text.strip()
    bare = without_apostrophes(text)
    first = text[:1]
    opening = next((a for a, b in _OTHER_MARK.items() if b == bare[-1:]), None)
    if first in _OTHER_MARK and _lone(bare, first, _OTHER_MARK[first]):
        whole, end = f"{text}{_OTHER_MARK[first]}", text[-1:]
    elif opening is not None and _lone(bare, _OTHER_MARK[opening], opening):
        whole, end = f"{opening}{text}", text[-2:-1]
    else:
        return None
    return whole if _quotes_balanced(whole) and end in (".", "!", "?") else None


def _lone(bare: str, mark: str, other: str) -> bool:
    """``mark`` is the only mark of its quotation in ``bare``: its partner is in another sentence."""
    return bare.count(mark) == 1 and (other == mark or other not in bare)


def closed_quotation(text: str) -> str | None:
    """A sentence of a quotation that runs across sentences, with its own half of the marks made
    whole: a quotation opened after the first words and going on into the next sentence ("The
    office said: \u201cShe was safely home.") is closed at its end; one opened a sentence earlier
    and closed inside this one ("It was scary,\u201d said Ann Lee, an expert.") is opened at its
    start. Every word between the mark and the sentence's edge is what was said, so the mark added
    only says where this sentence stops. None when the sentence has no such mark (one at its very
    start or end is :func:`edge_quotation`'s), or other marks are left unbalanced."""
    text = text.strip()
    bare = without_apostrophes(text)
    opening, closing = bare.count("\u201c"), bare.count("\u201d")
    if text[-1:] not in ".!?" or text[:1] in _OPENERS or text.endswith("\u201d"):
        return None
    if (opening, closing) == (1, 0) and _brought_in(text):
        whole = f"{text}\u201d"
    elif (opening, closing) == (0, 1) and _told_by(text):
        whole = f"\u201c{text}"
    else:
        return None
    return whole if _quotes_balanced(whole) else None


def _brought_in(text: str) -> bool:
    """The quotation is brought in by a colon or comma ("said: \u201c..."); after a dash it is an
    aside, and the sentence goes on past it in the next one ("His plans for a wall \u2013 \u201cA real
    wall." has no verb of its own)."""
    return text[: text.index("\u201c")].rstrip()[-1:] in (":", ",")


def _told_by(text: str) -> bool:
    """What follows the closing mark says who said it ("scary,\u201d said Ann Lee"); else the
    sentence may go on from the quotation without a subject ("wall.\u201d \u2013 might sound ...")."""
    words, _, rest = text.partition("\u201d")
    after = [w.strip(",.").lower() for w in rest.split()[:4]]
    return words.rstrip()[-1:] in (",", "?", "!") and bool(SAYING_FORMS & set(after))


# "“Quoted words,” said Jane Smith, head of ..." (the opening mark may be a sentence earlier).
_SPOKEN = re.compile(
    r"^\u201c?(?P<words>[^\u201c\u201d]+?)(?P<end>[,.?!])\u201d\s+(?P<rest>[^\u201c\u201d]+)$"
)


def quotation_without_speaker(text: str) -> str | None:
    """The quoted sentence of "“Quoted words,” said Jane Smith, head of ...", kept in its
    quotation marks (somebody's words, not the story's own claim) and closed with a full stop where
    the quotation closed with a comma; None when the sentence is not a quotation followed by who
    said it (a verb of saying among the first words after the closing mark)."""
    found = _SPOKEN.match(text.strip())
    if found is None:
        return None
    after = [w.strip(",.").lower() for w in found["rest"].split()[:4]]
    if not SAYING_FORMS & set(after):
        return None
    end = "." if found["end"] == "," else found["end"]
    quoted = f"\u201c{found['words'].strip()}{end}\u201d"
    return quoted if _quotes_balanced(quoted) else None


# "Jane Smith, head of ..., said: \u201cQuoted words.\u201d" (the closing mark may be a sentence later).
_SPEAKER_FIRST = re.compile(
    r"^(?P<lead>[^\u201c\u201d]+?)[:,]\s*\u201c(?P<words>[^\u201c\u201d]+?[.?!])\u201d?$"
)


def quotation_after_speaker(text: str) -> str | None:
    """The quoted sentence of "Jane Smith, head of ..., said: \u201cQuoted words.\u201d", kept in
    its quotation marks (closed where the quotation runs on into the next sentence: every word after
    the opening mark is what was said); None unless a verb of saying is among the last words before
    the mark and the words said are a sentence of their own (a capital first, not "said that
    \u201cthe plan ...")."""
    found = _SPEAKER_FIRST.match(text.strip())
    if found is None:
        return None
    before = [w.strip(",.").lower() for w in found["lead"].split()[-4:]]
    words = found["words"].strip()
    if not SAYING_FORMS & set(before) or not words[:1].isupper():
        return None
    quoted = f"\u201c{words}\u201d"
    return quoted if _quotes_balanced(quoted) else None


def usable_sentence(sent: Span, learner_level: str) -> bool:
    """A whole sentence a learner at ``learner_level`` can work with."""
    words = word_count(sent)
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    text = sent.text.strip()
    # An opening quotation mark may come first: a whole quoted sentence is a sentence.
    if any(mark in text.lower() for mark in _JUNK) or not text.lstrip(_OPENERS)[:1].isupper():
        return False
    if is_heading(sent) or not has_finite_verb(sent) or not _quotes_balanced(text):
        return False
    if not parse_holds(sent):
        return False
    measured = text_level_of_doc(sent.as_doc()).level
    return level_rank(measured) <= level_rank(learner_level) + 1
