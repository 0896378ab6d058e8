"""Tailoring a résumé to a job description: skills found, weak and missing; bullets judged;
length and section problems; the bullets to rewrite first; questions from the projects.

Every finding quotes the résumé's own lines. Synonyms that no vocabulary lists are found with
the grading embedding model (all-MiniLM-L6-v2): a job skill whose description is close in
meaning to a résumé line (cosine >= :data:`SIMILAR_MIN`) is *weak*, with that line as evidence.

Leadership Principles per bullet: cue words make a principle a candidate and the story
principle detector ranks the candidates (:mod:`barraiser.resume.principles` says why).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.resume import bullets as bullet_rules
from barraiser.resume.document import Bullet, Resume, parse_resume
from barraiser.resume.models import (
    BulletIssueOut,
    BulletPrinciple,
    BulletReport,
    ResumeAnalysis,
    ResumeProblem,
    ResumeStats,
    Rewrite,
    SkillFound,
    SkillMissing,
    SkillReport,
    SkillWeak,
)
from barraiser.resume.principles import bullet_principles
from barraiser.resume.questions import make_questions
from barraiser.resume.skills import JobSkill, job_skills, mentions, skills_by_name

#: A job skill this close in meaning to a résumé line (cosine) is shown weakly by it.
SIMILAR_MIN = 0.58
#: Words past which a résumé is longer than two pages; below which it says too little.
MAX_WORDS = 1000
MIN_WORDS = 150
MAX_PAGES = 2
MAX_BULLETS_PER_ENTRY = 6
PRINCIPLE_METHOD = (
    "A principle is a candidate when the bullet has one of its cue words (e.g. 'mentored' for "
    "Hire and Develop the Best, 'root cause' for Dive Deep); the story principle detector's "
    "probability on the bullet ranks the candidates; at most two per bullet."
)


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> Any: ...


def analyze(
    resume_text: str,
    job_text: str,
    *,
    encoder: Encoder,
    principles: Sequence[LeadershipPrinciple],
    pages: int = 0,
) -> ResumeAnalysis:
    """The full report for a résumé's text against a job description's text."""
    resume = parse_resume(resume_text)
    asked = job_skills(job_text)
    lines = _evidence_lines(resume)
    bullet_texts = [b.text for b in resume.bullets]
    # Bullets are lines too: each distinct text is embedded once (the model is the cost).
    unique = list(dict.fromkeys(lines + bullet_texts))
    vectors = _encode(encoder, unique)
    row = {text: n for n, text in enumerate(unique)}
    line_vectors = vectors[[row[t] for t in lines]] if lines else vectors[:0]
    bullet_vectors = vectors[[row[t] for t in bullet_texts]] if bullet_texts else vectors[:0]
    skills = _match_skills(asked, resume, lines, line_vectors, encoder)
    principle_rows = bullet_principles(bullet_texts, bullet_vectors, principles)
    reports = [
        _bullet_report(b, found) for b, found in zip(resume.bullets, principle_rows, strict=True)
    ]
    return ResumeAnalysis(
        resume=ResumeStats(
            words=resume.words,
            pages=pages,
            sections=[s.heading for s in resume.sections],
            bullets=len(resume.bullets),
            entries=[e.title for e in resume.entries],
        ),
        job_title=_job_title(job_text),
        skills=skills,
        bullets=reports,
        problems=_problems(resume, pages),
        rewrite_first=_rewrite_first(reports, asked),
        questions=make_questions(resume, reports, skills, _job_title(job_text)),
        principle_method=PRINCIPLE_METHOD,
    )


def _encode(encoder: Encoder, texts: list[str]) -> npt.NDArray[np.float32]:
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.asarray(encoder.encode(texts), dtype=np.float32)


def _job_title(job_text: str) -> str:
    for line in job_text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return "the job"


def _evidence_lines(resume: Resume) -> list[str]:
    """The résumé's lines that can show a skill: everything but the name and contact lines,
    with bullet markers and Markdown removed."""
    out: list[str] = []
    for section in resume.sections:
        for line in section.lines:
            cleaned = re.sub(r"^\s*(?:[-*•◦▪‣\u2013·●]|\d{1,2}[.)])\s+", "", line).strip()
            if cleaned and cleaned not in out:
                out.append(cleaned)
    if not out:  # a résumé without headings: every line
        out = [line.strip() for line in resume.lines if line.strip()]
    return out


def _skills_list_lines(resume: Resume) -> set[str]:
    section = resume.section("skills")
    lines = {line.strip() for line in section.lines} if section else set()
    # "Tools I use: Python, R, SQL" outside a Skills section is a skills list too.
    for line in resume.lines:
        if re.match(r"^\s*(tools|skills|technologies|languages)\b[^:]{0,20}:", line, re.I):
            lines.add(line.strip())
    return {re.sub(r"^\s*[-*•]\s+", "", line) for line in lines}


def _match_skills(
    asked: list[JobSkill],
    resume: Resume,
    lines: list[str],
    line_vectors: npt.NDArray[np.float32],
    encoder: Encoder,
) -> SkillReport:
    report = SkillReport()
    listed = _skills_list_lines(resume)
    named: dict[str, list[str]] = {}
    for job in asked:
        showing = [line for line in lines if mentions(job.skill, line, evidence=True)]
        if showing:
            named[job.skill.name] = showing
    by_name = skills_by_name()
    unresolved: list[JobSkill] = []
    for job in asked:
        showing = named.get(job.skill.name, [])
        if showing:
            words = sorted(
                {w for line in showing for w in mentions(job.skill, line, evidence=True)}
            )
            report.found.append(
                SkillFound(
                    skill=job.skill.name,
                    importance=job.importance,
                    job_line=job.line,
                    matched=words,
                    evidence=_best_evidence(showing, listed),
                    listed_only=all(line in listed for line in showing),
                    alternatives=list(job.alternatives),
                )
            )
            continue
        if any(a in named for a in job.alternatives):
            continue  # "TensorFlow or PyTorch": the other one is on the résumé
        unresolved.append(job)
    # Adjacent tools first (an exact name of a skill that transfers), then meaning.
    similar_needed: list[JobSkill] = []
    for job in unresolved:
        adjacent = _adjacent_line(job, lines, by_name)
        if adjacent is not None:
            name, showing = adjacent
            report.weak.append(
                SkillWeak(
                    skill=job.skill.name,
                    importance=job.importance,
                    job_line=job.line,
                    via="adjacent",
                    matched=name,
                    evidence=_best_evidence(showing, listed),
                )
            )
        else:
            similar_needed.append(job)
    if similar_needed and len(lines):
        described = [j.skill.description for j in similar_needed]
        skill_vectors = _encode_cached(encoder, described)
        scores = skill_vectors @ line_vectors.T
        for row, job in enumerate(similar_needed):
            best = int(np.argmax(scores[row]))
            score = float(scores[row, best])
            if score >= SIMILAR_MIN and lines[best] not in listed:
                report.weak.append(
                    SkillWeak(
                        skill=job.skill.name,
                        importance=job.importance,
                        job_line=job.line,
                        via="similar",
                        matched=lines[best],
                        similarity=round(score, 3),
                        evidence=[lines[best]],
                    )
                )
                continue
            report.missing.append(
                SkillMissing(skill=job.skill.name, importance=job.importance, job_line=job.line)
            )
    else:
        report.missing.extend(
            SkillMissing(skill=j.skill.name, importance=j.importance, job_line=j.line)
            for j in similar_needed
        )
    order = {"required": 0, "preferred": 1}
    report.found.sort(key=lambda s: order[s.importance])
    report.weak.sort(key=lambda s: order[s.importance])
    report.missing.sort(key=lambda s: order[s.importance])
    return report


def _encode_cached(encoder: Encoder, texts: list[str]) -> npt.NDArray[np.float32]:
    cached = getattr(encoder, "encode_cached", None)
    vectors = cached(texts) if callable(cached) else encoder.encode(texts)
    return np.asarray(vectors, dtype=np.float32)


def _adjacent_line(
    job: JobSkill, lines: list[str], by_name: dict[str, Any]
) -> tuple[str, list[str]] | None:
    for name in job.skill.adjacent:
        other = by_name.get(name)
        if other is None:
            continue
        showing = [line for line in lines if mentions(other, line, evidence=True)]
        if showing:
            return name, showing
    return None


def _best_evidence(showing: list[str], listed: set[str], limit: int = 3) -> list[str]:
    """Lines that show a skill in use first, the skills list last."""
    used = [line for line in showing if line not in listed]
    return (used + [line for line in showing if line in listed])[:limit]


def _bullet_report(bullet: Bullet, principles: list[BulletPrinciple]) -> BulletReport:
    found = bullet_rules.metrics(bullet.text)
    return BulletReport(
        text=bullet.text,
        section=bullet.section,
        entry=bullet.entry,
        has_metric=bool(found),
        metrics=found,
        issues=[
            BulletIssueOut(code=i.code, message=i.message) for i in bullet_rules.issues(bullet.text)
        ],
        principles=principles,
    )


def _problems(resume: Resume, pages: int) -> list[ResumeProblem]:
    problems: list[ResumeProblem] = []
    headings = [s.heading for s in resume.sections]
    if pages > MAX_PAGES:
        problems.append(
            ResumeProblem(
                code="too-many-pages",
                message=f"{pages} pages: keep a résumé to two pages (one with under about five "
                "years of experience); cut the oldest roles and the bullets without results.",
            )
        )
    if resume.words > MAX_WORDS:
        problems.append(
            ResumeProblem(
                code="too-long",
                message=f"{resume.words} words, more than two pages' worth (about {MAX_WORDS}): "
                "a screener reads for seconds; keep the bullets that show results.",
            )
        )
    elif resume.words < MIN_WORDS:
        problems.append(
            ResumeProblem(
                code="too-short",
                message=f"Only {resume.words} words: give each role or project two to five "
                "bullets that say what you did and what came of it.",
            )
        )
    if resume.section("experience") is None and resume.section("projects") is None:
        problems.append(
            ResumeProblem(
                code="no-experience-section",
                message="No Experience or Projects section was found: put your roles (or, "
                "without work experience, your projects) under a heading named Experience.",
                evidence=headings,
            )
        )
    if resume.section("education") is None:
        problems.append(
            ResumeProblem(
                code="no-education-section",
                message="No Education section was found: add one (degree, school, year); "
                "screens check it even for senior roles.",
                evidence=headings,
            )
        )
    if resume.section("skills") is None:
        problems.append(
            ResumeProblem(
                code="no-skills-section",
                message="No Skills section was found: list your languages, frameworks and "
                "tools under a heading named Skills, where screeners and résumé filters look.",
                evidence=[line for line in resume.lines if re.match(r"^\s*tools\b", line, re.I)]
                or headings,
            )
        )
    if resume.email is None:
        problems.append(
            ResumeProblem(
                code="no-email",
                message="No email address was found: put one at the top, next to your name.",
                evidence=resume.header[:3],
            )
        )
    for entry in resume.entries:
        if len(entry.bullets) > MAX_BULLETS_PER_ENTRY:
            problems.append(
                ResumeProblem(
                    code="too-many-bullets",
                    message=f"{len(entry.bullets)} bullets under one role: keep the "
                    f"{MAX_BULLETS_PER_ENTRY - 1} or so that show the biggest results.",
                    evidence=[entry.title],
                )
            )
    no_metric = [b for b in resume.bullets if not bullet_rules.metrics(b.text)]
    if resume.bullets and len(no_metric) * 2 > len(resume.bullets):
        problems.append(
            ResumeProblem(
                code="few-results",
                message=f"{len(no_metric)} of {len(resume.bullets)} bullets have no measurable "
                "result: a screener looks for what changed because of your work.",
                evidence=[b.text for b in no_metric[:3]],
            )
        )
    return problems


def _rewrite_first(reports: list[BulletReport], asked: list[JobSkill]) -> list[Rewrite]:
    """The three bullets whose rewrite helps most: weak openings and missing results first,
    then bullets about what the job asks for (the screen reads those), earlier bullets first."""
    scored = []
    for position, report in enumerate(reports):
        codes = {i.code for i in report.issues}
        score = 3 * ("weak-opening" in codes) + 2 * ("no-metric" in codes)
        score += 1 * ("too-long" in codes) + 1 * ("too-short" in codes)
        if score == 0:
            continue
        relevant = [j.skill.name for j in asked if mentions(j.skill, report.text, evidence=True)]
        scored.append((-(score + (1 if relevant else 0)), position, report, relevant))
    scored.sort(key=lambda t: (t[0], t[1]))
    out = []
    for _, _, report, relevant in scored[:3]:
        why = [i.message for i in report.issues]
        if relevant:
            why.append("It is about what the job asks for: " + ", ".join(relevant) + ".")
        shape, example = bullet_rules.rewrite_shape(report.text)
        out.append(Rewrite(text=report.text, why=why, shape=shape, example=example))
    return out
