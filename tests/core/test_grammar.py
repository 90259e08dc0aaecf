"""Grammar-point detectors (vocabsphere.core.levels.grammar) on VocabSphere's own pipeline.

Every catalogued point has at least two positive and two negative sentences. Negatives are
near misses (a neighbouring tense, a look-alike word order) because a wrong explanation
shown to a learner is worse than a missing one.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from vocabsphere.core.levels.grammar import CEFR_LEVELS, GRAMMAR_POINTS, GrammarMatch, detect_grammar

# (point id, sentence, expected span text or None when only presence is checked)
POSITIVE: list[tuple[str, str, str | None]] = [
    # an order after an if-clause, and a second order coordinated with the first
    ("imperative", "If you have any questions, please contact us.", "please contact"),
    ("imperative", "Please call the office and delete the message.", "delete"),
    ("present_simple", "She works in a hospital.", "works"),
    ("present_simple", "My sister works in a hospital near the station.", "works"),
    ("present_continuous", "The government is planning new taxes.", "is planning"),
    ("present_continuous", "They are building a new bridge.", "are building"),
    ("past_simple", "The minister resigned yesterday.", "resigned"),
    ("past_simple", "We didn't see the match.", "didn't see"),
    ("past_continuous", "It was raining when we arrived.", "was raining"),
    ("past_continuous", "The children were playing in the park.", "were playing"),
    ("present_perfect", "The company has opened three new stores.", "has opened"),
    ("present_perfect", "I have never visited Japan.", "have never visited"),
    ("present_perfect_continuous", "The crisis has been deepening for months.", "has been deepening"),
    ("present_perfect_continuous", "They have been waiting for hours.", "have been waiting"),
    ("past_perfect", "When we arrived, the train had already left.", "had already left"),
    ("past_perfect", "She had never seen the sea before.", "had never seen"),
    ("past_perfect_continuous", "She had been working there for years before she left.", "had been working"),
    ("past_perfect_continuous", "The roads were wet because it had been raining.", "had been raining"),
    ("future_will", "I think it will rain tomorrow.", "will rain"),
    ("future_will", "The new law won't help small businesses.", "won't help"),
    ("future_going_to", "We are going to visit Rome next year.", "are going to visit"),
    ("future_going_to", "Look at those clouds, it's going to rain.", "'s going to rain"),
    ("future_continuous", "This time next week I will be lying on a beach.", "will be lying"),
    ("future_continuous", "The team will be training all weekend.", "will be training"),
    ("future_perfect", "By June they will have finished the bridge.", "will have finished"),
    ("future_perfect", "By the time you arrive, we will have eaten.", "will have eaten"),
    ("passive_no_agent", "The letters are delivered every morning.", "are delivered"),
    ("passive_no_agent", "Three people were arrested last night.", "were arrested"),
    ("passive_with_agent", "The bridge was built by Roman engineers.", "was built by Roman engineers"),
    (
        "passive_with_agent",
        "The report has been criticised by several experts.",
        "has been criticised by several experts",
    ),
    ("modal_can_ability", "My sister can speak four languages.", "can speak"),
    ("modal_can_ability", "Penguins can't fly.", "can't fly"),
    ("modal_could_ability", "When I was young, I could run very fast.", "could run"),
    ("modal_could_ability", "She couldn't find her keys.", "couldn't find"),
    ("be_able_to", "He was able to fix the car.", "was able to fix"),
    ("be_able_to", "We will be able to travel again soon.", "be able to travel"),
    ("must_obligation", "All visitors must wear a mask.", "must wear"),
    ("must_obligation", "You mustn't park here.", "mustn't park"),
    ("have_to_obligation", "You have to wear a helmet.", "have to wear"),
    ("have_to_obligation", "She had to leave early.", "had to leave"),
    ("should_advice", "You should see a doctor.", "should see"),
    ("should_advice", "You shouldn't eat so much sugar.", "shouldn't eat"),
    ("ought_to", "You ought to apologise.", "ought to apologise"),
    ("ought_to", "The government ought to act now.", "ought to act"),
    ("deduction_present", "He must be tired after the long trip.", "must be tired"),
    ("deduction_present", "That can't be true.", "can't be true"),
    ("deduction_past", "She might have missed the train.", "might have missed"),
    ("deduction_past", "They must have left early.", "must have left"),
    ("conditional_zero", "If you heat ice, it melts.", "If you heat ice, it melts"),
    ("conditional_zero", "If people don't sleep, they get ill.", None),
    ("conditional_first", "If it rains, we will stay at home.", "If it rains, we will stay"),
    ("conditional_first", "We will miss the bus if we don't hurry.", None),
    ("conditional_second", "If I were you, I would take the job.", "If I were you, I would take"),
    ("conditional_second", "I would buy a house if I had more money.", None),
    ("conditional_third", "If I had known, I would have come.", "If I had known, I would have come"),
    ("conditional_third", "If they had left earlier, they wouldn't have missed the train.", None),
    ("conditional_mixed", "If she had studied harder, she would be a doctor now.", None),
    ("conditional_mixed", "If I had taken that job, I would be rich now.", None),
    ("relative_defining", "The man who lives next door is a doctor.", "who lives next door"),
    ("relative_defining", "This is the book that changed my life.", "that changed my life"),
    ("relative_non_defining", "My brother, who lives in Paris, is a chef.", "who lives in Paris"),
    (
        "relative_non_defining",
        "The museum, which opened in 1990, attracts many tourists.",
        "which opened in 1990",
    ),
    ("relative_reduced", "The man standing by the door is my uncle.", "standing by the door"),
    ("relative_reduced", "Most of the cars made in this factory are exported.", "made in this factory"),
    ("reported_speech", "He said that he was tired.", None),
    ("reported_speech", "The minister told reporters that the plan would work.", None),
    ("wish_past", "I wish I had a car.", "wish I had"),
    ("wish_past", "She wishes she could speak French.", None),
    ("wish_past_perfect", "I wish I had studied harder.", "wish I had studied"),
    ("wish_past_perfect", "He wishes he hadn't said that.", None),
    ("it_cleft", "It was John who broke the window.", "It was John who"),
    ("it_cleft", "It was in 1990 that the wall came down.", "It was in 1990 that"),
    ("pseudo_cleft", "What I need is a long holiday.", "What I need is"),
    ("pseudo_cleft", "What surprised me was the price.", "What surprised me was"),
    ("comparative_er", "He is taller than his father.", "taller"),
    ("comparative_er", "Prices are higher this year.", "higher"),
    ("comparative_more", "This hotel is more expensive than that one.", "more expensive"),
    ("comparative_more", "Please drive more carefully.", "more carefully"),
    ("superlative_est", "It is the tallest building in the world.", "the tallest"),
    ("superlative_est", "This was the best day of my life.", "the best"),
    ("superlative_most", "This is the most expensive hotel in the city.", "the most expensive"),
    ("superlative_most", "She is the most talented player in the team.", "the most talented"),
    ("too_adjective", "The coffee is too hot to drink.", "too hot to drink"),
    ("too_adjective", "You are driving too fast.", "too fast"),
    ("adjective_enough", "She is old enough to vote.", "old enough to vote"),
    ("adjective_enough", "The room isn't big enough.", "big enough"),
    ("so_that_result", "The film was so boring that we left early.", "so boring that"),
    ("so_that_result", "He spoke so quickly that nobody understood him.", "so quickly that"),
    ("such_that_result", "It was such a good film that we watched it twice.", "such a good film that"),
    ("such_that_result", "They made such noise that the neighbours complained.", "such noise that"),
    ("gerund_complement", "She enjoys swimming in the sea.", "enjoys swimming"),
    ("gerund_complement", "They have finished building the new stadium.", "finished building"),
    ("infinitive_complement", "She decided to leave the company.", "decided to leave"),
    ("infinitive_complement", "We hope to see you soon.", "hope to see"),
    ("phrasal_verb", "Please turn off the lights.", "turn off"),
    ("phrasal_verb", "The company gave up the plan.", "gave up"),
    ("used_to", "I used to play football every weekend.", "used to play"),
    ("used_to", "There used to be a cinema here.", "used to be"),
    ("causative_have_get", "She had her hair cut yesterday.", "had her hair cut"),
    ("causative_have_get", "We are getting the house painted next week.", "getting the house painted"),
    ("there_existential", "There are three books on the table.", "There are"),
    ("there_existential", "There has been an accident on the motorway.", "There has been"),
    ("question_tag", "It's cold today, isn't it?", "isn't it"),
    ("question_tag", "You haven't seen my keys, have you?", "have you"),
    ("imperative", "Turn off your phone.", "Turn"),
    # orders the detector used to leave alone (EWT dev misses)
    ("imperative", "Please let me know if you need anything else.", "let"),
    ("imperative", "For more photos of the storm, see the gallery below.", "see"),
    ("imperative", "Let me know", "Let"),
    ("relative_defining", "Bush gets a question that he hasn't anticipated.", "that he hasn't anticipated"),
    ("phrasal_verb", "We've moved on.", "moved on"),
    ("phrasal_verb", "Something always seems to be holding you back.", "holding you back"),
    ("past_simple", "Chahine said her family spent about $20,000 on the trip.", "said"),
    ("present_simple", "The civilians in the department only know how to blow things up.", "know"),
    ("imperative", "Don't touch the stove.", "Don't touch"),
    ("lets_suggestion", "Let's go to the beach.", "Let's go"),
    ("lets_suggestion", "Let's not argue about it.", "Let's not argue"),
    ("wh_question", "Where did you put my keys?", None),
    ("wh_question", "Why is the government raising taxes?", None),
]

# (point id, sentence in which that point must NOT be reported)
NEGATIVE: list[tuple[str, str]] = [
    ("imperative", "Let's go to the beach."),
    ("imperative", "See you later!"),
    ("imperative", "love this park"),
    ("imperative", "Talk to you later"),
    ("phrasal_verb", "This is the freedom Westerners believe in."),
    ("present_simple", "They demanded that the workers leave the building."),
    ("past_simple", "As the survey cited in the article shows, most users are happy."),
    # an adjective in -ing after 'be' is no continuous (issue 13: "was already challenging")
    ("past_continuous", "The project was already challenging for the small team."),
    ("present_continuous", "The results are very promising."),
    # be + participle: a passive or an adjective, never "the present/past simple"
    ("present_simple", "The painting is based on an old hymn."),
    ("past_simple", "Four months later, we were married."),
    # a participle phrase before the real verb is not a past tense
    ("past_simple", "The survey cited in the article shows a change."),
    # a modal whose verb is left out is not a present simple
    ("present_simple", "She will do what she can."),
    # without a finite verb the "participle" is the sentence's verb, mis-tagged
    ("relative_reduced", "Prices rose by ten percent."),
    # a verb sharing its conjunct's modal or perfect auxiliary is not a simple tense
    ("present_simple", "You can pick a name and use it."),
    ("past_simple", "The cleric has praised the group and said that he supports it."),
    # an irregular participle after 'be' is a passive, never a past simple
    ("past_simple", "The hymn was sung at the service."),
    # a 'by' phrase the parse attached elsewhere is still an agent: no "we are not told who"
    ("passive_no_agent", "Both wars were fought for security reasons by the US."),
    # a state after 'be', not an action
    ("passive_no_agent", "We left after they were done."),
    # no end punctuation, or a verb of thinking with a clause: the subject 'I' was left out
    ("imperative", "love this park"),
    ("imperative", "Don't think I've ever been there before."),
    # up + noun phrase after a verb of motion is a preposition (even when the lemma is misread)
    ("phrasal_verb", "The painting shows a horseman charging up a steep cliff."),
    # a one-word line is a caption, not an order
    ("imperative", "Applause."),
    ("present_simple", "She is working in a hospital today."),
    ("present_simple", "She worked in a hospital."),
    ("present_continuous", "The crisis has been deepening for months."),
    ("present_continuous", "We are going to visit Rome next year."),
    ("past_simple", "The minister has resigned."),
    ("past_simple", "If I had more money, I would buy a car."),
    ("past_continuous", "It had been raining all night."),
    ("past_continuous", "It is raining now."),
    ("present_perfect", "The company had opened three stores before the crisis."),
    ("present_perfect", "Prices have been rising for months."),
    ("present_perfect_continuous", "They had been waiting for hours."),
    ("present_perfect_continuous", "They are waiting outside."),
    ("past_perfect", "The train has already left."),
    ("past_perfect", "She had been working there for years."),
    ("past_perfect_continuous", "She has been working there for years."),
    ("past_perfect_continuous", "She had worked there for years."),
    ("future_will", "They will be travelling all day tomorrow."),
    ("future_will", "I would help you if I could."),
    ("future_going_to", "We are going to the cinema tonight."),
    ("future_going_to", "She was going to call, but she forgot."),
    ("future_continuous", "The team will train all weekend."),
    ("future_continuous", "The team is training all weekend."),
    ("future_perfect", "They will finish the bridge in June."),
    ("future_perfect", "They have finished the bridge."),
    ("passive_no_agent", "The bridge was built by Roman engineers."),
    ("passive_no_agent", "The police arrested three people."),
    ("passive_with_agent", "The bridge was built in 1890."),
    ("passive_with_agent", "The work must be finished by Friday."),
    ("modal_can_ability", "That can't be true."),
    ("modal_can_ability", "Can you help me, please?"),
    ("modal_could_ability", "Could you open the window?"),
    ("modal_could_ability", "If I had time, I could help you."),
    ("be_able_to", "He is an able student."),
    ("be_able_to", "He can fix the car."),
    ("must_obligation", "He must be tired after the trip."),
    ("must_obligation", "She must have forgotten the meeting."),
    ("have_to_obligation", "The problem has to do with money."),
    ("have_to_obligation", "I have a lot of work to do."),
    ("should_advice", "You should have told me."),
    ("should_advice", "You must see a doctor."),
    ("ought_to", "You should apologise."),
    ("ought_to", "I thought you were right."),
    ("deduction_present", "You must wear a helmet."),
    ("deduction_present", "The tickets can be bought online."),
    # a fixed way of saying how happy or good, not a guess (read in a train version's highlight)
    ("deduction_present", "We could not be happier with the result."),
    ("deduction_present", "The timing couldn't be better for the farmers."),
    ("deduction_present", "They could not be more pleased with the new school."),
    ("deduction_past", "You should have called me."),
    ("deduction_past", "She has missed the train."),
    # round read4: "may have ..., but" grants a point before the writer's own; no guess about the past
    ("deduction_past", "The letters may have arrived a day late, but nobody complained about them."),
    ("conditional_zero", "If it rains, we will stay at home."),
    ("conditional_zero", "I don't know if he likes coffee."),
    ("conditional_first", "If it rained, we would stay at home."),
    ("conditional_first", "I don't know if he will come."),
    ("conditional_second", "If I had known, I would have come."),
    ("conditional_second", "If you heat ice, it melts."),
    ("conditional_third", "If I knew, I would tell you."),
    ("conditional_third", "If she had studied harder, she would be a doctor now."),
    ("conditional_mixed", "If she had studied harder, she would have passed."),
    ("conditional_mixed", "If she studied harder, she would pass."),
    ("relative_defining", "My brother, who lives in Paris, is a chef."),
    ("relative_defining", "She said that the book changed her life."),
    ("relative_non_defining", "The man who lives next door is a doctor."),
    ("relative_non_defining", "I don't know which road to take."),
    ("relative_reduced", "The man who is standing by the door is my uncle."),
    ("relative_reduced", "She is standing by the door."),
    ("reported_speech", 'He said, "I am tired."'),
    ("reported_speech", "He said nothing."),
    ("wish_past", "I wish I had studied harder."),
    ("wish_past", "I wish you a happy birthday."),
    ("wish_past_perfect", "I wish I had more time."),
    ("wish_past_perfect", "I had studied the report carefully."),
    ("it_cleft", "It is clear that the plan failed."),
    ("it_cleft", "It was a pity that he left."),
    ("pseudo_cleft", "What is your name?"),
    ("pseudo_cleft", "What a beautiful day it was!"),
    ("comparative_er", "This hotel is more expensive than that one."),
    ("comparative_er", "I will call you later."),
    ("comparative_more", "We need more money."),
    ("comparative_more", "She is taller than me."),
    ("superlative_est", "It is the most expensive hotel in town."),
    ("superlative_est", "He is an honest man."),
    ("superlative_most", "Most people agree with the plan."),
    # 'most' = the greater part, though the parser hangs it on the adjective (read in a train highlight)
    ("superlative_most", "Today, most small farmers sell the bulk of what they grow to people in town."),
    ("superlative_most", "Most young players train twice a week in the summer."),
    ("superlative_most", "It is the cheapest hotel in the city."),
    ("too_adjective", "I like coffee too."),
    ("too_adjective", "There is too much traffic."),
    ("adjective_enough", "We don't have enough chairs."),
    ("adjective_enough", "Enough is enough."),
    ("so_that_result", "She saved money so that she could travel."),
    ("so_that_result", "It was so cold."),
    ("such_that_result", "I have never seen such a beautiful place."),
    ("such_that_result", "It was so cold that the lake froze."),
    ("gerund_complement", "She decided to swim in the sea."),
    ("gerund_complement", "She is swimming in the sea."),
    ("infinitive_complement", "She enjoys leaving early."),
    ("infinitive_complement", "We are going to see you soon."),
    ("phrasal_verb", "He walked up the hill."),
    ("phrasal_verb", "She turned to the left."),
    ("used_to", "I am used to working at night."),
    ("used_to", "This knife is used to cut bread."),
    ("causative_have_get", "She has cut her hair."),
    ("causative_have_get", "What have you done?"),
    ("there_existential", "I went there last year."),
    ("there_existential", "The books are over there."),
    ("question_tag", "Is it cold today?"),
    ("question_tag", "What is it?"),
    ("imperative", "You turn off your phone every night."),
    ("imperative", "Thank you for your help."),
    ("lets_suggestion", "They let us go home early."),
    ("lets_suggestion", "Let me help you."),
    ("wh_question", "I know where you put my keys."),
    ("wh_question", "Did you put my keys on the table?"),
]


def found(nlp: Language, sentence: str, point_id: str) -> list[GrammarMatch]:
    return [m for m in detect_grammar(nlp(sentence)) if m.point.id == point_id]


@pytest.mark.parametrize(("point_id", "sentence", "span"), POSITIVE)
def test_detects_point(nlp: Language, point_id: str, sentence: str, span: str | None) -> None:
    matches = found(nlp, sentence, point_id)
    everything = [(m.point.id, m.text) for m in detect_grammar(nlp(sentence))]
    assert matches, f"{point_id} not found; got {everything}"
    if span is not None:
        assert span in [m.text for m in matches], f"{point_id}: expected {span!r}, got {everything}"


@pytest.mark.parametrize(("point_id", "sentence"), NEGATIVE)
def test_does_not_detect_point(nlp: Language, point_id: str, sentence: str) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


def test_every_point_has_two_positive_and_two_negative_sentences() -> None:
    for point_id in GRAMMAR_POINTS:
        assert sum(p == point_id for p, _, _ in POSITIVE) >= 2, point_id
        assert sum(p == point_id for p, _ in NEGATIVE) >= 2, point_id
    assert {p for p, _, _ in POSITIVE} <= set(GRAMMAR_POINTS)
    assert {p for p, _ in NEGATIVE} <= set(GRAMMAR_POINTS)


def test_catalogue_entries_are_complete() -> None:
    assert len(GRAMMAR_POINTS) >= 30
    for point_id, point in GRAMMAR_POINTS.items():
        assert point.id == point_id
        assert point.level in CEFR_LEVELS
        assert point.name and point.source
        assert "{text}" in point.explanation


def test_match_fields_and_explanation(nlp: Language) -> None:
    doc = nlp("The weather was bad. The crisis has been deepening for months.")
    matches = found(nlp, doc.text, "present_perfect_continuous")
    assert len(matches) == 1
    match = matches[0]
    assert match.text == doc[match.start : match.end].text == "has been deepening"
    assert match.sentence == 1
    assert match.point.level == "B2"
    explanation = match.explain()
    assert explanation.startswith("'has been deepening' is the present perfect continuous")


def test_explanation_names_detail_words(nlp: Language) -> None:
    match = found(nlp, "The man who lives next door is a doctor.", "relative_defining")[0]
    assert "'man'" in match.explain()


@pytest.mark.parametrize(
    ("sentence", "kept", "dropped"),
    [
        ("The crisis has been deepening for months.", "present_perfect_continuous", "present_continuous"),
        ("The bridge was built by Roman engineers.", "passive_with_agent", "passive_no_agent"),
        ("If I were you, I would take the job.", "conditional_second", "past_simple"),
        ("We are going to visit Rome next year.", "future_going_to", "present_continuous"),
    ],
)
def test_no_double_reporting(nlp: Language, sentence: str, kept: str, dropped: str) -> None:
    ids = [m.point.id for m in detect_grammar(nlp(sentence))]
    assert kept in ids
    assert dropped not in ids


def test_matches_are_sorted_and_unique(nlp: Language) -> None:
    matches = detect_grammar(nlp("If it rains, we will stay at home. There are three books on the table."))
    keys = [(m.start, m.end, m.point.id) for m in matches]
    assert keys == sorted(set(keys))


# Claims that failed on EWT train trees (issue #13, part 4): each sentence is invented, and
# each of these labels was wrongly claimed before the fix.
HELD_OUT_FALSE_CLAIMS: list[tuple[str, str]] = [
    # the clause after the comma is not the one the if-clause belongs to
    ("conditional_zero", "If they bite, and one cries, you must separate them."),
    ("conditional_zero", "If you are not married, and want to be, you just might meet someone this year."),
    # main clause first: the tense read must be that of the verb the if-clause hangs on
    ("conditional_zero", "I know that this may not matter if it is already your right."),
    ("conditional_zero", "I guess if you have a good joke, you can't help telling it again."),
    # 'see if' = 'see whether': an indirect question
    ("conditional_first", "You will see in the picture if there is dirt on the lens."),
    # 'would have' + noun is 'have' the verb, not a perfect
    ("conditional_mixed", "They would have no problem with it if the need arose."),
    # a which-clause about the whole clause before it names no noun
    ("relative_non_defining", "They attacked the village at night, which means the army was there."),
    ("relative_non_defining", "The town has built new schools, which has made it popular with families."),
    # the 'participle' has its own object (a past tense), or 'got' starts a name
    ("causative_have_get", "Having Yoko made him aware of his weakness."),
    ("causative_have_get", "We finally got the exact car I wanted."),
    ("causative_have_get", "You've Got Maids did a fantastic job cleaning my home."),
    # an idiom + extraposed that-clause, not a cleft
    ("it_cleft", "It was beyond belief that they failed to call."),
    # an -ed past tense after a subject, and the complement of get/leave, are no participle clauses
    ("relative_reduced", "None of the calls rolled into voice mail, although we were calling all day."),
    ("relative_reduced", "I got a tattoo done at a small shop in town."),
    ("relative_reduced", "They left the soldiers stranded in the desert."),
]


@pytest.mark.parametrize(("point_id", "sentence"), HELD_OUT_FALSE_CLAIMS)
def test_no_claim_that_failed_on_unseen_trees(nlp: Language, point_id: str, sentence: str) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


@pytest.mark.parametrize(
    ("point_id", "sentence", "span"),
    [
        # the fixes keep the true cases
        ("conditional_second", "They would have no problem with it if the need arose.", None),
        ("causative_have_get", "You can even have it delivered to your door.", "have it delivered"),
        ("causative_have_get", "We had our kitchen painted by a local firm.", "had our kitchen painted"),
        ("it_cleft", "It was John who broke the window.", "It was John who"),
        ("relative_non_defining", "I met Anna, who lives next door.", None),
        # only 'which' takes up a whole clause; a past verb does not show its number
        ("relative_non_defining", "Contrast this with Brooks, who has a coach he can call.", None),
        ("relative_non_defining", "She wrote two songs, which topped the charts last year.", None),
        # a title that looks plural is no plural noun ('Golden Days ... was')
        (
            "relative_non_defining",
            "Everyone loved her new song, Golden Days, which was number one for weeks.",
            None,
        ),
        # the span quoted in the explanation starts at the word, not at the quotation mark
        (
            "conditional_second",
            "\u201cWe wouldn\u2019t travel so far from our children if the work didn\u2019t pay well.\u201d",
            "We wouldn\u2019t travel so far from our children if the work didn\u2019t pay",
        ),
        # a wh-phrase with an of-phrase before the inverted auxiliary
        ("wh_question", "What kind of paint do I need for the fence?", None),
        ("wh_question", "How many of these books have you read?", None),
    ],
)
def test_true_claims_kept_after_held_out_fixes(
    nlp: Language, point_id: str, sentence: str, span: str | None
) -> None:
    matches = found(nlp, sentence, point_id)
    assert matches, f"{point_id} not found"
    if span is not None:
        assert span in [m.text for m in matches]


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # Highlights read on unseen train articles claimed "'has' is the present simple" and "'aged' is the
        # past simple", and "learn 'played up'" for "played up until"; here on invented sentences.
        ("present_simple", "Trade has all but stopped as snow piles up on the roads."),
        ("past_simple", "Trade has all but stopped as snow piles up on the roads."),
        ("phrasal_verb", "Trade has all but stopped as snow piles up on the roads."),
        ("past_simple", "Half of Spaniards aged 25-34 still live with their parents."),
        ("phrasal_verb", "Local teams won in every game they played up until the final."),
    ],
)
def test_no_claim_a_teacher_found_false_in_highlights(nlp: Language, point_id: str, sentence: str) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # Round read5, highlights of unseen versions: "we are not told who does the action" with the
        # agent after a purpose ("baked to celebrate ... by her sister"), "'shall see' uses will", and
        # "adjective + enough" for an adverb on 'enough' before a noun ("just enough water").
        ("passive_no_agent", "The bread was made to mark the holiday by his cousin, Ana."),
        ("passive_no_agent", "The songs were written to thank the nurses by a local choir."),
        ("future_will", "We shall find out next spring."),
        ("adjective_enough", "The farm will have just enough grain for the winter."),
        ("adjective_enough", "They found barely enough chairs for the guests."),
        # a relative clause after the attribution is no reported speech
        ("reported_speech", 'It was "a rare step", the judge said, for which she saw no good reason.'),
    ],
)
def test_no_claim_read5_found_false_in_highlights(nlp: Language, point_id: str, sentence: str) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


def test_near_misses_of_read5_keep_their_claims(nlp: Language) -> None:
    # the agent read as before, a future with will, and adjective + enough all still found
    assert found(nlp, "The bread was made by his cousin to mark the holiday.", "passive_with_agent")
    assert found(nlp, "The bread was made to mark the holiday.", "passive_no_agent")
    assert found(nlp, "We will find out next spring.", "future_will")
    assert found(nlp, "The room was big enough for the whole class.", "adjective_enough")
    assert found(nlp, "The judge said that she saw no good reason.", "reported_speech")


def test_a_relative_clause_is_not_cut_at_a_hyphen_nor_tied_to_a_rate(nlp: Language) -> None:
    # Unseen train article at B1: "'which is giving rise to a man' ... adds extra information about
    # 'person'" for "200 gallons per person, which is giving rise to a man-made drought".
    rate = "Each home uses 200 litres per person, which is giving rise to a man-made shortage."
    assert not found(nlp, rate, "relative_non_defining")
    farmer = "She met the farmer, who sells home-made cheese at the market."
    hits = found(nlp, farmer, "relative_non_defining")
    assert [m.text for m in hits] == ["who sells home-made cheese at the market"]


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # Train highlights read this session: "'keen' is the present simple" in a verbless question (the
        # tagger gave 'keen' an adjective tag but made it the verb), a content clause after "sign" called
        # a defining relative clause, "rose up the chart" called a phrasal verb (the lemmatizer's "rose").
        ("present_simple", "Companies keen to sell more phones to young buyers in poor countries?"),
        ("relative_defining", "Late nights were once a badge of pride: a sign you were popular and young."),
        ("phrasal_verb", "Several small bands rose up the chart, but the old stars stayed on top."),
    ],
)
def test_no_claim_a_teacher_found_false_in_the_adaptrev_reading(
    nlp: Language, point_id: str, sentence: str
) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


@pytest.mark.parametrize(
    "sentence",
    [
        # Train highlights (round gloss-4's reading): "should" saying what is expected, not advice.
        "The new rules should be in force before the end of the year.",
        "Farmers in the south should expect heavier rain this winter.",
    ],
)
def test_should_that_says_what_is_expected_is_no_advice(nlp: Language, sentence: str) -> None:
    assert not found(nlp, sentence, "should_advice")


def test_a_guess_about_later_is_no_deduction_about_now(nlp: Language) -> None:
    # Train B1 highlight: "'might be doing' ... how sure the speaker is that something is true now" for
    # "what top climbers might be doing 60 years from now".
    later = "I asked her to imagine what young farmers might be doing 50 years from now."
    assert not found(nlp, later, "deduction_present")
    assert found(nlp, "He might be sleeping now.", "deduction_present")


def test_a_guess_within_a_span_and_be_able_to_are_no_deduction_about_now(nlp: Language) -> None:
    # round read6 (B1 highlights): "This new method could be in use ... within a decade" and "they must be
    # able to link up with a space station" were "how sure the speaker is that something is true now"
    assert not found(nlp, "The new bridge could be in use within two years.", "deduction_present")
    assert not found(nlp, "The pilots must be able to land the plane in fog.", "deduction_present")
    assert found(nlp, "The new bridge could be in use already.", "deduction_present")
    assert found(nlp, "She must be at home by now.", "deduction_present")


def test_should_that_advises_stays(nlp: Language) -> None:
    assert found(nlp, "You should drink more water when it is hot.", "should_advice")
    assert found(nlp, "Children should be careful near the river.", "should_advice")


def test_true_claims_near_the_adaptrev_fixes_stay(nlp: Language) -> None:
    # a contact relative with a gap, a real present simple before 'to', and a phrasal verb with an object
    assert found(nlp, "This is the town you were so proud of.", "relative_defining")
    assert found(nlp, "Companies want to sell more phones.", "present_simple")
    assert found(nlp, "They gave up the fight after a week.", "phrasal_verb")


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # Round mods, train highlights 79-88: "'used to help' ... past habits" for "therapies that are
        # already used to help people" (a passive past an adverb), and a zero conditional for "Nor is it
        # clear yet if oxytocin only has benefits" ('if' means 'whether' after 'clear').
        ("used_to", "Doctors said the drug might help the courses that are already used to teach children."),
        ("conditional_zero", "Nor is it clear yet if caffeine only has benefits for people with asthma."),
        ("conditional_zero", "It is not clear yet if the vaccine has benefits for children."),
        # "'set off' tells us more about 'aircraft'. It is a short relative clause." for "If the following
        # aircraft set off immediately, ...": the past form after an if-clause's subject is its verb
        ("relative_reduced", "If the following car set off immediately, the fast moving air would push it."),
        # "'have to start' ... something is necessary" for "the lack of time couples have to start families"
        ("have_to_obligation", "Falling sales are blamed on the lack of time parents have to cook meals."),
        # train highlights 21-30: "'is beloved' is a passive" ("The polygraph is beloved of the movies")
        ("passive_no_agent", "The old castle is beloved of tourists, with many coming back every year."),
    ],
)
def test_no_claim_a_teacher_found_false_in_the_mods_reading(
    nlp: Language, point_id: str, sentence: str
) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


def test_true_claims_near_the_mods_fixes_stay(nlp: Language) -> None:
    assert found(nlp, "The children have to walk to school.", "have_to_obligation")
    assert found(nlp, "We always used to walk to school.", "used_to")
    assert found(nlp, "If the sky is clear, we see the stars.", "conditional_zero")


def test_a_relative_clause_names_a_firm_with_an_ampersand_in_full(nlp: Language) -> None:
    # Round mods, train highlights 79-88: "... adds extra information about 'Spencer'" (Marks & Spencer)
    text = "Tom Reed, chief executive of Marks & Spencer, which also launched its ad in May, said sales rose."
    hits = found(nlp, text, "relative_non_defining")
    assert [dict(m.details).get("noun") for m in hits] == ["Marks & Spencer"]


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # Round read, train highlights 89-98: "'is used' is a passive" for "Ouarzazate is used to big
        # productions" and "''s used' is the present perfect" for "he's used to noise complaints" (be used
        # to = be accustomed); "The words after 'by' say who does it" for "transported abroad by cable";
        # "'suggesting' tells us what someone said" for a finding; "'could have banned' ... to guess what
        # happened" for "There's no way I could have banned smoking"; "... about 'hours'" for "Yuu Wakebe,
        # an official overseeing policy on working hours, who admits ..."; "'have been mixed' is a passive"
        ("passive_no_agent", "The small port town of Tarifa is used to big crowds in summer."),
        ("present_perfect", "Old Tom Baker says that he's used to noise from the pub by now."),
        ("passive_with_agent", "The new lines will let power be transported abroad by cable by 2030."),
        (
            "reported_speech",
            "Oddly, the results were alike for all the twins, suggesting that their bodies handled sugar "
            "in the same way.",
        ),
        (
            "deduction_past",
            '"There\'s no way I could have closed my shop without a rule for the whole town," says Ann.',
        ),
        (
            "relative_non_defining",
            "Tom Baker, a city official overseeing rules on opening hours, who admits working 60 hours "
            "a week, blames the pressure to keep up.",
        ),
        (
            "relative_non_defining",
            "Tom Reed, a city official overseeing policy on working hours, who admits putting in 60 hours "
            "of overtime a month, blames the pressure to keep up with colleagues.",
        ),
        ("passive_no_agent", "Reviews have been mixed, though: one study found no benefit for children."),
        # "'that pay like Laura's … far between' tells us which 'assignments'": the parse hung the
        # sentence's own verb inside the clause
        ("relative_defining", "Sadly, good jobs that pay like Tom's are hard to find."),
    ],
)
def test_no_claim_a_teacher_found_false_in_the_read_round(
    nlp: Language, point_id: str, sentence: str
) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


def test_true_claims_near_the_read_round_fixes_stay(nlp: Language) -> None:
    assert found(nlp, "Such tools are already used to help farmers.", "passive_no_agent")
    assert found(nlp, "The paint was mixed with water.", "passive_no_agent")
    assert found(nlp, "The letters were sent by Anna.", "passive_with_agent")
    assert found(nlp, "He could have missed the train.", "deduction_past")
    assert found(nlp, "The books that she wrote are famous.", "relative_defining")
    assert found(nlp, "She smiled, saying that she was tired.", "reported_speech")
    assert found(
        nlp, "The bones are handed to middlemen, who pass easily through the border.", "relative_non_defining"
    )


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # issue #14, train 109-118: "'so different from the rhinoceros that' uses so...that (result)":
        # the 'that' clause tells which animal
        ("so_that_result", "The beetle is so different from the ant that you see in gardens."),
        ("so_that_result", "These frogs are so different from the toad that we know today."),
        ("so_that_result", "The hill looks so different from the mountain that we climbed last year."),
        # "'together enough' uses adjective/adverb + enough": 'enough' determines 'money'
        ("adjective_enough", "They hope to get together enough money to buy a boat."),
        # "'suggests there are' is reported speech" with 'It' (a finding) as the subject
        ("reported_speech", "It suggests there are more birds in the north than we thought."),
        ("reported_speech", "This shows that the plan worked."),
        # round tok: "'suggests' tells us what someone said" with a survey, figures or studies as the
        # subject, or 'which' for a whole clause: a finding shows something, as with 'it'
        ("reported_speech", "The survey suggests that most drivers ignore the limit."),
        ("reported_speech", "The new figures suggest the number of bakers has fallen."),
        ("reported_speech", "There are studies that suggest that long days are bad for us."),
        ("reported_speech", "The pictures reveal that the moon is cold."),
        ("reported_speech", "Prices rose, which suggests that demand is strong."),
        # "'which also operate ...' gives extra information about 'porpoises'": with no plural verb to
        # say it is about both nouns, which one it tells of is unsure
        ("relative_non_defining", "Frogs and toads, which we often see near ponds, eat insects."),
        # both (the verb says so), but naming "My sister and her husband" is unsure; not 'husband'
        ("relative_non_defining", "My sister and her husband, who live in Leeds, came to visit."),
    ],
)
def test_no_claim_a_teacher_found_false_in_the_hl_reading(
    nlp: Language, point_id: str, sentence: str
) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Frogs and toads, which also live near ponds, eat insects.", "Frogs and toads"),
        ("The old bridges and tunnels, which were built by hand, are closed.", "old bridges and tunnels"),
    ],
)
def test_a_relative_clause_on_coordinated_nouns_names_them_whole(
    nlp: Language, sentence: str, noun: str
) -> None:
    hits = found(nlp, sentence, "relative_non_defining")
    assert [dict(m.details).get("noun") for m in hits] == [noun]


def test_true_claims_near_the_hl_fixes_stay(nlp: Language) -> None:
    assert found(nlp, "He was so tired from the trip that he slept all day.", "so_that_result")
    assert found(nlp, "She was so different from her sister that people were surprised.", "so_that_result")
    assert found(nlp, "They live in a big enough house.", "adjective_enough")
    assert found(nlp, "He suggests there are more birds here.", "reported_speech")
    assert found(nlp, "It is said that the castle is haunted.", "reported_speech")
    assert found(nlp, "She revealed that she had left the band.", "reported_speech")
    assert found(nlp, "Ms Lee predicted that prices would fall.", "reported_speech")
    assert found(nlp, "The coach, who suggested that we train at night, left.", "reported_speech")
    assert found(nlp, "The report says that prices will rise next year.", "reported_speech")
    assert found(nlp, "The old bridge, which opened in 1890, is closed.", "relative_non_defining")


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # issue #14, train 119-128 read unseen: "'who would benefit ...' tells us which 'students'" in
        # an it-cleft ("it isn't just students who would benefit")
        ("relative_defining", "But it isn't just children who would enjoy a longer break."),
        # "'would you' is a question tag ... wants you to agree" after an order (a request)
        (
            "question_tag",
            "Take a few days off, put down your phone and let your mind rest a little, would you?",
        ),
        (
            "question_tag",
            "There is room for some simple advice. Take a few days off, put down your phone and let your "
            "mind rest a little, would you?",
        ),
        # "'let' is the past simple" in "I let out a tiny breath and this helps" (the story's present)
        ("past_simple", "I put the kettle on and the room feels warm."),
        # "'suggests there are' is reported speech" with a survey as the subject
        ("reported_speech", "But the poll suggests there are also some towns where people are happy."),
    ],
)
def test_no_claim_a_teacher_found_false_in_the_read3_reading(
    nlp: Language, point_id: str, sentence: str
) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


def test_a_noun_the_tagger_took_for_a_verb_is_no_order(nlp: Language) -> None:
    # train 119-128, after this round's links: "'Cause' is an imperative" in "Cause and effect run both
    # ways, ..." (tagged as a base-form verb, parsed as the subject)
    text = "The two are linked. Cause and effect run both ways, with our fear leading to our worry."
    assert not [m for m in detect_grammar(nlp(text)) if m.point.id == "imperative"]
    assert found(nlp, "Take the bus to the station and wait for me there.", "imperative")


def test_true_claims_near_the_read3_fixes_stay(nlp: Language) -> None:
    assert found(nlp, "The teachers who knew the answer stayed.", "relative_defining")
    assert found(nlp, "You like tea, don't you?", "question_tag")
    assert found(nlp, "Yesterday I put the kettle on.", "past_simple")
    assert found(nlp, "Maria suggests there are more birds here.", "reported_speech")


def test_a_relative_clause_after_a_place_name_names_it_whole(nlp: Language) -> None:
    # train 119-128: "... 1 Central Park West, which houses ..." explained as "about 'West'": the parse
    # made 'West' a later part ('flat') of the name 'Central Park West'
    from spacy.tokens import Doc

    from vocabsphere.core.levels.grammar_rules_clauses import noun_words

    words = ["They", "met", "near", "1", "Central", "Park", "West", "."]
    heads = [1, 1, 5, 5, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "case", "nummod", "amod", "obl", "flat", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert noun_words(doc[6]) == "Central Park West"


def test_a_sentence_s_verb_groups_are_read_once_per_document(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tense, voice and modal detectors all read a sentence's verb groups: one reading serves them.
    from vocabsphere.core.levels import grammar_verbs

    heads: list[int] = []
    verb_group = grammar_verbs.verb_group

    def counted(head: object) -> object:
        heads.append(head.i)  # type: ignore[attr-defined]
        return verb_group(head)  # type: ignore[arg-type]

    doc = nlp("The old bridge was closed last week. Engineers say it could be repaired by May.")
    before = detect_grammar(doc)
    monkeypatch.setattr(grammar_verbs, "verb_group", counted)
    assert detect_grammar(doc) == before
    assert heads and len(heads) == len(set(heads))
    # Outside a detection nothing is kept: another Doc's spans at the same positions are read anew.
    other = nlp("The new bridge was opened last week. Drivers say it should be finished by May.")
    monkeypatch.undo()
    assert [g.head.text for g in grammar_verbs.verb_groups(doc[:8])] == ["closed"]
    assert [g.head.text for g in grammar_verbs.verb_groups(other[:8])] == ["opened"]


@pytest.mark.parametrize(
    ("point_id", "sentence"),
    [
        # issue #14, train 31-40 read unseen: "'predict what might happen' is reported speech" (a
        # wh-clause after a verb that reports no question nor answer)
        ("reported_speech", "We cannot predict what might happen when the ice melts."),
        # "... adds extra information about 'sword'" in "Another cut from a sword, which also went through
        # the bone ...": the clause may tell of either noun of the phrase
        ("relative_non_defining", "One letter from a friend, which also came with a photo, made her cry."),
        ("relative_non_defining", "A shot from a gun, which also hit the wall, would have been loud."),
        # "'might have exploded' ... deduce what happened" beside 'would have' after 'without': unreal past
        ("deduction_past", "Without the rope, her arm would have broken and her back might have snapped."),
        ("deduction_past", "The storm would have sunk the boat, and the crew could have drowned."),
        ("deduction_past", "Take the map, or else you might have got lost."),
        # "'more ugly' is a comparative" where 'more' counts the noun (more of them) and no 'than' follows
        ("comparative_more", "The town wants to stop more tall buildings like the ones near the park."),
        ("comparative_more", "People want more expensive cars."),
    ],
)
def test_no_claim_a_teacher_found_false_in_the_read7h_reading(
    nlp: Language, point_id: str, sentence: str
) -> None:
    matches = found(nlp, sentence, point_id)
    assert not matches, f"{point_id} wrongly found: {[m.text for m in matches]}"


def test_true_claims_near_the_read7h_fixes_stay(nlp: Language) -> None:
    assert found(nlp, "She told us where she had lived.", "reported_speech")
    assert found(nlp, "He explained how the machine worked.", "reported_speech")
    assert found(nlp, "Ms Lee predicted that prices would fall.", "reported_speech")
    assert found(nlp, "She might have missed the bus.", "deduction_past")
    assert found(nlp, "He may have left without his keys.", "deduction_past")
    assert found(nlp, "They want more modern trains than the old ones.", "comparative_more")
    assert found(nlp, "She bought a more modern car.", "comparative_more")
    assert found(nlp, "The new phones are more expensive.", "comparative_more")
    text = "The price of the new trains, which are made in Spain, is high."
    hits = found(nlp, text, "relative_non_defining")
    assert [dict(m.details).get("noun") for m in hits] == ["trains"]
    hits = found(nlp, "The old bridge, which opened in 1890, is closed.", "relative_non_defining")
    assert [dict(m.details).get("noun") for m in hits] == ["bridge"]
    # after a plural span of time, the clause tells of what the span is of
    text = "The painter died in Rome after years of illness, which had forced him to give up his work."
    hits = found(nlp, text, "relative_non_defining")
    assert [dict(m.details).get("noun") for m in hits] == ["illness"]


def test_a_that_tagged_as_a_wh_word_still_reports(nlp: Language) -> None:
    # the tagger may give 'that' the tag of 'which' (WDT): it still opens a reported statement
    from spacy.tokens import Doc

    from vocabsphere.core.levels.grammar_rules_clauses import _wh_clause

    words = ["They", "announced", "that", "the", "baby", "was", "born", "."]
    heads = [1, 1, 6, 4, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "obj", "det", "nsubj:pass", "aux:pass", "ccomp", "punct"]
    tags = ["PRP", "VBD", "WDT", "DT", "NN", "VBD", "VBN", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert not _wh_clause(doc[6])
    words = ["Nobody", "knew", "which", "road", "was", "open", "."]
    deps = ["nsubj", "ROOT", "det", "nsubj", "cop", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 5, 5, 1, 1], deps=deps)
    assert _wh_clause(doc[5])
