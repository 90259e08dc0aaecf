"""The story's people, places and numbers, found from the parse (our pipeline has no entity recogniser).

Kept conservative, because they become keys and distractors: a person is a name of two or more words that is
somewhere the subject of a speech verb ("Jarid Arraes wrote", "Smith said"); a place is a name that follows
"in", "from", "to" or "at" and is never a person. A surname alone is read as the person's full name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from vocabsphere.core.calendar_words import MONTHS, WEEKDAYS
from vocabsphere.core.quizzes.passages import Passage

__all__ = ["ROLES", "Cast", "find_cast", "is_body", "name_span", "name_spans"]

_SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "explain",
        "ask",
        "write",
        "claim",
        "argue",
        "warn",
        "describe",
        "announce",
        "insist",
        "suggest",
        "believe",
        "think",
        "admit",
        "reply",
        "state",
        "report",
    ]
)
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "professor",
        "prof",
        "president",
        "mayor",
        "minister",
        "chef",
        "sir",
        "lady",
        "lord",
    ]
)
# Nouns that describe a person in an aside ("Stephan Keszler, the dealer at ...").
ROLES = frozenset(
    [
        "student",
        "blogger",
        "dealer",
        "owner",
        "councillor",
        "researcher",
        "scientist",
        "professor",
        "director",
        "manager",
        "head",
        "leader",
        "chef",
        "author",
        "writer",
        "analyst",
        "expert",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "founder",
        "chief",
        "artist",
        "singer",
        "actor",
        "teacher",
        "doctor",
        "lawyer",
        "official",
        "activist",
        "campaigner",
        "journalist",
        "editor",
        "mayor",
        "member",
        "star",
        "psychologist",
        "economist",
        "engineer",
        "designer",
        "executive",
        "worker",
        "farmer",
        "player",
        "coach",
        "captain",
    ]
)
# Words that make a name an organisation, not a person ("World Wildlife Fund Nepal said").
_BODIES = frozenset(
    [
        "fund",
        "council",
        "party",
        "association",
        "institute",
        "university",
        "college",
        "school",
        "organisation",
        "organization",
        "ministry",
        "bank",
        "company",
        "group",
        "society",
        "agency",
        "union",
        "club",
        "foot",
        "fc",
        "committee",
        "commission",
        "department",
        "office",
        "service",
        "times",
        "news",
        "foundation",
        "trust",
        "network",
        "court",
        "police",
        "army",
        "government",
        "parliament",
        "museum",
        "gallery",
        "hospital",
        "corporation",
        "inc",
        "ltd",
        "studios",
        "records",
        "league",
        "federation",
        "centre",
        "center",
        "board",
        "authority",
        "programme",
    ]
)
_PLACE_CASES = frozenset({"in", "from", "to", "at", "across", "near"})
_CALENDAR = WEEKDAYS | MONTHS | {"christmas", "easter"}


@dataclass(frozen=True)
class Cast:
    people: tuple[str, ...]  # full names, in order of first mention
    places: tuple[str, ...]
    surnames: dict[str, str]  # last word -> full name
    speakers: tuple[str, ...] = ()  # people the story quotes or reports speaking

    def person(self, name: str) -> str | None:
        """The full name of a person written ``name`` (full or surname), None if not a known person."""
        full = self.surnames.get(name.split()[-1]) if name else None
        return full if full in self.people and (name == full or len(name.split()) == 1) else None


def _is_name_token(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.lower_ not in _CALENDAR


def name_spans(doc: Doc) -> list[Span]:
    """Maximal runs of capitalised proper-noun tokens."""
    out, i = [], 0
    while i < len(doc):
        if _is_name_token(doc, i):
            j = i
            while j + 1 < len(doc) and _is_name_token(doc, j + 1):
                j += 1
            out.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    return out


def name_span(doc: Doc, index: int) -> Span | None:
    """The name run holding token ``index``."""
    return next((s for s in name_spans(doc) if s.start <= index < s.end), None)


def _speaks(span: Span) -> bool:
    """The subject of a speech verb ("Smith said")."""
    head = span.root
    return head.dep_ in ("nsubj", "nsubj:pass") and head.head.lemma_.lower() in _SPEECH


def _described(span: Span) -> bool:
    """Called by a title ("Dr", "Professor") or described as a person in an aside ("X, the dealer")."""
    head = span.root
    titled = span[0].lower_.rstrip(".") in _TITLES or (
        span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in _TITLES
    )
    described = len(span) > 1 and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ in ROLES for c in head.children
    )
    return titled or described


def _placed(span: Span) -> bool:
    return any(c.dep_ == "case" and c.lower_ in _PLACE_CASES for c in span.root.children)


def find_cast(passages: Iterable[Passage]) -> Cast:
    """People and places named in any of the versions."""
    full: dict[str, str] = {}
    order: list[str] = []
    speakers: set[str] = set()
    described: set[str] = set()
    placed: set[str] = set()
    for passage in passages:
        for sentence in passage.sentences:
            for span in name_spans(sentence.doc):
                text, last = span.text, span[-1].text
                if len(span) > 1 and len(text) > len(full.get(last, "")):
                    full[last] = text
                order.append(text)
                if _speaks(span):
                    speakers.add(text)
                elif _described(span):
                    described.add(text)
                if _placed(span):
                    placed.add(text)
    # A surname alone stands for the full name, unless the word is also a place ("Nepal said" is not
    # "World Wildlife Fund Nepal").
    surnames = {last: name for last, name in full.items() if last not in placed and not is_body(name)}

    def resolve(names: set[str]) -> set[str]:
        return {surnames.get(n, n) if len(n.split()) == 1 else n for n in names}

    talking = resolve(speakers)
    people = _ordered(
        n
        for n in order
        if len(n.split()) > 1 and surnames.get(n.split()[-1]) == n and n in talking | resolve(described)
    )
    places = _ordered(
        n
        for n in order
        if n in placed and n not in people and n.split()[-1] not in surnames and not is_body(n)
    )
    return Cast(people, places, surnames, tuple(p for p in people if p in talking))


def is_body(name: str) -> bool:
    """A name holding a word of an organisation ("Fund", "Council", "University")."""
    return bool(_BODIES & {w.lower() for w in name.split()})


def _ordered(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
