"""Hidden tests for merge-supplier-accounts: bridges, repeats, chains, stars and maximum sizes."""

from __future__ import annotations

import random

MAX_ACCOUNTS = 10**5
MAX_TOTAL = 2 * 10**5


def _ident(k: int) -> str:
    """The k-th distinct identifier: an email, a phone number or a tax number (<= 30 chars)."""
    kind = k % 3
    if kind == 0:
        return f"buyer.{k}@supplier{k % 97}.com"
    if kind == 1:
        return f"+44{k:010d}"
    return f"vat-gb-{k}"


def _long_ident(k: int) -> str:
    """A distinct 30-character identifier."""
    return f"procurement+{k:08d}@acmeco.io"


def _args(accounts: list[list[str]], rng: random.Random | None = None) -> dict:
    """With rng, the accounts (and the identifiers inside each) are shuffled."""
    if rng is not None:
        accounts = [rng.sample(ids, len(ids)) for ids in accounts]
        rng.shuffle(accounts)
    return {"args": {"accounts": accounts}}


def _random(rng: random.Random, n: int, most: int, pool: int) -> list[list[str]]:
    """n accounts of 1..most identifiers drawn from `pool` identifiers (small pool: more merges)."""
    return [[_ident(rng.randrange(pool)) for _ in range(rng.randint(1, most))] for _ in range(n)]


def generate(rng: random.Random) -> list[dict]:
    a, b, c, d = "a@x.com", "b@y.com", "+15550100", "vat-77"
    tests = [
        _args([[a]]),
        _args([[a], [a]]),
        _args([[a], [b]]),
        _args([[a], [b], [a, b]]),  # a bridge joins two groups
        _args([[a], [b], [c], [d], [c, a, b, d]]),  # one account bridges four groups
        _args([[a, a, a], [b, b], [c]]),  # repeats inside an account link nothing
        _args([[a, b], [a, b], [b, a]]),  # several shared identifiers: one merge each
        _args([[a], [b], [c], [a, c], [b, d], [d, c]]),
    ]
    for _ in range(5):
        n = rng.randint(2, 12)
        tests.append(_args(_random(rng, n, 3, rng.randint(2, 3 * n))))
    tests.append(_args(_random(rng, 2000, 4, 4000)))
    n = MAX_ACCOUNTS
    chain = [[_ident(i), _ident(i + 1)] for i in range(n)]
    tests.append(_args(chain))  # one long chain, accounts in order
    tests.append(_args(chain, rng))  # the same chain, accounts in random order
    tests.append(_args([[_ident(i), "hub@central.com"] for i in range(n)], rng))  # star
    tests.append(_args([[_ident(i), _ident(n + i)] for i in range(n)], rng))  # nothing shared
    tests.append(_args([[_long_ident(i), _long_ident(i)] for i in range(n)]))  # repeats only
    # Many bridges: one-identifier accounts first, then an account joining each two neighbours.
    pairs = [[_ident(2 * i)] for i in range(n // 2)] + [
        [_ident(2 * i), _ident(2 * i + 2)] for i in range(n // 2 - 1)
    ]
    tests.append(_args(pairs))
    tests.append(_args(_random(rng, 90_000, 3, 150_000), rng))
    tests.append(_args(_random(rng, MAX_TOTAL // 10, 10, 400_000), rng))
    tests.append(
        _args([[_long_ident(rng.randrange(60_000)) for _ in range(10)] for _ in range(20_000)])
    )
    for t in tests:
        accounts = t["args"]["accounts"]
        assert 1 <= len(accounts) <= MAX_ACCOUNTS
        assert sum(map(len, accounts)) <= MAX_TOTAL
        assert all(1 <= len(ids) <= 10 and all(1 <= len(x) <= 30 for x in ids) for ids in accounts)
    return tests
