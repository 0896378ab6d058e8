"""Agreement with an expert on an adversarial answer set: does the grader tell right from wrong?

The first set (``benchmarks/data/adversarial_dev.yaml``) holds 12 answers to each of the 19
technical bank questions it was built for, two of each type: expert, terse but correct, partial,
fluent-but-wrong, off-topic, rambling; each scored 0-100 by an experienced interviewer who wrote
them from the question prompts alone (no rubric, no model answer).  The second set
(``adversarial_dev_2.yaml``, built the same way) covers technical questions written later; no
scoring constant was ever chosen on it.  Both are used to measure, never to train.

Reported per grader (the claim verifier and the 1.x embedding baseline, in the same run):
mean score per answer type (expert vs grader), Pearson r with the expert, pairwise ordering
within a question (of the answer pairs the expert scores at least 10 apart, the share the
grader orders the same way), wrong answers at or above 55, and the same figures on the
"tune" questions (even positions in id order: the only ones looked at when the verifier
grader's few scoring constants were set) and the "test" questions (odd positions) of the first
set, on the second set, and on the questions whose claims were held out of the verifier's
training.

Run: ``.venv/bin/python benchmarks/grading_adversarial.py [--grader verifier,embedding]
[--data FILE ...] [-v]`` (default: both sets).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading.grader import build_grader
from barraiser.grading.rubric import from_question
from barraiser.grading.verifier.train import HELD_OUT_QUESTIONS

DATA = Path(__file__).resolve().parent / "data" / "adversarial_dev.yaml"
DATA_2 = DATA.with_name("adversarial_dev_2.yaml")
TYPES = ("expert", "terse", "partial", "wrong", "off-topic", "rambling")
#: Pairs the expert scores closer than this are not counted in the ordering figure.
ORDER_MIN_GAP = 10.0


def load_set(path: Path = DATA) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    answers: list[dict[str, Any]] = [{**a, "set": path.stem} for a in data["answers"]]
    return answers


def default_sets() -> list[Path]:
    return [p for p in (DATA, DATA_2) if p.exists()]


def question_split(answers: Sequence[dict[str, Any]]) -> dict[str, str]:
    """``tune`` or ``test`` for each question id (alternating in sorted order)."""
    ids = sorted({a["question"] for a in answers})
    return {q: ("tune" if i % 2 == 0 else "test") for i, q in enumerate(ids)}


def figures(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Type means, Pearson, pairwise ordering and wrong-answer counts for some graded rows."""
    if len(rows) < 3:
        return {}
    expert = np.array([r["expert_score"] for r in rows], dtype=float)
    grader = np.array([r["score"] for r in rows], dtype=float)
    by_type = {
        t: (
            statistics.fmean(r["expert_score"] for r in rows if r["type"] == t),
            statistics.fmean(r["score"] for r in rows if r["type"] == t),
        )
        for t in TYPES
        if any(r["type"] == t for r in rows)
    }
    agree = total = 0.0
    by_question: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_question.setdefault(r["question"], []).append(r)
    for group in by_question.values():
        for a, b in combinations(group, 2):
            gap = a["expert_score"] - b["expert_score"]
            if abs(gap) < ORDER_MIN_GAP:
                continue
            total += 1
            diff = a["score"] - b["score"]
            agree += 1.0 if diff * gap > 0 else 0.5 if diff == 0 else 0.0
    wrong = [r["score"] for r in rows if r["type"] == "wrong"]
    return {
        "answers": len(rows),
        "by_type": by_type,
        "pearson": float(np.corrcoef(expert, grader)[0, 1]),
        "ordering": agree / total if total else float("nan"),
        "wrong_at_or_above_55": sum(1 for s in wrong if s >= 55),
        "wrong_max": max(wrong) if wrong else float("nan"),
    }


def grade_all(grader_name: str, answers: Sequence[dict[str, Any]]) -> tuple[list[dict], float]:
    bank = get_bank()
    grader = build_grader(Settings(grader=grader_name), list(bank.principles.values()))
    rubrics = {q: from_question(bank.question(q)) for q in {a["question"] for a in answers}}
    start = time.perf_counter()
    results = grader.grade_many([(a["answer"], rubrics[a["question"]]) for a in answers])
    seconds = time.perf_counter() - start
    rows = []
    for a, r in zip(answers, results, strict=True):
        rows.append({**a, "score": r.score, "result": r})
    return rows, seconds


def _print(title: str, f: dict[str, Any]) -> None:
    if not f:
        return
    print(f"  {title}: {f['answers']} answers")
    print("    type        expert  grader")
    for t, (e, g) in f["by_type"].items():
        print(f"    {t:10s}  {e:6.1f}  {g:6.1f}")
    print(
        f"    Pearson {f['pearson']:.3f}; pairwise ordering {f['ordering']:.3f}; "
        f"wrong answers >= 55: {f['wrong_at_or_above_55']} (max {f['wrong_max']:.1f})"
    )


def _print_sources(rows: Sequence[dict[str, Any]]) -> None:
    """Where the points come from: weighted key-point coverage and errors flagged, per type."""
    print("  per type: weighted coverage (0-1), errors flagged per answer")
    for kind in TYPES:
        results = [r["result"] for r in rows if r["type"] == kind]
        if not results:
            continue
        coverage = [
            sum(k.weight * k.credit for k in res.key_points)
            / (sum(k.weight for k in res.key_points) or 1.0)
            for res in results
        ]
        flags = [len(res.misconceptions) for res in results]
        print(
            f"    {kind:10s} coverage {statistics.mean(coverage):.2f}  "
            f"errors {statistics.mean(flags):.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grader", default="verifier,embedding")
    parser.add_argument("--data", type=Path, action="append", help="A set (repeatable).")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    sets = args.data or default_sets()
    answers = [a for path in sets for a in load_set(path)]
    first = [a for a in answers if a["set"] == DATA.stem]
    split = question_split(first)
    for name in args.grader.split(","):
        rows, seconds = grade_all(name, answers)
        print(f"grader {name}: {len(rows)} answers graded in {seconds:.1f} s")
        _print("all (" + ", ".join(p.name for p in sets) + ")", figures(rows))
        if len(sets) > 1:
            for path in sets:
                _print(path.name, figures([r for r in rows if r["set"] == path.stem]))
        _print(
            "tune questions of the first set",
            figures([r for r in rows if split.get(r["question"]) == "tune"]),
        )
        _print(
            "test questions of the first set",
            figures([r for r in rows if split.get(r["question"]) == "test"]),
        )
        held = [r for r in rows if r["question"] in HELD_OUT_QUESTIONS]
        _print("questions held out of the verifier's training", figures(held))
        _print_sources(rows)
        if args.verbose:
            for r in rows:
                res = r["result"]
                marks = " ".join(
                    f"{k.id}:{(k.verdict or '-')[:4]}{k.credit:.2f}" for k in res.key_points
                )
                wrong = ",".join(m.id for m in res.misconceptions)
                print(
                    f"    {r['question'][:28]:28s} {r['type']:9s} v{r['variant']} "
                    f"expert {r['expert_score']:3.0f} grader {r['score']:5.1f} | {marks} | "
                    f"errors: {wrong}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
