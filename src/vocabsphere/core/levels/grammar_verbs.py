"""Verb-group analysis shared by the grammar detectors.

A verb group is a lexical verb (or a copular predicate) with its auxiliaries, e.g.
"has been deepening". Its *shape* is a tuple of coarse categories such as
``("HAVE_PRES", "BEEN", "VBG")`` that the tense, voice and modal detectors match on.
Auxiliaries come from the parse (aux, aux:pass, cop) but are only accepted when their word
form is a real auxiliary: closed-class word lists are more reliable than a statistical parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_words import (
    AUX_DEPS,
    BE_FORMS,
    EN_PARTICIPLES,
    SUBJ_DEPS,
    adjectival,
    aux_word,
    category,
    is_question,
    low,
    verb_category,
)


@dataclass(frozen=True)
class VerbGroup:
    """A lexical verb or copular predicate with its auxiliaries."""

    head: Token
    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    shape: tuple[str, ...]
    copular: bool

    @property
    def start(self) -> int:
        return self.tokens[0].i

    @property
    def end(self) -> int:
        return self.tokens[-1].i + 1

    @property
    def first(self) -> str:
        return self.words[0]

    @property
    def modal(self) -> str | None:
        return self.words[0] if self.shape[0] in ("WILL", "MODAL") else None

    @property
    def passive(self) -> bool:
        return (
            not self.copular
            and len(self.shape) > 1
            and self.shape[-1] == "VBN"
            and (self.shape[-2] in ("BE_PRES", "BE_PAST", "BE", "BEEN", "BEING"))
        )

    @property
    def infinitival(self) -> bool:
        return any(c.dep_ == "mark" and low(c) == "to" for c in self.head.children)

    @property
    def has_subject(self) -> bool:
        head = self.head
        if any(c.dep_ in SUBJ_DEPS for c in head.children) or past_tense_on_noun(head):
            return True
        # coordinated verbs share the first verb's subject: "rose and fell"
        return head.dep_ == "conj" and any(c.dep_ in SUBJ_DEPS for c in head.head.children)


def _auxiliaries(head: Token) -> list[Token]:
    """Auxiliaries/copula before ``head``, also those the parser hung on another auxiliary."""
    found: list[Token] = []
    todo = [head]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in AUX_DEPS and child.i < head.i:
                found.append(child)
                todo.append(child)
    if not found:
        found = _copula_after_fronted(head)
    return sorted(found, key=lambda t: t.i)


# Predicates that stand before their copula: "What is ...?", "How are you?", "Here's a tip",
# "what it is", "how hard it is".
_FRONTED_WORDS = frozenset({"here", "there", "what", "how", "who", "where", "which", "whose"})


def _copula_after_fronted(head: Token) -> list[Token]:
    """The copula of a predicate that the question word or 'here' puts before it."""
    fronted = low(head) in _FRONTED_WORDS or any(
        c.dep_ == "advmod" and low(c) == "how" and c.i == head.i - 1 for c in head.children
    )
    if not fronted or head.pos_ not in ("ADV", "PRON", "ADJ", "SCONJ"):
        return []
    cops = [c for c in head.children if c.dep_ == "cop" and c.i > head.i]
    if len(cops) != 1 or _participle_after(cops[0]):
        return []
    return cops


def _participle_after(cop: Token) -> bool:
    """ "How are things going?", "What is this tune called?": the 'copula' is an auxiliary of
    a participle after its subject, which the parse hung elsewhere."""
    for tok in cop.doc[cop.i + 1 : cop.sent.end]:
        if tok.pos_ in ("DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM", "ADV", "PART"):
            continue
        return tok.tag_ in ("VBG", "VBN")
    return False


def looks_like_verb(tok: Token) -> bool:
    """A verb, or a 3rd-person -s verb the tagger took for a plural noun ("it rains")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.tag_.startswith("VB") and tok.pos_ in ("ADJ", "NOUN") and not low(tok).endswith("er"):
        return True  # "had already left" with 'left' given ADJ but a verb tag
    return tok.tag_ == "NNS" and any(
        c.dep_ == "nsubj" and c.i < tok.i and low(c) in ("he", "she", "it") for c in tok.children
    )


def _head_category(head: Token, bare: bool, prev: str | None) -> str:
    if head.pos_ == "NOUN":
        return "V_PRES"  # only reached for "it rains"-type mis-tags (see looks_like_verb)
    cat = verb_category(head)
    if cat == "V_PAST" and prev is not None and prev.startswith(("HAVE", "BE")):
        return "VBN"  # after have/be a -ed form is a participle: VBD/VBN confusion
    if (
        cat == "VBN"
        and bare
        and any(c.dep_ == "nsubj" and c.i < head.i and not _after_with(c) for c in head.children)
    ):
        return "V_PAST"  # a participle cannot have a subject without an auxiliary: VBD mis-tag
    if cat == "VBN" and bare and past_tense_on_noun(head):
        return "V_PAST"  # "the corporation built a plant": the parse made the past a participle
    if cat == "VB" and bare and _present_subject(head):
        return "V_PRES"  # "The civilians only know how ...": VBP given the base-form tag VB
    return cat


_PLURAL_SUBJECTS = frozenset({"i", "you", "we", "they", "these", "those"})
# "demanded that Israel leave": a base form after these is a subjunctive, not a present
MANDATIVE_VERBS = frozenset(
    {"demand", "insist", "suggest", "recommend", "require", "ask", "propose", "urge", "request"}
)


def _present_subject(head: Token) -> bool:
    """A base-form verb with its own plural or I/you subject before it, no 'to' and no
    mandative verb above it: the tagger's VB for a present-tense VBP."""
    if any(c.dep_ == "mark" and low(c) == "to" for c in head.children):
        return False
    if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in MANDATIVE_VERBS:
        return False
    if head.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "obj" for c in head.head.children):
        return False  # "made them leave", "let us go": a bare infinitive after an object
    subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
    return any(_plural_subject(s) for s in subjects)


# Quantifiers that make a plural subject: "Many of the Iraqis ... relate", "Some countries promote".
_PLURAL_QUANTIFIERS = frozenset({"many", "some", "both", "few", "several", "most", "all"})


def _plural_subject(subject: Token) -> bool:
    """A plural subject: a plural noun or pronoun, a quantifier, two coordinated nouns
    ("Google and Amazon create"), or a relative pronoun whose noun is plural ("links that
    strongly indicate")."""
    if low(subject) in _PLURAL_SUBJECTS or subject.tag_ in ("NNS", "NNPS"):
        return True
    if low(subject) in _PLURAL_QUANTIFIERS and subject.pos_ in ("PRON", "DET", "ADJ", "NOUN"):
        return True
    if subject.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in subject.children
    ):
        return any(c.dep_ == "cc" and low(c) == "and" for c in subject.subtree)
    if low(subject) in ("that", "who", "which") and subject.head.dep_ == "acl:relcl":
        noun = subject.head.head
        return noun.tag_ in ("NNS", "NNPS") and noun.i < subject.i
    return False


def past_tense_on_noun(verb: Token) -> bool:
    """A past form the parse hung on the noun before it as a participle ("the Coca-Cola
    corporation built a bottling plant"): followed by its own object, with that noun heading
    the sentence, it is the sentence's past-tense verb and the noun its subject."""
    noun, doc = verb.head, verb.doc
    if verb.dep_ != "acl" or noun.i != verb.i - 1 or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ != "ROOT" or low(verb) in EN_PARTICIPLES or not low(verb).isalpha():
        return False
    nxt = doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    return (
        nxt is not None
        and nxt.pos_ in ("DET", "PRON", "NUM")
        and any(c.dep_ == "obj" and c.i > verb.i for c in verb.children)
    )


def _contiguous(chain: list[Token]) -> bool:
    """Auxiliaries and verb may only be separated by adverbs/'not' (or a subject in questions)."""
    allowed = {"ADV", "PART"}
    if is_question(chain[0].sent):
        allowed |= {"PRON", "NOUN", "PROPN", "DET", "ADJ"}
    for left, right in pairwise(chain):
        gap = chain[0].doc[left.i + 1 : right.i]
        if len(gap) > 4 or any(tok.pos_ not in allowed for tok in gap):
            return False
    return True


def _after_with(subject: Token) -> bool:
    """ "with no link provided": an absolute participle construction, not a finite clause."""
    left = subject.left_edge
    return left.i > 0 and low(left.doc[left.i - 1]) in ("with", "without")


# Only the first auxiliary of a group is finite; later ones are be/have forms (or passive 'get'):
# "might have been", never "have had are made" (a misparse of "experiences we have had are made").
_LATER_AUXILIARIES = frozenset(
    {"be", "been", "being", "have", "having", "'ve", "get", "got", "gotten", "getting", "to"}
)


def _possible_auxiliaries(auxes: list[Token]) -> bool:
    return all(low(tok) in _LATER_AUXILIARIES for tok in auxes[1:])


def verb_group(head: Token) -> VerbGroup | None:
    """The verb group headed by ``head`` (a verb or copular predicate), or None."""
    if head.dep_ in AUX_DEPS:
        return None
    auxes = _auxiliaries(head)
    # a 'cop' on a verb ("will be lying") is a parser error for a progressive auxiliary ...
    copular = head.pos_ != "VERB" and any(c.dep_ == "cop" for c in auxes)
    # ... and be + adjectival participle ("was boring", "is interested") is copular
    if not copular and auxes and low(auxes[-1]) in BE_FORMS and adjectival(head):
        copular = True
    if not copular and not looks_like_verb(head):
        return None
    chain = auxes if copular else [*auxes, head]
    if not chain or not _contiguous(chain) or not _possible_auxiliaries(auxes):
        return None
    words: list[str] = []
    shape: list[str] = []
    for k, tok in enumerate(chain):
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        if tok.i == head.i:
            words.append(head.lemma_.lower())
            shape.append(_head_category(head, bare=len(chain) == 1, prev=shape[-1] if shape else None))
            continue
        word = aux_word(tok, nxt)
        if word is None:  # a mislabelled "auxiliary": do not guess
            return None
        shape.append(category(word, words[-1] if words else None))
        words.append(word)
    return VerbGroup(head, tuple(chain), tuple(words), tuple(shape), copular)


def verb_groups(sent: Span) -> list[VerbGroup]:
    """All verb groups of a sentence, in order (found once per sentence while ``one_parse`` is on)."""
    memo = _GROUPS.get()
    key = (sent.start, sent.end)
    if memo is not None and key in memo:
        return list(memo[key])
    groups = [g for g in (verb_group(tok) for tok in sent if tok.dep_ not in AUX_DEPS) if g is not None]
    if memo is not None:
        memo[key] = tuple(groups)
    return groups


# The verb groups of each span of the Doc being read (the tense, voice and modal detectors all ask
# for a sentence's groups): set only while one Doc is read, which its spans' positions name.
_GROUPS: ContextVar[dict[tuple[int, int], tuple[VerbGroup, ...]] | None] = ContextVar(
    "verb_groups", default=None
)


@contextmanager
def one_parse() -> Iterator[None]:
    """Within this block, ``verb_groups`` reads each span once: every span asked for is of one
    Doc, whose parse does not change meanwhile."""
    token = _GROUPS.set({})
    try:
        yield
    finally:
        _GROUPS.reset(token)
