"""Agreement with human graders on the UNT short-answer data set (Mohler et al. 2011).

Each student answer is graded against its question's reference answer only (a rubric derived
from the reference, as for an ad-hoc question); nothing is trained or tuned on these scores.
Reports Pearson and Spearman r between our 0-100 score and the mean human score (0-5), and RMSE
after a linear map of our score to 0-5 (least squares, the one fitted step, as in the papers'
regression baselines), on the whole set and on the held-out half: the grader's weights for
reference-only rubrics were chosen on assignments 1-3, so assignments 4-6 are the honest
figure.  Baselines in the same run: a bag-of-words cosine (lexical overlap) and
the plain embedding cosine between answer and reference.  Published figures on all 12
assignments: r 0.518 (Mohler et al. 2011), 0.592 (Sultan et al. 2016), both supervised.

Both graders run in the same process: the claim verifier (the default grader; nothing of it was
trained or tuned on UNT) and the 1.x embedding grader (whose reference-only weights were chosen
on assignments 1-3).

Run: ``.venv/bin/python benchmarks/grading_agreement.py [--data DIR] [--grader verifier,embedding]``
(default data: ``../shared/data/short-answer-grading``).  ``--tune`` also prints how the
verifier grader's reference-only weights (coverage, similarity, recall) were chosen: a grid on
assignments 1-3 only, with the held-out figure of each of the best rows beside it.
"""

from __future__ import annotations

import argparse
import csv
import math
import time
from collections import Counter
from pathlib import Path

import numpy as np

from barraiser.config import Settings
from barraiser.grading.embeddings import get_backend
from barraiser.grading.grader import build_grader
from barraiser.grading.rubric import from_reference
from barraiser.grading.text import content_words

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/short-answer-grading"


def _rank(values: np.ndarray) -> np.ndarray:
    order = values.argsort(kind="mergesort")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    # average ties
    for value in np.unique(values):
        mask = values == value
        if mask.sum() > 1:
            ranks[mask] = ranks[mask].mean()
    return ranks


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def _rmse_after_linear_map(pred: np.ndarray, gold: np.ndarray) -> float:
    slope, intercept = np.polyfit(pred, gold, 1)
    mapped = np.clip(slope * pred + intercept, 0, 5)
    return float(math.sqrt(np.mean((mapped - gold) ** 2)))


def _bow_cosine(a: str, b: str) -> float:
    ca, cb = Counter(content_words(a)), Counter(content_words(b))
    dot = sum(ca[w] * cb[w] for w in ca)
    norm = math.sqrt(sum(v * v for v in ca.values())) * math.sqrt(sum(v * v for v in cb.values()))
    return dot / norm if norm else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--grader", default="verifier,embedding")
    parser.add_argument("--tune", action="store_true", help="grid the reference-only weights")
    args = parser.parse_args()
    with (args.data / "questions.csv").open(encoding="utf-8") as f:
        questions = {row["id"]: row for row in csv.DictReader(f)}
    with (args.data / "answers.csv").open(encoding="utf-8") as f:
        answers = list(csv.DictReader(f))
    encoder = get_backend()
    rubrics = {
        qid: from_reference(q["question"], q["answer"], question_id=qid)
        for qid, q in questions.items()
    }
    items = [(a["answer"], rubrics[a["id"]]) for a in answers]
    graded: dict[str, np.ndarray] = {}
    elapsed: dict[str, float] = {}
    for name in args.grader.split(","):
        grader = build_grader(Settings(grader=name))
        start = time.perf_counter()
        graded[name] = np.array([r.score for r in grader.grade_many(items)])
        elapsed[name] = time.perf_counter() - start
    gold = np.array([float(a["score"]) for a in answers])
    bow = np.array([_bow_cosine(a["answer"], questions[a["id"]]["answer"]) for a in answers])
    ans_vec = encoder.encode([a["answer"] for a in answers])
    ref_vec = encoder.encode_cached([questions[a["id"]]["answer"] for a in answers])
    cosine = (ans_vec * ref_vec).sum(axis=1)

    assignment = np.array([int(a["id"].split(".")[0]) for a in answers])
    splits = (
        ("whole set", np.ones(len(answers), dtype=bool)),
        ("held out: assignments 4-6", assignment >= 4),
        ("tuning: assignments 1-3", assignment <= 3),
    )
    print(f"UNT short answers: {len(answers)} answers to {len(questions)} questions")
    for title, mask in splits:
        print(f"\n{title} ({int(mask.sum())} answers)")
        print(f"{'method':38s} {'Pearson':>8s} {'Spearman':>9s} {'RMSE':>6s}")
        methods = [(f"barraiser {name} grader", scores) for name, scores in graded.items()]
        methods += [("baseline: bag-of-words cosine", bow), ("baseline: embedding cosine", cosine)]
        for name, pred in methods:
            p, g = pred[mask], gold[mask]
            print(
                f"{name:38s} {_pearson(p, g):8.3f} {_pearson(_rank(p), _rank(g)):9.3f} "
                f"{_rmse_after_linear_map(p, g):6.3f}"
            )
    print("published (all 12 assignments, supervised): Mohler 2011 r=0.518, Sultan 2016 r=0.592")
    for name, seconds in elapsed.items():
        print(f"{name}: graded in {seconds:.1f} s ({len(answers) / seconds:.0f} answers/s)")
    if args.tune:
        _tune(items, gold, assignment)
    return 0


def _tune(items: list, gold: np.ndarray, assignment: np.ndarray) -> None:
    """The verifier grader's reference-only weights: a grid chosen on assignments 1-3 only.

    Each component is graded alone (its weight 1, the others 0); the blend before any error
    penalty is linear in them.
    """
    from dataclasses import replace

    from barraiser.grading.verifier import get_verifier
    from barraiser.grading.verifier_grader import DEFAULT_POLICY, VerifierGrader

    names = ("coverage", "similarity", "recall")
    parts = []
    for name in names:
        weights = {f"reference_{n}_weight": float(n == name) for n in names}
        grader = VerifierGrader(
            get_backend(), get_verifier(), policy=replace(DEFAULT_POLICY, **weights)
        )
        parts.append(np.array([r.score for r in grader.grade_many(items)]))
    tune, held = assignment <= 3, assignment >= 4
    rows = []
    for a in range(11):
        for b in range(11 - a):
            w = (a / 10, b / 10, (10 - a - b) / 10)
            blend = sum(wi * part for wi, part in zip(w, parts, strict=True))
            if blend[tune].std() == 0:
                continue
            rows.append((_pearson(blend[tune], gold[tune]), _pearson(blend[held], gold[held]), w))
    rows.sort(key=lambda row: -row[0])
    print("\nreference-only weights (coverage, similarity, recall), best on assignments 1-3:")
    for r_tune, r_held, w in rows[:6]:
        print(f"  {w}: Pearson 1-3 {r_tune:.3f}, 4-6 {r_held:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
