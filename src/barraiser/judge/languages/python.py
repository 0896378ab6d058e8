"""Python 3: the system interpreter (the box cannot read a Python installed under /root)."""

from __future__ import annotations

from barraiser.judge.languages.base import InterpretedLanguage
from barraiser.judge.result import Limits

PYTHON = "/usr/bin/python3"


class Python(InterpretedLanguage):
    """CPython 3 from the system, without user site-packages or bytecode writing."""

    name = "python"
    source_name = "main.py"
    self_test_program = "name = input()\nprint(f'hello, {name}')\n"

    def run_argv(self, limits: Limits) -> list[str]:
        return [PYTHON, "-S", "-B", "{src}/main.py"]
