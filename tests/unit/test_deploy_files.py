"""The deployment files (deploy/, docs/deploy.md) name only commands, options and settings that
exist: every `barraiser ...` command line they run is parsed by the real CLI (no docker or
systemd here to run them), and every BARRAISER_* variable is a real setting.
"""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from typer.testing import CliRunner

from barraiser.cli.main import app
from barraiser.config import ENV_PREFIX, Settings
from barraiser.judge.jobs import KNOWN_QUEUES

ROOT = Path(__file__).parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
ENV_FILES = [DEPLOY / "env.example", DEPLOY / "systemd" / "barraiser.env.example"]
#: Read by the command itself, not a field of Settings.
NOT_FIELDS = {f"{ENV_PREFIX}CONFIG"}
SETTINGS = {ENV_PREFIX + name.upper() for name in Settings.model_fields} | NOT_FIELDS


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return loaded


def _unit(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text())
    return parser


def _command_lines() -> list[tuple[str, list[str]]]:
    """(where, argv after `barraiser`) of every barraiser command the deploy files run."""
    found = []
    compose = _compose()
    image = compose["services"]["web"]["image"]
    for name, service in compose["services"].items():
        if service.get("image") == image:  # the Dockerfile's ENTRYPOINT is `barraiser`
            found.append((f"compose.yaml {name}", list(service["command"])))
    for path in UNITS:
        argv = shlex.split(_unit(path)["Service"]["ExecStart"])
        assert Path(argv[0]).name == "barraiser", (path.name, argv)
        found.append((path.name, argv[1:]))
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["barraiser"]' in dockerfile
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE)
    assert cmd is not None
    found.append(("Dockerfile CMD", yaml.safe_load(cmd.group(1))))
    guide = (ROOT / "docs" / "deploy.md").read_text()
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", guide, re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            shown = _barraiser_argv(shlex.split(line, comments=True))
            if shown is not None:
                found.append(("docs/deploy.md", shown))
    return found


def _barraiser_argv(tokens: list[str]) -> list[str] | None:
    """The arguments of a shell line that runs barraiser (directly, or in a compose service),
    up to a redirection or pipe; None for any other line."""
    if tokens[:2] == ["docker", "compose"] and "exec" in tokens:
        rest = tokens[tokens.index("exec") + 1 :]
        while rest and rest[0].startswith("-"):  # exec's own flags
            rest = rest[1:]
        rest = rest[1:]  # the service
    else:
        rest = tokens
    if not rest or not (rest[0] == "barraiser" or rest[0].endswith("/bin/barraiser")):
        return None
    argv = rest[1:]
    for stop in ("<", "|", ">", "&&", ";"):
        argv = argv[: argv.index(stop)] if stop in argv else argv
    return argv


def _command(argv: list[str]) -> tuple[Any, list[str], list[str]]:
    """The (click) command an argv names, the names leading to it, and the rest of the argv."""
    command: Any = typer.main.get_command(app)
    names: list[str] = []
    rest = list(argv)
    while hasattr(command, "commands") and rest and rest[0] in command.commands:
        names.append(rest[0])
        command = command.commands[rest.pop(0)]
    return command, names, rest


COMMAND_LINES = _command_lines()


def test_the_files_run_the_commands_the_guide_describes() -> None:
    where = {w.split(" ")[0] for w, _ in COMMAND_LINES}
    assert {"compose.yaml", "Dockerfile", "docs/deploy.md"} <= where
    assert {p.name for p in UNITS} <= where
    commands = {" ".join(_command(argv)[1]) for _, argv in COMMAND_LINES}
    assert {"serve", "worker", "users add", "judge doctor"} <= commands


@pytest.mark.parametrize(("where", "argv"), COMMAND_LINES, ids=[w for w, _ in COMMAND_LINES])
def test_every_command_line_is_accepted_by_the_cli(where: str, argv: list[str]) -> None:
    command, names, rest = _command(argv)
    assert names and not hasattr(command, "commands"), f"{where}: no command in {argv}"
    helped = CliRunner().invoke(app, [*names, "--help"])
    assert helped.exit_code == 0, helped.output
    options = {opt for param in command.params for opt in param.opts}
    named = [token.split("=")[0] for token in rest if token.startswith("--")]
    assert set(named) <= options, f"{where}: unknown options {set(named) - options}"
    # The real parser takes the whole line: option values in range, arguments present.
    command.make_context(" ".join(["barraiser", *names]), list(rest), resilient_parsing=False)
    if "--queues" in rest:
        queues = rest[rest.index("--queues") + 1].split(",")
        assert set(queues) <= set(KNOWN_QUEUES), f"{where}: unknown queue in {queues}"


def _named_variables() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    compose = _compose()
    for service in compose["services"].values():
        environment = service.get("environment") or {}
        names.setdefault("compose.yaml", set()).update(environment)
    for path in [*ENV_FILES, *UNITS, ROOT / "docs" / "deploy.md", DEPLOY / "Dockerfile"]:
        names[path.name] = set(re.findall(rf"\b{ENV_PREFIX}[A-Z_]+\b", path.read_text()))
    return names


def test_every_barraiser_variable_named_is_a_setting() -> None:
    named = _named_variables()
    every = set().union(*named.values())
    assert {"BARRAISER_MODE", "BARRAISER_DATABASE_URL", "BARRAISER_BROKER_URL"} <= every
    assert "BARRAISER_SECRET_KEY" in every
    for where, names in named.items():
        barraiser = {name for name in names if name.startswith(ENV_PREFIX)}
        assert barraiser <= SETTINGS, f"{where}: not settings: {barraiser - SETTINGS}"


def test_the_example_settings_are_accepted_by_the_settings_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = DEPLOY / "systemd" / "barraiser.env.example"
    values = dict(
        line.split("=", 1) for line in path.read_text().splitlines() if re.match(r"^[A-Z]", line)
    )
    values["BARRAISER_SECRET_KEY"] = "x" * 48  # left empty in the example, on purpose
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BARRAISER_CONFIG", "/nonexistent/barraiser.toml")
    settings = Settings()
    assert settings.hosted and settings.broker_url and settings.allowed_hosts


def test_the_compose_services_share_what_they_must() -> None:
    services = _compose()["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "caddy"}
    web, worker = services["web"], services["worker"]
    assert web["environment"]["BARRAISER_MODE"] == "hosted"
    for key in ("BARRAISER_DATABASE_URL", "BARRAISER_BROKER_URL", "BARRAISER_SECRET_KEY"):
        assert web["environment"][key] == worker["environment"][key]
    # The labs write into the data folder the web reads; the sandbox needs a privileged box.
    data = "data:" + web["environment"]["BARRAISER_DATA_DIR"]
    assert data in web["volumes"] and data in worker["volumes"]
    assert worker["privileged"] is True
    upstream = services["caddy"]["environment"]["WEB_UPSTREAM"]
    assert upstream == "web:" + web["command"][web["command"].index("--port") + 1]
    assert "{$WEB_UPSTREAM" in (DEPLOY / "Caddyfile").read_text()
