"""Shorter sentences from a long one, for items: a sentence over :data:`MAX_WORDS` words often holds
a short complete clause with the learner's word ("Sardinia is struggling with high unemployment"
inside a 43-word sentence). Two ways, both checked by the adaptation's edit guard (no part without
subject or finite verb, no dangling word, no lost qualifier such as "not" or "only"), so each
sentence is grammatical and says what the source says:

- :func:`shorter_sentences`: the adaptation's splitting rules (coordinated clauses, relative
  clauses, appositions, participle clauses, semicolons, asides); the voice change (passive to
  active) is not used: it rewrites rather than shortens;
- :func:`clause_around`: the main clause (or a coordinated clause with its own subject) that holds
  the word, without the parts that only add to it: other coordinated clauses, side clauses of time,
  reason or concession ("As the economy falters, ..."; never "if" or "unless", which the claim
  depends on), participle clauses, attributions ("according to ..."), and asides set off by commas,
  dashes or brackets. Never a clause that somebody is reported to say or think without who says
  it: that would state their claim as a fact (with ``reported``, the reporting clause is kept).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vocabsphere.core.adapt.asides import drop_dash_aside, drop_parenthetical
from vocabsphere.core.adapt.guard import QUALIFIERS, edit_problem, loses_words
from vocabsphere.core.adapt.syntax import (
    split_apposition,
    split_coordination,
    split_participle,
    split_relative,
    split_semicolon,
)
from vocabsphere.core.adapt.text_ops import QUOTE_CHARS, QUOTE_MARKS, finish, join_tokens, valid_sentence
from vocabsphere.core.learnables.sentences import word_count
from vocabsphere.core.text.saying import SAYING_LEMMAS
from vocabsphere.core.text.tags import FINITE_TAGS

from .sentences import MAX_WORDS, without_apostrophes

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language
    from spacy.tokens import Span, Token

__all__ = ["before_colon", "clause_around", "shorter_sentences"]

# Tried in this order on each long sentence; the first split the guard accepts is taken.
_SPLITS: tuple[Callable[[Span], list[str] | None], ...] = (
    split_semicolon,
    split_relative,
    split_apposition,
    split_coordination,
    split_participle,
    drop_parenthetical,
    drop_dash_aside,
)
ROUNDS = 3  # a part may need another split ("A, who did B, did C, and D did E")
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # a split that breaks "then-and-now" broke the parse


def _split(nlp: Language, sent: Span) -> list[str] | None:
    """The first rule's parts that pass the edit guard, else None."""
    if any(ch in QUOTE_CHARS for ch in without_apostrophes(sent.text)):
        return None  # reported speech stays whole (as in the adaptation); "doesn\u2019t" is none
    for rule in _SPLITS:
        try:
            parts = rule(sent)
        except (IndexError, ValueError):  # a malformed parse: try the next rule
            continue
        if not parts or parts == [sent.text.strip()]:
            continue
        if any(w not in " ".join(parts) for w in _HYPHENATED.findall(sent.text)):
            continue
        parsed = [nlp(p) for p in parts]
        if not loses_words(sent, *parsed) and edit_problem(sent, *parsed) is None:
            return parts
    return None


def shorter_sentences(nlp: Language, sent: Span, over: int = MAX_WORDS) -> list[str]:
    """The sentences the splitting rules make of ``sent`` when it is over ``over`` words (by
    default :data:`MAX_WORDS`; word order asks the parts of shorter ones too), each at most
    :data:`MAX_WORDS` long (longer parts are left out); [] when no split is sound."""
    if word_count(sent) <= over:
        return []
    texts, changed = [sent.text.strip()], False
    long = {texts[0]: sent}  # parts still over the limit, parsed, as one sentence each
    for _ in range(ROUNDS):
        done: list[str] = []
        for text in texts:
            parts = _split(nlp, long[text]) if text in long else None
            done.extend(parts or [text])
            changed = changed or bool(parts)
            for part in parts or ():
                whole = list(nlp(part).sents)
                if len(whole) == 1 and word_count(whole[0]) > MAX_WORDS:
                    long[part] = whole[0]
        if done == texts:
            break
        texts = done
    return [t for t in texts if t not in long] if changed else []


# Side clauses whose removal leaves the main claim true: time, reason, concession, comparison.
_DROPPABLE_MARKS = frozenset(
    {
        "as",
        "since",
        "because",
        "though",
        "although",
        "while",
        "whereas",
        "after",
        "before",
        "when",
        "once",
        "despite",
    }
)
_SET_OFF = frozenset({",", "-", "\u2013", "\u2014", "(", ")", ";", ":"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})
_OPEN_ENDS = frozenset({"POS", "DT", "IN", "CC", "PRP$", "TO", "WDT", "WP"})
_SAYING = SAYING_LEMMAS


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in verb.children)


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "aux:pass", "cop") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _set_off(sent: Span, first: int, last: int, at_end: bool = False) -> bool:
    """Is tokens ``first``..``last`` a part with a comma, dash or bracket on each side (the
    sentence's start counts as one; its end only when ``at_end``), and none inside?"""
    doc = sent.doc
    before = first == sent.start or doc[first - 1].text in _SET_OFF
    after = doc[last + 1].text in _SET_OFF if last + 1 < sent.end - 1 else at_end
    return before and after and not any(t.text in _SET_OFF for t in doc[first : last + 1])


def _droppable(sent: Span, child: Token) -> bool:
    """A dependent that only adds to the clause: removing it leaves the clause true and whole."""
    words = [t.i for t in child.subtree if not t.is_punct]  # the parse may hang the comma before it on it
    if not words:
        return False
    first, last = min(words), max(words)
    if _dash_tail(sent, child, first, last):
        return True  # "... to life \u2013 this is not the case in many other countries": a second claim
    if any(t.lower_ in QUALIFIERS for t in child.subtree if t.dep_ in ("advmod", "det", "amod")):
        return False  # "only", "not", "allegedly" inside: the part may change what the rest says
    if _introduced(sent, first):
        return False  # "..., for example, sending equipment": the part is what the words introduce
    if child.dep_ == "advcl":
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        if marks:
            return marks[0] in _DROPPABLE_MARKS and _set_off(sent, first, last, at_end=True)
        return child.tag_ in ("VBG", "VBN") and _set_off(sent, first, last, at_end=True)
    if child.dep_ == "parataxis" and _noun_phrase(child):
        # "... from the car park, a place identified by ...": an apposition the parse hung on the
        # verb; like one, it only names again what comes before it
        return first > child.head.i and sent.doc[first - 1].text == "," and _set_off(sent, first, last, True)
    if child.dep_ == "parataxis":  # "..., the astronaut told journalists"
        return child.lemma_ in _SAYING and _set_off(sent, first, last, at_end=True)
    if child.dep_ == "appos" and (child.pos_ not in _NOMINAL or child.tag_.startswith("VB")):
        return False  # "a major concern – Singh points out that, ...": a clause the parse took for a name
    if child.dep_ in ("appos", "acl:relcl"):
        # At the sentence's end only after a comma or dash ("removing the tarmac from the car park,
        # a place found by years of research"): the part then only names or tells more of its noun.
        at_end = first > sent.start and sent.doc[first - 1].text in (",", *_DASHES)
        return first > child.head.i and _set_off(sent, first, last, at_end=at_end)
    if child.dep_ == "obl" and child.doc[first].lower_ == "according":
        return _set_off(sent, first, last, at_end=True)
    return False


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_CLAUSE_PARTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl", "cop", "aux", "aux:pass", "mark"})


def _noun_phrase(head: Token) -> bool:
    """A common noun heading a phrase with no subject, verb or linking word of its own: a name for
    something, not a clause ("a place identified by years of research")."""
    return head.pos_ == "NOUN" and not any(c.dep_ in _CLAUSE_PARTS for c in head.children)


# Words that announce the part after them: without it they are left pointing at nothing.
_INTRODUCERS = frozenset(
    {"example", "instance", "including", "namely", "notably", "especially", "particularly"}
)


def _introduced(sent: Span, first: int) -> bool:
    doc = sent.doc
    before = first - 1
    while before >= sent.start and doc[before].is_punct:
        before -= 1
    return before >= sent.start and doc[before].lower_ in _INTRODUCERS


def _dash_tail(sent: Span, child: Token, first: int, last: int) -> bool:
    """A clause of its own with subject and tense after a dash, to the end of the sentence."""
    doc = sent.doc
    if child.dep_ != "parataxis" or not (_finite(child) and _has_subject(child)) or first <= child.head.i:
        return False
    dash = doc[first] if doc[first].is_punct else doc[first - 1]
    return dash.text in _DASHES and last >= sent.end - 2


def _clause_head(token: Token, reported: bool = False) -> Token | None:
    """The root, or a coordinated clause of the root with its own subject and tense, above ``token``;
    None when the way up passes a reported or subordinate clause ("said that ...", "if ..."). With
    ``reported``, a clause said by the root's subject leads up to the root ("Lee says [the town has
    lost ...]"): the sentence made keeps who says it, so it states no claim as the story's own."""
    node = token
    while True:
        if reported and _said_by_root(node):
            node = node.head
            continue
        if node.dep_ == "ROOT":
            return node if _finite(node) and _has_subject(node) else None
        if node.dep_ == "conj" and node.head.dep_ == "ROOT" and _finite(node) and _has_subject(node):
            return node
        start = node.left_edge.i
        after_colon = start > node.sent.start and node.doc[start - 1].text in (":", ";")
        if node.dep_ == "parataxis" and node.head.dep_ == "ROOT" and after_colon and _finite(node):
            return node if _has_subject(node) else None  # "... her past: she wore a white shawl ..."
        if node.dep_ in ("ccomp", "csubj", "parataxis"):
            return None
        node = node.head


def _said_by_root(node: Token) -> bool:
    """A finite clause with its own subject that the root reports: an active verb of saying, not
    denied, whose subject names a speaker ("Lee says ..."; not "the same cannot be said for Miami,
    where ...", whose "clause" is a slip of the parse)."""
    root = node.head
    if node.dep_ != "ccomp" or root.dep_ != "ROOT" or root.lemma_ not in _SAYING or not _finite(root):
        return False
    if node.left_edge.i <= root.i or any(t.is_punct for t in node.doc[root.i + 1 : node.left_edge.i]):
        return False  # "At a conference, he said, a company ...": what is said must follow the verb whole
    speaker = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    if len(speaker) != 1 or speaker[0].pos_ not in _NOMINAL:
        return False
    if any(c.dep_ in ("aux:pass", "nsubj:pass") or c.lower_ in _DENIALS for c in root.children):
        return False
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass", "expl")), None)
    # a subject after a preposition ("for Miami, where ...") is no subject: the parse slipped
    return _finite(node) and subject is not None and not any(c.dep_ == "case" for c in subject.children)


_DENIALS = frozenset({"not", "n't", "n\u2019t", "never"})


def _without_stray_marks(kept: list[Token]) -> list[Token]:
    """Commas, dashes and brackets that set off a part now gone ("Sardinia, [along with ...], is")."""
    ids = {t.i for t in kept}
    return [t for t in kept if not (t.text in _SET_OFF and (t.i - 1 not in ids or t.i + 1 not in ids))]


def _quotations(sent: Span) -> list[set[int]] | None:
    """The token indices of each quotation (its marks included) in double marks, in pairs; None
    when a mark has no partner in the sentence."""
    marks = [t for t in sent if t.text in QUOTE_MARKS]
    if len(marks) % 2:
        return None
    pairs = list(zip(marks[::2], marks[1::2], strict=True))
    if any(a.text == "\u201d" or b.text == "\u201c" for a, b in pairs):
        return None
    return [set(range(a.i, b.i + 1)) for a, b in pairs]


def clause_around(
    nlp: Language, sent: Span, token: Token, over: int = MAX_WORDS, reported: bool = False
) -> str | None:
    """The shortest clause holding ``token`` that stands as a sentence of its own (see the module
    doc), or None. Only for sentences over ``over`` words (by default :data:`MAX_WORDS`; word order
    asks the clause of shorter ones too); a quotation in double marks
    stays whole or goes whole, and the word is never inside one ("\u201c...,\u201d the senator
    told a rally in Ohio, despite ...": the attribution's clause, with the words said). With
    ``reported``, a word in a clause reported by the root's verb of saying gets that clause with
    who says it ("Lee says the town has lost many teachers[, because ...]")."""
    if word_count(sent) <= over or "\u2018" in sent.text:
        return None
    quoted = _quotations(sent)
    if quoted is None or any(token.i in span for span in quoted):
        return None  # somebody's words are never cut, nor stated as the story's own claim
    head = _clause_head(token, reported)
    if head is None:
        return None
    if head.lemma_ in _SAYING and not any(
        c.dep_ in ("ccomp", "obj") and c.pos_ == "VERB" for c in head.children
    ):
        return None  # "the astronaut told journalists": without what was said, the clause says nothing
    dropped: set[int] = set()
    for node in [head, *head.subtree]:
        if node.i in dropped:
            continue
        for child in node.children:
            clause = child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _has_subject(child)
            if clause or (child.dep_ == "cc" and node is head) or _droppable(sent, child):
                dropped.update(t.i for t in child.subtree)
    if token.i in dropped or head.i in dropped:
        return None
    keep = {t.i for t in head.subtree} - dropped
    if any(0 < len(span & keep) < len(span) for span in quoted):
        return None  # a quotation cut in two, or left without its marks
    kept = _without_stray_marks([t for t in head.subtree if t.i not in dropped])
    while kept and (kept[0].is_punct or kept[0].pos_ == "CCONJ") and kept[0].text not in QUOTE_MARKS:
        kept = kept[1:]  # "but a menu scandal ...": the clause opens at its subject
    if _comma_lost_before_subject(head, kept) or _subject_comma_unpaired(head, kept):
        return None  # "While there are plans for Venice [– ... –] the same ..."; "Sue Lee, of Saga said"
    words = [t for t in kept if not t.is_punct]
    if not words or words[-1].tag_ in _OPEN_ENDS:
        return None  # "... that won Arnold Schwarzenegger's": the parse cut a phrase in two
    if _pair_left_open(words):
        return None  # "not only that it is present" without "but also where it is going"
    text = finish(join_tokens(kept, _aside_to_the_end(sent, kept)))
    if text.count("(") != text.count(")"):
        return None  # "(currently \u201c.com\u201d" without its closing bracket
    bare = text.lstrip("".join(QUOTE_MARKS))  # a quotation may open the sentence
    if bare[:1].islower() or not valid_sentence(bare) or word_count(nlp(text)[:]) > MAX_WORDS:
        return None
    doc = nlp(text)
    if len(list(doc.sents)) != 1 or edit_problem(sent, doc) is not None:
        return None
    return text


def _comma_lost_before_subject(head: Token, kept: list[Token]) -> bool:
    """A part set off by marks was dropped between the words that open the sentence and the
    clause's subject: the mark that ended the opening part went with it, and the sentence would run
    on without the comma it needs."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl")), None)
    if subject is None:
        return False
    doc = head.doc
    start = subject.left_edge.i
    before = [t for t in kept if t.i < start]
    after = [t for t in kept if t.i >= start]
    if not before or not after or before[-1].is_punct or after[0].i == before[-1].i + 1:
        return False
    return any(t.text in _SET_OFF for t in doc[before[-1].i + 1 : after[0].i])


def _subject_comma_unpaired(head: Token, kept: list[Token]) -> bool:
    """One comma left between the subject's first word and its verb: the part it set off lost
    its closing comma with the part dropped after it ("Sue Lee, of Saga[, a firm that ...,] said")."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.i > head.i:
        return False
    return sum(t.text == "," for t in kept if subject.left_edge.i <= t.i < head.i) % 2 == 1


def _aside_to_the_end(sent: Span, kept: list[Token]) -> dict[int, str]:
    """The dash that opens an aside whose closing dash went with the part after it ("jobs – such
    as nurses and dentists – because ...", without "because ..."): the aside now ends the
    sentence and a comma sets it off ("jobs, such as nurses and dentists."), not a dash left
    unpaired. Given as the replacement for :func:`join_tokens`; {} when there is no such dash."""
    ids = {t.i for t in kept}
    doc = sent.doc
    dashes = [t for t in sent if t.text in _DASHES and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_]
    opening = [n for n, t in enumerate(dashes) if t.i in ids]
    if len(opening) != 1 or opening[0] % 2 or opening[0] + 1 >= len(dashes):
        return {}
    dash, closing = dashes[opening[0]], dashes[opening[0] + 1]
    if closing.i in ids or any(i > closing.i and not doc[i].is_punct for i in ids):
        return {}
    if any(doc[i].tag_ in FINITE_TAGS for i in ids if dash.i < i < closing.i):
        return {}  # "to life – this is not the case ...": a clause after a comma would run on
    return {dash.i: ", "}


# The first half of a correlative pair and the words that close it.
_PAIRS = {"either": "or", "neither": "nor", "whether": "or"}


def _pair_left_open(words: list[Token]) -> bool:
    """A kept "not only" / "either" / "neither" (as the parse's pre-conjunction) whose "but" /
    "or" / "nor" was cut with the clause after it."""
    lowers = [t.lower_ for t in words]
    for i, word in enumerate(lowers):
        if word == "not" and lowers[i + 1 : i + 2] == ["only"] and "but" not in lowers[i + 2 :]:
            return True
        if word in _PAIRS and words[i].dep_ == "cc:preconj" and _PAIRS[word] not in lowers[i + 1 :]:
            return True
    return False


# Last words that announce what the colon brings: without it the sentence says nothing.
_ANNOUNCING = frozenset({"following", "follows", "below", "thus", "these", "this", "those"})
# Verbs whose clause a colon ends to bring the words said, asked or written.
_ANNOUNCING_VERBS = _SAYING | {"ask", "warn", "insist", "announce", "declare", "reply", "answer", "state"}


def before_colon(nlp: Language, sent: Span, token: Token) -> str | None:
    """The clause before a colon that brings a list or the details ("His clothes were replaced
    with cheaper ones: shirts (\u20ac9), socks ..." -> "His clothes were replaced with cheaper
    ones."), when it holds the word and ends on a noun, adjective or number (not "as follows:",
    "He said:"); None otherwise, or where a quotation is in the sentence."""
    colons = [t for t in sent if t.text == ":"]
    if len(colons) != 1 or token.i > colons[0].i:
        return None
    kept = [t for t in sent if t.i < colons[0].i]
    if any(ch in QUOTE_CHARS for ch in without_apostrophes(join_tokens(kept))):
        return None  # a quotation before the colon may be cut; one after it goes whole
    words = [t for t in kept if not t.is_punct]
    last = words[-1] if words else None
    if last is None or last.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or last.lower_ in _ANNOUNCING:
        return None
    if any(t.lemma_ in _ANNOUNCING_VERBS for t in words if t.pos_ == "VERB"):
        return None  # "She told her friends: “...”": without the words said, the clause says nothing
    text = finish(join_tokens(kept))
    if not valid_sentence(text) or text.count("(") != text.count(")"):
        return None
    doc = nlp(text)
    if len(list(doc.sents)) != 1 or edit_problem(sent, doc) is not None:
        return None
    return text
