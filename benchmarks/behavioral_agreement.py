"""Behavioural grading against expert scores: mean score per answer type, Pearson, the redirect.

Data: ``benchmarks/data/behavioral_dev.yaml``, 120 answers to 10 behavioural questions (6
types x 2 variants each: strong STAR story, short but real story, a "we" story with no result,
hypothetical "I would...", a strong story for another principle, generic platitudes), written
from the prompts alone and scored by an experienced interviewer.  The questions are split in
two in sorted order (even positions "tune", odd "test"): only tune answers were looked at when
the behavioural weights were chosen, so the test half is the honest figure.

Prints, per split and grader: the mean score of each type beside the expert mean and the issue's
target, Pearson r with the expert score, and for the other-principle type how often the grade
says the asked principle is not shown (the redirect).

Run: ``.venv/bin/python benchmarks/behavioral_agreement.py [--grader embedding,verifier]
[--split tune|test|all] [-v]``
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading.grader import build_grader
from barraiser.grading.rubric import from_question

DATA = Path(__file__).resolve().parent / "data" / "behavioral_dev.yaml"
#: The issue's targets: (comparison, bound) on each type's mean score.
TARGETS: dict[str, tuple[str, float]] = {
    "strong": (">=", 75),
    "short": (">=", 50),
    "we-no-result": ("<=", 40),
    "hypothetical": ("<=", 30),
    "other-principle": ("<=", 30),
    "platitudes": ("<=", 15),
}


def load_answers(path: Path = DATA) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    ids = sorted({a["question"] for a in answers})
    split = {q: ("tune" if i % 2 == 0 else "test") for i, q in enumerate(ids)}
    for a in answers:
        a["split"] = split[a["question"]]
    return answers


def _met(kind: str, value: float) -> str:
    op, bound = TARGETS[kind]
    ok = value >= bound if op == ">=" else value <= bound
    return f"{op} {bound:>3.0f} {'met' if ok else 'MISSED'}"


def report(rows: list[dict[str, Any]], verbose: bool) -> None:
    print(f"  {'type':16s} {'n':>3s} {'grader':>7s} {'expert':>7s}  target")
    for kind in TARGETS:
        mine = [r for r in rows if r["type"] == kind]
        if not mine:
            continue
        mean = statistics.mean(r["score"] for r in mine)
        expert = statistics.mean(r["expert_score"] for r in mine)
        print(f"  {kind:16s} {len(mine):3d} {mean:7.1f} {expert:7.1f}  {_met(kind, mean)}")
    ours = np.array([r["score"] for r in rows])
    gold = np.array([r["expert_score"] for r in rows], dtype=float)
    print(f"  Pearson r with the expert: {float(np.corrcoef(ours, gold)[0, 1]):.3f}")
    other = [r for r in rows if r["type"] == "other-principle"]
    redirected = sum(1 for r in other if r["shown"] is False)
    strong = [r for r in rows if r["type"] in ("strong", "short")]
    kept = sum(1 for r in strong if r["shown"] is True)
    print(
        f"  asked principle not shown: {redirected}/{len(other)} other-principle stories; "
        f"shown: {kept}/{len(strong)} strong and short stories"
    )
    if verbose:
        for r in sorted(rows, key=lambda r: (r["type"], r["question"])):
            print(
                f"    {r['type']:16s} {r['question']:34s} v{r['variant']} "
                f"{r['score']:5.1f} (expert {r['expert_score']}) shown={r['shown']}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grader", default="embedding")
    parser.add_argument("--split", default="all", choices=["tune", "test", "all"])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    bank = get_bank()
    answers = load_answers()
    for name in args.grader.split(","):
        grader = build_grader(Settings(grader=name), principles=list(bank.principles.values()))
        rubrics = {q: from_question(bank.questions[q]) for q in {a["question"] for a in answers}}
        results = grader.grade_many([(a["answer"], rubrics[a["question"]]) for a in answers])
        rows = []
        for a, result in zip(answers, results, strict=True):
            star = result.star or {}
            rows.append({**a, "score": result.score, "shown": star.get("asked_principle_shown")})
        splits = ["tune", "test"] if args.split == "all" else [args.split]
        for split in splits:
            print(f"{name} grader {grader.model}, {split} questions:")
            report([r for r in rows if r["split"] == split], args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
