"""Coding problems for the judge: the schema of ``content/problems/<id>/problem.yaml``.

A problem folder holds::

    problem.yaml        this schema
    statement.md        the statement shown to the candidate (Markdown)
    editorial.md        the approach, in our own words, with complexity
    generator.py        ``generate(rng: random.Random) -> list[dict]``: hidden test inputs
    checker.py          only for ``checker.type: custom``: ``check(input, output, expected)``
    solutions/          reference solutions (one per language, see LANGUAGES) and known-bad ones

Two styles:

* ``function``: LeetCode-style. The candidate writes ``class Solution`` with one method; the
  judge generates a harness per language that reads the tests, calls the method and prints the
  result as JSON. Tests are ``{"args": {param: value, ...}}``; expected values are JSON.
* ``stdio``: the program reads standard input and writes standard output. Tests are
  ``{"input": "..."}``; expected values are text.

Hidden tests are produced by the generator with a fixed seed and their expected outputs by the
Python reference solution, outside the sandbox; they never enter the box.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from barraiser.content.fields import Difficulty, Slug, Text
from barraiser.content.fields import StrictModel as _Strict
from barraiser.content.files import (
    ContentError,
    ContentProblem,
    default_content_dir,
    escapes,
    read_yaml,
    relative_name,
    validate,
)
from barraiser.content.languages import LANGUAGE_FACTS, LanguageFacts

Style = Literal["function", "stdio"]
#: ``dsa``: an algorithms problem, solved in every language.  ``ml-coding``: a machine-learning
#: coding problem, solved in Python only, with numpy available in the sandbox.
ProblemKind = Literal["dsa", "ml-coding"]
Verdict = Literal["AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "IE"]
#: A language's name; the languages themselves (extensions, multipliers, which references a
#: problem must ship) are described once, in :data:`barraiser.content.languages.LANGUAGE_FACTS`.
LanguageName = str
#: The language whose accepted reference computes the hidden tests' expected outputs.
EXPECTED_FROM: LanguageName = "python"


def _languages() -> dict[str, LanguageFacts]:
    return LANGUAGE_FACTS


#: The languages an ML-coding problem is solved in (numpy is installed for the sandbox's Python).
ML_CODING_LANGUAGES: tuple[LanguageName, ...] = ("python",)


def languages_for(kind: ProblemKind) -> list[LanguageName]:
    """The languages a problem of this kind may be solved in, in the language picker's order."""
    if kind == "ml-coding":
        return [name for name in _languages() if name in ML_CODING_LANGUAGES]
    return list(_languages())


def required_references(kind: ProblemKind = "dsa") -> list[LanguageName]:
    """The languages every problem of this kind ships an accepted reference solution in."""
    allowed = languages_for(kind)
    return [
        name for name, lang in _languages().items() if lang.reference_required and name in allowed
    ]


def language_of_file(file: str) -> LanguageName | None:
    """The language of a solution file, by its extension (None: no language has it)."""
    suffix = "." + file.rsplit(".", 1)[-1] if "." in file else ""
    for name, lang in _languages().items():
        if suffix == lang.extension:
            return name
    return None


#: Types a function-style signature may use. ``long`` is 64-bit; ``float`` is a double.
ValueType = Literal[
    "int",
    "long",
    "float",
    "bool",
    "string",
    "int[]",
    "long[]",
    "float[]",
    "bool[]",
    "string[]",
    "int[][]",
    "float[][]",
    "string[][]",
]
#: Types only the Python harness reads, so only ML-coding problems (Python only) may use them.
PYTHON_ONLY_TYPES: frozenset[str] = frozenset({"float[][]"})
VALUE_TYPES: tuple[str, ...] = ValueType.__args__  # type: ignore[attr-defined]


class Param(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: ValueType


class Signature(_Strict):
    """The method the candidate implements: ``Solution.<name>`` in every language.

    ``name`` is snake_case (Python); the other languages use its camelCase form.
    """

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    params: list[Param] = Field(min_length=1)
    returns: ValueType

    @property
    def camel_name(self) -> str:
        head, *rest = self.name.split("_")
        return head + "".join(part.title() for part in rest)


CheckerType = Literal["exact", "token", "float", "unordered", "custom"]


class Checker(_Strict):
    """How output is compared with the expected answer (outside the sandbox)."""

    type: CheckerType = "exact"
    abs_tol: float = Field(default=1e-6, ge=0)
    rel_tol: float = Field(default=1e-6, ge=0)
    unordered_depth: int = Field(
        default=1, ge=1, le=2, description="unordered: 1 = outer list order free; 2 = inner too."
    )


def _default_multipliers() -> dict[LanguageName, float]:
    return {name: lang.time_multiplier for name, lang in _languages().items()}


class Limits(_Strict):
    """Limits for the C++ run; other languages get the multipliers (by default each language's
    own ``time_multiplier``)."""

    time_limit_s: float = Field(default=1.0, gt=0, le=20)
    memory_limit_mib: int = Field(default=256, ge=16, le=2048)
    multipliers: dict[LanguageName, float] = Field(default_factory=_default_multipliers)

    @field_validator("multipliers")
    @classmethod
    def _known_languages(cls, value: dict[LanguageName, float]) -> dict[LanguageName, float]:
        known = _languages()
        for name, factor in value.items():
            if name not in known:
                raise ValueError(f"unknown language {name!r}; use one of: {', '.join(known)}")
            if factor <= 0:
                raise ValueError(f"the multiplier of {name} must be above 0")
        return value

    def time_for(self, language: LanguageName) -> float:
        factor = self.multipliers.get(language)
        if factor is None:
            factor = _languages()[language].time_multiplier
        return self.time_limit_s * factor


class Example(_Strict):
    """A sample test shown in the statement and run by "Run": args/input and expected output."""

    args: dict[str, Any] | None = None
    input: str | None = None
    expected: Any
    explanation: str = ""

    @model_validator(mode="after")
    def _one_form(self) -> Example:
        if (self.args is None) == (self.input is None):
            raise ValueError("a sample needs exactly one of 'args' (function) or 'input' (stdio)")
        return self


class SolutionFile(_Strict):
    """A solution shipped with the problem and the verdict it must get."""

    file: str = Field(pattern=r"^[A-Za-z0-9_.-]+\.[a-z]+$")
    expect: Verdict

    @field_validator("file")
    @classmethod
    def _known_extension(cls, value: str) -> str:
        if language_of_file(value) is None:
            extensions = ", ".join(lang.extension for lang in _languages().values())
            raise ValueError(f"{value!r} has no language's extension; use one of: {extensions}")
        return value

    @property
    def language(self) -> LanguageName:
        language = language_of_file(self.file)
        assert language is not None  # checked when the file was validated
        return language


class Complexity(_Strict):
    """The intended solution's complexity, as the interviewer expects to hear it after an
    accepted submission (``barraiser.grading.approach`` grades the candidate's words).

    ``space`` is the extra memory, not counting the input and the output.  ``time_also`` and
    ``space_also`` are other bounds that are just as right for the intended approach (another
    notation, per-operation rather than total, a variant the editorial accepts).  ``aliases``
    rename variables as candidates name them (``v: n`` for a graph's vertices), and ``size`` is
    what "linear" means in words (default ``n``).  ``approach_terms`` are words or phrases that
    name the approach (``hash map``, ``two pointers``).
    """

    time: Text
    space: Text
    time_also: list[Text] = Field(default_factory=list)
    space_also: list[Text] = Field(default_factory=list)
    aliases: dict[str, str] = Field(default_factory=dict)
    size: str = "n"
    approach_terms: list[Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _bounds_parse(self) -> Complexity:
        from barraiser.content.complexity import BoundError, parse_bound

        for name in ("time", "space", "time_also", "space_also", "size"):
            value = getattr(self, name)
            for text in value if isinstance(value, list) else [value]:
                try:
                    parse_bound(text, self.aliases)
                except BoundError as exc:
                    raise ValueError(f"{name}: {text!r} is not a big-O bound ({exc})") from None
        return self


class Problem(_Strict):
    id: Slug
    kind: ProblemKind = "dsa"
    title: Text
    difficulty: Difficulty
    topics: list[Slug] = Field(min_length=1)
    style: Style
    signature: Signature | None = None
    checker: Checker = Field(default_factory=Checker)
    limits: Limits = Field(default_factory=Limits)
    constraints: list[Text] = Field(min_length=1)
    hints: list[Text] = Field(min_length=1)
    samples: list[Example] = Field(min_length=2, max_length=3)
    # At least the required references and a known-wrong solution (checked below).
    solutions: list[SolutionFile] = Field(min_length=2)
    min_hidden_tests: int = Field(default=15, ge=15)
    complexity: Complexity

    @model_validator(mode="after")
    def _consistent(self) -> Problem:
        if (self.style == "function") != (self.signature is not None):
            raise ValueError("a function-style problem needs a signature; a stdio one must not")
        for i, sample in enumerate(self.samples):
            if self.style == "function" and sample.args is None:
                raise ValueError(f"samples[{i}] needs 'args' for a function-style problem")
            if self.style == "stdio" and sample.input is None:
                raise ValueError(f"samples[{i}] needs 'input' for a stdio problem")
            if self.signature and sample.args is not None:
                names = [p.name for p in self.signature.params]
                if sorted(sample.args) != sorted(names):
                    raise ValueError(f"samples[{i}].args must give exactly: {', '.join(names)}")
        allowed = self.languages
        foreign = sorted({s.file for s in self.solutions if s.language not in allowed})
        if foreign:
            raise ValueError(
                f"an {self.kind} problem is solved in {', '.join(allowed)} only; remove: "
                + ", ".join(foreign)
            )
        if self.signature is not None and self.kind != "ml-coding":
            types = [p.type for p in self.signature.params] + [self.signature.returns]
            python_only = sorted(set(types) & PYTHON_ONLY_TYPES)
            if python_only:
                raise ValueError(
                    f"type {', '.join(python_only)} is read by the Python harness only: use it "
                    "in an ml-coding problem (kind: ml-coding)"
                )
        references = {s.language for s in self.solutions if s.expect == "AC"}
        missing = [lang for lang in required_references(self.kind) if lang not in references]
        if missing:
            raise ValueError(f"no accepted reference solution in: {', '.join(missing)}")
        if not any(s.expect == "WA" for s in self.solutions):
            raise ValueError("ship at least one known-wrong solution (expect: WA)")
        return self

    @property
    def languages(self) -> list[LanguageName]:
        """The languages this problem may be solved in (every language for ``dsa``)."""
        return languages_for(self.kind)

    def language_refusal(self, language: LanguageName) -> str | None:
        """Why a submission in ``language`` cannot be judged on this problem (None: it can)."""
        if language in self.languages:
            return None
        labels = " or ".join(_languages()[name].label for name in self.languages)
        return (
            f"{self.id} is an ML-coding problem, solved in {labels} only (numpy is available); "
            f"{language!r} is not accepted here"
        )

    @property
    def python_reference(self) -> SolutionFile:
        """The Python solution that computes the expected outputs of the hidden tests."""
        return next(s for s in self.solutions if s.expect == "AC" and s.language == EXPECTED_FROM)


PROBLEM_FILES = ("problem.yaml", "statement.md", "editorial.md", "generator.py")


@dataclass(frozen=True)
class LoadedProblem:
    """A problem with its folder and texts, as the judge and the web app use it."""

    problem: Problem
    folder: Path
    statement: str
    editorial: str

    @property
    def id(self) -> str:
        return self.problem.id

    def solution_path(self, solution: SolutionFile) -> Path:
        return self.folder / "solutions" / solution.file

    def files_digest(self) -> str:
        """A hash of every file of the folder (the hidden-test cache key)."""
        digest = hashlib.sha256()
        for path in sorted(p for p in self.folder.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(self.folder)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()[:16]


def load_problem_folder(
    folder: Path, root: Path, problems: list[ContentProblem]
) -> LoadedProblem | None:
    """Load one ``problems/<id>/`` folder; what is wrong goes to ``problems`` (file, field)."""

    yaml_path = folder / "problem.yaml"
    rel = relative_name(yaml_path, root)
    if not yaml_path.is_file():
        problems.append(
            ContentProblem(relative_name(folder, root), "problem folder has no problem.yaml")
        )
        return None
    data = read_yaml(yaml_path, root, problems)
    if data is None:
        return None
    problem = validate(Problem, data, rel, problems)
    if problem is None:
        return None
    ok = True
    for path in sorted(folder.rglob("*")):
        if escapes(path, folder):
            problems.append(
                ContentProblem(
                    relative_name(path, root),
                    "is a link that leads outside the problem folder; copy the file into the "
                    "folder instead",
                )
            )
            ok = False
    if problem.id != folder.name:
        problems.append(
            ContentProblem(
                rel, f"id {problem.id!r} must match the folder name {folder.name!r}", "id"
            )
        )
        ok = False
    for name in PROBLEM_FILES[1:]:
        if not (folder / name).is_file():
            problems.append(ContentProblem(relative_name(folder / name, root), "is missing"))
            ok = False
    if problem.checker.type == "custom" and not (folder / "checker.py").is_file():
        problems.append(
            ContentProblem(
                relative_name(folder / "checker.py", root), "is missing (checker type custom)"
            )
        )
        ok = False
    for i, solution in enumerate(problem.solutions):
        if not (folder / "solutions" / solution.file).is_file():
            problems.append(
                ContentProblem(
                    rel,
                    f"solution file solutions/{solution.file} is missing",
                    f"solutions[{i}].file",
                )
            )
            ok = False
    listed = {solution.file for solution in problem.solutions}
    for lang in _languages().values():
        # A reference that is shipped but not listed would never be proved.
        if (folder / "solutions" / lang.reference_file).is_file() and (
            lang.reference_file not in listed
        ):
            what = (
                "is not listed in solutions; add it with expect: AC (or remove the file)"
                if lang.name in problem.languages
                else f"is not used: an {problem.kind} problem is solved in "
                f"{', '.join(problem.languages)} only; remove the file"
            )
            problems.append(
                ContentProblem(
                    relative_name(folder / "solutions" / lang.reference_file, root),
                    what,
                    "solutions",
                )
            )
            ok = False
    if not ok:
        return None
    return LoadedProblem(
        problem=problem,
        folder=folder,
        statement=(folder / "statement.md").read_text(encoding="utf-8"),
        editorial=(folder / "editorial.md").read_text(encoding="utf-8"),
    )


def load_problems_collecting(
    dirs: Iterable[Path],
) -> tuple[dict[str, LoadedProblem], list[ContentProblem]]:
    """Every ``problems/<id>/`` folder of the content folders, and what is wrong with them."""
    loaded: dict[str, LoadedProblem] = {}
    problems: list[ContentProblem] = []
    for root in dirs:
        base = root / "problems"
        if not base.is_dir():
            continue
        for folder in sorted(
            p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
        ):
            item = load_problem_folder(folder, root, problems)
            if item is None:
                continue
            if item.id in loaded:
                problems.append(
                    ContentProblem(
                        str(folder),
                        f"duplicate problem id {item.id!r} (also in {loaded[item.id].folder})",
                        "id",
                    )
                )
                continue
            loaded[item.id] = item
    return loaded, problems


def load_problems(dirs: Iterable[Path] | None = None) -> dict[str, LoadedProblem]:
    """Load every problem; raise :class:`ContentError` listing every problem found."""

    loaded, problems = load_problems_collecting(
        dirs if dirs is not None else [default_content_dir()]
    )
    if problems:
        raise ContentError(problems)
    return loaded


def load_problem(problem_id: str, dirs: Iterable[Path] | None = None) -> LoadedProblem:
    """Load one problem by id (the other folders are not read); KeyError when there is none."""

    for root in dirs if dirs is not None else [default_content_dir()]:
        folder = root / "problems" / problem_id
        if folder.is_dir():
            problems: list[ContentProblem] = []
            loaded = load_problem_folder(folder, root, problems)
            if loaded is None:
                raise ContentError(problems)
            return loaded
    raise KeyError(f"no problem with id {problem_id!r}; `barraiser problems list` shows the ids")
