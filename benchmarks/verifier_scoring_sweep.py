"""How the verifier grader's scoring constants were chosen: a sweep on the "tune" questions.

The adversarial development set (``benchmarks/data/adversarial_dev.yaml``) is split by
question: "tune" (even positions in id order) and "test" (odd).  This script grades the whole
set once with the shipped verifier (every verdict is memoised, so each setting re-scores in
seconds), tries the settings of a small grid, ranks them by an objective computed on the
**tune** questions only, and prints the best settings with their figures on both halves.  The
test half is never used to choose; ``docs/grading.md`` quotes it as the honest figure.

Objective (tune half): pairwise ordering + Pearson, less a penalty for each answer-type target
it misses (wrong <= 20, rambling <= 30, terse >= 60, off-topic <= 10; expert >= 80).

Run: ``.venv/bin/python benchmarks/verifier_scoring_sweep.py [--grid NAME] [--top 5]``
(grids: constants, windows, corrections, speed)
"""

from __future__ import annotations

import argparse
import itertools
import time
from dataclasses import asdict, replace
from typing import Any

import numpy as np
from grading_adversarial import figures, load_set, question_split  # type: ignore[import-not-found]

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.grading.embeddings import get_backend
from barraiser.grading.rubric import from_question
from barraiser.grading.verifier import get_verifier
from barraiser.grading.verifier_grader import DEFAULT_POLICY, ScoringPolicy, VerifierGrader

GRIDS: dict[str, dict[str, list[Any]]] = {
    # The credit and penalty constants.
    "constants": {
        "full_credit_at": [0.7, 0.85],
        "flag_at": [0.8, 0.9, 0.95],
        "misconception_at": [0.8, 0.9, 0.95],
        "error_factor": [0.6, 0.85],
        "error_points": [0.0, 6.0],
        "curve": [0.7, 1.0],
    },
    # How many units are verified, and whether a window defers to its own sentences.
    "windows": {
        "window_veto_at": [0.5, 0.7, 1.01],  # 1.01: no veto
        "window_veto_second_only": [False, True],
        "top_sentences": [2, 3],
        "flag_at": [0.7, 0.8, 0.95],
    },
    # Fewer pairs for the verifier (its runs are most of grade-batch's time): a higher cosine
    # floor, fewer closest sentences, windows only from the two closest.
    "speed": {
        "min_cosine": [0.1, 0.2, 0.25, 0.3, 0.35, 0.4],
        "top_sentences": [1, 2],
        "window_from_top": [2, 3],
    },
    # Whether a unit that states a misconception's correction is spared its flag.
    "corrections": {
        "correction_veto_at": [0.3, 0.5, 0.7, 1.01],  # 1.01: no veto
        "misconception_at": [0.7, 0.8, 0.9],
    },
}


class MemoVerifier:
    """The real verifier behind a memo of (target, text) -> probabilities."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name, self.version, self.card = inner.name, inner.version, inner.card
        self.memo: dict[tuple[str, str], np.ndarray] = {}
        #: Pairs asked for since the last reset (what the real verifier would have run).
        self.asked = 0

    def verify(self, pairs: list[tuple[str, str]], **_: Any) -> np.ndarray:
        self.asked += len(pairs)
        missing = list(dict.fromkeys(p for p in pairs if p not in self.memo))
        if missing:
            for pair, row in zip(missing, self.inner.verify(missing), strict=True):
                self.memo[pair] = row
        out = np.zeros((len(pairs), 4), dtype=np.float32)
        for i, pair in enumerate(pairs):
            out[i] = self.memo[pair]
        return out


class MemoEncoder:
    """The sentence encoder behind a memo (answer sentences are encoded once for the sweep)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name = inner, inner.name
        self.memo: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            for text, row in zip(missing, self.inner.encode(missing), strict=True):
                self.memo[text] = row
        if not texts:
            return self.inner.encode([])
        return np.stack([self.memo[t] for t in texts])

    def encode_cached(self, texts: list[str]) -> np.ndarray:
        return self.inner.encode_cached(texts)


def penalty(f: dict[str, Any]) -> float:
    means = {t: g for t, (_e, g) in f["by_type"].items()}
    misses = [
        max(0.0, means.get("wrong", 0) - 20),
        max(0.0, means.get("rambling", 0) - 30),
        max(0.0, 60 - means.get("terse", 100)),
        max(0.0, means.get("off-topic", 0) - 10),
        max(0.0, 80 - means.get("expert", 100)),
    ]
    return sum(misses) / 100


def objective(f: dict[str, Any]) -> float:
    return float(f["ordering"] + f["pearson"] - penalty(f))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--grid", choices=sorted(GRIDS), default="constants")
    args = parser.parse_args()
    bank = get_bank()
    answers = load_set()
    split = question_split(answers)
    settings = Settings()
    memo = MemoVerifier(get_verifier(settings.verifier_model))
    encoder = MemoEncoder(get_backend(settings))
    rubrics = {q: from_question(bank.question(q)) for q in {a["question"] for a in answers}}
    items = [(a["answer"], rubrics[a["question"]]) for a in answers]

    def run(policy: ScoringPolicy) -> dict[str, dict[str, Any]]:
        grader = VerifierGrader(
            encoder,  # type: ignore[arg-type]
            memo,  # type: ignore[arg-type]
            policy=policy,
            # The written feedback does not change the score: skip it to sweep faster.
            feedback=lambda _result, _rubric: "",
            follow_ups=lambda _result, _rubric: [],
        )
        memo.asked = 0
        results = grader.grade_many(items)
        pairs = memo.asked / len(items)
        rows = [{**a, "score": r.score} for a, r in zip(answers, results, strict=True)]
        return {
            half: {
                **figures([r for r in rows if split[r["question"]] == half]),
                "pairs": pairs,
            }
            for half in ("tune", "test")
        }

    start = time.perf_counter()
    baseline = run(DEFAULT_POLICY)
    print(
        f"default policy (graded in {time.perf_counter() - start:.0f} s; "
        f"{baseline['tune']['pairs']:.1f} verifier pairs per answer, whole set): "
    )
    for half in ("tune", "test"):
        print(f"  {half}: {_line(baseline[half])}")
    grid = GRIDS[args.grid]
    keys = list(grid)
    scored = []
    for values in itertools.product(*(grid[k] for k in keys)):
        policy = replace(DEFAULT_POLICY, **dict(zip(keys, values, strict=True)))
        result = run(policy)
        scored.append((objective(result["tune"]), policy, result))
    print(f"{len(scored)} settings swept in {time.perf_counter() - start:.0f} s")
    scored.sort(key=lambda x: -x[0])
    print(f"\n{len(scored)} settings tried; best on the tune questions:")
    for value, policy, result in scored[: args.top]:
        changed = {k: v for k, v in asdict(policy).items() if getattr(DEFAULT_POLICY, k) != v}
        pairs = result["tune"]["pairs"]
        print(
            f"objective {value:.3f} {changed or '(default)'} "
            f"({pairs:.1f} verifier pairs per answer, whole set)"
        )
        for half in ("tune", "test"):
            print(f"  {half}: {_line(result[half])}")
    return 0


def _line(f: dict[str, Any]) -> str:
    means = " ".join(f"{t} {g:.0f}" for t, (_e, g) in f["by_type"].items())
    return (
        f"ordering {f['ordering']:.3f} Pearson {f['pearson']:.3f} wrong>=55 "
        f"{f['wrong_at_or_above_55']} | {means}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
