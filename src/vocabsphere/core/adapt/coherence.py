"""Coherence: which source sentences a kept sentence only makes sense after.

A level version keeps some sentences and leaves others out. A kept sentence that refers back to a
left-out one reads as nonsense to a learner: "Thut said ..." when the sentence introducing the
auctioneer Frederic Thut was cut, "The hotel launched an investigation" without the hotel, "She
believes ..." without her, a quotation without its speaker. ``dependencies`` finds, per sentence,
the earlier sentences it needs; content selection takes a sentence together with them (counted in
its word budget) or not at all. Plain text rules, no parser: names, definite descriptions and
openers that refer back.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise

from lemminflect import getInflection, getLemma

from vocabsphere.core.adapt.content import Unit

__all__ = [
    "attributed",
    "continues_how",
    "dependencies",
    "enumerations",
    "introduced_things",
    "last_named",
    "needs_previous",
    "refers_back",
    "tells_story",
    "with_dependencies",
    "without_turn",
]

# Openers that refer back to something said before: "She believes", "This development", "None found
# a buyer", "Both were ...", "Its report ...".
_REFERRING_TEXT = "he she they his her their this that these those such none neither both its it others"
_REFERRING = frozenset(_REFERRING_TEXT.split())
# "It is/was ..." usually opens with an empty subject ("It is difficult to ..."), not a reference.
_EMPTY_IT = re.compile(
    r"^it(?:'s|\s+(?:is|was|seems|seemed|appears|appeared|has been|will be))\b"
    r"(?!\s+(?:a|an|the|this|part|(?:all|just|only)\s+part)\b)"
    # "It was done to remove criticism": something done (or made, used ...) for a purpose, told before
    r"(?!\s+(?:done|made|used|built|designed|created|written|carried\s+out)\s+to\b)",
    re.I,
)  # "It is a question ...", "It is all part of the experience ..." refer back
# "..., he said he and the others present had ...": the speaker is whoever the sentence before named.
_SPEAKER = re.compile(
    r"\b(?:he|she|they|it)\s+(?:said|says|added|told|explained|argued|insisted|noted)\b", re.I
)  # '"... at risk," it says.': the report the sentence before named
# "gave this information", "confirmed this to be the case": what the sentence before said (only these
# nouns: "these false memories" in general use would tie most of a story together).
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these)\s+(?:information|news|claims?|reports?|development|move|decision|figures?"
    r"|results?|findings?|outcomes?|discovery"
    r"|problems?|difficulty|difficulties|concerns?|fears?|dangers?)\b"  # "can reduce these problems"
    r"|\b(?:this|that)(?=\s+to\s+be\b)"
    r"|\bthis\s+[\"“'‘]",  # 'this "land-sharing" approach'
    re.I,
)
_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers|they|them|their|theirs)\b")
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z]+|\b[A-Z]{2,}s?\b")  # "MOOCs ..., but they": letters name too
# Looked for anywhere in a quotation's text, "according to" too; fewer forms than
# ``text.saying.SAYING_FORMS`` (no "warned", "insisted"): such a quotation stays with the sentence before.
_SAYING = ("said", "says", "told", "added", "asked", "explained", "according to", "wrote")
# A person's or body's full name on first mention ("Frederic Thut", "Susumu Tonagawa"); later
# mentions use the last word alone ("Thut said").
# "McLaughlin", "MacLeod", "O'Mara", "al-Mamun" too; "LaToya", "DeShawn": a given name's inner capital
_NAME = r"(?:Mc|Mac|O['’]|al-|el-)?[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?"
# "Maria van der Hoeven", "Juan de la Cruz": up to two lower-case particles before the last name
_PARTICLES = r"(?:(?:de|van|von|da|der|den|del|della|di|du|la|le|dos|das)\s+){0,2}"
_FULL_NAME = re.compile(rf"\b{_NAME}(?:\s+{_PARTICLES}{_NAME}){{1,3}}\b")
# Capitalised words that open sentences or name months and days: never the start of a name.
_NOT_NAME_TEXT = (
    "the a an and but or so yet if when while as at in on of for to from by with after before since "
    "this that these those his her their its our my your we they he she it there here then now "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr professor president "
    "prime minister"
)
_NOT_NAME = frozenset(_NOT_NAME_TEXT.split())
# "the Danish restaurant Noma", "the auctioneer Thut": a common noun, then the one-word name.
_DESCRIBED = re.compile(
    r"\b(?:the|a|an)\s+(?:[A-Za-z-]+\s+){0,2}[a-z]{3,}\s+([A-Z][a-zà-ÿ]{2,})\b(?![\s-]+[A-Z])"
)
# "Inky - a common New Zealand octopus - made his dash": a one-word name and what it is.
_APPOSED = re.compile(
    r"\b([A-Z][a-z]{2,}|[A-Z]\w*[a-z][A-Z]\w*(?:\.[a-z]{2,4})?|[A-Z]{3,})\s*(?:-|–|—|,)\s*(?:a|an)\s+[a-z]+"
)  # "Inky - a common octopus", "BetterBoyfriend.me, a service", "SOHAY, a grassroots NGO"
# "the first phase, called Noor 1, will go live": a name the story then uses alone ("Noor 1 itself").
_CALLED = re.compile(r"\b(?:called|named|dubbed)\s+([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d+))*)")
# "especially its official title, Spectre": a film's or book's name, which the story then uses alone
# ("can Spectre repeat ...?").
_TITLED = re.compile(r"\b(?:title|name)(?:\s+is)?\s*[,:]\s+([A-Z][a-z]{2,})\b(?![\s-]+[A-Z])")
_BE_FORMS = frozenset(["be", "is", "are", "was", "were", "been", "being", "get", "gets", "got"])
# "the Accell Group": a body's one-word name, which the story then uses alone ("Accell owns ...").
_BODY_NAMED = re.compile(
    r"\bthe\s+([A-Z][a-z]{2,})\s+(?:Group|Company|Corporation|Foundation|Institute|Trust|Association|Agency)\b"
    # "analysts at Acme bank": the name, then what it is in lower case ("Acme saw ..." later)
    r"|(?<=\s)([A-Z][a-z]{2,})\s+(?:bank|firm|group|company|agency|charity)\b"
)
# Arabic name particles: "Mohammed Abdullah al-Mamun" is "Mamun" later.
_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|ul)-(?=[A-Z])")
# "Not the Argentinian ... Lionel Messi, but Junior Messi Enguene": corrects the sentence before.
_CORRECTION = re.compile(r"^not\s", re.I)
# "on a bus" ... "the attack on the bus", "has produced a guide" ... "The guide says": a thing the
# story introduces with "a" and later calls "the" (words too common to link sentences left out).
# The word after the article and the one after that (a modifier may come first); lookaheads let
# "a protein called channelrhodopsin" yield both "protein" and "channelrhodopsin".
_INDEFINITE = re.compile(r"\b(?:a|an|called)\s+(?=([a-z-]+)(?:\s+([a-z-]+))?)", re.I)
_DEFINITE_ANY = re.compile(r"\bthe\s+(?=([a-z-]+)(?:\s+([a-z-]+))?)", re.I)
_TOO_COMMON_TEXT = (
    "time year years week month people world country way thing number part place case first last next "
    "same other most more many such best group team government state city town home work life "
    "man men day new old one two top end lot few bit known second third"
)
_TOO_COMMON = frozenset(_TOO_COMMON_TEXT.split())
_THING_LETTERS = 3  # "a bus" ... "the bus"
_SPECIFIC = 3  # a thing named in at most this many sentences is a detail the reader must be told of
_NOT_THINGS = ("ed", "ing", "ly")  # "a technique known as", "a fast-growing": not what "the" names
_DEFINITE = re.compile(r"^(?:The|This|These|Those)\s+(\w+(?:-\w+)*)(?:\s+(\w+))?")
_SHORT_WORDS = 4  # "The man", "The area": too common to tie to the sentence before
# Plans and rules a story names in many ways ("code of conduct" ... "The policy"): "The policy"
# opening a sentence is the one the sentence before told of, whatever it called it.
_MEASURES_TEXT = "policy plan scheme programme program project code law measure strategy initiative proposal"
_MEASURES = frozenset(_MEASURES_TEXT.split())
_LOOK_BACK = 3  # sentences searched for what a definite description names
# Events a story tells with a verb and later calls by a noun ("she spoke at the UN" ... "The speech";
# "a meteor exploded" ... "The event caused panic"): noun -> the words that tell of it. "The event"
# opening a sentence is the one told before, wherever that was; with no telling of it, the one just
# before (a kept "The event, dubbed X Day, ..." without the event is a loose end).
_EVENTS: dict[str, frozenset[str]] = {
    noun: frozenset(forms.split())
    for noun, forms in {
        "event": "event events",
        "ceremony": "ceremony ceremonies",
        "speech": "speech speeches speak speaks spoke spoken speaking",
        "meeting": "meeting meetings meet meets met",
        "attack": "attack attacks attacked attacking",
        "incident": "incident incidents",
        "announcement": "announcement announcements announce announces announced announcing",
        "decision": "decision decisions decide decides decided deciding",
        "visit": "visit visits visited visiting",
        # "The move, to be debated in parliament, ..." after "the government is considering ...": the
        # step a body plans or takes
        "move": "move moves moved moving consider considers considered considering propose proposes "
        "proposed proposal plan plans planned planning",
    }.items()
}
# "But", "However," and a fronted adverb ("Initially, these were ...") come before the reference.
_CONNECTIVE = re.compile(
    r"^(?:(?:but|and|so|yet|still|however|instead|then)\b,?|[a-z]+ly,"
    r"|(?:of course|in fact|indeed|after all|all of a sudden),)\s*",
    re.I,
)  # stripped repeatedly: "But, of course, it is an image of brutality" refers back
# An "it" that points forward to a clause ("It is difficult to ...", "It was clear that ..."); without
# one, "It was very powerful and painful" is about something named before.
_EXTRAPOSED = re.compile(
    r"^it\W*\s+\S+\s+(?:\S+\s+){0,5}?(?:to|that|whether|if|how|what|why|when|who|for)\b", re.I
)  # within a few words: "It is lowered beneath the sky, as if ..." is about something named before
# "In the same week, ...", "That same day": the time of what the sentence before told.
_SAME_TIME = re.compile(r"^(?:(?:in|on|at|during|by|within|over)\s+the\s+same|that\s+same)\s+[a-z]+", re.I)
# "People need to know that.", "Dancevic disagreed.": about what the sentence before said.
_POINTS_BACK = re.compile(
    r"\b(?:know|do|did|does|say|said|mean|means|believe)\s+(?:this|that)\s*[.!?]\W*$"
    r"|^\w+(?:\s+\w+)?\s+(?:dis)?agree[sd]?\s*[.!]\W*$"
    r"|\bto explain\s*[.!]\W*$"  # "Europol asked Luxembourg's central bank to explain.": explain what?
    # "Other cities have not promised to do the same.": what the sentence before told of
    r"|\b(?:do|does|did|doing|done)\s+(?:exactly\s+|just\s+)?the\s+same(?:\s+thing)?\b(?!\s+as\b)"
    # "Jones believes the whole approach can only help.": the approach the sentences before told of
    r"|\bthe\s+whole\s+(?:approach|process|system|scheme|plan|idea|thing|business|affair|operation"
    r"|exercise|arrangement|set-up|setup)\b(?!\s+(?:of|to|for|that|which)\b)"
    # "Some people call it 'the hotel of mum and dad'.": what "it" is, the sentence next to it tells
    r"|\b(?:call|calls|called|dub|dubs|dubbed|nickname|nicknames|nicknamed)\s+(?:it|them)\b",
    re.I,
)
# "Churches take on the burden one night at a time": the task the sentence before told of (not "the
# burden of debt", "the burden on resources", which say which).
_TASK_BACK = re.compile(
    r"\b(?:take|takes|took|taken|taking)\s+on\s+the\s+(?:burden|task|job|role|challenge)\b(?!\s+(?:of|on|to)\b)"
    r"|\b(?:share|shares|shared|sharing|bear|bears|bore|shoulder|shoulders|shouldered)\s+the\s+"
    r"(?:burden|load|cost)\b(?!\s+(?:of|on)\b)",
    re.I,
)
# "Some believe this has led to a fall in crime.": "this" in the words said or believed is what the
# sentence before told.
_BELIEVED_THIS = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}(?:believe|believes|believed|think|thinks|thought|say|says|said|argue|argues"
    r"|argued|claim|claims|claimed|fear|fears|feared|suggest|suggests|suggested)\s+"
    r"(?:that\s+(?:this|that|these|those)|this|these|those)\s+(?:has|have|had|is|are|was|were|will|would"
    r"|could|can|may|might|led|leads|means|meant|shows|showed|helps|helped)\b",
    re.I,
)
# "the International Energy Agency (IEA)": the letters the story then uses alone ("the IEA said").
_ACRONYM = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|on|in|the|&)\s+)*[A-Z][\w'’-]*)+\s+\(([A-Z][A-Za-z]{1,7})\)"
)
# Letters a learner knows without their words.
_KNOWN_ACRONYMS_TEXT = "UN US UK EU USA NATO BBC NASA FBI CIA WHO NHS UNESCO UNICEF GDP CEO"
_KNOWN_ACRONYMS = frozenset(_KNOWN_ACRONYMS_TEXT.split())
# "There are plenty of people, however, that would.", "But Ann's does.": would do what the sentence
# before told (a verb left out after its auxiliary); in a longer sentence only after "that"/"who"
# ("the things a whale does", "when only 19% do" leave out a verb of their own sentence).
_ELLIPSIS_WORDS = 10
_AUXILIARY_END = r"(?:would|could|should|will|can|do|does|did|might|must)(?:n['’]t|\s+not)?\s*[.!]\W*$"
_ELLIPSIS_SHORT = re.compile(rf"(?<!\bto )\b{_AUXILIARY_END}", re.I)
_ELLIPSIS_RELATIVE = re.compile(rf"\b(?:that|who)\s+{_AUXILIARY_END}", re.I)
# "Later, a donation ...", "Even then it was rejected": the next step of what the sentence before told.
_SEQUEL = re.compile(
    r"^(?:later,|afterwards\b|even then\b|since then\b|after that\b|by then\b|until then\b"
    r"|first of all\b|first,|now,"  # "Now, the sea spray is ...": now, as against the past told before
    r"|in the meantime\b"  # "In the meantime, Cuba has ...": while what the sentence before told waits
    r"|in other words\b|that is to say\b)",  # "In other words, do not go near the border": says it again
    re.I,
)
# "Similarly, names ... are turned down", "Nor is it clear ...", "Likewise ...": compares with or adds
# to the point the sentence before made (checked before "Similarly," is stripped as a fronted adverb).
_COMPARES = re.compile(
    r"^(?:(?:and|but)\s+)?(?:similarly|likewise|equally|nor|also(?!\s+(?:known|called)\b))\b"
    # "Furthermore, a study suggested the 'pause' ...": one more point for the one the sentence before made
    r"|^(?:furthermore|moreover|in addition|what's more|what’s more|besides)\s*,",
    re.I,
)
# "Indeed, a study found ...", "Nevertheless, the brand has remained ...": confirms or concedes the
# point the sentence before made (checked before "Indeed," is stripped as a connective).
_CONCEDES = re.compile(
    r"^(?:(?:and|but),?\s+)?(?:indeed|nevertheless|nonetheless|even so|all the same),", re.I
)
# "Wind and hydro will make up the other two-thirds.": the rest of a share the story gave before.
_OTHER_SHARE = re.compile(
    r"\bthe\s+(?:other|remaining)\s+(?:half|third|two-thirds|quarter|three-quarters|fifth"
    r"|[\d.]+\s*(?:%|per\s*cent\b|percent\b))",
    re.I,
)
# "Eon now has full control of both books": the two the sentence before named ("both sides", "both
# the US and Britain", "both men and women" say which themselves).
_BOTH = re.compile(
    r"\b(?:of|in|at|from|for|with|on|by|to|between|over)\s+both\s+"
    r"(?!(?:the|of|sides|sexes|hands|ends|parents|ways|directions|feet|eyes|legs|arms)\b)"
    r"[a-z]{3,}s\b(?!\s+and\b)",
    re.I,
)
# "And the effects were already beginning ...": a sentence opening with "And" goes on from the one
# before (in a quotation too, whose sentence before is the speaker's).
_AND = re.compile(r"^and\b", re.I)
# "For two decades, those estimates have run ...", "In reality, both processes occur": a demonstrative
# and its noun after a short fronted phrase ("this year", "this week" tell a time, not what the
# sentence before told).
_FRONTED_DEMONSTRATIVE = re.compile(
    r"^(?:[\w'’-]+\s+){0,4}[\w'’-]+,\s+(?:this|that|these|those|both)\s+"
    r"(?!(?:year|week|month|morning|afternoon|evening|weekend|summer|winter|spring|autumn|season)s?\b)"
    r"[a-z]{3,}",
    re.I,
)
# "For Britain, this is likely to be part of the explanation", "Aside from the holes, that pretty much
# describes today's machine": "this"/"that" as the subject after a fronted phrase (not a fronted clause,
# "If it rains, this means ...", whose own verb it may be about).
_FRONTED_PRONOUN = re.compile(
    r"^(?!(?:if|when|whenever|as|because|since|while|although|though|once|after|before|unless|until)\b)"
    r"(?:[\w'’-]+\s+){0,7}[\w'’-]+,\s+(?:this|that)\s+(?:is|was|has|had|will|would|can|could|may|might"
    r"|must|should|does|did|seems|seemed|means|meant|pretty|just|also|only|really|still|probably|surely)\b",
    re.I,
)
# "The good news is that this is now starting to happen.": what "this" is, the sentence before told.
_THAT_THIS = re.compile(
    r"^(?:[\w'’-]+\s+){1,6}(?:is|was)\s+that\s+(?:this|these|those)\s+(?:is|are|was|were|has|have|had|will"
    r"|would|can|could)\b",
    re.I,
)
# "What this means in practice is that ...": what "this" is, the sentence before told.
# "There are more southern white rhinos." (no "than"): more than the sentence before told of
_THERE_MORE = re.compile(
    r"^there\s+(?:is|are|was|were|will\s+be)\s+(?:(?:now|also|even|still|far|many|much)\s+)?"
    r"(?:more|fewer|less)\b(?!\s+and\s+(?:more|fewer|less)\b)(?!.*\bthan\b)",  # not "more and more"
    re.I,
)
_WHAT_THIS = re.compile(r"^what\s+(?:this|that|these|those|it)\s+(?:means?|meant|shows?|showed)\b", re.I)
# "There, it is mixed with water ...": the place the sentence before told of.
_THERE = re.compile(r"^there,", re.I)
# "At 35 %, South Korea's workers are even worse off.": a share of what the sentence before counted.
_BARE_SHARE = re.compile(
    r"^(?:at|with|on|by|from|to)\s+(?:(?:about|around|nearly|almost|just|only|over|under)\s+)?"
    r"[\d.,]+\s*(?:%|per\s*cent\b|percent\b)\s*,",
    re.I,
)
# "Krystian Zimerman returned moments later and ...": later than what the sentence before told.
_LATER = re.compile(
    r"^(?:[\w'’-]+\s+){0,6}?(?:moment|second|minute|hour|day|week|month|year|decade)s?\s+later\b"
    r"(?!\s+than\b)",
    re.I,
)
# '"You can't even sing," Beyoncé told him.': the one told, whom the sentence before named.
_TOLD_WHOM = re.compile(r"\b(?:told|asked)\s+(?:him|her|them)\s*[.!?]?[\"'’”]?\s*$", re.I)
# "Firstly, ...": the first of the things the sentence before announced ("a couple of snags").
_FIRSTLY = re.compile(r"^[\"'‘“]?(?:firstly|first of all|first),", re.I)
# '"...," a spokesman said.': whose spokesman the sentence before told.
_WHOSE_SPOKESMAN = re.compile(r"\ba\s+spokes(?:man|woman|person)\b(?!\s+(?:for|of|at)\b)", re.I)
# "the two events", "these three men": things the sentence before told of.
_COUNTED_BACK = re.compile(r"\b(?:the|these|those)\s+(?:two|three|four)\s+(?!of\b)[a-z]{3,}s\b", re.I)
# "Two others were hurt", "The metadata from two others suggested ...": others than the one(s) the
# sentence before told of. Only as the opening subject: "a man and two others" counts within its sentence.
_OTHERS_BACK = re.compile(
    r"^(?:the\s+[a-z]+\s+(?:from|of|for)\s+)?(?:the|two|three|four|five|several)\s+others\b", re.I
)
# "Metal grilles block the windows of another, which ...": "another" standing alone is one more of
# what the sentence before told of ("another derelict mansion"); "one another", "one after another"
# and "one way or another" are no such thing.
_ANOTHER_ALONE = re.compile(r"(?<!\bone )(?<!\bafter )(?<!\bor )\banother(?=\s*[,.;:!?])", re.I)
# "the Tesco store" ("TV sales at the Tesco store began"): one store of the name the story told of
# before; a nationality ("the German factory") says no more than the word itself.
_NAMED_PLACE = re.compile(
    r"\b[Tt]he\s+([A-Z][a-z]{2,})\s+(?:store|shop|supermarket|branch|factory|plant|site|office|hotel"
    r"|restaurant|hospital|camp|station|mine|farm|club)s?\b"
)
_NATIONALITY = re.compile(r"(?:an|ish|ese|ch|i)$")
# "Inside one mansion, water drips ...": the place the rest of its paragraph describes ("The swimming
# pool is filled with dirty water"); "At one point," is a time, not a place.
_SCENE = re.compile(
    r"^(?:inside|in|at|outside)\s+one\s+(?!(?:time|point|stage|moment|day|occasion)\b)[a-z]{3,},", re.I
)
# "such problems" (not "such as"), "the dealer behind that auction": what the sentence before named.
_SUCH = re.compile(
    r"\bsuch\s+(?!as\b)[a-z]+|\b(?:of|in|at|from|behind|by|for|on|with|after)\s+(?:that|those|these)\s+[a-z]{3,}"
    r"|\bthose\s+present\b",
    re.I,
)
# "the 20-30% target" after "a target of 20-30% no-take areas": a thing the story counted before.
_NUMBERED_THING = re.compile(r"\bthe\s+(\d[\d.,-]*)\s*(?:%|per\s*cent\b)?\s*([a-z]{4,})\b")
# "another estimate", "a second figure": set beside a figure the story gave, whatever it called it
_FIGURE_NOUNS = frozenset(["estimate", "figure", "calculation", "count"])
_FIGURE = re.compile(
    r"\d\s*(?:%|per\s*cent\b|percent\b)|\b(?:half|a (?:quarter|third|fifth|tenth)) of\b", re.I
)
# "the same mice were placed in a second chamber": the mice and the chamber told of before.
_AGAIN = re.compile(r"\b(?:the same|a second|(?<!one )another)\s+([a-z]{3,})\b", re.I)  # not "one another"
# "A further 600,000 serve as reserve soldiers": more of what the sentence before counted.
_CONTINUING = re.compile(
    r"^(?:another|a further|the other|the latter|the former|a similar)\b|^in one,"
    r"|^other\s+(?!than\b)[a-z]+\s+(?:of|in|at|from)\b"  # "Other members of the ECB's board": than whom?
    # "Only one survived.": of the people the sentence before told of
    r"|^(?:(?:only|just|at least|all but)\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|dozens|hundreds|thousands|(?!(?:1[89]|20)\d\d\b)\d[\d,.]*)"  # a number, not a year ("2015 was")
    r"\s+(?:have|has|had|are|were|is|was|will|would|can|could|did|does"  # "Ten have been closed": of what?
    r"|[a-z]+ed|fled|won|lost|left|fell|went|came)\b"
    r"|^(?:almost |nearly |virtually )?(?:all|most|many|some|several|half)"
    # "Almost all suffered": all of what?
    r"\s+(?:have|has|had|are|were|is|was|will|would|can|could|did|do|does|[a-z]+ed)\b"
    r"|^(?:for|despite|because of|by|after) (?:this|that)\b"  # "By this account", "For that, they earn"
    r"|^(?:contrast|compare|consider|take|remember|imagine) this\b"  # "Contrast this with Brooks"
    r"|^in the (?:first|second|third|last|former|latter),"  # "In the first, she looked darker"
    r"|^in (?:this|that|the same) way\b|^the same\b"  # "In this way, they named ...": the way told before
    r"|^the (?:end |final |net )?results? (?:is|was|are|were)\b"  # "The end result is ...": of what?
    r"|^(?:about |some |nearly |almost |another )?[\d,.]+ more\b"  # "About 780 more children ..."
    # "Around €12m was taken away": money the sentence before found (or stole, or paid)
    r"|^(?:(?:around|about|nearly|almost|some|over|roughly|more than)\s+)?[€$£]\s?\d[\d.,]*\s*"
    r"(?:m|bn|k|million|billion)?\s+(?:was|were|had been|has been|have been)\s+[a-z]+\b"
    r"|^the (?:first|second|third|fourth|fifth|last) (?:is|was|are|were)\b"  # "The second is ...": of what?
    r"|^the (?:hope|aim|idea|goal|intention) (?:is|was)\b",  # "The hope is to ...": whose?
    re.I,
)
# "Vallone says at Maureen's Haven, a charity ...": the words said are in the sentence before.
_SAID_WHERE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,3}(?:says|said|adds|added|explains|explained|writes|wrote)\s+"
    r"(?:at|in|on|from|during|after)\b"  # "Mitchell wrote in a piece for ...": the words are before
)
# "Revenue fell from $405m to $392m.": a change with no time of its own is over the period the
# sentence before told (a year, a quarter).
_BARE_CHANGE = re.compile(
    r"^(?:[\w'’-]+\s+)?[\w'’-]+\s+(?:fell|rose|dropped|grew|increased|decreased|climbed|jumped|slipped)\s+"
    r"(?:by\s+(?:\S+\s+){1,3})?from\b",
    re.I,
)
# "Not that this seems to worry her.", "By contrast, the new test ...": what the sentence before told.
_SET_AGAINST = re.compile(r"^(?:not that\b|(?:by|in) contrast\b(?!\s+(?:to|with)\b)|conversely\b)", re.I)
# "There has been doubt about its value.": whose value, the sentence before told ("there" names nothing).
_THERE_ITS = re.compile(
    r"^there\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be)\b[^.;:]*\b(?:its|their)\b",
    re.I,
)
# '"We are losing," the reporter, Ana Ruiz, said.': which reporter, the sentence before told.
_THE_SPEAKER = re.compile(r"[,.!?][”\"]\s+the\s+([a-z]{4,}),\s+[A-Z]")
# "Sales climbed again in June.": back up (or down) after the change the sentence before told of.
_CHANGED_AGAIN = re.compile(
    r"\b(?:rose|rise|rises|fell|fall|falls|increased|decreased|dropped|grew|climbed|recovered|jumped"
    r"|slipped|went\s+(?:up|down)|picked\s+up)\s+again\b",
    re.I,
)
_A_TIME = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:quarter|month|year|week|decade)s?\b", re.I)
# "Schools have therefore been quick to ...", "Thus, ...": a consequence of what the sentence before told.
_CONSEQUENCE = re.compile(
    r"^(?:[\w'’-]+,?\s+){0,5}?(?:therefore|thus|consequently|hence)\b|^as a result\b(?!\s+of\b)", re.I
)
# A sentence that goes on from how the sentence before did something ("In this way, ...", "The same
# technique ..."): that sentence is kept whole, or the way it told of is gone.
_HOW_BEFORE = re.compile(
    r"^(?:in (?:this|that|the same) way"
    r"|the same (?:technique|method|approach|process|trick|tool|strategy)s?)\b",
    re.I,
)
# The parts of one enumeration are kept or cut together: "In the first, ..." / "In the second, ...",
# "One ..." / "The other ...", "Some ..." / "Others ...".
_ENUM_FIRST = re.compile(
    r"^(?:in\s+)?the\s+first(?:,|\s+(?:is|was|are|were)\b)|^first(?:ly)?,|^one\s+(?!of\b)|^some\b(?!\s+of\b)",
    re.I,
)
_ENUM_NEXT = re.compile(
    r"^(?:in\s+)?the\s+(?:second|third|other|latter)\b|^(?:second|third)(?:ly)?,|^others\b", re.I
)
# The last step of a procedure sets up what comes of it: "In the final part of the experiment, the
# team placed the mice back in the first chamber." means nothing without "The mice froze ...".
_QUOTE_OPENERS = "'\"‘“"
_LAST_STEP = re.compile(
    r"^(?:(?:in|for)\s+the\s+(?:final|last)\s+(?:part|stage|step|phase|round|test)\b|finally,|in\s+the\s+end,)",
    re.I,
)
# "Not many classes have a tea break. But Margaret's does.": a lead that sets up what the next sentence
# of its paragraph turns round tells nothing of the story alone (issue 14: the central event is kept).
_TURN = re.compile(r"^[\"'‘“]?(?:but|yet|however)\b", re.I)
# "The scientists next delved into more personal territory.": announces what the next sentence tells.
_NEXT_STEP = re.compile(r"^(?:[\w'’-]+\s+){1,3}next\s+[a-z]+ed\b", re.I)
# "Behind the jokes there is a deeply serious message.": a sentence that ends by announcing a message,
# a reason or a problem is a loose end without the next sentence, which tells it.
_ANNOUNCES = re.compile(
    r"\bthere\s+(?:is|was|are|were)\s+(?:a|an|one|another|two|three|several)\s+(?:[\w'’-]+\s+){0,3}"
    # "But there are a couple of serious problems.": the sentences after tell them
    r"(?:message|lesson|point|reason|problem|catch|twist|warning|explanation|secret|snag)s?\W*$"
    # "Miami's difficulties are threefold.": the sentences after tell the three
    r"|\b(?:is|are|was|were)\s+(?:twofold|threefold|fourfold|fivefold)\s*[.:]\W*$"
    # "..., and, for the first time, the researchers revealed how.": the next sentences tell how
    r"|\b(?:reveal|explain|show|describ|tell|told|discover|demonstrat|learn)[a-z]*\s+(?:how|why)\s*[.:]\W*$"
    # "Then, there's online banking.", "There's also the weather.": a topic the next sentence tells of
    r"|^(?:then|and|next|finally|also),?\s+there(?:'s|’s|\s+is|\s+are)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*\.$"
    r"|^there(?:'s|’s|\s+is|\s+are)\s+also\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*\.$"
    # "But the project was triggered by more immediate concerns, she said.": the next sentences tell them
    r"|\b(?:more|other|different)\s+(?:[a-z]+\s+)?(?:concerns|reasons|motives|worries|considerations)"
    r"(?:,\s+(?:he|she|they|[A-Z][\w'’-]*)\s+(?:said|says|added|explained))?\s*[.:]\W*$"
    # "The new rules will change the school in two ways.": the sentences after give the ways ("in
    # many ways" closes a claim of its own)
    r"|\bin\s+(?:two|three|four|five|several|a\s+few|a\s+couple\s+of|a\s+number\s+of)\s+"
    r"(?:[a-z]+\s+)?ways\s*[.:]\W*$"
    # "Here are three of the key trends that will shape the industry.": the sentences after tell them
    r"|^here\s+(?:are|is)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|some|several)\b"
    r"[^.!?]*[.:]\W*$",
    re.I,
)
# "Her brother is different.": a short sentence that sets its subject apart from what the sentence
# before told (alone, different from what?) and that the next sentence of its paragraph explains.
_SET_APART = re.compile(
    r"^(?:but|yet|however|now)?,?\s*(?:[\w'’-]+\s+){1,4}(?:is|are|was|were)\s+"
    r"(?:(?:very|quite|rather|completely|totally|entirely|a\s+(?:little|bit))\s+)?different"
    r"(?:,?\s+(?:now|today|though|however|this\s+time))?\s*[.!]\W*$",
    re.I,
)
# "..., she stood up at the UN to deliver a defiant riposte.", "... has generated its own response.": a
# sentence that ends on the reply it announces is a loose end without the next sentence of its
# paragraph, which gives it (the quotation, the petition).
_ANNOUNCED_REPLY = re.compile(
    # after a verb of giving or drawing one: "to encode a fear response" tells what it is
    r"\b(?:deliver|give|gave|generat|draw|drew|prompt|provok|issu|offer|fire|sen[dt]|receiv|got|get"
    r"|elicit|trigger|spark)[a-z]*\s+(?:a|an|its|their|his|her)\s+(?:own\s+)?(?:[\w'’-]+\s+){0,2}"
    r"(?:response|reply|riposte|retort|rebuttal|rejoinder|answer)\s*[.:]\W*$",
    re.I,
)
# "... designed to give workers privacy." then "Instead, it became a way to cram employees ...": the
# sentence after a set-up says what came of it; the set-up alone tells the opposite of the story.
_INSTEAD = re.compile(r"^[\"'‘“]?(?:but\s+)?(?:instead\b(?!\s+of\b)|in\s+(?:reality|practice),)", re.I)
# "Traditionally, presents such as sweets are sent with invitations." then "But, now, these presents are
# being replaced ...": how things were is told for the change the next sentence tells.
_HOW_IT_WAS = re.compile(
    r"^[\"'‘“]?(?:traditionally|historically|in the past|in the old days|originally|at first"
    r"|for (?:years|decades|centuries)|until (?:recently|now))\b",
    re.I,
)
_NOW_TURN = re.compile(r"^[\"'‘“]?(?:but|however|yet|now|today|these days|nowadays)\b", re.I)


def _sets_up_change(text: str, after: str) -> bool:
    """Does ``text`` tell how things were ("Traditionally, ...", "For decades, ...") and ``after``, the
    next sentence of its paragraph, turn to how they are ("But, now, ...")?"""
    return _HOW_IT_WAS.match(text) is not None and _NOW_TURN.match(after) is not None


# "As 16th birthdays go, it was among the more unusual. Instead of blowing out candles on a cake, Malala
# sat ...": what "instead of" sets against, the sentence before sets up (the birthday).
_INSTEAD_OF = re.compile(r"^[\"'‘“]?(?:but\s+)?instead\s+of\b", re.I)
# "He has refused to retract the comments." then '"I could have said, 'Oh, I misspoke', but I am not
# big on that," Trump told the crowd.': the speaker's words answer the stance the sentence before
# reports, and alone they answer nothing.
_STANCE = re.compile(
    r"\b(?:refus|declin(?=e[sd]?\s+to\b)|den(?:y|ies|ied)|insist|reject|retract|apologi[sz]|defend"
    r"|stood\s+by|stands?\s+by|back(?:s|ed)?\s+down|admit|conced)[a-z]*\b",  # not "declining numbers"
    re.I,
)
_QUOTE_SPEAKER = re.compile(
    r"[,.!?…][’”\"']\s+(?:([A-Z][\w'’-]+)|(he|she))\s+(?:said|says|told|added|adds|insisted|insists|explained)\b"
    r"|[,.!?…][’”\"']\s+(?:said|says|added|adds)\s+([A-Z][\w'’-]+)\b"
)
# "Technology has also played a part.": "also" adds to what the sentence before told.
# "The Senate too remained little changed", "Ann, too, voted no": "too" after the subject adds the
# same to what the sentence before told ("too late", "too many" say how much).
_ALSO = re.compile(
    r"^(?:[\w'’-]+\s+){1,4}also\b"
    # "The number of extremely wealthy people has also been climbing": a longer subject, then "also"
    # after its auxiliary
    r"|^(?:[\w'’-]+\s+){4,8}(?:has|have|had|is|are|was|were)\s+also\b"
    r"|^(?:[\w'’-]+\s+){0,3}[\w'’-]+,?\s+too(?:,|\s+(?:is|was|are|were|has|have|had|will|would|can|could"
    r"|[a-z]+ed)\b)",
    re.I,
)
# "That is now thought unlikely by scientists, but ...", "This turned out to be wrong.": the sentence
# after a claim says it is doubtful or no longer so; the claim is not kept without it.
_DOUBTS_BEFORE = re.compile(
    r"^(?:but|however|yet)?,?\s*(?:that|this)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:unlikely|wrong|false|untrue|mistaken|exaggerated|overstated|incorrect|doubtful|disputed|denied"
    r"|unfounded|not\s+(?:true|the\s+case)|no\s+longer)\b",
    re.I,
)
# A sentence that says a claim is doubtful ("Newsweek cautioned that Korotchenko's statements
# appeared to be unfounded") stays with every kept claim of the person it names.
_CHALLENGE_TEXT = (
    "unfounded unconfirmed unverified unproven baseless untrue denied denies deny disputed disputes "
    "refuted debunked propaganda cautioned"
)
_CHALLENGE = frozenset(_CHALLENGE_TEXT.split())


# "But, with enough testing, he is confident ...": a turn from what the sentence before said.
# 'But "the plan" ...' stays; so do "But for the rain, ..." (= without) and "However hard they tried, ..."
# (a degree, not a turn: only "However," with its comma is one).
_OPENING_TURN = re.compile(r"^(?:but\b(?!\s+for\b),?|however,)\s+(?=\w)", re.I)


def without_turn(text: str) -> str:
    """``text`` without an opening "But" or "However," ("But, with enough testing, he is confident"
    -> "With enough testing, he is confident"), for a sentence kept without the one before it in the
    source: the turn would set it against a sentence the reader never sees."""
    found = _OPENING_TURN.match(text)
    if found is None:
        return text
    rest = text[found.end() :]
    return rest[:1].upper() + rest[1:]


def continues_how(text: str) -> bool:
    """Does ``text`` go on from the way the sentence before did something ("In this way, they named
    the city", "The same technique gave them ...")? Then that sentence is not shortened."""
    return _HOW_BEFORE.match(_opening(text)) is not None


def _unnamed_person(text: str) -> bool:
    """A "he"/"she"/"they" with no name before it in the sentence ("..., he said.")."""
    found = _PERSON.search(text)
    if found is None:
        return False
    names = [w for w in _NAME_WORD.findall(text[: found.start()]) if w.lower() not in _NOT_NAME]
    return not names  # "On Friday he ruled": a day is no name


def attributed(text: str) -> bool:
    """Does the quotation ``text`` name who says it ("..., he said.")?"""
    return any(word in text for word in _SAYING)


def needs_previous(unit: Unit, previous: Unit) -> bool:
    """Does ``unit`` only make sense after ``previous``: it opens by referring back ("She believes",
    "This development", "None found a buyer") or is a quotation whose speaker is named before it, in
    the same paragraph?"""
    if not unit.text.strip():
        return False
    if refers_back(unit.text) or _SUCH.search(unit.text):
        return True
    if unit.text[0] not in "'\"‘“":
        return False
    if previous.paragraph != unit.paragraph:
        return unit.text[0] in '"“' and _left_open(previous.text)  # a quotation run on to a new paragraph
    return not attributed(unit.text)


def _left_open(text: str) -> bool:
    """Does ``text`` open a double quotation it does not close (the paragraph after goes on with it)?"""
    return text.count("“") > text.count("”") or (text.count("“") == 0 and text.count('"') % 2 == 1)


def refers_back(text: str) -> bool:
    """Does ``text`` open (after "But", "And" ...) by referring to something named before: "She
    believes", "But is that the whole story?", "A further 600,000 ...", "..., he said"?"""
    opening = _opening(text)
    words = opening.split()
    if not words:
        return False
    first = re.split(r"['’]", words[0].strip(",").lower())[0]  # "They're both ...": "they"
    if words[0].lower() in {"is", "was", "are", "were"} and len(words) > 1:
        first = words[1].strip(",?").lower()  # "But is that the whole story?"
    empty_it = _EMPTY_IT.match(opening) is not None and _EXTRAPOSED.match(opening) is not None
    if first in _REFERRING and not (first == "it" and empty_it):
        return True
    if _SAME_TIME.match(opening) or _POINTS_BACK.search(text) or _BELIEVED_THIS.match(opening):
        return True
    if _TASK_BACK.search(text):
        return True
    if _SPEAKER.search(text) or _DEMONSTRATIVE.search(opening):
        return True
    if _SEQUEL.match(opening) or _COUNTED_BACK.search(text) or _FIRSTLY.match(text):
        return True
    if _WHOSE_SPOKESMAN.search(text) or _COMPARES.match(text.lstrip(_QUOTE_OPENERS)):
        return True
    if _CONCEDES.match(text.lstrip(_QUOTE_OPENERS)) or _BOTH.search(text):
        return True
    if _OTHERS_BACK.match(opening) or _ANOTHER_ALONE.search(text):
        return True
    if _BARE_SHARE.match(opening) or _LATER.match(opening):
        return True
    if _TOLD_WHOM.search(text) or _AND.match(text.lstrip(_QUOTE_OPENERS)) or _elided(text):
        return True
    if _FRONTED_DEMONSTRATIVE.match(opening) or _THERE.match(opening):
        return True
    if _FRONTED_PRONOUN.match(opening) or _THAT_THIS.match(opening) or _WHAT_THIS.match(opening):
        return True
    if _CONSEQUENCE.match(text.lstrip(_QUOTE_OPENERS)):  # before "Consequently," is stripped
        return True
    if _BARE_CHANGE.match(opening) and not _A_TIME.search(text):
        return True
    if _SAID_WHERE.match(text.lstrip(_QUOTE_OPENERS)) or _CHANGED_AGAIN.search(text):
        return True
    if _SET_AGAINST.match(opening) or _THERE_ITS.match(opening) or _THERE_MORE.match(opening):
        return True
    return _unnamed_person(text) or bool(_CONTINUING.match(opening))


def _elided(text: str) -> bool:
    """Does ``text`` end on an auxiliary whose verb the sentence before gives ("... that would.")?"""
    if _ELLIPSIS_RELATIVE.search(text):
        return True
    return len(text.split()) <= _ELLIPSIS_WORDS and _ELLIPSIS_SHORT.search(text) is not None


def _answers_stance(text: str, previous: Unit) -> bool:
    """Is ``text`` a quotation whose speaker (by name, or "he"/"she") the sentence before reports
    taking a stance ("he has refused to retract ...", "Smith denied ...")?"""
    if text[:1] not in _QUOTE_OPENERS or not _STANCE.search(previous.text):
        return False
    found = _QUOTE_SPEAKER.search(text)
    if found is None:
        return False
    name = found.group(1) or found.group(3)
    if name is not None and name.lower() not in _NOT_NAME:
        return _mentions(previous.text, name) or _SINGLE_PERSON.search(previous.text) is not None
    return found.group(2) is not None and _SINGLE_PERSON.search(previous.text) is not None


def _asks(text: str) -> bool:
    """Is ``text`` the writer's own question (not a quoted one), which the next sentence answers or
    goes on asking (a series of questions ends in the answer)?"""
    text = text.strip()
    return text[:1] not in _QUOTE_OPENERS and text.endswith("?")  # '... or not?"' closes a quotation


def _adds_to_previous(text: str) -> bool:
    """Does ``text`` (not a quotation) say "also" or "too" early ("Technology has also played a part",
    "The Senate too remained little changed")?"""
    return text[:1] not in _QUOTE_OPENERS and _ALSO.match(_opening(text)) is not None


# "For example, ...", "Ann's sons, for instance, are ...": an example of what the sentence before
# told; without it the example is of nothing.
_EXAMPLE_OF = re.compile(
    r"^[\"'‘“]?(?:(?:but|and|so)\s+)?(?:for\s+(?:example|instance)\b"
    r"|(?:[\w'’-]+\s+){0,5}?[\w'’-]+,\s+for\s+(?:example|instance),)",
    re.I,
)
_ONE_THING = re.compile(r"^[\"'‘“]?one\s+([a-z]{3,})\b(?!\s+of\b)", re.I)


def _speaker_told_before(units: Sequence[Unit], i: int) -> bool:
    """Is the speaker of the quotation ``units[i]`` "the <role>, <Name>," with a role no sentence
    before names (the sentence before told of them in other words)?"""
    found = _THE_SPEAKER.search(units[i].text)
    if found is None or found.group(1) in _TOO_COMMON | _UNIQUE:
        return False
    before = set().union(*(_words(u.text) for u in units[:i]))
    return not _forms(found.group(1)) & before


def _one_of_before(text: str, previous: str) -> bool:
    """Does ``text`` open with "One" and a noun whose plural the sentence before has ("several new
    projects" ... "One project, Green Roof, lets ...")?"""
    found = _ONE_THING.match(text)
    if found is None:
        return False
    noun = found.group(1).lower()
    # lemminflect knows "child" -> "children"; "-s" stays for a noun it does not know
    plurals = {*(getInflection(noun, "NNS") or ()), noun + "s"}
    return bool(plurals & _words(previous))


def _named_places(units: Sequence[Unit], i: int) -> set[int]:
    """The nearest sentence before ``units[i]`` that names the firm or place of each "the Tesco
    store" it tells of ("... left a Tesco supermarket" before "TV sales at the Tesco store began")."""
    found: set[int] = set()
    for match in _NAMED_PLACE.finditer(units[i].text):
        name = match.group(1)
        if name.lower() in _NOT_NAME or _NATIONALITY.search(name):
            continue
        told = next((j for j in range(i - 1, -1, -1) if _mentions(units[j].text, name)), None)
        if told is not None:
            found.add(told)
    return found


def _quoted_only(text: str, name: str) -> bool:
    """Is every mention of ``name`` in ``text`` inside a double quotation ('"Brian Cox has made
    astronomy accessible," says Wise.')?"""
    spans = [m.span() for m in re.finditer(r"[\"“][^\"“”]*[\"”]|[\"“][^\"“”]*$", text)]
    places = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return bool(places) and all(any(a < p < b for a, b in spans) for p in places)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def _definite_reference(units: Sequence[Unit], i: int) -> int | None:
    """The sentence (of the few before) naming what ``units[i]`` opens with a definite description
    of ("The Prince Hotel in Tokyo ..." then "The hotel launched an investigation"), or None."""
    found = _DEFINITE.match(units[i].text)
    if found is None:
        return None
    nouns = [w.lower() for w in found.groups() if w and len(w) >= _SHORT_WORDS]
    if i > 0 and any(w and w.lower() in _MEASURES for w in found.groups()):
        # "The policy aimed to ..." after "... under the 2010 code of conduct"; "The multimillion-pound
        # project" after "He is planning Britain's first 'astrovillage'" (not the "Eden Project" before)
        return i - 1
    head, after = found.groups()
    # "The council meeting" names an event; "The rebels attack villages" tells one (a plural, then a verb)
    heads = [head] if head.endswith("s") or after is None else [head, after]
    events = [_EVENTS[w.lower()] for w in heads if w.lower() in _EVENTS]
    if i > 0 and events and str(after).lower() not in {"to", "that"}:  # "The decision to ban ..." says which
        told = frozenset().union(*events)
        return next((j for j in range(i - 1, -1, -1) if told & _words(units[j].text)), i - 1)
    for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1):
        before = _words(units[j].text)
        if any(n in before or n + "s" in before or n.rstrip("s") in before for n in nouns):
            return j
    # "The survey is published today ..." many sentences after "... a survey by two nurses found": the
    # sentence that told of it, if the story names it once before (with more mentions, the thing is
    # what the story is about)
    before_look_back = range(max(0, i - _LOOK_BACK))
    mentions = [j for j in before_look_back if any(_forms(n) & _words(units[j].text) for n in nouns)]
    return mentions[0] if len(mentions) == 1 else None


# "The weight is attached to the light" after "... powered by a bag of rocks": a thing opening a
# sentence with "the" that no sentence before named is what the sentence before told of in other
# words. Up to two words after "The", cut at these; a phrase after them that says which ("The team
# behind the work", "The decision to ...") makes the description whole.
_BRIDGE_STOP_TEXT = (
    "is are was were has have had will would can could may might must should does did do and or but "
    "in at on for from with by as"
)
_BRIDGE_STOP = frozenset(_BRIDGE_STOP_TEXT.split())
_SAYS_WHICH_TEXT = "of that who whom which whose to behind"
_SAYS_WHICH = frozenset(_SAYS_WHICH_TEXT.split())
# Things a reader knows which one without being told: the place's own institutions, the world's sun.
_UNIQUE_TEXT = (
    "council police court parliament public press media army navy mayor president king queen minister "
    "church economy weather internet moon earth ocean"
)
_UNIQUE = frozenset(_UNIQUE_TEXT.split())


def _new_thing(units: Sequence[Unit], i: int) -> bool:
    """Does ``units[i]`` (not a quotation) open with "The" and a noun that no sentence before names,
    in the paragraph of the sentence before?"""
    unit = units[i]
    if i == 0 or units[i - 1].paragraph != unit.paragraph or unit.text[:1] in _QUOTE_OPENERS:
        return False
    words = _opening(unit.text).split()
    if len(words) < 3 or words[0].lower() != "the":  # "Unfortunately, the cobbled-together hypothesis"
        return False
    taken: list[str] = []
    for word in words[1:3]:
        bare = word.rstrip(",;:")
        if not bare.replace("-", "").isalpha() or not bare.islower() or bare in _BRIDGE_STOP | _SAYS_WHICH:
            break
        taken.append(bare)
        if bare != word:
            break  # "The difference, scientists suspect, is ..."
    after = words[1 + len(taken)].lower() if 1 + len(taken) < len(words) else ""
    nouns = [
        w
        for w in taken
        if len(w) >= _SHORT_WORDS and w not in _TOO_COMMON | _UNIQUE and not w.endswith(_NOT_THINGS)
    ]
    if not taken or not nouns or after in _SAYS_WHICH or any(w in _EVENTS or w in _MEASURES for w in taken):
        return False  # an event or a plan: ``_definite_reference`` finds the sentence that told it
    before = set().union(*(_words(u.text) for u in units[:i]))
    return not any(_forms(n) & before for n in nouns)


def _forms(noun: str) -> set[str]:
    """A noun with its singular and plural ("weight", "weights"; "cities", "city"; "box", "boxes")."""
    singulars = getLemma(noun, upos="NOUN")
    return {noun, *singulars, *(plural for one in singulars for plural in getInflection(one, tag="NNS"))}


def _introductions(units: Sequence[Unit]) -> dict[str, tuple[int, str]]:
    """Last word of each full name -> (the sentence that first gives the full name, the full name);
    a one-word name introduced by what it is ("the Danish restaurant Noma") counts as full there."""
    found: dict[str, tuple[int, str]] = {}
    first_names: dict[str, set[str]] = {}
    full_of: dict[str, tuple[int, str]] = {}
    for i, unit in enumerate(units):
        for match in _DESCRIBED.finditer(unit.text):
            found.setdefault(match.group(1), (i, match.group(0)))
        for match in _FULL_NAME.finditer(unit.text):
            words = match.group(0).split()
            while words and words[0].lower() in _NOT_NAME:
                words = words[1:]
            if len(words) < 2 or words[-1].lower() in _NOT_NAME:
                continue
            found.setdefault(_PARTICLE.sub("", words[-1]), (i, " ".join(words)))
            if len(words) == 2:  # "Zimarco Jones, the school's founder" ... "The teachers and Zimarco"
                first_names.setdefault(words[0], set()).add(words[1])
                full_of.setdefault(words[0], (i, " ".join(words)))
        for match in _APPOSED.finditer(unit.text):  # after full names: "Slave Labour, a spray-painted"
            found.setdefault(match.group(1), (i, match.group(0)))
        for match in _ACRONYM.finditer(unit.text):
            if match.group(1) not in _KNOWN_ACRONYMS:
                found.setdefault(match.group(1), (i, match.group(0)))
        for match in _BODY_NAMED.finditer(unit.text):
            found.setdefault(match.group(1) or match.group(2), (i, match.group(0)))
        for match in _TITLED.finditer(unit.text):
            found.setdefault(match.group(1), (i, match.group(0)))
        for match in _CALLED.finditer(unit.text):
            before = [w.lower() for w in unit.text[: match.start()].split()[-2:]]
            if not _unnamed_by(before):  # "cannot be called Harriet": no one is
                found.setdefault(match.group(1), (i, match.group(0)))
    # A first name is a person's short name when no other full name in the story has it.
    for first, fulls in first_names.items():
        if len(fulls) == 1 and first.lower() not in _NOT_NAME:
            found.setdefault(first, full_of[first])
    # A short name used alone before its full form ("the Taliban" ... "Pakistani Taliban leaders")
    # was not introduced by the full form.
    return {
        short: (j, full)
        for short, (j, full) in found.items()
        if not any(_mentions(units[k].text, short) for k in range(j))
    }


# "the Alliance for Safer Roads" ... "The Alliance is ...": the head of a longer name, alone later
_LONG_NAME = re.compile(r"\b[Tt]he\s+([A-Z][a-z]{3,})\s+(?:for|of)\s+(?:the\s+)?[A-Z]")


def _long_names(units: Sequence[Unit]) -> dict[str, int]:
    """Head of each "the X for/of Y" name -> the sentence that first gives the long name (when no
    sentence before it says "the X")."""
    found: dict[str, int] = {}
    for i, unit in enumerate(units):
        for match in _LONG_NAME.finditer(unit.text):
            head = match.group(1)
            if head not in found and not any(_the_name(units[k].text, head) for k in range(i)):
                found[head] = i
    return found


def _the_name(text: str, head: str) -> bool:
    """Does ``text`` say "the <head>" (a name's head alone, or the long name itself)?"""
    return re.search(rf"\b[Tt]he\s+{re.escape(head)}\b", text) is not None


def _unnamed_by(before: list[str]) -> bool:
    """Do the words before "called X" say that nothing is called X ("cannot be called Harriet", "is
    not called")? "They are called Step Nine" names the thing, as "a device called ..." does."""
    if not before or before[-1] not in _BE_FORMS:
        return False
    negated = any(w in {"not", "never"} or w.endswith(("n't", "n’t")) for w in before)
    return negated or before[-1] in {"be", "been", "being"}


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


# "he"/"she" (not "they", which may be things) and a name: a sentence that tells of a person.
_SINGLE_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]+")


def _tells_of_person(text: str, intros: Collection[str]) -> bool:
    if _SINGLE_PERSON.search(text) or _FULL_NAME.search(text):
        return True
    return any(_mentions(text, short) for short in intros) or any(
        w.lower() not in _NOT_NAME for w in _CAPITALISED.findall(text)[1:]
    )  # the first word opens the sentence; a later capital may be a name


def _person_told_before(units: Sequence[Unit], i: int, intros: Collection[str]) -> int | None:
    """For a sentence whose "he"/"she" no name before it in the sentence tells of, and whose sentence
    before tells of no person ("The state receives ..."): the nearest sentence of its paragraph, a few
    back, that does ("Abdullah said tourism would help"); None when the sentence before does."""
    text = units[i].text
    found = _SINGLE_PERSON.search(text)
    if i < 2 or found is None or _tells_of_person(text[: found.start()], intros):
        return None
    if _tells_of_person(units[i - 1].text, intros):
        return None
    for j in range(i - 2, max(-1, i - 1 - _LOOK_BACK), -1):
        if units[j].paragraph != units[i].paragraph:
            return None
        if _tells_of_person(units[j].text, intros):
            return j
    return None


def last_named(units: Sequence[Unit], i: int) -> int | None:
    """The nearest sentence before ``units[i]`` (of the few before) that names a person in full: who
    says a quotation that does not name its speaker ("When I was inside, I was lucky ...")."""
    for j in range(i - 1, max(-1, i - 1 - 2 * _LOOK_BACK), -1):
        if _FULL_NAME.search(units[j].text):
            return j
    return None


def _told_before(units: Sequence[Unit], i: int, word: str) -> int | None:
    """The nearest of the sentences before ``units[i]`` (twice the usual look-back: "Another estimate"
    answers "an estimated 5 %" some sentences before) that mentions ``word`` or a form of it."""
    forms = {word, word + "s", word.rstrip("s"), word + "d", word + "ed", word.rstrip("e") + "ed"}
    for j in range(i - 1, max(-1, i - 1 - 2 * _LOOK_BACK), -1):
        if forms & _words(units[j].text):
            return j
    return None


# "In 1515, a live rhinoceros was sent ...": a year opening the sentence
_YEAR_OPENING = re.compile(r"^[\"'‘“]?(?:(?:but|and|so)\s+)?in\s+((?:1[0-9]|20)\d\d)\b(?!s)", re.I)


def _year_taken_up(units: Sequence[Unit], i: int) -> int | None:
    """One of the two sentences before ``units[i]`` that says "in" and the very year ``units[i]``
    opens with ("... the rhinoceros that Dürer drew in 1515." then "In 1515, a rhinoceros was sent
    ..."): the story takes up the thread that sentence began; alone, the year comes from nowhere. A
    date with its month ("she left in September 2013") is another event's time, not a thread."""
    found = _YEAR_OPENING.match(units[i].text)
    if found is None:
        return None
    year = re.compile(rf"\bin\s+{found.group(1)}\b(?!\s*[,-]?\s*\d)", re.I)
    return next((j for j in range(i - 1, max(-1, i - 3), -1) if year.search(units[j].text)), None)


def _figure_before(units: Sequence[Unit], i: int) -> int | None:
    """The nearest of the sentences before ``units[i]`` (within twice the look-back) that gives a share
    ("5 %", "a third of"): what "another estimate" is set beside."""
    for j in range(i - 1, max(-1, i - 1 - 2 * _LOOK_BACK), -1):
        if _FIGURE.search(units[j].text):
            return j
    return None


def _numbered_things(units: Sequence[Unit], i: int) -> set[int]:
    """The sentences before ``units[i]`` (the nearest, within twice the look-back) that gave the
    number and the noun of each "the 20-30% target" it names."""
    found = set()
    for match in _NUMBERED_THING.finditer(units[i].text):
        number, noun = match.groups()
        number = number.rstrip(".,-")
        forms = {noun, noun + "s", noun.rstrip("s"), noun[:-1] + "ies"}  # "the 2012 study" ... "studies"
        same = re.compile(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)")
        for j in range(i - 1, max(-1, i - 1 - 2 * _LOOK_BACK), -1):
            if same.search(units[j].text) and forms & _words(units[j].text):
                found.add(j)
                break
    return found


def introduced_things(units: Sequence[Unit]) -> list[dict[str, list[int]]]:
    """Per sentence, the words it introduces with "a"/"an"/"called" (their first mention in the
    story) mapped to the later sentences that call them "the ..." ("a bus" ... "the bus")."""
    first: dict[str, int] = {}
    for i, unit in enumerate(units):
        for word in _words(unit.text):
            first.setdefault(word, i)
    out: list[dict[str, list[int]]] = [{} for _ in units]
    for i, unit in enumerate(units):
        for word in _after(_INDEFINITE, unit.text):
            if word in _TOO_COMMON or first.get(word) != i:
                continue
            later = [j for j in range(i + 1, len(units)) if word in _after(_DEFINITE_ANY, units[j].text)]
            if later:
                out[i][word] = later
    return out


def _after(pattern: re.Pattern[str], text: str) -> set[str]:
    """The words (four letters or more) right after each match of ``pattern`` and the next ones."""
    return {
        w.lower()
        for m in pattern.finditer(text)
        for w in m.groups()
        if w and len(w) >= _THING_LETTERS and w.isalpha() and w.islower() and not w.endswith(_NOT_THINGS)
    }


def _opening(text: str) -> str:
    """``text`` without the connective before what it opens with ("But, ..."; "However, ...")."""
    text = text.lstrip("'\"‘“")
    for _ in range(3):  # "But, of course, ..."
        shorter = _CONNECTIVE.sub("", text)
        if shorter == text:
            break
        text = shorter
    return text


def _enumerates(pattern: re.Pattern[str], text: str) -> bool:
    """Does ``text`` open with a part of an enumeration, before or after its connective is stripped
    ("Secondly, ..." is itself stripped as a fronted adverb; "But the second ...")?"""
    return pattern.match(text.lstrip(_QUOTE_OPENERS)) is not None or pattern.match(_opening(text)) is not None


def enumerations(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """(first part, later part) of enumerations over sentences of one paragraph: "In the first, ..."
    and "In the second, ...", "One ..." and "The other ...", "Some ..." and "Others ..."."""
    pairs = []
    for i, unit in enumerate(units):
        if not _enumerates(_ENUM_NEXT, unit.text):
            continue
        for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1):
            if units[j].paragraph != unit.paragraph:
                break
            if _enumerates(_ENUM_FIRST, units[j].text):
                pairs.append((j, i))
                break
    return pairs


def dependencies(units: Sequence[Unit]) -> list[frozenset[int]]:
    """Per sentence, the sentences it needs: the one before when it refers back, the one that
    introduced a person by full name when it uses the short name alone ("Thut said"), and a later
    one that casts doubt on what that person claims."""
    intros = _introductions(units)
    long_names = _long_names(units)
    out: list[set[int]] = []
    for i, unit in enumerate(units):
        needed: set[int] = set()
        if i > 0 and (needs_previous(unit, units[i - 1]) or _new_thing(units, i)):
            needed.add(i - 1)
        elif i == 0 and len(units) > 1 and refers_back(unit.text):
            needed.add(1)  # a lead that opens "It has charted ..." names its subject next
        told = _person_told_before(units, i, intros)
        if told is not None:
            needed.add(told)  # "It is clear why he needs money" two sentences after "Abdullah said ..."
        described = _definite_reference(units, i)
        if described is not None:
            needed.add(described)
        for short, (j, full) in intros.items():
            if j < i and _mentions(unit.text, short) and full not in unit.text:
                needed.add(j)
            elif j < i and " " in full and _quoted_only(unit.text, full):
                needed.add(j)  # a name a speaker uses ("Brian Cox has ...") is told of where it came first
        needed |= _named_places(units, i)
        for head, j in long_names.items():
            if j < i and _the_name(unit.text, head) and not _LONG_NAME.search(unit.text):
                needed.add(j)  # "The Alliance is ..." needs "the Alliance for Safer Roads"
        needed |= _numbered_things(units, i)
        year = _year_taken_up(units, i)
        if year is not None:
            needed.add(year)  # "In 1515, a rhinoceros was sent ..." after "... portrayed in 1515"
        if i > 0 and _OTHER_SHARE.search(unit.text):
            share = _figure_before(units, i)  # "the other two-thirds" after "a third of ..."
            needed.add(i - 1 if share is None else share)
        for word in {m.group(1).lower() for m in _AGAIN.finditer(unit.text)}:
            told = _told_before(units, i, word)
            if told is None and word in _FIGURE_NOUNS:
                told = _figure_before(units, i)  # "Another estimate" after "only about 5 % ... has access"
            if told is None and i > 0:
                told = i - 1  # "over the same period", "asked another person": what the sentence before told
            if told is not None:
                needed.add(told)
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and nxt.paragraph == unit.paragraph and _CORRECTION.match(nxt.text):
            needed.add(i + 1)  # "They had." without "Not the Argentinian ... Messi, but ..." misleads
        if i > 0 and _TURN.match(unit.text) and _TURN.match(units[i - 1].text):
            needed.add(i - 1)  # "However, the children are lucky" turns back from "But, it is hard ..."
        if i == 0 and nxt is not None and nxt.paragraph == unit.paragraph and _TURN.match(nxt.text):
            needed.add(1)  # "Unveiling a car ... might not impress." needs "But Google unveiled ..."
        step = _LAST_STEP.match(_opening(unit.text)) or _NEXT_STEP.match(unit.text)
        if nxt is not None and step and nxt.text[:1] not in _QUOTE_OPENERS:
            needed.add(i + 1)  # what came of the last step
        if i > 0 and _EXAMPLE_OF.match(unit.text):
            needed.add(i - 1)  # "Ann's children, for example, might be ..." is an example of what came before
        if i > 0 and _adds_to_previous(unit.text):
            needed.add(i - 1)  # a paragraph opening "Scientists have also lowered ..." adds to the one before
        if i > 0 and _speaker_told_before(units, i):
            needed.add(i - 1)  # '"...," the correspondent, Ana Ruiz, said.' after "a news crew follows him"
        if i > 0 and _one_of_before(unit.text, units[i - 1].text):
            needed.add(i - 1)  # "One project, Green Roof, ..." is one of the projects told before
        if nxt is not None and nxt.paragraph == unit.paragraph and _DOUBTS_BEFORE.match(nxt.text):
            needed.add(i + 1)  # "... predicted rises of 6C." without "That is now thought unlikely" misleads
        if i > 0 and _SET_APART.match(unit.text):
            needed.add(i - 1)  # "Her brother is different." needs what he is set apart from ...
            if nxt is not None and nxt.paragraph == unit.paragraph:
                needed.add(i + 1)  # ... and the next sentence of its paragraph, which tells how
        if nxt is not None and _ANNOUNCES.search(unit.text):
            needed.add(i + 1)  # "... there is a deeply serious message." needs the message
        if nxt is not None and nxt.paragraph == unit.paragraph and _ANNOUNCED_REPLY.search(unit.text):
            needed.add(i + 1)  # "... to deliver a defiant riposte." needs the riposte
        if nxt is not None and nxt.paragraph == unit.paragraph and _INSTEAD.match(nxt.text):
            needed.add(i + 1)  # "... designed to give workers privacy." needs "Instead, it became ..."
        if nxt is not None and nxt.paragraph == unit.paragraph and _sets_up_change(unit.text, nxt.text):
            needed.add(i + 1)  # "Traditionally, presents are sent ..." needs "But, now, these are replaced"
        if i > 0 and units[i - 1].paragraph == unit.paragraph and _INSTEAD_OF.match(unit.text):
            needed.add(i - 1)  # "Instead of blowing out candles on a cake, ..." needs the birthday
        if i > 0 and _answers_stance(unit.text, units[i - 1]) and units[i - 1].paragraph == unit.paragraph:
            needed.add(i - 1)  # '"I could have said, 'Oh, I misspoke' ...," Trump told' needs the refusal
        if nxt is not None and _asks(unit.text):
            needed.add(i + 1)  # "So who will pay?" left without its answer is a loose end
        answers = i > 0 and units[i - 1].paragraph == unit.paragraph and _asks(units[i - 1].text)
        if answers and unit.text[:1] in _QUOTE_OPENERS:
            needed.add(i - 1)  # '"I don't think that's how it works," says Ray.' answers the question
        out.append(needed)
    for i, j in enumerations(units):
        out[i].add(j)
        out[j].add(i)
    for i, unit in enumerate(units):
        if _SCENE.match(_opening(unit.text)):
            for k in range(i + 1, len(units)):
                if units[k].paragraph != unit.paragraph:
                    break
                out[k].add(i)  # "Moss grows through shattered bricks" is inside that one mansion
    mentions: dict[str, int] = {}
    for unit in units:
        for word in _words(unit.text):
            mentions[word] = mentions.get(word, 0) + 1
    for j, things in enumerate(introduced_things(units)):
        for word, later in things.items():
            if mentions[word] <= _SPECIFIC:  # "the bus"; "the sale" in a story about a sale is clear
                for i in later:
                    out[i].add(j)
    for j, unit in enumerate(units):
        if not _words(unit.text) & _CHALLENGE:
            continue
        for short in intros:
            if _mentions(unit.text, short):
                for i in range(j):
                    if _mentions(units[i].text, short):
                        out[i].add(j)
    return [frozenset(n) for n in out]


def with_dependencies(
    chosen: Iterable[int], needs: Sequence[Collection[int]], allowed: Collection[int]
) -> tuple[int, ...]:
    """``chosen`` plus, transitively, every sentence in ``allowed`` that a chosen one needs."""
    keep = set(chosen)
    stack = list(keep)
    while stack:
        for j in needs[stack.pop()]:
            if j in allowed and j not in keep:
                keep.add(j)
                stack.append(j)
    return tuple(sorted(keep))


# An A1 version is offered only when it tells the core of the story in connected sentences: the
# lead, enough sentences and words to say what happened, and mostly runs of consecutive source
# sentences (a 52-word A1 version of four scattered sentences of a 760-word story was not a story).
A1_MIN_SENTENCES = 5
A1_MIN_WORDS = 60
A1_MIN_CONNECTED = 0.5  # share of the version's sentences that follow on from the one before


def tells_story(units: Sequence[int], words: int, lead: int = 0) -> bool:
    """Do the version sentences made from source sentences ``units`` (in order, a split sentence's
    parts repeating its index) tell a connected story: the lead ``lead`` first, at least
    ``A1_MIN_SENTENCES`` sentences and ``A1_MIN_WORDS`` words, and at least half of the sentences
    the next part of what the sentence before them told (the same or the next source sentence)?"""
    if len(units) < A1_MIN_SENTENCES or words < A1_MIN_WORDS or units[0] != lead:
        return False
    follows = sum(b - a in {0, 1} for a, b in pairwise(units))
    return follows >= A1_MIN_CONNECTED * (len(units) - 1)
