"""Detectors for sentence types: there-existentials, question tags, imperatives, questions, clefts.

These rely mostly on word order and closed-class words, which the tagger gets right far more
often than the parser gets clause attachments right.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_words import (
    BE_FORMS,
    BE_PAST,
    BE_PRES,
    HAVE_FORMS,
    MODALS,
    NEGATORS,
    SUBJ_DEPS,
    Hit,
    is_question,
    low,
)

_TAG_AUX = frozenset(
    {
        "is",
        "are",
        "am",
        "was",
        "were",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "wo",
        "would",
        "can",
        "ca",
        "could",
        "should",
        "shall",
        "must",
        "might",
    }
)
_TAG_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "there"})
_WH_WORDS = frozenset({"what", "where", "when", "why", "who", "whom", "whose", "which", "how"})
_OPENERS = frozenset(
    {"please", "just", "always", "never", "now", "so", "and", "but", "then", "oh", "well", "simply"}
)
_NOT_IMPERATIVE = frozenset({"thank", "please", "need"})
_CLEFT_BE = frozenset({"is", "was", "'s"})
_CLEFT_SKIP = frozenset({"not", "n't", "only", "just", "precisely", "also", "really", "actually"})


def _words(sent: Span) -> list[Token]:
    return [t for t in sent if not (t.is_punct or t.is_space)]


def detect_there(sent: Span) -> Iterator[Hit]:
    for tok in sent:
        if low(tok) != "there" or not (tok.dep_ == "expl" or tok.tag_ == "EX"):
            continue
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        if prev is not None and low(prev) in BE_PRES | BE_PAST and is_question(sent):
            yield Hit("there_existential", prev.i, tok.i + 1)  # "Is there ...?"
            continue
        for k in range(tok.i + 1, min(sent.end, tok.i + 5)):
            word = low(tok.doc[k])
            if word in BE_FORMS:
                yield Hit("there_existential", tok.i, k + 1)
                break
            if word not in MODALS and word not in HAVE_FORMS and word not in NEGATORS and word != "'ll":
                break


def detect_question_tags(sent: Span) -> Iterator[Hit]:
    doc = sent.doc
    for q in sent:
        if q.text != "?" or q.i < 4:
            continue
        pron = doc[q.i - 1]
        k = q.i - 2
        if low(pron) not in _TAG_PRONOUNS:
            continue
        if low(doc[k]) in ("n't", "not"):
            k -= 1
        aux = doc[k]
        if k >= 2 and low(aux) in _TAG_AUX and doc[k - 1].text == "," and not _after_an_order(aux.sent, pron):
            yield Hit("question_tag", aux.i, pron.i + 1)


def _after_an_order(sent: Span, tag_pronoun: Token) -> bool:
    """ "Skip a few showers, would you?": a tag after an order asks the listener to do it, not to
    agree (which is what the question-tag explanation says). The parse may hang the tag's 'you' on
    the order as its subject."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in SUBJ_DEPS and c.i != tag_pronoun.i]
    return root.tag_ == "VB" and root.i == sent.start and not subjects


_THINKING = frozenset({"think", "guess", "hope", "believe", "suppose", "remember", "know", "wish", "reckon"})


def detect_imperative(sent: Span) -> Iterator[Hit]:
    words = _words(sent)
    yield from _see_in_brackets(sent)
    if len(words) < 2 or is_question(sent):
        return  # a one-word line ("Applause.", "Visit") is a caption or a heading, not an order
    pleas = list(_please_orders(sent))
    if pleas:
        yield from pleas
        return
    i = 0
    while i < len(words) - 1 and low(words[i]) in _OPENERS:
        i += 1
    start = words[i]
    if low(words[i]) == "do" and i + 2 < len(words) and low(words[i + 1]) in ("n't", "not"):
        i += 2
    verb = words[i]
    ended = _ends_as_a_sentence(sent)
    if (_order_verb(verb) or (ended and _opening_present_tag(verb))) and (
        ended or _unpunctuated_order(verb, words)
    ):
        yield Hit("imperative", start.i, verb.i + 1)
        yield from _second_orders(verb)
        return
    if not ended:
        return
    # "If you have any questions, please contact us.", "For the details, see ...": the order
    # after an opening clause or phrase
    for tok in sent:
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        if prev is None or tok.dep_ != "ROOT" or not _order_verb(tok):
            continue
        if low(prev) == "please" or (low(prev) in (",", "then") and _opened_by_adverbial(tok)):
            yield Hit("imperative", prev.i if low(prev) == "please" else tok.i, tok.i + 1)
            yield from _second_orders(tok)


# Verbs that open notes with the subject left out ("love this park", "hope you are well").
_STATIVE_OPENERS = frozenset(
    {"love", "like", "hate", "want", "need", "miss", "think", "hope", "wish", "know", "feel", "enjoy"}
    | {"guess"}
)


def _unpunctuated_order(verb: Token, words: list[Token]) -> bool:
    """A line without end punctuation is an order when it opens with an action verb that takes
    an object or particle ("Let me know", "Keep in touch", "Buy a new phone"), not a verb of
    liking or thinking ("love this park" drops 'I')."""
    if verb is not words[0] or low(verb) in _STATIVE_OPENERS or verb.text.isupper() or len(words) > 12:
        return False
    if any(low(c) == "you" for c in verb.subtree):
        return False  # "Talk to you later", "See you soon": a goodbye
    return any(c.dep_ in ("obj", "iobj", "compound:prt", "obl", "ccomp", "xcomp") for c in verb.children)


_PLEASE = frozenset({"please", "pls", "plz"})


def _please_orders(sent: Span) -> Iterator[Hit]:
    """ "please contact Joan", "So please update ...", "Attached please find ...": 'please' right
    before a base verb with no subject marks an order wherever it stands, punctuated or not."""
    words = _words(sent)
    if words and low(words[0]) in MODALS:
        return  # "Can someone please tell me ...": a request put as a question
    seen: set[int] = set()
    for tok in sent:
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        if prev is None or low(prev) not in _PLEASE or not _order_verb(tok) or tok.text.isupper():
            continue
        if words and prev.i == words[0].i:
            return  # "Please let me know ...": the opening order, found with the sentence's first verb
        for hit in (Hit("imperative", prev.i, tok.i + 1), *_second_orders(tok)):
            if hit.end - 1 not in seen:
                seen.add(hit.end - 1)
                yield hit


def _opening_present_tag(verb: Token) -> bool:
    """ "Have a real mechanic check ...!", "Simply type in the link ...": a sentence that opens
    with a verb tagged VBP (the tagger's present for a base form) and no subject is an order,
    unless the verb is one of liking or thinking whose 'I' is left out ("Hope you enjoy it")."""
    if verb.tag_ != "VBP" or verb.pos_ != "VERB" or verb.text.isupper() or not _order_reading(verb):
        return False
    word = low(verb)
    if (
        word in _STATIVE_OPENERS
        or word in _THINKING
        or word in _NOT_IMPERATIVE
        or word in HAVE_FORMS - {"have"}
    ):
        return False
    return not any(c.dep_ in SUBJ_DEPS or c.dep_ in ("aux", "aux:pass") for c in verb.children)


def _opened_by_adverbial(verb: Token) -> bool:
    """The clause before the verb is an adverbial of it (an if/when clause, a prepositional
    phrase), so the verb is the main clause's, with no subject: an order."""
    return any(c.i < verb.i and c.dep_ in ("advcl", "obl") for c in verb.children)


def _see_in_brackets(sent: Span) -> Iterator[Hit]:
    """ "(see source link)", "(See attached file: ...)": a reference in brackets is an order."""
    for tok in sent:
        if low(tok) == "see" and tok.i > 0 and tok.doc[tok.i - 1].text == "(" and tok.tag_ == "VB":
            yield Hit("imperative", tok.i, tok.i + 1)


def _second_orders(verb: Token) -> Iterator[Hit]:
    """ "... notify the sender and delete the original.": a base verb coordinated with an order."""
    for conj in verb.children:
        if conj.dep_ == "conj" and _order_verb(conj):
            yield Hit("imperative", conj.i, conj.i + 1)


def _order_verb(verb: Token) -> bool:
    """A base-form verb with no subject and no auxiliary but do/don't, not a verb of thinking
    followed by a clause: the verb of an order."""
    if verb.tag_ != "VB" or verb.pos_ not in ("VERB", "AUX") or low(verb) in _NOT_IMPERATIVE:
        return False
    if not _order_reading(verb):
        return False
    if low(verb) in BE_FORMS - {"be"} or low(verb) in MODALS or low(verb) in HAVE_FORMS - {"have"}:
        return False  # "Am", "Can", "Had": a tagging error, not a base form
    head = verb.head if verb.dep_ == "cop" else verb
    if verb.dep_ in SUBJ_DEPS:
        return False  # "Cause and effect run both ways": the parse made 'Cause' a subject, a noun
    if any(c.dep_ in SUBJ_DEPS for c in head.children):
        return False
    if any(c.dep_ == "aux" and low(c) not in ("do", "n't", "not") for c in head.children):
        return False
    return not _dropped_subject(head)


def _order_reading(verb: Token) -> bool:
    """'let' and 'see' give orders ("Let me know", "See attached file") except in "let's"/"let
    us" (a suggestion, its own point), "see you" (a goodbye) and "See, ..." (a discourse word)."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    following = low(nxt) if nxt is not None else ""
    if low(verb) == "let":
        return following not in ("'s", "us", "’s")
    if low(verb) == "see":
        return following not in ("you", "ya", ",", "?", "")
    return True


def _ends_as_a_sentence(sent: Span) -> bool:
    """Ends in '.' or '!' (also before a closing quote): "love this park" in a review title
    without punctuation is more often a note with its subject left out than an order."""
    last = [t for t in sent if not t.is_space]
    while last and last[-1].text in ('"', "”", "'", "’", ")"):
        last.pop()
    return bool(last) and last[-1].text in (".", "!")


def _dropped_subject(verb: Token) -> bool:
    """ "Don't think I've ever ...", "Remember seeing ...": a verb of thinking with a finite
    clause or an -ing form after it is a statement with 'I' left out, not an order."""
    if verb.lemma_.lower() not in _THINKING:
        return False
    return any(
        (c.dep_ == "ccomp" and any(g.dep_ in SUBJ_DEPS for g in c.children))
        or (c.dep_ == "xcomp" and c.tag_ == "VBG")
        for c in verb.children
    )


def detect_lets(sent: Span) -> Iterator[Hit]:
    words = _words(sent)
    if len(words) < 3 or low(words[0]) != "let" or low(words[1]) not in ("'s", "us"):
        return
    k = 3 if low(words[2]) in ("not", "n't") and len(words) > 3 else 2
    if words[k].tag_ == "VB":
        yield Hit("lets_suggestion", words[0].i, words[k].i + 1)


def detect_wh_question(sent: Span) -> Iterator[Hit]:
    words = _words(sent)
    if not words or not is_question(sent):
        return
    i = 0
    while i < len(words) - 1 and low(words[i]) in ("and", "but", "so", "then", "oh", "well"):
        i += 1
    if low(words[i]) in _WH_WORDS and _inverted_after(words[i + 1 :]):
        yield Hit("wh_question", words[i].i, words[-1].i + 1)
        return
    # "Your father never listens to me, what can I say?": the question after a comma or dash
    for k in range(i + 1, len(words) - 2):
        wh, aux, subject = words[k], words[k + 1], words[k + 2]
        before = wh.doc[wh.i - 1]
        if (
            low(wh) in ("what", "where", "how", "why", "when", "who")
            and before.text in (",", "-", "--", ":", "...")
            and aux.pos_ == "AUX"
            and (subject.tag_ == "PRP" or subject.pos_ in ("DET", "PROPN"))
        ):
            yield Hit("wh_question", wh.i, words[-1].i + 1)
            return


def _inverted_after(rest: list[Token]) -> bool:
    """After the wh-phrase comes an auxiliary or the verb ("Where did ...", "Who called ..."),
    not a subject ("Where it risks ..." is a fragment of a statement)."""
    k = 0
    while (
        k < min(2, len(rest))
        and rest[k].tag_ != "PRP"
        and (rest[k].pos_ in ("ADJ", "ADV", "NOUN") or low(rest[k]) == "one")
    ):
        k += 1  # "How many people ...", "Which road ...", "Which one ..."
    if 0 < k < len(rest) and low(rest[k]) == "of":
        # "What kind of paint do ...", "How many of Dad's shares do ...": an of-phrase inside the wh-phrase
        k += 1
        start = k
        while k < len(rest) and k - start < 4 and (rest[k].pos_ in _OF_PHRASE_POS or rest[k].tag_ == "PRP$"):
            k += 1
        if k == start:
            return False
    return k >= len(rest) or rest[k].pos_ in ("AUX", "VERB")


_OF_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


def detect_it_cleft(sent: Span) -> Iterator[Hit]:
    words = _words(sent)
    if len(words) < 5 or low(words[0]) != "it" or low(words[1]) not in _CLEFT_BE:
        return
    f = 2
    while f < len(words) and low(words[f]) in _CLEFT_SKIP:
        f += 1
    if f >= len(words):
        return
    focus = words[f]
    if focus.pos_ not in ("PROPN", "PRON", "ADP", "DET", "NUM", "SCONJ") or low(focus) in ("it", "that"):
        return
    determiner_like = focus.pos_ in ("DET", "NUM") or focus.tag_ == "PRP$"  # "It is my understanding"
    bare = f + 2 < len(words) and words[f + 1].tag_ == "NN" and low(words[f + 2]) == "that"
    if focus.pos_ == "ADP" and bare:
        return  # "It was beyond belief that they failed": a set phrase and an extraposed clause
    for k in range(f + 1, min(len(words) - 1, f + 8)):
        rel = words[k]
        if words[k - 1].pos_ in ("VERB", "AUX"):
            return  # the focus must be a phrase, not a clause
        if low(rel) in ("that", "who"):
            after = words[k + 1]
            if determiner_like and after.pos_ not in ("VERB", "AUX"):
                return  # "It is a pity that he left": an extraposed clause, not a cleft
            yield Hit("it_cleft", words[0].i, rel.i + 1)
            return


def detect_pseudo_cleft(sent: Span) -> Iterator[Hit]:
    words = _words(sent)
    if len(words) < 4 or low(words[0]) != "what" or is_question(sent):
        return
    saw_verb = False
    for tok in words[1:]:
        if low(tok) in ("is", "was") and saw_verb:
            yield Hit("pseudo_cleft", words[0].i, tok.i + 1)
            return
        saw_verb = saw_verb or tok.pos_ == "VERB"
