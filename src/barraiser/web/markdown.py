"""Markdown to HTML for question text: CommonMark with raw HTML escaped, never passed through."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html=False escapes any raw HTML in the content, so a question file cannot inject markup.
    return MarkdownIt("commonmark", {"html": False})


def render_markdown(text: str) -> Markup:
    """Render Markdown to safe HTML (raw HTML in the source is shown as text)."""
    return Markup(_parser().render(text))
