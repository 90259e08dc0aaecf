"""Last checks on a finished item: one key, among the options when there are options, no option
twice, no empty text. Generators should never fail them; when one does, the item is dropped."""

from __future__ import annotations

from .model import CHOICE_KINDS, GAP, ExerciseItem, ExerciseKind

__all__ = ["valid_item"]


def valid_item(item: ExerciseItem) -> bool:
    if not (
        item.prompt.strip() and item.answer.strip() and item.explanation.strip() and item.source_sentence
    ):
        return False
    folded = [o.casefold() for o in item.options]
    if len(set(folded)) != len(folded):
        return False
    choice = item.kind in CHOICE_KINDS and not item.typed
    if choice and folded.count(item.answer.casefold()) != 1:
        return False
    if choice and len(item.options) < 3:
        return False
    if item.kind is ExerciseKind.WORD_ORDER and " ".join(item.options).casefold() == item.answer.casefold():
        return False  # shown already in order
    needs_gap = item.kind in (ExerciseKind.CLOZE, ExerciseKind.WORD_FAMILY, ExerciseKind.WORD_FORM)
    return not needs_gap or item.gapped.count(GAP) == 1
