"""Ranked simpler-word candidates for a word in its sentence (the lexical-simplification list).

    ranked = rank_substitutes(lexicon, doc, index)   # best first, each with its chance of fitting

Candidates come from WordNet (synonyms of every sense of the word, weighted by how well the shared
sense ranking says that sense fits the sentence, and the names of those senses' hypernyms: "perils"
-> "dangers", "possessor" -> "owner") and from the nearest words in the static vectors
(:mod:`.sense_vectors`; "diverted" -> "redirected"), kept only when WordNet knows them in the same
part of speech. A logistic model over a few signals (sense weight, closeness to the word and to the
sentence, frequency and level against the word's) gives each candidate its chance of being a
simpler word people would put there. The model was fitted on the tuning half of BenchLS only
(``training/substitutes/train.py``); its weights ship in ``models/substitutes/ranker.json``.

:func:`.substitutes.simpler_words` (what the level versions write) takes from this list only
candidates that also pass its own stricter checks.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
from lemminflect import getInflection
from wordfreq import zipf_frequency

from .lookup import Lexicon
from .sense_choice import SenseChoice, choose_sense
from .sense_vectors import StaticVectors, load_static_vectors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["FEATURES", "RankedSubstitute", "candidate_features", "candidate_form", "rank_substitutes"]

NEIGHBOURS = 50  # nearest static-vector words considered
MAX_SENSES = 8  # senses of the word whose synonyms and hypernyms are candidates
FEATURES = (
    "sense",  # summed weight of the word's senses that list the candidate as a synonym
    "chosen",  # a synonym of the sense chosen in context
    "hypernym",  # summed weight of the senses it names the kind of
    "neighbour",  # among the static-vector neighbours (1 / (1 + rank / 10))
    "cos_word",  # static cosine with the word
    "cos_context",  # static cosine with the sentence around the word
    "zipf",  # the candidate's frequency
    "zipf_gain",  # its frequency above the word's
    "level_gain",  # levels below the word's (0 when either is unrated)
    "multi_sense",  # log of the candidate's own number of senses (vague words fit badly)
    "light",  # a light or very general verb ("keep", "make"): right in lists, risky in text
    "usual",  # 1 / the rank of the linking sense among the candidate's own senses (0: none)
)


@dataclass(frozen=True)
class RankedSubstitute:
    lemma: str
    form: str  # inflected like the word
    level: str
    zipf: float
    fit: float  # the model's chance that this word fits here and is simpler
    synonym: float  # weight of the word's senses that list it as a synonym (0: a hypernym or neighbour only)
    hypernym: float  # weight of the word's senses it is the hypernym of
    usual: float  # 1 / rank of the linking sense among the candidate's own (1.0: its first sense)


@dataclass(frozen=True)
class _Model:
    weights: tuple[float, ...]
    bias: float


@lru_cache(maxsize=1)
def _model() -> _Model:
    path = resources.files("vocabsphere.models").joinpath("substitutes", "ranker.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("ranker.json was trained on other features")
    return _Model(tuple(float(w) for w in data["weights"]), float(data["bias"]))


@lru_cache(maxsize=1)
def _unit_vectors() -> tuple[StaticVectors, np.ndarray, tuple[str, ...]]:
    vectors = load_static_vectors()
    matrix = vectors.matrix()
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return vectors, (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32), vectors.row_words()


def warm_up() -> None:
    """Load the ranker and normalise the vectors (tenths of a second) before the first tap does."""
    _model()
    _unit_vectors()


def nearest(cosines: np.ndarray, count: int) -> np.ndarray:
    """Indices of the ``count`` highest cosines, highest first: the full sort's head (a full
    argsort of the 40,000 words took about 2 ms of a tap, the partition a third of that)."""
    if count >= len(cosines):
        return np.argsort(-cosines)
    top = np.argpartition(-cosines, count - 1)[:count]
    return top[np.argsort(-cosines[top])]


def _weights(choice: SenseChoice) -> dict[str, float]:
    """Softmax of the sense scores (log-prior units) over the first senses."""
    scored = choice.senses[:MAX_SENSES]
    if not scored:
        return {}
    top = scored[0].score
    raw = {s.sense.synset_id: math.exp(max(-20.0, s.score - top)) for s in scored}
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items()}


def candidate_features(
    lexicon: Lexicon, doc: Doc, index: int, choice: SenseChoice
) -> dict[str, tuple[float, ...]]:
    """Candidate lemma -> its features (in FEATURES order), before any inflection or level filter."""
    from .substitutes import NEVER, plausible, taboo_sense, word_level  # substitutes imports this module

    lemma, upos = choice.lemma, choice.upos
    weights = _weights(choice)
    sense: dict[str, float] = {}
    hyper: dict[str, float] = {}
    chosen = set(choice.best.synonyms) if choice.best else set()
    links: dict[str, set[str]] = {}  # synonym -> the word's senses that list it
    span = doc[index].sent if doc.has_annotation("SENT_START") else doc[:]
    for scored in choice.senses[:MAX_SENSES]:
        if taboo_sense(scored.sense, span.text):
            continue  # "ravishing" looks: never "raping"
        weight = weights.get(scored.sense.synset_id, 0.0)
        for word in scored.sense.synonyms:
            sense[word] = sense.get(word, 0.0) + weight
            links.setdefault(word, set()).add(scored.sense.synset_id)
        for word in scored.sense.hypernyms:
            hyper[word] = hyper.get(word, 0.0) + weight
    vectors, unit, words = _unit_vectors()
    row = vectors.row(lemma)
    if row is None:
        row = vectors.row(doc[index].lower_)
    neighbour: dict[str, int] = {}
    cos_word: np.ndarray | None = None
    if row is not None:
        cos_word = unit @ unit[row]
        for rank, found in enumerate(nearest(cos_word, NEIGHBOURS + 1)[1:]):
            neighbour.setdefault(words[int(found)], rank)
    context = vectors.text_vector((t.text for t in span if t.i != index and t.is_alpha), (lemma,))
    own_zipf = float(zipf_frequency(lemma, "en"))
    own_level = word_level(lemma, upos)
    out: dict[str, tuple[float, ...]] = {}
    for word in dict.fromkeys([*sense, *hyper, *neighbour]):
        light = word in NEVER
        if not (light or plausible(word, lemma, upos)) or _same_stem(word, lemma):
            continue
        if word in neighbour and word not in sense and word not in hyper and not _known(lexicon, word, upos):
            continue  # a neighbour of another part of speech ("diversion" for "diverted")
        crow = vectors.row(word)
        cword = float(cos_word[crow]) if cos_word is not None and crow is not None else 0.0
        ccontext = float(unit[crow] @ context) if context is not None and crow is not None else 0.0
        zipf = float(zipf_frequency(word, "en"))
        level = word_level(word, upos)
        gain = float(own_level - level) if own_level is not None and level is not None else 0.0
        own_senses = lexicon.entries(word, upos).senses
        linked = [s.rank for s in own_senses if s.synset_id in links.get(word, ())]
        out[word] = (
            sense.get(word, 0.0),
            float(word in chosen),
            hyper.get(word, 0.0),
            1.0 / (1.0 + neighbour[word] / 10.0) if word in neighbour else 0.0,
            cword,
            ccontext,
            zipf,
            zipf - own_zipf,
            gain,
            math.log1p(len(own_senses)),
            float(light),
            1.0 / min(linked) if linked else 0.0,
        )
    return out


def _known(lexicon: Lexicon, word: str, upos: str) -> bool:
    entry = lexicon.entries(word, upos)
    return entry.found and entry.lemma == word


def _same_stem(word: str, lemma: str) -> bool:
    """Another form of the word itself ("piece" for "pieces", "divert" / "diversion")."""
    size = min(len(word), len(lemma), 6)
    return size >= 4 and word[:size] == lemma[:size]


_GUESSED_TAG = {"VERB": (("ing", "VBG"), ("ed", "VBD"), ("s", "VBZ")), "NOUN": (("s", "NNS"),)}


def candidate_form(token: Token, word: str, upos: str) -> str | None:
    """The candidate in the token's form; when the tagger and the sense choice disagree
    ("secures" tagged NNS, read as a verb), the form its ending suggests. Only for the ranked
    list: the words written into a text come from the stricter :func:`.substitutes.inflect_like`."""
    from .substitutes import inflect_like

    form = inflect_like(token, word, upos)
    if form is not None:
        return form
    low = token.lower_
    tag = next((t for end, t in _GUESSED_TAG.get(upos, ()) if low.endswith(end)), None)
    if tag is None:
        return word if upos in ("ADJ", "ADV") else None
    forms = getInflection(word, tag=tag)
    return forms[0] if forms else None


def fit_chance(features: Sequence[float]) -> float:
    model = _model()
    z = model.bias + sum(w * f for w, f in zip(model.weights, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def rank_substitutes(
    lexicon: Lexicon,
    doc: Doc,
    index: int,
    level: str | None = None,
    *,
    choice: SenseChoice | None = None,
) -> tuple[RankedSubstitute, ...]:
    """Every candidate simpler word for ``doc[index]``, inflected like it, best first (highest
    chance of fitting); ``level`` caps their CEFR level. Empty for a word with no senses."""
    from .substitutes import LEVELS, level_rank, word_level

    token = doc[index]
    if not token.is_alpha or token.like_num:
        return ()
    choice = choice or choose_sense(lexicon, doc, index)
    if not choice.senses or choice.upos not in ("NOUN", "VERB", "ADJ", "ADV"):
        return ()
    cap = level_rank(level) if level else len(LEVELS) - 1
    found = []
    for word, features in candidate_features(lexicon, doc, index, choice).items():
        rank = word_level(word, choice.upos)
        if rank is None or rank > cap:
            continue
        form = candidate_form(token, word, choice.upos)
        if form is None:
            continue
        zipf, synonym, hypernym, usual = features[6], features[0], features[2], features[11]
        fit = fit_chance(features)
        found.append(RankedSubstitute(word, form, LEVELS[rank], zipf, fit, synonym, hypernym, usual))
    best: dict[str, RankedSubstitute] = {}  # one entry per written form ("forego" / "forgo")
    for item in sorted(found, key=lambda s: -s.fit):
        best.setdefault(item.form.lower(), item)
    return tuple(best.values())
