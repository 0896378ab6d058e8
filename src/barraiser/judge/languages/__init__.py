"""The languages the judge runs, by name."""

from __future__ import annotations

from barraiser.judge.languages.base import (
    CompiledLanguage,
    InterpretedLanguage,
    Language,
    execute,
    self_test,
)
from barraiser.judge.languages.cpp import Cpp
from barraiser.judge.languages.java import Java
from barraiser.judge.languages.python import Python

LANGUAGES: dict[str, Language] = {lang.name: lang for lang in (Python(), Cpp(), Java())}

__all__ = [
    "LANGUAGES",
    "CompiledLanguage",
    "InterpretedLanguage",
    "Language",
    "execute",
    "self_test",
]
