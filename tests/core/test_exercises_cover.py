"""Issue #17 coverage round "cover": more word forms where the sentence decides a noun's number,
nouns the parse mis-tags but the lexicon knows as nouns only, and the mis-tags that must give no
item (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from tests.core.exercise_checks import items
from vocabsphere.core.exercises import grade_answer
from vocabsphere.core.lexicon import Lexicon


def test_a_singular_verb_decides_its_subjects_number(real_lexicon: Lexicon, nlp: Language) -> None:
    made = items(real_lexicon, nlp, "The price of the tickets has gone up again this spring.", "price")
    form = made["word_form"]
    assert form.gapped == "The _____ of the tickets has gone up again this spring."
    assert form.answer == "price" and "\u2018has\u2019 is singular" in form.explanation
    assert not grade_answer(form, "prices").correct
    bridge = items(
        real_lexicon, nlp, "The old bridge over the river was closed for repairs last winter.", "bridge"
    )
    assert bridge["word_form"].answer == "bridge" and "\u2018was\u2019" in bridge["word_form"].explanation
    for sentence, word in [
        ("The team were happy with the result of the final match.", "team"),  # a plural verb: British usage
        ("My brother and his wife live in a small flat near the station.", "brother"),  # a joined subject
    ]:
        assert "word_form" not in items(real_lexicon, nlp, sentence, word), sentence


def test_number_words_that_make_a_noun_plural(real_lexicon: Lexicon, nlp: Language) -> None:
    for sentence, word, cue in [
        ("She bought a dozen eggs at the market on her way home.", "eggs", "dozen"),
        ("The museum has more than a hundred paintings from the last century.", "paintings", "hundred"),
    ]:
        form = items(real_lexicon, nlp, sentence, word)["word_form"]
        assert form.answer == word and f"After \u2018{cue}\u2019 the noun is plural" in form.explanation


def test_a_noun_only_word_the_tagger_calls_an_adjective(real_lexicon: Lexicon, nlp: Language) -> None:
    # Tagged JJ, but after "for", and the lexicon knows "CD" as a noun only.
    made = items(real_lexicon, nlp, "The market for CDs and DVDs has shrunk over the last ten years.", "CDs")
    pos = made["part_of_speech"]
    assert pos.answer == "noun" and "after the preposition \u2018for\u2019" in pos.explanation
    assert "cloze" not in made and "word_form" not in made  # the tag gives no form to inflect like
    # Without a determiner or preposition before it, the parse around a mis-tagged word is not
    # trusted: "keeper" is no object of "exhibits" in a job title.
    keeper = items(
        real_lexicon,
        nlp,
        "Maria Lopez, exhibits keeper at the city museum, said she was sure the vase was not stolen.",
        "keeper",
    )
    assert "part_of_speech" not in keeper and "cloze" not in keeper
    # A name is no noun to ask about.
    assert "part_of_speech" not in items(
        real_lexicon, nlp, "The Beatles sold records to Japan before their first tour.", "Japan"
    )


def test_mis_tags_that_give_no_item(real_lexicon: Lexicon, nlp: Language) -> None:
    # "joint" is never a verb in the sense-tagged corpus: the parse read "to" + verb + object.
    joint = items(
        real_lexicon, nlp, "The two families now go to joint counselling meetings at the clinic.", "joint"
    )
    assert "word_form" not in joint and "part_of_speech" not in joint
    # An adjective tag right after an infinitive "to": the word is the verb ("to clean rooms").
    assert "cloze" not in items(
        real_lexicon, nlp, "She wants to clean rooms in the big hotel near the sea.", "clean"
    )
    # A word usual as a verb keeps its base-form item.
    opened = items(real_lexicon, nlp, "She hopes to open doors for other young women in science.", "open")
    assert opened["word_form"].answer == "open"


def test_a_quotation_without_who_said_it(real_lexicon: Lexicon, nlp: Language) -> None:
    from vocabsphere.core.exercises import exercises_for_text

    # The quotation opened a sentence earlier: the sentence's marks do not pair, so it was refused.
    story = (
        "The last two months have been pure chaos, but happy chaos,\u201d said Tom Hill, who runs the shop."
    )
    made = {i.kind.value: i for i in exercises_for_text(real_lexicon, nlp, story, "chaos", "B1")}
    pos = made["part_of_speech"]
    assert pos.source_sentence == "\u201cThe last two months have been pure chaos, but happy chaos.\u201d"
    assert pos.shortened_from == story and pos.answer == "noun"
    # Not without a verb of saying after the closing mark: then the whole sentence, its quotation
    # opened (round cover4), with what the words are of.
    other = "The last two months have been pure chaos, but happy chaos,\u201d a sign on the shop door read."
    made_other = exercises_for_text(real_lexicon, nlp, other, "chaos", "B1")
    assert all(i.source_sentence == f"\u201c{other}" for i in made_other)


def test_the_last_word_of_a_list_is_joined_to_the_word_before_and(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    made = items(
        real_lexicon,
        nlp,
        "People in the town now eat more cucumbers, onions, carrots and mushrooms than before.",
        "mushrooms",
    )
    assert made["part_of_speech"].answer == "noun"
    assert "\u2018and\u2019 joins it to the noun \u2018carrots\u2019" in made["part_of_speech"].explanation
    angry = items(real_lexicon, nlp, "She was tired, hungry and angry after the long day at work.", "angry")
    assert "to the adjective \u2018hungry\u2019" in angry["part_of_speech"].explanation
    # A middle item is not joined by "and": no such reason.
    hungry = items(real_lexicon, nlp, "She was tired, hungry and angry after the long day at work.", "hungry")
    assert "part_of_speech" not in hungry


def test_faults_read_on_the_new_items_are_pinned(real_lexicon: Lexicon, nlp: Language) -> None:
    # A name the tagger took for a common noun: no part of speech, no cloze among capitalised nouns.
    potter = items(
        real_lexicon, nlp, "Visitors can see the work of Potter in the small gallery upstairs.", "Potter"
    )
    assert "cloze" not in potter and "part_of_speech" not in potter
    # A verb of state after "be" is an adjective as much as a continuous tense ("trust was lacking").
    lacking = items(
        real_lexicon, nlp, "By then, mutual trust was lacking and nobody wanted to go on.", "lacking"
    )
    assert "part_of_speech" not in lacking and "word_form" not in lacking
    rising = items(real_lexicon, nlp, "Prices in the shops are rising quickly this winter.", "rising")
    assert rising["word_form"].answer == "rising"  # an action in progress keeps its item
    # "there is absolutely no reason": the adverb tells about "no", not about the verb "is".
    absolutely = items(
        real_lexicon,
        nlp,
        "If it works here, there is absolutely no reason why it cannot work in the north.",
        "absolutely",
    )
    assert "part_of_speech" not in absolutely
    # A plain cloze before a "that" clause: "doubt", "idea", "hope" take the clause as well as "fact".
    fact = items(
        real_lexicon,
        nlp,
        "\u201cThe fact that the old mill is open again shows that the town is alive.\u201d",
        "fact",
    )
    assert "cloze" not in fact and fact["part_of_speech"].answer == "noun"


def test_there_is_and_there_are_decide_the_number(real_lexicon: Lexicon, nlp: Language) -> None:
    reasons = items(
        real_lexicon, nlp, "There are good reasons to visit the old town in the spring.", "reasons"
    )
    assert reasons["word_form"].answer == "reasons"
    assert "After \u2018there are\u2019 the noun is plural" in reasons["word_form"].explanation
    beaches = items(
        real_lexicon, nlp, "There are still beautiful beaches on the north coast of the island.", "beaches"
    )
    assert beaches["word_form"].answer == "beaches"
    bridges = items(
        real_lexicon, nlp, "The old bridges were closed for repairs during the long winter.", "bridges"
    )
    assert "\u2018were\u2019 is plural" in bridges["word_form"].explanation  # a passive's subject too


def test_what_the_faults_guards_keep(real_lexicon: Lexicon, nlp: Language) -> None:
    # A capitalised adjective of a place is an adjective still.
    scottish = items(
        real_lexicon, nlp, "Many tourists walk in the Scottish mountains every summer.", "Scottish"
    )
    assert scottish["part_of_speech"].answer == "adjective"
    # A relative "that" (the clause's subject) leaves the plain cloze of a constrained noun.
    cartons = items(
        real_lexicon, nlp, "The shop sold juice from cartons that were kept in the sun.", "cartons"
    )
    assert cartons["cloze"].answer == "cartons"


def test_no_adjective_reason_from_a_subject_that_disagrees_with_be(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # The parse made "noise problems is ridiculous" a clause: "problems" is no subject of "is".
    idea = "The idea that we cannot build a road because it will cause noise problems is ridiculous."
    assert "part_of_speech" not in items(real_lexicon, nlp, idea, "ridiculous")
    houses = items(
        real_lexicon, nlp, "The old houses in the village are beautiful in the spring.", "beautiful"
    )
    assert "describes \u2018houses\u2019" in houses["part_of_speech"].explanation
