"""URLs and feeds against a local web site speaking real HTTP: limits, errors, back-off, no duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.articles import BRIDGE_A, BRIDGE_B, GARDEN, html_page, rss
from tests.fixtures.site import Page, Site, serve_site
from vocabsphere.core.errors import InvalidInput
from vocabsphere.services import feeds, stories
from vocabsphere.services.fetching import FetchPolicy, check_url
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
POLICY = FetchPolicy(allow_private_addresses=True, timeout_seconds=2, max_bytes=200_000)
HOUR = timedelta(hours=1)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


def test_article_from_a_url_keeps_its_metadata(database: Database, site: Site) -> None:
    url = site.add("/bridge", Page(html_page("Storm Closes Harbour Bridge", BRIDGE_B).encode()))
    result = ingest(database, IngestSource(kind="url", url=url), now=T0, policy=POLICY)
    view = stories.get_story(database, result.story_id)
    assert view.sources[0].url == url
    assert "140 kilometres per hour" in " ".join(view.paragraphs)
    again = ingest(database, IngestSource(kind="url", url=url), now=T0, policy=POLICY)
    assert not again.created and again.article_id == result.article_id


@pytest.mark.parametrize(
    ("path", "page", "message"),
    [
        ("/missing", None, "HTTP 404"),
        ("/image", Page(b"\x89PNG....", "image/png"), "returned image/png"),
        ("/huge", Page(b"<p>" + b"word " * 100_000 + b"</p>"), "larger than"),
        ("/slow", Page(b"<p>late</p>", delay=3.5), "did not answer"),
    ],
)
def test_unfetchable_urls_get_a_clear_message(
    database: Database, site: Site, path: str, page: Page | None, message: str
) -> None:
    url = site.add(path, page) if page else site.base + path
    with pytest.raises(InvalidInput, match=message):
        ingest(database, IngestSource(kind="url", url=url), now=T0, policy=POLICY)
    assert stories.list_stories(database) == []


def test_redirect_loop_and_unreachable_host(database: Database, site: Site) -> None:
    site.add("/loop-a", Page(b"", status=302, headers={"Location": "/loop-b"}))
    site.add("/loop-b", Page(b"", status=302, headers={"Location": "/loop-a"}))
    with pytest.raises(InvalidInput, match="redirects too many times"):
        ingest(database, IngestSource(kind="url", url=site.base + "/loop-a"), now=T0, policy=POLICY)
    with pytest.raises(
        InvalidInput, match=r"Could not reach 127\.0\.0\.1: it refused the connection"
    ) as refused:
        ingest(database, IngestSource(kind="url", url="http://127.0.0.1:9/x"), now=T0, policy=POLICY)
    assert "Error" not in str(refused.value)


@pytest.mark.parametrize("policy", [POLICY, FetchPolicy(timeout_seconds=2)])
def test_an_unknown_host_is_named_in_plain_words(database: Database, policy: FetchPolicy) -> None:
    url = "http://no-such-site.invalid/news"
    with pytest.raises(InvalidInput, match=r"Could not find the site no-such-site\.invalid") as unknown:
        ingest(database, IngestSource(kind="url", url=url), now=T0, policy=policy)
    assert "Error" not in str(unknown.value)


def test_a_page_that_is_not_an_article_says_so(database: Database, site: Site) -> None:
    url = site.add("/data", Page(b"{}", "application/json"))
    with pytest.raises(InvalidInput, match="not a web page or text: give the address of the article"):
        ingest(database, IngestSource(kind="url", url=url), now=T0, policy=POLICY)


def test_private_addresses_are_refused_by_default() -> None:
    for url in (
        "http://127.0.0.1/x",
        "http://localhost:8000/",
        "http://10.0.0.1/",
        "ftp://example.org/x",
        "x",
    ):
        with pytest.raises(InvalidInput):
            check_url(url, FetchPolicy())


def test_feed_polling_adds_each_entry_once(database: Database, site: Site) -> None:
    a = site.add("/a", Page(html_page("Storm Closes Harbour Bridge", BRIDGE_A).encode()))
    b = site.add("/b", Page(html_page("Harbour Bridge shut", BRIDGE_B).encode()))
    site.add("/feed.xml", Page(rss([("Bridge closed", a), ("Bridge shut", b)]), "application/rss+xml"))
    feed = feeds.add_feed(database, site.base + "/feed.xml", now=T0, policy=POLICY)
    first = feeds.poll_feed(database, feed.id, now=T0, policy=POLICY, interval=HOUR)
    assert first.new_articles == 2 and not first.error
    listed = stories.list_stories(database)
    assert len(listed) == 1 and listed[0].source_count == 2  # two outlets' reports, one story
    g = site.add("/g", Page(html_page("School Garden Feeds a Village", GARDEN).encode()))
    site.add(
        "/feed.xml",
        Page(rss([("Bridge closed", a), ("Bridge shut", b), ("Garden", g)]), "application/rss+xml"),
    )
    second = feeds.poll_feed(database, feed.id, now=T0 + HOUR, policy=POLICY, interval=HOUR)
    assert second.new_articles == 1
    assert site.hits["/a"] == 1, "an entry already seen is not fetched again"
    assert len(stories.list_stories(database)) == 2


def test_failing_feed_backs_off_and_shows_its_error(database: Database, site: Site) -> None:
    site.add("/news", Page(b"<!doctype html><html><body><p>Our news page</p></body></html>"))
    feed = feeds.add_feed(database, site.base + "/news", now=T0, policy=POLICY)
    result = feeds.poll_feed(database, feed.id, now=T0, policy=POLICY, interval=HOUR)
    assert "web page, not an RSS or Atom feed" in result.error
    views = {f.id: f for f in feeds.list_feeds(database)}
    assert views[feed.id].failure_count == 1
    assert views[feed.id].next_poll_at == T0 + 2 * HOUR
    assert feeds.due_feeds(database, T0 + HOUR) == []
    feeds.poll_feed(database, feed.id, now=T0 + 2 * HOUR, policy=POLICY, interval=HOUR)
    again = {f.id: f for f in feeds.list_feeds(database)}[feed.id]
    assert again.failure_count == 2 and again.next_poll_at == T0 + 2 * HOUR + 4 * HOUR


def test_opml_import_and_duplicate_feeds(database: Database) -> None:
    opml = (
        b"<?xml version='1.0'?><opml version='2.0'><body>"
        b"<outline text='One' xmlUrl='https://news.example.org/rss'/>"
        b"<outline text='Two' xmlUrl='https://other.example.org/atom.xml'/></body></opml>"
    )
    policy = FetchPolicy(allow_private_addresses=True)
    added = feeds.import_opml(database, opml, now=T0, policy=policy)
    assert [f.title for f in added] == ["One", "Two"]
    assert feeds.import_opml(database, opml, now=T0, policy=policy) == []
    with pytest.raises(InvalidInput):
        feeds.import_opml(database, b"<html>not opml</html>", now=T0, policy=policy)
    with pytest.raises(InvalidInput):
        feeds.import_opml(
            database, b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><opml>&a;</opml>", now=T0, policy=policy
        )
