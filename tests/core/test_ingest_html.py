"""HTML pages: main text and metadata with trafilatura, no script leaks, strict sanitising."""

from __future__ import annotations

from datetime import date

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest.html_extract import extract_html, sanitize_html

PARAGRAPHS = [
    "The regional water board approved a plan on Thursday to build two new reservoirs in the hills "
    "above the town, ending a debate that had lasted almost ten years.",
    "Engineers say the reservoirs will store enough water for forty thousand homes during dry summers, "
    "when the river falls to its lowest level.",
    "Farmers welcomed the decision but asked the board to protect the old footpaths that cross the valley.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Water board backs two new reservoirs | Valley Herald</title>
<meta property="og:title" content="Water board backs two new reservoirs">
<meta property="og:site_name" content="Valley Herald">
<meta name="author" content="Priya Natarajan">
<meta property="article:published_time" content="2025-06-12T08:30:00Z">
<link rel="canonical" href="https://valley-herald.example/news/reservoirs">
<style>body {{ font-family: serif; }} .secret-style-marker {{ color: red; }}</style>
<script>var secretScriptMarker = "tracking"; document.write("injected");</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/">Jobs</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<article>
<h1>Water board backs two new reservoirs</h1>
<p>{PARAGRAPHS[0]}</p>
<script>console.log("secretScriptMarker inline");</script>
<h2>Enough for forty thousand homes</h2>
<p>{PARAGRAPHS[1]}</p>
<p>Advertisement</p>
<p>{PARAGRAPHS[2]}</p>
<div class="share">Share on Facebook</div>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader comment marker: this plan is a waste of money and nobody asked us.</p></div>
</section>
<footer>© 2025 Valley Herald. All rights reserved.</footer>
</body></html>"""


def test_main_text_and_metadata() -> None:
    article = extract_html(PAGE, url="https://valley-herald.example/news/reservoirs?utm=x")
    assert article.title == "Water board backs two new reservoirs"
    assert article.outlet == "Valley Herald"
    assert article.author == "Priya Natarajan"
    assert article.published == date(2025, 6, 12)
    assert article.canonical_url == "https://valley-herald.example/news/reservoirs"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.paragraphs
    assert "Enough for forty thousand homes" in article.paragraphs
    assert article.paragraphs.index("Enough for forty thousand homes") in article.headings


def test_no_script_style_comments_or_furniture_leak() -> None:
    text = extract_html(PAGE).text
    for marker in (
        "secretScriptMarker",
        "secret-style-marker",
        "document.write",
        "Reader comment marker",
        "Advertisement",
        "Share on Facebook",
        "All rights reserved",
        "cookies",
    ):
        assert marker not in text, marker
    assert "Water board backs two new reservoirs" not in text  # the headline is the title, not a paragraph


def test_malformed_html_never_leaks_script() -> None:
    broken = (
        "<html><body><div><p>" + PARAGRAPHS[0] + "<script>var leakedMarker = 1; alert('x')"
        "<p>" + PARAGRAPHS[1] + "<style>.leakedStyle{color:red}</p></div><p>" + PARAGRAPHS[2]
    )
    article = extract_html(broken)
    assert "leakedMarker" not in article.text
    assert "leakedStyle" not in article.text
    assert "alert(" not in article.text


def test_unclosed_tags_still_give_text() -> None:
    html = "<html><body><article><p>" + "<p>".join(PARAGRAPHS) + "<div><span>"
    article = extract_html(html)
    assert PARAGRAPHS[0] in article.paragraphs


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><nav>Home | News | Sport | Weather</nav><script>var x = 1;</script></body></html>",
    ],
)
def test_page_without_article_text_is_refused(html: str) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        extract_html(html, url="https://example.org/")
    assert excinfo.value.message == "No article text found in this page."


def test_sanitize_keeps_simple_formatting() -> None:
    html = "<p>One <em>two</em> <strong>three</strong><br></p><ul><li>a</li></ul><blockquote>q</blockquote>"
    assert sanitize_html(html) == html


def test_sanitize_links_get_noopener_and_unsafe_schemes_are_dropped() -> None:
    cleaned = sanitize_html(
        '<a href="https://example.org/x" target="_blank">ok</a><a href="javascript:alert(1)">bad</a>'
    )
    assert '<a href="https://example.org/x" rel="noopener">ok</a>' in cleaned
    assert "javascript" not in cleaned
    assert "target" not in cleaned


def test_sanitize_drops_scripts_styles_handlers_and_other_tags() -> None:
    cleaned = sanitize_html(
        '<p onclick="steal()" style="color:red">Hi<script>alert(1)</script><style>p{}</style>'
        '<img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe><h1>Big</h1></p>'
    )
    assert "Hi" in cleaned and "Big" in cleaned
    for unsafe in ("alert", "steal", "style", "onerror", "<img", "iframe", "evil", "<h1", "p{}"):
        assert unsafe not in cleaned, unsafe
