"""The test's short text and its comprehension questions, written for VocabSphere at B1 from the demo
article "Night Trains Make a Comeback Across Europe" (demo/03-night-trains.md): every answer is stated
in the text, and the wrong options contradict it or are not in it."""

from __future__ import annotations

from dataclasses import dataclass

TEXT_LEVEL = "B1"
TITLE = "Night trains come back"
PARAGRAPHS = (
    "Night trains are coming back to Europe. Three new routes will start in December. They connect "
    "cities that are more than 1,000 kilometres apart.",
    "Passengers can choose a seat, a bed in a shared cabin for six people, or a private room with a "
    "shower. A basic ticket costs less than most flights on the same routes, but the journey takes "
    "about twelve hours.",
    "Rail companies say that more people want to travel by train because a train journey produces "
    "much less carbon dioxide than a short flight. There are still problems. The trains cross several "
    "countries with different rules, some stations close at night, and new sleeping cars are expensive.",
)


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[str, ...]
    answer: int  # index of the right option


QUESTIONS = (
    Question(
        "How long does a journey on the new routes take?",
        ("About six hours", "About twelve hours", "More than a day"),
        1,
    ),
    Question(
        "Why do more people want to travel by night train?",
        (
            "It is faster than a flight.",
            "The stations are open all night.",
            "It produces less carbon dioxide than a short flight.",
        ),
        2,
    ),
    Question(
        "Which of these is a problem for night trains?",
        (
            "New sleeping cars are expensive.",
            "Tickets cost more than flights.",
            "There are no private rooms.",
        ),
        0,
    ),
)
PASS_MARK = 1  # of 3: a learner who gets none right did not follow the B1 text
