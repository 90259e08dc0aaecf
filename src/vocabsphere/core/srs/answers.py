"""Checking a typed answer kindly: case, spacing, edge punctuation and one slip of the finger are forgiven."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lemminflect import getAllLemmas

from vocabsphere.core.errors import InvalidInput

__all__ = [
    "EASY_SECONDS",
    "HARD_SECONDS",
    "MIN_TYPO_LENGTH",
    "AnswerCheck",
    "check_typed_answer",
    "damerau_levenshtein",
    "normalise_answer",
    "suggested_rating",
]

# One typo in a short word usually makes another word (cat -> cut), so only longer words get the grace.
MIN_TYPO_LENGTH = 4
# An answer typed this fast was known cold; this slow, it was dredged up.
EASY_SECONDS = 5.0
HARD_SECONDS = 20.0

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    """``correct`` includes near misses; ``near_miss`` says the spelling was one edit off."""

    correct: bool
    near_miss: bool
    message: str


def normalise_answer(text: str) -> str:
    """Case-folded, NFKC, straight apostrophes, single spaces, no punctuation or spaces at the edges."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and _is_edge_noise(text[start]):
        start += 1
    while end > start and _is_edge_noise(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_noise(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in {"P", "S"}


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance counting insertions, deletions, substitutions and adjacent swaps (OSA variant)."""
    if a == b:
        return 0
    if not a or not b:
        return max(len(a), len(b))
    prev_prev: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev_prev[j - 2] + 1)
        prev_prev, prev = prev, row
    return prev[-1]


def _same_lemma(answer: str, target: str, lemma: str) -> bool:
    """``answer`` is another inflected form of the expected word ("harvested" for "harvest"), by
    lemminflect's dictionary of forms; phrases and unknown words are never matched this way."""
    if " " in answer or " " in target or not lemma:
        return False
    key = normalise_answer(lemma)
    lemmas = {x.casefold() for forms in getAllLemmas(answer).values() for x in forms}
    return answer == key or key in lemmas


def check_typed_answer(
    expected: str, given: str, *, lemma: str = "", synonyms: Sequence[str] = ()
) -> AnswerCheck:
    """Compare what the learner typed with the expected word or phrase; with ``lemma`` (the word's
    dictionary form), another form of the same word counts as right, with a hint; a word among
    ``synonyms`` (of the sense asked for) is "also right", with the word wanted."""
    target = normalise_answer(expected)
    if not target:
        raise InvalidInput("the expected answer is empty", field="expected")
    answer = normalise_answer(given)
    if not answer:
        return AnswerCheck(False, False, f"No answer given. The answer is \u201c{expected.strip()}\u201d.")
    if answer == target:
        return AnswerCheck(True, False, "Correct!")
    if _same_lemma(answer, target, lemma):
        return AnswerCheck(
            True, True, f"Right word, another form: the answer is \u201c{expected.strip()}\u201d."
        )
    if answer in {normalise_answer(s) for s in synonyms} - {target}:
        return AnswerCheck(True, True, f"Also right, but we wanted \u201c{expected.strip()}\u201d.")
    # Length gate first: the distance is at least the length difference, so skip the DP when it cannot be 1.
    letters = sum(ch.isalpha() for ch in target)
    if (
        letters >= MIN_TYPO_LENGTH
        and abs(len(answer) - len(target)) <= 1
        and damerau_levenshtein(answer, target) == 1
    ):
        return AnswerCheck(True, True, f"Almost \u2013 mind the spelling: \u201c{expected.strip()}\u201d.")
    return AnswerCheck(False, False, f"Not quite. The answer is \u201c{expected.strip()}\u201d.")


def suggested_rating(check: AnswerCheck, seconds_taken: float) -> int:
    """An FSRS rating (1 Again .. 4 Easy) suggested from the check and how long the learner took."""
    if seconds_taken < 0:
        raise InvalidInput("time taken must not be negative", field="seconds_taken")
    if not check.correct:
        return 1
    if check.near_miss or seconds_taken > HARD_SECONDS:
        return 2
    if seconds_taken <= EASY_SECONDS:
        return 4
    return 3
