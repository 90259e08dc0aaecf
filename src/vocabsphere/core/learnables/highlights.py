"""Pick the 3-6 sentences of a text that teach a learner the most, and explain each.

Every sentence gets a fit factor (stands alone, comfortable length, not too many words far
above the learner; see sentences.py) and teaching features: grammar points (worth most at
the learner's level or one above, i+1), collocations/phrasal verbs, and i+1 words. Selection
is greedy max-coverage: each round takes the sentence whose *not yet covered* features are
worth most, so every highlight teaches something new and no grammar point is explained twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from vocabsphere.core.learnables.collocations import Collocation, find_collocations, says_where
from vocabsphere.core.learnables.explain import Style, explain_highlight, style_for
from vocabsphere.core.learnables.models import GrammarRef, Highlight, WordNote, level_index
from vocabsphere.core.learnables.sentences import fit_factor
from vocabsphere.core.learnables.words import (
    WordCandidate,
    define,
    define_expression,
    lemma_of,
    level_of,
    phrase_level,
    sentence_words,
)
from vocabsphere.core.levels.grammar import CEFR_LEVELS, GrammarMatch, detect_grammar
from vocabsphere.core.levels.grammar_words import AUX_DEPS, SUBJ_DEPS
from vocabsphere.core.lexicon import Lexicon

__all__ = ["select_highlights"]

SENTENCES_PER_HIGHLIGHT = 4  # aim for about one highlight per four usable sentences
MIN_GAIN = 0.25  # below this a sentence adds too little to be worth a highlight
REVIEW_VALUE = 0.1  # grammar well below the learner's level, used only to reach the minimum count
_AT_LEVEL_FROM = CEFR_LEVELS.index("C1")
# A gloss the adaptation wrote into the text ("(= a kind of expert)", core/adapt/pipeline.py):
# the software's words, never analysed as the article's.
GLOSS_NOTE = re.compile(r"\(= [^()]*\)")
_TENSE_OF_BE = frozenset({"present_simple", "past_simple"})
_BE_FORMS = frozenset(
    {"is", "are", "am", "'s", "'re", "'m", "was", "were", "isn't", "aren't", "wasn't", "weren't"}
)
_GRAMMAR_VALUE = {-1: 0.3, 0: 0.8, 1: 1.0, 2: 0.15}  # by point level minus learner level


@dataclass(frozen=True)
class _Candidate:
    index: int
    sent: Span
    fit: float
    grammar: tuple[tuple[GrammarMatch, float], ...]  # best instance per point, best first
    collocations: tuple[tuple[Collocation, float], ...]
    words: tuple[tuple[WordCandidate, float], ...]  # i+1 words, best first
    meanings: dict[int, str]  # token -> the meaning the learner's note gives (never empty)


@dataclass(frozen=True)
class _Pick:
    """What a chosen sentence will explain (only features not covered before it)."""

    candidate: _Candidate
    gain: float
    grammar: tuple[GrammarMatch, ...]
    collocations: tuple[Collocation, ...]
    words: tuple[WordCandidate, ...]


def _grammar(
    matches: Sequence[GrammarMatch],
    sent: Span,
    colls: Sequence[Collocation],
    level: int,
    review: bool,
    lexicon: Lexicon | None = None,
) -> tuple[tuple[GrammarMatch, float], ...]:
    best: dict[str, tuple[GrammarMatch, float]] = {}
    for match in matches:
        if match.start < sent.start or match.end > sent.end:
            continue  # a detector looked across a sentence boundary: cannot quote it here
        if match.point.id in _TENSE_OF_BE and match.text.lower() in _BE_FORMS:
            continue  # "'is' is the present simple" is a stock sentence that teaches nothing
        if match.point.id in _TENSE_OF_BE and not _with_subject(sent, match):
            continue  # "Thank you.", "Sounds good": the subject left out makes a poor example
        if match.point.id in _TENSE_OF_BE and _stand_in(sent.doc[match.start], match.point.id):
            continue  # "... as they do to cookies", "..., says Ms Ndangiza": not what the note explains
        if match.point.id == "phrasal_verb" and any(c.start <= match.start < c.end for c in colls):
            continue  # explained as an expression, with its meaning
        if match.point.id == "phrasal_verb" and says_where(sent.doc[match.end - 1]):
            continue  # "staring down at me": a direction, not the phrasal verb "stare down"
        if match.point.id == "phrasal_verb" and _unlisted_split(match, sent.doc, lexicon):
            continue  # "seeing British wildlife up close": "up" goes with "close", not with "see"
        above = CEFR_LEVELS.index(match.point.level) - level
        value = _GRAMMAR_VALUE.get(above, REVIEW_VALUE if review and above < 0 else 0.0)
        if value > 0 and (match.point.id not in best or len(match.text) < len(best[match.point.id][0].text)):
            best[match.point.id] = (match, value)  # the shortest instance is the clearest example
    return tuple(sorted(best.values(), key=lambda mv: (-mv[1], mv[0].start, mv[0].point.id)))


def _unlisted_split(match: GrammarMatch, doc: Doc, lexicon: Lexicon | None) -> bool:
    """A verb and a particle apart ("seeing British wildlife up close") that the dictionary does not
    list together: the parse's reading is too uncertain to call it a phrasal verb ("picked the
    baby up" is 'pick up', listed)."""
    if lexicon is None or match.end - match.start <= 2:
        return False
    verb, particle = doc[match.start], doc[match.end - 1]
    return not lexicon.entries(f"{lemma_of(verb)} {particle.lower_}").found


def _stand_in(verb: Token, point: str) -> bool:
    """A simple tense the stock note ("facts and habits") does not explain: 'do' standing in for
    another verb ("as they do to cookies"), or a present reporting verb after its quotation with
    the speaker after it ("..., says Fatuma Ndangiza", "..., it adds."), the news report's way of
    saying 'said', or
    the present simple of a condition on the future ("If she misses the bus, she will walk")."""
    if verb.pos_ == "VERB" and verb.lemma_.lower() == "do":
        return not any(c.dep_ in ("obj", "ccomp", "xcomp") for c in verb.children)
    if point == "present_simple" and _future_condition(verb):
        return True
    if point != "present_simple" or verb.lemma_.lower() not in _REPORTING:
        return False
    before = any(c.dep_ in _QUOTED_CLAUSE and c.i < verb.i for c in verb.children)
    if before and any(c.dep_ in SUBJ_DEPS and c.i > verb.i for c in verb.children):
        return True
    # "..., it adds.": the report's clause after a comma at the end of the sentence, its subject
    # before it
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].left_edge.i < 1 or doc[subjects[0].left_edge.i - 1].text != ",":
        return False
    if not all(t.is_punct for t in doc[verb.i + 1 : verb.sent.end]):
        return False
    clause_before = any(c.dep_ in _REPORTED_CLAUSE and c.i < subjects[0].i for c in verb.children)
    return clause_before or (verb.dep_ == "parataxis" and verb.head.i < verb.i)


def _future_condition(verb: Token) -> bool:
    """ "If she misses the bus tomorrow, she will walk": the present simple of an if- (or when-, until-
    ...) clause whose main clause speaks of the future (will, going to, a modal, an order) tells of a
    possible future event, not of "facts and habits"."""
    clause = verb.head if verb.dep_ in AUX_DEPS else verb
    if not clause.dep_.startswith("advcl") or clause.head.i == clause.i:
        return False
    marks = (c for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i)
    if not any(c.lower_ in _CONDITION_MARKS for c in marks):  # "when" is parsed as an adverb
        return False
    main = clause.head
    while main.tag_ == "VB" and main.dep_ in _INFINITIVE_DEPS and main.head.i != main.i:
        main = main.head  # "It will not be easy to pass unless ...": the clause of the infinitive
    if any(c.dep_ in AUX_DEPS and c.tag_ == "MD" for c in main.children):
        return True  # "will walk", "can call"
    if main.lower_ == "going" and any(c.dep_ == "xcomp" for c in main.children):
        return True  # "it's going to rain"
    # an order: "..., call me" (not "walks to work when it rains", an infinitive)
    order = main.dep_ == "ROOT" and main.tag_ == "VB"
    return order and not any(c.dep_ in SUBJ_DEPS or c.dep_ == "mark" for c in main.children)


_INFINITIVE_DEPS = frozenset({"csubj", "xcomp", "ccomp", "advcl"})
_CONDITION_MARKS = frozenset({"if", "unless", "when", "once", "until", "till", "before", "after"})
_REPORTING = frozenset({"say", "tell", "add", "explain", "argue", "write", "claim", "insist", "warn", "note"})
_QUOTED_CLAUSE = frozenset({"ccomp", "parataxis", "nsubj:outer", "csubj"})  # parses of the quoted words
_REPORTED_CLAUSE = _QUOTED_CLAUSE | {"advcl"}  # "Most families eat rice, it adds.": 'eat' hangs on 'adds'


def _with_subject(sent: Span, match: GrammarMatch) -> bool:
    """The matched verb has its subject in the sentence ("She works", not "Thank you")."""
    return any(c.dep_ in SUBJ_DEPS for tok in sent.doc[match.start : match.end] for c in tok.children)


def _word_values(
    words: Sequence[WordCandidate], colls: Sequence[Collocation], level: int, review: bool
) -> tuple[tuple[tuple[WordCandidate, float], ...], float]:
    """(i+1 words with values, share of words two or more levels above the learner)."""
    target = min(level + 1, len(CEFR_LEVELS) - 1)
    inside = {i for c in colls for i in range(c.start, c.end)}
    picked = [
        (w, 0.45 + (0.1 if w.zipf >= 4.0 else 0.0))
        for w in words
        if w.level == target and w.token not in inside
    ]
    if review or level >= _AT_LEVEL_FROM:  # few words lie above C1; at-level words are still being learnt
        picked += [(w, 0.2) for w in words if w.level == level < target and w.token not in inside]
    picked.sort(key=lambda wv: (-wv[1], -wv[0].zipf, wv[0].token))
    hard = sum(1 for w in words if w.level >= level + 2) / max(1, len(words))
    return tuple(picked), hard


def _collocation_value(coll: Collocation, doc: Doc, level: int) -> float:
    """Strong, fixed combinations are worth more; those of much easier words are likely known."""
    base = 0.6 if coll.in_wordnet or coll.kind == "light_verb" else 0.4
    # an idiom of easy words is not an easy idiom: the phrase's own level counts too
    hardest = max(
        phrase_level(coll.base, "ADJ" if coll.kind == "adj_noun" else "VERB"),
        *(level_of(doc[i]) for i in range(coll.start, coll.end)),
    )
    return base if hardest >= level - 1 else base * (0.6 if hardest == level - 2 else 0.35)


def gloss_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside the adaptation's inline glosses."""
    inside: set[int] = set()
    for note in GLOSS_NOTE.finditer(doc.text):
        span = doc.char_span(note.start(), note.end(), alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return frozenset(inside)


class _Meanings:
    """The meaning each word's note will show the learner (their level's plain words at A1-B1),
    worked out once per token however many selection rounds ask for it."""

    def __init__(self, lexicon: Lexicon | None, level: int) -> None:
        self._lexicon, self._level = lexicon, level
        self._words = style_for(level).gloss_words
        self._found: dict[int, str] = {}

    def of(self, tok: Token) -> str:
        if tok.i not in self._found:
            self._found[tok.i] = define(self._lexicon, tok, self._words, CEFR_LEVELS[self._level])
        return self._found[tok.i]


def _candidate(
    index: int,
    sent: Span,
    matches: Sequence[GrammarMatch],
    meanings: _Meanings,
    lexicon: Lexicon | None,
    level: int,
    review: bool = False,
    glossed: frozenset[int] = frozenset(),
) -> _Candidate | None:
    fit = fit_factor(sent, level)
    if fit <= 0:
        return None
    colls = tuple(
        c for c in find_collocations(sent, lexicon) if not glossed.intersection(range(c.start, c.end))
    )
    matches = [m for m in matches if not glossed.intersection(range(m.start, m.end))]
    own_words = tuple(w for w in sentence_words(sent) if w.token not in glossed)
    words, hard = _word_values(own_words, colls, level, review)
    # With a lexicon, teach only words whose note will carry a meaning (a word listed without one
    # teaches nothing); without one there are no meanings at all, only the words and their levels.
    found = {w.token: meanings.of(sent.doc[w.token]) for w, _ in words}
    if lexicon is not None:
        words = tuple((w, v) for w, v in words if found[w.token])
    fit *= max(0.3, 1.0 - 1.5 * max(0.0, hard - 0.1))  # too many hard words: i+2 is not learnable
    coll_values = tuple((c, _collocation_value(c, sent.doc, level)) for c in colls)
    grammar = _grammar(matches, sent, colls, level, review, lexicon)
    kept = {w.token: found[w.token] for w, _ in words}
    return _Candidate(index, sent, fit, grammar, coll_values, words, kept)


def _pick(cand: _Candidate, covered: set[str], style: Style) -> _Pick:
    grammar = [(m, v) for m, v in cand.grammar if f"g:{m.point.id}" not in covered][: style.max_points]
    colls = [(c, v) for c, v in cand.collocations if f"e:{c.base}" not in covered][: style.max_expressions]
    words = [(w, v) for w, v in cand.words if f"w:{w.lemma}" not in covered][: style.max_words]
    gain = cand.fit * sum(v for _, v in (*grammar, *colls, *words))
    return _Pick(
        cand, gain, tuple(m for m, _ in grammar), tuple(c for c, _ in colls), tuple(w for w, _ in words)
    )


def _cover(pick: _Pick, covered: set[str]) -> None:
    covered.update(f"g:{m.point.id}" for m in pick.grammar)
    covered.update(f"e:{c.base}" for c in pick.collocations)
    covered.update(f"w:{w.lemma}" for w in pick.words)


def _greedy(
    cands: Sequence[_Candidate],
    style: Style,
    count: tuple[int, int],
    target: int,
    covered: set[str],
    chosen: list[_Pick],
) -> None:
    """Add picks to ``chosen`` (and their features to ``covered``) until ``target`` or nothing new."""
    done = {p.candidate.index for p in chosen}
    left = [c for c in cands if c.index not in done]
    while left and len(chosen) < target:
        picks = [_pick(c, covered, style) for c in left]
        best = max(picks, key=lambda p: (p.gain, -p.candidate.index))
        if best.gain <= 0 or (best.gain < MIN_GAIN and len(chosen) >= count[0]):
            break  # nothing new left to teach
        chosen.append(best)
        _cover(best, covered)
        left.remove(best.candidate)


def _trimmed(sent: Span) -> tuple[int, int]:
    """Character offsets of the sentence without the line breaks the parser leaves on its edges."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, max(start, sent.start_char + len(text.rstrip()))


def _highlight(pick: _Pick, lexicon: Lexicon | None, style: Style, level: str) -> Highlight:
    sent = pick.candidate.sent
    doc = sent.doc
    notes = tuple(
        WordNote(w.word, w.lemma, CEFR_LEVELS[w.level], pick.candidate.meanings[w.token]) for w in pick.words
    )
    expressions = [
        (
            c,
            define_expression(lexicon, c.entry or c.base, style.gloss_words, doc[c.start], level)
            if c.in_wordnet
            else "",
        )
        for c in pick.collocations
    ]
    start, end = _trimmed(sent)
    return Highlight(
        sentence=doc.text[start:end],
        sentence_index=pick.candidate.index,
        start_char=start,
        end_char=end,
        explanation=explain_highlight(pick.grammar, expressions, notes, style),
        points=tuple(GrammarRef(m.point.id, m.point.name, m.point.level, m.text) for m in pick.grammar),
        words=notes,
        expressions=tuple(c.base for c in pick.collocations),
        score=round(pick.gain, 3),
    )


def select_highlights(
    doc: Doc, learner_level: str, *, lexicon: Lexicon | None, count: tuple[int, int] = (3, 6)
) -> list[Highlight]:
    """The sentences of ``doc`` worth learning for a learner at ``learner_level``, in text order.

    Returns between ``count[0]`` and ``count[1]`` highlights when the text has that many
    sentences that stand alone and teach something new (fewer for very short texts).
    Without a ``lexicon`` there are no WordNet expressions and no word meanings.
    """
    level = level_index(learner_level)
    if not 1 <= count[0] <= count[1]:
        raise ValueError(f"count must be (low, high) with 1 <= low <= high, got {count!r}")
    style = style_for(level)
    by_sentence: dict[int, list[GrammarMatch]] = {}
    for match in detect_grammar(doc):
        by_sentence.setdefault(match.sentence, []).append(match)
    sents = list(doc.sents)
    glossed = gloss_tokens(doc)
    meanings = _Meanings(lexicon, level)
    cands = [
        c
        for i, sent in enumerate(sents)
        if (c := _candidate(i, sent, by_sentence.get(i, []), meanings, lexicon, level, glossed=glossed))
        is not None
    ]
    target = max(count[0], min(count[1], math.ceil(len(cands) / SENTENCES_PER_HIGHLIGHT)))
    covered: set[str] = set()
    chosen: list[_Pick] = []
    _greedy(cands, style, count, target, covered, chosen)
    if len(chosen) < count[0]:  # an easy text for this learner: fill up with review material
        review = [
            c
            for i, sent in enumerate(sents)
            if (c := _candidate(i, sent, by_sentence.get(i, []), meanings, lexicon, level, True, glossed))
            is not None
        ]
        _greedy(review, style, count, count[0], covered, chosen)
    chosen.sort(key=lambda p: p.candidate.index)
    return [_highlight(pick, lexicon, style, CEFR_LEVELS[level]) for pick in chosen]
