"""`analyze_text` and `vocabsphere analyze`: level, features, grammar points, hardest words, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vocabsphere.cli import main
from vocabsphere.core.analysis import analyze_text
from vocabsphere.core.errors import InvalidInput

EASY = (
    "Tom has a small dog. The dog is brown. Every morning Tom and his dog go to the park. "
    "They play with a ball. Then they go home and eat breakfast. Tom likes his dog very much."
)
HARD = (
    "Although the committee had been warned repeatedly about the deteriorating infrastructure, "
    "its members, who were preoccupied with an acrimonious budgetary dispute, postponed any "
    "substantive intervention until the bridge had been declared structurally unsound by "
    "independent engineers. Critics contend that this procrastination, which was subsequently "
    "attributed to bureaucratic inertia, exacerbated the eventual cost of the refurbishment."
)


def test_easy_text_is_easier_than_hard_text() -> None:
    easy, hard = analyze_text(EASY), analyze_text(HARD)
    assert easy.score < hard.score
    assert easy.level in {"A1", "A2"}
    assert hard.level in {"B2", "C1", "C2"}
    assert easy.word_count == 37 and easy.sentence_count == 6


def test_hardest_words_are_the_rare_content_words() -> None:
    words = analyze_text(HARD).hardest_words
    assert len(words) == 10
    top = {w.lemma for w in words[:5]}
    assert top & {"acrimonious", "exacerbate", "procrastination", "inertia", "refurbishment", "preoccupy"}
    assert all(w.pos in {"NOUN", "VERB", "ADJ", "ADV"} for w in words)
    scores = [w.score for w in words]
    assert scores == sorted(scores, reverse=True)


def test_grammar_points_name_the_words() -> None:
    grammar = {g.id: g for g in analyze_text(HARD).grammar}
    passive = [g for g in grammar.values() if "passive" in g.id]
    assert passive, grammar.keys()
    assert any("been" in g.example or "declared" in g.example for g in passive)
    assert all(g.explanation for g in grammar.values())


@pytest.mark.parametrize(
    "text", ["", "   \n  ", "Die Hafenbrücke bleibt bis Donnerstag gesperrt, weil der Sturm zu stark war."]
)
def test_bad_input_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        analyze_text(text)


def test_huge_text_is_bounded() -> None:
    text = (EASY + "\n\n") * 30_000  # about 5 MB
    result = analyze_text(text)
    assert result.truncated and result.word_count < 40_000


def test_cli_json_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOCABSPHERE_ENV", "development")
    path = tmp_path / "hard.txt"
    path.write_text(HARD, encoding="utf-8")
    assert main(["analyze", str(path), "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    for key in (
        "level",
        "score",
        "features",
        "vocabulary_profile",
        "grammar",
        "hardest_words",
        "model_version",
    ):
        assert key in body
    assert {"lemma", "pos", "level"} <= set(body["hardest_words"][0])


def test_cli_refuses_binary_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 1000)
    assert main(["analyze", str(binary)]) == 1
    assert "not text" in capsys.readouterr().err
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 1
    assert "No such file" in capsys.readouterr().err
