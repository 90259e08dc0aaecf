"""Issue #17 round kinds7: more kinds per due word without a bad item (invented sentences).

- the typed word-family item (word formation) of a noun whose number nothing in the sentence
  decides ("The storm caused the _____ (DISASTROUS)"; "The _____ will surprise ..."): made, with both
  numbers accepted, where no word of the sentence agrees with the noun or fixes its number (an
  object or a noun after a preposition after "the" or a possessive; a subject whose verb has one
  form for both numbers); still refused where one may.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.exercise_checks import items
from vocabsphere.core.exercises.word_formation import _open_number
from vocabsphere.core.lexicon import Lexicon


@pytest.mark.parametrize(
    ("sentence", "word", "stem", "other"),
    [
        (
            "The storm caused the disaster in the small fishing village.",
            "disaster",
            "DISASTROUS",
            "disasters",
        ),
        ("Mia finally heard the explosions from the back of the hall.", "explosions", "EXPLODE", "explosion"),
        # a subject whose verb has one form for both numbers: a modal opens the group
        ("The explosion will surprise every family in the village.", "explosion", "EXPLODE", "explosions"),
        # "they" cannot point back to "explosion": the plural key changes nothing it agrees with
        (
            "The soldiers delayed the explosion so that they could leave the building.",
            "explosion",
            "EXPLODE",
            "explosions",
        ),
    ],
)
def test_word_formation_of_a_noun_whose_number_is_open(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, stem: str, other: str
) -> None:
    item = items(real_lexicon, nlp, sentence, word)["word_family"]
    assert item.prompt == f"Write the word from the family of {stem} that fits the gap."
    assert item.answer == word
    assert item.accepted == (word, other)
    assert "Nothing in the sentence decides the noun's number." in item.explanation
    assert item.explanation.endswith(f"Also right: {other}.")


def open_number(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> str | None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return _open_number(lexicon, token, token.lemma_.lower())


@pytest.mark.parametrize(
    ("sentence", "word", "other"),
    [
        ("The builders finally repaired the bridge near our school.", "bridge", "bridges"),
        ("She wrote a book about the greatest prime minister of the country.", "minister", "ministers"),
        ("The farmers will sell their apples at the market on Sunday.", "apples", "apple"),
        # "they" cannot point back to a singular noun
        ("The couple delayed the wedding so that they could rest at home.", "wedding", "weddings"),
    ],
)
def test_open_number_controls(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str, other: str
) -> None:
    assert open_number(real_lexicon, nlp, sentence, word) == other


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # a pronoun later may point back to the noun: "the bridges because it was" would not agree
        ("The builders finally repaired the bridge because it was old.", "bridge"),
        ("The farmers will sell their apples because they are ripe.", "apples"),
        # "between", "one of", "each other", "all" after the noun need the plural
        ("The children walked between the houses near our school.", "houses"),
        ("The teacher read one of the letters to the whole class.", "letters"),
        ("After the match the players thanked each other for the game.", "players"),
        ("Their letters all came too late for the families in the village.", "letters"),
        # a verb that agrees with its subject, or a group opening with "is"/"has"
        ("The letter arrives every morning at our house.", "letter"),
        ("The letter has arrived at our house this morning.", "letter"),
        ("The letter was read to every family in the village.", "letter"),
        # a determiner that decides the number, or none
        ("The builders finally repaired a bridge near our school.", "bridge"),
        ("The builders finally repaired this bridge near our school.", "bridge"),
        # a plural with a meaning of its own ("saving" is another word), a noun lemminflect lists
        # among its own plurals ("advices" is no English)
        ("My grandmother spent her savings on a small house by the sea.", "savings"),
        ("The doctor gave the advice to every patient in the village.", "advice"),
        # after "as" the noun names what another word is: "as the greatest prime ministers" for "she"
        ("She will be remembered as the greatest prime minister of the country.", "minister"),
        # "the sum of" needs two or more
        ("We are stronger than the sum of our small dreams.", "dreams"),
        # compared things are two or more
        ("The scientists compared the samples in the laboratory.", "samples"),
    ],
)
def test_no_open_number_where_the_sentence_may_decide_it(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    assert open_number(real_lexicon, nlp, sentence, word) is None


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # the only stem would be "HORNY", whose senses include a sexual one: never shown
        ("Every year, hundreds of rhinos are hunted for their horns in Africa.", "horns"),
        # "ideal" (from IDEALLY) is a noun too: "changed my ideal" would fill the gap
        ("So I changed my idea and started selling the flowers in the street.", "idea"),
        # "PLANAR" is rare and of another sense than the aeroplane
        ("The pilot was lifting the plane above the clouds over the sea.", "plane"),
    ],
)
def test_open_number_stems(real_lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> None:
    item = items(real_lexicon, nlp, sentence, word).get("word_family")
    assert item is None or len(item.accepted) == 1
    assert item is None or "HORNY" not in item.prompt


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # "prosecution" is a common noun of the family too: "The prosecution will have to decide"
        ("The prosecutor will have to decide the next step in the case.", "prosecutor"),
        # "demonstrators" too: "The demonstrators in the capital started peacefully"
        ("The demonstrations in the capital started peacefully on Monday.", "demonstrations"),
        # "announcer" too: "heard their announcers"
        ("Mia finally heard their announcements from the back of the hall.", "announcements"),
    ],
)
def test_no_open_number_beside_another_common_noun_of_the_family(
    real_lexicon: Lexicon, nlp: Language, sentence: str, word: str
) -> None:
    item = items(real_lexicon, nlp, sentence, word).get("word_family")
    assert item is None or len(item.accepted) == 1


def test_a_stem_with_a_taboo_sense_in_another_part_of_speech_stays(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # "safe" has a sexual sense as a noun only: SAFE is still shown for "safely"
    sentence = "The old painting was safely delivered to the museum on Monday."
    item = items(real_lexicon, nlp, sentence, "safely")["word_family"]
    assert item.answer == "safely"
