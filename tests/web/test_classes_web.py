"""The teacher's side over the pages and the JSON API: the whole loop, bad input, and who may see what
(a matrix over pages and API: owner, other teacher, learner in the class, learner outside it, admin)."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.fixtures.articles import BRIDGE_A
from tests.web.conftest import add_user, app_state, bearer, csrf_from, log_in
from vocabsphere.services import stories, versions
from vocabsphere.web import create_app


def _story(client: TestClient, teacher: dict[str, str]) -> int:
    story_id: int = client.post("/api/v1/ingest/text", headers=teacher, json={"text": BRIDGE_A}).json()[
        "story_id"
    ]
    state = app_state(client)
    versions.build_versions(state.database, state.settings, story_id, now=state.clock())
    return story_id


def _post(client: TestClient, path: str, page: str, data: dict[str, object]) -> httpx.Response:
    token = csrf_from(client.get(page).text)
    return client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def _cells(html: str) -> list[list[str]]:
    table = html.split('<table class="dashboard">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip().replace("&amp;", "&")
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, flags=re.S)
        ]
        for r in rows
    ]


def test_teacher_and_learner_loop_over_pages(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    add_user(client, "ana")
    story_id = _story(client, bearer(client, "teach"))

    log_in(client, "teach")
    created = _post(client, "/classes", "/classes", {"name": "6A", "cefr_level": "B1"})
    class_url = created.headers["location"]
    class_id = int(class_url.rsplit("/", 1)[1])
    code = re.search(r"data-join-code>([A-Z0-9-]+)<", client.get(class_url).text).group(1)
    quiz_url = _post(client, "/quizzes", class_url, {"story_id": story_id, "action": "empty"}).headers[
        "location"
    ]
    quiz_id = int(quiz_url.rsplit("/", 1)[1])
    bad = _post(
        client,
        f"/quizzes/{quiz_id}/questions",
        quiz_url,
        {"kind": "fact", "stem": "Why?", "option": ["A", "B"]},
    )
    assert bad.status_code == 400 and 'value="Why?"' in bad.text
    for data in (
        {
            "kind": "fact",
            "stem": "Why did the bridge close?",
            "option": ["A fire", "High winds", "", ""],
            "correct": 1,
        },
        {"kind": "true_false", "stem": "Ferries will run less often.", "correct": 1},
        {"kind": "discussion", "stem": "Would you work from home?"},
    ):
        assert _post(client, f"/quizzes/{quiz_id}/questions", quiz_url, data).status_code == 303
    quiz = client.get(f"/api/v1/quizzes/{quiz_id}").json()
    first = quiz["questions"][0]["id"]
    edit = {
        "kind": "fact",
        "stem": "Why was the bridge closed?",
        "option": ["A fire", "Strong winds", "A strike"],
        "correct": 1,
    }
    assert _post(client, f"/quizzes/{quiz_id}/questions/{first}", quiz_url, edit).status_code == 303
    assert "Why was the bridge closed?" in client.get(quiz_url).text
    due = (app_state(client).clock() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assigned = _post(
        client,
        f"/quizzes/{quiz_id}/assign",
        quiz_url,
        {"class_id": class_id, "level_rule": "learner", "due_at": due},
    )
    assert assigned.headers["location"] == class_url
    client.cookies.clear()

    log_in(client, "ana")
    wrong = _post(client, "/classes/join", "/library", {"code": "ABCD-EFGH"})
    assert wrong.status_code == 404 and "No class has this code" in wrong.text
    for _ in range(2):  # joining twice is applied once
        assert _post(client, "/classes/join", "/library", {"code": code}).status_code == 303
    library = client.get("/library").text
    assert "Your assignments" in library and library.index("Your assignments") < library.index("story-list")
    assert "6A" in client.get("/my/assignments").text
    assignment_id = int(re.search(r'href="/my/assignments/(\d+)"', library).group(1))
    page = client.get(f"/my/assignments/{assignment_id}").text
    ids = list(dict.fromkeys(int(x) for x in re.findall(r'name="q(\d+)"', page)))  # radios repeat it
    assert "High winds" not in page and "Strong winds" in page and "✓" not in page  # no key shown
    answers = {f"q{ids[0]}": "Strong winds", f"q{ids[1]}": "True", f"q{ids[2]}": "Yes, I would."}
    for _ in range(2):  # a double submit is applied once
        assert (
            _post(
                client, f"/my/assignments/{assignment_id}", f"/my/assignments/{assignment_id}", answers
            ).status_code
            == 303
        )
    feedback = client.get(f"/my/assignments/{assignment_id}").text
    assert "1 of 2 right" in feedback and "The answer is <strong>False</strong>" in feedback
    client.cookies.clear()

    log_in(client, "teach")
    html = client.get(class_url).text
    table = _cells(html)
    download = client.get(f"/classes/{class_id}/dashboard.csv")
    assert download.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(download.text))) == table  # the CSV is the screen
    assert table[1][:3] == ["ana", "ana", "submitted · 1/2"]
    api = client.get(f"/api/v1/classes/{class_id}/dashboard").json()
    assert api["rows"] == table
    report = client.get(f"/assignments/{assignment_id}").text
    assert "Yes, I would." in report  # the discussion answer reaches the teacher


def test_roster_and_bad_input_over_the_api(client: TestClient) -> None:
    add_user(client, "teach", role="teacher")
    add_user(client, "ana")
    teacher, ana = bearer(client, "teach"), bearer(client, "ana")
    room = client.post("/api/v1/classes", headers=teacher, json={"name": "6A", "cefr_level": "A2"}).json()
    url = f"/api/v1/classes/{room['id']}"
    bad = client.post(f"{url}/roster", headers=teacher, json={"csv": "name,level\nJo Li,Q7\n,\nMax Mu,B1\n"})
    assert bad.status_code == 400 and "line 2" in bad.json()["error"]["message"]
    assert client.get(url, headers=teacher).json()["member_count"] == 0  # nothing half-imported
    preview = client.post(
        f"{url}/roster/preview", headers=teacher, json={"csv": "name,level\nJo Li,Q7\n"}
    ).json()
    assert preview["errors"] == [{"line": 2, "message": "Level must be one of A1, A2, B1, B2, C1, C2."}]
    roster = {"csv": "name,username\nJo Li,\nAna,ana\n"}
    cards = client.post(f"{url}/roster", headers=teacher, json=roster)
    assert cards.status_code == 201 and [c["password"] is None for c in cards.json()] == [False, True]
    again = client.post(f"{url}/roster", headers=teacher, json=roster).json()
    assert all(c["password"] is None for c in again)
    assert client.get(url, headers=teacher).json()["member_count"] == 2
    assert (
        client.post("/api/v1/classes/join", headers=ana, json={"code": room["join_code"]}).json()["joined"]
        is False
    )
    assert client.post("/api/v1/classes/join", headers=ana, json={"code": "nope"}).status_code == 404
    rotated = client.post(f"{url}/join-code", headers=teacher).json()
    assert rotated["join_code"] != room["join_code"]
    assert (
        client.post("/api/v1/classes/join", headers=ana, json={"code": room["join_code"]}).status_code == 404
    )
    assert (
        client.post("/api/v1/classes", headers=ana, json={"name": "x", "cefr_level": "A2"}).status_code == 403
    )
    story_id = _story(client, teacher)
    no_due = client.post(f"{url}/assignments", headers=teacher, json={"story_id": story_id})
    assert no_due.status_code == 422
    past = client.post(
        f"{url}/assignments",
        headers=teacher,
        json={"story_id": story_id, "opens_at": "2026-01-02T10:00", "due_at": "2026-01-01T10:00"},
    )
    assert past.status_code == 400 and past.json()["error"]["field"] == "due_at"
    far = client.post(
        f"{url}/assignments", headers=teacher, json={"story_id": story_id, "due_at": "9999-12-31T23:59"}
    )
    assert far.status_code == 400
    made = client.post(
        f"{url}/assignments",
        headers=teacher,
        json={"story_id": story_id, "due_at": "2099-01-01T10:00:00+01:00"},
    )
    assert made.status_code == 201 and made.json()["due_at"].startswith("2099-01-01T09:00")
    mine = client.get("/api/v1/me/assignments", headers=ana).json()
    assert [a["id"] for a in mine] == [made.json()["id"]] and mine[0]["questions"] == []
    reading_only = client.post(
        f"/api/v1/me/assignments/{mine[0]['id']}/submission", headers=ana, json={"answers": []}
    )
    assert reading_only.status_code == 400
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/classes/{class_id}/dashboard",
        "/api/v1/me/assignments",
        "/api/v1/quizzes/{quiz_id}/order",
    } <= set(paths)


@pytest.fixture
def world(client: TestClient) -> dict[str, object]:
    """Two teachers, a class with a quiz and an assignment, a learner inside and one outside, an admin."""
    for name, role in (
        ("owner", "teacher"),
        ("rival", "teacher"),
        ("inside", "learner"),
        ("outside", "learner"),
        ("boss", "admin"),
    ):
        add_user(client, name, role=role)
    owner, inside = bearer(client, "owner"), bearer(client, "inside")
    story_id = _story(client, owner)
    room = client.post("/api/v1/classes", headers=owner, json={"name": "6A", "cefr_level": "B1"}).json()
    client.post("/api/v1/classes/join", headers=inside, json={"code": room["join_code"]})
    quiz = client.post("/api/v1/quizzes", headers=owner, json={"story_id": story_id}).json()
    question = {"kind": "fact", "stem": "Why?", "options": ["Wind", "Fire"], "answer": "Wind"}
    quiz = client.post(f"/api/v1/quizzes/{quiz['id']}/questions", headers=owner, json=question).json()
    work = client.post(
        f"/api/v1/classes/{room['id']}/assignments",
        headers=owner,
        json={"story_id": story_id, "quiz_id": quiz["id"], "due_at": "2099-01-01T10:00"},
    ).json()
    return {
        "class": room["id"],
        "quiz": quiz["id"],
        "question": quiz["questions"][0]["id"],
        "assignment": work["id"],
        "story": story_id,
        "inside_id": client.get("/api/v1/me", headers=inside).json()["id"],
    }


# Who sees a teacher's objects: the owner and admins (200); another teacher gets 404 (it does not exist
# for them); learners are refused teacher-only routes (403) and see only their own assignment.
MATRIX = {"owner": 200, "boss": 200, "rival": 404, "inside": 403, "outside": 403}


def _teacher_requests(w: dict[str, object]) -> list[tuple[str, str, dict[str, object] | None]]:
    c, q, a, qq, u = w["class"], w["quiz"], w["assignment"], w["question"], w["inside_id"]
    return [
        ("GET", f"/api/v1/classes/{c}", None),
        ("PATCH", f"/api/v1/classes/{c}", {"name": "Renamed"}),
        ("GET", f"/api/v1/classes/{c}/dashboard", None),
        ("GET", f"/api/v1/classes/{c}/dashboard.csv", None),
        ("GET", f"/api/v1/classes/{c}/assignments", None),
        ("PUT", f"/api/v1/classes/{c}/members/{u}/level", {"level": "A2"}),
        ("POST", f"/api/v1/classes/{c}/roster/preview", {"csv": "name\nZed Zed\n"}),
        ("GET", f"/api/v1/quizzes/{q}", None),
        (
            "PUT",
            f"/api/v1/quizzes/{q}/questions/{qq}",
            {"kind": "fact", "stem": "Why?", "options": ["Wind", "Rain"], "answer": "Wind"},
        ),
        ("PUT", f"/api/v1/quizzes/{q}/order", {"question_ids": [qq]}),
        ("GET", f"/api/v1/assignments/{a}", None),
        ("GET", f"/api/v1/assignments/{a}/report", None),
        ("PUT", f"/api/v1/assignments/{a}/learners/{u}", {"excused": False}),
    ]


def test_authorization_matrix_api(client: TestClient, world: dict[str, object]) -> None:
    tokens = {name: bearer(client, name) for name in MATRIX}
    for method, path, body in _teacher_requests(world):
        for name, expected in MATRIX.items():
            response = client.request(method, path, headers=tokens[name], json=body)
            assert response.status_code == expected, (name, method, path, response.text[:200])
    learner_path = f"/api/v1/me/assignments/{world['assignment']}"
    expected_learner = {"inside": 200, "outside": 404, "rival": 404, "owner": 404, "boss": 404}
    for name, expected in expected_learner.items():
        assert client.get(learner_path, headers=tokens[name]).status_code == expected, name
    assert [c["id"] for c in client.get("/api/v1/classes", headers=tokens["rival"]).json()] == []
    assert [c["id"] for c in client.get("/api/v1/classes", headers=tokens["boss"]).json()] == [world["class"]]
    assert client.get("/api/v1/quizzes", headers=tokens["rival"]).json() == []
    # The learner's own submission: theirs only, and once.
    submit = f"{learner_path}/submission"
    answer = {"answers": [{"question_id": world["question"], "answer": "Wind"}]}
    assert client.post(submit, headers=tokens["outside"], json=answer).status_code == 404
    assert client.post(submit, headers=tokens["inside"], json=answer).status_code == 201
    repeat = client.post(submit, headers=tokens["inside"], json={"answers": []})
    assert repeat.status_code == 200 and repeat.json()["duplicate"] and repeat.json()["score"] == 1


def test_authorization_matrix_pages(client: TestClient, world: dict[str, object]) -> None:
    c, q, a = world["class"], world["quiz"], world["assignment"]
    pages = [
        f"/classes/{c}",
        f"/classes/{c}/roster",
        f"/classes/{c}/dashboard.csv",
        f"/quizzes/{q}",
        f"/assignments/{a}",
    ]
    for name, expected in MATRIX.items():
        client.cookies.clear()
        log_in(client, name)
        for path in pages:
            assert client.get(path).status_code == expected, (name, path)
        learner_page = client.get(f"/my/assignments/{a}").status_code
        assert learner_page == (200 if name == "inside" else 404), name
    # A form post to another teacher's class is refused too, and changes nothing.
    client.cookies.clear()
    log_in(client, "rival")
    response = _post(client, f"/classes/{c}/archive", "/classes", {})
    assert response.status_code == 404


def test_story_deleted_under_an_assignment(client: TestClient, world: dict[str, object]) -> None:
    state = app_state(client)
    stories.change_visibility(
        state.database, story_id=int(world["story"]), action="delete", now=state.clock()
    )
    inside, owner = bearer(client, "inside"), bearer(client, "owner")
    mine = client.get(f"/api/v1/me/assignments/{world['assignment']}", headers=inside).json()
    assert mine["story_available"] is False
    answer = {"answers": [{"question_id": world["question"], "answer": "Wind"}]}
    refused = client.post(
        f"/api/v1/me/assignments/{world['assignment']}/submission", headers=inside, json=answer
    )
    assert refused.status_code == 409 and "removed" in refused.json()["error"]["message"]
    board = client.get(f"/api/v1/classes/{world['class']}/dashboard", headers=owner).json()
    assert "(story removed)" in board["rows"][0][2]
    log_in(client, "inside")
    assert "This story is no longer available" in client.get(f"/my/assignments/{world['assignment']}").text


def test_lookups_in_the_reader_feed_the_pre_teaching_list(make_settings: Any) -> None:
    lexicon = os.environ.get("VOCABSPHERE_LEXICON")
    if not lexicon or not Path(lexicon).exists():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon (the README's test command does)")
    with TestClient(create_app(make_settings(lexicon_path=Path(lexicon)))) as client:
        for name, role in (("teach", "teacher"), ("ana", "learner"), ("bob", "learner")):
            add_user(client, name, role=role)
        teacher = bearer(client, "teach")
        story_id = _story(client, teacher)
        room = client.post("/api/v1/classes", headers=teacher, json={"name": "6A", "cefr_level": "B1"}).json()
        work = client.post(
            f"/api/v1/classes/{room['id']}/assignments",
            headers=teacher,
            json={
                "story_id": story_id,
                "level_rule": "fixed",
                "fixed_level": "B1",
                "due_at": "2099-01-01T10:00",
            },
        ).json()
        for name in ("ana", "bob"):
            learner = bearer(client, name)
            client.post("/api/v1/classes/join", headers=learner, json={"code": room["join_code"]})
            reader = client.get(f"/api/v1/stories/{story_id}/versions/B1/reader", headers=learner).json()
            sentences = [s for p in reader["paragraphs"] for s in p]
            taps = [
                (i, j)
                for i, sentence in enumerate(sentences)
                for j, token in enumerate(sentence)
                if token.get("pos") == "NOUN" and token.get("status") != "name"
            ]
            chosen = taps[:1] if name == "bob" else taps[:2] + taps[:1]  # Ana taps one word twice
            for s, t in chosen:
                params = {"word": sentences[s][t]["text"], "story": story_id, "level": "B1", "s": s, "t": t}
                assert client.get("/api/v1/lookup", headers=learner, params=params).status_code == 200
        report = client.get(f"/api/v1/assignments/{work['id']}/report", headers=teacher).json()
        first = sentences[taps[0][0]][taps[0][1]]["lemma"]
        second = sentences[taps[1][0]][taps[1][1]]["lemma"]
        assert report["top_lookups"][0] == {"lemma": first, "learners": 2}
        assert {"lemma": second, "learners": 1} in report["top_lookups"]
