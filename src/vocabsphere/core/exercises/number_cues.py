"""Words of the sentence that decide a noun's number or a verb's base form, beyond the word cues of
:mod:`.word_forms` ("many", "a", a plural verb): each returns the reason a learner can check, or
None when the sentence leaves the form open.

- plural after a number of two or more written in digits ("300 prisoners"), after "one of the"
  ("one of the best players"), "each / both / either / neither / several / many / few of the"
  ("each of the players") and after "a/the number of" ("a number of farmers");
- singular after "one" ("one prisoner");
- the base form of a verb after a modal ("can throw"), after "do/does/did" ("did not mix") and
  after "to" ("tried to throw").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["base_form_reason", "plural_reason", "singular_reason"]

_DIGITS = re.compile(r"\d{1,3}(,\d{3})*|\d+")
_BETWEEN = frozenset({"ADJ", "ADV", "DET"})  # "one of the best ___", "300 new ___"


def _only_modifiers(token: Token, start: int) -> bool:
    """Only adjectives, adverbs, determiners or possessives ("one of our ___") between position
    ``start`` and the noun."""
    return all(
        (t.pos_ in _BETWEEN or t.tag_ == "PRP$") and t.is_alpha for t in token.doc[start + 1 : token.i]
    )


def _number_before(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "nummod" and c.i < token.i), None)


# Words that pick from a plural ("each of the players", "both of our sons"); not "all", "some",
# "most", "none" or "any", which take an uncountable noun as well ("most of the water").
_PART_OF_MANY = frozenset({"each", "both", "either", "neither", "several", "many", "few"})
_OF_DETERMINERS = frozenset({"the", "my", "our", "their", "his", "her", "your", "these", "those"})


def plural_reason(token: Token) -> str | None:
    """Why a plural noun (NNS) must be plural here, or None."""
    said = token.lower_
    number = _number_before(token)
    digits = number is not None and _DIGITS.fullmatch(number.text) and _only_modifiers(token, number.i)
    if number is not None and digits and int(number.text.replace(",", "")) >= 2:
        return f"After the number \u2018{number.text}\u2019 the noun is plural: \u2018{said}\u2019."
    of = next((c for c in token.children if c.dep_ == "case" and c.lower_ == "of"), None)
    head = token.head
    if of is None or token.dep_ != "nmod" or head.i != of.i - 1 or not _only_modifiers(token, of.i):
        return None
    one = head.lower_ == "one" and head.tag_ == "CD"
    if (one or head.lower_ in _PART_OF_MANY) and token.doc[of.i + 1].lower_ in _OF_DETERMINERS:
        return (
            f"After \u2018{head.lower_} of {token.doc[of.i + 1].lower_}\u2019 the noun is plural: "
            f"\u2018{said}\u2019."
        )
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if head.lower_ == "number" and det is not None and det.lower_ in ("a", "the") and det.i == head.i - 1:
        return f"After \u2018{det.lower_} number of\u2019 the noun is plural: \u2018{said}\u2019."
    return None


def singular_reason(token: Token) -> str | None:
    """Why a singular noun (NN) must be singular here ("one prisoner"), or None."""
    number = _number_before(token)
    if number is None or number.lower_ not in ("one", "1") or not _only_modifiers(token, number.i):
        return None
    return f"After \u2018{number.text}\u2019 the noun is singular: \u2018{token.lower_}\u2019."


def base_form_reason(token: Token) -> str | None:
    """Why a verb in its base form (VB) takes that form: a modal, "do" or "to" before it."""
    said = token.lower_
    aux = [c for c in token.children if c.dep_ == "aux" and c.i < token.i]
    if aux:
        last = aux[-1]
        between = token.doc[last.i + 1 : token.i]
        if any(t.dep_ != "advmod" or t.head.i != token.i for t in between):
            return None  # "Can the children throw ...?": the subject between; left out
        shown = _with_negation(last, token)
        if last.tag_ == "MD":
            without = "without \u2018to\u2019"
            return f"After \u2018{shown}\u2019 a verb takes its base form, {without}: \u2018{said}\u2019."
        if last.lemma_.lower() == "do" and last.tag_ in ("VBD", "VBZ", "VBP"):
            return f"After \u2018{shown}\u2019 a verb takes its base form: \u2018{said}\u2019."
        return None
    to = token.doc[token.i - 1] if token.i > token.sent.start else None
    if to is not None and to.tag_ == "TO" and to.dep_ == "mark" and to.head.i == token.i:
        return f"After \u2018to\u2019 a verb takes its base form: \u2018to {said}\u2019."
    return None


def _with_negation(aux: Token, verb: Token) -> str:
    """The auxiliary as written, with a "not" right after it ("did not", "can't")."""
    doc = aux.doc
    end = aux.i + 1
    while end < verb.i and doc[end].lower_ in ("not", "n't", "n\u2019t"):
        end += 1
    return str(doc[aux.i : end].text)
