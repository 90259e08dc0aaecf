"""Load VocabSphere's own English spaCy pipeline (trained on UD English-EWT).

The pipeline ships inside the package (``vocabsphere/models/en_vocabsphere``) so
nothing is downloaded at run time. It provides tokenization, UPOS + morphological
features, Penn tags, lemmas, dependency parses and sentence boundaries.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vocabsphere.core.text import lemma_check  # noqa: F401 (registers the lemma check component)
from vocabsphere.core.text.tokenizer_rules import add_unit_stop_rules

__all__ = ["MODEL_NAME", "MODEL_VERSION", "ModelNotFoundError", "load_pipeline", "model_path"]

MODEL_NAME = "en_vocabsphere"


class ModelNotFoundError(RuntimeError):
    """The packaged spaCy pipeline is missing or incomplete."""


def model_path() -> Traversable:
    """Location of the packaged pipeline inside the installed ``vocabsphere`` package."""
    # Resolved from the package rather than the CWD so it works installed, editable or zipped.
    return files("vocabsphere").joinpath("models", MODEL_NAME)


def _read_meta() -> dict[str, object] | None:
    meta = model_path().joinpath("meta.json")
    if not meta.is_file():
        return None
    data = json.loads(meta.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


def _model_version() -> str:
    meta = _read_meta()
    if meta is None:
        # Keep the module importable without the model; load_pipeline() raises the real error.
        return f"{MODEL_NAME}-missing"
    return f"{meta.get('name', MODEL_NAME)}-{meta.get('version', '0.0.0')}"


#: Identifies the trained model (meta.json ``name-version``); use it to key cached analyses. The rules
#: ``load_pipeline`` adds to the model (e.g. ``tokenizer_rules``) count: changing them bumps the version.
MODEL_VERSION: str = _model_version()


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Return the English pipeline, loaded once per process.

    Raises:
        ModelNotFoundError: if the packaged model directory or its meta.json is missing.
    """
    resource = model_path()
    if not resource.joinpath("meta.json").is_file():
        raise ModelNotFoundError(
            f"spaCy model '{MODEL_NAME}' not found in the vocabsphere package "
            f"(expected vocabsphere/models/{MODEL_NAME}/meta.json). "
            "Rebuild it with training/nlp/train.sh, which copies the trained pipeline there."
        )
    # as_file yields a real filesystem path (the path itself for normal and editable installs);
    # spacy.load reads everything into memory inside the block.
    with as_file(resource) as path:
        nlp = spacy.load(path)
    # A full stop after a number with a unit ("minus 230C.", "£5m.") ends the sentence, not the token.
    add_unit_stop_rules(nlp.tokenizer)
    # Headlines, subheadings and paragraphs end at a line break whatever the parser thinks.
    nlp.add_pipe("vocabsphere_line_breaks", before="parser")
    # The trained lemmatizer's guesses on unseen words are checked against a dictionary of base forms.
    nlp.add_pipe("vocabsphere_lemma_check", last=True)
    return nlp


@Language.component("vocabsphere_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence (the parser keeps boundaries set before it)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        after_break = "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
        if after_break and not token.is_space:
            token.is_sent_start = True
    return doc
