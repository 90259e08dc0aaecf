"""Ingestion on both databases: cleaning, idempotency, stories, search, bad input, the seeds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SHARED_DIR
from tests.fixtures.articles import BRIDGE_A, BRIDGE_B, GARDEN, GERMAN
from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import stories
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
POLICY = FetchPolicy(allow_private_addresses=True, timeout_seconds=5)
SEEDS = SHARED_DIR / "seeds"


def add(db: Database, text: str, **kw: object) -> int:
    return ingest(db, IngestSource(kind="text", text=text, **kw), now=T0, policy=POLICY).story_id  # type: ignore[arg-type]


def test_junk_never_reaches_the_story(database: Database) -> None:
    story_id = add(database, BRIDGE_A)
    view = stories.get_story(database, story_id)
    text = "\n".join(view.paragraphs)
    assert view.summary.title == "Storm Closes Harbour Bridge for Three Days"
    assert "60,000 drivers" in text
    assert "newsletter" not in text.lower() and "Share this article" not in text


def test_same_text_twice_is_stored_once(database: Database) -> None:
    first = ingest(database, IngestSource(kind="text", text=BRIDGE_A), now=T0, policy=POLICY)
    again = ingest(database, IngestSource(kind="text", text="  " + BRIDGE_A + "\n\n"), now=T0, policy=POLICY)
    assert first.created and not again.created
    assert again.article_id == first.article_id
    assert len(stories.list_stories(database)) == 1


def test_two_outlets_one_story_and_an_unrelated_one(database: Database) -> None:
    a = add(database, BRIDGE_A, outlet="Harbour Times")
    b = add(database, BRIDGE_B, outlet="City Radio")
    c = add(database, GARDEN, outlet="Hill News")
    assert a == b != c
    view = stories.get_story(database, a)
    assert {s.outlet for s in view.sources} == {"Harbour Times", "City Radio"}
    assert sum(s.is_base for s in view.sources) == 1
    assert set(stories.get_story(database, c).summary.outlets) == {"Hill News"}


def test_search_finds_stories_by_words(database: Database) -> None:
    add(database, BRIDGE_A)
    garden = add(database, GARDEN)
    found = stories.list_stories(database, query="pumpkins greenhouse")
    assert [s.id for s in found] == [garden]
    assert stories.list_stories(database, query="bridge")[0].title.startswith("Storm")
    assert stories.list_stories(database, query='"; DROP TABLE stories; --') == []
    assert stories.list_stories(database, query="zzzyx") == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (IngestSource(kind="text", text=""), "empty"),
        (IngestSource(kind="text", text="   \n\t "), "empty"),
        (IngestSource(kind="text", text=GERMAN), "English"),
        (
            IngestSource(
                kind="file", data=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, filename="photo.txt"
            ),
            "not text",
        ),
        (IngestSource(kind="file", data=b"hello", filename="notes.pdf"), ".txt, .md or .html"),
        (
            IngestSource(kind="text", text="<html><script>alert(1)</script></html>", is_html=True),
            "No article text",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(
    database: Database, source: IngestSource, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        ingest(database, source, now=T0, policy=POLICY)
    assert stories.list_stories(database) == []


def test_script_laden_html_is_cleaned(database: Database) -> None:
    from tests.fixtures.articles import html_page

    html = html_page("Storm Closes Harbour Bridge", BRIDGE_B, extra="<script>stealCookies()</script>")
    story_id = ingest(
        database, IngestSource(kind="text", text=html, is_html=True), now=T0, policy=POLICY
    ).story_id
    text = "\n".join(stories.get_story(database, story_id).paragraphs)
    assert "140 kilometres per hour" in text
    for junk in ("stealCookies", "trackEverything", "color:red", "Share on Facebook", "Sport"):
        assert junk not in text


@pytest.fixture
def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if len(files) < 4:
        pytest.skip(f"seed texts not found in {SEEDS}")
    return files


def ingest_seeds(database: Database, seed_files: list[Path]) -> dict[str, int]:
    """Seed number ("000") -> story id, the seeds ingested as uploaded files in name order."""
    return {
        path.name[:3]: ingest(
            database,
            IngestSource(kind="file", data=path.read_bytes(), filename=path.name),
            now=T0,
            policy=POLICY,
        ).story_id
        for path in seed_files
    }


def test_seeds_form_one_story_and_a_related_one(database: Database, seed_files: list[Path]) -> None:
    ids = ingest_seeds(database, seed_files)
    assert ids["000"] == ids["001"] == ids["002"]
    assert ids["004"] != ids["000"]
    main = stories.get_story(database, ids["000"])
    assert [r.id for r in main.related] == [ids["004"]]
    assert main.summary.source_count == 3
    notes = " ".join(f["note"] for f in main.facts).lower()
    assert "sixth" in notes and "fourth" in notes
    later = "\n".join(stories.get_story(database, ids["004"]).paragraphs).lower()
    assert "sample explanation" not in later and "ios and android" not in later


def test_demo_articles_then_seeds_no_demo_article_joins_the_seed_stories(
    database: Database, seed_files: list[Path]
) -> None:
    from vocabsphere.services.demo import import_demo_articles

    assert import_demo_articles(database, now=T0) == 3
    demo_ids = {s.id for s in stories.list_stories(database)}
    ids = ingest_seeds(database, seed_files)
    assert ids["000"] == ids["001"] == ids["002"] != ids["004"]
    # "Night Trains" shares 1,000 and twelve with seed 000: not enough to join its story
    assert not demo_ids & set(ids.values())
    main = stories.get_story(database, ids["000"])
    assert main.summary.source_count == 3
    assert [r.id for r in main.related] == [ids["004"]]
    for demo_id in demo_ids:
        assert stories.get_story(database, demo_id).summary.source_count == 1
    later = "\n".join(stories.get_story(database, ids["004"]).paragraphs)
    assert "1.28 million" in later and "'closest comrade.'" in later and "1. 28" not in later
