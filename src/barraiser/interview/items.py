"""Items of a round: a free-text bank question (its id) or a coding problem (``problem:<id>``).

Coding rounds draw from every judge problem (the bank's coding questions each wrap one), so a
loop's coding selectors match problems by difficulty and topic; free-text selectors match bank
questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from barraiser.content.loader import Bank
from barraiser.content.schemas import Company, Question, Selector, is_value_question
from barraiser.interview.models import PROBLEM_PREFIX, RESUME_PREFIX, ItemKind

#: Competencies a coding problem shows when no bank question wraps it.
CODING_COMPETENCIES = ["coding", "problem-solving"]


@dataclass(frozen=True)
class Item:
    """What the engine needs to know about one item of a round."""

    id: str
    kind: ItemKind
    title: str
    prompt: str
    url: str
    difficulty: str
    topics: list[str]
    competencies: list[str]
    leadership_principles: list[str] = field(default_factory=list)
    labs: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    question: Question | None = None
    problem_id: str | None = None
    #: A question made for this candidate (from their résumé): the bank question whose rubric
    #: grades it.
    based_on: str | None = None

    @property
    def is_coding(self) -> bool:
        return self.problem_id is not None

    @property
    def is_lp_question(self) -> bool:
        return self.kind == "behavioral" and bool(self.leadership_principles)


class UnknownItem(LookupError):
    """An item id that names neither a bank question nor a judge problem."""


def problem_item_id(problem_id: str) -> str:
    return PROBLEM_PREFIX + problem_id


def _wrapping_questions(bank: Bank) -> dict[str, Question]:
    return {q.problem: q for q in bank.questions.values() if q.problem}


def get_item(bank: Bank, item_id: str) -> Item:
    """The item with this id; raises :class:`UnknownItem`."""
    if item_id.startswith(PROBLEM_PREFIX):
        problem_id = item_id.removeprefix(PROBLEM_PREFIX)
        loaded = bank.problems.get(problem_id)
        if loaded is None:
            raise UnknownItem(f"No coding problem with id {problem_id!r}.")
        wrapper = _wrapping_questions(bank).get(problem_id)
        spec = loaded.problem
        return Item(
            id=item_id,
            kind="coding",
            title=spec.title,
            prompt=loaded.statement,
            url=f"/problems/{problem_id}",
            difficulty=spec.difficulty,
            topics=list(spec.topics),
            competencies=list(wrapper.competencies) if wrapper else list(CODING_COMPETENCIES),
            leadership_principles=list(wrapper.leadership_principles) if wrapper else [],
            labs=list(wrapper.labs) if wrapper else [],
            related=list(wrapper.related) if wrapper else [],
            question=wrapper,
            problem_id=problem_id,
        )
    question = bank.questions.get(item_id)
    if question is None:
        raise UnknownItem(f"No question with id {item_id!r}.")
    if question.problem:
        return get_item(bank, problem_item_id(question.problem))
    return Item(
        id=question.id,
        kind=question.kind,
        title=question.title,
        prompt=question.prompt,
        url=f"/questions/{question.id}",
        difficulty=question.difficulty,
        topics=list(question.topics),
        competencies=list(question.competencies),
        leadership_principles=list(question.leadership_principles),
        labs=list(question.labs),
        related=list(question.related),
        question=question,
    )


def candidates(bank: Bank, selector: Selector, company_id: str | None = None) -> list[Item]:
    """Every item a selector may pick, in id order.

    Coding selectors match judge problems (by kind, difficulty and topic: ``coding`` the
    algorithms problems, ``ml-coding`` the ML-coding ones); other kinds match bank questions
    that can be asked in prose (free-text kinds), since only those can be graded, and that a
    loop of ``company_id`` may ask (not another company's own question).
    """
    if selector.problem_kind is not None:
        return [
            get_item(bank, problem_item_id(problem_id))
            for problem_id, loaded in sorted(bank.problems.items())
            if selector.matches_problem(
                loaded.problem.kind, loaded.problem.topics, loaded.problem.difficulty
            )
        ]
    return [
        get_item(bank, q.id)
        for q in sorted(bank.questions.values(), key=lambda q: q.id)
        if q.is_free_text and selector.matches(q) and q.askable_at(company_id)
    ]


def value_candidates(bank: Bank, company: Company | None = None) -> list[Item]:
    """Behavioural questions on the company's values (any Leadership Principle without one)."""
    return [
        get_item(bank, q.id)
        for q in sorted(bank.questions.values(), key=lambda q: q.id)
        if is_value_question(q, company)
    ]


def snapshot(item: Item) -> dict[str, object]:
    """What a session keeps of an item, so it still shows if the bank later loses it."""
    return {
        "kind": item.kind,
        "title": item.title,
        "prompt": item.prompt,
        "url": item.url,
        "difficulty": item.difficulty,
        "topics": list(item.topics),
        "competencies": list(item.competencies),
        "leadership_principles": list(item.leadership_principles),
        "labs": list(item.labs),
        "related": list(item.related),
        "problem_id": item.problem_id,
        "based_on": item.based_on,
    }


def resume_items(
    bank: Bank, selector: Selector, prompts: list[tuple[str, str]], company_id: str | None = None
) -> list[Item]:
    """The candidate's own résumé questions (``(title, prompt)`` pairs) as items a résumé
    selector can ask, each graded with the rubric of the bank question it stands for (the first
    the selector matches); empty when the bank has none."""
    base = next(iter(candidates(bank, selector, company_id)), None)
    if base is None or base.question is None:
        return []
    return [
        replace(
            base,
            id=f"{RESUME_PREFIX}{n}",
            title=title,
            prompt=prompt,
            url="/resume",
            based_on=base.id,
        )
        for n, (title, prompt) in enumerate(prompts, start=1)
    ]


def resolve(bank: Bank, item_id: str, kept: dict[str, Any] | None) -> Item:
    """The item from the bank, else from the session's snapshot; raises :class:`UnknownItem`."""
    if item_id.startswith(RESUME_PREFIX) and kept:
        # Made for this candidate: its own prompt, graded with its bank question's rubric.
        base = kept.get("based_on")
        question = bank.questions.get(base) if base else None
        if question is None:
            raise UnknownItem(f"No question with id {base!r} to grade {item_id!r} with.")
        return Item(id=item_id, **{**kept, "question": question})
    try:
        return get_item(bank, item_id)
    except UnknownItem:
        if not kept:
            raise
        return Item(id=item_id, **kept)
