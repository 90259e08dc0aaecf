"""stories feeds search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("base_article_id", sa.Integer(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("facts_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stories_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failure_count", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_feeds_created_by_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feeds_next_poll_at"), ["next_poll_at"], unique=False)

    op.create_table(
        "story_links",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("related_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["related_id"], ["stories.id"], name=op.f("fk_story_links_related_id_stories"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_links_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("story_id", "related_id", name=op.f("pk_story_links")),
    )
    op.create_table(
        "feed_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("entry_key", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_feed_items_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name=op.f("fk_feed_items_feed_id_feeds"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_items")),
        sa.UniqueConstraint("feed_id", "entry_key", name=op.f("uq_feed_items_feed_id")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("author", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("canonical_url", sa.String(length=2000), nullable=True))
        batch_op.add_column(
            sa.Column("source_kind", sa.String(length=16), nullable=False, server_default="text")
        )
        batch_op.add_column(sa.Column("feed_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("removed_json", sa.Text(), nullable=False, server_default="[]"))
        batch_op.create_index(batch_op.f("ix_articles_story_id"), ["story_id"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_articles_canonical_url"), ["canonical_url"])
        batch_op.create_foreign_key(
            batch_op.f("fk_articles_feed_id_feeds"), "feeds", ["feed_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_articles_story_id_stories"), "stories", ["story_id"], ["id"], ondelete="SET NULL"
        )

    _create_search_index()
    _give_each_article_a_story()


def _create_search_index() -> None:
    """Full-text search over stories: FTS5 on SQLite, a tsvector column with a GIN index on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE story_search USING fts5(title, body, tokenize='porter unicode61')")
    else:
        op.add_column("stories", sa.Column("search_vector", postgresql.TSVECTOR(), nullable=True))
        op.create_index("ix_stories_search_vector", "stories", ["search_vector"], postgresql_using="gin")


def _give_each_article_a_story() -> None:
    """Articles stored before stories existed each become a one-source story."""
    bind = op.get_bind()
    articles = sa.table(
        "articles",
        sa.column("id"),
        sa.column("title"),
        sa.column("text"),
        sa.column("word_count"),
        sa.column("published_at"),
        sa.column("created_at"),
        sa.column("story_id"),
    )
    stories = sa.table(
        "stories",
        sa.column("id"),
        sa.column("title"),
        sa.column("base_article_id"),
        sa.column("published_at"),
        sa.column("word_count"),
        sa.column("source_count"),
        sa.column("facts_json"),
        sa.column("created_at"),
        sa.column("updated_at"),
    )
    rows = bind.execute(sa.select(articles).where(articles.c.story_id.is_(None))).mappings().all()
    for row in rows:
        story_id: int = bind.execute(
            sa.insert(stories)
            .values(
                title=row["title"],
                base_article_id=row["id"],
                published_at=row["published_at"],
                word_count=row["word_count"],
                source_count=1,
                facts_json="[]",
                created_at=row["created_at"],
                updated_at=row["created_at"],
            )
            .returning(stories.c.id)
        ).scalar_one()
        bind.execute(sa.update(articles).where(articles.c.id == row["id"]).values(story_id=story_id))
        _index_story(bind, story_id, row["title"], row["text"])


def _index_story(bind: sa.engine.Connection, story_id: int, title: str, text: str) -> None:
    if bind.dialect.name == "sqlite":
        bind.execute(
            sa.text("INSERT INTO story_search(rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": story_id, "title": title, "body": text},
        )
    else:
        bind.execute(
            sa.text(
                "UPDATE stories SET search_vector = setweight(to_tsvector('english', :title), 'A') "
                "|| setweight(to_tsvector('english', :body), 'B') WHERE id = :id"
            ),
            {"id": story_id, "title": title, "body": text},
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS story_search")
    else:
        op.drop_index("ix_stories_search_vector", table_name="stories")
        op.drop_column("stories", "search_vector")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_articles_story_id_stories"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_articles_feed_id_feeds"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_articles_canonical_url"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_articles_story_id"))
        batch_op.drop_column("removed_json")
        batch_op.drop_column("feed_id")
        batch_op.drop_column("source_kind")
        batch_op.drop_column("canonical_url")
        batch_op.drop_column("author")
        batch_op.drop_column("story_id")

    op.drop_table("feed_items")
    op.drop_table("story_links")
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feeds_next_poll_at"))

    op.drop_table("feeds")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stories_updated_at"))

    op.drop_table("stories")
