"""What the grading result page shows: the answer with its evidence highlighted, in plain words."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from barraiser.grading.bands import band
from barraiser.web.grading_models import GradedAnswer

STATUS_LABELS = {"covered": "Covered", "partly": "Partly", "missed": "Missed"}
#: What the claim verifier found in a key point's evidence sentence.
VERDICT_LABELS = {
    "states": "states it:",
    "mentions": "mentions it only:",
    "contradicts": "contradicts it:",
}
GRADER_LABELS = {"verifier": "claim verifier", "embedding": "embedding grader", "llm": "LLM judge"}
STAR_LETTERS = {"situation": "S", "task": "T", "action": "A", "result": "R"}
LENGTH_LABELS = {
    "too-short": "short for a 2-3 minute answer",
    "fine": "within the 2-3 minutes a good story takes",
    "too-long": "long: aim for 2-3 minutes",
}
# A single line break inside a paragraph (hard-wrapped text): shown as a space.  Blank lines and
# line breaks before a bullet or a numbered item are kept.
_SOFT_BREAK = re.compile(r"(?<!\n)[ \t]*\n[ \t]*(?![\n\-*\u2022]|\d+[.)]\s)")
# Which highlight wins where spans overlap: a wrong statement shows first, then full evidence.
_RANK = {"wrong": 3, "covered": 2, "partly": 1}


@dataclass
class Segment:
    """A run of the answer's text with the same highlights."""

    text: str
    kind: str = ""  # "", "covered", "partly" or "wrong"
    titles: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of spans starting here
    refs: list[tuple[str, str]] = field(default_factory=list)  # (href, label) after the run


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    anchor: str
    target: str
    label: str
    title: str


def _spans(result: GradedAnswer) -> list[_Span]:
    size = len(result.answer)
    found: list[tuple[tuple[int, int] | None, str, str, str, str]] = []
    for n, point in enumerate(result.key_points, start=1):
        if point.status != "missed":
            title = f"Key point {n}: {point.text}"
            found.append((point.evidence_span, point.status, f"kp-{n}", str(n), title))
    for n, wrong in enumerate(result.misconceptions, start=1):
        title = f"Misconception: {wrong.statement}"
        found.append((wrong.evidence_span, "wrong", f"mc-{n}", f"!{n}", title))
    return [
        _Span(span[0], span[1], kind, f"ev-{name}", f"#{name}", label, title)
        for span, kind, name, label, title in found
        if span is not None and 0 <= span[0] < span[1] <= size
    ]


def highlight(result: GradedAnswer) -> list[Segment]:
    """The answer cut into runs; each run covered by evidence is marked and linked to its point.

    Every evidence span gets an anchor where it starts (``#ev-kp-N``, the key point list links
    to it) and a numbered link back to its key point where it ends.
    """
    text = result.answer
    spans = _spans(result)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    segments = []
    for a, b in itertools.pairwise(cuts):
        active = [s for s in spans if s.start <= a and b <= s.end]
        segment = Segment(_SOFT_BREAK.sub(" ", text[a:b]))
        if active:
            segment.kind = max((s.kind for s in active), key=lambda k: _RANK[k])
            segment.titles = [s.title for s in active]
        segment.anchors = [s.anchor for s in spans if s.start == a]
        segment.refs = [(s.target, s.label) for s in spans if s.end == b]
        segments.append(segment)
    return segments


def evidence_anchor(result: GradedAnswer, number: int) -> str | None:
    """``#ev-kp-N`` when key point N has highlighted evidence in the answer."""
    point = result.key_points[number - 1]
    if point.status == "missed" or point.evidence_span is None:
        return None
    start, end = point.evidence_span
    return f"#ev-kp-{number}" if 0 <= start < end <= len(result.answer) else None


def plain_point(text: str) -> str:
    """A key point in the candidate's words: "their" becomes "your", examples in brackets go."""
    text = " ".join(text.split()).rstrip(".")
    text = re.sub(r"\s*\((?:e\.g\.|such as)[^)]*\)", "", text)
    text = re.sub(r"\btheir\b", "your", text)
    text = re.sub(r"\bthey\b", "you", text)
    return text[:1].upper() + text[1:]


def score_band(grade: Any) -> str:
    """A calm word for a grade's score: the feedback headline's word (grading/bands.py)."""
    return band(grade.score, misconceptions=bool(grade.misconceptions))


def ownership_sentence(star: Any) -> str:
    """ "I" vs "we" in one sentence."""
    own = star.ownership
    if own.i_count == 0 and own.we_count == 0:
        return 'Neither "I" nor "we": say what you did, in the first person.'
    share = round(own.i_ratio * 100)
    if own.we_dominates:
        return (
            f'"We" dominates ({own.we_count} "we" vs {own.i_count} "I"): the interviewer '
            "cannot tell what you did yourself."
        )
    return f'{own.i_count} "I" vs {own.we_count} "we" ({share}% first person): clear ownership.'
