"""Small shared text helpers: sentences, content words and capitalised names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

from vocabsphere.core.calendar_words import MONTHS, WEEKDAYS

_STOP_LIST = (resources.files("vocabsphere.core.ingest") / "stop_words.txt").read_text(encoding="utf-8")
# A standard English stop list plus reporting verbs every news story shares.
STOP_WORDS = frozenset(
    line.strip() for line in _STOP_LIST.splitlines() if line.strip() and not line.startswith("#")
) | {"said", "says", "according", "reported", "report", "reports"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of|for|on|the|de|al)?\s*[A-Z][\w’'-]*)*")
_POSSESSIVE = re.compile(r"['’]s$")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def stem(token: str) -> str:
    """Crude English stem so that "soldiers" meets "soldier" and "Korea's" meets "Korea"."""
    word = _POSSESSIVE.sub("", token.casefold())
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def content_words(text: str) -> set[str]:
    return {stem(t) for t in tokens(text) if len(t) > 2 and t.casefold() not in STOP_WORDS}


def names(text: str) -> set[str]:
    """Capitalised word groups ("North Korea", "Council on Foreign Relations"), possessives removed."""
    found = set()
    for match in _NAME.finditer(text):
        words = _POSSESSIVE.sub("", match.group(0).strip()).split()
        while words and words[0].casefold() in STOP_WORDS | {"according"}:
            words.pop(0)  # a capitalised sentence start: "The Harbour Bridge", "If North Korea"
        name = " ".join(words)
        if len(name) > 1:
            found.add(name)
    return found


# --- specific names: the rare proper names that tell one event from another ------------------------

RARE_ZIPF = 3.5  # a name word rarer than this in general English (Hatherley, Korotchenko, B4120)
_CALENDAR = WEEKDAYS | MONTHS
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
# The headline and about the first sentence; line breaks kept, so a headline line is its own sentence.
_FIRST_WORDS = re.compile(r"(?:\S+\s*){1,30}")


def specific_names(text: str) -> set[str]:
    """Stems of rare capitalised words not at a sentence start: places, people and organisations that
    general English does not know. Common capitalised words (Police, Fire, Korea) and days are left out:
    any two reports can share those."""
    found = set()
    for sentence in sentences(text):
        for match in _CAPITALISED.finditer(sentence):
            if not sentence[: match.start()].strip(" \"'“‘(-—"):
                continue  # the sentence's first word is capitalised whatever it is
            word = _ascii_fold(_POSSESSIVE.sub("", match.group().strip("’'-")).casefold())
            if len(word) > 2 and word not in _CALENDAR and _zipf(word) < RARE_ZIPF:
                found.add(stem(word))
    return found


def _ascii_fold(word: str) -> str:
    """ "Mysłajek" and "Myslajek", "Zürich" and "Zurich": outlets differ in how they spell foreign names."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lead(title: str, text: str) -> str:
    """The headline and the first words of the text: where a report says where, who and what."""
    first = _FIRST_WORDS.match(text.strip())
    return f"{title}\n{first.group() if first else ''}"


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))
