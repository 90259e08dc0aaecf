"""Learnable sentences: pick the 3-6 sentences of a text worth learning and explain why.

Example::

    from vocabsphere.core.text import load_pipeline
    from vocabsphere.core.learnables import select_highlights

    for h in select_highlights(load_pipeline()(text), "B1", lexicon=None):
        print(h.sentence, "->", h.explanation)
"""

from vocabsphere.core.learnables.collocations import Collocation, find_collocations
from vocabsphere.core.learnables.explain import quoted_fragments, quotes_sentence
from vocabsphere.core.learnables.highlights import select_highlights
from vocabsphere.core.learnables.models import GrammarRef, Highlight, WordNote

__all__ = [
    "Collocation",
    "GrammarRef",
    "Highlight",
    "WordNote",
    "find_collocations",
    "quoted_fragments",
    "quotes_sentence",
    "select_highlights",
]
