"""OneStopEnglish dev articles as level versions for the quiz benches: ele -> A2, int -> B1, adv -> C1.

The corpus gives no CEFR mapping; these keys only order the three human versions from plainest to hardest.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vocabsphere.core.quizzes.main_idea import lead_sentence

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
CORPUS = Path("onestopenglish")
LEVEL_KEYS = {"ele": "A2", "int": "B1", "adv": "C1"}


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    versions: dict[str, str]  # level key -> text

    @property
    def words(self) -> int:
        return max(len(v.split()) for v in self.versions.values())


def read_articles(data_dir: Path, limit: int | None = None, split: str = "dev") -> list[Article]:
    """The split's articles with all three levels, in index order."""
    by_id: dict[str, dict[str, str]] = defaultdict(dict)
    titles: dict[str, str] = {}
    with (data_dir / CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] != split or row["level"] not in LEVEL_KEYS:
                continue
            text = (data_dir / CORPUS / row["path"]).read_text(encoding="utf-8")
            by_id[row["article_id"]][LEVEL_KEYS[row["level"]]] = text
            titles[row["article_id"]] = row["title"]
    articles = [
        Article(a, titles[a], {k: v[k] for k in ("A2", "B1", "C1")})
        for a, v in by_id.items()
        if len(v) == len(LEVEL_KEYS)
    ]
    return articles[:limit] if limit else articles


@dataclass(frozen=True)
class Library:
    """The other articles of the split, as the product's library gives a quiz: their titles and leads."""

    titles: tuple[str, ...]
    leads: tuple[str, ...]


def library(articles: list[Article], article: Article) -> Library:
    others = [a for a in articles if a.article_id != article.article_id]
    return Library(tuple(a.title for a in others), tuple(lead_sentence(a.versions["A2"]) for a in others))


def product_versions(
    articles: Sequence[Article], lexicon: object, nlp: object, cache: Path | None = None
) -> list[Article]:
    """The product's flow: the advanced text as the source, its A2 and B1 versions made by the shipped
    adaptation (as `vocabsphere quiz` and a stored story make them), the source itself as "orig".
    ``cache`` (a JSON file) keeps the adaptations between runs of the same code."""
    from vocabsphere.core.adapt import adapt_story

    stored: dict[str, dict[str, str]] = json.loads(cache.read_text()) if cache and cache.exists() else {}
    out = []
    for article in articles:
        source = article.versions["C1"]
        if article.article_id not in stored:
            made = adapt_story(
                source,
                levels=("A2", "B1"),
                lexicon=lexicon,  # type: ignore[arg-type]
                nlp=nlp,  # type: ignore[arg-type]
                extra_levels=False,
            )
            stored[article.article_id] = {v.level_target: v.text for v in made}
        versions = {**stored[article.article_id], "orig": source}
        out.append(Article(article.article_id, article.title, versions))
    if cache:
        cache.write_text(json.dumps(stored))
    return out
