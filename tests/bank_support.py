"""Answers and solutions from the shipped content, for tests that play a candidate."""

from __future__ import annotations

from barraiser.content.loader import Bank


def calibration(bank: Bank, question_id: str, level: str) -> str:
    """The question's calibration answer at ``level`` (strong, partial or weak)."""
    question = bank.questions[question_id]
    return next(c.answer for c in question.calibration if c.level == level)


def story_answer(bank: Bank, question_id: str) -> str:
    """A behavioural answer from the bank: its partial calibration answer, or (most stories have
    no calibration answers) the model answer without its closing paragraph (the lesson)."""
    question = bank.questions[question_id]
    partial = [c.answer for c in question.calibration if c.level == "partial"]
    if partial:
        return partial[0]
    assert question.model_answer, f"{question_id} has neither calibration nor model answer"
    paragraphs = question.model_answer.strip().split("\n\n")
    return "\n\n".join(paragraphs[:-1] or paragraphs)


def weak_story(bank: Bank, question_id: str) -> str:
    """A weak behavioural answer: the weak calibration answer, or (a story without calibration
    answers) only the model answer's first paragraph, the situation, with no action or result."""
    question = bank.questions[question_id]
    weak = [c.answer for c in question.calibration if c.level == "weak"]
    if weak:
        return weak[0]
    return question.model_answer.strip().split("\n\n")[0]


def reference_source(bank: Bank, problem_id: str) -> str:
    """The problem's Python reference solution, which the content promises is Accepted."""
    loaded = bank.problems[problem_id]
    return loaded.solution_path(loaded.problem.python_reference).read_text()
