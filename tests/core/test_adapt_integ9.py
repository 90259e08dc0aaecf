"""Faults the integrator found reading dev 21-30 on adapt-2.9 (issue 14), pinned on our own invented
sentences: an announcing "Here are three ..." and a name a ", which ..." clause describes."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.adapt.coherence import dependencies, without_turn
from vocabsphere.core.adapt.content import Unit
from vocabsphere.core.adapt.references import definite_references


def test_here_are_three_announces_the_next_sentence() -> None:
    # "Here are three of the key trends ..." was kept while the first trend was left out
    texts = (
        "Cities are changing the way people travel.",
        "Here are three of the changes that experts expect over the next ten years.",
        "Bike lanes are spreading fast in big cities.",
    )
    assert 2 in dependencies([Unit(0, t, len(t.split())) for t in texts])[1]
    plain = ("Cities are changing.", "Here is the station where the trains stop.", "It opened in May.")
    assert 2 not in dependencies([Unit(0, t, len(t.split())) for t in plain])[1]  # no count: no list
    not_here = ("Cities are changing.", "There are three new stations here.", "It opened in May.")
    assert 2 not in dependencies([Unit(0, t, len(t.split())) for t in not_here])[1]


def test_a_name_a_which_clause_describes_is_needed_where_it_comes_back(nlp: Language) -> None:
    # "... thanks to Waze." was kept without "apps like Waze, which uses real-time traffic data ..."
    texts = (
        "Travel in cities is changing fast.",
        "Taxi apps and tools like Roadly, which uses live traffic data to find quick routes, are popular.",
        "Young people drive less than their parents did.",
        "Meanwhile, drivers face less traffic thanks to Roadly.",
    )
    refs = {(r.sentence, r.told, r.word) for r in definite_references(list(nlp.pipe(texts)))}
    assert (3, 1, "Roadly") in refs


def test_an_opening_but_or_however_is_dropped_only_where_it_is_a_turn() -> None:
    # "However hard they tried, ..." is a degree: without it, "Hard they tried, ..." is no English
    assert (
        without_turn("However hard the players tried, they lost.")
        == "However hard the players tried, they lost."
    )
    assert (
        without_turn("However much it costs, the town will pay.")
        == "However much it costs, the town will pay."
    )
    # "But for the rain, ..." means "without the rain": dropping "But" reverses the sense
    assert (
        without_turn("But for the rain, the team would have won.")
        == "But for the rain, the team would have won."
    )
    assert without_turn("However, the shop stayed open.") == "The shop stayed open."
    assert without_turn("But then the bus came.") == "Then the bus came."
