"""Adapt a news story to CEFR levels: content, syntax, numbers, lexical steps plus verification.

    version = adapt_text(text, "A2", lexicon=lexicon)
    versions = adapt_story(text, other_sources, levels=("A2", "B1", "B2"), lexicon=lexicon)

Offline and deterministic. Each source sentence is parsed once (``nlp.pipe``), and all versions
share the parses.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.adapt.builder import Draft, VersionBuilder, measured_texts
from vocabsphere.core.adapt.coherence import tells_story
from vocabsphere.core.adapt.compress import load_compression_model
from vocabsphere.core.adapt.content import FACT_CAP, facts
from vocabsphere.core.adapt.document import ParseCache, Source, prepare
from vocabsphere.core.adapt.text_ops import CONTENT_POS
from vocabsphere.core.adapt.verify import LEVELS, Checked, Step, refine
from vocabsphere.core.levels import assess_word
from vocabsphere.core.levels.text_level import TextLevel
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.text import MODEL_VERSION, load_pipeline

__all__ = ["PIPELINE_VERSION", "AdaptedVersion", "GlossSpan", "adapt_story", "adapt_text"]

# 2.9: links from unseen readings of train 91-120 ("in two ways.", "X is different.", "There are more
# X" without "than", "In 1515," taking up a year, "Traditionally, ..." with the "But now" after it);
# an opening But/However dropped when the two sentences before it are left out; a source line cut
# after "," or ";" never kept; no split at the ", and" of an "including" list; "in" + bare noun after
# a money verb kept; a past the tagger took for a present tagged as the past; fewer false highlights
# (so/such ... that, present simple of a condition, "he says, but", a particle before a place, "good
# night", "very fast", "hard to say how", "more" + adjectives + noun, "If ..., it's because");
# 2.8: a hit that keeps under 0.6 (A2) or 0.75 (B1) of the first attempt's words gives way to the
# fuller miss, flagged with its measured level; links from unseen readings of train 51-90 (two turns
# in a row, "two others", a named store or title, a name inside a quotation, "Inside one mansion,",
# "In the meantime,", "call it", "X wrote in", "Indeed,", "for example", "What this means", "the whole
# approach", a reply announced, "Instead,", a quotation answering a reported stance); cut guards (a
# preposition with a bare pronoun, a place "outside" is reckoned from, the phrase a verb needs, "in" +
# bare noun); a source's broken lines never kept; no "according to X" moved from after a verbless
# phrase; fewer false highlights (a survey "revealed", zero conditionals, "by rote", a final
# non-defining clause "after a comma", "make sure", titles);
# 2.7: links from unseen readings of train 11-30 (Intermediate texts): "Only one survived", "In other
# words,", "these problems", Firstly/Secondly together, a name given with "they are called", "again",
# "One <noun>" after its plural, a thing named once far back; no split before "Instead,"; "in
# particular" never cut; fewer false highlights (agent after a purpose, "shall", "just enough" + noun,
# "gave birth on"); growth tries sentences that add names and numbers first; source repair of a line
# number before a title and of two closing single marks; a noun's other number from lemminflect;
# unseen readings of train 31-50: a cut that takes a kept pronoun's noun refused, no relative split on
# a numbered/quantified noun or a progressive background, "revealed how." / "theirs" / "the increase"
# and verbless question series need their sentence, "The X" after "the X for ...", "Then, there's X.",
# a voice change lower-cases a number word and agrees with "police"; list brackets cut together;
# fewer false highlights (wh-clauses, counterfactual "might have", "more" + adjective + noun, "tell"
# without a person, a perfect in a time clause, "may be ... but", adjective + "people");
# 2.6: links for "do the same", "believe this has ...", a new thing opening with "The", names with
# particles and bracketed letters need their introduction; no cut of "To X," before "seems" or of a
# "By ..." time a perfect counts to; first-round hits grow to the editors' share; source repair of
# split ligatures and stray line numbers; the same versions in less time (batched parses, memos);
# 2.5: a bare number or quantifier subject ("Ten have been closed"), "the same X" / "another X" told
# nowhere before, an attribution without its words and a quotation run on to a new paragraph need the
# sentence before; "up until" is no phrasal verb;
# 2.4: a full stop after a number with a unit is its own token ("230C."), links read from the parse
# ("For" as a conjunction, ", however,", an object "it" nothing names, a paragraph-opening command),
# the lead in no headed section, amounts with a scale on the digits read as numbers ("£5m"), growth
# by a paragraph's opening sentence alone, cut guards and false highlights from unseen train readings;
# 2.3: links from readings of unseen train stories (therefore/thus, "The first is", a claim and the
# sentence that doubts it, a paragraph opening with "also"), cuts that stop inside a clause refused,
# misses grow from the first round to the editors' share, fewer false grammar highlights;
# 2.2: adjectives and adverbs are no longer cut, guards for place phrases and consequences, no
# voice change on a split agent, versions grow by sentences that keep their level, expression
# meanings that repeat the expression's own word are not given;
# 1.9: an attempt that reaches the level with under 30 % of the first attempt's words is no hit;
# cuts keep hedges, scope, degree and attribution words, adjectives that a number, a negation or
# a "be" clause is about, and adjectives that tell kinds apart in the story; references after a
# preposition and with "this"/"that", openers that lean back ("of course", "In the same week"), no
# split of a list before ", and", numbered section titles as headings, a definition ("X is the act of
# ...") only after the sentence that used the term; 1.8: review-driven cut guards;
# 1.7: definite references and described names anywhere need their sentence, enumerations and an
# experiment's outcome kept together, an aside that is the point kept, participle splits in the main
# clause's time, no inline gloss inside a noun phrase, no much shorter version for a lower miss;
# 1.6: headings only over their opening sentence, split agreement from the source, numbers hedged once;
# 1.5: review-driven guards and coherence, source repair, A1 only as a connected story; 1.4: coherence
# (sentences keep what they refer to), claim-keeping cuts; 1.3: sense choice with log prior and static
# vectors; 1.2: edit guards, headings, quotations whole; 1.1: compression
PIPELINE_VERSION = "adapt-2.9"
MAX_ROUNDS = 6  # verification rounds: compress harder and cut more each time
A1_MAX_SOURCE_WORDS = 500  # longer sources get an A1 version only when they are already simple
_INLINE_GLOSS_LEVELS = frozenset({"A1", "A2"})
_INLINE_PER_PARAGRAPH = 2
_JOINERS = frozenset("-'’") | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True)
class GlossSpan:
    """A kept hard word: ``start``/``end`` index the word in ``paragraphs[paragraph]``."""

    word: str
    gloss: str
    paragraph: int
    start: int
    end: int
    inline: bool  # also written into the text as "word (= gloss)"


@dataclass(frozen=True)
class AdaptedVersion:
    level_target: str
    text: str
    paragraphs: tuple[str, ...]
    measured_level: str
    measured_score: float
    hit_target: bool  # measured level at or below the target
    vocabulary_profile: Mapping[str, int]  # content-word tokens per CEFR level
    steps_applied: tuple[tuple[str, int], ...]  # step name -> changes made
    glosses: tuple[GlossSpan, ...]
    changes: tuple[tuple[int, int], ...]  # (source paragraph, version paragraph)
    model_versions: Mapping[str, str]
    rounds: int  # verification rounds used
    headings: tuple[int, ...] = ()  # indices of ``paragraphs`` that are headings (never glossed)
    sentences: tuple[tuple[int, str], ...] = ()  # (source sentence index, text as written) in order


def _word_model_version() -> str:
    try:
        data = resources.files("vocabsphere.models").joinpath("word_level", "model.json").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return "unknown"
    return "word-level-" + hashlib.sha256(data).hexdigest()[:12]


@dataclass
class _Layout:
    texts: list[str]
    glosses: list[GlossSpan]
    changes: list[tuple[int, int]]
    headings: list[int]
    sentences: list[tuple[int, str]]


def _paragraphs(draft: Draft, inline: bool) -> _Layout:
    """Group sentences into paragraphs; place glosses (inline ones written into the text)."""
    texts: list[str] = []
    headings: list[int] = []
    written: list[tuple[int, str]] = []
    glosses: list[GlossSpan] = []
    changes: list[tuple[int, int]] = []
    inline_left = 0
    for sentence in draft.sentences:
        if not changes or changes[-1][0] != sentence.paragraph:
            changes.append((sentence.paragraph, len(texts)))
            headings += [len(texts)] if sentence.heading else []
            texts.append("")
            inline_left = _INLINE_PER_PARAGRAPH if inline else 0
        sentence_text, shift = sentence.text, 0
        base = len(texts[-1]) + (1 if texts[-1] else 0)
        for g in sentence.glosses:
            start = g.start + shift
            after = sentence_text[start + len(g.word) : start + len(g.word) + 1]
            before = sentence_text[start - 1 : start] if start else " "
            in_text = (
                inline_left > 0 and after not in _JOINERS and before not in _JOINERS and not g.modifier
            )  # not in "diva-to-be", nor inside a noun phrase ("inline" is the caller's choice)
            if in_text:
                note = f" (= {g.gloss})"
                sentence_text = (
                    sentence_text[: start + len(g.word)] + note + sentence_text[start + len(g.word) :]
                )
                shift += len(note)
                inline_left -= 1
            glosses.append(
                GlossSpan(g.word, g.gloss, len(texts) - 1, base + start, base + start + len(g.word), in_text)
            )
        texts[-1] = f"{texts[-1]} {sentence_text}".strip()
        written.append((sentence.unit, sentence_text))
    return _Layout(texts, glosses, changes, headings, written)


def _profile(doc: Doc) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for tok in doc:
        if tok.pos_ in CONTENT_POS and tok.is_alpha:
            try:
                counts[assess_word(tok.lemma_.lower(), tok.pos_).level] += 1
            except ValueError:
                continue
    return {level: counts.get(level, 0) for level in LEVELS}


def _version(
    checked: Checked[tuple[Draft, Doc]], target: str, versions: Mapping[str, str], inline: bool | None
) -> AdaptedVersion:
    draft, doc = checked.candidate
    write_glosses = target in _INLINE_GLOSS_LEVELS if inline is None else inline
    layout = _paragraphs(draft, write_glosses)
    paragraphs, glosses, changes = layout.texts, layout.glosses, layout.changes
    steps = (*draft.counts, ("verify_rounds", checked.rounds))
    return AdaptedVersion(
        level_target=target,
        text="\n\n".join(paragraphs),
        paragraphs=tuple(paragraphs),
        measured_level=checked.measured.level,
        measured_score=checked.measured.score,
        hit_target=checked.hit,
        vocabulary_profile=_profile(doc),
        steps_applied=steps,
        glosses=tuple(glosses),
        changes=tuple(changes),
        model_versions={**versions, "text_level": checked.measured.model_version},
        rounds=checked.rounds,
        headings=tuple(layout.headings),
        sentences=tuple(layout.sentences),
    )


def _tells_story(version: AdaptedVersion, source: Source) -> bool:
    """``coherence.tells_story`` for a built version (headings left aside)."""
    skip = source.headings | source.fragments
    body = [i for i, u in enumerate(source.units) if u.paragraph not in skip]
    headings = {version.paragraphs[h] for h in version.headings}
    made = [unit for unit, text in version.sentences if text not in headings]
    words = sum(len(text.split()) for unit, text in version.sentences if text not in headings)
    if body and set(made) >= set(body):
        return True  # the whole of a short story ("The cat sat on the mat. ...") is its core
    return bool(body) and tells_story(made, words, body[0])


def _only_adds(
    fuller: tuple[Draft, Doc], kept: tuple[Draft, Doc], opens: Callable[[int], bool] | None = None
) -> bool:
    """Does ``fuller`` keep every sentence of ``kept`` and add only sentences that follow one it keeps
    in the source (or, with ``opens``, open their paragraph)? A fuller attempt between two rounds may
    choose other sentences, or add one whose lead-in was cut (train: "The multimillion-pound project
    would feature a hotel" right after another project's sentence); the version then says something
    else or leans on what it does not say."""
    more = {s.unit for s in fuller[0].sentences}
    less = {s.unit for s in kept[0].sentences}
    return less <= more and all(unit - 1 in more or (opens and opens(unit)) for unit in more - less)


class _Story:
    """A prepared story whose versions share one parse cache."""

    def __init__(
        self,
        text: str,
        sources: Sequence[str],
        lexicon: Lexicon | None,
        nlp: Language | None,
        max_words: int | None = None,
        inline_glosses: bool | None = None,
    ) -> None:
        self.inline_glosses = inline_glosses
        self.source: Source = prepare(text)
        if not self.source.units:
            raise ValueError("text is empty: nothing to adapt")
        cache = ParseCache(nlp or load_pipeline())
        self.builder = VersionBuilder(self.source, cache, lexicon, sources, max_words)
        self.versions = {
            "pipeline": PIPELINE_VERSION,
            "spacy_model": MODEL_VERSION,
            "word_level": _word_model_version(),
            "compression": load_compression_model().version,
            "lexicon": lexicon.lexicon_version() if lexicon is not None else "none",
        }

    def adapt(self, target: str, rounds: int | None = None) -> AdaptedVersion:
        if target not in LEVELS:
            raise ValueError(f"unknown CEFR level: {target!r}")
        max_rounds = MAX_ROUNDS if rounds is None else rounds
        checked = refine(
            lambda s: self._draft(target, s),
            target,
            max_rounds=max_rounds,
            measure_with=self._measure,
            size=lambda c: sum(len(s.text.split()) for s in c[0].sentences),
            between=lambda s, b, kept: self._draft(
                target, s, b, frozenset(x.unit for x in kept[0].sentences)
            ),
            grows=_only_adds,
            more=lambda s, kept: self._additions(target, s, kept),
        )
        return _version(checked, target, self.versions, self.inline_glosses)

    def _additions(
        self, target: str, strength: int, kept: tuple[Draft, Doc] | None = None
    ) -> list[Step[tuple[Draft, Doc]]]:
        """Ways to add one source sentence to a version of round ``strength``: first those that add
        names or numbers ``kept`` lacks (the most, up to ``content.FACT_CAP``, first), then the rest,
        each in the source's order (the human versions keep a story's names and numbers and tell it
        from its start; a version tries only ``verify.GROW_TRIES`` additions, which in the source's
        order went to the first gaps, fact or not: train, round names5). Each comes with the sentences
        before it back to a kept one and with what it needs (``VersionBuilder.grown``), within
        ``content.grow_budget`` (the level's first budget, or the editors' share of the story where
        that is larger). An addition that holds one already refused (it raised the level) is not
        built: a try goes to another place."""
        builder = self.builder
        refused: list[frozenset[int]] = []  # what each built addition added; refused unless kept now

        def step(unit: int) -> Step[tuple[Draft, Doc]]:
            def add(kept: tuple[Draft, Doc]) -> tuple[tuple[Draft, Doc], Doc] | None:
                have = frozenset(s.unit for s in kept[0].sentences)
                chosen = builder.grown(target, strength, have, unit)
                if chosen is None:
                    return None
                added = chosen - have
                if any(old <= added and not old <= have for old in refused):
                    return None
                refused.append(added)
                built = self._draft(target, strength, exact=chosen)
                return built if _only_adds(built[0], kept, builder.opens_paragraph) else None

            return add

        order = builder.body()
        if kept is not None:  # the names and numbers the version does not have yet come first
            have = set().union(*(facts(s.text) for s in kept[0].sentences))
            units = builder.source.units
            order.sort(key=lambda i: -min(len(facts(units[i].text) - have), FACT_CAP))
        return [step(i) for i in order]

    def _measure(self, candidate: tuple[Draft, Doc], doc: Doc) -> TextLevel:
        return self.builder.measure.level(measured_texts(candidate[0].sentences), doc)

    def _draft(
        self,
        target: str,
        strength: int,
        budget_round: float | None = None,
        base: frozenset[int] = frozenset(),
        exact: frozenset[int] | None = None,
    ) -> tuple[tuple[Draft, Doc], Doc]:
        draft, doc = self.builder.build(target, strength, budget_round, base, exact)
        return (draft, doc), doc


def adapt_text(
    text: str,
    target: str,
    *,
    lexicon: Lexicon | None,
    sources: Sequence[str] = (),
    nlp: Language | None = None,
    max_words: int | None = None,
    inline_glosses: bool | None = None,
) -> AdaptedVersion:
    """One version of ``text`` for CEFR level ``target`` ("A1".."C2").

    ``max_words`` replaces the level's default length budget (A2 60 % of the source within 150-600
    words, B1 90 % within 300-1,000, ...).
    ``inline_glosses``: write "word (= gloss)" into the text (default: at A1-A2, a few per paragraph);
    the glosses are always returned as spans.
    """
    return _Story(text, sources, lexicon, nlp, max_words, inline_glosses).adapt(target)


def adapt_story(
    base_text: str,
    sources: Sequence[str] = (),
    levels: Sequence[str] = ("A2", "B1", "B2"),
    *,
    lexicon: Lexicon | None = None,
    nlp: Language | None = None,
    extra_levels: bool = True,
    inline_glosses: bool | None = None,
    on_level: Callable[[str], None] | None = None,
) -> list[AdaptedVersion]:
    """Versions for ``levels``; with ``extra_levels`` also A1 and C1 where the source allows.

    A1 is tried for short (<= 500 words) or simple (<= B1) sources and kept only when it measures A1
    and tells the core of the story in connected sentences (``coherence.tells_story``);
    C1 (the lightly edited source) is added only when the source itself measures C1 or above.
    Versions are returned from the lowest level up. ``on_level`` is told each level once it is done
    (a progress report; the extra levels' check counts as "extra").
    """
    done = on_level or (lambda _level: None)
    story = _Story(base_text, sources, lexicon, nlp, inline_glosses=inline_glosses)
    out = []
    for level in levels:
        out.append(story.adapt(level))
        done(level)
    if not extra_levels:
        return sorted(out, key=lambda v: LEVELS.index(v.level_target))
    draft, doc = story.builder.build("C1")  # the lightly edited source: measured once, used twice
    source_rank = LEVELS.index(story.builder.measure.level(measured_texts(draft.sentences), doc).level)
    short = story.source.words <= A1_MAX_SOURCE_WORDS
    if "A1" not in levels and (short or source_rank <= LEVELS.index("B1")):
        a1 = story.adapt("A1")
        if a1.hit_target and _tells_story(a1, story.source):
            out.append(a1)
    if "C1" not in levels and source_rank >= LEVELS.index("C1"):
        out.append(story.adapt("C1", rounds=1))
    done("extra")
    return sorted(out, key=lambda v: LEVELS.index(v.level_target))
