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
from vocabsphere.core.quizzes.passages import NUMBER_WORDS, Passage, Sentence, is_year, number_value
from vocabsphere.core.quizzes.phrasing import Clause, clause_of, fronted_question, subject_question
from vocabsphere.core.quizzes.statements import stands_alone
from vocabsphere.core.quizzes.support import Claim

__all__ = [
    "count_options",
    "estimate_word",
    "fact_candidates",
    "far_apart",
    "is_year",
    "multiples",
    "shown_option",
    "story_numbers",
]

MIN_OPTIONS = 3
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their"})


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
    reported = [t for c in clause.root.children if c.dep_ == "ccomp" for t in c.subtree]
    if any(t.pos_ == "PRON" and t.lower_ in _PERSONAL for t in reported):
        return None  # "Who says psychology is vital in his development?": "his" is someone else
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
    return _fact(stem, options, key, sentence, claims, level)


def _fact(
    stem: str, options: tuple[str, ...], key: str, sentence: Sentence, claims: tuple[Claim, ...], level: str
) -> Candidate:
    """A fact question on ``sentence``: the key's claim first in ``claims``, then the distractors'."""
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
        return _fact(stem, options, span.text, sentence, claims, level)
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
        return _fact(stem, options, f"In {head.text}", sentence, claims, level)
    return None


_WORDS = {n: w for n, w in enumerate(NUMBER_WORDS)}


def multiples(key: str, factors: Sequence[float]) -> list[str]:
    """The key times each factor, written as the key is (digits, with a thousands comma or not, or a word
    up to twenty)."""
    value = float(number_value(key) or 0)
    out = []
    for factor in factors:
        made = value * factor
        if not made.is_integer() or made < 2:  # options go with a plural noun: "1 plants"
            continue
        if key[:1].isdigit():
            out.append(f"{int(made):,}" if "," in key or made >= 10_000 else str(int(made)))
        elif int(made) in _WORDS:
            out.append(_WORDS[int(made)])
    return out


def count_options(key: str, counts: Sequence[str]) -> tuple[str, ...]:
    """Other counts of the story written the same way (digits or words), else multiples of the key."""
    value = float(number_value(key) or 0)
    digits = key[:1].isdigit()
    same = [c for c in counts if c[:1].isdigit() == digits and float(number_value(c) or 0) > 1]
    if len(same) < 3 and value.is_integer() and value >= 2:
        same += multiples(key, (2, 0.5, 3, 10))
    by_value = {number_value(c): c for c in reversed(same)}  # one option per value, its first writing
    return pick_distractors(
        key, [c for c in same if number_value(c) != number_value(key) and by_value[number_value(c)] == c]
    )


def shown_option(option: str) -> str:
    """An option as printed: "Two" and "four" would tell which one opened the sentence."""
    return option[:1].upper() + option[1:]


# Words that make a count an estimate: "about 200" is false of "about 400", so an estimate can be asked with
# every option carrying the same word. Bounds ("more than 100", "at least 3", "up to 20") are never asked:
# "more than 50" is still true of "more than 100".
_APPROX = frozenset({"about", "around", "almost", "nearly", "approximately", "roughly"})
MIN_APPROX_RATIO = 2.0  # an estimate's distractors are at least this far from it


def estimate_word(number: Token) -> Token | None:
    """The word making the count an estimate, when one does ("About 200 children"), else None."""
    before = number.doc[number.i - 1] if number.i > 0 else None
    if before is not None and before.lower_ in _APPROX and before.head.i in (number.i, number.head.i):
        return before
    return None


def far_apart(value: str, key: str) -> bool:
    a, b = float(number_value(value) or 0), float(number_value(key) or 0)
    return min(a, b) > 0 and max(a, b) >= MIN_APPROX_RATIO * min(a, b)


def _how_many(clause: Clause, sentence: Sentence, counts: Sequence[str], level: str) -> Candidate | None:
    for number in clause.doc:
        noun = number.head
        if number.dep_ != "nummod" or is_year(number) or noun.tag_ != "NNS":
            continue
        approx = estimate_word(number)
        first = approx if approx is not None else number
        if first.i != noun.left_edge.i:
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
        pool = [c for c in counts if number_value(c) not in written]
        if approx is not None:  # only counts far enough from an estimate to be false of it
            pool = [c for c in pool if far_apart(c, number.text)]
        distractors = count_options(number.text, pool)
        if approx is not None:
            distractors = tuple(d for d in distractors if far_apart(d, number.text))
        if stem is None or len(distractors) < MIN_OPTIONS - 1:
            continue
        anchors = anchor_terms(t for t in clause.doc if t.i not in (number.i, first.i))
        claims = tuple(
            Claim(anchors, frozenset({"#" + str(number_value(v))})) for v in (number.text, *distractors)
        )
        values = sorted([number.text, *distractors], key=lambda v: float(number_value(v) or 0))
        word = approx.lower_ + " " if approx is not None else ""
        options = tuple(shown_option(word + v) for v in values)
        return _fact(stem, options, shown_option(word + number.text), sentence, claims, level)
    return None


_DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})


def _duration_options(key: str, counts: Sequence[str]) -> tuple[str, ...]:
    """Other lengths of time of the story, else multiples of the key (none closer than half or twice it)."""
    value = float(number_value(key) or 0)
    same = [
        c.lower()
        for c in counts
        if c[:1].isdigit() == key[:1].isdigit() and far_apart(c, key) and float(number_value(c) or 0) > 1
    ]
    if value.is_integer():
        same += multiples(key, (2, 3, 0.5))
    return pick_distractors(key, [c for c in dict.fromkeys(same) if far_apart(c, key)])


def _how_long(clause: Clause, sentence: Sentence, counts: Sequence[str], level: str) -> Candidate | None:
    """ "How long ...?" from "for 45 years" on the main verb ("in", "within", "after" ask other things)."""
    for phrase, head in _obliques(clause):
        if len(phrase) != 3 or phrase[0].lower_ != "for" or head.lemma_.lower() not in _DURATIONS:
            continue
        number = phrase[1]
        if (
            number.dep_ != "nummod"
            or number_value(number.text) is None
            or float(number_value(number.text) or 0) <= 1
        ):
            continue
        stem = fronted_question(clause, phrase, "How long")
        distractors = _duration_options(number.text, [c for c in counts if c != number.text])
        if stem is None or len(distractors) < MIN_OPTIONS - 1:
            continue
        anchors = anchor_terms(t for t in clause.doc if not phrase.start <= t.i < phrase.end)
        claims = tuple(
            Claim(anchors, frozenset({"#" + str(number_value(v))})) for v in (number.text, *distractors)
        )
        values = sorted([number.text, *distractors], key=lambda v: float(number_value(v) or 0))
        options = tuple(f"For {v.lower()} {head.text}" for v in values)
        return _fact(stem, options, f"For {number.text.lower()} {head.text}", sentence, claims, level)
    return None


def fact_candidates(
    passage: Passage, cast: Cast, counts: Sequence[str], years: Sequence[str]
) -> Iterator[Candidate]:
    for sentence in passage.sentences:
        if sentence.quoted:
            continue
        clause = clause_of(sentence.doc)
        # The question must say whom or what it asks about: not "How many months did he spend in prison?"
        # nor "Who is concerned about how this alliance could evolve?" (which alliance?)
        if clause is None or not stands_alone(clause, sentence):
            continue
        for found in (
            _who(clause, sentence, cast, passage.level),
            _where(clause, sentence, cast, passage.level),
            _when(clause, sentence, years, passage.level),
            _how_many(clause, sentence, counts, passage.level),
            _how_long(clause, sentence, counts, passage.level),
        ):
            if found is not None:
                yield found
