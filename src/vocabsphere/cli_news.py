"""`vocabsphere ingest`, `clean` and `feeds`: bringing news in from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from vocabsphere.config import Settings
from vocabsphere.core.errors import DomainError
from vocabsphere.services.ingest import IngestSource, fetch_source, ingest, prepare


def _now() -> datetime:
    return datetime.now(UTC)


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _source(value: str, settings: Settings) -> IngestSource:
    from vocabsphere.jobs.tasks import fetch_policy

    if _is_url(value):
        return fetch_source(value, fetch_policy(settings))
    if value == "-":
        return IngestSource(kind="text", data=sys.stdin.buffer.read(), filename="stdin.txt")
    path = Path(value)
    if not path.is_file():
        raise DomainError(f"No such file: {value}")
    if path.stat().st_size > 20 * 1024 * 1024:
        raise DomainError(f"{value} is larger than 20 MB.")
    return IngestSource(
        kind="file",
        data=path.read_bytes(),
        filename=path.name,
        is_html=path.suffix.lower() in {".html", ".htm", ".xhtml"},
    )


def cmd_clean(args: argparse.Namespace, settings: Settings) -> int:
    prepared = prepare(_source(args.input, settings), with_analysis=False)
    draft = prepared.draft
    if args.json:
        print(
            json.dumps(
                {
                    "title": draft.title,
                    "text": draft.text,
                    "outlet": draft.outlet,
                    "author": prepared.author,
                    "published": draft.published.isoformat() if draft.published else None,
                    "url": prepared.canonical_url,
                    "removed": list(prepared.removed),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(draft.title + "\n\n" + draft.text)
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.jobs.tasks import fetch_policy
    from vocabsphere.store.database import Database
    from vocabsphere.store.migrate import upgrade_database

    if not settings.database_url:
        settings.ensure_data_dir()
    db = Database.connect(settings.sqlalchemy_url)
    upgrade_database(db.engine)
    results: list[dict[str, object]] = []
    failed = 0
    for value in args.inputs:
        try:
            result = ingest(db, _source(value, settings), now=_now(), policy=fetch_policy(settings))
            results.append(
                {
                    "input": value,
                    "article_id": result.article_id,
                    "story_id": result.story_id,
                    "created": result.created,
                    "title": result.title,
                    "error": None,
                }
            )
        except DomainError as error:
            failed += 1
            results.append(
                {
                    "input": value,
                    "article_id": None,
                    "story_id": None,
                    "created": False,
                    "title": None,
                    "error": error.message,
                }
            )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r["error"]:
                print(f"{r['input']}: refused: {r['error']}", file=sys.stderr)
            else:
                verb = "added" if r["created"] else "already stored"
                where = f"article {r['article_id']} in story {r['story_id']}"
                print(f"{r['input']}: {verb} as {where}: {r['title']}")
    return 1 if failed else 0


def cmd_feeds(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import timedelta

    from vocabsphere.jobs.tasks import fetch_policy
    from vocabsphere.services import feeds
    from vocabsphere.store.database import Database
    from vocabsphere.store.migrate import upgrade_database

    if not settings.database_url:
        settings.ensure_data_dir()
    db = Database.connect(settings.sqlalchemy_url)
    upgrade_database(db.engine)
    policy = fetch_policy(settings)
    if args.feeds_command == "add":
        view = feeds.add_feed(db, args.url, now=_now(), policy=policy)
        print(f"added feed {view.id}: {view.url}")
    elif args.feeds_command == "list":
        for f in feeds.list_feeds(db):
            state = f"failing ({f.failure_count}x): {f.last_error}" if f.last_error else "ok"
            print(f"{f.id}\t{f.url}\t{f.title}\t{state}")
    else:
        interval = timedelta(minutes=settings.feed_poll_minutes)
        ids = [args.feed_id] if args.feed_id else [f.id for f in feeds.list_feeds(db) if f.active]
        for feed_id in ids:
            result = feeds.poll_feed(db, feed_id, now=_now(), policy=policy, interval=interval)
            outcome = f"error: {result.error}" if result.error else f"{result.new_articles} new article(s)"
            print(f"feed {feed_id}: {outcome}")
    return 0


def add_news_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ingest_parser = sub.add_parser("ingest", help="add articles from files, URLs or - (stdin)")
    ingest_parser.add_argument("inputs", nargs="+", metavar="PATH|URL")
    ingest_parser.add_argument("--json", action="store_true", help="one JSON array, an object per input")
    ingest_parser.set_defaults(handler=cmd_ingest)

    clean = sub.add_parser("clean", help="print the cleaned article (nothing is stored)")
    clean.add_argument("input", metavar="PATH|URL")
    clean.add_argument("--json", action="store_true", help="an object with title, text, ...")
    clean.set_defaults(handler=cmd_clean)

    feeds = sub.add_parser("feeds", help="RSS/Atom feeds").add_subparsers(dest="feeds_command", required=True)
    add = feeds.add_parser("add", help="subscribe to a feed")
    add.add_argument("url")
    feeds.add_parser("list", help="list feeds and their errors")
    poll = feeds.add_parser("poll", help="poll feeds now")
    poll.add_argument("feed_id", nargs="?", type=int)
    for parser in (add, feeds.choices["list"], poll):
        parser.set_defaults(handler=cmd_feeds)
