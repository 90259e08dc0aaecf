"""Relative clauses: join two sentences with "who" or "which".

Made only from a source sentence with one non-defining relative clause ("Maria, who lives in Paris,
works as a nurse.") that the adaptation's verified split (``adapt.syntax.split_relative``) turns
into two sentences. The item shows the two sentences and asks for the joined one; the key is the
source sentence itself. Each distractor changes only the relative word, in a way that is wrong
whatever the antecedent is: "that" (never between commas), "what" (not after a noun), "whose"
(needs a noun after it), or a second subject after "which" ("which it was built"). The other of
who/which is never offered: for a group ("the council, who ...") both can be right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocabsphere.core.adapt.syntax import split_relative
from vocabsphere.core.adapt.text_ops import join_tokens, uncapitalise

from .choices import choice_options
from .model import ExerciseItem, ExerciseKind, PatternRef

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["relative_clause_item"]

NON_DEFINING = PatternRef("relative_non_defining", "B1")
_RELATIVES = frozenset({"who", "which"})
_QUOTES = frozenset(':"\u201c\u201d\u2018')


def relative_clause_item(token: Token, lemma: str) -> ExerciseItem | None:
    sent = token.sent
    split = split_relative(sent)
    rels = [t for t in sent if t.lower_ in _RELATIVES or t.lower_ in {"whom", "whose", "that"}]
    if split is None or len(split) != 2 or len(rels) != 1 or rels[0].lower_ not in _RELATIVES:
        return None  # one relative word only, so the one split is the one the item changes
    rel = rels[0]
    if rel.i + 1 >= sent.end:
        return None
    main, second = split
    doc = sent.doc
    cut = second.rfind(f" {doc[rel.i + 1].text} ")
    size = len(second[:cut].split()) if cut > 0 else 0
    if size == 0 or rel.i - 1 - size < sent.start:
        return None
    words = doc[rel.i - 1 - size : rel.i - 1]  # the antecedent as the source writes it
    if rel.head.head.i not in range(words.start, words.end) or any(t.text in _QUOTES for t in sent):
        return None  # the parse ties the clause to another noun ("men, even in the game, who"), or speech
    before = next(t.i for t in rel.head.head.subtree if not t.is_punct) - 1
    if before >= sent.start and doc[before].text == ",":
        return None  # "many men, even in the game, who ...": a phrase between commas hides the noun meant
    antecedent = words.text
    if words.start == sent.start:
        antecedent = uncapitalise(words[0]) + antecedent[len(words[0].text) :]
    source = sent.text.strip()

    def replaced(word: str) -> str:
        text = join_tokens(sent, {rel.i: word + rel.whitespace_})
        return text[:1].upper() + text[1:]

    distractors = [replaced("that"), replaced("what")]
    if rel.lower_ == "which":
        plural = "Plur" in rel.head.head.morph.get("Number", [])
        pronoun = "they" if plural else "it"
        distractors.append(replaced(f"which {pronoun}"))
        extra = (
            "and \u2018which\u2019 is already the subject of its clause, "
            f"so no \u2018{pronoun}\u2019 follows it."
        )
    else:
        distractors.append(replaced("whose"))
        extra = "and \u2018whose\u2019 needs a noun after it (\u2018whose sister\u2019)."
    options = choice_options(source, distractors, source)
    if options is None:
        return None
    return ExerciseItem(
        kind=ExerciseKind.RELATIVE_CLAUSE,
        prompt=f"Join the two sentences with a relative clause: {main} {second}",
        options=options,
        answer=source,
        accepted=(source,),
        explanation=(
            f"\u2018{rel.text}\u2019 stands for \u2018{antecedent}\u2019 and starts a relative clause "
            "after a comma, which adds extra information. \u2018That\u2019 cannot start a clause "
            f"after a comma, \u2018what\u2019 cannot follow a noun like this, {extra}"
        ),
        grammar_point=NON_DEFINING,
        source_sentence=source,
        word=lemma,
    )
