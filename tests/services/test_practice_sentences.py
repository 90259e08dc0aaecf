"""The word's other sentences for practice: gathered from the recent stories' versions, and no
story read once enough sentences are found (the window of recent stories is wide)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from vocabsphere.services import practice


class _Versions:
    def __init__(self, texts: dict[int, list[str]]) -> None:
        self.texts = texts
        self.read: list[int] = []

    def for_story(self, story_id: int) -> list[SimpleNamespace]:
        self.read.append(story_id)
        return [SimpleNamespace(text=t) for t in self.texts.get(story_id, [])]


def _uow(versions: _Versions, stories: list[int]) -> Any:
    return SimpleNamespace(
        reading=SimpleNamespace(encounters=lambda word_id: []),
        practice=SimpleNamespace(read_story_ids=lambda user_id, limit: stories[:limit]),
        versions=versions,
    )


def _word() -> Any:
    return SimpleNamespace(id=1, user_id=1, story_id=None, lemma="garden", sentence="Our garden is small.")


def test_sentences_come_from_stories_read_long_ago_within_the_window() -> None:
    stories = list(range(1, practice.READ_STORIES + 1))
    versions = _Versions({stories[-1]: ["Her garden grew tall roses last summer. It rained."]})
    found = practice.word_sentences(cast(Any, _uow(versions, stories)), _word())
    assert found == ["Our garden is small.", "Her garden grew tall roses last summer."]


def test_no_story_is_read_once_enough_sentences_are_found() -> None:
    many = " ".join(f"The garden had {n} new trees." for n in range(practice.MAX_SENTENCES))
    stories = list(range(1, practice.READ_STORIES + 1))
    versions = _Versions({1: [many], 2: ["The garden was green."]})
    found = practice.word_sentences(cast(Any, _uow(versions, stories)), _word())
    assert len(found) == practice.MAX_SENTENCES
    assert versions.read == [1]  # stories 2 .. READ_STORIES were not read
