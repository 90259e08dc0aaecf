"""Repair typesetting artefacts that copy-paste and scraping leave inside sentences.

- A decimal split by a space: "about 1. 28 million" -> "about 1.28 million". Only a one- to three-digit
  number before the point and a magnitude word or per cent after it, so a sentence end followed by a
  number ("in 2023. 28 people were hurt") is left alone.
- A closing quotation mark pushed off its sentence: "his 'closest comrade. ' Meanwhile" ->
  "his 'closest comrade.' Meanwhile"; and an opening one pushed off its first word ("‘ Because" ->
  "‘Because"). A straight mark is only taken for a closing one while a quotation is open.
- Control characters (C0 except tab and newline, DEL, C1) are removed: they are never text.
- A hyphen the source split from its second half: "middle- class" -> "middle-class", "Clermont-
  Ferrand" (not "pre- and post-war", where the first half waits for its noun).
- A ligature the PDF copy split off: "horri ﬁ ed" -> "horrified", "the fi ght" -> "the fight",
  "signifi cant" -> "significant", when only the joined form is a word (ligature characters become
  their letters).
- A line number the PDF copy left between two sentences: "... for this. 17 “It allows ..." and
  "... 18 With her ..." lose the "17" and "18" (a number right before an opening quotation mark or a
  word that cannot follow a number at a sentence's start; "5. 17 Britons died" stays), or before one
  person's title and full name ("21 Acme boss Lena Marsh has ...").
- Two closing single marks typed for the closing double one ("“... the whole town.’’" -> "... town.”"),
  when the line has a double quotation open.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MAGNITUDE = r"(?:million|billion|trillion|thousand|hundred|crore|lakh|per ?cent|percent|%|bn|m|km|kg)\b"
_SPLIT_DECIMAL = re.compile(rf"(?<![\d.,])(\d{{1,3}})\. (\d{{1,3}})(?=\s?{_MAGNITUDE})")
_MONTH_BEFORE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)
_CURLY_CLOSE = re.compile(r"(?<=[.!?,;:…])\s+(?=[’”](?:\s|$|[)\]]))")
_CURLY_OPEN = re.compile(r"(?:^|(?<=\s))([‘“])\s+(?=[^\W_])")
_STRAIGHT = re.compile(r"['\"]")
_DECADE = re.compile(r"'\d0s\b")  # "the '90s": an apostrophe, not a quotation


_SPLIT_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_])(?!(?:and|or|nor|to|as|but)\b)")
_LIGATURE = re.compile(r"\b(?:([^\W\d_]+) )?(fi|fl|ff|ffi|ffl) ([^\W\d_]*)\b")
_LIGATURE_CHARS = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
)
# "signifi cant": the ligature ending the first piece
_LIGATURE_END = re.compile(r"\b([^\W\d_]+?(?:fi|fl|ff|ffi|ffl)) ([^\W\d_]+)\b")
_WORD = 2.5  # Zipf frequency of a word (about once in 3 million words)
_NOT_WORD = 1.0
_RARER = 2.0  # a piece this much rarer than the joined word is no word of its own ("ght", "signifi")
_OPENERS_TEXT = (
    "The A An After With While When But And It In On At As If That This These Those There He She They "
    "We I Although Because Before Since"
)
_LINE_NUMBER = re.compile(rf"(?<=[.!?\"”’] )\d{{1,2}} (?=[“\"‘]|(?:{'|'.join(_OPENERS_TEXT.split())})\b)")
# "... for sale. 21 Acme boss Lena Marsh has opened ...": a number cannot count one
# person's title and full name before a singular verb ("17 Britons have died" stays).
_LINE_NUMBER_TITLE = re.compile(
    r"(?<=[.!?\"”’] )\d{1,2} (?=(?:[A-Z][\w'’-]* ){1,2}[a-z]+(?<![^s]s) (?:[A-Z][\w'’-]+ ){2,3}"
    r"(?:has|is|was|says|said|had)\b)"
)


def repair_text(text: str) -> str:
    """The text with split decimals, detached quotation marks and control characters repaired."""
    text = CONTROL_CHARS.sub("", text)
    text = _SPLIT_HYPHEN.sub("-", text)
    text = _LIGATURE.sub(_join_ligature, text.translate(_LIGATURE_CHARS))
    text = _LIGATURE_END.sub(_join_ligature_end, text)
    text = _LINE_NUMBER.sub("", text)
    text = _LINE_NUMBER_TITLE.sub("", text)
    text = _SPLIT_DECIMAL.sub(_join_decimal, text)
    text = _CURLY_CLOSE.sub("", text)
    text = _CURLY_OPEN.sub(r"\1", text)
    text = _close_doubled_singles(text)
    return _attach_straight_closers(text)


def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def _join_ligature(match: re.Match[str]) -> str:
    before, ligature, after = match.group(1) or "", match.group(2), match.group(3)
    for head in (before, ""):  # "horri fi ed" -> "horrified"; "a fi ne day" -> "a fine day"
        joined = head + ligature + after
        pieces = [p for p in (head, after) if p]
        if _zipf(joined) >= _WORD and any(_no_word(p, joined) for p in pieces):
            return joined if head else f"{before} {joined}".lstrip()
    return match.group()


def _join_ligature_end(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    joined = head + tail
    return joined if _zipf(joined) >= _WORD and _no_word(head, joined) else match.group()


def _no_word(piece: str, joined: str) -> bool:
    """Is ``piece`` no word of its own beside ``joined`` (too short, unknown, or far rarer)?"""
    zipf = _zipf(piece)
    return len(piece) <= 2 or zipf < _NOT_WORD or (zipf < _WORD and _zipf(joined) - zipf >= _RARER)


# "“... the whole town.’’": two closing single marks typed for the closing double one.
_DOUBLED_SINGLE = re.compile(r"(?<=[.!?,])[’']{2}(?=\s|$)")


def _close_doubled_singles(text: str) -> str:
    """Two single marks after a sentence end close the double quotation the line left open."""

    def close(match: re.Match[str]) -> str:
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        return "”" if line.count("“") > line.count("”") else match.group()

    return _DOUBLED_SINGLE.sub(close, text)


def _join_decimal(match: re.Match[str]) -> str:
    # "in May 1. 28 million people voted": a date ends that sentence, so the point is a full stop.
    before = match.string[max(0, match.start() - 12) : match.start()]
    if _MONTH_BEFORE.search(before):
        return match.group()
    return f"{match.group(1)}.{match.group(2)}"


def _attach_straight_closers(text: str) -> str:
    """Remove the space before a straight quotation mark that closes an open quotation after ".!?,"."""
    out: list[str] = []
    open_marks: set[str] = set()
    last = 0
    for match in _STRAIGHT.finditer(text):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if before.isspace() and (after.isalnum() or after in "‘“") and not _DECADE.match(text, at):
            open_marks.add(mark)  # an opening mark: space before, word after
        elif mark in open_marks and not after.isalnum():
            open_marks.discard(mark)  # a closing mark
            gap = len(text[last:at]) - len(text[last:at].rstrip())
            if gap and at - gap > 0 and text[at - gap - 1] in ".!?,;:…":
                out.append(text[last : at - gap])
                last = at
    out.append(text[last:])
    return "".join(out)
