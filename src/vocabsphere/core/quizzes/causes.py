"""Why questions, only where a sentence states its cause ("because ...", "because of ...", "due to ...").

"The mice froze because they were scared." -> "Why did the mice freeze?" with the key "Because they were
scared". Distractors are other causes the story states, then other plain statements of the story put as a
reason; none may hold a personal pronoun (out of its sentence "because they ..." could mean anyone). Each
option is a claim (support.py): the main clause's words as anchors, the cause's own content words as terms,
so a distractor is refused wherever a version joins it to the same event.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from vocabsphere.core.quizzes.candidates import Candidate, anchor_terms, mixed, pick_distractors
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import Passage, Sentence
from vocabsphere.core.quizzes.phrasing import Clause, clause_of, fronted_question, statement_text
from vocabsphere.core.quizzes.statements import stands_alone
from vocabsphere.core.quizzes.support import DISTRACTOR_SHARE, Claim

__all__ = ["cause_candidates"]

MIN_OPTIONS = 3
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "this", "that", "these", "those"}
)
_CLAIM_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
_MIN_CAUSE_WORDS = 2


@dataclass(frozen=True)
class _Cause:
    sentence: Sentence
    span: Span  # the cause as written, its marker included ("because they were scared")
    option: str  # "Because they were scared" / "Because of the rain"
    clause_type: bool  # a clause ("because ...") rather than a noun phrase ("because of ...")
    terms: frozenset[str]

    @property
    def has_pronoun(self) -> bool:
        return any(t.lower_ in _PRONOUNS and t.pos_ in ("PRON", "DET") for t in self.span)


def _terms(tokens: Sequence[Token] | Span) -> frozenset[str]:
    """The cause's own content lemmas (nouns, names, numbers, adjectives); the verbs when it has none."""
    found = {t.lemma_.lower() for t in tokens if t.pos_ in _CLAIM_POS and t.is_alpha}
    if not found:
        found = {t.lemma_.lower() for t in tokens if t.pos_ == "VERB" and t.is_alpha}
    return frozenset(found)


def _option(marker: str, body: Span) -> str:
    text = body.text
    first = body[0]
    if first.pos_ != "PROPN" and first.text != "I":
        text = first.text.lower() + text[len(first.text) :]
    return f"{marker} {text}".rstrip(" ,")


def _cause_of(clause: Clause, sentence: Sentence) -> _Cause | None:
    """The one cause stated on the main verb after it, None when there is none or more than one."""
    found: list[_Cause] = []
    for child in clause.root.children:
        if child.i <= clause.root.i:
            continue
        marks = [c for c in child.children if c.dep_ in ("mark", "case") and c.i == child.left_edge.i]
        if not marks:
            continue
        mark = marks[0]
        span = clause.doc[child.left_edge.i : child.right_edge.i + 1]
        fixed = [c.lower_ for c in mark.children if c.dep_ == "fixed"]
        if child.dep_ == "advcl" and mark.lower_ == "because" and not fixed:
            body, marker, clause_type = span[1:], "Because", True
        elif child.dep_ == "obl" and (mark.lower_, fixed) in (("because", ["of"]), ("due", ["to"])):
            body, marker, clause_type = span[1 + len(fixed) :], "Because of", False
        else:
            continue
        if len([t for t in body if not t.is_punct]) < _MIN_CAUSE_WORDS or span.end != len(clause.doc) - 1:
            continue  # the cause must close the sentence: what follows it would stay in the question
        terms = _terms(body)
        if terms:
            found.append(_Cause(sentence, span, _option(marker, body), clause_type, terms))
    return found[0] if len(found) == 1 else None


def _reason_statements(passages: Sequence[Passage]) -> list[tuple[Sentence, str, frozenset[str]]]:
    """Plain statements of the story that could be put as a reason ("Because the hotel corrected ...")."""
    out = []
    for passage in passages:
        for sentence in passage.sentences:
            clause = clause_of(sentence.doc)
            if clause is None or sentence.quoted or clause.subject.start != clause.start:
                continue  # an opening phrase ("According to Tonagawa, ...") reads badly after "Because"
            tokens = clause.doc[clause.start : len(clause.doc) - 1]
            if any(t.lower_ in _PRONOUNS and t.pos_ in ("PRON", "DET") for t in tokens):
                continue
            if clause.subject[0].pos_ in ("PRON", "DET") and clause.subject[0].lower_ in _PRONOUNS:
                continue
            text = statement_text(clause).rstrip(".")
            if clause.subject[0].pos_ != "PROPN":
                text = text[:1].lower() + text[1:]
            terms = _terms(tokens)
            if terms:
                out.append((sentence, f"Because {text}", terms))
    return out


def _unlike(pool: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """One option per statement: another version's wording of it ("a similar thing may happen" and "a
    similar process may occur") shares half its terms and is left out."""
    out: dict[str, frozenset[str]] = {}
    for option, terms in pool.items():
        if all(len(terms & kept) * 2 < min(len(terms), len(kept)) for kept in out.values()):
            out[option] = terms
    return out


def _pool(
    cause: _Cause,
    anchors: frozenset[str],
    others: Sequence[tuple[Sentence, str, frozenset[str], bool]],
    statements: Sequence[tuple[Sentence, str, frozenset[str]]],
) -> dict[str, frozenset[str]]:
    """Distractors with their terms: causes of the same form stated elsewhere, then (for a clause) plain
    statements; all from sentences about something else (one on the same event could be a second answer)."""
    need = math.ceil(DISTRACTOR_SHARE * len(anchors))

    def apart(sentence: Sentence, terms: frozenset[str]) -> bool:
        return not terms & cause.terms and len(anchors & sentence.terms) < need

    pool = {
        option: terms
        for sentence, option, terms, clause_type in others
        if clause_type == cause.clause_type and apart(sentence, terms)
    }
    if cause.clause_type:  # a clause reads as a reason; "Because of ..." needs a noun phrase
        for sentence, option, terms in statements:
            if apart(sentence, terms):
                pool.setdefault(option, terms)
    return _unlike({o: t for o, t in pool.items() if o.lower() != cause.option.lower()})


def cause_candidates(passage: Passage, passages: Sequence[Passage]) -> Iterator[Candidate]:
    causes = []
    for sentence in passage.sentences:
        clause = clause_of(sentence.doc)
        if clause is None or sentence.quoted:
            continue
        cause = _cause_of(clause, sentence)
        # The question must name what it asks about; the cause may point back to it ("because they ...").
        if cause is not None and stands_alone(clause, sentence, before=cause.span.start):
            causes.append((clause, cause))
    if not causes:
        return
    others: list[tuple[Sentence, str, frozenset[str], bool]] = []  # causes the story states elsewhere
    for other in passages:
        for sentence in other.sentences:
            clause = clause_of(sentence.doc)
            found = _cause_of(clause, sentence) if clause is not None and not sentence.quoted else None
            if found is not None and not found.has_pronoun:
                others.append((sentence, found.option, found.terms, found.clause_type))
    statements = _reason_statements(passages)
    for clause, cause in causes:
        stem = fronted_question(clause, cause.span, "Why")
        if stem is None:
            continue
        anchors = anchor_terms(t for t in clause.doc if not cause.span.start <= t.i < cause.span.end)
        pool = _pool(cause, anchors, others, statements)
        distractors = pick_distractors(cause.option, list(pool))
        if len(distractors) < MIN_OPTIONS - 1:
            continue
        key = Claim(anchors, cause.terms)
        # A distractor is refused where a sentence joins the event to any one of its words ("The mice froze
        # when the researchers used light" for "Because the researchers used light ..."): precision first.
        wrong = tuple(Claim(anchors, frozenset({term})) for d in distractors for term in sorted(pool[d]))
        yield Candidate(
            QuestionKind.FACT,
            stem,
            mixed(stem, [cause.option, *distractors]),
            cause.option,
            cause.sentence.text,
            key,
            wrong,
            passage.level,
            cause.sentence.index,
        )
