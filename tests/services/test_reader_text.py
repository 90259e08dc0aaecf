"""The reader's analysis of a story's versions: paragraphs the versions repeat are parsed once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from vocabsphere.core.text import load_pipeline
from vocabsphere.services.reader_text import ParagraphParses, analyse_for_reader

# Invented: a version keeps the first paragraph word for word and rewrites the second.
ORIGINAL = (
    "The harbour master opened the new pier on Friday.\n\n"
    "Fishermen, who had waited for years, applauded the decision enthusiastically."
)
VERSION = "The harbour master opened the new pier on Friday.\n\nFishermen were happy. They waited for years."


class _Counting:
    """The pipeline, counting the texts it parses."""

    def __init__(self) -> None:
        self.nlp = load_pipeline()
        self.vocab = self.nlp.vocab
        self.parsed: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        wanted = list(texts)
        self.parsed += wanted
        return self.nlp.pipe(wanted, batch_size=batch_size)


def test_paragraphs_a_version_repeats_are_parsed_once_with_the_same_analysis() -> None:
    counting = _Counting()
    parses = ParagraphParses(counting)  # type: ignore[arg-type]  # duck-typed: only pipe is used
    shared = [analyse_for_reader(text, parses=parses) for text in (ORIGINAL, VERSION)]
    assert counting.parsed.count("The harbour master opened the new pier on Friday.") == 1
    assert len(counting.parsed) == 3
    assert shared == [analyse_for_reader(text) for text in (ORIGINAL, VERSION)]
