"""Small shared text helpers: sentences, content words and capitalised names."""

from __future__ import annotations

import re
from importlib import resources

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
