"""Settings: environment variables, the TOML file, defaults, and documentation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from barraiser.config import Settings, default_data_dir

README = Path(__file__).resolve().parents[2] / "README.md"


def test_defaults_follow_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BARRAISER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    s = Settings()
    assert s.data_dir == tmp_path / "xdg" / "barraiser"
    assert s.data_dir == default_data_dir()
    assert s.resolved_database_url == f"sqlite:///{tmp_path / 'xdg' / 'barraiser' / 'barraiser.db'}"
    assert (s.host, s.port) == ("127.0.0.1", 8000)


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BARRAISER_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("BARRAISER_PORT", "9123")
    monkeypatch.setenv("BARRAISER_DATABASE_URL", "postgresql://u@localhost/x")
    s = Settings()
    assert s.data_dir == tmp_path / "d"
    assert s.port == 9123
    assert s.resolved_database_url == "postgresql://u@localhost/x"


def test_toml_file_is_read_and_env_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('host = "0.0.0.0"\nport = 8800\ndata_dir = "/srv/barraiser"\n')
    monkeypatch.setenv("BARRAISER_CONFIG", str(config))
    monkeypatch.delenv("BARRAISER_DATA_DIR")
    s = Settings()
    assert (s.host, s.port, s.data_dir) == ("0.0.0.0", 8800, Path("/srv/barraiser"))
    monkeypatch.setenv("BARRAISER_PORT", "8801")
    assert Settings().port == 8801


def test_bad_values_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARRAISER_PORT", "99999")
    with pytest.raises(ValidationError, match="port"):
        Settings()


def test_unknown_key_in_toml_is_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("prot = 8000\n")
    monkeypatch.setenv("BARRAISER_CONFIG", str(config))
    with pytest.raises(ValidationError, match="prot"):
        Settings()


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    # The settings table: rows that start with a `BARRAISER_...` variable.
    documented = set(re.findall(r"^\| `BARRAISER_([A-Z_]+)`", text, flags=re.MULTILINE))
    fields = {name.upper() for name in Settings.model_fields}
    missing = fields - documented - {"CONFIG"}
    assert not missing, f"settings not documented in README.md: {sorted(missing)}"
    assert "CONFIG" in documented, "BARRAISER_CONFIG (the TOML file) is not documented"
    stale = documented - fields - {"CONFIG"}
    assert not stale, f"README documents settings that do not exist: {sorted(stale)}"
