"""Grader speed: model load, warm latency of a 150-word answer against a 6-point rubric,
``grade-batch`` throughput on 150-word answers, and peak memory.

Run: ``.venv/bin/python benchmarks/grading_speed.py [--runs 100] [--batch 228]``

The claim verifier grader and the 1.x embedding grader (the default) run in the same process,
so their ratio is measured on the same machine at the same moment; the baseline of each warm
figure is one bare ``encode`` of the answer's sentences (the embedding model's own cost).
Targets (issue 11): p95 <= 250 ms warm, load <= 4 s, peak RSS <= 700 MiB, grade-batch >= 8
answers/s end to end.
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
from typing import Any

import yaml

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
    "fraud every time could already be at 97%. So I'd look at the confusion matrix and compare "
    "precision and recall on the fraud class. If the 82% model catches far more fraud, it might "
    "well be the one I want, because a missed fraud costs much more than an extra manual review. "
    "I'd put a cost on each error type and compute the expected cost for both models on the "
    "validation set, and look at the PR curve since the threshold can be moved. I'd also make "
    "sure the 3-point difference isn't just noise, for example with cross-validation or a "
    "bootstrap on the test set. And if they end up close, latency and explainability break the tie."
)
DEV_SET = Path(__file__).resolve().parent / "data" / "adversarial_dev.yaml"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _long_answer(verifier: Any, embedding: Any, runs: int) -> None:
    """Warm latency on the bank's longest model answer (a design walk-through, graded in full
    since the graders read 1,000 words) against its own rubric: no target, a figure to watch."""
    from barraiser.content.bank import get_bank
    from barraiser.grading import from_question

    question = max(get_bank().questions.values(), key=lambda q: len(q.model_answer.split()))
    rubric = from_question(question)
    answer = question.model_answer
    print(
        f"warm grade, the longest model answer ({question.id}, {len(answer.split())} words, "
        f"{len(rubric.points)} key points):"
    )
    for name, grader in (("verifier", verifier), ("embedding", embedding)):
        grader.grade(answer, rubric)
        values = []
        for _ in range(runs):
            t = time.perf_counter()
            grader.grade(answer, rubric)
            values.append(time.perf_counter() - t)
        print(
            f"  {name:12s} p50 {statistics.median(values) * 1000:6.1f} ms  "
            f"p95 {_percentile(values, 0.95) * 1000:6.1f} ms  ({runs} runs)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--batch", type=int, default=0, help="answers for grade-batch (0: all)")
    args = parser.parse_args()

    start = time.perf_counter()
    from barraiser.config import Settings
    from barraiser.content.schemas import Rubric
    from barraiser.grading import build_grader, from_rubric
    from barraiser.grading.embeddings import get_backend
    from barraiser.grading.text import split_sentences

    imported = time.perf_counter() - start
    rubric = from_rubric(Rubric.model_validate(RUBRIC["rubric"]), prompt=RUBRIC["question"])
    t = time.perf_counter()
    verifier = build_grader(Settings(grader="verifier"))
    load = time.perf_counter() - t
    t = time.perf_counter()
    first = verifier.grade(ANSWER, rubric)
    first_grade = time.perf_counter() - t
    print(
        f"start: imports {imported:.2f} s, model load (embedding model + verifier) {load:.2f} s "
        f"(target <= 4 s), first grade {first_grade:.2f} s; peak RSS {_rss_mib():.0f} MiB"
    )
    embedding = build_grader(Settings(grader="embedding"))
    encoder = get_backend()
    sentences = [s.text for s in split_sentences(ANSWER)]
    words = len(ANSWER.split())
    timings: dict[str, list[float]] = {"bare encode": [], "verifier": [], "embedding": []}
    for _ in range(3):
        verifier.grade(ANSWER, rubric)
        embedding.grade(ANSWER, rubric)
    for _ in range(args.runs):
        for name, call in (
            ("bare encode", lambda: encoder.encode(sentences)),
            ("verifier", lambda: verifier.grade(ANSWER, rubric)),
            ("embedding", lambda: embedding.grade(ANSWER, rubric)),
        ):
            t = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - t)
    base = statistics.median(timings["bare encode"])
    print(f"warm grade, {words}-word answer, {len(sentences)} sentences, 6-point rubric:")
    for name, values in timings.items():
        p50, p95 = statistics.median(values), _percentile(values, 0.95)
        print(
            f"  {name:12s} p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
            f"({p50 / base:.1f}x a bare encode)"
        )
    p95 = _percentile(timings["verifier"], 0.95) * 1000
    print(f"  verifier p95 target <= 250 ms: {'met' if p95 <= 250 else 'NOT met'}")
    print(f"  score: verifier {first.score}, peak RSS in-process {_rss_mib():.0f} MiB")
    _long_answer(verifier, embedding, max(5, args.runs // 5))

    answers = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))["answers"]
    if args.batch:
        answers = answers[: args.batch]
    mean_words = statistics.fmean(len(a["answer"].split()) for a in answers)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w") as f:
            for i, a in enumerate(answers):
                line = {"id": i, "answer": a["answer"], "question_id": a["question"]}
                f.write(json.dumps(line) + "\n")
        for name in ("verifier", "embedding"):
            out = Path(tmp) / f"{name}.jsonl"
            t = time.perf_counter()
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "barraiser",
                    "grade-batch",
                    "--in",
                    str(src),
                    "--out",
                    str(out),
                ],
                capture_output=True,
                text=True,
                env={**_env(), "BARRAISER_GRADER": name},
            )
            total = time.perf_counter() - t
            if proc.returncode != 0:
                print(proc.stderr)
                return 1
            child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"grade-batch ({name}): {len(answers)} answers of {mean_words:.0f} words on "
                f"average in {total:.1f} s including start-up ({len(answers) / total:.1f} "
                f"answers/s; target >= 8 for the verifier); peak RSS of the commands so far "
                f"{child:.0f} MiB"
            )
    return 0


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


if __name__ == "__main__":
    raise SystemExit(main())
