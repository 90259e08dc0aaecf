"""Issue #17 sixth coverage round: due words that got no item (an adjective after "being", an
adjective WordNet lacks, a noun after "be" the tagger took for an adjective, a name inside a noun
phrase, words set off by quotation marks alone, the attribution of a quotation in a long sentence),
and the faults read on the items this made (invented sentences)."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from tests.core.exercise_checks import from_text, items
from vocabsphere.core.exercises import ExerciseItem, ExerciseKind, exercises_for_text
from vocabsphere.core.exercises.clauses import _droppable, _introduced, clause_around, shorter_sentences
from vocabsphere.core.exercises.marked_words import with_marks, without_word_marks
from vocabsphere.core.exercises.slots import find_token, slot_pos
from vocabsphere.core.lexicon import Lexicon


def test_an_adjective_after_being(real_lexicon: Lexicon, nlp: Language) -> None:
    for sentence, word in [
        ("The old farmer was famous in the village for being very lazy.", "lazy"),
        ("She thanked her neighbours for being so generous after the flood.", "generous"),
    ]:
        pos = items(real_lexicon, nlp, sentence, word)["part_of_speech"]
        assert pos.answer == "adjective", sentence
        assert "after \u2018being\u2019, a form of \u2018be\u2019" in pos.explanation


def test_an_adjective_wordnet_does_not_list(real_lexicon: Lexicon, nlp: Language) -> None:
    """ "mainstream" is a noun and a verb in WordNet, an adjective in lemminflect and the tagger."""
    bikes = "Electric bikes have become a mainstream choice for young commuters in the city."
    pos = items(real_lexicon, nlp, bikes, "mainstream")["part_of_speech"]
    assert pos.answer == "adjective" and "the noun \u2018choice\u2019" in pos.explanation
    # A noun before a noun stays no adjective: no dictionary has "ocean" as one.
    ocean = items(real_lexicon, nlp, "Divers found old coins on the ocean floor near the island.", "ocean")
    assert "part_of_speech" not in ocean or ocean["part_of_speech"].answer == "noun"


def test_a_noun_after_be_tagged_as_an_adjective(real_lexicon: Lexicon, nlp: Language) -> None:
    days = "The last few days have been utter madness, but happy madness."
    pos = items(real_lexicon, nlp, days, "madness")["part_of_speech"]
    assert pos.answer == "noun" and "the adjective \u2018utter\u2019" in pos.explanation


def test_a_name_inside_the_noun_phrase_when_only_the_coarse_tag_slipped(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    doc = nlp(
        "The auction of a Banksy mural that went missing from the side of a village hall was stopped just "
        "before it began."
    )
    mural = find_token(doc[:], "mural")
    assert mural is not None and mural.tag_ == "NN"
    mural.pos_ = "ADJ"  # the slip the parser makes in some sentences: fine tag NN, coarse tag ADJ
    assert slot_pos(real_lexicon, mural) == "NOUN"
    mural.tag_ = "JJ"  # both tags say adjective, and WordNet has one: no part of speech
    assert slot_pos(real_lexicon, mural) is None


def test_a_word_in_marks_alone_is_read_without_them_and_shown_with_them(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    sentence = "The hotel served a pink \u2018caviar\u2019 starter that was really just dyed fish eggs."
    cloze = from_text(real_lexicon, nlp, sentence, "caviar")["cloze"]
    assert cloze.source_sentence == sentence and not cloze.shortened_from
    assert cloze.gapped == (
        "The hotel served a pink \u2018_____\u2019 starter that was really just dyed fish eggs."
    )
    assert cloze.answer == "caviar"
    # "a black caviar salad": "black" may describe the salad, so it is no reason for "caviar"
    salad = (
        "One of the strangest dishes was a black \u2018caviar\u2019 salad that was actually made of "
        "small seeds."
    )
    made = from_text(real_lexicon, nlp, salad, "caviar")
    assert "cloze" in made
    assert "part_of_speech" not in made or "black" not in made["part_of_speech"].explanation


def test_marks_go_back_exactly_or_the_item_goes() -> None:
    marked = without_word_marks("He called it \u2018art\u2019 and said the \u2018show\u2019 was over.")
    assert marked is not None
    text, plain, _ = marked
    assert plain == "He called it art and said the show was over."
    item = ExerciseItem(
        kind=ExerciseKind.CLOZE,
        prompt="Choose the word that fits the gap.",
        answer="show",
        explanation="x",
        source_sentence=plain,
        word="show",
        options=("show", "a", "b", "c"),
        gapped="He called it art and said the _____ was over.",
    )
    shown = with_marks(item, marked)
    assert shown is not None and shown.source_sentence == text
    assert shown.gapped == "He called it \u2018art\u2019 and said the \u2018_____\u2019 was over."
    across = with_marks(replace(item, gapped="He called it _____ said the show was over."), marked)
    assert across is None  # the gap would swallow a mark
    # apostrophes and a one-letter word are no word in marks
    assert without_word_marks("Japan\u2019s rock 'n' roll scene isn't dead.") is None


def test_the_explanation_of_a_verb_group_has_no_quotation_mark(real_lexicon: Lexicon, nlp: Language) -> None:
    form = items(
        real_lexicon,
        nlp,
        "The teacher said the old books had \u201cvanished\u201d during the summer holidays and nobody "
        "knew where.",
        "vanished",
    )["word_form"]
    assert "'had vanished'" in form.explanation and "\u201c" not in form.explanation


def test_the_attribution_of_a_quotation_in_a_long_sentence(real_lexicon: Lexicon, nlp: Language) -> None:
    sentence = (
        "\u201cWe will not give up until the river is clean again,\u201d the young mayor told a cheering "
        "crowd in the town square, despite losing two votes in the council over the past month."
    )
    made = from_text(real_lexicon, nlp, sentence, "crowd")
    assert made, "no item from the attribution"
    for item in made.values():
        assert item.shortened_from == sentence
        assert item.source_sentence == (
            "\u201cWe will not give up until the river is clean again,\u201d the young mayor told a cheering "
            "crowd in the town square."
        )
    # The word inside the quotation: the quotation is never cut.
    sent = next(nlp(sentence).sents)
    river = find_token(sent, "river")
    assert river is not None and clause_around(nlp, sent, river) is None


def test_no_shortened_sentence_with_half_a_bracket(nlp: Language) -> None:
    sentence = (
        "A bookshop has asked for its own name to be a top-level domain name (currently \u201c.com\u201d), "
        "but several local governments say this would stop the use of this internet address for education, "
        "public libraries and other public interest uses."
    )
    sent = next(nlp(sentence).sents)
    token = find_token(sent, "currently")
    assert token is not None
    shorter = clause_around(nlp, sent, token)
    assert shorter is None or shorter.count("(") == shorter.count(")")


def test_no_example_dropped_after_for_example(nlp: Language) -> None:
    sentence = (
        "However, the high costs of moving people and tools around the vast Arctic region mean they might "
        "have to use cheaper methods in the future, for example, sending tools to the area and asking "
        "volunteers to finish the map."
    )
    sent = next(nlp(sentence).sents)
    token = find_token(sent, "Arctic")
    assert token is not None
    shorter = clause_around(nlp, sent, token)
    assert shorter is None or not shorter.endswith("for example.")
    sending = next(t for t in sent if t.text == "sending")
    assert _introduced(sent, sending.i)


def test_a_clause_the_parse_took_for_an_apposition_is_kept(nlp: Language) -> None:
    doc = nlp("Safety remains a major worry \u2013 Patel points out that, in the end, it has to be proved.")
    remains, worry, points, that, has = doc[1], doc[4], doc[7], doc[9], doc[16]
    assert [t.text for t in (remains, worry, points, that, has)] == [
        "remains",
        "worry",
        "points",
        "that",
        "has",
    ]
    # The parse of such a sentence in a story: "\u2013 Patel points out that," hangs on "worry" as a
    # name for it, and the clause after the comma on the main verb.
    points.head, points.dep_ = worry, "appos"
    has.head, has.dep_ = remains, "parataxis"
    that.head = points
    assert not _droppable(doc[:], points)


def test_and_joins_the_word_only_when_no_noun_follows_it(real_lexicon: Lexicon, nlp: Language) -> None:
    stoves = "Old coal stoves can also produce smoke and other pollutants such as dust and soot particles."
    soot = items(real_lexicon, nlp, stoves, "soot")
    assert "part_of_speech" not in soot or "\u2018dust\u2019" not in soot["part_of_speech"].explanation
    boy = "A boy who can\u2019t eat wheat or drink milk can\u2019t go to birthday parties."
    wheat = items(real_lexicon, nlp, boy, "wheat")
    assert "part_of_speech" not in wheat or "\u2018drink\u2019" not in wheat["part_of_speech"].explanation


def test_no_role_for_a_noun_whose_phrase_the_tagger_cut(real_lexicon: Lexicon, nlp: Language) -> None:
    made = items(
        real_lexicon,
        nlp,
        "She has won many fans by taking the reggae sound into the mainstream, but she is at the centre of a "
        "debate about money.",
        "reggae",
    )
    assert "part_of_speech" not in made or "object" not in made["part_of_speech"].explanation


def test_the_clause_before_a_colon_that_brings_a_list(real_lexicon: Lexicon, nlp: Language) -> None:
    sentence = (
        "All her old shoes were replaced with cheaper local ones: boots (\u00a320), sandals (\u00a39), "
        "trainers (\u00a335) and slippers (\u00a35), but no high heels because none are made in the town."
    )
    made = from_text(real_lexicon, nlp, sentence, "shoes")
    assert made, "no item from the clause before the colon"
    for item in made.values():
        assert item.shortened_from == sentence
        assert item.source_sentence == "All her old shoes were replaced with cheaper local ones."
    # A colon that announces what follows: the clause before it says nothing alone.
    rules = (
        "The new school rules for the older pupils are as follows: no phones, no hats and no food in class."
    )
    made = exercises_for_text(real_lexicon, nlp, rules, "rules", "B1")
    assert not any(i.source_sentence.endswith("as follows.") for i in made)


# Second pass (cover2): an apostrophe written as a closing single mark ("hadn\u2019t",
# "children\u2019s") was read as a quotation mark, so no long sentence holding one was split.


def test_an_apostrophe_is_no_quotation_mark_when_splitting(nlp: Language) -> None:
    sentence = (
        "The old lighthouse keeper, who hadn\u2019t left the island for almost forty years, finally moved "
        "to a small flat in the town, where his daughter and her husband ran a busy fish restaurant near "
        "the harbour."
    )
    parts = shorter_sentences(nlp, next(nlp(sentence).sents))
    assert "The old lighthouse keeper hadn\u2019t left the island for almost forty years." in parts


def test_an_apostrophe_is_no_quotation_mark_before_a_colon(real_lexicon: Lexicon, nlp: Language) -> None:
    sentence = (
        "The tests showed that the children\u2019s reading scores improved quickly after a month of daily "
        "practice: that is, they read faster and made fewer mistakes than the pupils in the other group."
    )
    made = from_text(real_lexicon, nlp, sentence, "practice")
    assert made, "no item from the clause before the colon"
    for item in made.values():
        assert item.source_sentence == (
            "The tests showed that the children\u2019s reading scores improved quickly after a month of "
            "daily practice."
        )
    # A quotation in single marks still keeps the sentence whole.
    quoted = sentence.replace("daily practice:", "\u2018daily practice\u2019:")
    assert not exercises_for_text(real_lexicon, nlp, quoted, "practice", "B1")


def test_a_noun_after_a_preposition_with_a_name_between(real_lexicon: Lexicon, nlp: Language) -> None:
    # "of Icelandic spelling": the tagger makes the nationality word a name joined to the noun.
    for sentence, word, preposition in (
        (
            "Every pupil in the class must learn the rules of Icelandic spelling before the end of the year.",
            "spelling",
            "of",
        ),
        ("We were stuck for two hours in London traffic on the way to the airport.", "traffic", "in"),
    ):
        made = items(real_lexicon, nlp, sentence, word)
        assert "part_of_speech" in made, sentence
        assert made["part_of_speech"].answer == "noun"
        assert (
            f"it comes after the preposition \u2018{preposition}\u2019" in made["part_of_speech"].explanation
        )


def test_a_name_inside_the_phrase_does_not_hide_its_determiner(real_lexicon: Lexicon, nlp: Language) -> None:
    sentence = "The police found a Picasso sketch behind the old cupboard in the kitchen."
    made = items(real_lexicon, nlp, sentence, "sketch")
    assert "part_of_speech" in made
    assert "it comes after \u2018a\u2019" in made["part_of_speech"].explanation


def test_a_get_passive_is_not_explained_as_be_plus_participle(real_lexicon: Lexicon, nlp: Language) -> None:
    # Lead's reading of the merged sheet: "when a referee gets _____" explained "'gets vilified' is a
    # passive (be + past participle)"
    made = from_text(real_lexicon, nlp, "Fans shout at the screen when a player gets punished.", "punished")
    form = made["word_form"]
    assert form.answer == "punished" and "be + past participle" not in form.explanation
    assert "get + past participle" in form.explanation and form.grammar_point is None
    made = from_text(real_lexicon, nlp, "The old bridge was rebuilt in May last year.", "rebuilt")
    assert "be + past participle" in made["word_form"].explanation  # the be-passive keeps its point


def test_no_clause_that_keeps_not_only_without_but_also(nlp: Language) -> None:
    # dev reading of exercises-6: "... to tell traffic control systems not only that it is present."
    # (the clause "but also where it is going" cut as a coordinated clause)
    text = (
        "Engineers in the city are working to build software that will show drivers not only that the "
        "bridge is open but also where it is going and how fast it is moving."
    )
    sent = next(nlp(text).sents)
    token = next(t for t in sent if t.text == "build")
    shorter = clause_around(nlp, sent, token)
    assert shorter is None or "but also" in shorter
