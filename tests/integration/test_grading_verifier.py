"""The default grader with the shipped claim verifier: right vs wrong, evidence, honesty, CLI."""

from __future__ import annotations

import pytest

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading import Grader, GradeResult, build_grader, from_question, from_reference
from barraiser.grading.verifier_grader import VERIFIER_GRADER_VERSION, VerifierGrader

ADAM_WRONG = (
    "Adam is a second-order optimizer: it estimates the Hessian of the loss and uses it to take "
    "Newton-like steps, which is why it converges so fast. It is also more memory-efficient "
    "than SGD with momentum, because it does not need to store a velocity for every weight. "
    "The learning rate basically does not matter with Adam, since it adapts it automatically, "
    "and Adam always generalises better than SGD, so for image classification it is the "
    "obvious choice."
)
RECALL_AS_PRECISION = (
    "Recall is the number of correct predictions divided by all the predictions the system "
    "marked as relevant, so to improve the recall of the search engine I would make the "
    "results stricter: show fewer results, only the ones we are very confident about, because "
    "every irrelevant result we show lowers recall. I would raise the score threshold of the "
    "retrieval step and cut the long tail of weak matches."
)


@pytest.fixture(scope="module")
def grader() -> Grader:
    bank = get_bank()
    built = build_grader(Settings(grader="verifier"), list(bank.principles.values()))
    assert isinstance(built, VerifierGrader)
    return built


def _grade(grader: Grader, answer: str, question_id: str) -> GradeResult:
    return grader.grade(answer, from_question(get_bank().question(question_id)))


@pytest.mark.xfail(
    strict=True,
    reason=(
        "target not met (docs/grading.md): verifier grader 2.8.0 (model 1.3.0) scores the "
        "issue's Adam answer 21.9 (2.5.0: 48.1) but flags only the learning-rate error: its "
        "memory sentence is read as contradicting the point at 0.76, below the 0.95 from "
        "which a contradiction is shown as an error"
    ),
)
def test_confident_wrong_adam_answer_scores_low_with_its_errors_flagged(grader: Grader) -> None:
    result = _grade(grader, ADAM_WRONG, "adam-optimizer")
    assert result.score < 25
    assert result.misconceptions, result.feedback
    flagged = " ".join(m.evidence for m in result.misconceptions)
    assert "memory-efficient" in flagged
    memory = next(p for p in result.key_points if p.id == "memory-cost")
    assert memory.status != "covered"
    assert memory.credit == 0.0


@pytest.mark.xfail(
    strict=True,
    reason=(
        "target not met (docs/grading.md): verifier grader 2.8.0 (model 1.3.0) scores "
        "the recall-as-precision answer 25.6 (2.7.0: 31.2; target < 25) and flags no error"
    ),
)
def test_recall_defined_as_precision_scores_low_and_is_flagged(grader: Grader) -> None:
    result = _grade(grader, RECALL_AS_PRECISION, "improving-search-recall")
    assert result.score < 25
    assert result.misconceptions, result.feedback


def test_result_records_grader_version_and_verdicts(grader: Grader) -> None:
    question = get_bank().question("adam-optimizer")
    result = grader.grade(question.model_answer, from_question(question))
    assert result.grader == "verifier"
    assert result.grader_version == VERIFIER_GRADER_VERSION
    assert "claim-verifier" in result.model
    covered = [p for p in result.key_points if p.status == "covered"]
    assert covered
    for point in covered:
        assert point.verdict == "states"
        assert point.evidence and point.evidence in " ".join(question.model_answer.split())
        assert point.confidence is not None and point.confidence >= 0.5


@pytest.mark.xfail(
    strict=True,
    reason=(
        "target not met (docs/grading.md): verifier grader 2.8.0 (model 1.3.0) rates 13 "
        "of the 74 technical model answers of the 142-question bank below strong or flags "
        "them (2.7.0: 12)"
    ),
)
def test_model_answers_score_strong_with_no_flag(grader: Grader) -> None:
    """A model answer graded against its own rubric is strong and says nothing wrong."""
    bank = get_bank()
    technical = [q for q in bank.questions.values() if q.kind in ("concept", "ml-design")]
    weak = []
    for question in technical:
        result = grader.grade(question.model_answer, from_question(question))
        if result.score < 70 or result.misconceptions:
            weak.append((question.id, result.score, [m.evidence for m in result.misconceptions]))
    assert len(weak) <= 1, weak


def test_a_contradicted_point_shows_the_point_as_correction(grader: Grader) -> None:
    answer = (
        "Adam keeps a running mean of the gradients and of their squares for every weight. "
        "Because of that it actually needs less optimizer memory than plain SGD."
    )
    result = _grade(grader, answer, "adam-optimizer")
    wrong = [m for m in result.misconceptions if "less optimizer memory" in m.evidence]
    assert wrong, result.misconceptions
    assert wrong[0].correction


def test_terse_correct_answer_is_not_penalised_for_length(grader: Grader) -> None:
    terse = (
        "Adam = momentum on the gradient plus RMSProp-style per-weight scaling by the root of "
        "the squared-gradient average, with bias correction. Costs two extra buffers per "
        "weight, and on CNNs tuned SGD with momentum often generalises better, so use AdamW "
        "with a schedule and compare on validation."
    )
    result = _grade(grader, terse, "adam-optimizer")
    assert result.score >= 60, result.feedback
    assert not any("too short" in w for w in result.warnings)


def test_padding_and_repetition_earn_nothing(grader: Grader) -> None:
    core = (
        "Adam divides each update by the square root of a running average of squared gradients, "
        "so every parameter gets its own step size, as in RMSProp."
    )
    once = _grade(grader, core, "adam-optimizer")
    assert once.score > 0, once.feedback
    padded = _grade(
        grader,
        " ".join([core] * 4)
        + " Optimisers are an important part of deep learning. There are many of them.",
        "adam-optimizer",
    )
    assert padded.score <= once.score + 1


@pytest.mark.xfail(
    strict=True,
    reason=(
        "target not met (docs/grading.md): verifier 1.3.0 (as 1.2.0) reads this terse "
        "statement of the per-weight step as contradicting it (score 0)"
    ),
)
def test_a_terse_true_sentence_earns_its_point(grader: Grader) -> None:
    core = (
        "Dividing by the root of the running mean of squared gradients gives each weight its "
        "own step size."
    )
    result = _grade(grader, core, "adam-optimizer")
    point = next(p for p in result.key_points if p.id == "per-parameter-adaptive-step")
    assert point.status == "covered", result.feedback


def test_names_without_explanation_earn_at_most_partly(grader: Grader) -> None:
    rambling = (
        "Adam, SGD, momentum, RMSProp, bias correction, AdamW, learning rate schedules, memory "
        "and generalisation are all important considerations, and there are many trade-offs "
        "between them that depend on the situation, so it really depends."
    )
    result = _grade(grader, rambling, "adam-optimizer")
    assert result.score <= 30
    assert all(p.status != "covered" for p in result.key_points)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "target not met (docs/grading.md): verifier grader 2.8.0 (model 1.3.0) orders 92 "
        "of the 122 calibration triples of the 142-question bank (2.7.0: 95)"
    ),
)
def test_calibration_triples_stay_ordered(grader: Grader) -> None:
    questions = [q for q in get_bank().questions.values() if len(q.calibration) >= 3]
    assert len(questions) >= 21
    bad = []
    for question in questions:
        rubric = from_question(question)
        score = {c.level: grader.grade(c.answer, rubric).score for c in question.calibration}
        if not score["strong"] > score["partial"] > score["weak"]:
            bad.append((question.id, score))
        assert score["partial"] < 80, (question.id, score)
    assert not bad, bad


def test_reference_only_rubric(grader: Grader) -> None:
    rubric = from_reference(
        "What is the role of a prototype program in problem solving?",
        "To simulate the behaviour of portions of the desired software product.",
    )
    right = grader.grade("It simulates how parts of the final software will behave.", rubric)
    wrong = grader.grade("A prototype is the first line of a C++ function declaration.", rubric)
    assert right.score > wrong.score + 30
    assert right.key_points[0].evidence


def test_grade_many_matches_grade(grader: Grader) -> None:
    rubric = from_question(get_bank().question("adam-optimizer"))
    answers = [ADAM_WRONG, get_bank().question("adam-optimizer").model_answer]
    batch = grader.grade_many([(a, rubric) for a in answers])
    single = [grader.grade(a, rubric) for a in answers]
    assert [r.score for r in batch] == pytest.approx([r.score for r in single], abs=0.5)


def test_a_sentence_refuting_a_misconception_is_not_flagged_for_it(grader: Grader) -> None:
    # The model answer's own sentence: the verifier alone reads it as stating the misconception
    # "overlapping intervals mean no significant difference"; it states the correction.
    answer = (
        "To compare two models I would skip the overlap check, since two intervals can overlap "
        "while the difference is significant."
    )
    result = _grade(grader, answer, "confidence-interval-meaning")
    assert "overlap-means-no-difference" not in [m.id for m in result.misconceptions]


def test_a_stated_misconception_stays_flagged(grader: Grader) -> None:
    result = _grade(grader, ADAM_WRONG, "adam-optimizer")
    assert "adam-needs-no-lr-tuning" in [m.id for m in result.misconceptions]
