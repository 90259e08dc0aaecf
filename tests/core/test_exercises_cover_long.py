"""Issue #17, round cover6: long sentences that held a sound shorter sentence with the due word but
gave none (an apposition the parse hung on the verb; a clause reported by a verb of saying; an aside
in dashes whose closing dash went with a side clause), and what must stay refused (invented
sentences)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from tests.core.exercise_checks import from_text
from vocabsphere.core.exercises.clauses import (
    _aside_to_the_end,
    _comma_lost_before_subject,
    _droppable,
    _said_by_root,
    _subject_comma_unpaired,
    clause_around,
)
from vocabsphere.core.exercises.slots import find_token
from vocabsphere.core.lexicon import Lexicon


def around(nlp: Language, sentence: str, word: str, reported: bool = False) -> str | None:
    sent = next(nlp(sentence).sents)
    token = find_token(sent, word)
    assert token is not None
    return clause_around(nlp, sent, token, reported=reported)


SQUARE = (
    "The old tractor was still clearing the snow from the village square, a place chosen after years "
    "of debate by local farmers and the parish council as the site of the new summer market."
)


def test_an_apposition_the_parse_hung_on_the_verb_is_dropped(real_lexicon: Lexicon, nlp: Language) -> None:
    """ "..., a place chosen ..." parsed as a second clause of "clearing": a noun phrase that only
    names the square again, so the clause stands without it."""
    short = "The old tractor was still clearing the snow from the village square."
    assert around(nlp, SQUARE, "snow") == short
    made = from_text(real_lexicon, nlp, SQUARE, "snow")
    assert made and all(i.source_sentence == short and i.shortened_from == SQUARE for i in made.values())


def _parsed(nlp: Language, rows: list[tuple[str, str, str, int]]) -> Span:
    """A sentence with the parse given: (word, coarse tag, relation, head index) per word."""
    words, pos, deps, heads = (list(column) for column in zip(*rows, strict=True))
    starts = [True] + [False] * (len(words) - 1)
    doc = Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, sent_starts=starts)
    return doc[:]


def test_a_clause_after_a_comma_at_the_end_stays(nlp: Language) -> None:
    """A noun after a comma that has its own subject and "be" is a second claim, not a name for
    what comes before it: never dropped as an apposition."""
    rows = [
        ("Workers", "NOUN", "nsubj", 1),
        ("cleared", "VERB", "ROOT", 1),
        ("the", "DET", "det", 3),
        ("square", "NOUN", "obj", 1),
        (",", "PUNCT", "punct", 8),
        ("the", "DET", "det", 6),
        ("market", "NOUN", "nsubj", 8),
        ("was", "AUX", "cop", 8),
        ("site", "NOUN", "parataxis", 1),
        (".", "PUNCT", "punct", 1),
    ]
    sent = _parsed(nlp, rows)
    assert not _droppable(sent, sent.doc[8])
    rows[5:8] = [("the", "DET", "det", 8), ("big", "ADJ", "amod", 8), ("open", "ADJ", "amod", 8)]
    named = _parsed(nlp, rows)
    assert _droppable(named, named.doc[8])  # "..., the big open site.": a name for the square


VILLAGE = (
    "Garcia says the village has lost too many people who do useful jobs \u2013 such as nurses, bus "
    "drivers and even bakers and plumbers \u2013 because they cannot pay the high rents there any more."
)


def test_a_reported_clause_keeps_who_says_it(real_lexicon: Lexicon, nlp: Language) -> None:
    """The word is in what Garcia says: the sentence made keeps "Garcia says", drops the reason,
    and the aside that ran to the closing dash now ends the sentence after a comma."""
    short = (
        "Garcia says the village has lost too many people who do useful jobs, such as nurses, bus "
        "drivers and even bakers and plumbers."
    )
    assert around(nlp, VILLAGE, "plumbers") is None  # never the claim without who makes it
    assert around(nlp, VILLAGE, "plumbers", reported=True) == short
    made = from_text(real_lexicon, nlp, VILLAGE, "plumbers")
    assert made and all(i.source_sentence == short for i in made.values())


def test_no_reported_clause_after_a_verb_that_is_not_of_saying(nlp: Language) -> None:
    """ "hopes" does not report a claim: the clause under it is no fact and no quotation either."""
    hopes = (
        "Garcia hopes the village will keep the people who do useful jobs \u2013 such as nurses, bus "
        "drivers and even bakers and plumbers \u2013 because the town needs all of them in the winter."
    )
    assert around(nlp, hopes, "plumbers", reported=True) is None


def test_a_passive_of_say_reports_nobody(nlp: Language) -> None:
    """ "The same cannot be said for Miami, where ... has ...": the parse hung "has" on "said" as a
    clause said, but a passive, denied "say" with no speaker reports nothing."""
    rows = [
        ("The", "DET", "det", 1),
        ("same", "ADJ", "nsubj:pass", 5),
        ("can", "AUX", "aux", 5),
        ("not", "PART", "advmod", 5),
        ("be", "AUX", "aux:pass", 5),
        ("said", "VERB", "ROOT", 5),
        ("for", "ADP", "case", 7),
        ("Miami", "PROPN", "nsubj", 8),
        ("has", "VERB", "ccomp", 5),
        ("floods", "NOUN", "obj", 8),
        (".", "PUNCT", "punct", 5),
    ]
    sent = _parsed(nlp, rows)
    sent.doc[5].lemma_, sent.doc[2].tag_, sent.doc[8].tag_ = "say", "MD", "VBZ"
    assert not _said_by_root(sent.doc[8])
    said = _parsed(
        nlp,
        [
            ("Lee", "PROPN", "nsubj", 1),
            ("says", "VERB", "ROOT", 1),
            ("Miami", "PROPN", "nsubj", 3),
            ("has", "VERB", "ccomp", 1),
            ("floods", "NOUN", "obj", 3),
            (".", "PUNCT", "punct", 1),
        ],
    )
    said.doc[1].lemma_, said.doc[1].tag_, said.doc[3].tag_ = "say", "VBZ", "VBZ"
    assert _said_by_root(said.doc[3])


def test_no_clause_that_loses_the_comma_after_its_opening_part(nlp: Language) -> None:
    """ "While there are plans for Venice [– and Rome acts –] the same ...": dropping the
    aside took the mark that ended the opening clause; the sentence would run on without a comma."""
    words = ["While", "plans", "exist", "–", "Rome", "acts", "–", "the", "city", "waits", "."]
    rows = [
        ("While", "SCONJ", "mark", 2),
        ("plans", "NOUN", "nsubj", 2),
        ("exist", "VERB", "advcl", 9),
        ("–", "PUNCT", "punct", 5),
        ("Rome", "PROPN", "nsubj", 5),
        ("acts", "VERB", "conj", 2),
        ("–", "PUNCT", "punct", 9),
        ("the", "DET", "det", 8),
        ("city", "NOUN", "nsubj", 9),
        ("waits", "VERB", "ROOT", 9),
        (".", "PUNCT", "punct", 9),
    ]
    assert [r[0] for r in rows] == words
    sent = _parsed(nlp, rows)
    doc = sent.doc
    without_aside = [doc[i] for i in (0, 1, 2, 7, 8, 9, 10)]
    assert _comma_lost_before_subject(doc[9], without_aside)
    with_comma = [doc[i] for i in (0, 1, 2, 6, 7, 8, 9, 10)]  # the closing mark kept: it sets the clause off
    assert not _comma_lost_before_subject(doc[9], with_comma)


def test_no_clause_with_one_comma_left_inside_its_subject(nlp: Language) -> None:
    """ "Sue Lee, of Saga[, a firm that sells insurance,] said ...": the comma that closed "of
    Saga" went with the firm, and one comma is left between the subject and its verb."""
    rows = [
        ("Sue", "PROPN", "compound", 1),
        ("Lee", "PROPN", "nsubj", 7),
        (",", "PUNCT", "punct", 3),
        ("of", "ADP", "case", 4),
        ("Saga", "PROPN", "nmod", 1),
        (",", "PUNCT", "punct", 6),
        ("firm", "NOUN", "appos", 1),
        ("said", "VERB", "ROOT", 7),
        ("so", "ADV", "advmod", 7),
        (".", "PUNCT", "punct", 7),
    ]
    doc = _parsed(nlp, rows).doc
    assert _subject_comma_unpaired(doc[7], [doc[i] for i in (0, 1, 2, 3, 4, 7, 8, 9)])
    assert not _subject_comma_unpaired(doc[7], [doc[i] for i in (0, 1, 7, 8, 9)])


def test_what_is_said_follows_the_verb_whole(nlp: Language) -> None:
    """ "At a fair, he said, a firm showed a robot": the parse made the firm's clause what "said"
    reports, but its first words stand before "he said"; the sentence made would open "He said, At"."""
    rows = [
        ("At", "ADP", "case", 2),
        ("a", "DET", "det", 2),
        ("fair", "NOUN", "obl", 9),
        (",", "PUNCT", "punct", 2),
        ("he", "PRON", "nsubj", 5),
        ("said", "VERB", "ROOT", 5),
        (",", "PUNCT", "punct", 5),
        ("a", "DET", "det", 8),
        ("firm", "NOUN", "nsubj", 9),
        ("showed", "VERB", "ccomp", 5),
        ("robots", "NOUN", "obj", 9),
        (".", "PUNCT", "punct", 5),
    ]
    doc = _parsed(nlp, rows).doc
    doc[5].lemma_, doc[5].tag_, doc[9].tag_ = "say", "VBD", "VBD"
    assert not _said_by_root(doc[9])


def test_a_clause_in_dashes_is_not_set_off_by_a_comma(nlp: Language) -> None:
    """ "... to life – this is not the case elsewhere – and ...": a comma before the aside
    would join two sentences ("to life, this is not the case"); only a phrase ends the sentence so."""
    words = ["Nobody", "is", "jailed", "–", "this", "is", "rare", "–", "and", "all", "agree", "."]
    tags = ["NN", "VBZ", "VBN", ":", "DT", "VBZ", "JJ", ":", "CC", "DT", "VBP", "."]
    doc = Doc(nlp.vocab, words=words, tags=tags, sent_starts=[True] + [False] * (len(words) - 1))
    kept = [doc[i] for i in range(7)] + [doc[11]]
    assert _aside_to_the_end(doc[:], kept) == {}
    phrase = Doc(
        nlp.vocab, words=["Nobody", "is", "jailed", "–", "such", "as", "Ann", "–", "and", "all", "agree", "."]
    )
    kept = [phrase[i] for i in range(7)] + [phrase[11]]
    assert _aside_to_the_end(phrase[:], kept) == {3: ", "}
