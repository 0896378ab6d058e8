"""Starter code per language (also used by the web app); each language writes its own."""

from __future__ import annotations

from barraiser.content.problems import Problem


def starter_code(problem: Problem, language: str) -> str:
    """What the editor starts with for ``language`` on ``problem``."""
    from barraiser.judge.languages import LANGUAGES

    return LANGUAGES[language].starter_code(problem.signature)
