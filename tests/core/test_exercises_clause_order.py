"""Issue #17 round order4: word order over the phrases of a sentence for learners above A2 (the
subject, the verb, the object or what follows "be", a phrase with a preposition), made only where
every English order is accepted; and the faults the teacher's reading of the new items found,
each pinned on an invented sentence with the real pipeline and lexicon."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.exercises import ExerciseItem, exercises_for_sentence, exercises_for_text
from vocabsphere.core.exercises.grading import grade_answer
from vocabsphere.core.lexicon import Lexicon


def order(
    lexicon: Lexicon, nlp: Language, sentence: str, word: str, level: str = "B1"
) -> ExerciseItem | None:
    made = {i.kind.value: i for i in exercises_for_sentence(lexicon, nlp(sentence), word, level)}
    return made.get("word_order")


def test_a_phrase_of_time_may_open_the_sentence(real_lexicon: Lexicon, nlp: Language) -> None:
    item = order(real_lexicon, nlp, "They sold the old farm during the long winter.", "winter")
    assert item is not None
    assert sorted(item.options) == sorted(["they", "sold", "the old farm", "during the long winter"])
    assert item.answer == "They sold the old farm during the long winter"
    assert grade_answer(item, "during the long winter they sold the old farm").correct
    assert not grade_answer(item, "they sold during the long winter the old farm").correct
    assert "may also open the sentence" in item.explanation
    assert item.grammar_point is not None and item.grammar_point.level == "A2"
    assert item.gapped == "_____."


def test_not_for_learners_at_a2(real_lexicon: Lexicon, nlp: Language) -> None:
    assert order(real_lexicon, nlp, "They sold the old farm during the long winter.", "winter", "A2") is None


def test_no_item_where_the_phrase_could_follow_a_noun_subject(real_lexicon: Lexicon, nlp: Language) -> None:
    # "The farmers during the long winter sold ..." / "The police in London arrested ...": a noun
    # subject can take the phrase itself, so a second order may be English
    assert order(real_lexicon, nlp, "The police arrested two young men in central London.", "men") is None
    assert order(real_lexicon, nlp, "The farmers sold the old farm during the long winter.", "winter") is None


def test_a_verbs_own_preposition_stays(real_lexicon: Lexicon, nlp: Language) -> None:
    # "depend on": the phrase does not open the sentence, and no such order is said or accepted
    item = order(real_lexicon, nlp, "This depends on the weather in the mountains.", "weather")
    assert item is not None
    assert item.accepted == ("This depends on the weather in the mountains",)
    assert "may also open" not in item.explanation


def test_no_item_where_the_phrase_may_or_may_not_move(real_lexicon: Lexicon, nlp: Language) -> None:
    # "On new roads they spent ..." is English, "On the problem they worked" hardly: unsure, none
    assert order(real_lexicon, nlp, "They spent all the money on the roads.", "roads") is None


def test_be_with_an_adjective(real_lexicon: Lexicon, nlp: Language) -> None:
    item = order(real_lexicon, nlp, "The new library near the station is very modern.", "modern")
    assert item is not None
    assert sorted(item.options) == sorted(["the new library near the station", "is", "very modern"])
    assert "then the adjective (\u2018very modern\u2019)" in item.explanation


def test_no_capital_gives_the_first_phrase_away(real_lexicon: Lexicon, nlp: Language) -> None:
    item = order(real_lexicon, nlp, "Most of the small shops were empty.", "shops")
    assert item is not None
    assert "most of the small shops" in item.options


def test_no_adverb_that_moves_after_be(real_lexicon: Lexicon, nlp: Language) -> None:
    # "not a cure yet": "not" belongs to the verb, "yet" can move; no "what the subject is" to name
    assert order(real_lexicon, nlp, "This is not a cure for the disease yet.", "cure") is None


def test_the_clause_of_a_longer_sentence(real_lexicon: Lexicon, nlp: Language) -> None:
    text = "Prices rose sharply that year, and they closed the old bakery during the long winter."
    made = {i.kind.value: i for i in exercises_for_text(real_lexicon, nlp, text, "winter", "B1")}
    item = made.get("word_order")
    assert item is not None
    assert item.source_sentence == "They closed the old bakery during the long winter."
    assert item.shortened_from == text


def test_a_number_opening_the_sentence_loses_its_capital(real_lexicon: Lexicon, nlp: Language) -> None:
    item = order(real_lexicon, nlp, "Seven of the old bridges were unsafe.", "bridges")
    assert item is not None
    assert "seven of the old bridges" in item.options


def test_a_length_of_time_is_no_object(real_lexicon: Lexicon, nlp: Language) -> None:
    # "12-hour days" says how long he works: naming it the object would be false
    assert order(real_lexicon, nlp, "He works 12-hour days during the harvest.", "harvest") is None
