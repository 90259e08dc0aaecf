"""Behavioural checks for VocabSphere's own English pipeline (vocabsphere.core.text)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from vocabsphere.core.text import MODEL_VERSION, load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


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
