"""Detectors for phrase-level grammar: comparison, degree, verb patterns, phrasal verbs."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from vocabsphere.core.levels.grammar_words import (
    AUX_DEPS,
    BE_FORMS,
    SUBJ_DEPS,
    Hit,
    is_question,
    is_vbg,
    is_vbn,
    low,
    next_word,
    to_infinitive_after,
    verb_lemmas,
)

# Verbs followed by a gerund or a to-infinitive ("started working", "started to work").
_EITHER_FORM_VERBS = frozenset(
    {"like", "love", "hate", "prefer", "start", "begin", "continue", "remember", "forget", "try"}
)
# "remember locking" (it was done) / "remember to lock" (it is still to do): not the same meaning
_MEANING_CHANGES = frozenset({"remember", "forget", "try"})
_GERUND_VERBS = frozenset(
    {
        "enjoy",
        "finish",
        "avoid",
        "mind",
        "consider",
        "suggest",
        "keep",
        "stop",
        "quit",
        "imagine",
        "miss",
        "practise",
        "practice",
        "risk",
        "deny",
        "admit",
        "recommend",
        "delay",
        "postpone",
        "resist",
        "dislike",
        "involve",
        "fancy",
        *_EITHER_FORM_VERBS,
        "regret",
    }
)
_INFINITIVE_VERBS = frozenset(
    {
        "decide",
        "want",
        "hope",
        "plan",
        "agree",
        "refuse",
        "promise",
        "offer",
        "manage",
        "fail",
        "learn",
        "expect",
        "choose",
        "seem",
        "appear",
        "afford",
        "attempt",
        "aim",
        "intend",
        "threaten",
        "pretend",
        "tend",
        "deserve",
        "arrange",
        "need",
        "prepare",
        "vow",
        "pledge",
        "seek",
        "struggle",
        "hesitate",
        *_EITHER_FORM_VERBS,
        "wish",
    }
)
_ING_NOUNS = frozenset(
    {
        "morning",
        "evening",
        "thing",
        "nothing",
        "something",
        "anything",
        "everything",
        "king",
        "ring",
        "spring",
        "string",
        "wedding",
        "ceiling",
        "sibling",
        "pudding",
        "meeting",
        "ending",
        "feeling",
        "clothing",
        "earring",
        "offspring",
    }
)
_PARTICLES = frozenset(
    {
        "up",
        "down",
        "out",
        "off",
        "in",
        "on",
        "away",
        "back",
        "over",
        "through",
        "around",
        "about",
        "along",
        "forward",
        "apart",
        "aside",
        "together",
        "ahead",
    }
)
_MOTION_VERBS = frozenset(
    {
        "walk",
        "run",
        "go",
        "come",
        "climb",
        "drive",
        "ride",
        "swim",
        "fly",
        "jump",
        "fall",
        "move",
        "travel",
        "sail",
        "cycle",
        "roll",
        "slide",
        "crawl",
        "hurry",
        "rush",
        "race",
        "march",
        "wander",
        "stroll",
        "charge",
        "dash",
        "hike",
        "step",
        "head",
        "stumble",
        "sprint",
        "creep",
        "rise",  # "rose up the chart": a direction, not the phrasal verb "rise up" (rebel)
        "soar",
        "sink",
        "tumble",
    }
)
# Words that are prepositions far more often than particles when a noun phrase follows.
_MOSTLY_PREPOSITIONS = frozenset({"through"})
_HAVE_GET = frozenset({"have", "has", "had", "having", "get", "gets", "got", "getting", "gotten"})
_HAVE_SUBJECT_POS = frozenset({"PRON", "NOUN", "PROPN", "AUX", "PART"})  # she had / will have / to have
_NOM_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they"})
_OBJ_PRONOUNS = frozenset({"me", "him", "us", "them"})
_NP_POS = frozenset({"DET", "PRON", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


def _is_verb(tok: Token) -> bool:
    """A verb, or a verb the tagger took for a plural noun right after a subject pronoun."""
    if tok.pos_ == "VERB":
        return True
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    return tok.tag_ == "NNS" and prev is not None and low(prev) in _NOM_PRONOUNS | {"it"}


def _ing_complement(verb: Token, ing: Token) -> bool:
    """An -ing form right after the verb: a tagged gerund, or an -ing "noun" that takes an object."""
    if any(c.dep_ == "aux" or (c.dep_ == "nsubj" and c.i != verb.i) for c in ing.children):
        return False
    if is_vbg(ing) and ing.pos_ == "VERB":
        return True
    word = low(ing)
    if ing.pos_ != "NOUN" or not word.endswith("ing") or word in _ING_NOUNS:
        return False
    after = ing.doc[ing.i + 1] if ing.i + 1 < ing.sent.end else None
    return after is None or after.pos_ not in ("NOUN", "PROPN")  # not "morning classes"


def _other_form(lemmas: set[str] | frozenset[str], other: str) -> tuple[tuple[str, str], ...]:
    """Slots the explanations end with: "started painting" must not say that only the -ing form
    follows 'start' ("started to paint" is as good); 'alt' for B1+, 'plain_alt' for A1-A2.
    After remember/forget/try the other form means something else, so the note says so."""
    if not lemmas & _EITHER_FORM_VERBS:
        return (("alt", ", not by 'to' + verb" if other == "to" else ""), ("plain_alt", ""))
    form, plain = ("'to' + verb", "to + verb") if other == "to" else ("an -ing form", "an -ing verb")
    if lemmas & _MEANING_CHANGES:
        return (
            ("alt", f" (with {form} it means something else)"),
            ("plain_alt", f" ({plain} means something else)"),
        )
    return (("alt", f" (it can also take {form})"), ("plain_alt", f" (or {plain})"))


def detect_verb_complements(sent: Span) -> Iterator[Hit]:
    for verb in sent:
        lemmas = verb_lemmas(verb)
        if not _is_verb(verb) or verb.dep_ in AUX_DEPS:
            continue
        details = (("verb", verb.text),)
        if lemmas & _GERUND_VERBS:
            ing = next_word(verb)
            if ing is not None and _ing_complement(verb, ing):
                yield Hit("gerund_complement", verb.i, ing.i + 1, details + _other_form(lemmas, "to"))
                continue
        if lemmas & _INFINITIVE_VERBS:
            inf = to_infinitive_after(verb)
            if inf is not None:
                yield Hit("infinitive_complement", verb.i, inf.i + 1, details + _other_form(lemmas, "ing"))
                continue
        if lemmas & _OBJECT_INFINITIVE_VERBS:
            inf = _object_then_infinitive(verb)
            if inf is not None:
                yield Hit(
                    "infinitive_complement", verb.i, inf.i + 1, details + _other_form(frozenset(), "ing")
                )


# Verbs that take an object and then a to-infinitive: "ask me to send", "invite you to come".
_OBJECT_INFINITIVE_VERBS = frozenset(
    {"ask", "tell", "invite", "want", "allow", "encourage", "instruct", "get", "help", "expect"}
    | {"persuade", "convince", "order", "force", "urge", "remind", "advise", "enable", "teach"}
    | {"lead", "require", "need", "would", "like", "beg", "permit", "cause", "warn", "inspire"}
)


def _object_then_infinitive(verb: Token) -> Token | None:
    """The to-infinitive after the verb's object ("get them to meet", "leads me to think"),
    when the parse hangs it on the verb or the object as its complement."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "iobj") and c.i > verb.i]
    if len(objects) != 1 or objects[0].pos_ not in ("PRON", "NOUN", "PROPN"):
        return None
    if low(objects[0]).endswith("thing"):
        return None  # "want something to take care of": the infinitive describes the thing
    obj = objects[0]
    if obj.left_edge.i != verb.i + 1 or obj.right_edge.i - obj.left_edge.i > 3:
        return None  # a short object right after the verb: "ask the manager to call"
    inf = to_infinitive_after(obj.right_edge)
    if inf is None or inf.dep_ != "xcomp" or inf.head.i not in (verb.i, obj.i):
        return None
    return inf


_PREPOSITIONAL_VERBS = frozenset(
    {("believe", "in"), ("rely", "on"), ("depend", "on"), ("count", "on"), ("insist", "on"), ("focus", "on")}
    | {("work", "through"), ("look", "at"), ("think", "about"), ("talk", "about")}
)
# Adverb particles the parser often leaves as advmod ("we've moved on", "sat down").
_ADVERB_PARTICLES = frozenset({"up", "down", "out", "off", "in", "on", "away", "back", "over", "around"})


def detect_phrasal_verbs(sent: Span) -> Iterator[Hit]:
    for prt in sent:
        if low(prt) not in _PARTICLES:
            continue
        # the parse must say particle: a word it hangs as a preposition (case) is not one
        tagged = prt.tag_ == "RP" and prt.dep_ not in ("case", "mark")
        if not (prt.dep_ == "compound:prt" or tagged or _adverb_particle(prt)):
            continue
        verb = prt.head
        if verb.pos_ != "VERB" or not 0 < prt.i - verb.i <= 4 or motion_preposition(verb, prt):
            continue
        if (verb.lemma_.lower(), low(prt)) in _PREPOSITIONAL_VERBS:
            continue  # "the freedom Westerners believe in": a stranded preposition
        after = prt.doc[prt.i + 1] if prt.i + 1 < len(prt.doc) else None
        if after is not None and low(after) in ("until", "till", "to") and low(prt) == "up":
            continue  # "every game they played up until the time of writing": 'up until' is one preposition
        between = prt.doc[verb.i + 1 : prt.i]
        if any(t.pos_ in ("ADP", "SCONJ") or t.tag_ in ("VBD", "VBZ", "VBP") for t in between):
            continue  # "ceased as sand piles up": the particle belongs to another clause
        if prt.text[0].isupper() and prt.i > sent.start:
            continue  # "We Are Putting Back In To The Grid": title case hides what the words are
        yield Hit("phrasal_verb", verb.i, prt.i + 1)


def _adverb_particle(prt: Token) -> bool:
    """An adverb 'up/out/back/...' with nothing under it, right after its verb or after the
    verb's pronoun object ("came out", "holding you back")."""
    if prt.dep_ != "advmod" or prt.pos_ != "ADV" or low(prt) not in _ADVERB_PARTICLES or any(prt.children):
        return False
    if low(prt) == "on" and prt.i + 1 < len(prt.doc) and low(prt.nbor(1)) == "to":
        return False  # "happened on to this place": a preposition
    verb = prt.head
    if prt.i == verb.i + 1:
        return True
    return any(c.dep_ == "obj" and c.i == prt.i - 1 and c.pos_ == "PRON" for c in verb.children)


def motion_preposition(verb: Token, prt: Token) -> bool:
    """ "walked up the hill": after a verb of motion, up/down/... + noun phrase is a preposition."""
    after = prt.doc[prt.i + 1] if prt.i + 1 < prt.sent.end else None
    return (
        (bool(verb_lemmas(verb) & _MOTION_VERBS) or low(prt) in _MOSTLY_PREPOSITIONS)
        and after is not None
        and after.pos_ in ("DET", "NOUN", "PROPN", "ADJ")
        and low(after) not in ("this", "that")
    )


def detect_used_to(sent: Span) -> Iterator[Hit]:
    for tok in sent:
        word = low(tok)
        if word not in ("used", "use") or tok.i + 1 >= sent.end or low(tok.nbor(1)) != "to":
            continue
        verb = to_infinitive_after(tok)
        if verb is None or tok.dep_ == "acl":
            continue  # "the tools used to build it" is a passive participle
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        while prev is not None and prev.pos_ == "ADV" and prev.i > sent.start:
            prev = tok.doc[prev.i - 1]  # "therapies that are already used to help": look past the adverb
        if prev is None or low(prev) in BE_FORMS or prev.lemma_.lower() in ("be", "get"):
            continue  # "be/get used to" means "be/become accustomed to"; "is used to cut" is a passive
        if word == "use":
            did = next((t for t in tok.doc[max(sent.start, tok.i - 3) : tok.i] if low(t) == "did"), None)
            if did is None:
                continue
            yield Hit("used_to", did.i, verb.i + 1)
        elif any(c.dep_ in SUBJ_DEPS for c in tok.children) or prev.pos_ in ("PRON", "PROPN", "NOUN"):
            yield Hit("used_to", tok.i, verb.i + 1)


def detect_causative(sent: Span) -> Iterator[Hit]:
    question = is_question(sent)
    for verb in sent:
        if low(verb) not in _HAVE_GET:
            continue
        prev = verb.doc[verb.i - 1] if verb.i > sent.start else None
        while prev is not None and prev.tag_ == "RB" and prev.i > sent.start:
            prev = verb.doc[prev.i - 1]  # "you can even have it done": the word before the adverbs
        if question and (prev is None or low(prev) not in ("do", "does", "did", "to", "will")):
            continue  # "What has she done?": a perfect with an inverted subject
        if low(verb) in ("has", "have", "had") and (prev is None or prev.pos_ not in _HAVE_SUBJECT_POS):
            continue  # inverted perfect ("never before has the seamstress done ...")
        if prev is not None and verb.text[:1].isupper():
            continue  # a capital inside the sentence: a name ("You've Got Maids did a fine job")
        part = _participle_after_object(verb)
        if part is not None:
            yield Hit("causative_have_get", verb.i, part.i + 1)


def _participle_after_object(verb: Token) -> Token | None:
    """The participle of have/get + object noun phrase + past participle, or None."""
    doc, end = verb.doc, verb.sent.end
    j = verb.i + 1
    while j < end and j - verb.i <= 5 and doc[j].pos_ in _NP_POS and not is_vbn(doc[j]):
        j += 1
    if j == verb.i + 1 or j >= end:
        return None
    obj, part = doc[j - 1], doc[j]
    if any(low(t) in _NOM_PRONOUNS for t in doc[verb.i + 1 : j]) or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        # a subject pronoun after have = an inverted perfect ("Had they known ..."); after the
        # noun it starts a clause of its own ("get the car I wanted")
        return None
    if not (is_vbn(part) or part.tag_ == "VBD") or part.pos_ != "VERB":
        return None
    if any(doc[k].tag_ in ("WP", "WDT", "WRB") for k in range(verb.i + 1, j)):
        return None  # "had no idea who removed it": a clause with its own subject, not an object
    if any(c.dep_ in ("aux", "aux:pass") and c.i != verb.i for c in part.children):
        return None  # a verb group of its own (the parser may hang 'had' on it as an aux)
    after = part.nbor(1) if part.i + 1 < end else None
    if part.dep_ == "acl" and after is not None and (after.pos_ == "ADP" or low(after) == "to"):
        return None  # "the tools needed to ...": a participle modifying the noun
    if low(part) in ("named", "called") or (after is not None and after.pos_ == "PROPN"):
        return None  # "have a cat named Felix"
    own_object = after is not None and low(after) in _OBJ_PRONOUNS
    if own_object or part.text[:1].isupper():
        # the "participle" has an object of its own ("having Yoko made him aware": a past
        # tense) or describes a noun after it ("had a Grilled Cheese")
        return None
    return part
