"""A noun's number as its verb decides it: the subject of "are", "were", "have" or a verb without
-s is plural ("experts believe"), of "is", "was", "has" or an -s verb singular ("the price has
risen"), and "there are" / "there is" decide the noun after them; never for subjects joined by
"and", whose verb's number is the whole list's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["coordinated", "plural_by_verb", "shown_number", "singular_by_verb", "there_be"]


def coordinated(subject: Token, verb: Token) -> bool:
    """A subject joined to others ("Tom and Mary"; "changes, advances, and concerns are"): the
    verb's number is the whole list's, so it says nothing of this noun's."""
    if subject.dep_ == "conj" or any(c.dep_ == "conj" for c in subject.children):
        return True
    # "..., and poor conditions are": an "and" right before the subject; not a "But" opening the sentence
    start = subject.left_edge.i
    return any(c.dep_ == "cc" and c.i == start - 1 and c.i > verb.sent.start for c in verb.children)


_SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
_PLURAL_VERBS = frozenset({"are", "were", "have", "do"})


def shown_number(verb: Token) -> str:
    """ "sg" or "pl" when the finite verb shows its subject's number ("sells", "are"), else ""."""
    if verb.lower_ in _SINGULAR_VERBS or verb.tag_ == "VBZ":
        return "sg"
    if verb.lower_ in _PLURAL_VERBS or (verb.tag_ == "VBP" and verb.lower_ != "am"):
        return "pl"
    return ""


def plural_by_verb(token: Token) -> Token | None:
    """The subject of a verb whose form is plural ("experts believe", "prices were"): the noun must be."""
    first = finite_of_subject(token, passive=True)
    return first if first is not None and shown_number(first) == "pl" else None


def there_be(token: Token, plural: bool) -> Token | None:
    """ "there are" before a plural subject, "there is" before a singular one ("There are many
    _____ to visit"), with only determiners, numbers, adjectives or adverbs between; not a
    subject joined to another ("there is a cat and a dog")."""
    verb = token.head
    be = next((c for c in verb.children if c.dep_ == "cop"), verb)
    there = next((c for c in verb.children if c.dep_ == "expl" and c.lower_ == "there"), None)
    if token.dep_ != "nsubj" or there is None or not there.i + 1 == be.i < token.i:
        return None
    if any(c.dep_ == "conj" for c in token.children):
        return None
    if any(t.pos_ not in ("DET", "NUM", "ADJ", "ADV") for t in token.doc[be.i + 1 : token.i]):
        return None
    return be if be.lower_ in (("are", "were") if plural else ("is", "was")) else None


def singular_by_verb(token: Token) -> Token | None:
    """The subject of a verb whose form is singular ("the price has risen", "the bridge was
    closed"): a plural noun would need "have" or "were". Between the noun and the verb only the
    noun's own phrase ("the price of the tickets has") or an adverb of the verb."""
    first = finite_of_subject(token, passive=True)
    if first is None or shown_number(first) != "sg":
        return None
    own = {t.i for t in token.subtree}
    if any(t.i not in own and t.pos_ != "ADV" for t in token.doc[token.i + 1 : first.i]):
        return None
    return first


def finite_of_subject(token: Token, passive: bool = False) -> Token | None:
    """The first finite word (auxiliary, "be" or the verb) of the verb the noun is the subject
    of, with the noun before it; None for a subject joined to others or of an object clause."""
    roles = ("nsubj", "nsubj:pass") if passive else ("nsubj",)
    if token.dep_ not in roles or token.i > token.head.i or token.head.dep_ == "xcomp":
        return None  # "helping prisoners fit back": "fit" has no number of its own
    verb = token.head
    if coordinated(token, verb):
        return None
    auxiliaries = ("aux", "cop", "aux:pass") if passive else ("aux", "cop")
    finite = [c for c in verb.children if c.dep_ in auxiliaries and c.i > token.i] or [verb]
    return min(finite, key=lambda t: t.i)
