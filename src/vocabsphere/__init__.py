"""VocabSphere: real news, made learnable."""

__version__ = "0.1.0"
