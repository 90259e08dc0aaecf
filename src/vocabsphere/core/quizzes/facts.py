"""Fact questions: who said or did something, where, in which year, how many.

Keys and distractors are the story's own people, places, years and numbers (see entities.py), so every option
has the same form; each becomes a claim checked against every version (support.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from vocabsphere.core.quizzes.candidates import Candidate, anchor_terms, mixed, pick_distractors
from vocabsphere.core.quizzes.entities import Cast, name_span
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import Passage, Sentence, number_value
from vocabsphere.core.quizzes.phrasing import Clause, clause_of, fronted_question, subject_question
from vocabsphere.core.quizzes.support import Claim

__all__ = ["fact_candidates", "is_year", "story_numbers"]

MIN_OPTIONS = 3


def is_year(token: Token) -> bool:
    return token.is_digit and len(token.text) == 4 and 1800 <= int(token.text) <= 2099


def story_numbers(passages: Sequence[Passage]) -> tuple[list[str], list[str]]:
    """Counts (as written, years left out) and years found in the versions, in order of first mention."""
    counts: list[str] = []
    years: list[str] = []
    for passage in passages:
        for s in passage.sentences:
            for t in s.doc:
                if is_year(t):
                    years.append(t.text)
                elif t.pos_ == "NUM" and number_value(t.text) is not None and t.dep_ == "nummod":
                    counts.append(t.text)
    return list(dict.fromkeys(counts)), list(dict.fromkeys(years))


def _surname_claims(names: Sequence[str]) -> tuple[Claim, ...]:
    return tuple(Claim(frozenset(), frozenset({n.split()[-1].lower()})) for n in names)


def _with_anchors(claims: Sequence[Claim], anchors: frozenset[str]) -> tuple[Claim, ...]:
    return tuple(Claim(anchors, c.terms, c.negated) for c in claims)


def _only_aside(clause: Clause, name: Span) -> bool:
    """The subject is the name, perhaps with an aside about the person ("Jarid Arraes, a student,")."""
    rest = clause.doc[name.end : clause.subject.end]
    appos = [t for t in rest if t.dep_ == "appos" and t.head.i == name.root.i]
    return all(t.is_punct or any(a.is_ancestor(t) or a.i == t.i for a in appos) for t in rest)


def _who(clause: Clause, sentence: Sentence, cast: Cast, level: str) -> Candidate | None:
    span = name_span(clause.doc, clause.subject.root.i)
    if span is None or span.start != clause.subject.start or not _only_aside(clause, span):
        return None
    key = cast.person(span.text)
    if key is None:
        return None
    stem = subject_question(clause, "Who")
    others = [p for p in cast.people if p != key and p.split()[-1] not in sentence.text]
    distractors = pick_distractors(key, others)
    if stem is None or len(distractors) < MIN_OPTIONS - 1:
        return None
    anchors = anchor_terms(clause.doc[clause.subject.end :])
    claims = _with_anchors(_surname_claims([key, *distractors]), anchors)
    options = mixed(stem, [key, *distractors])
    return Candidate(
        QuestionKind.FACT, stem, options, key, sentence.text, claims[0], claims[1:], level, sentence.index
    )


def _obliques(clause: Clause) -> Iterator[tuple[Span, Token]]:
    """Phrases on the main verb with their preposition ("in Brazil"): (the phrase, its head noun)."""
    for child in clause.root.children:
        if child.dep_ == "obl" and child.i > clause.root.i:
            yield clause.doc[child.left_edge.i : child.right_edge.i + 1], child


def _where(clause: Clause, sentence: Sentence, cast: Cast, level: str) -> Candidate | None:
    for phrase, head in _obliques(clause):
        case = [c for c in head.children if c.dep_ == "case"]
        span = name_span(clause.doc, head.i)
        if (
            len(case) != 1
            or case[0].lower_ not in ("in", "at")
            or span is None
            or span.text not in cast.places
        ):
            continue
        if (phrase.start, phrase.end) != (case[0].i, span.end):
            continue
        stem = fronted_question(clause, phrase, "Where")
        distractors = pick_distractors(span.text, [p for p in cast.places if p not in sentence.text])
        if stem is None or len(distractors) < MIN_OPTIONS - 1:
            continue
        anchors = anchor_terms(t for t in clause.doc if not phrase.start <= t.i < phrase.end)
        claims = tuple(
            Claim(anchors, frozenset(w.lower() for w in name.split())) for name in (span.text, *distractors)
        )
        options = mixed(stem, [span.text, *distractors])
        return Candidate(
            QuestionKind.FACT,
            stem,
            options,
            span.text,
            sentence.text,
            claims[0],
            claims[1:],
            level,
            sentence.index,
        )
    return None


def _year_options(key: str, years: Sequence[str]) -> tuple[str, ...]:
    others = [y for y in years if y != key]
    near = [str(int(key) + d) for d in (-2, 3, -5, 1, 4) if str(int(key) + d) not in years]
    return tuple(sorted(dict.fromkeys([*others, *near]), key=lambda y: abs(int(y) - int(key)))[:3])


def _when(clause: Clause, sentence: Sentence, years: Sequence[str], level: str) -> Candidate | None:
    for phrase, head in _obliques(clause):
        if len(phrase) != 2 or phrase[0].lower_ != "in" or not is_year(head):
            continue
        stem = fronted_question(clause, phrase, "When")
        if stem is None:
            continue
        distractors = _year_options(head.text, [y for y in years if y not in sentence.text])
        anchors = anchor_terms(t for t in clause.doc if not phrase.start <= t.i < phrase.end)
        claims = tuple(Claim(anchors, frozenset({"#" + y})) for y in (head.text, *distractors))
        options = tuple(f"In {y}" for y in sorted([head.text, *distractors]))
        return Candidate(
            QuestionKind.FACT,
            stem,
            options,
            f"In {head.text}",
            sentence.text,
            claims[0],
            claims[1:],
            level,
            sentence.index,
        )
    return None


def _count_options(key: str, counts: Sequence[str]) -> tuple[str, ...]:
    """Other counts of the story written the same way (digits or words), else multiples of the key."""
    value = float(number_value(key) or 0)
    digits = key[:1].isdigit()
    same = [c for c in counts if c[:1].isdigit() == digits and number_value(c) != number_value(key)]
    if digits and len(same) < 3 and value.is_integer() and value >= 2:
        for factor in (2, 0.5, 3, 10):
            made = value * factor
            if made.is_integer() and made >= 1:
                same.append(f"{int(made):,}" if "," in key or made >= 10_000 else str(int(made)))
    return pick_distractors(key, [c for c in same if number_value(c) != number_value(key)])


def _how_many(clause: Clause, sentence: Sentence, counts: Sequence[str], level: str) -> Candidate | None:
    for number in clause.doc:
        noun = number.head
        if number.dep_ != "nummod" or is_year(number) or noun.tag_ != "NNS" or number.i != noun.left_edge.i:
            continue
        phrase = clause.doc[noun.left_edge.i : noun.right_edge.i + 1]
        if noun.right_edge.i != noun.i or number_value(number.text) is None:
            continue
        wh = "How many " + clause.doc[number.i + 1 : noun.i + 1].text
        if noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.i == clause.root.i:
            stem = subject_question(clause, wh)
        elif noun.dep_ == "obj" and noun.head.i == clause.root.i:
            stem = fronted_question(clause, phrase, wh)
        else:
            continue
        written = {number_value(t.text) for t in clause.doc}
        distractors = _count_options(number.text, [c for c in counts if number_value(c) not in written])
        if stem is None or len(distractors) < MIN_OPTIONS - 1:
            continue
        anchors = anchor_terms(t for t in clause.doc if t.i != number.i)
        claims = tuple(
            Claim(anchors, frozenset({"#" + str(number_value(v))})) for v in (number.text, *distractors)
        )
        options = tuple(sorted([number.text, *distractors], key=lambda v: float(number_value(v) or 0)))
        return Candidate(
            QuestionKind.FACT,
            stem,
            options,
            number.text,
            sentence.text,
            claims[0],
            claims[1:],
            level,
            sentence.index,
        )
    return None


def fact_candidates(
    passage: Passage, cast: Cast, counts: Sequence[str], years: Sequence[str]
) -> Iterator[Candidate]:
    for sentence in passage.sentences:
        if sentence.quoted:
            continue
        clause = clause_of(sentence.doc)
        if clause is None:
            continue
        for found in (
            _who(clause, sentence, cast, passage.level),
            _where(clause, sentence, cast, passage.level),
            _when(clause, sentence, years, passage.level),
            _how_many(clause, sentence, counts, passage.level),
        ):
            if found is not None:
                yield found
