"""Places a new article in a story (or starts one) and refreshes what the story derives from its sources."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timedelta

from vocabsphere.core.articles import source_labels
from vocabsphere.core.ingest import (
    SourceText,
    StoryCandidate,
    assign_story,
    compare_sources,
    pick_base_article,
)
from vocabsphere.store.tables import Article, Story
from vocabsphere.store.unit_of_work import UnitOfWork

# Reports of one event arrive within days; older stories are only candidates for "related".
CANDIDATE_WINDOW = timedelta(days=21)
MAX_CANDIDATES = 300


def place_in_story(uow: UnitOfWork, article: Article, *, now: datetime) -> int:
    recent = uow.stories.recent(since=now - CANDIDATE_WINDOW, limit=MAX_CANDIDATES)
    bases = {a.id: a for a in uow.stories.articles_of([s.id for s in recent]) if a.id}
    candidates = [
        StoryCandidate(
            story_id=s.id,
            title=s.title,
            text=bases[s.base_article_id].text if s.base_article_id in bases else "",
            published=s.published_at.date() if s.published_at else None,
        )
        for s in recent
    ]
    published = article.published_at.date() if article.published_at else None
    decision = assign_story(article.text, article.title, candidates, published=published)
    if decision.story_id is None:
        story = uow.stories.add(
            Story(
                title=article.title,
                base_article_id=article.id,
                published_at=article.published_at,
                word_count=article.word_count,
                source_count=1,
                facts_json="[]",
                created_at=now,
                updated_at=now,
            )
        )
    else:
        found = uow.stories.get(decision.story_id)
        assert found is not None
        story = found
    article.story_id = story.id
    uow.flush()
    refresh_story(uow, story, now=now)
    for related_id in decision.related:
        uow.stories.link(story.id, related_id, decision.similarity)
    return story.id


def refresh_story(uow: UnitOfWork, story: Story, *, now: datetime) -> None:
    """Base text, counts, cross-source facts and the search index follow the story's sources."""
    articles = uow.stories.articles(story.id)
    if not articles:
        return
    base = articles[pick_base_article([a.text for a in articles])]
    story.base_article_id = base.id
    story.title = base.title
    story.word_count = base.word_count
    story.cefr_level, story.level_score = base.cefr_level, base.level_score
    story.source_count = len(articles)
    dates = [a.published_at for a in articles if a.published_at]
    story.published_at = min(dates) if dates else None
    story.updated_at = now
    labels = source_labels([a.outlet for a in articles])
    sources = [
        SourceText(source_id=a.id, outlet=label, text=a.text, title=a.title)
        for a, label in zip(articles, labels, strict=True)
    ]
    conflicts = compare_sources(sources) if len(sources) > 1 else []
    story.facts_json = json.dumps([asdict(c) for c in conflicts], default=str)
    other_titles = " ".join(a.title for a in articles if a.id != base.id)
    uow.stories.index(story.id, f"{base.title} {other_titles}".strip(), base.text)
    uow.flush()
