"""The key's place among the options is spread over a quiz, so "always pick the first" wins nothing."""

from __future__ import annotations

from vocabsphere.core.quizzes.key_positions import spread_keys
from vocabsphere.core.quizzes.model import Question, QuestionKind


def _choice(stem: str, options: tuple[str, ...], answer: str) -> Question:
    return Question(QuestionKind.FACT, stem, options, answer, evidence="A sentence of the story.")


def test_keys_all_first_are_spread_over_every_place() -> None:
    questions = [
        _choice(f"Who visited town number {n}?", ("Anna Berg", "Tom Reyes", "Lia Chen"), "Anna Berg")
        for n in range(6)
    ]
    places = [q.options.index(q.answer or "") for q in spread_keys(questions)]
    assert sorted(places) == [0, 0, 1, 1, 2, 2]
    for before, after in zip(questions, spread_keys(questions), strict=True):
        assert after.answer == before.answer
        # turned round, not shuffled: the generator's order of the options stays
        turns = {before.options[k:] + before.options[:k] for k in range(len(before.options))}
        assert after.options in turns


def test_options_in_order_of_size_and_true_false_keep_their_order() -> None:
    numbers = _choice(
        "How many soldiers does the army have?", ("About 200", "About 400", "About 900"), "About 200"
    )
    words = _choice("How many boats came?", ("Two", "Four", "Eight"), "Two")
    # a scale word counts: 800,000 is less than 1.6 million, so these are in order of size
    scaled = _choice(
        "How many trees did the city plant?",
        ("About 800,000", "About 1.6 million", "About 3.2 million", "About 6.4 million"),
        "About 1.6 million",
    )
    true_false = Question(QuestionKind.TRUE_FALSE, "The river froze.", ("True", "False"), "True")
    discussion = Question(QuestionKind.DISCUSSION, "What would you do?")
    out = spread_keys([numbers, words, scaled, true_false, discussion])
    assert out == (numbers, words, scaled, true_false, discussion)


def test_the_same_quiz_gets_the_same_places() -> None:
    questions = [
        _choice(f"Where did group {n} go?", ("Oslo", "Lima", "Perth", "Cairo"), "Lima") for n in range(5)
    ]
    assert spread_keys(questions) == spread_keys(list(questions))
