"""Who said it, how many does X have, and the names behind them (issue 18): invented stories."""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.quizzes.entities import find_cast
from vocabsphere.core.quizzes.generator import generate_quiz
from vocabsphere.core.quizzes.model import Question, QuestionKind
from vocabsphere.core.quizzes.passages import parse_passages
from vocabsphere.core.quizzes.statements import statement_candidates

PEOPLE = """Maria Lopez, the head teacher, said the new library was a gift to the whole village.
Tom Baker, a local farmer, said he gave wood for the shelves.
Anna Reid, a parent, said the library would stay open on Sundays.
The new bridge over the river will open in May, Tom Baker said.
The library cost about 40,000 pounds, Anna Reid said."""

PAPERS = """The village of Dunmore has a new library.
According to the Dunmore Courier, the library has more than 3,000 books for children.
According to the Valley Times, the council paid for the new roof of the library.
Most of the books were given by families in the village, the Northern Post reported.
The library is open every day except Monday."""

ARMY = """Northland has one of the largest armies in the region, with about 2.4 million active soldiers.
Northland keeps 600,000 reserve troops.
The army of Southland has about 300,000 soldiers.
Northland spends much of its money on its army."""


def _facts(versions: dict[str, str], nlp: Language) -> list[Question]:
    quiz = generate_quiz(versions, lexicon=None, nlp=nlp)
    return [q for q in quiz.questions if q.kind is QuestionKind.FACT]


def test_who_said_is_asked_from_a_claim_the_speaker_closes(nlp: Language) -> None:
    versions = {"A2": PEOPLE, "B1": PEOPLE.replace("new bridge", "new stone bridge")}
    facts = _facts(versions, nlp)
    bridge = [q for q in facts if "bridge" in q.stem]
    assert bridge, [q.stem for q in facts]
    q = bridge[0]
    assert q.stem == "Who said that the new bridge over the river will open in May?"
    assert q.answer == "Tom Baker"
    assert set(q.options) == {"Maria Lopez", "Tom Baker", "Anna Reid"}
    assert q.levels == ("A2", "B1")


def test_a_claim_another_source_also_makes_is_not_asked_there(nlp: Language) -> None:
    both = PEOPLE + "\nMaria Lopez also said the new bridge over the river will open in May."
    facts = _facts({"A2": PEOPLE, "B1": both}, nlp)
    for q in facts:
        if "bridge" in q.stem:
            assert "B1" not in q.levels  # two defensible answers there


def test_a_claim_that_points_outside_itself_gives_no_source_question(nlp: Language) -> None:
    # "he gave wood": who? And "also" needs the sentence before it.
    text = PEOPLE + "\nThe school has also opened a garden, Maria Lopez said."
    stems = [q.stem for q in _facts({"A2": text}, nlp)]
    assert not any("wood" in s or "garden" in s for s in stems), stems


def test_according_to_a_newspaper_asks_which_source_says_it(nlp: Language) -> None:
    facts = _facts({"A2": PAPERS, "B1": PAPERS}, nlp)
    roof = [q for q in facts if "roof" in q.stem]
    assert roof, [q.stem for q in facts]
    q = roof[0]
    assert q.stem == "Who says that the council paid for the new roof of the library?"
    assert q.answer == "The Valley Times"
    assert set(q.options) == {"The Valley Times", "The Dunmore Courier", "The Northern Post"}


def test_an_acronym_of_another_source_is_no_second_option(nlp: Language) -> None:
    text = PAPERS + "\nThe library will need more money next year, said the DC."
    text = text.replace("the Northern Post reported", "the Dunmore Council reported")
    cast = find_cast(parse_passages({"A2": text}, nlp).values())
    assert "The Dunmore Council" in cast.bodies and "The DC" not in cast.bodies


def test_how_many_is_asked_from_a_count_after_with(nlp: Language) -> None:
    facts = _facts({"A2": ARMY, "B1": ARMY}, nlp)
    count = [q for q in facts if q.stem.startswith("How many active soldiers")]
    assert count, [q.stem for q in facts]
    q = count[0]
    assert q.stem == "How many active soldiers does Northland have?"
    assert q.answer == "About 2.4 million"
    assert all(o.startswith("About ") for o in q.options) and len(q.options) == 4
    assert "About 600,000" in q.options  # the story's own count of the same kind and size
    assert q.options.index(q.answer) not in (0, len(q.options) - 1) or len(set(q.options)) == 4


def test_with_after_another_verb_gives_no_count_question(nlp: Language) -> None:
    text = "The company opened a new factory in Leeds, with 200 workers.\n" + ARMY.split("\n", 1)[1]
    stems = [q.stem for q in _facts({"A2": text}, nlp)]
    assert not any("workers" in s for s in stems), stems


def test_a_title_before_a_surname_is_no_second_person(nlp: Language) -> None:
    text = (
        "The president of the club, Claude Petit, gave the coach a two-year contract.\n"
        "Anna Morel, the coach, said the team was ready.\n"
        "Sara Blanc, a player, said the fans were happy.\n"
        "I say well done to President Petit."
    )
    cast = find_cast(parse_passages({"A2": text}, nlp).values())
    assert "Claude Petit" in cast.people
    assert not any(p.startswith("President") for p in cast.people)
    assert cast.person("President Petit") == "Claude Petit"


def test_a_statement_with_this_pointing_outside_it_is_not_used(nlp: Language) -> None:
    text = "The ministry gave this information to the press.\nThe ministry gave the figures to the press."
    passage = parse_passages({"A2": text}, nlp)["A2"]
    cast = find_cast([passage])
    stems = [c.stem for c in statement_candidates(passage, cast, [])]
    assert stems and not any("this information" in s for s in stems), stems


def test_who_is_not_asked_when_a_pronoun_in_the_reported_words_is_someone_else(nlp: Language) -> None:
    text = (
        "John Brooks says psychology is vital in his development.\n"
        "Mike Riley, the manager, said the referees were ready.\n"
        "Peter Jones, a coach, said the new plan would help."
    )
    stems = [q.stem for q in _facts({"A2": text}, nlp)]
    assert not any("his development" in s for s in stems), stems


def test_the_first_clause_of_a_long_but_sentence_is_a_statement(nlp: Language) -> None:
    # The whole sentence is no plain clause (the brackets); "A, but B" still says A, so A alone is asked.
    text = "The council built a new library in Dunmore, but the old library (on Main Street) is still open."
    passage = parse_passages({"A2": text}, nlp)["A2"]
    made = {c.stem: c.answer for c in statement_candidates(passage, find_cast([passage]), [], [], nlp)}
    assert made == {
        "The council built a new library in Dunmore.": "True",
        "The council did not build a new library in Dunmore.": "False",
    }
    assert not list(statement_candidates(passage, find_cast([passage]), [], []))  # without the re-parse


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of wild cats has been falling in the valley for 100 years.",
        "The restaurant has been named the best in the city for three years.",
    ],
)
def test_a_length_of_time_is_only_swapped_for_twice_as_long(nlp: Language, sentence: str) -> None:
    # Review: "decreasing for 95 years" (the story: 100) and "for two years" (three) are still true, and
    # "for 198 years" took the story's count of tigers.
    passage = parse_passages({"A2": sentence}, nlp)["A2"]
    counts = ["two", "95", "100", "198", "150", "three", "five"]
    made = [c for c in statement_candidates(passage, find_cast([passage]), counts, []) if c.answer == "False"]
    assert made, "no false statement"
    for c in made:
        swapped = {w for w in c.stem.rstrip(".").split() if w.isdigit() or w in ("two", "three", "five")}
        assert swapped <= {"200", "six"}, c.stem  # doubled: never shorter, never another count


def test_no_negation_of_a_verb_followed_by_an_ing_clause(nlp: Language) -> None:
    # Seed review: "Recent reports have not emerged suggesting that ..." is stiff; "No reports ..." is what
    # a teacher writes, and the rules do not write it.
    text = "New reports have appeared suggesting that the old bridge may close in May."
    passage = parse_passages({"A2": text}, nlp)["A2"]
    made = {c.stem: c.answer for c in statement_candidates(passage, find_cast([passage]), [], [])}
    assert made == {text: "True"}
