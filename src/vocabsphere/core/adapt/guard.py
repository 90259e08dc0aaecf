"""Edit guards: is an edited sentence still grammatical English that says what the source says?

One judgement, used by every step that edits a sentence (compression, splitting, voice change,
substitution): ``deletion_problem`` checks a planned deletion on the source parse before it is
made; ``edit_problem`` compares the re-parsed result with the source sentence. Both return the
reason for refusing the edit, or None; the caller then keeps the unedited sentence. Each check
counts defects relative to the source, so a construction the source already has (a stranded
preposition, a subjunctive "were") never blocks an edit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span, Token

from vocabsphere.core.calendar_words import MONTHS, WEEKDAYS
from vocabsphere.core.text.saying import SAYING_LEMMAS
from vocabsphere.core.text.tags import FINITE_TAGS

__all__ = [
    "EVENT_LEMMAS",
    "QUALIFIERS",
    "deletion_problem",
    "edit_problem",
    "keeps_meaning",
    "loses_words",
    "preposition_of",
    "substitution_changes_role",
    "substitution_problem",
]

# Words that change how a claim reads (negation, hedges, pace, degree, evidence): a version that
# drops one says something the source does not ("with nil visibility" -> "with visibility").
_QUALIFIERS_TEXT = (
    "not n't never no nil zero none nothing nobody neither nor without only just hardly barely scarcely "
    "almost nearly gradually slowly quickly rapidly suddenly sharply steadily briefly temporarily "
    "permanently partly partially fully completely entirely totally wholly slightly marginally "
    "increasingly rarely seldom often frequently always sometimes occasionally usually reportedly "
    "reputedly allegedly apparently supposedly seemingly possibly probably perhaps maybe unfounded "
    "unconfirmed unverified unproven false falsely wrongly mistakenly baseless untrue denied deny denies "
    "allegation alleged claimed claim claims appeared appear appears seems seemed unlikely likely "
    "former ex late failed fake few little many several roughly approximately twice thrice double "
    "triple half times quarter countless numerous bogus instead rather except unless despite although "
    "predominantly largely mostly mainly primarily chiefly overwhelmingly solely exclusively principally "
    # scope and time ("for tuberculosis alone", "at the same time"), existence ("latent discrimination",
    # "a genuine allergy", "in fact"), frequency and degree ("normally silenced", "highly regarded");
    # "in particular" singles out the phrase after it ("was shocking, [in particular] the attempt")
    "alone same simultaneously meanwhile latent hidden potential perceived genuine actual fact rare "
    "normally typically generally commonly highly extremely relatively particularly especially particular "
    "accidentally deliberately intentionally inadequate insufficient every each"
)
QUALIFIERS = frozenset(_QUALIFIERS_TEXT.split())
# More words a cut may not take, though exercises may treat them as plain words: hedges ("nobody is
# [necessarily] going to"), scope ("[Globally,] the average was"), degree ("a [mild] electric shock")
# and the source a claim is credited to ("[according to an authoritative new report]"); words that
# pair figures with their groups ("three quarters and two thirds[, respectively]") or bound them.
_SCOPE_TEXT = (
    "necessarily certainly definitely surely globally worldwide nationally internationally overall "
    "locally mild mildly severe severely minor slight according forthcoming upcoming second third "
    "respectively apiece per exactly precisely strictly together combined "
    # status: what a thing is kept as or allowed to be ("admitted to [a secret] archive")
    "secret secretly undisclosed confidential unofficial official illegal illegally legal legally "
    "current"  # "respecting the park's [current] boundary": not one drawn later
    # the way or field something is done in ("will be [sexually] attacked", "[publicly] criticised")
    " sexually physically verbally racially financially politically emotionally mentally medically"
    " genetically militarily economically publicly privately"
    # scale and sufficiency ("the [mass] collection of records", "failing to ensure [adequate] security")
    " mass adequate adequately sufficient sufficiently landslide"  # "won a [landslide] victory"
    # what a vote or a win was for ("won a victory [on a pledge to reinvigorate the economy]")
    " pledge pledges"
)
_SCOPE = frozenset(_SCOPE_TEXT.split())
# The central event of a story is never cut out of a sentence (obituaries that no longer say who died).
_EVENT_TEXT = "die death dead kill murder injure wound arrest jail convict sentence execute resign drown"
EVENT_LEMMAS = frozenset(_EVENT_TEXT.split())
# Adverbs that single out the phrase after them ("found only [in students]"): cut the phrase and
# they point at nothing
_FOCUS_TEXT = (
    "only even just also mainly especially particularly mostly largely primarily chiefly solely "
    "exclusively notably specifically"
)
_FOCUS = frozenset(_FOCUS_TEXT.split())
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl"})
_WH = frozenset({"WRB", "WP", "WDT", "WP$"})
_ARTICLES = frozenset({"a", "an", "the", "every"})
_DEGREE = frozenset(
    {"very", "so", "too", "quite", "extremely", "rather", "really", "most", "more", "less", "as"}
)
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_THIRD_PERSON = frozenset({"he", "she", "it", "they", "these", "those", "this"})
# Prepositions a tagger may take for an adjective or adverb ("alongside" as an amod of "options").
_PREPOSITION_TEXT = (
    "alongside amid amidst among despite beside besides including excluding regarding concerning "
    "towards toward versus via unlike"
)
_PREPOSITION_WORDS = frozenset(_PREPOSITION_TEXT.split())
_FUNCTION = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "PART", "AUX", "NUM", "PUNCT"})
_NOMINAL_START = frozenset({"NOUN", "PROPN"})
_NP_BEFORE = frozenset({"DET", "ADJ", "PROPN", "NUM"})
_SET_OFF = frozenset({",", "-", "(", ")", ";", ":"})
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})
_DASHES = frozenset({"-", "–", "—"})
# Classifying adjectives ("solar power", "nuclear plant", "public library", "electric car") name a
# kind of thing; without them the noun means something else.
_CLASSIFYING = ("ar", "al", "ic", "ary", "ian", "ese", "ean", "ish", "ory", "ible", "ist")  # "communist"
# A phrase that gives something its name introduces the name the story uses later.
_RELATIVE_WORDS = frozenset({"when", "where", "which", "who", "whom", "whose"})
# ", particularly freediving", ", such as ...": an example of the phrase before the comma.
_EXAMPLE_WORDS = frozenset({"especially", "particularly", "notably", "including", "such", "like", "mainly"})
# A phrase that says whom or where a figure holds for ("in children", "among women").
_SCOPE_PREPOSITIONS = frozenset(["in", "among", "amongst", "for", "across", "within", "between", "at"])
_FIGURE_TEXT = (
    "half halves third thirds quarter quarters fifth fifths tenth tenths percent cent % majority "
    "minority proportion share rate rates fraction average"
)
_FIGURE_WORDS = frozenset(_FIGURE_TEXT.split())
# Heads of phrases that bound a claim in time ("safe [at present]", "[so far]", "in her [lifetime]").
_TIME_BOUNDS_TEXT = "present now moment date far currently presently lifetime lifetimes being meantime"
_TIME_BOUNDS = frozenset(_TIME_BOUNDS_TEXT.split())
# What a finding was made in ("performed well [in experiments]").
_EVIDENCE_TEXT = (
    "experiment test trial study laboratory lab simulation model survey poll sample captivity mouse rat "
    "animal"
)
_EVIDENCE = frozenset(_EVIDENCE_TEXT.split())
# Words that set what follows against what came before ("on roads rather than in a lab").
_CONTRAST_OPENERS = frozenset({"rather", "instead", "than", "unlike", "versus"})
# Words that say how often or per what time ("100 times annually"): without them a number means another thing.
_PERIODS = frozenset({"annually", "yearly", "monthly", "weekly", "daily", "nightly", "hourly", "annual"})
# Verbs that link a subject to what it is, like "be": "has become an ominous sight".
_LINKING = frozenset(["become", "remain", "seem", "appear", "prove", "stay", "look", "sound", "feel"])
# Verbs that say what something is taken for, after "as": "hailed as an unprecedented boon".
_SEEN_AS = frozenset(
    ["hail", "describe", "see", "regard", "consider", "view", "label", "brand", "praise", "dismiss"]
)
_NAMING = frozenset(["called", "dubbed", "nicknamed", "named", "known", "termed", "so-called"])
# Verbs whose place phrase completes them: "the mice were placed [in a second chamber]", "will go [on
# display]" say something else, or nothing, without it.
_PLACING_TEXT = (
    "place put set lay go come move send bring return stay remain live base locate station hang store "
    "keep hold"
)
_PLACING = frozenset(_PLACING_TEXT.split())
_PLACE_ADVERBS = frozenset(["back", "away", "home", "abroad", "inside", "outside", "there", "here"])
_PLACE_PREPOSITIONS = frozenset(
    ["in", "on", "into", "onto", "at", "to", "inside", "under", "behind", "back", "from", "out"]
)


# "there was complete remorse [in her]", "from the court [after her] 7-5 defeat": a preposition with
# a bare personal pronoun names who the claim is about (or "her" owns the noun after it, misparsed)
_PARTICIPANTS = frozenset(["me", "you", "him", "her", "us", "them", "himself", "herself", "themselves"])
# Words that say where from a place the sentence named ("sit outside", "live nearby"): the named
# place goes with them.
_RELATIVE_PLACES = frozenset(["outside", "inside", "nearby", "indoors", "outdoors", "upstairs", "downstairs"])


def _a_place(tok: Token) -> bool:
    """Is ``tok`` a noun phrase of place after "in", "at" or "on" ("in the centre's courtyard")?"""
    return (
        tok.dep_ == "obl"
        and tok.pos_ in {"NOUN", "PROPN"}
        and preposition_of(tok) in {"in", "at", "on"}
        and tok.lower_ not in _TIME_NOUNS
    )


def _bare_participant(tok: Token) -> bool:
    """Is ``tok`` a personal pronoun alone after its preposition ("in her", "for them")?"""
    return tok.lower_ in _PARTICIPANTS and all(c.dep_ == "case" for c in tok.children)


_NUMBERED_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def keeps_meaning(tokens: Iterable[Token]) -> bool:
    """False when ``tokens`` hold a qualifier or the central event: removing them changes the claim."""
    return not any(
        t.lower_ in QUALIFIERS or t.lower_ in _SCOPE or t.lemma_.lower() in EVENT_LEMMAS for t in tokens
    )


def deletion_problem(sent: Span, dropped: Collection[int]) -> str | None:
    """Why deleting the tokens ``dropped`` (indices into ``sent.doc``) from ``sent`` would break it."""
    gone = set(dropped)
    doc = sent.doc
    removed = [t for t in sent if t.i in gone]
    if not removed:
        return None
    if not keeps_meaning(removed):
        return "drops a qualifier or the central event"
    if any(t.lower_ in _NAMING for t in removed):
        return "drops the name something is given ('These records[, called engrams,]')"
    if sent.root.i in gone:
        return "drops the main verb"
    if _clause_cut_short(sent, gone):
        return "cuts a clause but not its last words ('[As temperatures climb and oceans] warm, ...')"
    if any(
        t.head.i not in gone and _negated(t.head) and t.dep_ in {"obl", "advmod", "advcl"} for t in removed
    ):
        return "drops part of what a negation says ('not picked up [during autopsies]')"
    if _it_cleft(sent) and any(t.tag_ in FINITE_TAGS for t in removed):
        # "But it is in the US, where ... 40 % of its restaurants[, where the crisis runs deepest]."
        return "cuts the clause an 'it is ...' sentence is about"
    for tok in removed:
        if tok.lower_ in _PERIODS and tok.head.i not in gone:
            return f"drops {tok.text!r}, how often or over what time ('100 times [annually]')"
        if tok.like_num and tok.dep_ in {"nummod", "amod"} and tok.head.i not in gone:
            return f"drops the number {tok.text!r}, a fact the story gives ('her [16th] birthday')"
        if tok.dep_ == "amod" and tok.head.i not in gone and (tok.tag_.startswith("VB") or _verbal(tok)):
            return f"drops the participle {tok.text!r} (it says what the noun does)"
        if tok.dep_ == "advmod" and tok.head.i not in gone and set(getAllLemmas(tok.lower_)) == {"VERB"}:
            return f"drops {tok.text!r}, a verb the parser took for a modifier"
        if tok.dep_ == "amod" and tok.head.i not in gone and _predicate_noun(tok.head, sent):
            return f"drops {tok.text!r}, the point of 'is a {tok.text} {tok.head.text}'"
        if tok.dep_ == "amod" and tok.head.i not in gone and _counted(tok.head, gone):
            return f"drops {tok.text!r}, which says which things a number counts ('one [elder] child')"
        if tok.dep_ == "amod" and tok.head.i not in gone and _negated(tok.head.head):
            return f"drops {tok.text!r}, what a negation is about ('a [sustainable] lifestyle is not')"
        if tok.lower_ in _PREPOSITION_WORDS and tok.dep_ != "case" and not tok.n_lefts + tok.n_rights:
            return f"drops the preposition {tok.text!r} and leaves its noun ('[alongside] other options')"
        if tok.dep_ == "amod" and tok.head.i not in gone and tok.lower_.endswith(_CLASSIFYING):
            return f"drops {tok.text!r}, which says what kind of thing it is (solar power)"
        if tok.dep_ in {"amod", "advmod", "compound"} and tok.head.i not in gone and _nominal(tok):
            return f"drops {tok.text!r}, a noun that says which {tok.head.text!r} ('[moth] larvae')"
        if tok.dep_ == "amod" and tok.head.i not in gone and _existential(tok.head):
            return f"drops {tok.text!r}, the point of 'there is a {tok.text} {tok.head.text}'"
        if tok.head.i not in gone and any(c.lower_ == "than" for c in tok.head.children):
            return "changes what a comparison says ('more than a [cultural] philanthropy')"
        if tok.dep_ == "advmod" and tok.head.i == sent.root.i == tok.i - 1 and _bare_predicate(tok.head):
            return (
                f"drops {tok.text!r}, all that '{tok.head.text} {tok.text}' says ('She spoke [confidently]')"
            )
        if tok.head.i not in gone and _after_particle(tok):
            return (
                f"drops what completes '{tok.head.text} {tok.doc[tok.i - 1].text}' ('show up [on the map]')"
            )
        if _completes_placing(tok, gone):
            return f"drops where {tok.head.text!r} puts something ('were placed [in a second chamber]')"
        if tok.dep_ == "amod" and any(
            t.tag_ in {"JJR", "RBR"} and t.i > tok.i and t.i not in gone for t in sent
        ):
            return f"drops {tok.text!r}, which a comparison later in the sentence builds on ('tamer')"
        if tok.dep_ in {"amod", "compound"} and _foreign_term(tok, gone):
            return f"drops {tok.text!r}, part of a foreign term ('baile [funk] scene')"
        if tok.dep_ in {"amod", "advmod"} and any(c.lower_ in _DEGREE for c in tok.children):
            return f"drops {tok.text!r}, which a degree word stresses ('the [very high] rate')"
        if tok.dep_ == "advmod" and tok.head.i not in gone and _adjectival_participle(tok.head):
            return f"drops {tok.text!r}, what '{tok.text} {tok.head.text}' says ('[hurriedly] composed')"
        if tok.dep_ == "amod" and tok.head.i not in gone and _between_modifiers(tok, gone):
            return (
                f"drops {tok.text!r} from between a modifier and its noun ('antibiotic [resistant] bacteria')"
            )
        if tok.dep_ in {"obl", "nmod"} and tok.head.i not in gone and _superlative(tok.head, gone):
            return f"drops {tok.text!r}, where a superlative or ordinal holds ('the youngest [in history]')"
        if tok.dep_ == "amod" and tok.head.pos_ in {"VERB", "AUX"} and tok.head.i not in gone:
            return f"drops {tok.text!r}, a noun taken for a verb's modifier ('the [meteorite] struck')"
        # the noun before it kept ("the loneliness [epidemic among younger adults]": the head went too)
        if tok.dep_ == "advmod" and {tok.head.i, tok.i - 1} - gone and _noun_as_modifier(tok):
            return (
                f"drops {tok.text!r}, a noun the parser took for a modifier ('its website and tablet [app]')"
            )
        if tok.dep_ == "advmod" and tok.head.i == tok.i + 1 not in gone and _predicate_adjective(tok.head):
            return f"drops {tok.text!r}, how '{tok.head.text}' is meant ('he is [cautiously] pleased')"
        if tok.dep_ in {"obl", "obl:tmod", "advmod"} and tok.head.i not in gone and _when_it_holds(tok):
            return f"drops {tok.text!r}, when the claim holds ('safe [at present]', 'in her lifetime')"
        if tok.dep_ == "obl" and tok.head.i not in gone and _evidence(tok):
            return f"drops {tok.text!r}, what the claim rests on ('performed well [in experiments]')"
        if tok.dep_ in {"obl", "advmod", "advcl"} and tok.head.i not in gone and _contrasted(tok, gone):
            return f"drops {tok.text!r}, what a kept 'instead of' is set against ('at home')"
        if tok.dep_.startswith("obl") and tok.head.i not in gone and _scopes_a_figure(tok, gone):
            return f"drops {tok.text!r}, whom or where a figure holds for ('a third of deaths [in children]')"
        if (
            tok.pos_ == "ADJ"
            and tok.dep_ in {"obj", "xcomp", "advmod"}
            and tok.head.pos_ == "VERB"
            and tok.head.i not in gone
        ):
            return f"drops {tok.text!r}, how someone was while '{tok.head.text}' ('dancing [naked]')"
        if tok.dep_ == "amod" and tok.head.i not in gone and _paired_on_a_bare_noun(tok, gone):
            return f"drops {tok.text!r} and its pair, the point of '{tok.head.text}' ('new and rich markets')"
        if tok.dep_ == "amod" and tok.head.i not in gone and _all_a_with_phrase_says(tok.head, gone):
            return f"drops {tok.text!r}, all that '... {tok.head.text}' says ('with [uneven] coverage')"
        if tok.dep_.startswith("obl") and tok.lower_ in _DEMONSTRATIVES and tok.head.i not in gone:
            return f"drops '{preposition_of(tok)} {tok.text}', the link to what came before"
        if tok.dep_ in {"obl", "nmod"} and tok.head.i not in gone and preposition_of(tok) in {"into", "onto"}:
            return (
                f"drops 'into {tok.text}', where something is put or goes ('helped children [into school]')"
            )
        if tok.dep_.startswith("obl") and tok.head.i not in gone and _condition(tok):
            return f"drops {tok.text!r}, when the claim holds ('can see 31 stars [on a good night]')"
        if (
            tok.dep_ == "advcl"
            and tok.tag_ == "VBG"
            and tok.head.i not in gone
            and tok.lemma_ in _RESULT_VERBS
        ):
            return f"drops {tok.text!r}, what the event led to ('a difference in time[, causing jet lag]')"
        if tok.dep_ in {"obl", "nmod"} and tok.head.i not in gone and _population(tok):
            return f"drops {tok.text!r}, whom the claim is about ('questions about memories [in people]')"
        if tok.dep_ in {"obl", "nmod"} and tok.head.i not in gone and _completes_adjective(tok):
            return f"drops what completes '{tok.head.text} {preposition_of(tok)}' ('to be good [at chess]')"
        if (
            tok.dep_ in {"obl", "nmod"}
            and tok.head.i not in gone
            and tok.head.pos_ == "ADV"
            and tok.head.i < tok.i
        ):
            return f"drops what completes {tok.head.text!r} ('Back [in the 1960s], she ...')"
        if tok.dep_ in {"obl", "obl:tmod"} and tok.head.i not in gone and _perfect_deadline(tok, sent):
            return f"drops {tok.text!r}, the time a perfect counts up to ('[By 2030,] ... will have')"
        if tok.dep_ == "obl" and tok.head.i not in gone and _to_whom_it_seems(tok):
            return f"drops {tok.text!r}, to whom it seems so ('[To tourists,] the city seems liberal')"
        if tok.dep_ in {"obl", "nmod"} and tok.head.i not in gone and _bare_participant(tok):
            return f"drops '{preposition_of(tok)} {tok.text}', who the claim is about ('remorse [in her]')"
        if tok.dep_ in {"nmod", "obl"} and tok.head.i not in gone and _bare_in_phrase(tok):
            return f"drops 'in {tok.text}', what the noun is in or made up of ('ice cubes [in water]')"
        if tok.dep_ == "obl" and tok.head.i not in gone and _form_of_amount(tok):
            return f"drops 'in {tok.text}', what the amount is made of ('how much you make [in tips]')"
        if tok.dep_ == "obl" and tok.head.i not in gone and _frame_preposition(tok):
            return (
                f"drops '{preposition_of(tok)} {tok.text}', what '{tok.head.lemma_} ... "
                f"{preposition_of(tok)}' needs ('spend a third of their pay [on rent]')"
            )
        completed = _verb_completed_by(tok, gone) if tok.dep_ == "obl" and tok.head.i not in gone else None
        if completed is not None:
            return f"drops {tok.text!r}, all that follows '{completed.text}' ('appears [in the centre]')"
    for tok in sent:
        if tok.i in gone:
            continue
        if tok.head.i in gone and not tok.is_punct:
            return f"leaves {tok.text!r} without the word it belongs to"
    starts = sorted(i for i in gone if i - 1 not in gone)
    for start in starts:
        end = start
        while end + 1 in gone:
            end += 1
        run = doc[start : end + 1]
        after = doc[end + 1] if end + 1 < sent.end else None
        if (
            run[0].pos_ in {"ADP", "DET"}
            and not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "VERB"} for t in run)
            and after is not None
            and after.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"}
        ):
            return "takes the preposition or article from a noun phrase ('dined [on the much] cheaper')"
        if (
            after is not None
            and after.text == ","
            and end + 2 < sent.end
            and doc[end + 2].lower_ in _RELATIVE_WORDS
            and not run[-1].is_punct
        ):
            # "protests have diminished [since the opening day], when small demonstrations took place"
            return f"leaves ', {doc[end + 2].text} ...' without what it tells about"
        if (
            after is not None
            and after.text == ","
            and end + 2 < sent.end
            and doc[end + 2].lower_ in _EXAMPLE_WORDS
        ):
            # "extremely important [in some sports], particularly freediving": an example of nothing
            return f"leaves ', {doc[end + 2].text} ...' without what it gives an example of"
        if (
            after is not None
            and any(_a_place(t) for t in run)
            and any(t.i not in gone and t.lower_ in _RELATIVE_PLACES for t in sent)
        ):
            # "[In the centre's courtyard,] people ... sit outside": outside of what?
            return "drops the place a kept 'outside' or 'nearby' is reckoned from"
        if after is not None and _measure_after(after):
            # "stuck [in a skin suit] two sizes too small": the measure was of the cut noun
            return f"leaves '{after.text} {doc[after.i + 1].text} ...' without what it measures"
        if after is not None and after.tag_ in FINITE_TAGS and not run[-1].is_punct and start > sent.start:
            return f"takes what comes before {after.text!r}, its subject ('[after the lid] was left ajar')"
        opened = doc[start - 1] if start > sent.start else None
        if opened is not None and opened.pos_ == "CCONJ":
            return f"takes what follows {opened.text!r} ('backpacks and [rely on volunteers] to')"
        if after is not None and (after.pos_ == "CCONJ" or (after.text == "," and _next_is_cconj(after))):
            return "takes an item or its modifier from a coordination ('gear, [a stack of laptops] and')"
        dashes = [t.i for t in run if t.text in _DASHES]
        if len(dashes) >= 2 and any(not t.is_punct for t in doc[dashes[-1] + 1 : end + 1]):
            # "2,125 vulnerable children [- those in danger of entering work - into school]": the
            # parser hung what follows the aside inside it
            return "cuts past the closing dash of an aside"
        if (
            run[0].text == ","
            and run[-1].text == ","
            and start - 2 >= sent.start
            and doc[start - 2].text == ","
            and start - 2 not in gone
        ):
            # "Jenny Flahaut, 33[, who works at a children's home,] was inspired"
            return f"takes the comma that closes ', {doc[start - 1].text},' ('Flahaut, 33 [, who ...,] was')"
        opener = [doc[k].lower_ for k in range(max(sent.start, start - 2), start)]
        if opener and (opener[-1] in _CONTRAST_OPENERS or opener in (["rather", "than"], ["instead", "of"])):
            return f"cuts into what {' '.join(opener)!r} sets against ('rather than [in calm] waters')"
        if after is not None and (after.dep_ == "cc" or after.lower_ in _CONTRAST_OPENERS):
            return f"takes what {after.text!r} sets against ('driving [on roads] rather than in a lab')"
        if (
            opened is not None
            and opened.pos_ in _NOMINAL_START
            and not run[0].is_punct
            and after is not None
            and _opens_noun(after)
        ):
            # "paw prints [in the spruce-clad] Beskidy mountains": a misparse hung the noun on the verb
            return f"runs {opened.text!r} into {after.text!r} ('paw prints [in the green] hills')"
        if opened is not None and after is not None and _clause_run_on(opened, after, gone):
            # "out of Afghanistan [during his first tour after a media] embargo was broken"
            return f"runs {opened.text!r} into the clause of {after.text!r} ('[after a] ban was lifted')"
        if (
            after is not None
            and start > sent.start  # "[Last year] Apple sold ...": the name opens what is left
            and run[-1].pos_ == "NOUN"
            and after.pos_ in {"PROPN", "NOUN"}
            and after.text[:1].isupper()
        ):
            # "a decision by the Registry [in the capital] Reykjavik": the name was the cut noun's
            return f"leaves the name {after.text!r} without the noun it names ('the capital [Reykjavik]')"
    kept = [t for t in sent if t.i not in gone and not t.is_punct]
    if kept and kept[0].tag_ in {"VBD", "VBZ", "VBP"} and sent[0].i in gone:
        return f"leaves the sentence opening with {kept[0].text!r}"  # "[As it develops,] said French, ..."
    for start in starts:
        first = doc[start]
        before = doc[start - 1] if start > sent.start else None
        if any(t.tag_ in _WH for t in removed) and not _clause_removed(removed, gone):
            return "drops the word that opens a clause"  # "as to [how well] forces would fit"
        if before is None:
            continue
        if first.pos_ in _NOMINAL_START and before.pos_ in _NP_BEFORE and before.text not in _SET_OFF:
            return f"leaves {before.text!r} without its noun"
        if before.lower_ in _DEGREE and (first.pos_ in {"ADJ", "ADV"} or before.tag_ in {"JJR", "RBR"}):
            return f"leaves {before.text!r} without the word it modifies"  # "ever more [in vogue]"
        if before.lower_ in _FOCUS and not first.is_punct and not _focus_after(before, gone, end):
            return f"leaves {before.text!r} without what it singles out ('found only [in students]')"
        if before.lemma_ == "be" and first.pos_ == "ADP":
            return f"takes what comes after {before.text!r} ('The change is [in time] spent')"
        if first.pos_ == "ADP" and _possessed_span(before):
            return f"leaves {before.text!r} without the phrase that says which ('her year [in office]')"
        end = next(k for k in range(start, sent.end) if k + 1 not in gone)
        after = doc[end + 1] if end + 1 < sent.end else None
        if (
            before.text == ","
            and after is not None
            and all(
                t.head.i == after.i and t.dep_ == "amod" for t in doc[start : end + 1] if t.head.i not in gone
            )
        ):
            return f"leaves a comma before {after.text!r} ('an unvarying, [instinctive] certainty')"
        if first.dep_ == "appos" and before.text not in _SET_OFF:
            return "drops an apposition that is not set off (a misparse)"
    if _lone_subordinate(sent, gone):
        return "leaves only the 'Once ...' clause: the main clause after it is cut"
    if _pronoun_told_in_cut_clause(sent, removed, gone):
        return "drops the clause that says who the kept 'they' are ('[When these were mapped,] they')"
    if _thing_told_in_cut_clause(sent, removed, gone):
        return "drops the clause that tells what the kept 'the ...' is ('[When water boils,] the steam')"
    told = _the_thing_only_in_cut(sent, removed, gone)
    if told is not None:
        return f"drops the only mention of what the kept 'the {told.text}' is ('[When X were fitted,] the X')"
    pronoun = _pronoun_loses_referent(sent, gone)
    if pronoun is not None:
        return f"drops the noun the kept {pronoun.text!r} refers to ('[When the dog barked,] its owner')"
    if _comma_before_verb(sent, gone):
        return "leaves a comma between the subject and its verb ('[Ann Lee, ]the son of a baker, is')"
    if _comma_splits_verb(sent, gone):
        return "leaves a comma between an auxiliary and its verb ('can, [in reality,] be so weak')"
    bare_auxiliary = _auxiliary_left_bare(sent, gone)
    if bare_auxiliary is not None:
        return f"leaves {bare_auxiliary.text!r} without its participle ('has, since 2005, [begun to ...]')"
    if _attribution_before_verb(sent, gone):
        return "leaves 'he said,' before a verb with no subject ('[The key,] he said, is')"
    if _opens_on_attribution(sent, gone):
        return "leaves the sentence opening with 'he says,' ('[While maps help, he] He says, apps differ')"
    if _comparison_cut(sent, removed, gone):
        return "drops a comparison, what the claim says ('die [at a younger age than wild ones]')"
    stranded = _stranded_relative(sent, gone)
    if stranded is not None:
        return f"leaves {stranded.text!r} without the verb of its clause ('Armenia, which, like ...')"
    for tok in removed:
        if tok.dep_ == "advmod" and tok.head.i not in gone and tok.head.dep_ == "amod":
            return f"drops {tok.text!r}, part of '{tok.text} {tok.head.text}' ('[personally] identifiable')"
    if any(t.dep_ in _SUBJECTS and t.head.i == sent.root.i for t in removed):
        return "drops the subject"
    bare = _bare_verb(sent, gone)
    if bare is None and any(t.head.i not in gone and _in_clausal_subject(t.head) for t in removed):
        return "cuts into a clause that is the subject ('[To squander the advantage] we have gained')"
    return bare


def _perfect_deadline(tok: Token, sent: Span) -> bool:
    """ "By the end of the day, they expect 400 families to have come": a "by" time in a sentence with
    a perfect ("will have", "to have", "had") is what the perfect counts up to; without it the
    sentence says the thing has happened already."""
    if preposition_of(tok) != "by":
        return False
    return any(
        t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children) for t in sent
    )


_SEEMING = frozenset(["seem", "appear", "look", "sound", "feel"])


def _to_whom_it_seems(tok: Token) -> bool:
    """ "To tourists, the city seems liberal": whom a seeming verb's impression is of; without it the
    impression is stated as fact (and a later "them" loses its people)."""
    return preposition_of(tok) == "to" and tok.head.lemma_ in _SEEMING


def _superlative(head: Token, gone: set[int]) -> bool:
    """Does a kept superlative modify ``head``, or a noun ``head`` (a verb) takes ("she became the
    youngest Nobel Peace Prize nominee [in history]": the phrase says among whom)?"""
    if head.tag_ in {"JJS", "RBS"} or _ordinal(head):
        # "the military is the fourth largest [in the world]": the superlative heads the clause;
        # "Third [in line] to the throne": an ordinal counts in the phrase
        return True
    nouns = [head, *(c for c in head.children if c.pos_ in {"NOUN", "PROPN"} and c.i not in gone)]
    return any(
        c.i not in gone and (c.tag_ in {"JJS", "RBS"} or c.lower_ == "most" or _ordinal(c) or _most_of(c))
        for n in nouns
        for c in n.children
    )


def _most_of(modifier: Token) -> bool:
    """ "the most wasted food": a participle made superlative by "most" ("[By percentage,] the most
    wasted food is lettuce" says something else after "by weight, ... bread")."""
    return modifier.dep_ == "amod" and any(g.lower_ == "most" or g.tag_ == "RBS" for g in modifier.children)


def _measure_after(tok: Token) -> bool:
    """Does ``tok`` open a measure of how much more ("two sizes too small", "ten times bigger")?"""
    doc = tok.doc
    if tok.pos_ != "NUM" or tok.i + 2 >= len(doc) or doc[tok.i + 1].pos_ != "NOUN":
        return False
    degree = doc[tok.i + 2]
    return degree.lower_ == "too" or degree.tag_ in {"JJR", "RBR"}


_ORDINAL_WORDS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last"}
)


def _ordinal(tok: Token) -> bool:
    """ "third", "43rd", "last": a place in an order, which the phrase after it says the order of."""
    return tok.lower_ in _ORDINAL_WORDS or bool(_NUMBERED_ORDINAL.fullmatch(tok.lower_))


def _all_a_with_phrase_says(noun: Token, gone: set[int]) -> bool:
    """ "with uneven coverage", "have dire completion rates": a bare noun after 'with'/'without' or as
    what something has, whose adjective is the point ("with coverage" says something else)."""
    kept = [c for c in noun.children if c.i not in gone]
    had = noun.dep_ == "obj" and noun.head.lemma_.lower() == "have"  # "MOOCs have [dire] completion rates"
    return (had or any(c.dep_ == "case" and c.lower_ in ("with", "without") for c in kept)) and not any(
        c.dep_ in {"det", "nummod", "amod"} or c.dep_.endswith("poss") for c in kept
    )


def _paired_on_a_bare_noun(tok: Token, gone: set[int]) -> bool:
    """ "the promise of [new and lucrative] markets": two adjectives joined by "and"/"or" on a noun with
    no determiner are what the phrase says ("the promise of markets" says something else)."""
    paired = any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in tok.children)
    noun = tok.head
    return (
        paired
        and noun.pos_ == "NOUN"
        and not any(
            c.i not in gone and (c.dep_ in {"det", "nummod"} or c.dep_.endswith("poss"))
            for c in noun.children
        )
    )


_SUBORDINATORS_TEXT = (
    "once when whenever if unless although though because while whereas after before since until as"
)
_SUBORDINATORS = frozenset(_SUBORDINATORS_TEXT.split())
_CONDITION_TEXT = "good bad clear typical average normal busy quiet cloudy sunny"
_CONDITION_WORDS = frozenset(_CONDITION_TEXT.split())
# A set-off "she insists," or "he argued," left first or before its verb breaks the sentence as "she
# said," does: a cut is refused on more verbs than the shared list.
_SAYING_LEMMAS = SAYING_LEMMAS | {"insist", "argue"}


# A participle that says what an event led to ("..., causing jet lag"): a consequence is a claim.
_RESULT_VERBS = frozenset(["cause", "lead", "result", "trigger", "prompt", "spark", "force", "bring"])
# Phrases of time ("in 2008", "on Monday", "during the night"): an adjunct, never what a verb needs.
_TIME_PREPOSITIONS = frozenset(["during", "after", "before", "since", "until", "till", "throughout"])
_TIME_NOUNS_TEXT = (
    "time times day days week weeks month months year years decade decades century centuries hour hours "
    "minute minutes morning mornings afternoon evening evenings night nights weekend weekends season "
    "spring summer autumn winter period moment moments age past future release"
)
_TIME_NOUNS = frozenset(_TIME_NOUNS_TEXT.split()) | WEEKDAYS | MONTHS
_COMPLEMENTS = frozenset({"obj", "iobj", "ccomp", "xcomp", "attr", "obl:agent"})


def _verb_completed_by(tok: Token, gone: set[int]) -> Token | None:
    """Is ``tok`` a bare place or manner phrase right after a verb with no object, kept or cut ("the
    shadow appears [neatly in the centre]", "and saw [at his toenails] with a penknife")? It is what
    the verb says: without it the sentence says less, or another thing ("saw" read as "see"). A phrase
    of time is an adjunct and may go. A verb right before the phrase counts even when the parse hung the
    phrase elsewhere ("encouraging employees to nap [on the job]", "nap" taken for an oblique)."""
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    verb = before if before is not None and before.pos_ == "VERB" and before.i not in gone else tok.head
    if verb.pos_ != "VERB" or any(c.dep_ in _COMPLEMENTS for c in verb.children):
        return None
    between = tok.doc[verb.i + 1 : tok.left_edge.i]
    if tok.left_edge.i <= verb.i or any(t.dep_ != "compound:prt" for t in between):
        return None  # not right after the verb (its particle aside)
    if tok.like_num or tok.ent_type_ in {"DATE", "TIME"} or tok.lemma_.lower() in _TIME_NOUNS:
        return None
    return verb if preposition_of(tok) not in _TIME_PREPOSITIONS else None


# Verbs whose object and a phrase with this preposition make one frame ("spend money on food",
# "protect children from harm"): without the phrase the claim says another thing ("spend less of
# their salaries" is not "spend less of their salaries on food").
_FRAMES = {
    "spend": {"on"},
    "waste": {"on"},
    "invest": {"in"},
    "protect": {"from"},
    "prevent": {"from"},
    "exchange": {"for"},
    "swap": {"for"},
    "blame": {"on", "for"},
    "replace": {"with"},
    "compare": {"with", "to"},
    "provide": {"with"},
    "supply": {"with"},
    "accuse": {"of"},
    "remind": {"of"},
    "divide": {"into"},
    "convert": {"into"},
    "turn": {"into"},
}


def _bare_in_phrase(tok: Token) -> bool:
    """ "ice cubes [in water]", "a rise [in demand]", "people [in need]": 'in' and a bare singular
    noun right after a noun say what the thing is (in); without them the noun names another thing.
    The parser often hangs the phrase on the verb ("dumps a bucket of ice cubes in water")."""
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    return (
        preposition_of(tok) == "in"
        and tok.left_edge.i == tok.i - 1
        and tok.tag_ == "NN"
        and before is not None
        and before.pos_ == "NOUN"
        and not _possessed_span(before)  # "her year [in office]": told by its own rule
        and (tok.dep_ == "nmod" or before.i > tok.head.i)
    )


# Verbs of money coming or going: "make £60 in tips", "raised £5m in donations", "paid £100 in fines"
_AMOUNT_VERBS_TEXT = "make earn raise pay lose save collect receive win generate owe charge spend bring"
_AMOUNT_VERBS = frozenset(_AMOUNT_VERBS_TEXT.split())


def _form_of_amount(tok: Token) -> bool:
    """ "how much you make [in tips]", "raised £5m [in donations]": 'in' and a bare noun after a verb
    of money with an amount as its object say what the money is; without them the claim is about all
    the money ("how much you make")."""
    verb = tok.head
    if preposition_of(tok) != "in" or tok.pos_ != "NOUN" or verb.lemma_.lower() not in _AMOUNT_VERBS:
        return False
    if any(c.dep_ in ("det", "nmod:poss", "nummod") for c in tok.children):
        return False  # "in the first year", "in two years": when or where
    if tok.lemma_.lower() in _TIME_NOUNS:
        return False
    return any(c.dep_ == "obj" and _amount(c) for c in verb.children)


def _amount(tok: Token) -> bool:
    """A sum or a quantity: "£60", "5,000", "how much", "a lot"."""
    if tok.like_num or tok.tag_ == "$" or tok.lower_ in ("much", "lot", "more", "less"):
        return True
    return any(c.dep_ == "nummod" for c in tok.children)


def _frame_preposition(tok: Token) -> bool:
    """Is ``tok`` the phrase that completes its verb's frame ("spent a fifth of their pay [on food]")?"""
    return preposition_of(tok) in _FRAMES.get(tok.head.lemma_.lower(), ())


def _the_thing_only_in_cut(sent: Span, removed: Sequence[Token], gone: set[int]) -> Token | None:
    """A kept "the scanners" after a cut clause that was the only place the sentence named them
    ("[When body scanners came in at airports, there] There were fears, but the level from the
    scanners is low"): without the clause the reader does not know which scanners."""
    cut = {t.lemma_.lower() for t in removed if t.pos_ == "NOUN" and t.dep_ != "compound" and t.lemma_}
    if not cut:
        return None
    first = min(t.i for t in removed)
    kept = [t for t in sent if t.i not in gone]
    for tok in kept:
        if tok.i < first or tok.pos_ != "NOUN" or tok.lemma_.lower() not in cut:
            continue
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
        if definite and not any(t.i < tok.i and t.pos_ == "NOUN" and t.lemma_ == tok.lemma_ for t in kept):
            return tok
    return None


def _possessed_span(noun: Token) -> bool:
    """Is ``noun`` a span of time someone has ("her year", "their first weeks"): the phrase after it
    says which ("in office", "at school"); without it the span is no time the reader knows of."""
    return noun.lemma_.lower() in _TIME_NOUNS and any(c.dep_ == "nmod:poss" for c in noun.children)


def _condition(tok: Token) -> bool:
    """ "on a good night", "on a typical day": the conditions a claim holds under."""
    return preposition_of(tok) in {"on", "in"} and any(
        c.dep_ == "amod" and c.lower_ in _CONDITION_WORDS for c in tok.children
    )


def _clause_cut_short(sent: Span, gone: set[int]) -> bool:
    """Does a cut run that opens with a subordinator ("As", "When", "Because" ...) stop before the
    comma or the end that closes its clause? The word left over then joins the main clause: "[As
    temperatures climb and oceans] warm, tropical regions ..." reads "Warm, tropical regions"."""
    for tok in sent:
        if tok.i not in gone or tok.i - 1 in gone or tok.lower_ not in _SUBORDINATORS or tok.dep_ != "mark":
            continue
        end = tok.i
        while end + 1 < sent.end and end + 1 in gone:
            end += 1
        after = sent.doc[end + 1] if end + 1 < sent.end else None
        if after is not None and not after.is_punct and not sent.doc[end].is_punct:
            return True
    return False


def _lone_subordinate(sent: Span, gone: set[int]) -> bool:
    """Does the cut leave only an opening subordinate clause ("Once they knew X [, Y was easy]")?
    The sentence opens with a subordinator and the cut takes everything from a comma to the end."""
    words = [t for t in sent if not t.is_punct]
    if not words or words[0].lower_ not in _SUBORDINATORS or words[0].i in gone:
        return False
    last = max((t.i for t in sent if not t.is_punct), default=sent.start)
    if last not in gone or any(t.text == "," and t.i not in gone for t in sent):
        return False  # a kept comma: the main clause after the opening one is kept
    start = last
    while start - 1 in gone:
        start -= 1
    return sent.doc[start].text == ","


def _pronoun_told_in_cut_clause(sent: Span, removed: Sequence[Token], gone: set[int]) -> bool:
    """A cut opening clause whose subject is 'these'/'they'/'it' ("When these were plotted on a map,
    they revealed clusters") or a noun the kept "they"/"he" names ("When the researchers read the
    forms, they found"): the kept pronoun after it named what that clause was about."""
    subject = next(
        (c for c in sent.root.children if c.dep_ in _SUBJECTS and c.i not in gone and c.pos_ == "PRON"), None
    )
    if subject is None:
        return False
    return any(
        t.dep_ in {"nsubj", "nsubj:pass"}
        and (
            t.lower_ in {"these", "those", "they", "it", "this"}
            # "When the researchers analyzed the answers, they found ...": "They found" after a
            # sentence about the animals names the animals
            # ("[While tickets ..., he] He says, ..." is the set-off attribution's own fault)
            or (
                t.pos_ in {"NOUN", "PROPN"}
                and subject.lower_ in _THIRD_PERSON
                and sent.root.lemma_.lower() not in _SAYING_LEMMAS
            )
        )
        and t.i < subject.i
        and t.head.i in gone
        for t in removed
    )


# kept pronouns whose referent a cut can take, and whether that referent is plural
_REFERRING = {
    "its": False,
    "their": True,
    "them": True,
    "they": True,
    "his": False,
    "him": False,
    "her": False,
}


_PRONOUN_PLURAL = {**_REFERRING, "he": False, "she": False, "it": False, "we": True, "us": True}


def _pronoun_loses_referent(sent: Span, gone: set[int]) -> Token | None:
    """A kept "its"/"their"/"they"/"him" ... whose nearest possible referent before it in the sentence
    is cut ("[When the rat pressed the lever,] a copy of its brain signal", "when Ann Lee[, head of
    the team of divers,] said they had found it"): the pronoun is left with nothing, or with the
    wrong thing, to refer to. Nearest agreeing noun, as a reader takes it; refusing is the safe side."""
    for pron in sent:
        plural = _REFERRING.get(pron.lower_)
        if plural is None or pron.i in gone or pron.pos_ != "PRON":
            continue
        enclosing = _enclosing(pron)  # "a version of its activity": not "version"
        nearest = next(
            (
                t
                for t in reversed(sent.doc[sent.start : pron.i])
                if (
                    (
                        t.pos_ in {"NOUN", "PROPN"}
                        and t.dep_ not in {"compound", "flat"}
                        and (t.tag_ in {"NNS", "NNPS"}) == plural
                    )
                    # "he said, ... his client": an earlier pronoun names the same one
                    or (t.pos_ == "PRON" and _PRONOUN_PLURAL.get(t.lower_) == plural)
                )
                and t.i not in enclosing
                and t.lower_ not in _TIME_NOUNS  # "performed [on Monday] with her band"
                and not t.like_num
            ),
            None,
        )
        if nearest is not None and nearest.i in gone:
            return pron
    return None


def _enclosing(tok: Token) -> set[int]:
    """The phrases ``tok`` is part of, up to a coordination ("the ship and its bell": "ship" is beside
    "its bell", not around it)."""
    out: set[int] = set()
    while tok.head.i != tok.i and tok.dep_ != "conj":
        tok = tok.head
        out.add(tok.i)
    return out


def _thing_told_in_cut_clause(sent: Span, removed: Sequence[Token], gone: set[int]) -> bool:
    """A cut opening clause that brings in a thing with a bare or indefinite noun ("When water
    evaporates from the oceans, the vapour can rise"): the kept "the ..." subject after it was what
    came of that thing ("The vapour can rise": which vapour?)."""
    subject = next((c for c in sent.root.children if c.dep_ in _SUBJECTS and c.i not in gone), None)
    if subject is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return False
    return any(
        t.dep_ in {"nsubj", "nsubj:pass"}
        and t.pos_ == "NOUN"
        and t.i < subject.i
        and t.head.i in gone
        and t.head.dep_ == "advcl"
        and not any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in t.children)
        and not any(c.dep_.endswith("poss") for c in t.children)
        for t in removed
    )


def _attribution_before_verb(sent: Span, gone: set[int]) -> bool:
    """ "[The key,] he said, is to remember ...": a cut before a set-off "he said" leaves the verb after
    it without its subject (the parser hung that subject on "said")."""
    if sent[0].i not in gone:
        return False
    kept = [t for t in sent if t.i not in gone]
    return (
        len(kept) > 3
        and kept[0].pos_ == "PRON"
        and kept[1].lemma_.lower() in _SAYING_LEMMAS
        and kept[2].text == ","
        and kept[3].tag_ in FINITE_TAGS
    )


def _opens_on_attribution(sent: Span, gone: set[int]) -> bool:
    """ "[While spoken directions help, she] She says, paper maps differ": a cut of the opening clause
    leaves the set-off "she says," first, which reads as a broken sentence."""
    if sent[0].i not in gone:
        return False
    kept = [t for t in sent if t.i not in gone]
    return (
        len(kept) > 3
        and kept[0].pos_ in {"PRON", "PROPN"}
        and kept[1].lemma_.lower() in _SAYING_LEMMAS
        and kept[2].text == ","
    )


def _comparison_cut(sent: Span, removed: Sequence[Token], gone: set[int]) -> bool:
    """Does the cut take a comparative with its "than" phrase from a kept clause ("caged parrots die
    [at a younger age than wild ones]")? The comparison is what the clause claims."""
    if not any(t.lower_ == "than" for t in removed):
        return False
    return any(t.tag_ in {"JJR", "RBR"} and t.head.i in gone and t.head.head.i not in gone for t in removed)


# "memories in people" in a story of mice, "the disease in children": whom a claim is about
_POPULATIONS_TEXT = (
    "people humans human adults children kids women men animals patients mice rats infants babies"
)
_POPULATIONS = frozenset(_POPULATIONS_TEXT.split())


def _population(tok: Token) -> bool:
    """Is ``tok`` an "in people", "among adults" phrase that says whom a claim holds for?"""
    return preposition_of(tok) in {"in", "among", "amongst"} and tok.lower_ in _POPULATIONS


# "good at chess", "afraid of dogs", "keen on football": the phrase completes what the adjective says
_ADJECTIVE_PREPOSITIONS = frozenset(["at", "of", "about", "on", "with", "to"])


def _completes_adjective(tok: Token) -> bool:
    """Is ``tok`` the phrase right after a predicate adjective that completes it ("to be good [at
    chess]": without it "good" means well behaved)?"""
    adjective = tok.head
    if adjective.pos_ != "ADJ" or tok.left_edge.i != adjective.i + 1:
        return False
    predicate = adjective.dep_ in {"xcomp", "acomp", "ROOT", "ccomp"} or any(
        c.dep_ == "cop" for c in adjective.children
    )
    return predicate and preposition_of(tok) in _ADJECTIVE_PREPOSITIONS


def _opens_noun(tok: Token) -> bool:
    """Does ``tok`` open a noun phrase that the parse made a second object of a verb ("spent the day
    observing droppings and paw prints [in the spruce-clad] Beskidy mountains": two objects of
    "spent"), so that the cut before it runs two noun phrases together?"""
    if tok.pos_ not in {"NOUN", "PROPN", "DET", "NUM"}:
        return False
    noun = tok if tok.dep_ == "obj" else tok.head
    return noun.dep_ == "obj" and sum(c.dep_ == "obj" for c in noun.head.children) > 1


def _clause_run_on(before: Token, subject: Token, gone: set[int]) -> bool:
    """Is the kept ``subject`` after a cut the subject of a clause (not the main one) that the cut
    leaves with no word joining it to the kept ``before`` (a misparse hung "after a" on a noun)?"""
    verb = subject.head
    return (
        subject.dep_ in {"nsubj", "nsubj:pass"}
        and verb.dep_ not in {"ROOT", "parataxis"}
        and verb.i not in gone
        and not before.is_punct
        and before.pos_ not in {"CCONJ", "SCONJ"}
        and not any(c.dep_ in {"mark", "cc"} and c.i not in gone for c in verb.children)
    )


def _comma_before_verb(sent: Span, gone: set[int]) -> bool:
    """ "[Mys Lajek,] the son of a shepherd, is puzzled": a cut of the sentence's opening leaves the
    comma that closed an aside between the kept subject and its verb."""
    if sent[0].i not in gone:
        return False
    kept = [t for t in sent if t.i not in gone]
    comma = next((k for k, t in enumerate(kept) if t.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(kept):
        return False
    before = kept[:comma]
    return kept[comma + 1].tag_ in FINITE_TAGS and not any(t.pos_ in _CLAUSE_HEADS for t in before)


def _focus_after(adverb: Token, gone: set[int], end: int) -> bool:
    """Does the kept focus adverb before a cut single out a kept word after the cut ("also [quickly]
    left") rather than the cut phrase?"""
    return adverb.head.i not in gone and adverb.head.i > end


def _comma_splits_verb(sent: Span, gone: set[int]) -> bool:
    """ "such a strong tree can[, in reality], be so weak" cut to "can, be": a kept comma left
    between a modal or auxiliary and the verb after it, where the cut made them neighbours."""
    kept = [t for t in sent if t.i not in gone]
    for aux, comma, verb in zip(kept, kept[1:], kept[2:], strict=False):
        if comma.text != "," or not gone.intersection(range(aux.i + 1, verb.i)):
            continue
        auxiliary = aux.tag_ == "MD" or (aux.pos_ == "AUX" and aux.lemma_.lower() in ("be", "have", "do"))
        if auxiliary and verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VB", "VBN", "VBG"):
            return True
    return False


def _auxiliary_left_bare(sent: Span, gone: set[int]) -> Token | None:
    """A kept 'has'/'have'/'had' that the parse made a clause of its own, whose participle the cut
    takes ("New Orleans has, since Hurricane Katrina in 2005[, begun trying to ...]")."""
    for tok in sent:
        if tok.i in gone or tok.lemma_.lower() != "have" or tok.pos_ != "AUX" or tok.dep_.startswith("aux"):
            continue
        verb = next((t for t in sent.doc[tok.i + 1 : sent.end] if t.pos_ in _CLAUSE_HEADS), None)
        if verb is not None and verb.tag_ == "VBN" and verb.i in gone:
            return tok
    return None


def _stranded_relative(sent: Span, gone: set[int]) -> Token | None:
    """A kept 'which'/'who' after a comma with no kept verb after it: the cut took its clause's verb
    (a misparse can hang that verb on another word, so the token rules above do not see it)."""
    kept = [t for t in sent if t.i not in gone]
    for k, tok in enumerate(kept):
        if tok.tag_ not in {"WDT", "WP"} or k == 0 or kept[k - 1].text != ",":
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in kept[k + 1 :]):
            return tok
    return None


def _noun_as_modifier(tok: Token) -> bool:
    """A word English does not use as an adverb, tagged as one right after a noun ("tablet app")."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        before is not None
        and before.pos_ in {"NOUN", "PROPN"}
        and tok.is_alpha
        and not tok.lower_.endswith("ly")
        and "ADV" not in getAllLemmas(tok.lower_)
    )


def _predicate_adjective(tok: Token) -> bool:
    """Is ``tok`` an adjective a "be" clause says of its subject ("he is pleased")?"""
    return tok.pos_ == "ADJ" and any(c.dep_ == "cop" for c in tok.children)


def _when_it_holds(tok: Token) -> bool:
    """A phrase that bounds a claim in time: "at present", "for now", "so far", "to date", "currently",
    "in her lifetime"."""
    return tok.lower_ in _TIME_BOUNDS


def _evidence(tok: Token) -> bool:
    """A phrase that says what a claim was found in ("in experiments", "in tests on mice"): without it
    a result in the laboratory reads as a fact of the world."""
    return preposition_of(tok) in {"in", "during", "under"} and tok.lemma_.lower() in _EVIDENCE


def _contrasted(tok: Token, gone: set[int]) -> bool:
    """Does the head of ``tok`` keep another phrase that opens with "instead of", "rather than" ...
    ("cook [at home] with their parents instead of at school")? That phrase is set against ``tok``."""
    return any(
        c.i != tok.i
        and c.i not in gone
        and any(g.lower_ in _CONTRAST_OPENERS and g.dep_ in {"case", "cc", "mark"} for g in c.children)
        for c in tok.head.children
    )


def _scopes_a_figure(tok: Token, gone: set[int]) -> bool:
    """Is ``tok`` a phrase on a clause that states a figure ("a third of all deaths occurred [in
    children]", "the rate is 40 % [among women]")? It says whom or where the figure is true of."""
    verb = tok.head
    if verb.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"} or preposition_of(tok) not in _SCOPE_PREPOSITIONS:
        return False
    if tok.lower_ in {"example", "instance"}:
        return False  # "for example" is a connective, not a scope
    around = [t for c in verb.children if c.i != tok.i for t in c.subtree if t.i not in gone]
    if verb.dep_ == "ROOT" or any(c.dep_ == "cop" for c in verb.children):
        around.append(verb)
    return any(t.like_num or t.pos_ == "NUM" or t.lower_ in _FIGURE_WORDS for t in around)


def _predicate_noun(noun: Token, sent: Span) -> bool:
    """Is ``noun`` what a "be" clause says its subject is ("They are voracious consumers"), or has
    become or remains ("Queues have become an ominous sight")?"""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ in {"xcomp", "attr", "oprd"} and noun.head.lemma_.lower() in _LINKING:
        return True
    if noun.head.lemma_.lower() in _SEEN_AS and any(
        c.dep_ in {"case", "mark"} and c.lower_ == "as" for c in noun.children
    ):
        return True  # "is being hailed as an unprecedented boon"
    return noun.i == sent.root.i or any(c.dep_ == "cop" for c in noun.children)


def _counted(noun: Token, gone: set[int]) -> bool:
    """Does a kept number count or measure ``noun``'s things ("one elder child", "freshwater species
    declining by 76 %")? An adjective there says which things the number is true of."""
    return any(t.i not in gone and t.i != noun.i and t.pos_ == "NUM" for t in noun.subtree)


def _it_cleft(sent: Span) -> bool:
    """ "(But) it is/was X, that/where/who ...": the sentence exists for its clause."""
    words = [t for t in sent if not t.is_punct and t.pos_ != "CCONJ"][:2]
    return len(words) == 2 and words[0].lower_ == "it" and words[1].lemma_ == "be"


def _foreign_term(tok: Token, gone: set[int]) -> bool:
    """Is ``tok`` next to (or itself) a lower-case word English does not know ("baile funk"): part of a
    term from another language, whose parts the parser cannot tell apart?"""
    doc = tok.doc
    near = [
        doc[k] for k in (tok.i - 1, tok.i, tok.i + 1) if 0 <= k < len(doc) and (k == tok.i or k not in gone)
    ]
    return any(
        t.is_alpha and t.is_lower and len(t) > 2 and t.pos_ not in _FUNCTION and not getAllLemmas(t.lower_)
        for t in near
    )


def _next_is_cconj(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "CCONJ"


def _adjectival_participle(tok: Token) -> bool:
    """A past participle used as an adjective, without an auxiliary ("a [hurriedly] composed speech",
    "the group that is [highly] regarded" has one and is left to the qualifier list)."""
    return tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "aux:pass", "cop"} for c in tok.children)


def _between_modifiers(tok: Token, gone: set[int]) -> bool:
    """Is ``tok`` a modifier right after another kept modifier of the same noun ("antibiotic
    [resistant] bacteria", "the relatively low [reoffending] rate")? The first may modify it."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        before is not None
        and before.i not in gone
        and before.head == tok.head
        and before.dep_ in {"amod", "compound", "nmod"}
        and not before.is_punct
    )


def _in_clausal_subject(tok: Token) -> bool:
    """Is ``tok`` inside a clause that is the sentence's subject? Cutting there breaks the subject
    ("To squander the advantage we have gained ... would be unthinkable")."""
    node = tok
    while node.head != node:
        if node.dep_ in {"csubj", "csubj:pass"}:
            return True
        node = node.head
    return node.dep_ in {"csubj", "csubj:pass"}


def _nominal(tok: Token) -> bool:
    """A noun modifying a noun right after it ("moth larvae", even when tagged as an adjective)."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is None or after.i != tok.head.i:
        return False
    if after.pos_ not in {"NOUN", "PROPN"} and "NOUN" not in getAllLemmas(after.lower_):
        return False
    return tok.pos_ == "NOUN" or set(getAllLemmas(tok.lower_)) == {"NOUN"}


def _bare_predicate(verb: Token) -> bool:
    """A verb with no object or clause after it ("She spoke"): its adverb is what the sentence says."""
    return verb.pos_ == "VERB" and not any(c.dep_ in {"obj", "iobj", "ccomp", "xcomp"} for c in verb.children)


def _after_particle(tok: Token) -> bool:
    """Does ``tok`` complete a phrasal verb: right after its particle ("would show up [accurately]"),
    or its place phrase ("show up accurately [on the map]")?"""
    particles = [c for c in tok.head.children if c.dep_ == "compound:prt" and c.i < tok.i]
    if not particles:
        return False
    if tok.i - 1 == particles[0].i:
        return True
    return tok.dep_ == "obl" and preposition_of(tok) in _PLACE_PREPOSITIONS


def _existential(noun: Token) -> bool:
    """Is ``noun`` what a "there is" sentence is about ("there is a deeply serious message")?"""
    return noun.dep_ in {"nsubj", "attr"} and any(c.dep_ == "expl" for c in noun.head.children)


def _completes_placing(tok: Token, gone: set[int]) -> bool:
    """Is ``tok`` the place phrase right after a verb of placing or going ("placed [in a second
    chamber]"), which completes the verb (later ones, "in July", are adjuncts)?"""
    head = tok.head
    verb = head.head if head.lower_ in _PLACE_ADVERBS else head
    if head.i in gone or verb.lemma_.lower() not in _PLACING:
        return False
    if tok.dep_ == "advmod" and tok.lower_ in _PLACE_ADVERBS:
        return True  # "placed the mice [back in the first chamber]"
    if tok.dep_ != "obl":
        return False
    if head.lower_ in _PLACE_ADVERBS:
        return True  # "placed the mice back [in the first chamber]"
    first = next((c for c in head.rights if c.dep_.startswith("obl")), None)
    return first == tok and preposition_of(tok) in _PLACE_PREPOSITIONS


def preposition_of(tok: Token) -> str:
    """The preposition that opens ``tok``'s phrase ("in" for "in a second chamber"), or ""."""
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def _verbal(tok: Token) -> bool:
    """A verb parsed as a modifier ("[contain] high-quality protein") or a participle adjective ("an
    [injured] eye"): it says what happened to the noun."""
    forms = getAllLemmas(tok.lower_)
    if forms and set(forms) == {"VERB"}:
        return True
    return "VERB" in forms and tok.lower_.endswith(("ed", "ing"))


def _negated(tok: Token) -> bool:
    """Is ``tok`` negated ("were not picked up", "undetectable")? Its modifiers are the negation's scope."""
    if any(c.lower_ in {"not", "n't", "never", "no"} for c in tok.children):
        return True
    return tok.pos_ == "ADJ" and tok.lower_.startswith(("un", "non"))


def _clause_removed(removed: Sequence[Token], gone: set[int]) -> bool:
    """Are the removed words whole clauses (each top word a verb or a predicate with a subject)?"""
    tops = [t for t in removed if not t.is_punct and (t.head.i not in gone or t.head == t)]
    return all(
        t.pos_ in _CLAUSE_HEADS or any(c.dep_ in _SUBJECTS or c.dep_ == "cop" for c in t.children)
        for t in tops
    )


def _bare_verb(sent: Span, gone: set[int]) -> str | None:
    """An embedded verb left with nothing after it ("the first building to run [on solar power]")."""
    for tok in sent:
        verb = tok.pos_ == "VERB" or set(getAllLemmas(tok.lower_)) == {"VERB"}  # "rely" parsed as advmod
        if tok.i in gone or not verb or tok.i == sent.root.i:
            continue
        had = [c for c in tok.rights if not c.is_punct]
        if had and all(c.i in gone for c in had) and not any(c.dep_ in {"obj", "iobj"} for c in tok.children):
            return f"leaves {tok.text!r} without what completes it"
    return None


def substitution_problem(tok: Token) -> str | None:
    """Why ``tok`` should not be replaced by a synonym even when one fits its sense: it is part of a
    term ("radio tags", "fish-and-chip shop"), where a synonym of one part names something else."""
    if tok.dep_ in {"compound", "flat", "fixed"} or any(
        c.dep_ in {"compound", "fixed"} for c in tok.children
    ):
        return "part of a compound term"
    doc = tok.doc
    if (tok.i > 0 and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].text == "-") or (
        tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
    ):
        return "part of a hyphenated word"
    return None


def _finite_of(verb: Token) -> Token | None:
    if verb.tag_ in FINITE_TAGS:
        return verb
    return next(
        (c for c in verb.children if c.dep_ in {"aux", "aux:pass", "cop"} and c.tag_ in FINITE_TAGS), None
    )


def _disagrees(subject: Token) -> bool:
    """Subject-verb number disagreement ("the soldiers was", "the army have")."""
    finite = _finite_of(subject.head)
    if finite is None or finite.tag_ == "MD" or any(c.dep_ == "conj" for c in subject.children):
        return False
    if subject.lower_ in {"i", "you"} or subject.pos_ == "NUM" or subject.tag_ in _WH:
        return False
    number = subject.morph.get("Number", [])
    if not number:
        return False
    plural = number[0] == "Plur"
    form = finite.lower_
    if finite.tag_ == "VBZ" or form == "was":
        return plural
    if finite.tag_ == "VBP" or form == "were":
        return not plural and form != "were"  # "if it were": subjunctive
    return False


def _defects(sent: Span | Doc) -> Counter[str]:
    found: Counter[str] = Counter()
    tokens = [t for t in sent if not t.is_space]
    if not any(t.tag_ in FINITE_TAGS for t in tokens):
        found["no finite verb"] += 1
    if not any(t.dep_ in _SUBJECTS for t in tokens):
        found["no subject"] += 1
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        ends = nxt is None or (nxt.is_punct and nxt.text not in {"'", '"', "-"})
        if (tok.lower_ in _ARTICLES or tok.tag_ in {"PRP$", "POS"}) and (
            ends or (nxt is not None and nxt.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART"})
        ):
            found["determiner or possessive without its noun"] += 1
        if tok.lower_ in {"a", "an"} and nxt is not None and nxt.tag_ in {"NNS", "NNPS"}:
            found["determiner or possessive without its noun"] += 1  # "only a [few] factories"
        if tok.pos_ == "ADP" and tok.dep_ != "compound:prt" and ends:
            found["preposition without its noun"] += 1
        if tok.pos_ in {"CCONJ", "SCONJ"} and (ends or k == len(tokens) - 1):
            found["stranded conjunction"] += 1
        if tok.pos_ == "CCONJ" and nxt is not None and nxt.pos_ == "CCONJ":
            found["stranded conjunction"] += 1
        if tok.dep_ in {"nsubj", "nsubj:pass"} and _disagrees(tok):
            found["agreement"] += 1
    last = [t for t in tokens if not t.is_punct]
    if (
        last
        and (last[-1].tag_ == "MD" or last[-1].lemma_.lower() in {"be", "have", "do"})
        and not any(c.dep_ in {"obj", "xcomp", "ccomp", "attr"} for c in last[-1].children)
    ):
        found["stranded auxiliary"] += 1  # "they were told they had."
    dashes = sum(
        t.text in _DASHES and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
        for t in tokens
    )
    found["unpaired dash"] += dashes % 2
    if tokens and tokens[0].pos_ == "CCONJ" and len(tokens) > 1 and tokens[1].text == ",":
        found["stranded conjunction"] += 1
    return found


def substitution_changes_role(source: Span | Doc, edited: Span | Doc) -> bool:
    """Does a one-for-one word substitution change a word's part of speech ("her blackness" ->
    "her black")? Only judged when both sentences have the same number of tokens."""
    a, b = list(source), list(edited)
    if len(a) != len(b):
        return False
    return any(x.lower_ != y.lower_ and x.pos_ != y.pos_ for x, y in zip(a, b, strict=True))


def loses_words(source: Span | Doc, *edited: Span | Doc) -> str | None:
    """The qualifier ("instead of blowing out candles", "not") a rewrite lost, if any."""
    kept = {t.lower_ for part in edited for t in part}
    lost = [t.text for t in source if t.lower_ in QUALIFIERS and t.lower_ not in kept]
    return lost[0] if lost else None


def edit_problem(source: Span | Doc, *edited: Span | Doc) -> str | None:
    """Why the re-parsed ``edited`` sentence(s) are worse English than ``source``, or None.

    A split gives several sentences: each must have a finite verb and a subject when the source has
    them, and together they may not add a dangling word, a stranded conjunction or a disagreement.
    """
    before = _defects(source)
    after: Counter[str] = Counter()
    for part in edited:
        found = _defects(part)
        for whole in ("no finite verb", "no subject"):
            if found[whole] and not before[whole]:
                return f"the edit leaves a sentence with {whole}"
        after.update(found)
    for kind, count in after.items():
        if kind not in {"no finite verb", "no subject"} and count > before[kind]:
            return f"the edit adds a fault: {kind}"
    return None
