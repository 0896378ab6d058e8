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
from barraiser.judge.languages.javascript import JavaScript
from barraiser.judge.languages.python import Python

#: Every language, by name, in the order the language picker shows them.
LANGUAGES: dict[str, Language] = {
    lang.name: lang for lang in (Python(), Cpp(), Java(), JavaScript())
}

__all__ = [
    "LANGUAGES",
    "CompiledLanguage",
    "InterpretedLanguage",
    "Language",
    "execute",
    "self_test",
]
