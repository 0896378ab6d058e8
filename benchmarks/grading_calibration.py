"""Calibration: strong > partial > weak on the shipped calibration answers of each question.

The grader is built as the app builds it (with the Leadership Principles, which behavioural
stories are scored on), and the issue's bands are counted too: a partial answer never rated
strong (80 or more), a strong one never below 70.

Run: ``.venv/bin/python benchmarks/grading_calibration.py [-v] [--grader NAME]`` (the graders of
``BARRAISER_GRADER``; default: the one the settings choose).
"""

from __future__ import annotations

import statistics
import sys
import time

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading.bands import STRONG_FROM
from barraiser.grading.grader import build_grader
from barraiser.grading.rubric import from_question

#: The issue's floor for a strong calibration answer.
STRONG_LOW = 70.0


def main() -> int:
    verbose = "-v" in sys.argv
    name = sys.argv[sys.argv.index("--grader") + 1] if "--grader" in sys.argv else None
    bank = get_bank()
    start = time.perf_counter()
    grader = build_grader(
        Settings(grader=name) if name else Settings(), list(bank.principles.values())
    )
    print(f"grader {grader.name} {grader.version}")
    load_s = time.perf_counter() - start
    questions = [q for q in bank.questions.values() if len(q.calibration) >= 3]
    right = 0
    partial_strong: list[str] = []
    strong_low: list[str] = []
    gaps_sp, gaps_pw = [], []
    by_level: dict[str, list[float]] = {"strong": [], "partial": [], "weak": []}
    for q in questions:
        rubric = from_question(q)
        scores = {c.level: grader.grade(c.answer, rubric) for c in q.calibration}
        s, p, w = (scores[k].score for k in ("strong", "partial", "weak"))
        ok = s > p > w
        if p >= STRONG_FROM:
            partial_strong.append(f"{q.id} {p:.1f}")
        if s < STRONG_LOW:
            strong_low.append(f"{q.id} {s:.1f}")
        right += ok
        gaps_sp.append(s - p)
        gaps_pw.append(p - w)
        for level, r in scores.items():
            by_level[level].append(r.score)
        mark = "ok " if ok else "BAD"
        print(f"{mark} {q.id:45s} strong {s:5.1f}  partial {p:5.1f}  weak {w:5.1f}")
        if verbose:
            for level, r in scores.items():
                flags = ", ".join(m.id for m in r.misconceptions)
                pts = " ".join(f"{k.id}:{k.status[0]}{k.similarity:.2f}" for k in r.key_points)
                print(f"    {level:7s} {pts} | mis: {flags} | {'; '.join(r.warnings)}")
    n = len(questions)
    print(f"\nranked fully right: {right}/{n} ({100 * right / n:.0f}%)")
    print(
        f"mean score strong {statistics.mean(by_level['strong']):.1f}, "
        f"partial {statistics.mean(by_level['partial']):.1f}, "
        f"weak {statistics.mean(by_level['weak']):.1f}"
    )
    print(
        f"gap strong-partial: mean {statistics.mean(gaps_sp):.1f}, min {min(gaps_sp):.1f}; "
        f"partial-weak: mean {statistics.mean(gaps_pw):.1f}, min {min(gaps_pw):.1f}"
    )
    print(
        f"partial rated strong (>= {STRONG_FROM:g}): {len(partial_strong)}"
        + (f" ({', '.join(partial_strong)})" if partial_strong else "")
    )
    print(
        f"strong below {STRONG_LOW:g}: {len(strong_low)}"
        + (f" ({', '.join(strong_low)})" if strong_low else "")
    )
    print(f"(model load {load_s:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
