"""Detectors for tense/aspect and voice: one label per verb group, so nothing is double-reported."""

from __future__ import annotations

from collections.abc import Iterator

from lemminflect import getAllLemmas
from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_rules_clauses import participle_phrase_before_verb
from vocabsphere.core.levels.grammar_verbs import (
    MANDATIVE_VERBS,
    VerbGroup,
    verb_groups,
)
from vocabsphere.core.levels.grammar_words import (
    BE_FORMS,
    BE_PRES,
    DO_FORMS,
    EN_PARTICIPLES,
    HAVE_FORMS,
    MODALS,
    SUBJ_DEPS,
    Hit,
    adjectival,
    is_question,
    is_vbn,
    low,
    next_word,
    to_infinitive_after,
)

# Shape of the verb group -> tense/aspect point (active voice only).
_TENSE_SHAPES: dict[tuple[str, ...], str] = {
    ("V_PRES",): "present_simple",
    ("DO_PRES", "VB"): "present_simple",
    ("V_PAST",): "past_simple",
    ("DO_PAST", "VB"): "past_simple",
    ("BE_PRES", "VBG"): "present_continuous",
    ("BE_PAST", "VBG"): "past_continuous",
    ("HAVE_PRES", "VBN"): "present_perfect",
    ("HAVE_PAST", "VBN"): "past_perfect",
    ("HAVE_PRES", "BEEN", "VBG"): "present_perfect_continuous",
    ("HAVE_PAST", "BEEN", "VBG"): "past_perfect_continuous",
    ("WILL", "VB"): "future_will",
    ("WILL", "BE", "VBG"): "future_continuous",
    ("WILL", "HAVE", "VBN"): "future_perfect",
}
# Copular groups ("is happy", "has been ill") end in the form of 'be'.
_COPULA_SHAPES: dict[tuple[str, ...], str] = {
    ("BE_PRES",): "present_simple",
    ("BE_PAST",): "past_simple",
    ("DO_PRES", "BE"): "present_simple",  # questions/negatives do not take do-support with be
    ("HAVE_PRES", "BEEN"): "present_perfect",
    ("HAVE_PAST", "BEEN"): "past_perfect",
    ("WILL", "BE"): "future_will",
    ("WILL", "HAVE", "BEEN"): "future_perfect",
}
_SIMPLE = frozenset({"present_simple", "past_simple"})
# "going to school." is movement, not the going-to future.
_GO_TO_PLACES = frozenset(
    {
        "school",
        "work",
        "bed",
        "church",
        "college",
        "university",
        "hospital",
        "prison",
        "jail",
        "sea",
        "town",
        "court",
        "class",
        "lunch",
        "dinner",
        "breakfast",
        "war",
        "market",
        "press",
        "trial",
        "waste",
        "sleep",
        "mass",
    }
)
# With present 'be' and no agent these read as states ("the shop is closed"), not as actions.
_STATE_PARTICIPLES = frozenset({"done", "gone", "finished", "dressed", "closed", "related"})
# ... and these are states after any form of 'be' ("when they were done").
_FINISHED = frozenset({"done", "gone", "finished"})
# 'by' + these is a deadline or time ("by Friday"), not an agent.
_TIME_NOUNS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tomorrow",
        "tonight",
        "now",
        "then",
        "time",
        "end",
        "noon",
        "midnight",
        "morning",
        "evening",
        "night",
        "year",
        "week",
        "month",
        "day",
        "hour",
        "minute",
        "spring",
        "summer",
        "autumn",
        "winter",
        "far",
        "way",
        "chance",
        "mistake",
        "accident",
        "hand",
        "email",
        "phone",
        # means of carrying ("transported abroad by cable", "sent by post"), not who does it
        "cable",
        "pipeline",
        "post",
        "mail",
        "road",
        "rail",
        "air",
        "sea",
        "car",
        "bus",
        "train",
        "plane",
        "boat",
        "ship",
        "foot",
        "bike",
        "bicycle",
        "satellite",
        "radio",
    }
)


def semi_modal_head(group: VerbGroup) -> bool:
    """Heads of 'be going to', 'have to', 'used to', 'be able to': reported by their own points."""
    head = group.head
    word = low(head)
    if word == "ought":
        return True
    if to_infinitive_after(head) is None:
        return False
    return (
        word in ("going", "gon", "used", "able", "ought")
        or head.lemma_.lower() == "have"
        or word in ("have", "has", "had")
    )


def tense_point(group: VerbGroup, question: bool) -> str | None:
    """The tense/aspect point of an active verb group, or None."""
    if group.passive or group.infinitival or semi_modal_head(group):
        return None
    table = _COPULA_SHAPES if group.copular else _TENSE_SHAPES
    point = table.get(group.shape)
    if point is None:
        return None
    if point in _SIMPLE and not group.has_subject and not _finite_without_subject(group):
        return None  # no subject: an imperative or a tagging error, not a finite simple tense
    head = group.head
    if point == "past_simple" and not group.copular and head.i > 0 and head.doc[head.i - 1].text == ",":
        return None  # "The complaint, filed with ...": more likely a participle than a past tense
    if point in _SIMPLE and _hidden_perfect(group):
        return None
    if point == "past_simple" and _present_alike(group):
        return None  # "I let out a breath and this helps": 'let' is the present of the story told
    if low(head) in MODALS:
        return None  # "what they can": a modal with its verb left out is no present simple
    if point in _SIMPLE and not group.copular and head.tag_.startswith("JJ"):
        return None  # "Universities keen to attract students?": an adjective in a verbless question
    if group.copular and (is_vbn(head) or any(t.dep_ == "aux:pass" for t in group.tokens)):
        return None  # "is based", "were married": a passive or an adjective, so no tense claim
    if point in _SIMPLE and _misread_simple(group):
        return None
    if point == "present_perfect" and _accustomed(head):
        return None  # "he's used to noise by now": 's is 'is' (be used to = be accustomed), no perfect
    if point == "present_perfect" and _time_clause(group):
        return None  # "We will go once the rain has stopped": a time clause about later, not past + now
    if point == "present_perfect" and _participle_adjective(group):
        return None  # "Both countries have shared interests": 'have' + adjective + noun, no perfect
    if group.shape[-1] == "VBG" and _gerund_predicate(group):
        return None  # "The challenge was gathering the data": a gerund after 'be', no continuous
    if group.copular and low(head).endswith("ing") and not adjectival(head):
        return None  # "was cooking" with 'cooking' tagged as an adjective: really a continuous
    if point == "future_will" and group.first == "shall":
        return None  # "Shall we go?" offers; "we shall see" is no "use of will", as the explanation says
    return point


# Conjunctions of a time clause; in one, a present perfect tells what will be done by then
# ("when the farmers have sold their crops"), not the past connected to now. 'since' is left out.
_TIME_CONJUNCTIONS = frozenset({"when", "after", "until", "till", "once", "before", "whenever"})


def _time_clause(group: VerbGroup) -> bool:
    """The verb group opens with a time conjunction + subject ("once the rain has stopped", "as soon
    as we have eaten"); a question ("When have you ever lied?") has the auxiliary before its subject."""
    head, doc = group.head, group.head.doc
    subject = next((c for c in head.children if c.dep_ in SUBJ_DEPS), None)
    if subject is None or subject.i > group.start:
        return False
    for c in head.children:
        if c.i >= subject.i or c.dep_ not in ("mark", "advmod"):
            continue
        word = low(c)
        if word in _TIME_CONJUNCTIONS or (word == "as" and c.i > 0 and low(doc[c.i - 1]) == "soon"):
            return True
    return False


# Verbs whose past is spelled like their present ("I let out a breath").
_PAST_AS_PRESENT = frozenset(
    {
        "let",
        "put",
        "cut",
        "set",
        "hit",
        "shut",
        "hurt",
        "cost",
        "quit",
        "spread",
        "bet",
        "bid",
        "burst",
        "cast",
    }
    | {"read", "upset", "broadcast", "forecast"}
)


def _present_alike(group: VerbGroup) -> bool:
    """Is the past simple a verb spelled like its present in a sentence whose other verbs are in the
    present ("I let out a tiny breath and this helps")? Then its tense is not known."""
    head = group.head
    if low(head) not in _PAST_AS_PRESENT or len(group.tokens) > 1:
        return False
    return any(t.tag_ in {"VBZ", "VBP"} and t.i != head.i for t in head.sent)


# Adjectives after which a that-clause takes the base form: "It is essential that humans remain able".
_NECESSARY = frozenset({"essential", "vital", "important", "necessary", "crucial", "imperative"})


# Verbs of thanking, hoping and liking that open a note with 'I' left out (never an order).
_DROPPED_I_VERBS = frozenset({"thank", "hope", "appreciate", "love", "guess", "wish", "miss", "think"})
# Clause heads where a finite verb can stand whose subject the parse missed or the writer left out.
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "parataxis", "ccomp", "advcl", "acl:relcl"})


def _finite_without_subject(group: VerbGroup) -> bool:
    """A -s verb is finite whether or not the parse found its subject: "Sounds like ...",
    "Now comes the fun part", "Needs a good family"; so is a past tense opening a main clause
    ("Just wanted to confirm", "totally forgot to open")."""
    head = group.head
    if group.shape == ("V_PRES",) and head.tag_ == "VBP" and head.dep_ == "ROOT":
        # "Thank you.", "Hope you enjoy it", "Greatly appreciate your feedback": 'I' left out
        return head.lemma_.lower() in _DROPPED_I_VERBS and not head.text.isupper()
    if group.shape == ("V_PAST",) and head.tag_ == "VBD" and head.pos_ == "VERB":
        # with an object or clause after it: "Enough said", "Totally flavored" are participles
        complement = any(c.dep_ in ("obj", "xcomp", "ccomp") and c.i > head.i for c in head.children)
        return head.dep_ in ("ROOT", "parataxis") and complement and not is_vbn(head)
    return (
        group.shape == ("V_PRES",)
        and head.tag_ == "VBZ"
        and head.pos_ == "VERB"
        and head.dep_ in _CLAUSE_DEPS
        and low(head).endswith("s")
        and low(head) != "lets"  # "Lets call it off": let's
    )


# Nouns whose 'be' + -ing names the thing itself ("the problem is finding staff").
_TASK_NOUNS = frozenset(
    {"challenge", "problem", "task", "job", "goal", "aim", "idea", "plan", "hobby", "dream", "priority"}
    | {"step", "solution", "answer", "purpose", "mission", "difficulty", "issue", "option", "method"}
    | {"strategy", "trick", "secret", "key", "point", "activity", "passion", "work", "focus", "role"}
)


def _gerund_predicate(group: VerbGroup) -> bool:
    """be + -ing is no continuous when the subject is a task noun ("One of the challenges ...
    was gathering") or the parse hangs a verb as the subject (a misparse of that sentence)."""
    head = group.head
    for subject in (c for c in head.children if c.dep_ in SUBJ_DEPS):
        if subject.pos_ in ("VERB", "AUX"):
            return True
        nouns = [subject, *(c for c in subject.children if c.dep_ == "nmod")]  # "one of the challenges"
        if any(n.lemma_.lower() in _TASK_NOUNS for n in nouns):
            return True
    return head.dep_ == "acl:relcl" and any(
        t.lemma_.lower() in _TASK_NOUNS for t in (head.head, *head.head.children)
    )


def _mandative_clause(head: Token) -> bool:
    above = head.head.lemma_.lower()
    if head.dep_ == "ccomp" and above in MANDATIVE_VERBS:
        return True
    return (
        head.dep_ in ("ccomp", "csubj")
        and above in _NECESSARY
        and any(c.dep_ == "mark" and low(c) == "that" for c in head.children)
    )


def _participle_before_main_verb(head: Token) -> bool:
    """The -ed form opens a participle phrase before the sentence's finite verb, unless that
    verb has its own subject after the -ed form ("Chahine said her family spent ...": a
    reported clause, so 'said' is the past tense)."""
    end = participle_phrase_before_verb(head)
    if end is None:
        return False
    finite = head.doc[end]
    clause = finite.head if finite.dep_ in ("aux", "aux:pass", "cop") else finite  # "will be announced"
    # the clause's subject starts right after the -ed form (not inside "cited in the article")
    return not any(c.dep_ in SUBJ_DEPS and c.left_edge.i == head.i + 1 for c in clause.children)


def _misread_simple(group: VerbGroup) -> bool:
    """A "simple tense" that the parse most likely got wrong, so claiming it would mislead."""
    head = group.head
    verb = group.tokens[-1]  # the form of 'be' in a copular group
    if verb.text.isupper() and len(verb.text) > 1:
        return True  # "LOCATION HAS CLOSED", "Lexus IS 300": capitals mislead the tagger
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and low(nxt) in ("ta", "na"):
        return True  # "gotta", "gonna"
    if group.copular or len(group.tokens) > 1:
        return False
    if low(head) in EN_PARTICIPLES:
        return True  # "the world's ever seen": 'seen' is never a past tense
    if group.shape == ("V_PRES",) and head.tag_ != "VBZ" and _mandative_clause(head):
        return True  # "demanded that the workers leave": a subjunctive, not the present simple
    if group.shape == ("V_PAST",) and _participle_before_main_verb(head):
        return True  # "the survey cited in the article shows": a participle, not a past tense
    if group.shape == ("V_PAST",) and _after_have(head):
        return True  # "Trading has all but ceased": the participle of a perfect the parse split up
    if group.shape == ("V_PAST",) and low(head) == "aged" and nxt is not None and nxt.like_num:
        return True  # "Italians aged 25-34 still live ...": an adjective with a number, never a past tense
    if head.dep_ != "conj" or any(c.dep_ in SUBJ_DEPS for c in head.children):
        return False
    # "could make copies and distribute", "has expressed ... and said": the auxiliary is shared
    auxes = {low(c) for c in head.head.children if c.dep_ == "aux"}
    if auxes & (MODALS | DO_FORMS):
        return low(head) == head.lemma_.lower()  # a base form after a shared modal or do
    # after a shared have, a past form is the participle (the tagger confuses VBD and VBN)
    return bool(auxes & HAVE_FORMS) and (is_vbn(head) or head.tag_ == "VBD")


def _hidden_perfect(group: VerbGroup) -> bool:
    """A "simple" have/'s that is really a perfect auxiliary with a mis-tagged participle:
    "Prices have risen" (risen not tagged as a verb), "He's gone" ('s + gone as an adjective)."""
    head = group.head
    if group.copular:
        return low(group.tokens[-1]) == "'s" and is_vbn(head)
    nxt = next_word(head)
    # "Trading has all but ceased", "has almost gone": words between have and its participle
    while nxt is not None and nxt.i - head.i < 4 and (nxt.pos_ == "ADV" or low(nxt) in _HAVE_GAP_WORDS):
        nxt = next_word(nxt)
    return head.lemma_.lower() == "have" and nxt is not None and (is_vbn(nxt) or nxt.tag_ == "VBD")


def _after_have(verb: Token) -> bool:
    """Is ``verb`` preceded by a form of have, with only adverbs or "all but" and the like between?"""
    i = verb.i - 1
    while i >= 0 and verb.i - i < 4 and (verb.doc[i].pos_ == "ADV" or low(verb.doc[i]) in _HAVE_GAP_WORDS):
        i -= 1
    return i >= 0 and i < verb.i - 1 and verb.doc[i].lemma_.lower() == "have" and verb.doc[i].tag_ != "VBN"


_HAVE_GAP_WORDS = frozenset({"all", "but", "almost", "nearly", "just", "already", "never", "ever"})


def detect_tenses(sent: Span) -> Iterator[Hit]:
    question = is_question(sent)
    for group in verb_groups(sent):
        point = tense_point(group, question)
        if point is not None:
            yield Hit(point, group.start, group.end)


# Bare nouns after 'by' that say how or by what way something is done ("learnt by rote", "made by
# hand", "found by chance"), never who does it.
_MEANS_TEXT = (
    "rote heart hand phone telephone email e-mail post mail letter fax car bus train plane air sea "
    "road rail boat ship bike bicycle taxi foot chance accident mistake design default force "
    "name sight law nature birth profession trade cash cheque card credit radio satellite"
)
_MEANS_NOUNS = frozenset(_MEANS_TEXT.split())


def _agent(head: Token) -> Token | None:
    """The noun of a 'by' agent phrase attached to a passive participle, or None."""
    for child in head.children:
        if child.i < head.i or child.dep_ not in ("obl:agent", "obl", "nmod"):
            continue
        if not any(c.dep_ == "case" and low(c) == "by" for c in child.children):
            continue
        if child.pos_ in ("VERB", "NUM") or child.tag_ == "VBG" or low(child) in _TIME_NOUNS:
            return None  # "by working", "by 2030", "by Friday": means or deadline, not an agent
        if low(child) in _MEANS_NOUNS and not any(c.dep_ in ("det", "nmod:poss") for c in child.children):
            return None  # "learnt by rote", "sent by post": how it is done, nobody who does it
        return child
    return None


def _agent_end(agent: Token) -> int:
    """End of "by Roman engineers" / "by the teacher Adz": stop before prepositional phrases,
    clauses and coordination, which the parser often attaches too high or too low."""
    end = agent.i + 1
    doc = agent.doc
    while (
        end < agent.sent.end
        and doc[end].head.i == agent.i
        and doc[end].dep_ in ("flat", "compound", "appos", "nummod")
    ):
        end += 1
    return end


# Participles that English also uses as adjectives before a noun ("shared interests", "mixed feelings").
_ADJECTIVAL_PARTICIPLES = frozenset(
    {
        "shared",
        "limited",
        "mixed",
        "vested",
        "advanced",
        "detailed",
        "varied",
        "qualified",
        "skilled",
        "armed",
        "combined",
        "united",
        "related",
        "specialised",
        "specialized",
        "increased",
        "reduced",
    }
)


def _participle_adjective(group: VerbGroup) -> bool:
    """have + participle + bare noun ("have shared interests"), where the participle reads as an
    adjective: a possession, not a present perfect."""
    head = group.head
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return (
        low(head) in _ADJECTIVAL_PARTICIPLES
        and nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.tag_ in ("NNS", "NN")
        and not any(c.dep_ == "det" for c in nxt.children)
    )


def detect_passives(sent: Span) -> Iterator[Hit]:
    for group in verb_groups(sent):
        if not group.passive:
            continue
        if _no_verb(group.head):
            continue  # "The polygraph is beloved of the movies": an adjective, no verb's participle
        agent = _agent(group.head)
        if agent is not None:
            yield Hit("passive_with_agent", group.start, max(_agent_end(agent), group.end))
        elif _by_later(group) or _not_a_passive(group.head) or _accustomed(group.head):
            continue  # "were fought for ... reasons by the US": an agent the parse put elsewhere
        elif _judged(group.head):
            continue  # "Results have been mixed, though": an adjective that judges, not an action
        elif low(group.head) in _FINISHED or (
            low(group.head) in _STATE_PARTICIPLES and group.shape[-2] == "BE_PRES"
        ):
            continue  # "the shop is closed", "after they were done": a state, not an action
        else:
            yield Hit("passive_no_agent", group.start, group.end)


def _judged(head: Token) -> bool:
    """ "mixed" with nothing after it ("Reviews were mixed"), not "was mixed with water": a verdict."""
    return low(head) == "mixed" and not any(c.dep_.startswith(("obl", "obj")) for c in head.children)


def _accustomed(head: Token) -> bool:
    """ "is used to big productions", "he's used to noise": 'used to' + a noun or an -ing form means
    accustomed (an adjective), not a passive of 'use' ("are used to help people") nor a perfect."""
    doc = head.doc
    if low(head) != "used" or head.i + 2 >= len(doc) or low(doc[head.i + 1]) != "to":
        return False
    after = doc[head.i + 2]
    return after.tag_ != "VB" and not (after.tag_ == "RB" and after.head.tag_ == "VB")


def _no_verb(head: Token) -> bool:
    """A word English knows only as an adjective or noun ("beloved", "renowned"): the tagger's past
    participle is no passive."""
    forms = getAllLemmas(low(head))
    return bool(forms) and "VERB" not in forms


def _not_a_passive(head: Token) -> bool:
    """ "was not as expected" (as + participle), "should be CCGM" (a name in capitals)."""
    prev = head.doc[head.i - 1] if head.i > 0 else None
    return (prev is not None and low(prev) == "as") or (head.text.isupper() and len(head.text) > 1)


def _by_later(group: VerbGroup) -> bool:
    """A 'by' after the participle in the same clause (before a comma or another verb)."""
    doc = group.head.doc
    for tok in doc[group.head.i + 1 : group.head.sent.end]:
        if tok.tag_ == "VBG" and low(doc[tok.i - 1]) == "as":
            continue  # "was quoted as saying by the Post": the agent comes after 'as saying'
        if _inner_hyphen(tok):
            continue  # "appointed on a two-year contract by the president": one word, not a break
        if tok.tag_ == "VB" and low(doc[tok.i - 1]) == "to":
            continue  # "made to mark the holiday by his cousin": the agent hung on the purpose
        if tok.is_punct or tok.pos_ in ("VERB", "AUX") or low(tok) in ("and", "but", "because", "when"):
            return False
        if low(tok) == "by":
            return True
    return False


def _inner_hyphen(tok: Token) -> bool:
    """A hyphen joining two parts of one word ("two-year"), with no space on either side."""
    joined = tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_
    return joined and tok.text in {"-", "\u2010", "\u2011"}


def detect_going_to(sent: Span) -> Iterator[Hit]:
    """am/is/are going to + verb (present forms only: 'was going to' is future-in-the-past)."""
    for tok in sent:
        if low(tok) not in ("going", "gon"):
            continue
        if low(tok) == "going":
            verb = to_infinitive_after(tok) or _bare_verb_after_to(tok)
        else:
            verb = _gonna_verb(tok)
        if verb is None:
            continue
        be = _be_before(tok)
        if be is not None and (low(be) in BE_PRES or (low(be) == "'s" and be.lemma_ == "be")):
            yield Hit("future_going_to", be.i, verb.i + 1)


def _bare_verb_after_to(going: Token) -> Token | None:
    """ "it's going to rain." with 'rain' tagged as a noun: a bare, clause-final singular noun
    after 'going to' is read as a verb unless it is a place people go to ("going to school.")."""
    doc = going.doc
    if going.i + 3 > going.sent.end or low(doc[going.i + 1]) != "to":
        return None
    word = doc[going.i + 2]
    after = doc[going.i + 3] if going.i + 3 < len(doc) else None
    if word.tag_ != "NN" or low(word) in _GO_TO_PLACES or (after is not None and not after.is_punct):
        return None
    return word


def _gonna_verb(tok: Token) -> Token | None:
    nxt = next_word(tok)
    if nxt is None or low(nxt) != "na":
        return None
    verb = next_word(nxt)
    return verb if verb is not None and verb.tag_ == "VB" else None


def _be_before(tok: Token) -> Token | None:
    """The form of 'be' before ``tok``, allowing not/adverbs and (in questions) a short subject."""
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 4) - 1, -1):
        word = low(tok.doc[i])
        if word in BE_FORMS or word in ("'m", "'re"):
            return tok.doc[i]
    return None
