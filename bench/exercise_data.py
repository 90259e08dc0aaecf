"""A synthetic learner for the exercise benches: words saved from OneStopEnglish dev articles.

The learner reads the dev split's stories, Intermediate texts first, and saves content words
(nouns, verbs, adjectives, -ly adverbs of at least A2) from them, each with the sentence it was met
in, under the lemma and part of speech the reader page saves (core.reading.tokens: what a tap on
the word sends; the look-up's lemma, so "wilderness" is not saved as "wildern"); the other
sentences holding the same lemma in the stories' texts (all three levels, as the
practice service gathers them from every level version of the stories read) are the word's other
sentences. Deterministic (seeded).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from vocabsphere.core.levels import assess_word
from vocabsphere.core.reading.tokens import build_reader_text

CONTENT = ("NOUN", "VERB", "ADJ", "ADV")


@dataclass
class SavedSample:
    lemma: str
    pos: str
    word: str  # as written in the saved sentence
    sentence: str
    others: list[str] = field(default_factory=list)  # other sentences of the texts read with the lemma

    @property
    def sentences(self) -> list[str]:
        return [self.sentence, *self.others]


def dev_texts(shared: Path, level: str = "int", split: str = "dev") -> Iterator[tuple[str, str]]:
    root = shared / "data" / "onestopenglish"
    with (root / "index.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["split"] == split and (row["level"] == level or level == "all"):
                yield row["article_id"], (root / row["path"]).read_text(encoding="utf-8")


def _sentences(nlp: Language, texts: list[str]) -> list[list[tuple[str, str, str, str]]]:
    """Per sentence as the reader page shows it: (text, word, lemma, pos) of its content words."""
    found = []
    stop = nlp.Defaults.stop_words
    reader = build_reader_text(nlp, "\n\n".join(texts), lambda lemma, pos: "")
    for paragraph in reader.paragraphs:
        for sent in paragraph:
            words = [
                (sent.text, t.text, t.lemma, t.pos)
                for t in sent.tokens
                if t.pos in CONTENT
                and t.text.isalpha()
                and t.text.lower() not in stop
                and len(t.text) > 2
                and (t.pos != "ADV" or t.text.lower().endswith("ly"))
            ]
            found.append(words or [(sent.text, "", "", "")])
    return found


def _level(lemma: str, pos: str) -> str:
    try:
        return assess_word(lemma, pos).level
    except ValueError:
        return ""


def saved_words(nlp: Language, shared: Path, count: int = 300, seed: int = 17) -> list[SavedSample]:
    read = [text for _, text in dev_texts(shared)]  # words are saved from the Intermediate texts
    also = [text for level in ("ele", "adv") for _, text in dev_texts(shared, level)]
    first = _sentences(nlp, [p for t in read for p in t.split("\n") if p.strip()])
    sentences = first + _sentences(nlp, [p for t in also for p in t.split("\n") if p.strip()])
    met = {(lemma, pos) for words in first for _, word, lemma, pos in words if word}
    by_lemma: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for words in sentences:
        for text, word, lemma, pos in words:
            if not word:
                continue
            found = by_lemma.setdefault((lemma, pos), [])
            if all(text != seen for seen, _ in found):
                found.append((text, word))
    keys = sorted(k for k in by_lemma if k in met and _level(*k) not in ("A1", ""))
    random.Random(seed).shuffle(keys)
    samples = []
    for lemma, pos in keys[:count]:
        (sentence, word), *others = by_lemma[(lemma, pos)]
        samples.append(SavedSample(lemma, pos, word, sentence, [s for s, _ in others]))
    return samples
