"""The source as data: normalised paragraphs, sentences, and a parse cache shared by all versions.

Sentences are split by rule and parsed one Doc per sentence (batched with ``nlp.pipe``): the
parser's own boundaries are unreliable on news text, and per-sentence Docs let every version reuse
the parses of sentences it leaves unchanged. Measuring a version joins its sentence Docs with
``Doc.from_docs`` instead of parsing the whole text again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.text_ops import split_sentences, word_count
from vocabsphere.core.ingest.repair import repair_text
from vocabsphere.core.levels.readability import normalise_text

__all__ = [
    "ParseCache",
    "QuoteState",
    "Source",
    "balancing_marks",
    "cut_off",
    "heading_paragraphs",
    "is_dateline",
    "is_heading",
    "prepare",
    "quotation_groups",
    "quotation_open",
    "quote_states",
    "quotes_balanced",
    "stands_alone",
    "whole_quotations",
]

_BATCH = 64


class ParseCache:
    """Parses each distinct sentence once; later look-ups are free."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._docs: dict[str, Doc] = {}

    def parse(self, texts: Iterable[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=_BATCH), strict=True):
            self._docs[text] = doc

    def get(self, text: str) -> Doc:
        if text not in self._docs:
            self.parse([text])
        return self._docs[text]

    def join(self, texts: Sequence[str]) -> Doc:
        """One Doc for a whole version, built from the cached sentence parses."""
        self.parse(texts)
        return Doc.from_docs([self._docs[t] for t in texts], ensure_whitespace=True)


@dataclass(frozen=True)
class Source:
    """The prepared source story."""

    paragraphs: tuple[str, ...]
    units: tuple[Unit, ...]
    headings: frozenset[int] = frozenset()  # indices of paragraphs that are headings
    fragments: frozenset[int] = frozenset()  # short lines ending in "," or ";": page junk, never kept

    @property
    def words(self) -> int:
        return sum(u.words for u in self.units)


def prepare(text: str) -> Source:
    """Normalise (as the level model expects) and split into paragraphs and sentence units."""
    # The source's own artefacts ("middle- class", "1. 28 million") are repaired as ingestion does.
    paragraphs = tuple(normalise_text(repair_text(text)).split("\n"))
    units = tuple(
        Unit(p, sentence, word_count(sentence))
        for p, paragraph in enumerate(paragraphs)
        for k, sentence in enumerate(_with_attributions(split_sentences(paragraph)))
        if not (k == 0 and is_dateline(sentence) and sentence != paragraph.strip())
    )
    short = [p for p, text in enumerate(paragraphs) if len(paragraphs) > 1 and is_heading(text)]
    fragments = frozenset(p for p in short if paragraphs[p].rstrip()[-1:] in _FRAGMENT_END)
    return Source(paragraphs, units, frozenset(short) - fragments, fragments)


# '"... he did this ..."' then "Mitchell wrote in a piece for the Future Library.": the splitter ends a
# quotation on its ellipsis, and the attribution after it, alone, says someone wrote nothing.
_BARE_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,3}(?:says|said|writes|wrote|adds|added)\s+(?:in|on|at)\s+[^\"“”,;:]*\.$"
)
_CLOSING_MARKS = ('"', "”", "'", "’")


# '"... in much larger studies." Said Simon Baron-Cohen.': the source's full stop before a capital
# "Said"; alone, the attribution is no sentence.
_INVERTED_ATTRIBUTION = re.compile(r"^(?:Said|Says|Added|Adds)\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\.$")


def _with_attributions(sentences: list[str]) -> list[str]:
    """``sentences`` with a bare attribution joined to the quotation it follows."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].endswith(_CLOSING_MARKS) and _BARE_ATTRIBUTION.match(sentence):
            out[-1] = f"{out[-1]} {sentence}"
        elif out and out[-1].endswith(_CLOSING_MARKS) and _INVERTED_ATTRIBUTION.match(sentence):
            quoted = out[-1]
            if quoted[-2:-1] == ".":  # '... studies."' -> '... studies,"'
                quoted = f"{quoted[:-2]},{quoted[-1]}"
            out[-1] = f"{quoted} {sentence[0].lower()}{sentence[1:]}"
        else:
            out.append(sentence)
    return out


def cut_off(units: Sequence[Unit], i: int) -> bool:
    """Did a line break in the source cut ``units[i]`` ("... a room that she moved into when she was"
    then "but she said ...", the age lost)? It ends on a word with no stop and the next opens in
    lower case, or it is that next one: page junk, never kept. A line that ends on "," or ";" (the
    source's last one, or one before a paragraph break: "... the new roads and the bridge,") was cut
    by the source whatever follows; a comma inside a sentence is no cut."""

    def ends(k: int) -> str:
        return units[k].text.rstrip()[-1:]

    def broken_after(k: int) -> bool:
        nxt = units[k + 1].text if k + 1 < len(units) else ""
        return (ends(k).isalnum() or ends(k) in _FRAGMENT_END) and nxt[:1].islower()

    return ends(i) in _FRAGMENT_END or broken_after(i) or (i > 0 and broken_after(i - 1))


HEADING_MAX_WORDS = 12
# "Moscow. North Korea has ...": a place name opening a report is its dateline, not a sentence.
_DATELINE = re.compile(r"^[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?\.$")
_ABBREVIATIONS_TEXT = (
    "Mr Mrs Ms Dr St Prof Gen Sen Rep Col Capt Lt Sgt Gov Rev Jr Sr No Inc Ltd Co Corp Mt Ft"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())


def is_dateline(sentence: str) -> bool:
    """Is ``sentence`` a dateline ("Moscow.", "New Delhi.") rather than a sentence?"""
    text = sentence.strip()
    return bool(_DATELINE.match(text)) and text[:-1] not in _ABBREVIATIONS


_SENTENCE_END = frozenset(".!?")
_NUMBERED = re.compile(r"^\d{1,2}\.\s+[A-Z]")
_FRAGMENT_END = frozenset(",;")  # "Update is obliged;": the rest of a line the page cut off


def heading_paragraphs(paragraphs: Sequence[str]) -> tuple[int, ...]:
    """Indices of the headings among a text's paragraphs (none in a one-paragraph text)."""
    if len(paragraphs) < 2:
        return ()
    return tuple(
        p for p, text in enumerate(paragraphs) if is_heading(text) and text.rstrip()[-1:] not in _FRAGMENT_END
    )


def is_heading(paragraph: str) -> bool:
    """A short line that does not end like a sentence: a title or a section heading ("The world's
    sixth-largest army", "Opposition to 'Ukrainian fascism'"). A line ending in "." "!" or "?" (even
    inside a closing quotation mark) is a sentence."""
    text = paragraph.strip().rstrip("'\"")
    # A numbered section title may be longer ("4. Tom, Manchester: 'A big night of tips can help ...'").
    limit = 2 * HEADING_MAX_WORDS if _NUMBERED.match(text) else HEADING_MAX_WORDS
    return 0 < word_count(paragraph) <= limit and text[-1:] not in _SENTENCE_END


@dataclass(frozen=True)
class QuoteState:
    """Where a sentence stands in its paragraph's quotations."""

    starts_inside: bool  # a later sentence of a quotation over several sentences
    ends_inside: bool  # the quotation goes on in the next sentence
    has_marks: bool
    mark: str = '"'  # the mark that opens the quotation this sentence starts or ends inside

    @property
    def quoted(self) -> bool:
        """Holds somebody's words: never compressed or split."""
        return self.starts_inside or self.ends_inside or self.has_marks


_OPEN_BEFORE = frozenset(' ([-"')


# French and Italian elided articles and prepositions before a capital ("Société d'Investissements",
# "l'Oréal", "dell'Arte"): an apostrophe inside a name, not a quotation glued to its word.
_ELISIONS = frozenset(["d", "l", "j", "n", "s", "qu", "dell", "nell", "all", "dall", "sull"])


def _elided(before: str) -> bool:
    """Does ``before`` (the text up to a mark) end on an elided word ("... Société d")?"""
    found = re.search(r"[A-Za-z]+$", before)
    return found is not None and found.group(0).lower() in _ELISIONS


@dataclass
class _Marks:
    """Open quotations while reading a paragraph: double marks toggle; a single mark opens after a
    space and closes before one, and mid-word or after a plain letter with nothing open it is an
    apostrophe ("Russia's", "the troops' food")."""

    double: bool = False
    single: bool = False
    mark: str = '"'
    stray: int = 0  # closing marks with no quotation open

    @property
    def inside(self) -> bool:
        return self.double or self.single

    def read(self, text: str) -> int:
        """Advance over ``text``; the number of quotation marks found."""
        found = 0
        for k, ch in enumerate(text):
            if ch == '"':
                self.double, found = not self.double, found + 1
                self.mark = "'" if self.single and not self.double else '"'  # back in an outer 'single' one
            elif ch == "'":
                before = text[k - 1] if k else " "
                after = text[k + 1] if k + 1 < len(text) else " "
                if before.isalnum() and after.isalnum():
                    glued = before.islower() and after.isupper() and not _elided(text[:k])
                    if glued and not self.single:
                        self.single, self.mark, found = True, "'", found + 1  # "claims'This is ...": glued
                    continue  # "don't", "Russia's"
                if before in _OPEN_BEFORE and (after.isalnum() or after in "\"'"):
                    if not self.single:
                        self.single, self.mark, found = True, "'", found + 1
                elif not before.isspace() and (after.isspace() or after in '.,;:!?)-"'):
                    if self.single:
                        # back inside the "double" quotation, if one is open: its mark closes it
                        self.single, self.mark, found = False, '"', found + 1
                    elif not before.isalpha():
                        self.stray, found = self.stray + 1, found + 1  # "let them,' he said" with no opening
        return found


def quotation_open(text: str) -> bool:
    """Is a quotation still open at the end of ``text`` (a paragraph up to some point)?"""
    marks = _Marks()
    marks.read(text)
    return marks.inside


def stands_alone(text: str, start: int, sentence: str) -> bool:
    """Can the ``sentence`` found at ``start`` in ``text`` be shown on its own (a highlight): a whole
    sentence, its quotation marks balanced, and not inside somebody's words (alone, they read as fact)?"""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    opens = not before.strip() or before.rstrip()[-1] in ".!?\"'"  # not "Investments Ltd, have refused ..."
    return opens and quotes_balanced(sentence) and not quotation_open(before)


def quotes_balanced(text: str) -> bool:
    """Every quotation opened in ``text`` is closed there and none is closed that was not opened."""
    marks = _Marks()
    marks.read(text)
    return not marks.inside and not marks.stray


def quote_states(units: Sequence[Unit]) -> list[QuoteState]:
    """Quotation marks ("double" and 'single') followed through each paragraph (a news quotation may
    run over several sentences, the middle ones without any mark; a new paragraph starts outside)."""
    states = []
    marks, paragraph = _Marks(), -1
    for unit in units:
        if unit.paragraph != paragraph:
            marks, paragraph = _Marks(), unit.paragraph
        start, mark = marks.inside, marks.mark
        found = marks.read(unit.text)
        states.append(QuoteState(start, marks.inside, found > 0, mark if start else marks.mark))
    return states


def quotation_groups(quotes: Sequence[QuoteState]) -> list[range]:
    """The sentences of each quotation over several sentences."""
    groups = []
    i = 0
    while i < len(quotes):
        if quotes[i].ends_inside and not quotes[i].starts_inside:
            j = i
            while j + 1 < len(quotes) and quotes[j].ends_inside and quotes[j + 1].starts_inside:
                j += 1
            groups.append(range(i, j + 1))
            i = j + 1
        else:
            i += 1
    return groups


def whole_quotations(chosen: Sequence[int], quotes: Sequence[QuoteState]) -> tuple[int, ...]:
    """``chosen`` with every quotation over several sentences kept whole when any of its sentences
    is chosen (a part of a quotation is a misquotation), else left out whole."""
    keep = set(chosen)
    for group in quotation_groups(quotes):
        if keep.intersection(group):
            keep.update(group)
    return tuple(sorted(keep))


def balancing_marks(
    chosen: Sequence[int], quotes: Sequence[QuoteState], paragraphs: Sequence[int]
) -> dict[int, tuple[bool, bool]]:
    """Quotation marks to add where selection kept part of a quotation over several sentences.

    Per chosen unit: (open, close). A kept sentence from inside a quotation whose preceding kept
    sentence does not continue it gets an opening mark; one that ends inside a quotation whose next
    kept sentence does not continue it gets a closing mark.
    """
    out: dict[int, tuple[bool, bool]] = {}
    for k, i in enumerate(chosen):
        prev = chosen[k - 1] if k > 0 and paragraphs[chosen[k - 1]] == paragraphs[i] else None
        nxt = chosen[k + 1] if k + 1 < len(chosen) and paragraphs[chosen[k + 1]] == paragraphs[i] else None
        opening = quotes[i].starts_inside and (prev is None or not quotes[prev].ends_inside)
        closing = quotes[i].ends_inside and (nxt is None or not quotes[nxt].starts_inside)
        if opening or closing:
            out[i] = (opening, closing)
    return out
