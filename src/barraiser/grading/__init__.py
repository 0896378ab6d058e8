"""Answer grading: rubric scores with sentence-level evidence, misconceptions and feedback.

Heavy modules (torch, sentence-transformers) load only when a model is first needed.
"""

from barraiser.grading.embeddings import (
    EmbeddingBackend,
    ModelUnavailable,
    SentenceTransformerBackend,
    get_backend,
)
from barraiser.grading.grader import Grader, get_grader, grade_answer
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
    "GRADER_VERSION",
    "EmbeddingBackend",
    "FollowUpSuggestion",
    "GradeResult",
    "Grader",
    "KeyPointResult",
    "MisconceptionResult",
    "ModelUnavailable",
    "PreparedRubric",
    "RubricError",
    "SentenceTransformerBackend",
    "from_question",
    "from_reference",
    "from_rubric",
    "get_backend",
    "get_grader",
    "grade_answer",
    "load_rubric_file",
]
