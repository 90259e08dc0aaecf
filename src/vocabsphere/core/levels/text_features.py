"""Features of a parsed English text for the CEFR text-level model.

Input is a spaCy ``Doc`` from ``vocabsphere.core.text.load_pipeline()`` (UPOS, lemmas, UD
dependencies, sentences). Every feature is a rate or a mean, so texts of different lengths are
comparable; word and sentence counts are reported but are not model inputs. Only the first
``MAX_WORDS`` words (whole sentences) are analysed; ``TextFeatures.truncated`` says when more
text was ignored.
"""

from __future__ import annotations

import importlib
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from vocabsphere.core.levels.cefr import LEVELS
from vocabsphere.core.levels.readability import count_syllables, fkgl
from vocabsphere.core.levels.word_level import assess_word

MAX_WORDS = 20_000  # words analysed per text (whole sentences); the rest is ignored
CONTENT_POS: frozenset[str] = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
GRAMMAR_BANDS: tuple[str, ...] = ("A", "B1", "B2", "C")
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "advcl:relcl", "acl", "acl:relcl", "parataxis"})
_CLAUSE_DEPS |= {"csubj", "csubj:pass", "csubj:outer"}
_SUBORDINATE_DEPS = frozenset({"ccomp", "advcl", "advcl:relcl", "acl:relcl", "csubj", "csubj:pass"})
_PASSIVE_DEPS = frozenset({"aux:pass", "nsubj:pass", "csubj:pass"})
_CLITICS = frozenset({"n't", "'s", "'re", "'ll", "'ve", "'d", "'m", "s", "nt"})
_MATTR_WINDOW = 50
LONG_SENTENCE = 25
RARE_ZIPF = 4.0
_FINAL = frozenset(".!?")
_CLOSERS = frozenset({'"', "'", ")", "]", "}"})


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """What the text-level model sees, plus counts for display."""

    word_count: int
    sentence_count: int
    truncated: bool
    mean_sentence_length: float  # words per sentence
    sentence_length_sd: float  # standard deviation of sentence length (words)
    clauses_per_sentence: float
    subordinate_per_sentence: float
    mean_parse_depth: float  # mean over sentences of the deepest token's distance to the root
    passive_share: float  # passive verbs / verbs
    commas_per_sentence: float
    long_sentence_share: float  # sentences of more than LONG_SENTENCE words
    syllables_per_word: float
    polysyllable_share: float  # words of three or more syllables
    letters_per_word: float
    fkgl: float  # Flesch-Kincaid grade level
    lexical_density: float  # content words / words
    mattr: float  # moving-average type-token ratio (window 50 words)
    vocab_profile: tuple[float, ...]  # share of content words per band A1..C2 (sums to 1)
    mean_word_score: float  # mean word-level score (1..6) of content words
    mean_content_zipf: float  # mean wordfreq Zipf frequency of content words (lower = rarer)
    rare_word_share: float  # content words with Zipf below RARE_ZIPF
    style_score: float  # mean simplification-lexicon weight per word (0.0 without a lexicon)
    grammar_points: tuple[tuple[str, int], ...] | None  # (point id, count); None: no detector
    grammar_per_sentence: tuple[float, ...] | None  # matches per sentence per GRAMMAR_BANDS

    def share_from(self, band: int) -> float:
        """Share of content words at band index `band` (0 = A1) or above."""
        return float(sum(self.vocab_profile[band:]))

    def model_inputs(self) -> dict[str, float]:
        """Named numeric features the model may use (see the model JSON for the chosen ones)."""
        out = {name: float(getattr(self, name)) for name in _SCALAR_INPUTS}
        for i, level in enumerate(LEVELS[1:], start=1):
            out[f"share_{level}_plus"] = self.share_from(i)
        if self.grammar_per_sentence is not None:
            for band, rate in zip(GRAMMAR_BANDS, self.grammar_per_sentence, strict=True):
                out[f"grammar_{band}_per_sentence"] = rate
        return out


_SCALAR_INPUTS: tuple[str, ...] = tuple(
    name
    for name, kind in TextFeatures.__annotations__.items()
    if kind == "float" and name not in {"word_count", "sentence_count"}
)


def is_word(token: Token) -> bool:
    """A countable word: has a letter or digit, is not punctuation, space or a clitic."""
    if token.is_space or token.is_punct or token.pos_ in {"PUNCT", "SYM"}:
        return False
    return any(ch.isalnum() for ch in token.text) and token.lower_ not in _CLITICS


def content_score(token: Token) -> float:
    """Word-level score (1..6) of a content word; falls back to the surface form if the lemma is unknown."""
    lemma = token.lemma_.strip() or token.lower_
    found = assess_word(lemma, token.pos_)
    if found.source == "model" and token.lower_ != lemma.lower():
        surface = assess_word(token.lower_, token.pos_)
        if surface.source == "list":
            return surface.score
    return found.score


def _token_depths(doc: Doc) -> list[int]:
    """Distance of every token to the root of its parse tree."""
    depths = [-1] * len(doc)
    for token in doc:
        chain: list[int] = []
        node = token
        while depths[node.i] < 0 and node.head.i != node.i and len(chain) < len(doc):
            chain.append(node.i)
            node = node.head
        base = max(depths[node.i], 0)
        depths[node.i] = base
        for offset, index in enumerate(reversed(chain), start=1):
            depths[index] = base + offset
    return depths


def _is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT" or token.dep_ in _CLAUSE_DEPS:
        return True
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and token.head.pos_ in {"VERB", "AUX"}


def _is_passive(token: Token) -> bool:
    return token.pos_ == "VERB" and any(child.dep_ in _PASSIVE_DEPS for child in token.children)


def sentences(doc: Doc) -> Iterator[Span]:
    """Sentences by punctuation and line breaks (closing quotes stay with their sentence).

    Used instead of ``doc.sents`` because parser-made boundaries split too often at names.
    """
    start, i, n = 0, 0, len(doc)
    while i <= n:
        end = -1
        if i == n or (doc[i].is_space and "\n" in doc[i].text):
            end = i
        elif doc[i].is_punct and doc[i].text[-1] in _FINAL:
            while i + 1 < n and doc[i + 1].is_punct and doc[i + 1].text[-1] in _FINAL | _CLOSERS:
                i += 1
            end = i + 1
        if end >= 0:
            if any(is_word(t) for t in doc[start:end]):
                yield doc[start:end]
            start = max(end, i + 1)
        i += 1


def _bounded(doc: Doc, max_words: int) -> tuple[list[Span], bool]:
    """Sentences with at least one word, up to `max_words` words; and whether text was cut."""
    sents: list[Span] = []
    words = 0
    for sent in sentences(doc):
        n = sum(1 for t in sent if is_word(t))
        if words + n > max_words:
            if not sents:  # one endless "sentence" (no punctuation): keep its first words
                ends = [t.i + 1 for t in sent if is_word(t)]
                sents.append(doc[sent.start : ends[max(max_words, 1) - 1]])
            return sents, True
        sents.append(sent)
        words += n
    return sents, False


def _mattr(forms: list[str]) -> float:
    if not forms:
        return 0.0
    if len(forms) <= _MATTR_WINDOW:
        return len(set(forms)) / len(forms)
    counts = Counter(forms[:_MATTR_WINDOW])
    total = len(counts)
    for i in range(_MATTR_WINDOW, len(forms)):
        out, into = forms[i - _MATTR_WINDOW], forms[i]
        counts[out] -= 1
        if counts[out] == 0:
            del counts[out]
        counts[into] += 1
        total += len(counts)
    return total / (len(forms) - _MATTR_WINDOW + 1) / _MATTR_WINDOW


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


@lru_cache(maxsize=1)
def grammar_detector() -> Callable[[Doc], Iterable[Any]] | None:
    """OPTIONAL FEATURE HOOK: ``vocabsphere.core.levels.grammar.detect_grammar`` if importable."""
    try:
        module = importlib.import_module("vocabsphere.core.levels.grammar")
    except ImportError:
        return None
    detect = getattr(module, "detect_grammar", None)
    return detect if callable(detect) else None


def _grammar_band(level: object) -> str:
    name = str(getattr(level, "value", level)).upper()
    return {"A1": "A", "A2": "A", "B1": "B1", "B2": "B2"}.get(name, "C")


def _grammar(
    doc: Doc, n_sents: int, matches: Iterable[Any] | None = None
) -> tuple[tuple[tuple[str, int], ...], tuple[float, ...]] | None:
    detect = grammar_detector()
    if detect is None:
        return None
    ids: Counter[str] = Counter()
    bands: Counter[str] = Counter()
    for match in detect(doc) if matches is None else matches:
        ids[str(match.point.id)] += 1
        bands[_grammar_band(match.point.level)] += 1
    rates = tuple(_ratio(bands[band], n_sents) for band in GRAMMAR_BANDS)
    return tuple(sorted(ids.items())), rates


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def _vocab(content: list[Token]) -> dict[str, Any]:
    scores = [content_score(t) for t in content]
    bands = Counter(min(5, max(0, int(s + 0.5) - 1)) for s in scores)
    zipfs = [_zipf(t.lower_) for t in content]
    return {
        "vocab_profile": tuple(_ratio(bands[i], len(scores)) for i in range(len(LEVELS))),
        "mean_word_score": _ratio(sum(scores), len(scores)),
        "mean_content_zipf": _ratio(sum(zipfs), len(zipfs)),
        "rare_word_share": _ratio(sum(1 for z in zipfs if z < RARE_ZIPF), len(zipfs)),
        "lexical_density": 0.0,
    }


def _syntax(doc: Doc, sents: list[Span], words: list[Token]) -> dict[str, Any]:
    n_sents = len(sents)
    depths = _token_depths(doc)
    lengths = [sum(1 for t in s if is_word(t)) for s in sents]
    verbs = sum(1 for t in words if t.pos_ == "VERB")
    return {
        "mean_sentence_length": _ratio(len(words), n_sents),
        "sentence_length_sd": statistics.pstdev(lengths) if lengths else 0.0,
        "clauses_per_sentence": _ratio(sum(1 for t in words if _is_clause_head(t)), n_sents),
        "subordinate_per_sentence": _ratio(sum(1 for t in words if t.dep_ in _SUBORDINATE_DEPS), n_sents),
        "mean_parse_depth": _ratio(sum(max(depths[t.i] for t in s) for s in sents), n_sents),
        "passive_share": _ratio(sum(1 for t in words if _is_passive(t)), verbs),
        "commas_per_sentence": _ratio(sum(1 for s in sents for t in s if t.text == ","), n_sents),
        "long_sentence_share": _ratio(sum(1 for n in lengths if n > LONG_SENTENCE), n_sents),
    }


def style_forms(words: Iterable[Token]) -> list[str]:
    """Lower-cased words the style lexicon looks at (names and numbers left out)."""
    return [t.lower_ for t in words if t.pos_ not in {"PROPN", "NUM"} and not t.like_num]


def style_score(forms: list[str], lexicon: Mapping[str, float]) -> float:
    """Mean lexicon weight per word; words missing from the lexicon weigh 0."""
    return _ratio(sum(lexicon.get(w, 0.0) for w in forms), len(forms))


def analysed_words(doc: Doc, max_words: int = MAX_WORDS) -> list[Token]:
    """The words extract_features analyses (within the bounded sentences)."""
    return [t for s in _bounded(doc, max_words)[0] for t in s if is_word(t)]


def extract_features(
    doc: Doc,
    max_words: int = MAX_WORDS,
    style_lexicon: Mapping[str, float] | None = None,
    grammar: Iterable[Any] | None = None,
) -> TextFeatures:
    """Features of a parsed text; only whole sentences within the first `max_words` words count.

    `style_lexicon` (word -> weight, from the model JSON) gives ``style_score``; without it 0.0.
    `grammar`: the grammar points of ``doc`` when the caller already found them (ignored when the
    text is cut to `max_words`).
    """
    sents, truncated = _bounded(doc, max_words)
    if truncated:  # analyse (and run the grammar detector on) the bounded part only
        doc = doc[: sents[-1].end].as_doc()
        sents, _ = _bounded(doc, max_words)
    words = [t for s in sents for t in s if is_word(t)]
    content = [t for t in words if t.pos_ in CONTENT_POS and not t.like_num]
    syllables = [count_syllables(t.text) for t in words]
    vocab = _vocab(content) | {"lexical_density": _ratio(len(content), len(words))}
    found = _grammar(doc, len(sents), None if truncated else grammar)
    return TextFeatures(
        word_count=len(words),
        sentence_count=len(sents),
        truncated=truncated,
        syllables_per_word=_ratio(sum(syllables), len(words)),
        polysyllable_share=_ratio(sum(1 for n in syllables if n >= 3), len(words)),
        letters_per_word=_ratio(sum(sum(ch.isalpha() for ch in t.text) for t in words), len(words)),
        fkgl=fkgl(len(words), len(sents), sum(syllables)),
        mattr=_mattr([t.lower_ for t in words]),
        style_score=style_score(style_forms(words), style_lexicon) if style_lexicon else 0.0,
        grammar_points=found[0] if found else None,
        grammar_per_sentence=found[1] if found else None,
        **_syntax(doc, sents, words),
        **vocab,
    )
