"""Optional LLM judge: asks an OpenAI-compatible endpoint (e.g. a local Ollama) for a rubric-based
JSON assessment, shown beside the built-in grade.  It never raises: any failure becomes a clear
message in :class:`LLMOutcome`, so the built-in grade is never blocked.

It speaks HTTP with the standard library (no extra dependency).  Settings: ``BARRAISER_LLM_*``,
turned into an :class:`LLMConfig` by :func:`config_from_settings`.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError

from barraiser.content.schemas import Rubric

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.content.schemas import LeadershipPrinciple
    from barraiser.grading.result import GradeResult
    from barraiser.grading.rubric import PreparedRubric


class LLMConfigError(ValueError):
    """The LLM judge settings are incomplete (a sentence saying what to set)."""


@dataclass(frozen=True)
class LLMConfig:
    """Where the judge is: e.g. base_url="http://127.0.0.1:11434", model="llama3.1:8b"."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout_s: float = 60.0


def config_from_settings(settings: Settings) -> LLMConfig | None:
    """The LLM judge configuration, or None when the judge is off (no base URL and no model).

    Raises :class:`LLMConfigError` when only one of ``llm_base_url`` and ``llm_model`` is set.
    """
    base_url = (settings.llm_base_url or "").strip()
    model = (settings.llm_model or "").strip()
    if not base_url and not model:
        return None
    if not model:
        raise LLMConfigError(
            "BARRAISER_LLM_BASE_URL is set but BARRAISER_LLM_MODEL is not: set the model name "
            "(e.g. llama3.1:8b) or unset the base URL to turn the LLM judge off."
        )
    if not base_url:
        raise LLMConfigError(
            "BARRAISER_LLM_MODEL is set but BARRAISER_LLM_BASE_URL is not: set the endpoint "
            "(e.g. http://127.0.0.1:11434/v1) or unset the model to turn the LLM judge off."
        )
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key is not None else None
    return LLMConfig(
        base_url=base_url, model=model, api_key=key or None, timeout_s=settings.llm_timeout_s
    )


class LLMKeyPoint(BaseModel):
    id: str
    covered: bool
    evidence: str | None = None


class LLMJudgement(BaseModel):
    score: float = Field(ge=0, le=100)
    key_points: list[LLMKeyPoint] = Field(default_factory=list)
    misconceptions: list[str] = Field(default_factory=list)
    feedback: str = ""


class LLMOutcome(BaseModel):
    """The judge's assessment, or why there is none."""

    model: str
    judgement: LLMJudgement | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.judgement is not None


_SYSTEM = (
    "You are a strict, fair interviewer grading a candidate's answer against a rubric. "
    "Judge only what the answer says; do not reward length or keywords without explanation. "
    "Reply with one JSON object and nothing else."
)


def _key_points(rubric: Rubric | PreparedRubric) -> list[tuple[str, float, str]]:
    if isinstance(rubric, Rubric):
        return [(kp.id, kp.weight, kp.text) for kp in rubric.key_points]
    return [(p.id, p.weight, p.text) for p in rubric.points]


def build_messages(
    question: str, rubric: Rubric | PreparedRubric, answer: str
) -> list[dict[str, str]]:
    """The chat messages: the rubric (key points with weights, misconceptions) and the answer."""
    points = "\n".join(f"- {i} (weight {w:g}): {text}" for i, w, text in _key_points(rubric))
    wrong = "\n".join(f"- {m.statement}" for m in rubric.misconceptions) or "- (none listed)"
    schema = (
        '{"score": <0-100, the weighted share of key points covered>, '
        '"key_points": [{"id": "<key point id>", "covered": true|false, '
        '"evidence": "<the sentence of the answer that covers it, or null>"}], '
        '"misconceptions": ["<each wrong statement the answer makes>"], '
        '"feedback": "<two or three specific sentences for the candidate>"}'
    )
    user = (
        f"Question:\n{question.strip()}\n\nKey points:\n{points}\n\n"
        f'Known misconceptions:\n{wrong}\n\nCandidate answer:\n"""\n{answer.strip()}\n"""\n\n'
        f"Return JSON exactly in this shape, one entry per key point id:\n{schema}"
    )
    return [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": user}]


def judge_with_llm(
    question: str, rubric: Rubric | PreparedRubric, answer: str, config: LLMConfig
) -> LLMOutcome:
    """Ask the endpoint for an assessment; errors and timeouts come back as ``error``."""
    url = config.base_url.rstrip("/")
    url = url if url.endswith("/v1") else url + "/v1"
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    body: dict[str, Any] = {
        "model": config.model,
        "messages": build_messages(question, rubric, answer),
        "temperature": 0,
        "response_format": {"type": "json_object"},
        "stream": False,
    }
    where = f"the LLM judge at {config.base_url}"
    request = urllib.request.Request(
        url + "/chat/completions",
        data=json.dumps(body).encode("utf-8"),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=config.timeout_s) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            return _fail(config, f"{where} refused the API key (HTTP {exc.code}).")
        detail = exc.read()[:200].decode("utf-8", "replace")
        return _fail(config, f"{where} answered HTTP {exc.code}: {detail}")
    except TimeoutError:
        return _fail(config, f"{where} did not answer within {config.timeout_s:g} s.")
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return _fail(config, f"{where} did not answer within {config.timeout_s:g} s.")
        return _fail(config, f"cannot reach {where} ({exc.reason}). Is the server running?")
    except (OSError, ValueError) as exc:
        return _fail(config, f"cannot reach {where} ({exc}). Is the server running?")
    try:
        content = json.loads(raw)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return _fail(config, f"{where} did not answer in the chat-completions format.")
    return parse_judgement(str(content), rubric, config.model)


def parse_judgement(content: str, rubric: Rubric | PreparedRubric, model: str) -> LLMOutcome:
    """Validate the model's reply: JSON (possibly in a ```json fence) matching the schema."""
    match = re.search(r"\{.*\}", content, re.DOTALL)
    if match is None:
        return LLMOutcome(model=model, error="The LLM judge's reply held no JSON object.")
    try:
        judgement = LLMJudgement.model_validate(json.loads(match.group(0)))
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        return LLMOutcome(model=model, error=f"The LLM judge's JSON was not valid: {first}")
    known = {i for i, _, _ in _key_points(rubric)}
    judgement.key_points = [kp for kp in judgement.key_points if kp.id in known]
    return LLMOutcome(model=model, judgement=judgement)


def _fail(config: LLMConfig, message: str) -> LLMOutcome:
    return LLMOutcome(model=config.model, error=message[:1].upper() + message[1:])


class LLMGrader:
    """The LLM judge as the main grader (``BARRAISER_GRADER=llm``).

    Its JSON assessment becomes a :class:`~barraiser.grading.result.GradeResult`: the judge's
    score, each key point covered or missed with the sentence it quoted, and the wrong
    statements it found.  When the endpoint fails the grade fails too (the answer stays saved).
    """

    name = "llm"
    version = "1.0.0"

    def __init__(
        self, config: LLMConfig, *, principles: Sequence[LeadershipPrinciple] = ()
    ) -> None:
        self.config = config
        self.principles = list(principles)

    @property
    def model(self) -> str:
        return self.config.model

    def grade(self, answer: str, rubric: PreparedRubric) -> GradeResult:
        from barraiser.grading.embeddings import GradingUnavailable
        from barraiser.grading.hooks import rich_feedback, rich_follow_ups
        from barraiser.grading.result import GradeResult, KeyPointResult, MisconceptionResult
        from barraiser.grading.text import word_count

        outcome = judge_with_llm(rubric.prompt, rubric, answer, self.config)
        if outcome.judgement is None:
            raise GradingUnavailable(outcome.error or "the LLM judge gave no assessment.")
        judgement = outcome.judgement
        by_id = {kp.id: kp for kp in judgement.key_points}
        points = []
        for point in rubric.points:
            verdict = by_id.get(point.id)
            covered = verdict is not None and verdict.covered
            points.append(
                KeyPointResult(
                    id=point.id,
                    text=point.text,
                    weight=point.weight,
                    status="covered" if covered else "missed",
                    similarity=0.0,
                    credit=1.0 if covered else 0.0,
                    evidence=(verdict.evidence or None) if covered and verdict else None,
                )
            )
        wrong = [
            MisconceptionResult(
                id=f"llm-{i + 1}",
                statement=text,
                correction="The LLM judge flagged this statement as wrong.",
                evidence=text,
                similarity=0.0,
            )
            for i, text in enumerate(judgement.misconceptions)
        ]
        result = GradeResult(
            score=round(judgement.score, 1),
            key_points=points,
            misconceptions=wrong,
            word_count=word_count(answer),
            question_id=rubric.question_id,
            model=self.config.model,
            grader="llm",
            grader_version=self.version,
        )
        if rubric.kind == "behavioral":
            from barraiser.grading.behavioral import analyze_behavioral
            from barraiser.grading.embeddings import get_backend

            result.star = analyze_behavioral(answer, self.principles, get_backend()).model_dump(
                mode="json"
            )
        result.follow_ups = rich_follow_ups(result, rubric, self.principles)
        result.feedback = rich_feedback(result, rubric)
        if judgement.feedback:
            result.feedback += "\n" + judgement.feedback.strip()
        return result

    def grade_many(self, items: Sequence[tuple[str, PreparedRubric]]) -> list[GradeResult]:
        return [self.grade(answer, rubric) for answer, rubric in items]
