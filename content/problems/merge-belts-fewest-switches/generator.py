"""Hidden tests for merge-belts-fewest-switches: empty belts, forced swings, ties that need both
tables, records no merge produces, one-letter belts (exponentially many merges) and maximum-size
belts."""

from __future__ import annotations

import random

MAX_LEN = 500


def _args(a: str, b: str, s: str) -> dict:
    assert len(s) == len(a) + len(b) and len(s) >= 1
    return {"args": {"a": a, "b": b, "s": s}}


def _word(rng: random.Random, n: int, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(n))


def _merge(rng: random.Random, a: str, b: str, runs: int) -> str:
    """A merge of a and b taking about `runs` runs of parcels in turn from each belt."""
    order = [0] * len(a) + [1] * len(b)
    if runs >= len(order):
        rng.shuffle(order)
    else:
        # Cut each belt into about runs / 2 pieces and alternate the pieces.
        def pieces(size: int, count: int) -> list[int]:
            cuts = sorted(rng.sample(range(1, size), min(max(count - 1, 0), max(size - 1, 0))))
            return [y - x for x, y in zip([0, *cuts], [*cuts, size], strict=True)] if size else []

        pa, pb = pieces(len(a), runs // 2 + 1), pieces(len(b), runs // 2 + 1)
        order = []
        belt = rng.randint(0, 1)
        while pa or pb:
            source = pa if belt == 0 else pb
            if source:
                order += [belt] * source.pop(0)
            belt = 1 - belt
    out, i, j = [], 0, 0
    for belt in order:
        if belt == 0:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return "".join(out)


def _near_miss(rng: random.Random, s: str) -> str:
    """Swap two neighbouring, different letters: often, not always, no longer a merge."""
    for _ in range(50):
        k = rng.randrange(len(s) - 1)
        if s[k] != s[k + 1]:
            return s[:k] + s[k + 1] + s[k] + s[k + 2 :]
    return s


def _case(rng: random.Random, n: int, m: int, letters: str, runs: int, miss: bool) -> dict:
    a, b = _word(rng, n, letters), _word(rng, m, letters)
    s = _merge(rng, a, b, runs)
    return _args(a, b, _near_miss(rng, s) if miss and len(s) > 1 else s)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args("", "x", "x"),
        _args("x", "", "y"),
        _args("", "abc", "abc"),
        _args("abc", "", "acb"),
        _args("a", "a", "aa"),
        _args("ab", "c", "abd"),
        _args("c", "cb", "ccb"),
        _args("ba", "bb", "bbab"),
        _args("aaaa", "bbbb", "abababab"),
        _args("aabb", "ab", "aababb"),
        _args("xyz", "xyz", "xxyyzz"),
    ]
    for _ in range(5):
        n, m = rng.randint(0, 7), rng.randint(1, 7)
        tests.append(_case(rng, n, m, rng.choice(["a", "ab", "abc"]), rng.randint(1, 8), False))
    for _ in range(3):
        n, m = rng.randint(1, 7), rng.randint(1, 7)
        tests.append(_case(rng, n, m, "ab", rng.randint(1, 8), True))
    # The right letters in a random order: usually no merge produces them.
    for _ in range(2):
        a, b = _word(rng, rng.randint(3, 8), "abc"), _word(rng, rng.randint(3, 8), "abc")
        letters = list(a + b)
        rng.shuffle(letters)
        tests.append(_args(a, b, "".join(letters)))
    tests.append(_case(rng, 60, 45, "ab", 6, False))
    tests.append(_case(rng, 150, 200, "abc", 40, True))
    # Maximum sizes. One letter everywhere: every merge matches, so trying them all never ends.
    tests.append(_args("a" * MAX_LEN, "a" * MAX_LEN, "a" * (2 * MAX_LEN)))
    tests.append(_case(rng, MAX_LEN, MAX_LEN, "ab", 9, False))
    tests.append(_case(rng, MAX_LEN, MAX_LEN, "ab", 2 * MAX_LEN, False))
    tests.append(_case(rng, MAX_LEN, MAX_LEN, "ab", 300, True))
    tests.append(_case(rng, MAX_LEN, MAX_LEN, "abcdefghijklmnopqrstuvwxyz", 500, False))
    tests.append(_case(rng, MAX_LEN, 1, "a", 2, False))
    tests.append(_case(rng, 1, MAX_LEN, "ab", 3, False))
    tests.append(_case(rng, MAX_LEN, 0, "ab", 1, False))
    # A record that matches until its very last parcel.
    a, b = "a" * MAX_LEN, "a" * (MAX_LEN - 1) + "b"
    tests.append(_args(a, b, "a" * (2 * MAX_LEN - 1) + "c"))
    # Forced alternation: 999 swings.
    tests.append(_args("a" * MAX_LEN, "b" * MAX_LEN, "ab" * MAX_LEN))
    return tests
