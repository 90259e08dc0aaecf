"""Gold grammar constructions derived from UD trees (CoNLL-U), for bench_grammar.py.

Each rule reads the treebank's own annotation (UPOS, XPOS, FEATS, lemmas, relations), never
the project's parse or its detectors: passive = a verb with ``aux:pass``; perfect = have +
VBN; continuous = be + a VBG *verb* (an adjective after be is not a continuous); relative
clause = ``acl:relcl``; conditional = an ``advcl`` marked by "if"; phrasal verb =
``compound:prt``; comparison = ``Degree``; and so on for every point the detectors name.
A construction is a point id with the character span of its words in the sentence text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GoldSentence", "GoldToken", "gold_constructions", "read_conllu"]


@dataclass
class GoldToken:
    i: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str]
    head: int  # index in the sentence, -1 for the root
    deprel: str
    start: int  # character offsets in the sentence text
    end: int

    @property
    def low(self) -> str:
        return self.form.lower().replace("\u2019", "'")


@dataclass
class GoldSentence:
    sent_id: str
    text: str
    tokens: list[GoldToken]

    def children(self, tok: GoldToken) -> list[GoldToken]:
        return [t for t in self.tokens if t.head == tok.i]

    def child(self, tok: GoldToken, *deps: str) -> GoldToken | None:
        return next((t for t in self.children(tok) if t.deprel in deps), None)

    def head(self, tok: GoldToken) -> GoldToken | None:
        return self.tokens[tok.head] if tok.head >= 0 else None


def _feats(raw: str) -> dict[str, str]:
    if raw == "_":
        return {}
    return dict(part.split("=", 1) for part in raw.split("|"))


def _locate(text: str, cursor: int, form: str) -> tuple[int, int]:
    found = text.find(form, cursor)
    if found < 0 or found - cursor > 3:
        return cursor, cursor + len(form)  # not found verbatim: assume it sits at the cursor
    return found, found + len(form)


def _sentence(sent_id: str, text: str, rows: list[list[str]]) -> GoldSentence:
    tokens: list[GoldToken] = []
    cursor = 0
    mwt_end = -1
    mwt_span = (0, 0)
    for cols in rows:
        ident = cols[0]
        if "-" in ident:  # a multi-word token: its words share the surface's span
            mwt_end = int(ident.split("-")[1])
            mwt_span = _locate(text, cursor, cols[1])
            cursor = mwt_span[1]
            continue
        if "." in ident:
            continue  # empty nodes
        number = int(ident)
        if number <= mwt_end:
            start, end = mwt_span
        else:
            start, end = _locate(text, cursor, cols[1])
            cursor = end
        head = int(cols[6]) - 1 if cols[6] not in ("_", "0") else -1
        tokens.append(
            GoldToken(
                number - 1, cols[1], cols[2], cols[3], cols[4], _feats(cols[5]), head, cols[7], start, end
            )
        )
    return GoldSentence(sent_id, text, tokens)


def read_conllu(path: Path) -> list[GoldSentence]:
    sentences: list[GoldSentence] = []
    sent_id, text, rows = "", "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line[len("# sent_id = ") :].strip()
        elif line.startswith("# text = "):
            text = line[len("# text = ") :].strip()
        elif not line.strip():
            if rows:
                sentences.append(_sentence(sent_id, text, rows))
            rows = []
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    if rows:
        sentences.append(_sentence(sent_id, text, rows))
    return sentences


# --- verb groups -------------------------------------------------------------------------

_WILL = frozenset({"will", "'ll", "ll", "wo", "shall", "sha"})
_MODAL_LEMMAS = frozenset(
    {"will", "would", "can", "could", "may", "might", "must", "should", "shall", "ought"}
)
_SEMI_MODAL_HEADS = frozenset({"going", "gon", "used", "able", "ought"})


@dataclass
class _Group:
    head: GoldToken
    auxes: list[GoldToken]
    copular: bool
    passive: bool

    @property
    def tokens(self) -> list[GoldToken]:
        return [*self.auxes, self.head] if not self.copular else [*self.auxes]

    def span(self, sent: GoldSentence) -> tuple[int, int]:
        toks = [*self.auxes, self.head]
        return min(t.start for t in toks), max(t.end for t in toks)


def _groups(sent: GoldSentence) -> Iterator[_Group]:
    for tok in sent.tokens:
        if tok.deprel in ("aux", "aux:pass", "cop"):
            continue
        # a copula may follow a fronted predicate: "what the dress code is"
        auxes = [
            c
            for c in sent.children(tok)
            if (c.deprel in ("aux", "aux:pass") and c.i < tok.i) or c.deprel == "cop"
        ]
        cops = [c for c in auxes if c.deprel == "cop"]
        if len(cops) > 1:  # "The problem is that customers ... are loyal": the last copula is this clause's
            auxes = [c for c in auxes if c.i >= cops[-2].i + 1]
            for outer in cops[:-1]:  # ... and each earlier one is a clause of its own
                yield _Group(tok, [outer], True, False)
        copular = any(c.deprel == "cop" for c in auxes)
        passive = any(c.deprel == "aux:pass" for c in auxes)
        if copular or auxes or tok.upos in ("VERB", "AUX"):
            yield _Group(tok, auxes, copular, passive)


def _aux_kind(aux: GoldToken, nxt: GoldToken | None) -> str:
    """will, modal, be_pres, be_past, be, been, being, have_pres, have_past, have, do_pres or do_past."""
    lemma, word = aux.lemma.lower(), aux.low
    if aux.xpos == "MD" or lemma in _MODAL_LEMMAS:
        return "will" if word in _WILL or lemma in ("will", "shall") else "modal"
    if lemma == "be":
        if word in ("be", "been", "being"):
            return word
        return "be_past" if aux.feats.get("Tense") == "Past" else "be_pres"
    if lemma == "have":
        if aux.feats.get("VerbForm") == "Inf" or (word == "have" and aux.xpos == "VB"):
            return "have"
        return "have_past" if aux.feats.get("Tense") == "Past" else "have_pres"
    if lemma == "do":
        return "do_past" if aux.feats.get("Tense") == "Past" else "do_pres"
    return "other"


def _bare_present(sent: GoldSentence, head: GoldToken) -> bool:
    """EWT tags some present verbs VB ("you guys want to ...?", "whether you need ..."): a base form
    with its own subject before it, no auxiliary and no 'to' is a present simple."""
    return any(c.deprel == "nsubj" and c.i < head.i for c in sent.children(head)) and not any(
        c.deprel in ("mark", "aux", "aux:pass") and c.low in ("to", "that") for c in sent.children(head)
    )


def _shape(group: _Group, sent: GoldSentence | None = None) -> tuple[str, ...]:
    kinds = [_aux_kind(a, None) for a in group.auxes]
    if group.copular:
        return tuple(kinds)
    head = group.head
    if head.xpos == "VBG" and head.upos in ("VERB", "AUX"):
        last = "VBG"
    elif head.xpos == "VBN":
        last = "VBN"
    elif head.xpos in ("VBZ", "VBP"):
        last = "PRES"
    elif head.xpos == "VBD":
        last = "PAST"
    elif head.xpos == "VB":
        last = "PRES" if not kinds and sent is not None and _bare_present(sent, head) else "VB"
    else:
        last = "X"
    return (*kinds, last)


_TENSES = {
    ("PRES",): "present_simple",
    ("do_pres", "VB"): "present_simple",
    ("PAST",): "past_simple",
    ("do_past", "VB"): "past_simple",
    ("be_pres", "VBG"): "present_continuous",
    ("be_past", "VBG"): "past_continuous",
    ("have_pres", "VBN"): "present_perfect",
    ("have_past", "VBN"): "past_perfect",
    ("have_pres", "been", "VBG"): "present_perfect_continuous",
    ("have_past", "been", "VBG"): "past_perfect_continuous",
    ("will", "VB"): "future_will",
    ("will", "be", "VBG"): "future_continuous",
    ("will", "have", "VBN"): "future_perfect",
}
_COPULA_TENSES = {
    ("be_pres",): "present_simple",
    ("be_past",): "past_simple",
    ("do_pres", "be"): "present_simple",
    ("have_pres", "been"): "present_perfect",
    ("have_past", "been"): "past_perfect",
    ("will", "be"): "future_will",
    ("will", "have", "been"): "future_perfect",
}


def _is_semi_modal_head(sent: GoldSentence, head: GoldToken) -> bool:
    xcomp = sent.child(head, "xcomp")
    to_inf = xcomp is not None and any(c.deprel == "mark" and c.low == "to" for c in sent.children(xcomp))
    if head.low == "ought":
        return True
    return to_inf and (head.low in _SEMI_MODAL_HEADS or head.lemma.lower() == "have")


def _infinitival(sent: GoldSentence, head: GoldToken) -> bool:
    return any(c.deprel == "mark" and c.low == "to" for c in sent.children(head))


def _tense(sent: GoldSentence, group: _Group) -> str | None:
    if group.passive or _infinitival(sent, group.head) or _is_semi_modal_head(sent, group.head):
        return None
    if group.head.feats.get("Mood") == "Imp":
        return None
    table = _COPULA_TENSES if group.copular else _TENSES
    return table.get(_shape(group, sent))


def _modal_point(sent: GoldSentence, group: _Group) -> str | None:
    if not group.auxes or _aux_kind(group.auxes[0], None) != "modal":
        return None
    modal = group.auxes[0].lemma.lower()
    rest = _shape(group)[1:]
    negative = any(c.deprel == "advmod" and c.low in ("not", "n't") for c in sent.children(group.head))
    if rest[:2] in (("have", "VBN"), ("have", "been")) and (
        modal in ("must", "might", "may", "could") or negative
    ):
        return "deduction_past"
    # the point names might/may/could (possible), must (almost certain), can't (impossible)
    possible = modal in ("might", "may", "must", "could") or (modal == "can" and negative)
    if possible and ((group.copular and rest == ("be",)) or rest == ("be", "VBG")):
        return "deduction_present"
    lexical = rest == ("VB",) and group.head.lemma.lower() != "be"
    if modal == "can" and lexical:
        return "modal_can_ability"
    if modal == "could" and lexical:
        return "modal_could_ability"
    if modal == "must" and (lexical or rest == ("be", "VBN")):
        return "must_obligation"
    if modal == "should" and (lexical or rest == ("be", "VBN") or (group.copular and rest == ("be",))):
        return "should_advice"
    return None


def _verb_points(sent: GoldSentence) -> Iterator[tuple[str, int, int]]:
    for group in _groups(sent):
        start, end = group.span(sent)
        point = _tense(sent, group)
        if point is not None:
            yield point, start, end
        if group.passive:
            agent = sent.child(group.head, "obl:agent")
            yield ("passive_with_agent" if agent is not None else "passive_no_agent"), start, end
        modal = _modal_point(sent, group)
        if modal is not None:
            yield modal, start, end


def _to_xcomp(sent: GoldSentence, tok: GoldToken) -> GoldToken | None:
    for c in sent.children(tok):
        if c.deprel == "xcomp" and any(m.deprel == "mark" and m.low == "to" for m in sent.children(c)):
            return c
    return None


def _semi_modals(sent: GoldSentence) -> Iterator[tuple[str, int, int]]:
    for tok in sent.tokens:
        verb = _to_xcomp(sent, tok)
        lemma = tok.lemma.lower()
        if tok.low == "ought":
            yield "ought_to", tok.start, tok.end
        if verb is None:
            continue
        auxes = [c for c in sent.children(tok) if c.deprel in ("aux", "cop", "aux:pass")]
        if tok.low in ("going", "gon") and any(
            a.lemma == "be" and a.feats.get("Tense") == "Pres" for a in auxes
        ):
            yield "future_going_to", tok.start, verb.end
        elif lemma == "have" and tok.upos == "VERB" and sent.tokens[tok.i + 1].low in ("to", "got"):
            yield "have_to_obligation", tok.start, verb.end
        elif tok.low == "able" and any(a.lemma == "be" for a in auxes):
            yield "be_able_to", tok.start, verb.end
        elif tok.low in ("used", "use") and tok.upos == "VERB" and not any(a.lemma == "be" for a in auxes):
            yield "used_to", tok.start, verb.end


# --- clauses -------------------------------------------------------------------------------

_REPORTING = frozenset(
    {
        "say",
        "tell",
        "explain",
        "report",
        "claim",
        "announce",
        "state",
        "mention",
        "reply",
        "admit",
        "deny",
        "insist",
        "warn",
        "promise",
        "confirm",
        "add",
        "suggest",
        "complain",
        "argue",
        "inform",
        "reveal",
        "assure",
        "predict",
    }
)


def _subtree_span(sent: GoldSentence, tok: GoldToken) -> tuple[int, int]:
    todo, seen = [tok], [tok]
    while todo:
        for c in sent.children(todo.pop()):
            seen.append(c)
            todo.append(c)
    return min(t.start for t in seen), max(t.end for t in seen)


# EWT hangs free relatives ("what you say", "what they wonder") on the wh-word with acl:relcl;
# they are no relative clause about a noun, which is what the relative-clause points teach.
_FREE_RELATIVE_HEADS = frozenset({"what", "whatever", "whoever", "whichever", "how", "why"})


def _marked_gerund(sent: GoldSentence, tok: GoldToken) -> bool:
    """ "the process of reviewing", "thanks for fixing", "the work to be done": EWT makes these
    acl of the noun with a preposition or 'to' as mark; a preposition + gerund (or an
    infinitive) is no reduced relative clause, which is a bare participle phrase."""
    return any(c.deprel in ("mark", "case") for c in sent.children(tok))


def _clause_time(sent: GoldSentence, verb: GoldToken) -> str | None:
    group = next((g for g in _groups(sent) if g.head.i == verb.i), None)
    if group is None:
        return None
    shape = _shape(group)
    first = shape[0]
    if first == "will":
        return "will" if "have" not in shape else None
    if first == "modal" and group.auxes[0].lemma.lower() in ("would", "could", "might"):
        return "wouldperf" if "have" in shape[1:2] else "would"
    if first == "have_past":
        return "pastperf"
    if first in ("be_past", "do_past", "PAST"):
        return "past"
    if first in ("have_pres", "be_pres", "do_pres", "PRES"):
        return "pres"
    return None


_CONDITIONAL_TYPES = {
    ("pres", "pres"): "conditional_zero",
    ("pres", "will"): "conditional_first",
    ("past", "would"): "conditional_second",
    ("pastperf", "wouldperf"): "conditional_third",
    ("pastperf", "would"): "conditional_mixed",
    ("past", "wouldperf"): "conditional_mixed",
}


def _clauses(sent: GoldSentence) -> Iterator[tuple[str, int, int]]:
    toks = sent.tokens
    for tok in toks:
        head = sent.head(tok)
        if tok.deprel == "acl:relcl" and head is not None and head.low not in _FREE_RELATIVE_HEADS:
            start, end = _subtree_span(sent, tok)
            left = min((t for t in toks if t.start >= start and t.upos != "PUNCT"), key=lambda t: t.i)
            comma = left.i > 0 and toks[left.i - 1].form in (",", "(", "-", "--")
            yield ("relative_non_defining" if comma else "relative_defining"), start, end
        elif (
            tok.deprel == "acl"
            and tok.feats.get("VerbForm") in ("Part", "Ger")
            and tok.xpos in ("VBN", "VBG")
            and head is not None
            and head.upos in ("NOUN", "PROPN", "PRON")
            and not _marked_gerund(sent, tok)
        ):
            yield "relative_reduced", *_subtree_span(sent, tok)
        elif (
            tok.deprel == "advcl"
            and head is not None
            and any(c.deprel == "mark" and c.low == "if" for c in sent.children(tok))
        ):
            cond, main = _clause_time(sent, tok), _clause_time(sent, head)
            point = _CONDITIONAL_TYPES.get((cond or "", main or ""))
            if point is not None:
                span = _subtree_span(sent, tok)
                yield point, min(span[0], head.start), max(span[1], head.end)
        elif (
            tok.deprel == "ccomp"
            and head is not None
            and head.lemma.lower() in _REPORTING
            and tok.i > head.i
            and not any(t.form in ('"', "\u201c", "\u201d", "'", "``") for t in toks[head.i : tok.i])
        ):
            yield "reported_speech", min(head.start, tok.start), max(head.end, tok.end)
        elif tok.deprel == "ccomp" and head is not None and head.lemma.lower() == "wish":
            perfect = any(c.lemma == "have" and c.feats.get("Tense") == "Past" for c in sent.children(tok))
            past = (
                perfect
                or tok.feats.get("Tense") == "Past"
                or any(
                    c.deprel in ("cop", "aux") and c.feats.get("Tense") == "Past" for c in sent.children(tok)
                )
                # "I wish I could ...": EWT gives modals no Tense, but 'could' is the past of 'can'
                or any(c.deprel == "aux" and c.low == "could" for c in sent.children(tok))
            )
            if past:
                yield ("wish_past_perfect" if perfect else "wish_past"), head.start, tok.end


# --- comparison and degree -------------------------------------------------------------------


def _comparison(sent: GoldSentence) -> Iterator[tuple[str, int, int]]:
    for tok in sent.tokens:
        degree = tok.feats.get("Degree")
        head = sent.head(tok)
        if tok.upos == "PROPN":
            continue  # "Greater Noida" is a name, not a comparison
        if degree == "Cmp" and tok.low not in ("more", "less", "fewer", "rather"):
            yield "comparative_er", tok.start, tok.end
        elif degree == "Sup" and tok.low not in ("most", "least"):
            yield "superlative_est", tok.start, tok.end
        elif tok.low in ("more", "most") and tok.deprel == "advmod" and head is not None:
            if head.upos in ("ADJ", "ADV") and head.feats.get("Degree", "Pos") == "Pos" and head.i > tok.i:
                point = "comparative_more" if tok.low == "more" else "superlative_most"
                yield point, tok.start, head.end
        elif tok.low == "too" and tok.deprel == "advmod" and head is not None and head.upos in ("ADJ", "ADV"):
            if head.i == tok.i + 1:
                yield "too_adjective", tok.start, head.end
        elif tok.low == "enough" and tok.deprel == "advmod" and head is not None and head.i == tok.i - 1:
            if head.upos in ("ADJ", "ADV"):
                yield "adjective_enough", head.start, tok.end
        elif tok.low in ("so", "such") and head is not None:
            target = head if tok.low == "so" else sent.head(head) if False else head
            that_clause = next(
                (
                    c
                    for c in sent.children(target)
                    if c.deprel in ("ccomp", "advcl")
                    and c.i > target.i
                    and any(m.deprel == "mark" and m.low == "that" for m in sent.children(c))
                ),
                None,
            )
            if that_clause is not None and tok.deprel in ("advmod", "amod", "det:predet", "det"):
                point = "so_that_result" if tok.low == "so" else "such_that_result"
                yield point, tok.start, that_clause.end


# --- verb patterns and sentence types ----------------------------------------------------------


def _patterns(sent: GoldSentence) -> Iterator[tuple[str, int, int]]:
    toks = sent.tokens
    question = "?" in sent.text[-3:]
    for tok in toks:
        head = sent.head(tok)
        lemma = tok.lemma.lower()
        if head is not None and head.upos == "VERB" and _particle(sent, tok, head):
            yield "phrasal_verb", min(head.start, tok.start), max(head.end, tok.end)
        if tok.deprel == "xcomp" and head is not None and head.upos == "VERB":
            marked = any(c.deprel == "mark" and c.low == "to" for c in sent.children(tok))
            if tok.xpos == "VBG" and not marked and tok.i > head.i:
                yield "gerund_complement", head.start, tok.end
            elif marked and tok.i > head.i and not _is_semi_modal_head(sent, head):
                yield "infinitive_complement", head.start, tok.end
        if lemma in ("have", "get") and tok.upos == "VERB":
            xcomp = sent.child(tok, "xcomp")
            if xcomp is not None and xcomp.xpos == "VBN" and sent.child(tok, "obj") is not None:
                yield "causative_have_get", tok.start, xcomp.end
        if tok.low == "there" and tok.deprel == "expl":
            ends = [tok.end] if head is None else [tok.end, head.end]
            yield "there_existential", min(tok.start, head.start if head else tok.start), max(ends)
        imperative = tok.feats.get("Mood") == "Imp" or any(
            c.deprel in ("aux", "aux:pass", "cop") and c.feats.get("Mood") == "Imp"
            for c in sent.children(tok)
        )
        if imperative and tok.deprel in ("root", "conj", "parataxis"):
            subject = sent.child(tok, "nsubj")
            first = min(
                [tok.start] + [c.start for c in sent.children(tok) if c.deprel in ("aux", "cop", "aux:pass")]
            )
            if lemma == "let" and any(c.low in ("'s", "us") for c in sent.children(tok)):
                yield "lets_suggestion", first, tok.end
            elif subject is None or _vocative(sent, subject):
                yield "imperative", first, tok.end
        if question and tok.feats.get("PronType") == "Int" and _clause_initial(sent, tok):
            yield "wh_question", tok.start, sent.tokens[-1].end
    yield from _tags_and_clefts(sent)


_PARTICLES = frozenset({"up", "down", "out", "off", "in", "on", "away", "back", "over", "around"})


def _particle(sent: GoldSentence, tok: GoldToken, verb: GoldToken) -> bool:
    """compound:prt; EWT also leaves many particles as advmod ("picking up the eggs", "take it
    down", "you can get off anyplace"): an adverb particle right after the verb, or after its
    object, counts too (a phrasal verb is a verb + adverb particle; a preposition is ADP/case)."""
    if tok.deprel == "compound:prt":
        return True
    if tok.deprel != "advmod" or tok.upos != "ADV" or tok.low not in _PARTICLES or sent.children(tok):
        return False
    obj = sent.child(verb, "obj")
    return tok.i == verb.i + 1 or (obj is not None and obj.i == tok.i - 1 and obj.upos == "PRON")


def _vocative(sent: GoldSentence, subject: GoldToken) -> bool:
    """ "Ginny, Please see the attached guaranty.": EWT sometimes marks the person addressed as
    the subject of an order; a name set off by a comma or colon is a vocative, and the order
    stays an imperative."""
    nxt = sent.tokens[subject.i + 1] if subject.i + 1 < len(sent.tokens) else None
    return subject.upos == "PROPN" and nxt is not None and nxt.form in (",", ":", "-")


def _clause_initial(sent: GoldSentence, tok: GoldToken) -> bool:
    """The interrogative word opens a main clause: "And what do we get ...?", "Erm ya How can I ...?"."""
    clause = tok
    while clause.head >= 0 and clause.deprel not in ("root", "parataxis"):
        clause = sent.tokens[clause.head]
    # an opening if/when clause does not stop a question: "And if anyone has voted, what did you ...?",
    # nor a linking adverb or a fronted phrase: "So what happened?", "In Chicago, what is ...?"
    skip = ("punct", "cc", "discourse", "vocative", "reparandum", "advcl")
    if tok.deprel not in ("advmod", "obl"):
        skip += ("advmod", "obl")
    words = [t for t in sent.tokens if t.head == clause.i and t.deprel not in skip]
    first = min([clause.start] + [_subtree_span(sent, w)[0] for w in words])
    return tok.start == first or (
        sent.head(tok) is not None and min(_subtree_span(sent, sent.tokens[tok.head])) == first == tok.start
    )


def _tags_and_clefts(sent: GoldSentence) -> Iterator[tuple[str, int, int]]:
    toks = [t for t in sent.tokens if t.upos != "PUNCT" or t.form in (",", "?")]
    if len(toks) >= 4 and toks[-1].form == "?" and toks[-2].upos == "PRON":
        k = len(toks) - 3
        if toks[k].low in ("n't", "not"):
            k -= 1
        if toks[k].upos == "AUX" and k > 0 and toks[k - 1].form == ",":
            yield "question_tag", toks[k].start, toks[-2].end
    for tok in sent.tokens:
        # it-cleft: "It was John who called": 'it' (expl) + be + focus with a relative clause
        # (EWT since v2.14 marks the cleft clause advcl:relcl, as it does clause-level relatives)
        if tok.low == "it" and tok.deprel == "expl":
            head = sent.head(tok)
            if (
                head is not None
                and sent.child(head, "cop") is not None
                and sent.child(head, "acl:relcl", "advcl:relcl") is not None
            ):
                yield "it_cleft", tok.start, head.end
        # pseudo-cleft: "What they wonder is whether ...": a free relative 'what' (EWT: nsubj:outer
        # with acl:relcl) as the subject of a copula
        if tok.low == "what" and tok.deprel in ("nsubj", "nsubj:outer") and sent.child(tok, "acl:relcl"):
            head = sent.head(tok)
            cop = sent.child(head, "cop") if head is not None else None
            if head is not None and cop is not None and cop.i > tok.i:
                yield "pseudo_cleft", tok.start, cop.end
        if tok.deprel == "csubj":
            head = sent.head(tok)
            first = min(_subtree_span(sent, tok))
            what = next((t for t in sent.tokens if t.start == first), None)
            if (
                head is not None
                and what is not None
                and what.low == "what"
                and sent.child(head, "cop") is not None
            ):
                yield "pseudo_cleft", first, head.end


def gold_constructions(sent: GoldSentence) -> list[tuple[str, int, int]]:
    """(point id, start char, end char) of every gold construction in ``sent``."""
    found = [
        *_verb_points(sent),
        *_semi_modals(sent),
        *_clauses(sent),
        *_comparison(sent),
        *_patterns(sent),
    ]
    return sorted(set(found), key=lambda item: (item[1], item[2], item[0]))
