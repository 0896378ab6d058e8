"""Leadership Principle detection: top-1 and top-3 accuracy on labelled stories.

Data: ``benchmarks/data/principle_stories.yaml``, 176 stories written to show one principle
(36 show two), without naming it, at least 11 per principle.  The detector is trained on
``content/principle_training`` only (633 other stories); its features, word weight and C were
chosen by cross-validation on the training stories (and, before 2026-12-04, a look at the 44
"tune" stories), so the 132 "test" stories are the honest figure.  A detection is right when
the top principle (top-1) or one of the top three (top-3) is one of the story's labels.
Detection runs exactly as in grading: ``analyze_behavioral`` on the story alone, with no
question.

Baseline in the same run: the nearest principle description (cosine between the story's mean
sentence vector and each principle's name, description and signals).

Run: ``.venv/bin/python benchmarks/principle_detection.py [-v]``
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from barraiser.content.bank import get_bank
from barraiser.grading.behavioral import analyze_behavioral
from barraiser.grading.embeddings import get_backend
from barraiser.grading.principles import embed_stories

DATA = Path(__file__).resolve().parent / "data" / "principle_stories.yaml"


def load_stories(path: Path = DATA) -> list[dict[str, Any]]:
    stories: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]
    return stories


def _accuracy(rows: list[tuple[list[str], list[str]]]) -> tuple[float, float]:
    top1 = sum(1 for labels, ranked in rows if ranked[:1] and ranked[0] in labels)
    top3 = sum(1 for labels, ranked in rows if any(r in labels for r in ranked[:3]))
    return top1 / len(rows), top3 / len(rows)


def main() -> int:
    verbose = "-v" in sys.argv
    bank = get_bank()
    principles = list(bank.principles.values())
    encoder = get_backend()
    stories = load_stories()
    detector: dict[str, list[str]] = {}
    for story in stories:
        analysis = analyze_behavioral(story["story"], principles, encoder, max_principles=16)
        detector[story["id"]] = [m.id for m in analysis.principles]
    described = encoder.encode(
        [f"{p.name}: {p.description} {' '.join(p.signals)}" for p in principles]
    )
    baseline: dict[str, list[str]] = {}
    for story, vectors in zip(
        stories, embed_stories([s["story"] for s in stories], encoder), strict=True
    ):
        mean = vectors.mean(axis=0)
        sims = described @ (mean / np.linalg.norm(mean))
        baseline[story["id"]] = [principles[i].id for i in np.argsort(-sims)]
    for split in ("tune", "test"):
        mine = [s for s in stories if s["split"] == split]
        for name, ranked in (("detector", detector), ("nearest description", baseline)):
            top1, top3 = _accuracy([(s["principles"], ranked[s["id"]]) for s in mine])
            print(
                f"{split:4s} ({len(mine):3d} stories) {name:20s} top-1 {top1:.3f}  top-3 {top3:.3f}"
            )
    test = [s for s in stories if s["split"] == "test"]
    misses = Counter(
        label
        for s in test
        for label in s["principles"][:1]
        if not detector[s["id"]] or detector[s["id"]][0] not in s["principles"]
    )
    print(
        "test top-1 misses by (first) label:",
        ", ".join(f"{k} {v}" for k, v in misses.most_common()),
    )
    if verbose:
        for s in test:
            got = detector[s["id"]][:3]
            mark = "ok " if got and got[0] in s["principles"] else "-- "
            print(f"  {mark}{s['id']} {'+'.join(s['principles'])}: {', '.join(got)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
