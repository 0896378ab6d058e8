"""The process-wide content bank: shipped content, the user's extra folder and their own drafts,
loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from barraiser.content.files import content_dirs as content_dirs
from barraiser.content.loader import Bank, load_bank


@lru_cache(maxsize=4)
def get_bank(
    extra: Path | None = None, user_dir: Path | None = None, folders: tuple[Path, ...] = ()
) -> Bank:
    """Load the content once per process; raises ContentError with every problem found.

    ``user_dir`` is the user content folder (``Settings.user_content_dir``): the user's own
    draft questions, read beside the bundled bank when the folder exists. ``folders`` are the
    content folders an admin enabled (hosted mode).
    """
    return load_bank(content_dirs(extra, folders), user_dir=user_dir)
