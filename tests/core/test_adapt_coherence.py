"""Coherence of level versions: a kept sentence never refers to one that was left out.

The sentences are shortened from the dev and seed stories where the teacher's review found a person
or thing used before it was introduced ("Thut", "The hotel", "Desaki", "Brindle", "Tonagawa"), a
count continued from a cut sentence, and a claim kept without the warning that it is unfounded.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import SHARED_DIR
from vocabsphere.core.adapt import adapt_text
from vocabsphere.core.adapt.builder import VersionBuilder
from vocabsphere.core.adapt.coherence import (
    continues_how,
    dependencies,
    enumerations,
    introduced_things,
    refers_back,
    tells_story,
    with_dependencies,
)
from vocabsphere.core.adapt.content import Unit, select
from vocabsphere.core.adapt.document import ParseCache, prepare
from vocabsphere.core.adapt.references import definite_references
from vocabsphere.core.lexicon import Lexicon

SEEDS = SHARED_DIR / "seeds"


def _units(*texts: str) -> list[Unit]:
    return [Unit(0, t, len(t.split())) for t in texts]


# (sentences, index of the sentence that refers back, index of what it needs)
NEEDED = [
    (
        (
            "The auction of a Banksy mural was halted just moments before it was due to start.",
            "But auctioneer Frederic Thut, the owner of the art house, announced that it had been withdrawn.",
            "About 30 potential buyers attended the sale of 106 lots.",
            "Thut said the two pieces were important works in the street art scene.",
        ),
        3,
        1,
    ),
    (
        (
            "The first incident went almost unnoticed.",
            "The Prince Hotel in Tokyo was forced to come clean after a diner complained in a blogpost.",
            "The hotel launched an investigation and went on to correct more than 50 menu items.",
        ),
        2,
        1,
    ),
    (
        (
            "A televised attempt by the hotel group's president, Hiroshi Desaki, to limit the damage failed.",
            "Consumers were angry.",
            "Days later, Desaki resigned.",
        ),
        2,
        0,
    ),
    (
        (
            "Google has flown a small team to Iqaluit.",
            'Aaron Brindle, project leader, said: "I live in Toronto."',
            "The town will go on display in July.",
            "Brindle said he hoped to see the work continue in other northern towns.",
        ),
        3,
        1,
    ),
    (
        (
            "Scientists have implanted a false memory in the brains of mice.",
            "Susumu Tonagawa, a neuroscientist at MIT, and his team encoded memories in the brains of mice.",
            "Memories are made from several elements.",
            "According to Tonagawa, false and genuine memories rely on the same brain mechanisms.",
        ),
        3,
        1,
    ),
    (
        (
            "Banksy has condemned the sale of five of his pieces at a 2011 auction in New York.",
            "None found a buyer.",
        ),
        1,
        0,
    ),
    (
        (
            "North Korea's military is the world's fourth largest, with nearly 1.3 million personnel.",
            "A further 600,000 serve as reserve soldiers.",
        ),
        1,
        0,
    ),
    (
        (
            "It will feature a restaurant by the Scandinavian team behind the Danish restaurant Noma.",
            "Noma has been named the world's best restaurant for three years running.",
        ),
        1,
        0,
    ),
    (
        (
            "Pope Benedict XVI signed off in the same fashion.",
            "The line from the Vatican was that the Pope's decision was a brave one.",
            "But is that the whole story?",
        ),
        2,
        1,
    ),
    (
        (
            "Google has flown a small team to Iqaluit, the largest town in the territory of Nunavut.",
            "Helped by an Inuit mapping expert, the team spent four days in the terrain.",
            "The town of 7,000 people will go on display in July.",
        ),
        2,
        0,
    ),
    (  # a lead that opens with a pronoun names its subject in the next sentence
        (
            "It has charted the world's highest peaks and the ocean floor.",
            "But Google's mission to map the world has largely steered clear of the Arctic.",
        ),
        0,
        1,
    ),
    (
        (
            "Plotting the PO box addresses would give a map with firms clustered around the post office.",
            "About 30 Inuit elders turned out one night to help correct such problems.",
        ),
        1,
        0,
    ),
    (
        (
            "Banksy condemned the proposed sale of five of his pieces at a 2011 auction in New York.",
            "Stephan Keszler, the dealer behind that auction, believes selling Banksy's works is legitimate.",
        ),
        1,
        0,
    ),
    (
        (
            "\"If you're God's chosen one, how do you choose not be chosen?\" she mused.",
            "It is a question many practising Catholics will be asking of their priests.",
        ),
        1,
        0,
    ),
    (
        (
            "Angelo Sodano, the Dean of the College of Cardinals, delivered a brief speech.",
            "Before going on to assure the Pope of the cardinals' loyalty, he said they had listened.",
        ),
        1,
        0,
    ),
    (
        (
            "North Korea has reportedly offered 100,000 'volunteer' troops to help Russia attack Ukraine.",
            "Russian state media gave this information.",
        ),
        1,
        0,
    ),
    (
        (
            "John Thavis said he had had an intuition the Pope might be about to resign.",
            "A fellow-Vatican watcher confirmed this to be the case.",
        ),
        1,
        0,
    ),
    # Review round adapt-1.5
    (
        (
            "A psychology lecturer believes the singer won the middle class by making the sound tamer.",
            "Others agree that the issue of colour is overblown.",
        ),
        1,
        0,
    ),
    (
        (
            "Soon after antibiotics became common, the first resistant bacteria were found.",
            "Initially, these were little more than curiosities.",
        ),
        1,
        0,
    ),
    (
        (
            "The scientists first worked in an unheated laboratory on a university campus.",
            "Later, a donation from a rich eye doctor enabled the project to take off.",
        ),
        1,
        0,
    ),
    (
        (
            "He told a gathering of cardinals in the Vatican that he would step down.",
            "Among those present was a Mexican prelate.",
        ),
        1,
        0,
    ),
    (  # "They had." without the correction says they signed the famous player
        (
            "In 2013, he announced the team had signed Messi.",
            "They had.",
            "Not the Argentinian striker Lionel Messi, but a young midfielder from Cameroon.",
        ),
        1,
        2,
    ),
    (
        (
            "An octopus has escaped from the National Aquarium in New Zealand.",
            "Inky - a common New Zealand octopus - made his dash for freedom at night.",
            "Staff believe Inky climbed to the top of his tank.",
        ),
        2,
        1,
    ),
    (
        (
            "The gunman shot the girl as she rode home on a bus after school.",
            "She now lives in Birmingham.",
            "Several operations followed the attack on the bus.",
        ),
        2,
        0,
    ),
    (
        (
            "In the experiment, the team placed the mice in a chamber and let them explore it.",
            "Their brain cells were producing the protein.",
            "The next day, the same mice were placed in a second chamber and given a small shock.",
        ),
        2,
        0,
    ),
    (
        (
            "Public health systems, vaccination and antibiotics changed life expectancy.",
            "For this we have the scientists of the last century to thank.",
        ),
        1,
        0,
    ),
    (
        (
            "The line from the Vatican was that the Pope's decision was a brave one.",
            "By this account, Benedict had brought his church face to face with reality.",
        ),
        1,
        0,
    ),
    (
        (
            "The TV drama CSI has already twice featured Virtopsies.",
            "In one, the system proved that the victim was killed by a bullet; in another, it found cancer.",
        ),
        1,
        0,
    ),
    (
        (
            "In the UK, young offenders record the highest reoffending rates.",
            "A good proportion of these offenders go on to populate adult jails.",
        ),
        1,
        0,
    ),
    (
        (
            "There was a 6% drop in the prison population last year.",
            "A similar decrease is expected next year.",
        ),
        1,
        0,
    ),
    (
        (
            "Riley bought himself books on psychology as there was no help for young referees.",
            "Contrast this with Brooks, who has a coach at the end of the phone.",
        ),
        1,
        0,
    ),
    (
        (
            'The revival shows the success of a "land-sharing" model of conservation.',
            'According to the researchers, this "land-sharing" approach could be used elsewhere.',
        ),
        1,
        0,
    ),
    (  # the claim needs the later sentence that says it is unfounded
        (
            "Russian television expert Igor Korotchenko broke the news on Channel One.",
            "'There are reports that 100,000 volunteers are ready,' Korotchenko said.",
            "The army is large.",
            "However, Newsweek cautioned that Korotchenko's statements appeared to be unfounded.",
        ),
        1,
        3,
    ),
]


@pytest.mark.parametrize(("texts", "later", "needed"), NEEDED)
def test_a_sentence_needs_what_introduces_what_it_refers_to(
    texts: tuple[str, ...], later: int, needed: int
) -> None:
    units = _units(*texts)
    assert needed in dependencies(units)[later]
    assert needed in with_dependencies([0, later], dependencies(units), range(len(units)))


def test_independent_sentences_need_nothing() -> None:
    units = _units(
        "When the Taliban sent a gunman to shoot Malala Yousafzai, they made clear their intention.",
        "It is difficult to say why.",
        "A meeting of Pakistani Taliban leaders followed.",
        "Many people fear the Taliban.",
        "Tigers are more numerous in Nepal than at any time since the 1970s.",
    )
    needs = dependencies(units)
    assert needs[1] == frozenset()  # "It is difficult ...": no reference
    assert needs[3] == frozenset()  # "the Taliban" was used alone before "Pakistani Taliban"
    assert needs[4] == frozenset()


def test_a_thing_the_whole_story_is_about_needs_no_introduction() -> None:
    units = _units(
        "The auction of a mural was halted moments before it began.",
        "The mural was expected to sell for $700,000 in a sale of street art in Florida.",
        "Campaigners had tried to stop the sale.",
        "The sale went on with other lots.",
        "Buyers at the sale paid high prices.",
    )
    needs = dependencies(units)
    assert 1 not in needs[2] | needs[3] | needs[4]  # "the sale" of a story about a sale is clear
    assert introduced_things(units)[1] == {"sale": [2, 3, 4]}  # ... but compression keeps "a sale"


def test_an_a1_version_tells_a_connected_story() -> None:
    assert tells_story([0, 1, 2, 3, 5, 6], 75)
    assert not tells_story([0, 4, 9, 15], 52)  # four scattered sentences, 52 words
    assert not tells_story([0, 3, 7, 12, 18, 25, 30], 90)  # enough words, but no two in a row
    assert not tells_story([2, 3, 4, 5, 6], 80)  # no lead


def test_selection_takes_a_sentence_with_what_it_needs_or_not_at_all() -> None:
    units = _units(
        "The auction of a Banksy mural was halted just moments before it was due to go under the hammer.",
        "But auctioneer Frederic Thut, the owner of the Fine Arts Auction Miami art house, who had refused "
        "all week to name the seller, announced that the piece had been withdrawn.",
        "Thut said the two pieces were important works.",
        "The three-hour auction continued with other lots.",
    )
    needs = dependencies(units)
    chosen = select(units, 40, needs=needs)
    assert 2 not in chosen or 1 in chosen
    assert select(units, 200, needs=needs) == (0, 1, 2, 3)


def test_a_dateline_is_not_a_sentence() -> None:
    source = prepare(
        "Title of the report\nMoscow. North Korea has offered troops. Mr. Smith said so.\nDr. Lee agreed."
    )
    assert [u.text for u in source.units][1:] == [
        "North Korea has offered troops.",
        "Mr. Smith said so.",
        "Dr. Lee agreed.",
    ]


def _seed(name: str) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"), None) if SEEDS.is_dir() else None
    if path is None:
        pytest.skip("the seed stories (../shared/seeds) are not here")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_seed_claims_keep_the_warning_that_they_are_unfounded(
    nlp: Language, real_lexicon: Lexicon, level: str
) -> None:
    text = adapt_text(_seed("000"), level, lexicon=real_lexicon, nlp=nlp).text
    if "Korotchenko said" in text or "Korotchenko praised" in text:
        assert "appeared to be unfounded" in text, text


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_seed_dateline_is_left_out(nlp: Language, real_lexicon: Lexicon, level: str) -> None:
    version = adapt_text(_seed("001"), level, lexicon=real_lexicon, nlp=nlp)
    assert not any(s.strip() == "Moscow." for _, s in version.sentences)
    assert "Moscow. " not in version.text


def _docs(nlp: Language, *texts: str) -> list[Doc]:
    return list(nlp.pipe(texts))


def test_a_definite_noun_phrase_anywhere_needs_the_sentence_that_told_of_it(nlp: Language) -> None:
    # dev 'arctic_mapping' at A2: "Plotting the PO box addresses ..." after the post-office sentence was
    # cut; seed 002: "the long-range, high-precision rockets" after the rocket-systems sentence was cut
    texts = (
        "The town council wants a better map of the island.",
        "Many families have their letters sent to the harbour office rather than to their address.",
        "A small company in the north builds Mobile Rocket Systems for the coast guard.",
        "Officials say that showing the PO box addresses on a map would be confusing.",
        "An engineer told reporters last month that the long-range, high-precision rockets worked well.",
    )
    refs = {(r.sentence, r.told) for r in definite_references(_docs(nlp, *texts))}
    assert refs == {(3, 1), (4, 2)}
    units = _units(*texts)
    source = prepare("\n".join(texts))
    builder = VersionBuilder(source, ParseCache(nlp), None)
    needs = builder._needs()  # the dependencies the selection uses
    assert 1 in needs[3] and 2 in needs[4]
    assert 1 in with_dependencies([0, 3], needs, range(len(units)))


def test_a_definition_needs_the_sentence_that_used_the_term(nlp: Language) -> None:
    # seed 001 at A2 and B1: "Counter-battery is the act of stopping ..." stood after a quotation once
    # the sentence praising the troops' counter-battery skill was cut
    texts = (
        "The navy has offered ships to help its ally.",
        "An analyst said the ally should welcome the crews and their skill in anti-drone defence.",
        "Anti-drone defence is the practice of stopping small aircraft before they reach a target.",
        "Water is a problem on long trips, the analyst added.",  # no term of an earlier sentence
    )
    refs = {(r.sentence, r.told, r.word) for r in definite_references(_docs(nlp, *texts))}
    assert (2, 1, "defence") in refs
    assert not [r for r in refs if r[2] == "water"]


def test_definite_phrases_that_need_no_earlier_sentence(nlp: Language) -> None:
    texts = (
        "Scientists tested a new vaccine on mice in London.",
        "The mice were given two doses in a week.",  # named in the lead
        "The leader of the team said the results were good.",  # identified by its own phrase
        "She said the vaccine could be ready next year and the world would benefit.",  # lead; everyday
        "The first trial will start in March, and the same doses will be used.",  # unique by description
    )
    assert definite_references(_docs(nlp, *texts)) == []


def test_a_name_told_with_what_it_is_needs_that_sentence(nlp: Language) -> None:
    # dev 'banksy': "Slave Labour was still listed" when "Slave Labour, a spray-painted artwork ..." was cut;
    # dev 'murderers_beware': "Virtopsy" when "The method, called 'Virtopsy', ..." was cut
    texts = (
        "A painting was stolen from a wall in Leeds.",
        "Silent Harvest, a spray-painted artwork showing a farmer, was expected to sell for $50,000.",
        "The method, called 'Scanopsy', is now used in two hospitals.",
        "The dealer said Silent Harvest was sold last year.",
        "Doctors said Scanopsy had changed their work.",
    )
    refs = {(r.sentence, r.told) for r in definite_references(_docs(nlp, *texts))}
    assert {(3, 1), (4, 2)} <= refs


def test_the_parts_of_an_enumeration_go_together() -> None:
    # dev 'anita' at B1: "In the first, ..., she looked darker." kept without "In the second, ..."
    units = _units(
        "The singer Ana Lima has two well-known photographs.",
        "In the first, when she was unknown, she looked darker.",
        "In the second - a shot after she became famous - she seems paler.",
        "Some fans like the new look.",
        "Others say it is a sad change.",
        "Lima has not said anything.",
    )
    needs = dependencies(units)
    assert enumerations(units) == [(1, 2), (3, 4)]
    assert 2 in needs[1] and 1 in needs[2] and 0 in needs[1]
    assert 4 in needs[3] and 3 in needs[4]
    assert with_dependencies([1], needs, range(6)) == (0, 1, 2)


def test_the_last_step_of_an_experiment_needs_what_came_of_it() -> None:
    # dev 'false_memory' at A2: "In the final part of the experiment, the team placed the mice back in the
    # first chamber." kept, "The mice froze, ..." (the result) cut
    units = _units(
        "Researchers put rats in a box with a light.",
        "In the final part of the experiment, the team put the rats back in the box.",
        "The rats stopped moving, showing that they were afraid.",
        "The researchers said this result was important.",
    )
    needs = dependencies(units)
    assert 2 in needs[1]
    assert 2 in needs[3]  # "this result"
    assert with_dependencies([1], needs, range(4)) == (0, 1, 2)


ASIDE_STORY = (
    "Critics say the singer has hidden her black roots to sell more records.\n"
    "Black fans say the music industry prefers pale stars.\n"
    "A black singer earns less than a white one, a study found.\n"
    "The public, he said, proved it was not prejudiced by choosing Ella Stone - a {aside} - as the winner "
    "of the talent show."
)


@pytest.mark.parametrize(("aside", "kept"), [("black woman", True), ("keen gardener", False)])
def test_an_aside_after_a_name_that_is_the_point_stays(nlp: Language, aside: str, kept: bool) -> None:
    # dev 'anita' at A2: "by choosing Ellen Oléria [- a black lesbian -] as the recent winner", in a story
    # about skin colour, lost the point the speaker makes; an aside the story does not return to may go
    source = prepare(ASIDE_STORY.format(aside=aside))
    builder = VersionBuilder(source, ParseCache(nlp), None)
    last = source.units[-1].text
    texts, rules = builder._syntax_for(last, "A2")  # the syntax step of one sentence
    assert (aside in " ".join(texts)) == kept, texts
    assert ("dash_aside" in rules) != kept


def test_an_acronym_needs_the_sentence_that_spells_it_out(nlp: Language) -> None:
    # dev 'men_in_black' at A2: "PGMOL's chief, Mike Riley, was in attendance" after the sentence with
    # "Professional Game Match Officials Limited (PGMOL)" was cut; well-known short ones need nothing
    texts = (
        "Young referees hope to reach the top league.",
        "The Northern Referees Training Board (NRTB) watches the best of them in the European Union (EU).",
        "The NRTB's chief was at the match.",
        "EU rules do not apply to referees.",
    )
    refs = {(r.sentence, r.told, r.word) for r in definite_references(_docs(nlp, *texts))}
    assert refs == {(2, 1, "NRTB")}


def test_it_is_all_part_of_refers_back() -> None:
    # dev 'men_in_black' at A2: "It is all part of the experience Brooks needs ..." after what "It" is was cut
    units = _units(
        "Brooks had to call off the match because of a frozen pitch.",
        "It is all part of the experience Brooks needs before he is trusted with bigger games.",
        "It is difficult to say how long that will take.",
    )
    needs = dependencies(units)
    assert 0 in needs[1]
    assert needs[2] == frozenset()  # an empty "it"


def test_as_such_things_go_needs_the_sentence_that_told_of_the_thing(nlp: Language) -> None:
    # dev 'malala' at A2: "As 16th birthdays go, it was among the more unusual." after the sentence with
    # "on her 16th birthday" was cut
    texts = (
        "The singer left the band in 2010.",
        "Last week she gave a concert in a prison on her 30th birthday.",
        "She sang for two hours.",
        "As 30th birthdays go, it was an odd one.",
    )
    refs = {(r.sentence, r.told) for r in definite_references(_docs(nlp, *texts))}
    assert (3, 1) in refs


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        ("But, of course, it is a sign of trouble.", True),  # "of course" is a connective too
        ("It was very loud and frightening.", True),  # an "it" with no clause after it
        ("It was hard to say what had happened.", False),  # "it" points forward
        ("It is lowered slowly beneath the dark sky, as if weighed down by fate.", True),  # not "as if"
        ("In the same week, police found more cash.", True),
        ("People need to know that.", True),
        ("Smith disagreed.", True),
        # round adapt-2.0, unseen train articles at A2: the report that "says", one of a group told of
        # before, the first of the snags a cut sentence announced, "the two events", a day is no name
        ('"Plans to build a dam put the lake at risk," it says.', True),
        ("One has already met the lawyers of the farmers.", True),
        ("Firstly, the bones of the crew will have to get used to the low gravity.", True),
        ("But experts said the two events were linked by nothing more than chance.", True),
        ("On Friday he ruled that a fair trial was possible.", True),
        ('"The usual time limit is three years," a spokesman said.', True),
        ('"The usual time limit is three years," a spokesman for the council said.', False),
        ("One way to save water is to fix old pipes.", False),
    ],
)
def test_openers_and_endings_that_lean_on_the_sentence_before(text: str, refers: bool) -> None:
    # unseen train articles at A2: "But, of course, it is an image of brutality" without the image;
    # "It was very powerful and painful" without the blow; "In the same week" without the week;
    # "People need to know that." without what; "Dancevic disagreed." without whom
    assert refers_back(text) is refers


def test_a_short_name_with_an_inner_capital_needs_its_introduction() -> None:
    # "said McLaughlin" was kept without "Ana McLaughlin" (the name pattern missed "McLaughlin")
    units = [
        Unit(0, "At the shop, manager Ana McLaughlin explains the idea.", 9),
        Unit(1, "Sales rose in May.", 4),
        Unit(2, '"It is a trend," said McLaughlin.', 6),
    ]
    assert 0 in dependencies(units)[2]


@pytest.mark.parametrize(
    ("texts", "word"),
    [
        # "a lawyer with the centre": "the" after a preposition
        (
            [
                "The Centre for Child Law will interview the parents.",
                "Ngidi, a lawyer with the centre, spoke.",
            ],
            "centre",
        ),
        # "That display ... then acts as a health bar" after the cut "which has a display light"
        (
            [
                "The air is stored in a tank with a display light.",
                "That display turns red when the air runs low.",
            ],
            "display",
        ),
    ],
)
def test_definite_references_after_a_preposition_and_with_that(
    nlp: Language, texts: list[str], word: str
) -> None:
    docs = list(nlp.pipe(["Two mothers found that their babies had been switched.", *texts]))
    assert [(r.sentence, r.told, r.word) for r in definite_references(docs)] == [(2, 1, word)]


def test_a_noun_told_of_once_far_before_is_still_a_reference_when_it_opens_the_sentence(
    nlp: Language,
) -> None:
    # "The illustrator, who lives in Aberdeenshire, ..." 22 sentences after "Scottish illustrator
    # Johanna Basford": a relative clause between commas does not say which illustrator
    texts = [
        "Two mothers found that their babies had been switched.",
        "Scottish illustrator Jo Bell sells colouring books for adults.",
        *(f"Sales of colouring books rose by {n} % in week {n}." for n in range(2, 10)),
        "The illustrator, who lives in Leeds, was surprised.",
    ]
    assert [(r.sentence, r.told) for r in definite_references(list(nlp.pipe(texts)))] == [(10, 1)]


def test_a_verbless_fragment_needs_the_sentence_it_continues(nlp: Language) -> None:
    # unseen train article at A2: "A bit more Blade Runner." and "Or see and speak to ..." kept after the
    # sentences they finish were cut
    texts = (
        "The new phone is a rival to the big brands.\n"
        "The designer is making it a bit more stylish. A bit more Italian. The phone goes on sale in May.\n"
        "You can send photos from it. Or call a friend on a big screen."
    )
    builder = VersionBuilder(prepare(texts), ParseCache(nlp), None)
    needs = builder._needs()
    assert 1 in needs[2] and 4 in needs[5]
    assert 2 not in needs[3]  # a sentence with its own verb stands alone


def test_links_read_in_the_adaptrev_review() -> None:
    # Train stories 49-58 at A2/B1: "That's comparable to ..." after the estimate was cut (a contraction
    # hid "That"), "The end result is ..." without the start-up it was the result of.
    assert refers_back("That's close to the number of cars sold last year.")
    assert refers_back("They're both in the top ten now.")
    assert refers_back("The end result is a robot that can chat all day.")
    assert not refers_back("The results of the vote will be known on Friday.")
    # "So, what is driving the desire to look upwards?" kept, its answer cut: a question needs the next
    units = _units(
        "Prices rose again.", "So who will pay for the new road?", "The council says drivers will."
    )
    assert 2 in dependencies(units)[1]
    assert 2 not in dependencies(_units("Rain fell.", '"Who will pay?" Ann asked.', "Nobody answered."))[1]
    # "BetterBoyfriend.me took off.", "Accell owns the Raleigh brand", "says Mamun", "The teachers and
    # Zimarco": names whose introducing sentence was cut
    units = _units(
        "Tom Reed runs a cafe.",
        "He has also made an app: FixMyBike.io, a service that repairs bikes at home.",
        "It costs a lot.",
        "FixMyBike.io took off in May.",
    )
    assert 1 in dependencies(units)[3]
    units = _units(
        "The firm was bought by the Hallon Group, a company from Oslo.", "Sales grew.", "Hallon owns a bank."
    )
    assert 0 in dependencies(units)[2]
    units = _units("Girls need school, says the head, Ahmed Karim al-Rashid.", "Rain fell.", "Rashid agrees.")
    assert 0 in dependencies(units)[2]
    units = _units(
        "We did it, said Tariku Mensah, the founder.", "Rain fell.", "The teachers and Tariku want a room."
    )
    assert 0 in dependencies(units)[2]
    # ... but a first name two people share ties nothing
    units = _units("Tariku Mensah spoke.", "Tariku Bello agreed.", "Tariku left.")
    assert not dependencies(units)[2]


def test_also_and_a_final_step_tie_their_neighbours() -> None:
    # "Technology has also played a part." kept after the media's part was cut; "For the final part of
    # the study, the researchers delved even deeper, to see ..." kept without what they found
    units = _units("Rain fell.", "Books have helped.", "Films have also played a part.")
    assert 1 in dependencies(units)[2]
    assert not dependencies(_units("Rain fell.", "Films played a part.", '"It also helped," he said.'))[1]
    units = _units(
        "For the last stage of the test, the team went further.", "They tried the phones of 20 people."
    )
    assert 1 in dependencies(units)[0]
    # "The classroom is one of 23 centres that SOHAY has set up" without "SOHAY, a grassroots NGO ...";
    # "About 780 more children are preparing ..." without the count it adds to
    units = _units(
        "Since 2010, KAMRA, a small charity, has run schools.", "Rain fell.", "KAMRA has 20 centres."
    )
    assert 0 in dependencies(units)[2]
    assert refers_back("About 300 more girls will start in May.")
    # "The multimillion-pound project would feature a hotel" after "He is planning Britain's first
    # 'astrovillage' ..."
    units = _units(
        "It is like the Eden Project.", "He is planning a museum.", "The two-storey project will cost $5m."
    )
    assert 1 in dependencies(units)[2]
    # "Other members of the ECB's top team ... contend" after Draghi was cut; "Europol asked
    # Luxembourg's central bank to explain." after what it was asked about was cut
    assert refers_back("Other members of the club's board say the plan is fine.")
    assert refers_back("The council asked the town's bank to explain.")
    assert not refers_back("Other than that, the day was quiet.")
    # "The scientists next delved into more personal territory." kept without what they found there
    assert 1 in dependencies(_units("The team next looked at the night.", "Owls hunted."))[0]
    # "The policy aimed to eradicate ..." after "... under the 2010 child labour code of conduct"
    units = _units(
        "Rain fell.", "The club teaches boys their rights under the 2012 sports code.", "The policy failed."
    )
    assert 1 in dependencies(units)[2]


def test_a_sentence_that_goes_on_from_how_the_one_before_did_it() -> None:
    # "[Through automatic and manual searches,] they identified 82 % ..." then "The same technique ...";
    # "[When these were plotted on a map,] they revealed clusters ..." then "In this way, they named ..."
    assert continues_how("In this way, they named the town people lived in.")
    assert continues_how("The same method gave them the names of shops.")
    assert not continues_how("The same day, the shop closed.")
    assert refers_back("In this way, they named the town people lived in.")


def test_the_event_a_sentence_opens_with_needs_the_sentence_that_told_it() -> None:
    # An A2 version kept "The event, dubbed X Day, was ..." without the sentence that told of the day;
    # a version of a story told the jump and then "The event" the sentence after.
    units = _units(
        "Tom Reed, a young farmer, grew the biggest pears in the valley.",
        "In May he spoke at the town hall on his 20th birthday.",
        "Hundreds of farmers came from the hills to listen.",
        "Many of them had never seen the town before.",
        "Some brought their children.",
        "The speech, later called the Pear Address, was printed in every paper.",
    )
    needs = dependencies(units)
    assert 1 in needs[5]  # "spoke" told it, four sentences before
    assert with_dependencies([5], needs, range(len(units))) == (0, 1, 5)  # "he": Tom Reed
    # Nothing told it in so many words: the sentence before did.
    units = _units(
        "A rock fell from the sky over the lake.",
        "It broke up above the trees.",
        "The event, seen by many, scared the town.",
    )
    assert 1 in dependencies(units)[2]
    units = _units("The mayor sat down with the miners.", "The council meeting lasted an hour.")
    assert 0 in dependencies(units)[1]


def test_an_event_noun_that_says_which_event_or_a_verb_needs_no_earlier_sentence() -> None:
    # "The decision to ban coca chewing was based on ...": the clause says which decision.
    units = _units(
        "Farmers grow beans in the hills.",
        "Rain fell all week.",
        "The decision to close the mill came in 1990.",
    )
    assert dependencies(units)[2] == frozenset()
    # "The rebels attack villages": a verb, not the attack told before.
    units = _units(
        "Farmers grow beans in the hills.", "Rain fell all week.", "The rebels attack farms at night."
    )
    assert dependencies(units)[2] == frozenset()


def test_a_lead_that_the_next_sentence_turns_round_is_kept_with_it() -> None:
    # An A2 version kept "Unveiling a car ... might not make much of an impression ..." and left out
    # "But Google ... unveiled ... its driverless car": the company it then spoke of was never named.
    units = [
        Unit(0, "A boat with one sail and no engine might not look like much at a boat show.", 16),
        Unit(0, "But a small firm in Hull has just sailed one across the sea without a crew.", 16),
        Unit(1, "The firm has sold ten boats since May.", 8),
        Unit(1, "Its owners hope to sell many more next year.", 9),
        Unit(2, "Boats without crews could carry post to islands.", 8),
    ]
    needs = dependencies(units)
    assert 1 in needs[0]
    assert select(units, 35, needs=needs)[:2] == (0, 1)
    # Only the lead, and only the next sentence of its paragraph.
    units = [
        Unit(0, "Most shops in the town close at five.", 8),
        Unit(1, "But Ann Lee keeps hers open all night.", 8),
        Unit(1, "She sells bread.", 3),
        Unit(1, "But she has no staff.", 5),
    ]
    needs = dependencies(units)
    assert 1 not in needs[0] and 3 not in needs[2]


def test_a_sentence_that_announces_a_message_needs_the_next_one() -> None:
    # Dev reading of adapt-2.2: "... there is a deeply serious message." was kept at A2 while the
    # sentence telling the message was left out.
    units = _units(
        "Cooking beetles on television makes people laugh.",
        "But behind all the jokes about beetles there is a deeply serious message.",
        "Many scientists think that eating beetles is good for the planet.",
        "There is a new message on the board.",
        "The club meets on Fridays.",
    )
    needs = dependencies(units)
    assert 2 in needs[1]
    assert 4 not in needs[3]  # the message is on the board: nothing announced
    # Round names5 (train): "But there are a couple of serious snags." was kept without the snags.
    snags = dependencies(
        _units(
            "A village plans to build a bridge over the river.",
            "But there are a couple of serious snags.",
            "The river floods every spring and the ground is soft.",
        )
    )
    assert 2 in snags[1]


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        # round links, train 79-88 at A2: "Similarly, names ... are also turned down" after its rule was
        # cut; "Nor is it clear ..."; "At 35 %, ... are even worse off"; "... returned moments later";
        # '"...," Beyoncé told him.' without the fan she told
        ("Similarly, long names are turned down.", True),
        ("Likewise the club bans dogs.", True),
        ("Nor is it clear if the pill is safe.", True),
        ("Also, the town has no bank.", True),
        ("Also known as the Bard, Will Shakespeare wrote plays.", False),
        ("At 35%, Korea's drivers are even worse off.", True),
        ("At 26, Ann Lee is the youngest in the team.", False),  # an age says what it is
        ("Ann Lee came back moments later and sang.", True),
        ("Ann Lee finished two days later than planned.", False),
        ('"You can\'t even sing," Ann Lee told him.', True),
        ("Ann Lee told him to leave the house at once and never come back.", False),
    ],
)
def test_openers_that_compare_count_or_follow_on_lean_on_the_sentence_before(text: str, refers: bool) -> None:
    assert refers_back(text) is refers


def test_the_move_needs_the_sentence_that_told_the_plan() -> None:
    # "The move, to be debated in the current parliamentary session, ..." kept at A2 without "the
    # government ... is considering making it a legal requirement ..."
    units = _units(
        "Workers in Ruritania rarely take a day off.",
        "The government is considering a law that gives every worker a week off a year.",
        "Most workers get twenty days off.",
        "Few take more than ten.",
        "The move, to be debated in May, follows a rise in illness.",
    )
    assert 1 in dependencies(units)[4]
    # "The move to ban ..." says which move
    units = _units("Ann plans a party.", "Rain fell.", "The move to ban cars came in 1990.")
    assert dependencies(units)[2] == frozenset()


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        # round read, train 89-98: "For that, the mystery shoppers can earn ..." without the day's work;
        # "Furthermore, a study ... suggested the 'pause' ..." without the pause; "And the effects ...";
        # "For two decades, those estimates ..."; "In reality, both processes ..."; "There, it is mixed
        # ..." without the engine; "There are plenty of people, however, that would." (would what?)
        ("For that, the guides can earn up to £90 a day.", True),
        ("Furthermore, a survey in May found the 'dip' was an error.", True),
        ("Moreover, the club lost its best player.", True),
        ("In addition to cash, the fund gives loans.", False),
        ("And the price of bread was already rising fast.", True),
        ("For ten years, those figures have stayed the same.", True),
        ("In reality, both methods work.", True),
        ("In most years, this week is the busiest of the season.", False),
        ("There, it is heated until it turns to gas.", True),
        ("There is a new bridge over the river.", False),
        ("There are plenty of people, however, that would.", True),
        ("But Ann's does.", True),
        ("Prices at the market rose by a third in spring, as most traders said prices would.", False),
    ],
)
def test_openers_and_endings_read_in_the_read_round(text: str, refers: bool) -> None:
    assert refers_back(text) is refers


def test_names_and_numbered_things_read_in_the_read_round_need_their_introduction() -> None:
    # "Cantrell does acknowledge ..." without "Councilwoman LaToya Cantrell, who introduced the ban"
    units = _units(
        "Councilwoman DeShawna Ruiz, who wrote the rule, disagrees.",
        "Rain fell.",
        "Ruiz does accept that bars will suffer.",
    )
    assert 0 in dependencies(units)[2]
    # "Noor 1 itself has a capacity of 160MW" without "the first phase, called Noor 1"
    units = _units(
        "The first stage of the dam, called Kora 2, will open in May.",
        "Builders are busy.",
        "Kora 2 itself will make 90MW of power.",
    )
    assert 0 in dependencies(units)[2]
    # ... but "be called Tarzan" names no one the story goes on about
    units = _units("But you cannot, as a boy, be called Tarzan.", "Rain fell.", "Tarzan is a fine name.")
    assert 0 not in dependencies(units)[2]
    # train 31-40: "The Senate too remained little changed" without the House that remained so
    units = _units("The new council will look much like the old one.", "The board too stayed the same.")
    assert 0 in dependencies(units)[1]
    units = _units(
        "Rain fell.", "Dinner was too hot to eat."
    )  # ("The soup" would be a new thing: round read4)
    assert dependencies(units)[1] == frozenset()
    # "the 20-30% target" without "a target of 20-30% no-take areas"
    units = _units(
        "This broke a goal of 40-50% set in 2001.", "Rain fell.", "Ann Lee helped set the 40-50% goal."
    )
    assert 0 in dependencies(units)[2]


def test_a_claim_stays_with_the_next_sentence_that_doubts_it() -> None:
    # Round facts2, train A2: "The last major assessment, in 2007, predicted rises of 6C ..." was kept
    # without the next sentence, "That is now thought unlikely by scientists, but ...".
    units = _units(
        "A report in 2001 predicted that the lake would be dry by 2020.",
        "That is now thought unlikely by most experts, but the lake is still shrinking.",
        "This was no longer true by the spring.",
        "Farmers use the water for their fields.",
        "That field is the largest in the valley.",
    )
    needs = dependencies(units)
    assert 1 in needs[0] and 0 in needs[1]
    assert 2 in needs[1]  # "This was no longer true" says the same of the sentence before
    assert 4 not in needs[3]  # "That field is ...": no doubt cast


def test_also_opening_a_paragraph_needs_the_sentence_before() -> None:
    # Round facts2, train A2: "Scientists have also lowered projections of sea-level rises." opened a
    # paragraph and was kept with nothing lowered before it.
    units = [
        Unit(0, "Experts now expect smaller rises in temperature.", 7),
        Unit(1, "Scientists have also lowered forecasts of sea levels.", 9),
        Unit(2, "The report was published in May.", 6),
    ]
    needs = dependencies(units)
    assert 0 in needs[1]
    assert 1 not in needs[2]


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        # second pass, train 99-108: "Primary schools have therefore been quick to note the benefits"
        # without the figures that are the reason
        ("Many clubs have therefore been slow to buy new boats.", True),
        ("Consequently, the library closed at noon.", True),
        ("Thus the village lost its only shop.", True),
        ("As a result, bus fares went up.", True),
        ("As a result of the strike, bus fares went up.", False),
        # "The second is education ..." without "They put forward a trio of policies"
        ("The second is a bigger garden for every flat.", True),
        ("The first is cheaper bread.", True),
        ("The first bus leaves at six.", False),
        ("The second half of the match was dull.", False),
        # "The hope is to introduce it across the 450 schools in the region" without who hopes it
        ("The aim is to open ten more shops in the area.", True),
        ("The aim of the club is to have fun.", False),
        # "Revenue fell from $405m to $392m." without the report and the quarter it is about
        ("Sales fell from 30,000 to 25,000.", True),
        ("Visitor numbers dropped by about 2,000 from 9,500 to 7,500.", True),
        ("Sales fell from 30,000 in 2019 to 25,000 in 2020.", False),
    ],
)
def test_openers_read_in_the_second_read_pass(text: str, refers: bool) -> None:
    assert refers_back(text) is refers


def test_the_first_is_goes_with_the_second_is() -> None:
    # second pass, train 99-108: "The second is ..." and "The third is ..." kept without "The first is ..."
    units = _units(
        "The plan names three steps.",
        "The first is cheaper bread.",
        "Bakers like it.",
        "The second is free milk for schools.",
    )
    needs = dependencies(units)
    assert (1, 3) in enumerations(units)
    assert 3 in needs[1] and 1 in needs[3] and 0 in needs[1]


def test_links_read_in_the_read3_reading() -> None:
    # issue #14, train 119-128 read unseen: "For Britain, this is likely to be part of the explanation",
    # "Aside from the cards with punched holes, that pretty much describes today's ATM", "The good news
    # for Goodfellow is that this is now starting to happen", "Now, the sea spray is causing its walls to
    # collapse" kept after what they lean on was left out
    assert refers_back("For the north, this is likely to be part of the reason.")
    assert refers_back("Aside from the old paper tickets, that pretty much describes the bus pass we use.")
    assert refers_back("The bad news for the baker is that this is now getting harder.")
    assert refers_back("Now, the wind is making its old roof fall in.")
    assert not refers_back("The point is that the town is small.")
    assert not refers_back("Now is the time to plant the beans.")
    # "Miami's difficulties are threefold." kept without the three; "The number of extremely wealthy
    # people has also been climbing." without the gap that climbed before it
    units = _units(
        "The town has many problems.", "Its troubles are threefold.", "The river floods.", "Cars fill it."
    )
    assert 2 in dependencies(units)[1]
    units = _units(
        "House prices rose by a fifth.", "The number of very cheap old houses has also been falling."
    )
    assert 0 in dependencies(units)[1]
    assert not dependencies(
        _units("House prices rose by a fifth.", "The number of old houses has been falling.")
    )[1]


def test_an_answer_needs_the_verbless_question_it_answers(nlp: Language) -> None:
    # train 119-128: "Not knowing if your friends are friends with you or your money." kept after "The
    # main reason?" was left out
    text = (
        "Life at the top is hard.\n"
        "The main problem?\n"
        "Not knowing who your real friends are.\n"
        "So what do rich people do about it?\n"
        "Rich families stay with other rich families."
    )
    builder = VersionBuilder(prepare(text), ParseCache(nlp), None)
    needs = builder._needs()
    assert 1 in needs[2]
    assert 3 not in needs[4]  # a question with its own verb: its answer may stand alone


def test_headings_in_a_row_head_one_section(nlp: Language) -> None:
    # train 119-128 A2: "2." and "Elle, 22, Edinburgh: ..." were left out over "France" and "I work three
    # jobs": the speaker's name went, and the reader does not know who "I" is
    from vocabsphere.core.adapt.builder import _sections

    text = (
        "Bus drivers talk about their pay\n"
        "We asked drivers what they earn.\n"
        "1. Anna, 30, Leeds: 'The hours are long'\n"
        "Average pay: £90 a night\n"
        "Best city to drive in ... York\n"
        "I drive a bus at night. I earn a little more for it.\n"
        "2. Tom, 41, Hull: 'I like the early shift'\n"
        "Average pay: £80 a day\n"
        "I start at five in the morning."
    )
    source = prepare(text)
    night = next(i for i, u in enumerate(source.units) if u.text.startswith("I drive"))
    kept = [source.paragraphs[p] for p in sorted(_sections(source, [0, night]))]
    assert [k.split()[0] for k in kept] == ["1.", "Average", "Best"]


# Unseen reading of adapt-2.4 (train 129-132, final code of the session): sentences kept after the one
# they lean on was left out. Invented sentences of the same shape.
@pytest.mark.parametrize(
    ("before", "later"),
    [
        # a bare number or share as the subject: "Ten have been closed." ten of what?
        (
            "About 40 of the chain's 90 shops in the north are being checked by inspectors.",
            "Ten have been closed.",
        ),
        ("The paper listed problems in eight host towns.", "Almost all suffered more traffic than usual."),
        # "the same X" / "another X" that nothing before names: what the sentence before told
        (
            "Prices at the cafe have risen by 5% since 2019, well below the average.",
            "Food prices rose 11% over the same period.",
        ),
        (
            "One reader wrote to ask whether the water was safe to drink.",
            "The council then heard from another person about the bridge.",
        ),
        # an attribution kept without the words said
        (
            '"It is hard to plan for the winter," Ortega says at the Harbour Centre, a shelter.',
            "Ortega says at the Harbour Centre, a shelter for the homeless.",
        ),
    ],
)
def test_a_sentence_kept_after_what_it_leans_on_needs_it(before: str, later: str) -> None:
    units = _units("The town is busy in the summer.", before, later)
    assert 1 in dependencies(units)[2]


def test_a_quotation_run_on_to_a_new_paragraph_needs_its_opening() -> None:
    # '... added: "If it is true that ..., it would be a large part of the workforce.' (no closing mark)
    # then a new paragraph '"The estimate shows the need for a review."': the speaker is in the first
    units = [
        Unit(0, "The figures were published on Monday.", 6),
        Unit(1, 'Ana Ruiz, of a think tank, added: "If it is true, that is a large part of the staff.', 17),
        Unit(2, '"The estimate shows the need for a full review by the government."', 12),
    ]
    assert 1 in dependencies(units)[2]
    closed = [units[0], Unit(1, 'Ana Ruiz added: "That is a large part."', 7), units[2]]
    assert 1 not in dependencies(closed)[2]


def test_a_year_or_a_counted_noun_opening_a_sentence_needs_nothing() -> None:
    assert not refers_back("2015 was a bad year for the farmers.")
    assert not refers_back("Two people were killed in the storm.")


# Round read4: train 1-10 read from their Intermediate texts (unseen). Invented sentences of the same
# shape as the sentences kept after what they lean on was left out.
@pytest.mark.parametrize(
    ("before", "later"),
    [
        # "Russian ... billionaires have not promised to do the same.": the same as whom?
        (
            "Two rich families in the north will give most of their money to the new hospital.",
            "Families in the south have not promised to do the same.",
        ),
        # "Some believe this has led to a fall in cocaine production": "this" is the sentence before
        ("Growing the plant is legal in the valley.", "Some believe this has led to less crime in the town."),
        # "The weight is attached to the light" after "... driven by a 10kg bag of rocks"
        (
            "The lamp is powered by a small motor driven by a bag of stones.",
            "The weight is tied to the lamp and falls slowly to the floor.",
        ),
        # "Churches ... take on the burden one night at a time" (read on train 109-132 against the parent)
        (
            "Several schools have agreed to give the children a hot meal in the winter.",
            "Cafes in the town take on the burden one day at a time.",
        ),
        # after an adverb, and with a hyphenated modifier: "Unfortunately, the cobbled-together 'aquatic
        # ape hypothesis' fails to hold water" after the sentences that told of it were cut
        (
            "Some say that people once lived mostly in the sea.",
            "Unfortunately, the home-made theory does not hold water.",
        ),
    ],
)
def test_links_read_in_the_read4_reading(before: str, later: str) -> None:
    units = _units("The town is quiet in winter.", before, later)
    assert 1 in dependencies(units)[2]


def test_names_with_particles_and_letters_need_their_introduction() -> None:
    # "Van der Hoeven said ..." after "Maria van der Hoeven, Executive Director of the IEA, said ..."
    # was cut; "According to the IEA" after "the International Energy Agency (IEA)" was cut
    units = _units(
        "Coal use is rising.",
        "Anna van der Berg, head of the Northern Energy Office (NEO), said coal is cheap.",
        "Prices fell.",
        "Van der Berg said that only cheaper gas could change this.",
        "According to the NEO, India will use more coal.",
    )
    needs = dependencies(units)
    assert 1 in needs[3] and 1 in needs[4]
    # letters a learner knows need nothing
    known = _units(
        "Coal use is rising.",
        "A study by the United Nations (UN) shows it.",
        "Prices fell.",
        "The UN said so.",
    )
    assert 1 not in dependencies(known)[3]


def test_a_new_thing_that_says_which_it_is_needs_no_sentence_before() -> None:
    # "The decision to ...", "The first approved ..." (no noun read) say which; a quotation is
    # left to the quotation rules
    for later in (
        "The decision to close the road was taken on Monday.",
        "The first approved names will be used in May.",
        '"The weather here is always bad," Ana Ruiz said.',
    ):
        units = [Unit(0, "The town is quiet.", 4), Unit(0, "A storm hit the coast.", 5), Unit(0, later, 8)]
        assert 1 not in dependencies(units)[2], later


def test_a_thing_told_of_in_its_other_number_is_no_new_thing() -> None:
    # "The boxes" after "a box", "The children" after "a child": the same things, in the plural of a
    # singular that does not take a plain -s (hand-made endings missed "box" -> "boxes")
    for before, later in (
        ("Ana packed a box of old letters in May.", "The boxes were too heavy for the car."),
        ("A child found a coin on the beach.", "The children sold it at the market."),
    ):
        units = _units("The town is quiet.", "Nothing happened for weeks.", before, later)
        assert 2 not in dependencies(units)[3], later


# Round read6: train 21-30 read from their Intermediate texts (unseen). Invented sentences of the same
# shape as the sentences kept after what they lean on was left out.
@pytest.mark.parametrize(
    ("before", "later"),
    [
        # "Only one survived." after "Six westerners ... were kidnapped" was cut: one of whom?
        ("Five climbers were caught in the storm on the north face.", "Only one survived."),
        ("Four boats left the harbour that night.", "Just two returned."),
        # "In other words, do not go trekking near the border" after another sentence: which words?
        (
            "The mayor says the town is safe if you are careful.",
            "In other words, do not walk alone in the hills at night.",
        ),
        # "But Sheehy said good practice can reduce these problems.": the critics' problems were cut
        (
            "Some doctors say that the pills can cause headaches and make people tired.",
            "But Lena Ortiz said careful use can reduce these problems.",
        ),
    ],
)
def test_links_read_in_the_read6_reading(before: str, later: str) -> None:
    units = _units("The town is quiet in winter.", before, later)
    assert 1 in dependencies(units)[2]


def test_firstly_and_secondly_go_together() -> None:
    # "Firstly, ... the astronauts' bodies will have to adapt" kept without "Secondly, and directly
    # related to the first, ...": the adverbs "Firstly," and "Secondly," were stripped as openers
    units = _units(
        "The plan has two big problems.",
        "Firstly, the road is too narrow for the buses.",
        "It is thought that this would slow down the whole town.",
        "Secondly, and just as bad, the bridge is too old.",
    )
    assert enumerations(units) == [(1, 3)]
    assert 3 in dependencies(units)[1]
    # "But there are a couple of serious problems." kept without the problems it announces
    units = _units("The town wants a new road.", "But there are a couple of big problems.", units[1].text)
    assert 2 in dependencies(units)[1]


def test_he_two_sentences_after_the_person_needs_the_sentence_that_names_him() -> None:
    # "It is clear why he needs to find more money, fast." kept after two sentences about the state's
    # money, with "Abdullah said tourism would help the economy." cut: "he" read as the man quoted before
    units = _units(
        "Karl Weber runs the museum.",
        "Weber said visitors would save the museum.",
        "The building is in a bad state after the floods.",
        "The museum gets only a little money from the city.",
        "It is clear why he needs to find more visitors, fast.",
    )
    assert 1 in dependencies(units)[4]
    # the sentence before tells of a person: it is the one "he" leans on
    near = _units(
        "Karl Weber runs the museum.",
        "Weber said visitors would save the museum.",
        "The building is old.",
        "Its director, Anna Roth, wants more money.",
        "It is clear why she needs to find more visitors, fast.",
    )
    assert 1 not in dependencies(near)[4]


def test_links_read_in_the_read5_reading() -> None:
    # Round read5 (train 11-20, Intermediate sources), kept without what they lean on: "Like Glass,
    # Telepathy One is due to launch" ("They are called Telepathy One" cut), "Numbers rose again in
    # April." (the fall cut), "One initiative, Facebook Home, is ..." ("a series of new initiatives" cut)
    units = _units(
        "A young firm in Lyon makes smart shoes.",
        "They are called Step Nine and they can count steps.",
        "Like most watches, Step Nine will go on sale in May.",
    )
    assert 1 in dependencies(units)[2]
    units = _units(
        "The band sold many records.",
        "Sales of its albums fell sharply in March.",
        "Sales climbed again in June.",
    )
    assert 1 in dependencies(units)[2]
    units = _units(
        "The school is changing.",
        "Its head has started several new projects for older pupils.",
        "One project, Green Roof, lets them grow vegetables.",
    )
    assert 1 in dependencies(units)[2]
    units = _units(
        "The museum is open again.",
        "Many children from the village visited it in May.",
        "One child, Ana Ruiz, drew the old tower.",
    )
    assert 1 in dependencies(units)[2]  # an irregular plural: "children" ... "One child"


def test_near_misses_of_the_read5_links_need_nothing() -> None:
    # a name no one is given, a thing done again, and "one" of nothing told before
    units = _units(
        "The baby cannot be called Step Nine, the court said.",
        "The parents were sad.",
        "Step Nine is a name from a film.",
    )
    assert 0 not in dependencies(units)[2]
    units = _units("The town is quiet.", "The band played in the park.", "Children sang again in June.")
    assert 1 not in dependencies(units)[2]
    units = _units("The town is quiet.", "The band played in the park.", "One fan came from Oslo.")
    assert 1 not in dependencies(units)[2]


def test_links_found_in_the_versions_read5_changed_elsewhere() -> None:
    # Train versions of Advanced sources that round read5 changed: "Jefferies saw ..." without "Analysts
    # at Jefferies bank", '"It was done to remove criticism," X said.' without what was done, "Not that
    # this seems to daunt him." and "By contrast, the new method ..." without what they set against
    units = _units(
        "Shops are busy.",
        "Analysts at Norlund bank counted the buyers in May.",
        "Prices rose.",
        "Norlund saw sales peak in June.",
    )
    assert 1 in dependencies(units)[3]
    for later in (
        '"It was done to hide the mistake," the inspector said.',
        "Not that this seems to worry the owners.",
        "By contrast, the new test works well.",
        # "There has been a lot of scepticism ... about its reliability": whose, the sentence before told
        "There has been a lot of doubt among doctors about its value.",
    ):
        assert 1 in dependencies(_units("The town is quiet.", "The old test often fails.", later))[2], later
    # an 'it' that points forward, and a contrast that names both sides, need nothing
    for later in ("It was decided to close the road in May.", "In contrast to cats, dogs like long walks."):
        assert 1 not in dependencies(_units("The town is quiet.", "The bridge is old.", later))[2], later


def test_a_speaker_named_by_a_role_no_sentence_before_names_needs_the_one_before() -> None:
    # '"We are losing our confidence," the correspondent, <Name>, tells me.' kept without the sentence
    # that told of the news crew following him
    units = _units(
        "Shops are busy.",
        "A film crew from Oslo follows her all day.",
        '"We love it here," the producer, Ola Berg, tells me.',
    )
    assert 1 in dependencies(units)[2]
    units = _units(
        "A new owner runs the shop.", "Prices rose.", '"We love it here," the owner, Ola Berg, says.'
    )
    assert 1 not in dependencies(units)[2]  # the owner was told of before


def test_a_definite_phrase_quoting_earlier_words_needs_the_sentence_that_used_them(nlp: Language) -> None:
    # Round names5 (train): 'The "expensive" tag was unjustified' was kept without the sentence that
    # told of the chain's name for being expensive. A definite noun phrase quoting words points at the
    # last earlier sentence using them; the lead is kept anyway, and words quoted first are no reference.
    texts = (
        "A bakery chain in the north has closed twelve shops this year.",
        "Since it raised its prices, shoppers say it is more expensive than the market stalls.",
        "Its owner has hired a new manager.",
        'The "expensive" label is unfair, a local food writer said.',
        'Bakers call the bread "slow dough" because it rises overnight.',
        'The "slow dough" recipe came from a baker in the chain\'s first shop.',
    )
    refs = {(r.sentence, r.told, r.word) for r in definite_references(_docs(nlp, *texts))}
    assert (3, 1, "expensive") in refs
    assert (5, 4, "slow dough") in refs
    assert not any(r[0] == 4 for r in refs)  # the term is given there, not referred to


# Round read7c: an unseen reading of train stories 31-40 (Intermediate source, A2 and B1), here on
# invented sentences.
def test_a_sentence_that_ends_on_how_or_why_needs_the_next_one() -> None:
    # "..., and, for the first time, the researchers revealed how." kept without the "how"
    units = _units(
        "Divers found an old ship off the coast last year.",
        "Nobody knew how it sank, and, after months of work, the divers explained how.",
        "A storm had pushed it onto the rocks.",
        "Nobody knows why.",
        "The museum opens on Monday.",
    )
    needs = dependencies(units)
    assert 2 in needs[1]
    assert 4 not in needs[3]  # "Nobody knows why." announces nothing


def test_an_independent_possessive_refers_back() -> None:
    # "Although it is not certain that the bones found at the tower centuries later are theirs, ..."
    # kept after the sentence telling whose they might be was cut
    assert refers_back(
        "Although it is likely that the coins found in the field are hers, more work is needed."
    )
    assert refers_back("It is not clear that the boots found by the river are theirs.")


def test_a_noun_for_the_change_a_verb_told_needs_that_sentence(nlp: Language) -> None:
    # "But the increase in numbers of organs that are donated is still not enough." kept after
    # "Big efforts have been made ... to increase the number of ..." was cut
    texts = (
        "The town has too few nurses.",
        "Great efforts have been made to increase the number of young people who train as nurses.",
        "Clinics have also offered better pay.",  # a sentence between, as in the story
        "But the increase in numbers of nurses who stay is still too small.",
        "The hospital plans to cut its costs.",
        "The rise of the river worried the farmers.",  # no verb "rise" before: nothing to tie
    )
    refs = {(r.sentence, r.told, r.word) for r in definite_references(_docs(nlp, *texts))}
    assert (3, 1, "increase") in refs
    assert not [r for r in refs if r[0] == 5]


def test_a_series_of_verbless_questions_chains_back_to_what_they_ask(nlp: Language) -> None:
    # round read8 (train, Intermediate source): "Students in ... who want access to ...?" and the
    # questions after it were kept while "... nobody can yet say who exactly they benefit." and the
    # first question were left out; a verb in a relative clause is not the question's own verb
    text = (
        "Night buses are cheap.\n"
        "Nobody knows who really uses the night buses. Shop workers who finish late? "
        "Nurses who start early in the morning? Or students, who want to save money?\n"
        "The city will count the riders next year."
    )
    builder = VersionBuilder(prepare(text), ParseCache(nlp), None)
    needs = builder._needs()
    assert 1 in needs[2] and 2 in needs[3] and 3 in needs[4]
    assert with_dependencies([4], needs, range(6))[:4] == (1, 2, 3, 4)
    assert 4 not in needs[5] and 0 not in needs[1]  # the sentence after is no answer to the series


def test_the_head_of_a_long_name_needs_the_sentence_that_gave_the_name(nlp: Language) -> None:
    # round read8 (train, Intermediate source): "The Alliance is sharing ..." kept without the sentence
    # that named "the Alliance for Bangladesh Worker Safety"
    units = _units(
        "Farmers in the valley lost their crops in the spring floods.",
        "A group of shops, the Union for Fair Farming, has given money to the worst-hit families.",
        "Prices of rice have risen in the capital.",
        '"The Union is also paying for new seeds, so we can plant again," a farmer said.',
    )
    assert 1 in dependencies(units)[3]


@pytest.mark.parametrize("topic", ["Then, there's online banking.", "There's also the weather."])
def test_a_sentence_that_only_announces_a_topic_needs_the_next(topic: str) -> None:
    # round read8 (train, Intermediate source): "Then, there's wearable technology." kept while the
    # sentence that told what about it was left out
    units = _units("Shops have changed a lot.", topic, "It lets people do in minutes what took a day.")
    assert 2 in dependencies(units)[1]
    plain = _units("Shops have changed a lot.", "There's a new bank in town.", "Prices rose.")
    assert 2 not in dependencies(plain)[1]


def test_a_quotation_right_after_the_writers_question_needs_it() -> None:
    # round read8 (train, Intermediate source): '"I don't think that's how MOOCs work," says Brabon.'
    # kept after "Could an entire degree be taught via MOOCs?" was left out
    units = _units(
        "Night schools are popular again.",
        "Could a whole diploma be done at night?",
        '"I doubt that is how evening classes work," says Mr Hale.',
    )
    assert 1 in dependencies(units)[2]
    told = _units("Night schools are popular again.", '"We love it," says Mr Hale.')
    assert 0 not in dependencies(told)[1]


def test_a_they_after_letters_that_name_a_thing_is_bound_in_its_sentence() -> None:
    # round read8 (train, Intermediate source): "MOOCs may be popular at the beginning, but they have
    # very poor completion rates" was read as an unnamed "they" and chained back through a whole series
    # of questions
    assert not refers_back("SUVs sell well in the city, but they use a lot of fuel.")
    assert refers_back("In the city, they use a lot of fuel.")


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        # dev reading: "Jones believes the whole approach can only help." kept without the coach, the
        # psychologist and the weekly talks that make up the approach
        ("Dr Lee thinks the whole approach will pay off.", True),
        ("Nobody expected the whole process would take so long.", True),
        ("The whole village came out to watch the race.", False),  # a place, not a summary
        ("The bank changed the whole system of payments last year.", False),  # "of" says which
    ],
)
def test_the_whole_approach_sums_up_what_came_before(text: str, refers: bool) -> None:
    assert refers_back(text) is refers
