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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError

from barraiser.content.schemas import Rubric

if TYPE_CHECKING:
    from barraiser.config import Settings
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
