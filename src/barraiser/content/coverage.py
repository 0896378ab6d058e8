"""How much of each kind of content the bank holds, against the sizes the product aims for.

``barraiser content check`` prints these lines: a reading of the bank's breadth, not a
failure (content arrives in batches; the check fails only on content that is wrong).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from barraiser.content.loader import Bank

#: Free-text questions of each kind the bank aims for (the content-at-scale issue).
QUESTION_TARGETS = {"concept": 260, "ml-design": 40, "system-design": 25, "behavioral": 100}
#: Behavioural questions per Leadership Principle.
PER_PRINCIPLE_TARGET = 5
#: Judge problems of each kind.
PROBLEM_TARGETS = {"dsa": 80, "ml-coding": 25}


@dataclass(frozen=True)
class CoverageLine:
    what: str
    have: int
    target: int

    @property
    def met(self) -> bool:
        return self.have >= self.target

    def __str__(self) -> str:
        short = "" if self.met else f" (short by {self.target - self.have})"
        return f"{self.what}: {self.have} of {self.target}{short}"


def coverage(bank: Bank) -> list[CoverageLine]:
    """The bank's questions by kind, behavioural questions by principle and problems by kind,
    each against its target (the user's own draft questions do not count)."""
    shipped = [q for q in bank.questions.values() if not bank.is_own(q.id)]
    kinds: Counter[str] = Counter(q.kind for q in shipped)
    lines = [
        CoverageLine(f"{kind} questions", kinds[kind], n) for kind, n in QUESTION_TARGETS.items()
    ]
    per_principle = Counter(
        p for q in shipped if q.kind == "behavioral" for p in set(q.leadership_principles)
    )
    for principle in bank.principles.values():
        lines.append(
            CoverageLine(
                f"behavioural questions on {principle.name}",
                per_principle[principle.id],
                PER_PRINCIPLE_TARGET,
            )
        )
    problems: Counter[str] = Counter(p.problem.kind for p in bank.problems.values())
    lines += [
        CoverageLine(f"{kind} problems", problems[kind], n) for kind, n in PROBLEM_TARGETS.items()
    ]
    return lines


def reviewed_share(bank: Bank) -> tuple[int, int]:
    """(reviewed, all) free-text questions of the shipped bank."""
    free = [q for q in bank.questions.values() if q.is_free_text and not bank.is_own(q.id)]
    return sum(q.reviewed for q in free), len(free)
