"""Models of the judge's JSON API: problems as the candidate sees them, and submissions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field

from barraiser.content.problems import Checker, LoadedProblem, ProblemKind, Signature
from barraiser.content.schemas import Difficulty
from barraiser.judge.languages import LANGUAGES
from barraiser.judge.starter import starter_code
from barraiser.web.models import InputModel

#: Each language's name and label, in the order of the language picker.
LANGUAGE_LABELS: dict[str, str] = {name: lang.label for name, lang in LANGUAGES.items()}


def _known_language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; use one of: {', '.join(LANGUAGES)}")
    return value


LanguageIn = Annotated[
    str,
    AfterValidator(_known_language),
    Field(json_schema_extra={"enum": list(LANGUAGES)}, examples=["python"]),
]
ModeIn = Literal["run", "submit", "custom"]


class ProblemSummary(BaseModel):
    """One coding problem of the bank, without its statement."""

    id: str
    kind: ProblemKind = Field(
        description="dsa: algorithms, in every language; ml-coding: machine-learning code, in "
        "Python only, with numpy available."
    )
    title: str
    difficulty: Difficulty
    topics: list[str]
    style: Literal["function", "stdio"]
    languages: list[str] = Field(description="The languages a solution may be written in.")

    @classmethod
    def of(cls, loaded: LoadedProblem) -> ProblemSummary:
        p = loaded.problem
        return cls(
            id=p.id,
            kind=p.kind,
            title=p.title,
            difficulty=p.difficulty,
            topics=p.topics,
            style=p.style,
            languages=p.languages,
        )


class SampleOut(BaseModel):
    """A sample test: the arguments (function style) or standard input (stdio), and the answer."""

    args: dict[str, Any] | None = None
    input: str | None = None
    expected: Any
    explanation: str = ""


class LimitsOut(BaseModel):
    """The time limit of each language and the memory limit."""

    time_limit_s: dict[str, float] = Field(
        description="Seconds of CPU time per test, by language (the problem's languages only)."
    )
    memory_limit_mib: int


class ProblemDetail(ProblemSummary):
    """A problem as the candidate sees it: statement, samples, limits and starter code.

    Hidden tests, their expected outputs and the reference solutions are never included.
    """

    statement: str = Field(description="Markdown.")
    constraints: list[str]
    hints: list[str]
    samples: list[SampleOut]
    signature: Signature | None
    checker: Checker
    limits: LimitsOut
    starter_code: dict[str, str] = Field(
        description="Starter code by language (the problem's languages only)."
    )

    @classmethod
    def of(cls, loaded: LoadedProblem) -> ProblemDetail:
        p = loaded.problem
        return cls(
            id=p.id,
            kind=p.kind,
            title=p.title,
            difficulty=p.difficulty,
            topics=p.topics,
            style=p.style,
            languages=p.languages,
            statement=loaded.statement,
            constraints=p.constraints,
            hints=p.hints,
            samples=[SampleOut(**s.model_dump()) for s in p.samples],
            signature=p.signature,
            checker=p.checker,
            limits=LimitsOut(
                time_limit_s={lang: p.limits.time_for(lang) for lang in p.languages},
                memory_limit_mib=p.limits.memory_limit_mib,
            ),
            starter_code={lang: starter_code(loaded.problem, lang) for lang in p.languages},
        )


class CodeIn(InputModel):
    """Code to run on the samples (``run``), on your own input (``custom``) or to submit.

    The body of a session's coding item; ``SubmissionIn`` adds the problem for the judge's own
    endpoint.
    """

    language: LanguageIn
    source: str = Field(description="The program; at most 64 KiB of UTF-8.")
    mode: ModeIn = Field(
        default="run",
        description="run: the samples; custom: custom_input only; submit: the hidden tests too.",
    )
    custom_input: str | None = Field(
        default=None,
        description="For mode custom: standard input (stdio) or one JSON object of arguments "
        "(function style); at most 1 MiB.",
    )


class SubmissionIn(CodeIn):
    """Code for one problem of the bank, to run on the samples, on your own input or to submit."""

    problem_id: str = Field(examples=["two-sum"])


class SubmissionAccepted(BaseModel):
    """The submission is saved and queued; poll GET /api/submissions/{id}."""

    id: int
    status: Literal["queued"] = "queued"


class SubmissionOut(BaseModel):
    """Where a submission is. ``result`` (when done) has per-test detail; hidden tests show only
    their verdict, time and memory."""

    id: int
    problem_id: str
    language: str
    mode: str
    status: Literal["queued", "judging", "done"]
    verdict: str | None = Field(description="AC, WA, TLE, MLE, OLE, RE, CE or IE once done.")
    result: dict[str, Any] | None = Field(
        description='Once done: the verdict, ``summary`` (the counts in words, e.g. "stopped '
        'at sample 2; hidden tests not run" or "28 of 28 hidden tests passed"), '
        "``stopped_at_sample`` (the sample a submission stopped at, or null) and ``tests``. "
        "A custom run's test has ``expected``: the reference solution's output on that input, "
        "and ``matches``."
    )
