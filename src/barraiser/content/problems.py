"""Coding problems for the judge: the schema of ``content/problems/<id>/problem.yaml``.

A problem folder holds::

    problem.yaml        this schema
    statement.md        the statement shown to the candidate (Markdown)
    editorial.md        the approach, in our own words, with complexity
    generator.py        ``generate(rng: random.Random) -> list[dict]``: hidden test inputs
    checker.py          only for ``checker.type: custom``: ``check(input, output, expected)``
    solutions/          reference solutions (all three languages) and known-bad ones

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

from typing import Any, Literal

from pydantic import Field, model_validator

from barraiser.content.schemas import Difficulty, Slug, Text, _Strict

Style = Literal["function", "stdio"]
Verdict = Literal["AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "IE"]
LanguageName = Literal["python", "cpp", "java"]
LANGUAGES: tuple[LanguageName, ...] = ("python", "cpp", "java")

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
    "string[][]",
]
VALUE_TYPES: tuple[str, ...] = ValueType.__args__  # type: ignore[attr-defined]


class Param(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: ValueType


class Signature(_Strict):
    """The method the candidate implements: ``Solution.<name>`` in every language.

    ``name`` is snake_case (Python); C++ and Java use its camelCase form.
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
    return {"cpp": 1.0, "java": 2.0, "python": 4.0}


class Limits(_Strict):
    """Limits for the C++ run; other languages get the multipliers."""

    time_limit_s: float = Field(default=1.0, gt=0, le=20)
    memory_limit_mib: int = Field(default=256, ge=16, le=2048)
    multipliers: dict[LanguageName, float] = Field(default_factory=_default_multipliers)

    def time_for(self, language: LanguageName) -> float:
        return self.time_limit_s * self.multipliers.get(language, 1.0)


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

    file: str = Field(pattern=r"^[A-Za-z0-9_.-]+\.(py|cpp|java)$")
    expect: Verdict

    @property
    def language(self) -> LanguageName:
        ext = self.file.rsplit(".", 1)[1]
        return {"py": "python", "cpp": "cpp", "java": "java"}[ext]  # type: ignore[return-value]


class Problem(_Strict):
    id: Slug
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
    solutions: list[SolutionFile] = Field(min_length=4)
    min_hidden_tests: int = Field(default=15, ge=15)

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
        references = {s.language for s in self.solutions if s.expect == "AC"}
        missing = [lang for lang in LANGUAGES if lang not in references]
        if missing:
            raise ValueError(f"no accepted reference solution in: {', '.join(missing)}")
        if not any(s.expect == "WA" for s in self.solutions):
            raise ValueError("ship at least one known-wrong solution (expect: WA)")
        return self

    @property
    def python_reference(self) -> SolutionFile:
        """The Python solution that computes the expected outputs of the hidden tests."""
        return next(s for s in self.solutions if s.expect == "AC" and s.language == "python")
