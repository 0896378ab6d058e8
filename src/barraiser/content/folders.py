"""Content folders an admin switches on and off (hosted mode).

Each sub-folder of ``Settings.content_folders_dir`` is laid out like ``content/`` (questions,
problems, loops ...). An admin enables one on ``/admin/content`` after it loads cleanly beside
the shipped content; the choice is a row of the database (``content_folders``), so every web and
worker process reads the same list when it starts (:func:`enabled_dirs`). A folder enabled here
but missing on a machine is left out there, with a warning in its log.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from barraiser.content.files import ContentError, content_dirs, escapes
from barraiser.content.loader import Bank, load_bank, load_bank_collecting

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.store import Store

logger = logging.getLogger(__name__)

#: A folder's name: lower-case letters, digits, ``.``, ``_`` and ``-``, at most 64 characters.
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


class FolderError(ValueError):
    """A folder that cannot be used; the message says what to do."""


@dataclass(frozen=True)
class FolderCheck:
    """What loading a folder beside the shipped content found."""

    name: str
    questions: int = 0
    problems: int = 0
    loops: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def folder_path(root: Path, name: str) -> Path:
    """The folder ``name`` under ``root``; FolderError for a bad name or a link out of root."""
    if not NAME.fullmatch(name):
        raise FolderError(
            f"{name[:80]!r} is not a folder name here: use lower-case letters, digits, '.', "
            "'_' and '-' (at most 64 characters)."
        )
    path = root / name
    if escapes(path, root):
        raise FolderError(f"{name} links to a place outside {root}: copy the folder in instead.")
    return path


def available(root: Path) -> list[str]:
    """The names of the usable sub-folders of ``root`` (none when it does not exist)."""
    if not root.is_dir():
        return []
    names = []
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and NAME.fullmatch(entry.name) and not escapes(entry, root):
            names.append(entry.name)
    return names


def check_folder(root: Path, name: str, base: list[Path]) -> FolderCheck:
    """Load ``name`` after the folders ``base`` (the shipped content and the others in use):
    how many questions, problems and loops it adds, and every problem found."""
    path = folder_path(root, name)
    if not path.is_dir():
        return FolderCheck(name, errors=[f"There is no folder {path}: copy it there first."])
    bank, problems = load_bank_collecting([*base, path])
    errors = [str(p) for p in problems]
    questions, problems_found, loops = counts_in(bank, path)
    if not errors and not (questions or problems_found or loops):
        errors.append(
            f"{path} holds no questions, problems or loops: lay it out like the shipped "
            "content/ folder (questions/<kind>/<id>.yaml, problems/<id>/, loops/<id>.yaml)."
        )
    return FolderCheck(
        name, questions=questions, problems=problems_found, loops=loops, errors=errors
    )


def counts_in(bank: Bank, path: Path) -> tuple[int, int, int]:
    """How many of the bank's questions, problems and loops come from the folder ``path``.

    The bank names a file relative to its content folder's parent (``<folder>/questions/...``).
    """

    def counted(kind: str) -> int:
        return sum(
            1
            for key, origin in bank.origins.items()
            if key.startswith(kind + ":") and (path.parent / origin).is_relative_to(path)
        )

    problems = sum(
        1 for p in bank.problems.values() if p.folder.resolve().is_relative_to(path.resolve())
    )
    return counted("question"), problems, counted("loop")


def enabled_names(store: Store) -> list[str]:
    """The names of the folders an admin enabled, in name order."""
    from sqlalchemy import select

    from barraiser.store.models import ContentFolder

    with store.session() as session:
        rows = session.scalars(
            select(ContentFolder.name)
            .where(ContentFolder.enabled.is_(True))
            .order_by(ContentFolder.name)
        )
        return list(rows)


def set_enabled(store: Store, name: str, enabled: bool, by: int | None) -> None:
    """Record an admin's choice for the folder ``name``."""
    from barraiser.store._dialect import insert_for
    from barraiser.store.models import ContentFolder, utcnow

    with store.session() as session:
        insert = insert_for(session, ContentFolder).values(
            name=name, enabled=enabled, changed_by=by, changed_at=utcnow()
        )
        session.execute(
            insert.on_conflict_do_update(
                index_elements=[ContentFolder.name],
                set_={
                    "enabled": insert.excluded.enabled,
                    "changed_by": insert.excluded.changed_by,
                    "changed_at": insert.excluded.changed_at,
                },
            )
        )


def enabled_dirs(settings: Settings, store: Store) -> list[Path]:
    """The enabled folders present on this machine (hosted mode; none otherwise); a missing
    one is logged and left out."""
    if not settings.hosted:
        return []
    root = settings.content_folders_dir
    found = []
    for name in enabled_names(store):
        try:
            path = folder_path(root, name)
        except FolderError as exc:
            logger.warning("Content folder left out: %s", exc)
            continue
        if path.is_dir():
            found.append(path)
        else:
            logger.warning(
                "The content folder %s is enabled but %s is missing on this machine: copy it "
                "there and restart, or disable it on /admin/content.",
                name,
                path,
            )
    return found


@dataclass
class LoadedFolders:
    """The content a process serves: the bank and which enabled folders it holds."""

    bank: Bank
    #: The enabled folders loaded (in order).
    folders: tuple[Path, ...] = ()
    #: Enabled folders left out because they no longer load, with their problems.
    broken: dict[str, list[str]] = field(default_factory=dict)


def load_with_folders(settings: Settings, store: Store | None) -> LoadedFolders:
    """The process-wide bank with every enabled folder that loads (hosted mode), each checked
    beside the ones before it; a folder that stopped loading since it was enabled is logged and
    left out rather than stopping the process."""
    from barraiser.content.bank import get_bank

    extra, user_dir = settings.extra_content_dir, settings.user_content_dir
    candidates = enabled_dirs(settings, store) if store is not None else []
    kept: list[Path] = []
    broken: dict[str, list[str]] = {}
    for folder in candidates:
        try:
            load_bank(content_dirs(extra, (*kept, folder)))
        except ContentError as exc:
            broken[folder.name] = [str(p) for p in exc.problems]
            logger.error(
                "The content folder %s no longer loads and is left out (fix it, or disable it "
                "on /admin/content): %s",
                folder.name,
                exc,
            )
            continue
        kept.append(folder)
    bank = get_bank(extra, user_dir, tuple(kept))
    return LoadedFolders(bank, tuple(kept), broken)
