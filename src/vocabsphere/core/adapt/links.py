"""Links read on the parse: which neighbouring sentence a sentence only makes sense with.

``coherence`` reads the words a sentence opens with; some links show only in the parse. A sentence
opening with the conjunction "for" ("For the lake does not freeze ...") gives the reason for the
sentence before; ", however," sets a sentence against the one before wherever it stands ("Less
useful, however, were the maps"); an "it" or "them" that nothing before it in the sentence can name
("Walkers can help themselves to it", "Using filters, it traps ...") names something the sentence
before told of; and an imperative opening a paragraph ("Forget noisy buses.") teases what the next
sentence tells.
``parsed_links`` returns, per sentence, the neighbours it needs.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = ["parsed_links"]

_QUOTE_OPENERS = "'\"‘“"
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Objects a pronoun cannot take from its own clause's subject ("The public can help themselves to
# it": "it" is not "the public"); reflexives and possessives can ("Owners retrieve their bikes").
_OBJECT_PRONOUNS = frozenset({"it", "them"})
_OBJECTS = frozenset({"obj", "iobj", "obl"})
_BEFORE_COMMANDS = frozenset({"ADV", "CCONJ", "PUNCT", "INTJ"})
_NOT_COMMANDS = frozenset({"nsubj", "nsubj:pass", "expl", "aux", "aux:pass", "mark"})
_CLAUSE_AFTER = frozenset({"xcomp", "ccomp", "csubj"})  # "find it hard to ...": "it" points forward


def _reason_for(doc: Doc) -> bool:
    """Does ``doc`` open with the conjunction "for" ("For the lake does not freeze"), not the
    preposition ("For the lake, it was a bad year")? The conjunction is read as marking the subject."""
    words = [t for t in doc if not t.is_punct]
    if len(words) < 2 or words[0].lower_ != "for":
        return False
    noun = words[0].head
    after = noun.right_edge.i + 1
    if after >= len(doc) or doc[after].is_punct or doc[noun.i + 1].is_punct:
        return False  # "For 14 years, ...": a phrase set off by its comma
    if noun.dep_ in _SUBJECTS:
        return True
    # Parsed as a phrase ("For the ferry" obl) right before a finite verb that has no subject of its own
    verb = noun.head
    return (
        noun.dep_ == "obl"
        and doc[after].tag_ in FINITE_TAGS
        and not any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in verb.children)
    )


def _however_inside(doc: Doc) -> bool:
    """Does ``doc`` set itself against the sentence before with ", however," after its first word
    (before any ";", after which it may set one half of the sentence against the other)?"""
    for tok in doc:
        if tok.text == ";":
            return False
        if tok.lower_ == "however" and tok.i > 0 and doc[tok.i - 1].text == ",":
            return tok.i + 1 >= len(doc) or doc[tok.i + 1].is_punct
    return False


def _unbound_pronoun(doc: Doc) -> bool:
    """Is there an "it"/"them" that nothing before it in the sentence can name? An object's only
    nominals before it are its own clause's subject (and reflexives); a subject "it" has before it
    only a participle clause whose understood subject it is ("Using filters, it traps ...")."""
    for tok in doc:
        if tok.lower_ not in _OBJECT_PRONOUNS or tok.i == 0 or tok.text == "It":
            continue  # "We Can Do It, a pale ale": a title's word
        verb = tok.head
        if verb.lemma_ == "make" and tok.lower_ == "it":
            continue  # "made it into the top 100": arrived, no thing named
        if tok.dep_ in _OBJECTS:
            outside = {c for c in verb.children if c.dep_ in _SUBJECTS}
        elif tok.dep_ == "nsubj" and tok.lower_ == "it":
            outside = {c for c in verb.children if c.dep_ == "advcl" and c.i < tok.i and _subjectless(c)}
            if not outside:
                continue  # "It is ...", "But it ...": the openings ``coherence`` reads
        else:
            continue
        if any(c.dep_ in _CLAUSE_AFTER and c.i > tok.i and c.pos_ != "NOUN" for c in verb.children):
            continue  # "made it clear that ...", "find it hard to ...": "it" is the clause after
            # ("We call it a living container": a noun after "it" names the thing, told before)
        hidden = {t.i for c in outside for t in c.subtree}
        before = [
            t
            for t in doc[: tok.i]
            if t.pos_ in _NOMINALS and t.i not in hidden and not t.lower_.endswith(("self", "selves"))
        ]
        if not before:
            return True
    return False


def _subjectless(verb: Token) -> bool:
    """A participle clause with no subject of its own ("Using filters, ...")."""
    return verb.tag_ in {"VBG", "VBN"} and not any(c.dep_ in _SUBJECTS for c in verb.children)


def _imperative(doc: Doc) -> bool:
    """Is ``doc`` a command ("Forget noisy buses.", "And just look at the sea."): its main verb, in
    the base form with no subject and no auxiliary, opens it (after a conjunction or an adverb)?"""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].tag_ != "VB":
        return False
    if any(t.pos_ not in _BEFORE_COMMANDS for t in doc[: roots[0].i]):
        return False  # "On a cold day, a couple sit ...": a subject the parse missed
    return not any(c.dep_ in _NOT_COMMANDS for c in roots[0].children)


def parsed_links(units: Sequence[Unit], docs: Sequence[Doc]) -> list[frozenset[int]]:
    """Per sentence, the neighbours it needs, read on the parses ``docs``."""
    out: list[frozenset[int]] = []
    for i, (unit, doc) in enumerate(zip(units, docs, strict=True)):
        needed: set[int] = set()
        next_same = i + 1 < len(units) and units[i + 1].paragraph == unit.paragraph
        first_of_paragraph = i == 0 or units[i - 1].paragraph != unit.paragraph
        leans = i > 0 and (_reason_for(doc) or _however_inside(doc))
        quoted = unit.text[:1] in _QUOTE_OPENERS
        # An unbound "it" names what the sentence before told of, in the paragraph before too: '"We
        # call it a living container," says Boer.' or "Its founder launched it in 2019" opening one
        if leans or (i > 0 and _unbound_pronoun(doc)):
            needed.add(i - 1)
        if next_same and first_of_paragraph and not quoted and _imperative(doc):
            needed.add(i + 1)
        out.append(frozenset(needed))
    return out
