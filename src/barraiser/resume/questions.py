"""Questions a recruiter and an interviewer would ask about this résumé for this job.

Recruiter-screen questions walk the résumé (from the first entry to the latest) and ask about
the job's required skills the résumé misses or shows only weakly. "Tell me about this project"
questions pick the entries (roles and projects) with the strongest bullets, the ones with a
measured result and the job's skills first, and quote the bullet the interviewer would ask
about. Nothing is invented: every question quotes a line of the résumé or the job.
"""

from __future__ import annotations

import re

from barraiser.resume.bullets import result_phrase
from barraiser.resume.document import Resume
from barraiser.resume.models import BulletReport, ResumeQuestion, SkillReport
from barraiser.resume.skills import mentions, skills_by_name

PROJECT_QUESTIONS = 3
GAP_QUESTIONS = 2


def _short_entry(title: str) -> str:
    """ "Machine Learning Intern, Riverline Insurance (Summer 2024)" -> without the dates."""
    cleaned = re.sub(r"\s*\((?:[^)]*\d{4}[^)]*)\)\s*$", "", title)
    cleaned = re.sub(
        r"\s*[,|-]?\s*(?:19|20)\d\d\s*(?:-|\u2013|to)\s*(?:(?:19|20)\d\d|present|now)\s*$",
        "",
        cleaned,
        flags=re.I,
    )
    return cleaned.strip(" ,|-") or title


def _quote(text: str, words: int = 30) -> str:
    parts = text.rstrip(".").split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


def make_questions(
    resume: Resume, bullets: list[BulletReport], skills: SkillReport, job_title: str
) -> list[ResumeQuestion]:
    """Recruiter-screen questions, then project questions."""
    questions: list[ResumeQuestion] = []
    roles = [e for e in resume.entries if e.section == "experience"]
    if roles:
        latest, first = roles[0], roles[-1]
        if latest is not first:
            text = (
                f"Walk me through your résumé: how did you get from {_short_entry(first.title)} "
                f"to {_short_entry(latest.title)}, and why is this role the next step?"
            )
        else:
            text = (
                f"Tell me about your time as {_short_entry(latest.title)}, and why this role is "
                "the next step for you."
            )
        questions.append(ResumeQuestion(kind="recruiter-screen", text=text, evidence=latest.title))
        questions.append(
            ResumeQuestion(
                kind="recruiter-screen",
                text=(
                    f"Why are you looking to move on from {_short_entry(latest.title)}, and what "
                    f"draws you to {job_title}?"
                ),
                evidence=latest.title,
            )
        )
    gaps = [m for m in skills.missing if m.importance == "required"][:GAP_QUESTIONS]
    for gap in gaps:
        questions.append(
            ResumeQuestion(
                kind="recruiter-screen",
                text=(
                    f"The role asks for {gap.skill}, which your résumé does not show. What is "
                    "your experience with it, and how would you close the gap?"
                ),
                evidence=gap.job_line,
            )
        )
    for weak in [w for w in skills.weak if w.importance == "required"][:GAP_QUESTIONS]:
        if weak.via == "adjacent":
            text = (
                f"Your résumé shows {weak.matched}; the role asks for {weak.skill}. How does "
                "that experience carry over, and what would be new to you?"
            )
        else:
            text = (
                f'The role asks for {weak.skill}. Your résumé says "{_quote(weak.matched)}": '
                f"how much of that was {weak.skill}, and what was your part?"
            )
        questions.append(
            ResumeQuestion(kind="recruiter-screen", text=text, evidence=weak.evidence[0])
        )

    by_name = skills_by_name()
    job_skills = [by_name[f.skill] for f in skills.found if f.skill in by_name]
    ranked = []
    for position, entry in enumerate(resume.entries):
        reports = [b for b in bullets if b.entry == entry.title]
        if not reports:
            continue

        def strength(b: BulletReport) -> tuple[int, int, int]:
            relevant = sum(1 for s in job_skills if mentions(s, b.text, evidence=True))
            result = result_phrase(b.text) if b.has_metric else None
            measured = (
                2 if result and re.search(r"%|\bfrom\b|\$|\bx\b", result) else int(b.has_metric)
            )
            weak_opening = any(i.code == "weak-opening" for i in b.issues)
            return (measured, relevant, -int(weak_opening))

        best = max(reports, key=strength)
        ranked.append((strength(best), -position, entry, best))
    ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)
    for _, _, entry, best in ranked[:PROJECT_QUESTIONS]:
        where = _short_entry(entry.title)
        result = result_phrase(best.text) if best.has_metric else None
        if result and re.search(r"%|\bfrom\b|\$|\d\s?x\b|\u00d7", result):
            measure = f'How did you measure "{result}", and how do you know your work caused it?'
        else:
            measure = "What changed because of it, and how would you measure that?"
        questions.append(
            ResumeQuestion(
                kind="project",
                text=(
                    f'Tell me about this project from {where}: you wrote "{_quote(best.text)}". '
                    f"What was the problem, and what did you build yourself? {measure}"
                ),
                evidence=best.text,
                entry=entry.title,
            )
        )
    return questions
