"""The test's course: batches of yes/no words chosen adaptively, then meaning checks, then the text.

State is plain JSON-able data (stored between requests). The first batch samples every frequency
band; each later batch asks the words most informative at the current estimate (difficulty nearest
the learner's ability), keeps sampling the least-asked bands for the vocabulary size, and mixes in
pseudowords. The word check stops when the level is known closely enough or after MAX_BATCHES.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.placement import reading
from vocabsphere.core.placement.items import BANDS, Bank, BankWord
from vocabsphere.core.placement.meaning import MeaningQuestion, SenseInfo, meaning_questions
from vocabsphere.core.placement.scoring import Answer, Estimate, estimate

Stage = Literal["words", "meanings", "reading", "done"]
FIRST_PER_BAND = 2
FIRST_PSEUDO = 5
INFORMATIVE, SPREAD, PSEUDO = 8, 4, 3  # per later batch
MIN_BATCHES, MAX_BATCHES = 3, 5
STOP_SD = 0.3  # ability units (one level = 1.0)
MEANING_CHECKS = 4


@dataclass
class PlacementState:
    seed: int
    stage: Stage = "words"
    batch: list[str] = field(default_factory=list)  # words on screen now
    batches_done: int = 0
    answers: list[tuple[str, bool]] = field(default_factory=list)  # in the order asked
    meanings: list[dict[str, Any]] = field(default_factory=list)  # question + "chosen"
    reading_answers: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlacementState:
        state = cls(**data)
        state.answers = [(w, bool(y)) for w, y in state.answers]
        return state


def _order(seed: int, word: str) -> str:
    return hashlib.sha256(f"{seed}:{word}".encode()).hexdigest()


def start(bank: Bank, seed: int) -> PlacementState:
    state = PlacementState(seed=seed)
    first: list[str] = []
    for band in range(1, BANDS + 1):
        words = sorted((w.word for w in bank.words if w.band == band), key=lambda w: _order(seed, w))
        first += words[:FIRST_PER_BAND]
    pseudo = sorted(bank.pseudowords, key=lambda w: _order(seed, w))[:FIRST_PSEUDO]
    state.batch = _shuffled(first + pseudo, seed, 0)
    return state


def _shuffled(words: list[str], seed: int, turn: int) -> list[str]:
    out = list(words)
    random.Random(f"{seed}:{turn}").shuffle(out)
    return out


def scored_answers(state: PlacementState, bank: Bank) -> list[Answer]:
    """The yes/no answers, a claimed word whose meaning check failed counted as not known."""
    words = bank.by_word()
    failed = {m["word"] for m in state.meanings if m.get("chosen") is not None and m["chosen"] != m["answer"]}
    out = []
    for word, yes in state.answers:
        known = words.get(word)
        if known is None:
            out.append(Answer(word, 0, 0.0, yes))
        else:
            out.append(Answer(word, known.band, known.difficulty, yes and word not in failed))
    return out


def record_words(state: PlacementState, bank: Bank, said_yes: Collection[str]) -> PlacementState:
    """Take the answers to the batch on screen (a word not ticked is a "no"), then pick the next batch
    or move on to the meaning checks."""
    if state.stage != "words":
        raise InvalidInput("The word check is already done.", field="stage")
    unknown = set(said_yes) - set(state.batch)
    if unknown:
        raise InvalidInput("Answer only the words shown.", field="known")
    state.answers += [(word, word in said_yes) for word in state.batch]
    state.batches_done += 1
    result = estimate(scored_answers(state, bank))
    enough = state.batches_done >= MIN_BATCHES and result.ability_sd <= STOP_SD
    if enough or state.batches_done >= MAX_BATCHES:
        state.batch, state.stage = [], "meanings"
    else:
        state.batch = _next_batch(state, bank, result.ability)
    return state


def _next_batch(state: PlacementState, bank: Bank, ability: float) -> list[str]:
    asked = {w for w, _ in state.answers}
    fresh = [w for w in bank.words if w.word not in asked]
    fresh.sort(key=lambda w: (round(abs(w.difficulty - ability), 1), _order(state.seed, w.word)))
    chosen: list[BankWord] = fresh[:INFORMATIVE]
    per_band = {
        b: sum(1 for a, _ in state.answers if bank.by_word().get(a, None) and bank.by_word()[a].band == b)
        for b in range(1, BANDS + 1)
    }
    for band in sorted(per_band, key=lambda b: (per_band[b], b))[:SPREAD]:
        spare = [w for w in fresh if w.band == band and w not in chosen]
        if spare:
            chosen.append(min(spare, key=lambda w: _order(state.seed, w.word)))
    pseudo = [p for p in sorted(bank.pseudowords, key=lambda p: _order(state.seed, p)) if p not in asked][
        :PSEUDO
    ]
    return _shuffled([w.word for w in chosen] + pseudo, state.seed, state.batches_done)


def prepare_meanings(
    state: PlacementState, bank: Bank, senses_of: Callable[[str], Sequence[SenseInfo]] | None
) -> PlacementState:
    """Questions on claimed words nearest the learner's ability (where a false claim matters most);
    without a lexicon, or with no word safe to ask, the step is skipped."""
    if state.stage != "meanings" or state.meanings:
        return state
    ability = estimate(scored_answers(state, bank)).ability
    words = bank.by_word()
    claimed = sorted(
        (words[w] for w, yes in state.answers if yes and w in words),
        key=lambda w: (abs(w.difficulty - ability), _order(state.seed, w.word)),
    )
    questions: list[MeaningQuestion] = []
    if senses_of is not None:
        rng = random.Random(f"{state.seed}:meanings")
        questions = meaning_questions(claimed, bank.words, senses_of, count=MEANING_CHECKS, rng=rng)
    state.meanings = [asdict(q) | {"options": list(q.options), "chosen": None} for q in questions]
    if not state.meanings:
        state.stage = "reading"
    return state


def record_meanings(state: PlacementState, chosen: Sequence[int]) -> PlacementState:
    if state.stage != "meanings":
        raise InvalidInput("The meaning checks are not open.", field="stage")
    if len(chosen) != len(state.meanings) or any(
        not 0 <= c < len(m["options"]) for c, m in zip(chosen, state.meanings, strict=False)
    ):
        raise InvalidInput("Choose one meaning for each word.", field="meanings")
    for question, choice in zip(state.meanings, chosen, strict=True):
        question["chosen"] = choice
    state.stage = "reading"
    return state


def record_reading(state: PlacementState, chosen: Sequence[int]) -> PlacementState:
    if state.stage != "reading":
        raise InvalidInput("The reading questions are not open.", field="stage")
    questions = reading.QUESTIONS
    if len(chosen) != len(questions) or any(
        not 0 <= c < len(q.options) for c, q in zip(chosen, questions, strict=False)
    ):
        raise InvalidInput("Answer each question about the text.", field="reading")
    state.reading_answers = list(chosen)
    state.stage = "done"
    return state


@dataclass(frozen=True)
class PlacementResult:
    level: str  # the suggestion
    estimate: Estimate  # from the words alone
    items_answered: int
    pseudowords_claimed: int
    pseudowords_asked: int
    meaning_right: int
    meaning_asked: int
    reading_right: int
    reading_asked: int
    notes: tuple[str, ...]  # how the level was reached, in plain words


def _word_note(state: PlacementState, bank: Bank) -> str:
    words = bank.by_word()
    real = [yes for w, yes in state.answers if w in words]
    fake = [yes for w, yes in state.answers if w not in words]
    return (
        f"You said you know {sum(real)} of {len(real)} real words and {sum(fake)} of {len(fake)} "
        "made-up words; each frequency band's score is corrected for those guesses."
    )


def result(state: PlacementState, bank: Bank) -> PlacementResult:
    answers = scored_answers(state, bank)
    est = estimate(answers, bank.difficulties())
    pseudo = [a for a in answers if a.band == 0]
    meaning_right = sum(1 for m in state.meanings if m["chosen"] == m["answer"])
    pairs = zip(state.reading_answers, reading.QUESTIONS, strict=False)
    reading_right = sum(c == q.answer for c, q in pairs)
    level = est.level
    notes = [_word_note(state, bank)]
    if state.meanings:
        notes.append(
            f"You chose the right meaning for {meaning_right} of {len(state.meanings)} words you said you "
            "know; a wrong meaning counts that word as not known."
        )
    if state.reading_answers:
        notes.append(
            f"You answered {reading_right} of {len(reading.QUESTIONS)} questions on a "
            f"{reading.TEXT_LEVEL} text correctly."
        )
        if reading_right < reading.PASS_MARK and est.ability >= 3.0:
            level = "A2"  # the B1 text was not understood: no B1 or above, whatever the words say
            notes.append(
                f"The words suggest {est.level}, but the {reading.TEXT_LEVEL} text was hard, "
                "so the suggestion is A2."
            )
    return PlacementResult(
        level=level,
        estimate=est,
        items_answered=len(answers) + len(state.meanings) + len(state.reading_answers),
        pseudowords_claimed=sum(a.said_yes for a in pseudo),
        pseudowords_asked=len(pseudo),
        meaning_right=meaning_right,
        meaning_asked=len(state.meanings),
        reading_right=reading_right,
        reading_asked=len(state.reading_answers),
        notes=tuple(notes),
    )
