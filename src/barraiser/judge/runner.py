"""Judge a submission against a problem: samples ("run"), hidden tests ("submit") or custom input.

Function-style problems run every test of a batch in ONE sandboxed process, fed one test at a
time and timed by the host (see :mod:`barraiser.judge.harness` and :mod:`barraiser.judge.pacing`);
stdio problems run once per test.  Compiled languages compile once per judgement.  Expected
outputs never enter the box: only the inputs do, and the comparison happens here.  Hidden tests
report only verdict, time and memory.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from barraiser.content.problems import EXPECTED_FROM, LoadedProblem, Signature
from barraiser.judge.checkers import CheckResult
from barraiser.judge.custom_input import SubmissionRejected as SubmissionRejected
from barraiser.judge.custom_input import parse_custom_input
from barraiser.judge.languages import LANGUAGES, CompiledLanguage, Language
from barraiser.judge.pacing import TestPacer
from barraiser.judge.result import Limits, RunResult, Status
from barraiser.judge.sandbox import Sandbox, remove_tree
from barraiser.judge.scratch import scratch_root
from barraiser.judge.summary import stopped_at_sample, summary

Mode = Literal["run", "submit", "custom"]
MAX_SOURCE_BYTES = 64 * 1024
SHOWN_OUTPUT_BYTES = 8 * 1024
_MARKER = re.compile(r"@@barraiser-test (\d+)@@\n")
_STATUS_VERDICT = {Status.TLE: "TLE", Status.MLE: "MLE", Status.OLE: "OLE", Status.RE: "RE"}


@dataclass
class TestResult:
    """One test: hidden tests carry only index, kind, verdict, time and memory."""

    index: int
    kind: Literal["sample", "hidden", "custom"]
    verdict: str
    time_s: float = 0.0
    memory_kb: int = 0
    input: Any = None
    expected: Any = None
    actual: Any = None
    stdout: str | None = None
    message: str = ""
    #: Custom input: whether the output matches the reference solution's (None: no reference).
    matches: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind,
            "verdict": self.verdict,
            "time_s": round(self.time_s, 4),
            "memory_kb": self.memory_kb,
        }
        if self.kind != "hidden":
            data.update(
                input=self.input,
                expected=self.expected,
                actual=self.actual,
                stdout=self.stdout,
                message=self.message,
            )
        if self.kind == "custom":
            data["matches"] = self.matches
        return data


@dataclass
class Judgement:
    """The outcome of a judgement."""

    problem_id: str
    language: str
    mode: Mode
    verdict: str
    tests: list[TestResult] = field(default_factory=list)
    compile_output: str = ""
    message: str = ""

    @property
    def passed(self) -> int:
        return sum(t.verdict in ("AC", "OK") for t in self.tests)

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.verdict not in ("AC", "OK")), None)

    def to_dict(self) -> dict[str, Any]:
        failure = self.first_failure
        first_sample = failure.to_dict() if failure and failure.kind == "sample" else None
        data: dict[str, Any] = {
            "problem_id": self.problem_id,
            "language": self.language,
            "mode": self.mode,
            "verdict": self.verdict,
            "passed": self.passed,
            "total": len(self.tests),
            "time_s": round(max((t.time_s for t in self.tests), default=0.0), 4),
            "memory_kb": max((t.memory_kb for t in self.tests), default=0),
            "compile_output": self.compile_output,
            "message": self.message,
            "first_failing_sample": first_sample,
            "tests": [t.to_dict() for t in self.tests],
        }
        # The counts in words, and where a submission stopped (judge/summary.py).
        data["summary"] = summary(data)
        data["stopped_at_sample"] = stopped_at_sample(data)
        return data


@dataclass
class _Case:
    kind: Literal["sample", "hidden", "custom"]
    data: Any  # args dict (function) or input text (stdio)
    expected: Any = None


class _Program:
    """A submission ready to run: compiled once, run as often as needed."""

    def __init__(self, language: Language, sandbox: Sandbox, files: dict[str, bytes]) -> None:
        self.language = language
        self.sandbox = sandbox
        self.files = files
        self.build: Path | None = None

    def compile(self) -> RunResult | None:
        """Compile if the language needs it; a RunResult with status CE/IE on failure."""
        if not isinstance(self.language, CompiledLanguage):
            return None
        self.build = Path(tempfile.mkdtemp(prefix="build-", dir=scratch_root()))
        result = self.language.compile_in(self.sandbox, self.files, self.build)
        if result.status is Status.OK:
            return None
        if result.status is Status.IE:
            return result
        message = result.stderr or result.stdout
        if result.status is not Status.RE:
            message += f"\n(compilation stopped: {result.status})".encode()
        return dataclasses.replace(result, status=Status.CE, stderr=message)

    def run(self, stdin: bytes, limits: Limits, pacer: TestPacer | None = None) -> RunResult:
        # A paced run is the function-style harness, which a language may start differently.
        argv = self.language.harness_run_argv if pacer else self.language.run_argv
        result = self.sandbox.run(
            argv(limits),
            limits=self.language.run_limits(limits),
            files=None if self.build else self.files,
            build_dir=self.build,
            stdin=stdin,
            interaction=pacer,
        )
        return self.language.classify(result)

    def close(self) -> None:
        if self.build is not None:
            remove_tree(self.build)


@contextmanager
def _program(language: Language, sandbox: Sandbox, files: dict[str, bytes]) -> Iterator[_Program]:
    program = _Program(language, sandbox, files)
    try:
        yield program
    finally:
        program.close()


def _check(problem: LoadedProblem, output: Any, case: _Case) -> CheckResult:
    from barraiser.judge import checkers

    checker = problem.problem.checker
    module = importlib_checker(checker.type)
    opts: dict[str, Any] = {
        "abs_tol": checker.abs_tol,
        "rel_tol": checker.rel_tol,
        "unordered_depth": checker.unordered_depth,
    }
    if checker.type == "custom":
        opts.update(checker_path=problem.folder / "checker.py", input=case.data)
    try:
        return module.check(output, case.expected, **opts)  # type: ignore[no-any-return]
    except Exception as error:  # a broken custom checker is our fault, not the candidate's
        return checkers.CheckResult(False, f"IE: the checker failed: {error}")


def importlib_checker(name: str) -> Any:
    """The checker module ``barraiser.judge.checkers.<name>``."""
    import importlib

    return importlib.import_module(f"barraiser.judge.checkers.{name}")


def _split_output(stderr: str) -> dict[int, str]:
    """The candidate's printed output per test, from the harness's markers on stderr."""
    parts = _MARKER.split(stderr)
    out = {-1: parts[0]}
    for k in range(1, len(parts) - 1, 2):
        out[int(parts[k])] = parts[k + 1][:SHOWN_OUTPUT_BYTES]
    return out


def _cap(text: str) -> str:
    return text if len(text) <= SHOWN_OUTPUT_BYTES else text[:SHOWN_OUTPUT_BYTES] + "\n[...]"


def _run_function_batch(
    problem: LoadedProblem,
    program: _Program,
    signature: Signature,
    cases: list[_Case],
    time_limit_s: float,
    memory_mib: int,
) -> list[TestResult]:
    names = [p.name for p in signature.params]
    inputs = [
        json.dumps([case.data[n] for n in names], ensure_ascii=False).encode() + b"\n"
        for case in cases
    ]
    startup_s = program.language.startup_s
    pacer = TestPacer(inputs, time_limit_s, startup_s)
    # The whole run is bounded too (the sandbox's own CPU limit, the tests' sum and the start-up
    # allowance), whatever the pacer is told.
    total_s = time_limit_s * len(cases) + startup_s
    limits = Limits(time_limit_s=total_s, memory_limit_mib=memory_mib, wall_limit_s=2 * total_s + 2)
    run = program.run(b"", limits, pacer)
    printed = _split_output(run.stderr.decode("utf-8", "replace"))
    died = "IE" if run.status is Status.IE else _STATUS_VERDICT.get(run.status, "RE")
    stopped = pacer.timed_out_s is not None or run.status is Status.TLE
    last = min(max(pacer.current, 0), len(cases) - 1)
    clean_end = pacer.ended and pacer.violation is None
    results = []
    for k, case in enumerate(cases):
        result = TestResult(k, case.kind, "RE", memory_kb=run.memory_kb)
        if k < len(pacer.results):
            result.time_s, payload = pacer.results[k]
            try:
                actual = json.loads(payload)
            except ValueError:
                result.verdict, result.message = "WA", "the result is not valid JSON"
                actual = payload
            else:
                if result.time_s > time_limit_s:
                    result.verdict = "TLE"
                elif case.kind == "custom":
                    result.verdict = "OK"
                else:
                    check = _check(problem, actual, case)
                    result.verdict = "AC" if check.ok else "WA"
                    if check.message.startswith("IE: "):
                        result.verdict = "IE"
                    result.message = check.message
            result.actual = actual
        elif k == last:
            result.verdict, result.time_s, result.message = _unfinished(pacer, run, died, printed)
        else:
            # Not run: the batch stopped at an earlier test.
            result.verdict = "TLE" if stopped else died
        answered = k < len(pacer.results) and result.verdict in ("AC", "OK", "WA")
        if k == last and answered and not clean_end:
            # Every test answered, but the batch did not end as the harness ends it.
            result.verdict, _, result.message = _unfinished(pacer, run, died, printed)
        if case.kind != "hidden":
            result.input, result.expected = case.data, case.expected
            result.stdout = _cap(printed.get(k, ""))
        results.append(result)
    return results


def _unfinished(
    pacer: TestPacer, run: RunResult, died: str, printed: dict[int, str]
) -> tuple[str, float, str]:
    """Verdict, host-measured time and message of the test running when the batch ended."""
    running_s = max(0.0, run.cpu_s - pacer.started_at_s) if pacer.current >= 0 else 0.0
    stderr = printed.get(max(pacer.current, 0), printed.get(-1, ""))
    if pacer.violation is not None:
        message = (
            f"The program wrote to the judge's result channel out of turn ({pacer.violation}); "
            "print to stdout or stderr instead."
        )
        return "RE", running_s, message
    if pacer.timed_out_s is not None:
        if pacer.current < 0:
            message = (
                f"The program used more than {pacer.startup_s:g} s of CPU before the first "
                "test started (code at the top level of the file runs then)."
            )
            return "TLE", pacer.timed_out_s, message
        return "TLE", pacer.timed_out_s, ""
    if run.status is Status.OK:
        return "RE", running_s, _cap(stderr or "The program ended before the batch was done.")
    verdict = "IE" if run.status is Status.IE else _STATUS_VERDICT.get(run.status, "RE")
    return verdict, running_s, _cap(run.message or stderr)


def _run_stdio(
    problem: LoadedProblem,
    program: _Program,
    cases: list[_Case],
    time_limit_s: float,
    memory_mib: int,
) -> list[TestResult]:
    limits = Limits(time_limit_s=time_limit_s, memory_limit_mib=memory_mib)
    results = []
    for k, case in enumerate(cases):
        run = program.run(str(case.data).encode(), limits)
        actual = run.stdout.decode("utf-8", "replace")
        result = TestResult(k, case.kind, "RE", run.cpu_s, run.memory_kb)
        if run.status is Status.OK:
            if case.kind == "custom":
                result.verdict = "OK"
            else:
                check = _check(problem, actual, case)
                result.verdict = "AC" if check.ok else "WA"
                result.message = check.message
        else:
            result.verdict = "IE" if run.status is Status.IE else _STATUS_VERDICT[run.status]
            result.message = _cap(run.message or run.stderr.decode("utf-8", "replace"))
        if case.kind != "hidden":
            result.input, result.expected, result.actual = case.data, case.expected, _cap(actual)
            result.stdout = _cap(run.stderr.decode("utf-8", "replace"))
        results.append(result)
        if result.verdict != "AC" and case.kind == "hidden":
            # The verdict is known; the remaining hidden tests are not worth their time.
            results += [TestResult(j, c.kind, "skipped") for j, c in enumerate(cases) if j > k]
            break
    return results


def _verdict(results: list[TestResult], mode: Mode) -> str:
    for result in results:
        if result.verdict not in ("AC", "OK", "skipped"):
            return result.verdict
    return "OK" if mode == "custom" else "AC"


def judge(
    problem: LoadedProblem,
    source: str,
    language: str,
    mode: Mode = "submit",
    custom_input: str | None = None,
    *,
    sandbox: Sandbox | None = None,
    cache_dir: Path | None = None,
) -> Judgement:
    """Judge ``source`` on ``problem``: "run" = samples, "submit" = samples then hidden tests,
    "custom" = one run on ``custom_input`` (verdict OK when it ran cleanly)."""
    if language not in LANGUAGES:
        raise SubmissionRejected(
            f"unknown language {language!r}; use one of: {', '.join(LANGUAGES)}"
        )
    if len(source.encode()) > MAX_SOURCE_BYTES:
        raise SubmissionRejected(
            f"the source is larger than {MAX_SOURCE_BYTES // 1024} KiB; make it smaller"
        )
    p = problem.problem
    refusal = p.language_refusal(language)
    if refusal is not None:
        raise SubmissionRejected(refusal)
    if mode == "custom":
        if custom_input is None:
            raise SubmissionRejected("custom mode needs a custom input")
        batches = [[_Case("custom", parse_custom_input(problem, custom_input))]]
    else:
        samples = [
            _Case("sample", s.args if s.args is not None else s.input, s.expected)
            for s in p.samples
        ]
        batches = [samples]
        if mode == "submit":
            from barraiser.judge.hidden import hidden_tests

            tests = hidden_tests(problem, cache_dir)
            batches.append(
                [_Case("hidden", t.get("args", t.get("input")), t["expected"]) for t in tests]
            )
    if sandbox is None:
        from barraiser.judge.slots import default_pool

        with default_pool().acquire() as box:
            return _judge_with_expected(problem, source, language, mode, batches, box)
    return _judge_with_expected(problem, source, language, mode, batches, sandbox)


def _judge_with_expected(
    problem: LoadedProblem,
    source: str,
    language: str,
    mode: Mode,
    batches: list[list[_Case]],
    sandbox: Sandbox,
) -> Judgement:
    """Judge; on custom input, also run the reference solution for the expected output."""
    judgement = _judge(problem, source, language, mode, batches, sandbox)
    if mode == "custom" and judgement.tests:
        _add_expected(problem, judgement.tests[0], batches[0][0], sandbox)
    return judgement


def _add_expected(problem: LoadedProblem, test: TestResult, case: _Case, sandbox: Sandbox) -> None:
    """The expected output of a custom input, as LeetCode shows it: the problem's Python
    reference solution run on that input in the same sandbox, with a Python submission's
    limits.  Only the custom input goes in; the hidden tests are never touched."""
    try:
        reference = problem.solution_path(problem.problem.python_reference)
        source = reference.read_text(encoding="utf-8")
    except (OSError, StopIteration):  # content without a readable reference: no expected output
        return
    outcome = _judge(problem, source, EXPECTED_FROM, "custom", [[case]], sandbox)
    ran = outcome.tests[0] if outcome.tests else None
    if ran is None or ran.verdict != "OK":
        why = ran.verdict if ran is not None else outcome.verdict
        note = (
            f"No expected output: the reference solution stopped with {why} on this input "
            "(is it within the constraints?)."
        )
        test.message = f"{test.message}\n{note}".strip()
        return
    test.expected = ran.actual
    if test.verdict != "OK":
        return
    check = _check(problem, test.actual, _Case("custom", case.data, ran.actual))
    test.matches = check.ok
    note = (
        "Your output matches the expected output."
        if check.ok
        else "Your output differs from the expected output."
    )
    test.message = f"{test.message}\n{note}".strip()


def _judge(
    problem: LoadedProblem,
    source: str,
    lang: str,
    mode: Mode,
    batches: list[list[_Case]],
    sandbox: Sandbox,
) -> Judgement:
    p = problem.problem
    language = LANGUAGES[lang]
    time_limit_s = p.limits.time_for(lang)
    memory_mib = p.limits.memory_limit_mib
    if p.signature is not None:
        text = language.harness(p.signature, source)
    else:
        text = language.program_files(source)
    files = {name: body.encode() for name, body in text.items()}
    judgement = Judgement(p.id, lang, mode, "AC")
    with _program(language, sandbox, files) as program:
        failed = program.compile()
        if failed is not None:
            judgement.verdict = "CE" if failed.status is Status.CE else "IE"
            judgement.compile_output = failed.stderr.decode("utf-8", "replace")[-16000:]
            judgement.message = failed.message
            return judgement
        for batch in batches:
            if p.signature is not None:
                results = _run_function_batch(
                    problem, program, p.signature, batch, time_limit_s, memory_mib
                )
            else:
                results = _run_stdio(problem, program, batch, time_limit_s, memory_mib)
            offset = len(judgement.tests)
            for r in results:
                r.index += offset
            judgement.tests += results
            if _verdict(results, mode) not in ("AC", "OK"):
                break
    judgement.verdict = _verdict(judgement.tests, mode)
    return judgement
