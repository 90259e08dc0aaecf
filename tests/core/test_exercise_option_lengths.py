"""The wrong options a collocation item shows are chosen so that their lengths do not give the key
away: over many items, picking the longest option, the shortest, or one of middle length finds
the key about as often as a guess (issue #17's cue-only solvers)."""

from __future__ import annotations

from vocabsphere.core.exercises.option_lengths import balanced_wrong, gives_away, length_hits, seeded

PREPOSITIONS = ("on", "of", "to", "for", "with", "from", "about")


def mean_hits(
    key: str, wrong: tuple[str, ...], count: int, fewest: int | None = None, draws: int = 400
) -> tuple[float, ...]:
    """Mean advantage over chance of the longest / shortest / middle-length pick."""
    totals = [0.0, 0.0, 0.0]
    for n in range(draws):
        shown = balanced_wrong(key, wrong, count, seeded("an invented sentence", n), fewest)
        assert (fewest or count) <= len(shown) <= count and len(set(shown)) == len(shown) and key not in shown
        for i, hit in enumerate(length_hits(key, (key, *shown))):
            totals[i] += (hit - 1 / (len(shown) + 1)) / draws
    return tuple(totals)


def test_length_hits_break_ties_at_random() -> None:
    assert length_hits("made", ("made", "did", "said")) == (0.5, 0.0, 1 / 3)  # no middle length
    assert length_hits("for", ("for", "of", "from")) == (0.0, 0.0, 1.0)  # the key alone in the middle
    assert length_hits("on", ("on", "of", "to")) == (1 / 3, 1 / 3, 1 / 3)  # one length: no cue


def test_the_first_listed_wrong_options_gave_the_key_away() -> None:
    # The old choice (the first three that passed) made a 4-letter key the longest every time.
    wrong = tuple(p for p in PREPOSITIONS if p != "with")
    assert length_hits("with", ("with", *wrong[:3]))[0] == 1.0
    assert max(mean_hits("with", wrong, 3)) <= 0.05
    assert max(mean_hits("with", wrong, 3, fewest=2)) <= 0.05


def test_a_light_verb_key_is_not_the_longest_option_when_longer_wrong_ones_exist() -> None:
    # "made" beside "did" and "said" is the longest (or tied); "performed" lets it be the middle.
    assert max(mean_hits("made", ("did", "said", "performed"), 3, fewest=2)) <= 0.05
    assert abs(mean_hits("made", ("did", "said"), 3, fewest=2)[0] - 1 / 6) < 1e-9  # nothing to choose


def test_a_short_key_among_short_wrong_options() -> None:
    # "on" beside "of", "to" and one longer word was the shortest option one time in three (chance:
    # one in four); "of | on | to" (three options of one length) gives nothing away.
    wrong = tuple(p for p in PREPOSITIONS if p != "on")
    assert balanced_wrong("on", wrong, 3, seeded("an invented sentence", 1), fewest=2) == ("of", "to")
    # "for", the one 3-letter preposition, is the middle length beside any two others: it is drawn
    # as the longest or the shortest often enough to leave the middle-length pick near chance.
    assert all(
        abs(gain) <= 0.1 for gain in mean_hits("for", tuple(p for p in PREPOSITIONS if p != "for"), 3, 2)
    )


def test_the_draw_depends_only_on_the_item() -> None:
    wrong = tuple(p for p in PREPOSITIONS if p != "for")
    first = balanced_wrong("for", wrong, 3, seeded("We waited for the bus.", 2))
    assert first == balanced_wrong("for", wrong, 3, seeded("We waited for the bus.", 2))


def test_no_item_whose_key_its_length_gives_away() -> None:
    assert gives_away("up", ("away", "back"), 3, 2)  # the shortest whatever is shown
    assert gives_away("about", ("on", "of", "to"), 3, 2)  # the longest
    assert gives_away("for", ("of", "from"), 3, 2)  # the one middle length
    assert not gives_away("on", ("of", "to", "with"), 3, 2)  # "of | on | to"
    assert not gives_away("made", ("did", "said", "performed"), 3, 2)
