"""False explanations quoted in issue 13, pinned: each must stay gone.

The sentences are our own, built like the issue's examples (seed story 004 is read from the
shared folder, never copied); the checks run the real pipeline and the real lexicon
(VOCABSPHERE_LEXICON, else a build from Debian packages).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from tests.conftest import SHARED_DIR
from vocabsphere.core.learnables import find_collocations, quotes_sentence, select_highlights
from vocabsphere.core.learnables.highlights import gloss_tokens
from vocabsphere.core.learnables.sentences import fit_factor, has_finite_verb
from vocabsphere.core.learnables.words import define, define_expression
from vocabsphere.core.levels.grammar import detect_grammar
from vocabsphere.core.levels.grammar_rules_clauses import _past_tense_reading
from vocabsphere.core.lexicon import Lexicon

# Our own sentences with the constructions of the examples (seed text stays in shared/).
DATING = "Investigators found old shells in the fields, with evidence dating back to March 2021."
LEADING = "Workers have often complained about the heat, leading to several injuries among the staff."
POOLS = "Swimming pools were closed in the afternoon because of the heat."
GLOSSED = "The council hired a consultant (= a kind of expert) to study the problem."
CHALLENGING = (
    "One manager, who wished to remain anonymous, said that it was already challenging to train "
    "hundreds of new workers, and many of them spoke no English."
)
SEED_004 = SHARED_DIR / "seeds" / "004_869645b4620a93df.txt"
LEVELS = ("A1", "A2", "B1", "B2", "C1")


def _token(nlp: Language, sentence: str, word: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == word)


def _explanations(nlp: Language, text: str, lexicon: Lexicon) -> list[str]:
    doc = nlp(text)
    return [h.explanation for level in LEVELS for h in select_highlights(doc, level, lexicon=lexicon)]


def test_dating_back_is_not_explained_as_chemical_analysis(nlp: Language, real_lexicon: Lexicon) -> None:
    # the tagger reads 'dating' as a noun; WordNet's only noun sense is radiometric dating
    assert "chemical" not in define(real_lexicon, _token(nlp, DATING, "dating"), 18)
    assert not any("chemical" in e for e in _explanations(nlp, DATING, real_lexicon))


def test_leading_to_is_not_take_somebody_somewhere(nlp: Language, real_lexicon: Lexicon) -> None:
    meaning = define(real_lexicon, _token(nlp, LEADING, "leading"), 18)
    assert "somebody somewhere" not in meaning
    # 'go' (= lead, extend, or afford access) is not the sense of "leading to injuries" either
    assert meaning == "" or "result" in meaning or "cause" in meaning
    assert not any("take somebody somewhere" in e for e in _explanations(nlp, LEADING, real_lexicon))


def test_asked_for_is_not_the_idiom_increase_the_likelihood(nlp: Language, real_lexicon: Lexicon) -> None:
    # WordNet's only 'ask for' is "ask for trouble"; "asked for" + a request is the verb 'ask'
    text = "The nurses asked for better pay after the long winter."
    assert define_expression(real_lexicon, "ask for", 18, _token(nlp, text, "asked")) == ""
    assert not any("likelihood" in e for e in _explanations(nlp, text, real_lexicon))
    # a phrasal verb read as verb + particle still gets its in-context meaning
    assert define_expression(
        real_lexicon, "take part", 18, _token(nlp, "She took part in the concert.", "took")
    )


@pytest.mark.parametrize(
    ("sentence", "word", "false"),
    [
        ("New reports have emerged that the talks failed.", "emerged", "concealment"),
        ("The new leader could change the dynamics of the situation.", "dynamics", "mechanics"),
    ],
)
def test_unsure_or_technical_senses_are_not_shown(
    nlp: Language, real_lexicon: Lexicon, sentence: str, word: str, false: str
) -> None:
    assert false not in define(real_lexicon, _token(nlp, sentence, word), 18)


def test_closed_in_the_afternoon_is_no_fixed_expression(nlp: Language, real_lexicon: Lexicon) -> None:
    sent = next(iter(nlp(POOLS).sents))
    assert all("close" not in c.base for c in find_collocations(sent, real_lexicon))
    for explanation in _explanations(nlp, POOLS, real_lexicon):
        assert "closed in" not in explanation and "blocked against entry" not in explanation


def test_a_gloss_of_the_software_is_never_explained(nlp: Language, real_lexicon: Lexicon) -> None:
    doc = nlp(GLOSSED)
    glossed = gloss_tokens(doc)
    assert {doc[i].text for i in glossed} >= {"kind", "of", "expert"}
    for explanation in _explanations(nlp, GLOSSED, real_lexicon):
        assert "kind of" not in explanation and "to some extent" not in explanation
        assert "'expert'" not in explanation


def test_adjective_in_ing_is_not_called_a_continuous(nlp: Language, real_lexicon: Lexicon) -> None:
    points = {m.point.id for m in detect_grammar(nlp(CHALLENGING))}
    assert "past_continuous" not in points
    assert "relative_non_defining" in points  # the sentence still teaches its real grammar
    for explanation in _explanations(nlp, CHALLENGING, real_lexicon):
        assert "continuous" not in explanation
        assert "issue a challenge" not in explanation  # the verb's sense for the adjective


def test_no_stock_sentence_for_the_present_simple_of_be(nlp: Language) -> None:
    text = "The river is clean again. The city council is happy about it. The water is very cold."
    doc = nlp(text)
    for level in LEVELS:
        for h in select_highlights(doc, level, lexicon=None):
            assert "'is' is the present simple" not in h.explanation
            assert "'is' (" not in h.explanation


def test_lines_without_a_finite_verb_are_never_chosen(nlp: Language) -> None:
    doc = nlp(
        "Rising prices across the whole of Europe in the last two years.\nPrices have risen by ten percent."
    )
    sents = [s for s in doc.sents if s.text.strip()]
    assert not has_finite_verb(sents[0]) and fit_factor(sents[0], 2) == 0.0
    assert has_finite_verb(sents[-1]) and fit_factor(sents[-1], 2) > 0


@pytest.mark.skipif(not SEED_004.is_file(), reason="shared seeds not available")
@pytest.mark.parametrize(
    ("word", "false"),
    [
        ("dating", "chemical"),
        ("leading", "somebody somewhere"),
        ("leading", "afford access"),
        ("emerged", "concealment"),
        ("dynamics", "mechanics"),
    ],
)
def test_seed_004_word_meanings_in_context(
    nlp: Language, real_lexicon: Lexicon, word: str, false: str
) -> None:
    doc = nlp(SEED_004.read_text(encoding="utf-8"))
    tokens = [t for t in doc if t.lower_ == word]
    assert tokens, word
    for tok in tokens:
        meaning = define(real_lexicon, tok, 18)
        assert false not in meaning and meaning != "go", (tok.sent.text, meaning)


@pytest.mark.skipif(not SEED_004.is_file(), reason="shared seeds not available")
def test_seed_004_explanations_quote_their_sentence_and_make_no_quoted_false_claim(
    nlp: Language, real_lexicon: Lexicon
) -> None:
    doc = nlp(SEED_004.read_text(encoding="utf-8"))
    for level in ("A2", "B1"):
        highlights = select_highlights(doc, level, lexicon=real_lexicon)
        assert highlights
        for h in highlights:
            assert quotes_sentence(h.explanation, h.sentence), h
            for false in ("chemical analysis", "take somebody somewhere", "past continuous", "'is' is"):
                assert false not in h.explanation, (level, h.explanation)


# Found reading the review sheet of ten dev stories (bench/review_sheet.py --dev 10 --text).
GATHERING = "One of the first problems the team faced was gathering the data needed to draw the map."
AS_WELL_AS = "The plan will need more land and water, as well as energy and new roads."


def test_a_gerund_after_was_is_not_called_a_continuous(nlp: Language, real_lexicon: Lexicon) -> None:
    points = {m.point.id for m in detect_grammar(nlp(GATHERING))}
    assert "past_continuous" not in points
    for explanation in _explanations(nlp, GATHERING, real_lexicon):
        assert "continuous" not in explanation
    # a real past continuous is still named
    assert "past_continuous" in {m.point.id for m in detect_grammar(nlp("She was gathering wood at noon."))}


def test_as_well_inside_as_well_as_is_not_in_addition(nlp: Language, real_lexicon: Lexicon) -> None:
    sent = next(iter(nlp(AS_WELL_AS).sents))
    assert all(c.base != "as well" for c in find_collocations(sent, real_lexicon))
    for explanation in _explanations(nlp, AS_WELL_AS, real_lexicon):
        assert "'as well'" not in explanation and "in addition" not in explanation
    alone = next(iter(nlp("The children came to the party, and their parents came as well.").sents))
    assert any(c.base == "as well" for c in find_collocations(alone, real_lexicon))


def test_no_passive_is_claimed_for_a_misparsed_auxiliary_chain(nlp: Language) -> None:
    # Read in the merged review: "'have had are made' is a passive" (the parser hung 'have had' on 'made').
    doc = nlp(
        "Memories of experiences we have had are made from several elements, including records of "
        "objects, space and time."
    )
    spans = [doc[h.start : h.end].text for h in detect_grammar(doc)]
    assert not any("had are" in span for span in spans), spans


def test_so_far_is_not_explained_by_a_usage_note(nlp: Language, real_lexicon: Lexicon) -> None:
    # WordNet's gloss of 'so far' ("used in negative statement to describe ...") says how it is used,
    # not what it means, and the sentence is positive.
    doc = nlp("The company has so far refunded about 300 customers.")
    first = next(t for t in doc if t.text == "so")
    assert not define_expression(real_lexicon, "so far", 18, first).startswith("used")
    assert not any("negative statement" in e for e in _explanations(nlp, doc.text, real_lexicon))


def test_a_sentence_with_run_together_words_is_never_a_highlight(nlp: Language) -> None:
    # Read in the merged review: a highlight quoting the source's "false and genuinememories".
    junk = nlp(
        "According to the study, both false and genuinememories seem to rely on the same brain mechanisms."
    )
    clean = nlp(
        "According to the study, both false and genuine memories seem to rely on the same brain mechanisms."
    )
    assert fit_factor(next(iter(junk.sents)), 2) == 0.0
    assert fit_factor(next(iter(clean.sents)), 2) > 0.0


def test_had_no_idea_who_is_not_a_causative(nlp: Language) -> None:
    # Read in the review: "'had no idea who removed' is the causative (have/get + object + past participle)".
    doc = nlp("A spokesperson for the shop said it had no idea who removed the slab from the wall.")
    assert "causative_have_get" not in {m.point.id for m in detect_grammar(doc)}
    causative = nlp("She had her old car repaired last week.")
    assert "causative_have_get" in {m.point.id for m in detect_grammar(causative)}


def test_seed_review_faults_stay_gone(nlp: Language, real_lexicon: Lexicon) -> None:
    # Read in the seeds' A2/B1 highlights: "'have shared' is the present perfect" ("have shared interests"),
    # "'should have' ... to give advice" (expectation: "should have no trouble"), and a collocation quoted
    # across an opening quotation mark ('made "a massive difference').
    shared = {
        m.point.id
        for m in detect_grammar(nlp("Both countries have shared interests that could drive trade."))
    }
    assert "present_perfect" not in shared
    perfect = nlp("The two teams have shared the prize this year.")
    assert "present_perfect" in {m.point.id for m in detect_grammar(perfect)}
    trouble = nlp("The army should have no trouble finding volunteers.")
    assert "should_advice" not in {m.point.id for m in detect_grammar(trouble)}
    advice = nlp("You should welcome the new students.")
    assert "should_advice" in {m.point.id for m in detect_grammar(advice)}
    quoted = nlp('An expert said the rockets have made "a massive difference" to the war.')
    assert not any('"' in c.text for c in find_collocations(next(iter(quoted.sents)), real_lexicon))


def test_no_simple_tense_example_without_a_subject(nlp: Language) -> None:
    """ "Thank you." is a present simple with 'I' left out: true, but no example to teach it by."""
    doc = nlp("Thank you for your time. Hope you enjoy the posts. She works in a big hospital.")
    for level in ("A1", "A2"):
        for h in select_highlights(doc, level, lexicon=None, count=(1, 6)):
            assert "'Thank' is" not in h.explanation and "'Hope' is" not in h.explanation


def test_train_review_faults_stay_gone(nlp: Language, real_lexicon: Lexicon) -> None:
    # Read in the A2/B1 highlights of unseen train stories (round of issue 13 parts 3 and 5).
    def points(text: str) -> set[str]:
        return {m.point.id for m in detect_grammar(nlp(text))}

    def bases(text: str) -> set[str]:
        return {c.base for c in find_collocations(next(iter(nlp(text).sents)), real_lexicon)}

    # "'with children' is a fixed combination: learn 'with child'" (= pregnant): a plural is not the idiom
    assert "with child" not in bases("The pupils will be compared with children from another town.")
    # "'In case' ... meaning 'if there happens to be need'" for a conjunction opening a clause, and
    # "learn 'in order'" inside "in order to": the parse's subordinators are no WordNet adverbs
    assert "in case" not in bases("In case the room was too cold, the team ran the test again at home.")
    assert "in order" not in bases("The birds fly closer together in order to save energy.")
    # ... whether the parse calls 'In' a mark or a case
    assert "in case" not in bases(
        "In case the new setting changed the results, the team ran the test again at home."
    )
    # "The hope is to introduce it ... if a pilot is successful" is a plan, not "always true"
    assert "conditional_zero" not in points("The plan is to open the new school in May if the money arrives.")
    assert "conditional_zero" in points("If you heat ice, it melts.")
    # "'It should be easy' uses should. It gives advice.": an expectation, nobody is advised
    assert "should_advice" not in points("It should be easy to cut the noise from ships, he said.")
    assert "should_advice" in points("Parents should read to their children every day.")

    # "'remain' is the present simple. We use it for facts and habits." for a subjunctive
    def simple(text: str) -> list[str]:
        return [m.text for m in detect_grammar(nlp(text)) if m.point.id == "present_simple"]

    assert not any("remain" in t for t in simple("The teacher said it is essential that pupils remain calm."))
    assert any("remain" in t for t in simple("It is clear that pupils remain calm in the tests."))
    # "adds extra information about 'Dreams'" for the film "Sweet Dreams": the whole name is named
    doc = nlp("Sweet Dreams, which tells the story of two sisters, opens in London next week.")
    nouns = [dict(m.details).get("noun") for m in detect_grammar(doc) if m.point.id.startswith("relative")]
    assert nouns and all(n == "Sweet Dreams" for n in nouns), nouns


def test_no_stock_note_for_a_stand_in_do_or_a_reporting_inversion(nlp: Language) -> None:
    # Part 5, read in unseen train stories at A2: "'do' is the present simple. We use it for facts and
    # habits." for "as they do to cookies", and the same for "..., says Fatuma" (a report's 'said').
    for text, word in [
        (
            "People do not like cameras in the same way as they do to letters. She works in a big shop.",
            "'do'",
        ),
        ("The shop is no exception, says Maria Lopez. She works in a big shop every day.", "'says'"),
    ]:
        for level in ("A1", "A2"):
            for h in select_highlights(nlp(text), level, lexicon=None, count=(1, 6)):
                assert f"{word} is the present simple" not in h.explanation, h.explanation
    # the quotation parsed as an outer subject, as in the story read
    doc = nlp("The shop's success is no exception, says Maria Lopez, the head of the board. She works hard.")
    assert not any(
        "'says' is the present" in h.explanation for h in select_highlights(doc, "A2", lexicon=None)
    )
    # 'did' as an auxiliary is no stand-in: "did not enjoy" is still the past simple
    doc = nlp("On average, they did not enjoy the experience.")
    assert any(
        "'did not enjoy' is the past simple" in h.explanation
        for h in select_highlights(doc, "A2", lexicon=None)
    )
    # a present simple with its subject before it is still explained
    doc = nlp("She works in a big hospital near the river. Her brother says nothing.")
    assert any(
        "'works' is the present simple" in h.explanation for h in select_highlights(doc, "A2", lexicon=None)
    )


def _claims(nlp: Language, text: str, lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """(kind, words, base) of every combination and (point, words, noun) of every grammar match."""
    doc = nlp(text)
    found = [(c.kind, c.text, c.base) for s in doc.sents for c in find_collocations(s, lexicon)]
    found += [(m.point.id, m.text, dict(m.details).get("noun", "")) for m in detect_grammar(doc)]
    return found


def test_train_review_round_three_faults_stay_gone(nlp: Language, real_lexicon: Lexicon) -> None:
    """Claims read in highlights of unseen train stories (gloss-3), on invented sentences."""
    # a particle right before a preposition says where: no phrasal verb "stare down" (to outstare)
    staring = _claims(nlp, "Everyone on the beach was staring down at the boat.", real_lexicon)
    assert not any(base == "stare down" for _, _, base in staring)
    assert not any(
        "staring down" in e
        for e in _explanations(nlp, "Everyone on the beach was staring down at the boat.", real_lexicon)
    )
    # a preposition's phrase after a noun is read word by word: "a plague on earth" is no idiom
    assert not any(
        base == "on earth"
        for _, _, base in _claims(nlp, "The pigeons are a plague on earth, said the mayor.", real_lexicon)
    )
    assert any(
        base == "on earth" for _, _, base in _claims(nlp, "What on earth are you doing?", real_lexicon)
    )
    # a plural keeps its number in the unit to learn: "do odd jobs" is "do jobs", never "do job"
    jobs = _claims(nlp, "Teenagers who live at home often do odd jobs for their neighbours.", real_lexicon)
    assert not any(base == "do job" for _, _, base in jobs)


def test_relative_clauses_name_the_parsed_noun_and_real_clauses(nlp: Language) -> None:
    """A relative clause after a preposition's noun that the parse hangs on another noun names
    neither ('nation' was named for the service); a participle after 'but' + a noun with an object is a
    past tense, not a short relative clause."""
    claims = _claims(
        nlp,
        "Young people are flocking to use the first known free, open-access internet service in the "
        "island nation, which has been made possible by one of the country's best known artists.",
        None,
    )
    nouns = {noun for point, _, noun in claims if point.startswith("relative")}
    assert "nation" not in nouns  # the parse hangs it on 'service': unsure, so neither is named


def test_a_participle_with_an_object_after_but_and_a_name_is_a_past_tense(nlp: Language) -> None:
    """The parse once read "... but Planas invited citizens to ..." as a name with a participle
    describing it ('invited citizens to' "is a short relative clause"); built here as parsed."""
    words = ["They", "hated", "it", "but", "Moras", "invited", "pupils", "to", "help", "."]
    heads = [1, 1, 1, 4, 2, 4, 5, 8, 5, 1]
    deps = ["nsubj", "ROOT", "obj", "cc", "conj", "acl", "obj", "mark", "advcl", "punct"]
    tags = ["PRP", "VBD", "PRP", "CC", "NNPS", "VBN", "NNS", "TO", "VB", "."]
    pos = ["PRON", "VERB", "PRON", "CCONJ", "PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert _past_tense_reading(doc[5], doc[4])
    doc = Doc(
        nlp.vocab,
        words=[*words[:3], "as", "Moras", *words[5:]],
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[*pos[:3], "ADP", *pos[4:]],
    )
    assert not _past_tense_reading(doc[5], doc[4])


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_an_expressions_meaning_is_in_words_at_the_learners_level(
    nlp: Language, real_lexicon: Lexicon, level: str
) -> None:
    """ "'depend on' means 'be contingent on'" explains an A2 expression with a C1 word."""
    text = "Three quarters of our crops are thought to depend on bees and other insects."
    explanations = " ".join(
        h.explanation for h in select_highlights(nlp(text), level, lexicon=real_lexicon, count=(1, 3))
    )
    assert "contingent" not in explanations
    assert "depend on" in explanations  # the pair is still taught, without the hard meaning


def test_a_split_particle_the_dictionary_does_not_list_is_no_phrasal_verb(
    nlp: Language, real_lexicon: Lexicon
) -> None:
    """ "'seeing British wildlife up' is a phrasal verb" ('up' goes with 'close')."""
    notes = _explanations(nlp, "Seeing wild animals up close is the best part of my job.", real_lexicon)
    assert notes  # the sentence is still chosen
    assert not any("up' is a phrasal verb" in n for n in notes)


def test_a_particle_before_by_or_with_keeps_its_phrasal_verb(nlp: Language, real_lexicon: Lexicon) -> None:
    """Only a preposition of place makes a particle a direction: "watched over by volunteers"
    and "passing out with heat stroke" are still 'watch over' and 'pass out'."""
    castle = _claims(nlp, "The old castle is watched over by a group of volunteers.", real_lexicon)
    assert any(base == "watch over" for _, _, base in castle)
    heat = _claims(nlp, "Two players were passing out with heat stroke.", real_lexicon)
    assert any(base == "pass out" for _, _, base in heat)


def test_a_collocation_to_learn_takes_the_article_its_noun_needs(
    nlp: Language, real_lexicon: Lexicon
) -> None:
    """ "have a big effect" is learnt as 'have an effect', never 'have a effect'."""
    claims = _claims(nlp, "The new rules could have a big effect on small farms.", real_lexicon)
    bases = {base for kind, _, base in claims if kind == "light_verb"}
    assert "have a effect" not in bases
    assert "have an effect" in bases


def test_no_shorter_phrasal_verb_where_the_words_say_a_way_or_need_their_preposition(
    nlp: Language, real_lexicon: Lexicon
) -> None:
    # Train highlights (round gloss-4's reading): "learn 'go down'" for "went down the conventional route"
    # and "learn 'stand up'" for "standing up for the rights": a way gone, and another verb.
    def bases(text: str) -> set[str]:
        return {c.base for c in find_collocations(next(iter(nlp(text).sents)), real_lexicon)}

    assert "go up" not in bases("Most students went up the stairs to the library.")
    assert "stand up" not in bases("The club was standing up for the rights of its players.")
    # the phrasal verbs themselves stay
    assert "go up" in bases("Prices went up sharply in May.")
    assert "stand up" in bases("He stood up and left the room.")
    assert "give up" in bases("She gave up her job in May.")


def test_no_combination_a_teacher_found_false_in_the_second_read_pass(
    nlp: Language, real_lexicon: Lexicon
) -> None:
    # second pass, train 99-108: "they don't know what to order" ('to order' as in "made to order") and
    # "not just any old growth" ('old growth' as in forests)
    for sentence, words in [
        ("Tourists often don't know what to order in a Thai cafe.", "to order"),
        ("Farmers want growth, but not just any old growth.", "old growth"),
    ]:
        found = find_collocations(nlp(sentence)[:], real_lexicon)
        assert words not in [c.text for c in found]
    found = find_collocations(nlp("The suits are made to order in a small shop.")[:], real_lexicon)
    assert "to order" in [c.text for c in found]


def test_up_until_is_no_particle_of_the_verb(real_lexicon: Lexicon, nlp: Language) -> None:
    # unseen reading of adapt-2.4: "won every game they played up until the time of writing" gave
    # "'played up': learn these words together"; "up until" is one preposition
    sent = next(nlp("The two teams won every game they played up until the end of May.").sents)
    assert all(c.base != "play up" for c in find_collocations(sent, real_lexicon))
    sent = next(nlp("The children played up all afternoon, so the teacher was cross.").sents)
    assert "play up" in {c.base for c in find_collocations(sent, real_lexicon)}


def test_a_preposition_before_a_quotation_mark_is_no_particle(real_lexicon: Lexicon, nlp: Language) -> None:
    # round read4 (train, Intermediate source): 'evicted and put in "basic" temporary homes' gave
    # "'put in' is a fixed combination"; the parse hangs the preposition on the verb before the mark
    sent = next(
        nlp(
            'People found guilty of causing "real harm" will be evicted and put in "basic" temporary homes, '
            "including old shipping containers."
        ).sents
    )
    assert all(c.base != "put in" for c in find_collocations(sent, real_lexicon))


def test_a_relative_clause_after_a_name_with_a_phrase_is_about_the_name(nlp: Language) -> None:
    # round read4: "the 1961 Convention on Narcotic Drugs, which controls ..." was explained as telling
    # about 'Narcotic Drugs'; a singular verb after the plural noun tells about the Convention
    text = (
        "Peru asked for a special exemption from the Convention on Illegal Drugs, which sets "
        "international drugs policy."
    )
    nouns = [
        dict(m.details).get("noun")
        for m in detect_grammar(nlp(text))
        if m.point.id == "relative_non_defining"
    ]
    assert nouns == ["Convention on Illegal Drugs"]
    text = "She spoke to the farmers, who live near the river."
    nouns = [
        dict(m.details).get("noun")
        for m in detect_grammar(nlp(text))
        if m.point.id == "relative_non_defining"
    ]
    assert nouns == ["farmers"]


def test_a_relative_clause_after_a_name_with_an_adverb_in_it_is_about_the_whole_name(nlp: Language) -> None:
    # round read6: "a computer game Never End, which they played ..." was explained as telling about
    # 'End' ('Never' parsed as an adverb of the name)
    for text, name in (
        ("Some were asked about a card game Never Lose, which they played for ten minutes.", "Never Lose"),
        ("They read a book called Always Home, which they loved.", "Always Home"),
    ):
        nouns = [
            dict(m.details).get("noun")
            for m in detect_grammar(nlp(text))
            if m.point.id == "relative_non_defining"
        ]
        assert nouns == [name], text
    # an adverb that opens the sentence is no part of the name
    nouns = [
        dict(m.details).get("noun")
        for m in detect_grammar(nlp("Only Maria, who lives nearby, came to the party."))
        if m.point.id == "relative_non_defining"
    ]
    assert nouns == ["Maria"]


def test_a_place_or_time_after_a_verb_expression_is_not_its_preposition(
    real_lexicon: Lexicon, nlp: Language
) -> None:
    # round read5 (train, Intermediate source): "two sex workers gave birth on the streets of Athens" gave
    # "'gave birth on' is a fixed combination"; "on the streets" says where, like "in the hall" after
    # "took place"
    def bases(text: str) -> set[str]:
        return {c.base for c in find_collocations(next(iter(nlp(text).sents)), real_lexicon)}

    assert "give birth on" not in bases("Two nurses gave birth on the streets of Lisbon.")
    assert "give birth in" not in bases("She gave birth in a taxi near the bridge.")
    assert "take place in" not in bases("The meeting took place in the old town hall.")
    # the expressions themselves stay, and a preposition they take
    assert "give birth" in bases("Two nurses gave birth on the streets of Lisbon.")
    assert "take part in" in bases("Our neighbours took part in the race.")
    assert "take care of" in bases("They took care of the dog at home.")
