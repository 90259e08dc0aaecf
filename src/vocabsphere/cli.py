"""The `vocabsphere` command: thin wrappers over services."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pydantic import ValidationError

from vocabsphere import __version__
from vocabsphere.cli_exercises import add_exercises_command
from vocabsphere.cli_language import add_language_commands
from vocabsphere.cli_lexicon import add_lexicon_commands
from vocabsphere.cli_news import add_news_commands
from vocabsphere.cli_quiz import add_quiz_command
from vocabsphere.cli_substitutes import add_substitutes_command
from vocabsphere.config import Settings, load_settings
from vocabsphere.core.errors import DomainError

if TYPE_CHECKING:
    from vocabsphere.store.database import Database

Handler = Callable[[argparse.Namespace, Settings], int]


def _now() -> datetime:
    return datetime.now(UTC)


def _database(settings: Settings) -> Database:
    from vocabsphere.store.database import Database

    if not settings.database_url:
        settings.ensure_data_dir()
    return Database.connect(settings.sqlalchemy_url)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from vocabsphere.web import create_app
    from vocabsphere.web.server import server_config

    app = create_app(settings)
    print(f"VocabSphere {__version__} on http://{settings.host}:{settings.port}", flush=True)
    if settings.demo:
        from vocabsphere.services.demo import DEMO_ACCOUNTS

        for account in DEMO_ACCOUNTS:
            print(f"  demo {account.role}: user {account.username}, password {account.password}", flush=True)
    uvicorn.Server(server_config(app, settings)).run()
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.jobs.queue import is_local_queue
    from vocabsphere.jobs.runtime import JobSystem
    from vocabsphere.store.migrate import upgrade_database

    if is_local_queue(settings) and settings.queue_url == "memory":
        print("error: an in-memory queue cannot be shared with a worker process", file=sys.stderr)
        return 2
    from vocabsphere.services import dictionary

    jobs = JobSystem(settings)
    upgrade_database(jobs.database().engine)
    # The pipeline, lexicon and prepared answers' fingerprint are loaded before the first job, as the
    # web server does at start-up: jobs then neither wait for them nor compute them side by side.
    dictionary.warm_up(settings)
    jobs.run_worker(args.workers)
    return 0


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.store.migrate import current_revision, upgrade_database

    db = _database(settings)
    upgrade_database(db.engine)
    print(f"database at revision {current_revision(db.engine)} ({db.backend})")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if args.password:
        return str(args.password)
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise DomainError("The passwords differ.")
    return first


def cmd_user_add(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.services.accounts import create_user
    from vocabsphere.store.migrate import upgrade_database

    db = _database(settings)
    upgrade_database(db.engine)
    user = create_user(
        db,
        username=args.username,
        password=_read_password(args),
        role=args.role,
        now=_now(),
        native_language=args.language,
        cefr_level=args.level,
    )
    print(f"created {user.role.value} {user.username} (id {user.id})")
    return 0


def cmd_user_list(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.services.profiles import list_users

    for user in list_users(_database(settings), limit=10_000):
        print(f"{user.id}\t{user.username}\t{user.role.value}\t{user.cefr_level}\t{user.native_language}")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.services.demo import ensure_demo_accounts, import_demo_articles
    from vocabsphere.store.migrate import upgrade_database

    db = _database(settings)
    upgrade_database(db.engine)
    for account in ensure_demo_accounts(db, now=_now()):
        print(f"demo {account.role}: {account.username} / {account.password}")
    print(f"{import_demo_articles(db, now=_now())} new demo article(s)")
    return 0


def cmd_jobs_list(args: argparse.Namespace, settings: Settings) -> int:
    from vocabsphere.services.job_runs import latest_runs

    for run in latest_runs(_database(settings), limit=args.limit):
        print(f"{run.id}\t{run.kind}\t{run.status}\t{run.progress}/{run.total}\t{run.worker}\t{run.message}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vocabsphere", description="VocabSphere: real news, made learnable."
    )
    parser.add_argument("--version", action="version", version=f"vocabsphere {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web app")
    serve.add_argument("--host", help="address to bind (default VOCABSPHERE_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default VOCABSPHERE_PORT or 8000)")
    serve.add_argument("--demo", action="store_true", help="create demo accounts and articles")
    serve.set_defaults(handler=cmd_serve)

    worker = sub.add_parser("worker", help="serve the job queue (Redis mode: run one per machine)")
    worker.add_argument("--workers", type=int, default=2, help="worker threads (default 2)")
    worker.set_defaults(handler=cmd_worker)

    db = sub.add_parser("db", help="database commands").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply migrations").set_defaults(handler=cmd_db_upgrade)

    user = sub.add_parser("user", help="manage users").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--role", default="learner", choices=["learner", "teacher", "admin"])
    add.add_argument("--password", help="password (prompted when omitted)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--language", default="es", help="native language code (default es)")
    add.add_argument("--level", default="B1", help="CEFR level (default B1)")
    add.set_defaults(handler=cmd_user_add)
    user.add_parser("list", help="list users").set_defaults(handler=cmd_user_list)

    demo = sub.add_parser("demo", help="create demo accounts and import the demo articles")
    demo.set_defaults(handler=cmd_demo)

    add_news_commands(sub)
    add_language_commands(sub)
    add_lexicon_commands(sub)
    add_substitutes_command(sub)
    add_quiz_command(sub)
    add_exercises_command(sub)

    jobs = sub.add_parser("jobs", help="background jobs").add_subparsers(dest="jobs_command", required=True)
    jobs_list = jobs.add_parser("list", help="recent job runs")
    jobs_list.add_argument("--limit", type=int, default=20)
    jobs_list.set_defaults(handler=cmd_jobs_list)
    return parser


def _settings_from(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    for name in ("host", "port"):
        if getattr(args, name, None) is not None:
            overrides[name] = getattr(args, name)
    if getattr(args, "demo", False):
        overrides["demo"] = True
    return load_settings(**overrides)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = _settings_from(args)
    except ValidationError as error:
        for problem in error.errors():
            where = ".".join(str(p) for p in problem["loc"]) or "settings"
            print(f"configuration error: {where}: {problem['msg']}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    handler: Handler = args.handler
    try:
        return handler(args, settings)
    except ValueError as error:  # settings that are valid but unfit for this command
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
