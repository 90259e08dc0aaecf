"""Question formation: turn a statement into a yes/no question with do, does or did.

Made only from a plain statement in the present or past simple with a main verb: the subject is a
short noun phrase or pronoun that starts the sentence, the verb follows it at once, and nothing
else (no auxiliary, negation, second clause, quotation) could change how the question is formed.
"She lives in Paris." -> "Does she live in Paris?". The distractors are the classic errors: the
verb still inflected ("Does she lives"), the wrong form of do ("Do she live"), no inversion ("She
does live in Paris?"). Verbs with their own question forms (be, modals, "used to", "need") are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vocabsphere.core.adapt.verbs import agree_tag, inflect, verb_lemma

from .choices import choice_options
from .model import ExerciseItem, ExerciseKind, PatternRef

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
_STOPPERS = frozenset('?!;:"\u201c\u201d()')
_NEGATIONS = frozenset({"not", "n't", "never"})


def _statement(sent: Span) -> tuple[Token, Token] | None:
    """(subject head, verb) of a plain present/past simple statement, else None."""
    verb = sent.root
    if verb.pos_ != "VERB" or verb.tag_ not in _DO or verb_lemma(verb) in _OWN_QUESTION_FORMS:
        return None
    if {c.dep_ for c in verb.children} - _CLAUSE_DEPS:
        return None  # an auxiliary, a second clause, a conjunction: not a plain statement
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    words = list(subject.subtree)
    if (
        subject.pos_ not in _SUBJECT_POS
        or words[0].i != sent.start
        or subject.right_edge.i + 1 != verb.i
        or len(words) > _MAX_SUBJECT_WORDS
        or any(t.pos_ in {"PUNCT", "VERB", "AUX", "ADP", "CCONJ"} for t in words)
    ):
        return None
    last = sent.doc[sent.end - 1]
    if last.text != "." or any(t.text in _STOPPERS or t.lower_ in _NEGATIONS for t in sent):
        return None
    if any(t.pos_ == "CCONJ" or (t.tag_ in _DO and t.i != verb.i) for t in sent):
        return None  # "works in a hospital and studies ...": the parse may have missed a second verb
    return subject, verb


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
        return None
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
    head = first.text if first.pos_ == "PROPN" or first.text.isupper() else first.text.lower()
    subject_words = [head, *(t.text for t in doc[sent.start + 1 : verb.i])]
    subject_text = " ".join(subject_words)
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
    distractors = [question(wrong_do, base), not_inverted]
    if verb.text.lower() != base:
        distractors.append(question(do, verb.text.lower()))
    source = sent.text.strip()
    options = choice_options(key, distractors, source)
    if options is None:
        return None
    tense = "past simple" if tag == "VBD" else "present simple"
    why_do = (
        "\u2018did\u2019 for the past"
        if tag == "VBD"
        else (
            "\u2018does\u2019 with he, she, it or one person or thing" if do == "Does" else "\u2018do\u2019"
        )
    )
    return ExerciseItem(
        kind=ExerciseKind.QUESTION,
        prompt=f"Which is the yes/no question for this statement? {source}",
        options=options,
        answer=key,
        accepted=(key,),
        explanation=(
            f"The statement is in the {tense} (\u2018{verb.text}\u2019), so the question puts "
            f"{why_do} before the subject \u2018{subject_text}\u2019, and the main verb goes back to "
            f"its base form \u2018{base}\u2019: {key}"
        ),
        grammar_point=PAST_QUESTION if tag == "VBD" else PRESENT_QUESTION,
        source_sentence=source,
        word=lemma,
    )
