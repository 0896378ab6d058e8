"""Cross-file checks of the content: links, rubric completeness, calibration, loop feasibility."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from barraiser.content.loader import Bank, ContentProblem, load_bank_collecting
from barraiser.content.schemas import Company, Loop, Question, Round, is_value_question

MIN_KEY_POINTS = 4
MIN_FOLLOW_UPS = 1
CALIBRATION_LEVELS = ("strong", "partial", "weak")


def known_lab_ids() -> set[str]:
    """Ids of the runnable labs; empty until the labs package provides a registry."""
    try:
        registry = importlib.import_module("barraiser.labs.registry")
    except ModuleNotFoundError as exc:
        if exc.name not in {"barraiser.labs", "barraiser.labs.registry"}:
            raise
        return set()
    ids: Iterable[str] = registry.lab_ids()
    return set(ids)


def check_bank(bank: Bank, lab_ids: set[str] | None = None) -> list[ContentProblem]:
    """Every cross-file problem of a loaded bank (schema problems are found while loading);
    the user's own questions are checked apart, by :func:`check_own_questions`."""
    labs = known_lab_ids() if lab_ids is None else lab_ids
    problems: list[ContentProblem] = []
    for q in bank.questions.values():
        if not bank.is_own(q.id):
            problems.extend(_check_question(q, bank, labs))
    problems.extend(_check_sources(bank))
    for company in bank.companies.values():
        problems.extend(_check_company(company, bank))
    for loop in bank.loops.values():
        problems.extend(_check_loop(loop, bank))
    return problems


def check_own_questions(bank: Bank, lab_ids: set[str] | None = None) -> list[ContentProblem]:
    """Cross-file problems of the user's own questions (drafts are checked as drafts)."""
    labs = known_lab_ids() if lab_ids is None else lab_ids
    return [
        problem
        for q in bank.questions.values()
        if bank.is_own(q.id)
        for problem in _check_question(q, bank, labs)
    ]


def check_content(
    dirs: Iterable[Path] | None = None, *, user_dir: Path | None = None
) -> tuple[Bank, list[ContentProblem]]:
    """Load and check everything; the list is empty when the content is sound.

    A content folder with a ``claims/`` folder (the claim corpus) has it checked too: every
    free-text question of that folder needs labelled claims. ``user_dir`` is the user content
    folder: its draft questions are checked as drafts (see :func:`_check_question`). Its
    problems come last in the list and are also in ``bank.draft_problems``: they are the
    user's, and never stop the bank from loading.
    """
    from barraiser.content.claims import check_claims
    from barraiser.content.loader import default_content_dir

    folders = list(dirs) if dirs is not None else [default_content_dir()]
    bank, problems = load_bank_collecting(folders, user_dir=user_dir)
    bank.draft_problems = bank.draft_problems + check_own_questions(bank)
    problems += check_bank(bank)
    if problems:
        return bank, problems + bank.draft_problems
    for root in folders:
        claims = root / "claims"
        if claims.is_dir():
            own = {
                q
                for q in bank.questions
                if (root.parent / bank.origins.get(f"question:{q}", "")).is_relative_to(root)
            }
            problems += check_claims(bank, claims, required=own)
        if (root / "principle_training").is_dir():
            problems += _check_principle_training(root, bank)
    return bank, problems + bank.draft_problems


#: Training stories each principle needs for the detector to learn it.
MIN_TRAINING_STORIES = 10


def _check_principle_training(root: Path, bank: Bank) -> list[ContentProblem]:
    """The principle detector's training stories: readable, known principles, enough of each."""
    from barraiser.content.principle_training import load_training, training_dir

    stories, found = load_training(training_dir(root))
    problems = [ContentProblem("principle_training", message) for message in found]
    counts = dict.fromkeys(bank.principles, 0)
    for story in stories:
        for pid in story.principles:
            if pid not in bank.principles:
                problems.append(
                    ContentProblem(
                        "principle_training",
                        f"story {story.id!r} names an unknown principle {pid!r}",
                        "principles",
                    )
                )
            else:
                counts[pid] += 1
    for pid, count in counts.items():
        if count < MIN_TRAINING_STORIES:
            problems.append(
                ContentProblem(
                    "principle_training",
                    f"{pid!r} has {count} training stories; the detector needs at least "
                    f"{MIN_TRAINING_STORIES}",
                )
            )
    return problems


def _check_question(q: Question, bank: Bank, labs: set[str]) -> list[ContentProblem]:
    rel = bank.origins.get(f"question:{q.id}", q.id)
    out: list[ContentProblem] = []

    def problem(message: str, fld: str) -> None:
        out.append(ContentProblem(rel, message, fld))

    for lp in q.leadership_principles:
        if lp not in bank.principles:
            problem(f"unknown Leadership Principle {lp!r}", "leadership_principles")
    for company_id in q.companies:
        if company_id not in bank.companies:
            problem(
                f"unknown company {company_id!r} (companies/<id>.yaml gives the ids)", "companies"
            )
    for comp in q.competencies:
        if comp not in bank.competencies:
            problem(f"unknown competency {comp!r}", "competencies")
    for other in q.related:
        if other == q.id:
            problem("a question cannot be related to itself", "related")
        elif other not in bank.questions:
            problem(f"links to a question that does not exist: {other!r}", "related")
    if q.problem is not None and q.problem not in bank.problems:
        problem(
            f"names a judge problem that does not exist: {q.problem!r} "
            "(add content/problems/<id>/ or fix the id)",
            "problem",
        )
    for lab in q.labs:
        if lab not in labs:
            problem(f"links to a lab that does not exist: {lab!r}", "labs")
    if q.draft and bank.is_own(q.id):
        # The user's own draft: links must hold, but rubric, guidance and principles may wait
        # until the user writes them (answers to it are saved, not scored against key points).
        if q.rubric is not None:
            out.extend(_check_rubric(q, rel))
        return out
    if q.kind == "behavioral" and not q.leadership_principles:
        problem(
            "a behavioural question must name the Leadership Principles it probes",
            "leadership_principles",
        )
    if q.is_free_text:
        if q.rubric is None:
            problem("a free-text question needs a rubric", "rubric")
        else:
            out.extend(_check_rubric(q, rel))
    levels = [c.level for c in q.calibration]
    if q.calibration and sorted(levels) != sorted(CALIBRATION_LEVELS):
        problem(
            "calibration answers must be exactly one strong, one partial and one weak "
            f"(found: {', '.join(levels)})",
            "calibration",
        )
    if q.source is not None and q.is_free_text and not q.calibration:
        problem(
            "a question from the source guide needs strong, partial and weak calibration answers",
            "calibration",
        )
    return out


def _check_rubric(q: Question, rel: str) -> list[ContentProblem]:
    """A free-text question's rubric: enough key points, a follow-up, signals where they fit."""
    out: list[ContentProblem] = []
    if q.rubric is None or not q.is_free_text:
        return out
    if len(q.rubric.key_points) < MIN_KEY_POINTS:
        out.append(
            ContentProblem(
                rel,
                f"has {len(q.rubric.key_points)} key points; a free-text question "
                f"needs at least {MIN_KEY_POINTS}",
                "rubric.key_points",
            )
        )
    if len(q.rubric.follow_ups) < MIN_FOLLOW_UPS:
        out.append(
            ContentProblem(rel, "needs at least one follow-up question", "rubric.follow_ups")
        )
    if q.kind != "behavioral":
        for kp in q.rubric.key_points:
            if kp.signal is not None:
                out.append(
                    ContentProblem(
                        rel,
                        f"key point {kp.id!r} has signal {kp.signal!r}, but only "
                        "behavioural key points are judged by the story analysis; remove it",
                        "rubric.key_points",
                    )
                )
    return out


def _check_sources(bank: Bank) -> list[ContentProblem]:
    seen: dict[tuple[str, int], str] = {}
    out = []
    for q in bank.questions.values():
        if q.source is None:
            continue
        key = (q.source.document, q.source.question)
        if key in seen:
            rel = bank.origins.get(f"question:{q.id}", q.id)
            out.append(
                ContentProblem(
                    rel,
                    f"source question {key[1]} of {key[0]} is already used by {seen[key]!r}",
                    "source",
                )
            )
        else:
            seen[key] = q.id
    return out


def _check_company(company: Company, bank: Bank) -> list[ContentProblem]:
    rel = bank.origins.get(f"company:{company.id}", company.id)
    return [
        ContentProblem(
            rel, f"value {value.id!r} names an unknown Leadership Principle {lp!r}", "values"
        )
        for value in company.values
        for lp in value.principles
        if lp not in bank.principles
    ]


def _check_loop(loop: Loop, bank: Bank) -> list[ContentProblem]:
    rel = bank.origins.get(f"loop:{loop.id}", loop.id)
    out: list[ContentProblem] = []
    company = bank.companies.get(loop.company_id)
    if company is None:
        known = ", ".join(sorted(bank.companies)) or "none"
        out.append(
            ContentProblem(
                rel, f"unknown company {loop.company_id!r} (known: {known})", "company_id"
            )
        )
    elif company.name != loop.company:
        out.append(
            ContentProblem(
                rel,
                f"company is {loop.company!r} but {loop.company_id!r} is named "
                f"{company.name!r}: write the same name",
                "company",
            )
        )
    for comp in loop.competencies:
        if comp not in bank.competencies:
            out.append(ContentProblem(rel, f"unknown competency {comp!r}", "competencies"))
    for si, stage in enumerate(loop.stages):
        for ri, rnd in enumerate(stage.rounds):
            fld = f"stages[{si}].rounds[{ri}]"
            for comp in rnd.assesses:
                if comp not in loop.competencies:
                    out.append(
                        ContentProblem(
                            rel,
                            f"round {rnd.id!r} assesses {comp!r}, which is not one of the "
                            "loop's competencies",
                            f"{fld}.assesses",
                        )
                    )
    if loop.decision.bar_raiser_veto and not any(r.bar_raiser for r in loop.rounds()):
        out.append(
            ContentProblem(
                rel, "bar_raiser_veto is on but no round has bar_raiser: true", "decision"
            )
        )
    counts: dict[tuple[str, str], int] = {}
    for rnd_id, need in unmet_slots(loop, bank):
        counts[(rnd_id, need)] = counts.get((rnd_id, need), 0) + 1
    places = {
        r.id: f"stages[{si}].rounds[{ri}]"
        for si, st in enumerate(loop.stages)
        for ri, r in enumerate(st.rounds)
    }
    for (rnd_id, need), missing in counts.items():
        out.append(
            ContentProblem(
                rel,
                f"round {rnd_id!r} cannot be filled without repeating a question: "
                f"{missing} more distinct question(s) needed for {need} (add questions or lower "
                "the count)",
                places[rnd_id],
            )
        )
    return out


def _slots(rnd: Round, bank: Bank, company: Company | None) -> list[tuple[str, list[str]]]:
    """One entry per question the round asks: a description and the ids that can fill it.

    Coding selectors pick judge problems (by difficulty and topic), as the interview engine
    does; other selectors pick free-text questions the loop's company may ask.
    """
    company_id = company.id if company else None
    slots: list[tuple[str, list[str]]] = []
    for sel in rnd.questions:
        desc = f"kind={sel.kind}"
        if sel.topics:
            desc += f" topics={sel.topics}"
        if sel.difficulty:
            desc += f" difficulty={sel.difficulty}"
        if sel.problem_kind is not None:
            ids = [
                f"problem:{pid}"
                for pid, loaded in sorted(bank.problems.items())
                if sel.matches_problem(
                    loaded.problem.kind, loaded.problem.topics, loaded.problem.difficulty
                )
            ]
        else:
            ids = [
                q.id
                for q in _sorted(bank)
                if q.is_free_text and sel.matches(q) and q.askable_at(company_id)
            ]
        slots.extend([(desc, ids)] * sel.count)
    value_ids = [q.id for q in _sorted(bank) if is_value_question(q, company)]
    slots.extend([("value questions", value_ids)] * rnd.value_questions)
    return slots


def _sorted(bank: Bank) -> list[Question]:
    return sorted(bank.questions.values(), key=lambda q: q.id)


def unmet_slots(loop: Loop, bank: Bank) -> list[tuple[str, str]]:
    """Slots of the loop that no assignment of distinct questions can fill (bipartite matching)."""
    company = bank.companies.get(loop.company_id)
    slots = [
        (rnd.id, desc, ids) for rnd in loop.rounds() for desc, ids in _slots(rnd, bank, company)
    ]
    candidates = [ids for _, _, ids in slots]
    owner: dict[str, int] = {}  # item id -> slot index

    def augment(slot: int, seen: set[str]) -> bool:
        for qi in candidates[slot]:
            if qi in seen:
                continue
            seen.add(qi)
            if qi not in owner or augment(owner[qi], seen):
                owner[qi] = slot
                return True
        return False

    unmet = []
    for s in range(len(slots)):
        if not augment(s, set()):
            unmet.append((slots[s][0], slots[s][1]))
    return unmet
