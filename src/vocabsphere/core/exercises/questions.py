"""Question formation: turn a statement into a yes/no question with do, does or did, or by putting
its auxiliary (a form of "be" or "have", or a modal) before the subject.

Made only from a plain statement in the present or past simple with a main verb: the subject is a
short noun phrase or pronoun that starts the sentence, the verb follows it at once, and nothing
else (no auxiliary, negation, second clause, quotation) could change how the question is formed.
"She lives in Paris." -> "Does she live in Paris?". The distractors are the classic errors: the
verb still inflected ("Does she lives"), the wrong form of do ("Do she live"; not after a group or a
name, which British English lets take a plural verb: "Do the team play ..."), no inversion ("She
does live in Paris?"). Verbs with their own question forms (be, modals, "used to", "need") are left out
of it, and asked instead, under the same checks, when their first word is one that moves before the
subject ("They have left." -> "Have they left?", "The bridge was built in 1900." -> "Was the bridge
built in 1900?", "It can wait." -> "Can it wait?"): the distractors are no inversion, "do" added
("Does it can wait?") and the wrong number of "be" or "have" ("Has they left?") or a modal's verb
inflected ("Can it waits?"). "May", "might" and "must" are left out: their questions ask for
permission or obligation, not whether the statement is true.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from vocabsphere.core.adapt.verbs import agree_tag, inflect, verb_lemma

from .choices import choice_options
from .model import ExerciseItem, ExerciseKind, PatternRef
from .patterns import takes_plural_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["question_item"]

# CEFR-J Grammar Profile rows 59-2/60-2 (do/does questions, A1.2) and 65-2 (did questions, A2.1).
PRESENT_QUESTION = PatternRef("yes_no_question_present", "A1")
PAST_QUESTION = PatternRef("yes_no_question_past", "A2")
_DO = {"VBZ": "Does", "VBP": "Do", "VBD": "Did"}
_CLAUSE_DEPS = frozenset(
    {
        "nsubj",
        "obj",
        "iobj",
        "obl",
        "obl:tmod",
        "obl:npmod",
        "obl:unmarked",
        "advmod",
        "compound:prt",
        "punct",
    }
)
_OWN_QUESTION_FORMS = frozenset({"be", "use", "need", "dare", "ought", "have", "get"})
_SUBJECT_POS = frozenset({"PRON", "NOUN", "PROPN"})
_MAX_SUBJECT_WORDS = 4
_MAX_OF_SUBJECT_WORDS = 6  # with an "of" phrase: "the price of fresh bread"
_STOPPERS = frozenset('?!;:"\u201c\u201d()')
# The writer's own stance, which a yes/no question does not keep: "Will it now probably ...?"
_STANCE_ADVERBS = frozenset(
    {
        "probably",
        "possibly",
        "perhaps",
        "maybe",
        "certainly",
        "definitely",
        "surely",
        "undoubtedly",
        "apparently",
    }
)
_COMMON_ZIPF = 3.5  # a word this frequent in lower case is a common word, not only a name
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor"})
# Levels as taught: questions with "be" first (A1), with a modal at A2, in the present perfect at B1
# (with the tense itself); not catalogue points either.
BE_QUESTION = PatternRef("yes_no_question_be", "A1")
MODAL_QUESTION = PatternRef("yes_no_question_modal", "A2")
PERFECT_QUESTION = PatternRef("yes_no_question_perfect", "B1")
# First words of a verb group that move before the subject, written out (no "'s": is or has?), with
# the form of the other number, when they have one.
_BE = {"is": "are", "are": "is", "was": "were", "were": "was"}
_HAVE = {"has": "have", "have": "has", "had": ""}
_MODALS = frozenset({"can", "could", "will", "would", "should"})  # "may", "must": permission, duty
_SINGULAR_FORMS = frozenset({"is", "was", "has"})
_PLURAL_FORMS = frozenset({"are", "were", "have"})
# What the head of an inverted statement may have besides its subject and verb group: the plain
# clause's parts, and a noun or adjective after "be" with its own words ("is a small town", "was
# very cold", "is on the table").
_INVERTED_DEPS = _CLAUSE_DEPS | {"aux", "aux:pass", "cop", "nsubj:pass", "obl:agent"}
_PREDICATE_DEPS = frozenset({"det", "amod", "compound", "nummod", "nmod:poss", "case", "nmod"})
_PREDICATE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _statement(sent: Span) -> tuple[Token, Token] | None:
    """(subject head, verb) of a plain present/past simple statement, else None."""
    verb = sent.root
    if verb.pos_ != "VERB" or verb.tag_ not in _DO or verb_lemma(verb) in _OWN_QUESTION_FORMS:
        return None
    if {c.dep_ for c in verb.children} - _CLAUSE_DEPS:
        return None  # an auxiliary, a second clause, a conjunction: not a plain statement
    subject = _plain_subject(sent, verb, verb.i)
    if subject is None:
        return None
    if any(t.pos_ == "CCONJ" or (t.tag_ in _DO and t.i != verb.i) for t in sent):
        return None  # "works in a hospital and studies ...": the parse may have missed a second verb
    return subject, verb


def _plain_subject(sent: Span, head: Token, verb_at: int) -> Token | None:
    """The one subject of ``head``: a short noun phrase or pronoun that starts the sentence and ends
    right before ``verb_at``, in a plain statement (a full stop, no quotation, no negation)."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    words = list(subject.subtree)
    if (
        subject.pos_ not in _SUBJECT_POS
        or words[0].i != sent.start
        or subject.right_edge.i + 1 != verb_at
        or len(words)
        > (_MAX_OF_SUBJECT_WORDS if any(t.lower_ == "of" for t in words) else _MAX_SUBJECT_WORDS)
        or any(
            t.pos_ in {"PUNCT", "VERB", "AUX", "CCONJ"} or (t.pos_ == "ADP" and t.lower_ != "of")
            for t in words
        )
    ):
        return None
    last = sent.doc[sent.end - 1]
    if last.text != "." or any(t.text in _STOPPERS or t.lower_ in _NEGATIONS for t in sent):
        return None
    if any(t.lower_ == "according" for t in sent):
        return None  # "Does a fifth go ..., according to the ministry?": a question of the source's claim
    if any(t.lower_ in _STANCE_ADVERBS for t in sent):
        return None  # "Will the rule now probably be introduced?": the writer's guess, no question
    if _unsure_capital(sent.doc[sent.start]):
        return None
    return subject


def _either_number(subject: Token) -> bool:
    """A singular subject British English lets take a plural verb as well: a group ("the team", "a
    number of people") or a name, which may be a company's ("SeaWorld has / have"; the parse does
    not tell it from a person's)."""
    return subject.pos_ == "PROPN" or takes_plural_verb(subject)


def _unsure_capital(first: Token) -> bool:
    """A capitalised common word before a name or a noun ("Author George Monbiot was ...", "Tiger
    body parts are ..."): the tagger calls it a name, but inside the question it may need a small
    letter, which the parse cannot tell."""
    common = float(zipf_frequency(first.lower_, "en")) >= _COMMON_ZIPF
    return first.pos_ == "PROPN" and first.dep_ in ("compound", "nmod:desc", "amod") and common


def _first_word(first: Token) -> str:
    """Only a name or an abbreviation keeps its capital inside the question ("Do other supporters
    ...", "Did Kelly ...", "Does a fifth of ...": "A" is no abbreviation)."""
    keep = first.pos_ == "PROPN" or (first.text.isupper() and len(first.text) > 1)
    return first.text if keep else first.text.lower()


def _subject_text(sent: Span, head: str, verb_at: int) -> str:
    """The subject as the source spells it, its first word ``head``: "Anna's house", not "Anna 's"."""
    first = sent.doc[sent.start]
    return (head + first.whitespace_ + sent.doc[sent.start + 1 : verb_at].text).strip()


def _agrees(subject: Token, tag: str) -> bool:
    """The parse's verb form and the subject agree (else the parse is not sure of the subject)."""
    if tag == "VBD":
        return True
    third_singular = agree_tag("VBZ", subject) == "VBZ" and subject.lower_ not in {"i", "you"}
    return third_singular == (tag == "VBZ")


def question_item(token: Token, lemma: str) -> ExerciseItem | None:
    sent = token.sent
    found = _statement(sent)
    if found is None:
        return _inverted_item(sent, lemma)
    subject, verb = found
    tag = verb.tag_
    base = verb_lemma(verb)
    if inflect(base, tag) != verb.text.lower() or not _agrees(subject, tag):
        return None
    doc = sent.doc
    first = doc[sent.start]
    if first.lower_ == "i":
        return None  # "Did I speak to ...?": the writer asking about themselves is no natural question
    # Only a name keeps its capital inside the question ("Do other supporters ...", "Did Kelly ...").
    head = _first_word(first)
    subject_text = _subject_text(sent, head, verb.i)
    rest = doc[verb.i + 1 : sent.end - 1].text
    do = _DO[tag]

    def question(aux: str, main: str) -> str:
        return " ".join(w for w in (aux, subject_text, main, rest) if w) + "?"

    key = question(do, base)
    wrong_do = "Do" if do == "Does" else "Does"
    if do == "Did":
        singular = agree_tag("VBZ", subject) == "VBZ" and subject.lower_ not in {"i", "you"}
        wrong_do = "Does" if singular else "Do"
    not_inverted = " ".join(w for w in (doc[sent.start : verb.i].text, do.lower(), base, rest) if w) + "?"
    distractors = [not_inverted]
    if do != "Does" or not _either_number(subject):
        distractors.append(question(wrong_do, base))  # "Do the team play ...?" is British English
    if verb.text.lower() != base:
        distractors.append(question(do, verb.text.lower()))
    tense = "past simple" if tag == "VBD" else "present simple"
    why_do = (
        "\u2018did\u2019 for the past"
        if tag == "VBD"
        else (
            "\u2018does\u2019 with he, she, it or one person or thing" if do == "Does" else "\u2018do\u2019"
        )
    )
    why = (
        f"The statement is in the {tense} (\u2018{verb.text}\u2019), so the question puts "
        f"{why_do} before the subject \u2018{subject_text}\u2019, and the main verb goes back to "
        f"its base form \u2018{base}\u2019"
    )
    return _item(sent, key, distractors, why, PAST_QUESTION if tag == "VBD" else PRESENT_QUESTION, lemma)


def _item(
    sent: Span, key: str, distractors: list[str], why: str, point: PatternRef, lemma: str
) -> ExerciseItem | None:
    """The question item of ``sent``: its options (None when they cannot be made) and the
    explanation ``why``, which ends with the key."""
    source = sent.text.strip()
    options = choice_options(key, distractors, source)
    if options is None:
        return None
    return ExerciseItem(
        kind=ExerciseKind.QUESTION,
        prompt=f"Which is the yes/no question for this statement? {source}",
        options=options,
        answer=key,
        accepted=(key,),
        explanation=f"{why}: {key}",
        grammar_point=point,
        source_sentence=source,
        word=lemma,
    )


def _inverted(sent: Span) -> tuple[Token, Token, Token] | None:
    """(subject head, first word of the verb group, head) of a plain statement whose verb group
    opens with a word that moves before the subject in a question, else None."""
    head = sent.root
    group = sorted((c for c in head.children if c.dep_ in ("aux", "aux:pass", "cop")), key=lambda t: t.i)
    if not group or group[0].lower_ not in {*_BE, *_HAVE, *_MODALS}:
        return None
    first = group[0]
    allowed = _INVERTED_DEPS | (_PREDICATE_DEPS if head.pos_ in _PREDICATE_POS else frozenset())
    if head.pos_ not in {"VERB", *_PREDICATE_POS} or {c.dep_ for c in head.children} - allowed:
        return None  # a second clause, a conjunction, an expletive "there" or "it"
    if head.pos_ != "VERB" and not any(c.dep_ == "cop" for c in head.children):
        return None
    if first.lower_ in _HAVE and [*group[1:], head][0].tag_ != "VBN":
        return None  # "have" as the perfect's auxiliary only ("has left", "has been working")
    subject = _plain_subject(sent, head, first.i)
    if subject is None:
        return None
    verbs = {head.i, *(t.i for t in group)}
    if any(t.pos_ == "CCONJ" or (t.pos_ in ("VERB", "AUX") and t.i not in verbs) for t in sent):
        return None  # a second verb the parse may have joined wrongly
    if first.lower_ in _SINGULAR_FORMS and agree_tag("VBZ", subject) != "VBZ":
        return None  # the parse's subject does not agree with the verb: it may be the wrong phrase
    if first.lower_ in _PLURAL_FORMS and agree_tag("VBZ", subject) != "VBP":
        return None
    return subject, first, head


def _inverted_item(sent: Span, lemma: str) -> ExerciseItem | None:
    found = _inverted(sent)
    if found is None:
        return None
    subject, first, head = found
    doc = sent.doc
    start = doc[sent.start]
    if start.lower_ in ("i", "you"):
        return None  # the writer asking about themselves, or "you" meaning people in general
    moved = first.lower_
    subject_head = _first_word(start)
    subject_text = _subject_text(sent, subject_head, first.i)
    rest = doc[first.i + 1 : sent.end - 1].text

    def question(aux: str, after: str) -> str:
        return " ".join(w for w in (aux, subject_text, after) if w) + "?"

    key = question(moved.capitalize(), rest)
    singular = agree_tag("VBZ", subject) == "VBZ"
    past = moved in ("was", "were", "had")
    do = "Did" if past else ("Does" if singular else "Do")
    distractors = [doc[sent.start : sent.end - 1].text + "?", question(do, f"{moved} {rest}")]
    if moved in _MODALS:
        point = MODAL_QUESTION
        verb = next((t for t in doc[first.i + 1 : head.i + 1] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.tag_ != "VB":
            return None
        wrong = inflect(verb_lemma(verb), "VBZ")
        if wrong and wrong != verb.text.lower():
            span = doc[first.i + 1 : sent.end - 1]
            inflected = "".join(wrong + t.whitespace_ if t.i == verb.i else t.text_with_ws for t in span)
            distractors.append(question(moved.capitalize(), inflected.strip()))
        why = (
            f"\u2018{first.text}\u2019 is a modal verb: it goes before the subject "
            f"\u2018{subject_text}\u2019, with no \u2018do\u2019, and the verb after it stays in its "
            f"base form \u2018{verb.text}\u2019"
        )
    else:
        other = (_BE | _HAVE)[moved]
        if other and not (moved in _SINGULAR_FORMS and _either_number(subject)):  # "Have the team won ...?"
            distractors.append(question(other.capitalize(), rest))
        point = PERFECT_QUESTION if moved in _HAVE else BE_QUESTION
        verb_name = "\u2018have\u2019" if moved in _HAVE else "\u2018be\u2019"
        role = "a form of" if first.dep_ == "cop" else "an auxiliary verb here, a form of"
        why = (
            f"\u2018{first.text}\u2019 is {role} {verb_name}: it goes before the subject "
            f"\u2018{subject_text}\u2019, with no \u2018do\u2019, and the rest stays as it is"
        )
    return _item(sent, key, distractors, why, point, lemma)
