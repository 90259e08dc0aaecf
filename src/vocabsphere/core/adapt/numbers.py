"""Numbers for learners: "approximately 1.28 million" -> "about 1.3 million", lakh/crore -> millions.

Built on ``core.ingest.normalise_numbers`` (which finds cardinals, years and regional forms). Years,
ordinals and numbers inside quotation marks are never changed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from vocabsphere.core.ingest import NumberMention, normalise_numbers

__all__ = ["NumberEdit", "format_rounded", "simplify_numbers"]

_ABOUT = frozenset({"approximately", "roughly", "around", "some", "an estimated"})
_LOW = frozenset({"A1", "A2"})
_SCALE_WORDS = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))
_ATTACHED = re.compile(r"\d(?:m|bn|tn)$")  # a scale written onto the digits


@dataclass(frozen=True)
class NumberEdit:
    before: str
    after: str
    note: str | None = None


def _half_up(x: float, places: int) -> Decimal:
    """``x`` rounded as people round (a half goes up), not to even as ``round`` does: 14,500 is about
    15,000 and 1.25 million about 1.3 million."""
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _trim(x: float) -> str:
    return f"{_half_up(x, 1):.1f}".rstrip("0").rstrip(".")


def format_rounded(value: float, low: bool) -> str:
    """Readable value: millions with one decimal; at low levels plain numbers to 2 significant figures."""
    for word, size in _SCALE_WORDS:
        if value >= size:
            return f"{_trim(value / size)} {word}"
    if low and value >= 10_000:
        digits = math.floor(math.log10(value)) - 1
        value = float(_half_up(value, -digits))
    if float(value).is_integer():
        return f"{int(value):,}"
    if low:
        return f"{round(value):,}" if value >= 10 else _trim(value)
    return f"{value:,}"


# "half a million", "a quarter of a million": the fraction reads the scale as "a", never "1".
_FRACTION_BEFORE = re.compile(r"\b(half|quarter|third|fifth|tenth)s?(?: of)? $", re.IGNORECASE)
# A hedge the sentence already has before the number ("an estimated two billion"): no second one.
_HEDGED_BEFORE = re.compile(
    r"\b(?:estimated|about|around|roughly|approximately|nearly|almost|some|more than|less than|fewer than"
    r"|over|under|up to)\s+$",
    re.IGNORECASE,
)


# A bound before the number ("just under 226,000", "more than 1,480"): rounding moves the bound
# ("just under 230,000"), so the number stays exact.
_BOUND_BEFORE = re.compile(
    r"\b(?:nearly|almost|more than|less than|fewer than|over|under|up to|at least|at most|below|above)\s+$",
    re.IGNORECASE,
)


# "the 1,280,000 soldiers": no room for "about" after a determiner, so the number stays exact.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|this|these|those|its|their|his|her|our|my|your)\s+$", re.IGNORECASE
)


# A currency sign right before the number ("£36,200", "$ 700,000" as some sources space it)
_CURRENCY_BEFORE = re.compile(r"([£$€¥])\s?$")


def _value_of(formatted: str) -> float:
    """The value a ``format_rounded`` text stands for ("1.3 million" -> 1300000.0)."""
    number, _, word = formatted.partition(" ")
    return float(number.replace(",", "")) * dict(_SCALE_WORDS).get(word, 1)


def _inside_quotes(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def _edit(
    m: NumberMention, level: str, hedged: bool = False, determined: bool = False, bounded: bool = False
) -> tuple[str, str | None] | None:
    """New text for the mention (qualifier included), or None to keep it."""
    low = level in _LOW
    scaled = any(w in m.text.lower() for w in ("million", "billion", "trillion", "lakh", "crore", "mn", "bn"))
    scaled = scaled or _ATTACHED.search(m.text) is not None  # "£5m", "$3tn": "£5 million", "$3 trillion"
    regional = m.note is not None and ("lakh" in m.text.lower() or "crore" in m.text.lower())
    digits = m.text.replace(",", "")
    long_plain = m.text[:1].isdigit() and (m.value >= 10_000 or ("." in digits and len(digits) > 4))
    if m.kind != "cardinal" or not (scaled or regional or (low and long_plain)):
        qualifier = m.qualifier if level in _LOW | {"B1"} else None
        return (f"about {m.text}", None) if qualifier in _ABOUT else None
    new = format_rounded(m.value, low)
    if level not in _LOW | {"B1"} and not regional:
        return None  # B2 keeps exact figures
    changed = new.replace(",", "") != digits.replace(" ", "") and new != m.text
    if not changed and m.qualifier not in _ABOUT:
        return None
    # "nine billion" -> "9 billion" is the same number: only a rounded one needs "about".
    rounded = not math.isclose(_value_of(new), m.value, rel_tol=1e-9)
    qualifier = m.qualifier
    if rounded and qualifier is None and determined:
        return None
    if rounded and (bounded or (qualifier is not None and qualifier not in _ABOUT | {"about"})):
        return None  # "just under 226,000" is not "just under 230,000"
    if qualifier in _ABOUT or (qualifier is None and rounded and not regional and not hedged):
        qualifier = "about"
    elif qualifier is None:
        qualifier = ""
    return f"{qualifier} {new}".strip(), m.note


def _in_address(text: str, start: int, end: int) -> bool:
    """Is the number at ``start``..``end`` part of a web address or path: a "/" right before it (the
    source may space it: "vimeo.com / 37751380") or glued after it?"""
    return "/" in text[max(0, start - 2) : start] or text[end : end + 1] == "/"


def simplify_numbers(text: str, level: str) -> tuple[str, tuple[NumberEdit, ...]]:
    """Rewrite the numbers of a sentence for ``level``; returns the text and the edits made."""
    if level in {"C1", "C2"}:
        return text, ()
    edits: list[NumberEdit] = []
    out = text
    for m in reversed(normalise_numbers(text)):
        if _inside_quotes(text, m.start) or _FRACTION_BEFORE.search(text, 0, m.start):
            continue  # quoted, or "half a million" (read as "a million")
        if m.text[:2].lower() in {"a ", "an"} and text[m.end : m.end + 1] == "-":
            continue  # "a billion-tonne glacier": "a" is the glacier's article, not the number
        if _in_address(text, m.start, m.end):
            continue  # part of a web address ("vimeo.com/37751380"): not an amount
        currency = _CURRENCY_BEFORE.search(text, 0, m.start)
        lead = currency.start() if currency is not None else m.start  # "nearly £36,200": read past the sign
        hedged = _HEDGED_BEFORE.search(text, 0, lead) is not None
        determined = _DETERMINER_BEFORE.search(text, 0, lead) is not None
        bounded = _BOUND_BEFORE.search(text, 0, lead) is not None
        result = _edit(m, level, hedged, determined, bounded)
        if result is None:
            continue
        new, note = result
        before = text[m.start : m.end]
        if new == before:
            continue
        start = m.start
        words = new.split(" ")
        digit_at = next((k for k, w in enumerate(words) if w[:1].isdigit()), 0)
        if currency is not None and digit_at > 0:
            # "£36,200" -> "about £36,000", never "£about 36,000": the word goes before the sign
            start, before = currency.start(), text[currency.start() : m.end]
            amount = " ".join(words[digit_at:])
            new = f"{' '.join(words[:digit_at])} {currency.group(1)}{amount}"
        if before[:1].isupper():
            new = new[:1].upper() + new[1:]
        out = out[:start] + new + out[m.end :]
        edits.append(NumberEdit(before, new, note))
    return out, tuple(reversed(edits))
