"""Sequence-of-events questions: "Which happened first?" only where the text itself puts two events in order.

The order is read from one of:
- a link inside one sentence: "A after B" (B first), "A before B" (A first), "A and then B", and a past
  perfect against a simple past joined by "when" ("the thieves had left when the police arrived");
- "then" or "later" on the main verb of a sentence, after a sentence that tells one event;
- explicit dates on the verbs of two events ("in 2010", "in March 2012", "on 5 May 2014", "in the 1990s")
  whose spans do not overlap.
Never from the order of the sentences: news is not told in order.

An event is a clause whose verb is past (simple past, present or past perfect, passive), not negated, not
under a modal, not habitual. Its option is the subject and verb phrase as written, shortened only by leaving
out what cannot change whether it happened (time phrases, the linked clause, asides, reasons), and put in the
simple past ("had left" -> "left") so that options share one form. A pronoun subject ("after he watched")
takes the other event's subject when no one else in the sentence can be meant; any other pronoun pointing
outside the event ("them", "this plan", "there") drops it.

A level keeps the question only where its version states the same order between events that say the same
claims (support.says on each event's own words, half of them at least, names and numbers all); for two
events dated in different years, where a sentence says each event with its year. A question whose order the
text does not make plain is not made: "after the meeting" (a noun, not an event), a pronoun that could mean
two people, a "when" between two simple pasts.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from lemminflect import getInflection
from spacy.tokens import Token

from vocabsphere.core.calendar_words import MONTH_ORDER, MONTHS, WEEKDAYS
from vocabsphere.core.quizzes.candidates import Candidate, anchor_terms, mixed
from vocabsphere.core.quizzes.entities import ROLES, Cast, is_body, name_span, name_spans
from vocabsphere.core.quizzes.facts import is_year
from vocabsphere.core.quizzes.model import QuestionKind
from vocabsphere.core.quizzes.passages import NEGATIONS, Passage, Sentence, number_value, token_terms
from vocabsphere.core.quizzes.phrasing import join_tokens, tidy
from vocabsphere.core.quizzes.support import DISTRACTOR_SHARE, Claim, says, supporting_sentence

__all__ = ["FIRST", "LATER", "Event", "ordered_events", "sequence_candidates", "sequence_levels"]

FIRST, LATER = "Which happened first?", "Which happened later?"
MIN_WORDS, MAX_WORDS = 3, 12
MAX_RATIO = 2.0  # the longer option at most twice the shorter: length must not tell
# Another version says an event when it holds its names and numbers and half its words (DISTRACTOR_SHARE):
# two events and their order must all be found, so each may be worded a little more freely than one key.
LEVEL_SHARE = DISTRACTOR_SHARE
PER_PASSAGE = 6  # candidates offered per version (the quiz keeps one)

Day = tuple[int, int, int]

_PERSONAL = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "mine", "ours", "yours"})
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "shall", "should", "must", "ought"})
# Dropped from an event: they say when or how it sits among others, never whether it happened.
_TIME_ADVERBS = frozenset(
    {
        "then",
        "later",
        "afterwards",
        "afterward",
        "subsequently",
        "already",
        "just",
        "finally",
        "eventually",
        "first",
        "soon",
        "recently",
        "also",
        "too",
        "earlier",
        "immediately",
        "now",
        "still",
        "again",
        "however",
        "meanwhile",
        "today",
        "yesterday",
        "ago",
    }
)
_HABITUAL = frozenset(
    {
        "usually",
        "often",
        "always",
        "sometimes",
        "rarely",
        "seldom",
        "normally",
        "generally",
        "regularly",
        "frequently",
        "ever",
        "every",
        "each",
    }
)
_TIME_NOUNS = (
    frozenset(
        {
            "year",
            "month",
            "week",
            "day",
            "hour",
            "minute",
            "second",
            "time",
            "morning",
            "afternoon",
            "evening",
            "night",
            "weekend",
            "century",
            "decade",
            "moment",
            "yesterday",
            "today",
            "tonight",
            "tomorrow",
            "spring",
            "summer",
            "autumn",
            "winter",
        }
    )
    | MONTHS
    | WEEKDAYS
)
# What points outside the event ("them", "this plan", "there"): the option would not say who or what.
_POINTING = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "this",
        "that",
        "these",
        "those",
        "his",
        "its",
        "their",
        "hers",
        "theirs",
        "himself",
        "herself",
        "itself",
        "themselves",
        "there",
        "here",
        "same",
        "such",
        "former",
        "latter",
    }
)
_POSSESSIVES = {"his": "person", "her": "person", "its": "thing", "their": "plural"}
# Nouns for a person: "he" or "she" may stand for them (the story's roles, and family and rank words).
_PERSON_NOUNS = (
    ROLES
    | {"man", "woman", "boy", "girl", "child", "prince", "princess", "king", "queen"}
    | {"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "soldier", "officer"}
)
_DROP_DEPS = frozenset(
    {"punct", "mark", "cc", "conj", "parataxis", "discourse", "vocative", "dislocated", "dep", "reparandum"}
)
_REASON_MARKS = frozenset(
    {
        "because",
        "as",
        "since",
        "while",
        "although",
        "though",
        "when",
        "after",
        "before",
        "once",
        "until",
        "so",
    }
)
_ORDER_WORDS = frozenset({"after", "before", "then", "when", "until", "since", "once", "later", "earlier"})
_THEN = frozenset({"then", "later", "afterwards", "afterward", "subsequently"})
_DECADE = re.compile(r"^(1[89]|20)\d0s$")


@dataclass(frozen=True)
class Event:
    sentence: Sentence
    verb: Token
    text: str  # the option: "Tabata watched Japan's speed skating team"
    terms: frozenset[str]  # the event's own words (its subject's included), as a sentence's terms
    claim: Claim
    when: tuple[Day, Day] | None = None  # an explicit date on the verb: its first and last day

    @property
    def words(self) -> int:
        return len(self.text.split())


# --- the verb ---------------------------------------------------------------------------------------------


def _plural(subject: Sequence[Token]) -> bool:
    head = next((t for t in subject if t.head not in subject or t.head == t), subject[0])
    return (
        "Plur" in head.morph.get("Number", [])
        or head.tag_ in ("NNS", "NNPS")
        or any(t.dep_ == "conj" and t.head == head for t in subject)
    )


def _past(lemma: str, written: str = "") -> str | None:
    """The simple past, spelt as the text spells its form ("travelling" -> "travelled", not "traveled")."""
    forms = getInflection(lemma, tag="VBD")
    stem = written.lower()[:-3] if written.lower().endswith("ing") else ""
    same = [f for f in forms if stem and f.startswith(stem)]
    found = same or list(forms)
    return str(found[0]) if found else None


def _verb_words(verb: Token, plural: bool) -> dict[int, str] | None:
    """The verb group in the simple past: token index -> text ("" drops it); None when it is not a past
    event (a modal, a progressive, a state verb, a present tense)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.i < verb.i]
    words = [a.lower_ for a in auxes]
    if verb.lemma_.lower() in ("be", "have") and not any(a.dep_ == "aux:pass" for a in auxes):
        return None  # "was tired", "had a problem": states, not events
    if any(w in _MODALS or w == "to" for w in words):
        return None
    was = "were" if plural else "was"
    if not auxes and verb.tag_ == "VBD":
        return {verb.i: verb.text}
    if not auxes and verb.tag_ == "VBG" and verb.dep_ == "advcl":  # "before joining the army"
        past = _past(verb.lemma_.lower(), verb.text)
        return {verb.i: past} if past else None
    if verb.tag_ != "VBN":
        return None
    if words in (["was"], ["were"]) and auxes[0].dep_ == "aux:pass":
        return {auxes[0].i: auxes[0].text, verb.i: verb.text}
    if words == ["being"] and verb.dep_ == "advcl":  # "after being elected"
        return {auxes[0].i: was, verb.i: verb.text}
    if len(words) == 1 and words[0] in ("had", "has", "have"):
        past = _past(verb.lemma_.lower())
        return {auxes[0].i: "", verb.i: past} if past else None
    if len(words) == 2 and words[0] in ("had", "has", "have") and words[1] == "been":
        if auxes[1].dep_ != "aux:pass":
            return None
        return {auxes[0].i: "", auxes[1].i: was, verb.i: verb.text}
    return None


def _past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _simple_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "aux:pass") for c in verb.children)


# --- dates ------------------------------------------------------------------------------------------------


def _date(head: Token) -> tuple[Day, Day] | None:
    """The span of a date phrase on the verb ("in 2010", "in March 2012", "on 5 May 2014", "in the
    1990s"); None for anything else (a weekday or a month alone: which year is not said)."""
    phrase = list(head.subtree)
    case = [t for t in phrase if t.dep_ == "case" and t.head == head]
    if len(case) != 1 or case[0].lower_ not in ("in", "on", "during"):
        return None
    years = [t for t in phrase if is_year(t)]
    decades = [t for t in phrase if _DECADE.match(t.lower_)]
    months = [t for t in phrase if t.lower_ in MONTHS and t.text[:1].isupper()]
    days = [t for t in phrase if t.is_digit and not is_year(t) and 1 <= int(t.text) <= 31]
    allowed = {t.i for t in case + years + decades + months + days}
    rest = [t for t in phrase if t.i not in allowed]
    if any(not (t.is_punct or t.lower_ in ("the", "early", "late", "mid", "of")) for t in rest):
        return None
    if len(decades) == 1 and not (years or months or days):
        start = int(decades[0].text[:4])
        return (start, 1, 1), (start + 9, 12, 31)
    if len(years) != 1 or len(months) > 1 or len(days) > 1 or (days and not months):
        return None
    year = int(years[0].text)
    if not months:
        return (year, 1, 1), (year, 12, 31)
    month = MONTH_ORDER.index(months[0].lower_) + 1
    if days:
        return (year, month, int(days[0].text)), (year, month, int(days[0].text))
    return (year, month, 1), (year, month, 31)


def _is_time(child: Token) -> bool:
    """A time phrase on the verb ("in 2010", "last week", "on Monday", "for 20 years", "hours later")."""
    if child.dep_ in ("obl:tmod", "nmod:tmod", "obl:npmod", "nmod:npmod", "obl:unmarked"):
        return True
    if child.dep_ != "obl":
        return False
    return (
        is_year(child)
        or bool(_DECADE.match(child.lower_))
        or child.lemma_.lower() in _TIME_NOUNS
        or any(is_year(t) for t in child.subtree)
    )


# --- events -----------------------------------------------------------------------------------------------


def _subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) == 1:
        return subjects[0]
    if not subjects and verb.dep_ == "conj":
        return _subject_of(verb.head)
    return None


def _subject_tokens(subject: Token) -> list[Token]:
    """The subject without asides: apposition and comma-bounded relative clauses ("Smith, a teacher,")."""
    gone: set[int] = set()
    for t in subject.subtree:
        aside = t.dep_ == "appos" or (t.dep_ == "acl:relcl" and t.doc[t.left_edge.i - 1].text == ",")
        if aside and t.head.i in {s.i for s in subject.subtree}:
            gone |= {x.i for x in t.subtree}
    kept = [t for t in subject.subtree if t.i not in gone]
    while kept and kept[-1].is_punct:
        kept.pop()
    return [t for t in kept if not (t.is_punct and t.text in ",()")]


def _kept_children(verb: Token) -> list[Token] | None:
    """The verb's complements that say what happened; None when one makes the event doubtful (a condition,
    a clause as subject)."""
    kept: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("conj", "parataxis") and child.pos_ not in ("VERB", "AUX"):
            return None  # a list item hung on the verb ("to Samoa, then Fiji"): leaving it out cuts the list
        if dep in ("nsubj", "nsubj:pass", "aux", "aux:pass", "expl") or dep in _DROP_DEPS:
            continue
        if dep in ("csubj", "csubj:pass"):
            return None
        if dep == "advcl":
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            if marks & {"if", "unless", "whether"}:
                return None
            if marks & {"to"} and not marks & _REASON_MARKS:
                kept.append(child)  # a purpose belongs to the event ("went to London to study")
            continue  # reasons, times, linked events, participle clauses: the event stands without them
        if dep == "advmod" and (child.lower_ in _TIME_ADVERBS or child.lower_ == "when"):
            continue  # ("when" links this clause to the other: the pair says the order)
        if dep in ("obl", "advmod") and child.i > verb.i and _after_comma(child):
            continue  # an aside set off by a comma (", with a famous actor as the painter")
        if (
            dep == "advmod"
            and child.i < verb.i
            and any(c.dep_ == "mark" and c.i > child.i for c in verb.children)
        ):
            continue  # "shortly before he left", "soon after": it says how long before, not what happened
        if _is_time(child):
            continue
        kept.append(child)
    return kept


def _after_comma(child: Token) -> bool:
    first = next(t for t in child.subtree if not t.is_punct or t.i == child.i)
    return first.i > 0 and first.doc[first.i - 1].text == ","


def _in_order(verb: Token, rest: Sequence[int], group: Sequence[int]) -> bool:
    """The kept words read as the sentence has them: nothing kept before the subject ("One idea is" in "One
    idea is that Inky crossed"), no piece after a comma that was skipped to (it may belong to what was left
    out), no word cut at a hyphen ("ex" of "ex-prisoners")."""
    doc, kept = verb.doc, set(rest)
    own = _subject_of(verb)
    start = own.left_edge.i if own is not None and own.head.i == verb.i else min(group)
    if any(i < start for i in rest):
        return False
    if any(i - 1 not in kept and doc[i - 1].text == "," for i in rest[1:]):
        return False
    # Only a time phrase or a time adverb may be left out between kept words ("was made [in 2014], with X as
    # Y" must not become "was made as Y").
    timely = {t.i for c in verb.children if _is_time(c) or c.lower_ in _TIME_ADVERBS for t in c.subtree}
    for a, b in itertools.pairwise(rest):
        if any(not doc[k].is_punct and k not in timely for k in range(a + 1, b)):
            return False
    nexts = [i + 1 for i in rest if not doc[i].whitespace_ and i + 1 < len(doc) and i + 1 not in kept]
    return all(doc[n].is_punct and doc[n].text in ".,;:!?" for n in nexts) or not nexts


def _points_outside(tokens: Sequence[Token], subject: Sequence[Token], cast: Cast) -> bool:
    """A pronoun or pointing word whose referent the event does not name. A possessive that agrees with the
    event's own named subject is fine ("Tabata created his programme", "Germany changed its rules")."""
    head = _head(subject)
    for t in tokens:
        low = t.lower_
        if low not in _POINTING or "Rel" in t.morph.get("PronType", []) or t.pos_ == "SCONJ":  # "found that"
            continue
        kind = _POSSESSIVES.get(low) if t.tag_ == "PRP$" else None
        if kind is None or head.pos_ not in ("PROPN", "NOUN"):
            return True
        if kind == "plural" and not _plural(subject):
            return True
        if kind != "plural" and (_plural(subject) or not _may_be(head, kind, cast)):
            return True
    return False


def _head(tokens: Sequence[Token]) -> Token:
    return next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])


def _may_be(head: Token, kind: str, cast: Cast) -> bool:
    """Whether a singular subject may be what "he"/"she"/"his" (a person) or "its" (a thing) stands for.
    A name the story shows as neither a person nor a place may be either: the writer's choice decides."""
    if head.pos_ == "NOUN":
        return (head.lemma_.lower() in _PERSON_NOUNS) == (kind == "person")
    span = name_span(head.doc, head.i)
    text = span.text if span is not None else head.text
    known_person = cast.person(text) is not None
    known_thing = text in cast.places or is_body(text)
    return not known_thing if kind == "person" else not known_person


def _event(
    sentence: Sentence,
    verb: Token,
    subject: Sequence[Token],
    cast: Cast,
    when: tuple[Day, Day] | None = None,
    date: Sequence[Token] = (),
) -> Event | None:
    """The event of ``verb`` told with ``subject``; None when it is not a plain past event or its words
    cannot stand alone."""
    if not subject or any(t.pos_ == "PRON" and "Rel" not in t.morph.get("PronType", []) for t in subject[:1]):
        return None
    verb_words = _verb_words(verb, _plural(subject))
    children = _kept_children(verb)
    if verb_words is None or children is None:
        return None
    rest = sorted({verb.i, *verb_words} | {t.i for c in children for t in c.subtree}, key=lambda i: i)
    tokens = [verb.doc[i] for i in rest]
    if not _in_order(verb, rest, list(verb_words)):
        return None
    every = [*subject, *tokens]
    if any(t.lower_ in _PERSONAL or t.lower_ in NEGATIONS or t.lower_ in _HABITUAL for t in every):
        return None
    if any(t.lower_ in _ORDER_WORDS for t in every):
        return None  # an event holding another order ("began after Poland joined") is two events
    if any(t.text in '"“”‘’()[];:?!' for t in every) or _points_outside(every, subject, cast):
        return None
    parts = [(t, t.text) for t in subject] + [(t, verb_words.get(t.i, t.text)) for t in tokens]
    text = tidy(join_tokens([(t, w) for t, w in parts if w]))
    while text and text[-1] in ",.-–—":
        text = text[:-1].rstrip()
    terms = frozenset().union(*(token_terms(t) for t in every))
    fixed = {"#" + str(number_value(t.text)) for t in every if t.like_num and number_value(t.text)}
    names = {t.i for span in name_spans(verb.doc) for t in span}
    fixed |= {t.lower_ for t in every if t.i in names}
    # A dated event's claim holds its date: another version must say the event with the same date.
    dated = frozenset().union(*(token_terms(t) for t in date))
    claim = Claim(anchor_terms(every) - fixed, frozenset(fixed) | dated)
    return Event(sentence, verb, text, terms | dated, claim, when)


def _others_meant(sentence: Sentence, pronoun: Token, antecedent: Sequence[Token], cast: Cast) -> bool:
    """Someone or something else in the sentence the pronoun could mean: for "he"/"she" another name that
    may be a person or a person noun outside the pronoun's own clause ("Smith hired Jones after he left");
    for "they" another plural noun before it; for "it" any other noun before it."""
    inside = {t.i for t in antecedent}
    doc = sentence.doc
    if pronoun.lower_ in ("he", "she"):
        own = {t.i for t in pronoun.head.subtree}
        people = [
            span
            for span in name_spans(doc)
            if span.start not in inside and span.start not in own and _may_be(span.root, "person", cast)
        ]
        nouns = [t for t in doc if t.lemma_.lower() in _PERSON_NOUNS and t.i not in inside and t.i not in own]
        return bool(people or nouns)
    if pronoun.lower_ == "it":
        return any(
            t.pos_ in ("NOUN", "PROPN") and t.i not in inside and t.i < pronoun.i and t.dep_ != "compound"
            for t in doc
        )
    return any(t.tag_ in ("NNS", "NNPS") and t.i not in inside and t.i < pronoun.i for t in doc)


def _resolved(sentence: Sentence, verb: Token, other: Token, cast: Cast) -> list[Token] | None:
    """The subject of ``verb``; a pronoun subject ("he", "she", "they") read as the other event's subject
    when that one is named, agrees and nobody else in the sentence can be meant."""
    subject = _subject_of(verb)
    controlled = not any(c.dep_ in ("xcomp", "ccomp") for c in other.children)
    if subject is None and verb.tag_ == "VBG" and controlled:
        return _main_subject(other)  # "before travelling": the main subject's (not "saw X peak, before")
    if subject is None:
        return None
    if subject.pos_ != "PRON":
        return _subject_tokens(subject)
    antecedent_head = _subject_of(other)
    if antecedent_head is None or antecedent_head.pos_ == "PRON":
        return None
    antecedent = _subject_tokens(antecedent_head)
    low = subject.lower_
    if low in ("he", "she") and (not _may_be(antecedent_head, "person", cast) or _plural(antecedent)):
        return None
    if low == "they" and not _plural(antecedent):
        return None
    if low == "it" and (_plural(antecedent) or not _may_be(antecedent_head, "thing", cast)):
        return None
    if low not in ("he", "she", "they", "it") or _others_meant(sentence, subject, antecedent, cast):
        return None
    return antecedent


def _main_subject(verb: Token) -> list[Token] | None:
    subject = _subject_of(verb)
    if subject is None or subject.pos_ == "PRON":
        return None
    return _subject_tokens(subject)


def _linked(sentence: Sentence, cast: Cast) -> Iterator[tuple[Event, Event]]:
    """(earlier, later) events that one sentence puts in order."""
    doc = sentence.doc
    for root in (t for t in doc if t.dep_ == "ROOT"):
        for child in root.children:
            pair = _link(root, child)
            if pair is None:
                continue
            first_verb, second_verb = pair
            first_subject = _resolved(sentence, first_verb, second_verb, cast)
            second_subject = _resolved(sentence, second_verb, first_verb, cast)
            if first_subject is None or second_subject is None:
                continue
            first = _event(sentence, first_verb, first_subject, cast)
            second = _event(sentence, second_verb, second_subject, cast)
            if first is not None and second is not None:
                yield first, second


def _link(root: Token, child: Token) -> tuple[Token, Token] | None:
    """(earlier verb, later verb) when ``child`` is a clause the text explicitly orders against ``root``."""
    if child.dep_ == "advcl":
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        when = "when" in marks or any(c.lower_ == "when" and c.dep_ == "advmod" for c in child.children)
        if marks == ["after"]:
            return child, root
        if marks == ["before"]:
            return root, child
        if when and _past_perfect(root) and _simple_past(child):  # "had left when the police arrived"
            return root, child
        if when and _past_perfect(child) and _simple_past(root):  # "when they had eaten, they left"
            return child, root
        return None
    then = any(c.dep_ == "advmod" and c.lower_ in _THEN for c in child.children)
    if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > root.i and then:
        return root, child  # "studied law and then worked as a journalist"
    return None


def _single_event(sentence: Sentence, cast: Cast) -> Event | None:
    """The one event of a sentence: a single main verb, no verb joined to it, no clause ordered against it."""
    roots = [t for t in sentence.doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    root = roots[0]
    if any(c.dep_ in ("conj", "parataxis", "advcl") and c.pos_ in ("VERB", "AUX") for c in root.children):
        return None
    subject = _main_subject(root)
    return _event(sentence, root, subject, cast) if subject is not None else None


def _followed(previous: Sentence, sentence: Sentence, cast: Cast) -> Iterator[tuple[Event, Event]]:
    """ "The panel looked at the documents. The panel then wrote a report.": a sentence whose main verb says
    it came "then" or "later" follows the one event of the sentence before it."""
    roots = [t for t in sentence.doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or not _after_previous(roots[0]):
        return
    before, after = _single_event(previous, cast), _single_event(sentence, cast)
    if before is not None and after is not None:
        yield before, after


def _after_previous(root: Token) -> bool:
    """ "then", "later", "afterwards", "two years later" on the main verb."""
    for child in root.children:
        if child.dep_ == "advmod" and child.lower_ in _THEN:
            return True
        if child.dep_ in ("obl:npmod", "obl:tmod", "obl:unmarked", "obl") and any(
            c.dep_ == "advmod" and c.lower_ == "later" for c in child.children
        ):
            return True
    return False


def _dated(sentence: Sentence, cast: Cast) -> Iterator[Event]:
    """Events of the main clause (and of verbs joined to it) with one explicit date on the verb."""
    doc = sentence.doc
    roots = [t for t in doc if t.dep_ == "ROOT"]
    verbs = [*roots, *(c for r in roots for c in r.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for verb in verbs:
        times = [c for c in verb.children if _is_time(c)]
        when = _date(times[0]) if len(times) == 1 and times[0].dep_ == "obl" else None
        if when is None:
            continue  # none, or two time phrases: which one dates the event is not plain
        low, high = sorted((verb.i, times[0].i))
        if any(t.pos_ == "VERB" and t.i != verb.i for t in doc[low:high]):
            continue  # another clause between: the date may be its ("began after X joined in 2004")
        subject = _main_subject(verb)
        if subject is None:
            continue
        event = _event(sentence, verb, subject, cast, when, list(times[0].subtree))
        if event is not None:
            yield event


def _distinct(a: Event, b: Event) -> bool:
    """Two events no reader could take for one: different words, neither saying the other's claim."""
    same_verb = (a.sentence.index, a.verb.i) == (b.sentence.index, b.verb.i)
    if same_verb or a.text.lower() == b.text.lower():
        return False
    return not says(b.terms, a.claim) and not says(a.terms, b.claim)


def ordered_events(passage: Passage, cast: Cast) -> list[tuple[Event, Event]]:
    """Every (earlier, later) pair of events the version orders explicitly."""
    pairs: list[tuple[Event, Event]] = []
    dated: list[Event] = []
    previous: Sentence | None = None
    for sentence in passage.sentences:
        if not sentence.quoted:
            pairs.extend(_linked(sentence, cast))
            dated.extend(_dated(sentence, cast))
            if previous is not None and not previous.quoted:
                pairs.extend(_followed(previous, sentence, cast))
        previous = sentence
    for a, b in combinations(dated, 2):
        assert a.when is not None and b.when is not None
        if a.when[1] < b.when[0]:
            pairs.append((a, b))
        elif b.when[1] < a.when[0]:
            pairs.append((b, a))
    return [(a, b) for a, b in pairs if _distinct(a, b)]


def _evidence(first: Event, second: Event) -> str:
    return _joined(first.sentence, second.sentence)


def _joined(one: Sentence, two: Sentence) -> str:
    """The sentences that give the order, in the text's order ("…" where others come between)."""
    if one.index == two.index:
        return one.text
    a, b = sorted((one, two), key=lambda s: s.index)
    return f"{a.text} {b.text}" if b.index == a.index + 1 else f"{a.text} … {b.text}"


def sequence_candidates(passage: Passage, cast: Cast) -> Iterator[Candidate]:
    """ "Which happened first?" (or "later?", as the events' text decides, so that neither the first nor the
    shorter option is more often the key) with the two events as options."""
    made = 0
    for first, second in ordered_events(passage, cast):
        short, long = sorted((first.words, second.words))
        if short < MIN_WORDS or long > MAX_WORDS or long > MAX_RATIO * short:
            continue  # (another version's events are checked at any length: only these are shown)
        coin = hashlib.sha256(f"{first.text}\x00{second.text}".encode()).digest()[0] % 2
        stem = FIRST if coin == 0 else LATER
        key, other = (first, second) if stem == FIRST else (second, first)
        yield Candidate(
            QuestionKind.SEQUENCE,
            stem,
            mixed(stem, [first.text, second.text]),
            key.text,
            _evidence(first, second),
            key.claim,
            (other.claim,),
            passage.level,
            min(first.sentence.index, second.sentence.index),
        )
        made += 1
        if made >= PER_PASSAGE:
            return


def _year(claim: Claim, option: str) -> int | None:
    """The year that dates an event: in its claim, not in its option (a year the event's words hold, as in
    "won the 2012 election", says nothing of when it happened)."""
    years = [t[1:] for t in claim.terms if re.fullmatch(r"#(1[89]|20)\d\d", t) and t[1:] not in option]
    return int(years[0]) if len(years) == 1 else None


def _dated_levels(candidate: Candidate, passages: Mapping[str, Passage]) -> dict[str, str]:
    """For two events dated in different years: the versions with a sentence saying each event with its
    year (any wording of the sentence that keeps most of the event's words, its names and numbers)."""
    assert candidate.key is not None and candidate.answer is not None
    other_claim = candidate.distractors[0]
    other_option = next(o for o in candidate.options if o != candidate.answer)
    key_year, other_year = _year(candidate.key, candidate.answer), _year(other_claim, other_option)
    if key_year is None or other_year is None:
        return {}
    if (key_year < other_year) != (candidate.stem == FIRST) or key_year == other_year:
        return {}
    out = {}
    for level, passage in passages.items():
        key = supporting_sentence(passage, candidate.key, LEVEL_SHARE)
        other = supporting_sentence(passage, other_claim, LEVEL_SHARE)
        if key is not None and other is not None and key.index != other.index:
            out[level] = _joined(key, other)
    return out


def sequence_levels(candidate: Candidate, passages: Mapping[str, Passage], cast: Cast) -> dict[str, str]:
    """The versions that state the candidate's order between the same two events, with their evidence."""
    assert candidate.key is not None and len(candidate.distractors) == 1
    other = candidate.distractors[0]
    earlier, later = (candidate.key, other) if candidate.stem == FIRST else (other, candidate.key)
    out = _dated_levels(candidate, passages)
    for level, passage in passages.items():
        if level in out:
            continue
        for a, b in ordered_events(passage, cast):
            same = says(a.terms, earlier, LEVEL_SHARE) and says(b.terms, later, LEVEL_SHARE)
            if same and not says(a.terms, later, LEVEL_SHARE) and not says(b.terms, earlier, LEVEL_SHARE):
                out[level] = _evidence(a, b)
                break
    return out
