"""Source repair and cleaning (issue 14, part 3): artefacts repaired, control characters, code, links and
page furniture never reach a learner, whatever way the text comes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED_DIR
from vocabsphere.core.ingest import clean_text, decode_document, extract_html
from vocabsphere.core.ingest.boilerplate import junk_reason
from vocabsphere.core.ingest.repair import repair_text

SEEDS = SHARED_DIR / "seeds"


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("a large military, with about 1. 28 million active soldiers", "with about 1.28 million active"),
        ("prices rose 2. 5 per cent in May", "rose 2.5 per cent"),
        ("his 'closest comrade. ' Meanwhile, the", "his 'closest comrade.' Meanwhile"),
        ("is 'highly likely. ' A source said", "'highly likely.' A source"),
        ('he said "we will win. " Then he left', '"we will win." Then'),
        ("‘ Because the war isn’t over yet,’ a source said.", "‘Because the war isn’t over yet,’ a"),
        ("“It is over. ” She left.", "“It is over.” She left."),
        # round read4 (OneStopEnglish Intermediate texts): a ligature ending a word's first piece or
        # followed by a piece that is a rare string, and a line number left between sentences
        ("there will be signifi cant changes", "there will be significant changes"),
        ("gains in the fi ght against hunger", "gains in the fight against hunger"),
        ('a market for this. 17 "It allows you to test it," she says.', 'for this. "It allows you'),
        ("says Ann. 18 With her background, she knows.", "says Ann. With her background"),
        # round read5: a line number before one person's title and full name
        (
            "not for sale. 21 Acme boss Lena Marsh has opened a shop.",
            "not for sale. Acme boss Lena Marsh has",
        ),
        # and two closing single marks typed for the double one that closes an open quotation
        ("She said: “It will help the whole town.’’ Then she left.", "“It will help the whole town.” Then"),
    ],
)
def test_typesetting_artefacts_are_repaired(raw: str, repaired: str) -> None:
    assert repaired in repair_text(raw)


@pytest.mark.parametrize(
    "text",
    [
        "Floods hit the town in 2023. 28 people were hurt.",  # a sentence end, then a number
        "The vote was held in May 1. 28 million people took part.",  # not a repair: "May 1."
        "He left. 'Goodbye,' she said.",  # an opening mark after a sentence end
        "It is the players' kit. ' Then",  # no quotation is open: the loose mark stays where it is
        "The meeting ended at 5. 30 people stayed on.",
        "The last ship left at 5. 17 Britons were still on the island.",  # a number that opens a sentence
        "It was a stiff fight for the staff.",
        "The ferry sank. 12 Labour members were on board.",  # a count of members, no title and name
        "He called it ‘the best.’’ Nobody agreed.",  # no double quotation open
        "The ferry sank. 14 Red Cross nurses have helped.",
    ],
)
def test_real_sentence_ends_and_opening_marks_stay(text: str) -> None:
    assert repair_text(text) == text


def test_control_characters_are_removed() -> None:
    assert repair_text("The council\x01 met\x1f on Monday.\x7f") == "The council met on Monday."
    assert repair_text("two\nlines\tand tabs") == "two\nlines\tand tabs"


def test_a_few_stray_control_characters_are_text_not_binary_data() -> None:
    data = b"The council met on Monday.\x01 It agreed\x02 to build a new school for the village."
    assert decode_document(data, filename="notes.txt") == (
        "The council met on Monday. It agreed to build a new school for the village."
    )


def test_pasted_text_loses_its_control_characters() -> None:
    article = clean_text(
        "Library opens\n\nThe new\x07 library opened on\x1b Monday with 240 visitors, "
        "the council\x00 said in a statement."
    )
    assert article.paragraphs == (
        "The new library opened on Monday with 240 visitors, the council said in a statement.",
    )


BODY = (
    "<p>The council met on Monday to discuss the new library in the town. It agreed to build it near "
    "the station, where most people pass every day.</p>"
    "<p>The library will open next year with a cafe and a room for children, the mayor said on the "
    "radio this morning.</p>"
)


@pytest.mark.parametrize(
    "page",
    [
        f"<html><head><title>Test <script>alert(1)</script></title></head><body>{BODY}</body></html>",
        f"<html><head><title>Test</title></head><body><h1>Test <script>alert(1)</script></h1>{BODY}"
        "</body></html>",
        f"<html><head><title>Test <style>p{{color:red}}</style></title></head><body>{BODY}</body></html>",
        f"<html><head><title>Test</title><script>alert(1)</script></head><body>{BODY}</body></html>",
    ],
)
def test_script_and_style_never_reach_title_or_text(page: str) -> None:
    article = extract_html(page)
    assert article.title == "Test"
    for code in ("alert", "script", "color", "<", "{"):
        assert code not in article.text
    assert "near the station" in article.text


def test_link_only_lines_are_dropped_from_pages_and_texts() -> None:
    page = (
        "<html><head><title>Library</title></head><body><article>"
        f"{BODY}<p><a href='/more'>click</a></p><div><a href='/x'>Read more</a></div>"
        "<p><a href='/y'>Night trains return to Europe</a></p></article></body></html>"
    )
    article = extract_html(page)
    assert article.paragraphs == tuple(p.removeprefix("<p>") for p in BODY.removesuffix("</p>").split("</p>"))
    text = clean_text(
        "Library\n\nThe library will open next year with a cafe, the mayor said.\n\nclick\n\nRead more"
    )
    assert text.paragraphs == ("The library will open next year with a cafe, the mayor said.",)
    assert {"click", "Read more"} <= set(text.removed)


SAVED_PAGE = "\n\n".join(
    [
        "Iberia Today > Spain > Weather",
        "Heavy rain floods streets in Valencia",
        "Advertisement",
        "Heavy rain flooded streets across Valencia on Tuesday, and the city closed 40 schools as a "
        "precaution. Emergency services rescued twelve drivers from cars trapped by the water.",
        "Newsletter: get Iberia Today in your inbox",
        "Forecasters expect the rain to ease on Wednesday, but they warned that rivers could keep rising.",
        "Home | Spain | World | Weather | Sport",
        "Leave a comment",
        "All rights reserved",
    ]
)


def test_saved_web_page_furniture_never_reaches_the_text() -> None:
    article = clean_text(SAVED_PAGE)
    assert article.title == "Heavy rain floods streets in Valencia"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("Heavy rain flooded") and article.paragraphs[1].startswith(
        "Forecasters"
    )
    for junk in (
        "Iberia Today > Spain",
        "Advertisement",
        "Newsletter",
        "Home | Spain",
        "comment",
        "All rights",
    ):
        assert junk not in article.text
        assert any(junk in line for line in article.removed), junk


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Iberia Today > Spain > Weather", "breadcrumb"),
        ("Home / News / Weather", "breadcrumb"),
        ("Newsletter: get Iberia Today in your inbox", "newsletter prompt"),
        ("Get the best of Iberia Today in your inbox every morning", "newsletter prompt"),
        ("Click here", "link text"),
        ("More »", "link text"),
    ],
)
def test_furniture_lines(line: str, reason: str) -> None:
    assert junk_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Press freedom matters",
        "More than 40 people died.",
        "He said: yes > no",
        "Next year the bridge reopens.",
    ],
)
def test_text_that_only_looks_like_furniture_stays(line: str) -> None:
    assert junk_reason(line) is None


def _seed(prefix: str) -> str:
    files = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return files[0].read_text(encoding="utf-8")


def test_seed_004_artefacts_are_repaired_and_its_promo_tail_removed() -> None:
    article = clean_text(_seed("004"))
    assert "approximately 1.28 million active soldiers" in article.text
    assert "his 'closest comrade.' Meanwhile" in article.text
    assert "nowhere near 3,000.' Military" in article.text
    assert "1. 28" not in article.text and ". '" not in article.text
    for promo in ("VocabSphere", "iOS and Android", "sample explanation", "Download now"):
        assert promo not in article.text


def test_seed_000_junk_line_is_removed_and_quotes_attached() -> None:
    article = clean_text(_seed("000"))
    assert "Update is obliged;" in article.removed and "Update is obliged" not in article.text
    assert "‘Because the war isn’t over yet,’" in article.text


def test_code_pasted_as_text_never_reaches_title_or_text() -> None:
    article = clean_text(
        "Test <script>alert(1)</script>\n\nThe council met on Monday to discuss the new library. "
        "<style>p{color:red}</style>It agreed to build it near the station.\n\n<script>\nvar x = 1;\n"
        "document.write(x);\n</script>\n\nThe library opens next year, the mayor said. <!-- tracker -->"
    )
    assert article.title == "Test"
    assert article.paragraphs == (
        "The council met on Monday to discuss the new library. It agreed to build it near the station.",
        "The library opens next year, the mayor said.",
    )
    given = clean_text("The library opens next year, the mayor said.", title="Test <script>alert(1)</script>")
    assert given.title == "Test"


def test_seed_004_through_adapt_input_has_no_app_advert(tmp_path: Path) -> None:
    from vocabsphere.cli_language import _adapt_input

    seed = tmp_path / "seed-004.txt"
    seed.write_text(_seed("004"), encoding="utf-8")
    text, title, removed = _adapt_input(str(seed), raw=False)
    assert title == "Are North Korean troops joining Russia’s war in Ukraine?"
    assert removed >= 10
    for advert in ("iOS", "Android", "VocabSphere", "Download now", "sample explanation"):
        assert advert not in text
    assert "1.28 million" in text


def test_a_link_inside_a_sentence_or_an_anchored_heading_stays() -> None:
    page = (
        "<html><head><title>Library</title></head><body><article>"
        "<p>The mayor, <span><a href='/people/ruth'>Ruth Adeyemi</a></span>, opened the new library on "
        "Monday. It has room for 18,000 books and a cafe for readers of every age.</p>"
        "<h2><a id='plans'>Plans for next year</a></h2>"
        "<p>Next year the library will open on Sundays too, and volunteers will run a reading club for "
        "children after school, the council said in a statement.</p></article></body></html>"
    )
    article = extract_html(page)
    assert article.paragraphs[0].startswith("The mayor, Ruth Adeyemi, opened the new library")
    assert "Plans for next year" in article.paragraphs
