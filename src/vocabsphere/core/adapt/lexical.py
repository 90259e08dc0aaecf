"""Lexical simplification in context: a simpler word that fits, else the word with a short gloss.

A content word above the target level is replaced by the first of its simpler words in this
sentence (:func:`vocabsphere.core.lexicon.substitutes.simpler_words`, the judgement the popover
uses too: the shared sense choice, a synonym at or below the target level that keeps that sense
in the sentence, inflected to fit). Names, numbers, capitalised words mid-sentence and words
inside quotation marks are never touched. When no substitute is safe, the word is kept and a
clearly hard word (two levels up) gets a gloss for the UI when one is simple and sure
(:func:`~vocabsphere.core.lexicon.substitutes.simple_gloss`); when unsure, nothing is said.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from vocabsphere.core.adapt.text_ops import CONTENT_POS, QUOTE_MARKS, indefinite_article
from vocabsphere.core.levels import assess_word
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.sense_choice import SenseChoice, choose_sense
from vocabsphere.core.lexicon.substitutes import LEVELS, level_rank, simple_gloss, simpler_words

__all__ = ["LEVELS", "Gloss", "LexicalResult", "Substituter", "level_rank"]

_CONTRAST = frozenset({"however", "nevertheless", "nonetheless"})  # "However, ..." -> "But ..." (A1-B1)
_KEEP = frozenset({"say", "tell", "according", "accord", "percent", "cent"})  # reporting words read fine


@dataclass(frozen=True)
class Gloss:
    """A kept difficult word and a simple meaning; ``start``/``end`` index the output sentence."""

    word: str
    gloss: str
    start: int
    end: int
    # The word modifies a noun after it ("consultant paediatric allergist"): "(= ...)" written after
    # it would break the noun phrase, so the gloss is shown only on tap.
    modifier: bool = False


@dataclass(frozen=True)
class LexicalResult:
    text: str
    replaced: int
    glosses: tuple[Gloss, ...]
    replacements: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Choice:
    word: str | None  # the substitute, inflected to fit, or None
    gloss: str | None


def starts_inside_quotation(sent: Span) -> bool:
    """True for the later sentences of a quotation over several ('It is a major destination."'):
    an odd number of quotation marks, the first one not at the start. (Misjudging 'He said: "It
    works.' this way only leaves a few more words alone: never rewrite what someone said.)"""
    marks = [tok.i for tok in sent if tok.text in QUOTE_MARKS]
    return len(marks) % 2 == 1 and marks[0] != sent.start


class Substituter:
    """Lexical simplification for one target level (cache shared across sentences)."""

    def __init__(
        self,
        lexicon: Lexicon | None,
        level: str,
        senses: dict[tuple[str, int], SenseChoice] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.level = level
        self.rank = level_rank(level)
        self._choices: dict[tuple[str, int], _Choice] = {}
        # Sense choices by (sentence, token), whatever the level: a caller whose texts are each parsed
        # once (the versions of a story) shares them between its levels' substituters.
        self._senses = {} if senses is None else senses

    def _above(self, lemma: str, upos: str) -> bool:
        try:
            return level_rank(assess_word(lemma, upos).level) > self.rank
        except ValueError:
            return False

    def choose(self, tok: Token) -> _Choice:
        """The substitute form for ``tok`` or its gloss (one decision per sentence and token)."""
        if self.lexicon is None:
            return _Choice(None, None)
        key = (tok.doc.text, tok.i)
        if key not in self._choices:
            self._choices[key] = self._decide(self.lexicon, tok)
        return self._choices[key]

    def _decide(self, lexicon: Lexicon, tok: Token) -> _Choice:
        doc, index = tok.doc, tok.i
        key = (doc.text, index)
        if key not in self._senses:
            self._senses[key] = choose_sense(lexicon, doc, index)
        choice = self._senses[key]
        found = simpler_words(lexicon, doc, index, self.level, choice=choice)
        if found:
            return _Choice(found[0].form, None)
        if level_rank(assess_word(choice.lemma, tok.pos_).level) < self.rank + 2:
            return _Choice(None, None)  # gloss only clearly hard words
        return _Choice(None, simple_gloss(lexicon, doc, index, self.level, choice=choice, substitutes=found))

    def _eligible(self, tok: Token, in_quote: bool, first: int) -> bool:
        if in_quote or tok.pos_ not in CONTENT_POS or tok.like_num or not tok.is_alpha:
            return False
        if tok.text[:1].isupper() and tok.i != first:
            return False  # a name or a title the tagger missed
        if tok.tag_ in {"VBN", "VBG"} and tok.dep_ == "amod":
            return False  # "the deceased man": a verb substitute would read as a verb
        if tok.dep_ in {"fixed", "case", "mark"} or (
            tok.dep_ in {"flat", "compound"} and tok.head.pos_ == "PROPN"
        ):
            return False
        lemma = tok.lemma_.lower()
        return lemma not in _KEEP and self._above(lemma, tok.pos_)

    def _in_expressions(self, sent: Span) -> set[int]:
        """Token indices inside multi-word expressions ("fish and chips", "take part") - never split."""
        if self.lexicon is None:
            return set()
        found: set[int] = set()
        for words in ([t.lemma_.lower() for t in sent], [t.lower_ for t in sent]):
            for match in self.lexicon.find_expressions(words):
                found.update(range(sent.start + match.start, sent.start + match.end))
        return found

    def simplify(self, sent: Span, starts_quoted: bool | None = None) -> LexicalResult:
        """Simplify one sentence. ``starts_quoted``: the sentence begins inside a quotation (known
        from the paragraph); None guesses from the sentence's own quotation marks."""
        protected = self._in_expressions(sent)
        parts: list[str] = []
        glosses: list[Gloss] = []
        replacements: list[tuple[str, str]] = []
        in_quote = starts_inside_quotation(sent) if starts_quoted is None else starts_quoted
        skip_comma = False
        for tok in sent:
            if tok.text in QUOTE_MARKS or (tok.text == "'" and tok.is_punct):
                in_quote = not in_quote
            elif tok.text == "‘":  # a single opening mark always opens a quotation
                in_quote = True
            elif tok.text == "’" and in_quote and tok.tag_ != "POS":  # not "Ukraine’s"
                in_quote = False
            if skip_comma and tok.text == ",":
                skip_comma = False
                continue
            text = tok.text
            comma_next = tok.i + 1 < sent.end and tok.doc[tok.i + 1].text == ","
            if tok.i == sent.start and tok.lower_ in _CONTRAST and comma_next and self.rank <= 2:
                replacements.append((tok.text, "But"))
                parts.append("But ")
                skip_comma = True
                continue
            if tok.i not in protected and self._eligible(tok, in_quote, sent.start):
                choice = self.choose(tok)
                form = choice.word
                if form is not None:
                    replacements.append((tok.text, form))
                    text = form
                    if parts and parts[-1].strip().lower() in {"a", "an"}:
                        parts[-1] = indefinite_article(parts[-1], form)
                elif choice.gloss:  # else the word stays ("made [vastly] cheaper" would say less)
                    start = len("".join(parts))
                    modifier = tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}
                    glosses.append(Gloss(tok.text, choice.gloss, start, start + len(tok.text), modifier))
            parts.append(text + tok.whitespace_)
        return LexicalResult("".join(parts).strip(), len(replacements), tuple(glosses), tuple(replacements))
