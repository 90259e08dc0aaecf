"""Plain data produced by the ingestion steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ExtractedArticle:
    """An article's clean text plus whatever metadata the source gave us.

    ``text`` is always the paragraphs joined by blank lines (computed, so the two cannot disagree);
    ``headings`` holds the indices (into ``paragraphs``) of short subheadings that were kept as their
    own paragraphs; ``removed`` lists the junk lines taken out, so an admin can check the cleaning.
    """

    title: str
    paragraphs: tuple[str, ...]
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    canonical_url: str | None = None
    removed: tuple[str, ...] = ()
    headings: tuple[int, ...] = ()
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", "\n\n".join(self.paragraphs))
