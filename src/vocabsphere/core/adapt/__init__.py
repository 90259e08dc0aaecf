"""Offline, deterministic simplification of news stories to a target CEFR level.

Steps (each its own module): ``content`` (selection), ``syntax`` (sentence splitting, passive to
active), ``numbers``, ``lexical`` (substitution and glosses), ``verify`` (measure and retry);
``pipeline`` composes them. ``llm_prompt`` holds the prompt and the acceptance check for an
optional LLM rewriter whose HTTP client lives in the services layer.
"""

from vocabsphere.core.adapt.pipeline import (
    PIPELINE_VERSION,
    AdaptedVersion,
    GlossSpan,
    adapt_story,
    adapt_text,
)

__all__ = ["PIPELINE_VERSION", "AdaptedVersion", "GlossSpan", "adapt_story", "adapt_text"]
