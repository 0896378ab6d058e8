"""What the interview engine hands to the web pages, the API and the report: plain pydantic data.

A session is a snapshot of a loop (so editing the loop file never breaks a session in progress),
its rounds in order, and in each round its items: a free-text bank question (its id) or a coding
problem (``problem:<id>``).  Scorecards and the debrief are computed from what is stored.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from barraiser.content.schemas import Rating
from barraiser.grading.approach import ApproachGrade
from barraiser.grading.llm import LLMOutcome
from barraiser.grading.result import GradeResult

logger = logging.getLogger(__name__)

ItemKind = Literal["concept", "ml-design", "system-design", "behavioral", "coding", "ml-coding"]
ItemStatus = Literal["open", "answered", "done", "skipped"]
RoundState = Literal["pending", "active", "finished"]
EndedBy = Literal["candidate", "time", "all-answered"]
PROBLEM_PREFIX = "problem:"
#: ``question_id`` of the answer to a coding item's approach question: ``approach:<problem id>``.
APPROACH_PREFIX = "approach:"
#: Ids of questions made from the candidate's résumé (items with ``based_on``): ``resume:<n>``.
RESUME_PREFIX = "resume:"


class StoredGrade(GradeResult):
    """A grade as kept with its answer: the grader's result and what the service added."""

    reference_answer: str | None = Field(
        default=None, description="The reference answer of an ad-hoc question."
    )
    llm: LLMOutcome | None = Field(
        default=None, description="The LLM judge's second opinion (null when it is off)."
    )
    combined_with: int | None = Field(
        default=None, description="For a follow-up: the first answer it was graded together with."
    )
    graded_text: str | None = Field(
        default=None, description="For a follow-up: the text graded (answer + follow-up)."
    )

    @classmethod
    def from_store(cls, data: dict[str, Any]) -> StoredGrade | None:
        """Parse a stored grading; None (logged) for one that no longer parses."""
        try:
            return cls.model_validate(data)
        except ValidationError:
            logger.warning("A stored grading does not parse as a grade: %s", str(data)[:200])
            return None


class FollowUpView(BaseModel):
    """A follow-up the interviewer asks after a free-text answer."""

    question: str
    probes: list[str] = Field(default_factory=list, description="Key point ids it probes.")
    reason: str = ""
    answer_id: int | None = Field(default=None, description="The follow-up's answer, once given.")
    answer_text: str | None = None


class FollowUpExchange(BaseModel):
    """One follow-up the interviewer asked on an item, and the candidate's answer to it."""

    question: str
    answer_id: int | None = None
    answer: str | None = Field(default=None, description="None: not answered.")
    late: bool = Field(default=False, description="Answered after the round's time ran out.")


class ApproachView(BaseModel):
    """The interviewer's question about an accepted solution's approach, and its answer."""

    question: str
    answer_id: int | None = Field(default=None, description="The answer, once given.")
    answer_text: str | None = None
    late: bool = Field(default=False, description="Answered after the round's time ran out.")
    grade: ApproachGrade | None = Field(default=None, description="Shown in practice mode only.")


class ItemView(BaseModel):
    """One question of a round as the candidate sees it, and where they are with it."""

    id: str
    kind: ItemKind
    title: str
    prompt: str = Field(description="The question as asked (Markdown); coding: the statement.")
    url: str = Field(description="The question's or problem's page in the bank.")
    competencies: list[str] = Field(default_factory=list)
    leadership_principles: list[str] = Field(default_factory=list)
    is_lp_question: bool = False
    status: ItemStatus = "open"
    answer_id: int | None = None
    answer_text: str | None = None
    follow_up: FollowUpView | None = Field(
        default=None, description="The follow-up waiting for an answer, or the last one asked."
    )
    earlier_follow_ups: list[FollowUpView] = Field(
        default_factory=list,
        description="Follow-ups asked and answered before it (a story in a loop gets up to two).",
    )
    late: bool = Field(default=False, description="Answered after the round's time ran out.")
    submissions: list[int] = Field(default_factory=list, description="Code runs and submits.")
    problem_id: str | None = None
    approach: ApproachView | None = Field(
        default=None,
        description="Coding: the approach question, asked once a submission is accepted (in "
        "rounds that assess communication).",
    )


class ClockView(BaseModel):
    """A round's clock: time used, time left, and time the candidate was away."""

    allotted_s: float
    used_s: float
    remaining_s: float = Field(description="Seconds left; 0 once the time is up.")
    overtime_s: float = Field(default=0.0, description="Seconds past the allotted time.")
    away_s: float
    away_counts: bool
    away_periods: list[tuple[datetime, float]] = Field(default_factory=list)
    started_at: datetime | None = None
    overtime: bool = False


class RoundView(BaseModel):
    """One round of a session."""

    position: int
    round_id: str
    title: str
    kind: str
    stage_title: str
    stage_description: str = ""
    interviewer: str
    duration_min: int
    bar_raiser: bool
    assesses: list[str]
    status: RoundState
    ended_by: EndedBy | None = None
    clock: ClockView
    items: list[ItemView]
    notes: str = ""

    def current_item(self) -> ItemView | None:
        """The first item still open or waiting for its follow-up's answer."""
        return next((i for i in self.items if i.status in ("open", "answered")), None)


class SessionView(BaseModel):
    """A session with its rounds: everything a round page needs."""

    id: str
    mode: Literal["loop", "practice"]
    loop_id: str
    loop_title: str
    status: Literal["active", "finished", "abandoned"]
    started_at: datetime
    finished_at: datetime | None
    rounds: list[RoundView]
    away_time: Literal["counts", "paused"]
    on_timeout: Literal["end-round", "overtime"] = "end-round"

    def active_round(self) -> RoundView | None:
        return next((r for r in self.rounds if r.status == "active"), None)

    def next_round(self) -> RoundView | None:
        return next((r for r in self.rounds if r.status == "pending"), None)


class AnswerOutcome(BaseModel):
    """What the engine says after an answer: saved id, follow-up (loop), grade (practice)."""

    answer_id: int
    item_id: str
    follow_up: FollowUpView | None = None
    grade: StoredGrade | None = Field(default=None, description="Shown in practice mode only.")
    late: bool = False
    round_finished: bool = False


class ApproachAnswered(BaseModel):
    """What the engine says after the approach answer: saved id and (practice) its grade."""

    answer_id: int
    item_id: str
    grade: ApproachGrade | None = Field(default=None, description="Shown in practice mode only.")
    late: bool = False
    round_finished: bool = False


# -- scorecards and the debrief ----------------------------------------------------------------


class Evidence(BaseModel):
    """One piece of evidence behind a rating: a quote, a verdict or a key point."""

    item_id: str
    item_title: str
    kind: Literal[
        "covered",
        "partly",
        "missed",
        "misconception",
        "verdict",
        "star",
        "unanswered",
        "late",
        "not-graded",
        "approach",
    ]
    text: str = Field(description="What was found, in words.")
    quote: str | None = Field(default=None, description="The candidate's own sentence, if any.")


class ApproachOutcome(BaseModel):
    """How a coding item's approach question went: asked after an accepted submission."""

    question: str
    answered: bool
    answer_text: str | None = None
    late: bool = False
    had_time: bool = Field(
        default=True,
        description="False: the submission was accepted too close to the end of the round to "
        "explain it, so the question does not count.",
    )
    score: float | None = Field(
        description="0-100, counted in communication (unanswered or late with time to answer: "
        "a weak explanation, not a wrong one); None: not counted (no time, or not graded)."
    )
    grade: ApproachGrade | None = None
    note: str = Field(default="", description="How the answer counted, in words.")


class ItemOutcome(BaseModel):
    """How one item of a round went."""

    item_id: str
    title: str
    kind: ItemKind
    url: str
    score: float | None = Field(description="0-100; None while a verdict or grade is pending.")
    answered: bool
    late: bool = False
    grading_failed: bool = Field(
        default=False, description="The answer is stored but could not be graded (left out)."
    )
    answer_text: str | None = None
    follow_up_question: str | None = Field(default=None, description="The first follow-up.")
    follow_up_answer: str | None = None
    follow_ups: list[FollowUpExchange] = Field(
        default_factory=list, description="Every follow-up asked, in order, with its answer."
    )
    covered: list[str] = Field(default_factory=list, description="Key points covered.")
    partly: list[str] = Field(default_factory=list, description="Key points only partly made.")
    missed: list[str] = Field(default_factory=list, description="Key points missed.")
    misconceptions: list[Evidence] = Field(default_factory=list)
    best_quote: str | None = None
    verdict: str | None = None
    tests_passed: int | None = None
    tests_total: int | None = None
    tests_summary: str | None = Field(
        default=None,
        description="The counted submission's tests in the editor's words "
        '("20 of 20 hidden tests passed").',
    )
    runs: int = 0
    submits: int = 0
    labs: list[str] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    leadership_principles: list[str] = Field(default_factory=list)
    approach: ApproachOutcome | None = Field(
        default=None, description="Coding: the approach question, when it was asked."
    )


class CompetencyRating(BaseModel):
    id: str
    name: str
    rating: Rating | None = Field(description="None when nothing in the round showed it.")
    score: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Scorecard(BaseModel):
    """One interviewer's scorecard for one round."""

    position: int
    round_id: str
    title: str
    interviewer: str
    bar_raiser: bool
    rating: Rating
    score: float
    summary: str
    rating_note: str | None = Field(
        default=None,
        description="Why the rating is below what the scores alone earn (the loop's rule on "
        "Leadership Principle ratings).",
    )
    competencies: list[CompetencyRating]
    principles: list[CompetencyRating]
    items: list[ItemOutcome]
    allotted_s: float
    used_s: float
    away_s: float
    ended_by: EndedBy | None = None
    pending: bool = Field(default=False, description="A verdict was still being judged.")


class Decision(BaseModel):
    """The debrief's decision and why it went that way."""

    hire: bool
    label: str = Field(description="'Hire' or 'No hire' (practice: 'Practice').")
    mean_rating: float
    lp_mean_rating: float | None = None
    vetoed: bool = False
    reasons: list[str]


class Moment(BaseModel):
    """A strong or weak moment of the loop, with the candidate's words."""

    round_title: str
    item_id: str
    item_title: str
    url: str
    score: float
    quote: str | None
    why: str


class StudyItem(BaseModel):
    """What to study next: a question, the key points it missed, and where to learn them."""

    item_id: str
    title: str
    url: str
    score: float | None
    missed: list[str]
    partly: list[str] = Field(default_factory=list, description="Key points only partly made.")
    misconceptions: list[str] = Field(default_factory=list)
    labs: list[tuple[str, str]] = Field(default_factory=list, description="(lab id, title).")
    related: list[tuple[str, str]] = Field(default_factory=list, description="(url, title).")


class Debrief(BaseModel):
    """The whole debrief of a finished session: what the report shows and exports."""

    session_id: str
    mode: Literal["loop", "practice"]
    loop_id: str
    loop_title: str
    started_at: datetime
    finished_at: datetime | None
    decision: Decision | None = Field(description="None in practice mode (no hiring rule).")
    decision_rule: list[str] = Field(default_factory=list, description="The rule in sentences.")
    values_note: str = Field(
        default="",
        description="For a company whose values are not the Leadership Principles: how its "
        "values were graded (through the principles each maps to).",
    )
    scorecards: list[Scorecard]
    competencies: list[tuple[str, str, float | None]] = Field(
        default_factory=list, description="(id, name, mean rating 1-4 or None) over the loop."
    )
    principles: list[tuple[str, str]] = Field(default_factory=list, description="(id, name).")
    principle_ratings: dict[str, dict[str, float]] = Field(
        default_factory=dict, description="principle id -> round id -> rating value 1-4."
    )
    strongest: list[Moment] = Field(default_factory=list)
    weakest: list[Moment] = Field(default_factory=list)
    study_plan: list[StudyItem] = Field(default_factory=list)
    pending: bool = Field(default=False, description="Some verdicts are still being judged.")
    note: str | None = Field(
        default=None, description="Why there is no decision, or what it leaves out."
    )
