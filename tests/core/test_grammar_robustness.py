"""Grammar detectors never crash on odd parses: the parser's output is input we do not control."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from vocabsphere.core.levels.grammar_rules_clauses import detect_relatives


def test_relative_clause_made_only_of_punctuation_is_no_crash() -> None:
    # Seen on EWT train: the parser hung a lone punctuation mark on a noun as its relative clause;
    # the clause's last word was then looked for among no words at all (ValueError from max()).
    vocab = spacy.blank("en").vocab
    doc = Doc(
        vocab,
        words=["I", "saw", "the", "man", "."],
        heads=[1, 1, 3, 1, 3],
        deps=["nsubj", "ROOT", "det", "obj", "acl:relcl"],
        pos=["PRON", "VERB", "DET", "NOUN", "PUNCT"],
    )
    sent = doc[:]
    assert list(detect_relatives(sent)) == []
