"""The demo content goes through the same ingestion as real news."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vocabsphere.core.errors import NotFound
from vocabsphere.services import demo, library, stories
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def test_demo_import_is_idempotent_and_makes_stories(database: Database) -> None:
    drafts = demo.demo_articles()
    assert len(drafts) >= 3
    assert demo.import_demo_articles(database, now=T0) == len(drafts)
    assert demo.import_demo_articles(database, now=T0) == 0
    listed = stories.list_stories(database)
    assert {s.title for s in listed} == {d.title for d in drafts}
    article = library.get_article(database, library.list_articles(database)[0].id)
    assert len(article.paragraphs) >= 4 and article.summary.word_count > 100


def test_missing_article_and_story_are_not_found(database: Database) -> None:
    with pytest.raises(NotFound):
        library.get_article(database, 12345)
    with pytest.raises(NotFound):
        stories.get_story(database, 12345)
