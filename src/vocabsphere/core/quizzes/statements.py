"""True/false statements: a sentence of the story as written, or made false by one verified edit.

The edits change what the sentence says and nothing else: another person of the story in place of one named,
another of the story's numbers or years, or the main verb negated. Places are never swapped: "travelling to
Europe" is still true of a trip to Switzerland, and "Tokyo is trying" may mean Japan's government. An edited
statement is used only when no version says it (support.py), and its key "False" only at the versions that say
the original.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

from vocabsphere.core.quizzes.candidates import Candidate, anchor_terms
from vocabsphere.core.quizzes.entities import Cast, name_spans
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.parts import main_part
from vocabsphere.core.quizzes.passages import NUMBER_WORDS, Passage, Sentence, is_year, number_value
from vocabsphere.core.quizzes.phrasing import Clause, clause_of, negated_statement, statement_text
from vocabsphere.core.quizzes.support import Claim

__all__ = ["FALSE", "TRUE", "stands_alone", "statement_candidates"]

TRUE, FALSE = "True", "False"
MAX_RATIO = 5
_POINTING = frozenset({"it", "they", "them", "this", "that", "these", "those", "its", "their"})
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_DEMONSTRATIVES = frozenset({"this", "these", "those", "such"})
_NOW = frozenset(
    {"year", "week", "month", "summer", "winter", "spring", "autumn", "morning", "weekend", "time"}
)
_RELATIVE = frozenset({"further", "other", "another", "same", "remaining", "rest", "latter", "former"})
_VAGUE_START = frozenset(
    {"it", "this", "that", "these", "those", "they", "he", "she", "there", "such", "its", "other", "another"}
)


def _fixed_terms(doc: Doc) -> frozenset[str]:
    """Names and numbers: a statement is about these, whatever words a version uses around them."""
    out = {"#" + str(number_value(t.text)) for t in doc if t.like_num and number_value(t.text) is not None}
    out |= {t.lower_ for span in name_spans(doc) for t in span}
    return frozenset(out)


def _bound_to_subject(clause: Clause) -> frozenset[int]:
    """A possessive that agrees with the clause's own noun subject before it points inside the sentence:
    "How many children were injured in their schools?" ("their": the children's)."""
    head = clause.subject.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    plural = head.tag_ in ("NNS", "NNPS")
    wanted = "their" if plural else "its"
    return frozenset(
        t.i
        for t in clause.doc[head.i + 1 :]
        if t.lower_ == wanted and t.dep_ in ("poss", "nmod:poss") and t.pos_ == "PRON"
    )


def stands_alone(
    clause: Clause, sentence: Sentence, before: int | None = None, skip: Iterable[int] = ()
) -> bool:
    """A sentence a learner can judge on its own: it names what it is about, and "he" or "she" only after a
    name in the same sentence ("them", "it", "this" point outside it). With ``before``, only the tokens
    before that index are read (a why question quotes the sentence without its cause); tokens at ``skip``
    are known to point inside the sentence."""
    first = clause.subject[0]
    if sentence.quoted or first.lower_ in _VAGUE_START or first.pos_ == "PRON":
        return False
    if any(t.lower_ in _RELATIVE for t in clause.subject):  # "A further 600,000 serve ...": beyond what?
        return False
    names = name_spans(clause.doc)
    inside = frozenset(skip) | _bound_to_subject(clause)
    for t in clause.doc[:before]:
        if t.i in inside:
            continue
        if t.pos_ == "PRON" and t.lower_ in _POINTING:
            return False
        if t.pos_ == "DET" and t.lower_ in _DEMONSTRATIVES and t.head.lemma_.lower() not in _NOW:
            return False  # "gave this information": which? ("this year" is the story's own time)
        if t.pos_ == "PRON" and t.lower_ in _PERSONAL and not any(n.end <= t.i for n in names):
            return False
    return True


def _swapped_person(clause: Clause, cast: Cast) -> tuple[str, frozenset[str], frozenset[str]] | None:
    for span in name_spans(clause.doc):
        full = cast.person(span.text)
        if full is None or span.start < clause.start:
            continue
        others = [p for p in cast.people if p != full and p.split()[-1] not in clause.doc.text]
        if not others:
            return None
        other = others[0] if len(span) > 1 else others[0].split()[-1]
        text = statement_text(clause, {span.start: other, **{t.i: "" for t in span[1:]}})
        return text, frozenset({span[-1].lower_}), frozenset({other.split()[-1].lower()})
    return None


def _swapped_year(clause: Clause, years: Sequence[str]) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """Another year of the story (or a near one) in place of the year of an event."""
    for t in clause.doc[clause.start :]:
        if not is_year(t):
            continue
        others = [y for y in years if y not in clause.doc.text] or [str(int(t.text) - 2)]
        return (
            statement_text(clause, {t.i: others[0]}),
            frozenset({"#" + t.text}),
            frozenset({"#" + others[0]}),
        )
    return None


_BOUNDS = frozenset(
    {
        "more",
        "less",
        "fewer",
        "than",
        "over",
        "under",
        "least",
        "most",
        "up",
        "about",
        "around",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "some",
        "below",
        "above",
        "within",
        "next",  # "in the next 30 years" is still true of "in the next 35 years"
        "last",
        "past",
        "first",
        "to",
    }
)


_PARTS = frozenset({"third", "quarter", "half", "fifth", "tenth", "percent", "per", "%"})  # "two thirds"


def _bounded(number: Token) -> bool:
    """A number given as a bound or estimate ("more than 500", "up to 20", "about 40")."""
    before = {t.lower_ for t in number.doc[max(0, number.i - 2) : number.i]}
    return bool(before & _BOUNDS) or any(c.dep_ == "advmod" for c in number.children)


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})


def _lasting(number: Token) -> bool:
    """A length of time ("for three years"): what holds for three years held for two as well."""
    unit = number.head
    return unit.lemma_.lower() in _TIME_UNITS and any(c.lower_ == "for" for c in unit.children)


def _doubled(text: str) -> str | None:
    """Twice the number, written as it is ("three" -> "six", "100" -> "200")."""
    value = float(number_value(text) or 0)
    if not value.is_integer():
        return None
    if text[:1].isdigit():
        return f"{int(value) * 2:,}" if "," in text else str(int(value) * 2)
    return NUMBER_WORDS[int(value) * 2] if int(value) * 2 < len(NUMBER_WORDS) else None


def _near(a: float, b: float) -> bool:
    """Within a factor of MAX_RATIO: a swapped number a reader could believe."""
    return max(a, b) <= MAX_RATIO * min(a, b)


def _swapped_number(
    clause: Clause, counts: Sequence[str]
) -> tuple[str, frozenset[str], frozenset[str]] | None:
    for t in clause.doc[clause.start :]:
        value = number_value(t.text) if t.dep_ == "nummod" and not is_year(t) else None
        if value is None:
            continue
        if _bounded(t) or float(value) <= 1 or t.head.lemma_.lower() in _PARTS:
            return None  # "more than 500" is still true of "more than 100"; "one reason" has no plural
        others = [
            c
            for c in counts
            if c[:1].isdigit() == t.text[:1].isdigit()
            and number_value(c) != value
            and float(number_value(c) or 0) > 1
            and _near(float(number_value(c) or 0), float(value))
        ]
        if _lasting(t):
            # "decreasing for 95 years" is still true of 100 years, and the story's other numbers count
            # other things ("for 198 years"): a length of time is doubled.
            doubled = _doubled(t.text)
            others = [doubled] if doubled is not None else []
        if not others:
            return None  # "a town of 18 people" for 7,000 is false but silly: only a number of its size
        others.sort(key=lambda c: abs(math.log(float(number_value(c) or 1) / float(value))))
        other = others[0] if t.text[:1].islower() or t.text[:1].isdigit() else others[0].capitalize()
        return (
            statement_text(clause, {t.i: other}),
            frozenset({"#" + value}),
            frozenset({"#" + str(number_value(other))}),
        )
    return None


def _clause(sentence: Sentence, nlp: Language | None) -> Clause | None:
    """The sentence as a plain clause, else its first clause before ", but ..." (true whatever follows)."""
    clause = clause_of(sentence.doc)
    if clause is None and nlp is not None and not sentence.quoted:
        part = main_part(sentence.doc, nlp)
        clause = clause_of(part) if part is not None else None
    return clause


def statement_candidates(
    passage: Passage,
    cast: Cast,
    counts: Sequence[str],
    years: Sequence[str] = (),
    nlp: Language | None = None,
) -> Iterator[Candidate]:
    for sentence in passage.sentences:
        clause = _clause(sentence, nlp)
        if clause is None or not stands_alone(clause, sentence):
            continue
        fixed = _fixed_terms(clause.doc)
        anchors = anchor_terms(clause.doc[clause.start :]) - fixed
        true_claim = Claim(anchors, fixed)
        # Both the statement and its false edit are offered; the quiz keeps one per sentence, keys balanced.
        yield Candidate(
            QuestionKind.TRUE_FALSE,
            statement_text(clause),
            (TRUE, FALSE),
            TRUE,
            sentence.text,
            true_claim,
            (),
            passage.level,
            sentence.index,
        )
        edit = (
            _swapped_person(clause, cast) or _swapped_number(clause, counts) or _swapped_year(clause, years)
        )
        if edit is not None:
            text, old, new = edit
            false_claim = Claim(anchors, (fixed - old) | new)
        else:
            negated = negated_statement(clause)
            if negated is None:
                continue
            text, false_claim = negated, Claim(anchors, fixed, negated=True)
        yield Candidate(
            QuestionKind.TRUE_FALSE,
            text,
            (TRUE, FALSE),
            FALSE,
            sentence.text,
            true_claim,
            (false_claim,),
            passage.level,
            sentence.index,
        )
