"""Part of speech: what is the word doing in this sentence, with the reason the parse gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas

from vocabsphere.core.lexicon.lookup import Lexicon

from .model import ExerciseItem, ExerciseKind
from .slots import POS_NAMES, slot_pos, slot_reason
from .word_forms import gerund_after_be

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["part_of_speech_item"]

OPTIONS = ("noun", "verb", "adjective", "adverb")


def part_of_speech_item(lexicon: Lexicon, token: Token, lemma: str) -> ExerciseItem | None:
    """None when the tags disagree or the parse gives no reason a learner can check."""
    pos = slot_pos(lexicon, token)
    if pos is None or gerund_after_be(token):
        return None  # "Part of the solution is planning ...": a verb form doing a noun's work
    reason = slot_reason(token, pos)
    if reason is None:
        return None
    name = POS_NAMES[pos]
    sentence = token.sent.text.strip()
    other = sorted(POS_NAMES[p] for p in getAllLemmas(token.lower_) if p in POS_NAMES and p != pos)
    also = ""
    if other:
        names = " or ".join(f"{_article(n)} {n}" for n in other)
        also = f" (\u2018{token.text}\u2019 can also be {names} in other sentences.)"
    return ExerciseItem(
        kind=ExerciseKind.PART_OF_SPEECH,
        prompt=f"What part of speech is \u2018{token.text}\u2019 in this sentence? {sentence}",
        options=OPTIONS,
        answer=name,
        accepted=(name,),
        explanation=f"\u2018{token.text}\u2019 is {_article(name)} {name} here: {reason}.{also}",
        source_sentence=sentence,
        word=lemma,
    )


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
