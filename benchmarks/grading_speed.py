"""Grader speed: cold start, warm latency for a 150-word answer with a 6-point rubric,
``grade-batch`` throughput and peak memory.

Run: ``.venv/bin/python benchmarks/grading_speed.py [--runs 200]``
The baseline in the same process is one bare ``encode`` of the answer's sentences (the model's
own cost); the ratio shows what the grader adds on top.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUBRIC = {
    "question": "You have two classifiers, 85% and 82% accurate. Which one do you ship?",
    "rubric": {
        "key_points": [
            {"id": "accuracy-insufficient", "text": "Accuracy alone is not enough to choose."},
            {"id": "imbalance", "text": "With imbalanced classes a trivial model is accurate."},
            {"id": "precision-recall", "text": "Compare precision and recall per class."},
            {"id": "threshold", "text": "Use PR-AUC or ROC-AUC and tune the threshold."},
            {"id": "cost", "text": "Weigh the business cost of false positives and negatives."},
            {"id": "significance", "text": "Check the gap is real with a confidence interval."},
        ]
    },
}
ANSWER = (
    "I'd first ask what the problem is, because accuracy can be really misleading. Say it's "
    "fraud and only a few percent of transactions are fraudulent: a model that just says not "
    "fraud every time could already be at 85%. So I'd look at the confusion matrix and compare "
    "precision and recall on the fraud class. If the 82% model catches far more fraud, it might "
    "well be the one I want, because a missed fraud costs much more than an extra manual review. "
    "I'd put a cost on each error type and compute the expected cost for both models on the "
    "validation set, and look at the PR curve since the threshold can be moved. I'd also make "
    "sure the 3% difference isn't just noise, for example with cross-validation or a bootstrap "
    "on the test set. And if they end up close, latency and explainability break the tie."
)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=300)
    args = parser.parse_args()

    start = time.perf_counter()
    import barraiser.grading as grading
    from barraiser.content.schemas import Rubric

    rubric = grading.from_rubric(Rubric.model_validate(RUBRIC["rubric"]), prompt=RUBRIC["question"])
    encoder = grading.get_backend()
    grader = grading.Grader(encoder)
    first = grader.grade(ANSWER, rubric)
    cold = time.perf_counter() - start
    words = len(ANSWER.split())

    from barraiser.grading.text import split_sentences

    sentences = [s.text for s in split_sentences(ANSWER)]
    for _ in range(5):
        grader.grade(ANSWER, rubric)
    base, warm = [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        encoder.encode(sentences)
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        grader.grade(ANSWER, rubric)
        warm.append(time.perf_counter() - t)
    p50, p95 = statistics.median(warm) * 1000, _percentile(warm, 0.95) * 1000
    b50 = statistics.median(base) * 1000
    print(f"cold start (import + model load + first grade): {cold:.2f} s")
    print(
        f"warm grade, {words}-word answer, {len(sentences)} sentences, 6-point rubric: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 <= 50 ms: "
        f"{'met' if p95 <= 50 else 'NOT met'}); score {first.score}"
    )
    print(
        f"baseline (bare encode of the sentences): p50 {b50:.1f} ms; grader/baseline "
        f"{p50 / b50:.2f}x"
    )
    print(
        f"peak RSS in-process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        rubric_file = Path(tmp) / "r.yaml"
        with src.open("w") as f:
            for i in range(args.batch):
                f.write(
                    json.dumps(
                        {
                            "id": i,
                            "answer": ANSWER,
                            "question_id": "choosing-between-two-accuracies",
                        }
                    )
                    + "\n"
                )
        del rubric_file
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "barraiser", "grade-batch", "--in", str(src), "--out", str(out)],
            capture_output=True,
            text=True,
        )
        total = time.perf_counter() - t
        if proc.returncode != 0:
            print(proc.stderr)
            return 1
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"grade-batch: {args.batch} answers in {total:.1f} s including start-up "
            f"({args.batch / total:.1f} answers/s); peak RSS of the command {child:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
