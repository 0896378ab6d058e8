"""What a STAR story shows: the principles it demonstrates, with evidence, and its STAR signals.

The story's five parts are told as one answer to the behavioural analysis
(:func:`barraiser.grading.behavioral.analyze_behavioral`), which ranks the Leadership Principles
with the shipped detector (``barraiser.grading.principles``) and finds the candidate's own
actions and the numbers. Because the candidate wrote the parts in separate boxes, the signals
that depend on a part are read from that part: the result is the Result box, a result number is
a quantity in a sentence of that box, the reflection is the Reflection box.

A story is *strong* when it shows at least one principle and has all three signals of a story an
interviewer believes: told in the first person, a result with a number, and a reflection.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from barraiser.content.schemas import LeadershipPrinciple, Question
from barraiser.stories.entries import PARTS, StoryData

if TYPE_CHECKING:
    from barraiser.grading.behavioral import Encoder

#: Changes whenever the analysis below changes: stored analyses of another version are redone.
ANALYSIS_VERSION = "story-1"
#: At most this many principles count as shown by one story (the detector ranks all sixteen).
MAX_SHOWN = 3

SignalName = Literal["first-person", "result", "result-number", "reflection"]
SIGNALS: tuple[SignalName, ...] = ("first-person", "result", "result-number", "reflection")
SIGNAL_LABELS: dict[str, str] = {
    "first-person": "Told as 'I'",
    "result": "Has a result",
    "result-number": "Result has a number",
    "reflection": "Has a reflection",
}
#: What a missing signal makes the story lack, as a short phrase for the coverage matrix.
MISSING_LABELS: dict[str, str] = {
    "first-person": "not told as 'I'",
    "result": "no result",
    "result-number": "no number in the result",
    "reflection": "no reflection",
}
_SIGNAL_ADVICE: dict[str, str] = {
    "first-person": "Say what *you* did: most sentences of the Action should start with 'I' and "
    "a past-tense verb ('I traced...', 'I wrote...'), not 'we'.",
    "result": "Add the Result: what changed because of what you did.",
    "result-number": "Put a number in the Result: the latency, the money, the error rate or the "
    "days saved, before and after.",
    "reflection": "Add a Reflection: what you learned, or what you do differently since.",
}


class ShownPrinciple(BaseModel):
    """A principle the story shows: the detector's probability and the sentence that shows it."""

    id: str
    name: str
    score: float = Field(description="The detector's probability for the principle (0-1).")
    share: float = Field(description="Its probability over the story's top principle's (0-1).")
    evidence: str = Field(description="The story's sentence that shows the principle best.")


class Signal(BaseModel):
    """One STAR signal: whether the story has it, and the sentence that shows it."""

    name: SignalName
    present: bool
    evidence: str | None = None


class StoryAnalysis(BaseModel):
    """The analysis of one story, stored beside it (JSON) and shown on its page."""

    version: str = ANALYSIS_VERSION
    principles: list[ShownPrinciple] = Field(
        description="The principles the story shows, best first (at most three)."
    )
    signals: list[Signal] = Field(description="first-person, result, result-number, reflection.")
    strong: bool = Field(description="Shows a principle and has every signal.")
    missing: list[str] = Field(
        default_factory=list, description="What the story lacks to be strong, as short phrases."
    )
    advice: list[str] = Field(default_factory=list, description="What to change, most first.")
    words: int = 0
    minutes: float = Field(default=0.0, description="About how long it takes to tell aloud.")

    def signal(self, name: str) -> Signal:
        """The named signal (``first-person``, ``result``, ``result-number``, ``reflection``)."""
        return next(s for s in self.signals if s.name == name)

    def shows(self, principle_id: str) -> bool:
        return any(p.id == principle_id for p in self.principles)


def story_text(story: StoryData) -> str:
    """The story as one answer: its parts in telling order, a blank line between them."""
    return "\n\n".join(text for text in story.parts().values() if text)


def analyze_story(
    story: StoryData, principles: Sequence[LeadershipPrinciple], encoder: Encoder
) -> StoryAnalysis:
    """Analyse a story with the behavioural analysis and read its signals from its parts."""
    from barraiser.grading.behavioral import SHOWN_SHARE, analyze_behavioral
    from barraiser.grading.text import split_sentences

    star = analyze_behavioral(story_text(story), principles, encoder)
    top = star.principles[0].score if star.principles else 0.0
    shown = [
        ShownPrinciple(
            id=p.id,
            name=p.name,
            score=p.score,
            share=round(p.score / top, 3) if top else 0.0,
            evidence=p.evidence,
        )
        for p in star.principles[:MAX_SHOWN]
        if top and p.score / top >= SHOWN_SHARE
    ]
    result_text = story.result
    numbers = [q for q in star.quantities if result_text and q.sentence.strip() in result_text]
    reflection_sentences = [s.text for s in split_sentences(story.reflection)]
    own = star.ownership
    first_person = bool(star.my_actions) and not own.we_dominates
    signals = [
        Signal(
            name="first-person",
            present=first_person,
            evidence=star.my_actions[0] if first_person else None,
        ),
        Signal(
            name="result",
            present=bool(result_text),
            evidence=split_sentences(result_text)[0].text if result_text else None,
        ),
        Signal(
            name="result-number",
            present=bool(numbers),
            evidence=numbers[0].sentence if numbers else None,
        ),
        Signal(
            name="reflection",
            present=bool(reflection_sentences) or star.reflection,
            evidence=reflection_sentences[0] if reflection_sentences else None,
        ),
    ]
    missing = [MISSING_LABELS[s.name] for s in signals if not s.present]
    # A story without a result has no number in it either: say the first, not both.
    if "no result" in missing and "no number in the result" in missing:
        missing.remove("no number in the result")
    advice = [
        _SIGNAL_ADVICE[s.name]
        for s in signals
        if not s.present and not (s.name == "result-number" and not result_text)
    ]
    if star.hypothetical:
        advice.insert(
            0,
            "Tell what you did, not what you would do: an interviewer believes only a real "
            "episode ('I traced...', not 'I would trace...').",
        )
        missing.insert(0, "told as what you would do")
    if not shown:
        missing.insert(0, "shows no principle yet")
        advice.insert(
            0,
            "No principle can be read from the story yet: write at least two sentences of what "
            "happened and what you did.",
        )
    if star.length.verdict == "too-long":
        advice.append(
            f"Told aloud it takes about {star.length.minutes:g} minutes: cut the Situation and "
            "keep to two or three minutes."
        )
    return StoryAnalysis(
        principles=shown,
        signals=signals,
        strong=bool(shown) and not star.hypothetical and all(s.present for s in signals),
        missing=missing,
        advice=advice,
        words=star.length.words,
        minutes=star.length.minutes,
    )


def read_analysis(stored: Mapping[str, object] | None) -> StoryAnalysis | None:
    """A stored analysis, or None when there is none or it is of another version."""
    if not stored or stored.get("version") != ANALYSIS_VERSION:
        return None
    return StoryAnalysis.model_validate(stored)


class FittingQuestion(BaseModel):
    """A behavioural question of the bank that a story fits: it probes a principle the story
    shows."""

    id: str
    title: str
    principles: list[str] = Field(description="The principles it probes that the story shows.")
    url: str = Field(description="Its page, where it can be answered.")


def fitting_questions(
    analysis: StoryAnalysis, questions: Mapping[str, Question], *, limit: int = 10
) -> list[FittingQuestion]:
    """The bank's behavioural questions probing a principle the story shows: those probing its
    best principle first, then by title."""
    rank = {p.id: i for i, p in enumerate(analysis.principles)}
    found: list[tuple[int, str, FittingQuestion]] = []
    for question in questions.values():
        if question.kind != "behavioral" or question.draft:
            continue
        matched = [p for p in question.leadership_principles if p in rank]
        if not matched:
            continue
        best = min(rank[p] for p in matched)
        found.append(
            (
                best,
                question.title,
                FittingQuestion(
                    id=question.id,
                    title=question.title,
                    principles=sorted(matched, key=rank.__getitem__),
                    url=f"/questions/{question.id}",
                ),
            )
        )
    found.sort(key=lambda row: (row[0], row[1], row[2].id))
    return [row[2] for row in found[:limit]]


__all__ = [
    "ANALYSIS_VERSION",
    "PARTS",
    "SIGNALS",
    "FittingQuestion",
    "ShownPrinciple",
    "Signal",
    "StoryAnalysis",
    "analyze_story",
    "fitting_questions",
    "read_analysis",
]
