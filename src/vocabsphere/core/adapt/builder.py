"""Build one version of a story: content -> syntax -> numbers -> lexical, on cached parses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from vocabsphere.core.adapt.content import MAX_SENTENCE, select, target_words
from vocabsphere.core.adapt.document import ParseCache, Source
from vocabsphere.core.adapt.lexical import Gloss, Substituter
from vocabsphere.core.adapt.numbers import simplify_numbers
from vocabsphere.core.adapt.syntax import simplify_sentence
from vocabsphere.core.adapt.text_ops import CONTENT_POS
from vocabsphere.core.adapt.verify import LEVELS
from vocabsphere.core.levels import assess_word
from vocabsphere.core.lexicon import Lexicon

__all__ = ["Draft", "DraftSentence", "VersionBuilder"]

_SYNTAX_ROUNDS = 2  # a split sentence may need a second rule ("X, who..., was praised by Y")


@dataclass(frozen=True)
class DraftSentence:
    paragraph: int  # index of the source paragraph it comes from
    text: str
    glosses: tuple[Gloss, ...]


@dataclass(frozen=True)
class Draft:
    sentences: tuple[DraftSentence, ...]
    counts: tuple[tuple[str, int], ...]  # step name -> number of changes


def _word_rank(lemma: str, upos: str) -> int | None:
    try:
        return LEVELS.index(assess_word(lemma, upos).level)
    except ValueError:
        return None


def _syntax_group(level: str) -> str:
    return {"A1": "low", "A2": "low", "B1": "mid", "B2": "high"}.get(level, "none")


class VersionBuilder:
    """Builds versions of one source; parses and per-sentence results are shared between levels."""

    def __init__(
        self,
        source: Source,
        cache: ParseCache,
        lexicon: Lexicon | None,
        sources: Sequence[str] = (),
        max_words: int | None = None,
    ) -> None:
        self.source = source
        self.max_words = max_words  # caller's length cap; replaces the level's default budget
        self.cache = cache
        self.lexicon = lexicon
        self.sources = tuple(sources)
        self._syntax: dict[tuple[int, str], tuple[list[str], list[str]]] = {}
        self._substituters: dict[tuple[str, int], Substituter] = {}
        self._hard_shares: dict[str, list[float]] = {}
        cache.parse(u.text for u in source.units)

    def _budget(self, level: str, strength: int) -> int | None:
        budget = target_words(level, self.source.words) if self.max_words is None else self.max_words
        if budget is None:
            return None
        return max(40, round(budget * 0.8**strength))

    def _syntax_for(self, index: int, level: str) -> tuple[list[str], list[str]]:
        key = (index, _syntax_group(level))
        if key not in self._syntax:
            texts, rules = [self.source.units[index].text], []
            for _ in range(_SYNTAX_ROUNDS):
                self.cache.parse(texts)
                nxt: list[str] = []
                for text in texts:
                    out, rule = simplify_sentence(self.cache.get(text)[:], level)
                    nxt.extend(out)
                    rules += [rule] if rule else []
                if nxt == texts:
                    break
                texts = nxt
            self._syntax[key] = (texts, rules)
        return self._syntax[key]

    def _difficulty(self, level: str) -> list[float]:
        """Per source sentence, the share of its content words above ``level``."""
        if level not in self._hard_shares:
            rank = LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1
            shares = []
            for unit in self.source.units:
                doc = self.cache.get(unit.text)
                levels = [
                    _word_rank(t.lemma_.lower(), t.pos_) for t in doc if t.pos_ in CONTENT_POS and t.is_alpha
                ]
                known = [r for r in levels if r is not None]
                shares.append(sum(r > rank for r in known) / len(known) if known else 0.0)
            self._hard_shares[level] = shares
        return self._hard_shares[level]

    def _substituter(self, level: str, strength: int) -> Substituter:
        key = (level, strength)
        if key not in self._substituters:
            self._substituters[key] = Substituter(self.lexicon, level, strength)
        return self._substituters[key]

    def build(self, level: str, strength: int = 0) -> tuple[Draft, Doc]:
        """The version for ``level`` and the joined Doc to measure it with."""
        units = self.source.units
        max_len = MAX_SENTENCE.get(level)
        hard = None
        if max_len is not None and strength:
            # Retry rounds: prefer, then require, shorter sentences (length spread drives the level).
            max_len = max(8, max_len - 3 * strength)
            hard = max_len + 10 // strength
        budget = self._budget(level, strength)
        chosen = select(units, budget, self.sources, max_len, hard, self._difficulty(level)) if units else ()
        counts: Counter[str] = Counter({"content": len(units) - len(chosen)})
        staged: list[tuple[int, str]] = []
        for i in chosen:
            texts, rules = (
                self._syntax_for(i, level) if _syntax_group(level) != "none" else ([units[i].text], [])
            )
            counts.update(f"syntax.{r}" for r in rules)
            for text in texts:
                new, edits = simplify_numbers(text, level)
                counts["numbers"] += len(edits)
                staged.append((units[i].paragraph, new))
        self.cache.parse(t for _, t in staged)
        substituter = self._substituter(level, strength)
        sentences = []
        for paragraph, text in staged:
            result = substituter.simplify(self.cache.get(text)[:])
            counts["lexical"] += result.replaced
            counts["glosses"] += len(result.glosses)
            sentences.append(DraftSentence(paragraph, result.text, result.glosses))
        doc = self.cache.join([s.text for s in sentences])
        draft = Draft(tuple(sentences), tuple(sorted((k, v) for k, v in counts.items() if v)))
        return draft, doc
