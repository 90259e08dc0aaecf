"""Behavioural checks for VocabSphere's own English pipeline (vocabsphere.core.text)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from vocabsphere.core.text import MODEL_VERSION, load_pipeline


def token(doc: Doc, text: str) -> Token:
    """The first token with this exact text (fails loudly if the tokenizer split it differently)."""
    matches = [t for t in doc if t.text == text]
    assert matches, f"{text!r} not among tokens {[t.text for t in doc]}"
    return matches[0]


def test_pipeline_is_loaded_once_and_versioned(nlp: Language) -> None:
    assert load_pipeline() is nlp
    assert MODEL_VERSION.startswith("en_vocabsphere-")
    assert nlp.lang == "en"
    for component in ("morphologizer", "parser"):
        assert component in nlp.pipe_names


def test_english_tokenizer_exceptions(nlp: Language) -> None:
    doc = nlp("I don't think we can't win.")
    assert [t.text for t in doc] == ["I", "do", "n't", "think", "we", "ca", "n't", "win", "."]
    nt = doc[2]
    assert nt.pos_ == "PART"
    assert nt.lemma_ == "not"
    assert doc[5].lemma_ == "can"


def test_pos_morph_and_lemmas(nlp: Language) -> None:
    doc = nlp("The children were playing with their new toys in the garden.")
    children = token(doc, "children")
    assert children.pos_ == "NOUN"
    assert children.lemma_ == "child"
    assert children.morph.to_dict().get("Number") == "Plur"
    were = token(doc, "were")
    assert were.pos_ == "AUX"
    assert were.lemma_ == "be"
    assert were.morph.to_dict().get("Tense") == "Past"
    assert token(doc, "playing").pos_ == "VERB"
    assert token(doc, "playing").lemma_ == "play"
    assert token(doc, "toys").lemma_ == "toy"
    assert token(doc, "new").pos_ == "ADJ"
    assert token(doc, "the").pos_ == "DET"


def test_past_participle_and_irregular_verbs(nlp: Language) -> None:
    doc = nlp("She has written three books and went to Paris last year.")
    written = token(doc, "written")
    assert written.pos_ == "VERB"
    assert written.lemma_ == "write"
    assert written.morph.to_dict().get("VerbForm") == "Part"
    assert token(doc, "has").lemma_ == "have"
    went = token(doc, "went")
    assert went.lemma_ == "go"
    assert went.morph.to_dict().get("Tense") == "Past"
    assert token(doc, "Paris").pos_ == "PROPN"
    assert token(doc, "books").morph.to_dict().get("Number") == "Plur"


def test_dependency_parse(nlp: Language) -> None:
    doc = nlp("My sister bought a red bicycle yesterday.")
    bought = token(doc, "bought")
    assert bought.dep_ == "ROOT"
    assert bought.head == bought
    sister = token(doc, "sister")
    assert sister.dep_ == "nsubj"
    assert sister.head == bought
    bicycle = token(doc, "bicycle")
    assert bicycle.dep_ == "obj"
    assert bicycle.head == bought
    assert token(doc, "red").head == bicycle
    assert token(doc, "red").dep_ == "amod"
    assert token(doc, "My").head == sister


def test_sentence_boundaries(nlp: Language) -> None:
    doc = nlp("I like tea very much. My brother prefers coffee. We never agree!")
    sentences = [s.text for s in doc.sents]
    assert sentences == ["I like tea very much.", "My brother prefers coffee.", "We never agree!"]
    for sent in doc.sents:
        roots = [t for t in sent if t.dep_ == "ROOT"]
        assert len(roots) == 1


def test_pipe_matches_call(nlp: Language) -> None:
    texts = ["Cats sleep a lot.", "The weather was terrible on Monday."]
    piped = list(nlp.pipe(texts))
    assert [[t.lemma_ for t in d] for d in piped] == [[t.lemma_ for t in nlp(x)] for x in texts]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # A stop after a number with a capital unit ends the sentence, not the token (issue #14).
        ("The lake froze at minus 40C.", ["The", "lake", "froze", "at", "minus", "40C", "."]),
        ("Our cinema shows cartoons in 3D.", ["Our", "cinema", "shows", "cartoons", "in", "3D", "."]),
        ("The old phone had no 5G.", ["The", "old", "phone", "had", "no", "5", "G", "."]),
        ("Her new screen is 4K.", ["Her", "new", "screen", "is", "4", "K", "."]),
        ("The oven reached 450F.", ["The", "oven", "reached", "450F", "."]),
        ("The trail is 12km.", ["The", "trail", "is", "12", "km", "."]),
        # ... and after a one-letter unit, which spaCy's "m." / "g." special cases glued back.
        ("The new hall cost £75m.", ["The", "new", "hall", "cost", "£", "75", "m", "."]),
        ("Each biscuit holds 8g.", ["Each", "biscuit", "holds", "8", "g", "."]),
    ],
)
def test_stop_after_a_number_with_a_unit_is_its_own_token(
    nlp: Language, text: str, tokens: list[str]
) -> None:
    assert [t.text for t in nlp.tokenizer(text)] == tokens


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ms Reed moved to the U.S. in May.", "U.S."),
        ("The class starts at 9 a.m. sharp.", "a.m."),
        ("The shop opens at 8a.m. daily.", "a.m."),
        ("The jar weighs 2.5 kilos.", "2.5"),
        ("A novel by P. K. Marlow came out.", "P."),
        ("The case Ford v. Dalton was heard.", "v."),
        ("See p. 12 of the guide.", "p."),
        ("Bring fruit, e.g. apples.", "e.g."),
        ("She joined the F.B.I. last year.", "F.B.I."),
    ],
)
def test_abbreviations_initials_and_decimals_keep_their_stops(nlp: Language, text: str, kept: str) -> None:
    assert kept in [t.text for t in nlp.tokenizer(text)]


def test_sentence_ends_after_a_number_with_a_unit(nlp: Language) -> None:
    doc = nlp("The ice on the moon is about minus 180C. As the probe passed, it took many photos.")
    assert [s.text for s in doc.sents] == [
        "The ice on the moon is about minus 180C.",
        "As the probe passed, it took many photos.",
    ]
    doc = nlp("Each bag now holds only 30g. Shoppers have started to complain about it.")
    assert [s.text for s in doc.sents] == [
        "Each bag now holds only 30g.",
        "Shoppers have started to complain about it.",
    ]


def test_unit_stop_rules_are_added_once(nlp: Language) -> None:
    from vocabsphere.core.text.tokenizer_rules import add_unit_stop_rules

    pattern = nlp.tokenizer.suffix_search.__self__.pattern
    rules = len(nlp.tokenizer.rules)
    add_unit_stop_rules(nlp.tokenizer)
    assert nlp.tokenizer.suffix_search.__self__.pattern == pattern
    assert len(nlp.tokenizer.rules) == rules
