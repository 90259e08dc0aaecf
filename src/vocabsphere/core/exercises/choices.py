"""Multiple-choice helpers shared by the sentence-pattern items (voice, relative clauses, questions):
the options in a fixed order that depends only on the sentence, so the same item is made twice alike."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

__all__ = ["choice_options"]


def choice_options(key: str, distractors: Sequence[str], seed: str) -> tuple[str, ...] | None:
    """The key and its distractors in a seeded order; None unless every distractor differs from the
    key and from the others (ignoring case and spacing) and there are at least two of them."""
    seen = {" ".join(key.casefold().split())}
    kept = [key]
    for text in distractors:
        folded = " ".join(text.casefold().split())
        if folded in seen:
            return None  # a distractor equal to the key would make a second right answer
        seen.add(folded)
        kept.append(text)
    if len(kept) < 3:
        return None
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(kept)
    return tuple(kept)
