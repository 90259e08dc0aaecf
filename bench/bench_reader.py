"""Reader page speed: a 1,000-word story served to a signed-in learner by a real server process.

Usage: VOCABSPHERE_LEXICON_PATH=var/lexicon.sqlite3 python bench/bench_reader.py [--requests 300]
       [--wrk-seconds 15]
Builds a throw-away data directory (SQLite), ingests a ~1,000-word story made from the bundled demo
articles, builds its level versions, starts `vocabsphere serve`, measures sequential latency with httpx,
then throughput with Debian's `wrk -c8 -t2 -d15s` on loopback (install it with `apt-get install wrk`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from vocabsphere.config import Settings
from vocabsphere.core.articles import count_words
from vocabsphere.services import accounts, versions
from vocabsphere.services.demo import demo_articles
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database
from vocabsphere.store.migrate import upgrade_database

PASSWORD = "bench-reader-pass"  # noqa: S105 - a throw-away account in a temporary database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def long_story() -> str:
    """About 1,000 words from the bundled demo articles: each paragraph joined with a different one, so
    that no paragraph repeats (the cleaner drops repeated paragraphs)."""
    paragraphs = [p for a in demo_articles() for p in a.text.split("\n\n") if p.strip()]
    combined = [paragraphs[i] + " " + paragraphs[(i + 3) % len(paragraphs)] for i in range(len(paragraphs))]
    combined += [paragraphs[i] + " " + paragraphs[(i + 5) % len(paragraphs)] for i in range(len(paragraphs))]
    text = "Europe Tries Sunlight, Bees and Night Trains"
    for paragraph in combined:
        if count_words(text) >= 1000:
            break
        text += "\n\n" + paragraph
    return text


def prepare(data_dir: Path) -> int:
    settings = Settings(data_dir=data_dir, env="development")
    db = Database.connect(settings.sqlalchemy_url)
    upgrade_database(db.engine)
    now = datetime.now(UTC)
    accounts.create_user(db, username="reader", password=PASSWORD, now=now)
    story_id = ingest(
        db, IngestSource(kind="text", text=long_story()), now=now, policy=FetchPolicy()
    ).story_id
    versions.build_versions(db, settings, story_id, now=now)
    db.dispose()
    return story_id


def log_in(client: httpx.Client) -> None:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "login page without CSRF field"
    response = client.post(
        "/login", data={"username": "reader", "password": PASSWORD, "csrf_token": token[1]}
    )
    assert response.status_code in (200, 303), response.text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--wrk-seconds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        story_id = prepare(data_dir)
        port = free_port()
        env = {
            **os.environ,
            "VOCABSPHERE_ENV": "development",
            "VOCABSPHERE_DATA_DIR": str(data_dir),
            "VOCABSPHERE_LOG_LEVEL": "WARNING",
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "vocabsphere.cli", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start")
                time.sleep(0.2)
            with httpx.Client(base_url=base, follow_redirects=False) as client:
                log_in(client)
                cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
                for level in ("orig", "B1"):
                    url = f"/stories/{story_id}?level={level}"
                    first = client.get(url)
                    assert first.status_code == 200 and 'class="w ' in first.text, first.status_code
                    words = len(re.findall(r'class="w ', first.text))
                    times = []
                    for _ in range(args.requests):
                        started = time.perf_counter()
                        response = client.get(url)
                        times.append((time.perf_counter() - started) * 1000)
                        assert response.status_code == 200
                    times.sort()
                    p50, p99 = statistics.median(times), times[int(0.99 * (len(times) - 1))]
                    print(
                        f"reader page {level:4} ({words} tappable words, {len(first.content) // 1024} KB): "
                        f"p50 {p50:.1f} ms, p99 {p99:.1f} ms over {args.requests} sequential requests"
                    )
            if shutil.which("wrk") is None:
                print("wrk is not installed (apt-get install wrk): throughput not measured")
                return
            url = f"{base}/stories/{story_id}?level=orig"
            command = ["wrk", "-c8", "-t2", f"-d{args.wrk_seconds}s", "-H", f"Cookie: {cookie}", url]
            print("$", " ".join(c if not c.startswith("Cookie") else "'Cookie: <session>'" for c in command))
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            print(output.strip())
            non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
            errors = re.search(r"Socket errors: (.*)", output)
            failed = non_2xx[1] if non_2xx else 0
            print(f"non-2xx responses: {failed}; socket errors: {errors[1] if errors else 'none'}")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
