"""The optional LLM rewriter, against a local server speaking the OpenAI chat-completions protocol."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from tests.fixtures.articles import BRIDGE_A
from tests.fixtures.site import Page, serve_site
from vocabsphere.config import Settings
from vocabsphere.services import versions
from vocabsphere.services.fetching import FetchPolicy
from vocabsphere.services.ingest import IngestSource, ingest
from vocabsphere.store.database import Database

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
GOOD = (
    "Strong winds closed the Harbour Bridge on Monday. Winds were 140 kilometres per hour. "
    "About 60,000 drivers use the bridge every day. The mayor, Ruth Adeyemi, asked people to work "
    "from home. The bridge will open again on Thursday."
)
INVENTED = "Strong winds closed the bridge. The mayor, John Smith, said 500 people were hurt."


def chat_server(answer: str, seen: list[dict[str, object]]) -> Callable[[bytes], Page]:
    def handler(body: bytes) -> Page:
        request = json.loads(body)
        seen.append(request)
        reply = {"choices": [{"index": 0, "message": {"role": "assistant", "content": answer}}]}
        return Page(json.dumps(reply).encode(), "application/json")

    return handler


def build(database: Database, settings: Settings) -> dict[str, versions.VersionView]:
    story = ingest(database, IngestSource(kind="text", text=BRIDGE_A), now=T0, policy=FetchPolicy()).story_id
    versions.build_versions(database, settings, story, now=T0)
    return {
        v.level: versions.get_version(database, story, v.level)
        for v in versions.list_versions(database, story)
    }


def test_a_verified_rewrite_is_used(database: Database, make_settings: Callable[..., Settings]) -> None:
    seen: list[dict[str, object]] = []
    with serve_site() as site:
        site.post_handlers["/v1/chat/completions"] = chat_server(GOOD, seen)
        built = build(database, make_settings(llm_url=site.base + "/v1", llm_model="tiny", llm_api_key="k"))
    assert seen and seen[0]["model"] == "tiny" and seen[0]["temperature"] == 0
    a2 = built["A2"]
    assert "Ruth Adeyemi" in " ".join(a2.paragraphs) and ["llm_rewrite", 1] in [list(s) for s in a2.steps]
    assert a2.model_versions.get("llm") == "tiny"


def test_a_rewrite_with_invented_facts_falls_back(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    seen: list[dict[str, object]] = []
    with serve_site() as site:
        site.post_handlers["/v1/chat/completions"] = chat_server(INVENTED, seen)
        built = build(database, make_settings(llm_url=site.base + "/v1", llm_model="tiny"))
    assert seen
    for view in built.values():
        assert "John Smith" not in " ".join(view.paragraphs)
        assert "llm" not in view.model_versions


def test_an_unreachable_endpoint_falls_back(
    database: Database, make_settings: Callable[..., Settings]
) -> None:
    built = build(database, make_settings(llm_url="http://127.0.0.1:9/v1", llm_model="tiny"))
    assert {"A2", "B1", "B2"} <= set(built) and all("llm" not in v.model_versions for v in built.values())
