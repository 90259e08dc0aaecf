"""Conditional sentences (zero, first, second, third, mixed).

The tense of each clause is read from its words (the first auxiliary or finite verb after
the subject), not from the parse: clause attachment is where a parser errs most, while the
forms of be/have/will/would are closed-class and reliably tagged.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_words import (
    NEGATORS,
    WILL,
    Hit,
    aux_word,
    is_vbn,
    low,
)

_CONDITIONALS: dict[tuple[str, str], str] = {
    ("pres", "pres"): "conditional_zero",  # simple present (active or passive) in both clauses
    ("pres", "prespass"): "conditional_zero",
    ("prespass", "pres"): "conditional_zero",
    ("prespass", "prespass"): "conditional_zero",
    ("pres", "will"): "conditional_first",
    ("prespass", "will"): "conditional_first",
    ("prescont", "will"): "conditional_first",
    ("presperf", "will"): "conditional_first",
    ("past", "would"): "conditional_second",
    ("pastperf", "wouldperf"): "conditional_third",
    ("pastperf", "would"): "conditional_mixed",
    ("past", "wouldperf"): "conditional_mixed",
}
_RESULT_MODALS = frozenset({"would", "could", "might"})
_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "\u2014", "--", "-", "(", ")"})
_MAX_IF_CLAUSE = 15  # longer "if-clauses" are usually a mis-segmented sentence
_NOT_CONDITIONAL_BEFORE = frozenset({"as", "even", "what", "only"})
# After these verbs an if-clause is an indirect question ("see if it works" = whether).
_WHETHER_VERBS = frozenset(
    {"see", "know", "ask", "wonder", "check", "decide", "doubt", "find", "tell", "determine"}
    | {"remember", "understand", "figure", "show", "care", "question", "test", "inquire"}
)

# "It is not clear if ...", "nobody is sure if ...": 'if' means 'whether' after them too.
_WHETHER_ADJECTIVES = frozenset(
    {"clear", "unclear", "sure", "unsure", "certain", "uncertain", "known", "unknown"}
)


def _verb_sequence(tokens: Sequence[Token]) -> tuple[list[Token], list[str]]:
    """The first auxiliary/finite-verb sequence of a clause: its tokens and canonical words."""
    seq: list[Token] = []
    words: list[str] = []
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        aux = aux_word(tok, nxt) if tok.pos_ in ("AUX", "VERB") else None
        if aux is not None:
            seq.append(tok)
            words.append(aux)
        elif seq and (low(tok) in NEGATORS or tok.tag_ == "RB"):
            continue
        elif tok.pos_ == "VERB" or (seq and tok.tag_.startswith("VB")) or _finite_mistag(tok):
            seq.append(tok)
            words.append("VBN" if is_vbn(tok) and seq[:-1] else tok.tag_)
            break
        elif seq:
            break  # a copular predicate ends the verb sequence
    return seq, words


def _finite_mistag(tok: Token) -> bool:
    """'it rains' with 'rains' given a noun POS (but a finite tag) or a plural-noun tag."""
    if tok.tag_ in ("VBZ", "VBP", "VBD"):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.tag_ == "NNS" and prev is not None and low(prev) in ("he", "she", "it")


def clause_time(tokens: Sequence[Token]) -> tuple[str | None, int]:
    """(time, index after the verb sequence): pres, past, pastperf, will, would, wouldperf."""
    seq, words = _verb_sequence(tokens)
    if not seq or seq[0].i - tokens[0].i > 8:
        return None, -1  # no verb, or only far away: not the clause's own verb
    end = seq[-1].i + 1
    first, rest = words[0], words[1:]
    # "would have + participle" is perfect; "would have no problem" is 'have' the main verb
    perfect = rest[:1] == ["have"] and rest[1:2] in (["VBN"], ["VBD"], ["been"])
    if first in WILL or first == "will":
        return (None if perfect else "will"), end
    if first in _RESULT_MODALS:
        return ("wouldperf" if perfect else "would"), end
    if first == "had":
        # had + any verb form is a past perfect (taggers confuse VBD and VBN after 'had')
        return ("pastperf" if rest[:1] in (["VBN"], ["VBD"], ["been"]) else "past"), end
    if first in ("was", "were", "did", "VBD"):
        return "past", end
    if first in ("has", "have") and rest[:1] in (["VBN"], ["VBD"], ["been"]):
        return "presperf", end
    if first in ("am", "is", "are") and rest[:1] == ["VBG"]:
        return "prescont", end
    if first in ("am", "is", "are") and rest[:1] == ["VBN"]:
        return "prespass", end
    if first in ("am", "is", "are", "do", "does", "has", "have", "VBZ", "VBP", "NNS"):
        return "pres", end
    return None, end


def _until_clause_end(tokens: Sequence[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if tok.text in _CLAUSE_END:
            break
        out.append(tok)
    return out


def detect_conditionals(sent: Span) -> Iterator[Hit]:
    words = [t for t in sent if not t.is_space]
    for pos, tok in enumerate(words):
        if low(tok) != "if":
            continue
        prev = words[pos - 1] if pos > 0 else None
        if prev is not None and low(prev) in _NOT_CONDITIONAL_BEFORE:
            continue  # "as if", "even if", "what if", "only if" are not the taught patterns
        cond = _until_clause_end(words[pos + 1 :])
        first = prev is None or prev.text in ('"', "\u201c", "(") or prev.is_sent_start
        if first and (not cond or len(cond) > _MAX_IF_CLAUSE or pos + 1 + len(cond) >= len(words)):
            split = _split_without_comma(tok, words[pos + 1 :])
            if split is not None:
                hit = _conditional_hit(tok, *split)
                if hit is not None:
                    yield hit
            continue
        if not cond or len(cond) > _MAX_IF_CLAUSE:
            continue
        if first:
            # If-clause first: the main clause follows the comma.
            rest = words[pos + 1 + len(cond) :]
            if not rest or rest[0].text != ",":
                continue
            main = _until_clause_end(rest[1:])
            # "If you bite, and one cries, you must ...", "If X, others tolerate it, ... will
            # thrive": the clause after the comma must be the one the if-clause belongs to
            if not _main_verb_read(tok, main):
                continue
        else:
            main = _until_clause_end(list(reversed(words[:pos])))[::-1]  # main clause first
            if not _main_verb_read(tok, main):
                continue
        hit = _conditional_hit(tok, cond, main)
        if hit is not None and not _indirect_question(tok, hit, main):
            yield hit


def _main_verb_read(tok: Token, main: list[Token]) -> bool:
    """The verb whose tense is read must be the one the parse hangs the if-clause on ("I know
    that this may not matter if ...": 'may not matter', not 'know'; "If they bite, and one
    cries, you must ...": 'must separate', not 'cries'), and it must not ask a question about
    the if-clause ("You will see if there is dirt": 'if' means 'whether')."""
    seq, _ = _verb_sequence(main)
    if not seq or tok.dep_ != "mark" or tok.head.dep_ != "advcl":
        return False
    main_verb, last = tok.head.head, seq[-1]
    if main_verb.lemma_.lower() in _WHETHER_VERBS | _WHETHER_ADJECTIVES and main_verb.i < tok.i:
        return False
    return (
        main_verb.i == last.i
        # "it is dangerous if ...": the copula of the predicate the clause hangs on
        or (last.head.i == main_verb.i and last.dep_ in ("cop", "aux", "aux:pass"))
        # "you need to call if ...": the tense is the governing verb's
        or (main_verb.dep_ == "xcomp" and main_verb.head.i == last.i)
    )


def _split_without_comma(tok: Token, after: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """ "If there is no male they are probably infertile": no comma, so the parse must say
    where the if-clause (an adverbial clause of the main verb after it) ends."""
    clause = tok.head
    if tok.dep_ != "mark" or clause.dep_ != "advcl" or clause.head.i <= clause.right_edge.i:
        return None
    cond = [t for t in after if t.i <= clause.right_edge.i]
    main = _until_clause_end([t for t in after if t.i > clause.right_edge.i])
    if not cond or len(cond) > _MAX_IF_CLAUSE or not main or low(main[0]) in ("and", "or", "but"):
        return None
    subject = any(c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in clause.head.children)
    return (cond, main) if subject and _main_verb_read(tok, main) else None


def _indirect_question(tok: Token, hit: Hit, main: list[Token]) -> bool:
    """ "I don't know if it rains there": zero conditionals are only accepted main-clause-first
    when the parse says the if-clause is adverbial."""
    if hit.point_id != "conditional_zero" or not main or main[0].i > tok.i:
        return False
    return not (tok.dep_ == "mark" and tok.head.dep_ == "advcl")


def _conditional_hit(tok: Token, cond: list[Token], main: list[Token]) -> Hit | None:
    cond_time, cond_end = clause_time(cond)
    main_time, main_end = clause_time(main)
    if cond_time is None or main_time is None:
        return None
    point = _CONDITIONALS.get((cond_time, main_time))
    if point is None or (
        point == "conditional_zero" and (_be_to(main) or _imperative(main) or _gives_reason(main))
    ):
        return None
    if main and main[0].i < tok.i:
        first = next((t for t in main if not t.is_punct), main[0])  # not an opening quotation mark
        return Hit(point, first.i, cond_end)
    return Hit(point, tok.i, main_end)


def _be_to(main: list[Token]) -> bool:
    """ "The hope is to introduce it ... if a pilot is successful": be + to-infinitive is a plan,
    so the present tense of 'is' says nothing "always true" (no zero conditional)."""
    return any(
        t.lemma_.lower() == "be" and n.lower_ == "to" and n.pos_ == "PART"
        for t, n in itertools.pairwise(main)
    )


_REASON_OPENING = re.compile(
    r"^(?:it|that|this)\s*(?:is|'s|’s)\s+(?:(?:only|partly|just|probably|simply|mainly|largely)\s+)?because\b",
    re.I,
)


def _gives_reason(main: list[Token]) -> bool:
    """ "If it sounds familiar, it's because ...": the main clause explains this one situation, so
    nothing is said to be true whenever the if-part happens (no zero conditional)."""
    words = [t for t in main if not t.is_punct]
    text = " ".join(t.text for t in words[:5]).replace(" 's", "'s").replace(" ’s", "’s")
    return _REASON_OPENING.match(text) is not None


def _imperative(main: list[Token]) -> bool:
    """ "Don't blame the waiter if your tea is cold", "Call us if it hurts": an order or advice, not
    something that is always true (no zero conditional). The clause opens on its verb (or on
    "do"/"don't") and the verb has no subject."""
    words = [t for t in main if not t.is_punct]
    if not words:
        return False
    seq, _ = _verb_sequence(words)
    if not seq or seq[0].i != words[0].i:
        return False
    verb = seq[-1]
    return verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in verb.children)
