"""Pydantic schemas of the content files: questions, Leadership Principles, competencies,
companies and loops."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import (
    AliasChoices,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from barraiser.content.fields import DIFFICULTIES as DIFFICULTIES
from barraiser.content.fields import Difficulty as Difficulty
from barraiser.content.fields import DraftableText as DraftableText
from barraiser.content.fields import Slug as Slug
from barraiser.content.fields import StrictModel as _Strict
from barraiser.content.fields import Text as Text

QuestionKind = Literal["concept", "ml-design", "system-design", "behavioral", "coding", "ml-coding"]
QUESTION_KINDS: tuple[QuestionKind, ...] = (
    "concept",
    "ml-design",
    "system-design",
    "behavioral",
    "coding",
    "ml-coding",
)
#: Kinds answered in prose and graded against a rubric (coding kinds are judged by running code).
FREE_TEXT_KINDS: frozenset[str] = frozenset({"concept", "ml-design", "system-design", "behavioral"})

Level = Literal["strong", "partial", "weak"]

Rating = Literal["strong-no", "no", "inclined", "strong-hire"]
#: Scorecard ratings in increasing order; their position + 1 is the numeric value (1-4).
RATINGS: tuple[Rating, ...] = ("strong-no", "no", "inclined", "strong-hire")


def rating_value(rating: Rating) -> int:
    """Numeric value of a rating: strong-no = 1 ... strong-hire = 4."""
    return RATINGS.index(rating) + 1


def _reject_duplicates(what: str, ids: list[str]) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate {what} ids: {', '.join(dupes)}")


#: Behavioural key points about *how* a story is told rather than what it says; the story
#: analysis judges them (``grading.behavioral``), not sentence similarity.
StorySignal = Literal[
    "first-person", "result-number", "reflection", "real-episode", "principle-shown"
]


class KeyPoint(_Strict):
    """One thing a strong answer says, with its weight in the score."""

    id: Slug
    text: Text = Field(description="A short statement of the point, as a grader would tick it.")
    weight: float = Field(default=1.0, gt=0, le=10)
    synonyms: list[Text] = Field(
        default_factory=list, description="Other phrasings or key terms that express the point."
    )
    signal: StorySignal | None = Field(
        default=None,
        description="Behavioural questions: the point is about the telling (first person, a "
        "number in the result, reflection, a real episode, the principle shown) and is judged "
        "by the story analysis.",
    )


class Misconception(_Strict):
    """A wrong statement candidates make, and the correction to show them."""

    id: Slug
    statement: Text
    correction: Text
    from_source: bool = Field(
        default=False, description="True when the source guide itself makes this mistake."
    )


class FollowUp(_Strict):
    """A follow-up question an interviewer asks, and the key points it probes."""

    question: Text
    probes: list[Slug] = Field(default_factory=list, description="Ids of key points it probes.")


class Rubric(_Strict):
    key_points: list[KeyPoint] = Field(min_length=1)
    misconceptions: list[Misconception] = Field(default_factory=list)
    follow_ups: list[FollowUp] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_ids(self) -> Rubric:
        ids = [kp.id for kp in self.key_points]
        _reject_duplicates("key point", ids)
        _reject_duplicates("misconception", [m.id for m in self.misconceptions])
        known = set(ids)
        for follow_up in self.follow_ups:
            unknown = [p for p in follow_up.probes if p not in known]
            if unknown:
                raise ValueError(
                    f"follow-up {follow_up.question!r} probes unknown key points: "
                    + ", ".join(unknown)
                )
        return self


class CalibrationAnswer(_Strict):
    """A realistic candidate answer with the level a good interviewer would give it."""

    level: Level
    answer: Text
    why: Text = Field(description="Why an interviewer would put this answer at this level.")


class Source(_Strict):
    document: Text = Field(description="The source document, e.g. amazon-mle-interview-guide.")
    question: int = Field(ge=1, description="The question's number in that document.")


class Question(_Strict):
    """One interview question with everything needed to ask, answer and grade it."""

    id: Slug
    kind: QuestionKind
    title: Text
    prompt: Text = Field(description="The question as the interviewer asks it (Markdown).")
    topics: list[Slug] = Field(min_length=1)
    difficulty: Difficulty
    competencies: list[Slug] = Field(min_length=1)
    leadership_principles: list[Slug] = Field(default_factory=list)
    companies: list[Slug] = Field(
        default_factory=list,
        description="Companies known to ask this question or one like it (ids of "
        "companies/*.yaml): the bank filters by them and each company's page lists them.",
    )
    company_specific: bool = Field(
        default=False,
        description="The question names its companies (e.g. 'Why Amazon?'): only their loops "
        "ask it. Needs `companies`.",
    )
    draft: bool = Field(
        default=False,
        description="The user's own draft (made from the experiences journal): it may have no "
        "rubric, guidance or model answer yet; answers to it are saved but not scored against "
        "key points. Only the user content folder may hold drafts.",
    )
    how_to_answer: DraftableText = Field(
        description="Guidance on structuring a strong answer (Markdown); a draft may leave it "
        "empty."
    )
    model_answer: DraftableText = Field(
        description="An answer a strong interviewer would accept; a draft may leave it empty."
    )
    rubric: Rubric | None = None
    calibration: list[CalibrationAnswer] = Field(default_factory=list)
    related: list[Slug] = Field(default_factory=list, description="Ids of related questions.")
    labs: list[Slug] = Field(default_factory=list, description="Ids of labs that back the answer.")
    problem: Slug | None = Field(default=None, description="Judge problem id (coding kinds).")
    source: Source | None = None
    reviewed: bool = Field(
        default=False,
        description="True once an independent review pass has checked the facts, the arithmetic "
        "and the rubric (what it changed is in the commit message).",
    )

    @field_validator("how_to_answer", "model_answer", mode="after")
    @classmethod
    def _written_unless_draft(cls, value: str, info: ValidationInfo) -> str:
        if not value and not info.data.get("draft", False):
            raise ValueError("is empty: write it (only a draft question may leave it empty)")
        return value

    @model_validator(mode="after")
    def _specific_names_companies(self) -> Question:
        if self.company_specific and not self.companies:
            raise ValueError("company_specific is true but `companies` is empty: name them")
        return self

    @property
    def is_free_text(self) -> bool:
        return self.kind in FREE_TEXT_KINDS

    def askable_at(self, company_id: str | None) -> bool:
        """False for a company-specific question in another company's loop."""
        return not self.company_specific or company_id is None or company_id in self.companies

    @property
    def has_rubric_to_score(self) -> bool:
        """False for a draft without a rubric: answers to it are kept but not scored."""
        return not (self.draft and self.rubric is None)


class LeadershipPrinciple(_Strict):
    id: Slug
    name: Text
    description: Text
    signals: list[Text] = Field(
        default_factory=list, description="Things a story shows when it demonstrates the principle."
    )


class CompanyValue(_Strict):
    """One of a company's values, and the Leadership Principles whose stories show it (the
    story grader reads a story against principles, so a value is graded through them)."""

    id: Slug
    name: Text
    description: Text
    principles: list[Slug] = Field(
        min_length=1, description="Leadership Principle ids whose stories show this value."
    )


class ProcessStep(_Strict):
    """One step of a company's interview process, as publicly described."""

    title: Text
    description: Text


class Company(_Strict):
    """A company whose loops barraiser runs: its process, values and ML work, in our words."""

    id: Slug
    name: Text
    as_of: date = Field(description="When this was written: processes change.")
    summary: Text = Field(description="The company and what its ML engineers work on.")
    ml_applications: list[Text] = Field(
        min_length=1, description="Where the company uses ML, to study before the interview."
    )
    process: list[ProcessStep] = Field(min_length=1)
    values_from_principles: bool = Field(
        default=False,
        description="Its values are the Leadership Principles (leadership_principles.yaml).",
    )
    values: list[CompanyValue] = Field(default_factory=list)
    sources: Text = Field(description="What this page is based on (public descriptions).")

    @model_validator(mode="after")
    def _has_values(self) -> Company:
        if self.values_from_principles == bool(self.values):
            raise ValueError(
                "give either `values` or `values_from_principles: true` (exactly one of them)"
            )
        _reject_duplicates("value", [v.id for v in self.values])
        return self

    @property
    def value_word(self) -> str:
        """What its value questions are called: "Leadership Principle" (Amazon) or
        "<name> values"."""
        return "Leadership Principle" if self.values_from_principles else f"{self.name} values"

    def value_principles(self) -> set[str]:
        """Every Leadership Principle id some value maps to (resolved values only)."""
        return {p for v in self.values for p in v.principles}


class Competency(_Strict):
    id: Slug
    name: Text
    description: Text


class Selector(_Strict):
    """How a round picks questions: any question matching all given filters."""

    kind: QuestionKind
    topics: list[Slug] = Field(default_factory=list, description="Any of these topics.")
    difficulty: list[Difficulty] = Field(default_factory=list, description="Any of these.")
    count: int = Field(default=1, ge=1, le=10)

    @property
    def problem_kind(self) -> str | None:
        """The judge problems this selector picks: ``coding`` picks algorithms problems
        (``dsa``), ``ml-coding`` ML-coding ones; None for the prose kinds."""
        return {"coding": "dsa", "ml-coding": "ml-coding"}.get(self.kind)

    def matches_problem(self, kind: str, topics: list[str], difficulty: str) -> bool:
        """True when a judge problem of this kind, topics and difficulty fits the selector."""
        return (
            kind == self.problem_kind
            and (not self.topics or any(t in topics for t in self.topics))
            and (not self.difficulty or difficulty in self.difficulty)
        )

    def matches(self, question: Question) -> bool:
        """True when the question has this kind, any listed topic and any listed difficulty."""
        return (
            question.kind == self.kind
            and not question.draft  # drafts have no rubric to score a loop's answers with
            and (not self.topics or any(t in question.topics for t in self.topics))
            and (not self.difficulty or question.difficulty in self.difficulty)
        )


RoundKind = Literal["screen", "assessment", "phone", "onsite", "bar-raiser"]


class Round(_Strict):
    id: Slug
    title: Text
    kind: RoundKind
    duration_min: int = Field(ge=1, le=240)
    interviewer: Text = Field(description="Who runs the round, e.g. 'recruiter', 'ML engineer'.")
    assesses: list[Slug] = Field(min_length=1, description="Competency ids scored in this round.")
    questions: list[Selector] = Field(default_factory=list)
    value_questions: int = Field(
        default=0,
        ge=0,
        le=10,
        validation_alias=AliasChoices("value_questions", "lp_questions"),
        description="Behavioural questions on the company's values (Amazon: its Leadership "
        "Principles). `lp_questions` is the older name and still read.",
    )
    bar_raiser: bool = Field(
        default=False, description="An interviewer from outside the team who can veto (Amazon)."
    )
    notes: str = ""

    @model_validator(mode="after")
    def _has_questions(self) -> Round:
        if not self.questions and self.value_questions == 0:
            raise ValueError(
                f"round {self.id!r} asks no questions: add a selector or value_questions"
            )
        return self


class Stage(_Strict):
    id: Slug
    title: Text
    description: Text = Field(description="What the stage assesses, for the candidate.")
    rounds: list[Round] = Field(min_length=1)


class DecisionRule(_Strict):
    """The debrief's hiring rule, applied to the rounds' overall ratings."""

    min_mean_rating: float = Field(
        default=3.0, ge=1, le=4, description="Mean round rating (1-4) needed to hire."
    )
    max_no_ratings: int = Field(default=1, ge=0, description="Rounds rated 'no' tolerated.")
    strong_no_blocks: bool = Field(default=True, description="Any 'strong-no' means no hire.")
    bar_raiser_veto: bool = Field(
        default=False,
        description="The Bar Raiser can veto: their 'no' or worse means no hire (needs a round "
        "with `bar_raiser: true`).",
    )
    veto_at_or_below: Rating = "no"
    min_lp_mean_rating: float | None = Field(
        default=None, ge=1, le=4, description="Mean Leadership Principle rating needed, if any."
    )


class Timing(_Strict):
    """How a loop's round clocks run: whether time away counts, and what happens at zero."""

    away_time: Literal["counts", "paused"] = Field(
        default="counts",
        description="'counts': the clock runs while the candidate is away, as in a real "
        "interview; 'paused': time away (a closed page, a restarted server) is not counted.",
    )
    on_timeout: Literal["end-round", "overtime"] = Field(
        default="end-round",
        description="'end-round': the round ends when its time is up; 'overtime': the "
        "candidate may go on, and the overtime is shown in the debrief.",
    )
    away_after_s: int = Field(
        default=60,
        ge=20,
        le=3600,
        description="Seconds without a sign of the candidate (the open page's heartbeat, an "
        "answer) after which the gap counts as time away.",
    )


class Loop(_Strict):
    id: Slug
    title: Text
    company_id: Slug = Field(description="The company (companies/<id>.yaml) whose loop this is.")
    company: Text = Field(description="Its name as shown (the company file's `name`).")
    role: Text
    description: Text
    competencies: list[Slug] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    decision: DecisionRule = Field(default_factory=DecisionRule)
    timing: Timing = Field(default_factory=Timing)

    def rounds(self) -> list[Round]:
        return [r for stage in self.stages for r in stage.rounds]

    @property
    def duration_min(self) -> int:
        return sum(r.duration_min for r in self.rounds())

    @model_validator(mode="after")
    def _unique_rounds(self) -> Loop:
        _reject_duplicates("round", [r.id for r in self.rounds()])
        return self


def is_value_question(q: Question, company: Company | None) -> bool:
    """A behavioural question a loop of ``company`` may ask about its values: it probes a
    Leadership Principle one of the company's values maps to (any, without a company) and is
    not another company's own question. Drafts are left out: they may have no rubric to score
    a loop's answer with."""
    if q.kind != "behavioral" or not q.leadership_principles or q.draft:
        return False
    if company is None:
        return True
    principles = company.value_principles()
    return q.askable_at(company.id) and any(p in principles for p in q.leadership_principles)
