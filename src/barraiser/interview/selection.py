"""Picking a round's questions: the loop's selectors, fresh questions first, principles mixed in.

Every item a selector can pick is ranked: never seen before first (among those, the ones
showing more of the competencies the round assesses), then the one seen longest ago; ties are
broken by the session's random generator, so two sessions differ and a seeded session is
reproducible.  No item is asked twice in a session.  Leadership Principle questions are fresh
first too; among equally fresh ones they prefer principles no earlier round of the session has
probed yet (each Amazon interviewer owns different principles), and, for a candidate with a
story bank, principles the bank covers weakly (``needs``: no story 2, no strong story 1) that
no story question of the session has asked about yet (a technical question tagged with a
principle probes it, but asks for no story).
Among equally fresh questions covering as much of the round, a candidate's weak competencies
(``weakness``, from their progress: 1 - mean score / 100) weigh in: practice goes where it is
needed, never at the price of repeating a question.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from barraiser.content.loader import Bank
from barraiser.content.schemas import Company, Round
from barraiser.interview.items import Item, candidates, resume_items, value_candidates

#: The topic of a loop's résumé questions: the candidate's own are asked first.
RESUME_TOPIC = "resume"


class SelectionError(ValueError):
    """A round cannot be filled from the bank without repeating a question."""


@dataclass
class Picker:
    """Picks items for the rounds of one session, remembering what it already picked."""

    bank: Bank
    rng: random.Random
    #: item id -> when the candidate last met it (in any earlier session).
    last_seen: Mapping[str, datetime] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    probed: set[str] = field(default_factory=set)
    #: Principles a behavioural (story) question of the session has asked about.
    told: set[str] = field(default_factory=set)
    #: principle id -> how much the candidate's story bank needs it (0 strong, 1 weak, 2 none);
    #: empty without stories (see ``barraiser.stories.coverage.principle_needs``).
    needs: Mapping[str, int] = field(default_factory=dict)
    #: The candidate's own résumé questions (title, prompt), asked by résumé selectors before
    #: the bank's generic ones; empty until they analyse a résumé (``barraiser.resume``).
    resume_prompts: list[tuple[str, str]] = field(default_factory=list)
    #: The loop's company: its values choose the value questions, and another company's own
    #: questions ("Why Amazon?") are never asked. None: any behavioural question.
    company: Company | None = None
    #: competency id -> how weak the candidate is at it, 0 (mean score 100) to 1 (mean 0);
    #: competencies never graded are absent (``barraiser.interview.progress.weakness``).
    weakness: Mapping[str, float] = field(default_factory=dict)

    def _weak(self, item: Item) -> float:
        """How much of the candidate's weakness the item exercises (its weakest competency)."""
        return max((self.weakness.get(c, 0.0) for c in item.competencies), default=0.0)

    @property
    def _company_id(self) -> str | None:
        return self.company.id if self.company else None

    def _need(self, item: Item) -> int:
        """The most any principle the item probes, not asked about in a story question yet,
        needs a story."""
        return max(
            (self.needs.get(p, 0) for p in set(item.leadership_principles) - self.told),
            default=0,
        )

    def _freshness(self, item: Item) -> tuple[int, float]:
        seen = self.last_seen.get(item.id)
        # Never seen sorts first; then the oldest sighting.
        return (0, 0.0) if seen is None else (1, seen.timestamp())

    def _take(self, pool: list[Item], count: int, what: str, rnd: Round) -> list[Item]:
        free = [i for i in pool if i.id not in self.taken]
        if len(free) < count:
            raise SelectionError(
                f"Round {rnd.id!r} needs {count} {what} but the bank has only {len(free)} "
                "not already asked in this session: add questions or lower the count "
                "(`barraiser content check` lists such problems)."
            )
        # Shuffle first, then a stable sort: equal keys keep the random order.  Fresh first;
        # among equally fresh ones, those showing more of what the round assesses (so its
        # scorecard can rate every competency it names), then those exercising the
        # candidate's weakest competency (in steps of a tenth, so near-equal weaknesses stay
        # to chance).
        self.rng.shuffle(free)
        assessed = set(rnd.assesses)
        free.sort(
            key=lambda i: (
                self._freshness(i)[0],
                -len(assessed & set(i.competencies)),
                -round(self._weak(i), 1),
                self._freshness(i)[1],
            )
        )
        chosen = free[:count]
        self.taken.update(i.id for i in chosen)
        return chosen

    def _take_lp(self, count: int, round_id: str) -> list[Item]:
        chosen: list[Item] = []
        for _ in range(count):
            pool = value_candidates(self.bank, self.company)
            free = [i for i in pool if i.id not in self.taken]
            if not free:
                raise SelectionError(
                    f"Round {round_id!r} needs {count} value questions but the bank has run "
                    "out of unasked ones: add behavioural questions whose "
                    "`leadership_principles` the company's values map to, or lower "
                    "`value_questions`."
                )
            self.rng.shuffle(free)
            # Fresh stories first; among equally fresh ones, those probing a principle the
            # story bank covers weakly, then those bringing new principles.
            free.sort(
                key=lambda i: (
                    self._freshness(i)[0],
                    -self._need(i),
                    -len(set(i.leadership_principles) - self.probed),
                    self._freshness(i)[1],
                )
            )
            item = free[0]
            chosen.append(item)
            self.taken.add(item.id)
            self.probed.update(item.leadership_principles)
            self.told.update(item.leadership_principles)
        return chosen

    def pick(self, rnd: Round) -> list[Item]:
        """The items of one round: its selectors in order, then its LP questions."""
        items: list[Item] = []
        for selector in rnd.questions:
            what = f"{selector.kind} question(s)"
            count = selector.count
            if self.resume_prompts and RESUME_TOPIC in selector.topics:
                own = [
                    i
                    for i in resume_items(
                        self.bank, selector, self.resume_prompts, self._company_id
                    )
                    if i.id not in self.taken
                ][:count]
                self.taken.update(i.id for i in own)
                items.extend(own)
                count -= len(own)
                if not count:
                    continue
            pool = candidates(self.bank, selector, self._company_id)
            items.extend(self._take(pool, count, what, rnd))
        for item in items:
            self.probed.update(item.leadership_principles)
            if item.kind == "behavioral":
                self.told.update(item.leadership_principles)
        items.extend(self._take_lp(rnd.value_questions, rnd.id))
        return items
