"""Cloze: the saved word removed from a sentence, to be chosen among words that do not fit there.

When the sense choice is confident, the item gives the word's meaning in this sentence as a clue:
other words of the same form often make sense in the gap ("the Pope blessed / hugged / honoured
the cardinals"; "life for the prisoner / pastor in Sweden"), but distractors are never synonyms,
hypernyms or sisters of the key's senses, never defined by the key and never echo the clue, so the
key is the one option that fits and means that. Without a sure meaning, only a noun in a slot that
constrains it (an object, after a preposition) is asked, plainly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocabsphere.core.lexicon.lookup import Lexicon, Sense
from vocabsphere.core.lexicon.sense_choice import choose_sense

from .distractors import DISTRACTORS, choose_distractors
from .model import ExerciseItem, ExerciseKind
from .sentences import level_rank
from .slots import POS_NAMES, gapped, slot_pos

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["cloze_item"]

MEANING_WORDS = 14  # longest definition quoted in an explanation or a clue
# Noun slots that hardly constrain the noun: subjects ("the talk / the movie does little to ..."),
# list members and appositions ("30 Inuit elders / victims, business people and pupils came").
_LOOSE_ROLES = frozenset({"nsubj", "nsubj:pass", "conj", "appos"})
_STEM = 4  # a clue holding a word that starts like the key gives the answer away


def _meaning(lexicon: Lexicon, token: Token, pos: str) -> str | None:
    """The first sense's definition (its first clause) when the sense choice is confident."""
    choice = choose_sense(lexicon, token.doc, token.i)
    sense: Sense | None = choice.best
    if sense is None or not choice.confident or len(sense.definition.split()) > MEANING_WORDS:
        return None
    meaning = sense.definition.split(";")[0].strip().rstrip(".")
    if pos != "VERB" and meaning.startswith("to "):
        return None  # "exploration: to travel for the purpose of discovery" reads as a verb's meaning
    return meaning or None


def _gives_away(meaning: str, lemma: str, key: str) -> bool:
    stems = {lemma.lower()[:_STEM], key.lower()[:_STEM]}
    words = [w.strip("()\"'.,").lower() for w in meaning.split()]
    return any(len(w) >= _STEM and w[:_STEM] in stems for w in words)


def _said_again(token: Token, lemma: str) -> bool:
    """The word (any form of its lemma) stands elsewhere in the sentence: the gap is no question."""
    low = lemma.lower()
    return any(t.i != token.i and (t.lower_ == token.lower_ or t.lemma_.lower() == low) for t in token.sent)


def _constrained_noun(token: Token, pos: str) -> bool:
    return (
        pos == "NOUN" and token.dep_ not in _LOOSE_ROLES and not any(c.dep_ == "conj" for c in token.children)
    )


def _clause_follows(token: Token) -> bool:
    """A "that" clause saying what the noun holds ("the fact that ..."), not a relative clause
    ("a network that groups ...": "that" is its subject, and other nouns are ruled out as usual)."""
    nxt = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    return nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark"


def cloze_item(lexicon: Lexicon, token: Token, lemma: str, level: str) -> ExerciseItem | None:
    pos = slot_pos(lexicon, token)
    if pos is None or any(c.dep_ == "compound:prt" for c in token.children):
        return None  # a particle after the gap ("_____ up a company") lets other verbs in: "power up"
    key = token.text
    if token.tag_ == "NNS" and token.lower_ == lemma.lower():
        return None  # a singular in -s taken for a plural ("a giant atlas"): "a giant cyclists" offered
    if _said_again(token, lemma):
        return None  # "people-predator _____; we have conflict between people": the sentence gives it
    meaning = _meaning(lexicon, token, pos)
    if meaning is not None and _gives_away(meaning, lemma, key):
        meaning = None
    # The meaning is given whenever it is sure: even an object or a noun after a preposition
    # takes other nouns ("life for the prisoner / pastor in Sweden"). Without it, constrained
    # noun slots only.
    plain = meaning is None
    if plain and not _constrained_noun(token, pos):
        return None  # other words could fill the slot and no sure meaning tells the key apart
    if plain and _clause_follows(token):
        return None  # "The _____ that we will ...": "fact", "doubt", "idea", "hope" all take the clause
    cap = min(level_rank(level) + 1, 5)
    distractors = choose_distractors(lexicon, token, lemma, pos, key, cap, clue=meaning or "")
    if len(distractors) < DISTRACTORS:
        return None
    options = tuple(sorted((key, *distractors), key=str.lower))  # alphabetical: no position cue
    kind_of = f"{POS_NAMES[pos]}s in the same form"
    if plain:
        prompt = "Choose the word that fits the gap."
        said = ""
        why = f"The other words are {kind_of}, but they do not make sense in this sentence."
    else:
        prompt = f"Choose the word that fits the gap and means \u201c{meaning}\u201d."
        said = f" Here it means \u201c{meaning}\u201d."
        why = f"The other words are {kind_of}, but none of them has this meaning."
    return ExerciseItem(
        kind=ExerciseKind.CLOZE,
        prompt=prompt,
        gapped=gapped(token.sent, token.i),
        options=options,
        answer=key,
        accepted=(key,),
        explanation=f"\u2018{key}\u2019 fits the gap.{said} {why}",
        source_sentence=token.sent.text.strip(),
        word=lemma,
    )
