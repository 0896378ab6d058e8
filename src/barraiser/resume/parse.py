"""Reading a résumé or a job description: PDF, DOCX, Markdown or plain text, into text.

PDF and DOCX files are read in a child process (:mod:`barraiser.resume._worker`) under limits:
the file's size (:data:`MAX_FILE_BYTES`), its pages (:data:`MAX_PAGES`), the child's memory and
CPU time, and a wall-clock timeout (:class:`ReaderLimits`). A hostile file (a decompression
bomb, a deeply nested object, an encrypted file, a file that is not what its name says) ends as
a :class:`ResumeFileError` whose text is one sentence saying what to do, never a hang or a
traceback. At most :data:`MAX_READERS` children run at once (each may take
:data:`MEMORY_LIMIT_MIB`); a file that finds none free within :data:`READER_WAIT_S` is answered
:class:`ReaderBusy` rather than queued. Text files are decoded here (UTF-8, or UTF-16 with a
byte-order mark).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FileKind = Literal["pdf", "docx", "text"]

#: The largest file read; a résumé is a few hundred KiB at most, even with a photo.
MAX_FILE_BYTES = 3 * 2**20
#: The most pages of a PDF read; a résumé has one or two.
MAX_PAGES = 10
#: The most characters of text kept from any file (10 dense pages are ~40,000).
MAX_TEXT_CHARS = 100_000
#: Wall-clock limit of the child process that reads a PDF or DOCX.
TIMEOUT_S = 20.0
#: Address space of the child: python, pypdf and lxml need ~150 MiB; a bomb gets a MemoryError.
MEMORY_LIMIT_MIB = 768
#: CPU time of the child; past it the kernel stops it (SIGXCPU).
CPU_LIMIT_S = 10
#: How many children may read files at once (each may take MEMORY_LIMIT_MIB).
MAX_READERS = 2
#: How long a file waits for a free reader before it is refused as busy.
READER_WAIT_S = 5.0

WORKER = Path(__file__).with_name("_worker.py")
_READERS = threading.BoundedSemaphore(MAX_READERS)
#: What a child past its memory limit leaves on stderr: Python's own error, or the loader's
#: when a library (pypdf's lxml, unicodedata) cannot be mapped in.
_OUT_OF_MEMORY = (b"MemoryError", b"failed to map segment", b"Cannot allocate memory")

_EXTENSIONS: dict[str, FileKind] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".md": "text",
    ".markdown": "text",
    ".txt": "text",
    ".text": "text",
    "": "text",
}
_KIND_NAMES = {"pdf": "a PDF", "docx": "a Word (.docx) document", "text": "a text file"}


class ResumeFileError(ValueError):
    """A file that cannot be read; ``str()`` is one sentence saying what to do."""


class ReaderBusy(ResumeFileError):
    """Every reader is busy with other files: try again in a moment."""


@dataclass(frozen=True)
class ReaderLimits:
    """The limits of the child process that reads one PDF or DOCX."""

    timeout_s: float = TIMEOUT_S
    memory_limit_mib: int = MEMORY_LIMIT_MIB
    cpu_limit_s: int = CPU_LIMIT_S


DEFAULT_LIMITS = ReaderLimits()


@dataclass(frozen=True)
class ParsedFile:
    """The text of a file, what kind it was and (for a PDF) how many pages it has."""

    text: str
    kind: FileKind
    pages: int = 0


def sniff(data: bytes) -> FileKind | Literal["zip", "binary"]:
    """What the bytes are, whatever the file's name says."""
    if data[:1024].lstrip(b"\x00\t\n\r \xef\xbb\xbf").startswith(b"%PDF-") or (
        b"%PDF-" in data[:1024]
    ):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return (
            "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:2048] else "zip"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    if b"\x00" in data[:8192]:
        return "binary"
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(data[:65536]) - 4:
            return "binary"
    return "text"


def kind_for_name(name: str) -> FileKind:
    """The kind a file's name promises; raises :class:`ResumeFileError` for other names."""
    suffix = Path(name).suffix.lower()
    kind = _EXTENSIONS.get(suffix)
    if kind is None:
        if suffix == ".doc":
            raise ResumeFileError(
                f"{name}: old Word (.doc) files cannot be read; save it as .docx or PDF, or "
                "paste the text."
            )
        raise ResumeFileError(
            f"{name}: only PDF, DOCX, Markdown (.md) and plain-text (.txt) files can be read; "
            "save it as one of those, or paste the text."
        )
    return kind


def decode_text(data: bytes, name: str = "the text") -> str:
    """Text bytes as a string (UTF-8, UTF-16 with a BOM, else Latin-1 for old exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if "\x00" in text:
        raise ResumeFileError(
            f"{name} is not text (it holds binary data); upload a PDF, DOCX, .md or .txt file."
        )
    return clean_text(text)


def clean_text(text: str) -> str:
    """Normalised text: NFKC (ligatures from PDFs), Unix line ends, no control characters."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")


def too_large(label: str, size: int) -> ResumeFileError:
    """The refusal of a file over :data:`MAX_FILE_BYTES`."""
    return ResumeFileError(
        f"{label} is {size / 2**20:.1f} MiB, larger than the {MAX_FILE_BYTES // 2**20} MiB "
        "limit; a résumé is rarely over 1 MiB: export it without images, or paste the text."
    )


def read_bytes(data: bytes, name: str, limits: ReaderLimits = DEFAULT_LIMITS) -> ParsedFile:
    """The text of a file's bytes; ``name`` (the file's name) says what it should be; a PDF or
    DOCX is read in a child process under ``limits``.

    Raises :class:`ResumeFileError` with a sentence for the user (:class:`ReaderBusy` when
    every reader stays busy for :data:`READER_WAIT_S`).
    """
    label = Path(name).name or "the file"
    if not data:
        raise ResumeFileError(f"{label} is empty; choose the file again or paste the text.")
    if len(data) > MAX_FILE_BYTES:
        raise too_large(label, len(data))
    promised = kind_for_name(label)
    actual = sniff(data)
    if actual != promised:
        what = {
            "pdf": "a PDF",
            "docx": "a Word document",
            "zip": "a ZIP archive",
            "binary": "binary data",
            "text": "plain text",
        }[actual]
        raise ResumeFileError(
            f"{label} is named like {_KIND_NAMES[promised]} but holds {what}; rename it to "
            "what it is, or export the résumé again as PDF, DOCX or text."
        )
    if promised == "text":
        text = decode_text(data, label)
        _check_text(text, label)
        return ParsedFile(text=text, kind="text")
    if not _READERS.acquire(timeout=READER_WAIT_S):
        raise ReaderBusy(
            f"{label}: the résumé reader is busy; try again in a moment, or paste the text."
        )
    try:
        text, pages = _read_in_child(data, promised, label, limits)
    finally:
        _READERS.release()
    text = clean_text(text)
    if not text.strip():
        raise ResumeFileError(
            f"{label} has no text that can be read (it may be a scanned image); export it as "
            "a text PDF or DOCX, or paste the text."
        )
    return ParsedFile(text=text, kind=promised, pages=pages)


def read_file(path: Path) -> ParsedFile:
    """The text of a file on disk (see :func:`read_bytes`)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise too_large(path.name, size)
        data = path.read_bytes()
    except FileNotFoundError:
        raise ResumeFileError(f"{path} does not exist; check the path.") from None
    except IsADirectoryError:
        raise ResumeFileError(f"{path} is a folder; give a file.") from None
    except OSError as exc:
        raise ResumeFileError(f"cannot read {path}: {exc.strerror or exc}.") from None
    return read_bytes(data, path.name)


def read_text(text: str, what: str = "the text") -> ParsedFile:
    """Pasted text, checked like a file."""
    if len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        raise ResumeFileError(
            f"{what} is longer than the {MAX_FILE_BYTES // 2**20} MiB limit; paste just the "
            "résumé or the job description."
        )
    cleaned = clean_text(text)
    _check_text(cleaned, what)
    return ParsedFile(text=cleaned, kind="text")


def _check_text(text: str, label: str) -> None:
    if not text.strip():
        raise ResumeFileError(f"{label} is empty; paste the text or choose a file.")
    if len(text) > MAX_TEXT_CHARS:
        raise ResumeFileError(
            f"{label} holds {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} read; "
            "give just the résumé or the job description."
        )


def _read_in_child(
    data: bytes, kind: FileKind, label: str, limits: ReaderLimits
) -> tuple[str, int]:
    # Run by path, isolated (-I): the child imports pypdf or python-docx, never barraiser (whose
    # package would pull in numpy and the analysis: a second of start-up for nothing).
    command = [
        sys.executable,
        "-I",
        str(WORKER),
        kind,
        str(MAX_PAGES),
        str(MAX_TEXT_CHARS),
        str(limits.memory_limit_mib),
        str(limits.cpu_limit_s),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARRAISER_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=limits.timeout_s,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ResumeFileError(
            f"reading {label} took longer than {limits.timeout_s:g} s and was stopped (the file "
            "may be built to hang readers); export it again from your editor, or paste the text."
        ) from None
    except OSError as exc:
        raise ResumeFileError(
            f"the file reader could not start ({exc.strerror or exc}); paste the text instead."
        ) from None
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        answer = None
    if not isinstance(answer, dict):
        if done.returncode == -signal.SIGXCPU:
            why = f"it used more than {limits.cpu_limit_s} s of processor time"
        elif done.returncode < 0:
            why = f"it was stopped by signal {-done.returncode}"
        else:
            why = f"it exited with code {done.returncode}"
        if any(sign in done.stderr for sign in _OUT_OF_MEMORY):
            why = "it needed more memory than a résumé can"
        raise ResumeFileError(
            f"{label} could not be read safely ({why}; the file may be damaged or built to "
            "break readers); export it again from your editor, or paste the text."
        )
    if not answer.get("ok"):
        raise ResumeFileError(f"{label}: {answer.get('error', 'it could not be read')}")
    return str(answer.get("text", "")), int(answer.get("pages", 0))
