"""Meaning checks on words the learner said they know: "Which is a meaning of X?" with one sense of X
and the main senses of other test words as the wrong options.

Precision first: a word is asked only when its main sense clearly dominates (the learner is most
likely to know that one), and a wrong option is used only when it cannot also be a meaning of the
word (no shared synonyms, not one of the word's own senses, the word not named in it). Words that do
not meet this are not asked; the check is then simply shorter.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vocabsphere.core.placement.items import BankWord

OPTIONS = 4
# The lexicon's WordNet part-of-speech names as UD tags.
WORDNET_UPOS = {
    "noun": "NOUN",
    "verb": "VERB",
    "adjective": "ADJ",
    "adjective satellite": "ADJ",
    "adverb": "ADV",
}


@dataclass(frozen=True)
class SenseInfo:
    definition: str
    synonyms: tuple[str, ...]
    tag_count: int  # how often the sense was seen in tagged text
    pos: str  # UD tag


@dataclass(frozen=True)
class MeaningQuestion:
    word: str
    options: tuple[str, ...]
    answer: int


def main_sense(senses: Sequence[SenseInfo], pos: str) -> SenseInfo | None:
    """The word's sense for this part of speech, when it clearly dominates the others."""
    own = sorted((s for s in senses if s.pos == pos), key=lambda s: -s.tag_count)
    if not own or not 8 <= len(own[0].definition) <= 120:
        return None
    if len(own) > 1 and own[0].tag_count < max(3, 2 * own[1].tag_count):
        return None
    return own[0]


def _gives_away(word: str, definition: str) -> bool:
    """A definition naming the word's own family ("gracefully": "in a graceful manner") is no test."""
    stem = word[: max(4, min(len(word) - 2, 6))]
    return any(token.startswith(stem) for token in definition.lower().replace(";", " ").split())


def _fits(word: str, senses: Sequence[SenseInfo], other: SenseInfo) -> bool:
    """True when `other` could be read as a meaning of `word`."""
    mine = {s.definition for s in senses}
    synonyms = {x.lower() for s in senses for x in s.synonyms} | {word}
    return (
        other.definition in mine
        or word in other.definition.lower().split()
        or bool(synonyms & {x.lower() for x in other.synonyms})
    )


def meaning_questions(
    claimed: Sequence[BankWord],
    pool: Sequence[BankWord],
    senses_of: Callable[[str], Sequence[SenseInfo]],
    *,
    count: int,
    rng: random.Random,
) -> list[MeaningQuestion]:
    questions: list[MeaningQuestion] = []
    for target in claimed:
        if len(questions) == count:
            break
        senses = senses_of(target.word)
        sense = main_sense(senses, target.pos)
        if sense is None or _gives_away(target.word, sense.definition):
            continue
        wrong: list[str] = []
        others = [w for w in pool if w.pos == target.pos and w.word != target.word]
        rng.shuffle(others)
        for other in others:
            other_sense = main_sense(senses_of(other.word), other.pos)
            if (
                other_sense is None
                or _fits(target.word, senses, other_sense)
                or other_sense.definition in wrong
            ):
                continue
            wrong.append(other_sense.definition)
            if len(wrong) == OPTIONS - 1:
                break
        if len(wrong) < OPTIONS - 1:
            continue
        answer = rng.randrange(OPTIONS)
        options = [*wrong[:answer], sense.definition, *wrong[answer:]]
        questions.append(MeaningQuestion(target.word, tuple(options), answer))
    return questions
