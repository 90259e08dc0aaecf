"""Prompt and acceptance check for an optional LLM rewriter (the HTTP client lives in services).

``build_messages`` gives OpenAI-style chat messages; ``accept_rewrite`` decides whether a rewrite
may replace the rule-based version: every name and number of the original must survive, and the
length must be sane for the level. Core code never talks to the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vocabsphere.core.adapt.content import target_words
from vocabsphere.core.ingest import normalise_numbers

__all__ = ["Verdict", "accept_rewrite", "build_messages", "names_in"]

LEVEL_GUIDE = {
    "A1": "very short sentences (under 10 words), only the most common 1,000 words, present and past simple",
    "A2": "short sentences (under 14 words), common everyday words, simple tenses, no relative clauses",
    "B1": "clear sentences (under 20 words), common words, explain or avoid idioms",
    "B2": "natural news English; keep most detail; replace rare words and very long sentences",
    "C1": "the original text with only light edits for clarity",
    "C2": "the original text",
}
_FULL_LENGTH = frozenset({"B2", "C1", "C2"})
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)([A-Z][a-z]+)\b")


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    reason: str


def build_messages(text: str, target_level: str) -> list[dict[str, str]]:
    """Chat messages asking for a faithful rewrite at ``target_level`` (send with temperature 0)."""
    if target_level not in LEVEL_GUIDE:
        raise ValueError(f"unknown CEFR level: {target_level!r}")
    budget = target_words(target_level, len(text.split()))
    length = f"about {budget} words" if budget else "about the same length"
    system = (
        "You rewrite English news for language learners. Keep every fact you keep true to the source; "
        "never add facts or opinions. Keep all names, places and numbers exactly as written. "
        "Keep quotations word for word or turn them into reported speech. "
        "Answer with the rewritten text only, one paragraph per line."
    )
    user = (
        f"Rewrite this news story for CEFR level {target_level} learners: {LEVEL_GUIDE[target_level]}. "
        f"Length: {length}. Keep the most important facts and the order of the story.\n\n{text}"
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def names_in(text: str) -> set[str]:
    """Capitalised words and runs that are not just sentence starts."""
    starts = {m.group(1) for m in _SENTENCE_START.finditer(text)}
    found = set(_NAME.findall(text))
    return {n for n in found if n not in starts or text.count(n) > 1}


def _numbers(text: str) -> list[float]:
    return [m.value for m in normalise_numbers(text) if m.kind != "ordinal"]


def accept_rewrite(original: str, rewritten: str, target: str) -> Verdict:
    """Accept a rewrite only if it keeps names and numbers and has a sane length for ``target``."""
    if not rewritten.strip():
        return Verdict(False, "empty rewrite")
    words = len(rewritten.split())
    budget = target_words(target, len(original.split())) or len(original.split())
    if words > 1.5 * budget + 20 or words < 0.3 * min(budget, len(original.split())):
        return Verdict(False, f"length {words} words is far from the target of about {budget}")
    new_numbers = _numbers(rewritten)
    for value in _numbers(rewritten):
        if not any(abs(value - v) <= 0.05 * max(abs(v), 1) for v in _numbers(original)):
            return Verdict(False, f"number {value:g} is not in the original")
    full = target in _FULL_LENGTH  # these levels keep (nearly) every fact, so every name and number
    if len(new_numbers) == 0 and _numbers(original) and full:
        return Verdict(False, "numbers of the original were dropped")
    # A shared 5-letter stem counts as known: "Portugal" for "Portuguese".
    stems = {w[:5] for w in re.findall(r"[A-Z][a-z]+", original)}
    invented = {n for n in names_in(rewritten) - set(_NAME.findall(original)) if n[:5] not in stems}
    if invented:
        return Verdict(False, f"names not in the original: {', '.join(sorted(invented)[:5])}")
    kept_names = names_in(original) & set(_NAME.findall(rewritten))
    if full and len(kept_names) < 0.8 * len(names_in(original)):
        return Verdict(False, "names of the original were dropped")
    return Verdict(True, "ok")
