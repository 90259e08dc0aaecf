"""Which of a choice item's checked wrong options to show, so that the options' lengths tell no
more than chance: a learner who picks the longest option, the shortest, or one of middle length
should be right about as often as one who guesses.

Used where the wrong options come from a short fixed list (collocations: the particles and
prepositions, the hand-listed wrong partners of a noun), where the cloze's way (draw the key's
length place, then find words of the lengths needed) has too few words to draw from and many
ties ("on", "of", "to"). Every subset of the wrong options is scored by how often each of the
three length strategies would pick the key in it (ties broken at random); the item then draws one
subset from the mixture whose scores come closest to chance on average, preferring subsets that
are at chance themselves (options of one length). Every wrong option shown is one the caller has
checked: the choice changes which of them are shown, never whether an item has one answer.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from itertools import combinations

__all__ = ["balanced_wrong", "length_hits", "seeded"]

# Weight of a subset's own distance from chance beside the mixture's: a mixture of a "key
# longest" and a "key shortest" subset is at chance on average but not item by item.
SPREAD = 0.25
_STEPS = 60


def seeded(*parts: object) -> random.Random:
    """A draw that depends only on the item (its sentence and gap), so it is made alike twice."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def length_hits(key: str, options: Sequence[str]) -> tuple[float, float, float]:
    """How often picking the longest option, the shortest, or one of neither length finds the key
    (a tie broken at random; with no middle length, the last strategy guesses among all)."""
    lengths = [len(o) for o in options]
    top, low = max(lengths), min(lengths)

    def share(group: list[str]) -> float:
        return group.count(key) / len(group) if group else 0.0

    longest = share([o for o in options if len(o) == top])
    shortest = share([o for o in options if len(o) == low])
    middle = [o for o in options if len(o) not in (top, low)]
    return longest, shortest, share(middle) if middle else 1 / len(options)


def balanced_wrong(
    key: str, wrong: Sequence[str], count: int, rng: random.Random, fewest: int | None = None
) -> tuple[str, ...]:
    """``count`` of the ``wrong`` options, or between ``fewest`` and ``count`` of them when
    ``fewest`` is given (a short list: all three of "did", "said", "performed" beside "made" leave
    it alone in the middle), drawn so that the length strategies find the key about as often as
    chance over many items. All of them when there are no more than ``fewest``."""
    fewest = count if fewest is None else fewest
    if len(wrong) <= fewest:
        return tuple(wrong)
    subsets = [s for size in range(fewest, count + 1) for s in combinations(wrong, size)]
    rng.shuffle(subsets)  # equal subsets: a different one per item, not always the first listed
    # each subset against its own chance: 1 in the number of options it makes
    gaps = [tuple(h - 1 / (len(s) + 1) for h in length_hits(key, (key, *s))) for s in subsets]
    weights = _mixture(gaps)
    return rng.choices(subsets, weights=weights)[0]


def _mixture(gaps: list[tuple[float, ...]]) -> list[float]:
    """Weights over the subsets that make their mean distance from chance small, each subset's own
    distance counted too (:data:`SPREAD`): a few steps of Frank-Wolfe on that convex cost."""

    def dot(a: Sequence[float], b: Sequence[float]) -> float:
        return sum(x * y for x, y in zip(a, b, strict=True))

    own = [SPREAD * dot(g, g) for g in gaps]
    start = min(range(len(gaps)), key=lambda i: dot(gaps[i], gaps[i]) + own[i])
    weights = [0.0] * len(gaps)
    weights[start] = 1.0
    mean = list(gaps[start])
    for _ in range(_STEPS):
        # the subset that most lowers the cost from here, and how far to move towards it
        best = min(range(len(gaps)), key=lambda i: 2 * dot(gaps[i], mean) + own[i])
        towards = [g - m for g, m in zip(gaps[best], mean, strict=True)]
        spread_now = sum(w * o for w, o in zip(weights, own, strict=True))
        slope = 2 * dot(mean, towards) + own[best] - spread_now
        curve = 2 * dot(towards, towards)
        if slope >= 0 or curve == 0:
            break
        step = min(1.0, -slope / curve)
        weights = [w * (1 - step) for w in weights]
        weights[best] += step
        mean = [m + step * t for m, t in zip(mean, towards, strict=True)]
    return weights
