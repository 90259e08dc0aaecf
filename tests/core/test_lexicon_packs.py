"""Dictionary packs: each format written small by hand, merged into a freshly built lexicon."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import struct
from collections.abc import Sequence
from pathlib import Path

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.lexicon import Lexicon, build_lexicon
from vocabsphere.core.lexicon.packs import detect_format, import_pack
from vocabsphere.core.lexicon.packs.stardict import fields

from .test_lexicon import write_dictd


@pytest.fixture(scope="module")
def empty_lexicon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lexicon with the schema and no translations (no sources installed under the root)."""
    root = tmp_path_factory.mktemp("packs")
    out = root / "lexicon.sqlite"
    build_lexicon(out, sources_root=root / "no-sources", languages=["de"], uk_ipa=False)
    return out


@pytest.fixture
def lexicon_file(empty_lexicon: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "lexicon.sqlite"
    shutil.copy(empty_lexicon, copy)
    return copy


def texts(path: Path, word: str, lang: str) -> list[str]:
    lex = Lexicon.open(path)
    try:
        return [t.text for t in lex.translations(word, lang)]
    finally:
        lex.close()


def write_stardict(
    directory: Path, book: str, entries: list[tuple[str, str]], syn: Sequence[tuple[str, int]] = ()
) -> Path:
    body, index = b"", b""
    for word, text in entries:
        data = text.encode()
        index += word.encode() + b"\0" + struct.pack(">II", len(body), len(data))
        body += data
    (directory / f"{book}.idx").write_bytes(index)
    with gzip.open(directory / f"{book}.dict.dz", "wb") as fh:
        fh.write(body)
    if syn:
        (directory / f"{book}.syn").write_bytes(
            b"".join(w.encode() + b"\0" + struct.pack(">I", n) for w, n in syn)
        )
    ifo = directory / f"{book}.ifo"
    ifo.write_text(
        "StarDict's dict ifo file\nversion=2.4.2\n"
        f"bookname=English-Korean test\nwordcount={len(entries)}\n"
        "sametypesequence=h\n",
        encoding="utf-8",
    )
    return ifo


def test_tsv_adds_a_language_and_is_idempotent(lexicon_file: Path, tmp_path: Path) -> None:
    pack = tmp_path / "korean.tsv"
    pack.write_text(
        "en\tko\tpos\nhouse\t집\tnoun\nrun\t달리다\tverb\nrun\t운영하다\tverb\n", encoding="utf-8"
    )
    report = import_pack(lexicon_file, pack, lang=None, source_name=None, license="CC0")
    assert report.format == "tsv" and report.added == 3
    assert texts(lexicon_file, "house", "ko") == ["집"]
    assert texts(lexicon_file, "running", "ko") == []  # no WordNet here to find the base form
    lex = Lexicon.open(lexicon_file)
    korean = next(info for info in lex.languages() if info.code == "ko")
    assert korean.name == "Korean" and korean.entries == 2
    source = next(s for s in lex.sources() if s.name == korean.sources[0])
    assert (source.kind, source.lang, source.license) == ("pack", "ko", "CC0")
    again = import_pack(lexicon_file, pack, lang=None, source_name=None, license="CC0")
    assert again.added == 0 and again.languages[0].confirmed == 0
    assert again.lexicon_version == report.lexicon_version
    assert texts(lexicon_file, "run", "ko") == ["달리다", "운영하다"]


def test_second_pack_confirms_existing_translations(lexicon_file: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.tsv"
    first.write_text("house\tHaus\n", encoding="utf-8")
    import_pack(lexicon_file, first, lang="de", source_name="pack-a", license=None)
    second = tmp_path / "b.tsv"
    second.write_text("house\thaus\nhouse\tGebäude\n", encoding="utf-8")
    report = import_pack(lexicon_file, second, lang="de", source_name="pack-b", license=None)
    assert (report.added, report.languages[0].confirmed) == (1, 1)
    lex = Lexicon.open(lexicon_file)
    haus, gebaeude = lex.translations("house", "de")
    assert haus.text == "Haus" and haus.sources == ("pack-a", "pack-b")
    assert gebaeude.text == "Gebäude" and gebaeude.source == "pack-b"


def test_wikdict_sqlite(lexicon_file: Path, tmp_path: Path) -> None:
    pack = tmp_path / "en-ko.sqlite3"
    conn = sqlite3.connect(pack)
    conn.execute(
        "CREATE TABLE simple_translation (written_rep TEXT NOT NULL, "
        "trans_list TEXT NOT NULL, max_score REAL, rel_importance REAL)"
    )
    conn.executemany(
        "INSERT INTO simple_translation VALUES (?, ?, ?, ?)",
        [("house", "집 | 가옥", 9.0, 1.0), ("dog", "개", 8.0, 0.5)],
    )
    conn.commit()
    conn.close()
    report = import_pack(lexicon_file, pack, lang=None, source_name=None, license=None)
    assert report.format == "wikdict" and report.languages[0].lang == "ko"
    assert texts(lexicon_file, "house", "ko") == ["집", "가옥"]
    source = next(s for s in Lexicon.open(lexicon_file).sources() if s.kind == "pack")
    assert "WikDict" in source.license and source.version


def test_stardict_with_html_and_syn(lexicon_file: Path, tmp_path: Path) -> None:
    ifo = write_stardict(
        tmp_path,
        "stardict-en-ko",
        [("house", "<b>1.</b> 집, 가옥<br>2. 주택"), ("travel", "여행하다; 이동하다")],
        syn=[("home", 0)],
    )
    report = import_pack(lexicon_file, ifo, lang=None, source_name=None, license=None)
    assert report.format == "stardict" and report.languages[0].lang == "ko"
    assert texts(lexicon_file, "house", "ko") == ["집", "가옥", "주택"]
    assert texts(lexicon_file, "home", "ko") == ["집", "가옥", "주택"]  # from the .syn file
    assert texts(lexicon_file, "travel", "ko") == ["여행하다", "이동하다"]
    assert detect_format(tmp_path / "stardict-en-ko.dict.dz") == "stardict"


def test_stardict_typed_fields() -> None:
    blob = b"t" + "haʊs".encode() + b"\0" + b"m" + "집".encode() + b"\0"
    assert fields(blob, "") == ["집"]  # the phonetic field is not a translation
    assert fields("집\0x".encode(), "mm") == ["집", "x"]


def test_dictd_pack(lexicon_file: Path, tmp_path: Path) -> None:
    write_dictd(tmp_path, "freedict-eng-kor", [("house", "house /haʊs/ <n>\n1. 집\n2. 가옥\n")])
    report = import_pack(
        lexicon_file, tmp_path / "freedict-eng-kor.index", lang=None, source_name=None, license="GPL"
    )
    assert report.format == "dictd" and report.languages[0].lang == "ko"
    assert texts(lexicon_file, "house", "ko") == ["집", "가옥"]


def test_kaikki_jsonl_all_languages_or_one(lexicon_file: Path, tmp_path: Path) -> None:
    lines = [
        {
            "word": "house",
            "pos": "noun",
            "lang_code": "en",
            "senses": [
                {
                    "translations": [
                        {"lang_code": "ko", "word": "집"},
                        {"code": "fi", "word": "talo"},
                        {"lang_code": "xx-old", "word": "ignored"},
                    ]
                }
            ],
        },
        {"word": "run", "pos": "verb", "lang_code": "en", "translations": [{"code": "fi", "word": "juosta"}]},
        {"word": "Haus", "pos": "noun", "lang_code": "de", "translations": []},
    ]
    pack = tmp_path / "kaikki.jsonl"
    pack.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    only = import_pack(lexicon_file, pack, lang="fi", source_name=None, license=None)
    assert [c.lang for c in only.languages] == ["fi"] and only.added == 2
    both = import_pack(lexicon_file, pack, lang=None, source_name=None, license=None)
    assert [c.lang for c in both.languages] == ["fi", "ko"]
    assert texts(lexicon_file, "house", "ko") == ["집"]
    lex = Lexicon.open(lexicon_file)
    assert lex.translations("run", "fi")[0].pos == "verb"
    assert {"fi", "ko"} <= {info.code for info in lex.languages()}


def test_bad_packs(lexicon_file: Path, tmp_path: Path) -> None:
    odd = tmp_path / "words.xyz"
    odd.write_bytes(b"\x00\x01binary")
    with pytest.raises(InvalidInput, match="supported formats: wikdict, stardict, dictd"):
        import_pack(lexicon_file, odd, lang="ko", source_name=None, license=None)
    nolang = tmp_path / "words.tsv"
    nolang.write_text("house\t집\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="language"):
        import_pack(lexicon_file, nolang, lang=None, source_name=None, license=None)
    with pytest.raises(InvalidInput, match="ISO 639-1"):
        import_pack(lexicon_file, nolang, lang="korean", source_name=None, license=None)
    with pytest.raises(InvalidInput, match="not found"):
        import_pack(lexicon_file, tmp_path / "absent.tsv", lang="ko", source_name=None, license=None)
