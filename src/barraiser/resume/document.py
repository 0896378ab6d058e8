"""A résumé's structure from its text: sections, entries (a role or a project) and bullets.

Headings are Markdown ``#`` lines, or short lines naming a usual section ("Experience",
"EDUCATION", "Skills:"). In the Experience and Projects sections a line that is not a bullet
starts an entry (a role or a project) and the bullets under it are its bullets. A bullet line
wrapped by a PDF reader is joined back to its bullet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Section kinds and the heading words that name them.
SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "objective", "about", "about me", "professional summary"),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "relevant experience",
        "industry experience",
        "research experience",
    ),
    "projects": ("projects", "personal projects", "selected projects", "academic projects"),
    "education": ("education", "academic background", "education and training"),
    "skills": (
        "skills",
        "technical skills",
        "tools",
        "technologies",
        "skills and tools",
        "core skills",
    ),
    "publications": ("publications", "papers", "selected publications", "patents"),
    "certifications": ("certifications", "certificates", "licenses"),
    "awards": ("awards", "honors", "honours", "achievements"),
    "leadership": ("leadership", "activities", "volunteering", "volunteer experience"),
    "interests": ("interests", "hobbies"),
}
_HEADING_KIND = {name: kind for kind, names in SECTION_NAMES.items() for name in names}
#: Sections whose bullets are achievements to judge (others list facts: skills, degrees).
ACHIEVEMENT_SECTIONS = frozenset({"experience", "projects", "leadership", "other"})
_BULLET = re.compile(r"^\s*(?:[-*•◦▪‣\u2013·●○■□➢➤►✓]|\d{1,2}[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WRAP_WIDTH = 70


@dataclass
class Bullet:
    """One bullet: its text (without the marker), its section, its entry, its line number."""

    text: str
    section: str
    entry: str | None
    line_no: int


@dataclass
class Entry:
    """A role or a project: its heading line, its section and its bullets."""

    title: str
    section: str
    bullets: list[Bullet] = field(default_factory=list)


@dataclass
class Section:
    kind: str
    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Resume:
    """The parsed résumé."""

    text: str
    lines: list[str]
    sections: list[Section]
    entries: list[Entry]
    bullets: list[Bullet]
    header: list[str]

    @property
    def words(self) -> int:
        return len(self.text.split())

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def email(self) -> str | None:
        found = _EMAIL.search(self.text)
        return found.group(0) if found else None


def heading_kind(line: str) -> str | None:
    """The section kind a heading line names, or None when the line is not a heading.

    A Markdown heading naming no known section is a section of kind ``other``.
    """
    stripped = line.strip()
    markdown = bool(_MARKDOWN_HEADING.match(stripped))
    name = _MARKDOWN_HEADING.sub("", stripped).strip().rstrip(":").strip().lower()
    name = re.sub(r"\s+", " ", name.replace("&", "and"))
    if name in _HEADING_KIND:
        return _HEADING_KIND[name]
    if markdown and stripped.startswith("##"):
        return "other"
    return None


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the wrapped rest of the bullet ``previous``."""
    if not line.strip() or is_bullet(line) or heading_kind(line):
        return False
    if line[:1].isspace() and len(line) - len(line.lstrip()) >= 2:
        return True
    first = line.strip()[0]
    ended = previous.rstrip().endswith((".", "!", "?", ";"))
    return first.islower() or (not ended and len(previous) >= _WRAP_WIDTH)


def parse_resume(text: str) -> Resume:
    """Sections, entries and bullets of a résumé's text."""
    raw_lines = text.splitlines()
    # Join wrapped bullet lines back to their bullet.
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(raw_lines, start=1):
        if lines and is_bullet(lines[-1][1]) and _continues(lines[-1][1], raw):
            lines[-1] = (lines[-1][0], lines[-1][1].rstrip() + " " + raw.strip())
        else:
            lines.append((number, raw))

    sections: list[Section] = []
    header: list[str] = []
    entries: list[Entry] = []
    bullets: list[Bullet] = []
    current: Section | None = None
    entry: Entry | None = None
    for number, raw in lines:
        line = raw.strip()
        if not line:
            continue
        kind = heading_kind(line)
        if kind is not None:
            current = Section(kind, _MARKDOWN_HEADING.sub("", line).rstrip(":").strip())
            sections.append(current)
            entry = None
            continue
        if current is None:
            # Before the first heading: the name and contact lines (a "# Name" heading too).
            header.append(_MARKDOWN_HEADING.sub("", line))
            continue
        current.lines.append(line)
        if is_bullet(line):
            text_of = _strip_bullet(line)
            if current.kind in ACHIEVEMENT_SECTIONS:
                bullet = Bullet(text_of, current.kind, entry.title if entry else None, number)
                bullets.append(bullet)
                if entry is not None:
                    entry.bullets.append(bullet)
            continue
        if current.kind in {"experience", "projects", "leadership"}:
            entry = Entry(line, current.kind)
            entries.append(entry)

    # A résumé written without bullet markers: its long sentences in roles are the bullets.
    if not bullets:
        for section in sections:
            if section.kind not in {"experience", "projects"}:
                continue
            owner: Entry | None = None
            for line in section.lines:
                words = len(line.split())
                if words >= 8 and line.rstrip().endswith("."):
                    bullet = Bullet(line, section.kind, owner.title if owner else None, 0)
                    bullets.append(bullet)
                    if owner is not None:
                        owner.bullets.append(bullet)
                else:
                    owner = next((x for x in entries if x.title == line), owner)
        entries = [e for e in entries if not any(b.text == e.title for b in bullets)]
    return Resume(text, raw_lines, sections, entries, bullets, header)
