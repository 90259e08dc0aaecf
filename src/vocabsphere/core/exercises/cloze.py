"""Cloze: the saved word removed from a sentence, to be chosen among words that do not fit there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocabsphere.core.lexicon.lookup import Lexicon
from vocabsphere.core.lexicon.sense_choice import choose_sense

from .distractors import DISTRACTORS, choose_distractors
from .model import ExerciseItem, ExerciseKind
from .sentences import level_rank
from .slots import POS_NAMES, gapped, slot_pos

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["cloze_item"]

MEANING_WORDS = 14  # longest definition quoted in an explanation
# Nouns only. Almost any adjective or adverb of the same form reads as English before a noun or
# after a verb ("because of horrible / bacterial disease"), and a verb with a person as its object
# takes many others ("the Pope blessed / hugged / honoured the cardinals"): the review found two
# answers in 5 of 12 verb items. Such items would teach wrong English.
_GAPPED = frozenset({"NOUN"})
# Noun slots that hardly constrain the noun: subjects ("the talk / the movie does little to ..."),
# list members and appositions ("30 Inuit elders / victims, business people and pupils came").
_LOOSE_ROLES = frozenset({"nsubj", "nsubj:pass", "conj", "appos"})


def cloze_item(lexicon: Lexicon, token: Token, lemma: str, level: str) -> ExerciseItem | None:
    pos = slot_pos(lexicon, token)
    if pos not in _GAPPED or any(c.dep_ == "compound:prt" for c in token.children):
        return None  # a particle after the gap ("_____ up a company") lets other verbs in: "power up"
    if pos == "NOUN" and (token.dep_ in _LOOSE_ROLES or any(c.dep_ == "conj" for c in token.children)):
        return None
    key = token.text
    cap = min(level_rank(level) + 1, 5)
    distractors = choose_distractors(lexicon, token, lemma, pos, key, cap)
    if len(distractors) < DISTRACTORS:
        return None
    options = tuple(sorted((key, *distractors), key=str.lower))  # alphabetical: no position cue
    choice = choose_sense(lexicon, token.doc, token.i)
    sense = choice.best
    meaning = ""
    if sense is not None and choice.confident and len(sense.definition.split()) <= MEANING_WORDS:
        meaning = f" Here it means \u201c{sense.definition.split(';')[0].strip()}\u201d."
    return ExerciseItem(
        kind=ExerciseKind.CLOZE,
        prompt="Choose the word that fits the gap.",
        gapped=gapped(token.sent, token.i),
        options=options,
        answer=key,
        accepted=(key,),
        explanation=(
            f"\u2018{key}\u2019 fits the gap.{meaning} The other words are {POS_NAMES[pos]}s in the same "
            "form, but they do not make sense in this sentence."
        ),
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )
