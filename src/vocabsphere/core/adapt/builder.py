"""Build one version of a story: compression -> content -> syntax -> numbers -> lexical, on cached parses."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from vocabsphere.core.adapt.coherence import (
    attributed,
    continues_how,
    dependencies,
    introduced_things,
    last_named,
    refers_back,
    with_dependencies,
    without_turn,
)
from vocabsphere.core.adapt.compress import (
    CompressionModel,
    Scored,
    compress_sentence,
    load_compression_model,
    score_candidates,
    word_rank,
)
from vocabsphere.core.adapt.content import (
    MAX_SENTENCE,
    Unit,
    centrality,
    grow_budget,
    retry_budget,
    select,
    target_words,
)
from vocabsphere.core.adapt.document import (
    ParseCache,
    QuoteState,
    Source,
    balancing_marks,
    cut_off,
    quotation_groups,
    quote_states,
    whole_quotations,
)
from vocabsphere.core.adapt.guard import (
    edit_problem,
    loses_words,
    substitution_changes_role,
    substitution_problem,
)
from vocabsphere.core.adapt.lexical import Gloss, LexicalResult, Substituter
from vocabsphere.core.adapt.links import parsed_links
from vocabsphere.core.adapt.numbers import simplify_numbers
from vocabsphere.core.adapt.references import (
    definite_references,
    describes_a_name_with,
    kind_adjectives,
    kind_key,
    noun_key,
    running_words,
)
from vocabsphere.core.adapt.syntax import simplify_sentence
from vocabsphere.core.adapt.text_ops import CONTENT_POS, QUOTE_MARKS, word_count
from vocabsphere.core.adapt.verify import LEVELS, SentenceMeasure
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.sense_choice import SenseChoice
from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = ["Draft", "DraftSentence", "VersionBuilder"]

# Rounds that keep the lead: all of them. A version without its lead opens mid-story ("As 16th
# birthdays go, it was among the more unusual."); one that misses the level is flagged instead.
LEAD_ROUNDS = 100
_SYNTAX_ROUNDS = 2  # a split sentence may need a second rule ("X, who..., was praised by Y")


@dataclass(frozen=True)
class DraftSentence:
    paragraph: int  # index of the source paragraph it comes from
    text: str
    glosses: tuple[Gloss, ...]
    unit: int = -1  # index of the source sentence it comes from
    heading: bool = False  # a heading, kept as it is in its own paragraph


@dataclass(frozen=True)
class Draft:
    sentences: tuple[DraftSentence, ...]
    counts: tuple[tuple[str, int], ...]  # step name -> number of changes


def _hard_share(doc: Doc, level: str) -> float:
    """Share of the sentence's content words whose level is above ``level`` (0 when none is known)."""
    rank = LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1
    levels = [word_rank(t) for t in doc if t.pos_ in CONTENT_POS and t.is_alpha]
    known = [r for r in levels if r is not None]
    return sum(r > rank for r in known) / len(known) if known else 0.0


def _syntax_group(level: str) -> str:
    return {"A1": "low", "A2": "low", "B1": "mid", "B2": "high"}.get(level, "none")


def _with_marks(
    text: str, glosses: tuple[Gloss, ...], opening: bool, closing: bool, mark: str = '"'
) -> tuple[str, tuple[Gloss, ...]]:
    """Add a missing opening or closing quotation mark (gloss offsets move with an opening one)."""
    if opening and text[:1] not in QUOTE_MARKS | {mark}:
        text = mark + text
        glosses = tuple(replace(g, start=g.start + 1, end=g.end + 1) for g in glosses)
    if closing and text[-1:] not in QUOTE_MARKS | {mark}:
        text += mark
    return text, glosses


def _headed_sections(source: Source) -> dict[int, list[int]]:
    """Per heading (paragraph index), the sentences of its section in order (maybe none). A numbered
    heading and the headings right after it ("2. Elle, 22, Edinburgh: ...", "Average tips: ...",
    "France") head one section: the speaker's name over "I work three jobs" is kept with the last.
    The story's lead is no section's: a heading before it ("1 Pop-up parks" over a listicle's
    opening) heads the sentences after it, and the lead, kept in every version, does not keep the
    heading alone."""
    skip = source.headings | source.fragments
    lead = next((i for i, u in enumerate(source.units) if u.paragraph not in skip), None)
    sections = {}
    bodies = {u.paragraph for u in source.units} - source.headings
    for h in sorted(source.headings):
        following = [p for p in source.headings if p > h]
        if _in_numbered_run(source, h):
            following = [p for p in following if any(h < b < p for b in bodies)]
        end = min(following) if following else len(source.paragraphs)
        sections[h] = [
            i
            for i, u in enumerate(source.units)
            if h < u.paragraph < end and u.paragraph in bodies and i != lead
        ]
    return sections


_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.?\s+\S")  # "2. Elle, 22, Edinburgh", "1 Pop-up parks"


def _in_numbered_run(source: Source, heading: int) -> bool:
    """Is ``heading`` a numbered heading or one of the headings right after one (no text between)?"""
    first = heading
    while first - 1 in source.headings:
        first -= 1
    return any(_NUMBERED_HEADING.match(source.paragraphs[p]) for p in range(first, heading + 1))


_MAIN_VERB_DEPS = frozenset({"ROOT", "aux", "aux:pass", "cop"})


def _verbless_question(text: str, doc: Doc, own: bool = False) -> bool:
    """Is ``text`` the writer's question without a verb ("The main reason?"), which only the next
    sentence completes? With ``own``, a verb in a relative clause does not count ("Or parents who
    work late?": no verb of its own, it asks on about what the sentence before asked)."""
    text = text.strip()
    if not text.endswith("?") or text[:1] in QUOTE_MARKS:
        return False
    if not own:
        return not any(t.tag_ in FINITE_TAGS for t in doc)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    main = [t for t in doc if t.tag_ in FINITE_TAGS and (t.dep_ == "ROOT" or t.head in roots)]
    return not any(t.dep_ in _MAIN_VERB_DEPS for t in main)


def _sections(source: Source, chosen: Sequence[int]) -> set[int]:
    """Headings to keep: those whose section keeps its opening sentence.

    A heading names what its section opens with ("Opposition to 'Ukrainian fascism'" over a quotation
    about fascism); over the section's later sentences alone it names something the version left out.
    """
    picked = set(chosen)
    return {h for h, section in _headed_sections(source).items() if section and section[0] in picked}


# A pronoun anywhere in a sentence may stand for what the sentence before told ("Visitors can see it"):
# such a paragraph opener still comes with the sentence before it when it is added to a version.
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|he|him|his|she|her)\b", re.IGNORECASE)
_ASIDES = frozenset({"dash_aside", "parenthetical"})  # rules that drop words without a new sentence
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # a rule that splits "then-and-now" broke the parse
# Splits that move an aside into a sentence after the main clause ("Hale has never trained. Hale is a
# retired nurse."; "Handing over his text, he read a poem." -> "He read a poem. He handed over his
# text."): a next sentence going on from the main clause ("Instead, she ...", "Its ending": the
# poem's) would follow the aside.
_ASIDE_AFTER = frozenset({"apposition", "relative_clause", "participle"})
_GOES_ON = re.compile(
    r"^[\"'‘“]?(?:instead|but|however|yet|so|therefore|thus|hence|nevertheless|still|this|that|these|those"
    r"|its|it)\b",
    re.I,
)


def _goes_on(unit: Unit, after: Unit) -> bool:
    """Does ``after``, the next sentence of ``unit``'s paragraph in the version, go on from what
    ``unit`` says ("Instead, she ...", "But this ...")?"""
    return after.paragraph == unit.paragraph and _GOES_ON.match(after.text) is not None


def _mark(state: QuoteState) -> str:
    return state.mark


def measured_texts(sentences: Sequence[DraftSentence]) -> list[str]:
    """The sentences a version's level is measured on: its body (headings only when nothing else)."""
    body = [s.text for s in sentences if not s.heading]
    return body or [s.text for s in sentences]


class VersionBuilder:
    """Builds versions of one source; parses and per-sentence results are shared between levels."""

    def __init__(
        self,
        source: Source,
        cache: ParseCache,
        lexicon: Lexicon | None,
        sources: Sequence[str] = (),
        max_words: int | None = None,
    ) -> None:
        self.source = source
        self.max_words = max_words  # caller's length cap; replaces the level's default budget
        self.cache = cache
        self.lexicon = lexicon
        self.sources = tuple(sources)
        self._syntax: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        self._compressed: dict[tuple[str, int], tuple[tuple[Unit, ...], tuple[int, ...]]] = {}
        self._compression: CompressionModel = load_compression_model()
        self._scored: dict[int, Scored] = {}  # per source unit: compression candidates, any level
        self._terms: dict[int, tuple[range, ...]] = {}  # per source unit: fixed terms' token ranges
        self._quotes = quote_states(source.units)
        self._substituters: dict[str, Substituter] = {}
        self._senses: dict[tuple[str, int], SenseChoice] = {}  # shared by the levels' substituters
        self._lexicals: dict[tuple[str, str, bool], LexicalResult] = {}
        self._hard_shares: dict[str, list[float]] = {}
        self._dependencies: list[frozenset[int]] | None = None
        self._cut: frozenset[int] | None = None  # sentences a line break cut, and those needing them
        self._central: dict[tuple[str, ...], list[float]] = {}  # the rounds select from the same units
        # Per source sentence, the words a later sentence calls "the ...": compression keeps them.
        self._things = [frozenset(t) for t in introduced_things(source.units)]
        self.measure = SentenceMeasure(cache.get)
        cache.parse(u.text for u in source.units)
        # Definite noun phrases and described names anywhere in a sentence ("the PO box addresses"):
        # the sentence needs the one that told of them, whose compression keeps the word.
        self._references = definite_references([cache.get(u.text) for u in source.units])
        self._running = running_words([cache.get(u.text) for u in source.units])
        # Adjectives that tell kinds of a thing apart in this story ("woolly rhinos"): never cut.
        self._kinds = kind_adjectives([cache.get(u.text) for u in source.units])
        self._told: list[set[str]] = [set() for _ in source.units]
        for ref in self._references:
            self._told[ref.told].update(ref.word.split())

    def _budget(self, level: str, strength: float) -> int | None:
        budget = target_words(level, self.source.words) if self.max_words is None else self.max_words
        if budget is None:
            return None
        return retry_budget(budget, strength)

    def _units(self, level: str, strength: int = 0) -> tuple[tuple[Unit, ...], tuple[int, ...]]:
        """The source sentences compressed for ``level`` and the subtrees removed from each."""
        key = (level, strength)
        if key not in self._compressed:
            units, removed = [], []
            for i, (unit, quotes) in enumerate(zip(self.source.units, self._quotes, strict=True)):
                after = self.source.units[i + 1].text if i + 1 < len(self.source.units) else ""
                if quotes.quoted or continues_how(after):
                    # somebody's words, or the way the next sentence goes on from ("In this way, ..."):
                    # never shortened
                    units.append(unit)
                    removed.append(0)
                    continue
                sent = self.cache.get(unit.text)[:]
                if i not in self._scored:
                    self._scored[i] = score_candidates(sent, self._compression)
                    self._terms[i] = self._fixed_terms(sent) if self._scored[i] else ()
                keep = [
                    t.i for t in sent if t.lower_ in self._things[i] or {noun_key(t), t.text} & self._told[i]
                ]
                keep += [t.i for t in sent if kind_key(t) in self._kinds]
                keep += [  # an apposition that is the point someone makes about a name
                    t.i
                    for c in sent
                    if c.dep_ == "appos" and describes_a_name_with(list(c.subtree), self._running)
                    for t in c.subtree
                ]
                result = compress_sentence(
                    sent, level, self._compression, strength, self._scored[i], self._terms[i], keep
                )
                removed.append(result.removed)
                shorter = Unit(unit.paragraph, result.text, word_count(result.text))
                units.append(shorter if result.removed else unit)
            self.cache.parse(u.text for u in units)
            for i, unit in enumerate(units):
                if removed[i] and edit_problem(
                    self.cache.get(self.source.units[i].text), self.cache.get(unit.text)
                ):
                    units[i], removed[i] = self.source.units[i], 0  # re-parsed, it is worse English
            self._compressed[key] = (tuple(units), tuple(removed))
        return self._compressed[key]

    def _fixed_terms(self, sent: Span) -> tuple[range, ...]:
        """Token ranges of the dictionary's multi-word terms in ``sent`` ("affirmative action")."""
        if self.lexicon is None:
            return ()
        found = self.lexicon.find_expressions([t.lemma_.lower() for t in sent])
        return tuple(range(sent.start + m.start, sent.start + m.end) for m in found if m.end - m.start > 1)

    def _syntax_for(self, text: str, level: str) -> tuple[list[str], list[str]]:
        key = (text, _syntax_group(level))
        if key not in self._syntax:
            texts, rules = [text], []
            for _ in range(_SYNTAX_ROUNDS):
                self.cache.parse(texts)
                nxt: list[str] = []
                for text in texts:
                    out, rule = simplify_sentence(self.cache.get(text)[:], level)
                    if rule:
                        self.cache.parse(out)
                        broken = any(w not in " ".join(out) for w in _HYPHENATED.findall(text))
                        parts = [self.cache.get(o) for o in out]
                        source = self.cache.get(text)
                        point = rule in _ASIDES and self._cuts_the_point(source, out)
                        if broken or point or loses_words(source, *parts) or edit_problem(source, *parts):
                            out, rule = [text], None
                    nxt.extend(out)
                    rules += [rule] if rule else []
                if nxt == texts:
                    break
                texts = nxt
            self._syntax[key] = (texts, rules)
        return self._syntax[key]

    def _cuts_the_point(self, source: Doc, out: Sequence[str]) -> bool:
        """Does the edit drop an aside after a name that holds what the story is about ("choosing Ellen
        Oléria - a black lesbian - as the winner", said to show the public is not prejudiced)?"""
        kept = {w.lower() for part in out for w in re.findall(r"\w+", part)}
        lost = [t for t in source if t.is_alpha and t.lower_ not in kept]
        return describes_a_name_with(lost, self._running)

    def _needs(self) -> list[frozenset[int]]:
        """Per source sentence, the sentences it needs (``coherence.dependencies``); the sentences of
        a quotation need each other (kept whole or left out whole)."""
        if self._dependencies is None:
            units = self.source.units
            needs = [set(d) for d in dependencies(units)]
            for i, linked in enumerate(parsed_links(units, [self.cache.get(u.text) for u in units])):
                needs[i] |= linked
            for ref in self._references:
                needs[ref.sentence].add(ref.told)
            if len(units) > 1 and not any(t.tag_ in FINITE_TAGS for t in self.cache.get(units[0].text)):
                needs[0].add(1)  # a verbless lead ("Crunchy, full of protein ...") names nothing
            # A verbless sentence ("A bit more Blade Runner.", "Or see ...") finishes the one before it.
            for i in range(1, len(units)):
                same = units[i].paragraph == units[i - 1].paragraph
                if same and not any(t.tag_ in FINITE_TAGS for t in self.cache.get(units[i].text)):
                    needs[i].add(i - 1)
                if _verbless_question(units[i - 1].text, self.cache.get(units[i - 1].text)):
                    needs[i].add(i - 1)  # "Not knowing who your friends are." answers "The main reason?"
                if _verbless_question(units[i].text, self.cache.get(units[i].text), own=True):
                    # "Or parents who work late?" asks on about what the sentence before asked (a
                    # series of them chains back to the question they all answer)
                    needs[i].add(i - 1)
            # A later sentence of a headed section is kept only with the section's opening sentence,
            # which keeps the heading: without it the sentence sits under the section before's heading
            # ("Bikes are ever more in vogue." under "1 Pop-up parks").
            for section in _headed_sections(self.source).values():
                for i in section[1:]:
                    needs[i].add(section[0])
            for group in quotation_groups(self._quotes):
                for i in group:
                    needs[i].update(j for j in group if j != i)
                unnamed = any(refers_back(units[i].text) for i in group)
                if group.start > 0 and (unnamed or not any(attributed(units[i].text) for i in group)):
                    needs[group.start].add(group.start - 1)  # '"Was this ...? No," he said.': who?
                    named = last_named(units, group.start)
                    if named is not None and not any(attributed(units[i].text) for i in group):
                        needs[group.start].add(named)  # "When I was inside ...": the speaker, named before
            self._dependencies = [frozenset(n) for n in needs]
        return self._dependencies

    def _difficulty(self, level: str) -> list[float]:
        """Per source sentence, the share of its content words above ``level``."""
        if level not in self._hard_shares:
            self._hard_shares[level] = [_hard_share(self.cache.get(u.text), level) for u in self.source.units]
        return self._hard_shares[level]

    def _substituter(self, level: str) -> Substituter:
        """The level's substituter: its choices hold for every round (they depend on the sentence
        and the level only)."""
        if level not in self._substituters:
            self._substituters[level] = Substituter(self.lexicon, level, senses=self._senses)
        return self._substituters[level]

    def _lexical(self, level: str, text: str, quoted: bool) -> LexicalResult:
        """Substitutions and glosses for one sentence; without substitutions when one of them is part
        of a term or the re-parsed sentence is worse English (its glosses go with them). Once per
        level, sentence and quotation state: every round and added sentence asks again."""
        key = (level, text, quoted)
        if key not in self._lexicals:
            self._lexicals[key] = self._simplified(self._substituter(level), text, quoted)
        return self._lexicals[key]

    def _simplified(self, substituter: Substituter, text: str, quoted: bool) -> LexicalResult:
        doc = self.cache.get(text)
        result = substituter.simplify(doc[:], quoted)
        if not result.replacements:
            return result
        replaced = {old for old, _ in result.replacements}
        terms = any(substitution_problem(t) for t in doc if t.text in replaced and t.pos_ == "NOUN")
        edited = self.cache.get(result.text)
        if terms or substitution_changes_role(doc, edited) or edit_problem(doc, edited):
            return LexicalResult(text, 0, ())
        return result

    def _select(
        self,
        units: Sequence[Unit],
        level: str,
        strength: int,
        budget_round: float | None = None,
        base: frozenset[int] = frozenset(),
        exact: frozenset[int] | None = None,
    ) -> tuple[int, ...]:
        """The body sentences to keep (quotations whole) and the headings of their sections; the word
        budget is that of round ``budget_round`` (default ``strength``). With ``base`` (source sentences
        of a version to add to), those are kept and a sentence is added only with the one before it.
        ``exact``: these source sentences (and what they need), chosen by the caller."""
        if exact is not None:
            return self._settled(exact)
        max_len = MAX_SENTENCE.get(level)
        hard = None
        if max_len is not None and strength:
            # Retry rounds: prefer, then require, shorter sentences (length spread drives the level).
            max_len = max(8, max_len - 3 * strength)
            hard = max_len + 10 // strength
        budget = self._budget(level, strength if budget_round is None else budget_round)
        # Each retry weighs hard words more: of two sentences, the easier one stays.
        difficulty = [share * (1 + strength) for share in self._difficulty(level)]
        body = self.body()
        if not body:
            return ()
        keep_lead = strength < LEAD_ROUNDS
        needs = self._needs()
        position = {i: k for k, i in enumerate(body)}
        # Adding to a version: a sentence comes with the one before it, back to a kept one (read in the
        # source's order, it leans on nothing the version leaves out before it).
        before = [
            frozenset({k - 1}) if base and k and i not in base else frozenset() for k, i in enumerate(body)
        ]
        picked = select(
            [units[i] for i in body],
            budget,
            self.sources,
            max_len,
            hard,
            [difficulty[i] for i in body],
            keep_lead,
            [
                frozenset(position[j] for j in needs[i] if j in position) | before[k]
                for k, i in enumerate(body)
            ],
            [position[i] for i in base if i in position],
            self._centrality,
        )
        return self._settled(body[k] for k in picked)

    def _centrality(self, units: Sequence[Unit]) -> list[float]:
        """``content.centrality``, once per list of sentences (a round and its in-between budgets,
        levels whose compression left the same sentences)."""
        key = tuple(u.text for u in units)
        if key not in self._central:
            self._central[key] = centrality(units)
        return self._central[key]

    def body(self) -> list[int]:
        """The source sentences a version may keep (not headings, not page junk, not a sentence a line
        break cut nor one that needs it: '"I don't see that happening"' after "... by the time she was
        30")."""
        skip = self.source.headings | self.source.fragments
        units = self.source.units
        if self._cut is None:
            cut = {i for i in range(len(units)) if cut_off(units, i)}
            needs = self._needs() if cut else []
            grew = bool(cut)
            while grew:
                more = {i for i, n in enumerate(needs) if i not in cut and n & cut}
                cut |= more
                grew = bool(more)
            self._cut = frozenset(cut)
        return [i for i, u in enumerate(units) if u.paragraph not in skip and i not in self._cut]

    def grown(self, level: str, strength: int, kept: frozenset[int], unit: int) -> frozenset[int] | None:
        """The source sentences of a version keeping ``kept`` plus ``unit``, which comes with the
        sentences before it back to a kept one and with what it needs; None when ``unit`` is kept
        already or the result is longer (in round ``strength``'s words) than ``content.grow_budget``
        (the level's first budget, or the editors' share of the story where that is larger) or than
        the caller's length cap."""
        body = self.body()
        if unit in kept or unit not in body:
            return None
        position = {i: k for k, i in enumerate(body)}
        group: set[int] = set()
        todo = [unit]
        while todo:  # each added sentence with the one before it and with what it needs
            i = todo.pop()
            if i in kept or i in group or i not in position:
                continue
            group.add(i)
            todo += [*self._needs()[i], *self._lead_in(i, body, position)]
        chosen = frozenset(self._settled(kept | group))
        units, _ = self._units(level, strength)
        budget = self._budget(level, 0)
        if self.max_words is None:  # a caller's length cap stays
            budget = grow_budget(level, self.source.words)
        words = sum(units[i].words for i in chosen if i in position)
        return None if budget is not None and words > budget else chosen

    def opens_paragraph(self, unit: int) -> bool:
        """Is ``unit`` the first sentence of its paragraph (the first of the story too)?"""
        units = self.source.units
        return unit == 0 or units[unit - 1].paragraph != units[unit].paragraph

    def _lead_in(self, unit: int, body: Sequence[int], position: dict[int, int]) -> list[int]:
        """The sentence an added ``unit`` comes with besides what it needs: the one before it in its
        paragraph. A paragraph's opening sentence without a pronoun starts a new step of the story and
        comes alone: what it leans on across the break is in its needs (``coherence.dependencies``), as
        in the first selection (train: a version kept the lead, then a later paragraph; one refused
        sentence right after the lead held back every sentence between them, 360 words of room unused)."""
        k = position[unit]
        alone = self.opens_paragraph(unit) and not _PRONOUN.search(self.source.units[unit].text)
        return [] if k == 0 or alone else [body[k - 1]]

    def _settled(self, picked: Iterable[int]) -> tuple[int, ...]:
        """``picked`` with what its sentences need, quotations whole, and the headings of its sections."""
        chosen: tuple[int, ...] = tuple(picked)
        allowed = set(self.body())
        for _ in range(2):  # a quotation's speaker may open another quotation: settle twice
            chosen = whole_quotations(with_dependencies(chosen, self._needs(), allowed), self._quotes)
        headings = _sections(self.source, chosen)
        units = self.source.units
        return tuple(sorted({*chosen, *(i for i, u in enumerate(units) if u.paragraph in headings)}))

    def _turns_from_cut(self, unit: int, chosen: Sequence[int]) -> bool:
        """Are the two source sentences before ``unit`` left out of the version (the one just before a
        body sentence, not a heading), so that an opening "But" would turn from what the reader never
        sees? With the one two back kept, the turn may still be from it ("Residents managed well.
        [They banked at the post office.] But the closure of the banks has been devastating.")."""
        units = self.source.units
        before = unit - 1
        if before < 0 or before in chosen or units[before].paragraph in self.source.headings:
            return False
        return before - 1 not in chosen

    def build(
        self,
        level: str,
        strength: int = 0,
        budget_round: float | None = None,
        base: frozenset[int] = frozenset(),
        exact: frozenset[int] | None = None,
    ) -> tuple[Draft, Doc]:
        """The version for ``level`` and the joined Doc to measure it with; ``budget_round``: the word
        budget of another (in-between) round, every other setting of round ``strength``; ``base``: the
        source sentences of a version to add to."""
        units, removed = self._units(level, strength)
        chosen = self._select(units, level, strength, budget_round, base, exact)
        headings = self.source.headings
        counts: Counter[str] = Counter(
            {"content": len(units) - len(chosen), "compression": sum(removed[i] for i in chosen)}
        )
        staged: list[tuple[int, str]] = []  # (unit, sentence text)
        for k, i in enumerate(chosen):
            text = units[i].text
            rules: list[str] = []
            if units[i].paragraph in headings:
                staged.append((i, text))
                continue
            if self._quotes[i].starts_inside or _syntax_group(level) == "none":
                texts = [text]  # the middle of a quotation stays as said
            else:
                texts, rules = self._syntax_for(text, level)
                after = chosen[k + 1] if k + 1 < len(chosen) else None
                if _ASIDE_AFTER & set(rules) and after is not None and _goes_on(units[i], units[after]):
                    texts, rules = [text], []
            counts.update(f"syntax.{r}" for r in rules)
            if not self._quotes[i].starts_inside and self._turns_from_cut(i, chosen):
                texts = [without_turn(texts[0]), *texts[1:]]
            for text in texts:
                if not self._quotes[i].starts_inside:
                    text, edits = simplify_numbers(text, level)
                    counts["numbers"] += len(edits)
                staged.append((i, text))
        self.cache.parse(t for _, t in staged)
        marks = balancing_marks(chosen, self._quotes, [u.paragraph for u in units])
        sentences = []
        for k, (i, text) in enumerate(staged):
            if units[i].paragraph in headings:  # never simplified, glossed or measured
                sentences.append(DraftSentence(units[i].paragraph, text, (), i, heading=True))
                continue
            result = self._lexical(level, text, self._quotes[i].starts_inside)
            counts["lexical"] += result.replaced
            counts["glosses"] += len(result.glosses)
            opening, closing = marks.get(i, (False, False))
            first = k == 0 or staged[k - 1][0] != i  # a split unit: marks go on its first/last part
            last = k + 1 == len(staged) or staged[k + 1][0] != i
            text, glosses = _with_marks(
                result.text, result.glosses, opening and first, closing and last, _mark(self._quotes[i])
            )
            sentences.append(DraftSentence(units[i].paragraph, text, glosses, i))
        doc = self.cache.join(measured_texts(sentences))
        draft = Draft(tuple(sentences), tuple(sorted((k, v) for k, v in counts.items() if v)))
        return draft, doc
