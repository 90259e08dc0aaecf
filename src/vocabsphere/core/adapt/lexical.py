"""Lexical simplification in context: simpler WordNet synonyms/hypernyms, else a short gloss.

A content word above the target level is replaced by a synonym (or, less preferred, a hypernym)
of its sense in this sentence (a simple Lesk overlap, biased to the first sense) whose level is at
most the target, ranked by level then frequency, and re-inflected with lemminflect. Names, numbers,
capitalised words mid-sentence and words inside quotation marks are never touched. When there is
no safe substitute, the word is kept and a gloss is returned for the UI.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getLemma
from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from vocabsphere.core.adapt.text_ops import CONTENT_POS, QUOTE_MARKS, indefinite_article
from vocabsphere.core.adapt.verbs import inflect
from vocabsphere.core.levels import assess_word
from vocabsphere.core.lexicon import Lexicon
from vocabsphere.core.lexicon.lookup import Sense

__all__ = ["LEVELS", "Gloss", "LexicalResult", "Substituter", "level_rank"]

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
_INFLECTED = frozenset({"NNS", "VBD", "VBN", "VBG", "VBZ", "VBP", "JJR", "JJS", "RBR", "RBS"})
_CONTRAST = frozenset({"however", "nevertheless", "nonetheless"})  # "However, ..." -> "But ..." (A1-B1)
_WORD = re.compile(r"[a-z]+")
_KEEP = frozenset({"say", "tell", "according", "accord", "percent", "cent"})  # reporting words read fine
# Very general or very polysemous substitutes that are almost never the intended meaning.
_VAGUE_WORDS = "run give take get make do have go set put be cards hold keep turn come see"
_VAGUE = frozenset(_VAGUE_WORDS.split())
_TOO_GENERAL_WORDS = (
    "person thing object entity act action event state group abstraction attribute being organism "
    "matter activity relation measure communication thought whole part unit message people"
)
_TOO_GENERAL = frozenset(_TOO_GENERAL_WORDS.split())
_STOP_WORDS = "a an the of to in on or and for with by as is be at that which who it its from"
_STOP = frozenset(_STOP_WORDS.split())


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True)
class Gloss:
    """A kept difficult word and a simple meaning; ``start``/``end`` index the output sentence."""

    word: str
    gloss: str
    start: int
    end: int


@dataclass(frozen=True)
class LexicalResult:
    text: str
    replaced: int
    glosses: tuple[Gloss, ...]
    replacements: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Choice:
    word: str | None  # substitute lemma, or None
    gloss: str | None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _lesk(senses: Sequence[Sense], context: set[str]) -> Sense:
    """First sense unless another of the top three overlaps the sentence clearly more."""

    def score(sense: Sense) -> float:
        signature = _words(" ".join((sense.definition, *sense.examples, *sense.synonyms, *sense.hypernyms)))
        return len((signature - _STOP) & context) - 0.5 * (sense.rank - 1)

    first = score(senses[0])
    best = max(senses[:3], key=score)
    return best if score(best) > first + 0.5 else senses[0]


def starts_inside_quotation(sent: Span) -> bool:
    """True for the later sentences of a quotation over several ('It is a major destination."'):
    an odd number of quotation marks, the first one not at the start. (Misjudging 'He said: "It
    works.' this way only leaves a few more words alone: never rewrite what someone said.)"""
    marks = [tok.i for tok in sent if tok.text in QUOTE_MARKS]
    return len(marks) % 2 == 1 and marks[0] != sent.start


class Substituter:
    """Lexical simplification for one target level (cache shared across sentences)."""

    def __init__(self, lexicon: Lexicon | None, level: str, strength: int = 0) -> None:
        self.lexicon = lexicon
        self.level = level
        self.rank = level_rank(level)
        self.strength = strength
        self.min_zipf = 3.8  # rarer substitutes were mostly wrong senses, so retries do not relax it

    def _above(self, lemma: str, upos: str) -> bool:
        try:
            return level_rank(assess_word(lemma, upos).level) > self.rank
        except ValueError:
            return False

    def _candidates(self, sense: Sense, lemma: str, upos: str) -> list[tuple[str, bool]]:
        # Hypernyms only ever gloss ("coca (= a kind of bush)"): as substitutes they change the facts.
        out = [(w, False) for w in sense.synonyms]
        if upos == "NOUN":
            out += [(w, True) for w in sense.hypernyms if w not in _TOO_GENERAL]
        return [(w, hyp) for w, hyp in out if _plausible(w, lemma, upos)]

    def _usual_sense(self, word: str, upos: str, synset: str) -> bool:
        """Does ``word`` usually mean this synset (one of its three first senses)?"""
        assert self.lexicon is not None
        senses = self.lexicon.entries(word, upos).senses
        return any(s.synset_id == synset for s in senses[:3])

    def choose(self, lemma: str, upos: str, context: set[str]) -> _Choice:
        if self.lexicon is None:
            return _Choice(None, None)
        senses = self.lexicon.entries(lemma, upos).senses
        if not senses:
            return _Choice(None, None)
        sense = _lesk(senses, context)
        total = sum(s.tag_count for s in senses)
        dominant = sense.rank == 1 and (len(senses) == 1 or 2 * sense.tag_count > total)
        return self._ranked(sense, lemma, upos, dominant)

    @lru_cache(maxsize=4096)  # noqa: B019 - one Substituter per adaptation run
    def _ranked(self, sense: Sense, lemma: str, upos: str, dominant: bool) -> _Choice:
        own = zipf_frequency(lemma, "en")
        ranked = []
        for word, hyper in self._candidates(sense, lemma, upos):
            try:
                rank = level_rank(assess_word(word, upos).level)
            except ValueError:
                continue
            freq = zipf_frequency(word, "en")
            ranked.append((rank, hyper, -freq, word, freq))
        ranked.sort()
        for rank, hyper, _, word, freq in ranked:
            if hyper or rank > self.rank or freq < max(self.min_zipf, own):
                continue
            if self._usual_sense(word, upos, sense.synset_id):  # "diagnose" -> "name": not its usual sense
                return _Choice(word, None)
        # Gloss only clearly hard words (two levels up), from a synonym of the first sense or a short
        # definition: hypernyms and other senses mislead more often than they help.
        if level_rank(assess_word(lemma, upos).level) < self.rank + 2 or sense.rank != 1:
            return _Choice(None, None)
        gloss = next((w for r, hyp, _, w, _ in ranked if r <= self.rank + 1 and not hyp), None)
        if gloss is None and dominant:  # "a kind of X" only when this sense is the word's usual one
            kind = next((w for r, hyp, _, w, _ in ranked if r <= self.rank + 1 and hyp), None)
            gloss = f"a kind of {kind}" if kind else None
        definition = sense.definition.split(";")[0].strip()
        if gloss is None and len(definition.split()) <= 6:
            gloss = definition
        return _Choice(None, gloss)

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

    def _form(self, tok: Token, word: str) -> str | None:
        form = inflect(word, tok.tag_) if tok.tag_ in _INFLECTED else word
        if form is None or not form.isalpha() or (form != word and zipf_frequency(form, "en") < 2.5):
            return None  # "twelves": a form nobody uses
        return form[:1].upper() + form[1:] if tok.text[:1].isupper() else form

    def _droppable(self, tok: Token, first: int) -> bool:
        """A hard "-ly" hedge or intensifier ("roughly", "largely") learners can do without (A1-A2)."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (
            self.rank <= 1
            and tok.pos_ == "ADV"
            and tok.dep_ == "advmod"
            and tok.lower_.endswith("ly")
            and tok.i != first
            and (nxt is None or not nxt.is_punct)
            and not tok.doc[tok.i - 1].is_punct
        )

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
        context = _words(sent.text)
        protected = self._in_expressions(sent)
        parts: list[str] = []
        glosses: list[Gloss] = []
        replacements: list[tuple[str, str]] = []
        in_quote = starts_inside_quotation(sent) if starts_quoted is None else starts_quoted
        skip_comma = False
        for tok in sent:
            if tok.text in QUOTE_MARKS or (tok.text == "'" and tok.is_punct):
                in_quote = not in_quote
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
                choice = self.choose(tok.lemma_.lower(), tok.pos_, context)
                form = self._form(tok, choice.word) if choice.word else None
                if form is not None:
                    replacements.append((tok.text, form))
                    text = form
                    if parts and parts[-1].strip().lower() in {"a", "an"}:
                        parts[-1] = indefinite_article(parts[-1], form)
                elif self._droppable(tok, sent.start):
                    replacements.append((tok.text, ""))
                    continue
                elif choice.gloss:
                    start = len("".join(parts))
                    glosses.append(Gloss(tok.text, choice.gloss, start, start + len(tok.text)))
            parts.append(text + tok.whitespace_)
        return LexicalResult("".join(parts).strip(), len(replacements), tuple(glosses), tuple(replacements))


def _plausible(word: str, lemma: str, upos: str) -> bool:
    """Cheap filters for substitutes that WordNet allows but that read wrongly in running text."""
    if not word.isalpha() or not word.islower() or len(word) < 3 or word == lemma or word in _VAGUE:
        return False
    if word.replace("e", "") == lemma.replace("e", ""):
        return False  # a spelling variant ("ageing" / "aging") is no simpler
    if upos == "ADV" and lemma.endswith("ly") and not word.endswith("ly"):
        return False  # "absolutely" -> "dead", "completely" -> "all"
    return not (upos == "ADJ" and getLemma(word, upos="VERB")[:1] != (word,))  # "deceased" -> "died"
