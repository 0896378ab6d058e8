"""Python 3: the system interpreter (the box cannot read a Python installed under /root)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from barraiser.content.languages import LANGUAGE_FACTS
from barraiser.judge.languages.base import InterpretedLanguage
from barraiser.judge.result import Limits

if TYPE_CHECKING:
    from barraiser.content.problems import Signature

PYTHON = "/usr/bin/python3"


class Python(InterpretedLanguage, facts=LANGUAGE_FACTS["python"]):
    """CPython 3 from the system, without user site-packages or bytecode writing."""

    source_name = "main.py"
    startup_s = 1.0
    self_test_program = "name = input()\nprint(f'hello, {name}')\n"
    stdio_starter = (
        "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n\n\nmain()\n"
    )

    def run_argv(self, limits: Limits) -> list[str]:
        return [PYTHON, "-S", "-B", "{src}/main.py"]

    def harness(self, signature: Signature, source: str) -> dict[str, str]:
        from barraiser.judge.harness import python

        return python.build(signature, source)

    def function_starter(self, signature: Signature) -> str:
        from barraiser.judge.harness import python

        return python.starter(signature)
