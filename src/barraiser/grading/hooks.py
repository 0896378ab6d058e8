"""Feedback and follow-up hooks shared by the graders (each grader calls them on its result)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from barraiser.grading.result import FollowUpSuggestion, GradeResult

if TYPE_CHECKING:
    from barraiser.content.schemas import LeadershipPrinciple
    from barraiser.grading.behavioral import StarAnalysis
    from barraiser.grading.rubric import PreparedRubric

FeedbackHook = Callable[[GradeResult, "PreparedRubric"], str]
FollowUpHook = Callable[[GradeResult, "PreparedRubric"], list[FollowUpSuggestion]]


def default_follow_ups(result: GradeResult, rubric: PreparedRubric) -> list[FollowUpSuggestion]:
    """Rubric follow-ups that probe missed or partly covered points (the simple built-in pick)."""
    from barraiser.grading.followups import missed_reason

    weak = {p.id: p.text for p in result.key_points if p.status != "covered"}
    picked = []
    for follow_up in rubric.follow_ups:
        probed = [p for p in follow_up.probes if p in weak]
        if probed:
            picked.append(
                FollowUpSuggestion(
                    question=follow_up.question,
                    probes=probed,
                    reason=missed_reason([weak[p] for p in probed]),
                )
            )
    return picked[:3]


def default_feedback(result: GradeResult, rubric: PreparedRubric) -> str:
    """A short plain-text summary: strengths quoted, what is missing, misconceptions."""
    lines = [f"Score {result.score:.0f}/100."]
    strong = [p for p in result.key_points if p.status == "covered"]
    partly = [p for p in result.key_points if p.status == "partly"]
    missed = [p for p in result.key_points if p.status == "missed"]
    for p in strong:
        lines.append(f"+ {p.text} (\u201c{p.evidence}\u201d)")
    for p in partly:
        lines.append(f"~ Only partly: {p.text}")
    for p in missed:
        lines.append(f"- Missing: {p.text}")
    for m in result.misconceptions:
        lines.append(f"! \u201c{m.evidence}\u201d: {m.correction}")
    lines.extend(f"Note: {w}" for w in result.warnings)
    return "\n".join(lines)


def _star_of(result: GradeResult) -> StarAnalysis | None:
    if result.star is None:
        return None
    from barraiser.grading.behavioral import StarAnalysis

    return StarAnalysis.model_validate(result.star)


def _asked_shown(result: GradeResult) -> bool | None:
    """The grader's verdict on whether the story shows the asked principle (None: none)."""
    if not isinstance(result.star, dict):
        return None
    shown = result.star.get("asked_principle_shown")
    if shown is False and result.star.get("asked_principle_on_topic") is True:
        # The story answers the question in another principle's terms: no verdict that it
        # misses the asked principle, so it is probed there rather than redirected.
        return None
    return shown if isinstance(shown, bool) else None


def rich_follow_ups(
    result: GradeResult,
    rubric: PreparedRubric,
    principles: Sequence[LeadershipPrinciple] = (),
) -> list[FollowUpSuggestion]:
    """Follow-ups from :mod:`barraiser.grading.followups`: for a technical answer the rubric's
    and the missed points'; for a story, ones built from the story itself (its weakest STAR
    part, the asked principle, described by ``principles``)."""
    from barraiser.grading.followups import pick_follow_ups

    schema = rubric.question.rubric if rubric.question is not None else None
    picks = pick_follow_ups(
        schema,
        result.key_points,
        _star_of(result),
        question=rubric.question,
        principles=principles,
        asked_principle_shown=_asked_shown(result),
    )
    return [
        FollowUpSuggestion(question=p.question, probes=p.probes, reason=p.reason) for p in picks
    ]


def story_follow_up_hook(principles: Sequence[LeadershipPrinciple]) -> FollowUpHook:
    """The default follow-up hook of a grader that knows the Leadership Principles."""
    known = list(principles)

    def hook(result: GradeResult, rubric: PreparedRubric) -> list[FollowUpSuggestion]:
        return rich_follow_ups(result, rubric, known)

    return hook


def rich_feedback(result: GradeResult, rubric: PreparedRubric) -> str:
    """Feedback text from :mod:`barraiser.grading.feedback`, plus the grader's warnings."""
    from barraiser.grading.feedback import build_feedback

    text = build_feedback(
        result.score, result.key_points, result.misconceptions, _star_of(result), rubric.question
    ).text
    if result.warnings:
        text += "\n" + "\n".join(f"Note: {w}" for w in result.warnings)
    return text
