"""Behavioural grading figures: calibration levels, a STAR skeleton, off-topic stories.

Run: ``.venv/bin/python benchmarks/grading_behavioral.py [-v]``

Prints (1) strong / partial / weak calibration scores of the behavioural questions that have
them, and which of those answers tell the asked situation in another principle's terms (kept
and asked to name the asked principle, not redirected to another story), (2) the score of a
content-free STAR skeleton on every behavioural question, (3) the cross-question matrix: each
bank behavioural model answer graded as every *other* behavioural question (mean, max, the
worst pairs), and each model answer graded as its own question.
"""

from __future__ import annotations

import statistics
import sys

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading.grader import build_grader
from barraiser.grading.rubric import from_question

SKELETON = (
    "Situation: at my last job there was a difficult situation with a project. Task: my task "
    "was to handle it and deliver. Action: I took ownership, I analysed the problem, I talked "
    "to people and I made a decision. Result: as a result things improved by 20% and everyone "
    "was happy. I learned a lot from it."
)
#: Prompts that accept any solid project story (reported apart from the other off-topic pairs).
GENERIC = {"walk-me-through-a-project", "customer-feedback-changed-your-plan"}


def main() -> int:
    verbose = "-v" in sys.argv
    bank = get_bank()
    name = sys.argv[sys.argv.index("--grader") + 1] if "--grader" in sys.argv else None
    settings = Settings(grader=name) if name else Settings()
    grader = build_grader(settings, principles=list(bank.principles.values()))
    questions = sorted(
        (q for q in bank.questions.values() if q.kind == "behavioral"), key=lambda q: q.id
    )
    rubrics = {q.id: from_question(q) for q in questions}

    print("calibration (strong / partial / weak):")
    kept = []  # stories on the asked topic told in another principle's terms (not redirected)
    for q in questions:
        if len(q.calibration) >= 3:
            graded = {c.level: grader.grade(c.answer, rubrics[q.id]) for c in q.calibration}
            s = {level: result.score for level, result in graded.items()}
            print(f"  {q.id:40s} {s['strong']:5.1f} {s['partial']:5.1f} {s['weak']:5.1f}")
            kept += [
                f"{q.id} ({level})"
                for level, result in graded.items()
                if (result.star or {}).get("asked_principle_on_topic")
            ]
    print(
        f"\ncalibration answers kept on topic though another principle ranks first: "
        f"{len(kept)}" + (f" ({', '.join(kept)})" if kept else "")
    )

    skeleton = [grader.grade(SKELETON, rubrics[q.id]).score for q in questions]
    print(
        f"\nSTAR skeleton ({len(SKELETON.split())} words) on {len(questions)} questions: "
        f"mean {statistics.mean(skeleton):.1f}, max {max(skeleton):.1f}"
    )

    own, cross, generic = [], [], []
    for story in questions:
        answers = grader.grade_many([(story.model_answer, rubrics[q.id]) for q in questions])
        for q, result in zip(questions, answers, strict=True):
            if q.id == story.id:
                own.append((result.score, story.id))
            elif q.id in GENERIC:
                generic.append((result.score, story.id, q.id))
            else:
                cross.append((result.score, story.id, q.id))
    own_scores = [s for s, _ in own]
    print(
        f"\nmodel answers on their own question: mean {statistics.mean(own_scores):.1f} "
        f"(min {min(own_scores):.1f}, max {max(own_scores):.1f})"
    )
    if verbose:
        for score, qid in sorted(own):
            print(f"  {score:5.1f} {qid}")
    cross_scores = [s for s, _, _ in cross]
    print(
        f"off-topic (story of A graded as B, {len(cross)} pairs, generic prompts excluded): "
        f"mean {statistics.mean(cross_scores):.1f}, max {max(cross_scores):.1f}, "
        f"> 35: {sum(1 for s in cross_scores if s > 35)}"
    )
    for score, a, b in sorted(cross, reverse=True)[:5]:
        print(f"  {score:5.1f} story {a} graded as {b}")
    generic_scores = [s for s, _, _ in generic]
    print(
        f"generic prompts ({', '.join(sorted(GENERIC))}), {len(generic)} pairs: "
        f"mean {statistics.mean(generic_scores):.1f}, max {max(generic_scores):.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
