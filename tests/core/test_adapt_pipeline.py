"""The adaptation pipeline end to end: levels, verification, determinism, metadata."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.adapt import adapt_story, adapt_text, verify
from vocabsphere.core.adapt.builder import Draft, DraftSentence
from vocabsphere.core.adapt.pipeline import _only_adds
from vocabsphere.core.adapt.verify import LEVELS, hits_target, measure, refine
from vocabsphere.core.levels.text_level import TextLevel
from vocabsphere.core.lexicon import Lexicon

PARAGRAPHS = [
    "Heavy floods hit the northern Portuguese city of Porto on Monday, forcing approximately 12,480 "
    "residents to leave their homes, and emergency services warned that the situation could deteriorate "
    "considerably over the coming days.",
    "The floods, which were caused by three days of unprecedented rainfall, damaged bridges, roads and "
    "the historic riverside district, according to the regional authorities.",
    "Maria Lopes, a local shopkeeper, said the water had risen faster than anyone had anticipated. "
    '"We had no time to move anything," she told reporters, describing the devastation as heartbreaking.',
    "The government announced an emergency fund of 25.6 million euros, which will be distributed by "
    "municipal councils to families whose properties were substantially damaged.",
    "Meteorologists have attributed the exceptional rainfall to a persistent low-pressure system, "
    "although some scientists argue that climate change is making such extreme events increasingly frequent.",
    "In 2001, a similar flood destroyed a bridge in the region, killing dozens of people, and the disaster "
    "prompted a lengthy investigation into the maintenance of public infrastructure.",
    "Schools in the affected neighbourhoods will remain closed until Thursday, while volunteers continue "
    "to distribute food, blankets and drinking water to residents sheltering in sports halls.",
]
STORY = "\n".join(PARAGRAPHS)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon | None:
    path = os.environ.get("VOCABSPHERE_LEXICON")
    return Lexicon.open(path) if path and Path(path).is_file() else None


def test_a2_is_shorter_and_lower_than_b2(nlp: Language, lexicon: Lexicon | None) -> None:
    versions = {v.level_target: v for v in adapt_story(STORY, lexicon=lexicon, nlp=nlp, extra_levels=False)}
    a2, b1, b2 = versions["A2"], versions["B1"], versions["B2"]
    assert len(a2.text.split()) < len(b2.text.split())
    assert a2.measured_score < b2.measured_score
    assert a2.paragraphs[0].startswith("Heavy floods hit")  # the lead is kept
    assert "Porto" in a2.text
    assert b1.measured_score <= b2.measured_score


def test_version_metadata(nlp: Language, lexicon: Lexicon | None) -> None:
    v = adapt_text(STORY, "A2", lexicon=lexicon, nlp=nlp)
    assert v.text == "\n\n".join(v.paragraphs)
    steps = dict(v.steps_applied)
    assert steps["content"] > 0 and steps["verify_rounds"] >= 1
    assert {"pipeline", "text_level", "word_level", "lexicon", "spacy_model"} <= set(v.model_versions)
    assert sum(v.vocabulary_profile.values()) > 0
    # "what changed": source paragraph -> version paragraph, both increasing
    assert [s for s, _ in v.changes] == sorted(s for s, _ in v.changes)
    assert [t for _, t in v.changes] == list(range(len(v.paragraphs)))
    for g in v.glosses:
        assert v.paragraphs[g.paragraph][g.start : g.end] == g.word


def test_numbers_rounded_at_a2(nlp: Language) -> None:
    v = adapt_text(PARAGRAPHS[0], "A2", lexicon=None, nlp=nlp)
    assert "about 12,000" in v.text
    assert "approximately" not in v.text


def test_deterministic(nlp: Language, lexicon: Lexicon | None) -> None:
    first = adapt_story(STORY, lexicon=lexicon, nlp=nlp)
    second = adapt_story(STORY, lexicon=lexicon, nlp=nlp)
    assert [v.text for v in first] == [v.text for v in second]
    assert [v.measured_score for v in first] == [v.measured_score for v in second]


def test_c1_is_the_source_lightly_edited(nlp: Language) -> None:
    v = adapt_text(STORY, "C1", lexicon=None, nlp=nlp)
    assert v.paragraphs == tuple(PARAGRAPHS)


def test_verification_flags_a_miss(nlp: Language) -> None:
    doc = nlp(PARAGRAPHS[4])
    calls: list[int] = []

    def build(strength: int) -> tuple[str, Doc]:
        calls.append(strength)
        return "hard text", doc

    checked = refine(build, "A1", max_rounds=3)
    assert calls == [0, 1, 2]  # simplified further each round
    assert not checked.hit and checked.rounds == 3
    assert checked.measured.level != "A1"
    assert hits_target("A2", "B1") and not hits_target("B2", "B1")


def test_verification_returns_the_best_attempt_on_a_miss(nlp: Language) -> None:
    docs = [nlp(PARAGRAPHS[4]), nlp(PARAGRAPHS[0]), nlp(STORY)]

    def build(strength: int) -> tuple[int, Doc]:
        return strength, docs[strength]

    checked = refine(build, "A1", max_rounds=3)
    ranks = [LEVELS.index(measure(doc).level) for doc in docs]
    # The first attempt at the lowest level reached: later rounds only cut more of the story.
    assert checked.candidate == ranks.index(min(ranks))


def test_unknown_level_and_empty_text_rejected(nlp: Language) -> None:
    with pytest.raises(ValueError):
        adapt_text(STORY, "D1", lexicon=None, nlp=nlp)
    with pytest.raises(ValueError):
        adapt_text("   ", "A2", lexicon=None, nlp=nlp)


def test_story_levels_sorted_and_a1_only_when_reached(nlp: Language) -> None:
    versions = adapt_story(STORY, lexicon=None, nlp=nlp)
    levels = [v.level_target for v in versions]
    assert levels == sorted(levels)
    assert {"A2", "B1", "B2"} <= set(levels)
    assert all(v.hit_target for v in versions if v.level_target == "A1")
    simple = "The cat sat on the mat. It was happy. The sun was warm. The cat slept."
    assert "A1" in [v.level_target for v in adapt_story(simple, lexicon=None, nlp=nlp)]


QUOTED_STORY = "\n".join(
    [
        "The city council approved a controversial plan to close the old harbour on Tuesday, despite "
        "considerable opposition from local fishermen and several environmental organisations.",
        '"This decision is devastating for our community," said Ana Costa, who chairs the fishermen\'s '
        'association. "The harbour has sustained approximately 400 families for generations, and nobody '
        "has offered a plausible alternative. We will challenge the council's unprecedented decision in "
        'court."',
        "The council said the harbour's infrastructure had deteriorated substantially and that repairs "
        "would cost an estimated 12.7 million euros, which the municipality could not afford.",
        "Environmental groups, which have campaigned for years to protect the estuary, argued that the "
        "closure would nevertheless damage the fragile ecosystem of the surrounding wetlands.",
    ]
)


@pytest.mark.parametrize("level", ["A2", "B1"])
def test_a_quotation_over_several_sentences_is_never_rewritten(
    nlp: Language, lexicon: Lexicon | None, level: str
) -> None:
    version = adapt_text(QUOTED_STORY, level, lexicon=lexicon, nlp=nlp, inline_glosses=False)
    said = {
        "sustained": "The harbour has sustained approximately 400 families for generations, and nobody has "
        "offered a plausible alternative.",
        "challenge": "We will challenge the council's unprecedented decision in court.",
    }
    for marker, sentence in said.items():
        # Kept word for word, or left out whole: a shortened or simplified quotation is a misquotation.
        assert sentence in version.text or marker not in version.text
    for paragraph in version.paragraphs:
        assert paragraph.count('"') % 2 == 0, paragraph  # every quotation opened is closed


def test_selection_keeps_a_quotation_whole_or_leaves_it_out_whole(nlp: Language) -> None:
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache, prepare

    quotation = (
        "The harbour has sustained approximately 400 families for generations, and nobody has offered a "
        "plausible alternative.",
        "We will challenge the council's unprecedented decision in court.\"",
    )
    for budget in (30, 45, 60, 200):
        builder = VersionBuilder(prepare(QUOTED_STORY), ParseCache(nlp), None, max_words=budget)
        draft, _ = builder.build("A2")
        text = " ".join(s.text for s in draft.sentences)
        kept = [part in text for part in quotation]
        assert all(kept) or not any(kept), (budget, text)
        assert text.count('"') % 2 == 0, text


def test_quote_states_follow_a_quotation_through_its_paragraph() -> None:
    from vocabsphere.core.adapt.document import balancing_marks, prepare, quote_states

    units = prepare('He spoke. "It is bad. We will fight. We will win," she said. Then he left.').units
    states = quote_states(units)
    assert [(s.starts_inside, s.ends_inside) for s in states] == [
        (False, False),
        (False, True),
        (True, True),  # "We will fight." carries no mark but is somebody's words
        (True, False),
        (False, False),
    ]
    assert [s.quoted for s in states] == [False, True, True, True, False]
    paragraphs = [u.paragraph for u in units]
    # Keeping only the middle sentence of the quotation needs both marks; keeping it all needs none.
    assert balancing_marks([0, 2, 4], states, paragraphs) == {2: (True, True)}
    assert balancing_marks([1, 2, 3], states, paragraphs) == {}
    assert balancing_marks([1, 4], states, paragraphs) == {1: (False, True)}


def test_sentence_measure_is_the_measure_of_the_joined_parses(nlp: Language) -> None:
    from vocabsphere.core.adapt.document import ParseCache
    from vocabsphere.core.adapt.verify import SentenceMeasure

    cache = ParseCache(nlp)
    texts = [s for p in PARAGRAPHS for s in p.split(". ")]
    doc = cache.join(texts)
    fast = SentenceMeasure(cache.get)
    assert fast.level(texts, doc) == measure(doc)  # grammar found sentence by sentence, same figures
    assert fast.level(texts[:3], cache.join(texts[:3])) == measure(cache.join(texts[:3]))


def test_a_miss_is_not_traded_for_a_much_shorter_version(nlp: Language) -> None:
    # dev 'banksy' at A2: a 19-sentence version measuring B2 was replaced by its lead alone, measuring B1
    docs = [nlp(STORY), nlp(PARAGRAPHS[0]), nlp(PARAGRAPHS[2])]
    sizes = [400, 300, 20]
    ranks = [LEVELS.index(measure(doc).level) for doc in docs]
    assert ranks[2] < ranks[0] and not hits_target(LEVELS[ranks[2]], "A1")  # the short one measures lower

    def build(strength: int) -> tuple[int, Doc]:
        return strength, docs[strength]

    assert refine(build, "A1", max_rounds=3, size=lambda c: sizes[c]).candidate == 0  # 20 < 0.3 * 400
    assert refine(build, "A1", max_rounds=3).candidate == 2  # without sizes: the lowest level reached
    # Round adapt-2.0 (train): A2 misses shrank to a third of the story to measure B1 and lost its names
    # and numbers; a miss keeping under half of the first attempt's words is not taken either.
    assert refine(build, "A1", max_rounds=3, size=lambda c: [400, 300, 180][c]).candidate == 0
    assert refine(build, "A1", max_rounds=3, size=lambda c: [400, 300, 220][c]).candidate == 2


def test_a_hit_that_drops_most_of_the_story_is_not_taken(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Train (round adapt-1.9): 'amazon' reached A2 as 35 words of a 700-word article, and a held-out
    # B1 version kept 7 of 23 sentences; the search stops there and flags the fuller version instead.
    # The general share (``MIN_HIT_KEPT``): the levels' own shares are another test's.
    monkeypatch.setattr(verify, "HIT_KEPT", {})
    docs = [nlp(STORY), nlp(STORY), nlp(PARAGRAPHS[2])]
    ranks = [LEVELS.index(measure(doc).level) for doc in docs]
    assert ranks[2] < ranks[0]
    target = LEVELS[ranks[2]]  # only the short last attempt reaches it

    def build(strength: int) -> tuple[int, Doc]:
        return strength, docs[strength]

    short = refine(build, target, max_rounds=3, size=lambda c: [400, 340, 20][c])
    assert short.candidate == 0 and not short.hit and short.rounds == 3  # 20 < 0.3 * 400: not a version
    fuller = refine(build, target, max_rounds=3, size=lambda c: [400, 340, 200][c])
    assert fuller.candidate == 2 and fuller.hit  # half the story at the level is


def test_a_later_round_is_replaced_by_the_fullest_in_between_attempt_as_low(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A round cuts 30 % of the budget at once: a version one small cut away from its level lost a third
    # of the story (train 'wnl_apple' reached A2 as 170 words of 70 names and numbers' worth). The budgets
    # between the last two rounds are tried too, and the fullest attempt that still measures as low wins.
    monkeypatch.setattr(verify, "HIT_KEPT", {})  # 280 of 400 words is a hit at any level here
    hard, easy = nlp(STORY), nlp(PARAGRAPHS[2])
    assert LEVELS.index(measure(easy).level) < LEVELS.index(measure(hard).level)
    target = measure(easy).level
    tried: list[float] = []

    def build(strength: int) -> tuple[str, Doc]:
        return f"round {strength}", hard if strength == 0 else easy

    def between(strength: int, budget_round: float, kept: str) -> tuple[str, Doc]:
        assert strength == 1  # every other setting of the round kept
        tried.append(budget_round)
        return f"budget {budget_round}", easy if budget_round >= 0.5 else hard

    sizes = {
        "round 0": 400,
        "round 1": 200,
        "budget 0.5": 280,
        "budget 0.25": 340,
        "budget 0.75": 240,
        "x": 380,
    }
    checked = refine(build, target, max_rounds=3, size=sizes.__getitem__, between=between)
    assert tried == [0.5, 0.25]  # halfway, then halfway again towards the fuller round
    assert checked.candidate == "budget 0.5" and checked.hit and checked.rounds == 2
    # Nothing in between measures as low: the round's own version stays.
    never = refine(build, target, max_rounds=3, size=sizes.__getitem__, between=lambda s, b, k: ("x", hard))
    assert never.candidate == "round 1" and never.hit
    # Nor when the fuller attempt does more than add to the kept version (``grows`` refuses it).
    refused = refine(
        build, target, max_rounds=3, size=sizes.__getitem__, between=between, grows=lambda f, k: False
    )
    assert refused.candidate == "round 1"
    # The first attempt has nothing fuller before it.
    assert refine(build, "C2", max_rounds=3, between=between).candidate == "round 0"


def test_a_miss_is_replaced_by_a_fuller_attempt_measuring_as_low(nlp: Language) -> None:
    # The same on a miss: the first attempt at the lowest level reached, or a fuller one as low.
    hard, easy = nlp(STORY), nlp(PARAGRAPHS[2])
    below = LEVELS[LEVELS.index(measure(easy).level) - 1]  # no attempt reaches it

    def build(strength: int) -> tuple[str, Doc]:
        return f"round {strength}", hard if strength == 0 else easy

    sizes = {"round 0": 400, "round 1": 300, "round 2": 210, "budget 0.5": 350, "budget 0.25": 380}
    checked = refine(
        build,
        below,
        max_rounds=3,
        size=sizes.__getitem__,
        between=lambda s, b, k: (f"budget {b}", easy if b >= 0.5 else hard),
    )
    assert checked.candidate == "budget 0.5" and not checked.hit and checked.rounds == 3


def test_a_fuller_attempt_only_adds_sentences_that_follow_one_it_keeps(nlp: Language) -> None:
    # Train review (round adapt-facts): an in-between attempt added "The multimillion-pound project would
    # feature a hotel" right after another project's sentence (the one naming its project was cut), and
    # a budget between two rounds chose other sentences altogether. A fuller version keeps the kept one's
    # sentences and adds only sentences whose source sentence before is in it too.
    story = [
        "The town will open a new science centre next year.",
        "The centre will cost 14 million pounds.",
        "The mayor also has bigger plans.",
        "She wants to build a village for stargazers on the hill.",
        "The project would bring 100,000 visitors a year.",
    ]
    doc = nlp(story[0])

    def version(*units: int) -> tuple[Draft, Doc]:
        return Draft(tuple(DraftSentence(0, story[u], (), u) for u in units), ()), doc

    kept = version(0, 1)
    assert _only_adds(version(0, 1, 2), kept)  # follows a kept sentence
    assert _only_adds(version(0, 1, 2, 3, 4), kept)
    assert not _only_adds(version(0, 1, 4), kept)  # "The project" after the centre's cost: another project
    assert not _only_adds(version(0, 2, 3), kept)  # drops a kept sentence


def test_an_in_between_attempt_adds_to_the_kept_version_in_the_sources_order(nlp: Language) -> None:
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache, prepare

    builder = VersionBuilder(prepare(STORY), ParseCache(nlp), None)
    kept = frozenset({0, 1, 4})
    draft, _ = builder.build("A2", 1, 0.5, base=kept)
    units = {s.unit for s in draft.sentences}
    assert kept <= units and units - kept  # the budget of round 0.5 has room for more
    assert all(u - 1 in units for u in units - kept)  # each added sentence with the one before it


def test_a_later_round_grows_by_sentences_that_keep_its_level(nlp: Language) -> None:
    # Round facts (train 'japan' at A2): the version that reached A2 at the third round kept 315 words
    # of a 573-word first attempt, and no in-between budget added a sentence (the round's sentence length
    # limit left out the longer ones). The level is an average over sentences: added one at a time, in
    # the source's order, a sentence stays when the version still measures as low, else it is skipped.
    hard, easy = nlp(STORY), nlp(PARAGRAPHS[2])
    target = measure(easy).level
    assert LEVELS.index(target) < LEVELS.index(measure(hard).level)

    def build(strength: int) -> tuple[str, Doc]:
        return f"round {strength}", hard if strength == 0 else easy

    def adding(name: str, doc: Doc) -> Callable[[str], tuple[str, Doc] | None]:
        return lambda kept: (f"{kept} + {name}", doc)

    rounds: list[int] = []

    def more(strength: int, kept: str) -> list[Callable[[str], tuple[str, Doc] | None]]:
        rounds.append(strength)
        too_long = lambda kept: None  # noqa: E731 - beyond the level's budget: not built, not a try
        return [adding("plain", easy), adding("hard", hard), too_long, adding("plain again", easy)]

    checked = refine(build, target, max_rounds=3, more=more)
    assert rounds == [1]  # the round the kept version comes from
    assert checked.candidate == "round 1 + plain + plain again" and checked.hit and checked.rounds == 2
    # A miss grows the same way at the level it measures.
    below = LEVELS[LEVELS.index(target) - 1]
    missed = refine(build, below, max_rounds=3, more=more)
    assert missed.candidate == "round 1 + plain + plain again" and not missed.hit


def test_a_first_round_hit_grows_where_there_is_room(nlp: Language) -> None:
    # Round facts4 (train, A2): a first-round hit was kept as the greedy selection left it, at 60 % of
    # the story (the level's budget), while the Elementary editors tell two thirds of it and a miss
    # may grow that far. It now grows like any version: by what keeps its level, where ``more``
    # (``content.grow_budget``) allows it; with no room, ``more`` offers nothing that fits.
    hard, easy = nlp(STORY), nlp(PARAGRAPHS[2])
    target = measure(easy).level
    told: list[int] = []

    def more(strength: int, kept: str) -> list[Callable[[str], tuple[str, Doc] | None]]:
        told.append(strength)
        return [
            lambda kept: (f"{kept} + hard", hard),
            lambda kept: None,
            lambda kept: (f"{kept} + plain", easy),
        ]

    checked = refine(lambda s: (f"round {s}", easy), target, max_rounds=3, more=more)
    assert told == [0] and checked.candidate == "round 0 + plain" and checked.hit
    no_room = refine(lambda s: (f"round {s}", easy), target, max_rounds=3, more=lambda s, k: [lambda k: None])
    assert no_room.candidate == "round 0" and no_room.rounds == 1


def test_a_first_round_miss_grows_at_the_level_it_measures(nlp: Language) -> None:
    # Round facts2 (train, A2): half the A2 versions miss at the first round, and every later round
    # measured as high, so the first attempt was kept as it was, cut to the A2 budget with the story's
    # names and numbers (76 % kept, against 80 % in first-round hits). It now grows like a later round's
    # version (``content.grow_budget``: it may grow past the level's budget).
    hard, easy = nlp(STORY), nlp(PARAGRAPHS[2])
    target = LEVELS[LEVELS.index(measure(easy).level) - 1]
    told: list[int] = []

    def build(strength: int) -> tuple[str, Doc]:
        return f"round {strength}", easy  # every round measures the same, above the target

    def more(strength: int, kept: str) -> list[Callable[[str], tuple[str, Doc] | None]]:
        told.append(strength)
        return [lambda kept: (f"{kept} + plain", easy), lambda kept: (f"{kept} + hard", hard)]

    checked = refine(build, target, max_rounds=3, more=more)
    assert told == [0] and checked.candidate == "round 0 + plain" and not checked.hit


def test_a_miss_grows_only_by_what_does_not_raise_its_score(nlp: Language) -> None:
    # Grown from the first round past the level's budget at the level it measures, a miss could end
    # harder within that level (train A2 misses: 3.45 -> 3.53 on average) though it is the version for
    # a lower level; held to its score it does not.
    from dataclasses import replace

    easy = nlp(PARAGRAPHS[2])
    level = measure(easy)
    target = LEVELS[LEVELS.index(level.level) - 1]

    def scored(candidate: str, doc: Doc) -> TextLevel:
        return replace(level, score=level.score + 0.01 * candidate.count("harder"))

    def more(strength: int, kept: str) -> list[Callable[[str], tuple[str, Doc] | None]]:
        return [lambda kept: (f"{kept} + harder", easy), lambda kept: (f"{kept} + as easy", easy)]

    missed = refine(lambda s: (f"round {s}", easy), target, max_rounds=1, measure_with=scored, more=more)
    assert missed.candidate == "round 0 + as easy" and not missed.hit


def test_growing_tries_a_few_additions(nlp: Language) -> None:
    from vocabsphere.core.adapt.verify import GROW_TRIES

    hard, easy = nlp(STORY), nlp(PARAGRAPHS[2])
    built: list[int] = []

    def build(strength: int) -> tuple[str, Doc]:
        return f"round {strength}", hard if strength == 0 else easy

    def adding(k: int) -> Callable[[str], tuple[str, Doc] | None]:
        def add(kept: str) -> tuple[str, Doc]:
            built.append(k)
            return f"{kept} + {k}", hard

        return add

    checked = refine(
        build, measure(easy).level, max_rounds=3, more=lambda s, k: [adding(k) for k in range(50)]
    )
    assert checked.candidate == "round 1" and built == list(range(GROW_TRIES))  # each costs a build


def test_a_sentence_is_added_with_the_ones_before_it_and_what_it_needs(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vocabsphere.core.adapt import content
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache, prepare

    story = [
        "A small museum in the hills has found a lost painting by a local artist.",
        "The painting shows a boat on a lake at night.",
        "It was hidden behind a cupboard for 60 years.",
        "Visitors can see it from Friday.",
        "The museum will also sell postcards of the painting.",
        "Tickets cost five pounds.",
    ]
    builder = VersionBuilder(prepare("\n".join(story)), ParseCache(nlp), None)
    kept = frozenset({0, 1})
    # "Visitors can see it" comes with the sentence before it (back to the kept ones).
    assert builder.grown("B2", 1, kept, 3) == frozenset({0, 1, 2, 3})
    assert builder.grown("B2", 1, kept, 2) == frozenset({0, 1, 2})
    assert builder.grown("B2", 1, kept, 1) is None  # kept already
    # Nothing beyond the level's first budget (A2: at least 150 words; this story has fewer, so the
    # budget is the whole story and everything fits; with a 20-word cap, no sentence and its lead-in).
    assert builder.grown("A2", 1, kept, 3) == frozenset(range(4))
    monkeypatch.setattr(content, "MIN_BUDGET", 1)
    capped = VersionBuilder(prepare("\n".join(story)), ParseCache(nlp), None, max_words=20)
    assert capped.grown("A2", 1, kept, 3) is None


def test_a_paragraph_opening_without_a_pronoun_is_added_alone(nlp: Language) -> None:
    # Growth took every sentence back to a kept one, so one refused sentence right after the lead held
    # back all the later paragraphs before the kept ones (train: 360 words of room left unused). A
    # paragraph's opening sentence starts a new step of the story; what it leans on is in its needs.
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache, prepare

    story = [
        "A small museum in the hills has found a lost painting by a local artist. "
        "The painting shows a boat on a lake at night.",
        "Experts from Vienna and Oslo studied the colours for two months. "
        "They say the paint came from Italy.",
        "Tickets for the opening in March cost five pounds.",
        "The museum will show it in the main hall.",
    ]
    builder = VersionBuilder(prepare("\n".join(story)), ParseCache(nlp), None)
    kept = frozenset({0})
    assert builder.grown("B2", 1, kept, 4) == frozenset({0, 4})  # before: {0, 1, 2, 3, 4}
    assert builder.grown("B2", 1, kept, 3) == frozenset({0, 2, 3})  # inside a paragraph: with the one before
    assert builder.grown("B2", 1, frozenset({0, 4}), 5) == frozenset({0, 4, 5})  # "it": with the one before


def test_a_version_grows_to_the_human_editors_share(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    from vocabsphere.core.adapt import content
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache, prepare

    story = [
        "A small museum in the hills has found a lost painting by a local artist.",
        "The painting shows a boat on a lake at night.",
        "It was hidden behind a cupboard for 60 years.",
        "Visitors can see it from Friday.",
    ]
    # A budget of half the story; the editors keep 80 % of it at that level (invented shares). Any
    # version, a hit too (round facts4), grows past the level's budget up to the editors' share; a
    # version that misses its level (round facts2) is held to its score in ``verify``, not here.
    monkeypatch.setitem(content._BUDGETS, "A2", (0.5, 1, 600))
    monkeypatch.setitem(content.EDITOR_SHARES, "A2", 0.8)
    monkeypatch.setattr(content, "MIN_BUDGET", 1)
    builder = VersionBuilder(prepare("\n".join(story)), ParseCache(nlp), None)
    kept = frozenset({0})
    assert builder.grown("A2", 0, kept, 1) == frozenset({0, 1})  # over half the story, within 80 %
    assert builder.grown("A2", 0, kept, 3) is None  # the whole story is more than that
    monkeypatch.setitem(content.EDITOR_SHARES, "A2", 0.5)
    assert builder.grown("A2", 0, kept, 1) is None  # no share above the level's budget: no room
    capped = VersionBuilder(prepare("\n".join(story)), ParseCache(nlp), None, max_words=20)
    assert capped.grown("A2", 0, kept, 1) is None  # a caller's cap stays


def test_growing_skips_an_addition_that_holds_one_refused(nlp: Language) -> None:
    # Growth adds a sentence with the ones before it back to a kept one: once "It was hidden ..." was
    # built and left out (it raised the level), every later sentence of the same gap came with it and
    # was refused too, spending the tries (train 'skydiver' A2: its 8 tries were one gap).
    from vocabsphere.core.adapt.pipeline import _Story

    story = [
        "A small museum in the hills has found a lost painting by a local artist.",
        "The painting shows a boat on a lake at night.",
        "It was hidden behind a cupboard for 60 years.",
        "Visitors can see it from Friday.",
        "Tickets cost five pounds.",
    ]
    made = _Story("\n".join(story), (), None, nlp)
    kept, _ = made._draft("B2", 1, exact=frozenset({0, 1}))
    steps = made._additions("B2", 1)
    first = steps[2](kept)
    assert first is not None and {s.unit for s in first[0][0].sentences} == {0, 1, 2}
    assert steps[3](kept) is None  # holds sentence 2, which the kept version did not take
    grown, _ = first
    later = steps[3](grown)  # once sentence 2 is kept, sentence 3 is tried
    assert later is not None and {s.unit for s in later[0][0].sentences} == {0, 1, 2, 3}


def test_growing_tries_sentences_with_names_or_numbers_the_version_lacks_first(nlp: Language) -> None:
    # Round names5 (train): a version tries a few additions (``GROW_TRIES``), and in the source's order
    # they went to the first gaps, fact or not, while a later sentence with a name or number the human
    # editors keep was never tried. Sentences adding names or numbers now come first.
    from vocabsphere.core.adapt.pipeline import _Story

    story = [
        "A small museum in the hills has found a lost painting by a local artist.",
        "The painting shows a boat on a lake at night.",
        "People in the village are very happy about it.",
        "Experts from Vienna checked the colours in 2019.",
        "Visitors like the boat best.",
    ]
    made = _Story("\n".join(story), (), None, nlp)
    kept, _ = made._draft("B2", 1, exact=frozenset({0, 1}))
    built = (step(kept) for step in made._additions("B2", 1, kept))
    first = next(b for b in built if b is not None)
    assert {s.unit for s in first[0][0].sentences} == {0, 1, 3}  # Vienna, 2019; not "People ..."
    in_order = (step(kept) for step in made._additions("B2", 1))  # no version to compare: source order
    assert {s.unit for s in next(b for b in in_order if b is not None)[0][0].sentences} == {0, 1, 2}


def test_a_story_s_versions_rank_and_simplify_each_sentence_list_once(
    nlp: Language, lexicon: Lexicon | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every level tries several rounds and in-between budgets on the same sentences: the centrality
    # of a list of sentences and the lexical step of a sentence at a level are worked out once.
    from vocabsphere.core.adapt import builder, content, lexical

    ranked: list[tuple[str, ...]] = []
    simplified: list[tuple[str, str]] = []
    centrality, simplify = content.centrality, lexical.Substituter.simplify

    def counted_centrality(units: list[content.Unit]) -> list[float]:
        ranked.append(tuple(u.text for u in units))
        return centrality(units)

    def counted_simplify(self: lexical.Substituter, sent: object, quoted: bool | None = None) -> object:
        simplified.append((self.level, str(sent)))
        return simplify(self, sent, quoted)  # type: ignore[arg-type]

    monkeypatch.setattr(content, "centrality", counted_centrality)
    monkeypatch.setattr(builder, "centrality", counted_centrality, raising=False)
    monkeypatch.setattr(lexical.Substituter, "simplify", counted_simplify)
    adapt_story(STORY, lexicon=lexicon, nlp=nlp)
    assert ranked and len(ranked) == len(set(ranked))
    assert simplified and len(simplified) == len(set(simplified))


def test_a_quotation_with_a_single_one_inside_is_closed_with_its_own_mark() -> None:
    # round read4: '"It is not about 'Who do I know?' This is about ..." (the quotation going on in the
    # next paragraph) was closed with a single mark when its last sentence was kept alone
    from vocabsphere.core.adapt.document import prepare, quote_states

    units = prepare("He spoke. \"It is not about 'Who do I know?' It is about your idea.\n\nShe left.").units
    states = quote_states(units)
    assert states[2].starts_inside and states[2].mark == '"'


def test_no_aside_split_off_before_a_sentence_that_goes_on_from_the_main_clause(nlp: Language) -> None:
    # round read5: "Allen has never done any formal training. Allen is a keen dancer. Instead, she ..."
    # put the aside between the main clause and the sentence that goes on from it
    from vocabsphere.core.adapt.builder import VersionBuilder
    from vocabsphere.core.adapt.document import ParseCache, prepare

    def version(after: str) -> list[str]:
        story = (
            "Mrs Hale runs a dance class in a small village near the coast. "
            f"Hale, a retired nurse, has never taken any lessons as a teacher. {after}"
        )
        draft, _ = VersionBuilder(prepare(story), ParseCache(nlp), None).build(
            "B1", exact=frozenset({0, 1, 2})
        )
        return [s.text for s in draft.sentences]

    kept = version("Instead, she learned her steps from old videos of famous teachers.")
    assert "Hale, a retired nurse, has never taken any lessons as a teacher." in kept
    # a next sentence that does not go on from the main clause leaves the split as it was
    split = version("She learned her steps from old videos of famous teachers.")
    assert "Hale is a retired nurse." in split


def test_a_hit_keeping_too_little_of_the_story_gives_way_to_the_fuller_miss(nlp: Language) -> None:
    # Issue #14 (dev 'malala' at B1): the story measured B2 as 711 words and reached B1 only as its
    # lead and a few sentences, 310 words after growing. Below the level's share of the first
    # attempt (``verify.HIT_KEPT``), even once grown, the fuller version is kept, flagged as missing.
    from dataclasses import replace

    from vocabsphere.core.adapt.verify import HIT_KEPT

    base = measure(nlp(PARAGRAPHS[2]))
    sizes = {"round 0": 400, "round 1": 330, "round 2": 180, "round 2 + more": 310}

    def build(strength: int) -> tuple[str, Doc]:
        return f"round {strength}", nlp(PARAGRAPHS[2])

    def level_of(level: str) -> Callable[[str, Doc], TextLevel]:
        # only round 2 (and what grows from it) reaches ``level``; the rest measure the level above
        above = LEVELS[LEVELS.index(level) + 1]
        return lambda c, d: replace(base, level=level if c.startswith("round 2") else above)

    def growing(to: str) -> Callable[[int, str], list[Callable[[str], tuple[str, Doc] | None]]]:
        return lambda s, kept: [lambda k: (to, nlp(PARAGRAPHS[2])) if k == "round 2" else None]

    for level in ("A2", "B1"):
        assert 180 < HIT_KEPT[level] * 400 <= 310
        short = refine(build, level, max_rounds=3, measure_with=level_of(level), size=sizes.__getitem__)
        assert short.candidate == "round 0" and not short.hit and short.measured.level != level
        grown = refine(
            build,
            level,
            max_rounds=3,
            measure_with=level_of(level),
            size=sizes.__getitem__,
            more=growing("round 2 + more"),
        )
        assert grown.candidate == "round 2 + more" and grown.hit  # grown to the share, it is a version
    # A level without a share of its own keeps the general one (``MIN_HIT_KEPT``): 180 of 400 words is one.
    assert "B2" not in HIT_KEPT
    b2 = refine(build, "B2", max_rounds=3, measure_with=level_of("B2"), size=sizes.__getitem__)
    assert b2.candidate == "round 2" and b2.hit
