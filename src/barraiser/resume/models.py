"""The résumé analysis as data: what ``--json`` prints and ``/api/resume/analyze`` returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Importance = Literal["required", "preferred"]
QuestionKind = Literal["recruiter-screen", "project"]


class SkillFound(BaseModel):
    """A skill the job asks for that the résumé names."""

    skill: str
    importance: Importance
    job_line: str = Field(description="The job description's line that asks for it.")
    matched: list[str] = Field(description="The résumé's words that name it.")
    evidence: list[str] = Field(description="The résumé's lines that show it.")
    listed_only: bool = Field(
        description="Named only in the skills list: no bullet shows it in use."
    )
    alternatives: list[str] = Field(
        default_factory=list, description="Skills the job accepts instead (one was enough)."
    )


class SkillWeak(BaseModel):
    """A skill the résumé shows only weakly: an adjacent tool, or a line that is close in
    meaning (the embedding model) without naming it."""

    skill: str
    importance: Importance
    job_line: str
    via: Literal["adjacent", "similar"]
    matched: str = Field(description="The adjacent skill named, or the résumé's close line.")
    similarity: float | None = Field(
        default=None, description="Cosine similarity of the closest line (via `similar`)."
    )
    evidence: list[str]


class SkillMissing(BaseModel):
    skill: str
    importance: Importance
    job_line: str


class SkillReport(BaseModel):
    found: list[SkillFound] = Field(default_factory=list)
    weak: list[SkillWeak] = Field(default_factory=list)
    missing: list[SkillMissing] = Field(default_factory=list)


class BulletIssueOut(BaseModel):
    code: str
    message: str


class BulletPrinciple(BaseModel):
    id: str
    name: str
    score: float = Field(description="The principle detector's probability for this bullet.")
    cue: str = Field(description="The bullet's word that makes the principle a candidate.")


class BulletReport(BaseModel):
    text: str
    section: str
    entry: str | None = Field(description="The role or project the bullet sits under.")
    has_metric: bool
    metrics: list[str] = Field(description="The quantities that make it measurable.")
    issues: list[BulletIssueOut]
    principles: list[BulletPrinciple] = Field(
        description="Leadership Principles the bullet could support in a story, best first."
    )


class ResumeProblem(BaseModel):
    """A length or section problem of the whole résumé, with the lines that show it."""

    code: str
    message: str
    evidence: list[str] = Field(default_factory=list)


class Rewrite(BaseModel):
    text: str = Field(description="The bullet as it is.")
    why: list[str] = Field(description="Why it comes first: its issues, its relevance.")
    shape: str
    example: str = Field(
        description="The bullet in that shape; bracketed parts are for you to fill with facts."
    )


class ResumeQuestion(BaseModel):
    kind: QuestionKind
    text: str
    evidence: str = Field(description="The résumé or job line the question comes from.")
    entry: str | None = Field(default=None, description="The role or project it is about.")


class ResumeStats(BaseModel):
    words: int
    pages: int = Field(description="Pages of a PDF; 0 for other files.")
    sections: list[str]
    bullets: int
    entries: list[str]


class ResumeAnalysis(BaseModel):
    """The whole report."""

    resume: ResumeStats
    job_title: str
    skills: SkillReport
    bullets: list[BulletReport]
    problems: list[ResumeProblem]
    rewrite_first: list[Rewrite]
    questions: list[ResumeQuestion]
    principle_method: str = Field(
        description="How the principles per bullet were chosen, in one sentence."
    )
