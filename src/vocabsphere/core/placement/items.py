"""The test's items: real words by frequency band with a difficulty, and pseudowords (package data)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

BAND_SIZE = 1000  # lemmas per frequency band: band 1 = the 1,000 most frequent
BANDS = 10


@dataclass(frozen=True)
class BankWord:
    word: str
    pos: str
    band: int  # 1..BANDS
    difficulty: float  # our word-level model's score: 1.0 = A1 ... 6.0 = C2


@dataclass(frozen=True)
class Bank:
    words: tuple[BankWord, ...]
    pseudowords: tuple[str, ...]

    def by_word(self) -> dict[str, BankWord]:
        return {w.word: w for w in self.words}

    def difficulties(self) -> tuple[tuple[float, ...], ...]:
        """The words' difficulties band by band (band 1 first)."""
        return tuple(tuple(w.difficulty for w in self.words if w.band == b) for b in range(1, BANDS + 1))


def _lines(name: str) -> list[str]:
    text = resources.files("vocabsphere.core.placement").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def load_bank() -> Bank:
    words = []
    for line in _lines("bank.txt"):
        band, word, pos, score = line.split("\t")
        words.append(BankWord(word, pos, int(band), float(score)))
    return Bank(tuple(words), tuple(_lines("pseudowords.txt")))
