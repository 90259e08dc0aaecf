"""Main idea (which headline fits) and open discussion questions (no key)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vocabsphere.core.quizzes.candidates import Candidate, mixed, pick_distractors
from vocabsphere.core.quizzes.entities import Cast
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import Passage, token_terms
from vocabsphere.core.quizzes.support import Claim

__all__ = ["discussion_candidates", "headline_candidate", "headline_fits"]

MAIN_IDEA_STEM = "Which headline fits the story best?"
FIT_SHARE = 0.5  # the key headline's words found in the version
MISFIT_SHARE = 0.25  # a distractor headline shares fewer of its words with the version than this


def _words(text: str) -> frozenset[str]:
    """The longer words of a headline, lower-case (short ones are mostly function words)."""
    return frozenset(w.lower().strip(".,:;'’\"“”") for w in text.split() if len(w) > 3)


def headline_fits(passage: Passage, claim: Claim, share: float) -> bool:
    terms: set[str] = set()
    for s in passage.sentences:
        for t in s.doc:
            terms |= token_terms(t) | {t.lower_}
    return bool(claim.anchors) and len(claim.anchors & terms) >= share * len(claim.anchors)


def headline_candidate(
    title: str | None, other_titles: Sequence[str], passages: Mapping[str, Passage]
) -> Candidate | None:
    """ "Which headline fits?": the story's own title against other stories' titles."""
    if not title or not passages:
        return None
    first = next(iter(passages.values()))
    distractors = pick_distractors(title, [t for t in other_titles if t.strip() and t != title])
    if len(distractors) < 3:
        return None
    key = Claim(_words(title), frozenset())
    others = tuple(Claim(_words(t), frozenset()) for t in distractors)
    options = mixed(MAIN_IDEA_STEM, [title, *distractors])
    return Candidate(
        QuestionKind.MAIN_IDEA, MAIN_IDEA_STEM, options, title, title, key, others, first.level, -1
    )


_GENERAL = (
    "What was the most surprising thing in this story for you? Why?",
    "Would you like to find out more about this story? What would you like to know?",
)


def discussion_candidates(cast: Cast) -> list[Candidate]:
    """Open questions for the class: no key, so nothing in them can be wrong about the story."""
    asked = list(_GENERAL)
    if cast.speakers:  # someone the story quotes: alive and part of the story when it was written
        asked.insert(1, f"If you could ask {cast.speakers[0]} one question, what would you ask?")
    return [Candidate(QuestionKind.DISCUSSION, q, (), None, "", None) for q in asked[:2]]
