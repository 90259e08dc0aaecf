"""Story grouping: one event from several outlets joins one story; a later event is related; others apart."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from vocabsphere.core.ingest.plain_text import clean_text
from vocabsphere.core.ingest.stories import (
    SAME_STORY,
    StoryCandidate,
    assign_story,
    pick_base_article,
    text_similarity,
)


def _seed_dir() -> Path:
    shared = os.environ.get("VOCABSPHERE_SHARED_DIR")
    base = Path(shared) if shared else Path(__file__).resolve().parents[2].parent / "shared"
    return base / "seeds"


SEEDS = _seed_dir()
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir() or not any(SEEDS.glob("00*.txt")),
    reason="seed articles not found (set VOCABSPHERE_SHARED_DIR to the shared folder that holds seeds/)",
)

# Fictional reports written for these tests.
FLOOD_A = (
    "Floods force 2,000 people from their homes in Riverton",
    "About 2,000 residents of Riverton were evacuated on Tuesday after the Elm River burst its banks "
    "following three days of heavy rain. Mayor Helen Osei said emergency shelters had opened in two "
    "schools and the sports centre. The Grey Valley Fire Service rescued 40 people from cars trapped on "
    "the flooded bypass. Forecasters expect more rain on Thursday, and the Environment Agency has issued "
    "severe flood warnings for the lower valley.",
)
FLOOD_B = (
    "Riverton evacuates thousands as Elm River overflows",
    "Some 2,000 people had to leave their houses in Riverton on Tuesday when the swollen Elm River "
    "flooded the town centre. Firefighters from the Grey Valley Fire Service pulled 40 drivers from "
    "vehicles stuck on the bypass, and two schools were turned into shelters, Mayor Helen Osei told "
    "reporters. The Environment Agency warned that Thursday's rain could make things worse.",
)
FLOOD_LATER = (
    "Riverton counts the cost as flood clean-up begins",
    "A month after the Elm River flooded Riverton, shop owners say repairs will cost at least 12 million "
    "pounds. Mayor Helen Osei asked the government for emergency funds, and insurers have received 650 "
    "claims. Some families are still living with relatives while their homes dry out, and the council "
    "plans a new flood wall along the river by 2027.",
)
ELECTION = (
    "Teachers' union elects first woman leader",
    "The national teachers' union has elected Grace Mbeki as its general secretary, the first woman to "
    "hold the post in its 90-year history. She won 61 percent of the vote and promised to campaign for "
    "smaller classes and better pay. Her predecessor retired in March after twelve years in the job.",
)


PANDA_A = (
    "Edinburgh Zoo welcomes rare panda cub",
    "Keepers at Edinburgh Zoo are celebrating the birth of a giant panda cub, the first born in Britain. "
    "The mother, Tian Tian, gave birth overnight and both are said to be healthy. Visitors will not be able "
    "to see the cub until the spring, the zoo's director said, because newborn pandas are very fragile.",
)
PANDA_B = (
    "First British-born giant panda arrives at Edinburgh Zoo",
    "Tian Tian, the female giant panda at Edinburgh Zoo, has given birth to a healthy cub, making it the "
    "first panda ever born in Britain. Zoo staff said mother and baby were doing well, but the public will "
    "have to wait until spring to see the fragile newborn.",
)


def test_same_event_without_numbers_joins_the_story() -> None:
    decision = assign_story(PANDA_B[1], PANDA_B[0], [_candidate(1, FLOOD_A), _candidate(2, PANDA_A)])
    assert decision.story_id == 2
    assert decision.related == ()


def _candidate(story_id: int, report: tuple[str, str], published: date | None = None) -> StoryCandidate:
    return StoryCandidate(story_id, report[0], report[1], published)


def test_same_event_from_another_outlet_joins_the_story() -> None:
    decision = assign_story(FLOOD_B[1], FLOOD_B[0], [_candidate(1, FLOOD_A), _candidate(2, ELECTION)])
    assert decision.story_id == 1
    assert decision.similarity >= SAME_STORY
    assert decision.related == ()


def test_later_event_on_same_topic_is_new_but_related() -> None:
    decision = assign_story(FLOOD_LATER[1], FLOOD_LATER[0], [_candidate(1, FLOOD_A), _candidate(2, ELECTION)])
    assert decision.story_id is None
    assert decision.related == (1,)


def test_unrelated_article_is_a_new_unrelated_story() -> None:
    decision = assign_story(ELECTION[1], ELECTION[0], [_candidate(1, FLOOD_A), _candidate(3, FLOOD_LATER)])
    assert decision.story_id is None
    assert decision.related == ()
    assert decision.similarity < SAME_STORY


def test_similarity_orders_same_event_above_same_topic_above_unrelated() -> None:
    a = f"{FLOOD_A[0]}\n{FLOOD_A[1]}"
    same = text_similarity(a, f"{FLOOD_B[0]}\n{FLOOD_B[1]}")
    topic = text_similarity(a, f"{FLOOD_LATER[0]}\n{FLOOD_LATER[1]}")
    unrelated = text_similarity(a, f"{ELECTION[0]}\n{ELECTION[1]}")
    assert same > topic > unrelated


def test_reports_weeks_apart_are_not_one_story() -> None:
    decision = assign_story(
        FLOOD_B[1], FLOOD_B[0], [_candidate(1, FLOOD_A, date(2025, 1, 7))], published=date(2025, 2, 20)
    )
    assert decision.story_id is None
    assert decision.related == (1,)


def test_no_candidates_means_new_story() -> None:
    decision = assign_story(FLOOD_A[1], FLOOD_A[0], [])
    assert decision.story_id is None and decision.similarity == 0.0


def test_score_does_not_depend_on_other_candidates() -> None:
    alone = assign_story(FLOOD_B[1], FLOOD_B[0], [_candidate(1, FLOOD_A)])
    crowded = assign_story(
        FLOOD_B[1], FLOOD_B[0], [_candidate(2, ELECTION), _candidate(1, FLOOD_A), _candidate(3, FLOOD_LATER)]
    )
    assert alone.similarity == crowded.similarity


def test_pick_base_article_prefers_the_most_complete_report() -> None:
    short = "Floods hit Riverton. About 2,000 people left their homes."
    assert pick_base_article([short, FLOOD_A[1], FLOOD_B[1]]) == 1
    with pytest.raises(ValueError):
        pick_base_article([])


@needs_seeds
def test_seeds_000_001_002_form_one_story_and_004_is_related() -> None:
    arts = {p.name[:3]: clean_text(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("00*.txt"))}
    first = arts["000"]
    candidates = [StoryCandidate(10, first.title, first.text)]
    for seed_id in ("001", "002"):
        decision = assign_story(arts[seed_id].text, arts[seed_id].title, candidates)
        assert decision.story_id == 10, (seed_id, decision)
    later = assign_story(arts["004"].text, arts["004"].title, candidates)
    assert later.story_id is None
    assert later.related == (10,)
    # 004 is also kept apart when compared with each report of the first event
    for seed_id in ("000", "001", "002"):
        decision = assign_story(
            arts["004"].text, arts["004"].title, [StoryCandidate(1, arts[seed_id].title, arts[seed_id].text)]
        )
        assert decision.story_id is None and decision.related == (1,), (seed_id, decision)


@needs_seeds
def test_seed_base_article_is_the_fullest_report() -> None:
    arts = [clean_text(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("00[012]_*.txt"))]
    base = pick_base_article(arts)
    lengths = [len(a.text) for a in arts]
    assert lengths[base] == max(lengths)


def test_pair_cosine_matches_scikit_learn_tfidf() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from vocabsphere.core.ingest.stories import _cosine

    a = ("flood", "river", "river", "town", "flood town")
    b = ("river", "rain", "town", "town", "town", "rescue")
    vectorizer = TfidfVectorizer(analyzer=lambda features: features, sublinear_tf=True)
    matrix = vectorizer.fit_transform([a, b])
    assert _cosine(a, b) == pytest.approx(float(cosine_similarity(matrix[0:1], matrix[1:2])[0][0]))
