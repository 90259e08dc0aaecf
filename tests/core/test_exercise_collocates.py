"""Verb + noun and adjective + noun collocation items, with the real lexicon and pipeline: the
partner that goes with the noun is the one answer, the wrong partners are listed by hand and
checked against the dictionary, and nothing is made where another partner could fit."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.exercises import ExerciseItem, exercises_for_sentence
from vocabsphere.core.exercises.collocate_table import ADJECTIVE_NOUN, VERB_OBJECT
from vocabsphere.core.exercises.collocates import _listed_together, _synonym
from vocabsphere.core.lexicon import Lexicon


def collocation(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> ExerciseItem | None:
    made = exercises_for_sentence(lexicon, nlp(sentence), word, "B1")
    return next((i for i in made if i.kind.value == "collocation"), None)


def nothing(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> bool:
    return collocation(lexicon, nlp, sentence, word) is None


def test_the_verb_that_goes_with_the_learners_noun(real_lexicon: Lexicon, nlp: Language) -> None:
    item = collocation(real_lexicon, nlp, "The committee made a decision about the old bridge.", "decision")
    assert item is not None
    assert item.gapped == "The committee _____ a decision about the old bridge."
    assert item.answer == "made" and item.prompt == "Which verb goes with \u2018decision\u2019 here?"
    # every option in the key's form (past); two or three of the wrong partners, chosen by length
    assert len(item.options) >= 3 and set(item.options) <= {"made", "did", "said", "performed"}
    assert item.explanation.startswith("We say \u2018make a decision\u2019 (here \u2018made\u2019)")
    wrong = sorted({"do": "did", "say": "said", "perform": "performed"}.items(), key=lambda p: p[0] != "do")
    named = [f"\u2018{lemma}\u2019" for lemma, form in wrong if form in item.options]
    assert f"{named[-2]} and {named[-1]} do not go with \u2018decision\u2019" in item.explanation
    assert item.grammar_point is not None and item.grammar_point.id == "collocation_verb_noun"
    # The learner's word may be the verb itself: the same gap.
    same = collocation(real_lexicon, nlp, "The committee made a decision about the old bridge.", "made")
    assert same is not None and same.answer == "made" and same.gapped == item.gapped


def test_the_adjective_that_goes_with_the_noun(real_lexicon: Lexicon, nlp: Language) -> None:
    item = collocation(real_lexicon, nlp, "Close friends helped the family after the storm.", "friend")
    assert item is not None and item.answer == "Close"
    assert set(item.options) == {"Close", "Narrow", "Short"}  # capital as the key has it
    assert item.gapped.startswith("_____ friends helped")
    assert "We say \u2018close friends\u2019" in item.explanation
    assert item.grammar_point is not None and item.grammar_point.id == "collocation_adjective_noun"
    # "heavy" between "strong" and "high" is the one middle length: found by its length, no item.
    assert nothing(real_lexicon, nlp, "Heavy rain closed the roads near the village.", "rain")


def test_fixed_phrases_only_in_their_own_shape(real_lexicon: Lexicon, nlp: Language) -> None:
    item = collocation(real_lexicon, nlp, "Many students took part in the race last week.", "part")
    assert item is not None and item.answer == "took" and set(item.options) == {"took", "made", "did"}
    assert item.explanation.startswith("We say \u2018take part in\u2019 (here \u2018took\u2019)")
    # "part of" is a quantity ("did part of the work" is English): no item.
    assert nothing(real_lexicon, nlp, "The workers took part of the money home.", "part")
    # "take first place": another phrase than "take place".
    assert nothing(real_lexicon, nlp, "Our team took first place in the race.", "place")


def test_no_item_where_another_partner_could_fit(real_lexicon: Lexicon, nlp: Language) -> None:
    # Passive: "a decision was taken" is English too.
    assert (
        collocation(real_lexicon, nlp, "A decision was made by the committee on Monday.", "decision") is None
    )
    # A second complement lets other verbs in ("gave the team advice" / "sent the team advice").
    assert (
        collocation(real_lexicon, nlp, "The coach gave the young team advice before the game.", "advice")
        is None
    )
    # A verb the table does not list with the noun: nothing known to be wrong beside it.
    assert (
        collocation(real_lexicon, nlp, "The committee discussed a decision about the bridge.", "decision")
        is None
    )
    # Another noun shares the verb: the gap must fit both.
    assert nothing(real_lexicon, nlp, "She made a mistake and many friends at school.", "mistake")


def test_no_wrong_partner_is_a_combination_the_dictionary_knows(real_lexicon: Lexicon) -> None:
    for table, pos in ((VERB_OBJECT, "VERB"), (ADJECTIVE_NOUN, "ADJ")):
        for noun, row in table.items():
            assert len(row.wrong) >= 2, noun
            assert not row.good & set(row.wrong), noun
            for good in row.good:
                known = [w for w in row.wrong if _listed_together(real_lexicon, w, noun, pos)]
                close = [w for w in row.wrong if _synonym(real_lexicon, good, w, pos)]
                assert not known and not close, (noun, good, known, close)
    assert _listed_together(real_lexicon, "take", "place", "VERB")  # the check itself works


def test_faults_read_on_train_sentences_are_pinned(real_lexicon: Lexicon, nlp: Language) -> None:
    # The dictionary phrase takes the article the noun needs, not the one before its adjective.
    item = collocation(real_lexicon, nlp, "The long storm had a major impact on the town.", "impact")
    assert item is not None and item.answer == "had"
    assert item.explanation.startswith("We say \u2018have an impact\u2019 (here \u2018had\u2019)")
    # "tell truth from lies" is to tell apart, not "tell the truth": no item.
    assert (
        collocation(real_lexicon, nlp, "The new machine can tell truth from lies most of the time.", "truth")
        is None
    )
    told = collocation(real_lexicon, nlp, "In the end the young driver told the truth.", "truth")
    assert told is not None and told.answer == "told"
    assert "said" in told.options and set(told.options) <= {"told", "said", "made", "talked"}


def test_no_preposition_the_verb_also_takes_is_offered(real_lexicon: Lexicon, nlp: Language) -> None:
    # "complain of", "talk on climate change" (a lecture's subject) are English: read on dev.
    said = collocation(real_lexicon, nlp, "The old mayor commented on the new bridge.", "commented")
    assert said is not None and said.answer == "on" and not {"about", "to", "for"} & set(said.options)
    assert said.grammar_point is not None and said.grammar_point.id == "verb_preposition"
    # "about" is the one 5-letter preposition: beside the others it is the longest, a give-away.
    assert nothing(
        real_lexicon, nlp, "Local people complained about the noise from the new airport.", "complained"
    )
    # "talk" takes about, on, of, to, with, for and a phrase of place: nothing is wrong there.
    assert nothing(real_lexicon, nlp, "The students talked about the new film for an hour.", "talked")


def test_no_preposition_of_place_is_offered(real_lexicon: Lexicon, nlp: Language) -> None:
    # "get people talking at the club", "looked in the old photos": "at" and "in" are never wrong options.
    item = collocation(real_lexicon, nlp, "The children looked at the old photos for a long time.", "looked")
    assert item is not None and item.answer == "at"
    assert not {"in", "about", "on", "to"} & set(item.options)


def test_faults_read_on_dev_particles_and_prepositions(real_lexicon: Lexicon, nlp: Language) -> None:
    # "arrived in 2005": a phrase of time, not "arrive in" a place.
    assert nothing(real_lexicon, nlp, "My grandfather arrived in 1965 as a young teacher.", "arrived")
    # Before a noun phrase "up", "down" and "off" read as prepositions of a path: never wrong options.
    # After a verb of moving the key itself is one ("sliding down a drainpipe"): no item.
    assert nothing(real_lexicon, nlp, "The little cat was sliding down a long drainpipe.", "sliding")
    # A particle before its object with another verb: no path preposition as a wrong option, which
    # leaves "up" the shortest of "away", "back", "out": found by its length alone, so no item.
    assert nothing(real_lexicon, nlp, "The workers speeded up production last winter.", "speeded")


DECISIONS = (
    "The jury made a decision after a long day.",
    "Our club made a decision about the new pitch.",
    "My sister made a decision to move to the coast.",
    "The old farmer made a decision on Friday.",
    "The small school made a decision last spring.",
    "The city made a decision about its buses.",
)


def test_the_key_is_not_always_the_longest_option(real_lexicon: Lexicon, nlp: Language) -> None:
    # "made" beside "did" and "said" only was the longest option (or the first of two) every time:
    # a learner who picks the longest option needed no English. A longer wrong partner
    # ("performed a decision") lets it be the middle length in some items.
    items = [collocation(real_lexicon, nlp, s, "decision") for s in DECISIONS]
    assert all(i is not None and i.answer == "made" for i in items)
    assert all(set(i.options) <= {"made", "did", "said", "performed"} for i in items if i)
    assert any(max(i.options, key=len) != "made" for i in items if i)


def test_a_short_preposition_among_wrong_ones_of_its_length(real_lexicon: Lexicon, nlp: Language) -> None:
    # The first three wrong prepositions listed ("of", "to", "with") left "on" among the shortest
    # options every time: "of | on | to" gives the learner no length to go by.
    item = collocation(real_lexicon, nlp, "Small children depend on their parents for most things.", "depend")
    assert item is not None and item.answer == "on"
    assert item.options == ("of", "on", "to")


def test_no_item_whose_key_is_found_by_its_length(real_lexicon: Lexicon, nlp: Language) -> None:
    # "look" takes "to", "on", "into", "with", "about" ... as well: the wrong options left are "of" and
    # "from", and "for" between them is the one middle length. A learner needs no English there.
    assert nothing(real_lexicon, nlp, "We looked for the missing keys all morning.", "looked")
