"""The grading result's presentation: the answer cut into highlighted, linked runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from barraiser.grading.result import KeyPointResult, MisconceptionResult
from barraiser.web.grading_models import GradedAnswer
from barraiser.web.grading_view import evidence_anchor, highlight, plain_point

ANSWER = (
    "Use softmax at the output.\nIt gives one probability per class.\n\nSigmoid is always best."
)


def _point(n: int, status: str, span: tuple[int, int] | None) -> KeyPointResult:
    return KeyPointResult(
        id=f"p{n}",
        text=f"Point {n}.",
        weight=1.0,
        status=status,  # type: ignore[arg-type]
        similarity=0.7,
        credit=1.0 if status == "covered" else 0.5,
        evidence=ANSWER[span[0] : span[1]] if span else None,
        evidence_span=span,
    )


def _graded(points: list[KeyPointResult], wrong: list[MisconceptionResult]) -> GradedAnswer:
    data: dict[str, Any] = {
        "score": 50.0,
        "key_points": points,
        "misconceptions": wrong,
        "answer_id": 1,
        "answer": ANSWER,
        "created_at": datetime(2026, 1, 1),
    }
    return GradedAnswer.model_validate(data)


def test_overlapping_evidence_is_cut_into_runs_with_anchors_and_links() -> None:
    first = ANSWER.index(".") + 1
    second = ANSWER.index("class.") + len("class.")
    wrong_start = ANSWER.index("Sigmoid")
    points = [
        _point(1, "covered", (0, first)),
        _point(2, "partly", (0, second)),  # a window of two sentences
        _point(3, "missed", None),
        _point(4, "covered", (5, 10_000)),  # out of range: ignored, not a crash
    ]
    wrong = [
        MisconceptionResult(
            id="m",
            statement="Sigmoid is always best.",
            correction="Softmax for one label.",
            evidence="Sigmoid is always best.",
            evidence_span=(wrong_start, len(ANSWER)),
            similarity=0.9,
        )
    ]
    result = _graded(points, wrong)
    runs = highlight(result)

    # Nothing is lost: the runs give back the text (soft line breaks shown as spaces).
    assert "".join(r.text for r in runs) == ANSWER.replace("output.\n", "output. ")
    assert runs[0].text == "Use softmax at the output."
    assert runs[0].kind == "covered"  # covered beats partly
    assert runs[0].anchors == ["ev-kp-1", "ev-kp-2"]
    assert runs[0].refs == [("#kp-1", "1")]
    assert runs[1].kind == "partly" and runs[1].refs == [("#kp-2", "2")]
    assert runs[-1].kind == "wrong" and runs[-1].anchors == ["ev-mc-1"]
    assert runs[-1].refs == [("#mc-1", "!1")]
    plain = [r for r in runs if not r.kind]
    assert plain and all(not r.refs for r in plain)

    assert evidence_anchor(result, 1) == "#ev-kp-1"
    assert evidence_anchor(result, 3) is None
    assert evidence_anchor(result, 4) is None


def test_key_points_in_the_candidates_words() -> None:
    assert plain_point("Describes their own actions (e.g. I decided), not the team's.") == (
        "Describes your own actions, not the team's"
    )
