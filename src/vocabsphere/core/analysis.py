"""One call that tells a learner or teacher how hard a text is and why (`vocabsphere analyze`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from vocabsphere.core.ingest.language import check_english
from vocabsphere.core.levels.grammar import GrammarMatch, detect_grammar
from vocabsphere.core.levels.text_level import parse_texts, text_level_of_doc
from vocabsphere.core.levels.word_level import assess_word

HARD_WORD_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


@dataclass(frozen=True)
class HardWord:
    lemma: str
    pos: str
    level: str
    score: float
    example: str  # the word as it appears in the text


@dataclass(frozen=True)
class GrammarFound:
    id: str
    name: str
    level: str
    count: int
    example: str  # the words of the first occurrence
    explanation: str


@dataclass(frozen=True)
class TextAnalysis:
    level: str
    score: float
    word_count: int
    sentence_count: int
    truncated: bool
    model_version: str
    features: dict[str, Any]
    vocabulary_profile: dict[str, float]
    grammar: tuple[GrammarFound, ...]
    hardest_words: tuple[HardWord, ...]

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def hardest_words(doc: Doc, limit: int = 10) -> list[HardWord]:
    """The content words with the highest level, each lemma once (names are not vocabulary)."""
    best: dict[tuple[str, str], HardWord] = {}
    for token in doc:
        if token.pos_ not in HARD_WORD_POS or not token.is_alpha or len(token.text) < 2:
            continue
        lemma = token.lemma_.lower() or token.text.lower()
        key = (lemma, token.pos_)
        if key in best:
            continue
        try:
            level = assess_word(lemma, token.pos_)
        except ValueError:
            continue
        best[key] = HardWord(lemma, token.pos_, level.level, round(level.score, 2), token.text)
    ranked = sorted(best.values(), key=lambda w: (-w.score, w.lemma))
    return ranked[:limit]


def grammar_found(doc: Doc) -> list[GrammarFound]:
    matches = detect_grammar(doc)
    counts = Counter(m.point.id for m in matches)
    first: dict[str, GrammarMatch] = {}
    for match in matches:
        first.setdefault(match.point.id, match)
    found = [
        GrammarFound(
            id=pid,
            name=m.point.name,
            level=m.point.level,
            count=counts[pid],
            example=m.text,
            explanation=m.explain(),
        )
        for pid, m in first.items()
    ]
    return sorted(found, key=lambda g: (g.level, -g.count, g.id))


def analyze_text(text: str) -> TextAnalysis:
    """Level, score, features, grammar points and hardest words of an English text."""
    check_english(text[:20_000])
    doc, truncated = next(iter(parse_texts([text])))
    level = text_level_of_doc(doc, truncated=truncated)
    features = {
        name: getattr(level.features, name)
        for name in level.features.__dataclass_fields__
        if name not in {"vocab_profile", "grammar_points", "grammar_per_sentence"}
    }
    return TextAnalysis(
        level=level.level,
        score=round(level.score, 2),
        word_count=level.word_count,
        sentence_count=level.sentence_count,
        truncated=truncated,
        model_version=level.model_version,
        features=features,
        vocabulary_profile={k: round(v, 3) for k, v in level.vocab_profile.items()},
        grammar=tuple(grammar_found(doc)),
        hardest_words=tuple(hardest_words(doc)),
    )
