"""Reading core: tokens from the trained pipeline, statuses, coverage, the comfortable pick, pace."""

from __future__ import annotations

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.reading import (
    Coverage,
    LemmaStats,
    ReaderText,
    WordStatus,
    build_reader_text,
    coverage,
    parse_status,
    pick_comfortable,
    presumed_known,
    reader_class,
    status_from_stability,
    words_per_minute,
)
from vocabsphere.core.text import load_pipeline


def test_reader_text_keeps_paragraphs_sentences_and_names() -> None:
    text = "Ruth Adeyemi closed the bridges. Ferries ran at 9:30.\n\nWinds reached 140 km/h!"
    reader = build_reader_text(load_pipeline(), text, lambda lemma, pos: "B2" if lemma == "ferry" else "A1")
    assert len(reader.paragraphs) == 2 and len(reader.paragraphs[0]) == 2
    assert reader.paragraphs[0][1].text == "Ferries ran at 9:30."
    words = {t.text: t for t in reader.words()}
    assert words["bridges"].lemma == "bridge" and words["Ferries"].lemma == "ferry"
    assert words["Ruth"].is_name and "Ruth" not in reader.levels
    assert "140" not in words and "!" not in words  # numbers and punctuation are not words to learn
    assert ReaderText.from_json(reader.to_json()) == reader
    assert ReaderText.from_json("") is None and ReaderText.from_json('{"v": 0}') is None
    profile = reader.lemma_profile()
    # Keyed by lemma and part of speech (names count as nouns): "ferry" the noun, not any "ferry".
    assert profile["ferry:NOUN"] == LemmaStats(1, "B2", False) and profile["ruth:NOUN"].is_name
    assert words["ran"].key == "run:VERB" and words["the"].key == "the"  # function words: one key


def test_word_keys_fall_back_to_every_part_of_speech() -> None:
    from vocabsphere.core.reading import key_parts, lookup_key, word_key

    assert word_key("troop", "NOUN") == "troop:NOUN" and word_key("have", "AUX") == "have:VERB"
    assert word_key("paris", "PROPN") == "paris:NOUN" and word_key("of", "ADP") == "of"
    assert key_parts("troop:NOUN") == ("troop", "NOUN") and key_parts("re:") == ("re:", "")
    assert key_parts("km/h") == ("km/h", "") and key_parts("a:b") == ("a:b", "")
    statuses = {"state": 5, "run:VERB": 2}
    assert lookup_key(statuses, "state:NOUN") == 5  # a status for every part of speech
    assert lookup_key(statuses, "run:NOUN") is None  # the verb's status is not the noun's
    assert lookup_key(statuses, "run") == 2  # an old profile's key: any part of speech


def test_reader_lemmas_are_the_look_up_lemmas() -> None:
    """Statuses and saved words are keyed by the reader's lemma: it must be the lemma the look-up gives,
    or a saved "troop" is not found on "troops" (the trained lemmatiser keeps some plurals)."""
    from vocabsphere.core.lexicon.sense_ranking import token_lemma

    nlp = load_pipeline()
    text = "The troops were escalating the fight. She harvested apples and troops left."
    reader = build_reader_text(nlp, text, lambda lemma, pos: "B1")
    lemmas = {t.text: t.lemma for t in reader.words()}
    assert lemmas["troops"] == "troop" and lemmas["escalating"] == "escalate"
    assert lemmas["harvested"] == "harvest" and lemmas["apples"] == "apple"
    doc = nlp(text)
    assert [t.lemma for t in reader.words()] == [token_lemma(t) for t in doc if t.text in lemmas]


def test_words_inside_names_are_names() -> None:
    text = "New rules start in the United States and New York. Old people like the Red Cross."
    words = list(build_reader_text(load_pipeline(), text, lambda lemma, pos: "A2").words())
    names = {t.text for t in words if t.is_name}
    assert {"United", "States", "York", "Red", "Cross"} <= names and "Old" not in names
    new_rules, new_york = (t for t in words if t.text == "New")
    assert not new_rules.is_name and new_york.is_name  # "New rules" is not a name
    assert new_rules.lemma == "new"


def test_statuses_parse_and_classes() -> None:
    assert parse_status("learning-3") is WordStatus.LEARNING_3 and parse_status(5) is WordStatus.KNOWN
    for bad in ("famous", 9, True, ""):
        with pytest.raises(InvalidInput):
            parse_status(bad)  # type: ignore[arg-type]
    assert presumed_known("A1", "A1") and presumed_known("A2", "B1") and not presumed_known("B1", "B1")
    assert not presumed_known(None, "C2")
    assert reader_class(None, "A1", "B1", False) == "presumed"
    assert reader_class(None, "C1", "B1", False) == "new"
    assert reader_class(None, None, "B1", True) == "name"
    assert (
        reader_class(2, "C1", "B1", False) == "learning-2" and reader_class(6, "A1", "B1", True) == "ignored"
    )
    assert [status_from_stability(d) for d in (0.5, 3, 10, 30, 120)] == [1, 2, 3, 4, 5]


def test_coverage_counts_running_words() -> None:
    profile = {
        "the": LemmaStats(10, "A1", False),
        "bridge": LemmaStats(4, "A2", False),
        "gust": LemmaStats(2, "C1", False),
        "span": LemmaStats(2, "B2", False),
        "adeyemi": LemmaStats(2, None, True),
    }
    fresh = coverage(profile, {}, "B1")
    assert fresh == Coverage(tokens=20, known_tokens=16, learning_tokens=0, new_lemmas=2)
    assert fresh.known_share == 0.8 and fresh.new_share == pytest.approx(0.2)
    marked = coverage(profile, {"gust": 1, "span": 5, "bridge": 0}, "B1")
    assert marked == Coverage(tokens=20, known_tokens=14, learning_tokens=2, new_lemmas=1)


def test_pick_prefers_the_comfortable_band() -> None:
    def cov(share: float) -> Coverage:
        return Coverage(1000, int(share * 1000), 0, 0)

    assert pick_comfortable([("hard", cov(0.85)), ("right", cov(0.96)), ("easy", cov(1.0))]) == "right"
    assert pick_comfortable([("hard", cov(0.85)), ("easy", cov(0.99))]) == "easy"
    assert pick_comfortable([("a", cov(0.97)), ("b", cov(0.955))]) == "b"  # more to learn inside the band
    assert pick_comfortable([]) is None


def test_words_per_minute_needs_enough_time() -> None:
    assert words_per_minute(300, 120) == 150.0
    assert words_per_minute(300, 5) is None and words_per_minute(0, 100) is None
