"""Look-up through the API and the CLI, with the real lexicon; bad input gets a clear 4xx."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import add_user, bearer
from vocabsphere.cli import main
from vocabsphere.config import Settings
from vocabsphere.web import create_app


@pytest.fixture(scope="module")
def lexicon_file() -> Path:
    path = os.environ.get("VOCABSPHERE_LEXICON")
    if not path or not Path(path).exists():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon (the README's test command does)")
    return Path(path)


@pytest.fixture
def lexicon_client(make_settings: Callable[..., Settings], lexicon_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(lexicon_path=lexicon_file))) as client:
        yield client


def test_lookup_in_context_in_the_learners_language(lexicon_client: TestClient) -> None:
    user = add_user(lexicon_client, "lea")
    headers = bearer(lexicon_client, "lea")
    lexicon_client.patch("/api/v1/me", headers=headers, json={"native_language": "de"})
    response = lexicon_client.get(
        "/api/v1/lookup",
        headers=headers,
        params={"word": "banks", "sentence": "The river burst its banks after the storm."},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["lemma"] == "bank" and body["pos"] == "NOUN"
    assert body["translations"], "German translations expected"
    assert "slope" in body["senses"][0]["definition"] or "land" in body["senses"][0]["definition"]
    money = lexicon_client.get(
        "/api/v1/lookup",
        headers=headers,
        params={"word": "bank", "sentence": "She borrowed money from the bank to buy a house.", "lang": "es"},
    ).json()
    assert "financial" in money["senses"][0]["definition"]
    assert user.native_language == "es"  # the stored default was changed through the API above


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"word": ""}, 400),
        ({"word": "x" * 10_000}, 400),
        ({"word": "x" * 10_001}, 422),
        ({"word": "<script>alert(1)</script>"}, 200),
        ({"word": "'; DROP TABLE senses; --"}, 200),
        ({"word": "house", "lang": "xx"}, 400),
        ({"word": "house", "lang": "es'; --"}, 400),
    ],
)
def test_bad_lookups_are_clear_4xx(lexicon_client: TestClient, params: dict[str, str], status: int) -> None:
    add_user(lexicon_client, "lea")
    response = lexicon_client.get("/api/v1/lookup", headers=bearer(lexicon_client, "lea"), params=params)
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["found"] is False
    else:
        assert set(response.json()) == {"error"}


def test_unsupported_language_falls_back_to_english(lexicon_client: TestClient) -> None:
    add_user(lexicon_client, "lea")
    body = lexicon_client.get(
        "/api/v1/lookup", headers=bearer(lexicon_client, "lea"), params={"word": "house", "lang": "ko"}
    ).json()
    assert body["supported"] is False and body["translations"] == []
    assert "Korean" in body["translation_note"] and body["senses"]


def test_languages_come_from_the_lexicon(lexicon_client: TestClient) -> None:
    add_user(lexicon_client, "lea")
    codes = {
        lang["code"]
        for lang in lexicon_client.get("/api/v1/languages", headers=bearer(lexicon_client, "lea")).json()
    }
    assert {"de", "es", "ja"} <= codes


def test_lookup_needs_a_login_and_a_built_lexicon(client: TestClient) -> None:
    assert client.get("/api/v1/lookup", params={"word": "house"}).status_code == 401
    add_user(client, "lea")
    response = client.get("/api/v1/lookup", headers=bearer(client, "lea"), params={"word": "house"})
    assert response.status_code == 503
    assert "lexicon build" in response.json()["error"]["message"]


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
def test_pronunciation_audio(lexicon_client: TestClient) -> None:
    add_user(lexicon_client, "lea")
    response = lexicon_client.get(
        "/api/v1/pronounce",
        headers=bearer(lexicon_client, "lea"),
        params={"word": "-v --help", "accent": "uk"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/wav" and response.content[:4] == b"RIFF"


def test_cli_lookup_json(lexicon_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "lookup",
                "--lexicon",
                str(lexicon_file),
                "--json",
                "--lang",
                "es",
                "--context",
                "They decided to take part in the race.",
                "decided",
                "part",
            ]
        )
        == 0
    )
    items = json.loads(capsys.readouterr().out)
    assert [i["word"] for i in items] == ["decided", "part"]
    for key in ("word", "lemma", "pos", "cefr", "ipa", "senses", "synonyms", "translations", "forms"):
        assert key in items[0]
    assert items[0]["lemma"] == "decide" and items[0]["translations"]
    assert items[1]["expression"]["text"] == "take part"


@pytest.mark.parametrize("kind", ["libretranslate", "openai"])
def test_translation_backend_fills_only_the_gaps(
    make_settings: Callable[..., Settings], lexicon_file: Path, kind: str
) -> None:
    from tests.fixtures.site import Page, serve_site

    def libretranslate(body: bytes) -> Page:
        request = json.loads(body)
        assert request["source"] == "en" and request["target"] == "ko"
        return Page(json.dumps({"translatedText": "집"}).encode(), "application/json")

    def chat(body: bytes) -> Page:
        request = json.loads(body)
        assert request["model"] == "tiny" and "'ko'" in request["messages"][-1]["content"]
        answer = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "집"}}]}
        return Page(json.dumps(answer).encode(), "application/json")

    with serve_site() as site:
        site.post_handlers["/translate"] = libretranslate
        site.post_handlers["/v1/chat/completions"] = chat
        url = site.base if kind == "libretranslate" else site.base + "/v1"
        settings = make_settings(
            lexicon_path=lexicon_file, translate_backend=kind, translate_url=url, translate_model="tiny"
        )
        with TestClient(create_app(settings)) as client:
            add_user(client, "lea")
            headers = bearer(client, "lea")
            korean = client.get(
                "/api/v1/lookup", headers=headers, params={"word": "house", "lang": "ko"}
            ).json()
            assert korean["translations"] == ["집"] and "Machine translation" in korean["translation_note"]
            calls = len(site.posted)
            spanish = client.get(
                "/api/v1/lookup", headers=headers, params={"word": "house", "lang": "es"}
            ).json()
            assert "casa" in spanish["translations"] and len(site.posted) == calls  # offline answer: no call


def test_a_failing_backend_leaves_the_offline_answer(
    make_settings: Callable[..., Settings], lexicon_file: Path
) -> None:
    settings = make_settings(
        lexicon_path=lexicon_file, translate_backend="libretranslate", translate_url="http://127.0.0.1:9"
    )
    with TestClient(create_app(settings)) as client:
        add_user(client, "lea")
        body = client.get(
            "/api/v1/lookup", headers=bearer(client, "lea"), params={"word": "house", "lang": "ko"}
        )
        assert body.status_code == 200 and body.json()["translations"] == []


def test_a_tap_in_the_reader_is_looked_up_by_position_without_parsing(
    lexicon_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fixtures.articles import BRIDGE_A
    from tests.web.conftest import app_state
    from vocabsphere.core.lexicon import context
    from vocabsphere.services import dictionary, versions

    add_user(lexicon_client, "teach", role="teacher")
    add_user(lexicon_client, "lea")
    teacher, lea = bearer(lexicon_client, "teach"), bearer(lexicon_client, "lea")
    story = lexicon_client.post("/api/v1/ingest/text", headers=teacher, json={"text": BRIDGE_A}).json()
    state = app_state(lexicon_client)
    versions.build_versions(state.database, state.settings, story["story_id"], now=state.clock())
    reader = lexicon_client.get(f"/api/v1/stories/{story['story_id']}/versions/B1/reader", headers=lea).json()
    sentences = [s for p in reader["paragraphs"] for s in p]
    s, t = next(
        (i, j) for i, sent in enumerate(sentences) for j, tok in enumerate(sent) if tok.get("pos") == "NOUN"
    )
    word, text = (
        sentences[s][t]["text"],
        "".join(x["text"] + (" " if x["space"] else "") for x in sentences[s]),
    )
    by_text = lexicon_client.get(
        "/api/v1/lookup", headers=lea, params={"word": word, "sentence": text, "lang": "de"}
    ).json()

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a tap in the reader must not parse")

    monkeypatch.setattr(context, "_parse", no_parse)
    monkeypatch.setattr(dictionary, "parsed_sentence", no_parse)
    params = {"word": word, "lang": "de", "story": story["story_id"], "level": "B1", "s": s, "t": t}
    response = lexicon_client.get("/api/v1/lookup", headers=lea, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["lemma"] == by_text["lemma"] and body["senses"] == by_text["senses"]
    assert body["sense_confident"] == by_text["sense_confident"] and body["translations"]
    for bad in ({"s": 10_000}, {"t": 10_000}, {"level": None}):
        wrong = {k: v for k, v in {**params, **bad}.items() if v is not None}
        assert lexicon_client.get("/api/v1/lookup", headers=lea, params=wrong).status_code == 400


def test_lookup_gives_the_simpler_words_of_the_adaptation(lexicon_client: TestClient) -> None:
    add_user(lexicon_client, "sam")
    body = lexicon_client.get(
        "/api/v1/lookup",
        headers=bearer(lexicon_client, "sam"),
        params={"word": "instructors", "sentence": "The instructors work at a school in the city."},
    ).json()
    assert [s["form"] for s in body["simpler"]] == ["teachers"]
    assert body["simpler"][0]["lemma"] == "teacher" and body["simpler"][0]["level"]
