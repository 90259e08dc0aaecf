"""The key a learner's status and saved word are stored under: the lemma and its part of speech.

"state" the noun and "state" the verb are two words to learn, so a key carries a coarse part of
speech (``status_pos``): the tagger's AUX/VERB and NOUN/PROPN splits and the function-word classes
are noise to a learner, and keeping them apart would hide a status behind a tagging slip. A key
without a part of speech ("state") means the word in any part of speech: statuses set by API
clients that send none, and old statuses the migration could not place, keep showing on every form
as they did before.

Keys are strings so they travel as JSON keys and HTML attributes: "troop:NOUN", or "state".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

__all__ = ["STATUS_POS", "key_parts", "lookup_key", "status_pos", "word_key"]

# Universal POS -> the part of speech a status is kept for ("" for all others: one key per lemma).
STATUS_POS = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "AUX": "VERB", "ADJ": "ADJ", "ADV": "ADV"}
_GROUPS = tuple(sorted(set(STATUS_POS.values())))
V = TypeVar("V")


def status_pos(upos: str) -> str:
    """The coarse part of speech statuses are kept for ("AUX" -> "VERB", "PROPN" -> "NOUN", "DET" -> "")."""
    return STATUS_POS.get(upos.strip().upper(), "")


def word_key(lemma: str, upos: str = "") -> str:
    """The key for ``lemma`` used as ``upos`` ("troop", "NOUN" -> "troop:NOUN")."""
    group = status_pos(upos)
    return f"{lemma}:{group}" if group else lemma


def key_parts(key: str) -> tuple[str, str]:
    """(lemma, part of speech or "") of a key; a lemma that itself holds a colon stays whole."""
    lemma, sep, group = key.rpartition(":")
    if sep and lemma and group in _GROUPS:
        return lemma, group
    return key, ""


def lookup_key(found: Mapping[str, V], key: str) -> V | None:
    """The value stored for ``key``: its own, else the lemma's any-part-of-speech one; for a key
    without a part of speech (an old profile), the lemma's value in any part of speech."""
    value = found.get(key)
    if value is not None:
        return value
    lemma, group = key_parts(key)
    if group:
        return found.get(lemma)
    for other in _GROUPS:
        value = found.get(f"{lemma}:{other}")
        if value is not None:
            return value
    return None
