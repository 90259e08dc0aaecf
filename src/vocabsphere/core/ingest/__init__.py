"""Ingestion core: bytes or HTML in, clean English article text, story grouping and source comparison out.

Plain Python only (no web, database or HTTP libraries): fetching happens elsewhere and hands us content.
"""

from vocabsphere.core.ingest.decode import decode_document
from vocabsphere.core.ingest.facts import FactConflict, SourceStatement, SourceText, compare_sources
from vocabsphere.core.ingest.html_extract import extract_html, sanitize_html
from vocabsphere.core.ingest.language import check_english
from vocabsphere.core.ingest.models import ExtractedArticle
from vocabsphere.core.ingest.numbers import NumberMention, normalise_numbers
from vocabsphere.core.ingest.plain_text import clean_text
from vocabsphere.core.ingest.stories import StoryCandidate, StoryDecision, assign_story, pick_base_article

__all__ = [
    "ExtractedArticle",
    "FactConflict",
    "NumberMention",
    "SourceStatement",
    "SourceText",
    "StoryCandidate",
    "StoryDecision",
    "assign_story",
    "check_english",
    "clean_text",
    "compare_sources",
    "decode_document",
    "extract_html",
    "normalise_numbers",
    "pick_base_article",
    "sanitize_html",
]
