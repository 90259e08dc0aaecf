"""Run the grammar-point detectors over a parsed document.

Each detector is a small function over one sentence (a spaCy ``Span``) that yields raw hits;
this module turns them into :class:`GrammarMatch` objects with catalogue entries, drops
duplicates and sorts them by position.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from vocabsphere.core.levels import grammar_rules_clauses as clauses
from vocabsphere.core.levels import grammar_rules_comparison as comparison
from vocabsphere.core.levels import grammar_rules_conditionals as conditionals
from vocabsphere.core.levels import grammar_rules_modals as modals
from vocabsphere.core.levels import grammar_rules_phrases as phrases
from vocabsphere.core.levels import grammar_rules_sentences as sentences
from vocabsphere.core.levels import grammar_rules_verbs as verbs
from vocabsphere.core.levels.grammar_points import GRAMMAR_POINTS, GrammarPoint
from vocabsphere.core.levels.grammar_verbs import one_parse
from vocabsphere.core.levels.grammar_words import Hit

__all__ = ["DETECTORS", "GrammarMatch", "detect_grammar"]

Detector = Callable[[Span], Iterable[Hit]]

DETECTORS: tuple[Detector, ...] = (
    verbs.detect_tenses,
    verbs.detect_passives,
    verbs.detect_going_to,
    modals.detect_modals,
    modals.detect_semi_modals,
    conditionals.detect_conditionals,
    clauses.detect_relatives,
    clauses.detect_reduced_relatives,
    clauses.detect_reported_speech,
    clauses.detect_wish,
    comparison.detect_comparison,
    phrases.detect_verb_complements,
    phrases.detect_phrasal_verbs,
    phrases.detect_used_to,
    phrases.detect_causative,
    comparison.detect_degree,
    sentences.detect_there,
    sentences.detect_question_tags,
    sentences.detect_imperative,
    sentences.detect_lets,
    sentences.detect_wh_question,
    sentences.detect_it_cleft,
    sentences.detect_pseudo_cleft,
)


_PAST_FORMS = frozenset({"past_simple", "past_continuous", "past_perfect", "past_perfect_continuous"})
# Inside these constructions a past form does not mean past time (or the clause is not a
# true relative clause), so the plain tense/clause label would mislead the learner.
_SUPPRESSES: dict[str, frozenset[str]] = {
    "conditional_second": _PAST_FORMS,
    "conditional_third": _PAST_FORMS,
    "conditional_mixed": _PAST_FORMS,
    "wish_past": _PAST_FORMS,
    "wish_past_perfect": _PAST_FORMS,
    "it_cleft": frozenset({"relative_defining"}),
    # "had a room decorated": the participle completes 'have', it does not describe the noun
    "causative_have_get": frozenset({"relative_reduced"}),
    # the auxiliary of a tag ("..., isn't it?") is not a clause of its own
    "question_tag": frozenset({"present_simple", "past_simple"}),
}


class _Slots(dict[str, str]):
    """Template slots; an unknown slot falls back to the matched text instead of failing."""

    def __init__(self, text: str, details: Iterable[tuple[str, str]]) -> None:
        super().__init__(details)
        self["text"] = text

    def __missing__(self, key: str) -> str:
        return self["text"]


@dataclass(frozen=True)
class GrammarMatch:
    """One occurrence of a grammar point: doc token span [start, end) within sentence ``sentence``."""

    point: GrammarPoint
    start: int
    end: int
    text: str
    sentence: int
    details: tuple[tuple[str, str], ...] = ()

    def explain(self) -> str:
        """The learner-facing explanation, naming the words of this occurrence."""
        return self.point.explanation.format_map(_Slots(self.text, self.details))


def _sentence_hits(sent: Span) -> Iterator[Hit]:
    for detector in DETECTORS:
        yield from detector(sent)


def _drop_suppressed(matches: list[GrammarMatch]) -> list[GrammarMatch]:
    """Drop labels that a wider construction in the same sentence makes misleading."""
    by_sentence: dict[int, list[GrammarMatch]] = {}
    for match in matches:
        by_sentence.setdefault(match.sentence, []).append(match)

    def hidden(match: GrammarMatch) -> bool:
        return any(
            match.point.id in _SUPPRESSES.get(other.point.id, ()) and other.start <= match.start < other.end
            for other in by_sentence[match.sentence]
        )

    return [match for match in matches if not hidden(match)]


def detect_grammar(doc: Doc) -> list[GrammarMatch]:
    """All grammar points found in a parsed ``doc`` (needs tagger/morphologizer, parser, lemmatizer)."""
    matches: dict[tuple[str, int, int], GrammarMatch] = {}
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    with one_parse():  # the tense, voice and modal detectors all read a sentence's verb groups
        hits = [hit for sent in sents for hit in _sentence_hits(sent)]
    for hit in hits:
        key = (hit.point_id, hit.start, hit.end)
        if key in matches or hit.end <= hit.start:
            continue
        matches[key] = GrammarMatch(
            point=GRAMMAR_POINTS[hit.point_id],
            start=hit.start,
            end=hit.end,
            text=doc[hit.start : hit.end].text,
            # by the first token: a few detectors look back across a (mis)split boundary
            sentence=bisect_right(starts, hit.start) - 1,
            details=hit.details,
        )
    kept = _drop_suppressed(list(matches.values()))
    return sorted(kept, key=lambda m: (m.start, m.end, m.point.id))
