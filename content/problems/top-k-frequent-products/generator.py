"""Hidden tests for top-k-frequent-products: ties, edge cases and maximum-size logs."""

from __future__ import annotations

import random
import string

ALPHABET = string.ascii_uppercase + string.digits
MAX_VIEWS = 100_000


def _ids(rng: random.Random, m: int, max_len: int = 10) -> list[str]:
    """m distinct random ids, cut from one long random string (fast for large m)."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < m:
        need = m - len(out)
        lengths = rng.choices(range(1, max_len + 1), k=need)
        text = "".join(rng.choices(ALPHABET, k=sum(lengths)))
        pos = 0
        for length in lengths:
            pid = text[pos : pos + length]
            pos += length
            if pid not in seen:
                seen.add(pid)
                out.append(pid)
    return out


def _log(rng: random.Random, ids: list[str], n: int, skew: float) -> list[str]:
    """n views, each distinct id at least once; skew > 0 favours early ids, creating leaders."""
    weights = [1.0 / (i + 1) ** skew for i in range(len(ids))]
    views = list(ids) + rng.choices(ids, weights=weights, k=n - len(ids))
    rng.shuffle(views)
    return views


def generate(rng: random.Random) -> list[dict]:
    tests: list[dict] = [
        {"args": {"views": ["A"], "k": 1}},
        {"args": {"views": ["P1"] * 7, "k": 1}},
        {"args": {"views": ["Z", "Y", "X", "W"], "k": 4}},
        {"args": {"views": ["Z", "Y", "X", "W"], "k": 2}},
        {"args": {"views": ["Q2", "Q", "Q2", "Q", "Q10", "Q10"], "k": 3}},
        {"args": {"views": ["B", "9", "B", "9", "A0"], "k": 2}},
        {"args": {"views": ["M5", "K1", "K1", "M5", "M5", "A3", "A3", "A3"], "k": 1}},
    ]
    # Small logs with few distinct ids and many ties.
    for _ in range(5):
        ids = _ids(rng, rng.randint(2, 8), 3)
        views = _log(rng, ids, rng.randint(len(ids), 30), 0.0)
        tests.append({"args": {"views": views, "k": rng.randint(1, len(ids))}})
    # Medium logs.
    for skew in (0.0, 1.0, 2.0):
        ids = _ids(rng, rng.randint(50, 800))
        views = _log(rng, ids, rng.randint(len(ids), 5000), skew)
        tests.append({"args": {"views": views, "k": rng.randint(1, len(ids))}})
    # Maximum size. Many distinct ids with k close to m make repeated selection quadratic.
    ids = _ids(rng, 50_000)
    tests.append({"args": {"views": _log(rng, ids, MAX_VIEWS, 0.0), "k": 50_000}})
    ids = _ids(rng, 60_000)
    tests.append({"args": {"views": _log(rng, ids, MAX_VIEWS, 0.5), "k": 45_000}})
    # Every view a different product: the answer is the k smallest ids.
    ids = _ids(rng, MAX_VIEWS)
    tests.append({"args": {"views": ids, "k": 1000}})
    # A few hot products among many, small k.
    ids = _ids(rng, 20_000)
    tests.append({"args": {"views": _log(rng, ids, MAX_VIEWS, 1.5), "k": 10}})
    return tests
