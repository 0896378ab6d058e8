"""The verifier grader: scores an answer from the claims it makes, checked by the claim verifier.

For every rubric target (key point or misconception) the answer's sentences, and windows of two
adjacent sentences, that are closest in meaning (cosine of sentence embeddings, a cheap
pre-filter) go to the claim verifier, which says whether each one *states* the target,
*contradicts* it, only *mentions* it, or is *unrelated*.  Then:

- a key point is **covered** when a sentence states it, **partly** covered when the answer only
  mentions it (a name without the substance earns at most ``mention_credit``), **missed**
  otherwise;
- a key point the answer **contradicts** earns nothing and is reported as an error, with the
  point itself as the correction; a rubric misconception the answer states is reported with its
  own correction;
- the score is the weighted share of credit, and every error keeps ``error_factor`` of it less
  ``error_points``: a confident wrong answer cannot ride on its right words (the constants are
  in :class:`ScoringPolicy`).

Length is not scored: a terse answer that states the points earns them, and padding or
repetition earns nothing because only statements do.  The evidence shown for a point is the
sentence the verifier judged, with its verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from barraiser.grading.result import (
    GradeResult,
    KeyPointResult,
    MisconceptionResult,
    Status,
    Verdict,
)
from barraiser.grading.text import (
    ANSWER_MAX_WORDS,
    TRUNCATED_NOTE,
    Sentence,
    content_words,
    split_sentences,
    tokens,
    truncate_words,
)

if TYPE_CHECKING:
    from barraiser.content.schemas import LeadershipPrinciple
    from barraiser.grading.embeddings import CachedEncoder, Vectors
    from barraiser.grading.hooks import FeedbackHook, FollowUpHook
    from barraiser.grading.rubric import PreparedRubric
    from barraiser.grading.verifier import ClaimVerifier

#: Bump when scores of the same answer can change (scoring rules or the verifier model).
VERIFIER_GRADER_VERSION = "2.8.3"
#: A sentence this close to the question (cosine), and mostly its words, repeats it.
PROMPT_COPY_AT = 0.85
#: A sentence this close (cosine) to an earlier one of the same answer repeats it.
REPEAT_AT = 0.95


@dataclass(frozen=True)
class ScoringPolicy:
    """Which units go to the verifier, and how its verdicts become a score.

    The defaults were set on the "tune" half of the adversarial development set only
    (``benchmarks/verifier_scoring_sweep.py``); ``docs/grading.md`` reports both halves.
    """

    #: Per target, the closest sentences (by cosine) are verified ...
    top_sentences: int = 2
    #: ... and the window of two adjacent sentences when both are among this many closest.
    #: (2.8.0: 3 -> 2 and ``min_cosine`` 0.1 -> 0.3, a third fewer verifier pairs; on the tune
    #: half the figures also improved: far units mostly added false "states"/"contradicts".)
    window_from_top: int = 2
    #: Answers with at most this many sentences have every unit verified for every target
    #: (every unit at or above ``min_cosine``).
    check_all_up_to: int = 3
    #: Units less similar than this to a target (cosine) are not verified for it.
    min_cosine: float = 0.3
    #: A unit states a point from this probability on (the point is covered).
    states_at: float = 0.5
    #: A point is partly covered from this expected credit (states + mention credit) on.
    partly_at: float = 0.25
    #: What a mere mention earns, and the most a partly covered point earns.
    mention_credit: float = 0.25
    partly_cap: float = 0.5
    #: A stated point earns its full weight from this probability on (less below).
    full_credit_at: float = 0.85
    #: A contradiction this likely (and likelier than a statement) denies the point ...
    deny_at: float = 0.5
    #: ... and from this probability it is also shown as an error and costs points.
    flag_at: float = 0.95
    #: A rubric misconception is flagged when a unit states it this likely ...
    misconception_at: float = 0.8
    #: ... unless the verifier reads the same unit as stating the misconception's correction
    #: this likely (a sentence that refutes a misconception is about it too; 1.01: off).
    correction_veto_at: float = 0.5
    #: Each error keeps this share of the score, then costs this many points.
    error_factor: float = 0.85
    error_points: float = 6.0
    #: score = 100 x coverage ** curve (below 1: a few stated points already count).
    curve: float = 1.0
    #: A window is reported as one of its sentences when that sentence alone is about as sure.
    span_margin: float = 0.05
    #: A window cannot state what one of its own verified sentences contradicts this likely (and
    #: likelier than it states it): the window's "states" falls to its verified sentences' best
    #: (two sentences read together must not reverse what one of them says; 1.01: off) ...
    window_veto_at: float = 0.5
    #: With this on, only the window's second sentence can veto it (so a wrong claim corrected
    #: by the next sentence, "Some say X. That is wrong: ...", is still read as a whole); off
    #: did better on the tune half.
    window_veto_second_only: bool = False
    #: Rubrics derived from a reference answer (key points are its sentences): the score blends
    #: the verified coverage with the whole answer's cosine to the reference (0 at
    #: ``reference_cosine_zero``) and the share of the reference's content words it uses.
    #: Chosen on UNT assignments 1-3 only (``benchmarks/grading_agreement.py --tune``).
    reference_coverage_weight: float = 0.1
    reference_similarity_weight: float = 0.4
    reference_recall_weight: float = 0.5
    reference_cosine_zero: float = 0.1


DEFAULT_POLICY = ScoringPolicy()


@dataclass
class _Answer:
    text: str
    truncated: bool
    word_count: int
    sentences: list[Sentence]
    units: list[tuple[int, int]]
    #: The normalised mean of the sentence vectors (set when graded).
    mean_vector: np.ndarray | None = None

    def unit_text(self, unit: int) -> str:
        a, b = self.units[unit]
        return " ".join(self.text[self.sentences[a].start : self.sentences[b].end].split())

    def span(self, unit: int) -> tuple[int, int]:
        a, b = self.units[unit]
        return (self.sentences[a].start, self.sentences[b].end)


def _prepare(answer: str, max_words: int) -> _Answer:
    text, truncated = truncate_words(answer.strip(), max_words)
    sentences = split_sentences(text)
    units = [(i, i) for i in range(len(sentences))]
    units += [(i, i + 1) for i in range(len(sentences) - 1)]
    return _Answer(text, truncated, len(tokens(text)), sentences, units)


@dataclass
class _Target:
    """One thing checked against the answer: a key point or a misconception."""

    index: int  # position among the rubric's points or misconceptions
    kind: str  # "point" | "misconception"
    text: str
    rows: list[int]  # rows of the rubric's phrasing / misconception vectors


@dataclass
class _Judged:
    """The verifier's probabilities for every candidate unit of one target."""

    units: list[int]
    sims: np.ndarray  # the pre-filter's cosine of each unit
    probs: np.ndarray  # units x 4 (states, contradicts, mentions, unrelated)

    def top_similarity(self) -> float:
        return float(self.sims.max()) if len(self.sims) else 0.0

    def best(self, column: int) -> tuple[int, float]:
        if not self.units:
            return -1, 0.0
        i = int(np.argmax(self.probs[:, column]))
        return self.units[i], float(self.probs[i, column])


class VerifierGrader:
    """Grades answers by verifying their claims against each rubric target."""

    name = "verifier"

    def __init__(
        self,
        encoder: CachedEncoder,
        verifier: ClaimVerifier,
        *,
        max_words: int = ANSWER_MAX_WORDS,
        feedback: FeedbackHook | None = None,
        follow_ups: FollowUpHook | None = None,
        principles: Sequence[LeadershipPrinciple] = (),
        policy: ScoringPolicy = DEFAULT_POLICY,
    ) -> None:
        from barraiser.grading.hooks import rich_feedback, story_follow_up_hook

        self.policy = policy
        self._relation_cache: dict[tuple[tuple[str, ...], tuple[str, ...]], np.ndarray] = {}
        self.encoder = encoder
        self.verifier = verifier
        self.max_words = max_words
        self.principles = list(principles)
        self.feedback_hook = feedback or rich_feedback
        self.follow_up_hook = follow_ups or story_follow_up_hook(self.principles)
        self.version = VERIFIER_GRADER_VERSION

    @property
    def model(self) -> str:
        return f"{self.verifier.name} + {self.encoder.name}"

    def grade(self, answer: str, rubric: PreparedRubric) -> GradeResult:
        """Grade one answer."""
        return self.grade_many([(answer, rubric)])[0]

    def grade_many(self, items: Sequence[tuple[str, PreparedRubric]]) -> list[GradeResult]:
        """Grade many answers: one embedding batch and one verifier batch for all of them (and
        a small second verifier batch for the would-be misconception flags, see
        :meth:`_corrections`)."""
        answers = [_prepare(a, self.max_words) for a, _ in items]
        for _, rubric in items:
            rubric.embed(self.encoder, flipped=False)
        texts = [s.text for a in answers for s in a.sentences]
        vectors = self.encoder.encode(texts) if texts else None
        plans: list[tuple[list[_Target], list[tuple[list[int], np.ndarray]], set[int]]] = []
        pairs: list[tuple[str, str]] = []
        offset = 0
        for answer, (_, rubric) in zip(answers, items, strict=True):
            n = len(answer.sentences)
            unit_vectors = _unit_vectors(vectors, offset, n)
            if n:
                mean = unit_vectors[:n].mean(axis=0)
                answer.mean_vector = mean / max(float(np.linalg.norm(mean)), 1e-9)
            offset += n
            targets = _targets(rubric)
            copied = _copies(answer, unit_vectors, rubric)
            candidates = [
                _candidates(answer, unit_vectors, rubric, t, copied, self.policy) for t in targets
            ]
            plans.append((targets, candidates, copied))
            for target, (units, _sims) in zip(targets, candidates, strict=True):
                pairs.extend((target.text, answer.unit_text(u)) for u in units)
        probs = self.verifier.verify(pairs)
        judged_all: list[list[_Judged]] = []
        row = 0
        for answer, (_, candidates, _) in zip(answers, plans, strict=True):
            judged = []
            for units, sims in candidates:
                found = _Judged(units, sims, probs[row : row + len(units)].copy())
                _veto_windows(answer, found, self.policy)
                judged.append(found)
                row += len(units)
            judged_all.append(judged)
        corrections = self._corrections(
            answers, [r for _, r in items], [t for t, _, _ in plans], judged_all
        )
        return [
            self._score(answer, rubric, targets, judged, copied, corrected)
            for answer, (_, rubric), (targets, _, copied), judged, corrected in zip(
                answers, items, plans, judged_all, corrections, strict=True
            )
        ]

    def _corrections(
        self,
        answers: list[_Answer],
        rubrics: list[PreparedRubric],
        targets_all: list[list[_Target]],
        judged_all: list[list[_Judged]],
    ) -> list[set[int]]:
        """Per answer, the misconceptions whose would-be evidence states their correction.

        Only units about to be flagged are checked (one more verifier batch, usually a few
        pairs): the verifier reads (correction, unit) like any key point.
        """
        corrected: list[set[int]] = [set() for _ in answers]
        if self.policy.correction_veto_at > 1.0:
            return corrected
        keys: list[tuple[int, int]] = []
        pairs: list[tuple[str, str]] = []
        for i, (answer, rubric, targets, judged) in enumerate(
            zip(answers, rubrics, targets_all, judged_all, strict=True)
        ):
            for index, _found, unit, _p in _would_flag(targets, judged, self.policy):
                correction = rubric.misconceptions[index].correction
                if correction:
                    keys.append((i, index))
                    pairs.append((correction, answer.unit_text(unit)))
        if pairs:
            probs = self.verifier.verify(pairs)
            for (i, index), p_row in zip(keys, probs, strict=True):
                if float(p_row[0]) >= self.policy.correction_veto_at:
                    corrected[i].add(index)
        return corrected

    # -- scoring ----------------------------------------------------------------------------

    def _score(
        self,
        answer: _Answer,
        rubric: PreparedRubric,
        targets: list[_Target],
        judged: list[_Judged],
        copied: set[int],
        corrected: set[int],
    ) -> GradeResult:
        warnings: list[str] = []
        if answer.truncated:
            warnings.append(TRUNCATED_NOTE.format(max_words=self.max_words))
        if not answer.sentences:
            warnings.append("The answer is empty.")
        elif len(copied) == len(answer.sentences):
            warnings.append("The answer repeats the question instead of answering it.")
        points: list[KeyPointResult] = []
        contradictions: list[MisconceptionResult] = []
        for target, found in zip(targets, judged, strict=True):
            if target.kind != "point":
                continue
            point, contradiction = self._point(answer, rubric, target, found)
            points.append(point)
            if contradiction is not None:
                contradictions.append(contradiction)
        flags = self._misconceptions(answer, rubric, targets, judged, corrected)
        flagged_spans = {f.evidence_span for f in flags}
        for contradiction in contradictions:
            if contradiction.evidence_span not in flagged_spans:
                flags.append(contradiction)
                flagged_spans.add(contradiction.evidence_span)
        total = sum(p.weight for p in points) or 1.0
        coverage = sum(p.weight * p.credit for p in points) / total
        score = 100.0 * coverage**self.policy.curve
        if rubric.reference_vector is not None:
            score = 100.0 * self._reference_blend(answer, rubric, coverage)
        star: dict[str, Any] | None = None
        if rubric.kind == "behavioral":
            from barraiser.grading.behavioral import grade_story

            score, star, points = grade_story(
                answer.text, points, rubric, self.principles, self.encoder
            )
        for _ in flags:
            score = score * self.policy.error_factor - self.policy.error_points
        result = GradeResult(
            score=round(min(100.0, max(0.0, score)), 1),
            key_points=points,
            misconceptions=flags,
            warnings=warnings,
            word_count=answer.word_count,
            truncated=answer.truncated,
            question_id=rubric.question_id,
            model=self.model,
            grader="verifier",
            grader_version=self.version,
        )
        result.star = star
        result.follow_ups = self.follow_up_hook(result, rubric)
        result.feedback = self.feedback_hook(result, rubric)
        return result

    def _reference_blend(self, answer: _Answer, rubric: PreparedRubric, coverage: float) -> float:
        """Coverage blended with whole-answer similarity and recall of the reference's words.

        A short reference answer is one or two sentences: how close the whole answer is to it,
        and how many of its content words the answer uses, carry most of what a human grader
        checks; the verifier alone reads student answers on unfamiliar subjects poorly.
        """
        policy = self.policy
        assert rubric.reference_vector is not None
        similarity = 0.0
        if answer.mean_vector is not None:
            cosine = float(rubric.reference_vector[0] @ answer.mean_vector)
            zero = policy.reference_cosine_zero
            similarity = min(1.0, max(0.0, (cosine - zero) / (1.0 - zero)))
        reference_words = set(content_words(rubric.reference_answer))
        recall = len(reference_words & set(content_words(answer.text))) / max(
            1, len(reference_words)
        )
        return (
            policy.reference_coverage_weight * coverage
            + policy.reference_similarity_weight * similarity
            + policy.reference_recall_weight * recall
        )

    def _point(
        self, answer: _Answer, rubric: PreparedRubric, target: _Target, found: _Judged
    ) -> tuple[KeyPointResult, MisconceptionResult | None]:
        policy = self.policy
        spec = rubric.points[target.index]
        states_unit, states_p = found.best(0)
        contra_unit, contra_p = found.best(1)
        # Expected credit of each unit: a statement earns the point, a mention a little.
        credit_unit, credit = -1, 0.0
        if found.units:
            expected = found.probs[:, 0] + policy.mention_credit * found.probs[:, 2]
            i = int(np.argmax(expected))
            credit_unit, credit = found.units[i], float(min(1.0, expected[i]))
        status: Status = "missed"
        verdict: Verdict | None = None
        evidence_unit, column = -1, 0
        contradiction = None
        if contra_p >= policy.deny_at and states_p < policy.states_at:
            # A sentence says the opposite and none states the point better: nothing earned.
            credit, verdict, evidence_unit, column = 0.0, "contradicts", contra_unit, 1
        elif states_p >= policy.states_at:
            status, verdict, evidence_unit = "covered", "states", states_unit
            credit = min(1.0, max(credit, states_p) / policy.full_credit_at)
        elif credit >= policy.partly_at:
            status, evidence_unit = "partly", credit_unit
            row = found.units.index(credit_unit)
            states_more = found.probs[row, 0] >= found.probs[row, 2]
            verdict, column = ("states", 0) if states_more else ("mentions", 2)
            credit = min(credit, policy.partly_cap)
        else:
            credit = 0.0
        evidence = span = None
        confidence = similarity = None
        if evidence_unit >= 0:
            evidence_unit = self._shortest(answer, found, evidence_unit, column)
            evidence, span = answer.unit_text(evidence_unit), answer.span(evidence_unit)
            row = found.units.index(evidence_unit)
            confidence = round(float(found.probs[row, column]), 4)
            similarity = float(found.sims[row])
        if verdict == "contradicts" and contra_p >= policy.flag_at:
            assert evidence is not None
            contradiction = MisconceptionResult(
                id=spec.id,
                statement=f"Contradicts the key point: {spec.text}",
                correction=spec.text,
                evidence=evidence,
                evidence_span=span,
                similarity=round(similarity or 0.0, 4),
                kind="contradiction",
                confidence=confidence,
            )
        point = KeyPointResult(
            id=spec.id,
            text=spec.text,
            weight=spec.weight,
            status=status,
            similarity=round(max(0.0, similarity or found.top_similarity()), 4),
            credit=round(min(1.0, max(0.0, credit)), 4),
            evidence=evidence,
            evidence_span=span,
            verdict=verdict,
            confidence=confidence,
        )
        return point, contradiction

    def _shortest(self, answer: _Answer, found: _Judged, unit: int, column: int) -> int:
        """A window is reported as one of its sentences when that sentence alone is as sure."""
        a, b = answer.units[unit]
        if a == b:
            return unit
        value = float(found.probs[found.units.index(unit), column])
        best, best_value = unit, -1.0
        for single in (a, b):
            if single in found.units:
                p = float(found.probs[found.units.index(single), column])
                if p >= value - self.policy.span_margin and p > best_value:
                    best, best_value = single, p
        return best

    def _relations(self, rubric: PreparedRubric) -> np.ndarray:
        """How likely each key point contradicts each misconception (misconceptions x points)."""
        key = (
            tuple(m.statement for m in rubric.misconceptions),
            tuple(p.text for p in rubric.points),
        )
        cached = self._relation_cache.get(key)
        if cached is None:
            pairs = [(m, p) for m in key[0] for p in key[1]]
            probs = self.verifier.verify(pairs) if pairs else np.zeros((0, 4), dtype=np.float32)
            cached = probs[:, 1].reshape(len(key[0]), len(key[1]))
            if len(self._relation_cache) > 512:
                self._relation_cache.clear()
            self._relation_cache[key] = cached
        return cached

    def _misconceptions(
        self,
        answer: _Answer,
        rubric: PreparedRubric,
        targets: list[_Target],
        judged: list[_Judged],
        corrected: set[int],
    ) -> list[MisconceptionResult]:
        # Which key points each unit states: a unit that states a point the misconception
        # contradicts does not state the misconception (the verifier decides both).
        stated: dict[int, set[int]] = {}
        for target, found in zip(targets, judged, strict=True):
            if target.kind == "point":
                for row, unit in enumerate(found.units):
                    if found.probs[row, 0] >= self.policy.states_at:
                        stated.setdefault(unit, set()).add(target.index)
        relations = self._relations(rubric)
        flags = []
        for index, found, unit, p in _would_flag(targets, judged, self.policy):
            if index in corrected:
                continue
            if any(relations[index, k] >= 0.5 for k in stated.get(unit, ())):
                continue
            spec = rubric.misconceptions[index]
            shown = self._shortest(answer, found, unit, 0)
            flags.append(
                MisconceptionResult(
                    id=spec.id,
                    statement=spec.statement,
                    correction=spec.correction,
                    evidence=answer.unit_text(shown),
                    evidence_span=answer.span(shown),
                    similarity=0.0,
                    kind="misconception",
                    confidence=round(p, 4),
                )
            )
        return flags


def _unit_vectors(vectors: Vectors | None, offset: int, n: int) -> np.ndarray:
    if vectors is None or n == 0:
        return np.zeros((0, 1), dtype=np.float32)
    sentence_vectors = vectors[offset : offset + n]
    windows = sentence_vectors[:-1] + sentence_vectors[1:]
    norms = np.linalg.norm(windows, axis=1, keepdims=True)
    windows = windows / np.maximum(norms, 1e-9)
    return np.concatenate([sentence_vectors, windows], axis=0)


def _would_flag(
    targets: list[_Target], judged: list[_Judged], policy: ScoringPolicy
) -> list[tuple[int, _Judged, int, float]]:
    """(misconception index, its verdicts, unit, P) for each misconception a unit states at
    least ``misconception_at`` likely: the flags before the vetoes."""
    out = []
    for target, found in zip(targets, judged, strict=True):
        if target.kind == "misconception":
            unit, p = found.best(0)
            if unit >= 0 and p >= policy.misconception_at:
                out.append((target.index, found, unit, p))
    return out


def _veto_windows(answer: _Answer, found: _Judged, policy: ScoringPolicy) -> None:
    """A window whose own sentence contradicts the target does not state it (in place).

    The verifier reads two sentences together as one claim, and can read a reversed comparison
    in the second as support once the first has named the point; the sentence alone is the
    surer reading.  The window keeps its verified sentences' best "states", so a window joining
    a statement and a contradiction still earns what the stating sentence earns alone (when
    that sentence was verified for the target).
    """
    rows = {unit: row for row, unit in enumerate(found.units)}
    for row, unit in enumerate(found.units):
        a, b = answer.units[unit]
        if a == b:
            continue
        checked = (b,) if policy.window_veto_second_only else (a, b)
        denied = any(
            found.probs[rows[s], 1] >= policy.window_veto_at
            and found.probs[rows[s], 1] > found.probs[rows[s], 0]
            for s in checked
            if s in rows
        )
        if denied:
            best_part = max(float(found.probs[rows[s], 0]) for s in (a, b) if s in rows)
            found.probs[row, 0] = min(float(found.probs[row, 0]), best_part)


def _targets(rubric: PreparedRubric) -> list[_Target]:
    rows: dict[int, list[int]] = {}
    for r, owner in enumerate(rubric.phrasing_owner):
        rows.setdefault(owner, []).append(r)
    targets = [_Target(i, "point", p.text, rows.get(i, [])) for i, p in enumerate(rubric.points)]
    targets += [
        _Target(i, "misconception", m.statement, [i]) for i, m in enumerate(rubric.misconceptions)
    ]
    return targets


def _copies(answer: _Answer, unit_vectors: np.ndarray, rubric: PreparedRubric) -> set[int]:
    """Sentences that repeat the question back, or an earlier sentence of the answer (they earn
    nothing: repetition is padding, and a window of a sentence and its repeat must not read as
    a surer statement than the sentence alone)."""
    n = len(answer.sentences)
    if not n:
        return set()
    sentence_sims = unit_vectors[:n] @ unit_vectors[:n].T
    repeated = {i for i in range(1, n) if float(sentence_sims[i, :i].max()) >= REPEAT_AT}
    if rubric.prompt_vector is None or not len(rubric.prompt_vector):
        return repeated
    prompt_sims = unit_vectors[:n] @ rubric.prompt_vector[0]
    prompt_words = set(content_words(rubric.prompt))
    copied = set()
    for i in range(n):
        words = set(content_words(answer.sentences[i].text))
        overlap = len(words & prompt_words) / max(1, len(words))
        if prompt_sims[i] >= PROMPT_COPY_AT or (overlap >= 0.8 and prompt_sims[i] >= 0.6):
            copied.add(i)
    return copied | repeated


def _candidates(
    answer: _Answer,
    unit_vectors: np.ndarray,
    rubric: PreparedRubric,
    target: _Target,
    copied: set[int],
    policy: ScoringPolicy,
) -> tuple[list[int], np.ndarray]:
    """The units worth verifying for one target, with their cosine to it.

    Every unit of a short answer; else the closest sentences, and the window joining two of the
    closest when they are adjacent; in both cases only units at or above ``min_cosine`` (a cheap
    pre-filter: a sentence far from the target in meaning neither states nor contradicts it).
    """
    n = len(answer.sentences)
    if n == 0:
        return [], np.zeros(0, dtype=np.float32)
    if target.kind == "point":
        assert rubric.phrasing_vectors is not None
        matrix = rubric.phrasing_vectors[target.rows]
    else:
        assert rubric.misconception_vectors is not None
        matrix = rubric.misconception_vectors[target.rows]
    sims = (matrix @ unit_vectors.T).max(axis=0)
    usable = [
        u
        for u, (a, b) in enumerate(answer.units)
        if a not in copied and b not in copied and sims[u] >= policy.min_cosine
    ]
    if n > policy.check_all_up_to:
        ranked = sorted((u for u in usable if u < n), key=lambda u: -sims[u])
        near = set(ranked[: policy.window_from_top])
        chosen = ranked[: policy.top_sentences]
        chosen += [u for u in usable if u >= n and set(answer.units[u]) <= near]
        usable = sorted(set(chosen))
    return usable, sims[usable].astype(np.float32)
