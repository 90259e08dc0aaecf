"""The wrong options a collocation item shows are chosen so that their lengths do not give the key
away: over many items, picking the longest option, the shortest, or one of middle length finds
the key about as often as a guess (issue #17's cue-only solvers)."""

from __future__ import annotations

from vocabsphere.core.exercises.option_lengths import balanced_wrong, length_hits, seeded

PREPOSITIONS = ("on", "of", "to", "for", "with", "from", "about")


def mean_hits(key: str, wrong: tuple[str, ...], count: int, draws: int = 400) -> tuple[float, ...]:
    totals = [0.0, 0.0, 0.0]
    for n in range(draws):
        shown = balanced_wrong(key, wrong, count, seeded("an invented sentence", n))
        assert len(shown) == count and len(set(shown)) == count and key not in shown
        for i, hit in enumerate(length_hits(key, (key, *shown))):
            totals[i] += hit / draws
    return tuple(totals)


def test_length_hits_break_ties_at_random() -> None:
    assert length_hits("made", ("made", "did", "said")) == (0.5, 0.0, 1 / 3)  # no middle length
    assert length_hits("for", ("for", "of", "from")) == (0.0, 0.0, 1.0)  # the key alone in the middle
    assert length_hits("on", ("on", "of", "to")) == (1 / 3, 1 / 3, 1 / 3)  # one length: no cue


def test_the_first_listed_wrong_options_gave_the_key_away() -> None:
    # The old choice (the first three that passed) made a 4-letter key the longest every time.
    wrong = tuple(p for p in PREPOSITIONS if p != "with")
    assert length_hits("with", ("with", *wrong[:3]))[0] == 1.0
    longest, shortest, middle = mean_hits("with", wrong, 3)
    assert longest <= 0.25 + 0.05 and shortest <= 0.25 + 0.05 and middle <= 0.25 + 0.05


def test_a_light_verb_key_is_not_the_longest_option_when_longer_wrong_ones_exist() -> None:
    # "made" beside "did" and "said" is the longest (or tied); "performed" lets it be the middle.
    longest, shortest, middle = mean_hits("made", ("did", "said", "performed"), 2)
    assert longest <= 1 / 3 + 0.05 and shortest <= 1 / 3 + 0.05 and middle <= 1 / 3 + 0.05
    assert abs(mean_hits("made", ("did", "said"), 2)[0] - 0.5) < 1e-9  # nothing to choose: as before


def test_the_draw_depends_only_on_the_item() -> None:
    wrong = tuple(p for p in PREPOSITIONS if p != "for")
    first = balanced_wrong("for", wrong, 3, seeded("We waited for the bus.", 2))
    assert first == balanced_wrong("for", wrong, 3, seeded("We waited for the bus.", 2))
