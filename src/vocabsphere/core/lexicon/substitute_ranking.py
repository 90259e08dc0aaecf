"""Ranked simpler-word candidates for a word in its sentence (the lexical-simplification list).

    ranked = rank_substitutes(lexicon, doc, index)   # best first, each with its chance of fitting

Candidates come from WordNet (synonyms of every sense of the word, weighted by how well the shared
sense ranking says that sense fits the sentence, the names of those senses' hypernyms: "perils"
-> "dangers", "possessor" -> "owner", and the words of their definitions: "periphery", "the outside
boundary ...", -> "outside") and from the nearest words in the static vectors (:mod:`.sense_vectors`;
"diverted" -> "redirected"), kept only when WordNet knows them in the same part of speech; the word's
opposite by a negative prefix ("formal" for "informal") never. Gradient-boosted trees over the
signals of ``SIGNALS`` that ``ranker.json`` names (sense weight, closeness to the word, to the
sentence and to the words next to it, a neighbour WordNet does not link, frequency, length and level
against the word's, and how alike the dictionaries translate it and the word:
:mod:`.translation_overlap`) give each candidate its chance of being a simpler word people would
put there.
The model was fitted on the tuning half of BenchLS only (``training/substitutes/train.py``).

:func:`.substitutes.simpler_words` (what the level versions write) takes from this list only
candidates that also pass its own stricter checks.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np
from lemminflect import getInflection, getLemma
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from .lookup import Lexicon
from .sense_choice import SenseChoice, choose_sense
from .sense_vectors import StaticVectors, load_static_vectors
from .translation_overlap import translation_overlap

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "SIGNALS",
    "RankedSubstitute",
    "candidate_features",
    "candidate_form",
    "fit_chances",
    "model_from_json",
    "rank_substitutes",
    "signal_positions",
]

NEIGHBOURS = 50  # nearest static-vector words considered
MAX_SENSES = 8  # senses of the word whose synonyms and hypernyms are candidates
WINDOW = 4  # content words either side of the word that make its near context
# Definitions of the commonest words define by function, not by a synonym ("more": "greater in
# size or amount" gave "meaner"), so their words are candidates only below this frequency (Zipf).
GLOSSED_BELOW = 6.0
# What the code measures of each candidate; the model (``ranker.json``) names the signals it uses.
SIGNALS = (
    "sense",  # summed weight of the word's senses that list the candidate as a synonym
    "chosen",  # a synonym of the sense chosen in context
    "hypernym",  # summed weight of the senses it names the kind of
    "in_gloss",  # summed weight of the senses whose definition uses it ("a feeling of excitement")
    "neighbour",  # among the static-vector neighbours (1 / (1 + rank / 10))
    "only_neighbour",  # a neighbour that WordNet does not link to the word ("single" for "multiple")
    "cos_word",  # static cosine with the word
    "cos_context",  # static cosine with the sentence around the word
    "cos_near",  # static cosine with the few content words next to the word
    "zipf",  # the candidate's frequency
    "zipf_gain",  # its frequency above the word's
    "level_gain",  # levels below the word's (0 when either is unrated)
    "multi_sense",  # log of the candidate's own number of senses (vague words fit badly)
    "light",  # a light or very general verb ("keep", "make"): right in lists, risky in text
    "usual",  # 1 / the rank of the linking sense among the candidate's own senses (0: none)
    "length",  # letters of the candidate (short words are the simple ones people give)
    "length_gain",  # its letters less the word's
    "form_zipf",  # frequency of the candidate in the word's form ("rose" is rarer than "rise")
    "translated",  # share of languages whose dictionaries translate it and the word alike
    "translated_overlap",  # mean overlap of its and the word's translations (:mod:`.translation_overlap`)
)


@dataclass(frozen=True)
class RankedSubstitute:
    lemma: str
    form: str  # inflected like the word
    level: str
    zipf: float
    fit: float  # the ranker's chance that this word fits here and is simpler (orders the list)
    synonym: float  # weight of the word's senses that list it as a synonym (0: a hypernym or neighbour only)
    hypernym: float  # weight of the word's senses it is the hypernym of
    usual: float  # 1 / rank of the linking sense among the candidate's own (1.0: its first sense)
    safe: float = 0.0  # the writer's chance of the same: what a text may be rewritten with (SAFE_FIT)


@dataclass(frozen=True)
class _Model:
    """Gradient-boosted regression trees (exported from scikit-learn) whose summed leaves are the
    log-odds of fitting. Each tree is stored complete to ``depth`` in heap order (node k's children
    are 2k + 1 and 2k + 2; a shallower leaf becomes splits that always go left to copies of it), so
    every candidate takes every split of every tree in one comparison and walks down by index
    arithmetic: a hundred candidates through 200 trees in a fraction of a millisecond."""

    signals: tuple[int, ...]  # positions in SIGNALS of the features, in the model's order
    init: float  # log-odds before the trees
    feature: np.ndarray  # (trees, 2**depth - 1): the signal each split reads (its model position)
    threshold: np.ndarray  # go left when the signal is <= this
    value: np.ndarray  # (trees, 2**depth): a leaf's share of the log-odds (times the learning rate)
    depth: int

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of fitting for each row of ``x`` (the model's signals, in its order)."""
        # scikit-learn's trees compare float32 inputs; round the same way or splits can flip.
        x = x.astype(np.float32).astype(np.float64)
        right = x[:, self.feature] > self.threshold  # (candidates, trees, splits)
        node = np.zeros(right.shape[:2], dtype=np.int64)
        for _ in range(self.depth):
            node = 2 * node + 1 + np.take_along_axis(right, node[:, :, None], axis=2)[:, :, 0]
        leaves = node - (2**self.depth - 1)
        scores: np.ndarray = self.init + np.take_along_axis(self.value[None], leaves[:, :, None], 2).sum(
            axis=(1, 2)
        )
        return scores


def signal_positions(names: Sequence[str]) -> tuple[int, ...]:
    unknown = [n for n in names if n not in SIGNALS]
    if unknown:
        raise ValueError(f"ranker.json: unknown features {unknown}")
    return tuple(SIGNALS.index(n) for n in names)


# The list's order comes from RANKER; whether a word is written into a text is judged by WRITER,
# the trees of round subs-4 (18 signals, no translations), whose 0.80 (substitutes.SAFE_FIT) a
# teacher's reading set. The translation signals made the list much better (BenchLS report half
# ACC@1 0.55 -> 0.67) but, as a gate at the same bar, also wrote "microphones" -> "mikes",
# "immensely" -> "vastly" and "particular expressions" -> "special" on news text.
RANKER = "ranker.json"
WRITER = "writer.json"


@lru_cache(maxsize=2)
def _model(name: str = RANKER) -> _Model:
    path = resources.files("vocabsphere.models").joinpath("substitutes", name)
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))


def model_from_json(data: dict[str, Any]) -> _Model:
    """The ranker from ``ranker.json``'s fields (the training script checks its export with it):
    per tree scikit-learn's arrays ``feature``, ``threshold``, ``left`` and ``right`` (-1 at a
    leaf) and ``value``, made complete to ``depth``."""
    signals = signal_positions(data["features"])
    depth = int(data["depth"])
    trees = data["trees"]
    if not trees:
        raise ValueError("ranker.json: no trees")
    feature = np.zeros((len(trees), 2**depth - 1), dtype=np.int64)
    threshold = np.full((len(trees), 2**depth - 1), np.inf)
    value = np.zeros((len(trees), 2**depth))
    for t, tree in enumerate(trees):
        # (heap position, node of the exported tree); a leaf above the last level is copied down
        stack = [(0, 0)]
        while stack:
            at, node = stack.pop()
            if at >= 2**depth - 1:
                if tree["left"][node] != -1:
                    raise ValueError("ranker.json: a tree deeper than its depth")
                value[t, at - (2**depth - 1)] = tree["value"][node]
            elif tree["left"][node] == -1:
                stack += [(2 * at + 1, node), (2 * at + 2, node)]  # threshold inf: always left
            else:
                if not 0 <= tree["feature"][node] < len(signals):
                    raise ValueError("ranker.json: a split on a feature the model does not name")
                feature[t, at] = tree["feature"][node]
                threshold[t, at] = tree["threshold"][node]
                stack += [(2 * at + 1, tree["left"][node]), (2 * at + 2, tree["right"][node])]
    return _Model(signals, float(data["init"]), feature, threshold, value, depth)


@lru_cache(maxsize=1)
def _unit_vectors() -> tuple[StaticVectors, np.ndarray, tuple[str, ...]]:
    vectors = load_static_vectors()
    matrix = vectors.matrix()
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return vectors, (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32), vectors.row_words()


def warm_up() -> None:
    """Load the ranker and normalise the vectors (tenths of a second) before the first tap does."""
    _model(RANKER)
    _model(WRITER)
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
    """Candidate lemma -> its signals (in SIGNALS order): every candidate the ranked list may
    keep (rated by the level model and with a form like the word's), before the level cap."""
    return {word: signals for word, (_, signals) in _candidates(lexicon, doc, index, choice).items()}


def _candidates(
    lexicon: Lexicon, doc: Doc, index: int, choice: SenseChoice
) -> dict[str, tuple[str, tuple[float, ...]]]:
    """Candidate lemma -> its form like the word (:func:`candidate_form`) and signals; a candidate
    without a level or a form is never listed, so its signals are not measured."""
    from .substitutes import NEVER, plausible, taboo_sense, word_level  # substitutes imports this module

    lemma, upos = choice.lemma, choice.upos
    weights = _weights(choice)
    sense: dict[str, float] = {}
    hyper: dict[str, float] = {}
    chosen = set(choice.best.synonyms) if choice.best else set()
    links: dict[str, set[str]] = {}  # synonym -> the word's senses that list it
    glossed: dict[str, float] = {}  # words of the senses' definitions, in the word's part of speech
    span = doc[index].sent if doc.has_annotation("SENT_START") else doc[:]
    own_zipf = float(zipf_frequency(lemma, "en"))
    for scored in choice.senses[:MAX_SENSES]:
        if taboo_sense(scored.sense, span.text):
            continue  # "ravishing" looks: never "raping"
        weight = weights.get(scored.sense.synset_id, 0.0)
        for word in scored.sense.synonyms:
            sense[word] = sense.get(word, 0.0) + weight
            links.setdefault(word, set()).add(scored.sense.synset_id)
        for word in scored.sense.hypernyms:
            hyper[word] = hyper.get(word, 0.0) + weight
        defined = _definition_lemmas(scored.sense.definition, upos) if own_zipf < GLOSSED_BELOW else ()
        for word in set(defined):
            glossed[word] = glossed.get(word, 0.0) + weight
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
    near = vectors.text_vector(_near_words(doc, index, span), (lemma,))
    own_level = word_level(lemma, upos)
    rows: dict[str, tuple[str, tuple[float, ...]]] = {}
    for word in dict.fromkeys([*sense, *hyper, *neighbour, *glossed]):
        light = word in NEVER
        if not (light or plausible(word, lemma, upos)) or _same_stem(word, lemma) or _opposite(word, lemma):
            continue
        linked_by_wordnet = word in sense or word in hyper
        if not linked_by_wordnet and not _known(lexicon, word, upos):
            continue  # a neighbour of another part of speech ("diversion" for "diverted")
        form = candidate_form(doc[index], word, upos)
        level = word_level(word, upos)
        if form is None or level is None:
            continue
        crow = vectors.row(word)
        cword = float(cos_word[crow]) if cos_word is not None and crow is not None else 0.0
        ccontext = float(unit[crow] @ context) if context is not None and crow is not None else 0.0
        cnear = float(unit[crow] @ near) if near is not None and crow is not None else 0.0
        zipf = float(zipf_frequency(word, "en"))
        gain = float(own_level - level) if own_level is not None and level is not None else 0.0
        own_senses = lexicon.entries(word, upos).senses
        linked = [s.rank for s in own_senses if s.synset_id in links.get(word, ())]
        rows[word] = (
            form,
            (
                sense.get(word, 0.0),
                float(word in chosen),
                hyper.get(word, 0.0),
                glossed.get(word, 0.0),
                1.0 / (1.0 + neighbour[word] / 10.0) if word in neighbour else 0.0,
                float(not linked_by_wordnet and word not in glossed),
                cword,
                ccontext,
                cnear,
                zipf,
                zipf - own_zipf,
                gain,
                math.log1p(len(own_senses)),
                float(light),
                1.0 / min(linked) if linked else 0.0,
                float(len(word)),
                float(len(word) - len(lemma)),
                float(zipf_frequency(form, "en")),
                *translation_overlap(lexicon, lemma, word, upos),
            ),
        )
    return rows


def _near_words(doc: Doc, index: int, span: Span) -> list[str]:
    """The WINDOW content words either side of the word, within its sentence."""
    before = [t.text for t in doc[span.start : index] if t.is_alpha and not t.is_stop][-WINDOW:]
    after = [t.text for t in doc[index + 1 : span.end] if t.is_alpha and not t.is_stop][:WINDOW]
    return before + after


@lru_cache(maxsize=65_536)
def _definition_lemmas(definition: str, upos: str) -> tuple[str, ...]:
    """The base forms, as ``upos``, of a definition's words ("changing" -> "change")."""
    words = (w for w in _DEF_WORD.findall(definition.lower()) if w not in STOP_WORDS)
    return tuple((getLemma(w, upos=upos) or (w,))[0] for w in words)


_DEF_WORD = re.compile(r"[a-z]+")
_NEGATIONS = ("un", "in", "im", "il", "ir", "dis", "non")


# Prefixes that turn a stem into its opposite when swapped: "include" / "exclude", "enable" /
# "disable", "increase" / "decrease". Not "en" / "in" ("enquire" / "inquire" are one word).
_SWAPPED = (("in", "ex"), ("im", "ex"), ("en", "dis"), ("in", "de"), ("over", "under"), ("max", "min"))


def _opposite(word: str, lemma: str) -> bool:
    """Its opposite by a negative prefix ("formal" for "informal", "able" for "unable") or by
    swapping opposite prefixes ("including" for "excluding", "disable" for "enable")."""
    if any(word == p + lemma or lemma == p + word for p in _NEGATIONS):
        return True
    for one, other in _SWAPPED:
        for a, b in ((word, lemma), (lemma, word)):
            if a.startswith(one) and b.startswith(other) and a[len(one) :] == b[len(other) :]:
                return len(a) - len(one) >= 3
    return False


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


def fit_chances(signals: Sequence[Sequence[float]], name: str = RANKER) -> np.ndarray:
    """The model's chance of fitting for each candidate (rows of signals in SIGNALS order)."""
    model = _model(name)
    if not signals:
        return np.zeros(0)
    z = np.clip(model.log_odds(np.asarray(signals, dtype=np.float64)[:, model.signals]), -30.0, 30.0)
    chances: np.ndarray = 1.0 / (1.0 + np.exp(-z))
    return chances


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
    kept = []
    for word, (form, signals) in _candidates(lexicon, doc, index, choice).items():
        rank = word_level(word, choice.upos)
        if rank is not None and rank <= cap:
            kept.append((word, form, rank, signals))
    rows = [signals for *_, signals in kept]
    chances, safe = fit_chances(rows), fit_chances(rows, WRITER)
    at = {name: SIGNALS.index(name) for name in ("zipf", "sense", "hypernym", "usual")}
    found = [
        RankedSubstitute(
            word,
            form,
            LEVELS[rank],
            s[at["zipf"]],
            float(fit),
            s[at["sense"]],
            s[at["hypernym"]],
            s[at["usual"]],
            float(sure),
        )
        for (word, form, rank, s), fit, sure in zip(kept, chances, safe, strict=True)
    ]
    best: dict[str, RankedSubstitute] = {}  # one entry per written form ("forego" / "forgo")
    for item in sorted(found, key=lambda s: -s.fit):
        best.setdefault(item.form.lower(), item)
    return tuple(best.values())
