"""A judgement in words: how far it got through the samples and the hidden tests.

Works on the JSON a judgement is stored as (``Judgement.to_dict``), so results judged before
this module existed read the same.  The judge runs the hidden tests only once every sample
passes: a submission that fails a sample ran none of them, and says so instead of counting
"2 of 3 tests" of a 31-test suite.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_PASSED = ("AC", "OK")


def _tests(result: Mapping[str, Any], kind: str) -> list[Mapping[str, Any]]:
    tests = result.get("tests") or []
    return [t for t in tests if isinstance(t, Mapping) and t.get("kind") == kind]


def stopped_at_sample(result: Mapping[str, Any]) -> int | None:
    """The number (from 1) of the sample a submission stopped at, None when it did not."""
    if result.get("mode") != "submit" or _tests(result, "hidden"):
        return None
    for number, test in enumerate(_tests(result, "sample"), 1):
        if test.get("verdict") not in _PASSED:
            return number
    return None


def summary(result: Mapping[str, Any]) -> str:
    """One phrase: "stopped at sample 2; hidden tests not run", "28 of 28 hidden tests passed",
    "2 of 3 samples passed", "ran on your input; the output matches the expected output"."""
    mode = result.get("mode")
    if result.get("verdict") == "CE":
        return "did not compile; no test ran"
    if mode == "custom":
        return _custom_summary(_tests(result, "custom"))
    samples = _tests(result, "sample")
    if mode == "run":
        passed = sum(t.get("verdict") in _PASSED for t in samples)
        return f"{passed} of {len(samples)} samples passed" if samples else "no sample ran"
    stop = stopped_at_sample(result)
    if stop is not None:
        return f"stopped at sample {stop}; hidden tests not run"
    hidden = _tests(result, "hidden")
    if not hidden:
        return "no test ran"
    passed = sum(t.get("verdict") in _PASSED for t in hidden)
    if any(t.get("verdict") == "skipped" for t in hidden):
        failed = next(
            (n for n, t in enumerate(hidden, 1) if t.get("verdict") not in (*_PASSED, "skipped")),
            passed + 1,
        )
        return f"stopped at hidden test {failed} of {len(hidden)}; the other hidden tests not run"
    return f"{passed} of {len(hidden)} hidden tests passed"


def _custom_summary(tests: list[Mapping[str, Any]]) -> str:
    if not tests:
        return "no test ran"
    matches = tests[0].get("matches")
    if tests[0].get("verdict") not in _PASSED:
        return "stopped on your input"
    if matches is True:
        return "ran on your input; the output matches the expected output"
    if matches is False:
        return "ran on your input; the output differs from the expected output"
    return "ran on your input"
