"""The bank's breadth against its targets, as `content check` prints it."""

from __future__ import annotations

from collections import Counter

from barraiser.content.bank import get_bank
from barraiser.content.coverage import PER_PRINCIPLE_TARGET, QUESTION_TARGETS, coverage


def test_coverage_counts_what_the_bank_holds() -> None:
    bank = get_bank()
    lines = {line.what: line for line in coverage(bank)}
    kinds = Counter(q.kind for q in bank.questions.values() if not bank.is_own(q.id))
    for kind, target in QUESTION_TARGETS.items():
        line = lines[f"{kind} questions"]
        assert (line.have, line.target) == (kinds[kind], target)
        assert line.met == (kinds[kind] >= target)
    for principle in bank.principles.values():
        line = lines[f"behavioural questions on {principle.name}"]
        assert line.target == PER_PRINCIPLE_TARGET
        assert line.have == sum(
            1
            for q in bank.questions.values()
            if q.kind == "behavioral" and principle.id in q.leadership_principles
        )
    kinds_of_problems = Counter(p.problem.kind for p in bank.problems.values())
    assert lines["ml-coding problems"].have == kinds_of_problems["ml-coding"] > 0
    assert lines["dsa problems"].have == kinds_of_problems["dsa"] > 0
    concept = lines["concept questions"]
    short = "" if concept.met else f" (short by {concept.target - concept.have})"
    assert str(concept) == f"concept questions: {concept.have} of {concept.target}{short}"
