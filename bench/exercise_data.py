"""A synthetic learner for the exercise benches: words saved from OneStopEnglish dev articles.

The learner reads the dev split's stories, Intermediate texts first, and saves content words
(nouns, verbs, adjectives, -ly adverbs of at least A2) from them, each with the sentence it was met
in; the other sentences holding the same lemma in the stories' texts (all three levels, as the
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

from vocabsphere.core.learnables.words import lemma_of
from vocabsphere.core.levels import assess_word

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
    """Per sentence: (text, word, lemma, pos) of its content words."""
    found = []
    for doc in nlp.pipe(texts):
        for sent in doc.sents:
            words = [
                (sent.text.strip(), t.text, lemma_of(t), t.pos_)
                for t in sent
                if t.pos_ in CONTENT
                and t.is_alpha
                and not t.is_stop
                and len(t.text) > 2
                and (t.pos_ != "ADV" or t.lower_.endswith("ly"))
            ]
            found.append(words or [(sent.text.strip(), "", "", "")])
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
