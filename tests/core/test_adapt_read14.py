"""Faults of round read14 (issue 14: a reading of train 101-110, Intermediate texts, A2 and B1),
pinned on our own invented sentences: each shows the fault the teacher found, not the story's text."""

from __future__ import annotations

from spacy.language import Language

from vocabsphere.core.adapt.document import cut_off, prepare
from vocabsphere.core.adapt.syntax import split_coordination


def test_a_line_the_source_cut_after_a_comma_is_never_kept() -> None:
    # the source's last line stopped after a comma ("..., on the day of the fair,"): kept, the version
    # ended on a sentence with its end lost
    source = prepare(
        "The market opened early on Monday.\n"
        "Farmers sold apples, pears and plums, and the mayor bought a basket of them.\n"
        "She later gave a speech in the old hall, the biggest room in the town, on the day of the fair,"
    )
    cut = [cut_off(source.units, i) for i in range(len(source.units))]
    assert cut == [False, False, True]
    # a semicolon before a paragraph break, and the lower-case line that goes on after it
    broken = prepare(
        "The mayor spoke about the roads, the new bridge;\nand the floods of last year.\nAll clapped."
    )
    assert [cut_off(broken.units, i) for i in range(len(broken.units))] == [True, True, False]


def test_and_ending_a_list_opened_by_including_is_no_split(nlp: Language) -> None:
    # "... on display – including those owned by ..., and a copy recently found in ..." was split, and
    # the last item stood alone as a sentence without a verb
    doc = nlp(
        "The old paintings will go on show in the spring – including some owned by the city museum, "
        "and a small portrait recently found in a barn."
    )
    assert split_coordination(next(iter(doc.sents))) is None
    # two clauses are still split
    doc = nlp("The club has won many prizes, and its players are very proud.")
    assert split_coordination(next(iter(doc.sents))) == [
        "The club has won many prizes.",
        "Its players are very proud.",
    ]
