"""Check the trained lemmatizer's guesses (and the tagger's present for a past form) against a dictionary
of English word forms.

The edit-tree lemmatizer learns suffix edits from EWT; on words it has not seen it sometimes cuts
too much or too little ("curated" -> "curat", "deploying" -> "deploye", "quizzes" -> "quizze").
Such a lemma reaches learners (the hardest words of a text, the looked-up word, exercises), so a
lemma that English does not have is replaced by lemminflect's dictionary base form of the word.

The tagger, too, takes an irregular past it has not seen for a present or base form ("the lake
froze" tagged VBP with the lemma "froze"); a grammar note would then call it the present simple. A
verb form that is only ever the past of its lemmas ("froze", "strove") is tagged as that past.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token
from wordfreq import zipf_frequency

__all__ = ["CHECKED_POS", "checked_lemma", "past_only_lemma"]

CHECKED_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Below this Zipf frequency a string is not an English word in running text ("curat": 0.0).
_UNKNOWN_ZIPF = 1.0
_PAST = {"Mood": "Ind", "Tense": "Past", "VerbForm": "Fin"}


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


@lru_cache(maxsize=16384)
def past_only_lemma(word: str) -> str | None:
    """The lemma whose simple past ``word`` is, when the form is no base or present form of any verb
    ("froze" -> "freeze"; not "found", also the base of 'found', nor "read" or "put")."""
    form = word.lower()
    lemmas = getAllLemmas(form, "VERB").get("VERB", ())
    if not form.isalpha() or not lemmas:
        return None
    inflections = [getAllInflections(lemma, "VERB") for lemma in lemmas]
    if any(form in forms.get(tag, ()) for forms in inflections for tag in ("VB", "VBP", "VBZ")):
        return None
    pasts = [lemma for lemma, forms in zip(lemmas, inflections, strict=True) if form in forms.get("VBD", ())]
    return str(pasts[0]) if len(pasts) == 1 else None


def _retag_past(token: Token) -> None:
    """A past form the tagger took for a present or base form: the simple past, or after 'have'/'be'
    the participle ("had froze" is not standard, but the form is still no present)."""
    lemma = past_only_lemma(token.text)
    if lemma is None:
        return
    helped = any(c.dep_.startswith("aux") and c.lemma_.lower() in ("have", "be") for c in token.children)
    token.tag_ = "VBN" if helped else "VBD"
    token.morph = MorphAnalysis(token.vocab, {"Tense": "Past", "VerbForm": "Part"} if helped else _PAST)
    token.lemma_ = lemma


@Language.component("vocabsphere_lemma_check")
def check_lemmas(doc: Doc) -> Doc:
    """Replace the lemmas English does not have (see :func:`checked_lemma`) and retag the pasts
    taken for presents (see :func:`past_only_lemma`)."""
    for token in doc:
        if token.pos_ == "VERB" and token.tag_ in ("VB", "VBP"):
            _retag_past(token)
        if token.pos_ in CHECKED_POS and token.lemma_.lower() != token.lower_:
            token.lemma_ = checked_lemma(token.text, token.lemma_, token.pos_)
    return doc
