"""Optional LLM judge: asks an OpenAI-compatible endpoint (e.g. a local Ollama) for a rubric-based
JSON assessment, shown beside the built-in grade.  It never raises: any failure becomes a clear
message in :class:`LLMOutcome`, so the built-in grade is never blocked.

Needs ``httpx`` at run time (imported lazily, with a clear error when it is missing).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from barraiser.content.schemas import Rubric


@dataclass(frozen=True)
class LLMConfig:
    """Where the judge is: e.g. base_url="http://127.0.0.1:11434", model="llama3.1:8b"."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout_s: float = 60.0


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


def build_messages(question: str, rubric: Rubric, answer: str) -> list[dict[str, str]]:
    """The chat messages: the rubric (key points with weights, misconceptions) and the answer."""
    points = "\n".join(f"- {kp.id} (weight {kp.weight:g}): {kp.text}" for kp in rubric.key_points)
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


def judge_with_llm(question: str, rubric: Rubric, answer: str, config: LLMConfig) -> LLMOutcome:
    """Ask the endpoint for an assessment; errors and timeouts come back as ``error``."""
    try:
        import httpx
    except ImportError:  # pragma: no cover - depends on the installation
        return LLMOutcome(model=config.model, error="The LLM judge needs httpx: pip install httpx.")
    url = config.base_url.rstrip("/")
    url = url if url.endswith("/v1") else url + "/v1"
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    body: dict[str, Any] = {
        "model": config.model,
        "messages": build_messages(question, rubric, answer),
        "temperature": 0,
        "response_format": {"type": "json_object"},
        "stream": False,
    }
    where = f"the LLM judge at {config.base_url}"
    try:
        response = httpx.post(
            url + "/chat/completions", json=body, headers=headers, timeout=config.timeout_s
        )
    except httpx.TimeoutException:
        return _fail(config, f"{where} did not answer within {config.timeout_s:g} s.")
    except httpx.HTTPError as exc:
        return _fail(config, f"cannot reach {where} ({exc}). Is the server running?")
    if response.status_code in (401, 403):
        return _fail(config, f"{where} refused the API key (HTTP {response.status_code}).")
    if response.status_code >= 400:
        return _fail(config, f"{where} answered HTTP {response.status_code}: {response.text[:200]}")
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return _fail(config, f"{where} did not answer in the chat-completions format.")
    return parse_judgement(str(content), rubric, config.model)


def parse_judgement(content: str, rubric: Rubric, model: str) -> LLMOutcome:
    """Validate the model's reply: JSON (possibly in a ```json fence) matching the schema."""
    match = re.search(r"\{.*\}", content, re.DOTALL)
    if match is None:
        return LLMOutcome(model=model, error="The LLM judge's reply held no JSON object.")
    try:
        judgement = LLMJudgement.model_validate(json.loads(match.group(0)))
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        return LLMOutcome(model=model, error=f"The LLM judge's JSON was not valid: {first}")
    known = {kp.id for kp in rubric.key_points}
    judgement.key_points = [kp for kp in judgement.key_points if kp.id in known]
    return LLMOutcome(model=model, judgement=judgement)


def _fail(config: LLMConfig, message: str) -> LLMOutcome:
    return LLMOutcome(model=config.model, error=message[:1].upper() + message[1:])
