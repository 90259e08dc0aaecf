"""The reader's HTML: escaped text, status classes per learner, highlight marks, compiled-once cache."""

from __future__ import annotations

from vocabsphere.core.reading import ReaderSentence, ReaderText, ReaderToken
from vocabsphere.web.reader_html import reader_html

TEXT = ReaderText(
    paragraphs=(
        (
            ReaderSentence(
                (
                    ReaderToken("<script>", True, "<script>", "NOUN"),
                    ReaderToken("Ruth", True, "ruth", "PROPN"),
                    ReaderToken("crossed", True, "cross", "VERB"),
                    ReaderToken("spans", False, "span", "NOUN"),
                    ReaderToken(".", True),
                )
            ),
            ReaderSentence(
                (ReaderToken("Ferries", True, "ferry", "NOUN"), ReaderToken("ran", False, "run", "VERB"))
            ),
        ),
    ),
    levels={"cross": "A2", "span": "C1", "ferry": "B2", "run": "A1", "<script>": "C2"},
)


def test_words_are_escaped_and_coloured_for_each_learner() -> None:
    first = reader_html(TEXT, statuses={}, saved={}, learner_level="B1", cache_key=("t", 1))
    assert "<script>" not in first and "&lt;script&gt;" in first
    assert 'class="w name" data-l="ruth"' in first and 'class="w presumed" data-l="cross"' in first
    assert 'class="w new" data-l="span"' in first
    other = reader_html(
        TEXT,
        statuses={"span:NOUN": 2, "run": 6},  # the verb "run" in every part of speech
        saved={"span:NOUN": 7},
        learner_level="B1",
        cache_key=("t", 1),
    )
    assert 'class="w learning-2 saved" data-l="span"' in other and 'class="w ignored" data-l="run"' in other
    assert 'class="w new" data-l="span"' in first  # the cached compile does not leak one learner's classes
    assert 'data-l="span" data-p="NOUN" data-k="span:NOUN"' in first
    # A status or a saved word of another part of speech is another word.
    verb = reader_html(
        TEXT, statuses={"span:VERB": 2}, saved={"span:VERB": 7}, learner_level="B1", cache_key=("t", 1)
    )
    assert 'class="w new" data-l="span"' in verb


def test_sentences_worth_learning_get_a_mark_and_a_button() -> None:
    html = reader_html(
        TEXT,
        statuses={},
        saved={},
        learner_level="A1",
        highlights=({"sentence": "Ferries  ran"},),
    )
    assert '<mark class="hl" data-highlight="1">' in html and 'class="why" data-highlight="1"' in html
    assert html.count('<span class="sent">') == 1
    assert '.</span> <mark class="hl"' in html  # the space between sentences sits outside both
    assert 'class="w presumed" data-l="run"' in html and 'class="w new" data-l="cross"' in html


def test_a_heading_paragraph_is_a_heading_and_never_a_highlight() -> None:
    two = ReaderText(paragraphs=(TEXT.paragraphs[0], TEXT.paragraphs[0]), levels=TEXT.levels)
    marked = [{"sentence": "Ferries ran"}]
    html = reader_html(two, statuses={}, saved={}, learner_level="B1", highlights=marked, headings=(0,))
    heading, body = html.split("</h3>")
    assert heading.startswith('<h3 class="subhead">') and "<mark" not in heading
    assert body.lstrip().startswith("<p>") and body.count('<mark class="hl"') == 1
