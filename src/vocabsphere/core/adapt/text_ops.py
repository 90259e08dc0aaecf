"""Small string helpers shared by the adaptation steps."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from lemminflect import getAllLemmas
from spacy.tokens import Span, Token

__all__ = [
    "CONTENT_POS",
    "QUOTE_CHARS",
    "QUOTE_MARKS",
    "accept",
    "capitalise",
    "finish",
    "indefinite_article",
    "join_tokens",
    "split_sentences",
    "uncapitalise",
    "valid_sentence",
    "without",
    "word_count",
]

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})  # the words levels and substitution look at
QUOTE_MARKS = frozenset('"“”')  # double quotation marks: they open and close somebody's words
QUOTE_CHARS = QUOTE_MARKS | {"‘", "’"}  # any quotation character: a sentence holding one is left alone
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?%)\]])")
_DOUBLE_PUNCT = re.compile(r"([,;:])\s*([,;:.!?])")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Gov|Sen|Rep|No|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr"
    r"|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m|i\.e|e\.g)\.$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])([\"')\]]*)\s+(?=[\"'(\[]?[A-Z0-9])")
_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "J. Smith", "U.S."; not "J&K."
_WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,-]*")


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def join_tokens(tokens: Iterable[Token], replaced: Mapping[int, str] | None = None) -> str:
    """Tokens back to text with their own spacing (gaps left by removed tokens are closed);
    ``replaced`` maps a token index to the text (with its spacing) written instead."""
    out: list[str] = []
    prev: Token | None = None
    for tok in tokens:
        if prev is not None and tok.i != prev.i + 1 and not prev.whitespace_ and not tok.is_punct:
            out.append(" ")  # a removed token took the space with it
        out.append(replaced.get(tok.i, tok.text_with_ws) if replaced else tok.text_with_ws)
        prev = tok
    return "".join(out).strip()


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def finish(text: str) -> str:
    """Tidy a generated sentence: spacing, no leading comma, a capital and a full stop."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_PUNCT.sub(r"\2", text)
    text = text.strip(" ,;:-")
    if text and text[-1] not in '.!?"”’':
        text += "."
    return capitalise(text)


def valid_sentence(text: str) -> bool:
    """Cheap well-formedness check for generated sentences."""
    if word_count(text) < 3 or (not text[:1].isupper() and not text[:1].isdigit()):
        return False
    first = text.split()[0].lower().strip(",")
    return text.rstrip('"”’')[-1:] in {".", "!", "?"} and first not in {"and", "or", "which", "who"}


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph (rule based, abbreviation aware)."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start() + len(match.group(1))
        if _ABBREV.search(paragraph[start:end]) or _INITIAL.search(paragraph[start:end]):
            continue  # "Mr. Smith", "J. Smith" (not "parts of J&K. Syed Geelani ...")
        out.append(paragraph[start:end].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return _opening_marks_forward([s for s in out if s])


def _opening_marks_forward(sentences: list[str]) -> list[str]:
    """A source that writes a closing mark for an opening one ('showed." This is good," said X')
    leaves it at the end of the sentence before: move it to the quotation it opens."""
    for k in range(len(sentences) - 1):
        this, nxt = sentences[k], sentences[k + 1]
        if not (this.endswith('"') and this.count('"') % 2) or nxt.startswith('"'):
            continue
        if sum(s.count('"') for s in sentences[:k]) % 2:
            continue  # a quotation opened before ('"What can ...? ... them and us."'): the mark closes it
        after = [s.count('"') for s in sentences[k + 1 :]]
        first_marked = next((n for n in after if n), 0)
        if first_marked % 2:  # the quotation it opens closes in a later sentence
            sentences[k], sentences[k + 1] = this[:-1].rstrip(), '"' + nxt
    return sentences


def without(sent: Span, drop: Collection[int]) -> list[Token]:
    """The sentence's tokens minus those whose index is in ``drop``."""
    return [t for t in sent if t.i not in drop]


def accept(*sentences: str) -> list[str] | None:
    """The finished sentences if every one is well formed, else None (then nothing changes)."""
    out = [finish(s) for s in sentences]
    return out if all(valid_sentence(s) for s in out) else None


_FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "ADV", "CCONJ", "SCONJ", "AUX", "PART", "NUM"})


def uncapitalise(token: Token) -> str:
    """A sentence-initial word moved inside a sentence: lower-case only function words ("The", "It").

    Content words keep their capital: "Danes" or "ElectroBike" must not lose it, and a wrong capital
    on a common noun is the smaller error.
    """
    if token.pos_ in _FUNCTION_POS and token.text != "I":
        return token.text.lower()
    if token.like_num and token.is_alpha and token.text[1:].islower():
        return token.text.lower()  # "Twelve factories", often tagged a name when it opens a sentence
    if _common_word(token):
        return token.text.lower()  # "Streaming and subscription revenues" -> "..., streaming and ..."
    return token.text


def _common_word(token: Token) -> bool:
    """A common noun, verb, adjective or adverb capitalised only because it opened the sentence: tagged
    as no name, capital only at its start, and a word English knows ("Danes", "ElectroBike" are not)."""
    return (
        token.tag_ not in {"NNP", "NNPS"}
        and token.pos_ in {"NOUN", "VERB", "ADJ", "ADV"}
        and token.text[1:].islower()
        and bool(getAllLemmas(token.lower_))
    )


_VOWEL_SOUND_EXCEPTIONS = ("uni", "use", "usu", "one", "once", "eu", "ewe")
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")


def indefinite_article(article: str, word: str) -> str:
    """ "a" / "an" before ``word`` (by its spelling), keeping the article's case and trailing space."""
    lower = word.lower()
    vowel = lower[:1] in "aeiou" and not lower.startswith(_VOWEL_SOUND_EXCEPTIONS)
    new = "an" if vowel or lower.startswith(_SILENT_H) else "a"
    if article[:1].isupper():
        new = new.capitalize()
    return new + article[len(article.rstrip()) :]
