"""OneStopEnglish dev articles as level versions for the quiz benches: ele -> A2, int -> B1, adv -> C1.

The corpus gives no CEFR mapping; these keys only order the three human versions from plainest to hardest.
"""

from __future__ import annotations

import csv
from collections import defaultdict
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
        return len(self.versions["C1"].split())


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
