"""What the session pages show, worked out from the engine's views: clocks, labels, contexts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from barraiser.content.loader import Bank
from barraiser.interview.answers import AnswerService
from barraiser.interview.approach import APPROACH_COMPETENCY
from barraiser.interview.models import ItemView, RoundView, SessionView
from barraiser.interview.submissions import SubmissionService, SubmissionState, hidden_counts
from barraiser.web.code_result import result_view
from barraiser.web.grading_models import GradedAnswer
from barraiser.web.judge_models import ProblemDetail
from barraiser.web.routes.problem_pages import editor_context

ITEM_STATUS_LABELS = {
    "open": "to answer",
    "answered": "follow-up",
    "done": "answered",
    "skipped": "skipped",
}


def clock_text(seconds: float) -> str:
    """``754.2`` -> ``12:34``; ``3900`` -> ``1:05:00``; negative values count as zero."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def away_sentence(away_time: str) -> str:
    """What happens to the clock when the candidate closes the page, in one sentence."""
    if away_time == "counts":
        return "As in a real interview, the clock keeps running if you close the page or step away."
    return (
        "If you close the page or the server restarts, the clock stops and picks up when you "
        "come back."
    )


def when(moment: datetime | None) -> str:
    """A session's date as people read it: ``12 Mar 2025, 14:05 UTC``."""
    if moment is None:
        return ""
    return f"{moment:%d %b %Y, %H:%M} UTC"


#: Helpers every session template may call.
HELPERS: dict[str, Any] = {
    "clock_text": clock_text,
    "away_sentence": away_sentence,
    "when": when,
    "item_status_labels": ITEM_STATUS_LABELS,
}


@dataclass(frozen=True)
class Services:
    """The app's services a round page reads from; None while one is not started."""

    answers: AnswerService | None = None
    submissions: SubmissionService | None = None


@dataclass(frozen=True)
class AttemptRow:
    """One run or submit of a coding item, as the round page lists it."""

    id: int
    mode: str
    language: str
    status: str
    verdict: str | None
    passed: int | None
    total: int | None

    @property
    def mode_label(self) -> str:
        return {"run": "Samples", "custom": "Custom input", "submit": "Submission"}.get(
            self.mode, self.mode
        )

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS.get(self.verdict or "IE", self.verdict or "")

    @property
    def tests_label(self) -> str:
        return "hidden tests" if self.mode == "submit" else "samples"

    @classmethod
    def of(cls, state: SubmissionState) -> AttemptRow:
        passed: int | None = None
        total: int | None = None
        if state.status == "done" and state.mode == "submit":
            # As the scorecard counts a submission: its hidden tests alone.
            passed, total = hidden_counts(state.result)
        elif state.status == "done" and state.mode == "run":
            tests = (state.result or {}).get("tests") or []
            passed, total = sum(t.get("verdict") == "AC" for t in tests), len(tests)
        return cls(
            id=state.id,
            mode=state.mode,
            language=state.language,
            status=state.status,
            verdict=state.verdict,
            passed=passed,
            total=total or None,
        )


#: The judge's verdicts in words (the same words as static/problem.js).
VERDICT_LABELS = {
    "AC": "Accepted",
    "WA": "Wrong Answer",
    "TLE": "Time Limit Exceeded",
    "MLE": "Memory Limit Exceeded",
    "OLE": "Output Limit Exceeded",
    "RE": "Runtime Error",
    "CE": "Compilation Error",
    "IE": "Internal Error",
    "OK": "Ran",
}


def next_context(bank: Bank, view: SessionView) -> dict[str, Any]:
    upcoming = view.next_round()
    # The session's own snapshot of the loop: right for practice and for edited loop files.
    stage_description = upcoming.stage_description if upcoming is not None else ""
    return {
        **HELPERS,
        "session": view,
        "upcoming": upcoming,
        "stage_description": stage_description,
        "bank": bank,
        "done_count": sum(1 for r in view.rounds if r.status == "finished"),
    }


def _pick_item(current: RoundView, item_id: str | None) -> ItemView | None:
    chosen = next((i for i in current.items if i.id == item_id), None) if item_id else None
    return chosen or current.current_item() or (current.items[0] if current.items else None)


def round_context(
    bank: Bank,
    services: Services,
    user_id: int,
    view: SessionView,
    current: RoundView,
    item_id: str | None,
    drafts: dict[str, str],
) -> dict[str, Any]:
    """What the round page shows: the round, the chosen item (or the current one) and, for
    that item, its grade (practice) or its editor and code runs (coding)."""
    item = _pick_item(current, item_id)
    context: dict[str, Any] = {
        **HELPERS,
        "session": view,
        "round": current,
        "round_number": view.rounds.index(current) + 1,
        "item": item,
        "bank": bank,
        "on_timeout": view.on_timeout,
        "grading": None,
        "follow_up_grading": None,
        "problem": None,
        "next_item": _next_open(current, item),
    }
    if item is None:
        return context
    if item.problem_id is not None:
        asks = APPROACH_COMPETENCY in current.assesses
        context.update(_coding_context(bank, services, user_id, view, item, drafts, asks))
    elif view.mode == "practice":
        context["grading"] = _grading(services.answers, user_id, item.answer_id)
        if item.follow_up is not None:
            context["follow_up_grading"] = _grading(
                services.answers, user_id, item.follow_up.answer_id
            )
    return context


def _next_open(current: RoundView, item: ItemView | None) -> ItemView | None:
    """The next item still to answer after ``item`` (for the "Next question" link)."""
    others = [i for i in current.items if item is None or i.id != item.id]
    return next((i for i in others if i.status in ("open", "answered")), None)


def _grading(
    answers: AnswerService | None, user_id: int, answer_id: int | None
) -> GradedAnswer | None:
    """A stored answer's grading, as the grade partial shows it (practice mode only)."""
    if answers is None or answer_id is None:
        return None
    stored = answers.get(user_id, answer_id)
    if stored is None or stored.result is None:
        return None
    graded = GradedAnswer.of(stored)
    # A follow-up is graded together with the first answer: the evidence points into both.
    text = stored.result.graded_text
    return graded.model_copy(update={"answer": text}) if text is not None else graded


def _coding_context(
    bank: Bank,
    services: Services,
    user_id: int,
    view: SessionView,
    item: ItemView,
    drafts: dict[str, str],
    asks_approach: bool = False,
) -> dict[str, Any]:
    loaded = bank.problems.get(item.problem_id or "")
    if loaded is None:
        return {}
    detail = ProblemDetail.of(loaded)
    # One read per run or submit: the list, the latest result and the last code all come from it.
    states = _states(services.submissions, user_id, item.submissions)
    last = states[-1] if states else None
    language, source = (last.language, last.source) if last is not None else (None, None)
    language = drafts.get("language") or language or "python"
    return {
        "problem": detail,
        # The session's own endpoint records the run against the item; drafts are kept per
        # session so an earlier attempt on the problem page does not leak into the interview.
        **editor_context(
            detail,
            submit_url=f"/api/sessions/{view.id}/items/{item.id}/submissions",
            draft_scope=f"session:{view.id}",
            # The first accepted submission opens the approach question: the page shows it.
            accepted_url=(
                f"/sessions/{view.id}?item={quote(item.id)}"
                if asks_approach and item.approach is None
                else None
            ),
        ),
        "code_attempts": [AttemptRow.of(state) for state in states],
        "code_latest": result_view(last),
        "verdict_labels": VERDICT_LABELS,
        "code_language": language,
        # The form without JavaScript starts from what was typed (after an error), else from
        # the last code sent, else from the starter code.
        "code_source": drafts.get("code") or source or detail.starter_code.get(language, ""),
    }


def _states(
    submissions: SubmissionService | None, user_id: int, ids: list[int]
) -> list[SubmissionState]:
    """The user's runs and submits of an item, oldest first."""
    if submissions is None:
        return []
    states = (submissions.status(i) for i in ids)
    return [s for s in states if s is not None and s.user_id == user_id]
