"""What a blend of the two built-in graders would do: score = w * verifier + (1 - w) * embedding.

An experiment, not a grader of the product: both graders grade every answer once, and the
blended score is measured for a few weights on

- the adversarial dev set (``benchmarks/data/adversarial_dev.yaml``): Pearson with the expert,
  pairwise ordering and wrong answers >= 55, on its "tune" and "test" question halves (choose a
  weight on the tune half, read the test half);
- the calibration triples of the bank (strong > partial > weak, strong >= 70, partial < 80);
- the model answers of the technical questions (the bank's gate: strong, no misconception
  flagged; the verifier's flags are the ones a blend would show);
- the UNT short answers (assignments 4-6 held out, 1-3), reference answer only.

Run: ``.venv/bin/python benchmarks/grader_blend.py [--weights 0,0.25,0.5,0.75,1]``
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import grading_adversarial as adversarial
import grading_agreement as agreement

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading.grader import build_grader
from barraiser.grading.rubric import from_question, from_reference

TECHNICAL = ("concept", "ml-design", "system-design")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default="0,0.25,0.5,0.75,1")
    args = parser.parse_args()
    weights = [float(w) for w in args.weights.split(",")]
    bank = get_bank()
    graders = {name: build_grader(Settings(grader=name)) for name in ("verifier", "embedding")}

    def both(items: list[tuple[str, Any]]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
        verified = graders["verifier"].grade_many(items)
        embedded = graders["embedding"].grade_many(items)
        return (
            np.array([r.score for r in verified]),
            np.array([r.score for r in embedded]),
            verified,
        )

    answers = adversarial.load_set()
    split = adversarial.question_split(answers)
    rubrics = {q: from_question(bank.question(q)) for q in {a["question"] for a in answers}}
    v, e, _ = both([(a["answer"], rubrics[a["question"]]) for a in answers])
    print(f"adversarial dev set: {len(answers)} answers")
    for w in weights:
        blended = w * v + (1 - w) * e
        for half in ("tune", "test"):
            rows = [
                {**a, "score": float(s)}
                for a, s in zip(answers, blended, strict=True)
                if split[a["question"]] == half
            ]
            f = adversarial.figures(rows)
            means = " ".join(f"{t} {g:.1f}" for t, (_, g) in f["by_type"].items())
            print(
                f"  w={w:.2f} {half}: Pearson {f['pearson']:.3f}, ordering {f['ordering']:.3f}, "
                f"wrong >= 55: {f['wrong_at_or_above_55']} | {means}"
            )

    questions = [q for q in bank.questions.values() if len(q.calibration) >= 3]
    items = [(q.id, c.level, c.answer, from_question(q)) for q in questions for c in q.calibration]
    v, e, _ = both([(answer, rubric) for _, _, answer, rubric in items])
    print(f"calibration: {len(questions)} questions")
    for w in weights:
        by: dict[str, dict[str, float]] = {}
        for (qid, level, _, _), score in zip(items, w * v + (1 - w) * e, strict=True):
            by.setdefault(qid, {})[level] = float(score)
        ordered = sum(1 for d in by.values() if d["strong"] > d["partial"] > d["weak"])
        low = sum(1 for d in by.values() if d["strong"] < 70)
        high = sum(1 for d in by.values() if d["partial"] >= 80)
        print(
            f"  w={w:.2f}: ordered {ordered}/{len(by)}, strong < 70: {low}, partial >= 80: {high}"
        )

    technical = [q for q in bank.questions.values() if q.kind in TECHNICAL]
    v, e, verified = both([(q.model_answer, from_question(q)) for q in technical])
    flagged = [q.id for q, r in zip(technical, verified, strict=True) if r.misconceptions]
    print(f"model answers: {len(technical)} technical questions; verifier flags on {len(flagged)}")
    for w in weights:
        blended = w * v + (1 - w) * e
        print(f"  w={w:.2f}: min {blended.min():.1f}, below 80: {int((blended < 80).sum())}")

    folder = agreement.DEFAULT_DATA
    with (folder / "questions.csv").open(encoding="utf-8") as handle:
        unt_questions = {row["id"]: row for row in csv.DictReader(handle)}
    with (folder / "answers.csv").open(encoding="utf-8") as handle:
        unt_answers = list(csv.DictReader(handle))
    references = {
        qid: from_reference(q["question"], q["answer"], question_id=qid)
        for qid, q in unt_questions.items()
    }
    v, e, _ = both([(a["answer"], references[a["id"]]) for a in unt_answers])
    gold = np.array([float(a["score"]) for a in unt_answers])
    held = np.array([int(a["id"].split(".")[0]) >= 4 for a in unt_answers])
    print(f"UNT short answers: {len(unt_answers)}")
    for w in weights:
        blended = w * v + (1 - w) * e
        held_r = np.corrcoef(blended[held], gold[held])[0, 1]
        rest_r = np.corrcoef(blended[~held], gold[~held])[0, 1]
        print(f"  w={w:.2f}: Pearson assignments 4-6 {held_r:.3f}, 1-3 {rest_r:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
