"""Grammar explanations in short, plain sentences for A1-A2 learners.

The catalogue in ``core.levels.grammar_points`` words its explanations for B1+ readers
(brackets, terms such as "past participle"). Here each point gets one or two sentences of
at most about ten words; ``{text}`` is the matched words of the learner's sentence.
Points missing here fall back to a shortened catalogue text (see explain.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["PLAIN"]

PLAIN: Mapping[str, str] = MappingProxyType(
    {
        "present_simple": "'{text}' is the present simple. We use it for facts and habits.",
        "present_continuous": "'{text}' is the present continuous. It is going on now, or it is planned.",
        "past_simple": "'{text}' is the past simple. It happened and it is finished.",
        "past_continuous": "'{text}' is the past continuous. It was in progress at a past time.",
        "present_perfect": "'{text}' is the present perfect. It joins the past and now.",
        "present_perfect_continuous": "'{text}' is the present perfect continuous. "
        "It started in the past. It is still going on.",
        "past_perfect": "'{text}' is the past perfect. It happened before another past action.",
        "past_perfect_continuous": "'{text}' is the past perfect continuous. It went on until a past moment.",
        "future_will": "'{text}' uses will. We use it to talk about the future.",
        "future_going_to": "'{text}' uses going to. It is a plan, or something we expect.",
        "future_continuous": "'{text}' is the future continuous. It will be in progress later.",
        "future_perfect": "'{text}' is the future perfect. It will be finished before a future time.",
        "passive_no_agent": "'{text}' is a passive. We say what happens, not who does it.",
        "passive_with_agent": "'{text}' is a passive. The words after 'by' say who does it.",
        "modal_can_ability": "'{text}' uses can. It says what someone is able to do, or what is possible.",
        "modal_could_ability": "'{text}' uses could. It means 'was able to' or 'is possible'.",
        "be_able_to": "'{text}' uses be able to. It means 'can'.",
        "must_obligation": "'{text}' uses must. It says something is necessary.",
        "have_to_obligation": "'{text}' uses have to. It says something is necessary.",
        "should_advice": "'{text}' uses should. It gives advice.",
        "deduction_present": "'{text}' uses a modal verb and be. It says how sure we are.",
        "deduction_past": "'{text}' is a guess about the past.",
        # not "the first thing ... the second": in "It's only possible if you are determined" the
        # condition comes second
        "conditional_zero": "'{text}' uses if. It says what is true whenever the 'if' part happens.",
        "conditional_first": "'{text}' is the first conditional. It is a possible future result.",
        "conditional_second": "'{text}' is the second conditional. It is an imagined situation.",
        "conditional_third": "'{text}' is the third conditional. It is about a past that did not happen.",
        "relative_defining": "'{text}' tells us which '{noun}'. It is a relative clause.",
        "relative_non_defining": "'{text}' gives extra information about '{noun}'. It comes after a comma.",
        "relative_reduced": "'{text}' tells us more about '{noun}'. It is a short relative clause.",
        "reported_speech": "'{text}' is reported speech. '{verb}' tells us what someone said.",
        "wish_past": "'{text}' uses wish and a past verb. We want the present to be different.",
        "comparative_er": "'{text}' compares two things. We often add 'than'.",
        "comparative_more": "'{text}' compares two things with 'more'.",
        "superlative_est": "'{text}' is a superlative. It is the top of a group.",
        "superlative_most": "'{text}' is a superlative with 'most'. It is the top of a group.",
        "too_adjective": "'{text}' uses too. It means more than is good.",
        "adjective_enough": "'{text}' uses enough. It means as much as we need.",
        "so_that_result": "'{text}' uses so ... that. The second part is the result.",
        "such_that_result": "'{text}' uses such ... that. The second part is the result.",
        "gerund_complement": "'{text}': after '{verb}' we use an -ing verb{plain_alt}.",
        "infinitive_complement": "'{text}': after '{verb}' we use to + verb{plain_alt}.",
        "phrasal_verb": "'{text}' is a phrasal verb. Learn the two words together.",
        "used_to": "'{text}' uses used to. It was true in the past, but not now.",
        "there_existential": "'{text}' uses there + be. It says that something exists.",
        "question_tag": "'{text}' is a question tag. The speaker wants you to agree.",
        "imperative": "'{text}' is an imperative. It tells someone to do something.",
        "lets_suggestion": "'{text}' uses let's. It is a suggestion.",
        "wh_question": "'{text}' is a wh-question. It asks for information.",
    }
)
