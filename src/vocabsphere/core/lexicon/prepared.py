"""What a tap in the reader would otherwise compute slowly, computed when a version is built.

    answers = prepare_sentence(lexicon, doc, words)
    answers.choices   # token position -> its sense choices as data (:mod:`.tap_choice`)
    answers.simpler   # token position -> simpler words (often none)

A tap shows the word's simpler words (:func:`.substitutes.simpler_words`): the sense choice, then,
when a synonym of the sense could be simpler, up to sixty candidates ranked against 40,000 vectors
(10-40 ms of CPU). The build of a version computes them for every word a reader can tap, on the very
Doc a tap rebuilds from the stored parse, through the same function (:func:`tap_simpler`), and
stores them with the
reader text and the fingerprint of the code, models and lexicon that made them
(:func:`prepared_fingerprint`); a tap uses them only when that fingerprint is its own, and
computes them otherwise (versions built before, or by other code), so the answers are the same.
The sense choices behind them (the word's and its expression's, :mod:`.tap_choice`) are stored the
same way for every word: a tap with them ranks no senses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from typing import TYPE_CHECKING

from vocabsphere.core.levels.word_level import code_shape, level_fingerprint

from . import sense_ranking
from .lookup import Lexicon
from .sense_choice import SenseChoice, choose_sense
from .sense_embedding import embeddings_available
from .substitutes import Substitute, may_simplify, simpler_words
from .tap_choice import StoredChoices, store_choices

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "PreparedSentence",
    "prepare_sentence",
    "prepared_fingerprint",
    "should_prepare",
    "tap_simpler",
]

# What the answers depend on besides the lexicon file: the sense choice and the ranker (this
# package), the level code (its own fingerprint), the stored parse rebuilt as a Doc, the models.
_CODE_PACKAGES = ("vocabsphere.core.lexicon",)
_CODE_FILES = (("vocabsphere.core.reading", "tokens.py"),)
_MODEL_DIRS = ("sense_vectors", "substitutes")
_PACKAGES = ("numpy", "spacy", "lemminflect", "wordfreq")


def tap_simpler(lexicon: Lexicon, doc: Doc, index: int, choice: SenseChoice) -> tuple[Substitute, ...]:
    """The simpler words a tap shows for ``doc[index]`` (none for a function expression)."""
    return () if choice.function else simpler_words(lexicon, doc, index, choice=choice)


@dataclass(frozen=True)
class PreparedSentence:
    """What the taps on one sentence's words would compute, by token position."""

    choices: dict[int, StoredChoices]
    simpler: dict[int, tuple[Substitute, ...]]


def prepare_sentence(lexicon: Lexicon, doc: Doc, words: Sequence[bool]) -> PreparedSentence:
    """The sense choices of the tokens that are ``words`` (one flag per token: what a reader can
    tap), and the simpler words of those that the substitution may take
    (:func:`.substitutes.may_simplify`: for the others a tap knows at once that there are none);
    one sense choice per token serves both, as on the tap. A token left out is computed by its tap."""
    choices: dict[int, StoredChoices] = {}
    simpler: dict[int, tuple[Substitute, ...]] = {}
    for token in doc:
        index = int(token.i)
        if not words[index]:
            continue
        choice = choose_sense(lexicon, doc, index)
        stored = store_choices(lexicon, doc, index, choice)
        if stored is not None:
            choices[index] = stored
        if may_simplify(token):
            simpler[index] = tap_simpler(lexicon, doc, index, choice)
    return PreparedSentence(choices, simpler)


def should_prepare() -> bool:
    """Not with the ``senses`` extra: it encodes every sentence, seconds of a version's build."""
    return not _with_embeddings()


def _with_embeddings() -> bool:
    """The shipped ranking would use the ``senses`` extra (asked without loading its model)."""
    return bool(sense_ranking.SHIPPED.semantic) and embeddings_available()


@lru_cache(maxsize=8)
def prepared_fingerprint(lexicon: Lexicon) -> str:
    """Hash of everything the prepared answers depend on (see the module's docstring)."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{lexicon.lexicon_version()} {lexicon.build_time()} {level_fingerprint()}".encode())
    digest.update(f"embeddings {_with_embeddings()}".encode())
    for package in _CODE_PACKAGES:
        root = resources.files(package)
        for item in sorted((i for i in root.iterdir() if i.name.endswith(".py")), key=lambda i: i.name):
            digest.update(item.name.encode() + code_shape(item.read_text(encoding="utf-8")))
    for package, name in _CODE_FILES:  # their syntax trees: a reformat leaves the answers alone
        digest.update(code_shape(resources.files(package).joinpath(name).read_text(encoding="utf-8")))
    models = resources.files("vocabsphere.models")
    for folder in _MODEL_DIRS:
        for item in sorted(models.joinpath(folder).iterdir(), key=lambda i: i.name):
            if item.is_file():
                digest.update(item.name.encode() + item.read_bytes())
    for package in _PACKAGES:
        digest.update(f"{package} {metadata.version(package)}".encode())
    return digest.hexdigest()
