"""Reader for the WordNet 3.0 WNDB files (data.*, index.sense, *.exc), without NLTK.

File layout: wndb(5WN). A data line is
``offset lex_filenum ss_type w_cnt (word lex_id)+ p_cnt (ptr offset pos src_tgt)* [frames] | gloss``
with w_cnt and lex_id/src_tgt in hex, p_cnt in decimal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
EXC_FILES = {"n": "noun.exc", "v": "verb.exc", "a": "adj.exc", "r": "adv.exc"}
# index.sense ss_type digit -> POS letter (5 = satellite adjective, folded into 'a').
SENSE_TYPES = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
HYPERNYM_POINTERS = {"@": "hypernym", "@i": "instance_hypernym"}
DERIVATION_POINTER = "+"
# Syntactic markers on adjectives, e.g. "galore(ip)".
_ADJ_MARKER = re.compile(r"\((?:a|p|ip)\)$")
_QUOTED = re.compile(r'"([^"]*)"')


def synset_key(offset: int, pos: str) -> int:
    """Integer synset key: offsets are unique within one POS file, so add the POS number."""
    return offset * 10 + {"n": 1, "v": 2, "a": 3, "r": 4}[pos]


def synset_label(key: int) -> str:
    """Conventional WordNet id, e.g. 02084071-n."""
    return f"{key // 10:08d}-{'nvar'[key % 10 - 1]}"


@dataclass(frozen=True)
class Pointer:
    symbol: str
    target: int  # synset key
    source_word: int  # 1-based word number in this synset, 0 = whole synset
    target_word: int


@dataclass(frozen=True)
class Synset:
    key: int
    pos: str
    words: tuple[str, ...]  # as written in WordNet (underscores for spaces)
    pointers: tuple[Pointer, ...]
    definition: str
    examples: tuple[str, ...]
    frames: tuple[int, ...] = field(default=())


def split_gloss(gloss: str) -> tuple[str, tuple[str, ...]]:
    """Split 'definition; "example one"; "example two"' into its parts."""
    quote = gloss.find('"')
    if quote < 0:
        return gloss.strip().rstrip(";").strip(), ()
    definition = gloss[:quote].strip().rstrip(";").strip()
    examples = tuple(e.strip() for e in _QUOTED.findall(gloss[quote:]) if e.strip())
    return definition, examples


def parse_data_line(line: str, pos: str) -> Synset:
    head, _, gloss = line.partition(" | ")
    fields = head.split()
    offset = int(fields[0])
    w_cnt = int(fields[3], 16)
    words = tuple(_ADJ_MARKER.sub("", fields[4 + 2 * i]) for i in range(w_cnt))
    i = 4 + 2 * w_cnt
    p_cnt = int(fields[i])
    pointers = []
    for j in range(p_cnt):
        sym, off, ppos, src_tgt = fields[i + 1 + 4 * j : i + 5 + 4 * j]
        target_pos = "a" if ppos == "s" else ppos
        pointers.append(
            Pointer(sym, synset_key(int(off), target_pos), int(src_tgt[:2], 16), int(src_tgt[2:], 16))
        )
    rest = fields[i + 1 + 4 * p_cnt :]
    frames = tuple(int(rest[k + 1]) for k in range(1, len(rest) - 1, 3) if rest[k] == "+")
    definition, examples = split_gloss(gloss)
    return Synset(synset_key(offset, pos), pos, words, tuple(pointers), definition, examples, frames)


def read_synsets(wordnet_dir: Path) -> Iterator[Synset]:
    for pos, name in DATA_FILES.items():
        with (wordnet_dir / name).open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("  "):  # licence header lines start with two spaces
                    continue
                yield parse_data_line(line.rstrip("\n"), pos)


def read_sense_index(wordnet_dir: Path) -> dict[tuple[str, int], tuple[int, int]]:
    """(lemma, synset key) -> (sense number, tag count) from index.sense; empty if absent."""
    path = wordnet_dir / "index.sense"
    result: dict[tuple[str, int], tuple[int, int]] = {}
    if not path.exists():
        return result
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            sense_key, offset, sense_number, tag_count = line.split()
            lemma, _, lex_sense = sense_key.partition("%")
            pos = SENSE_TYPES[lex_sense[0]]
            result[(lemma.lower(), synset_key(int(offset), pos))] = (int(sense_number), int(tag_count))
    return result


def read_exceptions(wordnet_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(inflected form, pos, lemma) triples from the *.exc files."""
    for pos, name in EXC_FILES.items():
        path = wordnet_dir / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                form, *lemmas = line.split()
                for lemma in lemmas:
                    yield form.replace("_", " "), pos, lemma.replace("_", " ")


def wordnet_present(wordnet_dir: Path) -> bool:
    return all((wordnet_dir / name).exists() for name in DATA_FILES.values())
