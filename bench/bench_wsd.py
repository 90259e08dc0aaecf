"""Word-sense disambiguation on SemEval-2007 (Raganato et al.'s framework): the shipped sense choice.

Usage:
    python bench/bench_wsd.py LEXICON [--data ../shared/data/wsd] [--tune] [--dump FILE]

Each sentence is parsed by the project's pipeline over the data's own tokens (the pipeline's POS,
lemma and parse; nothing of the data's annotation is used) and every instance goes through
``choose_sense`` exactly as the product calls it. An instance is right when the first sense is one
of the gold senses (keys mapped to synsets through WordNet's ``index.sense``); an instance without
a sense counts as wrong, so the figure is recall (= F1 when every instance gets an answer).

Rows: WordNet's first sense with the pipeline's lemma and POS, the same with the gold lemma and POS
(the published baseline's setting), the ranking without the distilled static vectors, the default
install (no torch) and, when installed, the ``senses`` extra. Split: documents d000 and d001 are
the tuning half (what the weights and the confidence map were chosen on), d002 the held-out
half; both are reported, and all 455.
"Confident" gives how often the product would make a claim from the sense and how often it is
right then.
"""

from __future__ import annotations

import argparse
import itertools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon import sense_choice as sc
from vocabsphere.core.lexicon import sense_ranking as sr
from vocabsphere.core.lexicon.sense_embedding import embeddings_available
from vocabsphere.core.lexicon.store_schema import wordnet_pos
from vocabsphere.core.text import load_pipeline

INDEX_SENSE = Path("/usr/share/wordnet/index.sense")  # Debian wordnet-sense-index / wordnet-base
TUNE_DOCS = ("d000", "d001")
_SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
_GOLD_POS = {"NOUN": "NOUN", "VERB": "VERB", "ADJ": "ADJ", "ADV": "ADV"}


@dataclass(frozen=True)
class Instance:
    id: str
    doc: Doc
    index: int  # first token of the instance in doc
    length: int  # tokens (multi-word instances: "take place")
    lemma: str  # gold (only for the gold-lemma baseline)
    pos: str
    gold: frozenset[str]  # synset ids

    @property
    def tuning(self) -> bool:
        return self.id.split(".")[0] in TUNE_DOCS


def sense_synsets(path: Path = INDEX_SENSE) -> dict[str, str]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            key, offset, *_ = line.split()
            out[key] = f"{offset}-{_SS_TYPE[key.split('%')[1][0]]}"
    return out


def load(data: Path) -> list[Instance]:
    keys = sense_synsets()
    gold = {}
    for line in (data / "semeval2007.gold.key.txt").read_text(encoding="utf-8").splitlines():
        iid, *senses = line.split()
        gold[iid] = frozenset(keys[s] for s in senses)
    nlp = load_pipeline()
    out = []
    tree = ET.parse(data / "semeval2007.data.xml")  # noqa: S314 - the shared data set, not user input
    for sentence in tree.getroot().iter("sentence"):
        words: list[str] = []
        marks: list[tuple[ET.Element, int, int]] = []
        for node in sentence:
            parts = (node.text or "").split()
            if node.tag == "instance":
                marks.append((node, len(words), len(parts)))
            words += parts
        doc = nlp(Doc(nlp.vocab, words=words, spaces=_spaces(words)))
        for node, start, length in marks:
            iid = node.attrib["id"]
            out.append(Instance(iid, doc, start, length, node.attrib["lemma"], node.attrib["pos"], gold[iid]))
    return out


def _spaces(words: Sequence[str]) -> list[bool]:
    """Detokenise as text would read: no space before punctuation or clitics ("n't", "'s")."""
    glue_before = {".", ",", ";", ":", "!", "?", "%", ")", "''", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
    return [
        i + 1 < len(words) and words[i + 1] not in glue_before and w not in ("(", "``", "$")
        for i, w in enumerate(words)
    ]


Predict = Callable[[Instance], list[str]]


def shipped(lexicon: Lexicon, weights: sr.Weights) -> Callable[[Instance], sc.SenseChoice]:
    def choose(inst: Instance) -> sc.SenseChoice:
        return sc.choose_sense(lexicon, inst.doc, inst.index, weights=weights)

    return choose


def first_sense_pipeline(lexicon: Lexicon) -> Predict:
    def predict(inst: Instance) -> list[str]:
        reading = sc.resolve_token(lexicon, inst.doc[inst.index])
        senses = lexicon.entries(reading.lemma, reading.upos if wordnet_pos(reading.upos) else None).senses
        return [s.synset_id for s in senses[:1]]

    return predict


def first_sense_gold(lexicon: Lexicon) -> Predict:
    def predict(inst: Instance) -> list[str]:
        senses = lexicon.entries(inst.lemma.replace("_", " "), _GOLD_POS.get(inst.pos)).senses
        return [s.synset_id for s in senses[:1]]

    return predict


@dataclass(frozen=True)
class Score:
    n: int
    right: int
    confident: int
    confident_right: int

    def line(self) -> str:
        acc = self.right / self.n if self.n else 0.0
        cov = self.confident / self.n if self.n else 0.0
        prec = self.confident_right / self.confident if self.confident else 0.0
        return f"{acc:6.1%} ({self.right}/{self.n})  confident {cov:5.1%} of instances, right {prec:5.1%}"


def score(items: Sequence[Instance], picks: dict[str, tuple[str | None, bool]]) -> Score:
    right = sum(picks[i.id][0] in i.gold for i in items)
    conf = [i for i in items if picks[i.id][1]]
    return Score(len(items), right, len(conf), sum(picks[i.id][0] in i.gold for i in conf))


def report(label: str, items: Sequence[Instance], picks: dict[str, tuple[str | None, bool]]) -> None:
    tune = [i for i in items if i.tuning]
    held = [i for i in items if not i.tuning]
    print(f"{label}")
    for name, part in (
        ("  tuning d000+d001", tune),
        ("  held-out d002   ", held),
        ("  all              ", items),
    ):
        print(f"{name} {score(part, picks).line()}")


def choice_picks(
    items: Sequence[Instance], choose: Callable[[Instance], sc.SenseChoice]
) -> dict[str, tuple[str | None, bool]]:
    out = {}
    for inst in items:
        c = choose(inst)
        out[inst.id] = (c.best.synset_id if c.best else None, c.confident)
    return out


def tune(lexicon: Lexicon, items: Sequence[Instance]) -> None:
    part = [i for i in items if i.tuning]
    results = []
    grid = itertools.product((0.2, 0.3, 0.5, 0.8), (0.5, 1.0), (0.0, 0.5, 1.0), (0.0, 0.3), (0.0, 2.0))
    for overlap, prior, hyper, ctx, comp in grid:
        weights = sr.Weights(
            overlap=overlap, prior=prior, hypernym_gloss=hyper, context_gloss=ctx, compound=comp, semantic=0.0
        )
        picks = choice_picks(part, shipped(lexicon, weights))
        results.append((score(part, picks).right, weights))
    for right, weights in sorted(results, key=lambda r: -r[0])[:10]:
        print(f"tuning {right}/{len(part)}  {weights}")


def fit(lexicon: Lexicon, items: Sequence[Instance], label: str, weights: sr.Weights) -> None:
    """Refit the confidence map (first sense's lead, weak) on the tuning half; show its
    precision at CONFIDENT on both halves with the fitted map."""
    from sklearn.linear_model import LogisticRegression

    choose = shipped(lexicon, weights)
    rows = []
    for inst in items:
        c = choose(inst)
        if len(c.senses) > 1:
            right = c.senses[0].sense.synset_id in inst.gold
            rows.append((inst, sc.lead_of(c.senses), float(sc.is_weak(c.senses[0])), right, c))
    tune_rows = [r for r in rows if r[0].tuning]
    model = LogisticRegression(C=1e4).fit([[r[1], r[2]] for r in tune_rows], [r[3] for r in tune_rows])
    fitted = sc.ConfidenceMap(
        lead=round(float(model.coef_[0][0]), 2),
        weak=round(float(model.coef_[0][1]), 2),
        bias=round(float(model.intercept_[0]), 2),
    )
    print(f"{label}: {fitted}  (precision of the instances with 2+ senses at each threshold)")
    for threshold in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        line = []
        for tuning in (True, False):
            part = [r for r in rows if r[0].tuning == tuning]
            sure = [r for r in part if sc.probability(r[4].senses, fitted) >= threshold]
            line.append(f"{sum(r[3] for r in sure)}/{len(sure)} of {len(part)}")
        print(f"  >= {threshold:.2f}: tuning {line[0]}, held-out {line[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexicon", type=Path)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/wsd"))
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--fit", action="store_true", help="refit the confidence maps on the tuning half")
    args = parser.parse_args()
    lexicon = Lexicon.open(args.lexicon)
    items = load(args.data)
    if args.tune:
        tune(lexicon, items)
        return
    if args.fit:
        fit(lexicon, items, "default install", sr.WITHOUT_EMBEDDINGS)
        if embeddings_available():
            fit(lexicon, items, "with the 'senses' extra", sr.SHIPPED)
        return
    for label, predict in (
        ("WordNet first sense, pipeline lemma and POS", first_sense_pipeline(lexicon)),
        ("WordNet first sense, gold lemma and POS", first_sense_gold(lexicon)),
    ):
        picks = {}
        for inst in items:
            ranked = predict(inst)
            picks[inst.id] = (ranked[0] if ranked else None, False)
        report(label, items, picks)
    report(
        "choose_sense, SemCor prior and Lesk only (static vectors off)",
        items,
        choice_picks(items, shipped(lexicon, sr.Weights(semantic=0.0, static=0.0))),
    )
    report(
        "choose_sense, default install (no torch: prior, Lesk, static vectors)",
        items,
        choice_picks(items, shipped(lexicon, sr.WITHOUT_EMBEDDINGS)),
    )
    if embeddings_available():
        report(
            "choose_sense with the 'senses' extra", items, choice_picks(items, shipped(lexicon, sr.SHIPPED))
        )
    else:
        print("the 'senses' extra is not installed: not measured")


if __name__ == "__main__":
    main()
