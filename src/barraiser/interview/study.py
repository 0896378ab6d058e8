"""What the debrief and its checker agree on: the weak-item threshold and topic matching."""

from __future__ import annotations

from barraiser.content.loader import Bank

#: An item scoring below this is weak: a weakest moment and an entry of the study plan.
#: From it, an item without a misconception may be among the strongest moments.
STUDY_BELOW = 70.0
#: Topics too broad to say two questions are about the same thing.
BROAD_TOPICS = frozenset({"leadership-principles"})


def topics_of(bank: Bank, url: str) -> set[str] | None:
    """The topics of the question or problem at an app path, None when it is neither."""
    kind, _, slug = url.strip("/").partition("/")
    if kind == "questions" and slug in bank.questions:
        return set(bank.questions[slug].topics)
    if kind == "problems" and slug in bank.problems:
        return set(bank.problems[slug].problem.topics)
    return None
