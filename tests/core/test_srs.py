"""Spaced repetition core: FSRS scheduling properties, the daily queue, typed answers, the optimizer gate."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

import fsrs
import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.srs import (
    AnswerCheck,
    CardState,
    QueueCard,
    Rating,
    ReviewRecord,
    SavedWordFacts,
    build_queue,
    card_kinds_for,
    check_typed_answer,
    fit_parameters,
    forgetting_curve,
    interleave_words,
    retrievability,
    review,
    suggested_rating,
)
from vocabsphere.core.srs import optimizer as optimizer_module
from vocabsphere.core.srs.answers import damerau_levenshtein

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def reviewed(ratings: list[int], *, retention: float = 0.9, card_id: int = 1) -> list[CardState]:
    """States after each rating, each review done exactly when the card falls due."""
    card = CardState.new(card_id, T0)
    states = []
    for rating in ratings:
        card, _ = review(card, rating, card.due, desired_retention=retention)
        states.append(card)
    return states


def stability(card: CardState) -> float:
    assert card.stability is not None
    return card.stability


def graduated(card_id: int = 1) -> CardState:
    """A card in the Review state (two Goods: leaves the learning steps)."""
    card = reviewed([3, 3], card_id=card_id)[-1]
    assert card.state == fsrs.State.Review
    return card


# --- scheduling -------------------------------------------------------------------------------------


def test_good_good_again_good_sequence() -> None:
    card = CardState.new(1, T0)
    dues, intervals = [], []
    for rating in (Rating.Good, Rating.Good, Rating.Again, Rating.Good):
        at = card.due
        card, record = review(card, rating, at)
        assert record.rating == int(rating) and record.reviewed_at == at and record.card_id == 1
        assert card.last_review == at
        dues.append(card.due)
        intervals.append(card.due - at)
    # Each Good pushes the card later; Again brings it back sooner than the Good before it did.
    assert dues[0] < dues[1]
    assert dues[2] < dues[3]
    assert intervals[1] > intervals[0]
    assert intervals[2] < intervals[1]
    assert card.state == fsrs.State.Review


def test_repeated_good_keeps_growing_intervals() -> None:
    states = reviewed([3] * 6)
    intervals = [b.due - a.due for a, b in pairwise(states)]
    assert all(later > earlier for earlier, later in pairwise(intervals))
    stabilities = [stability(s) for s in states[1:]]
    assert stabilities == sorted(stabilities)


def test_again_shortens_interval_and_relearns() -> None:
    card = graduated()
    after_good, _ = review(card, 3, card.due)
    after_again, _ = review(card, 1, card.due)
    assert after_again.due - card.due < after_good.due - card.due
    assert after_again.state == fsrs.State.Relearning
    assert after_again.stability is not None and card.stability is not None
    assert after_again.stability < card.stability


def test_stability_orders_by_rating() -> None:
    card = graduated()
    by_rating = {r: review(card, r, card.due)[0] for r in (2, 3, 4)}
    hard, good, easy = (by_rating[r].stability for r in (2, 3, 4))
    assert hard is not None and good is not None and easy is not None
    assert easy > good > hard
    assert by_rating[4].due > by_rating[3].due > by_rating[2].due


def test_new_card_stability_orders_by_rating() -> None:
    new = CardState.new(1, T0)
    stabilities = [stability(review(new, r, T0)[0]) for r in (1, 2, 3, 4)]
    assert stabilities == sorted(stabilities) and len(set(stabilities)) == 4


def test_higher_desired_retention_gives_shorter_intervals() -> None:
    card = graduated()
    strict, _ = review(card, 3, card.due, desired_retention=0.95)
    relaxed, _ = review(card, 3, card.due, desired_retention=0.85)
    assert strict.due - card.due < relaxed.due - card.due


def test_review_is_deterministic_and_pure() -> None:
    card = graduated()
    snapshot = CardState(**{f: getattr(card, f) for f in CardState.__slots__})
    first = review(card, 3, card.due + timedelta(days=3))
    second = review(card, 3, card.due + timedelta(days=3))
    assert first == second
    assert card == snapshot  # input untouched
    assert reviewed([3, 3, 1, 3, 4]) == reviewed([3, 3, 1, 3, 4])


def test_card_state_round_trips_through_fsrs() -> None:
    for card in [CardState.new(7, T0), *reviewed([3, 1, 3, 4], card_id=7)]:
        fsrs_card = card.to_fsrs()
        assert isinstance(fsrs_card, fsrs.Card)
        assert CardState.from_fsrs(fsrs_card) == card
        assert CardState.from_fsrs(fsrs.Card.from_dict(fsrs_card.to_dict())) == card


def test_review_record_round_trips_through_fsrs() -> None:
    _, record = review(CardState.new(3, T0), 2, T0, duration_ms=4200)
    assert record == ReviewRecord(3, 2, T0, 4200)
    assert ReviewRecord.from_fsrs(record.to_fsrs()) == record


def test_other_timezones_are_normalised_to_utc() -> None:
    local = T0.astimezone(timezone(timedelta(hours=9)))
    card, record = review(CardState.new(1, local), 3, local)
    assert card == review(CardState.new(1, T0), 3, T0)[0]
    assert record.reviewed_at.tzinfo == UTC and card.due.tzinfo == UTC


def test_retrievability_and_forgetting_curve() -> None:
    new = CardState.new(1, T0)
    assert retrievability(new, T0) == 0.0
    card = graduated()
    assert card.last_review is not None
    assert retrievability(card, card.last_review) == pytest.approx(1.0)
    curve = forgetting_curve(card, card.last_review, days=30)
    assert len(curve) == 31
    assert [at for at, _ in curve] == [card.last_review + timedelta(days=d) for d in range(31)]
    recalls = [r for _, r in curve]
    assert all(0.0 < r <= 1.0 for r in recalls)
    assert all(b < a for a, b in pairwise(recalls))
    # FSRS schedules the next review where predicted recall meets the desired retention.
    assert retrievability(card, card.due) == pytest.approx(0.9, abs=0.03)


@pytest.mark.parametrize("rating", [0, 5, -1, True, 3.0, "3"])
def test_rating_outside_range_is_invalid(rating: object) -> None:
    with pytest.raises(InvalidInput) as info:
        review(CardState.new(1, T0), rating, T0)  # type: ignore[arg-type]
    assert info.value.field == "rating"


def test_naive_datetimes_are_invalid() -> None:
    naive = datetime(2026, 1, 5, 9, 0)
    with pytest.raises(InvalidInput):
        review(CardState.new(1, T0), 3, naive)
    with pytest.raises(InvalidInput):
        CardState.new(1, naive)
    with pytest.raises(InvalidInput):
        retrievability(graduated(), naive)
    with pytest.raises(InvalidInput):
        forgetting_curve(graduated(), naive)
    with pytest.raises(InvalidInput):
        build_queue([], naive, new_limit=1, review_limit=1, reviewed_today=0, new_today=0)


@pytest.mark.parametrize("retention", [0.5, 0.7, 0.99, 1.0, 0.0])
def test_desired_retention_out_of_range_is_invalid(retention: float) -> None:
    with pytest.raises(InvalidInput) as info:
        review(CardState.new(1, T0), 3, T0, desired_retention=retention)
    assert info.value.field == "desired_retention"


def test_other_invalid_inputs() -> None:
    card = graduated()
    assert card.last_review is not None
    with pytest.raises(InvalidInput):  # time going backwards
        review(card, 3, card.last_review - timedelta(days=1))
    with pytest.raises(InvalidInput):
        review(card, 3, card.due, params=[1.0, 2.0])
    with pytest.raises(InvalidInput):
        review(card, 3, card.due, duration_ms=-5)
    with pytest.raises(InvalidInput):
        forgetting_curve(card, T0, days=0)
    with pytest.raises(InvalidInput):
        CardState(1, 9, None, None, None, T0, None)


def test_custom_parameters_are_used() -> None:
    params = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    params[2] = params[2] * 2  # initial stability for Good
    default, _ = review(CardState.new(1, T0), 3, T0)
    custom, _ = review(CardState.new(1, T0), 3, T0, params=params)
    assert custom.stability is not None and default.stability is not None
    assert custom.stability > default.stability


# --- queue ------------------------------------------------------------------------------------------


def qcard(card_id: int, word_id: int, state: CardState, kind: str = "meaning") -> QueueCard:
    return QueueCard(
        word_id,
        kind,
        CardState(
            card_id, state.state, state.step, state.stability, state.difficulty, state.due, state.last_review
        ),
    )


def test_queue_puts_due_reviews_first_lowest_recall_first() -> None:
    card = graduated()
    now = card.due + timedelta(days=20)
    barely_due = CardState(2, card.state, None, card.stability, card.difficulty, now, now - timedelta(days=2))
    long_overdue = CardState(
        3,
        card.state,
        None,
        card.stability,
        card.difficulty,
        now - timedelta(days=30),
        now - timedelta(days=40),
    )
    not_due = CardState(
        4, card.state, None, card.stability, card.difficulty, now + timedelta(days=1), now - timedelta(days=1)
    )
    cards = [
        QueueCard(10, "meaning", barely_due),
        QueueCard(11, "form", CardState.new(5, now)),
        QueueCard(12, "meaning", not_due),
        QueueCard(13, "cloze", long_overdue),
    ]
    queue = build_queue(cards, now, new_limit=10, review_limit=10, reviewed_today=0, new_today=0)
    assert [item.card_id for item in queue] == [3, 2, 5]
    assert [item.is_new for item in queue] == [False, False, True]
    assert queue[0].retrievability < queue[1].retrievability
    assert queue[2].kind == "form"


def test_queue_respects_limits_and_what_was_done_today() -> None:
    card = graduated()
    now = card.due + timedelta(days=1)
    due = [qcard(100 + i, i, card) for i in range(8)]
    new = [qcard(200 + i, 50 + i, CardState.new(0, now)) for i in range(8)]
    queue = build_queue(due + new, now, new_limit=5, review_limit=6, reviewed_today=2, new_today=3)
    assert sum(not item.is_new for item in queue) == 4
    assert [item.card_id for item in queue if item.is_new] == [200, 201]  # new cards keep their order
    assert build_queue(due + new, now, new_limit=5, review_limit=6, reviewed_today=9, new_today=7) == []
    with pytest.raises(InvalidInput):
        build_queue(due, now, new_limit=-1, review_limit=6, reviewed_today=0, new_today=0)


def test_queue_does_not_show_the_same_word_twice_in_a_row() -> None:
    now = T0
    cards = [QueueCard(1, kind, CardState.new(i, now)) for i, kind in enumerate(("meaning", "form", "cloze"))]
    cards += [QueueCard(2, kind, CardState.new(10 + i, now)) for i, kind in enumerate(("meaning", "form"))]
    queue = build_queue(cards, now, new_limit=20, review_limit=20, reviewed_today=0, new_today=0)
    words = [item.word_id for item in queue]
    assert words == [1, 2, 1, 2, 1]
    assert all(a != b for a, b in pairwise(words))
    assert sorted(item.card_id for item in queue) == [0, 1, 2, 10, 11]


def test_interleave_keeps_order_when_already_spread_and_gives_up_gracefully() -> None:
    queue = build_queue(
        [QueueCard(i, "meaning", CardState.new(i, T0)) for i in range(4)],
        T0,
        new_limit=9,
        review_limit=9,
        reviewed_today=0,
        new_today=0,
    )
    assert interleave_words(queue) == queue
    solo = build_queue(
        [QueueCard(1, k, CardState.new(i, T0)) for i, k in enumerate(("meaning", "form"))],
        T0,
        new_limit=9,
        review_limit=9,
        reviewed_today=0,
        new_today=0,
    )
    assert [item.card_id for item in solo] == [0, 1]


def test_card_kinds_for_a_fully_known_word() -> None:
    word = SavedWordFacts(
        "reluctant",
        sentence="She was reluctant to leave.",
        translation="widerwillig",
        other_sentences=("He seemed reluctant.",),
        has_audio=True,
    )
    assert card_kinds_for(word) == ["meaning", "form", "cloze", "listening"]


def test_card_kinds_need_the_facts_they_use() -> None:
    assert card_kinds_for(SavedWordFacts("reluctant")) == []
    only_gloss = SavedWordFacts("reluctant", definition="unwilling and hesitant")
    assert card_kinds_for(only_gloss) == ["form"]
    # The saved sentence again (modulo case and spacing) is no cloze.
    same = SavedWordFacts(
        "reluctant", sentence="She was reluctant.", other_sentences=("she was  Reluctant.", "  ")
    )
    assert card_kinds_for(same) == ["meaning"]


# --- answers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "given", "correct", "near_miss"),
    [
        ("reluctant", "reluctant", True, False),
        ("reluctant", "  Reluctant. ", True, False),
        ("look up", "Look   UP!", True, False),
        ("don't", "Don\u2019t", True, False),
        ("reluctant", "reluctnat", True, True),  # swapped letters
        ("reluctant", "reluctan", True, True),  # dropped letter
        ("reluctant", "reluctamt", True, True),  # wrong letter
        ("reluctant", "rleuctnat", False, False),  # two typos
        ("reluctant", "reluctance", False, False),
        ("cat", "cut", False, False),  # one typo in a 3-letter word is another word
        ("cat", "act", False, False),
        ("word", "wrod", True, True),  # 4 letters is enough
        ("reluctant", "", False, False),
        ("reluctant", " ?! ", False, False),
    ],
)
def test_check_typed_answer(expected: str, given: str, correct: bool, near_miss: bool) -> None:
    check = check_typed_answer(expected, given)
    assert (check.correct, check.near_miss) == (correct, near_miss)
    assert check.message
    if not check.correct or check.near_miss:
        assert expected in check.message


@pytest.mark.parametrize(
    ("expected", "lemma", "given", "correct"),
    [
        ("harvest", "harvest", "harvested", True),  # another form of the right word, with a hint
        ("harvest", "harvest", "Harvests", True),
        ("troops", "troop", "troop", True),  # a cloze wants the form in its sentence
        ("went", "go", "goes", True),
        ("harvest", "harvest", "harvester", False),  # another word of the family is not the word
        ("harvest", "harvest", "crop", False),
        ("harvest", "", "harvested", False),  # without the lemma nothing is guessed
        ("look up", "look up", "looked up", False),  # phrases are not inflected by guesswork
    ],
)
def test_typed_answer_accepts_forms_of_the_right_lemma(
    expected: str, lemma: str, given: str, correct: bool
) -> None:
    check = check_typed_answer(expected, given, lemma=lemma)
    assert check.correct is correct
    assert expected in check.message
    if correct:
        assert check.near_miss and check.message.startswith("Right word, another form")
        assert suggested_rating(check, 3.0) == 2  # right, but not cold


def test_a_synonym_of_the_sense_is_also_right() -> None:
    check = check_typed_answer("ban", " Prohibit", lemma="ban", synonyms=("prohibit", "forbid"))
    assert (check.correct, check.near_miss) == (True, True)
    assert check.message == "Also right, but we wanted \u201cban\u201d."
    assert suggested_rating(check, 2.0) == 2
    assert not check_typed_answer("ban", "allow", lemma="ban", synonyms=("prohibit",)).correct
    assert check_typed_answer("ban", "ban", synonyms=("ban",)).message == "Correct!"


def test_expected_answer_must_not_be_empty() -> None:
    with pytest.raises(InvalidInput):
        check_typed_answer(" . ", "x")


def test_damerau_levenshtein() -> None:
    assert damerau_levenshtein("abc", "abc") == 0
    assert damerau_levenshtein("", "abc") == 3
    assert damerau_levenshtein("abcd", "abdc") == 1
    assert damerau_levenshtein("kitten", "sitting") == 3
    assert damerau_levenshtein("ca", "abc") == 3  # OSA variant


def test_suggested_rating() -> None:
    right = AnswerCheck(True, False, "")
    assert suggested_rating(AnswerCheck(False, False, ""), 2) == 1
    assert suggested_rating(AnswerCheck(True, True, ""), 2) == 2
    assert suggested_rating(right, 30) == 2
    assert suggested_rating(right, 10) == 3
    assert suggested_rating(right, 3) == 4
    with pytest.raises(InvalidInput):
        suggested_rating(right, -1)


# --- optimizer --------------------------------------------------------------------------------------


def many_logs(count: int) -> list[ReviewRecord]:
    return [ReviewRecord(i % 40, 1 + i % 4, T0 + timedelta(days=i)) for i in range(count)]


def test_importing_the_core_never_imports_torch() -> None:
    # A None entry in sys.modules makes "import torch" fail, so any import-time use would crash here.
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "import vocabsphere.core.srs as srs\n"
        "assert not srs.optimizer_available()\n"
        "assert srs.fit_parameters([srs.ReviewRecord(1, 3, __import__('datetime').datetime.now("
        "__import__('datetime').UTC))] * 500) is None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.skipif(
    optimizer_module.optimizer_available(), reason="optimizer extra installed: a real fit would run"
)
def test_fit_parameters_falls_back_when_fsrs_optimizer_is_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend torch is importable: fsrs then hands out its stub Optimizer, which raises ImportError.
    monkeypatch.setattr(optimizer_module, "optimizer_available", lambda: True)
    assert fit_parameters(many_logs(500)) is None


def test_fit_parameters_needs_enough_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optimizer_module, "optimizer_available", lambda: True)
    monkeypatch.setattr(fsrs, "Optimizer", None, raising=False)  # must not even be touched
    assert fit_parameters(many_logs(10)) is None
    assert fit_parameters([]) is None


def test_fit_parameters_without_torch_keeps_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optimizer_module, "optimizer_available", lambda: False)
    assert fit_parameters(many_logs(500)) is None
