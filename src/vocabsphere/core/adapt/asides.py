"""Asides learners can do without (A1-A2): brackets, dash asides and attribution tails."""

from __future__ import annotations

from spacy.tokens import Span, Token

from vocabsphere.core.adapt.text_ops import accept, join_tokens, uncapitalise, without
from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = ["drop_dash_aside", "drop_parenthetical", "move_attribution"]


def _droppable(aside: Span) -> bool:
    """No names, numbers or commas inside, not an acronym the text uses later ("(IEA)") and not a
    second item of what it follows ("The forests - and suburbs - of Europe": the point of the story)."""
    if any(t.pos_ in {"PROPN", "NUM"} or t.text == "," for t in aside):
        return False
    if len(aside) and aside[0].pos_ == "CCONJ":
        return False
    return not (len(aside) == 1 and sum(ch.isupper() for ch in aside.text) >= 2)


def drop_dash_aside(sent: Span) -> list[str] | None:
    """ "X - an aside - did Y." -> "X did Y." (A1-A2; short asides only)."""
    doc = sent.doc
    dashes = [t.i for t in sent if t.text in {"-", "–", "—"} and t.whitespace_ and doc[t.i - 1].whitespace_]
    if len(dashes) != 2 or dashes[1] - dashes[0] > 12 or dashes[0] == sent.start:
        return None
    if not _droppable(doc[dashes[0] + 1 : dashes[1]]):
        return None
    after = doc[dashes[1] + 1] if dashes[1] + 1 < sent.end else None
    if after is not None and (after.pos_ in {"NOUN", "PROPN", "DET", "PRON", "NUM"} or after.tag_ == "VBG"):
        return None  # the dashes separate two parts: removing them would glue the parts together
    return accept(join_tokens(without(sent, range(dashes[0], dashes[1] + 1))))


def drop_parenthetical(sent: Span) -> list[str] | None:
    """Remove short "( ... )" asides (A1-A2): all of them or none, so the items of one list
    ("A (6th), B (8th) and C (10th)") keep or lose their brackets together."""
    doc = sent.doc
    drop: list[int] = []
    for tok in sent:
        if tok.text == "(" and tok.i > sent.start and (not drop or tok.i > drop[-1]):
            close = next((t.i for t in doc[tok.i : sent.end] if t.text == ")"), None)
            if close is None or close - tok.i > 12 or not _droppable(doc[tok.i + 1 : close]):
                return None
            drop.extend(range(tok.i, close + 1))
    return accept(join_tokens(without(sent, drop))) if drop else None


# Marks after which a trailing "according to X" may speak for only part of the sentence.
_SCOPE_MARKS = frozenset({"(", ")", "[", "]", ":", ";", '"', "\u201c", "\u201d"})


def _verbless_last_part(body: list[Token]) -> bool:
    """Is the part after the body's last comma a phrase with no finite verb ("the tests are designed to
    enforce a limit, a level met by only one car")? A trailing "according to X" may vouch for that
    phrase alone; moved to the front it would speak for the whole sentence."""
    commas = [k for k, t in enumerate(body) if t.text == ","]
    if not commas:
        return False
    # the root too: the tagger writes some past verbs as participles ("sales rose" as VBN)
    return not any(t.tag_ in FINITE_TAGS or t.dep_ == "ROOT" for t in body[commas[-1] + 1 :])


def move_attribution(sent: Span) -> list[str] | None:
    """ ", according to X." -> "According to X, ..."; drop ", Reuters reported." (A1-A2)."""
    doc, end = sent.doc, sent.end - 1
    if not doc[end].is_punct:
        return None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < end and doc[tok.i + 1].lower_ == "to":
            if tok.i - 1 <= sent.start or doc[tok.i - 1].text != ",":
                return None
            source = doc[tok.i + 2 : end]
            if any(t.text == "," or t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in source):
                return None  # not a tail: more clauses follow
            body = [t for t in sent if t.i < tok.i - 1]
            if _verbless_last_part(body):
                return None  # "..., a level met by only one car out of 16, according to researchers"
            if body[0].lower_ in {"however", "but", "and", "so"}:
                return None
            if any(t.text in _SCOPE_MARKS for t in sent):
                # "(the guess is 25 %, ..., according to official estimates)": the move took the bracket
                # along; "...: across 33 countries, 37 % do not, according to respondents": the source
                # vouches for the last clause only, not for the sentence it would open
                return None
            return accept(f"According to {source.text}, {uncapitalise(body[0])} {join_tokens(body[1:])}")
    last_verb = doc[end - 1]
    if last_verb.lemma_ == "report" and last_verb.tag_ == "VBD":
        comma = next((t.i for t in reversed(sent[:-2]) if t.text == ","), None)
        if comma is not None and all(t.pos_ in {"PROPN", "DET"} for t in doc[comma + 1 : end - 1]):
            return accept(join_tokens([t for t in sent if t.i < comma]))
    return None
