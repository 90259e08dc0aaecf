"""Text analysis: VocabSphere's own English NLP pipeline."""

from vocabsphere.core.text.pipeline import (
    MODEL_NAME,
    MODEL_VERSION,
    ModelNotFoundError,
    load_pipeline,
)

__all__ = ["MODEL_NAME", "MODEL_VERSION", "ModelNotFoundError", "load_pipeline"]
