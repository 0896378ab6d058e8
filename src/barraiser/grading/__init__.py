"""Answer grading: rubric scores with sentence-level evidence, misconceptions and feedback.

Heavy modules (torch, sentence-transformers) load only when a model is first needed.
"""

from barraiser.grading.embeddings import (
    EmbeddingBackend,
    ModelUnavailable,
    SentenceTransformerBackend,
    get_backend,
)

__all__ = ["EmbeddingBackend", "ModelUnavailable", "SentenceTransformerBackend", "get_backend"]
