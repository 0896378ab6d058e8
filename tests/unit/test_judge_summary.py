"""A judgement's counts in words: where a submission stopped, in the API, pages and the CLI."""

from __future__ import annotations

from typing import Any

import pytest

from barraiser.cli.judge import _print_judgement
from barraiser.interview.submissions import SubmissionState
from barraiser.judge.summary import stopped_at_sample, summary
from barraiser.web.code_result import result_view
from barraiser.web.routes.judge_api import public_result


def _test(kind: str, verdict: str, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "verdict": verdict, **extra}


def _result(mode: str, verdict: str, tests: list[dict[str, Any]]) -> dict[str, Any]:
    passed = sum(t["verdict"] in ("AC", "OK") for t in tests)
    return {"mode": mode, "verdict": verdict, "passed": passed, "total": len(tests), "tests": tests}


#: A submission that failed its second sample: the judge never ran the hidden tests, so the old
#: "2 of 3 tests passed" (of a suite of 3 samples + 28 hidden tests) was misleading.
STOPPED = _result(
    "submit", "WA", [_test("sample", "AC"), _test("sample", "WA"), _test("sample", "AC")]
)


def test_a_submission_stopped_at_a_sample_says_so() -> None:
    assert summary(STOPPED) == "stopped at sample 2; hidden tests not run"
    assert stopped_at_sample(STOPPED) == 2


@pytest.mark.parametrize(
    ("result", "words"),
    [
        (
            _result("submit", "AC", [_test("sample", "AC")] * 3 + [_test("hidden", "AC")] * 28),
            "28 of 28 hidden tests passed",
        ),
        (
            _result(
                "submit",
                "TLE",
                [_test("sample", "AC")] * 3
                + [_test("hidden", "AC")] * 4
                + [_test("hidden", "TLE")]
                + [_test("hidden", "skipped")] * 23,
            ),
            "stopped at hidden test 5 of 28; the other hidden tests not run",
        ),
        (
            _result("run", "WA", [_test("sample", "AC"), _test("sample", "WA")]),
            "1 of 2 samples passed",
        ),
        (_result("submit", "CE", []), "did not compile; no test ran"),
        (
            _result("custom", "OK", [_test("custom", "OK", matches=True)]),
            "ran on your input; the output matches the expected output",
        ),
        (
            _result("custom", "OK", [_test("custom", "OK", matches=False)]),
            "ran on your input; the output differs from the expected output",
        ),
    ],
)
def test_counts_in_words(result: dict[str, Any], words: str) -> None:
    assert summary(result) == words
    assert stopped_at_sample(result) is None


def test_the_api_says_where_an_old_stored_result_stopped() -> None:
    # Stored before the judge wrote a summary: the API still gives one.
    shown = public_result(STOPPED)
    assert shown is not None
    assert shown["summary"] == "stopped at sample 2; hidden tests not run"
    assert shown["stopped_at_sample"] == 2


def test_the_round_page_says_where_a_submission_stopped() -> None:
    state = SubmissionState(
        id=7,
        user_id=1,
        problem_id="two-sum",
        language="python",
        mode="submit",
        status="done",
        verdict="WA",
        result=STOPPED,
        source="",
    )
    view = result_view(state)
    assert view is not None and view.summary == "stopped at sample 2; hidden tests not run"


def test_a_custom_runs_expected_output_is_labelled_as_the_reference_solutions() -> None:
    custom = _test("custom", "OK", input={"prices": [1, 9, 5]}, expected=[1, 2], actual=[1, 2])
    state = SubmissionState(
        id=8,
        user_id=1,
        problem_id="two-sum",
        language="python",
        mode="custom",
        status="done",
        verdict="OK",
        result=_result("custom", "OK", [custom]),
        source="",
    )
    view = result_view(state)
    assert view is not None
    assert ("Expected (reference solution)", "[1, 2]") in view.tests[0].blocks


def test_the_cli_says_where_a_submission_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    data = {
        **STOPPED,
        "summary": summary(STOPPED),
        "time_s": 0.01,
        "memory_kb": 900,
        "compile_output": "",
        "first_failing_sample": None,
    }
    _print_judgement(data)
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("WA  stopped at sample 2; hidden tests not run")
    assert "2/3" not in first
