"""The judge pipeline on the real sandbox and compilers: harnesses, runner, verdicts, CLI."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from barraiser.content.problems import LoadedProblem, load_problem, load_problem_folder
from barraiser.judge.runner import judge
from barraiser.judge.sandbox import Sandbox

TWO_SUM_PY = (
    "class Solution:\n    def two_sum(self, prices, target):\n"
    "        seen = {}\n        for j, v in enumerate(prices):\n"
    "            if target - v in seen:\n                return [seen[target - v], j]\n"
    "            seen[v] = j\n"
)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tests-cache")


@pytest.fixture(scope="module")
def two_sum() -> LoadedProblem:
    return load_problem("two-sum")


def _solution(problem: LoadedProblem, name: str) -> str:
    return (problem.folder / "solutions" / name).read_text()


@pytest.mark.parametrize(
    ("file", "lang"),
    [
        ("reference.py", "python"),
        ("reference.cpp", "cpp"),
        ("Reference.java", "java"),
        ("reference.js", "javascript"),
    ],
)
def test_two_sum_references_are_accepted(
    sandbox: Sandbox, cache: Path, two_sum: LoadedProblem, file: str, lang: str
) -> None:
    result = judge(
        two_sum, _solution(two_sum, file), lang, "submit", sandbox=sandbox, cache_dir=cache
    )
    assert result.verdict == "AC", result.to_dict()
    data = result.to_dict()
    assert data["total"] >= 3 + two_sum.problem.min_hidden_tests
    hidden = [t for t in data["tests"] if t["kind"] == "hidden"]
    assert hidden and all(
        set(t) == {"index", "kind", "verdict", "time_s", "memory_kb"} for t in hidden
    )


def test_wrong_answer_shows_first_failing_sample(
    sandbox: Sandbox, cache: Path, two_sum: LoadedProblem
) -> None:
    source = _solution(two_sum, "wrong_same_index.py")
    data = judge(two_sum, source, "python", "submit", sandbox=sandbox, cache_dir=cache).to_dict()
    assert data["verdict"] == "WA"
    sample = data["first_failing_sample"]
    assert sample["input"] == {"prices": [5, 3, 5], "target": 10}
    assert sample["expected"] == [0, 2] and sample["actual"] == [0, 0]


def test_a_submission_stopped_at_a_sample_says_so(
    sandbox: Sandbox, cache: Path, two_sum: LoadedProblem, tmp_path: Path
) -> None:
    source = _solution(two_sum, "wrong_same_index.py")
    data = judge(two_sum, source, "python", "submit", sandbox=sandbox, cache_dir=cache).to_dict()
    samples = [t for t in data["tests"] if t["kind"] == "sample"]
    assert not [t for t in data["tests"] if t["kind"] == "hidden"], "no hidden test ran"
    number = next(n for n, t in enumerate(samples, 1) if t["verdict"] != "AC")
    assert data["stopped_at_sample"] == number
    assert data["summary"] == f"stopped at sample {number}; hidden tests not run"
    # The CLI says the same in words, not "1/3 tests".
    from barraiser.cli.main import app

    file = tmp_path / "wrong.py"
    file.write_text(source)
    out = CliRunner().invoke(app, ["judge", "submit", "two-sum", str(file)])
    first = out.output.splitlines()[0]
    assert first.startswith(f"WA  stopped at sample {number}; hidden tests not run"), out.output
    accepted = judge(
        two_sum,
        _solution(two_sum, "reference.py"),
        "python",
        "submit",
        sandbox=sandbox,
        cache_dir=cache,
    ).to_dict()
    hidden = [t for t in accepted["tests"] if t["kind"] == "hidden"]
    assert accepted["summary"] == f"{len(hidden)} of {len(hidden)} hidden tests passed"
    assert accepted["stopped_at_sample"] is None


def test_custom_input_shows_the_reference_solutions_output_as_expected(
    sandbox: Sandbox, two_sum: LoadedProblem, tmp_path: Path
) -> None:
    empty_cache = tmp_path / "no-hidden-tests"
    custom = json.dumps({"prices": [7, 1, 7], "target": 14})
    wrong = judge(
        two_sum,
        _solution(two_sum, "wrong_same_index.py"),
        "python",
        "custom",
        custom,
        sandbox=sandbox,
        cache_dir=empty_cache,
    )
    test = wrong.tests[0]
    assert wrong.verdict == "OK" and test.kind == "custom"
    assert test.expected == [0, 2], "the reference solution's answer"
    assert test.matches is False and "differs from the expected output" in test.message
    data = wrong.to_dict()
    assert data["tests"][0]["expected"] == [0, 2] and data["tests"][0]["matches"] is False
    assert data["summary"] == "ran on your input; the output differs from the expected output"
    # Only the custom input ran: no hidden test was generated or shown.
    assert not empty_cache.exists()
    assert [t["kind"] for t in data["tests"]] == ["custom"]

    custom = json.dumps({"prices": [1, 9, 5], "target": 14})
    right = judge(two_sum, TWO_SUM_PY, "python", "custom", custom, sandbox=sandbox)
    assert right.tests[0].expected == [1, 2] and right.tests[0].matches is True
    cpp = judge(
        two_sum, _solution(two_sum, "reference.cpp"), "cpp", "custom", custom, sandbox=sandbox
    )
    assert cpp.tests[0].actual == [1, 2] and cpp.tests[0].matches is True


def test_custom_input_of_a_stdio_problem_gets_the_expected_output(sandbox: Sandbox) -> None:
    rooms = load_problem("meeting-rooms-ii")
    custom = "2\n0 10\n10 20\n"  # back to back: one room
    wrong = _solution(rooms, "wrong_closed_intervals.py")
    result = judge(rooms, wrong, "python", "custom", custom, sandbox=sandbox)
    test = result.tests[0]
    assert test.expected == "1\n"
    assert test.actual == "2\n" and test.matches is False
    # Input outside the constraints: the reference cannot answer it, and the page says why.
    broken = judge(rooms, wrong, "python", "custom", "not a number\n", sandbox=sandbox)
    assert broken.tests[0].expected is None and broken.tests[0].matches is None
    assert "reference solution stopped with RE" in broken.tests[0].message


def test_printing_does_not_break_the_verdict(sandbox: Sandbox, two_sum: LoadedProblem) -> None:
    noisy = TWO_SUM_PY.replace("seen = {}", "seen = {}; print('@@R 0 0 [9,9]'); print('debug')")
    result = judge(two_sum, noisy, "python", "run", sandbox=sandbox)
    assert result.verdict == "AC", result.to_dict()
    assert "debug" in (result.tests[0].stdout or "")
    cpp = _solution(two_sum, "reference.cpp").replace(
        "seen.reserve", 'std::printf("@@R 0 0 [7]\\n"); std::cout << "noise\\n"; seen.reserve'
    )
    assert judge(two_sum, cpp, "cpp", "run", sandbox=sandbox).verdict == "AC"


def test_runtime_error(sandbox: Sandbox, two_sum: LoadedProblem) -> None:
    source = "class Solution:\n    def two_sum(self, prices, target):\n        return 1 // 0\n"
    result = judge(two_sum, source, "python", "run", sandbox=sandbox)
    assert result.verdict == "RE"
    assert "ZeroDivisionError" in result.tests[0].message


@pytest.mark.parametrize(
    ("lang", "source"),
    [
        (
            "cpp",
            "class Solution { public: vector<int> twoSum(vector<int>& p, int t) { return x; } };",
        ),
        ("java", "class Solution { public int[] twoSum(int[] p, int t) { return x; } }"),
    ],
)
def test_compile_error(sandbox: Sandbox, two_sum: LoadedProblem, lang: str, source: str) -> None:
    result = judge(two_sum, source, lang, "run", sandbox=sandbox)
    assert result.verdict == "CE"
    assert "x" in result.compile_output and result.tests == []


def _identity_problem(tmp_path: Path, params: list[dict[str, str]], returns: str) -> LoadedProblem:
    folder = tmp_path / "content" / "problems" / "echo"
    (folder / "solutions").mkdir(parents=True)
    sample = {p["name"]: VALUES[p["type"]] for p in params}
    data = {
        "id": "echo",
        "title": "Echo",
        "difficulty": "easy",
        "topics": ["arrays"],
        "style": "function",
        "signature": {"name": "echo", "params": params, "returns": returns},
        "limits": {"time_limit_s": 0.5, "memory_limit_mib": 128},
        "constraints": ["none"],
        "hints": ["none"],
        "samples": [{"args": sample, "expected": VALUES[returns]}] * 2,
        "solutions": [
            {"file": f, "expect": "AC"} for f in ("reference.py", "reference.cpp", "Reference.java")
        ]
        + [{"file": "wrong.py", "expect": "WA"}],
        "complexity": {"time": "O(n)", "space": "O(1)", "approach_terms": ["echo"]},
    }
    (folder / "problem.yaml").write_text(yaml.safe_dump(data))
    for name in ("statement.md", "editorial.md", "generator.py"):
        (folder / name).write_text("def generate(rng):\n    return []\n")
    for f in ("reference.py", "reference.cpp", "Reference.java", "wrong.py"):
        (folder / "solutions" / f).write_text("")
    loaded = load_problem_folder(folder, tmp_path / "content", [])
    assert loaded is not None
    return loaded


VALUES: dict[str, object] = {
    "long": -(2**63),
    "long[]": [-(2**63), 2**63 - 1],
    "string[][]": [['a"b\\c', "tab\tnew\nline"], [], ["ünïcødé 😀", "\u0001"]],
    "float[]": [0.1, -2.5e-300, 1.7976931348623157e308, 3.0, 0.30000000000000004],
}
ECHO = {
    "python": "class Solution:\n    def echo(self, s, xs, n):\n        return {ret}\n",
    "cpp": "class Solution { public: RET echo(vector<vector<string>>& s, vector<double>& xs,"
    " long long n) { return {ret}; } };",
    "java": "class Solution { public RET echo(String[][] s, double[] xs, long n) {"
    " return {ret}; } }",
    "javascript": "class Solution { echo(s, xs, n) { return {ret}; } }",
}


@pytest.mark.parametrize("lang", ["python", "cpp", "java", "javascript"])
def test_harness_round_trip(sandbox: Sandbox, tmp_path: Path, lang: str) -> None:
    params = [
        {"name": "s", "type": "string[][]"},
        {"name": "xs", "type": "float[]"},
        {"name": "n", "type": "long"},
    ]
    problem = _identity_problem(tmp_path, params, "string[][]")
    ret_type = {"python": "", "cpp": "vector<vector<string>>", "java": "String[][]"}.get(lang, "")
    source = ECHO[lang].replace("RET", ret_type).replace("{ret}", "s")
    result = judge(problem, source, lang, "run", sandbox=sandbox)
    assert result.verdict == "AC", result.to_dict()
    custom = json.dumps({"s": [["x"]], "xs": VALUES["float[]"], "n": 2**63 - 1})
    result = judge(problem, source, lang, "custom", custom, sandbox=sandbox)
    assert result.verdict == "OK" and result.tests[0].actual == [["x"]]


def test_javascript_long_is_a_bigint_both_ways(sandbox: Sandbox, tmp_path: Path) -> None:
    """64-bit values do not fit a double: a long arrives as a BigInt, and a BigInt (or an
    integer number) comes back exactly."""
    problem = _identity_problem(tmp_path, [{"name": "n", "type": "long"}], "long[]")
    source = (
        "class Solution { echo(n) {"
        ' if (typeof n !== "bigint") throw new Error("not a BigInt");'
        " return [n, n + 1n, 7]; } }"
    )
    custom = json.dumps({"n": 2**63 - 2})
    result = judge(problem, source, "javascript", "custom", custom, sandbox=sandbox)
    assert result.verdict == "OK", result.to_dict()
    assert result.tests[0].actual == [2**63 - 2, 2**63 - 1, 7]


def test_javascript_syntax_error_is_re_with_the_message(
    sandbox: Sandbox, two_sum: LoadedProblem
) -> None:
    """JavaScript has no compile step: a syntax error stops the run before the first test."""
    result = judge(two_sum, "class Solution { twoSum(p, t) { return [0, 1] }", "javascript", "run",
                   sandbox=sandbox)  # fmt: skip
    assert result.verdict == "RE", result.to_dict()
    assert "SyntaxError" in result.tests[0].message


def test_javascript_starter_code_runs_on_every_problem(sandbox: Sandbox) -> None:
    """The starter code of every problem loads and runs: its empty answer is a wrong answer,
    not an error (a starter that does not parse would be RE)."""
    from barraiser.content.problems import load_problems
    from barraiser.judge.starter import starter_code

    for loaded in load_problems().values():
        if "javascript" not in loaded.problem.languages:
            continue  # ML-coding problems are Python only
        source = starter_code(loaded.problem, "javascript")
        result = judge(loaded, source, "javascript", "run", sandbox=sandbox)
        assert result.verdict == "WA", (loaded.id, result.to_dict())


def test_slow_is_tle_and_stops_early(sandbox: Sandbox, tmp_path: Path) -> None:
    params = [{"name": "n", "type": "long"}]
    problem = _identity_problem(tmp_path, params, "long")
    source = "class Solution:\n    def echo(self, n):\n        while True: pass\n"
    result = judge(problem, source, "python", "run", sandbox=sandbox)
    assert result.verdict == "TLE"
    assert [t.verdict for t in result.tests] == ["TLE", "TLE"]


def test_reading_stdin_in_a_function_solution_is_re_at_once(
    sandbox: Sandbox, two_sum: LoadedProblem
) -> None:
    """The tests come on the harness's own channel: the candidate's stdin is empty, so a stray
    input() fails at once instead of waiting for a line that never comes."""
    sources = {
        "python": "class Solution:\n    def two_sum(self, prices, target):\n"
        "        return [int(input()), 0]\n",
        "cpp": "class Solution { public: vector<int> twoSum(vector<int>& p, int t) {"
        " int x = -1; if (!(cin >> x)) exit(7); return {x, 0}; } };",
        "javascript": "class Solution { twoSum(p, t) {"
        ' const x = require("fs").readFileSync(0, "utf8"); if (!x) process.exit(7);'
        " return [Number(x), 0]; } }",
    }
    for lang, source in sources.items():
        start = time.monotonic()
        result = judge(two_sum, source, lang, "run", sandbox=sandbox)
        assert result.verdict == "RE", result.to_dict()
        assert time.monotonic() - start < 10
        if lang == "python":
            assert "EOFError" in result.tests[0].message


def test_candidate_cannot_read_hidden_tests(
    sandbox: Sandbox, cache: Path, two_sum: LoadedProblem
) -> None:
    paths = [str(p) for p in cache.glob("*.json")] + [str(Path.home() / ".local/share/barraiser")]
    assert paths
    source = (
        "import os\nclass Solution:\n    def two_sum(self, prices, target):\n"
        f"        for p in {paths!r}:\n"
        "            if os.path.exists(p):\n                return [-1, -1]\n"
        "        return [-2, -2]\n"
    )
    result = judge(two_sum, source, "python", "run", sandbox=sandbox)
    assert result.tests[0].actual == [-2, -2]


def test_cli_submit_json_and_check_problem(tmp_path: Path) -> None:
    from barraiser.cli.main import app

    file = tmp_path / "answer.py"
    file.write_text(TWO_SUM_PY)
    runner = CliRunner()
    out = runner.invoke(app, ["judge", "submit", "two-sum", str(file), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["verdict"] == "AC" and data["language"] == "python"
    assert {"passed", "total", "tests", "first_failing_sample", "compile_output"} <= set(data)
    out = runner.invoke(app, ["judge", "check-problem", "two-sum", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["ok"] is True


def test_huge_source_is_refused_before_the_sandbox(
    sandbox: Sandbox, two_sum: LoadedProblem, tmp_path: Path
) -> None:
    """Compile-time bomb by size: a source over the limit never reaches the compiler, with an
    error that says what to do; a large source within the limit is judged as usual."""
    from barraiser.judge.runner import MAX_SOURCE_BYTES, SubmissionRejected

    reference = _solution(two_sum, "reference.cpp")
    padding = MAX_SOURCE_BYTES - len(reference.encode()) - 100
    within = reference + "\n// " + "x" * padding + "\n"
    huge = within + "int filler[] = {" + "1," * (MAX_SOURCE_BYTES // 2) + "};\n"
    for lang, source in (("cpp", huge), ("python", TWO_SUM_PY + "#" * MAX_SOURCE_BYTES)):
        with pytest.raises(SubmissionRejected, match="larger than 64 KiB; make it smaller"):
            judge(two_sum, source, lang, "run", sandbox=sandbox)
    # Counted in bytes of UTF-8, not characters.
    wide = TWO_SUM_PY + "# " + "é" * (MAX_SOURCE_BYTES // 2) + "\n"
    with pytest.raises(SubmissionRejected):
        judge(two_sum, wide, "python", "run", sandbox=sandbox)
    assert judge(two_sum, within, "cpp", "run", sandbox=sandbox).verdict == "AC"
    # The CLI reports the refusal as a clear error, not a traceback.
    from barraiser.cli.main import app

    file = tmp_path / "huge.cpp"
    file.write_text(huge)
    out = CliRunner().invoke(app, ["judge", "submit", "two-sum", str(file), "--json"])
    assert out.exit_code != 0
    assert "larger than 64 KiB" in out.output and "Traceback" not in out.output
