"""Reviewer's sheet: each level version beside its source, every edit marked, for a person to judge.

Usage (from the repository root):
    python bench/review_sheet.py [FILES...] [--dev N] [--skip K] [--levels A2,B1] [--out sheet.html]
        [--text] [--lexicon PATH] [--no-highlights] [--split train] [--highlights-only]
        [--source adv|int]

FILES are plain-text stories; ``--dev N`` adds N Advanced texts of OneStopEnglish dev
(../shared/data/onestopenglish), after the first K (``--skip``, to read stories not reviewed before);
``--split train`` takes them from the train split instead. ``--source int`` adapts each article's
Intermediate text instead of its Advanced one (default ``adv``): unseen material for articles whose
Advanced texts were already read, and real news is often written at B1-B2 too.
``--highlights-only`` (with ``--text``)
prints only each version's highlights and their explanations.
The lexicon defaults to $VOCABSPHERE_LEXICON.
Per story and level, one row per source sentence: the source on the left, what the version made of
it on the right, with deleted words struck through, new words (substitutions) underlined, a split
shown as separate numbered parts, glosses "(= ...)" in grey, and sentences the version left out
marked as such. Headings are shown as headings. The version's highlights follow, with their
explanations. Version sentences are numbered so a reviewer can note faults by number; the totals
per level are printed at the end.
"""

from __future__ import annotations

import argparse
import difflib
import html
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from bench_adapt import read_articles  # noqa: E402

from vocabsphere.core.adapt import AdaptedVersion, adapt_story  # noqa: E402
from vocabsphere.core.adapt.document import prepare  # noqa: E402
from vocabsphere.core.lexicon import Lexicon  # noqa: E402
from vocabsphere.core.text import load_pipeline  # noqa: E402

_TOKEN = re.compile(r"\(= [^)]*\)|\w[\w'’.,-]*\w|\w|[^\w\s]")
_GLOSS = re.compile(r"^\(= [^)]*\)$")


@dataclass(frozen=True)
class Row:
    source: str
    parts: tuple[str, ...]  # the version sentences made from it (several after a split)
    heading: bool


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def marked_html(source: str, version: str) -> str:
    """``version`` with the words it lost from ``source`` struck through and its new words underlined."""
    a, b = _tokens(source), _tokens(version)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in {"delete", "replace"}:
            out.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            for tok in b[j1:j2]:
                css = "gloss" if _GLOSS.match(tok) else "new"
                out.append(f'<ins class="{css}">{html.escape(tok)}</ins>')
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
    return " ".join(out)


def marked_text(source: str, version: str) -> str:
    """The same marks in plain text: [-lost-] {+new+} {=gloss=}."""
    a, b = _tokens(source), _tokens(version)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in {"delete", "replace"}:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if op in {"insert", "replace"}:
            out += ["{=" + t[3:-1] + "=}" if _GLOSS.match(t) else "{+" + t + "+}" for t in b[j1:j2]]
        if op == "equal":
            out.append(" ".join(a[i1:i2]))
    return " ".join(out)


def rows(text: str, version: AdaptedVersion) -> list[Row]:
    source = prepare(text)
    made: dict[int, list[str]] = {}
    for unit, sentence in version.sentences:
        made.setdefault(unit, []).append(sentence)
    return [
        Row(u.text, tuple(made.get(i, ())), u.paragraph in source.headings)
        for i, u in enumerate(source.units)
    ]


def _highlights(version: AdaptedVersion, lexicon: Lexicon | None) -> list[tuple[str, str]]:
    from vocabsphere.core.adapt.document import stands_alone
    from vocabsphere.core.learnables import select_highlights

    headings = {version.paragraphs[h] for h in version.headings}
    body = "\n\n".join(p for p in version.paragraphs if p not in headings)
    doc = load_pipeline()(body)
    found = select_highlights(doc, version.level_target, lexicon=lexicon)
    return [(h.sentence, h.explanation) for h in found if stands_alone(body, h.start_char, h.sentence)]


_STYLE = """<style>
body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;max-width:1400px}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
td{border-top:1px solid #ddd;vertical-align:top;padding:4px 8px;width:50%}
del{background:#fde2e2;color:#8a1c1c}ins.new{background:#dcfce7;text-decoration:underline}
ins.gloss{color:#666;text-decoration:none}.out{color:#999;font-style:italic}
.n{color:#999;font-size:.8em;margin-right:4px}h3.hd{margin:0;font-size:1em}
</style>"""


def render_html(
    stories: list[tuple[str, str, list[AdaptedVersion]]], lexicon: Lexicon | None, lights: bool
) -> str:
    out = ["<!doctype html><meta charset=utf-8><title>Reviewer's sheet</title>", _STYLE]
    for name, text, versions in stories:
        for version in versions:
            out.append(
                f"<h2>{html.escape(name)} — {version.level_target} (measures {version.measured_level},"
                f" {len(version.sentences)} sentences)</h2><table>"
            )
            number = 0
            for row in rows(text, version):
                if row.heading:
                    right = "<h3 class=hd>" + html.escape(row.source) + "</h3>" if row.parts else ""
                    out.append(
                        f"<tr><td><h3 class=hd>{html.escape(row.source)}</h3></td><td>{right}</td></tr>"
                    )
                    continue
                cells = []
                for part in row.parts:
                    number += 1
                    cells.append(f"<div><span class=n>{number}</span>{marked_html(row.source, part)}</div>")
                right = "".join(cells) or "<span class=out>left out</span>"
                out.append(f"<tr><td>{html.escape(row.source)}</td><td>{right}</td></tr>")
            out.append("</table>")
            if lights:
                out.append("<ol>")
                for sentence, why in _highlights(version, lexicon):
                    out.append(f"<li>{html.escape(sentence)}<br><small>{html.escape(why)}</small></li>")
                out.append("</ol>")
    return "\n".join(out)


def render_text(
    stories: list[tuple[str, str, list[AdaptedVersion]]],
    lexicon: Lexicon | None,
    lights: bool,
    only: bool = False,
) -> str:
    out: list[str] = []
    for name, text, versions in stories:
        for version in versions:
            out.append(f"=== {name} {version.level_target} (measures {version.measured_level})")
            if only:
                out += [f"  * {s}\n      {why}" for s, why in _highlights(version, lexicon)]
                continue
            number = 0
            for row in rows(text, version):
                if row.heading:
                    out.append(f"## {row.source}" + ("" if row.parts else "   [left out]"))
                    continue
                if not row.parts:
                    out.append(f"   [left out] {row.source}")
                for k, part in enumerate(row.parts):
                    number += 1
                    split = " [split]" if len(row.parts) > 1 and k else ""
                    out.append(f"{number:3d}{split} {marked_text(row.source, part)}")
            if lights:
                out += [f"  * {s}\n      {why}" for s, why in _highlights(version, lexicon)]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--dev", type=int, default=0, help="add the first N OneStopEnglish dev articles")
    parser.add_argument("--skip", type=int, default=0, help="start after the first K dev articles")
    parser.add_argument(
        "--split", default="dev", choices=("dev", "train"), help="read train articles instead"
    )
    parser.add_argument(
        "--highlights-only", action="store_true", help="(--text) only each version's highlights"
    )
    parser.add_argument("--source", default="adv", choices=("adv", "int"), help="the articles' level adapted")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--levels", default="A2,B1")
    parser.add_argument("--lexicon", default=os.environ.get("VOCABSPHERE_LEXICON"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--text", action="store_true", help="plain text instead of HTML")
    parser.add_argument("--no-highlights", action="store_true")
    args = parser.parse_args()
    lexicon = Lexicon.open(args.lexicon) if args.lexicon else None
    inputs = [(p.name, p.read_text(encoding="utf-8")) for p in args.files]
    if args.dev:
        articles = read_articles(args.data / "onestopenglish", args.split)
        inputs += [
            (f"{args.split}:{k}", v[args.source])
            for k, v in list(articles.items())[args.skip : args.skip + args.dev]
        ]
    levels = tuple(args.levels.split(","))
    nlp = load_pipeline()
    stories = []
    totals = dict.fromkeys(levels, 0)
    for name, text in inputs:
        versions = adapt_story(text, levels=levels, lexicon=lexicon, nlp=nlp, extra_levels=False)
        stories.append((name, text, versions))
        for v in versions:
            totals[v.level_target] += len(v.sentences) - len(v.headings)
    lights = not args.no_highlights
    if args.text:
        sheet = render_text(stories, lexicon, lights, args.highlights_only)
    else:
        sheet = render_html(stories, lexicon, lights)
    if args.out:
        args.out.write_text(sheet, encoding="utf-8")
    else:
        print(sheet)
    summary = ", ".join(f"{level} {n}" for level, n in totals.items())
    print(f"{len(stories)} stories; version sentences (headings excluded): {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
