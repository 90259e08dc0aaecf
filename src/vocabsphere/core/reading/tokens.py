"""The reader's view of a text: paragraphs of sentences of tokens, each word with its lemma, POS and level.

Parsed once when a version is built and stored as compact JSON, so serving a page needs no parser;
each sentence keeps its parse (POS, fine tag, dependency, head), so a word tapped in the reader is
looked up in its sentence without parsing it again (``sentence_doc``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lemminflect import getAllLemmas

from vocabsphere.core.articles import paragraphs
from vocabsphere.core.lexicon.sense_ranking import token_lemma
from vocabsphere.core.lexicon.substitutes import Substitute
from vocabsphere.core.lexicon.tap_choice import StoredChoices, choices_from_json, choices_to_json
from vocabsphere.core.reading.word_keys import word_key

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = [
    "LemmaStats",
    "PreparedWords",
    "ReaderSentence",
    "ReaderText",
    "ReaderToken",
    "TokenParse",
    "build_reader_text",
    "fold_text",
    "normalise_lemma",
    "sentence_doc",
]

# 2: sentences keep their parse; 3: the look-up's lemmas; 4: words inside names ("United" States) are names
FORMAT_VERSION = 4
# Punctuation, symbols and numbers are shown but are not words to look up, learn or count.
_NOT_WORDS = {"PUNCT", "SYM", "NUM", "SPACE"}
_HAS_LETTER = re.compile(r"[^\W\d_]")


def fold_text(text: str) -> str:
    """Text as compared: curly apostrophes straightened, single spaces, case folded."""
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def normalise_lemma(value: str) -> str:
    """The key statuses are stored under (see ``fold_text``)."""
    return fold_text(value)


@dataclass(frozen=True, slots=True)
class ReaderToken:
    text: str
    space: bool  # followed by white space
    lemma: str = ""  # "" for anything that is not a word
    pos: str = ""

    @property
    def is_word(self) -> bool:
        return bool(self.lemma)

    @property
    def is_name(self) -> bool:
        return self.pos == "PROPN"

    @property
    def key(self) -> str:
        """What the learner's status and saved word are stored under (lemma and part of speech)."""
        return word_key(self.lemma, self.pos)


@dataclass(frozen=True, slots=True)
class TokenParse:
    pos: str  # UPOS
    tag: str  # fine (Penn) tag
    dep: str
    head: int  # index of the head token in the sentence (its own index for a root)


@dataclass(frozen=True, slots=True)
class ReaderSentence:
    tokens: tuple[ReaderToken, ...]
    parse: tuple[TokenParse, ...] = ()  # one per token; empty for texts stored without it

    @property
    def text(self) -> str:
        return "".join(t.text + (" " if t.space else "") for t in self.tokens).strip()


@dataclass(frozen=True, slots=True)
class LemmaStats:
    count: int
    level: str | None
    is_name: bool


@dataclass(frozen=True)
class PreparedWords:
    """What a tap would compute slowly, computed when the version was built
    (:mod:`vocabsphere.core.lexicon.prepared`); valid only for the code and lexicon of ``fingerprint``."""

    fingerprint: str
    # (sentence, token) -> the words (often none); a word left out is computed by its tap
    simpler: Mapping[tuple[int, int], tuple[Substitute, ...]]
    # (sentence, token) -> the word's sense choices (:mod:`vocabsphere.core.lexicon.tap_choice`)
    choices: Mapping[tuple[int, int], StoredChoices] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        words = {
            f"{s}.{t}": [[w.lemma, w.form, w.level, w.zipf] for w in found]
            for (s, t), found in self.simpler.items()
        }
        choices = {f"{s}.{t}": choices_to_json(found) for (s, t), found in self.choices.items()}
        return {"fp": self.fingerprint, "sw": words, "ch": choices}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PreparedWords:
        simpler = {}
        for key, found in data.get("sw", {}).items():
            s, t = key.split(".")
            simpler[int(s), int(t)] = tuple(
                Substitute(str(a), str(b), str(c), float(d)) for a, b, c, d in found
            )
        choices = {}
        for key, found in data.get("ch", {}).items():
            s, t = key.split(".")
            choices[int(s), int(t)] = choices_from_json(found)
        return cls(str(data.get("fp", "")), simpler, choices)


@dataclass(frozen=True)
class ReaderText:
    paragraphs: tuple[tuple[ReaderSentence, ...], ...]
    levels: Mapping[str, str]  # lemma -> CEFR level, for the words in the text
    prepared: PreparedWords | None = None  # None: a tap computes everything itself

    def sentences(self) -> Iterator[ReaderSentence]:
        """Every sentence, in the order ``sentence_at`` counts them."""
        for paragraph in self.paragraphs:
            yield from paragraph

    def sentence_at(self, index: int) -> ReaderSentence | None:
        """The ``index``-th sentence of the text (counted across paragraphs), None past the end."""
        if index >= 0:
            for paragraph in self.paragraphs:
                if index < len(paragraph):
                    return paragraph[index]
                index -= len(paragraph)
        return None

    def words(self) -> Iterator[ReaderToken]:
        for paragraph in self.paragraphs:
            for sentence in paragraph:
                yield from (t for t in sentence.tokens if t.is_word)

    def lemma_profile(self) -> dict[str, LemmaStats]:
        """Each word's (``ReaderToken.key``) count, level and whether it is (mostly) used as a name."""
        counts: dict[str, int] = {}
        names: dict[str, int] = {}
        levels: dict[str, str | None] = {}
        for token in self.words():
            key = token.key
            counts[key] = counts.get(key, 0) + 1
            names[key] = names.get(key, 0) + (1 if token.is_name else 0)
            levels[key] = self.levels.get(token.lemma)
        return {key: LemmaStats(count, levels[key], names[key] * 2 > count) for key, count in counts.items()}

    def to_json(self) -> str:
        def token(t: ReaderToken) -> list[Any]:
            return [t.text, int(t.space), t.lemma, t.pos] if t.is_word else [t.text, int(t.space)]

        data = {
            "v": FORMAT_VERSION,
            "p": [[[token(t) for t in s.tokens] for s in p] for p in self.paragraphs],
            "x": [[[[x.pos, x.tag, x.dep, x.head] for x in s.parse] for s in p] for p in self.paragraphs],
            "lv": dict(self.levels),
            **({"tap": self.prepared.to_json()} if self.prepared is not None else {}),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> ReaderText | None:
        """The stored reader text, or None if it is missing or from another format version."""
        if not raw:
            return None
        data = json.loads(raw)
        if data.get("v") != FORMAT_VERSION:
            return None

        def token(item: list[Any]) -> ReaderToken:
            if len(item) == 4:
                return ReaderToken(item[0], bool(item[1]), item[2], item[3])
            return ReaderToken(item[0], bool(item[1]))

        def parse(items: list[list[Any]]) -> tuple[TokenParse, ...]:
            return tuple(TokenParse(str(a), str(b), str(c), int(d)) for a, b, c, d in items)

        parses = data.get("x") or [[[] for _ in p] for p in data["p"]]
        return cls(
            paragraphs=tuple(
                tuple(
                    ReaderSentence(tuple(token(t) for t in s), parse(x)) for s, x in zip(p, xp, strict=True)
                )
                for p, xp in zip(data["p"], parses, strict=True)
            ),
            levels=dict(data.get("lv", {})),
            prepared=PreparedWords.from_json(data["tap"]) if "tap" in data else None,
        )


def profile_to_json(profile: Mapping[str, LemmaStats]) -> str:
    return json.dumps(
        {k: [v.count, v.level, int(v.is_name)] for k, v in profile.items()},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def profile_from_json(raw: str) -> dict[str, LemmaStats]:
    data = json.loads(raw or "{}")
    return {k: LemmaStats(int(v[0]), v[1], bool(v[2])) for k, v in data.items()}


def _lemma(token: Any) -> str:
    """The lemma the look-up gives (lemminflect's for the POS, as ``token_lemma``), so statuses and saved
    words match every form ("troops" -> "troop", "Batteries" -> "battery"), not only the form the trained
    lemmatiser kept. The look-up checks that guess against WordNet; without the lexicon here, a guess
    lemminflect only made by rule ("other" -> "oth") gives way to the parser's lemma."""
    guess = token_lemma(token)
    if token.pos_ == "PROPN":
        return guess
    known = getAllLemmas(str(token.lower_)).get(str(token.pos_), ())
    if not known or guess in known or guess == token.lower_:
        return guess if known or guess == token.lower_ else str(token.lemma_).lower()
    return str(token.lemma_).lower() if str(token.lemma_).lower() in known else known[0]


def _in_name(token: Any) -> bool:
    """A capitalised word inside a name the parser split ("United" in "the United States", "New" in "New
    York"): an adjective or noun modifying a capitalised proper noun just after it."""
    head = token.head
    return bool(
        token.pos_ in ("ADJ", "NOUN")
        and token.dep_ in ("amod", "compound")
        and token.text[:1].isupper()
        and head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and 0 < head.i - token.i <= 2
    )


def _token(token: Any) -> ReaderToken:
    text, space = token.text, bool(token.whitespace_)
    if token.pos_ in _NOT_WORDS or not _HAS_LETTER.search(text):
        return ReaderToken(text, space)
    if _in_name(token):
        return ReaderToken(text, space, normalise_lemma(text), "PROPN")
    lemma = normalise_lemma(_lemma(token) or text)
    if token.pos_ == "PROPN" or not _HAS_LETTER.search(lemma):
        lemma = normalise_lemma(text)  # names are learnt as written; a lemmatiser slip must not empty it
    return ReaderToken(text, space, lemma, token.pos_ or "X")


def _parse(tokens: list[Any]) -> tuple[TokenParse, ...]:
    """Each token's parse, heads as positions in ``tokens`` (a head outside them: a root)."""
    position = {t.i: n for n, t in enumerate(tokens)}
    return tuple(
        TokenParse(t.pos_ or "X", t.tag_ or "", t.dep_ or "dep", position.get(t.head.i, n))
        for n, t in enumerate(tokens)
    )


def sentence_doc(vocab: Vocab, sentence: ReaderSentence) -> Doc | None:
    """The sentence as a parsed spaCy Doc rebuilt from what was stored (no parser runs); None
    for a sentence stored without its parse."""
    from spacy.tokens import Doc

    if len(sentence.parse) != len(sentence.tokens) or not sentence.tokens:
        return None
    tokens, parse = sentence.tokens, sentence.parse
    return Doc(
        vocab,
        words=[t.text for t in tokens],
        spaces=[t.space for t in tokens],
        pos=[x.pos for x in parse],
        tags=[x.tag for x in parse],
        deps=[x.dep for x in parse],
        heads=[x.head for x in parse],
        lemmas=[t.lemma or t.text for t in tokens],
    )


def build_reader_text(nlp: Language, text: str, level_of: Callable[[str, str], str]) -> ReaderText:
    """Parse each paragraph of ``text``; ``level_of(lemma, upos)`` gives a word's CEFR level."""
    result: list[tuple[ReaderSentence, ...]] = []
    levels: dict[str, str] = {}
    for doc in nlp.pipe(paragraphs(text)):
        sentences = []
        for sent in doc.sents:
            kept = [t for t in sent if not t.is_space]
            tokens = tuple(_token(t) for t in kept)
            if tokens:
                sentences.append(ReaderSentence(tokens, _parse(kept)))
                for t in tokens:
                    if t.is_word and t.lemma not in levels and not t.is_name:
                        try:
                            levels[t.lemma] = level_of(t.lemma, t.pos)
                        except ValueError:
                            continue  # an unknown tag: the word just has no level
        if sentences:
            result.append(tuple(sentences))
    return ReaderText(tuple(result), levels)
