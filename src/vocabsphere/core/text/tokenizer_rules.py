"""VocabSphere's corrections to spaCy's English tokenizer rules: a full stop after a number with a unit.

spaCy's English suffix rules split a final "." after a lower-case letter, a digit or two capitals, but
not after one capital, so initials ("J.") keep their stop; a number with a capital unit then keeps it
too ("minus 230C.", "in 3D."), and the parser joins that sentence to the next one. Its special cases
for one lower-case letter and a stop ("m.", "g.": list markers, "v." for versus) are also matched on
the pieces of a split token, so "£5m." becomes "£" "5" "m." with the same result.

Changing these rules changes the tokens of every analysis: bump the packaged model's ``meta.json``
version, which ``MODEL_VERSION`` (the key of cached analyses) is read from.
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer

__all__ = ["UNIT_STOP_SUFFIX", "add_unit_stop_rules"]

#: A final "." after a digit and one capital ("230C.", "3D.", "4K."). A stop before the capital
#: ("U.S.") or no digit (initials, "J.") keeps it; two capitals ("NHS.") already split in spaCy.
UNIT_STOP_SUFFIX = r"(?<=[0-9][A-Z])\.$"

_ONE_LETTER_STOP = re.compile(r"[a-z]\.")


def add_unit_stop_rules(tokenizer: Tokenizer) -> None:
    """Make a stop after a number with a unit its own token ("230C." -> "230C" "."; "5m." -> "5" "m" ".").

    Idempotent. The one-letter special cases dropped are those whose letter the suffix rules split off
    a number as a unit ("m", "g", "t"), read from the rules rather than listed here.
    """
    current = tokenizer.suffix_search
    pattern = current.__self__.pattern if current is not None else ""
    if not pattern.startswith(UNIT_STOP_SUFFIX + "|"):
        # The suffixes are one "|"-joined regex of "$"-anchored alternatives; one more goes in front.
        joined = f"{UNIT_STOP_SUFFIX}|{pattern}" if pattern else UNIT_STOP_SUFFIX
        tokenizer.suffix_search = re.compile(joined).search
    kept = {text: tokens for text, tokens in tokenizer.rules.items() if not _unit_stop(tokenizer, text)}
    if len(kept) < len(tokenizer.rules):
        # Assigning (not mutating) ``rules`` makes spaCy rebuild its special-case matcher and cache.
        tokenizer.rules = kept


def _unit_stop(tokenizer: Tokenizer, text: str) -> bool:
    """``text`` is a letter and a stop, and the suffix rules split that letter off a number ("5m")."""
    if not _ONE_LETTER_STOP.fullmatch(text) or tokenizer.suffix_search is None:
        return False
    found = tokenizer.suffix_search(f"5{text[0]}")
    return found is not None and found.group() == text[0]
