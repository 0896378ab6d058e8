"""One grader interface, three graders, and the process-wide grader chosen in the settings.

- ``verifier``: claims checked by the trained claim verifier, not yet the default
  (:class:`~barraiser.grading.verifier_grader.VerifierGrader`);
- ``embedding`` (default): the 1.x cosine grader, also the benchmarks' baseline
  (:class:`~barraiser.grading.embedding_grader.EmbeddingGrader`);
- ``llm``: an OpenAI-compatible LLM judge (:class:`~barraiser.grading.llm.LLMGrader`).

Callers (web, CLI, the loop engine) ask :func:`get_grader` for the configured grader and get a
typed :class:`~barraiser.grading.result.GradeResult`; none of them builds a grader itself.
Every result records which grader and version produced it (``grader``, ``grader_version``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from barraiser.grading.embeddings import GradingUnavailable
from barraiser.grading.result import GradeResult

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.content.schemas import LeadershipPrinciple
    from barraiser.grading.rubric import PreparedRubric

#: The graders ``BARRAISER_GRADER`` may choose.
GRADER_NAMES: tuple[str, ...] = ("verifier", "embedding", "llm")


@runtime_checkable
class Grader(Protocol):
    """Grades free-text answers against prepared rubrics."""

    #: ``verifier``, ``embedding`` or ``llm``.
    name: str
    #: Bumped whenever the same answer can get a different score.
    version: str

    @property
    def model(self) -> str:
        """The model(s) behind the grades, as recorded in each result."""
        ...

    def grade(self, answer: str, rubric: PreparedRubric) -> GradeResult:
        """Grade one answer."""
        ...

    def grade_many(self, items: Sequence[tuple[str, PreparedRubric]]) -> list[GradeResult]:
        """Grade many answers (batched where the grader can)."""
        ...


def build_grader(settings: Settings, principles: Sequence[LeadershipPrinciple] = ()) -> Grader:
    """A new grader of the kind the settings choose (loads its models)."""
    name = settings.grader
    if name == "embedding":
        from barraiser.grading.embedding_grader import EmbeddingGrader
        from barraiser.grading.embeddings import get_backend

        return EmbeddingGrader(get_backend(settings), principles=principles)
    if name == "llm":
        from barraiser.grading.llm import LLMConfigError, LLMGrader, config_from_settings

        try:
            config = config_from_settings(settings)
        except LLMConfigError as exc:
            raise GradingUnavailable(str(exc)) from None
        if config is None:
            raise GradingUnavailable(
                "BARRAISER_GRADER=llm needs an LLM endpoint: set BARRAISER_LLM_BASE_URL and "
                "BARRAISER_LLM_MODEL, or choose BARRAISER_GRADER=embedding (the default)."
            )
        return LLMGrader(config, principles=principles)
    from barraiser.grading.embeddings import get_backend
    from barraiser.grading.verifier import get_verifier
    from barraiser.grading.verifier_grader import VerifierGrader

    # The ONNX session loads in C++ (no GIL) while the embedding model's Python imports run:
    # in parallel the two loads take about as long as the longer one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(
            get_verifier, settings.verifier_model, threads=settings.grader_threads
        )
        backend = get_backend(settings)
        verifier = pending.result()
    return VerifierGrader(backend, verifier, principles=principles)


_graders: dict[tuple[str, ...], Grader] = {}
_lock = threading.Lock()


def get_grader(
    settings: Settings | None = None, principles: Sequence[LeadershipPrinciple] = ()
) -> Grader:
    """The process-wide grader for these settings and principles, built on first use."""
    if settings is None:
        from barraiser.config import get_settings

        settings = get_settings()
    key = (
        settings.grader,
        str(settings.grader_model),
        str(settings.verifier_model),
        str(settings.llm_base_url),
        str(settings.llm_model),
        *(p.id for p in principles),
    )
    with _lock:
        grader = _graders.get(key)
        if grader is None:
            grader = build_grader(settings, principles)
            _graders[key] = grader
        return grader
