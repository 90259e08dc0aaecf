"""A teacher's question, checked before it is stored, and the grading of a learner's answer."""

from __future__ import annotations

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.quizzes.model import Question, QuestionKind

MAX_STEM = 500
MAX_OPTION = 200
MAX_OPTIONS = 6
MAX_ANSWER = 2000  # a discussion answer
TRUE_FALSE = ("True", "False")


def _clean(text: str) -> str:
    return " ".join(text.split())


def check_question(
    kind: str, stem: str, options: list[str], answer: str | None, evidence: str = ""
) -> Question:
    """A question as the teacher typed it, with its key among the options (no key for discussion)."""
    try:
        parsed = QuestionKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in QuestionKind)
        raise InvalidInput(f"The kind is one of {names}.", field="kind") from None
    text = _clean(stem)
    if not 1 <= len(text) <= MAX_STEM:
        raise InvalidInput(f"A question needs 1 to {MAX_STEM} characters.", field="stem")
    if not parsed.has_key:
        return Question(parsed, text, (), None, _clean(evidence))
    choices = (
        TRUE_FALSE if parsed is QuestionKind.TRUE_FALSE else tuple(_clean(o) for o in options if o.strip())
    )
    if not 2 <= len(choices) <= MAX_OPTIONS:
        raise InvalidInput(f"A question needs 2 to {MAX_OPTIONS} options.", field="options")
    if any(len(o) > MAX_OPTION for o in choices):
        raise InvalidInput(f"Options have at most {MAX_OPTION} characters.", field="options")
    if len({o.casefold() for o in choices}) != len(choices):
        raise InvalidInput("Two options are the same.", field="options")
    key = _clean(answer or "")
    match = next((o for o in choices if o.casefold() == key.casefold()), None)
    if match is None:
        raise InvalidInput("The answer must be one of the options.", field="answer")
    return Question(parsed, text, choices, match, _clean(evidence))


def grade(question: Question, answer: str) -> bool | None:
    """Right or wrong for a choice question; None (read by the teacher) for discussion."""
    if not question.kind.has_key:
        return None
    return question.answer is not None and _clean(answer).casefold() == question.answer.casefold()


def check_answer_text(question: Question, answer: str) -> str:
    text = answer.strip()
    if len(text) > MAX_ANSWER:
        raise InvalidInput(f"An answer has at most {MAX_ANSWER} characters.", field="answers")
    if (
        question.kind.has_key
        and text
        and _clean(text).casefold() not in {o.casefold() for o in question.options}
    ):
        raise InvalidInput("An answer must be one of the question's options.", field="answers")
    return text
