"""Answer grading: rubric scores from verified claims, with sentence-level evidence and feedback.

Heavy modules (torch, sentence-transformers) load only when a model is first needed.
"""

from barraiser.grading.embedding_grader import EmbeddingGrader
from barraiser.grading.embeddings import (
    EmbeddingBackend,
    GradingUnavailable,
    ModelUnavailable,
    SentenceTransformerBackend,
    get_backend,
)
from barraiser.grading.grader import (
    GRADER_NAMES,
    Grader,
    build_grader,
    get_grader,
)
from barraiser.grading.result import (
    GRADER_VERSION,
    FollowUpSuggestion,
    GradeResult,
    KeyPointResult,
    MisconceptionResult,
)
from barraiser.grading.rubric import (
    PreparedRubric,
    RubricError,
    from_question,
    from_reference,
    from_rubric,
    load_rubric_file,
)

__all__ = [
    "GRADER_NAMES",
    "GRADER_VERSION",
    "EmbeddingBackend",
    "EmbeddingGrader",
    "FollowUpSuggestion",
    "GradeResult",
    "Grader",
    "GradingUnavailable",
    "KeyPointResult",
    "MisconceptionResult",
    "ModelUnavailable",
    "PreparedRubric",
    "RubricError",
    "SentenceTransformerBackend",
    "build_grader",
    "from_question",
    "from_reference",
    "from_rubric",
    "get_backend",
    "get_grader",
    "load_rubric_file",
]
