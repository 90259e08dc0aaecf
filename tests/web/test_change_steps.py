"""The "What changed?" page names the adaptation's steps in plain words, never the pipeline's names."""

from __future__ import annotations

import re
from pathlib import Path

from vocabsphere.web.change_steps import STEP_DESCRIPTIONS, describe_steps

ADAPT = Path(__file__).parents[2] / "src" / "vocabsphere" / "core" / "adapt"


def test_every_step_the_pipeline_counts_has_a_description() -> None:
    syntax = (ADAPT / "syntax.py").read_text()
    rules = re.findall(r'^\s+"(\w+)": \w+,$', syntax, flags=re.MULTILINE)
    assert {"coordination", "passive", "attribution"} <= set(rules)
    names = {f"syntax.{r}" for r in rules}
    builder = (ADAPT / "builder.py").read_text()
    names |= set(re.findall(r'counts\["(\w+)"\]', builder)) | set(re.findall(r'\{"(\w+)": len', builder))
    names |= set(re.findall(r'"(\w+)": sum', builder))
    assert {"content", "compression", "numbers", "lexical", "glosses"} <= names
    assert names <= set(STEP_DESCRIPTIONS)


def test_descriptions_replace_names_and_internal_steps_are_left_out() -> None:
    steps = [("syntax.coordination", 3), ("verify_rounds", 1), ("lexical", 0), ("glosses", 2)]
    assert describe_steps(steps) == [
        ("two joined clauses split into two sentences", 3),
        ("hard words explained", 2),
    ]
