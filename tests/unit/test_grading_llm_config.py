"""LLM judge settings: off by default, complete or a clear error, the key kept secret."""

from __future__ import annotations

import pytest

from barraiser.config import Settings
from barraiser.grading.llm import LLMConfigError, config_from_settings


def test_judge_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BASE_URL", "MODEL", "API_KEY", "TIMEOUT_S"):
        monkeypatch.delenv(f"BARRAISER_LLM_{name}", raising=False)
    settings = Settings()
    assert settings.llm_timeout_s == 60
    assert config_from_settings(settings) is None


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARRAISER_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("BARRAISER_LLM_MODEL", "llama3.1:8b")
    monkeypatch.setenv("BARRAISER_LLM_API_KEY", "sk-secret")
    monkeypatch.setenv("BARRAISER_LLM_TIMEOUT_S", "12.5")
    settings = Settings()
    assert "sk-secret" not in repr(settings)
    config = config_from_settings(settings)
    assert config is not None
    assert (config.base_url, config.model) == ("http://127.0.0.1:11434/v1", "llama3.1:8b")
    assert (config.api_key, config.timeout_s) == ("sk-secret", 12.5)


@pytest.mark.parametrize(
    ("overrides", "missing"),
    [
        ({"llm_base_url": "http://127.0.0.1:11434/v1"}, "BARRAISER_LLM_MODEL is not"),
        ({"llm_model": "llama3.1:8b"}, "BARRAISER_LLM_BASE_URL is not"),
    ],
)
def test_half_configured_judge_is_a_clear_error(overrides: dict[str, str], missing: str) -> None:
    with pytest.raises(LLMConfigError, match=missing):
        config_from_settings(Settings(**overrides))  # type: ignore[arg-type]


def test_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="llm_timeout_s"):
        Settings(llm_timeout_s=0)
