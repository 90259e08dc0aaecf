"""The reader's tokens and lemma profile of a text, parsed once (when a version is built)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from vocabsphere.core.reading import build_reader_text
from vocabsphere.core.reading.tokens import PreparedWords, ReaderSentence, ReaderText, profile_to_json

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from vocabsphere.core.lexicon import Lexicon
    from vocabsphere.core.lexicon.prepared import PreparedSentence

# Answers per stored sentence (its tokens and parse): a version repeats most of another's sentences.
SentenceAnswers = dict[tuple[object, ...], "PreparedSentence"]


class ParagraphParses:
    """``nlp.pipe`` for the reader's paragraphs, each distinct paragraph parsed once: the versions
    of a story repeat many of the original's paragraphs word for word (a paragraph is parsed on its
    own either way, so its Doc is the same)."""

    def __init__(self, nlp: Language) -> None:
        from vocabsphere.core.adapt.document import ParseCache

        self.vocab = nlp.vocab
        self._cache = ParseCache(nlp)

    def parse(self, texts: Iterable[str]) -> None:
        """Parse ``texts`` now, in one batch (the paragraphs of every version of a story)."""
        self._cache.parse(texts)

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        wanted = list(texts)
        self._cache.parse(wanted)
        return (self._cache.get(text) for text in wanted)


def analyse_for_reader(
    text: str,
    lexicon: Lexicon | None = None,
    memo: SentenceAnswers | None = None,
    parses: ParagraphParses | None = None,
) -> tuple[str, str]:
    """(reader JSON, lemma profile JSON) of ``text``; slow (a parse): call it outside transactions.
    With ``lexicon``, the answers a tap would compute slowly are prepared and stored with it
    (``memo`` shares them between the versions of one story, ``parses`` the paragraphs' parses)."""
    from vocabsphere.core.levels import word_level
    from vocabsphere.core.text import load_pipeline

    nlp = load_pipeline()
    # build_reader_text only calls ``pipe`` on the paragraphs (the cast keeps its plain signature).
    reader = build_reader_text(cast("Language", parses) if parses else nlp, text, word_level)
    if lexicon is not None:
        reader = prepare_taps(reader, lexicon, nlp.vocab, {} if memo is None else memo)
    return reader.to_json(), profile_to_json(reader.lemma_profile())


def prepare_stored_taps(reader_json: str, lexicon: Lexicon, memo: SentenceAnswers) -> str | None:
    """A stored reader JSON with the answers of its taps prepared (see :func:`prepare_taps`); None when
    there is nothing to prepare (the JSON is unreadable or already prepared, or preparing is off)."""
    from vocabsphere.core.lexicon.prepared import should_prepare
    from vocabsphere.core.text import load_pipeline

    reader = ReaderText.from_json(reader_json)
    if reader is None or reader.prepared is not None or not should_prepare():
        return None
    return prepare_taps(reader, lexicon, load_pipeline().vocab, memo).to_json()


def prepare_taps(reader: ReaderText, lexicon: Lexicon, vocab: Vocab, memo: SentenceAnswers) -> ReaderText:
    """``reader`` with the sense choices and simpler words of its words, computed on the Doc a tap
    rebuilds from the stored parse (the text goes through its JSON first, as a tap reads it)."""
    from vocabsphere.core.lexicon.prepared import (
        PreparedSentence,
        prepare_sentence,
        prepared_fingerprint,
        should_prepare,
    )
    from vocabsphere.core.reading.tokens import sentence_doc

    if not should_prepare():
        return reader
    stored = ReaderText.from_json(reader.to_json())
    assert stored is not None  # just written in the current format
    simpler, choices = {}, {}
    for index, sentence in enumerate(stored.sentences()):
        found = memo.get(_key(sentence))
        if found is None:
            doc = sentence_doc(vocab, sentence)
            words = [t.is_word for t in sentence.tokens]
            found = PreparedSentence({}, {}) if doc is None else prepare_sentence(lexicon, doc, words)
            memo[_key(sentence)] = found
        simpler.update({(index, token): subs for token, subs in found.simpler.items()})
        choices.update({(index, token): made for token, made in found.choices.items()})
    return replace(reader, prepared=PreparedWords(prepared_fingerprint(lexicon), simpler, choices))


def _key(sentence: ReaderSentence) -> tuple[object, ...]:
    return (sentence.tokens, sentence.parse)
