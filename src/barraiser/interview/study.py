"""What the debrief and its checker agree on: the weak-item threshold, and what a study link is
about.

A study link leads to a bank page: a question, a coding problem, or a Leadership Principle's
page (the bank's behavioural questions on that principle, with what the principle asks and how
to show it in a STAR story).  :func:`subject_of` says what a page is about and :func:`on_subject`
whether it is material on an item's weakness:

- a story (a behavioural question asking for an episode) is weak on its STAR structure or on
  the principle it asks about: its links are the pages of those principles and other stories
  that ask about one of them - never a motive question ("why this company?") or a technical
  question that happens to name the principle;
- a motive question links the principles it names and other motive questions on its topics;
- any other item links pages that share a topic with it; two design questions of one kind
  (ML system design, system design) share that kind's method.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from barraiser.content.loader import Bank
from barraiser.content.schemas import Question
from barraiser.grading.story_followups import asks_for_a_story

#: An item scoring below this is weak: a weakest moment and an entry of the study plan.
#: From it, an item without a misconception may be among the strongest moments.
STUDY_BELOW = 70.0
#: Topics too broad to say two questions are about the same thing.
BROAD_TOPICS = frozenset({"leadership-principles"})
#: Question kinds whose questions all teach one method (requirements, scale, trade-offs).
METHOD_KINDS = frozenset({"ml-design", "system-design"})
#: The path of the bank's question list; a principle's page is that list filtered.
QUESTIONS_PATH = "/questions"


@dataclass(frozen=True)
class Subject:
    """What a page of the app is about."""

    page: str  # "question", "problem" or "principle"
    topics: frozenset[str]
    principles: frozenset[str]
    behavioral: bool = False
    story: bool = False  # a behavioural question asking for an episode, or a principle's page


def principle_url(lp_id: str) -> str:
    """A Leadership Principle's page: what it asks, and the bank's stories about it."""
    return f"{QUESTIONS_PATH}?kind=behavioral&lp={lp_id}"


def _question_subject(question: Question) -> Subject:
    topics = set(question.topics) - BROAD_TOPICS
    if question.kind in METHOD_KINDS:
        topics.add(question.kind)
    behavioral = question.kind == "behavioral"
    return Subject(
        page="question",
        topics=frozenset(topics),
        principles=frozenset(question.leadership_principles),
        behavioral=behavioral,
        story=behavioral and asks_for_a_story(question),
    )


def subject_of(bank: Bank, url: str) -> Subject | None:
    """What the page at an app path is about; None when it is no question, problem or
    principle page of the bank."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path == QUESTIONS_PATH:
        query = parse_qs(parts.query)
        lps = query.get("lp", [])
        if len(lps) == 1 and lps[0] in bank.principles and query.get("kind") == ["behavioral"]:
            return Subject(
                page="principle",
                topics=frozenset(),
                principles=frozenset(lps),
                behavioral=True,
                story=True,
            )
        return None
    if parts.query:
        return None
    kind, _, slug = path.strip("/").partition("/")
    if kind == "questions" and slug in bank.questions:
        return _question_subject(bank.questions[slug])
    if kind == "problems" and slug in bank.problems:
        topics = frozenset(bank.problems[slug].problem.topics) - BROAD_TOPICS
        return Subject(page="problem", topics=topics, principles=frozenset())
    return None


def on_subject(item: Subject, link: Subject) -> bool:
    """Whether the page ``link`` is material on the weakness of an item about ``item``."""
    if item.behavioral:
        if link.page == "principle":
            return bool(item.principles & link.principles)
        if not link.behavioral or link.page != "question" or link.story != item.story:
            return False
        if item.story:
            return bool(item.principles & link.principles)
        return bool(item.topics & link.topics)
    return link.page != "principle" and bool(item.topics & link.topics)
