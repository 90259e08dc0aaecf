"""Issue #17 round kinds6: more kinds per due word without a bad item (invented sentences).

- the "-ly" word form of adverbs of "-le" adjectives (probable -> probably, gentle -> gently), which
  the adjective finder missed, and of an adverb before "more"/"less" + adjective;
- the search for the distractors of a cloze that gives the key's meaning goes on past its usual
  number of candidates while fewer than three pass (hard words have few of their level and
  frequency); a plain cloze's search does not;
- no mass noun ("accordance") offered in a plural slot, where it is the one singular option;
- no cloze of a singular noun in -s that the tagger took for a plural ("a giant atlas"): its
  distractors came as plurals ("a giant cyclists"), wrong by their form alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from tests.core.exercise_checks import items
from vocabsphere.core.exercises import distractors as distractors_module
from vocabsphere.core.exercises.distractors import choose_distractors
from vocabsphere.core.exercises.modifier_forms import adjective_of
from vocabsphere.core.lexicon import Lexicon


@pytest.mark.parametrize(
    ("adverb", "adjective"),
    [("probably", "probable"), ("gently", "gentle"), ("simply", "simple"), ("remarkably", "remarkable")],
)
def test_adverbs_of_le_adjectives_are_found(real_lexicon: Lexicon, adverb: str, adjective: str) -> None:
    assert adjective_of(real_lexicon, adverb) == adjective


@pytest.mark.parametrize(
    ("sentence", "word", "adjective", "about"),
    [
        ("My grandmother has probably forgotten the name of the street.", "probably", "probable", "verb"),
        ("The teacher gently closed the door of the classroom.", "gently", "gentle", "verb"),
        # before "more" + adjective only an adverb stands: "significant more nutritious" is no English
        (
            "Fresh vegetables are significantly more nutritious than frozen ones.",
            "significantly",
            "significant",
            "comparative \u2018more nutritious\u2019",
        ),
        (
            "The new phones are considerably less expensive than the old ones.",
            "considerably",
            "considerable",
            "comparative \u2018less expensive\u2019",
        ),
    ],
)
def test_adverb_form_items(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, adjective: str, about: str
) -> None:
    item = items(real_lexicon, nlp, sentence, word)["word_form"]
    assert item.answer == word
    assert item.prompt == f"Write the right form of \u2018{adjective}\u2019 in the gap."
    assert f"tells us more about the {about}" in item.explanation


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The young driver was too inexperienced to drive the bus at night.", "inexperienced"),
        ("After the match, the winners looked smug and very pleased with themselves.", "smug"),
    ],
)
def test_cloze_with_a_meaning_searches_on_while_distractors_are_few(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    cloze = items(real_lexicon, nlp, sentence, word)["cloze"]
    assert cloze.answer == word and len(cloze.options) == 4
    assert cloze.prompt.startswith("Choose the word that fits the gap and means")


def test_plain_cloze_does_not_search_on(
    real_lexicon: Lexicon, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a meaning, the few candidates found past the usual number are the fit check's misses
    in a slot that takes almost any noun: the search stops where it did."""
    doc = nlp("The company made an announcement about the new factory.")
    token = next(t for t in doc if t.text == "announcement")
    seen: list[str] = []

    def candidates(*_: object) -> Iterator[str]:
        for word in ["zzz"] * distractors_module.MAX_TRIES + ["architect", "indicator", "individual"]:
            seen.append(word)
            yield word

    monkeypatch.setattr(distractors_module, "_candidates", candidates)
    assert choose_distractors(real_lexicon, token, "announcement", "NOUN", "announcement", 5) == ()
    assert len(seen) == distractors_module.MAX_TRIES + 1


def test_no_mass_noun_in_a_plural_slot(
    real_lexicon: Lexicon, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = nlp("The city built a wide path for pedestrians near the station.")
    token = next(t for t in doc if t.text == "pedestrians")

    def candidates(*_: object) -> Iterator[str]:
        yield from ("accordance", "planner", "defender", "warehouse", "treaty")

    monkeypatch.setattr(distractors_module, "_candidates", candidates)
    monkeypatch.setattr(distractors_module, "_refused", lambda *_: False)
    monkeypatch.setattr(distractors_module, "word_level", lambda *_: 3)
    found = choose_distractors(real_lexicon, token, "pedestrian", "NOUN", "pedestrians", 5)
    assert "accordance" not in found
    assert all(word.endswith("s") for word in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our teacher showed us a giant atlas that shows every river in Europe.",
        "The museum keeps an old atlas of the world in a glass box.",
    ],
)
def test_no_cloze_of_a_singular_tagged_plural(real_lexicon: Lexicon, nlp: Language, sentence: str) -> None:
    assert "cloze" not in items(real_lexicon, nlp, sentence, "atlas")


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # the key said again later in the sentence
        ("The new bike will probably cost £300, and it will probably weigh about 9kg.", "probably"),
        # "more" as a quantity is no adjective the adverb tells us about
        ("The total cost of the damage in the town is probably more than one million pounds.", "probably"),
    ],
)
def test_no_adverb_form_item_where_it_is_unsound(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    assert "word_form" not in items(real_lexicon, nlp, sentence, word)
