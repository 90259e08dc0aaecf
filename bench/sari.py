"""SARI (Xu et al., 2016), re-implemented from the authors' reference SARI.py.

Per item: n-grams n = 1..4 of source, candidate and references (source and candidate counts
"replicated" by the number of references, as the reference code does), then
  keep  = F1 of kept n-grams (precision and recall weighted by reference agreement),
  del   = precision of deleted n-grams,
  add   = F1 of added n-grams (set based),
each averaged over n; SARI = (keep + del + add) / 3 * 100, averaged over items (as `evaluate`
does). Text is lowercased and tokenised with a 13a-style tokenizer first. Default variant "xu":
the reference semantics (empty sets score 0); "evaluate" reproduces the Hugging Face metric.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["corpus_sari", "normalise", "sari_components", "sari_sentence"]

_13A = (
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
)


def normalise(text: str) -> str:
    """Lowercase and tokenise like sacrebleu's 13a tokenizer (what `evaluate`'s SARI applies)."""
    line = text.lower().replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} "
    for pattern, repl in _13A:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def _ngrams(tokens: Sequence[str], n: int) -> list[str]:
    return [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p > 0 or r > 0 else 0.0


def _sari_ngram(
    sgrams: list[str], cgrams: list[str], rgramslist: list[list[str]], numref: int, variant: str
) -> tuple[float, float, float]:
    rgramcounter = Counter(g for rgrams in rgramslist for g in rgrams)
    s_rep = Counter({g: c * numref for g, c in Counter(sgrams).items()})
    c_rep = Counter({g: c * numref for g, c in Counter(cgrams).items()})
    # Xu's SARI.py scores an empty set 0; `evaluate` (after tensor2tensor) scores it 1.
    empty = 1.0 if variant == "evaluate" else 0.0

    keep = s_rep & c_rep
    keep_good = keep & rgramcounter
    keep_all = s_rep & rgramcounter
    keep_p = sum(keep_good[g] / keep[g] for g in keep_good) / len(keep) if keep else empty
    if variant == "evaluate":  # tensor2tensor's "alleged bug [2]" fix of the keep recall
        keep_r = sum(keep_good.values()) / sum(keep_all.values()) if keep_all else empty
    else:
        keep_r = sum(keep_good[g] / keep_all[g] for g in keep_good) / len(keep_all) if keep_all else empty

    deleted = s_rep - c_rep
    del_good = deleted - rgramcounter
    del_p = sum(del_good[g] / deleted[g] for g in del_good) / len(deleted) if deleted else empty

    added = set(c_rep) - set(s_rep)
    add_good = added & set(rgramcounter)
    add_all = set(rgramcounter) - set(s_rep)
    add_p = len(add_good) / len(added) if added else empty
    add_r = len(add_good) / len(add_all) if add_all else empty
    return _f1(keep_p, keep_r), del_p, _f1(add_p, add_r)


def sari_sentence(source: str, candidate: str, references: Sequence[str], variant: str = "xu") -> float:
    """SARI of one item in [0, 1] on already normalised (space-tokenised) strings."""
    return sum(sari_components(source, candidate, references, variant)) / 3


def sari_components(
    source: str, candidate: str, references: Sequence[str], variant: str = "xu"
) -> tuple[float, float, float]:
    """(keep, delete, add) of one item, each averaged over n = 1..4."""
    s, c = source.split(), candidate.split()
    refs = [r.split() for r in references]
    keeps, dels, adds = [], [], []
    for n in range(1, 5):
        k, d, a = _sari_ngram(_ngrams(s, n), _ngrams(c, n), [_ngrams(r, n) for r in refs], len(refs), variant)
        keeps.append(k)
        dels.append(d)
        adds.append(a)
    return sum(keeps) / 4, sum(dels) / 4, sum(adds) / 4


def corpus_sari(
    sources: Sequence[str],
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    variant: str = "xu",
) -> float:
    """Mean item SARI × 100 after normalisation.

    ``variant="xu"`` (default) is Xu et al.'s SARI.py: an empty n-gram set scores 0, so copying the
    source earns no deletion or addition credit. ``variant="evaluate"`` is the Hugging Face port
    (empty sets score 1, tensor2tensor's keep-recall change), which scores copies far higher.
    """
    if not (len(sources) == len(predictions) == len(references)) or not sources:
        raise ValueError("sources, predictions and references must be non-empty and of equal length")
    total = sum(
        sari_sentence(normalise(s), normalise(p), [normalise(r) for r in refs], variant)
        for s, p, refs in zip(sources, predictions, references, strict=True)
    )
    return 100 * total / len(sources)
