"""The reader's tokens and lemma profile of a text, parsed once (when a version is built)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from vocabsphere.core.reading import build_reader_text
from vocabsphere.core.reading.tokens import PreparedWords, ReaderSentence, ReaderText, profile_to_json

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from vocabsphere.core.lexicon import Lexicon
    from vocabsphere.core.lexicon.substitutes import Substitute

# Answers per stored sentence (its tokens and parse): a version repeats most of another's sentences.
SentenceAnswers = dict[tuple[object, ...], dict[int, "tuple[Substitute, ...]"]]


def analyse_for_reader(
    text: str, lexicon: Lexicon | None = None, memo: SentenceAnswers | None = None
) -> tuple[str, str]:
    """(reader JSON, lemma profile JSON) of ``text``; slow (a parse): call it outside transactions.
    With ``lexicon``, the answers a tap would compute slowly are prepared and stored with it
    (``memo`` shares them between the versions of one story)."""
    from vocabsphere.core.levels import word_level
    from vocabsphere.core.text import load_pipeline

    nlp = load_pipeline()
    reader = build_reader_text(nlp, text, word_level)
    if lexicon is not None:
        reader = prepare_taps(reader, lexicon, nlp.vocab, {} if memo is None else memo)
    return reader.to_json(), profile_to_json(reader.lemma_profile())


def prepare_taps(reader: ReaderText, lexicon: Lexicon, vocab: Vocab, memo: SentenceAnswers) -> ReaderText:
    """``reader`` with the simpler words of its words, computed on the Doc a tap rebuilds from the
    stored parse (the text goes through its JSON first, as a tap reads it)."""
    from vocabsphere.core.lexicon.prepared import prepare_simpler, prepared_fingerprint, should_prepare
    from vocabsphere.core.reading.tokens import sentence_doc

    if not should_prepare():
        return reader
    stored = ReaderText.from_json(reader.to_json())
    assert stored is not None  # just written in the current format
    simpler = {}
    for index, sentence in enumerate(stored.sentences()):
        found = memo.get(_key(sentence))
        if found is None:
            doc = sentence_doc(vocab, sentence)
            found = {} if doc is None else prepare_simpler(lexicon, doc, _above_a2(stored, sentence))
            memo[_key(sentence)] = found
        simpler.update({(index, token): words for token, words in found.items()})
    return replace(reader, prepared=PreparedWords(prepared_fingerprint(lexicon), simpler))


# Words rated A1-A2 almost never have a simpler synonym, and then the ranker is not asked: their
# taps compute the answer in a fraction of a millisecond, so the build leaves them out.
_EASY = frozenset({"A1", "A2"})


def _above_a2(text: ReaderText, sentence: ReaderSentence) -> list[bool]:
    """Per token: a word whose lemma is rated above A2 (or not rated)."""
    return [t.is_word and text.levels.get(t.lemma) not in _EASY for t in sentence.tokens]


def _key(sentence: ReaderSentence) -> tuple[object, ...]:
    return (sentence.tokens, sentence.parse)
