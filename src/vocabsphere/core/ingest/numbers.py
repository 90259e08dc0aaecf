"""Find numbers in news text and normalise them: 1.3 million, £5m, 6bn, 100,000, 1 lakh, sixth, 4th."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vocabsphere.core.number_words import CARDINALS

NumberKind = Literal["cardinal", "ordinal", "year"]

_SMALL = {
    **{w: n for w, n in CARDINALS.items() if n >= 2},
    "dozen": 12,
    "a dozen": 12,
    "hundred": 100,
    "a hundred": 100,
    "one": 1,
    "a": 1,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
# A scale written onto the digits: "6bn", "$3tn"; "m" only right after a currency sign ("£5m"), since
# alone it is as often metres ("a 100m sprint", "1,300m").
_ATTACHED = {"m": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
_CURRENCY = "£$€¥"
_REGIONAL = {"lakh": "1 lakh = 100,000", "crore": "1 crore = 10,000,000"}
_QUALIFIERS = (
    "more than|over|nearly|almost|about|approximately|around|roughly|some|up to|at least|fewer than"
    "|less than|under|close to|as many as"
)
_DIGITS = r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?"
# "one" and "a" only count with a scale word ("one million", "a lakh"): alone they are rarely quantities.
_WORDS = "|".join(sorted((w for w in _SMALL if w not in {"one", "a"}), key=len, reverse=True))
_TENS = "|".join(w for w, n in CARDINALS.items() if n >= 20)
_UNITS = "|".join(w for w, n in CARDINALS.items() if 1 <= n <= 9)
_CARDINAL = re.compile(
    rf"(?:\b(?P<qual>{_QUALIFIERS})\s+)?"
    rf"(?:(?<![\w.,-])(?P<num>{_DIGITS})(?P<attached>m|bn|tn)?(?![\w]|\.\d)|\b(?P<compound>(?:{_TENS})-(?:{_UNITS}))\b"
    rf"|\b(?P<word>{_WORDS})\b"
    rf"|\b(?P<scaled_word>one|a)(?=\s+(?:{'|'.join(_SCALES)})\b))"
    rf"(?:[\s-]+(?P<scale>{'|'.join(_SCALES)})\b)?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    rf"(?<![\w.,-])(?P<num>\d+)(?:st|nd|rd|th)\b|\b(?P<word>{'|'.join(ORDINAL_WORDS)})\b", re.IGNORECASE
)


@dataclass(frozen=True)
class NumberMention:
    """One number in a text. ``text`` is the number as written; ``note`` explains a regional form."""

    text: str
    value: float
    kind: NumberKind
    start: int
    end: int
    qualifier: str | None = None
    note: str | None = None

    @property
    def display(self) -> str:
        return format_number(self.value)


def format_number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def normalise_numbers(text: str) -> list[NumberMention]:
    """Every cardinal, ordinal and year in ``text``, in order, with its value as a plain number."""
    mentions = [m for m in (_cardinal(match) for match in _CARDINAL.finditer(text)) if m is not None]
    taken = [(m.start, m.end) for m in mentions]
    for match in _ORDINAL.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            mentions.append(_ordinal(match))
    return sorted(mentions, key=lambda m: m.start)


def _cardinal(match: re.Match[str]) -> NumberMention | None:
    num, word, scaled_word = match.group("num"), match.group("word"), match.group("scaled_word")
    compound = match.group("compound")
    scale = (match.group("scale") or "").lower()
    note: str | None = None
    attached = match.group("attached")
    before = match.string[match.start("num") - 1] if match.start("num") else ""
    if attached == "m" and (not before or before not in _CURRENCY):
        return None  # "100m": metres or millions, not told apart
    if num is not None:
        digits = num.replace(",", "")
        value = float(digits) * (_ATTACHED[attached] if attached else 1)
        if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", num):
            note = f"{num} = {format_number(value)} (Indian digit grouping)"
    elif compound is not None:  # "twenty-three"
        tens, unit = compound.lower().split("-")
        value = float(_SMALL[tens] + _SMALL[unit])
    else:
        value = float(_SMALL[(word or scaled_word or "").lower()])
    kind: NumberKind = "cardinal"
    if num is not None and not scale and not attached and re.fullmatch(r"(1[89]|20)\d\d", num):
        kind = "year"  # 1945, 2023: a year unless a scale word follows
    if scale:
        value *= _SCALES[scale]
        base = scale.rstrip("s")
        if base in _REGIONAL:
            amount = num or compound or word or scaled_word or ""
            explanation = _REGIONAL[base]
            note = (
                f"{explanation} (Indian English)"
                if value == _SCALES[scale]
                else f"{amount} {base} = {format_number(value)} (Indian English: {explanation})"
            )
    qualifier = match.group("qual")
    surface_start = match.end("qual") if qualifier else match.start()
    text = match.string[surface_start : match.end()].strip()
    qualifier = qualifier.lower() if qualifier else None
    return NumberMention(text, value, kind, match.start(), match.end(), qualifier, note)


def _ordinal(match: re.Match[str]) -> NumberMention:
    num, word = match.group("num"), match.group("word")
    value = float(num) if num else float(ORDINAL_WORDS[word.lower()])
    return NumberMention(match.group(0), value, "ordinal", match.start(), match.end())
