"""Data for the text-level model: OneStopEnglish texts and CEFR-SP sentence groups, parsed once.

Parsed Docs are cached (spaCy DocBin) under a cache directory keyed by the texts and the pipeline
version, so feature experiments do not re-parse. Features are always recomputed from the Docs.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from vocabsphere.core.levels.text_level import parse_texts
from vocabsphere.core.text import MODEL_VERSION, load_pipeline
from vocabsphere.core.text.pipeline import model_path

OSE_LEVELS = ("ele", "int", "adv")
# Targets on the 1..6 scale: Elementary = A1-A2, Intermediate = B1, Advanced = B2 and above.
OSE_TARGET = {"ele": 2.0, "int": 3.0, "adv": 4.25}
GROUP_SIZE = 5  # CEFR-SP sentences per pseudo-text
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "vocabsphere-text-level-cache"


@dataclass(frozen=True, slots=True)
class OseText:
    article_id: str
    level: str  # ele / int / adv
    split: str  # train / dev
    text: str


@dataclass(frozen=True, slots=True)
class SpSentence:
    text: str
    label: float  # mean of the two annotators, 1 = A1 ... 6 = C2


def read_ose(data_dir: Path) -> list[OseText]:
    root = data_dir / "onestopenglish"
    with (root / "index.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        OseText(r["article_id"], r["level"], r["split"], (root / r["path"]).read_text("utf-8")) for r in rows
    ]


_DETOK = [
    (re.compile(r" ([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ll|'ve|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"`` | ''"), '"'),
    (re.compile(r" - "), "-"),
]


def detokenise(sentence: str) -> str:
    """Undo the released tokenisation ("Paris ." -> "Paris.") so our tokenizer sees plain text."""
    text = sentence.strip()
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def read_cefr_sp(data_dir: Path, split: str) -> list[SpSentence]:
    path = data_dir / "cefr_sp" / "wiki_auto" / f"{split}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            SpSentence(detokenise(r["sentence"]), (int(r["label_a"]) + int(r["label_b"])) / 2)
            for r in csv.DictReader(fh)
        ]


def _key(texts: Sequence[str], tag: str) -> str:
    # meta.json changes with every retraining (scores, timestamps) even if the version does not.
    meta = model_path().joinpath("meta.json").read_bytes()
    digest = hashlib.sha256(MODEL_VERSION.encode() + meta)
    for text in texts:
        digest.update(b"\x00" + text.encode("utf-8"))
    return f"{tag}-{digest.hexdigest()[:16]}"


def parse_cached(texts: Sequence[str], tag: str, cache_dir: Path | None) -> list[Doc]:
    """Parse with the run-time code path (``parse_texts``), reusing a cached DocBin if present."""
    path = (cache_dir / f"{_key(texts, tag)}.spacy") if cache_dir else None
    nlp = load_pipeline()
    if path is not None and path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = [doc for doc, _ in parse_texts(texts)]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def sp_groups(sentences: Sequence[SpSentence], seed: str) -> list[list[int]]:
    """Indices of sentences grouped GROUP_SIZE at a time within each rounded label.

    Order within a label is by SHA-256 of seed + sentence, so grouping is deterministic.
    """
    by_label: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_label.setdefault(int(s.label + 0.5), []).append(i)
    groups: list[list[int]] = []
    for label in sorted(by_label):
        idx = sorted(
            by_label[label], key=lambda i: hashlib.sha256((seed + sentences[i].text).encode()).digest()
        )
        groups.extend(idx[k : k + GROUP_SIZE] for k in range(0, len(idx), GROUP_SIZE))
    return groups


def sp_docs(docs: Sequence[Doc], groups: Sequence[Sequence[int]]) -> list[Doc]:
    return [Doc.from_docs([docs[i] for i in group]) for group in groups]
