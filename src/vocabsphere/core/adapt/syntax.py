"""Syntactic simplification on a dependency parse (precision first: when unsure, do nothing).

Each rule takes one sentence (a spaCy ``Span``) and returns the new sentences as strings, or None
when it does not apply or the structure is not exactly what the rule expects. Rules: non-defining
relative clauses, appositions, coordinated clauses, participle clauses (split, repeating the
antecedent / subject), agentive passive -> active, and, for A1-A2, parentheticals and attribution
tails. Sentences containing quotation marks are left alone so reported speech stays intact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lemminflect import getAllLemmas
from spacy.tokens import Span, Token

from vocabsphere.core.adapt.asides import drop_dash_aside, drop_parenthetical, move_attribution
from vocabsphere.core.adapt.passive import passive_to_active
from vocabsphere.core.adapt.text_ops import QUOTE_CHARS, accept, join_tokens, uncapitalise, without
from vocabsphere.core.adapt.verbs import agree_tag, inflect, subject_case, verb_lemma
from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = ["RULES", "simplify_sentence"]

Rule = Callable[[Span], list[str] | None]
_NOUNS = frozenset({"NOUN", "PROPN"})


# Participles that work as prepositions ("according to", "including") head no clause of their own.
_PREPOSITION_LIKE = frozenset({"accord", "include", "regard", "concern", "follow", "depend", "consider"})
# Verbs of having or being made of ("the experiment, involving two tests"): their participle tells
# about the noun before the comma, not about what the subject did ("They involved two tests").
_DESCRIBING_TEXT = "involve contain comprise feature cover span cost last require mean represent total number"
_DESCRIBING = frozenset(_DESCRIBING_TEXT.split())
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _np_before(sent: Span, comma: int) -> list[Token]:
    """The noun phrase ending just before ``comma`` (tags only: robust to bad attachments)."""
    i = comma - 1
    while i >= sent.start and sent.doc[i].pos_ in _NP_POS and comma - i <= 6:
        i -= 1
    tokens = list(sent.doc[i + 1 : comma])
    if not tokens or tokens[-1].pos_ not in _NOUNS:
        return []
    if i >= sent.start and (not sent.doc[i].whitespace_ or sent.doc[i].text == "-"):
        return []  # the phrase starts inside a hyphenated word ("60-year-old Jean")
    return tokens


def _antecedent_text(tokens: Sequence[Token]) -> str:
    words = [t.text for t in tokens]
    if words and words[0].lower() in {"a", "an"}:
        words[0] = "the"  # the second mention is definite
    elif words:
        words[0] = uncapitalise(tokens[0])
    return " ".join(words)


# Last words of organisations' names ("Acme Corp", "Lloyds Bank"): never a person's surname.
_BODY_TEXT = "inc corp ltd plc co llc group bank university party council foundation"
_BODY_WORDS = frozenset(_BODY_TEXT.split())
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"])


def _later_mention(tokens: Sequence[Token]) -> str:
    """How the new sentence names ``tokens`` again: a person's full name ("Maria Lopez") by the surname
    alone ("Lopez"), as news English does; anything else as written (``_antecedent_text``)."""
    words = list(tokens)
    title = words[0].text if words and words[0].lower_.rstrip(".") in _TITLES else ""
    name = words[1:] if title else words
    person = (
        (2 if not title else 1) <= len(name) <= 3
        and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in name)
        # names English does not use as words ("Anil Varma", "Maria Lopez"), after a title or a given
        # name of four letters or more: not "Air India" (-> "India is the national carrier"), "Acme
        # Foods", nor "Gao Ping" or "Xi Jinping", where the family name comes first
        and (bool(title) or (len(name[0]) >= 4 and not getAllLemmas(name[0].lower_)))
        and not getAllLemmas(name[-1].lower_)
        and name[-1].lower_ not in _BODY_WORDS
        and name[-1].tag_ != "NNPS"
    )
    if not person:
        return _antecedent_text(tokens)
    return f"{title} {name[-1].text}" if title else name[-1].text


def _finite_next(sent: Span, i: int) -> bool:
    """Is a finite verb at ``i`` (maybe after one adverb)?"""
    doc = sent.doc
    if i < sent.end and doc[i].pos_ == "ADV":
        i += 1
    return i < sent.end and doc[i].tag_ in FINITE_TAGS


def _clause_end(sent: Span, start: int) -> int | None:
    """Index of the comma (or final punctuation) that closes a clause opened at ``start``."""
    doc = sent.doc
    for i in range(start, sent.end):
        tok = doc[i]
        if tok.text in {";", ":", "(", ")", "-", "–", "—"}:
            return None
        if tok.text == ",":
            return i if _finite_next(sent, i + 1) else None
        if i == sent.end - 1 and tok.is_punct:
            return i
    return None


def _attachment_in_doubt(sent: Span, first: Token) -> bool:
    """Could the relative clause belong to an earlier noun? "the coach of the team, who gave us a tour"
    (the coach gave it), "many men, even in the youth league, who are working" (the men are)."""
    i = first.i - 1
    if i >= sent.start and sent.doc[i].lower_ == "of":
        return True
    while i >= sent.start and sent.doc[i].pos_ in ("ADP", "ADV"):
        i -= 1
    return i < first.i - 1 and i >= sent.start and sent.doc[i].text == ","


def split_relative(sent: Span) -> list[str] | None:
    """ "X, who did Y, said Z." -> "X said Z. X did Y." (subject relative pronoun only)."""
    doc = sent.doc
    for rel in sent:
        if rel.lower_ not in {"who", "which"} or rel.i - 1 <= sent.start or doc[rel.i - 1].text != ",":
            continue
        if not _finite_next(sent, rel.i + 1):
            continue  # "who he met": an object relative, keep it
        antecedent = _np_before(sent, rel.i - 1)
        close = _clause_end(sent, rel.i + 1)
        if not antecedent or close is None:
            continue
        if _attachment_in_doubt(sent, antecedent[0]):
            continue
        mid = close < sent.end - 1
        if rel.lower_ == "which" and (not mid or rel.head.head != antecedent[-1]):
            continue  # a final ", which ..." often refers to the whole clause
        if mid and antecedent[0].i != sent.start:
            continue  # mid-sentence clauses only after the subject
        if _counted_or_bare(antecedent) or _background_state(doc[rel.i + 1 : close]):
            continue
        main = without(sent, range(rel.i - 1, close + 1 if mid else close))
        clause = doc[rel.i + 1 : close].text
        return accept(join_tokens(main), f"{_later_mention(antecedent)} {clause}")
    return None


# determiners that count or pick out some of a kind: said again in a sentence of its own ("Three
# cameras ... . Three cameras were ...") they read as other ones
_QUANTIFIER_TEXT = "some many several few most all no both each every any more other"
_QUANTIFIERS = frozenset(_QUANTIFIER_TEXT.split())


def _counted_or_bare(antecedent: Sequence[Token]) -> bool:
    """A noun phrase with a number or quantifier, or a bare common plural ("Scientists"): named again
    alone it no longer says the same things."""
    first = antecedent[0]
    if any(t.like_num or t.lower_ in _QUANTIFIERS for t in antecedent):
        return True
    return first.pos_ != "PROPN" and first.tag_ not in {"DT", "PRP$", "POS"} and antecedent[-1].tag_ == "NNS"


def _background_state(clause: Span) -> bool:
    """A progressive relative ("which were just showing through the soil"): the scene the main event
    happened in, which the split would tell after it. (A perfect "who had lived ..." keeps its order
    by its tense, so it may still be split.)"""
    return any(
        t.tag_ == "VBG" and any(a.dep_ == "aux" and a.lemma_ == "be" for a in t.children) for t in clause
    )


def split_apposition(sent: Span) -> list[str] | None:
    """ "X, a Y, did Z." -> "X did Z. X is a Y." (a sentence-initial name and a plain noun phrase)."""
    doc = sent.doc
    i = sent.start
    while i < sent.end and doc[i].pos_ == "PROPN":
        i += 1
    if i == sent.start or i - sent.start > 4 or i + 2 >= sent.end or doc[i].text != ",":
        return None
    if doc[i + 1].lower_ not in {"a", "an", "the"}:
        return None
    j = i + 2
    while j < sent.end and (doc[j].pos_ in _NP_POS or doc[j].lower_ in {"of", "'s"}):
        j += 1
    if j >= sent.end or doc[j].text != "," or not _finite_next(sent, j + 1) or doc[j - 1].pos_ != "NOUN":
        return None
    if any(t.lower_ in {"former", "then", "late"} for t in doc[i + 1 : j]):
        return None
    name = doc[sent.start : i]
    be = "are" if "Plur" in doc[i - 1].morph.get("Number", []) else "is"
    main = without(sent, range(i, j + 1))
    return accept(join_tokens(main), f"{_later_mention(list(name))} {be} {doc[i + 1 : j].text}")


def _clause_like(tokens: Sequence[Token]) -> bool:
    """Starts with a short subject noun phrase followed by a finite verb."""
    for k, tok in enumerate(tokens[:7]):
        if tok.tag_ in FINITE_TAGS:
            subject = tokens[:k]
            if any(t.tag_ in {"WP", "WDT"} for t in subject):
                return False  # "whoever took ...": an object clause, not a sentence
            return k > 0 and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in subject)
        if tok.pos_ not in _NP_POS | {"PRON", "ADV", "CCONJ"} and tok.lower_ not in {"of", "'s"}:
            return False
    return False


def _ends_in_a_list(left: Span) -> bool:
    """Does the part before ", and" end in a list item without a verb of its own ("..., technological
    advances")? Then "and" joins the list, not two clauses. So after "including" ("... on show –
    including some owned by the museum, and a portrait found in a barn"): "and" ends the list that
    "including" opens, whatever verbs its items have, and the last item alone is no sentence."""
    if any(t.lower_ == "including" for t in left):
        return True
    commas = [t.i for t in left if t.text == ","]
    return bool(commas) and not any(t.tag_ in FINITE_TAGS for t in left.doc[commas[-1] + 1 : left.end])


def _ends_in_a_clause_list(left: Span) -> bool:
    """Is the part before ", and" itself two clauses joined by a comma ("two fans were hurt, one car
    was burned, and ...")? Then "and" ends a list of clauses, and the part before it alone would join
    two sentences with a comma."""
    commas = [t.i for t in left if t.text == ","]
    if not commas:
        return False
    doc = left.doc
    last = commas[-1]
    before = doc[commas[-2] + 1 if len(commas) > 1 else left.start : last]
    return _a_clause(before) and _a_clause(doc[last + 1 : left.end])


def _a_clause(part: Span) -> bool:
    """A subject and a finite verb, not opened by a subordinator ("at least one car was burned" is;
    "When it rains" is not a clause of its own)."""
    if not len(part) or part[0].pos_ == "SCONJ" or part[0].dep_ == "mark":
        return False
    has_subject = any(t.dep_ in {"nsubj", "nsubj:pass", "expl"} for t in part)
    return has_subject and any(t.tag_ in FINITE_TAGS for t in part)


def _joins_a_noun(right: Span) -> bool:
    """Does the parser join the verb after "and" to a noun ("changes ..., and concerns are altering")?"""
    verb = next((t for t in right if t.tag_ in FINITE_TAGS), None)
    if verb is None:
        return False
    main = verb.head if verb.dep_ in {"aux", "aux:pass", "cop"} else verb
    return main.dep_ == "conj" and main.head.pos_ in _NOUNS


def split_coordination(sent: Span) -> list[str] | None:
    """ "A did B, and C did D." -> "A did B. C did D." (both sides need a subject and a verb)."""
    doc = sent.doc
    for cc in sent:
        if cc.lower_ not in {"and", "but"} or doc[cc.i - 1].text != ",":
            continue
        left = doc[sent.start : cc.i - 1]
        right = doc[cc.i + 1 : sent.end]
        if not _clause_like(list(left)) or not _clause_like(list(right)):
            continue
        if _ends_in_a_list(left) or _joins_a_noun(right) or _ends_in_a_clause_list(left):
            continue  # "Experts agree that economic changes, technological advances, and ... are"
        lead = "But " if cc.lower_ == "but" else ""
        return accept(left.text, lead + right.text)
    return None


def split_semicolon(sent: Span) -> list[str] | None:
    """ "A did B; C did D." -> "A did B. C did D."."""
    doc = sent.doc
    for semi in sent:
        if semi.text != ";":
            continue
        left, right = doc[sent.start : semi.i], doc[semi.i + 1 : sent.end]
        if _clause_like(list(left)) and _clause_like(list(right)):
            return accept(left.text, right.text)
    return None


def _subject_of(tokens: Sequence[Token]) -> list[Token]:
    """The subject noun phrase at the start of a clause (before its first finite verb)."""
    for k, tok in enumerate(tokens[:7]):
        if tok.tag_ in FINITE_TAGS:
            subject = list(tokens[:k])
            ok = subject and all(t.pos_ in _NP_POS | {"PRON"} for t in subject)
            return subject if ok and subject[-1].pos_ in {"NOUN", "PROPN", "PRON"} else []
    return []


def _participle_sentence(subject: Sequence[Token], verb: Token, tail: str, tense: str) -> str | None:
    head = subject[-1]
    # The clause's own present verb already agrees with this subject ("the United States is ...":
    # singular, though the noun looks plural); only a past tense is handed over unchanged anyway.
    tag = tense if tense in {"VBZ", "VBP"} else agree_tag(tense, head)
    form = inflect(verb_lemma(verb), tag)
    if form is None:
        return None
    words = _later_mention(subject) if head.pos_ != "PRON" else subject_case(head.text)
    return f"{words} {form} {tail}".strip()


# "is to become", "is set to", "is going to": a plan, not what happens now.
_PLAN_TEXT = "set going about due expected likely poised scheduled planning"
_PLAN_WORDS = frozenset(_PLAN_TEXT.split())


def _same_time(finite: Token) -> bool:
    """Does the participle happen in the main clause's tense, so the new sentence may take it? Not
    after a plan ("Europe is to become ..., opening up" is not "Europe opens up") nor after a present
    perfect ("has signed ..., giving": "gives" tells another time)."""
    doc = finite.doc
    j = finite.i + 1
    while j < len(doc) and doc[j].pos_ in {"ADV", "PART"} and doc[j].lower_ != "to":
        j += 1  # "is now to", "is not set to"
    if j < len(doc) and doc[j].lower_ in _PLAN_WORDS:
        j += 1
    if j < len(doc) and doc[j].lower_ == "to":
        return False
    return not (finite.lemma_.lower() == "have" and finite.tag_ in {"VBZ", "VBP"} and finite.dep_ == "aux")


def split_participle(sent: Span) -> list[str] | None:
    """ "S did X, doing Y." -> "S did X. S did Y."; "Doing Y, S did X." -> "S did X. S did Y."."""
    doc = sent.doc
    tokens = list(sent)
    subject = _subject_of(tokens)
    first = tokens[0]
    if first.tag_ == "VBG" and first.pos_ == "VERB" and verb_lemma(first) not in _PREPOSITION_LIKE:
        comma = next((t.i for t in tokens if t.text == ","), None)
        if comma is None or comma - sent.start > 10:
            return None
        if any(t.i > comma and not t.is_punct for t in first.subtree):
            return None  # "Speaking in his soft, soothing voice that ..., he said": the comma is inside
        rest = list(doc[comma + 1 : sent.end])
        subject, verb = _subject_of(rest), next((t for t in rest if t.tag_ in FINITE_TAGS), None)
        if not subject or verb is None or verb.tag_ == "MD" or not _same_time(verb):
            return None
        if subject[-1].lower_ in {"it", "there"}:
            return None  # "Looking at the maps, it turns out ...": no one looks, so no "It looks at"
        new = _participle_sentence(subject, first, doc[sent.start + 1 : comma].text, verb.tag_)
        return accept(join_tokens(rest), new) if new else None
    verb = next((t for t in tokens if t.tag_ in FINITE_TAGS), None)
    if not subject or verb is None or verb.tag_ == "MD" or not _same_time(verb):
        return None
    if any(c.dep_ in {"nsubj:pass", "aux:pass"} for c in sent.root.children):
        # "A new generation was reached through a spin-off, making a contribution": after a passive the
        # participle may tell what the agent or the event did, not the subject ("The generation made")
        return None
    for tok in tokens[subject[-1].i - sent.start + 2 :]:
        if tok.tag_ == "VBG" and tok.pos_ == "VERB" and doc[tok.i - 1].text == ",":
            finite = [t for t in doc[sent.start : tok.i] if t.tag_ in FINITE_TAGS]
            if len(finite) != 1 or verb_lemma(tok) in _PREPOSITION_LIKE:
                return None  # "..., she admits, reading": whose participle? / "according to": not a clause
            if tok.dep_ != "advcl" or tok.head.i != sent.root.i:
                return None  # a list item ("pulse, blood pressure, sweating and breathing"), not a clause
            if any(t.lower_ == "that" for t in doc[verb.i + 1 : tok.i]):
                # "The result is that travel results in a gap ..., causing jet lag": the gap causes it,
                # not "the result"; the clause after 'that' may hold the participle's real subject
                return None
            if verb_lemma(tok) in _DESCRIBING and doc[tok.i - 2].pos_ in {"NOUN", "PROPN"}:
                return None  # "paid for the experiment, involving two tests": the experiment did
            end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
            if any(t.text in {",", ";", "(", '"'} for t in doc[tok.i : end]):
                return None
            new = _participle_sentence(subject, tok, doc[tok.i + 1 : end].text, verb.tag_)
            return accept(doc[sent.start : tok.i - 1].text, new) if new else None
    return None


RULES: dict[str, Rule] = {
    "semicolon": split_semicolon,
    "relative_clause": split_relative,
    "apposition": split_apposition,
    "coordination": split_coordination,
    "participle": split_participle,
    "passive": passive_to_active,
}
LOW_LEVEL_RULES: dict[str, Rule] = {
    "parenthetical": drop_parenthetical,
    "dash_aside": drop_dash_aside,
    "attribution": move_attribution,
}


def simplify_sentence(sent: Span, level: str) -> tuple[list[str], str | None]:
    """The first rule that applies (by level), as (new sentences, rule name) or ([text], None)."""
    if any(ch in QUOTE_CHARS for ch in sent.text) or len(sent) < 6:
        return [sent.text.strip()], None
    rules = dict(RULES)
    if level in {"A1", "A2"}:
        rules.update(LOW_LEVEL_RULES)
    if level in {"B2", "C1", "C2"}:
        rules = {"passive": passive_to_active} if level == "B2" else {}
    for name, rule in rules.items():
        try:
            out = rule(sent)
        except (IndexError, ValueError):  # a malformed parse: leave the sentence alone
            out = None
        if out:
            return out, name
    return [sent.text.strip()], None
