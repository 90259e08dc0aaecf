"""The source as data: normalised paragraphs, sentences, and a parse cache shared by all versions.

Sentences are split by rule and parsed one Doc per sentence (batched with ``nlp.pipe``): the
parser's own boundaries are unreliable on news text, and per-sentence Docs let every version reuse
the parses of sentences it leaves unchanged. Measuring a version joins its sentence Docs with
``Doc.from_docs`` instead of parsing the whole text again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.text_ops import split_sentences, word_count
from vocabsphere.core.levels.readability import normalise_text

__all__ = ["ParseCache", "Source", "prepare"]

_BATCH = 64


class ParseCache:
    """Parses each distinct sentence once; later look-ups are free."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._docs: dict[str, Doc] = {}

    def parse(self, texts: Iterable[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=_BATCH), strict=True):
            self._docs[text] = doc

    def get(self, text: str) -> Doc:
        if text not in self._docs:
            self.parse([text])
        return self._docs[text]

    def join(self, texts: Sequence[str]) -> Doc:
        """One Doc for a whole version, built from the cached sentence parses."""
        self.parse(texts)
        return Doc.from_docs([self._docs[t] for t in texts], ensure_whitespace=True)


@dataclass(frozen=True)
class Source:
    """The prepared source story."""

    paragraphs: tuple[str, ...]
    units: tuple[Unit, ...]

    @property
    def words(self) -> int:
        return sum(u.words for u in self.units)


def prepare(text: str) -> Source:
    """Normalise (as the level model expects) and split into paragraphs and sentence units."""
    paragraphs = tuple(normalise_text(text).split("\n"))
    units = tuple(
        Unit(p, sentence, word_count(sentence))
        for p, paragraph in enumerate(paragraphs)
        for sentence in split_sentences(paragraph)
    )
    return Source(paragraphs, units)
