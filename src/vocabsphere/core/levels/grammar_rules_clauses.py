"""Detectors for clause-level grammar: relative clauses, reported speech, wish."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_rules_conditionals import clause_time
from vocabsphere.core.levels.grammar_verbs import (
    VerbGroup,
    looks_like_verb,
    verb_group,
)
from vocabsphere.core.levels.grammar_words import (
    AUX_DEPS,
    BE_FORMS,
    SUBJ_DEPS,
    WILL,
    Hit,
    feat,
    low,
    verb_lemmas,
)
from vocabsphere.core.text.tags import FINITE_TAGS

_RESULT_MODALS = frozenset({"would", "could", "might"})
_REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "claim",
        "explain",
        "announce",
        "admit",
        "deny",
        "insist",
        "warn",
        "state",
        "add",
        "reply",
        "mention",
        "complain",
        "confirm",
        "argue",
        "promise",
        "inform",
        "reveal",
        "suggest",
        "assure",
        "predict",
    }
)
# Verbs that report a question or an answer with a wh-clause ("She told us where she lived");
# after the others ("predict what ...", "reveal how ...") the clause says what is known, not said
_WH_REPORTING_VERBS = frozenset({"say", "tell", "explain"})
_WH_WORDS = frozenset({"what", "which", "how", "why", "where", "when", "who", "whether", "if"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''", "'"})
# "given that we only have ...", "so that": 'that' joins a clause to these words, not to a noun
_THAT_CONJUNCTIONS = frozenset({"given", "provided", "providing", "so", "such", "now", "except"})
_REL_WORDS = frozenset({"who", "whom", "which", "that", "whose", "where", "when"})
_NON_DEFINING_WORDS = _REL_WORDS - {"that"}
_HARD_PUNCT = frozenset({",", ";", ":", "--", "-", "\u2014", "(", ")", '"', "\u201c", "\u201d"})
# Nouns that take a that-complement clause ("the fact that ...").
_CONTENT_NOUNS = frozenset(
    {
        "fact",
        "claim",
        "news",
        "idea",
        "belief",
        "hope",
        "fear",
        "report",
        "evidence",
        "sign",
        "chance",
        "possibility",
        "suggestion",
        "statement",
        "notion",
        "rumour",
        "rumor",
        "assumption",
        "view",
        "argument",
        "conclusion",
        "feeling",
        "impression",
        "doubt",
        "promise",
        "warning",
        "proof",
        "theory",
        "allegation",
        "accusation",
        "announcement",
        "confirmation",
        "indication",
        "understanding",
        "message",
        "word",
        "thought",
        "opinion",
        "insistence",
        "realization",
    }
)
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they"})
_TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "moment", "morning", "night", "evening"})


_NAME_PARTS = frozenset({"compound", "flat", "amod", "nmod:desc"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
# A noun + noun the parse split the wrong way round ("family" heading "home"): named together
_SPLIT_NOUN = frozenset({"advmod", "compound", "flat", "appos"})


def noun_words(noun: Token) -> str:
    """The noun as the explanation names it: a capitalised name in full ("Sweet Dreams", "New
    York"), not its last word ("Dreams"); any other noun as written."""
    while noun.dep_ == "flat" and noun.head.i < noun.i and noun.head.text[:1].isupper():
        noun = noun.head  # "1 Central Park West": 'West' is the last word of the name, not the noun
    doc, start = noun.doc, noun.i
    if not noun.text[:1].isupper():
        nxt = doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i == noun.i and nxt.dep_ in _SPLIT_NOUN:
            return str(doc[noun.i : nxt.i + 1].text)  # "the family home where ..." parsed as 'family'
        return str(noun.text)
    while start > noun.sent.start:
        before = doc[start - 1]
        if (
            before.head.i == noun.i
            and before.text[:1].isupper()
            and (
                before.dep_ in _NAME_PARTS
                or (before.i > noun.sent.start and (before.tag_ in _NAME_TAGS or before.dep_ == "advmod"))
            )
        ):
            start -= 1  # "a game Never End, which ...": 'Never' tagged a name's word, parsed an adverb
        elif before.text == "&" and start - 2 >= noun.sent.start and doc[start - 2].text[:1].isupper():
            start -= 2  # "Marks & Spencer", not 'Spencer'
        else:
            break
    end = noun.i + 1
    while end < noun.sent.end and doc[end].head.i == noun.i and doc[end].dep_ == "flat":
        end += 1
    return str(doc[start:end].text)


def _group_time(group: VerbGroup | None) -> str | None:
    """Coarse tense of a parsed verb group: pres, past, pastperf, will, would, wouldperf."""
    if group is None or group.infinitival:
        return None
    shape, first = group.shape, group.shape[0]
    if first in ("WILL", "MODAL"):
        perfect = shape[1:2] == ("HAVE",)
        if group.modal in WILL:
            return None if perfect else "will"
        if group.modal in _RESULT_MODALS:
            return "wouldperf" if perfect else "would"
        return None
    if first == "HAVE_PAST" and len(shape) > 1:
        return "pastperf"
    if first in ("V_PRES", "BE_PRES", "DO_PRES", "HAVE_PRES"):
        return "pres"
    if first in ("V_PAST", "BE_PAST", "DO_PAST"):
        return "past"
    return None


def _relative_word(clause: Token) -> Token | None:
    for tok in clause.subtree:
        if tok.i >= clause.i:
            break
        relative = tok.tag_ in ("WDT", "WP", "WP$", "WRB") or feat(tok, "PronType") == "Rel"
        if relative and low(tok) in _REL_WORDS:
            return tok
    return None


def _clause_right(clause: Token, left: Token, stop_at_cc: bool = False) -> int:
    """Last token of a relative clause: its subtree, cut at the first hard punctuation mark
    (and, for participle phrases, at a coordinating conjunction)."""
    right = max((t.i for t in clause.subtree if not t.is_punct), default=clause.i)
    for tok in clause.doc[left.i : right + 1]:
        hyphen = tok.text == "-" and not tok.doc[tok.i - 1].whitespace_ and tok.i + 1 < len(tok.doc)
        if tok.i > clause.i and hyphen:
            continue  # "man-made": a hyphen inside a word ends nothing
        if tok.i > clause.i and (tok.text in _HARD_PUNCT or (stop_at_cc and tok.pos_ == "CCONJ")):
            return tok.i - 1
    return right


def _complement_that(noun: Token, clause: Token, rel: Token | None) -> bool:
    """ "the claim that prices rose": a that-clause after a content noun, not a relative clause."""
    if rel is None or low(rel) != "that":
        return False
    subject = any(c.dep_ in SUBJ_DEPS and c.i != rel.i for c in clause.children)
    if noun.lemma_.lower() in _CONTENT_NOUNS | _TIME_NOUNS:
        return subject
    # "an old adage that you follow the money": subject and object are both there, so 'that'
    # fills no gap in the clause and cannot be a relative pronoun
    return subject and any(c.dep_ == "obj" and c.i != rel.i for c in clause.children)


def _result_that(noun: Token, left: Token) -> bool:
    """ "such a loud noise that the children woke up", "so many fans that ...": 'that' after a noun
    that 'such' or 'so' grades opens the result clause of so/such ... that, not a relative clause;
    so does a 'that' after "so hard to find a taxi" when the clause has a subject of its own and
    nothing missing ("that we often walk home"; not "that we like", whose object 'that' is)."""
    if low(left) != "that" or left.i <= noun.i:
        return False
    if any(low(t) in ("such", "so") for t in noun.doc[noun.left_edge.i : noun.i]):
        return True
    ancestors = set(noun.ancestors)
    graded = any(
        low(t) == "so" and t.dep_ == "advmod" and t.head.pos_ in ("ADJ", "ADV") and t.head in ancestors
        for t in noun.doc[noun.sent.start : noun.i]
    )
    clause = left.head
    if not graded or clause.i <= left.i:
        return False
    deps = {c.dep_ for c in clause.children if c.i != left.i}
    if not deps & SUBJ_DEPS:
        return False  # "so hard to find a taxi that takes cards": 'that' is the subject
    return left.dep_ == "mark" or bool(deps & {"obj", "ccomp", "xcomp", "cop", "aux:pass", "expl"})


def detect_relatives(sent: Span) -> Iterator[Hit]:
    seen: set[int] = set()
    for clause in sent:
        if clause.dep_ != "acl:relcl" or not _relative_head(clause.head):
            continue
        noun, left = clause.head, clause.left_edge
        if left.i <= noun.i:
            continue
        if _cleft_focus(noun):
            seen.add(left.i)  # "It isn't just students who would benefit": a cleft, not a noun's clause
            continue
        right = _clause_right(clause, left)
        rel = _relative_word(clause)
        if _complement_that(noun, clause, rel) or low(clause.doc[left.i - 1]) in _THAT_CONJUNCTIONS:
            continue
        if _result_that(noun, left):
            seen.add(left.i)  # nor claimed by the word-order fallbacks
            continue
        if _holds_the_main_verb(sent, left.i, right):
            seen.add(left.i)  # nor claimed by the word-order fallbacks
            continue
        seen.add(left.i)
        details = (("noun", noun_words(noun)),)
        if clause.doc[left.i - 1].text == ",":
            named = _antecedent_name(noun, clause, rel, left)
            if named is None:
                continue
            details = (("noun", named),)
            if (
                rel is not None
                and low(rel) in _NON_DEFINING_WORDS
                and not _comments_on_clause(rel, noun)
                and not _who_after_a_phrase(rel, noun)
            ):
                yield Hit("relative_non_defining", left.i, right + 1, details)
        elif _defining_ok(clause, rel, noun, left):
            yield Hit("relative_defining", left.i, right + 1, details)
    yield from _comma_relatives(sent, seen)
    yield from _subject_relatives(sent, seen)


def _cleft_focus(noun: Token) -> bool:
    """Is ``noun`` what an it-cleft singles out ("It was only the teachers who knew")? Its 'who'
    clause does not tell which teachers."""
    children = list(noun.children)
    return any(c.dep_ == "cop" for c in children) and any(
        c.dep_ in ("nsubj", "expl") and low(c) == "it" for c in children
    )


def _holds_the_main_verb(sent: Span, start: int, end: int) -> bool:
    """ "Sadly, jobs that pay like Laura's are few and far between.": the parse hung the sentence's own
    verb ("are few") inside the clause; with two finite verbs inside and none left outside it, where
    the clause ends is unsure (a title, "Ten things that make us happy", may have no verb of its own)."""
    if sent.text.rstrip().rstrip("\"'’”")[-1:] not in ".!?":
        return False
    inside = sum(t.tag_ in FINITE_TAGS for t in sent.doc[start : end + 1])
    # one finite verb inside: "A man who loves dogs." is a caption, a clause with no sentence round it
    return inside > 1 and not any(t.tag_ in FINITE_TAGS for t in sent if not start <= t.i <= end)


def _comma_relatives(sent: Span, seen: set[int]) -> Iterator[Hit]:
    """ ", who/which ..." after a noun, up to the next comma: found on the words when the parse missed it."""
    doc = sent.doc
    for rel in sent:
        # doc-level look-back: the parser sometimes starts a new "sentence" at the comma
        if rel.i in seen or rel.i < 2 or low(rel) not in ("who", "whom", "which", "whose"):
            continue
        noun = doc[rel.i - 2]
        if doc[rel.i - 1].text != "," or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if rel.tag_ not in ("WP", "WDT", "WP$") and feat(rel, "PronType") != "Rel":
            continue
        if _comments_on_clause(rel, noun) or _other_antecedent(rel, noun) or _who_after_a_phrase(rel, noun):
            continue
        named = _antecedent_name(noun, rel.head, rel, rel)
        if named is None:
            continue
        end = rel.i + 1
        while end < sent.end and (
            doc[end].text not in (",", ";", ".", "!", "?", "\u2014", "-", ")")
            or (doc[end].text == "-" and not doc[end - 1].whitespace_)  # "home-made": inside a word
        ):
            end += 1
        if end - rel.i >= 2 and any(looks_like_verb(t) for t in doc[rel.i + 1 : end]):
            yield Hit("relative_non_defining", rel.i, end, (("noun", named),))


def _antecedent_name(noun: Token, clause: Token, rel: Token | None, left: Token) -> str | None:
    """The noun the explanation names. "Frogs and toads, which also live near ponds": the clause may
    tell of both nouns or of the last. Named whole when a plural verb with the relative word as its
    subject says it is both; the last noun alone when a singular verb says so, or when it has its
    own determiner ("his speech and the book he wrote"); else (unsure which) None: no claim."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in _NOUNISH and not _ampersand(first):
        first = first.head
    conjuncts = [c for c in first.children if c.dep_ == "conj" and c.i < left.i and not _ampersand(c)]
    if not conjuncts:
        return _phrase_antecedent(noun, clause, rel) if _completes_a_noun(noun) else noun_words(noun)
    last = max(conjuncts, key=lambda c: c.i)
    own_det = any(c.dep_ in ("det", "nmod:poss", "nummod") for c in last.children)
    subject = rel is not None and rel.dep_.startswith("nsubj")
    number = _verb_number(clause) if subject else ""
    if number == "Plur":
        if own_det or any(c.dep_ == "case" for c in first.children):
            # "Anna and her brother, who live ...": where the phrase starts is unsure; "cancers in
            # Belarus and Ukraine, which have been observed": maybe about the noun the phrase hangs on
            return None
        start = first.left_edge.i
        while first.doc[start].dep_ in ("case", "det", "cc", "punct", "advmod") and start < first.i:
            start += 1  # "of the frogs and toads" named as 'frogs and toads'
        whole = first.doc[start : last.i + 1]
        # a plain list of nouns; no clause inside ("sales that aren't sales, mislabeled items")
        return None if any(t.pos_ in ("VERB", "AUX") for t in whole) else str(whole.text)
    if noun.i == last.i and (own_det or (number == "Sing" and noun.tag_ in ("NN", "NNP"))):
        return noun_words(noun)  # a singular verb after a singular noun: the clause is about that noun
    return None


_NOUNISH = frozenset({"NOUN", "PROPN", "PRON"})


# "a lot of people, who ...", "years of illness, which ...": a word for an amount (or a plural
# span of time); the clause tells of what follows 'of'
_AMOUNT_NOUNS = frozenset(
    {"lot", "lots", "number", "couple", "dozen", "hundred", "thousand", "million", "billion", "plenty"}
)
_SPANS = frozenset({"hours", "days", "weeks", "months", "years", "decades"})


def _completes_a_noun(noun: Token) -> bool:
    """Is ``noun`` the end of a preposition's phrase that completes a noun before it ("a letter from a
    friend", "the Convention on Narcotic Drugs")?"""
    head = noun.head
    return (
        noun.dep_ == "nmod"
        and head.i < noun.i
        and head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "case" for c in noun.children)
    )


def _phrase_antecedent(noun: Token, clause: Token, rel: Token | None) -> str | None:
    """ "A shot from a gun, which also hit the wall": the clause may tell of either noun (here the
    shot). Named only when something says which: a word for an amount before 'of'
    ("lots of people, who"); a name made of both ("the Bank of England"); or the number of the
    clause's verb: singular after a plural noun that completes a singular one ("the Convention on
    Narcotic Drugs, which controls ...") names the whole phrase, a number only the last noun shares
    names it. Else None: no claim."""
    head, doc = noun.head, noun.doc
    whole = str(doc[head.i : noun.i + 1].text)
    of = any(c.dep_ == "case" and low(c) == "of" for c in noun.children)
    if of and (head.lemma_.lower() in _AMOUNT_NOUNS or low(head) in _SPANS):
        return noun_words(noun)
    if of and head.text[:1].isupper() and noun.text[:1].isupper() and head.i > noun.sent.start:
        return whole  # "the University of Leeds, which ...": one name
    if rel is None or not rel.dep_.startswith("nsubj"):
        return None
    number = _verb_number(clause)
    head_plural, noun_plural = _is_plural(head), _is_plural(noun)
    if number == "Sing" and not head_plural and noun_plural:
        if noun.tag_ == "NNPS" and not head.text[:1].isupper():
            return None  # a plural name is one thing: "a trip to the United States, which is ..."
        return whole
    if (number == "Plur") == noun_plural and head_plural != noun_plural and number:
        return noun_words(noun)  # "the cost of the new trains, which are ...": only 'trains' agrees
    return None


def _is_plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS")


def _verb_number(clause: Token) -> str:
    """The number the clause's finite verb shows: 'Plur' ('live', 'were'), 'Sing' ('lives', 'was'),
    or '' (a past tense or a modal shows none)."""
    finite = [c for c in clause.children if c.dep_ in AUX_DEPS and c.i < clause.i] or [clause]
    if finite[0].tag_ == "VBP" or low(finite[0]) == "were":
        return "Plur"
    return "Sing" if finite[0].tag_ == "VBZ" or low(finite[0]) == "was" else ""


def _ampersand(conj: Token) -> bool:
    """ "Marks & Spencer": one name, not two nouns."""
    return any(c.dep_ == "cc" and c.text == "&" for c in conj.children)


def _who_after_a_phrase(rel: Token, noun: Token) -> bool:
    """ "Yuu Wakebe, an official overseeing policy on working hours, who admits ...": a 'who' after a
    common noun in a phrase that tells more of another noun is most often about the person named
    before the phrase, so the explanation, which names the noun, is not given."""
    if low(rel) not in ("who", "whom") or noun.pos_ != "NOUN" or not noun.text.islower():
        return False  # "Contrast this with Brooks, who has a coach": a name the tagger missed
    if noun.dep_ == "nmod" and any(c.dep_ == "case" for c in noun.children):
        return True  # "rules on opening hours, who"; "handed to middlemen, who" is about them
    return _deep_in_apposition(noun)


def _deep_in_apposition(noun: Token) -> bool:
    """Is ``noun`` inside (not the head of) an apposition to a name ("Wakebe, an official overseeing
    policy on working hours")?"""
    tok = noun
    while tok.head.i != tok.i:
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            return tok.i != noun.i
        tok = tok.head
    return False


def _other_antecedent(rel: Token, noun: Token) -> bool:
    """The noun before the comma sits in a preposition's phrase ("the internet service in the
    island nation, which ...") and the parse hangs the clause on another noun: which of the two it
    describes is unsure ("nation" was named for the service, "focus" would be for "Modi"), so the
    explanation, which names one, is not given."""
    clause = rel.head
    while clause.dep_ in ("ccomp", "xcomp") and clause.head.i > noun.i:
        clause = clause.head
    other = clause.dep_ == "acl:relcl" and clause.head.i != noun.i
    return other and any(c.dep_ == "case" for c in noun.children)


def _comments_on_clause(rel: Token, noun: Token) -> bool:
    """ ", which means ...", "elections, which has led to ...": a which-clause about the whole
    clause before it, not about the noun before the comma (the explanation names that noun).
    The parse marks such a clause advcl:relcl; a singular verb after a plural noun tells too."""
    if low(rel) != "which":
        return False  # only 'which' can take up a whole clause ("Brooks, who has a coach")
    if any(low(c) in ("per", "a", "an") and c.dep_ == "case" for c in noun.children) or (
        noun.i > 0 and low(noun.doc[noun.i - 1]) == "per"
    ):
        return True  # "200 gallons per person, which is giving rise to ...": a rate is no antecedent
    clause = rel.head
    while clause.dep_ in ("ccomp", "xcomp") and clause.head.i > noun.i:
        clause = clause.head  # "which I think is intentional": the clause is 'think'
    if clause.dep_ == "advcl:relcl" or (clause.dep_ == "ROOT" and clause.i > rel.i):
        return True
    if rel.dep_ not in ("nsubj", "nsubj:pass") or noun.tag_ != "NNS" or not noun.text[:1].islower():
        return False
    finite = [clause, *(c for c in clause.children if c.dep_ in AUX_DEPS and c.i < clause.i)]
    # only a form that shows its number ('has', 'is', 'was'; not 'topped', whose Number feature
    # the tagger guesses)
    return any(t.tag_ == "VBZ" or low(t) == "was" for t in finite)


def _subject_relatives(sent: Span, seen: set[int]) -> Iterator[Hit]:
    """ "the key that opens the garage" when the parse missed acl:relcl: a relative pronoun
    (tagged as one) right after a noun, acting as the subject of a finite verb after it."""
    doc = sent.doc
    for rel in sent:
        if rel.i in seen or rel.i == sent.start or low(rel) not in ("who", "which", "that"):
            continue
        noun, verb = doc[rel.i - 1], rel.head
        if noun.pos_ not in ("NOUN", "PROPN") or feat(rel, "PronType") != "Rel" or rel.dep_ != "nsubj":
            continue
        if low(rel) == "that" and (rel.tag_ != "WDT" or noun.lemma_.lower() in _CONTENT_NOUNS):
            continue
        if _result_that(noun, rel):
            continue
        finite = verb.tag_ in ("VBZ", "VBP", "VBD") or any(c.dep_ == "aux" for c in verb.children)
        right = _clause_right(verb, rel)
        if (
            verb.i > rel.i
            and verb.pos_ in ("VERB", "AUX")
            and finite
            and not _holds_the_main_verb(sent, rel.i, right)
        ):
            yield Hit("relative_defining", rel.i, right + 1, (("noun", noun_words(noun)),))


_QUANTIFIER_HEADS = frozenset({"all", "everything", "anything", "something", "nothing"})


def _relative_head(head: Token) -> bool:
    """What a relative clause can hang on: a noun or pronoun, or 'all' ("all you want")."""
    return head.pos_ in ("NOUN", "PROPN", "PRON") or low(head) == "all"


def _object_gap_clause(clause: Token, that: Token) -> bool:
    """A verb clause with its own subject and nothing that could complete the verb instead of
    'that' (no object, clause, complement or copula)."""
    deps = {c.dep_ for c in clause.children if c.i != that.i}
    if clause.pos_ != "VERB" or deps & {"obj", "ccomp", "xcomp", "cop", "aux:pass", "expl"}:
        return False
    return any(c.dep_ == "nsubj" and c.i > that.i for c in clause.children)


def _defining_ok(clause: Token, rel: Token | None, noun: Token, left: Token) -> bool:
    if rel is not None:
        return rel.i == left.i or left.pos_ == "ADP"  # "the man who ...", "the house in which ..."
    gap = not any(c.dep_ in ("obj", "ccomp") for c in clause.children) and not _complete_predicate(clause)
    if low(left) == "that" and left.i == noun.i + 1 and gap and _object_gap_clause(clause, left):
        # "a question that he hasn't anticipated": 'that' tagged as a conjunction, but the
        # clause lacks its object, so 'that' fills the gap (content nouns were ruled out before)
        return noun.lemma_.lower() not in _CONTENT_NOUNS | _TIME_NOUNS
    # Contact clause ("the book I read"): its own subject right after a determined, non-time noun.
    determined = low(noun) in _QUANTIFIER_HEADS or any(
        c.dep_ in ("det", "nmod:poss")
        and low(c) not in ("this", "next", "last", "every", "what", "which", "whose")
        for c in noun.children
    )
    if any(t.pos_ == "SCONJ" or t.tag_ == "WRB" for t in noun.doc[noun.sent.start : noun.i]):
        return False  # "When she was a kitten she looked ...": the pronoun starts the main clause
    # ... and an object gap: "I knew I'd be here" (verb + clause) is a new main clause
    # "the first time I walked in", "the year we got him": a time noun after 'the' is a
    # relative's antecedent too, but "this year we ..." opens a main clause
    the_time = any(c.dep_ == "det" and low(c) == "the" for c in noun.children)
    return (
        determined
        and gap
        and (noun.lemma_.lower() not in _TIME_NOUNS or the_time)
        and left.i == noun.i + 1
        and any(
            c.dep_ in SUBJ_DEPS and c.left_edge.i == left.i and _contact_subject(c, clause)
            for c in clause.children
        )
    )


def _complete_predicate(clause: Token) -> bool:
    """ "a sign you were busy": 'be' + an adjective with nothing stranded ("proud of") leaves no gap
    for a relative pronoun, so the clause says what the noun is (a content clause), not which one."""
    if clause.pos_ != "ADJ" or not any(c.dep_ == "cop" for c in clause.children):
        return False
    return not any(t.pos_ == "ADP" and t.dep_ != "case" and not list(t.children) for t in clause.subtree)


def _contact_subject(subject: Token, clause: Token) -> bool:
    """The subject that opens a contact clause: a subject pronoun, or a name or noun phrase
    ("the lessons Mrs. Lynda Mcmanus taught me") when the clause's head is a finite verb."""
    if low(subject) in _SUBJECT_PRONOUNS:
        return subject.left_edge.i == subject.i
    if subject.pos_ not in ("PROPN", "NOUN") or clause.pos_ != "VERB":
        return False
    finite = clause.tag_ in ("VBZ", "VBP", "VBD") or any(
        c.dep_ in ("aux", "aux:pass") and c.i < clause.i for c in clause.children
    )
    return finite and subject.right_edge.i < clause.i


def detect_reduced_relatives(sent: Span) -> Iterator[Hit]:
    if not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in sent):
        return  # no finite verb: the "participle" is the sentence's own verb ("Prices rose by 10 %")
    for verb in sent:
        if verb.tag_ not in ("VBG", "VBN") or verb.i == sent.start or low(verb) in _PREPOSITION_LIKE:
            continue
        noun = verb.doc[verb.i - 1]
        if verb.dep_ != "acl" or verb.head.i != noun.i:
            end = participle_phrase_before_verb(verb)
            if (
                end is not None
                and noun.pos_ in ("NOUN", "PROPN")
                and _sentence_initial_np(noun)
                and _participle_of_noun(verb, noun)
            ):
                yield Hit("relative_reduced", verb.i, end, (("noun", noun_words(noun)),))
            continue
        if noun.pos_ not in ("NOUN", "PROPN", "PRON") or _inverted_passive(noun):
            continue
        if not (_participle_of_noun(verb, noun) and _participle_form(verb)):
            continue
        if _past_tense_reading(verb, noun) or _verb_of_a_subordinate_clause(verb, noun):
            continue
        if noun.dep_ == "obj" and noun.head.lemma_.lower() in _OBJECT_COMPLEMENT_VERBS:
            continue  # "got a tattoo done", "left them stranded": a complement of the verb, not of the noun
        if any(c.dep_ in ("aux", "aux:pass", "mark", "nsubj", "nsubj:pass", "cop") for c in verb.children):
            continue
        right = _clause_right(verb, verb, stop_at_cc=True)
        if right == verb.i:
            continue  # a bare participle after a noun ("the money spent") is too often misparsed
        yield Hit("relative_reduced", verb.i, right + 1, (("noun", noun_words(noun)),))


def _participle_of_noun(verb: Token, noun: Token) -> bool:
    """Evidence that the participle describes the noun, not the clause: an -ing form after an
    object or a preposition is usually adverbial ("make money branching out", "men dressing in
    lingerie"), and a past form followed by its own object is a past tense ("the corporation
    built a plant")."""
    if verb.tag_ == "VBG":
        return noun.dep_ in SUBJ_DEPS and noun.head.i != verb.i
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None:
        return True
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    adjective_object = nxt.pos_ == "ADJ" and after is not None and after.pos_ == "NOUN"
    return nxt.pos_ not in ("DET", "PRON", "NUM") and not adjective_object


def _participle_form(verb: Token) -> bool:
    """The word looks like a participle, not a noun the tagger took for one ("a prayer sermon")."""
    word = low(verb)
    if verb.tag_ == "VBG":
        return word.endswith("ing")
    return word != verb.lemma_.lower() or word.endswith(("ed", "en", "wn")) or word in _SAME_FORM_VERBS


def _past_tense_reading(verb: Token, noun: Token) -> bool:
    """ "The broker called back ...", "none of the calls rolled into voice mail": an -ed form
    after a noun phrase that has no other role in the sentence (the parse left it as the root
    or joined it to a verb) is that noun's past-tense verb, not a participle describing it."""
    if verb.tag_ != "VBN" or not low(verb).endswith("ed"):
        return False
    first = noun.left_edge
    after_and = first.pos_ == "CCONJ" or (first.i > 0 and noun.doc[first.i - 1].pos_ == "CCONJ")
    if after_and and any(c.dep_ == "obj" for c in verb.children):
        return True  # "... but Planas invited citizens to ...": a new clause after 'but', with an object
    top = noun
    while top.dep_ in ("nmod", "compound", "appos", "flat", "conj") and top.head.pos_ in _NOMINAL:
        top = top.head
    if top.dep_ == "ROOT":
        # a sentence-opening noun that is no predicate ("That is a term invented by ..."), or a
        # quantifier pronoun, which heads no verbless fragment ("None of the calls rolled ...")
        opening = top.left_edge.i == top.sent.start
        subject_like = noun.i == top.i or top.pos_ == "PRON"
        return subject_like and opening and not any(c.dep_ == "cop" for c in top.children)
    return top.dep_ == "punct" or (top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX"))


_SUBORDINATORS = frozenset(
    {"if", "unless", "when", "whenever", "once", "because", "after", "before", "since", "although", "though"}
)


def _verb_of_a_subordinate_clause(verb: Token, noun: Token) -> bool:
    """ "If the following aircraft set off immediately, ...": a noun phrase right after a subordinator
    opens that clause as its subject, so the past form after it is the clause's verb, not a participle
    ("set" and "put" look the same in both)."""
    first = noun.left_edge
    return verb.tag_ == "VBN" and first.i > 0 and low(noun.doc[first.i - 1]) in _SUBORDINATORS


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# "get it done", "leave them stranded": the participle completes the verb (a causative with have
# is left to the causative detector, which hides this label)
_OBJECT_COMPLEMENT_VERBS = frozenset({"get", "leave"})
# Verbs whose past participle is spelled like the base form ("a page run by lawyers")
_SAME_FORM_VERBS = frozenset(
    {"run", "set", "put", "cut", "cast", "hit", "let", "shut", "spread", "hurt", "cost", "read"}
    | {"forecast", "broadcast", "quit", "bet", "bid", "burst", "upset", "come", "become", "split"}
)


def _inverted_passive(noun: Token) -> bool:
    """ "Why is the city called Miramar?": be + subject + participle is a passive question."""
    left = noun.left_edge
    return left.i > 0 and low(left.doc[left.i - 1]) in BE_FORMS


def _sentence_initial_np(noun: Token) -> bool:
    """The noun ends a determined noun phrase that opens the sentence ("Most of the cars ...")."""
    before = noun.doc[noun.sent.start : noun.i]
    return any(t.pos_ == "DET" or t.tag_ == "PRP$" for t in before) and all(
        t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP") or t.tag_ == "PRP$" for t in before
    )


_PHRASE_POS = frozenset({"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV", "PRON", "PART"})
# -ing/-ed words that work as prepositions ("information concerning the plan")
_PREPOSITION_LIKE = frozenset(
    {
        "concerning",
        "regarding",
        "including",
        "following",
        "according",
        "considering",
        "excluding",
        "pending",
        "given",
        "compared",
        "during",
        "preceding",
    }
)


def participle_phrase_before_verb(verb: Token) -> int | None:
    """End of "standing by the door" in "The man standing by the door is ...", or None.

    Word-order fallback for when the parser makes the participle the main verb: the noun's
    participle phrase must be followed by the sentence's real finite verb.
    """
    if any(c.dep_ in ("aux", "aux:pass", "mark") for c in verb.children) or verb.pos_ != "VERB":
        return None
    doc, end = verb.doc, verb.sent.end
    k = verb.i + 1
    while (
        k < end
        and doc[k].pos_ in _PHRASE_POS
        and doc[k].tag_ not in ("WDT", "WP", "WRB")
        and (low(doc[k]) != "that")
    ):
        k += 1
    if k == verb.i + 1 or k >= end:
        return None
    finite = doc[k]
    return k if finite.tag_ in ("VBZ", "VBP", "VBD", "MD") and finite.pos_ in ("AUX", "VERB") else None


def _is_quoted(sent: Span, start: int, end: int) -> bool:
    return any(t.text in _QUOTES for t in sent.doc[max(sent.start, start - 1) : end + 1])


def detect_reported_speech(sent: Span) -> Iterator[Hit]:
    for verb in sent:
        if not verb_lemmas(verb) & _REPORTING_VERBS or verb.pos_ != "VERB":
            continue
        if verb.tag_ == "VBG" and verb.lemma_.lower() == "suggest":
            continue  # "The maps were alike, suggesting that brains work the same way": what it shows
        if _thing_as_speaker(verb):
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i < verb.i:
                continue
            group = verb_group(clause)
            if group is None or not group.has_subject or _is_quoted(sent, verb.i, clause.i):
                continue
            if _joined_on(verb, clause):
                continue  # "X, he says, but Y": Y is joined on by 'but'; nobody reports it
            if any(low(t) in ("which", "whom", "whose") for t in sent.doc[verb.i + 1 : clause.i]):
                continue  # '"a rare step", the judge said, for which she saw no reason': a relative clause
            wh = _wh_word(clause)
            if wh is not None and not _wh_reported(verb, clause, wh):
                continue  # "Nobody can predict what will happen": a question no one asked or answered
            has_that = any(c.dep_ == "mark" and low(c) == "that" for c in clause.children)
            backshift = verb.tag_ == "VBD" and _group_time(group) in (
                "past",
                "pastperf",
                "would",
                "wouldperf",
            )
            # "He said the top three cartoons will be announced": a finite clause with its own
            # subject straight after the reporting verb (or its person: "told us")
            direct = _group_time(group) is not None and _clause_follows(verb, clause)
            if has_that or backshift or direct:
                yield Hit("reported_speech", verb.i, max(group.end, clause.i + 1), (("verb", verb.text),))
                break
        else:
            hit = _reported_with_that(sent, verb)
            if hit is not None:
                yield hit


_THING_SUBJECTS = frozenset({"this", "that"})
# what a finding or a thing does ("It suggests ..."); 'it' may be a firm or a body that says things
_EVIDENCE_VERBS = frozenset({"suggest", "reveal", "confirm", "predict"})
# what research yields, also when the parse takes a capitalised first word for a name ("Research suggests")
_FINDINGS = frozenset(
    [
        "survey",
        "study",
        "research",
        "data",
        "evidence",
        "result",
        "finding",
        "analysis",
        "figure",
        "poll",
        "test",
        "experiment",
        "paper",
        # a named survey ("The 2013 Star Count revealed that ..."), which the parse reads as a name
        "count",
        "census",
        "report",
        "review",
        "inquiry",
        "investigation",
        "audit",
    ]
)


def _thing_as_speaker(verb: Token) -> bool:
    """ "It suggests there are more birds": with 'this'/'that' as the subject of an active reporting
    verb, or 'it' as the subject of 'suggest', 'reveal' ..., a finding or a thing shows something; no
    one said anything ("It is said that ..." is passive: people say it; "it said" may be a firm).
    So with a common noun as the subject of 'suggest', 'reveal' ... ("The survey suggests ...",
    "studies that suggest ..."): a noun for people ("Doctors suggest ...") is missed, not misnamed."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return False
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJ_DEPS for c in verb.children):
        verb = verb.head  # "It fits and suggests ...": the subject is the first verb's
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    evidence = bool(verb_lemmas(verb) & _EVIDENCE_VERBS)
    if evidence and any(_names_a_thing(c) or c.lemma_.lower() in _FINDINGS for c in subjects):
        return True
    # not a relative 'that' ("the firm that said it ..."): its noun may be people
    things = _THING_SUBJECTS | ({"it"} if evidence else set())
    return any(low(c) in things and c.tag_ != "WDT" and feat(c, "PronType") != "Rel" for c in subjects)


def _names_a_thing(subject: Token) -> bool:
    """A common noun, a relative 'that'/'which' standing for one ("studies that ..."), or 'which' for
    a whole clause ("Prices rose, which suggests ..."); not a name, a pronoun or 'who'."""
    if subject.tag_ == "WDT" or feat(subject, "PronType") == "Rel":
        if low(subject) in ("who", "whom"):
            return False  # "the coach, who suggested ...": a person
        if subject.head.dep_ == "advcl:relcl":
            return True
        if subject.head.dep_ == "acl:relcl":
            subject = subject.head.head
    return subject.pos_ == "NOUN"


def _wh_word(clause: Token) -> Token | None:
    """The wh-word the clause opens with ("what might happen", "how it works", "where she went"),
    past a comma or an adverb the parse hangs on it (", when ...", "exactly where ...")."""
    for first in clause.subtree:
        if first.is_punct or (first.tag_ == "RB" and first.dep_ == "advmod" and first.i < clause.i):
            continue
        # not by the tag WDT, which the tagger also gives to 'that' ("announced that the baby was born")
        return first if first.tag_ in ("WP", "WRB", "WP$") or low(first) in _WH_WORDS else None
    return None


def _wh_reported(verb: Token, clause: Token, wh: Token) -> bool:
    """A wh-clause reports what was said only after 'say', 'explain' or 'tell' + a person ("She told
    us where she lived"); "hard to tell where the noise comes from" is knowing, not saying. A comma
    before it ("Prices will fall, some say, when the harvest is in") ends the reported part."""
    lemmas = verb_lemmas(verb)
    if not lemmas & _WH_REPORTING_VERBS:
        return False
    if any(t.is_punct for t in verb.doc[verb.i + 1 : wh.i]):
        return False
    if verb.head.pos_ == "ADJ" and any(c.dep_ == "mark" and low(c) == "to" for c in verb.children):
        return False  # "It's hard to say how much I earned": knowing, not saying (as "hard to tell")
    if lemmas & _WH_REPORTING_VERBS == {"tell"}:
        told = any(c.dep_ in ("obj", "iobj") and c.i < clause.i for c in verb.children)
        return told or any(c.dep_ == "aux:pass" for c in verb.children)  # "we were told where ..."
    return True


def _wh_clause(clause: Token) -> bool:
    return _wh_word(clause) is not None


def _joined_on(verb: Token, clause: Token) -> bool:
    """Is the clause after the verb opened by a comma and a coordinator ("Bikes help children, he
    says, but the roads are busy")? The speech tag stands in the middle of the sentence; the parse
    hangs the clause after 'but' on it, but that clause is joined on, not what 'says' reports. (The
    parse may hang 'but' on the clause's subject, so any coordinator inside the clause counts.)"""
    doc = verb.doc
    return any(
        t.pos_ == "CCONJ" and doc[t.i - 1].text == "," and (t.head == clause or clause in t.ancestors)
        for t in doc[verb.i + 1 : clause.i]
    )


def _clause_follows(verb: Token, clause: Token) -> bool:
    """The reported clause starts right after the verb, or after a pronoun object of it."""
    if verb.dep_ == "acl:relcl" or any(c.dep_ == "mark" for c in clause.children):
        return False  # "the way we say it is ...", "say if so ...": no reported statement
    start = clause.left_edge.i
    between = verb.doc[verb.i + 1 : start]
    return all(t.dep_ in ("obj", "iobj") and t.pos_ == "PRON" and t.head.i == verb.i for t in between)


def _reported_with_that(sent: Span, verb: Token) -> Hit | None:
    """Word-order fallback: reporting verb (+ object) + 'that' + a clause with its own subject."""
    doc = sent.doc
    if not verb.tag_.startswith("VB"):
        return None
    for k in range(verb.i + 1, min(sent.end - 1, verb.i + 5)):
        tok = doc[k]
        if low(tok) == "that" and tok.tag_ == "IN":
            clause = [t for t in doc[k + 1 : sent.end]]
            cut = next((n for n, t in enumerate(clause) if t.text in _HARD_PUNCT), len(clause))
            time, end = clause_time(clause[:cut])
            if time is None or doc[k + 1].pos_ in ("VERB", "AUX") or _is_quoted(sent, verb.i, k + 2):
                return None
            return Hit("reported_speech", verb.i, end, (("verb", verb.text),))
        if tok.pos_ not in ("PRON", "NOUN", "PROPN", "DET", "ADJ"):
            return None
    return None


def detect_wish(sent: Span) -> Iterator[Hit]:
    """wish + clause with a past form, read from the words after 'wish' (robust to the parse)."""
    doc = sent.doc
    for verb in sent:
        if low(verb) not in ("wish", "wishes", "wished") or verb.i + 2 >= sent.end:
            continue
        k = verb.i + 1 + (low(doc[verb.i + 1]) == "that")
        if doc[k].pos_ not in ("PRON", "NOUN", "PROPN", "DET"):
            continue  # "wish to leave", "wish for peace": no clause
        time, end = clause_time(list(doc[k : sent.end]))
        if time == "pastperf":
            yield Hit("wish_past_perfect", verb.i, end)
        elif time in ("past", "would"):
            yield Hit("wish_past", verb.i, end)
