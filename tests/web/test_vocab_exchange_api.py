"""Vocabulary files over the API and the pages: each learner downloads only their own words."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from tests.web.conftest import add_user, bearer, csrf_from, log_in

WORDS_CSV = (
    b"lemma,pos,word,sentence,translation\n"
    b"closure,NOUN,closure,The closure lasted three days.,cierre\n"
    b"harbour,NOUN,harbours,Both harbours were shut.,=HYPERLINK(1)\n"
)


def csv_rows(body: bytes) -> list[dict[str, str]]:
    assert body.startswith(b"\xef\xbb\xbf")  # so spreadsheets read UTF-8
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def note_words(body: bytes, tmp_path: Path) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(body)) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    with contextlib.closing(sqlite3.connect(tmp_path / "collection.anki2")) as collection:
        return {sfld for (sfld,) in collection.execute("SELECT sfld FROM notes")}


def test_import_and_export_with_a_token(client: TestClient, tmp_path: Path) -> None:
    add_user(client, "kim")
    kim = bearer(client, "kim")
    imported = client.post(
        "/api/v1/vocabulary/import", headers=kim, files={"file": ("words.csv", WORDS_CSV, "text/csv")}
    )
    assert imported.status_code == 200, imported.text
    assert imported.json() == {"added": 2, "skipped_duplicates": 0, "failed": 0, "errors": []}
    again = client.post(
        "/api/v1/vocabulary/import", headers=kim, files={"file": ("words.csv", WORDS_CSV, "text/csv")}
    ).json()
    assert (again["added"], again["skipped_duplicates"]) == (0, 2)

    exported = client.get("/api/v1/vocabulary/export.csv", headers=kim)
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    assert exported.headers["content-disposition"].startswith('attachment; filename="vocabsphere-vocabulary-')
    assert exported.headers["cache-control"] == "no-store"
    rows = {r["lemma"]: r for r in csv_rows(exported.content)}
    assert set(rows) == {"closure", "harbour"} and rows["harbour"]["translation"] == "'=HYPERLINK(1)"

    anki = client.get("/api/v1/vocabulary/export.apkg?deck=Kim", headers=kim)
    assert anki.status_code == 200 and anki.headers["content-type"] == "application/apkg"
    assert anki.headers["content-disposition"].endswith('.apkg"')
    assert note_words(anki.content, tmp_path) == {"closure", "harbours"}


def test_exports_hold_only_the_callers_words(client: TestClient, tmp_path: Path) -> None:
    add_user(client, "kim")
    add_user(client, "lee")
    kim, lee = bearer(client, "kim"), bearer(client, "lee")
    client.post(
        "/api/v1/words", headers=kim, json={"lemma": "closure", "pos": "NOUN", "translation": "cierre"}
    )
    client.post("/api/v1/words", headers=lee, json={"lemma": "tide", "pos": "NOUN", "translation": "marea"})
    assert [
        r["lemma"] for r in csv_rows(client.get("/api/v1/vocabulary/export.csv", headers=kim).content)
    ] == ["closure"]
    assert [
        r["lemma"] for r in csv_rows(client.get("/api/v1/vocabulary/export.csv", headers=lee).content)
    ] == ["tide"]
    assert note_words(client.get("/api/v1/vocabulary/export.apkg", headers=lee).content, tmp_path) == {"tide"}


def test_bad_files_and_missing_log_in(client: TestClient) -> None:
    add_user(client, "kim")
    kim = bearer(client, "kim")
    binary = client.post(
        "/api/v1/vocabulary/import", headers=kim, files={"file": ("words.xlsx", b"PK\x03\x04\x00\x00", "x")}
    )
    assert binary.status_code == 400 and binary.json()["error"]["code"] == "invalid_input"
    assert "not a CSV file" in binary.json()["error"]["message"]
    assert client.post("/api/v1/vocabulary/import", headers=kim).status_code == 422  # no file at all
    for method, path in [
        ("GET", "/api/v1/vocabulary/export.csv"),
        ("GET", "/api/v1/vocabulary/export.apkg"),
        ("POST", "/api/v1/vocabulary/import"),
    ]:
        response = client.request(method, path)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "not_authenticated"


def test_cookie_calls_to_the_import_api_need_the_csrf_header(client: TestClient) -> None:
    add_user(client, "kim")
    log_in(client, "kim")
    files = {"file": ("words.csv", WORDS_CSV, "text/csv")}
    assert client.post("/api/v1/vocabulary/import", files=files).status_code == 403
    token = csrf_from(client.get("/vocabulary").text)
    accepted = client.post("/api/v1/vocabulary/import", files=files, headers={"X-CSRF-Token": token})
    assert accepted.status_code == 200 and accepted.json()["added"] == 2


def test_page_import_form_redirects_with_the_outcome(client: TestClient) -> None:
    add_user(client, "kim")
    log_in(client, "kim")
    token = csrf_from(client.get("/vocabulary").text)
    files = {"file": ("words.csv", WORDS_CSV, "text/csv")}
    posted = client.post(
        "/vocabulary/import", files=files, data={"csrf_token": token}, follow_redirects=False
    )
    assert posted.status_code == 303 and posted.headers["location"] == "/vocabulary?imported=2&skipped=0"
    again = client.post("/vocabulary/import", files=files, data={"csrf_token": token}, follow_redirects=False)
    assert again.headers["location"] == "/vocabulary?imported=0&skipped=2"

    bad = client.post(
        "/vocabulary/import",
        files={"file": ("words.csv", b"name,meaning\nx,y\n", "text/csv")},
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert bad.status_code == 303
    target = urlsplit(bad.headers["location"])
    assert (
        target.path == "/vocabulary"
        and "“lemma” or “word” column" in parse_qs(target.query)["import_error"][0]
    )
    assert " " not in bad.headers["location"]  # the message is URL-encoded

    no_file = client.post(
        "/vocabulary/import",
        files={"file": ("", b"", "application/octet-stream")},  # the form sent without choosing a file
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert "import_error=" in no_file.headers["location"]

    forged = client.post("/vocabulary/import", files=files, data={"csrf_token": "forged"})
    assert forged.status_code == 403

    download = client.get("/vocabulary/export.csv")
    assert download.status_code == 200 and {r["lemma"] for r in csv_rows(download.content)} == {
        "closure",
        "harbour",
    }
    assert client.get("/vocabulary/export.apkg").headers["content-type"] == "application/apkg"


def test_anonymous_page_downloads_go_to_log_in(client: TestClient) -> None:
    for path in ["/vocabulary/export.csv", "/vocabulary/export.apkg"]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login"), path
