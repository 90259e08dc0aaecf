"""Exercise items from a learner's words, with the real lexicon and pipeline: one right answer,
a true explanation, nothing made where it cannot be made well, and kind grading."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from vocabsphere.cli import main
from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.exercises import (
    ExerciseItem,
    exercises_for_sentence,
    exercises_for_text,
    grade_answer,
    parse_kinds,
)
from vocabsphere.core.exercises.distractors import _balanced, article_of, rare_plural, unfit_to_offer
from vocabsphere.core.lexicon import Lexicon

DECISION = "The board made a quick decision about the new school."
RAISED = "They have raised the price of bread."
DEPEND = "Small farmers depend on the weather for their income."
CHILDREN = "Many children played happily in the park after school."


def items(
    lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str = "B1"
) -> dict[str, ExerciseItem]:
    return {i.kind.value: i for i in exercises_for_sentence(lexicon, nlp(sentence), word, level)}


def test_every_choice_item_has_one_key_among_its_options(real_lexicon: Lexicon, nlp: Language) -> None:
    made = items(real_lexicon, nlp, DECISION, "decision")
    assert set(made) >= {"part_of_speech", "word_family", "cloze"}
    for item in made.values():
        assert item.source_sentence == DECISION
        assert item.kind.value == "word_form" or item.options.count(item.answer) == 1  # typed: no options
    assert made["part_of_speech"].answer == "noun"
    assert "after \u2018a\u2019" in made["part_of_speech"].explanation  # a reason from the parse
    assert made["word_family"].gapped == "The board made a quick _____ about the new school."
    assert set(made["word_family"].options) == {"decide", "decision", "decisive"}  # one per part of speech
    cloze = made["cloze"]
    assert len(cloze.options) == 4 and "decision" in cloze.options
    # Distractors never come from the word's family or its senses' synonyms.
    assert not {"decide", "decisive", "determination", "conclusion", "choice"} & set(cloze.options)


def test_word_forms_name_the_form_and_accept_only_it(real_lexicon: Lexicon, nlp: Language) -> None:
    form = items(real_lexicon, nlp, RAISED, "raised")["word_form"]
    assert form.answer == "raised" and "past participle" in form.prompt
    assert form.grammar_point is not None and form.grammar_point.id == "present_perfect"
    assert grade_answer(form, " Raised ").correct
    assert grade_answer(form, "riased").near_miss  # one slip of the finger
    assert not grade_answer(form, "raises").correct  # another form is the mistake practised, not a typo
    made = items(real_lexicon, nlp, CHILDREN, "children")
    assert made["word_form"].answer == "children" and "Many" in made["word_form"].explanation
    # A subject hardly constrains its noun ("Many dogs played ..."): no plain cloze there, only one
    # that gives the meaning as a clue.
    assert "cloze" not in made or "means \u201c" in made["cloze"].prompt


def test_sentence_patterns_and_collocations(real_lexicon: Lexicon, nlp: Language) -> None:
    made = items(real_lexicon, nlp, RAISED, "raised")
    assert made["sentence_role"].answer == "verb" and made["sentence_role"].grammar_point is not None
    order = made["word_order"]
    assert order.answer == "They have raised the price of bread"
    assert sorted(order.options) == sorted(["they", "have raised", "the price of bread"])
    assert grade_answer(order, "they have raised the price of bread.").correct
    assert not grade_answer(order, "The price of bread have raised they").correct
    # Two noun phrases could swap ("The cat chased the dog"): no ordering item.
    assert "word_order" not in items(real_lexicon, nlp, "The old farmer sold the red tractor.", "farmer")
    collocation = items(real_lexicon, nlp, DEPEND, "depend")["collocation"]
    assert collocation.answer == "on" and "upon" not in collocation.options


def test_nothing_is_made_from_a_sentence_that_is_not_usable(real_lexicon: Lexicon, nlp: Language) -> None:
    # The parse took "found" for the main verb: nothing is explained from it.
    garbled = "Enterobacteria, organisms usually found in the gut, had also acquired vancomycin resistance."
    assert items(real_lexicon, nlp, garbled, "organisms") == {}
    assert items(real_lexicon, nlp, "BREAKING NEWS", "news") == {}  # a heading
    assert items(real_lexicon, nlp, "The weather was fine.", "weather") == {}  # under six words
    long = "The minister said " + ", and ".join(["the plan would help farmers"] * 6) + "."
    assert items(real_lexicon, nlp, long, "farmers") == {}  # over thirty words
    assert items(real_lexicon, nlp, DECISION, "elephant") == {}  # the word is not in it
    with pytest.raises(InvalidInput):
        exercises_for_sentence(real_lexicon, nlp(DECISION), "decision", "Z9")
    with pytest.raises(InvalidInput):
        parse_kinds(["cloze", "bogus"])


def test_grading_refuses_empty_and_huge_answers(real_lexicon: Lexicon, nlp: Language) -> None:
    item = items(real_lexicon, nlp, DECISION, "decision")["cloze"]
    for bad in ("", "  ", "x" * 301):
        with pytest.raises(InvalidInput):
            grade_answer(item, bad)
    assert not grade_answer(item, "decisoin").correct  # choices are chosen, not typed: no typo grace


def test_articles_by_sound() -> None:
    assert [article_of(w) for w in ("hour", "union", "apple", "house", "one", "idea")] == [
        "an",
        "a",
        "an",
        "a",
        "a",
        "an",
    ]


def test_cli_prints_one_json_array(
    real_lexicon: Lexicon, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "words.tsv"
    lines.write_text(f"{DECISION}\tdecision\nBREAKING NEWS\tnews\n\n", encoding="utf-8")
    path = str(real_lexicon.path)
    assert (
        main(["exercises", "--json", "--kinds", "cloze,part_of_speech", "--lexicon", path, str(lines)]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert [o["kind"] for o in out] == ["cloze", "part_of_speech"]  # in the order asked for
    assert set(out[0]) >= {
        "kind",
        "prompt",
        "options",
        "answer",
        "accepted",
        "explanation",
        "grammar_point",
        "source_sentence",
        "word",
    }
    assert "_____" in out[0]["prompt"] and out[0]["word"] == "decision"
    assert main(["exercises", "--kinds", "bogus", "--lexicon", path, str(lines)]) != 0


def test_cloze_beyond_constrained_nouns_gives_the_meaning_as_a_clue(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    """Verbs, adjectives and adverbs take other words of their form ("the Pope blessed / hugged the
    cardinals"): their cloze names the meaning, so that one option fits and means that."""
    sentence = "The current laboratory test for measuring emissions is 25 years old and it needs to change."
    made = items(real_lexicon, nlp, sentence, "current")
    cloze = made["cloze"]
    assert cloze.answer == "current" and cloze.gapped.startswith("The _____ laboratory test")
    assert "means \u201c" in cloze.prompt and "none of them has this meaning" in cloze.explanation
    meaning = cloze.prompt.split("\u201c")[1]
    assert not any(w.startswith("curr") for w in meaning.lower().split())  # no give-away
    # The adjective describes the two nouns after it, not "laboratory" alone.
    assert "describes \u2018laboratory test\u2019" in made["part_of_speech"].explanation
    # No clue that a distractor echoes ("performs skillfully" beside "Performers"), no distractor
    # defined by the key ("giant: of great mass; huge and bulky" for "huge"), no expletive ("damn").
    sentence = "Experts agree that economic changes are fundamentally changing transportation."
    experts = items(real_lexicon, nlp, sentence, "Experts").get("cloze")
    if experts is not None and "perform" in experts.prompt:
        assert not any(o.lower().startswith("perfo") for o in experts.options)
    huge = items(real_lexicon, nlp, "China is already building huge maggot farms.", "huge")["cloze"]
    assert not {"giant", "damn", "enormous", "vast"} & set(huge.options)


def test_a_quoted_whole_sentence_is_usable(real_lexicon: Lexicon, nlp: Language) -> None:
    made = items(
        real_lexicon, nlp, "\u201cHumans are very imaginative animals,\u201d said Tonagawa.", "imaginative"
    )
    assert made["part_of_speech"].answer == "adjective"
    assert "describes the noun \u2018animals\u2019" in made["part_of_speech"].explanation


def test_no_mass_noun_plural_among_distractors(real_lexicon: Lexicon, nlp: Language) -> None:
    # The review found "equipments" offered beside "profits": a plural no teacher accepts.
    assert rare_plural("equipment", "equipments") and rare_plural("advice", "advices")
    assert not rare_plural("lawn", "lawns") and not rare_plural("parish", "parishes")
    made = items(real_lexicon, nlp, "The company made huge profits from the new phones last year.", "profits")
    assert "equipments" not in made.get("cloze", made["part_of_speech"]).options


def test_no_sentence_role_when_the_object_may_hold_an_adverbial(real_lexicon: Lexicon, nlp: Language) -> None:
    # The review found "'farmers' sheep in many parts of Europe' is the object": the phrase says where.
    made = items(real_lexicon, nlp, "Wolves threaten farmers' sheep in many parts of Europe.", "threaten")
    assert "sentence_role" not in made and "word_order" not in made


def test_review_faults_in_explanations_are_pinned(real_lexicon: Lexicon, nlp: Language) -> None:
    """Faults the teacher's review found in round 3, each pinned."""
    # "those present": "present" is no object a learner can check.
    made = items(
        real_lexicon, nlp, "At the end of his address, the Pope blessed those present, and left.", "blessed"
    )
    assert "object" not in made["part_of_speech"].explanation
    # "helping prisoners fit back": "fit" has no number, so it makes no subject plural.
    sentence = (
        "Both organizations work with the same goal: helping prisoners successfully fit back into "
        "society after they have been released."
    )
    made = items(real_lexicon, nlp, sentence, "prisoners")
    # asked only for the bare countable noun ("helping prisoner fit" is no English), never for a verb
    assert "word_form" not in made or "countable noun" in made["word_form"].explanation
    other = made.get("part_of_speech", made.get("cloze", made.get("word_family")))
    assert other is not None and "subject" not in other.explanation
    # "which deceased cultural person": an adjective, not a past simple.
    sentence = (
        "The governor asked the public to say which deceased cultural person they wanted to see on "
        "the new banknote."
    )
    assert "word_form" not in items(real_lexicon, nlp, sentence, "deceased")
    # "since the labradoodle's inventor": "inventor" does not come after "since".
    sentence = (
        "People sell crossbreed dogs since the labradoodle\u2019s inventor, Wally Conron, first "
        "created the dog in the 1980s."
    )
    for item in items(real_lexicon, nlp, sentence, "inventor").values():
        assert "\u2018since\u2019" not in item.explanation


def text_items(lexicon: Lexicon, nlp: Language, sentence: str, word: str) -> list[ExerciseItem]:
    return exercises_for_text(lexicon, nlp, sentence, word, "B1")


SENTENCED = (
    "In Sweden, no young person under the age of 21 can be sentenced to life \u2013 this is not the "
    "case in many other European countries, where people can be locked up for ever."
)


def test_a_long_sentence_gives_items_from_its_clause(real_lexicon: Lexicon, nlp: Language) -> None:
    # 34 words: too long for an item, but its first clause is a complete, grammatical sentence.
    assert exercises_for_sentence(real_lexicon, nlp(SENTENCED), "sentenced", "B1") == []
    made = text_items(real_lexicon, nlp, SENTENCED, "sentenced")
    assert {i.kind.value for i in made} >= {"part_of_speech", "word_form"}
    for item in made:
        assert (
            item.source_sentence == "In Sweden, no young person under the age of 21 can be sentenced to life."
        )
        assert item.shortened_from == SENTENCED and item.as_json()["shortened_from"] == SENTENCED
    form = next(i for i in made if i.kind.value == "word_form")
    assert form.gapped == "In Sweden, no young person under the age of 21 can be _____ to life."
    # The coordinated clause of another long sentence, without its "but".
    sentence = (
        "Insects are critical to life on Earth and, with more than a million species, are the most "
        "diverse group of creatures on the planet, but they are misunderstood, hated and often killed "
        "by humans just because they are there."
    )
    shortened = {i.source_sentence for i in text_items(real_lexicon, nlp, sentence, "humans")}
    assert (
        "They are misunderstood, hated and often killed by humans just because they are there." in shortened
    )


def test_no_item_from_a_clause_that_is_reported_or_conditional(real_lexicon: Lexicon, nlp: Language) -> None:
    # The word sits in what somebody believes: the clause alone would state it as a fact.
    sentence = (
        "He believes that every undocumented immigrant in the country should be sent back to their home "
        "and he wants to ask Mexico to pay for a very long wall along the whole southern border."
    )
    assert text_items(real_lexicon, nlp, sentence, "immigrant") == []
    # The main clause holds only under "if ...": it is never cut from its condition.
    sentence = (
        "The company will close the old factory in the north of the town next year if the government "
        "does not give it the money that it has asked for since 2019."
    )
    for item in text_items(real_lexicon, nlp, sentence, "factory"):
        assert " if " in item.source_sentence


def test_a_whole_sentence_of_a_longer_quotation_is_used_with_the_other_mark_added(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    sentence = "\u201cAre there multiple conditions that lead to the formation of false memories?"
    made = text_items(real_lexicon, nlp, sentence, "formation")
    whole = f"{sentence}\u201d"  # somebody's words stay in marks (round exfix)
    assert made and all(i.source_sentence == whole and i.shortened_from == sentence for i in made)
    # "form" is a noun as well as a verb: "the form of false memories" fits too, so never offered.
    assert all("form" not in i.options for i in made)
    # An apostrophe is no quotation mark ("you've"), but a half quotation is no sentence.
    assert text_items(real_lexicon, nlp, "If you like mushrooms, you\u2019ve eaten so many worms.", "worms")
    broken = (
        "A very tall wall, taller than that ceiling.\u201d \u2013 might sound unrealistic to some people."
    )
    assert text_items(real_lexicon, nlp, broken, "unrealistic") == []


def test_words_joined_by_and_and_clauses_with_adverbials(real_lexicon: Lexicon, nlp: Language) -> None:
    sentence = (
        "In Iqaluit that was not possible, so the map makers walked the town\u2019s snowy roads and trails."
    )
    made = items(real_lexicon, nlp, sentence, "trails")
    assert made["part_of_speech"].answer == "noun"
    assert "\u2018and\u2019 joins it to the noun \u2018roads\u2019" in made["part_of_speech"].explanation
    role = items(
        real_lexicon,
        nlp,
        "In 2013, the researchers found new resistant bacteria in the hospital.",
        "bacteria",
    )
    assert role["sentence_role"].answer == "object" and "word_order" not in role  # the adverbials could move
    order = items(real_lexicon, nlp, "The new head teacher helped them.", "teacher")["word_order"]
    assert order.answer == "The new head teacher helped them"  # "them helped ..." is no English


def test_distractor_lengths_give_no_cue() -> None:
    """The key is as often the longest, the shortest or in the middle as chance says, and never the
    only option of a middle length (two distractors of one length on one side of it)."""
    key = "garden"
    found = ["tree", "leaf", "stone", "planets", "harbour", "windows", "kitchens", "beach"]
    places: Counter[str] = Counter()
    for seed in range(400):
        options = [key, *_balanced(found, key, random.Random(seed))]
        lengths = sorted({len(o) for o in options})
        middle = [o for o in options if len(o) not in (lengths[0], lengths[-1])]
        assert middle != [key]
        places[
            "longest" if len(key) == lengths[-1] else "shortest" if len(key) == lengths[0] else "middle"
        ] += 1
    assert 0.18 < places["longest"] / 400 < 0.32 and 0.18 < places["shortest"] / 400 < 0.32


def test_no_grim_word_or_name_written_small_among_distractors(real_lexicon: Lexicon) -> None:
    # The review found "52 million YouTube suicides" and "a media christ" among the options.
    def unfit(word: str) -> bool:
        return unfit_to_offer(real_lexicon.entries(word, "NOUN").senses)

    assert unfit("suicide") and unfit("christ") and unfit("murder")
    assert not any(unfit(w) for w in ("network", "jar", "view", "prisoner", "connection"))


def test_review_faults_of_round_5_are_pinned(real_lexicon: Lexicon, nlp: Language) -> None:
    """Faults the teacher's review found after the clause and adverbial changes, each pinned."""
    # Parses a role must not rest on: "essential" taken for the object's noun, "tiger" for the verb.
    for sentence, word in [
        ("NASA considers this research essential for a future mission to Mars.", "considers"),
        ("Some wealthy Nepali have tiger heads on the walls of their living rooms.", "wealthy"),
    ]:
        assert "sentence_role" not in items(real_lexicon, nlp, sentence, word)
    # "was mixed" is an adjective as much as a passive; "would have covered" is no present perfect.
    sentence = (
        "On the club supporters\u2019 website, reaction to Costa\u2019s becoming the manager was mixed."
    )
    assert "word_form" not in items(real_lexicon, nlp, sentence, "mixed")
    sentence = (
        "The draft regulation would have covered fewer pollutants and delayed the new rules until 2020."
    )
    assert "word_form" not in items(real_lexicon, nlp, sentence, "covered")

    # "was mixed" is no clear verb either, and "prefer" is no noun that "dead" could describe.
    sentence = (
        "On the club supporters\u2019 website, reaction to Costa\u2019s becoming the manager was mixed."
    )
    assert "part_of_speech" not in items(real_lexicon, nlp, sentence, "mixed")
    sentence = "Scientists said that relatives of the dead prefer the new method to a traditional autopsy."
    for item in items(real_lexicon, nlp, sentence, "dead").values():
        assert "\u2018prefer\u2019" not in item.explanation
    # A clause of saying cut from what was said says nothing: "The astronaut told journalists after ...".
    sentence = (
        "Himalayan lakes, spacewalks and the US presidential campaign helped Scott Kelly stay sane during "
        "his 340 days in space, the astronaut told journalists after he landed back on Earth from a "
        "record-breaking mission."
    )
    for item in text_items(real_lexicon, nlp, sentence, "journalists"):
        assert not item.source_sentence.startswith("The astronaut told journalists")


def test_sentence_role_in_a_longer_sentence(real_lexicon: Lexicon, nlp: Language) -> None:
    """Issue #17 coverage: the subject, verb or object of the main clause is asked in a sentence
    with more in it, each part one phrase the parse is sure of; the explanation names only those."""
    longer = "The young farmers sold their wheat at the market last week because prices were high."
    role = items(real_lexicon, nlp, longer, "wheat")["sentence_role"]
    assert role.answer == "object" and "\u2018their wheat\u2019 is the object" in role.explanation
    assert items(real_lexicon, nlp, longer, "farmers")["sentence_role"].answer == "subject"
    assert items(real_lexicon, nlp, longer, "sold")["sentence_role"].answer == "verb"
    hope = "Some rivals still hope that the voters will get tired of his attacks."
    role = items(real_lexicon, nlp, hope, "rivals")["sentence_role"]
    assert role.answer == "subject" and "object" not in role.explanation  # the that-clause is not named
    # A passive subject does not do the action: said so, as a passive (issue #17 third coverage round).
    passive = "The old farmers were paid well because prices were high last year."
    role = items(real_lexicon, nlp, passive, "farmers")["sentence_role"]
    assert role.answer == "subject" and "passive" in role.explanation and "does it" not in role.explanation
    museum = "The museum, which opened in 1990, attracts thousands of visitors every year."
    assert "sentence_role" not in items(real_lexicon, nlp, museum, "museum")


def test_word_forms_where_the_sentence_rules_out_the_other_form(real_lexicon: Lexicon, nlp: Language) -> None:
    """Issue #17 coverage: the verb without -s after a plural subject, and the singular after "a"
    or "every", are forms the sentence decides, though they equal the dictionary form."""
    verb = items(real_lexicon, nlp, "Some ants taste like lemon in the forests of Brazil.", "taste")
    form = verb["word_form"]
    assert form.answer == "taste" and "present simple" in form.prompt
    assert "\u2018ants taste\u2019" in form.explanation
    assert not grade_answer(form, "tastes").correct
    noun = items(real_lexicon, nlp, "A former rival of the president spoke to the press on Monday.", "rival")
    assert noun["word_form"].answer == "rival" and "After \u2018A\u2019" in noun["word_form"].explanation
    assert not grade_answer(noun["word_form"], "rivals").correct
    for sentence, word in [
        ("People who live in the city often use public transport.", "live"),  # "who": another word's number
        ("Tom and Mary work in a large hospital in the centre of town.", "work"),  # two singular nouns
        ("The rival of the president spoke to the press on Monday.", "rival"),  # "the" takes either number
    ]:
        assert "word_form" not in items(real_lexicon, nlp, sentence, word)


def test_adjective_after_be_in_a_second_verb_phrase(real_lexicon: Lexicon, nlp: Language) -> None:
    # "Others have tried everything and are so discouraged": the subject is the first verb's.
    sentence = "The workers have tried everything and are so tired that they want to stop."
    item = items(real_lexicon, nlp, sentence, "tired")["part_of_speech"]
    assert (
        item.answer == "adjective"
        and "after \u2018are\u2019 and describes \u2018workers\u2019" in item.explanation
    )


def test_review_faults_of_the_coverage_round_are_pinned(real_lexicon: Lexicon, nlp: Language) -> None:
    """Faults the teacher's review found in the sentence-role and word-form items of the coverage
    round (issue #17), each reproduced on an invented sentence."""
    # An adjective of a list taken for a noun: "After 'a' the noun is singular: 'grey'".
    grey = "On a grey, cold, windy morning in May, she left the town for ever."
    assert "word_form" not in items(real_lexicon, nlp, grey, "grey")
    # "lay" is the past of "lie" on a bed, not of "lied about".
    lied = items(real_lexicon, nlp, "The manager admitted that she lied about the money in the bank.", "lied")
    assert lied["word_form"].accepted == ("lied",)
    # A plural verb after a list says nothing of its last noun ("..., and poor condition are").
    listed = "Experts agree that rising prices, long hours, and poor conditions are driving teachers away."
    assert "word_form" not in items(real_lexicon, nlp, listed, "conditions")
    # "Then" is no part of the subject; "got" is no main verb in "The most they got to see was ...".
    then = items(real_lexicon, nlp, "Then a gift from a rich businessman allowed the school to open.", "gift")
    assert "sentence_role" not in then
    most = "The most the visitors got to see, however, was the old gate of the castle."
    assert "sentence_role" not in items(real_lexicon, nlp, most, "visitors")
    # "Part of the solution ... is planning for ..." names what it is: no present continuous.
    for sentence, word in [
        ("Part of the answer, the teacher said, is planning for every situation in class.", "planning"),
        ("The aim of the project is finding homes for young people in the city.", "finding"),
    ]:
        assert "word_form" not in items(real_lexicon, nlp, sentence, word)
    playing = items(
        real_lexicon, nlp, "The children are playing in the park near the school today.", "playing"
    )
    assert playing["word_form"].grammar_point is not None
    assert playing["word_form"].grammar_point.id == "present_continuous"
    # The comma that closes an aside is not quoted with the subject.
    star = "Brazil\u2019s latest pop star, Anitta, has won millions of fans in a few years."
    role = items(real_lexicon, nlp, star, "star")["sentence_role"]
    assert "\u2018Brazil\u2019s latest pop star, Anitta\u2019 is the subject" in role.explanation


def test_no_cloze_when_the_sentence_says_the_word_again(real_lexicon: Lexicon, nlp: Language) -> None:
    """No cloze from "We shouldn't be talking about people-predator _____; we have conflict between
    people": the word elsewhere in the sentence gives the gap away."""
    once = items(real_lexicon, nlp, "The farmers built a new fence around the small garden.", "fence")
    assert "cloze" in once  # the same slot makes a cloze when the word stands only in the gap
    twice = "The farmers built a new fence because the old fence around the garden fell down."
    assert "cloze" not in items(real_lexicon, nlp, twice, "fence")
    assert "part_of_speech" in items(real_lexicon, nlp, twice, "fence")  # other kinds stay
