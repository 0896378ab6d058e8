"""Rubrics ready for grading: key points with their phrasings, terms and cached embeddings.

A rubric comes from a bank question (weighted key points, synonyms, misconceptions), from a
YAML file, or from only a question and a reference answer: then the key points are derived from
the reference's most informative sentences, with equal weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from barraiser.grading.text import content_words, flip_polarity, split_sentences, tokens

if TYPE_CHECKING:
    from barraiser.content.schemas import Question, Rubric
    from barraiser.grading.embeddings import CachedEncoder, Vectors

#: Most key points derived from a reference answer.
MAX_DERIVED_POINTS = 6


class RubricError(ValueError):
    """A rubric file or ad-hoc question cannot be used for grading."""


@dataclass
class PointSpec:
    """One key point: the statement, the phrasings that express it and its key terms."""

    id: str
    text: str
    weight: float
    phrasings: list[str]
    terms: list[str]
    derived: bool = False
    #: A behavioural point judged by the story analysis (see ``KeyPoint.signal``).
    signal: str | None = None


@dataclass
class MisconceptionSpec:
    id: str
    statement: str
    correction: str


@dataclass
class FollowUpSpec:
    question: str
    probes: list[str]


@dataclass
class PreparedRubric:
    """Everything the grader needs about one question, embeddings included once computed."""

    question_id: str | None
    prompt: str
    points: list[PointSpec]
    misconceptions: list[MisconceptionSpec] = field(default_factory=list)
    follow_ups: list[FollowUpSpec] = field(default_factory=list)
    kind: str = "concept"
    reference_answer: str = ""
    #: The bank question (and its schema rubric) when graded from the bank.
    question: Question | None = None
    # Filled by embed(): one matrix of all phrasings, with the owning point of each row.
    phrasing_vectors: Vectors | None = None
    phrasing_owner: list[int] = field(default_factory=list)
    phrasing_texts: list[str] = field(default_factory=list)
    # The same phrasings with their polarity flipped (None rows are zero vectors).
    flipped_vectors: Vectors | None = None
    misconception_vectors: Vectors | None = None
    prompt_vector: Vectors | None = None
    #: The whole reference answer (only for rubrics derived from it; blended into the score).
    reference_vector: Vectors | None = None
    #: A draft question without a rubric: nothing to score against (see ``grading.draft``).
    draft: bool = False

    def embed(self, encoder: CachedEncoder, *, flipped: bool = True) -> PreparedRubric:
        """Compute (or fetch from the encoder's cache) the rubric's embeddings; idempotent.

        ``flipped=False`` leaves out the polarity-flipped phrasings, which only the embedding
        grader reads (the verifier grader asks for them never; a later call with
        ``flipped=True`` adds them).
        """
        if self.phrasing_vectors is not None:
            if flipped and self.flipped_vectors is None:
                self._embed_flipped(encoder)
            return self
        texts: list[str] = []
        owner: list[int] = []
        for index, point in enumerate(self.points):
            for phrasing in point.phrasings:
                texts.append(phrasing)
                owner.append(index)
        extra = [m.statement for m in self.misconceptions]
        prompt = [self.prompt] if self.prompt else []
        flips = [flip_polarity(t) for t in texts] if flipped else []
        flipped_texts = [f for f in flips if f is not None]
        derived = bool(self.points) and self.points[0].derived and bool(self.reference_answer)
        reference = [self.reference_answer] if derived else []
        vectors = encoder.encode_cached(texts + extra + prompt + flipped_texts + reference)
        # Everything is set before ``phrasing_vectors``, the field that says "embedded": a thread
        # grading the same (cached) rubric at the same time sees either nothing or everything.
        if reference:
            self.reference_vector = vectors[-1:]
            vectors = vectors[:-1]
        if flipped:
            self._set_flipped(flips, vectors[len(texts) + len(extra) + len(prompt) :], len(texts))
        self.phrasing_owner = owner
        self.phrasing_texts = texts
        self.misconception_vectors = vectors[len(texts) : len(texts) + len(extra)]
        self.prompt_vector = (
            vectors[len(texts) + len(extra) : len(texts) + len(extra) + 1] if prompt else None
        )
        self.phrasing_vectors = vectors[: len(texts)]
        return self

    def _embed_flipped(self, encoder: CachedEncoder) -> None:
        flips = [flip_polarity(t) for t in self.phrasing_texts]
        block = encoder.encode_cached([f for f in flips if f is not None])
        self._set_flipped(flips, block, len(flips))

    def _set_flipped(self, flips: list[str | None], block: Vectors, rows: int) -> None:
        """Row i: the vector of phrasing i with its polarity flipped, zeros when it has none
        (filled aside, then set at once: a concurrent reader never sees a half-filled matrix)."""
        matrix = np.zeros((rows, block.shape[1]), dtype=np.float32)
        row = 0
        for i, f in enumerate(flips):
            if f is not None:
                matrix[i] = block[row]
                row += 1
        self.flipped_vectors = matrix

    @property
    def total_weight(self) -> float:
        return sum(p.weight for p in self.points)


def _semantic_phrasings(text: str, synonyms: list[str]) -> list[str]:
    # Short synonyms ("AUC", "MDI") are matched as words; a cosine between a two-word term and a
    # whole sentence says little.  Longer synonyms are real alternative phrasings.
    return [text] + [s for s in synonyms if len(tokens(s)) >= 3]


def from_rubric(
    rubric: Rubric,
    *,
    prompt: str = "",
    question_id: str | None = None,
    kind: str = "concept",
    reference_answer: str = "",
) -> PreparedRubric:
    """Prepare a schema :class:`~barraiser.content.schemas.Rubric` for grading."""
    points = [
        PointSpec(
            id=kp.id,
            text=kp.text,
            weight=kp.weight,
            phrasings=_semantic_phrasings(kp.text, list(kp.synonyms)),
            terms=list(kp.synonyms),
            signal=kp.signal,
        )
        for kp in rubric.key_points
    ]
    return PreparedRubric(
        question_id=question_id,
        prompt=prompt,
        points=points,
        misconceptions=[
            MisconceptionSpec(m.id, m.statement, m.correction) for m in rubric.misconceptions
        ],
        follow_ups=[FollowUpSpec(f.question, list(f.probes)) for f in rubric.follow_ups],
        kind=kind,
        reference_answer=reference_answer,
    )


def from_question(question: Question) -> PreparedRubric:
    """Prepare a bank question: its rubric, or its model answer when it has no rubric.

    A draft without a rubric has no key points: ``draft`` is set, and graders are not asked to
    score it (:func:`barraiser.grading.draft.draft_result` answers instead).
    """
    if not question.has_rubric_to_score:
        return PreparedRubric(
            question_id=question.id,
            prompt=question.prompt,
            points=[],
            kind=question.kind,
            question=question,
            draft=True,
        )
    if question.rubric is not None:
        prepared = from_rubric(
            question.rubric,
            prompt=question.prompt,
            question_id=question.id,
            kind=question.kind,
            reference_answer=question.model_answer,
        )
        prepared.question = question
        return prepared
    prepared = from_reference(question.prompt, question.model_answer, question_id=question.id)
    prepared.kind = question.kind
    prepared.question = question
    return prepared


def _informative(sentence: str) -> int:
    return len(set(content_words(sentence)))


def from_reference(
    question: str, reference_answer: str, *, question_id: str | None = None
) -> PreparedRubric:
    """Derive key points from a reference answer: its most informative sentences, equal weights.

    Short references (one or two sentences, typical of short-answer tests) keep every
    sentence; longer ones keep up to :data:`MAX_DERIVED_POINTS` sentences with the most distinct
    content words, in their original order.  Each point's key terms are its content words.
    """
    reference = reference_answer.strip()
    if not reference:
        raise RubricError("the reference answer is empty: give the answer a grader would accept.")
    sentences = [s.text for s in split_sentences(reference)]
    sentences = [s for s in sentences if _informative(s) >= 2] or [reference]
    if len(sentences) > MAX_DERIVED_POINTS:
        ranked = sorted(range(len(sentences)), key=lambda i: -_informative(sentences[i]))
        keep = sorted(ranked[:MAX_DERIVED_POINTS])
        sentences = [sentences[i] for i in keep]
    points = [
        PointSpec(
            id=f"ref-{i + 1}",
            text=s,
            weight=1.0,
            phrasings=[s],
            terms=[],
            derived=True,
        )
        for i, s in enumerate(sentences)
    ]
    return PreparedRubric(
        question_id=question_id,
        prompt=question.strip(),
        points=points,
        reference_answer=reference,
    )


def load_rubric_file(path: Path) -> PreparedRubric:
    """Read a rubric YAML file: a whole question, a ``rubric`` mapping, or question + reference.

    Accepted shapes: a bank question file; ``{question|prompt, rubric: {key_points...}}``;
    ``{key_points: [...], ...}``; or ``{question, reference_answer}``.
    """
    import yaml
    from pydantic import ValidationError

    from barraiser.content.schemas import Question, Rubric

    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RubricError(f"cannot read {path}: {exc.strerror or exc}.") from exc
    except yaml.YAMLError as exc:
        raise RubricError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RubricError(f"{path} must hold a mapping (question, reference_answer, rubric).")
    try:
        if "kind" in data and "id" in data and "model_answer" in data:
            return from_question(Question.model_validate(data))
        prompt = str(data.get("question") or data.get("prompt") or "")
        reference = str(data.get("reference_answer") or data.get("model_answer") or "")
        rubric_data = data.get("rubric")
        if rubric_data is None and "key_points" in data:
            rubric_data = {
                k: data[k] for k in ("key_points", "misconceptions", "follow_ups") if k in data
            }
        if rubric_data is not None:
            return from_rubric(
                Rubric.model_validate(rubric_data),
                prompt=prompt,
                question_id=data.get("id"),
                reference_answer=reference,
            )
        if reference:
            return from_reference(prompt, reference, question_id=data.get("id"))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise RubricError(f"{path} is not a valid rubric ({problems}).") from exc
    raise RubricError(
        f"{path} has neither a rubric (key_points) nor a reference_answer: add one of them."
    )


def stack(vectors: list[Vectors]) -> Vectors:
    """Stack row blocks (helper for batch grading)."""
    return np.concatenate(vectors, axis=0) if vectors else np.zeros((0, 0), dtype=np.float32)
