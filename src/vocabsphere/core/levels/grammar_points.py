"""Catalogue of the grammar points VocabSphere detects: id, name, CEFR level, explanation.

Levels come from the CEFR-J Grammar Profile 20180315 (Tono Laboratory, TUFS; see the data
folder's TERMS.md): its "CEFR-J Level" column reduced to the main level (A2.1 -> A2), else
its FREQ*DISP column, else its EGP column (lowest level of a range). Points the profile does
not list follow the English Grammar Profile (EGP) convention; their comment says so.
``source`` names the CEFR-J row (ID and shorthand code) a level was taken from.

Explanations are templates: ``{text}`` is filled with the matched words; a few also use a
detail slot supplied by their detector (``{noun}``, ``{verb}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from vocabsphere.core.levels.cefr import LEVELS

__all__ = ["CEFR_LEVELS", "GRAMMAR_POINTS", "GrammarPoint"]

CEFR_LEVELS = LEVELS


@dataclass(frozen=True)
class GrammarPoint:
    """One teachable grammar point."""

    id: str
    name: str
    level: str
    explanation: str
    source: str


def _p(point_id: str, name: str, level: str, source: str, explanation: str) -> GrammarPoint:
    assert level in CEFR_LEVELS, level
    return GrammarPoint(point_id, name, level, explanation, source)


_POINTS: tuple[GrammarPoint, ...] = (
    # --- tense and aspect (active voice only; passives have their own points) ---
    _p(
        "present_simple",
        "Present simple",
        "A1",
        "CEFR-J 59 TA.PRESENT.do.AFF",
        "'{text}' is the present simple: we use it for facts, habits and things that are generally true.",
    ),
    _p(
        "present_continuous",
        "Present continuous",
        "A1",
        "CEFR-J 61 TA.PRPRG.AFF",
        "'{text}' is the present continuous (am/is/are + -ing): an action in progress now or around "
        "now, or a plan already fixed for the future.",
    ),
    _p(
        "past_simple",
        "Past simple",
        "A1",
        "CEFR-J 65 TA.PAST.do.AFF",
        "'{text}' is the past simple: a finished action or state in the past.",
    ),
    _p(
        "past_continuous",
        "Past continuous",
        "A2",
        "CEFR-J 66 TA.PASTPRG.AFF",
        "'{text}' is the past continuous (was/were + -ing): an action that was in progress at a time "
        "in the past.",
    ),
    _p(
        "present_perfect",
        "Present perfect",
        "A2",
        "CEFR-J 62 TA.PRPF.AFF",
        "'{text}' is the present perfect (have/has + past participle): a past action or experience "
        "that is connected to now.",
    ),
    _p(
        "present_perfect_continuous",
        "Present perfect continuous",
        "B2",
        "CEFR-J 63 TA.PRPFPRG.AFF",
        "'{text}' is the present perfect continuous (have/has been + -ing): an activity that started "
        "in the past and is still going on or has just stopped.",
    ),
    _p(
        "past_perfect",
        "Past perfect",
        "B1",
        "CEFR-J 67 TA.PASTPF.AFF",
        "'{text}' is the past perfect (had + past participle): something that happened before "
        "another moment in the past.",
    ),
    # CEFR-J gives no CEFR-J Level for row 68; FREQ*DISP says B2.
    _p(
        "past_perfect_continuous",
        "Past perfect continuous",
        "B2",
        "CEFR-J 68 TA.PASTPFPRG.AFF (FREQ*DISP)",
        "'{text}' is the past perfect continuous (had been + -ing): an activity that had been going "
        "on up to a moment in the past.",
    ),
    _p(
        "future_will",
        "Future with will",
        "A2",
        "CEFR-J 69 TA.FUT.AFF",
        "'{text}' uses will + verb to talk about the future: predictions, promises and decisions.",
    ),
    _p(
        "future_going_to",
        "Future with be going to",
        "A2",
        "CEFR-J 122 MD.be_going_to.AFF",
        "'{text}' uses be going to + verb: a plan or intention, or a prediction based on what we "
        "can see now.",
    ),
    _p(
        "future_continuous",
        "Future continuous",
        "B2",
        "CEFR-J 70 TA.FUTPRG.AFF",
        "'{text}' is the future continuous (will be + -ing): an action that will be in progress at "
        "a time in the future.",
    ),
    _p(
        "future_perfect",
        "Future perfect",
        "B2",
        "CEFR-J 71 TA.FUTPF.AFF (FREQ*DISP)",
        "'{text}' is the future perfect (will have + past participle): something that will be "
        "finished before a time in the future.",
    ),
    # --- passive voice ---
    # Row 76 (past passive) A2.1; row 73 puts the present passive at A1.2 but its EGP range is
    # A2-B2, so the more conservative A2 is used for the whole point.
    _p(
        "passive_no_agent",
        "Passive without an agent",
        "A2",
        "CEFR-J 76 PASS.PAST.AFF",
        "'{text}' is a passive (be + past participle): the focus is on what happens to the subject, "
        "and we are not told who does the action.",
    ),
    # CEFR-J does not separate passives with 'by'; EGP convention puts 'by + agent' at B1.
    _p(
        "passive_with_agent",
        "Passive with by + agent",
        "B1",
        "EGP (not in CEFR-J)",
        "'{text}' is a passive with an agent: be + past participle, and 'by ...' tells us who or "
        "what does the action.",
    ),
    # --- modal verbs ---
    _p(
        "modal_can_ability",
        "can for ability",
        "A1",
        "CEFR-J 123 MD.can.AFF",
        "'{text}' uses can/can't + verb to say what someone is or is not able to do (or what is possible).",
    ),
    _p(
        "modal_could_ability",
        "could for past ability or possibility",
        "B1",
        "CEFR-J 124 MD.could.AFF",
        "'{text}' uses could + verb: ability in the past, or something that is possible.",
    ),
    _p(
        "be_able_to",
        "be able to",
        "B1",
        "CEFR-J 121 MD.be_able_to.AFF",
        "'{text}' uses be able to + verb to talk about ability; it works in tenses where 'can' "
        "cannot be used.",
    ),
    # Row 135 is shifted one column left in the CSV; its CEFR-J level is B1.1.
    _p(
        "must_obligation",
        "must for obligation",
        "B1",
        "CEFR-J 135 MD.must.AFF",
        "'{text}' uses must + verb to say something is necessary or required (mustn't = it is not allowed).",
    ),
    _p(
        "have_to_obligation",
        "have to for obligation",
        "A2",
        "CEFR-J 127 MD.have_to.AFF",
        "'{text}' uses have to + verb to say something is necessary (don't have to = it is not necessary).",
    ),
    _p(
        "should_advice",
        "should for advice",
        "A2",
        "CEFR-J 139 MD.should.AFF",
        "'{text}' uses should + verb to give advice or say what is the right thing to do.",
    ),
    _p(
        "ought_to",
        "ought to",
        "B2",
        "CEFR-J 137 MD.ought_to.AFF (FREQ*DISP)",
        "'{text}' uses ought to + verb, a more formal way of saying 'should'.",
    ),
    _p(
        "deduction_present",
        "Modals of deduction (present)",
        "B1",
        "CEFR-J 129/132/135 may/might/must",
        "'{text}' uses a modal + be to say how sure the speaker is that something is true now "
        "(must = almost certain, might/may/could = possible, can't = impossible).",
    ),
    _p(
        "deduction_past",
        "Modals of deduction (past)",
        "B2",
        "CEFR-J 145 MD.MD_PF.AFF",
        "'{text}' uses a modal + have + past participle to guess or deduce what happened in the past.",
    ),
    # --- conditionals ---
    # CEFR-J has no zero/first conditional rows; both use row 156 (adverbial 'if' clause).
    _p(
        "conditional_zero",
        "Zero conditional",
        "A2",
        "CEFR-J 156 CL.if",
        "'{text}' is a zero conditional (if + present, present): something that is always true "
        "when the condition happens.",
    ),
    _p(
        "conditional_first",
        "First conditional",
        "A2",
        "CEFR-J 156 CL.if",
        "'{text}' is a first conditional (if + present, will + verb): a real, possible situation "
        "in the future and its result.",
    ),
    _p(
        "conditional_second",
        "Second conditional",
        "B1",
        "CEFR-J 215 SUBJ.PAST.AFF",
        "'{text}' is a second conditional (if + past, would + verb): an imaginary or unlikely "
        "situation now or in the future.",
    ),
    _p(
        "conditional_third",
        "Third conditional",
        "B2",
        "CEFR-J 216 SUBJ.PASTPF.AFF (FREQ*DISP)",
        "'{text}' is a third conditional (if + had + past participle, would have + past "
        "participle): an imaginary past that did not happen.",
    ),
    # Not in CEFR-J; EGP convention: mixed conditionals come after the third, at C1.
    _p(
        "conditional_mixed",
        "Mixed conditional",
        "C1",
        "EGP (not in CEFR-J)",
        "'{text}' is a mixed conditional: the if-clause and the result refer to different times "
        "(e.g. an unreal past condition with a present result).",
    ),
    # --- clauses ---
    # Row 172 (nominative 'who') A1.3; 'which' (173) is B2.2 in CEFR-J.
    _p(
        "relative_defining",
        "Defining relative clause",
        "A1",
        "CEFR-J 172 PREL.who",
        "'{text}' is a defining relative clause: it tells us exactly which '{noun}' we mean, so "
        "there is no comma.",
    ),
    _p(
        "relative_non_defining",
        "Non-defining relative clause",
        "B1",
        "CEFR-J 181 PREL.NR",
        # "after a comma", not "between commas": the clause often ends the sentence ("..., said Jo,
        # who runs the shop.")
        "'{text}' is a non-defining relative clause: after a comma, it adds extra information "
        "about '{noun}'; we cannot use 'that' here.",
    ),
    _p(
        "relative_reduced",
        "Reduced relative clause (participle)",
        "A1",
        "CEFR-J 169 VG.N_VG / 171 VN.N_VN",
        "'{text}' is a participle clause after '{noun}': a short form of a relative clause "
        "(-ing = active, past participle = passive).",
    ),
    _p(
        "reported_speech",
        "Reported speech",
        "A2",
        "CEFR-J 200 INDSP.explain.report.say",
        "'{text}' is reported speech: '{verb}' reports what someone said, often with 'that' and "
        "with the tense moved back.",
    ),
    _p(
        "wish_past",
        "wish + past",
        "B1",
        "CEFR-J 218 SUBJ.wish_PAST (EGP column)",
        "'{text}' uses wish + past tense to talk about a present situation we would like to be different.",
    ),
    _p(
        "wish_past_perfect",
        "wish + past perfect",
        "B2",
        "CEFR-J 219 SUBJ.wish_PASTPF (EGP column)",
        "'{text}' uses wish + past perfect to express regret about the past.",
    ),
    _p(
        "it_cleft",
        "Cleft sentence (It is/was ... that/who)",
        "B2",
        "CEFR-J 204 EMP.PP.RB.AFF (FREQ*DISP)",
        "'{text}' is a cleft sentence: 'It is/was ... that/who' puts the focus on one part of the sentence.",
    ),
    # Row 205 has no level in any column; EGP convention places 'what'-clefts at B2.
    _p(
        "pseudo_cleft",
        "Pseudo-cleft sentence (What ... is/was)",
        "B2",
        "EGP (CEFR-J 205 unlevelled)",
        "'{text}' is a 'what'-cleft: 'What ... is/was' builds up to the important information at the end.",
    ),
    # --- comparison and degree ---
    _p(
        "comparative_er",
        "Comparative adjective/adverb (-er)",
        "A1",
        "CEFR-J 38 COMP.JJR.RBR.er",
        "'{text}' is a comparative form: we use it (often with 'than') to compare two things.",
    ),
    _p(
        "comparative_more",
        "Comparative with more",
        "A2",
        "CEFR-J 39 COMP.JJR.RBR.more",
        "'{text}' is a comparative with 'more' (used for longer adjectives and adverbs).",
    ),
    _p(
        "superlative_est",
        "Superlative (-est)",
        "A1",
        "CEFR-J 40 COMP.JJS.RBS.est",
        "'{text}' is a superlative: it says something is the top of a group, usually with 'the'.",
    ),
    _p(
        "superlative_most",
        "Superlative with most",
        "A2",
        "CEFR-J 41 COMP.JJS.RBS.most",
        "'{text}' is a superlative with 'most' (used for longer adjectives and adverbs).",
    ),
    _p(
        "too_adjective",
        "too + adjective",
        "B1",
        "CEFR-J 44 RBDEG.too_to (FREQ*DISP)",
        "'{text}' uses too + adjective/adverb: more than is good or possible.",
    ),
    _p(
        "adjective_enough",
        "adjective + enough",
        "B2",
        "CEFR-J 43 RBDEG.enough",
        "'{text}' uses adjective/adverb + enough: as much as is needed.",
    ),
    _p(
        "so_that_result",
        "so ... that (result)",
        "B1",
        "CEFR-J 45 RBDEG.so_JJ.RB_that (FREQ*DISP)",
        "'{text}' uses so + adjective/adverb + that-clause to show a result.",
    ),
    _p(
        "such_that_result",
        "such ... that (result)",
        "B2",
        "CEFR-J 46 RBDEG.such_JJ",
        "'{text}' uses such (a/an) + (adjective) + noun + that-clause to show a result.",
    ),
    # --- verb patterns ---
    _p(
        "gerund_complement",
        "Verb + -ing",
        "A1",
        "CEFR-J 112 VG.VV_VG",
        "'{text}': the verb '{verb}' is followed by an -ing form{alt}.",
    ),
    _p(
        "infinitive_complement",
        "Verb + to-infinitive",
        "A1",
        "CEFR-J 101 TO.VV_to_do",
        "'{text}': the verb '{verb}' takes a to-infinitive (to + verb){alt}.",
    ),
    _p(
        "phrasal_verb",
        "Phrasal verb",
        "A1",
        "CEFR-J 55 PHV.V_PART",
        "'{text}' is a phrasal verb: verb + particle, with a meaning you often cannot guess from "
        "the two words.",
    ),
    _p(
        "used_to",
        "used to",
        "B1",
        "CEFR-J 140 MD.used_to.AFF",
        "'{text}' uses used to + verb for past habits or states that are no longer true.",
    ),
    _p(
        "causative_have_get",
        "Causative have/get something done",
        "B2",
        "CEFR-J 207 CAUS.have.get_NP_VN",
        "'{text}' is the causative (have/get + object + past participle): someone else does the "
        "action for the subject.",
    ),
    # --- sentence types ---
    _p(
        "there_existential",
        "there is/there are",
        "A1",
        "CEFR-J 146 EX.there.AFF",
        "'{text}' uses 'there' + be to say that something exists or is in a place.",
    ),
    _p(
        "question_tag",
        "Question tag",
        "B1",
        "CEFR-J 193 TAG.AFF (FREQ*DISP)",
        "'{text}' is a question tag: a short question at the end that asks the listener to agree.",
    ),
    _p(
        "imperative",
        "Imperative",
        "A1",
        "CEFR-J 117 IMP.V.AFF",
        "'{text}' is an imperative: the base form of the verb, with no subject, to give an "
        "instruction, order or advice.",
    ),
    _p(
        "lets_suggestion",
        "Let's + verb",
        "A1",
        "CEFR-J 120 IMP.let's_V.AFF",
        "'{text}' uses let's + verb to make a suggestion that includes the speaker.",
    ),
    _p(
        "wh_question",
        "Wh-question",
        "A1",
        "CEFR-J 239 INT.what",
        "'{text}' is a wh-question: it starts with a question word and asks for information, not yes or no.",
    ),
)

GRAMMAR_POINTS: Mapping[str, GrammarPoint] = MappingProxyType({p.id: p for p in _POINTS})
assert len(GRAMMAR_POINTS) == len(_POINTS), "duplicate grammar point id"
