"""The placement test through the pages and the API: each step, stale and foreign answers, the
decision; the learner's level changes only when they accept."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import add_user, bearer, csrf_from, log_in
from vocabsphere.core.placement.items import load_bank


def _known(words: list[str]) -> list[str]:
    bank = load_bank().by_word()
    return [w for w in words if w in bank and bank[w].difficulty <= 3.5]


def test_placement_pages_from_start_to_accepted_result(client: TestClient) -> None:
    add_user(client, "ana")
    log_in(client, "ana")
    intro = client.get("/placement")
    assert intro.status_code == 200 and "Start the test" in intro.text
    token = csrf_from(intro.text)
    assert client.post("/placement", data={}).status_code == 403  # no form token
    started = client.post("/placement", data={"csrf_token": token}, follow_redirects=False)
    path = started.headers["location"]
    page = client.get(path).text
    while 'name="known"' in page:
        step = re.search(r'name="step" value="(\d+)"', page)
        assert step
        words = re.findall(r'name="known" value="([^"]+)"', page)
        data = {"csrf_token": token, "step": step.group(1), "known": _known(words)}
        client.post(f"{path}/words", data=data)
        # The same answers again (a double submit) change nothing: the page shows the next step.
        assert client.post(f"{path}/words", data=data).status_code == 200
        page = client.get(path).text
    if 'action="' + path + '/meanings"' in page:
        count = len(set(re.findall(r'name="(c\d)"', page)))
        client.post(f"{path}/meanings", data={"csrf_token": token} | {f"c{i}": "0" for i in range(count)})
        page = client.get(path).text
    assert "Night trains come back" in page
    assert client.post(f"{path}/reading", data={"csrf_token": token, "c0": "1"}).status_code == 400
    done = client.post(f"{path}/reading", data={"csrf_token": token, "c0": "1", "c1": "2", "c2": "0"})
    assert "Your level: B" in done.text and "How we got there" in done.text and "made-up words" in done.text
    level = re.search(r"Your level: (\w\d)", done.text)
    assert level
    client.post(f"{path}/decision", data={"csrf_token": token, "accept": "true"})
    assert client.get("/api/v1/me").json()["cefr_level"] == level.group(1)
    assert f"Your level is now {level.group(1)}." in client.get(path).text


def test_placement_api_steps_and_access(client: TestClient) -> None:
    add_user(client, "ana")
    add_user(client, "bob")
    ana, bob = bearer(client, "ana"), bearer(client, "bob")
    assert client.get("/api/v1/placement/latest", headers=ana).status_code == 404
    test = client.post("/api/v1/placement", headers=ana).json()
    assert test["stage"] == "words" and len(test["words"]) == 25
    url = f"/api/v1/placement/{test['id']}"
    assert client.get(url, headers=bob).status_code == 404
    assert client.post(f"{url}/answers", headers=bob, json={"stage": "words", "known": []}).status_code == 404
    bad = client.post(f"{url}/answers", headers=ana, json={"stage": "words", "known": ["nope"]})
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "known"
    assert client.post(f"{url}/answers", headers=ana, json={"stage": "words", "step": 7}).status_code == 409
    while test["stage"] == "words":
        body = {"stage": "words", "step": test["step"], "known": _known(test["words"])}
        test = client.post(f"{url}/answers", headers=ana, json=body).json()
    if test["stage"] == "meanings":
        body = {"stage": "meanings", "choices": [0] * len(test["meanings"])}
        test = client.post(f"{url}/answers", headers=ana, json=body).json()
    test = client.post(f"{url}/answers", headers=ana, json={"stage": "reading", "choices": [1, 2, 0]}).json()
    assert test["stage"] == "done" and test["result"]["estimate"]["vocabulary_size"] > 0
    assert client.post(f"{url}/decision", headers=ana, json={"accept": False}).json()["decision"] == "kept"
    assert client.post(f"{url}/decision", headers=ana, json={"accept": True}).status_code == 409
    assert client.get("/api/v1/me", headers=ana).json()["cefr_level"] == "B1"  # kept: unchanged
    assert client.get("/api/v1/placement/latest", headers=ana).json()["id"] == test["id"]
