"""Feedback text for a graded answer: specific, quoted, short and not inflated."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from barraiser.content.schemas import Question
from barraiser.grading.bands import band
from barraiser.grading.behavioral import StarAnalysis
from barraiser.grading.followups import KeyPointOutcome

_MAX_QUOTE_WORDS = 25
_MAX_ITEMS = 4


class EvidencedKeyPoint(KeyPointOutcome, Protocol):
    @property
    def evidence(self) -> str | None: ...


class FlaggedMisconception(Protocol):
    """A misconception the answer states (``MisconceptionResult`` fits)."""

    @property
    def statement(self) -> str: ...
    @property
    def correction(self) -> str: ...
    @property
    def evidence(self) -> str: ...


class Feedback(BaseModel):
    strengths: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    misconceptions: list[str] = Field(default_factory=list)
    star_advice: list[str] = Field(default_factory=list)
    next_step: str | None = None
    text: str = ""


def build_feedback(
    score: float,
    key_points: Sequence[EvidencedKeyPoint],
    misconceptions: Sequence[FlaggedMisconception] = (),
    star: StarAnalysis | None = None,
    question: Question | None = None,
) -> Feedback:
    """What was strong (quoted), what was missing, what was wrong, STAR advice, next step."""
    covered = sorted(
        (kp for kp in key_points if kp.status == "covered" and kp.evidence),
        key=lambda kp: kp.weight,
        reverse=True,
    )
    strengths = [f'{_plain(kp.text)}: "{_quote(kp.evidence or "")}"' for kp in covered]
    if star is not None and star.principles:
        strengths.extend(_principle_strengths(star, question))
    gaps = sorted(
        (kp for kp in key_points if kp.status != "covered"),
        key=lambda kp: (kp.status != "missed", -kp.weight),
    )
    missing = [_gap_label(kp) + _plain(kp.text) for kp in gaps]
    wrong = [
        f'You said "{_quote(m.evidence)}", but in fact: {_plain(m.correction)}.'
        if getattr(m, "kind", "misconception") == "contradiction"
        else f'You said "{_quote(m.evidence)}" {m.correction.strip()}'
        for m in misconceptions
    ]
    advice = list(star.advice) if star is not None else []
    feedback = Feedback(
        strengths=strengths[:_MAX_ITEMS],
        missing=missing[:_MAX_ITEMS],
        misconceptions=wrong,
        star_advice=advice[:_MAX_ITEMS],
        next_step=_next_step(question, gaps),
    )
    feedback.text = _render(score, feedback, len(missing))
    return feedback


def _principle_strengths(star: StarAnalysis, question: Question | None) -> list[str]:
    """The principles the story is credited with, by the same rule as the score.

    The asked principles it shows; when it shows none of them, the principle it does show (the
    redirect names it too).  Without a bank question: the top principle.
    """
    from barraiser.grading.behavioral import shown_principles

    asked = list(question.leadership_principles) if question is not None else []
    top = star.principles[0]
    if not asked:
        return [f'Shows {top.name}: "{_quote(top.evidence)}"']
    shown = shown_principles([p.model_dump() for p in star.principles], asked)
    names = {p.id: p.name for p in star.principles}
    if not shown:
        return [f'Shows {top.name}: "{_quote(top.evidence)}"']
    return [f'Shows {names[pid]}: "{_quote(evidence)}"' for pid, evidence in shown.items()][:2]


def _gap_label(kp: KeyPointOutcome) -> str:
    verdict = getattr(kp, "verdict", None)
    if verdict == "contradicts":
        return "Said the opposite of: "
    if kp.status == "missed":
        return "Missing: "
    if verdict == "mentions":
        return "Named, not explained: "
    return "Only partly: "


_HEADLINES = {
    "strong": "a strong answer",
    "partial": "a partial answer: the core is there, but important points are missing",
    "weak": "a weak answer: most of what an interviewer listens for is missing",
    "not yet an answer": "not yet an answer to this question",
}


def _headline(score: float, has_misconceptions: bool) -> str:
    verdict = _HEADLINES[band(score, misconceptions=has_misconceptions)]
    return f"Score {round(score)}/100: {verdict}."


def _render(score: float, feedback: Feedback, missing_total: int) -> str:
    lines = [_headline(score, bool(feedback.misconceptions))]
    if feedback.strengths:
        lines.append("Strong:")
        lines += [f"- {s}" for s in feedback.strengths]
    if feedback.missing:
        more = missing_total - len(feedback.missing)
        lines.append("Missing:" if not more else f"Missing ({more} more not shown):")
        lines += [f"- {m}" for m in feedback.missing]
    if feedback.misconceptions:
        lines.append("Corrections:")
        lines += [f"- {m}" for m in feedback.misconceptions]
    if feedback.star_advice:
        lines.append("Story structure:")
        lines += [f"- {a}" for a in feedback.star_advice]
    if feedback.next_step:
        lines.append(f"Next: {feedback.next_step}")
    return "\n".join(lines)


def _next_step(question: Question | None, gaps: Sequence[KeyPointOutcome]) -> str | None:
    """What to do next, in words for any reader: no ids, no commands (the web page links the
    lab, the CLI prints its command after the feedback)."""
    if question is None:
        return None
    if question.labs:
        return f'see it measured on real data in the lab "{_lab_name(question.labs[0])}".'
    related = f'"{_question_name(question.related[0])}"' if question.related else ""
    if gaps:
        first = _plain(gaps[0].text)
        target = f"practise the related question {related} next" if related else "answer again"
        return f're-read the model answer for "{first}", then {target}.'
    if related:
        return f"try the related question {related}."
    return None


def _lab_name(lab_id: str) -> str:
    """A lab's title up to its colon ("Choosing between two accuracies"), else its id in words."""
    try:
        from barraiser.labs.registry import get_lab

        return get_lab(lab_id).title.split(":", 1)[0].strip()
    except Exception:  # a missing or broken lab module must not break the feedback
        return _slug_words(lab_id)


def _question_name(question_id: str) -> str:
    """A question's title from the bank, else its id in words."""
    try:
        from barraiser.config import get_settings
        from barraiser.content.bank import get_bank

        settings = get_settings()
        bank = get_bank(settings.extra_content_dir, settings.user_content_dir)
        question = bank.questions.get(question_id)
    except Exception:  # the bank is content the user may have broken: fall back to words
        question = None
    return question.title if question is not None else _slug_words(question_id)


def _slug_words(slug: str) -> str:
    text = slug.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]


def _quote(sentence: str) -> str:
    words = " ".join(sentence.split()).split(" ")
    if len(words) <= _MAX_QUOTE_WORDS:
        return " ".join(words)
    return " ".join(words[:_MAX_QUOTE_WORDS]) + " ..."


def _plain(text: str) -> str:
    """A key point in words a candidate understands: no grader phrasing like 'States ...'."""
    text = " ".join(text.split()).rstrip(".")
    text = re.sub(r"\s*\((?:e\.g\.|such as)[^)]*\)", "", text)
    text = re.sub(r"\btheir\b", "your", text)
    text = re.sub(r"\bthey\b", "you", text)
    return text[:1].upper() + text[1:]
