"""English->X translations from an installed, compiled Apertium pair (e.g. apertium-eng-spa).

Debian ships only the compiled transducers, not the .dix sources, so the builder asks them:
``lt-proc`` (lttoolbox) analyses a vocabulary with ``*.automorf.bin`` and the analyses are
looked up in the bilingual ``*.autobil.bin``. Each call handles a whole batch.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

from .store_schema import normalize_pos

_LU = re.compile(r"\^((?:[^$\\]|\\.)*)\$")
_TAGS = re.compile(r"<([^>]*)>")
_SPECIAL = set("^$/<>@\\[]{}*#")
BATCH = 20000


def pair_dir(apertium_root: Path, target: str) -> Path | None:
    """Directory of the eng-<target> pair if both transducers exist."""
    base = apertium_root / f"apertium-eng-{target}"
    ok = (base / f"eng-{target}.automorf.bin").exists() and (base / f"eng-{target}.autobil.bin").exists()
    return base if ok else None


def available() -> bool:
    return shutil.which("lt-proc") is not None


def _run(args: list[str], text: str) -> str:
    done = subprocess.run(args, input=text, capture_output=True, text=True, check=True)
    return done.stdout


def _analyses(words: list[str], automorf: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Word -> readings whose lemma is the word, and word -> readings of other lemmas
    (forms such as "was" -> be<vbser><past>) for words with no lemma reading."""
    out = _run(["lt-proc", str(automorf)], "\n".join(words) + "\n")
    lemmas: dict[str, set[str]] = {}
    forms: dict[str, set[str]] = {}
    for line in out.split("\n"):
        units = _LU.findall(line)
        if len(units) != 1:
            continue  # unknown multi-word input split into several units
        surface, *readings = units[0].split("/")
        key = surface.lower()
        for reading in readings:
            if reading.startswith("*"):
                continue
            lemma = _TAGS.sub("", reading).replace("#", "")
            target = lemmas if lemma.lower() == key else forms
            target.setdefault(key, set()).add(_queue_first(reading))
    return lemmas, {k: v for k, v in forms.items() if k not in lemmas}


def _queue_first(reading: str) -> str:
    """'take<vblex><inf># part' -> 'take# part<vblex><inf>', the order the bidix expects."""
    if "#" not in reading:
        return reading
    head, queue = reading.split("#", 1)
    cut = head.find("<")
    return head[:cut] + "#" + queue + head[cut:] if cut >= 0 else reading


def _bilingual(analyses: Iterable[str], autobil: Path, keep_tags: bool = False) -> dict[str, list[str]]:
    ordered = sorted(set(analyses))
    out = _run(["lt-proc", "-b", str(autobil)], "\n".join(f"^{a}$" for a in ordered) + "\n")
    result: dict[str, list[str]] = {}
    for unit in _LU.findall(out):
        source, *targets = unit.split("/")
        texts = [
            t if keep_tags else _TAGS.sub("", t).replace("#", "").strip() for t in targets if t[:1] != "@"
        ]
        result[source] = [t for t in texts if t]
    return result


def _generate(translated: dict[str, list[str]], autogen: Path) -> dict[str, list[str]]:
    """Inflect bidix output (lemma + tags) into target surface forms with the generator."""
    # Transfer rules would add gender/number to participles; default to masculine singular.
    items = [(src, t + "<m><sg>" if t.endswith("<pp>") else t) for src, ts in translated.items() for t in ts]
    out = _run(["lt-proc", "-g", str(autogen)], "\n".join(f"^{t}$" for _, t in items) + "\n")
    lines = out.split("\n")
    result: dict[str, list[str]] = {}
    for (src, _), surface in zip(items, lines, strict=False):
        surface = surface.strip()
        if surface and not (set(surface) & set("#@*<>^$/")):
            result.setdefault(src, []).append(surface)
    return result


def _pos(reading: str) -> str | None:
    tags = _TAGS.findall(reading)
    return normalize_pos(tags[0]) if tags else None


def iter_translations(words: Iterable[str], pair: Path, target: str) -> Iterator[tuple[str, str, str | None]]:
    """(English word, translation, POS) for each vocabulary word the pair knows.

    Lemmas get target lemmas; word forms with no lemma reading ("was", "them",
    "interested") get generated target forms ("era", "les", "interesado").
    """
    clean = sorted({w for w in words if w and not (_SPECIAL & set(w))})
    found: set[str] = set()
    for start in range(0, len(clean), BATCH):
        for item in _translate_batch(clean[start : start + BATCH], pair, target):
            found.add(item[0])
            yield item
    # Proper nouns (Saturday, Olympics) are only analysed when capitalised; lt-proc copies
    # the input's case, so only words unknown in lower case are retried.
    retry = [w[:1].upper() + w[1:] for w in clean if w not in found]
    for start in range(0, len(retry), BATCH):
        yield from _translate_batch(retry[start : start + BATCH], pair, target)


def _translate_batch(words: list[str], pair: Path, target: str) -> Iterator[tuple[str, str, str | None]]:
    lemmas, forms = _analyses(words, pair / f"eng-{target}.automorf.bin")
    autobil = pair / f"eng-{target}.autobil.bin"
    yield from _emit(lemmas, _bilingual({r for rs in lemmas.values() for r in rs}, autobil))
    tagged = _bilingual({r for rs in forms.values() for r in rs}, autobil, keep_tags=True)
    yield from _emit(forms, _generate(tagged, pair / f"eng-{target}.autogen.bin"))


def _emit(
    readings: dict[str, set[str]], translated: dict[str, list[str]]
) -> Iterator[tuple[str, str, str | None]]:
    for word, word_readings in readings.items():
        for reading in sorted(word_readings):
            for text in translated.get(reading, []):
                yield word, text, _pos(reading)
