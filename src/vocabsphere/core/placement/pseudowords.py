"""Pronounceable non-words for the yes/no vocabulary check, made by the project itself.

Candidates are built from English spelling patterns (onset + vowel + coda syllables, with endings
that look like real suffixes, so they are not spotted by shape alone); the build script
(training/placement/build_items.py) keeps only those that wordfreq, our lexicon (WordNet and the
dictionaries built into it) and CMUdict do not know, in any inflected form, and stores them as
package data (data/pseudowords.txt). The same seed always gives the same list.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

ONSETS = (
    "b", "bl", "br", "c", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "l", "m",
    "n", "p", "pl", "pr", "r", "s", "sl", "sp", "st", "t", "tr", "v", "w", "sh", "ch", "th",
)  # fmt: skip
INNER = ("b", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z")  # one consonant between syllables
VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "oo", "ee")
CODAS = ("", "", "", "l", "m", "n", "r", "s")  # closes the first syllable before the inner consonant
FINALS = ("b", "d", "g", "k", "l", "m", "n", "p", "t", "ck", "nd", "nt", "sk", "st", "rn", "lt", "mp")
ENDINGS = ("er", "le", "ish", "ment", "ous", "ate", "ing", "y", "ence", "al", "ive", "ion")


def candidates(seed: int) -> Iterator[str]:
    """An endless, seeded stream of spellable two-syllable candidates: a first syllable, one inner
    consonant, a vowel, then either a final consonant cluster or a suffix-like ending."""
    rng = random.Random(seed)
    while True:
        first = rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
        second = rng.choice(INNER) + rng.choice(VOWELS[:5])
        tail = rng.choice(FINALS) if rng.random() < 0.5 else rng.choice(ENDINGS)
        if tail[0] in "aeiou":
            second = second[:-1]  # "-ate", "-ous" follow the consonant directly
        word = first + second + tail
        if 5 <= len(word) <= 10 and not _awkward(word):
            yield word


def _awkward(word: str) -> bool:
    """Letter runs English spelling avoids (three vowels or four consonants in a row, doubled onsets)."""
    run_v = run_c = 0
    for letter in word:
        if letter in "aeiou":
            run_v, run_c = run_v + 1, 0
        else:
            run_v, run_c = 0, run_c + 1
        if run_v >= 3 or run_c >= 4:
            return True
    if word[-2:] in ("uy", "iy", "ey", "ay") and word[-3] in "aeiou":
        return True  # "-uy" reads as a typo
    return any(word[i] == word[i + 1] == word[i + 2] for i in range(len(word) - 2))


def inflection_stems(word: str) -> set[str]:
    """The word and the stems it would have if it were an inflected or derived form (so that a candidate
    like "plasted" is refused when "plast" or "plaste" is a word)."""
    stems = {word}
    for suffix in ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "y", "ment", "ish", "ous", "al", "ive"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            stems |= {stem, stem + "e"}
    return stems
