"""The library: idempotent article import and the demo content."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vocabsphere.core.articles import ArticleDraft
from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services import demo, library
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 1, tzinfo=UTC)
TEXT = (
    "The river rose by two metres overnight after three days of heavy rain.\n\n"
    "Volunteers filled sandbags while the council opened two schools as shelters for families."
)


def test_same_text_is_stored_once(database: Database) -> None:
    first = library.add_article(database, ArticleDraft("Flood", "Desk", TEXT), now=T0)
    again = library.add_article(
        database, ArticleDraft("Flood again", "Other", "  " + TEXT.replace("\n\n", "\n \n")), now=T0
    )
    assert first.created and not again.created
    assert again.article_id == first.article_id
    view = library.get_article(database, first.article_id)
    assert view.summary.word_count == 26
    assert len(view.paragraphs) == 2


def test_empty_or_tiny_articles_are_refused(database: Database) -> None:
    for text in ("", "   \n\n  ", "Too short."):
        with pytest.raises(InvalidInput):
            library.add_article(database, ArticleDraft("T", "Desk", text), now=T0)
    assert library.list_articles(database) == []


def test_missing_article_is_not_found(database: Database) -> None:
    with pytest.raises(NotFound):
        library.get_article(database, 12345)


def test_demo_import_is_idempotent(database: Database) -> None:
    drafts = demo.demo_articles()
    assert len(drafts) >= 3
    assert demo.import_demo_articles(database, now=T0) == len(drafts)
    assert demo.import_demo_articles(database, now=T0) == 0
    titles = {a.title for a in library.list_articles(database)}
    assert titles == {d.title for d in drafts}
