"""A language is described in one place: the Language objects, and what reads them (the problem
schema, starter code, the web app's labels, the CLI's extensions)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from barraiser.content.loader import ContentProblem
from barraiser.content.problems import (
    Limits,
    SolutionFile,
    language_of_file,
    load_problem_folder,
    load_problems,
    required_references,
)
from barraiser.judge.languages import LANGUAGES
from barraiser.judge.starter import starter_code
from barraiser.web.judge_models import LANGUAGE_LABELS

SHIPPED_PROBLEMS = Path(__file__).parents[2] / "content" / "problems"


def test_each_language_owns_distinct_facts() -> None:
    assert list(LANGUAGES) == ["python", "cpp", "java", "javascript"]
    for fact in ("name", "label", "extension", "reference_file", "source_name"):
        values = [getattr(lang, fact) for lang in LANGUAGES.values()]
        assert len(set(values)) == len(values), fact
    for name, lang in LANGUAGES.items():
        assert lang.name == name
        assert lang.reference_file.endswith(lang.extension)
        assert lang.startup_s > 0 and lang.time_multiplier > 0
    assert LANGUAGE_LABELS == {
        "python": "Python 3",
        "cpp": "C++17",
        "java": "Java 17",
        "javascript": "JavaScript (Node.js)",
    }


def test_the_sandbox_binds_each_languages_own_host_paths() -> None:
    """The sandbox names no language's folders itself: Java's configuration comes from Java."""
    from barraiser.judge import sandbox

    assert "/etc/java-17-openjdk" in LANGUAGES["java"].host_paths
    assert set(LANGUAGES["java"].host_paths) <= set(sandbox.toolchain_paths())
    assert "java" not in " ".join(sandbox.TOOLCHAIN_PATHS)


def test_the_problem_schema_reads_the_languages() -> None:
    assert required_references() == ["python", "cpp", "java"]
    assert [language_of_file(f) for f in ("a.py", "a.cpp", "Main.java", "x.js", "x.rb")] == [
        "python",
        "cpp",
        "java",
        "javascript",
        None,
    ]
    limits = Limits(time_limit_s=1.5)
    assert {name: limits.time_for(name) for name in LANGUAGES} == {
        "python": 6.0,
        "cpp": 1.5,
        "java": 3.0,
        "javascript": 3.0,
    }
    # A problem that names some multipliers keeps the others' defaults.
    assert Limits(multipliers={"python": 3.0}).time_for("javascript") == 2.0
    with pytest.raises(ValidationError, match="unknown language 'ruby'"):
        Limits(multipliers={"ruby": 2.0})
    with pytest.raises(ValidationError, match=r"no language's extension; use one of: \.py"):
        SolutionFile(file="reference.rb", expect="AC")


def test_every_problem_has_starter_code_in_every_language() -> None:
    for loaded in load_problems().values():
        # An ML-coding problem is solved in Python only; every other problem in every language.
        languages = ["python"] if loaded.problem.kind == "ml-coding" else list(LANGUAGES)
        assert loaded.problem.languages == languages, loaded.id
        for name in languages:
            assert starter_code(loaded.problem, name).strip(), (loaded.id, name)


def test_javascript_starter_code_follows_the_signature() -> None:
    problems = load_problems()
    product = starter_code(problems["product-of-array-except-self"].problem, "javascript")
    assert "productExceptSelf(nums) {" in product
    assert "@param {number[]} nums" in product and "@return {bigint[]}" in product
    coins = starter_code(problems["coin-change"].problem, "javascript")
    assert "coinChange(coins, amount) {" in coins
    stdio = starter_code(problems["meeting-rooms-ii"].problem, "javascript")
    assert 'readFileSync(0, "utf8")' in stdio and "class Solution" not in stdio


def _problem_copy(tmp_path: Path, problem_id: str) -> Path:
    folder = tmp_path / "content" / "problems" / problem_id
    shutil.copytree(SHIPPED_PROBLEMS / problem_id, folder)
    return folder


def test_javascript_reference_is_optional_but_a_required_one_is_not(tmp_path: Path) -> None:
    folder = _problem_copy(tmp_path, "two-sum")
    yaml_path = folder / "problem.yaml"
    text = yaml_path.read_text()
    problems: list[ContentProblem] = []
    without_js = text.replace("  - {file: reference.js, expect: AC}\n", "")
    assert without_js != text
    yaml_path.write_text(without_js)
    (folder / "solutions" / "reference.js").unlink()
    assert load_problem_folder(folder, tmp_path / "content", problems) is not None
    assert problems == []
    yaml_path.write_text(without_js.replace("  - {file: reference.cpp, expect: AC}\n", ""))
    assert load_problem_folder(folder, tmp_path / "content", problems) is None
    assert "no accepted reference solution in: cpp" in str(problems)


def test_a_shipped_reference_that_is_not_listed_is_named(tmp_path: Path) -> None:
    folder = _problem_copy(tmp_path, "two-sum")
    yaml_path = folder / "problem.yaml"
    yaml_path.write_text(
        yaml_path.read_text().replace("  - {file: reference.js, expect: AC}\n", "")
    )
    problems: list[ContentProblem] = []
    assert load_problem_folder(folder, tmp_path / "content", problems) is None
    assert "reference.js" in str(problems) and "add it with expect: AC" in str(problems)
