"""Rank WordNet senses by fit to a sentence: the SemCor prior, moved by extended Lesk overlap.

A sense's signature holds content-word keys from its gloss, examples, synonyms and hypernym
names (weight 1) and its hypernyms' glosses (``hypernym_gloss``: "bank", the institution,
inherits "financial institution ... funds ... invests"). A context word that hits the
signature adds its rarity (wordfreq; "make" says little, "mortgage" a lot); one that misses
can still hit through its own first glosses (``context_gloss``: "rang" -> ring -> telephone).
Two more signals: the log of the sense's share of SemCor tag counts (``prior``), and WordNet compounds around
the word (``compound``: "tennis court" is a kind of court, the playing area). Named-instance
senses (Margaret Court) are dropped unless the word is used as a name. With the optional
``senses`` extra, the cosine between the sentence and each definition (``semantic``,
:mod:`.sense_embedding`) covers meaning that shares no word ("loan" and "lending").

    score = prior * log(tag share) + overlap * hits + compound * compound evidence + semantic * cosine

The prior is a log: with the plain share (0..1) one chance hit of a rare word outvoted a sense
SemCor saw 90 % of the time, and on held-out SemEval-2007 the ranking fell below WordNet's first
sense (48.5 against 51.5 %). On the log scale a rarer sense must earn its lead from the context.

Words on both sides are reduced to keys with lemminflect (all candidate lemmas), so "loans"
in a sentence meets "loan" in a gloss without running the parser over glosses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lemminflect import getAllLemmas, getLemma
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from .lookup import Lexicon, Sense
from .sense_embedding import load_sense_embedder
from .sense_vectors import load_static_vectors, stored_gloss_sums
from .store_schema import WN_POS_NUMBER, wordnet_pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD = re.compile(r"[A-Za-z]+")
# Words frequent in glosses but empty of topic, beyond spaCy's stop list.
_GLOSS_FILLER = frozenset(
    {
        "especially",
        "usually",
        "something",
        "someone",
        "somebody",
        "thing",
        "things",
        "etc",
        "used",
        "use",
        "make",
        "made",
        "act",
        "cause",
        "become",
        "having",
        "particular",
        "various",
        "person",
        "people",
        "certain",
        "esp",
        "kind",
        "way",
        "state",
        "quality",
    }
)
_STOP = frozenset(STOP_WORDS) | _GLOSS_FILLER


@dataclass(frozen=True)
class Weights:
    """Chosen on the tuning half of SemEval-2007 (bench/bench_wsd.py --tune, d000+d001 only)."""

    overlap: float = 0.5
    prior: float = 1.0  # times the log of the sense's (add-one) share of SemCor tags
    hypernym_gloss: float = 1.0
    context_gloss: float = 0.3  # matches through a context word's own glosses
    compound: float = 2.0  # the word inside a WordNet compound naming or under this sense
    # (1.0 and 2.0 tie on dev in accuracy and MRR; 2.0 lets "river bank" outvote a
    # money-laden sentence, the case the web UI shows when two "bank"s share a sentence)
    semantic: float = 6.0  # times sentence-definition cosine (0.1-0.6), with the extra (tuned, rest fixed)
    static: float = 4.0  # times the cosine of our distilled static vectors (.sense_vectors), no torch


SHIPPED = Weights()
LESK_ONLY = Weights(
    overlap=1.0, prior=0.0, hypernym_gloss=0.0, context_gloss=0.0, compound=0.0, semantic=0.0, static=0.0
)
WITHOUT_EMBEDDINGS = Weights(semantic=0.0)
CONTEXT_SENSES = 3  # glosses of a context word's first senses stand for its meaning
EXPANSION_CAP = 1.5  # one context word cannot outvote the rest through its glosses


@dataclass(frozen=True)
class ContextWord:
    word: str  # lower case, as written
    lemma: str
    pos: str | None  # WordNet letter, None when WordNet has no such POS


@dataclass(frozen=True)
class ScoredSense:
    sense: Sense
    score: float
    overlap: float


@dataclass(frozen=True)
class Evidence:
    """What the lexicon adds beyond the senses themselves (all keyed by synset id or word)."""

    hypernym_glosses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    expansions: dict[str, frozenset[str]] = field(default_factory=dict)  # context word -> keys
    boosts: dict[str, float] = field(default_factory=dict)  # compound evidence per sense
    similarity: dict[str, float] = field(default_factory=dict)  # sentence-definition cosine
    static: dict[str, float] = field(default_factory=dict)  # the same from static word vectors
    penalty: dict[str, float] = field(default_factory=dict)  # senses of a POS the tagger did not give


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> frozenset[str]:
    """Comparable keys of a word: the word and every lemma lemminflect knows for it."""
    low = word.lower()
    if len(low) < 3 or low in _STOP or not low.isalpha():
        return frozenset()
    keys = {low}
    for lemmas in getAllLemmas(low).values():
        keys.update(lemma.lower() for lemma in lemmas)
    return frozenset(k for k in keys if k not in _STOP)


@lru_cache(maxsize=100_000)
def rarity(word: str) -> float:
    """Weight of a matched context word: rarer words are better evidence."""
    return min(2.0, max(0.3, (7.0 - zipf_frequency(word.lower(), "en")) / 2.5))


@lru_cache(maxsize=50_000)
def text_keys(text: str) -> frozenset[str]:
    return frozenset(k for w in _WORD.findall(text) for k in word_keys(w))


def context_words(words: Iterable[ContextWord], exclude: Iterable[str] = ()) -> tuple[ContextWord, ...]:
    """Distinct content words of the sentence, minus the looked-up word."""
    skip = {w.lower() for w in exclude}
    out = {w.word: w for w in words if word_keys(w.word) and w.word not in skip and w.lemma not in skip}
    return tuple(out[k] for k in sorted(out))


def signature(sense: Sense, hypernym_glosses: Sequence[str], weights: Weights) -> dict[str, float]:
    """Key -> weight for one sense (the best weight when a key comes from several parts)."""
    return _signature(sense, tuple(hypernym_glosses), weights)


@lru_cache(maxsize=20_000)  # senses of frequent words recur; the dict is only read
def _signature(sense: Sense, hypernym_glosses: tuple[str, ...], weights: Weights) -> dict[str, float]:
    own = " ".join((sense.definition, *sense.examples, *sense.synonyms, *sense.hypernyms))
    sig: dict[str, float] = {}
    if weights.hypernym_gloss > 0:
        for gloss in hypernym_glosses:
            sig.update(dict.fromkeys(text_keys(gloss), weights.hypernym_gloss))
    sig.update(dict.fromkeys(text_keys(own), 1.0))
    return sig


def overlap(
    context: Sequence[ContextWord], sig: dict[str, float], lemma: str, evidence: Evidence, weights: Weights
) -> float:
    """Direct hits count the word's rarity; hits through its own glosses count less."""
    total = 0.0
    for cw in context:
        hits = [sig[k] for k in word_keys(cw.word) | {cw.lemma} if k in sig and k != lemma]
        if hits:
            total += max(hits) * rarity(cw.word)
        elif weights.context_gloss:
            # in key order: a float sum over a set would vary in its last digit with PYTHONHASHSEED
            expanded = sorted(evidence.expansions.get(cw.word, ()))
            via = sum(sig[k] * rarity(k) for k in expanded if k in sig and k != lemma)
            # Glosses of everyday words ("days" -> time) add noise: scale by rarity too.
            total += weights.context_gloss * min(EXPANSION_CAP, via) * min(1.0, rarity(cw.word))
    return total


def rank_senses(
    senses: Sequence[Sense],
    context: Sequence[ContextWord],
    lemma: str,
    evidence: Evidence | None = None,
    weights: Weights = SHIPPED,
) -> list[ScoredSense]:
    """Senses best first; ties keep WordNet order (sense rank)."""
    if not senses:
        return []
    ev = evidence or Evidence()
    total_tags = sum(s.tag_count for s in senses) + len(senses)  # add-one smoothing
    scored = []
    for sense in senses:
        sig = signature(sense, ev.hypernym_glosses.get(sense.synset_id, ()), weights)
        lap = overlap(context, sig, lemma.lower(), ev, weights)
        prior = (sense.tag_count + 1) / total_tags
        boost = weights.compound * ev.boosts.get(sense.synset_id, 0.0)
        boost += weights.semantic * ev.similarity.get(sense.synset_id, 0.0)
        boost += weights.static * ev.static.get(sense.synset_id, 0.0)
        boost -= ev.penalty.get(sense.synset_id, 0.0)
        score = weights.overlap * lap + weights.prior * math.log(prior) + boost
        scored.append(ScoredSense(sense, score, lap))
    order = sorted(range(len(scored)), key=lambda i: (-scored[i].score, i))
    return [scored[i] for i in order]


def _select_in(lexicon: Lexicon, sql: str, values: Sequence[object]) -> list[Any]:
    """Run ``sql`` on the Lexicon's own read-only connection, its ``IN ({})`` expanded to one
    "?" per value (values never enter the SQL text)."""
    return lexicon._in(sql, values)


def synset_key(synset_id: str) -> int:
    """Inverse of wordnet_reader.synset_label: "02084071-n" -> 20840711."""
    offset, pos = synset_id.split("-")
    return int(offset) * 10 + WN_POS_NUMBER[pos]


def hypernym_glosses(lexicon: Lexicon, senses: Sequence[Sense]) -> dict[str, tuple[str, ...]]:
    """Glosses of each sense's direct hypernyms, in one query."""
    if not senses:
        return {}
    keys = {synset_key(s.synset_id): s.synset_id for s in senses}
    rows = _select_in(
        lexicon,
        "SELECT r.synset, y.definition FROM relations r JOIN synsets y ON y.id = r.target "
        "WHERE r.synset IN ({})",
        list(keys),
    )
    out: dict[str, list[str]] = {}
    for key, definition in rows:
        out.setdefault(keys[int(key)], []).append(str(definition))
    return {k: tuple(v) for k, v in out.items()}


def context_expansions(lexicon: Lexicon, context: Sequence[ContextWord]) -> dict[str, frozenset[str]]:
    """Keys from each context word's first glosses ("rang" -> ring -> "telephone")."""
    return {cw.word: _gloss_keys(lexicon, cw.lemma, cw.pos) for cw in context}


@lru_cache(maxsize=50_000)
def _gloss_keys(lexicon: Lexicon, lemma: str, pos: str | None) -> frozenset[str]:
    """Keys of a word's first senses: glosses, synonyms and hypernym words."""
    conn = lexicon._conn()  # the Lexicon's own per-thread read-only connection
    rows = conn.execute(
        "SELECT s.pos, y.id, y.definition FROM senses s JOIN synsets y ON y.id = s.synset "
        "WHERE s.lemma = ? AND s.rank <= ? ORDER BY s.rank",
        (lemma, CONTEXT_SENSES),
    ).fetchall()
    chosen = [r for r in rows if pos is None or r[0] == pos] or rows
    ids = [int(r[1]) for r in chosen]
    ids += [int(t) for (t,) in _select_in(lexicon, "SELECT target FROM relations WHERE synset IN ({})", ids)]
    words = [str(w) for (w,) in _select_in(lexicon, "SELECT display FROM senses WHERE synset IN ({})", ids)]
    text = " ".join([str(r[2]) for r in chosen] + words)
    return frozenset(k for k in text_keys(text) if k != lemma)


def rank_in_lexicon(
    lexicon: Lexicon,
    senses: Sequence[Sense],
    context: Sequence[ContextWord],
    lemma: str,
    weights: Weights = SHIPPED,
    *,
    proper: bool = False,
    compounds: Sequence[str] = (),
    sentence: str | None = None,
    penalty: dict[str, float] | None = None,
) -> list[ScoredSense]:
    """rank_senses with the signature extensions fetched from the lexicon (when they count).

    Unless the word is used as a name (``proper``), named instances ("Court", the tennis
    player) are left out: a lower-case "court" is never Margaret Court. ``sentence`` feeds the
    embedding similarity when the ``senses`` extra is installed.
    """
    if not proper:
        named = instance_senses(lexicon, senses)
        senses = [s for s in senses if s.synset_id not in named] or list(senses)
    if not context or len(senses) < 2:
        return rank_senses(senses, (), lemma, Evidence(penalty=penalty or {}), weights)
    words = [cw.word for cw in context]
    evidence = Evidence(
        hypernym_glosses(lexicon, senses) if weights.hypernym_gloss else {},
        context_expansions(lexicon, context) if weights.context_gloss else {},
        compound_boosts(lexicon, senses, compounds) if weights.compound else {},
        embedding_similarity(senses, sentence) if weights.semantic and sentence else {},
        _static_similarities(lexicon, words, senses, lemma) if weights.static else {},
        penalty or {},
    )
    return rank_senses(senses, context, lemma, evidence, weights)


def _static_similarities(
    lexicon: Lexicon, words: Sequence[str], senses: Sequence[Sense], lemma: str
) -> dict[str, float]:
    """Sentence-gloss cosines from the static vectors, with the gloss sums the lexicon stores."""
    return load_static_vectors().similarities(words, senses, lemma, stored_gloss_sums(lexicon, senses))


def warm_up() -> None:
    """Load the static vectors and fill the word caches (keys, rarity) for their vocabulary,
    about 1.5 s at start-up: otherwise the first taps pay lemminflect and wordfreq for every new
    word of the glosses of the tapped word's senses."""
    for word in load_static_vectors().words:
        word_keys(word)
        rarity(word)


def embeddings_in_use(weights: Weights) -> bool:
    """The ``senses`` extra's similarity counts in these weights and is installed."""
    return bool(weights.semantic) and load_sense_embedder() is not None


def embedding_similarity(senses: Sequence[Sense], sentence: str) -> dict[str, float]:
    """Sentence-definition cosine per sense; empty without the ``senses`` extra."""
    embedder = load_sense_embedder()
    if embedder is None:
        return {}
    cosines = embedder.similarities(sentence, [s.definition for s in senses])
    return {s.synset_id: c for s, c in zip(senses, cosines, strict=True)}


def instance_senses(lexicon: Lexicon, senses: Sequence[Sense]) -> set[str]:
    """Senses that are named instances (WordNet instance-hypernym pointers)."""
    keys = {synset_key(s.synset_id): s.synset_id for s in senses}
    if not keys:
        return set()
    rows = _select_in(
        lexicon,
        "SELECT synset FROM relations WHERE kind = 'instance_hypernym' AND synset IN ({})",
        list(keys),
    )
    return {keys[int(r[0])] for r in rows}


def compound_boosts(lexicon: Lexicon, senses: Sequence[Sense], compounds: Sequence[str]) -> dict[str, float]:
    """Senses that a WordNet compound around the word names or sits under: "tennis court"
    is a kind of court (the playing area); "electric current" is a synonym of current."""
    if not compounds or not senses:
        return {}
    wanted = {synset_key(s.synset_id): s.synset_id for s in senses}
    level = {
        int(k) for (k,) in _select_in(lexicon, "SELECT synset FROM senses WHERE lemma IN ({})", compounds)
    }
    boosts: dict[str, float] = {}
    for strength in (1.0, 0.8, 0.6):  # the compound itself, its hypernym, the one above
        for key in level & wanted.keys():
            boosts.setdefault(wanted[key], strength)
        if not level or boosts:
            break
        level = {
            int(t)
            for (t,) in _select_in(lexicon, "SELECT target FROM relations WHERE synset IN ({})", list(level))
        }
    return boosts


# -- the ranking context from a parsed sentence ---------------------------------------------
# spaCy tags whose words WordNet files under another POS.
_UPOS_FOR_WORDNET = {"PROPN": "NOUN", "AUX": "VERB"}
_LEMMA_POS = ("NOUN", "VERB", "ADJ", "ADV", "AUX")


def context_of(doc: Doc, index: int | None, exclude: Iterable[str]) -> tuple[ContextWord, ...]:
    """Content words of the sentence holding token ``index`` (the whole doc if None)."""
    # The word's own sentence: in a paragraph, the next sentence may be about another "bank".
    span = doc[index].sent if index is not None and doc.has_annotation("SENT_START") else doc
    words = [
        ContextWord(t.lower_, token_lemma(t), wordnet_pos(t.pos_))
        for t in span
        if t.i != index and t.is_alpha
    ]
    return context_words(words, exclude)


def repair_pos(token: Token) -> str:
    """The tagger's UPOS, corrected by the parse where the two disagree: a word with a
    determiner or adjective under it is a noun ("the electric current flowing"), one with an
    object and no determiner or copula is a verb ("hotels charge tourists")."""
    upos = _UPOS_FOR_WORDNET.get(token.pos_, token.pos_)
    deps = {c.dep_ for c in token.children}
    if (
        upos in ("VERB", "ADJ")
        and deps & {"det", "amod", "nmod:poss"}
        and not deps & {"nsubj", "obj", "aux", "aux:pass"}
    ):
        return "NOUN"
    if upos == "NOUN" and deps & {"obj", "iobj"} and not deps & {"det", "cop"}:
        return "VERB"
    return upos


def compounds_around(doc: Doc | None, index: int | None) -> tuple[str, ...]:
    """Two- and three-word spans holding the word ("tennis court", "court of law"), as
    lemma keys, for the WordNet compound check."""
    if doc is None or index is None:
        return ()
    out = []
    for size in (2, 3):
        for start in range(max(0, index - size + 1), min(index, len(doc) - size) + 1):
            span = doc[start : start + size]
            if all(t.is_alpha for t in span):
                lemmas = [token_lemma(t) for t in span]
                out += [" ".join(lemmas), " ".join(t.lower_ for t in span)]
                if size == 2:  # WordNet closes many up: "riverbank", "lighthouse"
                    out += ["".join(lemmas), "-".join(lemmas)]
    return tuple(dict.fromkeys(out))


def token_lemma(token: Token) -> str:
    """The token's lemma: lemminflect's for its POS when it has one, else the parser's."""
    if token.pos_ == "PROPN":
        return str(token.lower_)
    return inflect_lemma(str(token.lower_), str(token.pos_)) or str(token.lemma_).lower()


@lru_cache(maxsize=50_000)
def inflect_lemma(word: str, upos: str) -> str | None:
    lemmas = getLemma(word, upos) if upos in _LEMMA_POS else ()
    return lemmas[0].lower() if lemmas else None
