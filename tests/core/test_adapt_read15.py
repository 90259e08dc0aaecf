"""Faults of round read15 (issue 14: an unseen reading of train 111-120, Intermediate texts, A2 and
B1), pinned on our own invented sentences: each shows the fault the teacher found, not the story's
text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.adapt_checks import drop_veto, sentence_needs
from vocabsphere.core.adapt.builder import VersionBuilder
from vocabsphere.core.adapt.coherence import dependencies, without_turn
from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.document import ParseCache, prepare
from vocabsphere.core.adapt.guard import _form_of_amount


def test_a_year_taken_up_needs_the_sentence_that_named_it() -> None:
    # "In 1515, a live Indian rhinoceros was sent ..." kept without "... the rhinoceros that Dürer
    # portrayed in 1515"
    needs = sentence_needs(
        "The bird looks like the one that a Dutch painter drew in 1650.",
        "The painter was famous for his birds.",
        "In 1650, a live parrot was brought to Amsterdam by a sailor.",
    )
    assert 0 in needs[2]
    # a year no sentence before names, or a decade, stands alone
    assert (
        sentence_needs("The painter was famous.", "In 1650, a parrot was brought to Amsterdam.")[1]
        == frozenset()
    )
    assert 0 not in sentence_needs("Prices rose in 1990.", "In 1990s Britain, prices rose fast.")[1]
    # another event's date: "she left in September 2013" ... "In 2013, he announced ..."
    needs = sentence_needs(
        "Ana left her team in September 2013.", "Fans were sad.", "In 2013, a new stadium opened."
    )
    assert 0 not in needs[2]


def test_there_are_more_without_than_needs_the_sentence_before() -> None:
    # "There are more southern white rhinos and black rhinos." kept without "The northern white
    # rhino is the rarest species": more than what?
    rare = "The red kite is the rarest bird of prey in the valley."
    assert 0 in sentence_needs(rare, "There are more buzzards and kestrels.")[1]
    assert 0 in sentence_needs(rare, "But there are now fewer owls.")[1]
    # the comparison told in the sentence, or a trend, stands alone
    assert 0 not in sentence_needs(rare, "There are more buzzards in the valley than in the town.")[1]
    assert 0 not in sentence_needs(rare, "There are more and more cyclists in the town.")[1]


def test_an_opening_turn_goes_with_the_sentence_it_turns_from() -> None:
    assert without_turn("But, with more practice, the team is sure it can win.") == (
        "With more practice, the team is sure it can win."
    )
    assert without_turn("However, the shop is becoming more popular.") == "The shop is becoming more popular."
    assert without_turn("But the shop stayed open.") == "The shop stayed open."
    # no turn, or a quotation that opens after it: left as written
    assert without_turn("Butter is cheaper this year.") == "Butter is cheaper this year."
    assert without_turn('But "the plan" failed.') == 'But "the plan" failed.'


def test_a_but_sentence_kept_without_the_one_before_loses_its_but(nlp: Language) -> None:
    # "But, with enough testing, Redmond is confident ..." kept after a sentence about a light, its
    # contrast ("What he has not yet done is test the device") left out
    text = (
        "Ana built a small robot that sorts rubbish.\n"
        "It has a green light that flashes when it is full. "
        "The robot was tested in parts. "
        "Ana has not yet tested it in a real street. "
        "But, with more tests, Ana is sure the robot will work.\n"
        "The robot will probably cost £90."
    )
    source = prepare(text)
    turn = next(i for i, u in enumerate(source.units) if u.text.startswith("But"))
    builder = VersionBuilder(source, ParseCache(nlp), None)

    def kept(*units: int) -> list[str]:
        draft, _ = builder.build("B1", exact=frozenset(units))
        return [s.text for s in draft.sentences]

    assert "With more tests, Ana is sure the robot will work." in kept(0, turn - 3, turn, turn + 1)
    # with the sentence it turns from, or the one before that (the turn may be from it), it stays
    but = "But, with more tests, Ana is sure the robot will work."
    assert but in kept(0, turn - 1, turn)
    assert but in kept(0, turn - 2, turn)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # "It doesn't matter how much you make [in tips]": all the pay, not the tips
        ("It does not matter how much you earn in fares.", " in fares"),
        ("She never knows how much she will make in tips.", " in tips"),
    ],
)
def test_in_and_a_bare_noun_says_what_the_amount_is(nlp: Language, sentence: str, words: str) -> None:
    assert drop_veto(nlp, sentence, words) is not None


def test_a_time_or_a_sum_without_its_kind_is_no_form_of_the_amount(nlp: Language) -> None:
    doc = nlp("The firm made £2m in the first year.")
    assert not _form_of_amount(next(t for t in doc if t.text == "year"))
    doc = nlp("The drivers make friends in cafes.")
    assert not _form_of_amount(next(t for t in doc if t.text == "cafes"))


def test_how_things_were_goes_with_the_change_after_it() -> None:
    # "Traditionally, presents such as silver plates ... are sent with wedding invitations." kept
    # without "But, now, these presents are being replaced by gifts by top western designer brands."
    were = "Traditionally, guests bring flowers to a new home."
    assert 1 in sentence_needs(were, "But, now, most of them bring wine.")[0]
    assert 1 in sentence_needs("For decades, the town had no bank.", "Today, it has three.")[0]
    # how things were, with no turn after it, or a turn in another paragraph, stands alone
    assert 1 not in sentence_needs(were, "Some bring cakes too.")[0]
    assert dependencies([Unit(0, were, 8), Unit(1, "But most bring wine now.", 5)])[0] == frozenset()
