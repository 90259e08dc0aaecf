"""Optional LLM rewriter for level versions: any OpenAI-compatible chat endpoint (Ollama, vLLM,
llama.cpp server, a hosted one). Its text must pass the same checks as the offline path (names and
numbers kept, measured level at or below the target); otherwise the offline version stands."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx

from vocabsphere.config import Settings
from vocabsphere.core.accounts import CEFR_LEVELS
from vocabsphere.core.adapt.llm_prompt import accept_rewrite, build_messages

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True)
class Rewrite:
    text: str
    measured_level: str
    measured_score: float


def llm_enabled(settings: Settings) -> bool:
    return bool(settings.llm_url and settings.llm_model)


def _chat(settings: Settings, messages: list[dict[str, str]]) -> str | None:
    headers = {"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else {}
    response = httpx.post(
        f"{settings.llm_url.rstrip('/')}/chat/completions",
        headers=headers,
        timeout=TIMEOUT_SECONDS,
        json={"model": settings.llm_model, "messages": messages, "temperature": 0},
    )
    response.raise_for_status()
    content = response.json()["choices"][0]["message"]["content"]
    return str(content).strip() or None


def rewrite(settings: Settings, text: str, level: str) -> Rewrite | None:
    """A verified LLM version of ``text`` for ``level``, or None (then the offline version is used)."""
    from vocabsphere.core.levels import text_level

    try:
        candidate = _chat(settings, build_messages(text, level))
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as error:
        log.warning("LLM rewriter failed (%s); using the offline version", error)
        return None
    if not candidate:
        return None
    verdict = accept_rewrite(text, candidate, level)
    if not verdict.accepted:
        log.info("LLM rewrite for %s refused: %s", level, verdict.reason)
        return None
    measured = text_level(candidate)
    if CEFR_LEVELS.index(measured.level) > CEFR_LEVELS.index(level):
        log.info("LLM rewrite for %s measured %s; using the offline version", level, measured.level)
        return None
    return Rewrite(candidate, measured.level, round(measured.score, 3))
