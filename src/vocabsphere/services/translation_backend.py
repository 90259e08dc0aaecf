"""Optional machine translation for what the offline dictionaries miss (off by default).

Speaks the LibreTranslate API (POST /translate) or any OpenAI-compatible chat endpoint
(POST /chat/completions): a self-hosted LibreTranslate, Ollama, vLLM, llama.cpp server or a hosted one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import httpx

from vocabsphere.config import Settings

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 8.0


@dataclass(frozen=True)
class BackendConfig:
    kind: str  # "libretranslate" | "openai"
    url: str
    api_key: str
    model: str


def backend_config(settings: Settings) -> BackendConfig | None:
    if not settings.translate_backend or not settings.translate_url:
        return None
    return BackendConfig(
        kind=settings.translate_backend,
        url=settings.translate_url.rstrip("/"),
        api_key=settings.translate_api_key,
        model=settings.translate_model,
    )


def _libretranslate(config: BackendConfig, text: str, target: str) -> str | None:
    payload = {"q": text, "source": "en", "target": target, "format": "text"}
    if config.api_key:
        payload["api_key"] = config.api_key
    response = httpx.post(f"{config.url}/translate", json=payload, timeout=TIMEOUT_SECONDS)
    response.raise_for_status()
    translated = response.json().get("translatedText")
    return translated.strip() if isinstance(translated, str) and translated.strip() else None


def _openai(config: BackendConfig, text: str, target: str, sentence: str | None) -> str | None:
    context = f' as used in the sentence "{sentence}"' if sentence else ""
    messages = [
        {
            "role": "system",
            "content": "You translate single English words for language learners. "
            "Answer with the translation only, no explanation.",
        },
        {
            "role": "user",
            "content": f'Translate the English word "{text}"{context} into the language '
            f"with ISO 639-1 code '{target}'.",
        },
    ]
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    response = httpx.post(
        f"{config.url}/chat/completions",
        headers=headers,
        timeout=TIMEOUT_SECONDS,
        json={"model": config.model, "messages": messages, "temperature": 0, "max_tokens": 20},
    )
    response.raise_for_status()
    content = response.json()["choices"][0]["message"]["content"]
    answer = str(content).strip().strip('".').splitlines()[0] if content else ""
    return answer[:80] or None


@lru_cache(maxsize=4096)
def _cached(config: BackendConfig, text: str, target: str, sentence: str | None) -> str | None:
    if config.kind == "libretranslate":
        return _libretranslate(config, text, target)
    return _openai(config, text, target, sentence)


def machine_translate(
    config: BackendConfig, text: str, target: str, sentence: str | None = None
) -> str | None:
    """A translation, or None when the backend fails (the offline answer then stands on its own)."""
    try:
        return _cached(config, text, target, sentence)
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as error:
        log.warning("translation backend %s failed: %s", config.url, error)
        return None
