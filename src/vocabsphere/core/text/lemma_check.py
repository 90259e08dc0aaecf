"""Check the trained lemmatizer's guesses against a dictionary of English base forms.

The edit-tree lemmatizer learns suffix edits from EWT; on words it has not seen it sometimes cuts
too much or too little ("curated" -> "curat", "deploying" -> "deploye", "quizzes" -> "quizze").
Such a lemma reaches learners (the hardest words of a text, the looked-up word, exercises), so a
lemma that English does not have is replaced by lemminflect's dictionary base form of the word.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas
from spacy.language import Language
from spacy.tokens import Doc
from wordfreq import zipf_frequency

__all__ = ["CHECKED_POS", "checked_lemma"]

CHECKED_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Below this Zipf frequency a string is not an English word in running text ("curat": 0.0).
_UNKNOWN_ZIPF = 1.0


@lru_cache(maxsize=65536)
def checked_lemma(word: str, lemma: str, upos: str) -> str:
    """The lemma to keep for ``word`` tagged ``upos``: the trained one unless it is no English base
    form of that part of speech while the dictionary knows the word; then the dictionary's.
    Replacing every lemma the dictionary disagrees with was tried and lost: it turns EWT's "more",
    "most" and "later" into "much" and "late" (`bench/bench_pipeline.py`: this check 96.05 %)."""
    if upos not in CHECKED_POS or not word.isalpha():
        return lemma
    key = lemma.lower()
    known = getAllLemmas(word.lower(), upos).get(upos)
    if not known or key in known:
        return lemma
    own = getAllLemmas(key, upos).get(upos, ())
    if zipf_frequency(key, "en") < _UNKNOWN_ZIPF or not own:
        return str(known[0])
    return lemma


@Language.component("vocabsphere_lemma_check")
def check_lemmas(doc: Doc) -> Doc:
    """Replace the lemmas English does not have (see :func:`checked_lemma`)."""
    for token in doc:
        if token.pos_ in CHECKED_POS and token.lemma_.lower() != token.lower_:
            token.lemma_ = checked_lemma(token.text, token.lemma_, token.pos_)
    return doc
