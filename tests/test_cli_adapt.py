"""`vocabsphere adapt` cleans its input the way ingestion does; `--raw` adapts the text as it is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.core.test_ingest_repair import SAVED_PAGE
from vocabsphere.cli import main
from vocabsphere.cli_language import _adapt_input

PAGE_HTML = (
    "<!doctype html><html><head><title>Heavy rain floods streets in Valencia <script>alert(1)</script>"
    "</title></head><body><nav><a href='/'>Home</a></nav><article>"
    "<h1>Heavy rain floods streets in Valencia</h1>"
    "<p>Heavy rain flooded streets across Valencia on Tuesday, and the city closed 40 schools as a "
    "precaution. Officials said about 1. 28 million people live in the areas at risk.</p>"
    "<p><a href='/more'>click</a></p>"
    "<p>Forecasters expect the rain to ease on Wednesday, but they warned that rivers could keep rising.</p>"
    "</article><footer>All rights reserved</footer></body></html>"
)


def test_adapt_input_is_cleaned_like_ingestion(tmp_path: Path) -> None:
    page = tmp_path / "valencia.txt"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    text, title, removed = _adapt_input(str(page), raw=False)
    assert title == "Heavy rain floods streets in Valencia"
    assert text.startswith("Heavy rain flooded streets") and text.rstrip().endswith("keep rising.")
    for junk in ("Iberia Today >", "Advertisement", "Newsletter", "All rights reserved", "Leave a comment"):
        assert junk not in text
    assert removed >= 6


def test_adapt_input_from_html_has_no_code_links_or_artefacts(tmp_path: Path) -> None:
    page = tmp_path / "valencia.html"
    page.write_text(PAGE_HTML, encoding="utf-8")
    text, title, _ = _adapt_input(str(page), raw=False)
    assert title == "Heavy rain floods streets in Valencia"
    assert "about 1.28 million people" in text
    for junk in ("alert", "click", "All rights reserved", "Home"):
        assert junk not in text


def test_raw_flag_keeps_the_input_as_it_is(tmp_path: Path) -> None:
    page = tmp_path / "valencia.txt"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    text, title, removed = _adapt_input(str(page), raw=True)
    assert title is None and removed == 0
    assert "Iberia Today > Spain > Weather" in text and "All rights reserved" in text


def test_adapt_command_prints_a_version_of_the_clean_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = os.environ.get("VOCABSPHERE_LEXICON")
    if not lexicon or not Path(lexicon).is_file():
        pytest.skip("set VOCABSPHERE_LEXICON to a built lexicon (the README's test command does)")
    monkeypatch.setenv("VOCABSPHERE_ENV", "development")
    monkeypatch.setenv("VOCABSPHERE_DATA_DIR", str(tmp_path / "data"))
    page = tmp_path / "valencia.txt"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    assert main(["adapt", str(page), "--level", "B1", "--json", "--lexicon", lexicon]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["title"] == "Heavy rain floods streets in Valencia"
    assert "Valencia" in result["text"]
    for junk in ("Iberia Today", "Advertisement", "Newsletter", "All rights reserved", "comment"):
        assert junk not in result["text"]
        assert all(junk not in h["sentence"] for h in result["highlights"])
