"""The debrief report: a hand-built Debrief rendered as a self-contained HTML file and as JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from barraiser.content.bank import get_bank
from barraiser.interview.models import (
    CompetencyRating,
    Debrief,
    Decision,
    Evidence,
    ItemOutcome,
    Moment,
    Scorecard,
    StudyItem,
)
from barraiser.interview.report import (
    duration,
    report_body,
    report_html,
    report_json,
    value_label,
)

HOSTILE = "<script>alert(1)</script>"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# SVG elements written self-closed (<circle .../>) are fine; the parser reports them separately.


class _Balanced(HTMLParser):
    """Checks that every element opened is closed, in order (the report is hand-written HTML)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def _parse(html: str) -> _Balanced:
    parser = _Balanced()
    parser.feed(html)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


def _card(
    position: int,
    round_id: str,
    title: str,
    *,
    bar_raiser: bool = False,
    rating: str = "inclined",
    items: list[ItemOutcome] | None = None,
    principles: list[CompetencyRating] | None = None,
) -> Scorecard:
    return Scorecard.model_validate(
        {
            "position": position,
            "round_id": round_id,
            "title": title,
            "interviewer": "Bar Raiser" if bar_raiser else "Hiring manager",
            "bar_raiser": bar_raiser,
            "rating": rating,
            "score": 64.0,
            "summary": f"Summary of {title}.",
            "competencies": [
                CompetencyRating(
                    id="ml-breadth",
                    name="ML breadth",
                    rating="inclined",
                    score=64.0,
                    evidence=[
                        Evidence(
                            item_id="precision-vs-recall",
                            item_title="Precision vs recall",
                            kind="covered",
                            text="Defined recall as TP / (TP + FN).",
                            quote="Recall is the share of real positives the model finds.",
                        )
                    ],
                )
            ],
            "principles": principles or [],
            "items": items or [],
            "allotted_s": 1800.0,
            "used_s": 1960.0 if bar_raiser else 754.0,
            "away_s": 0.0,
            "ended_by": "time" if bar_raiser else "candidate",
        }
    )


def _debrief(*, pending: bool = False) -> Debrief:
    answer = ItemOutcome(
        item_id="precision-vs-recall",
        title="Precision vs recall",
        kind="concept",
        url="/questions/precision-vs-recall",
        score=42.0,
        answered=True,
        answer_text=f"Recall is the share of real positives the model finds. {HOSTILE}",
        follow_up_question="What happens to precision when you lower the threshold?",
        follow_up_answer="It usually drops & more false positives get in.",
        covered=["Recall = TP / (TP + FN)"],
        missed=["The cost of a false negative decides which matters"],
        misconceptions=[
            Evidence(
                item_id="precision-vs-recall",
                item_title="Precision vs recall",
                kind="misconception",
                text="Accuracy is enough on imbalanced data.",
                quote="Accuracy tells you everything.",
            )
        ],
        labs=["choosing-between-two-accuracies"],
        competencies=["ml-breadth"],
    )
    coding = ItemOutcome(
        item_id="problem:coin-change",
        title="Coin change",
        kind="coding",
        url="/problems/coin-change",
        score=100.0,
        answered=True,
        verdict="AC",
        tests_passed=12,
        tests_total=12,
        tests_summary="12 of 12 hidden tests passed",
        runs=3,
        submits=1,
    )
    ownership = CompetencyRating(
        id="ownership",
        name="Ownership",
        rating="no",
        score=35.0,
        evidence=[
            Evidence(
                item_id="missed-a-deadline",
                item_title="Missed a deadline",
                kind="star",
                text="The result was not quantified.",
                quote="We shipped it eventually.",
            )
        ],
    )
    return Debrief(
        session_id="s-0123",
        mode="loop",
        loop_id="quick",
        loop_title="Quick loop",
        started_at=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
        finished_at=datetime(2025, 3, 1, 10, 5, tzinfo=UTC),
        decision=Decision(
            hire=False,
            label="No hire",
            mean_rating=2.5,
            lp_mean_rating=2.0,
            vetoed=True,
            reasons=["The Bar Raiser rated their round 'no', and the Bar Raiser can veto."],
        ),
        decision_rule=["To get an offer, the rounds must average at least 3 out of 4."],
        scorecards=[
            _card(0, "phone-screen", "Phone screen", items=[answer, coding]),
            _card(
                1,
                "bar-raiser",
                "Bar Raiser <interview>",
                bar_raiser=True,
                rating="no",
                principles=[ownership],
            ),
        ],
        competencies=[
            ("coding", "Coding", 4.0),
            ("ml-breadth", "ML breadth", 2.5),
            ("communication", "Communication", 3.0),
            ("system-design", "System design", None),
        ],
        principles=[("ownership", "Ownership"), ("dive-deep", "Dive deep")],
        principle_ratings={"ownership": {"bar-raiser": 2.0}},
        strongest=[
            Moment(
                round_title="Phone screen",
                item_id="problem:coin-change",
                item_title="Coin change",
                url="/problems/coin-change",
                score=100.0,
                quote=None,
                why="Accepted on the first submission: 12 of 12 hidden tests.",
            )
        ],
        weakest=[
            Moment(
                round_title="Phone screen",
                item_id="precision-vs-recall",
                item_title="Precision vs recall",
                url="/questions/precision-vs-recall",
                score=42.0,
                quote=f"Accuracy tells you everything. {HOSTILE}",
                why="States a misconception the rubric names.",
            )
        ],
        study_plan=[
            StudyItem(
                item_id="precision-vs-recall",
                title="Precision vs recall",
                url="/questions/precision-vs-recall",
                score=42.0,
                missed=["The cost of a false negative decides which matters"],
                misconceptions=["Accuracy is enough on imbalanced data."],
                labs=[("choosing-between-two-accuracies", "Two accuracies, two recalls")],
                related=[("/questions/choosing-between-two-accuracies", "Choosing a model")],
            )
        ],
        pending=pending,
    )


def test_report_html_is_self_contained_and_parses() -> None:
    html = report_html(_debrief(), get_bank())
    assert html.startswith("<!doctype html>")
    parser = _parse(html)
    # The SVG namespace is a name, never fetched; any other address would be.
    lowered = html.lower().replace('xmlns="http://www.w3.org/2000/svg"', "")
    for forbidden in ("http://", "https://", "<script", "src=", "<link", "@import", "url("):
        assert forbidden not in lowered, forbidden
    # Links left in a saved file are in-page anchors only: the app's pages are shown as paths.
    hrefs = [attrs.get("href") or "" for tag, attrs in parser.tags if tag == "a"]
    assert hrefs and all(href.startswith("#") for href in hrefs), hrefs
    assert "/questions/precision-vs-recall" in html
    assert "<style>" in html and ".rp-card" in html and ".chart-data" in html


def test_report_html_says_what_the_candidate_acts_on() -> None:
    html = report_html(_debrief(), get_bank())
    assert "No hire" in html
    assert "vetoed by the Bar Raiser" in html
    assert "the Bar Raiser can veto" in html
    assert "To get an offer, the rounds must average at least 3 out of 4." in html
    # Round rows: title, rating words, time used against allotted.
    assert "Phone screen" in html and "Bar Raiser &lt;interview&gt;" in html
    assert "12 min 34 s" in html and "32 min 40 s" in html and "30 min" in html
    assert "time ran out" in html and "you ended it" in html
    # Charts, by their titles.
    for title in (
        "Competencies over the loop (mean rating, 1-4)",
        "Leadership Principles by round (1-4)",
        "Time used against time allotted, per round",
    ):
        assert title in html
    assert "System design" in html and "Not shown by any answer: System design." in html
    # Quotes, verdicts and key points.
    assert "Recall is the share of real positives the model finds." in html
    assert "We shipped it eventually." in html
    # The counts in the editor's words.
    assert "Verdict <strong>AC</strong>: 12 of 12 hidden tests passed" in html
    assert "The cost of a false negative decides which matters" in html
    assert "Two accuracies, two recalls" in html and "/labs/choosing-between-two-accuracies" in html
    assert "What happens to precision when you lower the threshold?" in html
    assert "It usually drops &amp; more false positives get in." in html
    assert html.count('<details class="rp-card rp-scorecard"') == 2


def test_candidate_text_is_escaped() -> None:
    html = report_html(_debrief(), get_bank())
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # answer and weak moment


def test_page_body_links_to_the_app_and_pending_says_so() -> None:
    # The engine decides nothing while a verdict is pending.
    pending = _debrief(pending=True).model_copy(update={"decision": None})
    body = str(report_body(pending, get_bank()))
    _parse(body)
    assert "The decision waits for the verdicts still being judged" in body
    assert "has no hiring decision" not in body
    assert '<a href="/questions/precision-vs-recall">Precision vs recall</a>' in body
    assert '<a href="/labs/choosing-between-two-accuracies">' in body
    assert "reloads itself once every verdict is in" in body
    exported = report_html(_debrief(pending=True), get_bank())
    assert "Export the report again once every verdict is in." in exported


def test_practice_has_no_decision() -> None:
    practice = _debrief().model_copy(update={"mode": "practice", "decision": None})
    html = report_html(practice, get_bank())
    _parse(html)
    assert "A practice session has no hiring decision" in html
    assert "No hire" not in html


def test_only_app_paths_become_links() -> None:
    debrief = _debrief()
    debrief.study_plan[0].related.append(("javascript:alert(1)", "Sneaky"))
    body = str(report_body(debrief, get_bank()))
    assert "Sneaky" in body
    assert 'href="javascript:' not in body


def test_json_round_trips() -> None:
    debrief = _debrief()
    text = report_json(debrief)
    assert Debrief.model_validate_json(text) == debrief
    assert HOSTILE in text  # JSON keeps the candidate's words as they were


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0 s"), (45.4, "45 s"), (60, "1 min"), (754, "12 min 34 s")]
)
def test_duration(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_value_label() -> None:
    assert value_label(None) == "not shown"
    assert value_label(2.7) == "inclined to hire (2.7)"
    assert value_label(1.0) == "strong no (1.0)"


def test_a_note_and_an_ungraded_answer_are_shown() -> None:
    debrief = _debrief()
    card = debrief.scorecards[0]
    item = card.items[0].model_copy(update={"score": None, "grading_failed": True})
    noted = debrief.model_copy(
        update={
            "note": "1 answer(s) could not be graded or judged.",
            "scorecards": [card.model_copy(update={"items": [item, *card.items[1:]]})],
        }
    )
    html = report_html(noted, get_bank())
    assert "1 answer(s) could not be graded or judged." in html
    assert "could not be" in html and "left out" in html
