"""Turn content objects into the words and numbers the pages show (labels, durations, rules)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from barraiser.content.loader import Bank
from barraiser.content.schemas import (
    QUESTION_KINDS,
    Loop,
    Question,
    Stage,
)

KIND_LABELS: dict[str, str] = {
    "concept": "ML concept",
    "ml-design": "ML system design",
    "system-design": "System design",
    "behavioral": "Behavioural",
    "coding": "Coding",
    "ml-coding": "ML coding",
}


SOURCE_LABELS: dict[str, str] = {"amazon-mle-interview-guide": "Guide"}


def kind_label(kind: str) -> str:
    """A question kind as people say it: ``ml-design`` -> ``ML system design``."""
    return KIND_LABELS.get(kind, humanize(kind))


def humanize(slug: str) -> str:
    """A slug as words: ``model-evaluation`` -> ``Model evaluation`` (ML stays upper case)."""
    words = slug.replace("_", "-").split("-")
    out = [w.upper() if w in {"ml", "ai", "ab", "api", "roc", "auc", "lp"} else w for w in words]
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def format_minutes(minutes: int) -> str:
    """``90`` -> ``90 min``; ``465`` -> ``7 h 45 min``; ``120`` -> ``2 h``."""
    if minutes < 120:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return f"{hours} h"
    return f"{hours} h {rest} min"


def source_label(question: Question) -> str:
    """Where a question comes from, e.g. ``Guide Q4``; empty when it has no source."""
    if question.source is None:
        return ""
    doc = SOURCE_LABELS.get(question.source.document, humanize(question.source.document))
    return f"{doc} Q{question.source.question}"


def stage_minutes(stage: Stage) -> int:
    return sum(r.duration_min for r in stage.rounds)


@dataclass(frozen=True)
class LoopStats:
    """Headline numbers for a loop."""

    minutes: int
    stages: int
    rounds: int
    value_questions: int
    has_bar_raiser: bool

    @property
    def duration(self) -> str:
        return format_minutes(self.minutes)


def loop_stats(loop: Loop) -> LoopStats:
    rounds = loop.rounds()
    return LoopStats(
        minutes=loop.duration_min,
        stages=len(loop.stages),
        rounds=len(rounds),
        value_questions=sum(r.value_questions for r in rounds),
        has_bar_raiser=any(r.bar_raiser for r in rounds),
    )


def kind_counts(bank: Bank) -> list[tuple[str, int]]:
    """How many questions of each kind the bank holds, in the canonical kind order."""
    counts = Counter(q.kind for q in bank.questions.values())
    return [(kind, counts[kind]) for kind in QUESTION_KINDS]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 question``, ``3 questions``."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"


def as_paragraphs(text: str) -> Markup:
    """Typed or pasted prose as HTML paragraphs: blank lines split them, single line breaks
    (hard-wrapped text) become spaces; everything is escaped."""
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(" ".join(line.strip() for line in block.splitlines()))
        for block in blocks
    )
