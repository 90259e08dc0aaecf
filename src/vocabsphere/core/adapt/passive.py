"""Agentive passive -> active: "The gas was offered by Russia." -> "Russia offered the gas."

Only main-clause verbs in simple tenses (is/was, has been, modal + be), with the "by" phrase right
after the verb and a plain noun phrase as agent; anything else is left alone.
"""

from __future__ import annotations

from lemminflect import getAllLemmas
from spacy.tokens import Span, Token

from vocabsphere.core.adapt.text_ops import accept, uncapitalise
from vocabsphere.core.adapt.verbs import agree_tag, inflect, object_case, subject_case, verb_lemma

__all__ = ["passive_to_active"]

_PASSIVE_AUX = {
    "is": "present",
    "are": "present",
    "am": "present",
    "was": "past",
    "were": "past",
}
_BAD_AGENTS_WORDS = (
    "way means end time hand car train bus plane phone email mail post default percent cent far year "
    "month week day"
)
_BAD_AGENTS = frozenset(_BAD_AGENTS_WORDS.split())


_TIME_WORDS = (
    "next last week weeks month months year years day days today yesterday tomorrow monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december"
)
_TIME = frozenset(_TIME_WORDS.split())


# What a passive subject can start with, and marks that show a fronted phrase or an aside in it.
_PATIENT_START = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"})
_ASIDE_MARKS = frozenset({",", ";", ":", "(", ")", "\u2014", "\u2013"})


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"obl", "obl:agent"} and child.i > verb.i:
            first = child.left_edge
            if first.lower_ == "by" and first.head == child:
                return child
    return None


def _agent_split(verb: Token, agent: Token, end: int) -> bool:
    """Did the parse split one agent in two ("by the Minister for Economic Renewal Arnaud Montebourg's
    call": "the Minister" and "... call")? Then the verb has a second agent, or a possessive follows
    the agent closely: the real agent is what that possessive belongs to, so "the Minister" says the
    wrong doer."""
    if any(c.dep_ == "obl:agent" and c.i != agent.i for c in verb.children):
        return True
    for tok in verb.doc[end + 1 : min(end + 7, verb.sent.end)]:
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"}:
            return False
        if tok.tag_ == "POS":
            return True
    return False


def _common_word_as_name(first: Token) -> bool:
    """A sentence-initial word English knows, tagged as a name before a lower-case noun ("Air travel"):
    moved inside the sentence it would keep a capital it only had for opening it ("cancel Air travel"),
    and a real name ("Apple shares") cannot be told apart, so the sentence is left as it is."""
    nxt = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    return (
        first.tag_ in {"NNP", "NNPS"}
        and first.text[1:].islower()
        and bool(getAllLemmas(first.lower_))
        and nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.text.islower()
    )


def _active_verb(verb: Token, auxes: list[Token], agent: Token, negated: bool) -> str | None:
    """Verb group of the active clause, agreeing with the new subject."""
    words = [a.lower_ for a in auxes]
    if len(words) == 1 and words[0] in _PASSIVE_AUX:
        past = _PASSIVE_AUX[words[0]] == "past"
        if negated:
            do = "did" if past else inflect("do", agree_tag("VBZ", agent))
            base = inflect(verb_lemma(verb), "VB")
            return f"{do} not {base}" if do and base else None
        return inflect(verb_lemma(verb), "VBD" if past else agree_tag("VBZ", agent))
    if len(words) == 2 and words[1] in {"be", "been"}:
        first = words[0]
        neg = " not" if negated else ""
        if words[1] == "be" and auxes[0].tag_ == "MD":
            base = inflect(verb_lemma(verb), "VB")
            return f"{first}{neg} {base}" if base else None
        if words[1] == "been" and first in {"has", "have", "had"}:
            have = first if first == "had" else inflect("have", agree_tag("VBZ", agent))
            return f"{have}{neg} {verb.text.lower()}"
    return None


def _agent_end(agent: Token) -> int:
    """Last token of the agent noun phrase: its name parts and "of" phrases, nothing else."""
    end = agent.i
    for child in agent.rights:
        first = child.left_edge
        name_part = child.dep_ in {"flat", "compound", "fixed"}
        if (name_part or (child.dep_ == "nmod" and first.lower_ == "of")) and first.i == end + 1:
            end = _agent_end(child)
    return end


def passive_to_active(sent: Span) -> list[str] | None:
    """ "The gas was offered by Russia." -> "Russia offered the gas." (main verbs, simple tenses)."""
    verb = next(
        (t for t in sent if t.tag_ == "VBN" and any(c.dep_ == "nsubj:pass" for c in t.children)), None
    )
    if verb is None or verb.dep_ != "ROOT":
        return None
    subj = next(c for c in verb.children if c.dep_ == "nsubj:pass")
    agent = _agent(verb)
    if agent is None or subj.i > verb.i or subj.left_edge.i != sent.start:
        return None
    if agent.like_num or agent.lemma_.lower() in _BAD_AGENTS or agent.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if _agent_split(verb, agent, _agent_end(agent)) or _common_word_as_name(sent.doc[sent.start]):
        return None
    nxt = sent.doc[_agent_end(agent) + 1] if _agent_end(agent) + 1 < sent.end else None
    if any(c.dep_ == "conj" for c in agent.children) or (nxt is not None and nxt.pos_ == "CCONJ"):
        return None  # "by the law or by a new law": the second agent would be left behind
    if nxt is not None and not (nxt.is_punct or nxt.pos_ in {"ADP", "ADV", "SCONJ"} or nxt.lower_ in _TIME):
        # "by a consumer outreach exercise the company launched": the parse ended the agent early, and
        # the rest of it would land after the new object ("... of McDonald's exercise the company launched")
        return None
    by, agent_end = agent.left_edge.i, _agent_end(agent)
    if agent.right_edge.i != agent_end:
        return None  # "by a dynamo driven by ...": the agent's own modifiers would be misplaced
    prt = [c for c in verb.children if c.dep_ == "compound:prt" and c.i < by]
    span = sent.doc[by : agent_end + 1]
    if by != verb.i + 1 + len(prt) or any(t.is_punct or t.lower_ in _TIME for t in span):
        return None  # a time phrase inside the agent means the parse attached it wrongly
    auxes = [t for t in sent.doc[subj.right_edge.i + 1 : verb.i] if t.pos_ == "AUX"]
    advs = [t for t in sent.doc[subj.right_edge.i + 1 : verb.i] if t.pos_ in {"ADV", "PART"}]
    if len(auxes) + len(advs) != verb.i - subj.right_edge.i - 1 or len(advs) > 1:
        return None
    negated = any(a.lower_ in {"not", "n't"} for a in advs)
    group = _active_verb(verb, auxes, sent.doc[agent_end], negated)
    if group is None:
        return None
    adverbs = " ".join(a.text for a in advs if a.lower_ not in {"not", "n't"})
    patient_span = sent.doc[sent.start : subj.right_edge.i + 1]
    if sent.doc[sent.start].pos_ not in _PATIENT_START or any(t.text in _ASIDE_MARKS for t in patient_span):
        # "In today's Spain, the movement, and groups such as ..., are supported by ...": the parse hung a
        # fronted phrase or an aside on the subject, which would land after the new verb.
        return None
    first = sent.doc[sent.start]
    patient_text = object_case(uncapitalise(first) + patient_span.text[len(first.text) :])
    agent_text = subject_case(sent.doc[by + 1 : agent_end + 1].text)
    rest = sent.doc[agent_end + 1 : sent.end].text
    particles = " ".join(p.text for p in prt)
    parts = [agent_text, adverbs, group, particles, patient_text, rest]
    return accept(" ".join(p for p in parts if p))
