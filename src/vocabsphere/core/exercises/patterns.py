"""Sentence patterns: find the subject, the verb and the object; put the phrases of a sentence in order.

Both are made only from plain clauses the parse is sure of: a main verb with a subject and an object
(no second clause), each part one unbroken phrase. Both allow adverbials before the subject or
after the object ("In 2013, they found new bacteria"); ordering leaves them in place in the gapped
sentence (they could move) and asks only the subject, verb and object, and needs a subject pronoun
("they", not "them"), an object pronoun ("them", "him") or a verb that agrees with the subject and
not with the object ("The company sells cars"), so that no other order of the phrases is also
English ("The cat chased the dog" / "The dog chased the cat").

Where the main clause gives no sure part holding the learner's word, the clause inside the sentence
that holds it is used (what was said, an adverbial clause, a second clause after "and" or "but"),
quoted in the prompt and the explanation; a clause with "be" before an adjective, a noun or a
name gives its subject and verb for roles (what follows "be" is no object, and is not asked).
Else a noun in the object of a verb without a subject of its own ("decided to close the old
library", "by selling her old car") is asked as that verb's object, the part quoted.
"""

from __future__ import annotations

import hashlib
import random
from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from vocabsphere.core.levels import GRAMMAR_POINTS
from vocabsphere.core.lexicon.lookup import Lexicon

from .model import ExerciseItem, ExerciseKind, PatternRef
from .phrase_edges import object_ends, semi_modal, subject_holds
from .slots import CLAUSE_VERBS, gapped
from .tag_doubts import modifier_taken_for_verb
from .verb_number import shown_number

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The clause parts and word lists below are shared with ``clause_order`` (word order over a whole sentence).
__all__ = [
    "LINKING_VERBS",
    "MEASURES",
    "OBJECT_PRONOUNS",
    "SUBJECT_PRONOUNS",
    "degree_phrase",
    "fixed_object",
    "passive_group_holds",
    "passive_point",
    "sentence_role_item",
    "subject_span",
    "takes_plural_verb",
    "two_objects",
    "verb_group_holds",
    "word_order_item",
]

SVO = PatternRef("subject_verb_object", "A1")
SVC = PatternRef("subject_verb_complement", "A1")  # "be" + adjective or noun; not a catalogue point either
_ROLES = ("subject", "verb", "object")
_CLAUSE_DEPS = frozenset({"nsubj", "aux", "obj", "punct"})
_ADVERBIALS = frozenset({"obl", "advmod", "obl:tmod", "obl:npmod"})
OBJECT_PRONOUNS = frozenset({"me", "him", "us", "them"})  # "her" is a determiner as well
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})
_MAX_PART_WORDS = 8


def _phrase(token: Token) -> tuple[int, int] | None:
    """The token's subtree as one unbroken span, or None."""
    ids = sorted(t.i for t in token.subtree)
    if ids[-1] - ids[0] + 1 != len(ids) or len(ids) > _MAX_PART_WORDS:
        return None
    return ids[0], ids[-1] + 1


def _clause(
    sent: Span, adverbials: bool = False
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """(subject, verb group, object) spans of a plain S-V-O sentence, in that order, else None.
    ``adverbials``: the clause may also have adverbials ("in 2013", "now") before the subject or
    after the object: they change no role, but they could move, so orders are not fixed then."""
    root = sent.root
    allowed = _CLAUSE_DEPS | (_ADVERBIALS if adverbials else frozenset())
    if root.pos_ != "VERB" or {c.dep_ for c in root.children} - allowed:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    objects = [c for c in root.children if c.dep_ == "obj"]
    if len(subjects) != 1 or len(objects) != 1 or degree_phrase(objects[0]):
        return None
    if any(t.dep_ == "case" and t.pos_ == "ADP" and t.lower_ != "of" for t in objects[0].subtree):
        return None  # "threaten sheep in many parts of Europe": the phrase may tell where, not what
    subject, obj = _phrase(subjects[0]), _phrase(objects[0])
    auxiliaries = [c for c in root.children if c.dep_ == "aux"]
    if not verb_group_holds(root, auxiliaries):
        return None  # "Some wealthy Nepali have tiger heads": "tiger" taken for the verb
    if obj is not None and sent.doc[obj[1] - 1].pos_ == "ADJ":
        return None  # "considers this research essential": the adjective is no part of the object
    if any(t.dep_ in ("nsubj", "nsubj:pass") or _clause_verb(t) for t in objects[0].subtree):
        return None  # a clause inside the object ("allows people to chew the leaves"): not one phrase
    aux = [c.i for c in auxiliaries]
    verb = (min([root.i, *aux]), root.i + 1)
    if subject is None or obj is None or subject[1] != verb[0] or verb[1] != obj[0]:
        return None
    if not subject_holds(sent, *subject) or not object_ends(sent, *obj, root):
        return None  # the parse may have cut a phrase short or run it on
    if adverbials:
        outside = [c for c in root.children if c.dep_ in _ADVERBIALS]
        if any(subject[0] <= c.i < obj[1] for c in outside):
            return None  # inside the clause ("have also found"): the verb group is broken
        covered = {i for c in outside for i in range(c.left_edge.i, c.right_edge.i + 1)}
        rest = [i for i in range(sent.start, sent.end) if not subject[0] <= i < obj[1] and i not in covered]
        if any(sent.doc[i].pos_ != "PUNCT" for i in rest):
            return None
    elif any(sent.doc[i].pos_ != "PUNCT" for i in range(obj[1], sent.end)) or subject[0] != sent.start:
        return None
    if any(t.dep_ in ("conj", "acl:relcl", "ccomp", "advcl") for t in sent):
        return None
    return subject, verb, obj


# "has improved a lot", "changed a little": a phrase of degree, though the parse makes it the object.
_DEGREE_NOUNS = frozenset({"lot", "bit", "little", "deal"})


def degree_phrase(obj: Token) -> bool:
    return obj.lower_ in _DEGREE_NOUNS and any(c.dep_ == "det" and c.lower_ == "a" for c in obj.children)


def _clause_verb(token: Token) -> bool:
    """A verb of its own clause inside a phrase: one with "to" ("allows people to chew the leaves")
    or a tense; a participle is not ("mixed reactions", "a charity called ...", "for opening a jar")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ == "mark" and c.lower_ == "to" for c in token.children
    )


def verb_group_holds(root: Token, auxiliaries: list[Token]) -> bool:
    """The main verb has the form its last auxiliary asks for: a participle after "have", a
    participle or -ing form after "be", the base form after "do" or a modal."""
    if "VERB" not in getAllLemmas(root.lower_):
        return False  # "tiger" is no verb, whatever the tag says
    if not auxiliaries:
        return root.tag_ in ("VBD", "VBZ", "VBP")
    last = auxiliaries[-1]
    wanted = {"have": ("VBN",), "be": ("VBG", "VBN"), "do": ("VB",)}.get(last.lemma_.lower(), ("VB",))
    return root.tag_ in wanted


def _text(sent: Span, span: tuple[int, int]) -> str:
    return str(sent.doc[span[0] : span[1]].text)


def _shown(sent: Span, span: tuple[int, int]) -> str:
    """A part as quoted to the learner, without the comma that closes an aside ("..., Anitta,") nor
    the quotation mark that opens what someone said (\u201cThe modern prison service ...)."""
    text = _text(sent, span).rstrip(" ,")
    if text.startswith("\u201c") and text.count("\u201c") > text.count("\u201d"):
        text = text[1:]  # its pair is outside the part; "an \u201catlas of it\u201d" keeps both
    if text.endswith("\u201d") and text.count("\u201d") > text.count("\u201c"):
        text = text[:-1]
    return text.strip()


def _object_holds(obj: Token) -> bool:
    """An object phrase the parse is sure of: no phrase in it that may tell where or when ("threaten
    sheep in many parts of Europe"), no adjective at its end ("considers this research essential"),
    no clause inside."""
    if any(t.dep_ == "case" and t.pos_ == "ADP" and t.lower_ != "of" for t in obj.subtree):
        return False
    if obj.doc[obj.right_edge.i].pos_ == "ADJ":
        return False
    if obj.pos_ == "NOUN" and "NOUN" not in getAllLemmas(obj.lower_):
        return False  # "users aged over 12 admit that ...": a verb taken for the object's noun
    if any(t.dep_.endswith(_TIME_DEPS) or t.tag_.startswith("W") for t in obj.subtree):
        return False  # "doing three sessions a week": "a week" says how often; "how brains work": a clause
    if any(_verb_only(t) for t in obj.subtree):
        return False  # "to reject pessimism and interact with ...": a verb read as a second noun
    if obj.left_edge.pos_ in ("CCONJ", "ADP", "SCONJ") or two_objects(obj):
        return False  # "to copy and store software", "to give their children money": no one phrase
    if obj.lemma_.lower() in MEASURES and _bare_number(obj):
        return False  # "to fall one metre", "rose 5 percent": how far or how much, not what
    return not any(t.dep_ in ("nsubj", "nsubj:pass") or t.pos_ in ("VERB", "AUX") for t in obj.subtree)


_TIME_DEPS = (":unmarked", ":tmod", ":npmod")  # a bare noun phrase of time or measure ("a week")
# Units of measure: a number of them after a verb says how far, how long or how much.
MEASURES = frozenset(
    {"metre", "meter", "kilometre", "kilometer", "km", "mile", "foot", "feet", "inch", "yard", "percent"}
    | {"degree", "second", "minute", "hour", "day", "week", "month", "year", "time", "point", "place"}
)


def _bare_number(noun: Token) -> bool:
    """A number before the noun and no determiner: "one metre", not "her eight hours"."""
    deps = {c.dep_ for c in noun.children}
    return "nummod" in deps and not deps & {"det", "nmod:poss"}


def _verb_only(token: Token) -> bool:
    """A word tagged as a noun that lemminflect knows only as another part of speech."""
    if token.pos_ != "NOUN" or (token.dep_ in ("compound", "amod") and token.head.i > token.i):
        return False  # "for migrating animals": an -ing word before its noun is no second verb
    known = getAllLemmas(token.lower_)
    return bool(known) and "NOUN" not in known


def two_objects(obj: Token) -> bool:
    """Two noun phrases the parse ran into one ("give their children money", "give bars warnings"):
    a noun before the object's noun that is plural or has a determiner of its own. ("sports car",
    "a savings account" are lost with them.)"""
    return any(
        c.dep_ == "compound"
        and c.i < obj.i
        and (c.tag_ == "NNS" or any(g.dep_ in ("det", "nmod:poss") for g in c.children))
        for c in obj.children
    )


_OTHER_SUBJECT = frozenset({"expl", "csubj", "csubj:pass"})
_PASSIVE = frozenset({"nsubj:pass", "aux:pass"})


def passive_group_holds(root: Token, auxiliaries: list[Token]) -> bool:
    """ "were shown", "has been sentenced": a participle right after a form of "be"."""
    if root.tag_ != "VBN" or not auxiliaries:
        return False
    last = auxiliaries[-1]
    return last.dep_ == "aux:pass" and last.lemma_.lower() == "be"  # not "got arrested"


def _roles(sent: Span, root: Token) -> tuple[dict[str, tuple[int, int]], bool] | None:
    """The subject, verb group and (if any) object of the clause of ``root``, each one unbroken
    phrase the parse is sure of, whatever else the sentence holds ("Some rivals still hope that
    ..."), and whether the clause is passive ("Historical figures were shown ...": a subject and a
    verb, no object); None when any of them is in doubt. An adverb may stand inside the verb group
    ("were first shown"): the group's span then holds it, and the verb is quoted without it."""
    if root.pos_ in ("ADJ", "NOUN", "PROPN"):  # "... is the Blue Star": "be" before a name too
        return _copular_roles(sent, root)
    children = list(root.children)
    deps = {c.dep_ for c in children}
    passive = deps >= _PASSIVE and "nsubj" not in deps
    if root.pos_ != "VERB" or deps & _OTHER_SUBJECT or (deps & _PASSIVE and not passive):
        return None
    if "compound:prt" in deps:
        return None  # "they opt out", "scuffles broke out": the verb is two words, "opt" alone is not
    auxiliaries = [c for c in children if c.dep_ in ("aux", "aux:pass")]
    holds = passive_group_holds if passive else verb_group_holds
    if not holds(root, auxiliaries) or any(a.i > root.i for a in auxiliaries) or semi_modal(root):
        return None
    subjects = [c for c in children if c.dep_ == ("nsubj:pass" if passive else "nsubj")]
    objects = [c for c in children if c.dep_ == "obj"]
    if len(subjects) != 1 or len(objects) > 1 or subjects[0].i > root.i or (passive and objects):
        return None
    verb = (min([root.i, *(a.i for a in auxiliaries)]), root.i + 1)
    if any(not _in_verb_group(sent.doc[i], root) for i in range(*verb)):
        return None  # "had to be", "has been and gone": not one verb group
    subject = subject_span(sent, subjects[0], verb[0], root)
    if subject is None:
        return None
    parts = {"subject": subject, "verb": verb}
    if objects:
        obj = _phrase(objects[0])
        if obj is None or obj[0] != verb[1] or not _object_holds(objects[0]):
            return None
        if object_ends(sent, *obj, root) and not degree_phrase(objects[0]):
            parts["object"] = obj
        # else "suggested the people on the list": where the object ends is unsure, so the object is
        # neither asked nor named; the subject and the verb still are
    return parts, passive


def subject_span(sent: Span, head: Token, verb_start: int, root: Token) -> tuple[int, int] | None:
    """The subject phrase of ``head``, when it is one phrase the parse is sure of and only an
    adverb of the clause's ``root`` stands between it and the verb group at ``verb_start``."""
    subject = _phrase(head)
    if subject is None or any(t.pos_ in ("VERB", "AUX") for t in head.subtree):
        return None  # a clause inside the subject: the parse may have cut it wrongly
    if sent.doc[subject[0]].pos_ == "ADV" or not subject_holds(sent, *subject):
        return None  # "Then a donation from ...": the adverb is no part of the subject
    if any(t.tag_.startswith("W") for t in head.subtree):
        return None  # "what remains unsaid", "a scheme whereby firms were given": no phrase to name
    between = sent.doc[subject[1] : verb_start]
    if any(t.dep_ != "advmod" or t.head.i != root.i for t in between):
        return None  # only an adverb of the verb may stand between ("Some rivals still hope")
    return subject


def _copular_roles(sent: Span, root: Token) -> tuple[dict[str, tuple[int, int]], bool] | None:
    """ "This fall in prices is just one of ...": the subject and the verb "be" (with its
    auxiliaries) of a clause whose verb is "be" before an adjective or a noun. What follows "be"
    is no object (it says what the subject is), so it is neither asked nor named."""
    children = list(root.children)
    cops = [c for c in children if c.dep_ == "cop"]
    if (
        len(cops) != 1
        or cops[0].lemma_.lower() != "be"
        or {c.dep_ for c in children} & (_OTHER_SUBJECT | _PASSIVE)
    ):
        return None
    participle = root.lower_.endswith(("ed", "en", "ing")) and "VERB" in getAllLemmas(root.lower_)
    if root.pos_ == "ADJ" and participle:
        return None  # "must be intensified": a passive or a continuous tense as much as "be" + adjective
    cop = cops[0]
    auxiliaries = [c for c in children if c.dep_ == "aux"]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or not subjects[0].i < cop.i < root.i or any(a.i > cop.i for a in auxiliaries):
        return None
    verb = (min([cop.i, *(a.i for a in auxiliaries)]), cop.i + 1)
    if any(sent.doc[i].dep_ not in ("aux", "cop") for i in range(*verb)):
        return None  # "would not be", "is also": only plain groups
    subject = subject_span(sent, subjects[0], verb[0], root)
    return ({"subject": subject, "verb": verb}, False) if subject is not None else None


def _in_verb_group(token: Token, root: Token) -> bool:
    """An auxiliary, the verb itself, or a one-word adverb of the verb ("were first shown")."""
    if token.i == root.i or token.dep_ in ("aux", "aux:pass"):
        return True
    adverb = token.dep_ == "advmod" and token.pos_ == "ADV"
    return adverb and token.head.i == root.i and not list(token.children)


def _main_roles(sent: Span) -> tuple[dict[str, tuple[int, int]], bool] | None:
    """The roles of the main clause (:func:`_roles`), with nothing before its subject but a
    conjunction, an adverb or a phrase closed by a comma."""
    found = _roles(sent, sent.root)
    if found is None:
        return None
    before = sent.doc[sent.start : found[0]["subject"][0]]
    if (
        len(before)
        and before[-1].text != ","
        and any(t.pos_ not in ("CCONJ", "ADV", "PUNCT") for t in before)
    ):
        return None  # "The most the delegation got to observe was ...": the parse missed the main verb
    return found


# Clauses of their own inside a sentence whose subject, verb and object are asked too: what was
# said ("said Muslim Americans supported ..."), a second main clause ("..., but he has condemned
# ...") and an adverbial clause ("because prices were high"). Not relative clauses, whose subject
# is "who" or "which", nor clauses without a subject of their own ("to sell the milk").
_INNER_CLAUSES = frozenset({"ccomp", "conj", "advcl"})
_CLAUSE_OPENERS = frozenset({"mark", "cc", "advmod", "punct"})  # "that", "but", "still" before the subject
_MAX_CLAUSE_WORDS = 20
_CLOSING = frozenset({",", ".", ";", ":", "!", "?", "\u201d", '"', "\u2013", "\u2014"})  # not quoted with it


def _inner_roles(sent: Span, token: Token) -> tuple[dict[str, tuple[int, int]], bool, str] | None:
    """The roles of the clause inside the sentence that holds ``token`` (its nearest clause of
    :data:`_INNER_CLAUSES`), with the clause as quoted (from its subject on, without "that" or
    "but", nor a clause joined after it); None when there is none or any part is in doubt."""
    verb = token
    while verb.dep_ not in _INNER_CLAUSES:
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    if verb.head.pos_ not in ("VERB", "AUX", "ADJ") or not _clause_link_holds(verb):
        return None  # "changes, advances, and concerns are changing ...": a clause joined to a noun
    found = _roles(sent, verb)
    if found is None:
        return None
    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _joined_by(c) and _verbal(c)]
    last = min([c.left_edge.i for c in joined], default=verb.right_edge.i + 1)  # "..., and a purée tastes"
    ids = sorted(t.i for t in verb.subtree if t.i < last)
    if ids[-1] - ids[0] + 1 != len(ids):
        return None  # the clause is broken by words of another ("..., Sanchez said, ...")
    start = found[0]["subject"][0]
    opening = sent.doc[ids[0] : start]
    if any(t.head.i != verb.i or t.dep_ not in _CLAUSE_OPENERS for t in opening):
        return None  # something before the subject that the parse may have put in the wrong clause
    end = ids[-1] + 1
    while end > start and (sent.doc[end - 1].text in _CLOSING or sent.doc[end - 1].dep_ == "cc"):
        end -= 1  # not "%": "sales have fallen by 3.3%"
    clause = sent.doc[start:end]
    if end < sent.end and sent.doc[end].pos_ in ("VERB", "AUX"):
        return None  # "... for a deposit and a quarter | could save": the next clause's subject ran in
    if any(t.is_punct and t.text not in ("-", "'", "\u2019", "%") for t in clause):
        return None  # a comma or dash inside: an aside or another phrase the parse ran into it
    if sent.doc[start].lower_ == "that" and sent.doc[start].dep_ == "det":
        return None  # "It is well known that noise from ships ...": "that" opens the clause, not the subject
    if len(clause) > _MAX_CLAUSE_WORDS or any(t.dep_ == "cc" and _has_subject(t.head) for t in clause):
        return None  # "... by people who collect it but the public was in the dark": two clauses
    return found[0], found[1], str(clause.text)


def _clause_link_holds(verb: Token) -> bool:
    """The clause is tied to the sentence as such clauses are: a clause of what was said without
    "that" after a verb of saying or thinking ("said Muslim Americans supported ..."; not "launched
    a scheme whereby firms were given ..."), an adverbial clause after its conjunction ("because",
    "when"), a second clause after "and", "but" or a comma."""
    marks = [c for c in verb.children if c.i < verb.i and (c.dep_ == "mark" or c.tag_ == "WRB")]  # "when"
    if verb.dep_ == "ccomp":
        return bool(marks) or verb.head.lemma_.lower() in CLAUSE_VERBS
    if verb.dep_ == "advcl":
        return bool(marks)
    return _joined_by(verb)


def _joined_by(conj: Token) -> bool:
    """A conjunct opened by "and", "but" or a comma ("..., and a purée tastes ..."), not one the
    parse tied on without them ("spotted a boat washed up on ...")."""
    first = conj.left_edge
    before = conj.doc[first.i - 1] if first.i > conj.sent.start else None
    return any(t.dep_ == "cc" or t.text in (",", ";") for t in (first, before) if t is not None)


def _verbal(conj: Token) -> bool:
    """A second verb or clause ("and have bad diets", "..., and a purée tastes": after a comma,
    whatever the parse makes of it), not a second adjective or noun of the same verb ("was part
    serious and part fun")."""
    if conj.pos_ in ("VERB", "AUX") or _has_subject(conj):
        return True
    doc, i = conj.doc, conj.left_edge.i
    while i > conj.sent.start and (doc[i].dep_ == "cc" or doc[i].text == ","):
        if doc[i].text == ",":
            return True
        i -= 1
    return doc[i].text == "," or (i > conj.sent.start and doc[i - 1].text == ",")


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in token.children)


def _verb_shown(sent: Span, span: tuple[int, int]) -> str:
    """The verb group as quoted, an adverb inside it left out: "were first shown" -> "were … shown"."""
    words: list[str] = []
    skipped = False
    for token in sent.doc[span[0] : span[1]]:
        if token.dep_ == "advmod":
            skipped = True
            continue
        words.append(("\u2026 " if skipped and words else "") + token.text)
        skipped = False
    return " ".join(words)


def _role_explanation(sent: Span, parts: dict[str, tuple[int, int]], passive: bool, clause: str = "") -> str:
    """Why each part is what it is; for a clause inside the sentence (``clause`` as quoted), said of
    that clause."""
    subject, verb = _shown(sent, parts["subject"]), _verb_shown(sent, parts["verb"])
    where = f"In \u2018{clause}\u2019, " if clause else ""
    its = "this clause" if clause else "the main clause"
    if _verb_of(sent, parts["verb"]).dep_ == "cop":  # "be" says what the subject is; it does nothing
        return (
            f"{where}\u2018{subject}\u2019 is the subject: it comes before the verb \u2018{verb}\u2019. "
            f"\u2018{verb}\u2019 is the verb of {its}."
        )
    if passive:
        return (
            f"{where}\u2018{subject}\u2019 is the subject: it comes before the verb \u2018{verb}\u2019. "
            f"\u2018{verb}\u2019 is the verb of {its}. It is passive (a form of \u2018be\u2019 + "
            "past participle): the subject receives the action, and the verb has no object."
        )
    said = (
        f"{where}\u2018{subject}\u2019 is the subject: it comes before the verb \u2018{verb}\u2019 and "
        "says who or what does it."
    )
    if "object" not in parts:
        return f"{said} \u2018{verb}\u2019 is the verb of {its}."
    obj = _shown(sent, parts["object"])
    return (
        f"{said} \u2018{verb}\u2019 is the verb of {its}. \u2018{obj}\u2019 is the object: "
        "it comes after the verb and receives the action. The pattern is subject + verb + object."
    )


def passive_point(verb: Token) -> PatternRef:
    """A passive clause practises the passive, not subject + verb + object."""
    agent = any(c.dep_ == "obl:agent" for c in verb.children)
    grammar = GRAMMAR_POINTS["passive_with_agent" if agent else "passive_no_agent"]
    return PatternRef(grammar.id, grammar.level)


def _verb_of(sent: Span, span: tuple[int, int]) -> Token:
    return next(t for t in sent.doc[span[0] : span[1]] if t.dep_ not in ("aux", "aux:pass", "advmod"))


def fixed_object(lexicon: Lexicon, sent: Span, parts: dict[str, tuple[int, int]]) -> bool:
    """A bare noun that makes one verb with the verb before it ("took place", "makes sense of the
    songs", "pay attention"): a teacher does not call it an object that receives the action."""
    if "object" not in parts:
        return False
    verb = _verb_of(sent, parts["verb"])
    noun = next((c for c in verb.children if c.dep_ == "obj"), None)
    if noun is None or noun.tag_ != "NN" or any(c.dep_ in ("det", "nmod:poss") for c in noun.children):
        return False
    return bool(lexicon.base_forms(f"{verb.lemma_.lower()} {noun.lower_}", "VERB"))


# Prepositions that are never a verb's particle: "look at", "lie about" are a verb and a phrase.
_ONLY_PREPOSITIONS = frozenset({"at", "about", "to", "for", "with", "from", "of", "into", "onto", "during"})


def _two_word_verb(lexicon: Lexicon, sent: Span, parts: dict[str, tuple[int, int]]) -> bool:
    """The verb and the particle or preposition after it make one verb ("they opt out of",
    "look after"), which the parse may not mark: naming "opt" alone as the verb is false."""
    end = parts["verb"][1]
    after = sent.doc[end] if end < sent.end else None
    if after is None or after.pos_ not in ("ADP", "ADV", "PART") or after.lower_ in _ONLY_PREPOSITIONS:
        return False  # "looking at one another": the verb and a phrase of its own
    verb = _verb_of(sent, parts["verb"])
    return bool(lexicon.base_forms(f"{verb.lemma_.lower()} {after.lower_}", "VERB"))


def sentence_role_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    """Is the phrase holding the learner's word the subject, the verb or the object? Asked of the
    main clause, else of the clause inside the sentence that holds the word."""
    sent = token.sent
    clause = _clause(sent, adverbials=True)
    point, inner = SVO, ""
    if clause is not None:
        parts = dict(zip(_ROLES, clause, strict=True))
        subject, verb, obj = (_shown(sent, p) for p in clause)
        explanation = (
            f"\u2018{subject}\u2019 is the subject: it does the action. \u2018{verb}\u2019 is the verb. "
            f"\u2018{obj}\u2019 is the object: it receives the action. "
            "The pattern is subject + verb + object."
        )
    else:
        main = _main_roles(sent)
        if main is not None and any(a <= token.i < b for a, b in main[0].values()):
            parts, passive = main
        else:
            found = _inner_roles(sent, token)
            if found is None:
                return _nonfinite_object_item(lexicon, token, lemma)  # "decided to close the library"
            parts, passive, inner = found
        explanation = _role_explanation(sent, parts, passive, inner)
        if _verb_of(sent, parts["verb"]).dep_ == "cop":
            point = SVC
        if passive:
            point = passive_point(_verb_of(sent, parts["verb"]))
    role = next((r for r, (a, b) in parts.items() if a <= token.i < b), None)
    if role is None or fixed_object(lexicon, sent, parts) or _two_word_verb(lexicon, sent, parts):
        return None
    phrase = _shown(sent, parts[role])
    if role == "verb" and phrase != _verb_shown(sent, parts[role]):
        return None  # an adverb inside the group ("were first shown"): no verb phrase to name as one
    asked = f"\u2018{phrase}\u2019 in the clause \u2018{inner}\u2019" if inner else f"\u2018{phrase}\u2019"
    return ExerciseItem(
        kind=ExerciseKind.SENTENCE_ROLE,
        prompt=f"In this sentence, what is {asked}? {sent.text.strip()}",
        options=_ROLES,
        answer=role,
        accepted=(role,),
        explanation=explanation,
        grammar_point=point,
        source_sentence=sent.text.strip(),
        word=lemma,
    )


# Verbs whose noun after them says what the subject is or becomes: no object to name.
LINKING_VERBS = frozenset({"become", "remain", "stay", "seem", "appear", "turn", "prove", "sound", "look"})
VO = PatternRef("verb_object", "A1")  # the object of a verb without a subject; not a catalogue point
# A verb's other complements let the noun after it be something else than its object: "to give
# them money" (which one is the object?), "to make the city safer", "to pick up the phone".
_OTHER_COMPLEMENTS = frozenset({"iobj", "xcomp", "ccomp", "obj:pred", "compound:prt", "expl"})


def _nonfinite_verb(verb: Token) -> Token | None:
    """The word that makes ``verb`` a verb without a subject of its own, right before it: "to"
    ("decided to close the library") or a preposition before an -ing form ("by using new
    machines"); None for any other verb, or one with a subject ("for them to close")."""
    if verb.pos_ != "VERB" or "VERB" not in getAllLemmas(verb.lower_) or verb.i == verb.sent.start:
        return None
    marker = verb.doc[verb.i - 1]
    if marker.head.i != verb.i or marker.dep_ not in ("mark", "case"):
        return None
    to_infinitive = verb.tag_ == "VB" and marker.tag_ == "TO"
    gerund = verb.tag_ == "VBG" and marker.tag_ == "IN" and marker.lower_ not in ("that", "if", "whether")
    if not (to_infinitive or gerund):
        return None
    if any(c.dep_.startswith(("nsubj", "aux")) or c.dep_ in _OTHER_COMPLEMENTS for c in verb.children):
        return None
    if verb.dep_ == "xcomp" and semi_modal(verb.head):
        return None  # "used to eat meat", "is going to close": the verb is the whole group
    return marker


_MAX_PART_WORDS_QUOTED = 12


def _nonfinite_part(sent: Span, marker: Token, verb: Token, object_end: int) -> str:
    """The part as quoted: from "to" (or the preposition) to the end of the verb's phrase ("to put
    the families together"), without a second verb joined to it; when that is long or holds a
    comma, up to the object's end and "…" ("to show their anger …")."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i]
    last = min([c.left_edge.i for c in joined], default=verb.right_edge.i + 1)
    ids = [t.i for t in verb.subtree if marker.i <= t.i < last]
    end = ids[-1] + 1
    while end > object_end and (sent.doc[end - 1].is_punct or sent.doc[end - 1].dep_ == "cc"):
        end -= 1
    if end <= object_end:
        return _shown(sent, (marker.i, object_end))  # the part ends with its object
    clean = not any(
        (t.is_punct and t.text not in ("-", "'", "\u2019", "%"))
        or t.pos_ in ("VERB", "AUX", "CCONJ")
        or t.tag_.startswith("W")
        for t in sent.doc[object_end:end]
    )  # no comma, and no clause after the object: "to make power in what was" would quote half of one
    whole = ids == list(range(marker.i, ids[-1] + 1)) and end - marker.i <= _MAX_PART_WORDS_QUOTED
    if whole and clean:
        return _shown(sent, (marker.i, end))
    return _shown(sent, (marker.i, object_end)) + " \u2026"


def _nonfinite_object_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    """ "The council decided to close the old library": "the old library" is the object of "close",
    though that verb has no subject (a "to" + verb or preposition + -ing part). Asked only of the
    object, as one phrase the parse is sure of, with the part quoted from "to" to the object's end."""
    sent = token.sent
    obj = token
    while obj.dep_ != "obj":
        if obj.head.i == obj.i:
            return None
        obj = obj.head
    verb = obj.head
    marker = _nonfinite_verb(verb)
    span = _phrase(obj)
    if marker is None or span is None or span[0] != verb.i + 1 or not span[0] <= token.i < span[1]:
        return None
    if verb.lemma_.lower() in LINKING_VERBS or modifier_taken_for_verb(lexicon, verb):
        return None  # "to become a doctor": no object; "to joint counselling meetings": no verb
    if verb.tag_ == "VBG" and sent.doc[span[0]].pos_ not in ("DET", "PRON", "NUM"):
        return None  # "for cleaning products": an -ing word before a bare noun may be its modifier
    if not _object_holds(obj) or degree_phrase(obj) or not object_ends(sent, *span, verb):
        return None
    parts = {"verb": (verb.i, verb.i + 1), "object": span}
    if fixed_object(lexicon, sent, parts) or _two_word_verb(lexicon, sent, parts):
        return None  # "to take place", "to look after the children"
    if any(t.is_punct and t.text not in ("-", "'", "\u2019", "%") for t in sent.doc[marker.i : span[1]]):
        return None  # a quotation mark or a comma inside: the parse may have run two phrases together
    part, phrase = _nonfinite_part(sent, marker, verb, span[1]), _shown(sent, span)
    return ExerciseItem(
        kind=ExerciseKind.SENTENCE_ROLE,
        prompt=f"In this sentence, what is \u2018{phrase}\u2019 in \u2018{part}\u2019? {sent.text.strip()}",
        options=_ROLES,
        answer="object",
        accepted=("object",),
        explanation=(
            f"In \u2018{part}\u2019, \u2018{verb.text}\u2019 is the verb and \u2018{phrase}\u2019 is its "
            "object: it comes after the verb and receives the action."
        ),
        grammar_point=VO,
        source_sentence=sent.text.strip(),
        word=lemma,
    )


def _noun_number(head: Token) -> str:
    if head.tag_ in ("NN", "NNP"):
        return "sg"
    return "pl" if head.tag_ in ("NNS", "NNPS") else ""


def _only_one_order(sent: Span, parts: tuple[tuple[int, int], ...], root: Token) -> bool:
    """Subject and object cannot swap: one is a pronoun in its case ("they", "them"), or the verb
    agrees with the subject and not with the object ("The company sells cars": "Cars sells the
    company" is no English). "The cat chased the dog" / "The dog chased the cat": both English."""
    doc = sent.doc
    subject, verb, obj = parts
    if doc[subject[0]].lower_ in SUBJECT_PRONOUNS and subject[1] - subject[0] == 1:
        return True
    if doc[obj[0]].lower_ in OBJECT_PRONOUNS and obj[1] - obj[0] == 1:
        return True
    subject_head = next(c for c in root.children if c.dep_ == "nsubj")
    object_head = next(c for c in root.children if c.dep_ == "obj")
    number = shown_number(doc[verb[0]])
    if not number or any(c.dep_ == "conj" for c in (*subject_head.children, *object_head.children)):
        return False  # "sold" agrees with both; "Tom and Mary" is plural whatever its nouns are
    if number == "pl" and takes_plural_verb(object_head):
        return False  # "A new generation of viewers have ...": British English agrees with the meaning
    return _noun_number(subject_head) == number and _noun_number(object_head) not in ("", number)


# Singular nouns of a group that British English lets take a plural verb ("The team have won").
_GROUP_NOUNS = frozenset(
    [
        "generation",
        "number",
        "majority",
        "minority",
        "team",
        "group",
        "family",
        "government",
        "couple",
        "staff",
        "police",
        "crowd",
        "public",
        "audience",
        "committee",
        "company",
        "army",
        "band",
        "class",
        "club",
        "council",
        "crew",
        "jury",
        "population",
        "board",
        "firm",
        "party",
        "panel",
        "union",
        "community",
        "variety",
        "range",
        "series",
        "lot",
        "bunch",
        "pair",
        "percentage",
        "proportion",
        "half",
        "rest",
        "total",
        "kind",
        "sort",
        "type",
        "church",
        "school",
        "university",
        "media",
        "press",
        "management",
    ]
)


def takes_plural_verb(noun: Token) -> bool:
    """A singular noun that may still take a plural verb: a group, or "a number of people"."""
    if noun.lemma_.lower() in _GROUP_NOUNS:
        return True
    return any(c.dep_ == "nmod" and any(g.lower_ == "of" for g in c.children) for c in noun.children)


def _inner_order(sent: Span, token: Token) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """Subject, verb and object of the clause inside the sentence that holds the word, side by side
    (no adverb between or inside them: "has previously chased"), active; else None."""
    found = _inner_roles(sent, token)
    if found is None or found[1] or "object" not in found[0]:
        return None
    subject, verb, obj = (found[0][r] for r in _ROLES)
    if subject[1] != verb[0] or verb[1] != obj[0] or _verb_shown(sent, verb) != _text(sent, verb):
        return None
    return subject, verb, obj


def word_order_item(token: Token, lemma: str) -> ExerciseItem | None:
    """Put the subject, verb and object phrases in order, in the sentence with any adverbials
    before or after them left in place (they could move, so they are not asked); in a sentence
    that is no plain clause, those of the clause inside it that holds the word ("The teachers
    believe that _____.")."""
    sent = token.sent
    parts = _clause(sent, adverbials=True) or _inner_order(sent, token)
    if parts is None or sent.text.strip().endswith("?"):
        return None  # a question may put the verb first
    verb = _verb_of(sent, parts[1])
    if not _only_one_order(sent, parts, verb) or verb.lemma_.lower() in LINKING_VERBS:
        return None  # "she became coach of the team": a complement, not an object
    if not any(a <= token.i < b for a, b in parts):
        return None
    if any(not sent.doc[start - 1].whitespace_ for start, _ in parts[1:]):
        return None  # "We've had": the tiles would be joined as "we 've had"
    phrases = [_text(sent, p) for p in parts]
    first = sent.doc[parts[0][0]]
    opens = all(
        not t.is_alpha for t in sent.doc[sent.start : first.i]
    )  # "\u201cThe world ...": no capital cue
    if opens and first.pos_ in ("DET", "PRON") and first.text != "I":
        phrases[0] = (
            first.lower_ + phrases[0][len(first.text) :]
        )  # "The board" -> "the board"; "Google" stays
    shown = phrases[:]
    digest = hashlib.sha256(sent.text.encode()).digest()
    while shown == phrases:
        random.Random(int.from_bytes(digest[:8], "big")).shuffle(shown)
        digest = hashlib.sha256(digest).digest()
    answer = str(sent.doc[parts[0][0] : parts[2][1]].text)
    return ExerciseItem(
        kind=ExerciseKind.WORD_ORDER,
        prompt="Put the phrases in order to fill the gap.",
        gapped=gapped(sent, parts[0][0], parts[2][1]),
        options=tuple(shown),
        answer=answer,
        accepted=(answer,),
        explanation=(
            f"English puts the subject first (\u2018{phrases[0]}\u2019), then the verb "
            f"(\u2018{phrases[1]}\u2019), then the object (\u2018{phrases[2]}\u2019)."
        ),
        grammar_point=SVO,
        source_sentence=sent.text.strip(),
        word=lemma,
    )
