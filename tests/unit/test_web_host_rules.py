"""The host and origin rules of the web app's request guard (no I/O)."""

from __future__ import annotations

from pathlib import Path

import pytest

from barraiser.config import Settings
from barraiser.web.security import HostPolicy, split_host


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("localhost", ("localhost", None)),
        ("LocalHost:8000", ("localhost", 8000)),
        ("[::1]:8000", ("::1", 8000)),
        ("[::1]", ("::1", None)),
        ("::1", ("::1", None)),
        ("evil.example:x", ("evil.example", None)),
    ],
)
def test_split_host(value: str, expected: tuple[str, int | None]) -> None:
    assert split_host(value) == expected


def _policy(tmp_path: Path, **settings: object) -> HostPolicy:
    return HostPolicy(Settings(data_dir=tmp_path, **settings))  # type: ignore[arg-type]


def test_product_defaults_are_loopback_and_the_bound_host(tmp_path: Path) -> None:
    policy = _policy(tmp_path, allowed_hosts=[], host="0.0.0.0")
    assert policy.names == {"localhost", "127.0.0.1", "::1"}
    assert not policy.host_allowed("testserver")
    assert _policy(tmp_path, allowed_hosts=[], host="192.168.1.9").host_allowed("192.168.1.9:80")


@pytest.mark.parametrize(
    ("origin", "host", "allowed"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("http://localhost", "localhost:80", True),
        ("https://localhost", "localhost", False),  # another scheme's port: another origin
        ("http://localhost:3000", "localhost:8000", False),
        ("http://127.0.0.1:8000", "localhost:8000", False),
        ("null", "localhost:8000", False),
        ("file://", "localhost:8000", False),
        ("https://barraiser.example", "127.0.0.1:8000", True),  # behind a proxy
        ("https://barraiser.example:8443", "127.0.0.1:8000", True),
        ("https://api.lab.example", "127.0.0.1:8000", False),  # the entry names port 443
        ("https://api.lab.example:443", "x", False),
        ("https://evil.example", "127.0.0.1:8000", False),
    ],
)
def test_origin_rules(tmp_path: Path, origin: str, host: str, allowed: bool) -> None:
    policy = _policy(tmp_path, allowed_hosts=["barraiser.example", "*.lab.example:8443"])
    assert policy.origin_allowed(origin, host, "http") is allowed
