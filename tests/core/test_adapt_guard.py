"""Edit guards: every edit that would break a sentence or change what it says is refused.

The sentences are written for these tests around the phrases that earlier versions broke; the seed
and demo stories are checked end to end (the seed tests skip when ../shared is absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import SHARED_DIR
from tests.core.adapt_checks import drop_veto
from vocabsphere.core.adapt import adapt_story, adapt_text
from vocabsphere.core.adapt.compress import compress_sentence
from vocabsphere.core.adapt.document import is_heading, prepare, quote_states, quotes_balanced
from vocabsphere.core.adapt.guard import deletion_problem, edit_problem, substitution_problem
from vocabsphere.core.articles import parse_front_matter
from vocabsphere.core.lexicon import Lexicon

SEEDS = SHARED_DIR / "seeds"
DEMO = Path(__file__).resolve().parents[2] / "src" / "vocabsphere" / "demo"
LEVELS = ("A1", "A2", "B1")


@pytest.fixture(scope="module")
def lexicon(real_lexicon: Lexicon) -> Lexicon:
    return real_lexicon


# (sentence, words that must survive every compression of it, at every level and retry strength)
KEPT_WHOLE = [
    ("The plane landed safely at the small airport with nil visibility.", "with nil visibility"),
    (
        "The fog over the valley only very gradually diminished during the morning.",
        "only very gradually diminished",
    ),
    (
        "Even if the number of North Korean troops were to reach 3,000, it would not be considered "
        "significant in a battlefield context.",
        "the number of North Korean troops were to reach 3,000",
    ),
    (
        "However, the question remains as to how well North Korean military forces would fit into the "
        "conflict.",
        "as to how well North Korean military forces would fit",
    ),
    (
        "The public library in the small town has become the first building in the region to run entirely on "
        "solar power.",
        "the first building in the region to run entirely on solar power",
    ),
    (
        "Over the summer, the pupils planted, watered and harvested lettuce, carrots, beans and tomatoes.",
        "planted, watered and harvested lettuce, carrots, beans and tomatoes",
    ),
    ("He later opened a small fish-and-chip shop near the harbour in his home town.", "fish-and-chip shop"),
    (
        "Three new routes will start in December, connecting cities that are more than 1,000 kilometres "
        "apart.",
        "connecting cities",
    ),
    ("Modern sleeping cars are also expensive, and only a few factories build them.", "only a few factories"),
    ("The actor, who died in hospital on Monday, had starred in more than 40 films.", "The actor, who died"),
    (
        "The claims, which Newsweek said appeared to be unfounded, spread quickly online.",
        "appeared to be unfounded",
    ),
    ("The minister reportedly met the rebels in a small village near the border.", "reportedly met"),
    ("The company did not pay its workers in full for three months last year.", "did not pay its workers"),
    (
        "Edible insects emit fewer gases, contain high-quality protein, vitamins and amino acids, and have a "
        "high food-conversion rate.",
        "contain high-quality protein",
    ),
    ("As the technology develops, said French, scientists need to think about its uses.", "said French"),
    (
        "She spoke calmly, with only an injured eye and a drooping left side of her face to hint at the "
        "attack.",
        "an injured eye",
    ),
    (
        "The method has already allowed the discovery of fractures that were not picked up during "
        "conventional autopsies.",
        "not picked up during conventional autopsies",
    ),
    # Cuts that changed a claim in the teacher's review (issue 14): a place the verb needs, the
    # adjective a "there is" sentence is about, a "more than" comparison, a participle's adverb.
    (
        "The next day, the same mice were placed in a second chamber and given a small electric shock, to "
        "encode a fear response.",
        "were placed in a second chamber",
    ),
    (
        "In the final part of the experiment, the team placed the mice back in the first chamber.",
        "placed the mice back in the first chamber",
    ),
    (
        "The town of 7,000 people will go on display via Google's popular Street View application in July "
        "2013.",
        "will go on display",
    ),
    (
        "But, behind all the gimmicks and jokes about flies in the soup there is a deeply serious message.",
        "serious message",
    ),
    ("The project is more than a novelty or cultural philanthropy.", "more than a novelty or cultural"),
    (
        "Angelo Sodano, the Dean of the College of Cardinals, who must have been forewarned, delivered a "
        "brief and perhaps hurriedly composed speech.",
        "perhaps hurriedly composed speech",
    ),
    (
        "Its chef, René Redzepi, says that ants taste like lemon, and a purée of fermented grasshoppers and "
        "moth larvae tastes like a strong fish sauce.",
        "moth larvae",
    ),
    (
        "They were provided with a laptop computer and instructed how to ensure their homes, shops and "
        "meeting places would show up accurately on the map.",
        "would show up accurately on the map",
    ),
    (
        "These records, called engrams, are encoded in physical and chemical changes in brain cells.",
        "called engrams",
    ),
    (
        "Edible insects emit fewer gases, contain high-quality protein and have a high food-conversion rate.",
        "Edible insects",
    ),
    (
        "Anti-discrimination campaigners say the star has had to sacrifice her blackness to make it into the "
        "predominantly white middle-class market.",
        "predominantly white",
    ),
    (
        "She spoke confidently, with only an injured eye and a drooping left side of her face to hint "
        "at such fresh traumas.",
        "She spoke confidently",
    ),
    # Review round adapt-1.5: scope, time, existence, frequency and degree words, list items, a
    # stack of modifiers, the link to what came before and a clause that is the subject.
    (
        "The health agency estimates that for tuberculosis alone drug resistance causes more than 150,000 "
        "deaths a year.",
        "for tuberculosis alone",
    ),
    (
        "At the same time, the researchers shone a light into the brains of the mice in the second room.",
        "At the same time",
    ),
    (
        "The blogger wrote a long post criticizing the latent discrimination in media and marketing that "
        "she saw in the campaign.",
        "the latent discrimination in media and marketing",
    ),
    (
        "The old cardinal then delivered a brief and perhaps hurriedly composed speech to the others.",
        "perhaps hurriedly composed speech",
    ),
    (
        "These drugs were our last defence, but antibiotic resistant bacteria became more and more common "
        "in the hospitals.",
        "antibiotic resistant bacteria",
    ),
    (
        "To squander the advantage we have so recently gained against microorganisms in the fight for life "
        "would be unthinkable.",
        "To squander the advantage",
    ),
    (
        "For this we have public health systems, vaccination and cheap antibiotics to thank.",
        "For this we have",
    ),
    (
        "Life expectancy was heavily affected by the very high rate of infant mortality in those days.",
        "the very high rate",
    ),
    (
        "Because octopuses have no bones, they are able to fit into extremely small spaces in the rocks.",
        "extremely small spaces",
    ),
    (
        "The pattern of resistance has changed from a rare but notable event to a problem of epidemic "
        "proportion.",
        "a rare but notable event",
    ),
    (
        "Her speech gave voice to young people normally silenced in the poorer parts of the country.",
        "young people normally silenced",
    ),
    (
        "Caterers may not take all the precautions they should when serving a person who has a genuine "
        "allergy to nuts.",
        "a genuine allergy",
    ),
    (
        "As one of the group that is highly regarded by the officials for his potential, the young referee "
        "knew he was being watched.",
        "highly regarded",
    ),
    (
        "The company might simply send one of its backpacks and rely on volunteers to literally put "
        "themselves on the map.",
        "backpacks and rely on volunteers to",
    ),
    ("The Vatican will just as predictably dismiss such notions with contempt.", "just as predictably"),
    (
        "A lecturer believes the singer has won the middle class by taking a rebellious sound and making it "
        "tamer and more palatable to everyone.",
        "a rebellious sound",
    ),
    (
        "In her teens, she made a name for herself in the city's baile funk scene as a dancer.",
        "baile funk scene",
    ),
    ("She has toned down the dancing and the explicit lyrics of baile funk.", "baile funk"),
    (
        "The octopus made his dash for freedom after the lid of his tank was accidentally left "
        "slightly ajar.",
        "after the lid of his tank was accidentally left",
    ),
    (
        "Bogus tests put thousands of children on inadequate diets, sometimes resulting in malnutrition.",
        "inadequate diets",
    ),
    (
        "For every method of attack the pharmaceutical companies invent, bacteria rapidly evolve a defence.",
        "For every method of attack",
    ),
    # Round adapt-2.0 (unseen train articles and the dev faults left in 1.9): restrictive phrases.
    # Whom or where a figure holds for ("a third of all deaths occurred [in children]").
    (
        "Nearly half of all the accidents happened in young drivers under the age of twenty, mostly "
        "because of speed.",
        "happened in young drivers",
    ),
    ("In captivity, large tortoises often live to 150 or more.", "In captivity"),
    # Figures paired with their groups, and the first half of a contrast.
    (
        "In the survey, girls and boys in the town scored 62 and 58 points on average, respectively.",
        "respectively",
    ),
    ("The pupils learned to cook at home with their parents instead of at school.", "cook at home"),
    (
        "The new checks reveal what the boats emit when sailing on rivers and in ports rather than in calm, "
        "test-like waters, as is currently the case.",
        "rather than in calm, test-like waters",
    ),
    # When a claim holds, and what it was found in.
    (
        "The farmer said that, while the sheep were safe at present, the wolves would come back in winter.",
        "safe at present",
    ),
    (
        "She asked the old teacher if he thought humans would land on Mars in her lifetime.",
        "in her lifetime",
    ),
    ("The new vaccine developed by the team has worked well in experiments.", "worked well in experiments"),
    # How a state is meant, and what a thing is kept as.
    ("For now, the mayor is cautiously optimistic about the new bridge.", "cautiously optimistic"),
    ("The minister admitted to a secret fund of old government money.", "a secret fund"),
    ("The firm has promised to respect the park's current border, the only firm to do so.", "current border"),
    # Nouns the parser took for modifiers ("when the [meteorite] struck", "tablet [app]").
    (
        "Anna was at work in the office of a small bank in the north of the town when the meteorite struck.",
        "the meteorite struck",
    ),
    (
        "The court stopped the paper from using the photos any further, including on its website and "
        "tablet app.",
        "tablet app",
    ),
]


# (sentence, what no compression of it may leave): a list item cut with its comma left ("gear, and")
NEVER_LEFT = [
    (
        "The team flew to the town, armed with their warmest winter gear, a stack of laptop computers and "
        "a heavy camera.",
        ", and",
    ),
    (
        "The blogger criticized the latent discrimination in media and marketing that she saw.",
        "discrimination and marketing",
    ),
]


@pytest.mark.parametrize(("sentence", "phrase"), NEVER_LEFT)
def test_compression_leaves_no_coordination_without_its_item(
    nlp: Language, sentence: str, phrase: str
) -> None:
    sent = nlp(sentence)[:]
    for level in LEVELS:
        for strength in range(6):
            out = compress_sentence(sent, level, strength=strength).text
            assert phrase not in out, (level, strength, out)


@pytest.mark.parametrize(("sentence", "phrase"), KEPT_WHOLE)
def test_compression_never_breaks_or_reverses_the_sentence(nlp: Language, sentence: str, phrase: str) -> None:
    sent = nlp(sentence)[:]
    for level in LEVELS:
        for strength in range(6):
            out = compress_sentence(sent, level, strength=strength).text
            assert phrase in out, (level, strength, out)


def test_each_deletion_guard_names_its_reason(nlp: Language) -> None:
    assert "qualifier" in (
        drop_veto(nlp, "The plane landed with nil visibility at the airport.", "nil") or ""
    )
    assert "qualifier" in (drop_veto(nlp, "The fog only very gradually diminished.", "gradually") or "")
    assert "clause" in (
        drop_veto(nlp, "The question remains as to how well the forces would fit in.", "how well") or ""
    )
    assert "central event" in (
        drop_veto(nlp, "The singer, who died on Monday, was 81.", "who died on Monday") or ""
    )
    assert drop_veto(nlp, "The number of North Korean troops were to reach 3,000.", "troops") is not None
    assert "run" in (
        drop_veto(nlp, "It is the first building to run on solar power.", "on solar power") or ""
    )
    assert "solar" in (drop_veto(nlp, "It is the first building to run on solar power.", "solar") or "")
    # Review of dev "malala" at A2: "on her [16th] birthday" cut, then "As 16th birthdays go" made no sense.
    assert "number" in (drop_veto(nlp, "She spoke at the UN on her 16th birthday on Friday.", "16th") or "")
    assert "number" in (drop_veto(nlp, "The team flew 30 cameras to the town.", "30") or "")
    assert "noun phrase" in (
        drop_veto(
            nlp, "Guests were told they had dined on the much cheaper black tiger version.", "on the much"
        )
        or ""
    )
    # ... while a plain side clause and a plain adjective may still go.
    assert (
        drop_veto(
            nlp, "The mayor, who was elected last year, opened the bridge.", ", who was elected last year"
        )
        is None
    )
    assert drop_veto(nlp, "The council announced a massive increase in rents.", "massive") is None


def _problem(nlp: Language, source: str, *edited: str) -> str | None:
    return edit_problem(nlp(source), *(nlp(e) for e in edited))


def test_a_reparsed_edit_that_is_worse_english_is_refused(nlp: Language) -> None:
    source = "Modern sleeping cars are also expensive, and only a few factories build them."
    assert _problem(nlp, source, "Modern sleeping cars are also expensive, and only a factories build them.")
    assert _problem(
        nlp, "The soldiers were tired after the long march.", "The soldiers was tired after the march."
    )
    assert _problem(nlp, "The army left the city and the villages.", "The army left the city and.")
    assert _problem(nlp, "She bought a house near the sea.", "She bought a near the sea.")
    assert _problem(nlp, "The rescue team arrived at dawn.", "The rescue team at dawn.")
    # A split into two good sentences, and a construction the source already has, pass.
    assert (
        _problem(
            nlp,
            "The mayor, who was elected in May, opened the bridge.",
            "The mayor opened the bridge.",
            "The mayor was elected in May.",
        )
        is None
    )
    assert _problem(nlp, "This is the house they live in.", "This is the house they live in.") is None


def test_a_word_inside_a_term_is_not_replaced(nlp: Language) -> None:
    doc = nlp("The team attached radio tags smaller than a grain of rice to the bees.")
    assert substitution_problem(next(t for t in doc if t.text == "tags")) == "part of a compound term"
    doc = nlp("He opened a fish-and-chip shop.")
    assert substitution_problem(next(t for t in doc if t.text == "chip")) is not None


def test_single_quotation_marks_are_followed_through_a_paragraph() -> None:
    source = prepare(
        "Peskov dismissed the claims, stating, 'This is not only British intelligence. They never provide "
        "any evidence.' The talks went on in Moscow's old town.\nThe troops' food ran out."
    )
    states = quote_states(source.units)
    assert [s.quoted for s in states] == [True, True, False, False]
    assert states[1].starts_inside and not states[1].ends_inside and states[1].mark == "'"
    assert quotes_balanced("'We should let them,' Korotchenko said.")
    assert not quotes_balanced("If North Korea asks, we should let them,' Korotchenko was quoted as saying.")
    assert not quotes_balanced("Peskov dismissed these claims'This is not only British intelligence.")
    assert quotes_balanced("The troops' food ran out in Russia's far east.")


def test_headings_are_short_lines_that_do_not_end_like_sentences() -> None:
    assert is_heading("The world's sixth-largest army")
    assert is_heading("Opposition to 'Ukrainian fascism'")
    assert not is_heading("Are North Korean troops joining Russia's war in Ukraine?")
    assert not is_heading("The army is large.")
    source = prepare("Title of the story\nThe army is large.\nUpdate is obliged;\nIt has many tanks.")
    assert source.headings == {0} and source.fragments == {2}


def _seed(name: str) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"), None) if SEEDS.is_dir() else None
    if path is None:
        pytest.skip("the seed stories (../shared/seeds) are not here")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_seed_quotations_stay_whole_and_balanced(nlp: Language, lexicon: Lexicon, level: str) -> None:
    version = adapt_text(_seed("004"), level, lexicon=lexicon, nlp=nlp)
    for _, sentence in version.sentences:
        assert "claims'" not in sentence  # the Peskov quotation joined to its sentence
    text = version.text
    if "Peskov" in text:
        assert "stating, 'This is not only British intelligence" in text or "saying, 'This" in text
    for paragraph in version.paragraphs:
        assert quotes_balanced(paragraph), paragraph
    pins = {
        "were to reach 3,000": "North Korean troops were to reach 3,000",
        "question remains": "as to how well",
    }
    for anchor, phrase in pins.items():
        assert anchor not in text or phrase in text, text


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_seed_headings_stay_headings(nlp: Language, lexicon: Lexicon, level: str) -> None:
    source = prepare(_seed("000"))
    version = adapt_text(_seed("000"), level, lexicon=lexicon, nlp=nlp)
    heading_texts = {source.paragraphs[p] for p in source.headings}
    assert version.headings, "the seed's section titles are kept as headings"
    for h in version.headings:
        assert version.paragraphs[h] in heading_texts
        assert h + 1 < len(version.paragraphs) and h + 1 not in version.headings  # text follows it
        assert not any(g.paragraph == h for g in version.glosses)
    body = [p for k, p in enumerate(version.paragraphs) if k not in version.headings]
    assert not any(p in heading_texts for p in body)
    assert "Update is obliged;" not in version.text
    # A heading stays only over its section's opening sentence: at A2 the fascism quotation and the
    # sentence on severed ties were cut, and their headings stood over other news (lead's review).
    for heading, opening in {"fascism": "fascism", "Breaking diplomatic ties": "severed ties"}.items():
        at = [h for h in version.headings if heading in version.paragraphs[h]]
        assert all(opening in version.paragraphs[h + 1] for h in at), version.text


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_demo_facts_survive(nlp: Language, lexicon: Lexicon, level: str) -> None:
    pins = {
        "02-bees-radio-tags.md": ("grain of rice", "attached radio tags smaller than a grain of rice"),
        "01-library-solar.md": ("the first building", "to run entirely on solar power"),
    }
    for name, (marker, phrase) in pins.items():
        article = parse_front_matter((DEMO / name).read_text(encoding="utf-8"))
        text = adapt_story(article.text, lexicon=lexicon, nlp=nlp)
        version = next(v for v in text if v.level_target == level)
        assert marker in version.text and phrase in version.text, version.text


def test_a_sentence_inside_a_quotation_never_stands_alone() -> None:
    from vocabsphere.core.adapt.document import stands_alone

    text = '"If pop stars have curly hair, they feel pushed to straighten it. It is sad," she said.\nThe end.'
    second = text.index("It is sad")
    assert not stands_alone(
        text, text.index("If pop"), "If pop stars have curly hair, they feel pushed to straighten it."
    )
    assert not stands_alone(text, second, 'It is sad," she said.')
    assert stands_alone(text, text.index("The end"), "The end.")
    firm = "Lawyers for Wood Green Investments Ltd, have refused to comment."
    assert not stands_alone(firm, firm.index("Investments"), "Investments Ltd, have refused to comment.")


def test_a_kept_sentence_keeps_what_it_refers_back_to(nlp: Language) -> None:
    from vocabsphere.core.adapt.coherence import dependencies, with_dependencies
    from vocabsphere.core.adapt.content import Unit

    texts = [
        "The mayor of Westby, Anna Berg, opened the new bridge on Monday.",
        "Dr Lena Fischer led the study of bees in the valley.",
        "She believes that wild flowers could help the bees.",
        "The council will pay for the flowers.",
        '"We have waited for years for this," he said.',
    ]
    units = [Unit(0, t, len(t.split())) for t in texts]
    needs = dependencies(units)
    assert with_dependencies([0, 2, 4], needs, range(5)) == (0, 1, 2, 3, 4)
    assert with_dependencies([0, 3], needs, range(5)) == (0, 3)


def test_a_voice_change_keeps_a_second_agent_and_no_auxiliary_is_left_stranded(nlp: Language) -> None:
    text = "Menus are not covered by the agricultural standards law or by a new food labelling law."
    for level in ("A2", "B1"):
        assert adapt_text(text, level, lexicon=None, nlp=nlp).text == text
    source = "Guests were told they had in fact dined on the much cheaper black tiger version."
    assert _problem(nlp, source, "Guests were told they had.")
    sent = nlp("Nine months and countless surgical operations later, she stood up at the United Nations.")[:]
    assert "countless surgical operations" in compress_sentence(sent, "A2", strength=5).text


def test_a_split_never_turns_instead_of_into_what_happened(nlp: Language) -> None:
    text = (
        "Instead of blowing out candles on a cake, Malala sat in one of the main council chambers at the "
        "United Nations."
    )
    for level in ("A2", "B1"):
        out = adapt_text(text, level, lexicon=None, nlp=nlp).text
        assert "Malala blew out candles" not in out and ("Instead of blowing" in out or "candles" not in out)


def test_an_opening_mark_written_as_a_closing_one_opens_the_next_quotation() -> None:
    from vocabsphere.core.adapt.text_ops import split_sentences

    got = split_sentences('Tigers rose to 198, the survey showed." This is very encouraging," said Dhakal.')
    assert got == ["Tigers rose to 198, the survey showed.", '"This is very encouraging," said Dhakal.']
    got = split_sentences('They want help." The state plans for tigers. It must plan for people," he said.')
    assert got == ["They want help.", '"The state plans for tigers.', 'It must plan for people," he said.']


def test_a_closing_mark_stays_with_the_quotation_it_closes() -> None:
    from vocabsphere.core.adapt.text_ops import split_sentences

    # unseen train article: '"Alexandra Freund, ...' opened a sentence with the mark that closed the
    # quotation before it (a later quotation in the paragraph opened in one sentence, closed in another)
    got = split_sentences(
        '"What makes a dog happy? They do not plan ahead." Ann Lee was not so sure. "In my view, there is '
        'no proof. It is very small," she said.'
    )
    assert got[1] == 'They do not plan ahead."' and got[2] == "Ann Lee was not so sure."


def test_a_letter_after_an_ampersand_is_no_initial() -> None:
    from vocabsphere.core.adapt.text_ops import split_sentences

    # unseen train article: "... parts of J&K. Syed Ali Shah Geelani, ..." was one version sentence
    got = split_sentences("Do not walk near the border of T&C. Ali Khan, the party leader, disagrees.")
    assert got == ["Do not walk near the border of T&C.", "Ali Khan, the party leader, disagrees."]
    assert split_sentences("The U.S. army left. J. Smith said so.") == [
        "The U.S. army left.",
        "J. Smith said so.",
    ]


def test_the_lexical_step_never_cuts_a_word_a_degree_word_needs(nlp: Language, lexicon: Lexicon) -> None:
    text = "Characteristically for this most traditionally minded of pontiffs, he made his excuses in Latin."
    assert "most traditionally minded" in adapt_text(text, "A2", lexicon=lexicon, nlp=nlp).text


def test_a_voice_change_never_breaks_a_hyphenated_word(nlp: Language) -> None:
    text = "The controversy was prompted by the publication of then-and-now photographs of the singer."
    for level in ("A2", "B1"):
        assert "then-and-now photographs" in adapt_text(text, level, lexicon=None, nlp=nlp).text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "The government says the gap is closing thanks to quota systems for university places and other "
            "forms of affirmative action.",
            "forms of affirmative action",
        ),
        (
            "The livestock farming contribution, in terms of greenhouse gas emissions, is enormous - 35% of "
            "the planet's methane, 65% of its nitrous oxide and 9% of the carbon dioxide.",
            "its nitrous oxide",
        ),
    ],
)
def test_compression_never_cuts_part_of_a_dictionary_term(
    nlp: Language, lexicon: Lexicon, text: str, term: str
) -> None:
    for level in ("A2", "B1"):
        out = adapt_text(text, level, lexicon=lexicon, nlp=nlp).text
        assert term in out, (level, out)


def test_deletions_that_a_teacher_found_on_unseen_articles_are_refused(nlp: Language) -> None:
    # train articles at A2 and B1 (read once, this round), here on invented sentences:
    # "is inundated with water about 100 times [annually]" - 100 times in all?
    flooded = "The square is flooded with water about 100 times annually."
    assert "how often" in (drop_veto(nlp, flooded, "annually") or "")
    # "protests have diminished [since the opening day], when small demonstrations took place"
    assert "without what it tells about" in (
        drop_veto(
            nlp, "Sales have fallen since the first week, when the shop opened.", "since the first week"
        )
        or ""
    )
    # "But it is in the US, where McDonald's has 40 % of its restaurants[, where the crisis runs deepest]."
    assert "'it is" in (
        drop_veto(
            nlp,
            "But it is in the north, where the firm has most of its shops, where the losses are worst.",
            ", where the losses are worst",
        )
        or ""
    )


# Round adapt-1.9: a teacher's reading of 22 unseen train articles (the 60th-70th and 110th-120th
# Advanced texts), here on invented sentences around what the cuts broke.
@pytest.mark.parametrize(
    ("sentence", "words", "reason"),
    [
        # "nobody is [necessarily] going to clean up", "[Globally,] the average was about 3.9mbps",
        # "administering [a mild] an electric shock", "[, according to an authoritative new report]"
        ("Nobody is necessarily going to repair the road.", "necessarily", "qualifier"),
        ("Globally, the average price was about three dollars.", "Globally,", "qualifier"),
        ("The players were given the option of taking a mild painkiller.", "mild", "qualifier"),
        (
            "The town is the oldest in the country, according to a new study.",
            ", according to a new study",
            "qualifier",
        ),
        # "who has one [elder] child", "with [freshwater] species declining by 76 %"
        ("The farmer, who has one younger brother, sold the farm.", "younger", "number counts"),
        ("Sales fell, with electric cars rising by 40% over the same period.", "electric", "number counts"),
        # "a [sustainable] lifestyle is increasingly not among them"
        ("A quiet life is increasingly not among the choices.", "quiet", "negation"),
        # "Young adults aged 16 to 24 are [voracious] consumers of almost all media"
        ("Teenagers aged 13 to 15 are hungry readers of comics.", "hungry", "the point of"),
        # "[personally] identifiable information"
        ("The company does not store personally identifiable data.", "personally", "part of"),
        # "how unpleasant the shocks were, [alongside] other options" (tagged as an adjective)
        ("She rated the films, alongside other options, on a scale.", "alongside", "preposition"),
        # "Bikes are ever more [in vogue]."; "The most remarkable change is [in time] spent talking"
        ("Scooters are ever more in fashion.", "in fashion", "without the word it modifies"),
        ("The main change is in time spent reading.", "in time", "comes after 'is'"),
        # "an unvarying, [instinctive] certainty"
        ("Is taste a fixed, inborn quality or does it change?", "inborn", "comma"),
        # read again after the first fixes: "with [forthcoming] titles including ...", "not enough to
        # keep people [in custody]", "online first, physical shop [second], the modes ..."
        (
            "The firm will add 20 books by May, with forthcoming titles including a cookbook.",
            "forthcoming",
            "qualifier",
        ),
        ("A suspicion is not enough to keep people in custody.", "in custody", "puts something"),
        # dev 'malala' at B1: "she became the youngest Nobel Peace Prize nominee [in history]"
        ("By 15, she became the youngest chess champion in history.", "in history", "superlative"),
        # seed 001 at A2: "North Korea's military is the fourth largest [in the world]"
        ("Our town's library is the third largest in the country.", "in the country", "superlative"),
        (
            "For a generation growing up with online first, physical shop second, the rules may differ.",
            "second",
            "qualifier",
        ),
    ],
)
def test_cuts_that_change_or_break_a_claim_on_unseen_articles_are_refused(
    nlp: Language, sentence: str, words: str, reason: str
) -> None:
    assert reason in (drop_veto(nlp, sentence, words) or ""), sentence


def test_an_adjective_that_tells_kinds_apart_in_the_story_is_kept(nlp: Language, lexicon: Lexicon) -> None:
    # "There are far greater numbers of [southern white] rhinos", "European [woolly] rhinos": the story
    # names several kinds of rhino, so none loses its adjective (A2 took "woolly" for a "-ly" hedge)
    story = (
        "Rhinos once lived all over Europe. There are beautiful pictures of European woolly rhinos in caves "
        "in France that were painted up to 30,000 years ago. A woolly rhino in one cave seems agile and "
        "young. Today there are far greater numbers of southern white rhinos and black rhinos in Africa. "
        "Only two northern white rhinos are left in the world."
    )
    for level in ("A2", "B1"):
        out = adapt_text(story, level, lexicon=lexicon, nlp=nlp).text
        assert out.count("woolly rhino") == 2 and "southern white rhinos" in out, (level, out)


def test_a_numbered_section_title_is_a_heading() -> None:
    # "4. Tom, Manchester: 'A big night of tips can help pay the rent'" became two version sentences
    assert is_heading("4. Tom, Manchester: 'A big night of tips can help pay the rent'")
    assert not is_heading("I went to the shop on Monday and bought some bread and milk and eggs and tea")


def test_cuts_read_in_the_sessions_train_review_are_refused(nlp: Language) -> None:
    # "The same is true for Armenia, which, like other countries ...[, benefited from ...]": the parser
    # hung the clause's verb on another noun, and the cut left 'which' with no verb.
    sentence = (
        "The same is true for Latvia, which, like other countries of the former Soviet Union, benefited "
        "from a strong school system."
    )
    assert "without the verb" in (drop_veto(nlp, sentence, ", benefited from a strong school system") or "")
    # "Third [in line] to the throne": an ordinal says its place in the phrase after it.
    sentence = "Fourth in line to the throne, the boy is expected to be the next king."
    assert "ordinal" in (drop_veto(nlp, sentence, "in line") or "")
    # ... while a relative clause cut whole, and a phrase after no ordinal, may still go.
    assert (
        drop_veto(
            nlp, "Latvia, which gained from cheap energy, grew fast.", ", which gained from cheap energy"
        )
        is None
    )
    assert drop_veto(nlp, "She was a good player in the team.", "in the team") is None


def test_a_state_while_doing_and_the_point_of_a_with_phrase_stay(nlp: Language) -> None:
    # "pictures emerged of him frolicking [naked] in Las Vegas": the adjective was the story's point.
    sentence = "Pictures emerged of him dancing naked in a hotel during a private party."
    assert "while" in (drop_veto(nlp, sentence, "naked") or "")
    sentence = (
        "Shortly before he went abroad, the singer was caught in a media storm, when photos emerged of him "
        "frolicking naked in Paris during a private party."
    )
    assert "while" in (drop_veto(nlp, sentence, "naked") or "")
    # "Though limited in value and with [uneven] coverage": "with coverage" says something else.
    sentence = "Though small in size and with uneven coverage, it is an example of a start."
    assert "all that" in (drop_veto(nlp, sentence, "uneven") or "")
    # "MOOCs have [dire] completion rates": what they have is the point.
    sentence = "Though they may be popular at first, online courses have poor completion rates, says Smith."
    assert "all that" in (drop_veto(nlp, sentence, "poor") or "")
    # ... while an adjective beside another word of its noun phrase may still go.
    assert drop_veto(nlp, "The village, with its old houses and narrow streets, is quiet.", "old") is None


# Round adaptrev: a teacher's reading of train stories 49-58 (A2 and B1), here on invented sentences
# that the parser reads as it read the story's.
@pytest.mark.parametrize(
    ("sentence", "words", "reason"),
    [
        # "[The key,] he said, is to remember ...": the parser hung "The key" on "said"
        ("The trick, he said, is to remember that his client is the husband.", "The trick,", "he said"),
        # "Once they knew ... had a partner[, identifying the significant other was easy, they report]."
        (
            "Once they knew the owner of a phone had a partner, finding the partner was easy, they report.",
            ", finding the partner was easy, they report",
            "'Once ...' clause",
        ),
        # "Jenny Flahaut, 33[, who works at a children's home,] was inspired": the age's closing comma
        (
            "Anna Berg, 41, who teaches at a local school, was asked to help after reading a notice online.",
            ", who teaches at a local school,",
            "closes",
        ),
        # "2,125 vulnerable children [- those in danger of entering work - into school]": the parser hung
        # "into school" inside the aside
        (
            "In 2019, the charity helped 300 girls to leave farm work and 120 boys - those at risk of "
            "leaving school - into class.",
            " - those at risk of leaving school - into class",
            "closing dash",
        ),
        # "helped ... 2,125 vulnerable children [into school]"
        (
            "In 2019, the charity helped 300 girls to leave farm work and 120 young boys into school.",
            "into school",
            "into",
        ),
        # "[When these were plotted on a map, they] revealed clusters of local businesses"
        (
            "When these were marked on a map, they showed a ring of shops around the station.",
            "When these were marked on a map,",
            "who the kept 'they' are",
        ),
        # "only 5 % of the UK population can see more than 31 stars [on a good night]"
        (
            "The survey found that only 10% of people can see the Milky Way on a clear night.",
            "on a clear night",
            "when the claim holds",
        ),
        # train 59-68: "is being hailed as [an unprecedented] a boon", "in the [communist] island nation"
        (
            "In a town where few people own a car, a bus that is free of charge is being hailed as an "
            "unprecedented gift.",
            "unprecedented",
            "the point of",
        ),
        ("Young people are using the first free bus in the communist island nation.", "communist", "kind"),
        # "The [mass] collection of telephone records", "failing to ensure [adequate] security"
        ("The mass collection of emails by spy agencies is a threat to privacy.", "mass", "qualifier"),
        ("The owner was blamed for failing to provide adequate heating.", "adequate", "qualifier"),
        # known from the last reading: "will be [sexually] attacked", "have become [an ominous] novelty",
        # "the promise of [new and lucrative] markets"
        ("Women who walk home alone will be sexually harassed, the report warned.", "sexually", "qualifier"),
        ("Crowded beaches have become an ominous sight for the town.", "ominous", "the point of"),
        ("The deal held the promise of new and lucrative markets in Asia.", "new and lucrative", "its pair"),
        # round facts, train 79-88: "But the party won a [landslide] victory in May [on a pledge to
        # reinvigorate the ailing economy]" after years of slow growth: the pledge was the point of "But"
        (
            "But the new mayor won a clear victory in June on a pledge to repair the old bridges.",
            " on a pledge to repair the old bridges",
            "qualifier",
        ),
        ("But the farmers' party won a landslide victory in the spring.", "landslide", "qualifier"),
    ],
)
def test_cuts_read_in_the_adaptrev_review_are_refused(
    nlp: Language, sentence: str, words: str, reason: str
) -> None:
    assert reason in (drop_veto(nlp, sentence, words) or ""), sentence


def test_cuts_near_the_adaptrev_guards_are_still_made(nlp: Language) -> None:
    # an opening phrase with no subject of its own, a whole clause after 'and', a place phrase
    assert (
        drop_veto(
            nlp, "Using a small computer program, they counted the birds.", "Using a small computer program,"
        )
        is None
    )
    assert drop_veto(nlp, "The shop sold old books and new maps in the town.", "in the town") is None
    assert drop_veto(nlp, "The deal held the promise of new markets in Asia.", "in Asia") is None
    assert (
        drop_veto(nlp, "Anna Berg, who teaches at a school, was asked to help.", ", who teaches at a school,")
        is None
    )
    once = "Once they are at school, the children can do homework at the centres, with help from friends."
    assert drop_veto(nlp, once, ", with help from friends") is None


def test_a_phrase_that_completes_a_verb_without_object_stays(nlp: Language) -> None:
    # Round mods, train 79-88: "the plane's shadow appears [neatly in the centre of the effect]", "and
    # saw [at his toenails] with a penknife" (left "saw" to be read as "see")
    sentence = "When flying over a lake, the boat's reflection appears neatly in the middle of the ring."
    assert "all that follows" in (drop_veto(nlp, sentence, "neatly in the middle of the ring") or "")
    sentence = "He had to cook his food on a camping stove and saw at his fingernails with a small knife."
    assert "all that follows" in (drop_veto(nlp, sentence, "at his fingernails") or "")
    # "encouraging employees to nap [on the job to improve their performance]": the parse hung the phrase
    # on "encouraging", whose object it is not
    sentence = (
        "The plan, to be discussed by the council in the spring, comes after schools started encouraging "
        "pupils to nap in the classroom to improve their marks."
    )
    assert "follows 'nap'" in (drop_veto(nlp, sentence, "in the classroom to improve their marks") or "")
    # ... while a phrase of time, one after an object and one after another phrase may still go
    sentence = "The singer performed in Paris with her band."
    assert "all that follows" in (drop_veto(nlp, sentence, "in Paris") or "")
    assert drop_veto(nlp, "The singer performed on Monday with her band.", "on Monday") is None
    assert drop_veto(nlp, "She sold the house in the village.", "in the village") is None
    assert drop_veto(nlp, "He cooked on a stove in the garden.", "in the garden") is None


def test_a_noun_taken_for_an_adverb_is_not_cut_with_the_phrase_after_it(nlp: Language) -> None:
    # Round mods, train 79-88 at A2: "such studies overlook the loneliness [epidemic among younger
    # adults]": "epidemic" was tagged as an adverb of "adults", so the cut took the head noun too
    sentence = "But, shocking as this is, such surveys ignore the obesity epidemic among younger adults."
    assert "noun the parser took" in (drop_veto(nlp, sentence, "epidemic among younger adults") or "")


def test_a_participle_that_says_what_an_event_led_to_stays(nlp: Language) -> None:
    # Round mods, train 79-88 at A2: "a difference between local time and your body's time [, causing jet
    # lag]" (the section's point)
    sentence = (
        "The result is that long trips make a gap between local time and your body's time, causing tiredness."
    )
    assert "led to" in (drop_veto(nlp, sentence, ", causing tiredness") or "")
    sentence = "The storm hit the coast on Monday, leading to floods in the town."
    assert "led to" in (drop_veto(nlp, sentence, ", leading to floods in the town") or "")
    # ... while a participle of manner may still go
    assert (
        drop_veto(nlp, "The mayor opened the bridge, smiling at the crowd.", ", smiling at the crowd") is None
    )


def _parsed(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """A Doc with the parse given row by row (word, dep, head, pos, tag): the tagger's misparses."""
    return Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        deps=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
    )


def test_cuts_read_in_the_read_round_are_refused(nlp: Language) -> None:
    # Round read, train 89-98: "New Orleans city government has, since Hurricane Katrina in 2005[, begun
    # trying to turn down the volume a bit]" (the parse made 'has' a clause and 'begun' another)
    sentence = (
        "As the local paper recently reported, the town council has, since the flood in 2012, begun trying "
        "to limit building near the river."
    )
    assert "without its participle" in (
        drop_veto(nlp, sentence, ", begun trying to limit building near the river") or ""
    )
    for level in ("A2", "B1"):
        assert "begun trying" in compress_sentence(nlp(sentence)[:], level).text
    # "When water evaporates from the oceans, the vapour can rise ...": without the clause, which vapour?
    sentence = (
        "When snow melts on the high slopes, the water can flow over ten miles to form small lakes that feed "
        "the valley; or, it may sink just a few metres and stay in the ground for years."
    )
    assert "what the kept 'the ...' is" in (
        drop_veto(nlp, sentence, "When snow melts on the high slopes,") or ""
    )


def test_cuts_after_a_misparse_read_in_the_read_round_are_refused() -> None:
    # "observing droppings and paw prints [in the spruce-clad] Beskidy mountains": the parser made the
    # mountains a second object of the verb, so the cut ran two noun phrases together
    rows = [
        ("They", "nsubj", 2, "PRON", "PRP"),
        ("have", "aux", 2, "AUX", "VBP"),
        ("spent", "ROOT", 2, "VERB", "VBN"),
        ("the", "det", 4, "DET", "DT"),
        ("day", "obj", 2, "NOUN", "NN"),
        ("counting", "advcl", 2, "VERB", "VBG"),
        ("hoof", "compound", 7, "NOUN", "NN"),
        ("prints", "obj", 5, "NOUN", "NNS"),
        ("in", "case", 11, "ADP", "IN"),
        ("the", "det", 11, "DET", "DT"),
        ("pine", "compound", 11, "NOUN", "NN"),
        ("clad", "obl", 2, "NOUN", "NN"),
        ("Tatra", "compound", 13, "PROPN", "NNP"),
        ("hills", "obj", 2, "NOUN", "NNS"),
        (".", "punct", 2, "PUNCT", "."),
    ]
    doc = _parsed(rows)
    assert "runs 'prints' into 'Tatra'" in (deletion_problem(doc[:], range(8, 12)) or "")
    # "[Mys łajek,] the son of a shepherd, is puzzled": the cut of a misparsed name left the comma that
    # closed the aside between the subject and its verb
    rows = [
        ("Kow", "amod", 1, "ADJ", "JJ"),
        ("alski", "obl", 10, "NOUN", "NN"),
        (",", "punct", 1, "PUNCT", ","),
        ("the", "det", 4, "DET", "DT"),
        ("son", "nsubj:pass", 10, "NOUN", "NN"),
        ("of", "case", 7, "ADP", "IN"),
        ("a", "det", 7, "DET", "DT"),
        ("farmer", "nmod", 4, "NOUN", "NN"),
        (",", "punct", 4, "PUNCT", ","),
        ("is", "aux:pass", 10, "AUX", "VBZ"),
        ("puzzled", "ROOT", 10, "VERB", "VBN"),
        ("by", "case", 12, "ADP", "IN"),
        ("wolves", "obl:agent", 10, "NOUN", "NNS"),
        (".", "punct", 10, "PUNCT", "."),
    ]
    doc = _parsed(rows)
    assert "comma between the subject and its verb" in (deletion_problem(doc[:], range(0, 3)) or "")
    # train highlights 31-40: "spirited out of Afghanistan [during his first tour after a media] embargo was
    # broken": the parser hung "after a media" on the tour, so the cut left a clause with no conjunction
    rows = [
        ("They", "nsubj", 1, "PRON", "PRP"),
        ("had", "ROOT", 1, "VERB", "VBD"),
        ("to", "mark", 3, "PART", "TO"),
        ("leave", "xcomp", 1, "VERB", "VB"),
        ("Peru", "obj", 3, "PROPN", "NNP"),
        ("during", "case", 7, "ADP", "IN"),
        ("the", "det", 7, "DET", "DT"),
        ("tour", "obl", 3, "NOUN", "NN"),
        ("after", "case", 10, "ADP", "IN"),
        ("a", "det", 10, "DET", "DT"),
        ("press", "nmod", 7, "NOUN", "NN"),
        ("ban", "nsubj:pass", 13, "NOUN", "NN"),
        ("was", "aux:pass", 13, "AUX", "VBD"),
        ("lifted", "advcl", 3, "VERB", "VBN"),
        (".", "punct", 1, "PUNCT", "."),
    ]
    doc = _parsed(rows)
    assert "into the clause of 'ban'" in (deletion_problem(doc[:], range(5, 11)) or "")


def test_cuts_near_the_read_round_guards_are_still_made(nlp: Language) -> None:
    # an opening clause about something named again in full, a phrase after a verb, a set-off aside
    assert (
        drop_veto(nlp, "When the war ended, the soldiers went home to their farms.", "When the war ended,")
        is None
    )
    assert drop_veto(nlp, "Anna, a baker from Leeds, sells bread.", ", a baker from Leeds,") is None
    assert drop_veto(nlp, "At the meeting on Monday officials agreed to close the road.", "on Monday") is None


def test_a_cut_that_stops_inside_an_opening_clause_is_refused(nlp: Language) -> None:
    # Round facts2's reading, train A2: "[As temperatures climb and oceans] warm, tropical and
    # subtropical regions will face ..." left "Warm, tropical ... regions": the clause's last word stayed
    sentence = "As temperatures climb and oceans warm, tropical regions will face sharp changes in rainfall."
    assert "clause but not its last words" in (
        drop_veto(nlp, sentence, "As temperatures climb and oceans") or ""
    )
    # ... while the whole clause with its comma may still go
    assert drop_veto(nlp, sentence, "As temperatures climb and oceans warm,") is None


def test_cuts_read_in_the_second_read_pass_are_refused(nlp: Language) -> None:
    # second pass, train 99-108: "Do you want your child to be good [at sport], ...?" (good = well behaved)
    sentence = "Would you like your son to be good at chess, join the club and one day play for his country?"
    assert "completes 'good at'" in (drop_veto(nlp, sentence, "at chess") or "")
    for level in ("A2", "B1"):
        assert "good at chess" in compress_sentence(nlp(sentence)[:], level).text
    assert "completes 'afraid of'" in (
        drop_veto(nlp, "He was afraid of the dark as a boy, his sister recalls.", "of the dark") or ""
    )
    # "[While audio instructions to drivers remove the need ..., he] He says, the use of apps ... is
    # very different": the set-off "he says," left opening the sentence
    sentence = (
        "While paper tickets for travellers take away the need to queue at the desk, he says, the use of "
        "mobile passes is very different."
    )
    assert "opening with 'he says,'" in (
        drop_veto(
            nlp, sentence, "While paper tickets for travellers take away the need to queue at the desk,"
        )
        or ""
    )
    for level in ("A2", "B1"):
        assert not compress_sentence(nlp(sentence)[:], level).text.startswith("He says,")


def test_a_population_phrase_is_kept(nlp: Language) -> None:
    # dev 'memories': "... ask ever more complex questions about memories [in people]" (the study was of mice)
    sentence = "The rat studies will help doctors ask ever more complex questions about pain in people."
    assert "whom the claim is about" in (drop_veto(nlp, sentence, "in people") or "")
    for level in ("A2", "B1"):
        assert "pain in people" in compress_sentence(nlp(sentence)[:], level).text


def test_a_comparison_cut_after_a_misparse_is_refused() -> None:
    # second pass, train 99-108: "claims that ... captive orcas die [at a younger age than their wild
    # counterparts]": the parser hung the phrase on a noun it took for a verb, so nothing saw 'die' bare
    rows = [
        ("The", "det", 1, "DET", "DT"),
        ("zoo", "nsubj", 2, "NOUN", "NN"),
        ("fights", "ROOT", 2, "VERB", "VBZ"),
        ("welfare", "compound", 4, "NOUN", "NN"),
        ("groups", "obj", 2, "VERB", "VBZ"),
        ("claims", "obj", 4, "NOUN", "NNS"),
        ("that", "mark", 9, "SCONJ", "IN"),
        ("caged", "amod", 8, "ADJ", "JJ"),
        ("parrots", "nsubj", 9, "NOUN", "NNS"),
        ("die", "conj", 4, "VERB", "VBP"),
        ("at", "case", 13, "ADP", "IN"),
        ("a", "det", 13, "DET", "DT"),
        ("younger", "amod", 13, "ADJ", "JJR"),
        ("age", "obl", 4, "NOUN", "NN"),
        ("than", "case", 16, "ADP", "IN"),
        ("wild", "amod", 16, "ADJ", "JJ"),
        ("birds", "nmod", 13, "NOUN", "NNS"),
        (".", "punct", 2, "PUNCT", "."),
    ]
    doc = _parsed(rows)
    for tok in doc:
        tok.lemma_ = tok.lower_  # "age" is a time noun: the check on a bare verb lets it go
    assert "drops a comparison" in (deletion_problem(doc[:], range(10, 17)) or "")


def test_cuts_near_the_second_read_pass_guards_are_still_made(nlp: Language) -> None:
    # a phrase after an adjective that does not complete it ("busy [in summer]": a time)
    assert drop_veto(nlp, "The old hall is always busy in summer, the staff say.", "in summer") is None


def test_a_later_sentence_of_a_headed_section_needs_the_section_opening(nlp: Language) -> None:
    # Unseen reading of adapt-2.3, train A2: a listicle's "2 Subterranean storage" was dropped with its
    # opening sentence while a later sentence of that section stayed, under "1 Pop-up parks".
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache

    text = (
        "Five ideas for greener towns\n\n"
        "1 Pocket parks\n\n"
        "Small parks are appearing in empty car spaces. People sit there in the sun.\n\n"
        "2 Underground garages\n\n"
        "Towns are building deep automatic garages for the bicycles of residents under squares. "
        "Cycling is more popular than ever. Riders like the safe places.\n\n"
        "3 Green roofs\n\n"
        "Grass on roofs keeps buildings cool in summer."
    )
    builder = VersionBuilder(prepare(text), ParseCache(nlp), None)
    units = builder.source.units
    needs = builder._needs()
    opening = next(i for i, u in enumerate(units) if u.text.startswith("Towns are building"))
    later = next(i for i, u in enumerate(units) if u.text.startswith("Cycling is"))
    assert opening in needs[later]
    first = next(i for i, u in enumerate(units) if u.text.startswith("Small parks"))
    assert first not in needs[later]  # only the section's own opening


@pytest.mark.parametrize(
    ("sentence", "cut", "reason"),
    [
        # issue #14, train 109-118: "such a mighty head can[ in reality,], be so vulnerable"
        ("How sad that such a strong old tree can, in reality, be so weak.", "in reality, ", "auxiliary"),
        ("How sad that such a strong old tree can, in reality, be so weak.", ", in reality", "auxiliary"),
        # "found only [in students], the scientists ...": the focus adverb left pointing at nothing
        ("To see if the fault was found only in old cars, the team tested new ones.", " in old cars", "only"),
        ("The tax was paid mainly by big firms, the report says.", " by big firms", "mainly"),
    ],
)
def test_cuts_read_in_the_hl_reading_are_refused(nlp: Language, sentence: str, cut: str, reason: str) -> None:
    assert reason in (drop_veto(nlp, sentence, cut) or "")


def test_cuts_near_the_hl_guards_are_still_made(nlp: Language) -> None:
    # the whole aside with both its commas; a word inside the phrase the focus adverb singles out
    assert drop_veto(nlp, "The old tree has, in the end, fallen over.", ", in the end,") is None
    assert drop_veto(nlp, "The tax was paid mainly by big firms, the report says.", "big ") is None


@pytest.mark.parametrize(
    ("sentence", "cut", "reason"),
    [
        # issue #14, train 119-128 read unseen: "Back[ in the mid-1960s], Goodfellow was working ..."
        (
            "Back in the 1960s, Jones was asked to build a machine for the bank.",
            "in the 1960s",
            "completes 'Back'",
        ),
        # "becomes extremely important[ in some sports], particularly freediving"
        ("Good balance becomes very important in some games, especially tennis.", "in some games", "example"),
        ("Good balance becomes very important in some games, such as tennis.", "in some games", "example"),
        # "you're stuck[ in a skin suit] two sizes too small"
        ("You know the feeling when you are stuck in a coat two sizes too big?", "in a coat", "measures"),
        # "[By percentage, the] The most wasted food is lettuce" after "by weight, ... is bread"
        (
            "By cost, the most wasted food is cheese, of which shoppers throw away 20% of all they buy.",
            "By cost, ",
            "superlative",
        ),
    ],
)
def test_cuts_read_in_the_read3_reading_are_refused(
    nlp: Language, sentence: str, cut: str, reason: str
) -> None:
    assert reason in (drop_veto(nlp, sentence, cut) or "")


def test_cuts_near_the_read3_guards_are_still_made(nlp: Language) -> None:
    assert (
        drop_veto(nlp, "Jones was asked to build a machine for the bank in the 1960s.", " in the 1960s")
        is None
    )


def test_to_whom_it_seems_is_not_cut(nlp: Language) -> None:
    # round read4: "[To tourists,] Amsterdam still seems very liberal." stated the impression as fact and
    # left the next sentence's "them" without its tourists
    assert "seems" in (
        drop_veto(nlp, "To visitors, the old town still seems very quiet.", "To visitors, ") or ""
    )
    assert drop_veto(nlp, "In winter, the old town still seems very quiet.", "In winter, ") is None


def test_the_time_a_perfect_counts_up_to_is_not_cut(nlp: Language) -> None:
    # known from the adapt-2.5 reading, and a class of round read4: "[By the end of the day,] the
    # organizers expect more than 400 families to have followed" said it had happened already
    sentence = (
        "By the end of the week, the organizers expect more than 300 families to have visited the centre."
    )
    assert "perfect" in (drop_veto(nlp, sentence, "By the end of the week, ") or "")
    assert "perfect" in (
        drop_veto(nlp, "By next summer, the shop will have sold 900 bikes.", "By next summer, ") or ""
    )
    # no perfect: a "by" time may go as any other
    assert "perfect" not in (
        drop_veto(nlp, "By the evening, the streets were quiet again.", "By the evening, ") or ""
    )


def test_a_cut_opening_clause_that_names_the_kept_pronoun_is_refused(nlp: Language) -> None:
    # round read6: "[When the researchers analyzed the questionnaires,] they found ..." left "They found"
    # after a sentence about the animals, so "they" named the animals
    sentence = "When the nurses read the letters, they found that most of the patients felt better."
    assert "kept 'they'" in (drop_veto(nlp, sentence, "When the nurses read the letters, ") or "")
    sentence = "After Maria Lopez left the party, she walked home through the park."
    assert "kept 'they'" in (drop_veto(nlp, sentence, "After Maria Lopez left the party, ") or "")
    # the clause's own subject is a pronoun: the kept one names whom the sentence before named
    sentence = "When she left the party, she walked home through the park."
    assert "kept 'they'" not in (drop_veto(nlp, sentence, "When she left the party, ") or "")


def test_in_particular_is_not_cut(nlp: Language) -> None:
    # round read5: "the cover-up was still shocking, [in particular] the police campaign to ..." left a
    # noun phrase hanging after the clause
    sentence = "The report was still shocking, in particular the attempt to blame the fans."
    assert "qualifier" in (drop_veto(nlp, sentence, "in particular ") or "")


# Round read7c: an unseen reading of train stories 31-40, here on invented sentences.
@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # "[When the rat pressed the lever,] An electronic version of its brain activity was sent ..."
        (
            "When the dog pushed the door, a loud copy of its bark was played to the other dog.",
            "When the dog pushed the door,",
        ),
        # "when Richard Buckley[, leader of the team of archaeologists,] finally announced that they were
        # certain they had found ...": the apposition held the only noun "they" can name
        (
            "There were cheers when Mary Stone, leader of the team of divers, finally announced that they "
            "were certain they had found the wreck.",
            ", leader of the team of divers,",
        ),
    ],
)
def test_a_cut_never_takes_the_noun_a_kept_pronoun_refers_to(
    nlp: Language, sentence: str, words: str
) -> None:
    assert "the kept" in (drop_veto(nlp, sentence, words) or ""), sentence


def test_a_cut_that_leaves_a_pronoun_its_referent_is_still_made(nlp: Language) -> None:
    # the nearest noun "they" can name is kept ("the divers"); "its" names the kept "ship"
    sentence = "When the storm ended, the divers said they had found the ship and its bell."
    assert drop_veto(nlp, sentence, "When the storm ended,") is None
    assert (
        drop_veto(nlp, "The singer, who was born in Leeds, sold his house.", ", who was born in Leeds,")
        is None
    )
