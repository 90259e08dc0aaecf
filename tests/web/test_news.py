"""Teachers bring news in through pages and the API; learners cannot; jobs show progress."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.fixtures.articles import BRIDGE_A, BRIDGE_B, GARDEN, GERMAN
from tests.web.conftest import add_user, bearer, csrf_from, log_in


def wait_job(client: TestClient, run_id: int, headers: dict[str, str]) -> dict[str, object]:
    for _ in range(200):
        run = client.get(f"/api/v1/jobs/{run_id}", headers=headers).json()
        if run["status"] in {"done", "failed"}:
            return run
        time.sleep(0.05)
    raise AssertionError("job did not finish")


def test_teacher_pastes_an_article_and_reads_the_story(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    log_in(client, "tom")
    page = client.get("/news/add")
    assert page.status_code == 200
    response = client.post("/news/text", data={"text": BRIDGE_A, "csrf_token": csrf_from(page.text)})
    assert response.status_code == 200 and "Storm Closes Harbour Bridge" in response.text
    assert "newsletter" not in response.text.lower()
    library = client.get("/library?q=harbour").text
    assert "Storm Closes Harbour Bridge" in library


def test_wrong_language_keeps_the_form_and_stores_nothing(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    log_in(client, "tom")
    page = client.get("/news/add")
    response = client.post("/news/text", data={"text": GERMAN, "csrf_token": csrf_from(page.text)})
    assert response.status_code == 400
    assert "English" in response.text and "Hafenbrücke" in response.text  # the text is kept in the form
    assert "No stories yet" in client.get("/library").text


def test_upload_files_and_bad_files(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    ok = client.post(
        "/api/v1/ingest/file",
        headers=headers,
        files={"file": ("bridge.md", BRIDGE_A.encode(), "text/markdown")},
    )
    assert ok.status_code == 201 and ok.json()["created"]
    binary = client.post(
        "/api/v1/ingest/file",
        headers=headers,
        files={"file": ("notes.txt", b"\x00\x01\x02" * 500, "text/plain")},
    )
    assert binary.status_code == 400 and "not text" in binary.json()["error"]["message"]
    pdf = client.post(
        "/api/v1/ingest/file", headers=headers, files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")}
    )
    assert pdf.status_code == 400
    assert len(client.get("/api/v1/stories", headers=headers).json()) == 1


def test_batch_upload_runs_as_a_job_with_progress(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    log_in(client, "tom")
    page = client.get("/news/add")
    files = [
        ("files", (f"{n}.txt", text.encode(), "text/plain"))
        for n, text in enumerate([BRIDGE_A, BRIDGE_B, GARDEN, GERMAN])
    ]
    response = client.post(
        "/news/file", files=files, data={"csrf_token": csrf_from(page.text)}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/news/jobs/")
    run_id = int(response.headers["location"].rsplit("/", 1)[1])
    headers = {"X-CSRF-Token": csrf_from(page.text)}
    run = wait_job(client, run_id, headers)
    assert run["status"] == "done" and run["progress"] == run["total"] == 4
    assert "3 added" in str(run["message"]) and "1 refused" in str(run["message"])
    assert client.get(f"/news/jobs/{run_id}").status_code == 200


def test_learners_cannot_bring_news_in(client: TestClient) -> None:
    add_user(client, "lea")
    headers = bearer(client, "lea")
    assert client.post("/api/v1/ingest/text", headers=headers, json={"text": BRIDGE_A}).status_code == 403
    assert (
        client.post("/api/v1/ingest/urls", headers=headers, json={"urls": ["https://x.org"]}).status_code
        == 403
    )
    assert client.get("/api/v1/feeds", headers=headers).status_code == 403
    log_in(client, "lea")
    for path in ["/news/add", "/feeds"]:
        assert client.get(path).status_code == 403


def test_jobs_are_private_to_their_owner(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    add_user(client, "ann", role="teacher")
    tom = bearer(client, "tom")
    run = client.post("/api/v1/ingest/urls", headers=tom, json={"urls": ["http://127.0.0.1:9/x"]}).json()
    assert client.get(f"/api/v1/jobs/{run['id']}", headers=bearer(client, "ann")).status_code == 404
    finished = wait_job(client, run["id"], tom)
    assert finished["status"] == "failed" and "own network" in str(finished["message"])


def test_story_api(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    first = client.post(
        "/api/v1/ingest/text", headers=headers, json={"text": BRIDGE_A, "outlet": "Harbour Times"}
    ).json()
    client.post("/api/v1/ingest/text", headers=headers, json={"text": BRIDGE_B, "outlet": "City Radio"})
    story = client.get(f"/api/v1/stories/{first['story_id']}", headers=headers).json()
    assert {s["outlet"] for s in story["sources"]} == {"Harbour Times", "City Radio"}
    assert story["paragraphs"]
    assert client.get("/api/v1/stories/999", headers=headers).status_code == 404
    assert client.get("/api/v1/stories?q=" + "x" * 500, headers=headers).status_code == 422


def test_story_page_offers_levels_highlights_and_changes(client: TestClient) -> None:
    from tests.web.conftest import app_state
    from vocabsphere.services import versions

    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    created = client.post("/api/v1/ingest/text", headers=headers, json={"text": BRIDGE_A}).json()
    story_id = created["story_id"]
    state = app_state(client)
    versions.build_versions(state.database, state.settings, story_id, now=state.clock())
    listed = client.get(f"/api/v1/stories/{story_id}/versions", headers=headers).json()
    assert {"orig", "A2", "B1", "B2"} <= {v["level"] for v in listed}
    a2 = client.get(f"/api/v1/stories/{story_id}/versions/A2", headers=headers).json()
    assert a2["paragraphs"] and a2["version"]["measured_level"]
    assert client.get(f"/api/v1/stories/{story_id}/versions/Q7", headers=headers).status_code == 400

    add_user(client, "lea")  # a B1 learner by default
    log_in(client, "lea")
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    import re

    current = re.search(r'<a href="/stories/\d+\?level=(\w+)"\s+aria-current="true"', page.text)
    assert current and current.group(1) == "B1"
    assert "Sentences worth learning" in page.text and 'class="hl"' in page.text
    changes = client.get(f"/stories/{story_id}/changes?level=A2")
    assert changes.status_code == 200 and "What changed at A2" in changes.text
    assert "Storm" in changes.text


def test_a_20_mb_upload_gets_a_clear_413(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    big = b"The harbour bridge stayed closed. " * 620_000  # about 20 MB
    response = client.post(
        "/api/v1/ingest/file", headers=headers, files={"file": ("big.txt", big, "text/plain")}
    )
    assert response.status_code == 413
    assert "too large" in response.json()["error"]["message"]
    assert client.get("/api/v1/stories", headers=headers).json() == []


def test_seed_story_page_shows_the_critical_reading_note(client: TestClient) -> None:
    from tests.conftest import SHARED_DIR

    seeds = sorted((SHARED_DIR / "seeds").glob("*.txt"))
    if len(seeds) < 3:
        import pytest

        pytest.skip("seed texts not available")
    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    ids = {
        client.post(
            "/api/v1/ingest/file", headers=headers, files={"file": (p.name, p.read_bytes(), "text/plain")}
        ).json()["story_id"]
        for p in seeds[:3]
    }
    assert len(ids) == 1
    page = client.get(f"/stories/{ids.pop()}", headers=headers)
    log_in(client, "tom")
    page = client.get(page.url.path)
    assert "The sources disagree" in page.text and "sixth" in page.text and "fourth" in page.text
    assert "lakh" in page.text
    # Text files name no outlet: the notes tell the sources apart by their place, as the sources list does.
    assert "Unknown outlet and Unknown outlet" not in page.text
    assert "Source 1" in page.text and "Source 3" in page.text


def test_an_upload_takes_its_outlet_and_date_from_the_teacher(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    headers = bearer(client, "tom")
    upload = {"file": ("bridge.md", BRIDGE_A.encode(), "text/markdown")}
    future = client.post(
        "/api/v1/ingest/file", headers=headers, files=upload, data={"published": "2999-01-01"}
    )
    assert future.status_code == 400 and "future" in future.json()["error"]["message"]
    garbled = client.post(
        "/api/v1/ingest/file", headers=headers, files=upload, data={"published": "02/11/26"}
    )
    assert garbled.status_code == 400 and "year-month-day" in garbled.json()["error"]["message"]
    assert client.get("/api/v1/stories", headers=headers).json() == []
    ok = client.post(
        "/api/v1/ingest/file",
        headers=headers,
        files=upload,
        data={"outlet": "  Harbour   Gazette ", "published": "2026-11-02"},
    )
    assert ok.status_code == 201
    story = client.get(f"/api/v1/stories/{ok.json()['story_id']}", headers=headers).json()
    assert story["sources"][0]["outlet"] == "Harbour Gazette"
    assert story["sources"][0]["published_at"].startswith("2026-11-02")


def test_the_upload_form_offers_outlet_and_date(client: TestClient) -> None:
    add_user(client, "tom", role="teacher")
    log_in(client, "tom")
    page = client.get("/news/add")
    assert 'name="outlet"' in page.text and 'type="date" name="published"' in page.text
    response = client.post(
        "/news/file",
        files=[("files", ("garden.txt", GARDEN.encode(), "text/plain"))],
        data={"csrf_token": csrf_from(page.text), "outlet": "Town Crier", "published": "2026-10-30"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    story = client.get(response.headers["location"].split("?")[0]).text
    assert "Town Crier" in story and "Unknown outlet" not in story
