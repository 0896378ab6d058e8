"""Hidden tests for tf-idf-vectors: one document, a word in every document, empty documents,
repeated words, identical documents, words that are prefixes of others (alphabetical order), and
maximum-size collections."""

from __future__ import annotations

import random

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "do"]


def _case(documents: list[str]) -> dict:
    return {"args": {"documents": documents}}


def _words(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up words of one to four syllables."""
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(found)


def _collection(rng: random.Random, docs: int, vocabulary: int, longest: int) -> dict:
    """Word frequencies fall off like a Zipf law: a few words are in most documents."""
    words = _words(rng, vocabulary)
    rng.shuffle(words)
    weights = [1 / (rank + 1) for rank in range(vocabulary)]
    documents = []
    for _ in range(docs):
        length = rng.randint(0, longest)
        documents.append(" ".join(rng.choices(words, weights, k=length)))
    return _case(documents)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case(["solo"]),
        _case(["buy buy buy"]),
        _case(["", "fast delivery"]),
        _case(["", ""]),
        _case(["great price", "great price", "great price"]),
        _case(["the phone", "the case", "the phone case", "the"]),
        # Prefixes and alphabetical order: "a" < "ab" < "abc" < "b".
        _case(["abc a", "b ab", "a a a b"]),
        _case(["red shoes", "red dress", "blue shoes shoes", "red red red", "socks"]),
    ]
    tests.append(_collection(rng, 5, 8, 6))
    tests.append(_collection(rng, 20, 30, 15))
    tests.append(_collection(rng, 60, 100, 40))
    tests.append(_collection(rng, 100, 300, 80))
    # Maximum size: 200 documents of up to 200 words over up to 500 distinct words.
    tests.append(_collection(rng, 200, 500, 200))
    tests.append(_collection(rng, 200, 40, 200))
    tests.append(_collection(rng, 200, 500, 20))
    return tests
