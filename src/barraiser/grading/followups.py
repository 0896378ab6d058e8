"""Follow-up questions that probe what an answer missed, as an interviewer would ask them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, Field

from barraiser.content.schemas import Rubric
from barraiser.grading.behavioral import StarAnalysis

if TYPE_CHECKING:
    from barraiser.content.schemas import LeadershipPrinciple, Question

FollowUpSource = Literal["rubric", "key-point", "star", "principle"]

#: Share of a key point's weight that is still missing, by status.
_MISSING_SHARE = {"missed": 1.0, "partly": 0.5, "covered": 0.0}


class KeyPointOutcome(Protocol):
    """What follow-ups need from a graded key point (``KeyPointResult`` fits)."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def weight(self) -> float: ...
    @property
    def status(self) -> str: ...


class FollowUpPick(BaseModel):
    question: str
    probes: list[str] = Field(default_factory=list, description="Key point ids it probes.")
    reason: str = ""
    source: FollowUpSource = "rubric"


def pick_follow_ups(
    rubric: Rubric | None,
    key_points: Sequence[KeyPointOutcome],
    star: StarAnalysis | None = None,
    *,
    limit: int = 3,
    question: Question | None = None,
    principles: Sequence[LeadershipPrinciple] = (),
    asked_principle_shown: bool | None = None,
) -> list[FollowUpPick]:
    """Pick 1-3 follow-ups, most missed weight first.

    A behavioural answer (``star`` given) is followed up on the candidate's own story: see
    :func:`barraiser.grading.story_followups.story_follow_ups`.  Its rubric follow-ups and key
    points are written around the model answer's story ("how did you prove the clicks were
    accidental?") and are not asked.

    For other answers, rubric follow-ups whose probes include missed or partly covered points
    come first, ranked by the weight they would recover; a missed point no chosen follow-up
    probes gets a question built from its text.  With nothing missed, the rubric's first
    follow-up probes deeper.
    """
    if star is not None:
        return _story_picks(star, question, principles, asked_principle_shown, limit)
    missing = {
        kp.id: kp.weight * _MISSING_SHARE.get(kp.status, 0.0)
        for kp in key_points
        if _MISSING_SHARE.get(kp.status, 0.0) > 0
    }
    texts = {kp.id: kp.text for kp in key_points}
    picks: list[FollowUpPick] = []
    probed: set[str] = set()
    rubric_follow_ups = list(rubric.follow_ups) if rubric else []
    ranked = sorted(
        rubric_follow_ups,
        key=lambda f: sum(missing.get(p, 0.0) for p in f.probes),
        reverse=True,
    )
    for follow_up in ranked:
        gain = sum(missing.get(p, 0.0) for p in follow_up.probes)
        if gain <= 0 or len(picks) >= limit:
            break
        probes = [p for p in follow_up.probes if p in missing]
        if set(probes) <= probed:
            continue
        picks.append(
            FollowUpPick(
                question=follow_up.question,
                probes=probes,
                reason=missed_reason([texts.get(p, p) for p in probes]),
                source="rubric",
            )
        )
        probed.update(probes)

    room = limit - len(picks)
    by_weight = sorted(
        (kp for kp in key_points if kp.id in missing and kp.id not in probed),
        key=lambda kp: missing[kp.id],
        reverse=True,
    )
    for kp in by_weight[: max(room, 0)]:
        picks.append(
            FollowUpPick(
                question=question_from_key_point(kp.text),
                probes=[kp.id],
                reason="The answer missed this point."
                if kp.status == "missed"
                else "The answer only partly covered this point.",
                source="key-point",
            )
        )
        probed.add(kp.id)
    if not picks and rubric_follow_ups:
        first = rubric_follow_ups[0]
        picks.append(
            FollowUpPick(
                question=first.question,
                probes=list(first.probes),
                reason="Everything was covered; this probes deeper.",
                source="rubric",
            )
        )
    return picks[:limit]


def missed_reason(points: Sequence[str]) -> str:
    """Why a follow-up is asked, with the missed key points in words, never their ids:
    "Probes what the answer missed: gives a quantified result; names the trade-off."."""
    return "Probes what the answer missed: " + "; ".join(point_words(p) for p in points) + "."


def point_words(text: str) -> str:
    """A key point as a phrase inside a sentence: no examples in brackets, no final full stop,
    a lower-case first letter (unless the first word is an acronym such as "AUC")."""
    body = re.sub(r"\s*\([^)]*\)", "", " ".join(text.split())).strip().rstrip(".")
    first = body.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return body
    return body[:1].lower() + body[1:]


def _story_picks(
    star: StarAnalysis,
    question: Question | None,
    principles: Sequence[LeadershipPrinciple],
    asked_principle_shown: bool | None,
    limit: int,
) -> list[FollowUpPick]:
    from barraiser.grading.story_followups import (
        asks_for_a_story,
        safe_rubric_follow_ups,
        story_follow_ups,
    )

    picks = [
        FollowUpPick(
            question=f.question,
            reason=f.reason,
            source="principle" if f.target == "principle" else "star",
        )
        for f in story_follow_ups(
            star,
            question,
            principles,
            asked_principle_shown=asked_principle_shown,
            limit=limit,
        )
    ]
    if question is not None and not asks_for_a_story(question):
        # A motive question's rubric follow-ups are general ("why leave now?"): ask those the
        # model answer has not coloured.
        answer = " ".join(s.text for s in star.sentences)
        for text in safe_rubric_follow_ups(question, answer, principles):
            if len(picks) < limit:
                picks.append(
                    FollowUpPick(question=text, reason="A question every candidate gets here.")
                )
    return picks[:limit]


_PRONOUNS = {
    "their": "your",
    "they": "you",
    "them": "you",
    "themselves": "yourself",
    "theirs": "yours",
}
_LOWER_FIRST = {"the", "a", "an", "if", "with", "when", "each", "every", "both"}


def question_from_key_point(text: str, *, behavioral: bool = False) -> str:
    """Turn a key point ("Gives a quantified result ...") into a question an interviewer asks."""
    body = re.sub(r"\s*\([^)]*\)", "", text).strip().rstrip(".")
    first, _, rest = body.partition(" ")
    rest = re.sub(
        r"\b(" + "|".join(_PRONOUNS) + r")\b",
        lambda m: _PRONOUNS[m.group(1).lower()],
        rest,
        flags=re.IGNORECASE,
    )
    verb = _base_verb(first)
    if verb is not None and rest:
        return f"Can you {verb} {rest}?"
    if first.islower() or first.lower() in _LOWER_FIRST:
        body = first.lower() + (" " + rest if rest else "")
    else:
        body = first + (" " + rest if rest else "")
    if behavioral:
        return f"You didn't mention this: {body}. Can you tell me about that?"
    return f"You didn't mention that {body}. How does that come into your answer?"


def _base_verb(word: str) -> str | None:
    """ "Gives" -> "give", "Clarifies" -> "clarify"; None when the word is not such a verb."""
    lower = word.lower()
    if not word[:1].isupper() or not lower.endswith("s") or lower.endswith("ss") or len(lower) < 4:
        return None
    if lower in _NOT_VERBS:
        return None
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("shes", "ches", "xes", "sses", "zes")):
        return lower[:-2]
    return lower[:-1]


# Plural nouns that can start a key point and must not be read as verbs.
_NOT_VERBS = frozenset(
    {"weights", "features", "labels", "models", "metrics", "gradients", "trees", "units", "logs"}
)
