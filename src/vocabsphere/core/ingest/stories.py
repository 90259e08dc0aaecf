"""Group reports of one event from different outlets into a story, and link related stories.

Two scores per pair of texts, both needing shared content:
- event similarity: TF-IDF cosine over content words, Jaccard overlap of names, and overlap of the
  numbers (counts, amounts). Reports of one event repeat the key numbers (100,000 troops, 40 rescued);
  a later event on the same topic brings new ones, which is what keeps it apart.
- topic similarity: cosine plus the share of the shorter text's names found in the other: a follow-up
  report names the same people and places, so it is "related" even when the event differs.
Names and numbers count only as far as the texts share wording (an article on night trains and one on
troops both saying "1,000" are not one story); and when each report's headline or lead names a rare place,
person or organisation that the other never mentions, they are different events and not related, however
much wording they share (one local news desk's reports of fires in different towns).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from vocabsphere.core.ingest.models import ExtractedArticle
from vocabsphere.core.ingest.numbers import normalise_numbers
from vocabsphere.core.ingest.textutil import (
    STOP_WORDS,
    content_words,
    lead,
    names,
    specific_names,
    stem,
    tokens,
)

# Calibrated on fictional reports in the tests and on real seed reports. Event similarity: one event
# from three outlets 0.37-0.59, a later event on the same topic 0.10-0.15, unrelated 0, look-alike
# reports of different events capped at SAME_STORY / 2. Topic similarity of those later events:
# 0.20-0.56, unrelated 0-0.10. bench/bench_story_grouping.py measures the grouping.
SAME_STORY = 0.30  # event similarity at or above: the same event
RELATED = 0.15  # topic similarity at or above: a related story
MAX_DAYS_APART = 4  # reports of one event appear within a few days of each other
# Names and numbers only count between texts that share wording: two unrelated articles can both say
# "1,000" or "Europe". Below this cosine, event similarity is scaled down towards zero.
MIN_SHARED_WORDING = 0.06
_UNSHARED_IDF = 1 + math.log(1.5)  # smooth idf of a feature found in one of two documents


@dataclass(frozen=True)
class StoryCandidate:
    story_id: int
    title: str
    text: str
    published: date | None = None


@dataclass(frozen=True)
class StoryDecision:
    """``story_id`` None means "start a new story"; ``related`` lists other stories on the same topic;
    ``similarity`` is the event similarity to the chosen story (or to the closest one)."""

    story_id: int | None
    similarity: float
    related: tuple[int, ...] = ()


@dataclass(frozen=True)
class PairScore:
    event: float
    topic: float


def assign_story(
    article_text: str,
    title: str,
    candidates: Sequence[StoryCandidate],
    *,
    published: date | None = None,
) -> StoryDecision:
    """Join the most similar story when it reports the same event; otherwise start a new one."""
    if not candidates:
        return StoryDecision(None, 0.0)
    scores = story_scores(article_text, title, candidates)
    same = [
        (score.event, c.story_id)
        for c, score in zip(candidates, scores, strict=True)
        if score.event >= SAME_STORY and not _far_apart(published, c.published)
    ]
    best_id = max(same)[1] if same else None
    related = sorted(
        (
            (max(score.event, score.topic), c.story_id)
            for c, score in zip(candidates, scores, strict=True)
            if c.story_id != best_id and (score.topic >= RELATED or score.event >= SAME_STORY)
        ),
        reverse=True,
    )
    best = max(same)[0] if same else max(score.event for score in scores)
    return StoryDecision(best_id, round(best, 3), tuple(story for _, story in related))


def story_scores(article_text: str, title: str, candidates: Sequence[StoryCandidate]) -> list[PairScore]:
    """Event and topic similarity (0-1) of the article to each candidate.

    Each pair is scored on its own (TF-IDF fitted on the two texts), so a score does not depend on
    which other stories happen to be candidates, and the thresholds keep their meaning.
    """
    article = _Profile.of(_document(title, article_text))  # analysed once for all candidates
    return [_score(article, _profile_of(_document(c.title, c.text))) for c in candidates]


@dataclass(frozen=True)
class _Profile:
    features: tuple[str, ...]  # content-word stems and their bigrams
    names: frozenset[str]
    numbers: frozenset[float]
    specific: frozenset[str]  # rare proper names anywhere in the text
    lead_specific: frozenset[str]  # those in the headline and first words: where and who

    @classmethod
    def of(cls, text: str) -> _Profile:
        words = _content_tokens(text)
        bigrams = [f"{a} {b}" for a, b in pairwise(words)]
        title, _, body = text.partition("\n")
        return cls(
            tuple(words + bigrams),
            frozenset(_names(text)),
            frozenset(_numbers(text)),
            frozenset(specific_names(text)),
            frozenset(specific_names(lead(title, body))),
        )


@lru_cache(maxsize=2048)
def _profile_of(text: str) -> _Profile:
    """Stories are compared with every new article: analyse each story's text once per process."""
    return _Profile.of(text)


def pair_score(a: str, b: str) -> PairScore:
    return _score(_Profile.of(a), _Profile.of(b))


def _score(a: _Profile, b: _Profile) -> PairScore:
    cosine = _cosine(a.features, b.features)
    names_a, numbers_a = a.names, a.numbers
    names_b, numbers_b = b.names, b.numbers
    names_jaccard = len(names_a & names_b) / len(names_a | names_b) if names_a | names_b else 0.0
    if numbers_a and numbers_b:
        event = 0.45 * cosine + 0.25 * names_jaccard + 0.30 * _overlap(numbers_a, numbers_b)
    else:  # no numbers to compare: words and names only
        event = 0.65 * cosine + 0.35 * names_jaccard
    event *= min(1.0, cosine / MIN_SHARED_WORDING)
    topic = 0.5 * cosine + 0.5 * _overlap(names_a, names_b)
    if _different_places_or_people(a, b):
        return PairScore(min(event, SAME_STORY / 2), min(topic, RELATED / 2))
    return PairScore(event, topic)


def _different_places_or_people(a: _Profile, b: _Profile) -> bool:
    """Each lead names rare places, people or organisations the other report never mentions (at least half
    of those it names): "house fire in Ashby Wold" and "house fire in Netherby" are two events, however
    alike a news desk's wording is. Reports of one event share most of the names in their leads."""
    return _mostly_unmatched(a.lead_specific, b.specific) and _mostly_unmatched(b.lead_specific, a.specific)


def _mostly_unmatched(lead_names: frozenset[str], other: frozenset[str]) -> bool:
    return bool(lead_names) and len(lead_names - other) * 2 >= len(lead_names)


def text_similarity(a: str, b: str) -> float:
    """Event similarity of two texts (title lines included), on the SAME_STORY scale."""
    return pair_score(a, b).event


def _document(title: str, text: str) -> str:
    # The headline names the event: count it twice.
    return f"{title}\n{title}\n{text}" if title else text


def _cosine(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """TF-IDF cosine of two feature lists, exactly what ``TfidfVectorizer(sublinear_tf=True)`` fitted on
    the pair gives (smooth idf: 1 for shared features, 1 + ln 1.5 for the others), without its set-up
    cost per pair, which dominated with hundreds of candidate stories."""
    if not a or not b:
        return 0.0  # no content words at all
    counts_a, counts_b = Counter(a), Counter(b)
    weights_a = {
        t: (1 + math.log(n)) * (1.0 if t in counts_b else _UNSHARED_IDF) for t, n in counts_a.items()
    }
    weights_b = {
        t: (1 + math.log(n)) * (1.0 if t in counts_a else _UNSHARED_IDF) for t, n in counts_b.items()
    }
    dot = sum(w * weights_b[t] for t, w in weights_a.items() if t in weights_b)
    norm = math.sqrt(sum(w * w for w in weights_a.values())) * math.sqrt(
        sum(w * w for w in weights_b.values())
    )
    return dot / norm if norm else 0.0


def _content_tokens(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if len(t) > 2 and t.casefold() not in STOP_WORDS]


def _names(text: str) -> set[str]:
    # Single capitalised words, so that "Kim Jong Un" and "Kim" or "If North Korea" and "North Korea" meet.
    return {
        stem(word)
        for name in names(text)
        for word in name.split()
        if len(word) > 2 and word.casefold() not in STOP_WORDS
    }


def _numbers(text: str) -> set[float]:
    # Counts and amounts; small numbers and years say little about which event it is.
    return {m.value for m in normalise_numbers(text) if m.kind == "cardinal" and m.value >= 10}


def _overlap(a: frozenset[str] | frozenset[float], b: frozenset[str] | frozenset[float]) -> float:
    # Overlap coefficient: a short report naming a subset of a long one's names still matches fully;
    # but one shared item out of one is weak evidence (two stories can both mention "12"), so at least 2.
    return len(a & b) / max(2, min(len(a), len(b))) if a and b else 0.0


def _far_apart(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) > MAX_DAYS_APART


def pick_base_article(articles: Sequence[str | ExtractedArticle]) -> int:
    """Index of the most complete report: most distinct content words, then the longest."""
    if not articles:
        raise ValueError("pick_base_article needs at least one article")
    texts = [a.text if isinstance(a, ExtractedArticle) else a for a in articles]
    scores = [(len(content_words(text)), len(text)) for text in texts]
    return max(range(len(texts)), key=lambda i: scores[i])
