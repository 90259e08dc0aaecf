"""A synthetic learner for the exercise benches: words saved from OneStopEnglish dev articles.

The learner reads the dev split's stories, Intermediate texts first, and saves content words
(nouns, verbs, adjectives, -ly adverbs of at least A2) from them, each with the sentence it was met
in, under the lemma and part of speech the reader page saves (core.reading.tokens: what a tap on
the word sends; the look-up's lemma, so "wilderness" is not saved as "wildern"); the word's other
sentences are those the practice service would gather for it (see :func:`saved_words`).
Deterministic (seeded).
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
from vocabsphere.services.practice import READ_STORIES, sentences_holding

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


Sentence = tuple[str, list[tuple[str, str, str]], set[str]]  # text, content words, every word's lemma


def _sentences(nlp: Language, texts: list[str]) -> list[Sentence]:
    """Per sentence as the reader page shows it: its text, its content words as (word, lemma, pos),
    and the lemmas of all its words (what a story opened later matches saved words on)."""
    found = []
    stop = nlp.Defaults.stop_words
    reader = build_reader_text(nlp, "\n\n".join(texts), lambda lemma, pos: "")
    for paragraph in reader.paragraphs:
        for sent in paragraph:
            words = [
                (t.text, t.lemma, t.pos)
                for t in sent.tokens
                if t.pos in CONTENT
                and t.text.isalpha()
                and t.text.lower() not in stop
                and len(t.text) > 2
                and (t.pos != "ADV" or t.text.lower().endswith("ly"))
            ]
            found.append((sent.text, words, {t.lemma for t in sent.tokens if t.lemma}))
    return found


def _level(lemma: str, pos: str) -> str:
    try:
        return assess_word(lemma, pos).level
    except ValueError:
        return ""


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def saved_words(
    nlp: Language, shared: Path, count: int = 300, seed: int = 17, split: str = "dev"
) -> list[SavedSample]:
    """The learner reads the Intermediate dev texts in the index's order and saves words from
    them; a word's other sentences are what the practice service (``services.practice.
    word_sentences``) would find for it: the sentences where it was met again in the stories opened
    after it was saved (encounters: the first sentence holding its lemma in each), then the
    sentences holding a form of it in the level versions of its own story and of the
    ``READ_STORIES`` stories read last. ``split``: "dev" measures; "train" is for tuning rules."""
    read = list(dev_texts(shared, split=split))  # (article id, Intermediate text), in reading order
    versions: dict[str, list[str]] = {}
    for level in ("ele", "int", "adv"):  # the service reads a story's versions in level order
        for article, text in dev_texts(shared, level, split):
            versions.setdefault(article, []).append(text)
    stories = [_sentences(nlp, _paragraphs(text)) for _, text in read]
    first: dict[tuple[str, str], tuple[int, str, str]] = {}  # (lemma, pos) -> (story, sentence, word)
    for number, sentences in enumerate(stories):
        for text, words, _ in sentences:
            for word, lemma, pos in words:
                first.setdefault((lemma, pos), (number, text, word))
    keys = sorted(k for k in first if _level(*k) not in ("A1", ""))
    random.Random(seed).shuffle(keys)
    recent = [article for article, _ in read][-READ_STORIES:][::-1]  # most recent first
    samples = []
    for lemma, pos in keys[:count]:
        number, sentence, word = first[(lemma, pos)]
        later = stories[number + 1 :]
        found = [next((text for text, _, lemmas in story if lemma in lemmas), "") for story in later]
        for article in dict.fromkeys([read[number][0], *recent]):
            for text in versions[article]:
                found += sentences_holding(text, lemma)
        others = [s for s in dict.fromkeys(found) if s and s != sentence]
        samples.append(SavedSample(lemma, pos, word, sentence, others))
    return samples
