"""Who said it? Questions on a reported claim, with the story's other sources as distractors.

From "X said (that) ...", "..., X said." / "..., said X." (the words quoted or not) and "According to X, ...":
"Who said that the project was popular with parents?" with the story's other people (or, for a newspaper or
an organisation, its other named sources) as options. The claim is re-parsed on its own and used only when it
is a plain statement a learner can judge out of its sentence (phrasing.clause_of; no pronoun pointing out of
it, no "we" or "I" of the speaker). Each option is a claim (support.py): the claim's words as anchors, the
source's name as its terms, so a version where another source says it too has two answers and is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from vocabsphere.core.adapt.text_ops import QUOTE_MARKS
from vocabsphere.core.quizzes.candidates import Candidate, anchor_terms, mixed, pick_distractors
from vocabsphere.core.quizzes.entities import SPEECH, Cast, name_span, source_span, untitled
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import Passage, Sentence
from vocabsphere.core.quizzes.phrasing import clause_of, statement_text
from vocabsphere.core.quizzes.support import Claim

__all__ = ["source_candidates"]

MIN_OPTIONS = 3
MAX_CLAIM_WORDS = 22
# A word of these points out of the claim ("they", "this plan") or to the speaker ("his"), once it is cut
# out of its sentence; "he" and "she" could be anyone.
_POINTING = frozenset(
    {
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "such",
        "there",
        "here",
        "other",
        "another",
    }
)
_ASIDES = frozenset(
    {"also", "too", "however", "meanwhile", "instead", "therefore", "still", "again", "further"}
)
# Speech verbs whose subject stands behind the whole claim ("told" needs a hearer, "ask" a question).
_REPORTING = SPEECH - {"tell", "ask", "reply", "describe"}


@dataclass(frozen=True)
class _Report:
    source: Span  # the source's name as written (a title left out)
    verb: str  # "said", "says", "warned"; "says" for "According to X"
    claim: str  # the reported words, as written
    opens: bool = False  # the claim opens the sentence: its first capital may be the sentence's only


def _strip_quotes(text: str) -> str | None:
    """The claim without the quotation marks around it ('"It works," she said.' ends its claim at the comma
    or at the closing mark), None when a mark is left inside (a partial quote)."""
    text = text.strip().rstrip(",").strip()
    if text[:1] in QUOTE_MARKS:
        text = text[1:].strip()
        if text[-1:] in QUOTE_MARKS:
            text = text[:-1].strip()
        text = text.rstrip(",").strip()
    if any(q in text for q in QUOTE_MARKS) or not text:
        return None
    return text


def _source_at(doc: Doc, i: int) -> Span | None:
    span = name_span(doc, i)
    return source_span(untitled(span)) if span is not None else None


def _speaker_first(doc: Doc) -> _Report | None:
    """ "Anna Reid said (that) the project was popular." """
    verb = doc[0].head if len(doc) else None
    if verb is None or verb.dep_ != "ROOT" or verb.lemma_.lower() not in _REPORTING:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].left_edge.i != 0 or subjects[0].right_edge.i + 1 != verb.i:
        return None
    name = name_span(doc, subjects[0].i)
    if name is None or (name.start, name.end) != (0, verb.i):
        return None
    start = verb.i + 1
    if start < len(doc) and doc[start].lower_ == "that" and doc[start].dep_ == "mark":
        start += 1
    if not any(c.dep_ == "ccomp" and c.i >= start for c in verb.children):
        return None
    source = _source_at(doc, subjects[0].i)
    return _Report(source, verb.text.lower(), doc[start:-1].text) if source is not None else None


def _speaker_last(doc: Doc) -> _Report | None:
    """ "The project was popular, Anna Reid said." / "..., said Anna Reid, the head teacher." """
    verbs = [t for t in doc if t.dep_ in ("ROOT", "parataxis") and t.lemma_.lower() in _REPORTING]
    verb = verbs[-1] if verbs else None
    if verb is None or verb.i < 2 or (verb.dep_ == "parataxis" and verb.head.dep_ != "ROOT"):
        return None
    comma = verb.i - 1
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    name = name_span(doc, subject.i)
    if name is None:
        return None
    if name.end == verb.i:  # "..., Anna Reid said."
        comma = name.start - 1
        if verb.i + 2 != len(doc):
            return None
    elif name.start == verb.i + 1:  # "..., said Anna Reid[, the head teacher]."
        rest = doc[name.end : len(doc) - 1]
        if rest and not (
            rest[0].text == "," and all(t.head.i == subject.i or subject.is_ancestor(t) for t in rest)
        ):
            return None
    else:
        return None
    if comma < 1 or doc[comma].text not in (",", *QUOTE_MARKS):
        return None
    source = _source_at(doc, subject.i)
    return _Report(source, verb.text.lower(), doc[:comma].text, opens=True) if source is not None else None


def _named_source(doc: Doc, start: int, end: int) -> Span | None:
    """The name closing doc[start:end], after "the" and words describing it ("the South Korean newspaper
    Daily NK"); None when anything else stands there."""
    if start >= end:
        return None
    found = name_span(doc, end - 1)
    name = source_span(found) if found is not None else None
    if name is None or name.end != end or name.start < start:
        return None
    before = doc[start : name.start]
    if before and (before[0].lower_ != "the" or not all(_describing(t) for t in before)):
        return None
    return name


def _describing(token: Token) -> bool:
    """A word of a description before a source's name ("the New York-based", "the South Korean newspaper")."""
    if token.pos_ in ("ADJ", "NOUN", "PROPN", "DET") or token.tag_ == "HYPH":
        return True
    return token.pos_ == "VERB" and token.i > 0 and token.doc[token.i - 1].tag_ == "HYPH"  # "-based"


def _according(doc: Doc) -> _Report | None:
    """ "According to the New York Post, North Korea has ..." / "..., according to the UN." / "per X"."""
    if len(doc) > 4 and doc[0].lower_ == "according" and doc[1].lower_ == "to":
        comma = next((t.i for t in doc if t.text == ","), None)
        name = _named_source(doc, 2, comma) if comma is not None else None
        return _Report(name, "says", doc[comma + 1 : -1].text) if name is not None and comma else None
    for k in range(len(doc) - 3, 0, -1):
        if doc[k].text != ",":
            continue
        after = doc[k + 1 : k + 3]
        if after.text.lower() == "according to":
            name = _named_source(doc, k + 3, len(doc) - 1)
        elif doc[k + 1].lower_ == "per":
            name = _named_source(doc, k + 2, len(doc) - 1)
        else:
            return None
        return _Report(name, "says", doc[:k].text, opens=True) if name is not None else None
    return None


def _report(sentence: Sentence) -> _Report | None:
    doc = sentence.doc
    if len(doc) < 6 or doc[-1].text != ".":
        return None
    return _according(doc) or _speaker_first(doc) or _speaker_last(doc)


def _claim_doc(claim: str, nlp: Language) -> Doc | None:
    text = _strip_quotes(claim)
    if text is None:
        return None
    return nlp(text[:1].upper() + text[1:] + ".")


def _plain(doc: Doc, report: _Report, names: frozenset[str]) -> str | None:
    """The claim as it reads after "that", None when it cannot stand out of its sentence. Its first word
    keeps its capital where the story wrote it so ("Russian state media"), or where the claim does not
    open the sentence; ``names`` are words the story capitalises inside its sentences."""
    clause = clause_of(doc)
    if clause is None or clause.start != 0 or clause.moved:
        return None
    words = [t for t in doc if not t.is_punct]
    if len(words) > MAX_CLAIM_WORDS:
        return None
    if any(
        t.lower_ in _POINTING and t.pos_ in ("PRON", "DET", "ADV", "ADJ") and t.dep_ != "expl" for t in doc
    ):
        return None  # "There are reports that ..." is no pointing "there"
    if any(
        t.lower_ in _ASIDES or (t.lower_ in ("example", "instance") and t.i and doc[t.i - 1].lower_ == "for")
        for t in doc
    ):
        return None  # "has also offered", "for example": beside what?
    text = statement_text(clause).rstrip(".")
    first = doc[0]
    if (
        first.pos_ == "PROPN"
        or first.text in names
        or (not report.opens and _as_written(report)[:1].isupper())
    ):
        return text
    return text[:1].lower() + text[1:]


def _as_written(report: _Report) -> str:
    return (_strip_quotes(report.claim) or "").strip()


def capitalised_inside(passage: Passage) -> frozenset[str]:
    """Words the story writes with a capital after another word (names, "Russian"), where no sentence or
    quotation starts."""
    return frozenset(
        t.text
        for s in passage.sentences
        for t in s.doc[1:]
        if t.is_alpha
        and t.text[:1].isupper()
        and t.doc[t.i - 1].is_alpha
        and t.pos_ in ("PROPN", "ADJ", "NOUN")
    )


def _name_terms(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in name.split() if w.lower() != "the")


def _surname_terms(name: str) -> frozenset[str]:
    return frozenset({name.split()[-1].lower()})


def _options(report: _Report, cast: Cast) -> tuple[str, list[str], Callable[[str], frozenset[str]]] | None:
    """The key, the pool of other sources of its kind (people for a person, named bodies for a body) and
    how an option's terms are read from it."""
    person = cast.person(report.source.text)
    if person is not None:
        return person, [p for p in cast.people if p != person], _surname_terms
    body = cast.body(report.source.text)
    if body is not None:
        return body, [b for b in cast.bodies if b != body], _name_terms
    return None


def source_candidates(passage: Passage, cast: Cast, nlp: Language) -> Iterator[Candidate]:
    names = capitalised_inside(passage)
    for sentence in passage.sentences:
        report = _report(sentence)
        found = _options(report, cast) if report is not None else None
        if report is None or found is None:
            continue
        key, pool, terms_of = found
        doc = _claim_doc(report.claim, nlp)
        plain = _plain(doc, report, names) if doc is not None else None
        if doc is None or plain is None:
            continue
        # Nobody named in the sentence is a distractor: "Who said that Reid won?" has Reid in it.
        written = frozenset(t.lower_ for t in sentence.doc)
        distractors = pick_distractors(key, [p for p in pool if not terms_of(p) <= written])
        if len(distractors) < MIN_OPTIONS - 1:
            continue
        stem = f"Who {report.verb} that {plain}?"
        anchors = anchor_terms(doc)
        claims = tuple(Claim(anchors, terms_of(n)) for n in (key, *distractors))
        yield Candidate(
            QuestionKind.FACT,
            stem,
            mixed(stem, [key, *distractors]),
            key,
            sentence.text,
            claims[0],
            claims[1:],
            passage.level,
            sentence.index,
        )
