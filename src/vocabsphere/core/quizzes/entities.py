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

__all__ = [
    "ROLES",
    "SPEECH",
    "Cast",
    "find_cast",
    "is_body",
    "name_span",
    "name_spans",
    "source_span",
    "untitled",
]

SPEECH = frozenset(
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
        "contend",
        "caution",
        "reveal",
        "confirm",
        "estimate",
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
        # Job titles written before a name ("Astronaut Scott Kelly"): no part of the name.
        "astronaut",
        "senator",
        "governor",
        "judge",
        "general",
        "colonel",
        "captain",
        "coach",
        "detective",
        "inspector",
        "chancellor",
        "officer",
        "spokesperson",
        "spokesman",
        "spokeswoman",
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
        # newspapers and broadcasters
        "post",
        "insider",
        "journal",
        "guardian",
        "telegraph",
        "herald",
        "tribune",
        "gazette",
        "magazine",
        "press",
        "daily",
        "newsweek",
        "reuters",
        "bbc",
        "cnn",
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
    # Newspapers and organisations the story names as a source ("according to the UN", "Daily NK
    # reported"), as a reader is shown them ("The New York Post" when the story writes "the").
    bodies: tuple[str, ...] = ()

    def person(self, name: str) -> str | None:
        """The full name of a person written ``name`` (full, surname, or title and surname), None if not a
        known person."""
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
            words = words[1:]
        name = " ".join(words)
        full = self.surnames.get(words[-1]) if words else None
        return full if full in self.people and (name == full or len(words) == 1) else None

    def body(self, name: str) -> str | None:
        """The source ``name`` as shown, None if it is no named source of the story."""
        return next((b for b in self.bodies if _bare(b) == name), None)


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


_JOINS = frozenset({"of", "on", "for", "and"})


def source_span(span: Span) -> Span:
    """A name widened over the capitalised words around it that the tagger did not read as a name ("New"
    York Post, "Daily" NK, Council "on Foreign Relations"): a source is named by all of them."""
    doc, start = span.doc, span.start
    while start > 1:
        before = doc[start - 1]
        if before.is_alpha and before.text[:1].isupper() and before.lower_ != "the":
            start -= 1
        elif before.lower_ in _JOINS and doc[start - 2].is_alpha and doc[start - 2].text[:1].isupper():
            start -= 2
        else:
            break
    end = span.end
    while end + 1 < len(doc):
        after = doc[end]
        if after.is_alpha and after.text[:1].isupper():
            end += 1
        elif after.lower_ in _JOINS and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper():
            end += 2
        else:
            break
    return doc[start:end]


def name_span(doc: Doc, index: int) -> Span | None:
    """The name run holding token ``index``."""
    return next((s for s in name_spans(doc) if s.start <= index < s.end), None)


def untitled(span: Span) -> Span:
    """The name without a title before it ("President Michy" -> "Michy"): the title is no part of it."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in _TITLES:
        start += 1
    return span.doc[start : span.end]


def _bare(shown: str) -> str:
    return shown[4:] if shown.startswith("The ") else shown


def _according(span: Span) -> bool:
    """Named as the source of a sentence: "According to (the South Korean newspaper) Daily NK, ..." or
    "..., per the New York Post." (the name closes its phrase)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text not in (",", "."):
        return False
    k = span.start - 1
    while (
        k >= 0
        and doc[k].lower_ not in ("to", "per")
        and (
            doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "DET")
            or doc[k].tag_ == "HYPH"
            or doc[k].lower_ == "based"
        )
    ):
        k -= 1
    if k >= 0 and doc[k].lower_ == "per":
        return True
    return k >= 1 and doc[k].lower_ == "to" and doc[k - 1].lower_ == "according"


def _speaks(span: Span) -> bool:
    """The subject of a speech verb ("Smith said")."""
    head = span.root
    return head.dep_ in ("nsubj", "nsubj:pass") and head.head.lemma_.lower() in SPEECH


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
    """People, places and named sources in any of the versions."""
    full: dict[str, str] = {}
    order: list[str] = []
    speakers: set[str] = set()
    described: set[str] = set()
    placed: set[str] = set()
    sources: dict[str, str] = {}  # a source's name -> as shown ("The New York Post")
    for passage in passages:
        for sentence in passage.sentences:
            for titled in name_spans(sentence.doc):
                span = untitled(titled)  # "President Michy" is Michy: no full name beside "Claude Michy"
                text, last = span.text, span[-1].text
                if len(span) > 1 and len(text) > len(full.get(last, "")):
                    full[last] = text
                order.append(text)
                if _speaks(titled):
                    speakers.add(text)
                elif _described(titled):
                    described.add(text)
                wide = source_span(span)
                if _placed(titled) and not _according(wide) and titled.start == span.start:
                    placed.add(text)  # "well done to President Michy": a title names a person
                if _speaks(titled) or _according(wide):
                    sources.setdefault(wide.text, _as_shown(wide))
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
    cast = Cast(people, places, surnames, tuple(p for p in people if p in talking))
    bodies = [
        shown
        for name, shown in sources.items()
        if name not in placed
        and cast.person(name) is None
        and not any(p in name or p.split()[-1] == name.split()[-1] for p in people)
        and (_acronym(name) or (len(name.split()) > 1 and (is_body(name) or shown.startswith("The "))))
    ]
    # "the CFR" beside "the Council on Foreign Relations" is one body twice: two right answers.
    initials = {
        "".join(w[0] for w in _bare(b).split() if w[:1].isupper()) for b in bodies if not _acronym(_bare(b))
    }
    bodies = [b for b in bodies if not (_acronym(_bare(b)) and _bare(b) in initials)]
    return Cast(people, places, surnames, cast.speakers, _ordered(bodies))


def _acronym(name: str) -> bool:
    return name.isupper() and len(name) > 1 and " " not in name


def _as_shown(span: Span) -> str:
    """A source as a reader is shown it: with "The" when the story writes "the" before it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return f"The {span.text}" if before is not None and before.lower_ == "the" else span.text


def is_body(name: str) -> bool:
    """A name holding a word of an organisation ("Fund", "Council", "University")."""
    return bool(_BODIES & {w.lower() for w in name.split()})


def _ordered(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
