"""Where the subject and the object phrase of a clause end, when the parse may have put the edge in
the wrong place.

Sentence-role items quote the subject and the object as whole phrases ("'the people' is the
object"); a phrase the parse cut short ("suggested the people on the list", "took warm clothes,
many books and a camera") or ran on into the next clause ("helped the team and curious locals
followed them") would make that claim false, so these checks refuse such clauses."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["object_ends", "semi_modal", "subject_holds"]

# Verbs whose object is followed by where it goes ("put the mice in a box"), and verbs whose object
# is followed by whom it goes to ("sent the letter to her"): there the phrase after the object
# belongs to the verb. After any other verb it may belong to the object ("chose the pupils on the
# list"), and the parse cannot tell.
_PLACING = frozenset({"put", "place", "lay", "pour", "insert", "stick", "hang", "throw", "push", "move"})
_PLACES = frozenset({"in", "into", "on", "onto", "under", "inside"})
_GIVING = frozenset({"give", "send", "hand", "pass", "lend", "sell", "deliver", "return", "offer", "pay"})
_IDENTIFYING = frozenset({"the", "this", "that", "these", "those"})
_NOUN_PHRASE_START = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_TIME_PHRASES = frozenset({"obl:tmod", "obl:npmod", "obl:unmarked"})
# Adverbs of place that also follow a noun as part of it ("powers the streetlights above").
_AFTER_NOUN = frozenset({"above", "below", "nearby", "opposite", "beneath", "underneath", "overhead"})


def object_ends(sent: Span, start: int, end: int, verb: Token) -> bool:
    """The object phrase ``start``..``end`` of ``verb`` surely ends there."""
    doc = sent.doc
    if end >= sent.end or (doc[end].is_punct and doc[end].text != ","):
        return True
    after = doc[end]
    if after.lower_ in _AFTER_NOUN:
        return False  # "the streetlights above": the object may run on
    if after.pos_ in ("VERB", "AUX"):
        return False  # "helped the team and curious locals followed them": part of it is a subject
    if after.pos_ == "ADP":
        lemma = verb.lemma_.lower()
        if (lemma in _PLACING and after.lower_ in _PLACES) or (lemma in _GIVING and after.lower_ == "to"):
            return True
        # "the people on the list": "the" or "these" asks which ones, and a phrase after the noun
        # most often says it; "objections to a bid": a noun of an action takes its own phrase; after
        # "their wheat" it mostly tells where or when.
        return doc[start].lower_ not in _IDENTIFYING and not _action_noun(doc[end - 1])
    if after.lower_ in (",", "and", "or"):
        return _next_clause(sent, end + 1)
    if any(
        t.head.i == verb.i and t.dep_ in _TIME_PHRASES and t.left_edge.i == end for t in doc[end : sent.end]
    ):
        return True  # "signed a young player last week": a phrase of time of the verb
    return after.pos_ not in _NOUN_PHRASE_START  # a second noun phrase: "call him the best"


_ACTION_ENDINGS = ("ion", "ment", "ance", "ence", "ure", "al", "sis")


def _action_noun(noun: Token) -> bool:
    """A noun made from a verb or adjective, which names an action or a relation and so may take a
    phrase of its own ("an objection to", "a decision on", "the importance of"). Nouns that are
    verbs as well ("a name", "light") mostly do not, and are left to the parse."""
    return noun.lemma_.lower().endswith(_ACTION_ENDINGS)


def _next_clause(sent: Span, start: int) -> bool:
    """After "and" or a comma: true unless a noun phrase follows that is no subject of a clause of
    its own ("a dog and a cat", "clothes, many books"); "and Laos is developing ..." is a clause."""
    doc = sent.doc
    words = [t for t in doc[start : sent.end] if t.lower_ not in (",", "and", "or")]
    if not words or words[0].pos_ not in _NOUN_PHRASE_START:
        return True
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)
    while head is not None and head.dep_ in ("compound", "flat", "nummod", "amod") and head.head.i > head.i:
        head = head.head  # "an 18kg camera": up to the noun the words hang on
    return head is not None and head.dep_ in _SUBJECTS


def subject_holds(sent: Span, start: int, end: int) -> bool:
    """The subject phrase ``start``..``end`` is one noun phrase: it does not open with a
    preposition ("Among the 50 million people, 20 million said ...": the parse ran a fronted
    phrase into it) and has a comma only around a phrase naming it again ("Its chef, René
    Redzepi,")."""
    doc = sent.doc
    span = doc[start:end]
    if span[0].pos_ in ("ADP", "CCONJ", "SCONJ"):
        return False  # "But Boer says": the conjunction is no part of the subject
    commas = [t for t in span if t.text == ","]
    return not commas or any(t.dep_ == "appos" for t in span)


# "used to be", "was going to be", "had to give up", "ought to go": the verb is the whole group.
_SEMI_MODALS = frozenset({"use", "go", "have", "ought"})


def semi_modal(root: Token) -> bool:
    """The root is the first word of a verb group like "used to" or "going to", which the parse
    splits: naming "used" alone as the verb would be false."""
    if root.lemma_.lower() not in _SEMI_MODALS:
        return False
    return any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in root.children)
