"""The grade of an answer to a draft question: kept, not scored against key points.

A draft (the user's own question made from the experiences journal) has no rubric yet, so
there is nothing to score; the result says so, counts the words and, for a behavioural draft,
still gives the STAR analysis of the story (it needs no rubric) when the grader has an encoder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast, get_args

from barraiser.grading.result import GRADER_VERSION, GradeResult, GraderName
from barraiser.grading.text import tokens

if TYPE_CHECKING:
    from barraiser.grading.grader import Grader
    from barraiser.grading.rubric import PreparedRubric

#: The sentence every draft grade carries.
DRAFT_FEEDBACK = (
    "This is your own draft question: it has no rubric yet, so your answer was saved but not "
    "scored against key points. Write key points under `rubric:` in the draft's file (and "
    "remove `draft: true`) to have answers scored."
)


def draft_result(answer: str, rubric: PreparedRubric, grader: Grader | None = None) -> GradeResult:
    """The result for an answer to a draft without a rubric: score 0, ``draft`` true."""
    star: dict[str, Any] | None = None
    warnings = ["Draft question: no rubric yet, so this answer is not scored against key points."]
    encoder = getattr(grader, "encoder", None)
    if rubric.kind == "behavioral" and encoder is not None:
        from barraiser.grading.behavioral import analyze_behavioral

        principles = list(getattr(grader, "principles", []))
        star = analyze_behavioral(answer, principles, encoder).model_dump(mode="json")
    model = ""
    if grader is not None:
        try:
            model = grader.model
        except Exception:  # a grader that cannot name its model must not fail a draft
            model = ""
    return GradeResult(
        score=0.0,
        key_points=[],
        feedback=DRAFT_FEEDBACK,
        star=star,
        warnings=warnings,
        word_count=len(tokens(answer)),
        question_id=rubric.question_id,
        model=model,
        grader=_grader_name(grader),
        grader_version=GRADER_VERSION,
        draft=True,
    )


def _grader_name(grader: Grader | None) -> GraderName:
    name = getattr(grader, "name", "embedding")
    return cast(GraderName, name) if name in get_args(GraderName) else "embedding"
