"""False highlight claims of round read8h (issue 14), pinned on our own invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.adapt_checks import points_in
from vocabsphere.core.learnables import find_collocations, select_highlights
from vocabsphere.core.learnables.explain import grammar_sentence, style_for
from vocabsphere.core.lexicon import Lexicon


def test_tell_without_a_person_is_knowing_not_reporting(nlp: Language) -> None:
    # "hard to tell where ..." = hard to know; only "tell someone where ..." reports what was said
    text = "It is difficult to tell exactly where the smell is coming from."
    assert not points_in(nlp, text, "reported_speech")
    assert points_in(nlp, "He explained how the machine works.", "reported_speech")


def test_a_wh_clause_after_a_comma_is_not_what_was_said(nlp: Language) -> None:
    text = "Things will calm down, some say, when the farmers have sold their crops."
    assert not points_in(nlp, text, "reported_speech")


@pytest.mark.parametrize(
    "text",
    [
        "Things will calm down, some say, when the farmers have sold their crops.",
        "We will leave as soon as we have eaten.",
        "The shop will reopen once the painters have finished.",
    ],
)
def test_present_perfect_in_a_time_clause_is_no_past_connected_to_now(nlp: Language, text: str) -> None:
    assert not points_in(nlp, text, "present_perfect")


def test_present_perfect_claims_that_stay(nlp: Language) -> None:
    assert points_in(nlp, "My uncle has visited Peru twice.", "present_perfect")
    assert points_in(nlp, "When have you ever lied to me?", "present_perfect")  # a question, no time clause


def test_may_be_but_concedes(nlp: Language) -> None:
    assert not points_in(nlp, "The garden may be small but it gets plenty of sun.", "deduction_present")
    assert points_in(nlp, "It might be raining in the hills.", "deduction_present")


@pytest.mark.parametrize("level", [1, 2])  # A2 (plain) and B1
def test_either_form_verbs_do_not_claim_one_form(nlp: Language, level: int) -> None:
    # 'start' takes -ing or to + verb: neither form is "the one used after it"
    for text, point, other in [
        ("The children started painting the fence.", "gerund_complement", "to + verb"),
        ("The children started to paint the fence.", "infinitive_complement", "-ing"),
    ]:
        (match,) = points_in(nlp, text, point)
        said = grammar_sentence(match, style_for(level)).replace("'to'", "to")
        assert other in said and "not by" not in said, said
    (match,) = points_in(nlp, "She enjoys swimming in the lake.", "gerund_complement")
    said = grammar_sentence(match, style_for(level))
    assert "or to + verb" not in said and "also take" not in said, said


def test_adjective_plus_people_is_no_fixed_combination(nlp: Language, real_lexicon: Lexicon) -> None:
    doc = nlp("In the survey, white people and young men said they slept less.")
    bases = {c.base for s in doc.sents for c in find_collocations(s, real_lexicon)}
    assert not {"white people", "young man"} & bases
    said = [h.explanation for lv in ("A2", "B1") for h in select_highlights(doc, lv, lexicon=real_lexicon)]
    assert not any("white people" in e or "young men" in e for e in said), said
    doc = nlp("The prime minister met the union leaders on Monday.")
    assert "prime minister" in {c.base for s in doc.sents for c in find_collocations(s, real_lexicon)}


def test_remember_names_the_change_of_meaning(nlp: Language) -> None:
    # "remember locking" (done) is not "remember to lock" (still to do): no plain "or to + verb"
    (match,) = points_in(nlp, "I remember locking the back door.", "gerund_complement")
    for level in (1, 2):
        said = grammar_sentence(match, style_for(level))
        assert "means something else" in said and "or to + verb" not in said, said
