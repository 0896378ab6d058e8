"""The embedding grader (baseline): cosine evidence per key point, polarity rules, honesty checks.

How a key point is judged.  Each answer sentence, and each window of two adjacent sentences, is
embedded; the point's similarity is the best cosine between any of its phrasings (its text and
its longer synonyms) and any unit.  A sentence whose negation does not match the phrasing's
(``not``/``never``/``n't`` ... counted to parity) is discounted, so "accuracy is enough" does
not cover "accuracy is not enough"; a negation of the sentence counts only when it governs a
word of the phrasing, so "it never gets a gradient again" denies nothing about batch norm.
Lexical evidence adds a bonus: a key term or synonym found as whole words and not negated just
before, more when the evidence unit itself names several.  The combined signal is mapped to
covered / partly / missed with thresholds, and to a continuous credit between them.

Calibration (documented in ``docs/grading.md``): the thresholds below were chosen on the shipped
calibration answers only (strong / partial / weak for each of 17 bank questions): the cosine of
key points to the sentences of strong answers that state them sits mostly in 0.55-0.8, to
unrelated sentences of the same topic in 0.2-0.45.  The UNT short-answer data set is used only
to measure agreement, never to tune.

Honesty checks keep gaming answers low: very short answers, answers that copy the question back,
keyword lists without explanation, and padded or repetitive answers are scaled down, and the
result says why in ``warnings``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from barraiser.grading.hooks import (
    FeedbackHook,
    FollowUpHook,
    rich_feedback,
    story_follow_up_hook,
)
from barraiser.grading.result import (
    GRADER_VERSION,
    GradeResult,
    KeyPointResult,
    MisconceptionResult,
    Status,
)
from barraiser.grading.rubric import PreparedRubric
from barraiser.grading.text import (
    ANSWER_MAX_WORDS,
    NEGATION_CUES,
    STOPWORDS,
    TRUNCATED_NOTE,
    Sentence,
    content_words,
    find_phrase,
    negated_at,
    negation_scopes,
    sentence_parity,
    split_sentences,
    statement_parity,
    tokens,
    truncate_words,
)

if TYPE_CHECKING:
    from barraiser.content.schemas import LeadershipPrinciple
    from barraiser.grading.embeddings import CachedEncoder, Vectors

#: Answers shorter than this many words cannot earn full marks (a real explanation needs words).
FULL_LENGTH_WORDS = 40

# Thresholds on the combined signal (cosine + lexical bonus), chosen on the calibration answers.
COVERED_AT = 0.62
PARTLY_AT = 0.48
ZERO_AT = 0.36
LEXICAL_BONUS = 0.08
# Each further distinct key term in the evidence unit itself adds this much (at most twice).
EXTRA_TERM_BONUS = 0.04
EXTRA_TERMS_MAX = 2
# A window is reported as one of its sentences when that sentence alone is this close.
SHORTEST_SPAN_MARGIN = 0.05
NEGATION_PENALTY = 0.35
PARITY_BAND = 0.05
FLIP_MARGIN = 0.0
# A misconception is flagged when a sentence states it this closely (and not negated).
MISCONCEPTION_AT = 0.62
MISCONCEPTION_MARGIN = 0.10
MISCONCEPTION_PENALTY = 12.0
# Rubrics derived from a reference answer: score = coverage, whole-answer cosine to the
# reference (0 at REF_COSINE_ZERO) and reference content-word recall, weighted.  Chosen on UNT
# short-answer assignments 1-3 only; assignments 4-6 are the held-out report.
REF_COVERAGE_WEIGHT = 0.2
REF_COSINE_WEIGHT = 0.6
REF_RECALL_WEIGHT = 0.2
REF_COSINE_ZERO = 0.1
# With a reference answer, an answer shorter than this share of it (and than the minimum)
# is scaled down as too short.
DERIVED_LENGTH_SHARE = 0.5
DERIVED_MIN_WORDS = 4
# A sentence echoing the question still counts when a key point is this much closer than the
# question is.
COPY_POINT_MARGIN = 0.05
# A sentence this close to the question is a copy of it and earns nothing.
PROMPT_COPY_AT = 0.85


@dataclass
class _Answer:
    text: str
    truncated: bool
    word_count: int
    sentences: list[Sentence]
    units: list[tuple[int, int]]  # (first sentence, last sentence) of each unit
    unit_texts: list[str]


def _parity(text: str) -> int:
    toks = tokens(text)
    return sum(1 for t in toks if t in NEGATION_CUES or t.endswith("n't")) % 2


def _prepare_answer(answer: str, max_words: int) -> _Answer:
    text, truncated = truncate_words(answer.strip(), max_words)
    sentences = split_sentences(text)
    units: list[tuple[int, int]] = [(i, i) for i in range(len(sentences))]
    units += [(i, i + 1) for i in range(len(sentences) - 1)]
    unit_texts = [
        sentences[a].text if a == b else f"{sentences[a].text} {sentences[b].text}"
        for a, b in units
    ]
    return _Answer(text, truncated, len(tokens(text)), sentences, units, unit_texts)


def _is_keyword_list(sentence: str) -> bool:
    """A 'sentence' that is a bare list of terms: few function words, or comma-separated stubs."""
    toks = tokens(sentence)
    if not toks:
        return True
    function_share = sum(1 for t in toks if t in STOPWORDS) / len(toks)
    pieces = [p for p in sentence.replace(";", ",").split(",") if p.strip()]
    short_pieces = len(pieces) >= 3 and all(len(tokens(p)) <= 3 for p in pieces)
    return short_pieces or (len(toks) >= 3 and function_share < 0.12)


def _lexical_hits(point_terms: list[str], answer_tokens: list[str]) -> list[str]:
    hits = []
    for term in point_terms:
        positions = find_phrase(term, answer_tokens)
        if any(not negated_at(answer_tokens, p) for p in positions) and _parity(term) == 0:
            hits.append(term)
        elif positions and _parity(term) == 1:
            hits.append(term)  # the term itself is negative ("do not drop both")
    return hits


def _local_bonus(found: set[str], terms: list[str]) -> float:
    """Lexical bonus of one unit: the key terms of the point it names itself."""
    count = sum(1 for t in terms if t in found)
    if count == 0:
        return 0.0
    return LEXICAL_BONUS + EXTRA_TERM_BONUS * min(EXTRA_TERMS_MAX, count - 1)


class EmbeddingGrader:
    """The 1.x grader: cosine of sentence embeddings, polarity rules, honesty checks.

    The default (``BARRAISER_GRADER=embedding``) until the claim verifier grader
    (:class:`~barraiser.grading.verifier_grader.VerifierGrader`) meets its targets, and the
    baseline every grading benchmark prints beside it.
    """

    name = "embedding"
    version = GRADER_VERSION

    def __init__(
        self,
        encoder: CachedEncoder,
        *,
        max_words: int = ANSWER_MAX_WORDS,
        feedback: FeedbackHook | None = None,
        follow_ups: FollowUpHook | None = None,
        principles: Sequence[LeadershipPrinciple] = (),
    ) -> None:
        self.encoder = encoder
        self.max_words = max_words
        self.principles = list(principles)
        self.feedback_hook = feedback or rich_feedback
        self.follow_up_hook = follow_ups or story_follow_up_hook(self.principles)

    @property
    def model(self) -> str:
        return self.encoder.name

    def grade(self, answer: str, rubric: PreparedRubric) -> GradeResult:
        """Grade one answer."""
        return self.grade_many([(answer, rubric)])[0]

    def grade_many(self, items: Sequence[tuple[str, PreparedRubric]]) -> list[GradeResult]:
        """Grade many answers, embedding all their sentences in one batch."""
        prepared = [_prepare_answer(a, self.max_words) for a, _ in items]
        for _, rubric in items:
            rubric.embed(self.encoder)
        # Only sentences go through the model; a window of two adjacent sentences is the
        # normalised mean of their vectors (about half the encoding time, same ranking).
        all_texts = [s.text for p in prepared for s in p.sentences]
        vectors = self.encoder.encode(all_texts) if all_texts else None
        results = []
        offset = 0
        for answer, (_, rubric) in zip(prepared, items, strict=True):
            count = len(answer.sentences)
            if vectors is None or count == 0:
                units = np.zeros((0, 1), dtype=np.float32)
            else:
                sentence_vectors = vectors[offset : offset + count]
                windows = sentence_vectors[:-1] + sentence_vectors[1:]
                norms = np.linalg.norm(windows, axis=1, keepdims=True)
                windows = windows / np.maximum(norms, 1e-9)
                units = np.concatenate([sentence_vectors, windows], axis=0)
            results.append(self._score(answer, units, rubric))
            offset += count
        return results

    # -- scoring ----------------------------------------------------------------------------

    def _score(self, answer: _Answer, unit_vectors: Vectors, rubric: PreparedRubric) -> GradeResult:
        warnings: list[str] = []
        if answer.truncated:
            warnings.append(TRUNCATED_NOTE.format(max_words=self.max_words))
        n_sentences = len(answer.sentences)
        if n_sentences == 0:
            return self._finish(
                answer, rubric, _missed_points(rubric), [], 0.0, ["The answer is empty."]
            )

        assert rubric.phrasing_vectors is not None
        sims = rubric.phrasing_vectors @ unit_vectors.T  # phrasings x units
        assert rubric.flipped_vectors is not None
        # A unit closer to the point's opposite ("is" <-> "is not") than to the point denies it.
        # The model hears negation only faintly, so when both readings are about as close, the
        # count of negation words (to parity) decides.
        flipped_sims = rubric.flipped_vectors @ unit_vectors.T
        phr_info = [(negation_scopes(t), set(content_words(t))) for t in rubric.phrasing_texts]
        unit_info = [(negation_scopes(t), set(content_words(t))) for t in answer.unit_texts]
        mismatch = np.array(
            [
                [
                    statement_parity(p_scopes, u_words) != sentence_parity(u_scopes, p_words)
                    for u_scopes, u_words in unit_info
                ]
                for p_scopes, p_words in phr_info
            ],
            dtype=bool,
        ).reshape(len(phr_info), len(unit_info))
        denies = (flipped_sims > sims + FLIP_MARGIN) | (
            mismatch & (flipped_sims > sims - PARITY_BAND)
        )
        no_flip = ~rubric.flipped_vectors.any(axis=1)
        denies[no_flip] = mismatch[no_flip]

        # Sentences that copy the question back earn nothing.
        usable = np.ones(len(answer.units), dtype=bool)
        copied = set()
        if rubric.prompt_vector is not None and len(rubric.prompt_vector):
            prompt_sims = unit_vectors[:n_sentences] @ rubric.prompt_vector[0]
            # A sentence that restates the question but is closer still to a key point adds
            # something ("A prototype simulates parts of the product" for "what is a prototype").
            point_best = sims[:, :n_sentences].max(axis=0)
            prompt_words = set(content_words(rubric.prompt))
            for i in range(n_sentences):
                words = set(content_words(answer.sentences[i].text))
                overlap = len(words & prompt_words) / max(1, len(words))
                echoes = prompt_sims[i] >= PROMPT_COPY_AT or (
                    overlap >= 0.8 and prompt_sims[i] >= 0.6
                )
                if echoes and point_best[i] < prompt_sims[i] + COPY_POINT_MARGIN:
                    copied.add(i)
            for u, (a, b) in enumerate(answer.units):
                if a in copied or b in copied:
                    usable[u] = False
            if len(copied) == n_sentences:
                warnings.append("The answer repeats the question instead of answering it.")

        keyword_sentences = {
            i for i, s in enumerate(answer.sentences) if _is_keyword_list(s.text)
        } - copied
        answer_tokens = tokens(
            " ".join(answer.sentences[i].text for i in range(n_sentences) if i not in copied)
        )

        all_terms = sorted({t for p in rubric.points if not p.derived for t in p.terms})
        owner_rows: dict[int, list[int]] = {}
        for r, owner in enumerate(rubric.phrasing_owner):
            owner_rows.setdefault(owner, []).append(r)
        is_window = np.array([a != b for a, b in answer.units])
        sentence_hits = [
            set(_lexical_hits(all_terms, tokens(answer.sentences[i].text)))
            if i not in copied
            else set()
            for i in range(n_sentences)
        ]
        unit_hits = [sentence_hits[a] | sentence_hits[b] for a, b in answer.units]
        # A sentence that states a misconception earns no key point (it says something wrong),
        # nor does a window containing it (1.3.0); the answer's other sentences still can.
        misconceptions = self._misconceptions(answer, unit_vectors, rubric, copied)
        wrong = {
            i
            for m in misconceptions
            for i, s in enumerate(answer.sentences)
            if (s.start, s.end) == m.evidence_span
        }
        earns = usable & np.array([a not in wrong and b not in wrong for a, b in answer.units])
        # A window must beat its sentences clearly; denied or unusable units rank last.
        value_matrix = sims - NEGATION_PENALTY * denies - 0.03 * is_window[None, :]
        value_matrix = np.where(earns[None, :], value_matrix, -1.0)
        points: list[KeyPointResult] = []
        for index, point in enumerate(rubric.points):
            rows = owner_rows[index]
            values = value_matrix[rows]
            best_value, best_unit, best_sim = -1.0, -1, 0.0
            hits = _lexical_hits(point.terms, answer_tokens) if point.terms else []
            lexical = np.zeros(len(answer.units))
            if values.size and usable.any():
                unit_values = values.max(axis=0)
                if hits and not point.derived:
                    # Several key terms in one unit ("He init ... batch norm ... Leaky ReLU")
                    # are stronger evidence than one term anywhere.
                    # A term named anywhere in the answer still earns the plain bonus.
                    lexical = np.array(
                        [_local_bonus(unit_hits[u], point.terms) for u in range(len(answer.units))]
                    )
                    lexical = np.maximum(lexical, LEXICAL_BONUS)
                # The evidence unit is chosen on meaning alone (choosing it by its key terms
                # too was tried and hurt calibration); its own terms then add to the signal.
                best_unit = int(np.argmax(unit_values))
                if unit_values[best_unit] < -0.5:
                    best_unit = -1
                else:
                    best_value = float(unit_values[best_unit])
                    best_row = rows[int(np.argmax(values[:, best_unit]))]
                    best_sim = float(sims[best_row, best_unit])
            if point.derived:
                # Derived points have no synonyms: use content-word recall as the lexical signal.
                words = set(content_words(point.text))
                present = words & {w for w in content_words(" ".join(answer_tokens))}
                recall = len(present) / max(1, len(words))
                signal = best_value + LEXICAL_BONUS * 2 * recall
                hits = sorted(present)
            else:
                signal = best_value + (float(lexical[best_unit]) if best_unit >= 0 else 0.0)
            status: Status
            if signal >= COVERED_AT:
                status = "covered"
            elif signal >= PARTLY_AT:
                status = "partly"
            else:
                status = "missed"
            credit = min(1.0, max(0.0, (signal - ZERO_AT) / (COVERED_AT - ZERO_AT)))
            if status == "covered" and best_unit >= n_sentences:
                # Evidence is the shortest span that earns the status: a window is reported as
                # its better sentence when that sentence covers the point on its own and says
                # about as much (a window that joins two halves of the point stays).
                a, b = answer.units[best_unit]
                window_value = float(values[:, best_unit].max()) + float(lexical[best_unit])
                for single in (a, b):
                    single_value = float(values[:, single].max()) + float(lexical[single])
                    if (
                        earns[single]
                        and single_value >= COVERED_AT
                        and single_value >= window_value - SHORTEST_SPAN_MARGIN
                    ):
                        best_unit = single
                        best_sim = float(sims[rows[int(np.argmax(values[:, single]))], single])
                        break
            evidence = span = None
            if best_unit >= 0 and status != "missed":
                a, b = answer.units[best_unit]
                evidence = " ".join(
                    answer.text[answer.sentences[a].start : answer.sentences[b].end].split()
                )
                span = (answer.sentences[a].start, answer.sentences[b].end)
                if a == b and a in keyword_sentences:
                    credit = min(credit, 0.4)
                    if status == "covered":
                        status = "partly"
            points.append(
                KeyPointResult(
                    id=point.id,
                    text=point.text,
                    weight=point.weight,
                    status=status,
                    similarity=round(max(0.0, best_sim), 4),
                    credit=round(credit, 4),
                    evidence=evidence,
                    evidence_span=span,
                    matched_terms=hits,
                )
            )

        raw = sum(p.weight * p.credit for p in points) / max(1e-9, rubric.total_weight)
        score = 100.0 * raw
        if rubric.reference_vector is not None:
            score = 100.0 * self._reference_blend(raw, answer, unit_vectors, rubric, copied)
        star: dict[str, Any] | None = None
        if rubric.kind == "behavioral":
            # A story is judged on its content (rubric coverage) and on how it is told (STAR).
            from barraiser.grading.behavioral import grade_story

            score, star, points = grade_story(
                answer.text, points, rubric, self.principles, self.encoder
            )

        # Honesty: length, keyword lists, focus (padding) and repetition.
        n_words = answer.word_count
        full_length = FULL_LENGTH_WORDS
        if rubric.kind == "behavioral":
            # A story's length is advice (the STAR analysis says it), never a multiplier.
            full_length = 0
        elif rubric.points and rubric.points[0].derived:
            # A one-line reference answer expects a one-line answer.
            reference_words = len(tokens(rubric.reference_answer))
            full_length = min(
                full_length, max(DERIVED_MIN_WORDS, int(DERIVED_LENGTH_SHARE * reference_words))
            )
        if n_words < full_length:
            factor = math.sqrt(n_words / full_length)
            score *= factor
            warnings.append(f"The answer has {n_words} words: too short to explain the key points.")
        kw_words = sum(len(tokens(answer.sentences[i].text)) for i in keyword_sentences)
        if n_words and kw_words / n_words > 0.5:
            score *= 0.5
            warnings.append("Most of the answer lists terms without explaining them.")
        relevant = self._relevant_share(sims, answer, usable, n_sentences)
        # Stories set a scene before the point: no padding check for behavioural answers.
        if n_sentences >= 4 and relevant < 0.5 and rubric.kind != "behavioral":
            score *= 0.5 + relevant
            warnings.append(
                f"Only {round(100 * relevant)}% of the sentences address the question: "
                "cut the padding."
            )
        cwords = content_words(answer.text)
        if len(cwords) >= 30:
            diversity = len(set(cwords)) / len(cwords)
            if diversity < 0.35:
                score *= diversity / 0.35
                warnings.append("The answer repeats itself.")
        # Only points credited from a sentence: those judged from the whole story (first person,
        # a number in the result ...) have no evidence sentence and are not "one sentence".
        spans = [
            p.evidence_span for p in points if p.status == "covered" and p.evidence_span is not None
        ]
        if len(spans) >= 4 and len(set(spans)) == 1:
            score *= 0.7
            warnings.append("One sentence claims most key points: explain each of them.")
        if misconceptions:
            score -= min(2.5, len(misconceptions)) * MISCONCEPTION_PENALTY
        return self._finish(answer, rubric, points, misconceptions, score, warnings, star)

    def _reference_blend(
        self,
        coverage: float,
        answer: _Answer,
        unit_vectors: Vectors,
        rubric: PreparedRubric,
        copied: set[int],
    ) -> float:
        """A rubric derived from a reference answer: blend coverage with whole-answer signals.

        Derived key points are whole reference sentences, so the similarity of the whole answer
        to the whole reference, and the share of the reference's content words the answer uses,
        carry most of the information.  Weights chosen on UNT assignments 1-3 (docs/grading.md).
        """
        assert rubric.reference_vector is not None
        keep = [i for i in range(len(answer.sentences)) if i not in copied]
        if not keep:
            return 0.0
        mean = unit_vectors[keep].mean(axis=0)
        mean = mean / max(float(np.linalg.norm(mean)), 1e-9)
        cosine = float(rubric.reference_vector[0] @ mean)
        similarity = min(1.0, max(0.0, (cosine - REF_COSINE_ZERO) / (1.0 - REF_COSINE_ZERO)))
        reference_words = set(content_words(rubric.reference_answer))
        answer_words = set(content_words(" ".join(answer.sentences[i].text for i in keep)))
        recall = len(reference_words & answer_words) / max(1, len(reference_words))
        return (
            REF_COVERAGE_WEIGHT * coverage
            + REF_COSINE_WEIGHT * similarity
            + REF_RECALL_WEIGHT * recall
        )

    def _relevant_share(
        self, sims: Vectors, answer: _Answer, usable: np.ndarray, n_sentences: int
    ) -> float:
        if n_sentences == 0:
            return 0.0
        single = sims[:, :n_sentences].max(axis=0)
        relevant = sum(1 for i in range(n_sentences) if usable[i] and single[i] >= ZERO_AT + 0.04)
        return relevant / n_sentences

    def _misconceptions(
        self, answer: _Answer, unit_vectors: Vectors, rubric: PreparedRubric, copied: set[int]
    ) -> list[MisconceptionResult]:
        if not rubric.misconceptions or rubric.misconception_vectors is None:
            return []
        n = len(answer.sentences)
        assert rubric.phrasing_vectors is not None
        sims = rubric.misconception_vectors @ unit_vectors[:n].T
        point_sims = (rubric.phrasing_vectors @ unit_vectors[:n].T).max(axis=0)
        found = []
        prompt_words = set(content_words(rubric.prompt))
        for m, spec in enumerate(rubric.misconceptions):
            # The sentence must share a word of the mistake that the question does not already
            # contain: "Adam is an adaptive optimiser" is close to every claim about Adam.
            distinctive = set(content_words(spec.statement)) - prompt_words
            order = np.argsort(-sims[m])
            for i in order[:2]:
                i = int(i)
                sim = float(sims[m, i])
                if sim < MISCONCEPTION_AT or i in copied:
                    continue
                sentence = answer.sentences[i]
                if distinctive and not distinctive & set(content_words(sentence.text)):
                    continue
                # Any negation in the sentence blocks a flag (a false flag costs more than a
                # missed one, and "it can't extrapolate" denies the mistake in other words).
                if _parity(sentence.text) != _parity(spec.statement):
                    continue  # the sentence denies the misconception
                if point_sims[i] > sim - MISCONCEPTION_MARGIN:
                    continue  # closer to a correct key point than to the mistake
                found.append(
                    MisconceptionResult(
                        id=spec.id,
                        statement=spec.statement,
                        correction=spec.correction,
                        evidence=" ".join(sentence.text.split()),
                        evidence_span=(sentence.start, sentence.end),
                        similarity=round(sim, 4),
                    )
                )
                break
        return found

    def _finish(
        self,
        answer: _Answer,
        rubric: PreparedRubric,
        points: list[KeyPointResult],
        misconceptions: list[MisconceptionResult],
        score: float,
        warnings: list[str],
        star: dict[str, Any] | None = None,
    ) -> GradeResult:
        result = GradeResult(
            score=round(min(100.0, max(0.0, score)), 1),
            key_points=points,
            misconceptions=misconceptions,
            warnings=warnings,
            word_count=answer.word_count,
            truncated=answer.truncated,
            question_id=rubric.question_id,
            model=self.encoder.name,
            grader="embedding",
            grader_version=GRADER_VERSION,
        )
        if star is None and rubric.kind == "behavioral":
            from barraiser.grading.behavioral import analyze_behavioral

            star = analyze_behavioral(answer.text, self.principles, self.encoder).model_dump(
                mode="json"
            )
        result.star = star
        result.follow_ups = self.follow_up_hook(result, rubric)
        result.feedback = self.feedback_hook(result, rubric)
        return result


def _missed_points(rubric: PreparedRubric) -> list[KeyPointResult]:
    return [
        KeyPointResult(
            id=p.id, text=p.text, weight=p.weight, status="missed", similarity=0.0, credit=0.0
        )
        for p in rubric.points
    ]
