"""Questions and edited statements from a parsed sentence, built conservatively.

Only a plain declarative main clause is used: its subject opens the sentence, it holds no quotation, no
question, no first- or second-person pronoun and no negation. From it, a subject question keeps the word order
("Who won the race in 2010?"); any other question moves an auxiliary before the subject or adds "do"
("Where did Smith win the race?"). Anything else is left out: no question is better than a broken one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lemminflect import getInflection, getLemma
from spacy.tokens import Doc, Span, Token

from vocabsphere.core.adapt.document import quotes_balanced
from vocabsphere.core.adapt.text_ops import QUOTE_MARKS
from vocabsphere.core.quizzes.passages import NEGATIONS

__all__ = [
    "Clause",
    "clause_of",
    "fronted_question",
    "join_tokens",
    "negated_statement",
    "statement_text",
    "subject_question",
    "tidy",
]

MIN_WORDS, MAX_WORDS = 5, 30
_PERSONAL = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "mine", "ours", "yours"})
_AUX_DEPS = frozenset({"aux", "aux:pass"})
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
# Sentence adverbs that tie a sentence to the one before: inside a question they read wrongly.
_ASIDES = frozenset(
    {"however", "also", "too", "though", "therefore", "meanwhile", "instead", "then", "still"}
)
_MODALS = frozenset({"may", "might", "could", "can", "should", "must", "would", "ought"})
_QUANTIFIERS = frozenset(
    {"some", "many", "most", "few", "several", "all", "every", "each", "both", "any", "more", "less", "fewer"}
)
_SCOPE_ADVERBS = frozenset(
    {
        "sometimes",
        "often",
        "always",
        "usually",
        "also",
        "only",
        "even",
        "just",
        "still",
        "already",
        "ever",
        "almost",
        "nearly",
        "mostly",
        "mainly",
        "especially",
        "probably",
        "perhaps",
        "possibly",
        "because",
        "more",
        "less",
        "than",
        "too",
        "enough",
        "very",
    }
)
_OTHER_CLAUSES = frozenset({"advcl", "conj", "parataxis"})
_DROPPABLE = frozenset(
    {"however", "now", "also", "meanwhile", "today", "recently", "so", "then", "currently"}
)
_DANGLING = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART"})


@dataclass(frozen=True)
class Clause:
    doc: Doc
    root: Token
    subject: Span
    aux: Token | None  # the first auxiliary or copula after the subject
    start: int = 0  # where the statement starts (after a leading "But")
    moved: str = ""  # a leading phrase ("In 2010") a question carries at its end instead


def _opening(doc: Doc, root: Token, subject_start: int) -> tuple[int, str] | None:
    """What may come before the subject: "But"/"And" (left out), then a phrase on the main verb and a comma
    ("In 2010," moved to the end of a question; "However," left out). (statement start, moved text)."""
    start = 1 if subject_start and doc[0].dep_ == "cc" and doc[0].head.i == root.i else 0
    if start == subject_start:
        return start, ""
    if doc[subject_start - 1].text != ",":
        return None
    phrase = doc[start : subject_start - 1]
    heads = [t for t in phrase if t.head.i == root.i]
    if len(heads) != 1 or any(t.head.i != root.i and not heads[0].is_ancestor(t) for t in phrase):
        return None
    head = heads[0]
    if head.dep_ == "advmod" and len(phrase) == 1 and head.lower_ in _DROPPABLE:
        return subject_start, ""  # "Meanwhile, China has ...": tied to the sentence before, so left out
    if head.dep_ == "obl" and phrase[0].dep_ == "case" and not any(t.dep_ == "acl:relcl" for t in phrase):
        return start, phrase[0].text.lower() + phrase.text[len(phrase[0].text) :]
    return None


def clause_of(doc: Doc) -> Clause | None:
    """The sentence as a plain declarative main clause, None when it is anything else."""
    words = [t for t in doc if not t.is_punct]
    if not MIN_WORDS <= len(words) <= MAX_WORDS or doc[-1].text != ".":
        return None
    if any(q in doc.text for q in QUOTE_MARKS) or not quotes_balanced(doc.text):
        return None
    if any(t.lower_ in _PERSONAL or t.lower_ in NEGATIONS or t.text in "?!;:()[]" for t in doc):
        return None
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    root = roots[0]
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or root.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return None
    subject = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
    opening = _opening(doc, root, subject.start)
    if opening is None or subject.end > root.i:
        return None
    auxes = [
        c for c in root.children if (c.dep_ in _AUX_DEPS or c.dep_ == "cop") and subject.end <= c.i < root.i
    ]
    if root.pos_ in ("NOUN", "ADJ") and not auxes:
        return None
    if (
        not auxes
        and root.tag_ not in _DO
        and not (root.lemma_ == "be" and root.tag_ in ("VBD", "VBZ", "VBP"))
    ):
        return None
    return Clause(doc, root, subject, auxes[0] if auxes else None, opening[0], opening[1])


def _do(verb: Token) -> str:
    """ "did" for a past form the tagger read as present ("The mice froze": VBP), else by the tag."""
    base = getLemma(verb.lower_, upos="VERB")
    past = getInflection(base[0], "VBD") if base else None
    if past and verb.lower_ in past and verb.lower_ != base[0]:
        return "did"
    return _DO[verb.tag_]


def _subject_inside(clause: Clause) -> str:
    first = clause.subject[0]
    text = clause.subject.text
    if first.pos_ in ("DET", "PRON", "ADJ", "NUM", "NOUN") and first.text != "I":
        text = first.text.lower() + text[len(first.text) :]
    return text


def join_tokens(parts: list[tuple[Token, str]]) -> str:
    out = ""
    for k, (token, text) in enumerate(parts):
        out += text
        nxt = parts[k + 1][0] if k + 1 < len(parts) else None
        if nxt is not None and (token.whitespace_ or nxt.i != token.i + 1):
            out += " "
    return out


def tidy(text: str) -> str:
    text = re.sub(r"\s+([,.?;:%])", r"\1", " ".join(text.split()))
    text = re.sub(r",\s*([?.])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text[:1].upper() + text[1:]


def _moved(clause: Clause) -> str:
    return f" {clause.moved}" if clause.moved else ""


def _second_clause(clause: Clause) -> bool:
    """A second main clause ("..., but she is ..."): a question would ask about both at once."""
    return any(
        t.dep_ in ("conj", "parataxis") and t.head.i == clause.root.i and t.pos_ in ("VERB", "AUX", "ADJ")
        for t in clause.doc
    )


def subject_question(clause: Clause, wh: str) -> str | None:
    """ "Who" / "How many workers" in place of the subject; the rest as written."""
    tokens = list(clause.doc[clause.subject.end : len(clause.doc) - 1])
    while tokens and tokens[0].is_punct:  # the comma closing an aside ("Arraes, a student, wrote")
        tokens.pop(0)
    rest = [(t, t.text) for t in tokens]
    if any(t.lower_ in _ASIDES for t, _ in rest):
        return None
    if not rest or rest[-1][0].pos_ in _DANGLING or _second_clause(clause):
        return None
    return tidy(f"{wh} {join_tokens(rest)}{_moved(clause)}?")


def fronted_question(clause: Clause, removed: Span, wh: str) -> str | None:
    """The question asking for ``removed`` (a phrase after the verb): auxiliary or "do" before the subject."""
    root, doc = clause.root, clause.doc
    if removed.start < clause.subject.end or removed.start <= root.i <= removed.end - 1:
        return None
    after = doc[removed.end : removed.end + 2]
    if any(t.tag_ in ("WDT", "WRB", "WP") for t in after):
        return None  # "in Tibet, where ...": the clause belongs to the phrase asked for
    gone = set(range(removed.start, removed.end)) | {len(doc) - 1}
    if removed.start > 0 and doc[removed.start - 1].text == ",":
        gone.add(removed.start - 1)
    if removed.end < len(doc) - 1 and doc[removed.end].text == ",":
        gone.add(removed.end)
    if clause.aux is not None:
        front, replaced = clause.aux.text.lower(), {clause.aux.i: None}
    elif root.lemma_ == "be":
        front, replaced = root.text.lower(), {root.i: None}
    else:
        base = getLemma(root.text.lower(), upos="VERB")
        if not base:
            return None
        front, replaced = _do(root), {root.i: base[0]}
    rest: list[tuple[Token, str]] = []
    for t in doc[clause.subject.end :]:
        if t.i in gone:
            continue
        if t.i in replaced:
            new = replaced[t.i]
            if new is not None:
                rest.append((t, new))
            continue
        rest.append((t, t.text))
    if (rest and rest[-1][0].pos_ in _DANGLING) or any(t.lower_ in _ASIDES for t, _ in rest):
        return None
    if _second_clause(clause):
        return None
    return tidy(f"{wh} {front} {_subject_inside(clause)} {join_tokens(rest)}{_moved(clause)}?")


def _comma_set(token: Token, root: Token) -> bool:
    """A comma after the main verb opening an aside (", with about 1.3 million soldiers", ", which ...",
    ", making ..."): a negated verb would leave the aside asserted. A list's comma is no aside."""
    if token.text != "," or token.i <= root.i or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    return after.pos_ in ("ADP", "SCONJ") or after.tag_ in ("VBG", "VBN", "WDT", "WP", "WRB")


def negated_statement(clause: Clause) -> str | None:
    """The sentence with its main verb negated ("has not", "was not", "did not win"), None when unsure.

    Left alone: a modal ("may not happen" can still be true), a quantified subject ("Some roads are not ..."),
    an adverb whose scope the negation would change ("are not sometimes"), and a second clause the negation
    would not reach ("..., because ...", "..., while ...")."""
    root, doc = clause.root, clause.doc
    if clause.aux is not None and clause.aux.lower_ in _MODALS:
        return None
    if clause.subject[0].lower_ in _QUANTIFIERS or any(t.lower_ in _SCOPE_ADVERBS for t in doc):
        return None
    if any(t.lower_ == "long" and t.pos_ == "ADV" for t in doc):
        return None  # "have not long had a reputation" says "only recently", not "never"
    if any(t.lower_ in _QUANTIFIERS and t.i > root.i for t in doc):  # "will not sell some vegetables"
        return None
    if any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("most", "least") for t in doc):  # "are not most common"
        return None
    if any(t.dep_ in _OTHER_CLAUSES and t.head.i == root.i for t in doc):
        return None
    if any(t.tag_ == "VBG" and t.dep_ in ("xcomp", "acl") and t.head.i == root.i for t in doc):
        return None  # "Reports have not emerged suggesting that ...": English, but nobody writes it
    if any(t.dep_ == "ccomp" and t.head.i == root.i for t in doc):
        return None  # "Experts do not suggest that ...": it denies the report, not what was reported
    if any(_comma_set(t, root) for t in doc):
        return None  # "does not boast a large army, with 1.3 million soldiers": the aside stays asserted
    if any(t.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in t.children) for t in doc):
        return None  # "has millions of fans, but she is ...": "not" would reach one clause only
    parts: list[tuple[Token, str]] = []
    for t in doc[clause.start :]:
        if clause.aux is not None and t.i == clause.aux.i:
            parts.append((t, f"{t.text} not"))
        elif clause.aux is None and t.i == root.i:
            if root.lemma_ == "be":
                parts.append((t, f"{t.text} not"))
            else:
                base = getLemma(root.text.lower(), upos="VERB")
                if not base:
                    return None
                parts.append((t, f"{_do(root)} not {base[0]}"))
        else:
            parts.append((t, t.text))
    return tidy(join_tokens(parts))


def statement_text(clause: Clause, replaced: dict[int, str] | None = None) -> str:
    """The clause as a statement (a leading "But" left out), with some tokens written differently."""
    parts = [(t, (replaced or {}).get(t.i, t.text)) for t in clause.doc[clause.start :]]
    return tidy(join_tokens(parts))
