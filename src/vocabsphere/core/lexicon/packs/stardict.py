"""StarDict packs: ``book.ifo`` + ``book.idx`` (or ``.idx.gz``) + ``book.dict`` (or
``.dict.dz``), optionally ``book.syn`` (extra headwords pointing at index entries).

.idx entries are ``word\\0`` + offset (32 bits, or 64 with ``idxoffsetbits=64``) + size
(32 bits), big-endian. With ``sametypesequence`` the type letters are left out of the data;
otherwise each field starts with its letter. Lower-case types are NUL-terminated text,
upper-case ones are sized binary (skipped).
"""

from __future__ import annotations

import gzip
import re
import struct
from collections.abc import Iterator
from pathlib import Path

from vocabsphere.core.errors import InvalidInput

from .. import dictd_reader
from .base import PackEntry, clean, target_language

LICENSE = "unspecified (StarDict pack; see its .ifo description)"
_TEXT_TYPES = set("mlgxhwky")
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li)>", re.IGNORECASE)


def _sibling(ifo: Path, *suffixes: str) -> Path | None:
    stem = ifo.with_suffix("")
    for suffix in suffixes:
        candidate = stem.with_name(stem.name + suffix)
        if candidate.exists():
            return candidate
    return None


def ifo_for(path: Path) -> Path:
    """The .ifo next to any StarDict file (book.idx.gz -> book.ifo)."""
    for suffix in (".idx.gz", ".idx", ".dict.dz", ".dict", ".syn", ".ifo"):
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)] + ".ifo")
    return path.with_name(path.name + ".ifo")


def _read(path: Path) -> bytes:
    if path.name.endswith((".dz", ".gz")):
        with gzip.open(path) as fh:
            return fh.read()
    return path.read_bytes()


def read_ifo(ifo: Path) -> dict[str, str]:
    lines = ifo.read_text(encoding="utf-8", errors="replace").splitlines()
    if not lines or not lines[0].startswith("StarDict's dict ifo file"):
        raise InvalidInput(f"{ifo.name} is not a StarDict .ifo file.", field="pack")
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def iter_index(data: bytes, offset_bits: int) -> Iterator[tuple[str, int, int]]:
    fmt = ">QI" if offset_bits == 64 else ">II"
    width = struct.calcsize(fmt)
    pos = 0
    while pos < len(data):
        end = data.index(b"\0", pos)
        word = data[pos:end].decode("utf-8", errors="replace")
        offset, size = struct.unpack_from(fmt, data, end + 1)
        pos = end + 1 + width
        yield word, offset, size


def fields(blob: bytes, sametypes: str) -> list[str]:
    """The text fields of one entry."""
    out, pos = [], 0
    types = list(sametypes)
    while pos < len(blob):
        if sametypes:
            if not types:
                break
            kind = types.pop(0)
        else:
            kind, pos = chr(blob[pos]), pos + 1
        last = sametypes and not types
        if kind.isupper():  # sized binary: skip it
            size = len(blob) - pos if last else struct.unpack_from(">I", blob, pos)[0]
            pos += size if last else 4 + size
            continue
        end = len(blob) if last else blob.find(b"\0", pos)
        end = len(blob) if end < 0 else end
        if kind in _TEXT_TYPES:
            out.append(blob[pos:end].decode("utf-8", errors="replace"))
        pos = end + 1
    return out


def translations(text: str) -> list[tuple[str, str | None]]:
    lines = _TAG.sub(" ", _BREAK.sub("\n", text)).split("\n")
    found: dict[str, tuple[str, str | None]] = {}
    for line, pos in dictd_reader.translation_lines(lines):
        for tr, tpos in dictd_reader.split_translations(line, pos):
            found.setdefault(tr.lower(), (tr, tpos))
    return list(found.values())


def read(path: Path, lang: str | None) -> Iterator[PackEntry]:
    ifo = ifo_for(path)
    if not ifo.exists():
        raise InvalidInput(f"{path.name}: the StarDict .ifo file is missing.", field="pack")
    info = read_ifo(ifo)
    code, inverted = target_language(ifo, lang, info.get("bookname", ""))
    idx = _sibling(ifo, ".idx", ".idx.gz")
    body = _sibling(ifo, ".dict", ".dict.dz")
    if idx is None or body is None:
        raise InvalidInput(f"{ifo.name}: the .idx or .dict file is missing.", field="pack")
    data, index = _read(body), list(iter_index(_read(idx), int(info.get("idxoffsetbits", 32))))
    heads: list[list[str]] = [[word] for word, _, _ in index]
    syn = _sibling(ifo, ".syn")
    if syn is not None:
        for word, number in _syn_entries(syn.read_bytes()):
            if number < len(heads):
                heads[number].append(word)
    for (_, offset, size), words in zip(index, heads, strict=True):
        text = "\n".join(fields(data[offset : offset + size], info.get("sametypesequence", "")))
        for tr, pos in translations(text):
            for word in words:
                head, target = clean(word), clean(tr)
                if head and target:
                    yield (
                        PackEntry(target, code, head, pos) if inverted else PackEntry(head, code, target, pos)
                    )


def _syn_entries(data: bytes) -> Iterator[tuple[str, int]]:
    pos = 0
    while pos < len(data):
        end = data.index(b"\0", pos)
        yield data[pos:end].decode("utf-8", errors="replace"), struct.unpack_from(">I", data, end + 1)[0]
        pos = end + 5
