"""Detectors for modal meanings: ability, obligation/advice and deduction.

Modal verbs are ambiguous, so each detector accepts only the shapes whose meaning is clear
and skips the rest (e.g. "must be + adjective" with a 'you' subject can be an order or a guess).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_verbs import (
    VerbGroup,
    verb_groups,
)
from vocabsphere.core.levels.grammar_words import (
    BE_FORMS,
    SUBJ_DEPS,
    Hit,
    has_if,
    is_negated,
    is_question,
    low,
    to_infinitive_after,
)

# Subjects with which "must be + adjective/noun" is a deduction, not an obligation.
_DEDUCTION_SUBJECTS = frozenset({"he", "she", "it", "they", "that", "this", "there", "someone", "somebody"})
_POSSIBILITY = frozenset({"might", "may", "could"})


def _subject(group: VerbGroup) -> Token | None:
    return next((c for c in group.head.children if c.dep_ in SUBJ_DEPS), None)


def _span_end(group: VerbGroup) -> int:
    """Include an adjacent copular predicate: "might be right" rather than "might be"."""
    if group.copular and 0 <= group.head.i - group.end <= 1:
        return group.head.i + 1
    return group.end


def _deduction(group: VerbGroup, conditional: bool) -> str | None:
    modal = group.modal
    rest = group.shape[1:]
    negative = is_negated(group.tokens[0])
    certain = modal == "must" or (modal in ("can", "could") and negative)
    if not (certain or modal in _POSSIBILITY) or conditional:
        return None
    if rest[:2] in (("HAVE", "VBN"), ("HAVE", "BEEN")):
        subj = _subject(group)
        if modal == "could" and subj is not None and low(subj) in ("i", "we"):
            return None  # "There's no way I could have banned smoking": what I was able to do, no guess
        if modal in ("may", "might") and _conceded(group):
            return None  # "It may have been late, but it still sold": granted, not guessed
        return "deduction_past"
    if modal == "can" and not negative:
        return None
    if rest == ("BE", "VBG") or (group.copular and rest == ("BE",)):
        if group.copular and _comparative(group.head):
            return None  # "We could not be happier": nobody guesses, it says how happy they are
        if group.copular and low(group.head) == "able":
            return None  # "they must be able to link up": what they need to be able to do, no guess
        if modal == "must" and rest == ("BE",):
            subj = _subject(group)
            if subj is None or low(subj) not in _DEDUCTION_SUBJECTS:
                return None
        if _later(group):
            return None  # "what climbers might be doing 60 years from now": a guess about later, not now
        if modal in ("may", "might") and _conceded(group, comma=False):
            return None  # "The flat may be small but it is cheap": granted, then what still holds
        return "deduction_present"
    return None


def _unreal(group: VerbGroup) -> bool:
    """ "Without the rope he would have fallen and his arm might have broken": beside another modal
    + have + participle ('would have', 'could have'), or after 'without', 'otherwise', 'or else',
    'might/may/could have' tells what would have happened (an unreal past), not a guess about what
    did; so does 'might be' ("Without water we might be ill"). 'must' is left: it guesses anyway."""
    if group.modal not in _POSSIBILITY:
        return False
    sent = group.head.sent
    mine = {t.i for t in group.tokens}
    # read on the words: the parse may split "would have | sunk" into two groups
    beside = any(
        low(t) in ("would", "could", "'d") and t.i not in mine and low(t.nbor(1)) in ("have", "'ve")
        for t in sent
        if t.i + 1 < sent.end
    )
    # "without" set before the verb (not "left without a word"); "or else", not "someone else"
    marked = any(
        low(t) == "otherwise"
        or (low(t) == "without" and t.i < group.start)
        or (low(t) == "else" and t.i > sent.start and low(t.nbor(-1)) == "or")
        for t in sent
    )
    return beside or marked


def _conceded(group: VerbGroup, comma: bool = True) -> bool:
    """ "may have been delivered late, but ...": a ", but" after the verb group in its sentence turns
    the modal into a concession (the writer grants it, then says what still holds). With 'may/might
    be' the comma is often left out ("may be small but it is cheap"), so ``comma`` can be waived."""
    sent = group.head.sent
    return any(
        low(t) == "but" and (not comma or sent.doc[t.i - 1].text == ",")
        for t in sent
        if t.i > group.head.i and t.i > 0
    )


# Time ahead of now: "next year", "in the future", "soon"; and "60 years from now"
_AHEAD = frozenset({"tomorrow", "soon", "later", "future", "next"})
_SPANS_TEXT = "hour hours day days week weeks month months year years decade decades"
_SPANS = frozenset(_SPANS_TEXT.split())
_TIME_DEPS = frozenset({"obl", "obl:tmod", "obl:unmarked", "advmod", "nmod:tmod", "npadvmod"})


def _later(group: VerbGroup) -> bool:
    """A time ahead of now hung on the verb ("... 60 years from now", "next year", "in the future")."""
    for child in group.head.children:
        if child.dep_ in _TIME_DEPS:
            words = {low(t) for t in child.subtree}
            if words & _AHEAD or {"from", "now"} <= words or ("within" in words and words & _SPANS):
                return True  # "could be in use within a decade": a guess about then, not now
    return False


def _comparative(predicate: Token) -> bool:
    """ "happier", "better", "more pleased": a modal + be + comparative ("couldn't be better") is a
    fixed way of saying how good or happy something is, not a guess about what is true."""
    if predicate.tag_ in ("JJR", "RBR"):
        return True
    return any(c.dep_ == "advmod" and low(c) in ("more", "less") for c in predicate.children)


# After 'should' these verbs mostly say what is expected, not what is advised.
_EXPECTATION_VERBS = frozenset({"have", "take", "last", "arrive", "reach", "cost", "need", "mean", "expect"})
# "should be in use before the end of the year": a deadline says what is expected, not advised
_DEADLINE_MARKERS = frozenset({"before", "by", "until", "within"})


def _ability_or_obligation(group: VerbGroup, question: bool, conditional: bool) -> str | None:
    modal = group.modal
    rest = group.shape[1:]
    lexical = rest == ("VB",) and group.head.lemma_.lower() != "be"
    passive = group.passive and rest == ("BE", "VBN")
    if modal == "can" and lexical and (not question or _wh_can(group)):
        return "modal_can_ability"
    if modal == "could" and lexical and not question and not conditional:
        return "modal_could_ability"
    if modal == "must" and (lexical or passive):
        return "must_obligation"
    if modal == "should" and (lexical or passive or (group.copular and rest == ("BE",))):
        if group.head.lemma_.lower() in _EXPECTATION_VERBS and not passive:
            return None  # "Pyongyang should have no trouble", "it should take a week": expectation
        if group.copular and _impersonal(group):
            return None  # "It should be easy to reduce noise": what is expected, not advice
        if group.copular and _has_deadline(group):
            return None  # "The new rules should be in force before the end of the year"
        return "should_advice" if not conditional else None
    return None


_IMPERSONAL = frozenset({"it", "this", "that", "there"})


def _has_deadline(group: VerbGroup) -> bool:
    """A time by which the state is to hold, hung on the predicate: "before the end of 2013", "by May"."""
    head = group.head
    return any(
        low(t) in _DEADLINE_MARKERS and t.dep_ in ("case", "mark") and t.head.head.i == head.i
        for t in head.subtree
    )


def _impersonal(group: VerbGroup) -> bool:
    """ "It/This/There should be ...": nobody is advised, something is expected."""
    subj = _subject(group)
    return subj is not None and (subj.dep_ == "expl" or low(subj) in _IMPERSONAL)


def _wh_can(group: VerbGroup) -> bool:
    """ "How can I watch it online?", "Where can I get morcillas?": a wh-word right before 'can'
    and 'I'/'we' after it asks what is possible; "Can you send me ...?" is a request."""
    can = group.tokens[0]
    doc = can.doc
    if can.i == 0 or can.i + 1 >= len(doc):
        return False
    return low(doc[can.i - 1]) in ("how", "where") and low(doc[can.i + 1]) in ("i", "we")


def detect_modals(sent: Span) -> Iterator[Hit]:
    question = is_question(sent)
    conditional = has_if(sent)
    for group in verb_groups(sent):
        if group.modal is None or group.infinitival:
            continue
        first = group.tokens[0]
        if first.i > 0 and first.doc[first.i - 1].pos_ == "DET":
            continue  # "a must see" is a noun
        unreal = conditional or _unreal(group)
        point = _deduction(group, unreal) or _ability_or_obligation(group, question, conditional)
        if point is not None:
            yield Hit(point, group.start, _span_end(group))


def detect_semi_modals(sent: Span) -> Iterator[Hit]:
    """have to, ought to, be able to: found on the words, which are unambiguous here."""
    for tok in sent:
        word = low(tok)
        if word in ("have", "has", "had", "having") and tok.pos_ in ("VERB", "AUX"):
            hit = _have_to(tok)
        elif word == "ought":
            verb = to_infinitive_after(tok)
            hit = Hit("ought_to", tok.i, verb.i + 1) if verb is not None else None
        elif word == "able":
            hit = _be_able_to(tok)
        else:
            continue
        if hit is not None:
            yield hit


def _have_to(tok: Token) -> Hit | None:
    if tok.i + 1 >= tok.sent.end or low(tok.nbor(1)) != "to":
        return None  # "have to" must be adjacent; "have a lot to do" is not obligation
    verb = to_infinitive_after(tok)
    if verb is None:
        return None
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_.lower() == "do" and after is not None and low(after) == "with":
        return None  # "has to do with" = is about
    if _had_thing_before(tok):
        return None
    return Hit("have_to_obligation", tok.i, verb.i + 1)


# What someone can have the use of ("the time couples have to start families").
_HAD_THINGS = frozenset(
    {"time", "money", "chance", "opportunity", "energy", "space", "room", "means", "resources", "freedom"}
)


def _had_thing_before(have: Token) -> bool:
    """ "the lack of time couples have to start families": a contact relative clause, whose 'have' has
    the noun before its subject as object ("the time that couples have"), so 'have to' is no
    obligation there (and where it may be one, "the money we have to pay", nothing is said)."""
    subject = False
    for tok in reversed(list(have.doc[max(have.sent.start, have.i - 5) : have.i])):
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            return False
        if subject and low(tok) in _HAD_THINGS:
            return True
        subject = subject or tok.pos_ in ("NOUN", "PROPN", "PRON")
    return False


def _be_able_to(tok: Token) -> Hit | None:
    verb = to_infinitive_after(tok)
    if verb is None:
        return None
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 3) - 1, -1):
        if low(tok.doc[i]) in BE_FORMS:
            return Hit("be_able_to", i, verb.i + 1)
    return None
