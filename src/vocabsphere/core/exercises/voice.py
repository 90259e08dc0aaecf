"""Active and passive voice: which sentence says the same in the other voice?

Made only from a source sentence that is a simple-tense agentive passive ("The gas was offered by
Russia.") that the adaptation's verified rewrite (``adapt.passive.passive_to_active``) turns into
an active sentence. The item either shows the passive and asks for the active (key: the rewrite) or
shows the active and asks for the passive (key: the source sentence itself). The parts below are
rebuilt the same way as the rewrite and must reproduce it exactly, else no item: the distractors
then differ from the key in one clear way each (doer and receiver swapped, wrong tense, a verb form
that is not English), never in something a teacher could accept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vocabsphere.core.adapt.passive import passive_to_active
from vocabsphere.core.adapt.text_ops import finish, uncapitalise
from vocabsphere.core.adapt.verbs import agree_tag, inflect, object_case, subject_case, verb_lemma

from .choices import choice_options
from .model import ExerciseItem, ExerciseKind, PatternRef

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["voice_item"]

PASSIVE_WITH_AGENT = PatternRef("passive_with_agent", "B1")
_AUX_TENSE = {"is": False, "are": False, "am": False, "was": True, "were": True}
_LOWER_FIRST = frozenset({"DET", "PRON", "ADP", "ADV", "CCONJ", "SCONJ", "AUX", "PART", "NUM"})


@dataclass(frozen=True)
class _Passive:
    patient: str  # as an object: "the gas"
    patient_subject: str  # as a subject, sentence-initial: "The gas"
    patient_head: Token
    agent: str  # as a subject, sentence-initial: "Russia"
    agent_object: str  # as an object: "Russia"
    agent_head: Token
    aux: str  # "was"
    participle: str  # "offered"
    lemma: str  # "offer"
    past: bool
    rest: str  # what follows the agent: " in 1950."


def _be(past: bool, subject: Token) -> str:
    if subject.lower_ == "i":
        return "was" if past else "am"
    plural = agree_tag("VBZ", subject) == "VBP"
    return ("were" if plural else "was") if past else ("are" if plural else "is")


def _active_verb(p: _Passive, subject: Token, past: bool) -> str | None:
    return inflect(p.lemma, "VBD" if past else agree_tag("VBZ", subject))


def _parts(sent: Span) -> _Passive | None:
    """The passive's parts, rebuilt as ``passive_to_active`` builds its sentence; None unless the
    rebuilt active sentence is exactly the rewrite (a simple tense, nothing between the parts)."""
    rewrite = passive_to_active(sent)
    verb = sent.root
    if rewrite is None or len(rewrite) != 1 or verb.tag_ != "VBN":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
    doc = sent.doc
    if subj is None or subj.right_edge.i + 2 != verb.i or verb.i + 1 >= sent.end:
        return None
    aux, by = doc[verb.i - 1], doc[verb.i + 1]
    if aux.lower_ not in _AUX_TENSE or by.lower_ != "by" or aux.head != verb:
        return None  # only be + participle + by: no adverb, particle, perfect or modal
    patient_span = doc[sent.start : subj.right_edge.i + 1]
    if any(t.is_punct or not t.whitespace_ for t in patient_span) or patient_span[0].pos_ == "ADP":
        return None  # "In today's Spain, the movement ...": a fronted phrase is not the receiver
    if (
        patient_span[0].pos_ not in _LOWER_FIRST
        and patient_span[0].is_title
        and patient_span[0].pos_ != "PROPN"
    ):
        return None  # "Other supporters": the rewrite would keep a capital inside the sentence
    words = [t.text for t in patient_span]
    words[0] = uncapitalise(doc[sent.start])
    patient = object_case(" ".join(words))
    past = _AUX_TENSE[aux.lower_]
    lemma = verb_lemma(verb)
    for end in range(by.i + 1, sent.end - 1):
        agent_words = doc[by.i + 1 : end + 1].text
        agent = subject_case(agent_words)
        part = _Passive(
            patient=patient,
            patient_subject=subject_case(patient),
            patient_head=subj,
            agent=agent,
            agent_object=object_case(agent_words),
            agent_head=doc[end],
            aux=aux.lower_,
            participle=verb.text.lower(),
            lemma=lemma,
            past=past,
            rest=doc[end + 1 : sent.end].text,
        )
        if end + 1 < sent.end - 1 and doc[end + 1].is_punct:
            continue  # "by lay supervisors – members of ...": what follows describes the agent
        active = _active_verb(part, doc[end], past)
        if active and finish(f"{agent} {active} {patient} {part.rest}") == rewrite[0]:
            return part
    return None


def _sentence(*words: str | None) -> str:
    return finish(" ".join(w for w in words if w))


def voice_item(token: Token, lemma: str) -> ExerciseItem | None:
    sent = token.sent
    p = _parts(sent)
    if p is None:
        return None
    source = sent.text.strip()
    tense = "past simple" if p.past else "present simple"
    active_verb = _active_verb(p, p.agent_head, p.past)
    other_tense = _active_verb(p, p.agent_head, not p.past)
    active = _sentence(p.agent, active_verb, p.patient, p.rest)
    to_active = hashlib.sha256(source.encode("utf-8")).digest()[0] % 2 == 0  # either way, by sentence
    distractors: list[str | None]
    if to_active:
        key = active
        distractors = [
            _sentence(p.patient_subject, _active_verb(p, p.patient_head, p.past), p.agent_object, p.rest),
            _sentence(p.agent, other_tense, p.patient, p.rest),
            _sentence(p.agent, _be(p.past, p.agent_head), p.participle, p.patient, p.rest),
        ]
        prompt = f"Which sentence means the same in the active voice? {source}"
        explanation = (
            f"In the active voice the doer, \u2018{p.agent_object}\u2019 (after \u2018by\u2019 in the "
            f"passive), becomes the subject and \u2018{p.patient}\u2019 becomes the object. The tense "
            f"stays the {tense}: \u2018{p.aux} {p.participle}\u2019 \u2192 \u2018{active_verb}\u2019."
        )
    else:
        key = source
        base = inflect(p.lemma, "VB")
        distractors = [
            _sentence(p.agent, _be(p.past, p.agent_head), p.participle, "by", p.patient, p.rest),
            _sentence(
                p.patient_subject, _be(not p.past, p.patient_head), p.participle, "by", p.agent_object, p.rest
            ),
            _sentence(p.patient_subject, p.aux, base, "by", p.agent_object, p.rest)
            if base and base != p.participle
            else None,
        ]
        prompt = f"Which sentence means the same in the passive voice? {active}"
        explanation = (
            f"In the passive the receiver, \u2018{p.patient}\u2019, becomes the subject and the doer, "
            f"\u2018{p.agent_object}\u2019, comes after \u2018by\u2019. The passive is be + past "
            f"participle, with be in the same tense ({tense}): \u2018{active_verb}\u2019 \u2192 "
            f"\u2018{p.aux} {p.participle}\u2019."
        )
    options = choice_options(key, [d for d in distractors if d], source)
    if options is None or not active_verb or not other_tense:
        return None
    return ExerciseItem(
        kind=ExerciseKind.VOICE,
        prompt=prompt,
        options=options,
        answer=key,
        accepted=(key,),
        explanation=explanation,
        grammar_point=PASSIVE_WITH_AGENT,
        source_sentence=source,
        word=lemma,
    )
