"""How many ... does X have? From a count set after the clause with "with".

"North Korea has the world's sixth-largest army, with nearly 1.3 million active personnel." -> "How many
active personnel does North Korea have?" (Nearly 650,000 / Nearly 1.3 million / ...). Only where the main
verb says what the subject has or is ("has", "is", "boasts"): after another verb "with" may belong to
something else ("opened a factory with 200 workers" tells nothing the company has). Distractors are the
story's other counts far enough from the key to be false of it, else multiples of the key, written as the
key is.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

from vocabsphere.core.quizzes.candidates import Candidate
from vocabsphere.core.quizzes.facts import estimate_word, is_year, shown_option
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.parts import main_part
from vocabsphere.core.quizzes.passages import Passage, Sentence, number_value, token_terms
from vocabsphere.core.quizzes.phrasing import Clause, clause_of
from vocabsphere.core.quizzes.statements import stands_alone
from vocabsphere.core.quizzes.support import Claim

__all__ = ["count_candidates"]

_HAVING = frozenset({"have", "be", "boast", "own", "employ"})
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MASS_PLURALS = frozenset({"personnel", "staff", "people", "police", "cattle", "livestock"})
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
MIN_RATIO = 2.0  # a distractor is at least this far from the key (an estimate is false of it only then)
MAX_RATIO = 5.0  # and no further (a count of another size is no believable answer)


def _count(noun: Token) -> tuple[list[Token], float] | None:
    """The count on a plural noun, as its tokens ("1.3", "million") and its value; None if none."""
    nums = [c for c in noun.children if c.dep_ == "nummod"]
    if len(nums) != 1 or is_year(nums[0]):
        return None
    number = nums[0]
    if number.lower_ in _SCALES:
        parts = [c for c in number.children if c.i == number.i - 1 and c.dep_ in ("compound", "nummod")]
        value = number_value(parts[0].text) if len(parts) == 1 else None
        if value is None:
            return None
        return [parts[0], number], float(value) * _SCALES[number.lower_]
    value = number_value(number.text)
    return ([number], float(value)) if value is not None and number.text[:1].isdigit() else None


def _written(value: float, scaled: bool) -> str:
    """A count written as the key is: "2.6 million" beside "1.3 million", else digits with commas."""
    if scaled and value >= 1_000_000:
        return f"{value / 1_000_000:g} million"
    return f"{round(value):,}"


def _options(value: float, scaled: bool, pool: Sequence[float], stem: str) -> list[float]:
    """Three other counts: the story's first, then multiples of the key; on both sides of the key where the
    question's text says so, so that neither the smallest nor the largest option is more often the key."""
    near = [v for v in pool if MIN_RATIO <= max(v, value) / min(v, value) <= MAX_RATIO]
    made = [value * f for f in (2, 3, 0.5, 0.25, 4)]
    found: list[float] = []
    for v in [*near, *made]:
        if (
            v >= 2
            and (not scaled or v >= 10_000)
            and all(max(v, o) / min(v, o) >= 1.5 for o in [*found, value])
        ):
            found.append(v)
    lower = [v for v in found if v < value]
    higher = [v for v in found if v > value]
    below = 1 + hashlib.sha256(stem.encode()).digest()[0] % 2  # one or two options below the key
    chosen = lower[:below] + higher[: 3 - min(below, len(lower))]
    return chosen if len(chosen) == 3 else []


def _with_count(clause: Clause) -> tuple[Token, list[Token], float] | None:
    """The noun of a closing "with" phrase on the main verb that holds a count, its count and value."""
    doc, root = clause.doc, clause.root
    if root.lemma_.lower() not in _HAVING and not any(c.dep_ == "cop" for c in root.children):
        return None
    # On the verb, or on what the subject has ("has one of the largest armies, with 2 million soldiers").
    holders = [root, *(c for c in root.children if c.dep_ == "obj" and root.lemma_.lower() != "be")]
    for noun in (c for h in holders for c in h.children):
        if noun.dep_ not in ("obl", "nmod") or noun.i < root.i or noun.right_edge.i != len(doc) - 2:
            continue
        case = [c for c in noun.children if c.dep_ == "case"]
        if len(case) != 1 or case[0].lower_ != "with" or noun.right_edge.i != noun.i:
            continue
        if noun.tag_ != "NNS" and noun.lower_ not in _MASS_PLURALS:
            continue
        found = _count(noun)
        if found is None:
            continue
        tokens, value = found
        between = doc[tokens[-1].i + 1 : noun.i]
        if any(t.dep_ not in ("amod", "compound") for t in between):
            return None
        return noun, tokens, value
    return None


def _stem(clause: Clause, tokens: list[Token], noun: Token) -> str | None:
    """ "How many active personnel does North Korea have?" """
    cop = [c for c in clause.root.children if c.dep_ == "cop"]
    verb = cop[0] if cop else clause.root
    auxes = [c for c in clause.root.children if c.dep_ in ("aux", "aux:pass")]
    if auxes or verb.tag_ not in _DO:
        return None
    do = _DO[verb.tag_]
    subject = clause.subject.text
    if clause.subject[0].pos_ != "PROPN":
        subject = subject[:1].lower() + subject[1:]
    what = clause.doc[tokens[-1].i + 1 : noun.i + 1].text
    return f"How many {what} {do} {subject} have?"


def count_candidates(passage: Passage, counts: Sequence[str], nlp: Language) -> Iterator[Candidate]:
    pool = [float(v) for c in counts if (v := number_value(c)) is not None]
    for sentence in passage.sentences:
        if sentence.quoted:
            continue
        found = _candidate(
            sentence, main_part(sentence.doc, nlp, drop_source=True) or sentence.doc, pool, passage.level
        )
        if found is not None:
            yield found


def _candidate(sentence: Sentence, doc: Doc, pool: Sequence[float], level: str) -> Candidate | None:
    clause = clause_of(doc)
    if clause is None or clause.start != clause.subject.start or clause.moved:
        return None
    if not stands_alone(clause, sentence):
        return None
    found = _with_count(clause)
    if found is None:
        return None
    noun, tokens, value = found
    stem = _stem(clause, tokens, noun)
    if stem is None:
        return None
    written = {number_value(t.text) for t in doc}
    others = _options(value, len(tokens) > 1, [v for v in pool if _plain(v) not in written], stem)
    if not others:
        return None
    approx = estimate_word(tokens[0])
    word = f"{approx.lower_} " if approx is not None else ""
    scaled = len(tokens) > 1
    key_text = " ".join(t.text for t in tokens)
    # The question's own words: the subject, the counted noun and its words, "have".
    anchors = frozenset(
        term
        for t in (*clause.subject, *doc[tokens[-1].i + 1 : noun.i + 1])
        for term in token_terms(t)
        if not term.startswith("#")
    )
    claims = tuple(Claim(anchors, frozenset({"#" + _plain(v)})) for v in (value, *others))
    texts = {value: key_text, **{v: _written(v, scaled) for v in others}}
    options = tuple(shown_option(word + texts[v]) for v in sorted(texts))
    return Candidate(
        QuestionKind.FACT,
        stem,
        options,
        shown_option(word + key_text),
        sentence.text,
        claims[0],
        claims[1:],
        level,
        sentence.index,
    )


def _plain(value: float) -> str:
    """A value as passages.number_value writes it ("1300000", "2.5")."""
    return str(int(value)) if math.isclose(value, round(value)) else f"{value:g}"
