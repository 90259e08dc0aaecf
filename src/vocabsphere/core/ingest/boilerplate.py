"""Recognise the junk lines that scraping and copy-paste leave around an article.

Rules look at one line at a time (menus, share prompts, tag lists, credits ...), except the promo tail,
which is a run of marketing lines at the very end and is judged as a run so that one neutral line inside
it (a quoted sample sentence) goes with it while real news paragraphs before it stay.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_I = re.IGNORECASE
# (reason, pattern, longest line in words the rule may remove): long lines are almost always real text.
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (reason, re.compile(pattern, flags), max_words)
    for reason, pattern, flags, max_words in (
        ("comment prompt", r"^(post|leave|add|write|submit|view|show|load)( your| a)? comments?\b", _I, 8),
        ("comment prompt", r"^please (enter|type|write|provide) your (comment|name|e-?mail|website)", _I, 10),
        # "Comments (12)", "No comments yet" - but not a quoted "No comment."
        ("comment prompt", r"^(\d+ comments?|no comments( yet)?|comments?( \(\d+\))?)[.:!]?$", _I, 6),
        ("comment prompt", r"^be the first to comment", _I, 8),
        ("comment prompt", r"^(save my name|you must be logged in|your email address will not be)", _I, 30),
        (
            "share prompt",
            r"^(short ?link|permalink|copy link|share( this)?( article| story| page)?"
            r"|tweet|e-?mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest)[:.!]?$",
            _I,
            4,
        ),
        ("share prompt", r"^share (on|via|to|this)\b", _I, 10),
        ("navigation", r"^(back to top|skip to (main )?content|scroll to top|go to top|jump to)\b", _I, 6),
        (
            "navigation",
            r"^(home|menu|search|log ?in|sign ?in|register|next article|previous article)[.:]?$",
            _I,
            2,
        ),
        (
            "tag list",
            r"^(tags?|topics?|filed under|categories|category|keywords|related topics)\s*[:：]",
            _I,
            30,
        ),
        (
            "advertisement",
            r"^(advertisements?|sponsored( content)?|ads?|promoted|paid content"
            r"|(story )?continues below( advertisement)?|continue reading( below)?)[.:]?$",
            _I,
            4,
        ),
        (
            "read-more link",
            r"^(read more|read also|also read|more:|see also"
            r"|related( stories| articles| coverage)?|recommended( for you)?|more from"
            r"|you may also like|you might also like|most read"
            r"|trending now|popular now|watch:|listen:)",
            _I,
            20,
        ),
        ("newsletter prompt", r"\b(sign up|subscribe)\b.*\b(newsletter|alerts|briefing|inbox)\b", _I, 30),
        ("newsletter prompt", r"^get (our|the) .*newsletter", _I, 20),
        (
            "newsletter prompt",
            r"^newsletters?\b\s*[:：-]|^(get|sign up|subscribe)\b.{0,80}\b(in|to) your inbox\b",
            _I,
            20,
        ),
        (
            "link text",
            r"^((click|tap|press)( here)?|(click|tap) to \w+|here|more|see more|show more|view more"
            r"|learn more|find out more|full story|full article|continue|next|previous"
            r"|view (all|gallery|photos?|video))\s*[.!:»›>…]*$",
            _I,
            4,
        ),
        ("app promo", r"^(download|install|get) (now|it|the app|our app|today)\b", _I, 15),
        (
            "app promo",
            r"\b(our|your|you)\b.*\b(ios|android|app store|google play|apps?)\b"
            r"|\b(ios|android|app store|google play|apps?)\b.*\b(our|your|you)\b",
            _I,
            40,
        ),
        (
            "cookie notice",
            r"\b(we|this (web)?site) uses? cookies\b|\baccept (all )?cookies\b"
            r"|\bcookie (policy|settings|preferences)\b",
            _I,
            60,
        ),
        (
            "cookie notice",
            r"^(accept( all)?|reject( all)?|manage (settings|preferences)|got it|i agree)"
            r"[.!]?$",
            _I,
            3,
        ),
        (
            "photo credit",
            r"^(photo|image|picture|photograph|video|illustration|graphic)s?( credit)?"
            r"\s*[:：/|]",
            _I,
            25,
        ),
        (
            "photo credit",
            r"[/|(]\s*(getty images|reuters|ap photo|ap|afp|shutterstock|epa|alamy|pa media)"
            r"\W*$",
            _I,
            25,
        ),
        ("reading time", r"^\d+\s*(min|mins|minutes?)( read)?$", _I, 3),
        ("timestamp", r"^(published|updated|last updated|posted|first published)\b.*\d", _I, 12),
        ("copyright", r"^(©|copyright\b|\(c\)\s*\d{4})|all rights reserved", _I, 20),
        ("follow prompt", r"^(follow (us|@)|(like|follow) us on)\b", _I, 15),
        (
            "paywall",
            r"^(subscribers only|already a subscriber|log in to continue"
            r"|this article is for subscribers)",
            _I,
            15,
        ),
        (
            "byline",
            r"^(?i:by)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
            r"((\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})*(\s*[,|].*)?$",
            0,
            14,
        ),
    )
)
_MAX_FRAGMENT_WORDS = 6
_CAMEL_JUNCTION = re.compile(r"[a-z][A-Z]")
_MENU_SEPARATORS = re.compile(r"\s*[|•·»›]\s*")
_BREADCRUMB_SEPARATORS = re.compile(r"\s+[>»›/]\s+")
_CODE = re.compile(
    r"function\s*\(|=>|\b(var|let|const)\s+\w+\s*=|\b(document|window)\.\w+|@media|!important"
    r"|</?(script|style|div|span)\b|\{\s*[\w-]+\s*:"
)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def junk_reason(line: str) -> str | None:
    """Why a single line is boilerplate, or None when it may be article text."""
    text = line.strip()
    if not text:
        return None
    n_words = len(words(text))
    for reason, pattern, max_words in _RULES:
        if n_words <= max_words and pattern.search(text):
            return reason
    if _is_menu(text, n_words):
        return "site menu"
    if _is_breadcrumb(text, n_words):
        return "breadcrumb"
    if _CODE.search(text) and _code_share(text) > 0.03:
        return "script or style code"
    return None


def is_fragment(line: str) -> bool:
    """A short stand-alone line ending in ";" or ",": a scrap of a sentence ("Update is obliged;")."""
    text = line.strip()
    return text.endswith((";", ",")) and len(words(text)) <= _MAX_FRAGMENT_WORDS


def byline_author(line: str) -> str | None:
    """The name(s) in a "By Jane Doe, Staff Writer" line."""
    match = re.match(r"^by\s+(.+?)(\s*[,|]\s*[^,|]*)?$", line.strip(), _I)
    return match.group(1).strip() if match else None


def _is_menu(text: str, n_words: int) -> bool:
    # Category strips glued together by scraping ("Latest NewsArmyNEWSPolitics") or joined by separators.
    if n_words <= 30 and not _TERMINAL.search(text) and len(_CAMEL_JUNCTION.findall(text)) >= 3:
        return True
    parts = [p for p in _MENU_SEPARATORS.split(text) if p]
    return len(parts) >= 4 and all(len(words(p)) <= 4 for p in parts)


def _is_breadcrumb(text: str, n_words: int) -> bool:
    # "Iberia Today > Spain > Weather": a site's path to the page, not a headline.
    if n_words > 12 or _TERMINAL.search(text):
        return False
    parts = _BREADCRUMB_SEPARATORS.split(text)
    slashes = len(re.findall(r"\s/\s", text))
    enough = len(parts) >= 2 and (len(parts) - 1 > slashes or slashes >= 2)
    return enough and all(1 <= len(words(p)) <= 4 and p.lstrip()[:1].isupper() for p in parts)


def _code_share(text: str) -> float:
    return sum(text.count(c) for c in ";{}=<>()") / max(1, len(text))


def dedupe_key(line: str) -> str:
    """Case, quote style, punctuation and spacing do not make two lines different."""
    text = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def looks_like_heading(line: str, *, max_words: int = 14) -> bool:
    """A short line without a full stop that starts with a capital (or a quote), e.g. a subheading."""
    text = line.strip()
    n_words = len(words(text))
    if not 1 <= n_words <= max_words or text.endswith((".", ",")):
        return False
    first = next((c for c in text if c.isalnum()), "")
    return first.isupper() or first.isdigit()


# --- promotional tail -----------------------------------------------------------------------------

_SAMPLE = re.compile(r"\bthis is a sample\b|\bsample (explanation|sentence|text)s?\b|lorem ipsum", _I)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|(?:^|(?<=\s))[‘'][^‘’']*[’']")
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})
_FIRST_PLURAL = frozenset({"our", "we", "us"})


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CTA = _wordset(
    "download get sign subscribe join try start create learn discover enhance expand master improve unlock "
    "register install upgrade buy order click tap visit explore practice practise boost grow"
)
_MARKETING = _wordset(
    "platform platforms app apps feature features personalized personalised customized customised "
    "innovative ai-powered premium subscription trial learners effortlessly effortless anytime anywhere "
    "curated tailored adaptive seamless seamlessly unlock boost enhance library exercises quizzes "
    "proficiency optimal comprehensively efficiently instant exclusive"
)
_MARKETING_PHRASES = re.compile(r"learning experience|full access|free trial|at every level|sign up", _I)


def promo_score(line: str) -> int:
    """Marketing signals outside quotations: second person, calls to action, product vocabulary."""
    if _SAMPLE.search(line):
        return 3
    outside = _QUOTED.sub(" ", line)
    tokens = [t.casefold() for t in words(outside)]
    if not tokens:
        return 0
    score = min(2, sum(t in _SECOND_PERSON for t in tokens))
    score += min(1, sum(t in _FIRST_PLURAL for t in tokens))
    score += int(tokens[0] in _CTA)
    score += min(3, sum(t in _MARKETING for t in tokens) + len(_MARKETING_PHRASES.findall(outside)))
    return score


def _tail_class(line: str) -> str:
    n_words = len(words(line))
    score = promo_score(line)
    threshold = 1 if n_words < 8 else max(2, n_words // 25)
    if score >= threshold:
        return "promo"
    unquoted = words(_QUOTED.sub(" ", line))
    if score == 0 and len(unquoted) >= 12:
        return "news"
    return "neutral"


def promo_tail_start(lines: Sequence[str]) -> int:
    """Index where a trailing run of promotional lines begins (``len(lines)`` when there is none).

    The run may hold neutral lines (quoted samples, short headings) but no news-like paragraph, must
    start with a promotional line, have at least two of them making up half the run, and leave text before it.
    """
    classes = [_tail_class(line) for line in lines]
    start = len(lines)
    for i in range(len(lines) - 1, 0, -1):
        if classes[i] == "news":
            break
        if classes[i] == "promo":
            start = i
    run = classes[start:]
    promos = run.count("promo")
    if promos >= 2 and promos * 2 >= len(run):
        return start
    return len(lines)
