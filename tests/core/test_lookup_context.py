"""In-context look-up over the real lexicon (sentences distinct from bench/data/sense_eval.tsv)."""

from __future__ import annotations

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.levels import level_of_score
from vocabsphere.core.lexicon import Lexicon, sense_embedding, sense_ranking
from vocabsphere.core.lexicon.context import WordLookup, lookup_in_context, lookup_many
from vocabsphere.core.lexicon.sense_ranking import ContextWord, text_keys, word_keys

RIVER_BANK = "09213565-n"
MONEY_BANK = {"08420278-n", "02787772-n"}  # the institution, or its building
DISMISS = "02402843-v"
BURNING = {"07302836-n", "13480848-n"}


@pytest.fixture(autouse=True, params=["lesk", "embeddings"])
def ranking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: the default ranker, and with sentence embeddings (the 'senses' extra)."""
    if request.param == "lesk":
        monkeypatch.setattr(sense_ranking, "load_sense_embedder", lambda: None)
    elif sense_embedding.load_sense_embedder() is None:
        pytest.skip("the 'senses' extra is not installed")
    return str(request.param)


def top(result: WordLookup) -> str:
    assert result.found and result.senses
    return result.senses[0].synset_id


def test_keys_match_inflected_forms() -> None:
    assert "loan" in word_keys("loans") and word_keys("the") == frozenset()
    assert {"deposit", "money"} <= text_keys("deposits of money")


def test_bank_by_the_river_and_bank_loan(real_lexicon: Lexicon) -> None:
    river = lookup_in_context(
        real_lexicon, "bank", "We had a picnic on the grassy bank beside the river.", "de"
    )
    loan = lookup_in_context(real_lexicon, "bank", "She took out a bank loan to pay for the new roof.", "de")
    assert top(river) == RIVER_BANK and top(loan) in MONEY_BANK
    assert river.pos == loan.pos == "NOUN" and river.lemma == "bank"
    assert river.supported and river.translations and river.translation_note is None


def test_fire_dismiss_and_fire_flames(real_lexicon: Lexicon) -> None:
    sacked = lookup_in_context(
        real_lexicon, "fired", "The manager fired three employees for stealing from the company.", None
    )
    flames = lookup_in_context(
        real_lexicon, "fire", "The fire spread quickly through the dry forest and burned the houses.", None
    )
    assert (sacked.lemma, sacked.pos, top(sacked)) == ("fire", "VERB", DISMISS)
    assert flames.pos == "NOUN" and top(flames) in BURNING
    assert sacked.forms["VBD"] == "fired" and sacked.forms["VBG"] == "firing"


def test_synonyms_simpler_first_with_levels(real_lexicon: Lexicon) -> None:
    sentence = "The manager fired three employees for stealing from the company."
    result = lookup_in_context(real_lexicon, "fired", sentence, None)
    dismiss = result.senses[0]  # the first sense's synonyms are rated
    assert dismiss.synset_id == DISMISS
    levels = [s.level for s in dismiss.synonyms if s.level]
    assert len(levels) >= 3 and levels == sorted(levels)
    assert all(s.level is None or s.level in {"A1", "A2", "B1", "B2", "C1", "C2"} for s in dismiss.synonyms)


def test_expression_under_the_tapped_word(real_lexicon: Lexicon) -> None:
    result = lookup_in_context(real_lexicon, "part", "She took part in the school concert.", "de")
    assert result.expression is not None and result.expression.text == "take part"
    assert result.expression.senses and result.expression.translations
    plain = lookup_in_context(real_lexicon, "part", "This part of the town is quiet.", "de")
    assert plain.expression is None


def test_inflected_forms_and_no_sentence(real_lexicon: Lexicon) -> None:
    went = lookup_in_context(real_lexicon, "went", "They went to the seaside on Sunday.", None)
    assert (went.lemma, went.pos) == ("go", "VERB")
    assert went.forms["VBD"] == "went" and went.forms["VBN"] == "gone"
    alone = lookup_in_context(real_lexicon, "went", None, None)
    assert (alone.lemma, alone.pos) == ("go", "VERB")
    houses = lookup_in_context(real_lexicon, "Houses", "", "de")
    assert houses.lemma == "house" and houses.forms["NNS"] == "houses"
    assert houses.cefr is not None and houses.cefr.level == level_of_score(houses.cefr.score)
    assert houses.ipa.us and any("(noun)" in f or "(verb)" in f for f in houses.family)


def test_each_pronunciation_belongs_to_its_own_word(real_lexicon: Lexicon) -> None:
    """The popover shows the lemma's IPA beside the lemma and the tapped form's beside the form; it
    showed the form's ("ˈtɹups") beside "troop"."""
    troops = lookup_in_context(real_lexicon, "troops", "The troops left the city.", None)
    assert troops.lemma == "troop" and troops.ipa == real_lexicon.ipa("troop")
    assert troops.ipa.us == "ˈtɹup" and troops.form_ipa is not None and troops.form_ipa.us == "ˈtɹups"
    went = lookup_in_context(real_lexicon, "went", "They went home.", None)
    assert went.ipa.us == "ˈɡoʊ" and went.form_ipa is not None and went.form_ipa.us == "ˈwɛnt"
    bee = lookup_in_context(real_lexicon, "Bee", "Bee numbers fall.", None)
    assert bee.lemma == "bee" and bee.form_ipa is None  # the form is the lemma: one pronunciation


def test_token_index_picks_the_second_occurrence(real_lexicon: Lexicon) -> None:
    sentence = "The light was too light to read by."
    first = lookup_in_context(real_lexicon, "light", sentence, None)
    second = lookup_in_context(real_lexicon, "light", sentence, None, token_index=4)
    assert first.pos == "NOUN" and second.pos == "ADJ"


def test_lookup_many_parses_once(real_lexicon: Lexicon) -> None:
    results = lookup_many(
        real_lexicon, ["bank", "river", "bank"], "The bank lent money to farmers by the river bank.", "de"
    )
    assert [r.word for r in results] == ["bank", "river", "bank"]
    assert top(results[0]) in MONEY_BANK and top(results[2]) == RIVER_BANK


def test_language_notes(real_lexicon: Lexicon) -> None:
    zulu = lookup_in_context(real_lexicon, "house", None, "zu")
    assert not zulu.supported and zulu.translations == ()
    assert zulu.translation_note == ("No dictionary for Zulu is installed; showing the English definition.")
    assert zulu.senses  # the English definitions are still there
    odd = lookup_in_context(real_lexicon, "photosynthesize", None, "de")
    assert odd.supported and odd.translations == ()
    assert odd.translation_note == "No translation found for 'photosynthesize' in German."


def test_unknown_word_is_a_result(real_lexicon: Lexicon) -> None:
    result = lookup_in_context(real_lexicon, "blorftastic", "It was blorftastic.", "de")
    assert not result.found and result.senses == ()
    assert result.note == "'blorftastic' is not in the dictionary."


@pytest.mark.parametrize(
    ("word", "lang", "message"),
    [
        ("", None, "Type or tap a word"),
        ("   ", "de", "Type or tap a word"),
        ("a" * 101, None, "at most 100 characters"),
        ("1234", None, "at least one letter"),
        ("bank", "xx", "ISO 639-1"),
        ("bank", "german", "ISO 639-1"),
    ],
)
def test_bad_input(real_lexicon: Lexicon, word: str, lang: str | None, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        lookup_in_context(real_lexicon, word, "A sentence.", lang)


def test_context_word_dataclass_is_hashable() -> None:
    assert len({ContextWord("banks", "bank", "n"), ContextWord("banks", "bank", "n")}) == 1


def test_simpler_words_are_the_adaptations_own(real_lexicon: Lexicon) -> None:
    """The popover's simpler words come from substitutes.simpler_words, inflected for the sentence."""
    result = lookup_in_context(
        real_lexicon, "instructors", "The instructors work at a school in the city.", None
    )
    assert [s.form for s in result.simpler] == ["teachers"]
    assert lookup_in_context(real_lexicon, "instructors", None, None).simpler == ()
