"""Résumé files for the tests and the benchmark: text PDFs written by hand, DOCX written with
python-docx, and hostile PDFs (a decompression bomb, a slow one, deep nesting, encryption).

The PDF writer is the smallest that real readers accept: Helvetica text, one content stream
per page, a cross-reference table. No reportlab needed.
"""

from __future__ import annotations

import io
import textwrap
import zlib
from pathlib import Path

RESUME_DATA = Path(__file__).resolve().parent / "data" / "resume"
LINES_PER_PAGE = 50
WRAP = 95


def _escape(text: str) -> str:
    # Helvetica's WinAnsi (cp1252) has the bullet and most Latin letters; others become '?'.
    raw = text.encode("cp1252", "replace").decode("latin-1")
    return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pages_of(text: str) -> list[list[str]]:
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.rstrip()
        if not stripped:
            lines.append("")
            continue
        bullet = stripped.startswith(("- ", "* "))
        body = ("\u2022 " + stripped[2:]) if bullet else stripped
        wrapped = textwrap.wrap(body, WRAP, subsequent_indent="  " if bullet else "")
        lines.extend(wrapped or [""])
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]


def _stream(lines: list[str]) -> bytes:
    parts = ["BT", "/F1 10 Tf", "13 TL", "50 760 Td"]
    for line in lines:
        parts.append(f"({_escape(line)}) Tj T*")
    parts.append("ET")
    return "\n".join(parts).encode("latin-1")


def build_pdf(pages: list[bytes], page_extra: bytes = b"") -> bytes:
    """A PDF whose pages have these content stream objects; ``page_extra`` goes into every
    page dictionary."""
    objects: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then for each page: page object, content stream.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            + page_extra
            + f" /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(content)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _stream_object(data: bytes, compress: bool = False) -> bytes:
    if compress:
        packed = zlib.compress(data, 9)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        return head + packed + b"\nendstream"
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def text_pdf(text: str) -> bytes:
    """A text PDF of ``text`` (``- `` lines become bullets), 50 lines a page."""
    return build_pdf([_stream_object(_stream(lines), compress=True) for lines in _pages_of(text)])


def docx_bytes(text: str) -> bytes:
    """A DOCX of ``text``: ``# `` lines are headings, ``- `` lines bulleted list paragraphs."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            document.add_heading(stripped.lstrip("# "), level=2)
        elif stripped.startswith(("- ", "* ")):
            document.add_paragraph(stripped[2:], style="List Bullet")
        else:
            document.add_paragraph(stripped)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def bomb_pdf(expanded_mib: int = 400) -> bytes:
    """A one-page PDF whose content stream inflates from a few hundred KiB to ``expanded_mib``."""
    chunk = b"0 0 m\n" * (2**20 // 6)
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(chunk) for _ in range(expanded_mib)) + packer.flush()
    head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
    return build_pdf([head + packed + b"\nendstream"])


def slow_pdf(expanded_mib: int = 5) -> bytes:
    """A one-page PDF of a few KiB whose content stream inflates to ``expanded_mib`` MiB of text
    operators: pypdf takes seconds of CPU per MiB to read its text (over 10 s for 5 MiB here).
    """
    chunk = b"BT /F1 10 Tf 50 700 Td (Busy line of text) Tj ET\n" * (2**20 // 50)
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(chunk) for _ in range(expanded_mib)) + packer.flush()
    head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
    return build_pdf([head + packed + b"\nendstream"])


def nested_pdf(depth: int = 50_000) -> bytes:
    """A PDF whose page content stream names a resource nested ``depth`` arrays deep."""
    nested = b"[" * depth + b"1" + b"]" * depth
    # Inline in the page dictionary itself, so reading the page parses it.
    return build_pdf([_stream_object(_stream(["Deeply nested"]))], b"/Annots " + nested)


def encrypted_pdf(text: str = "Jane Doe\nML engineer", password: str = "secret") -> bytes:
    """A text PDF encrypted (RC4-128) with a user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(text))))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def fixture_text(kind: str, name: str) -> str:
    """The text of a fixture: ``kind`` is ``resumes`` or ``jobs``, ``name`` its stem."""
    return (RESUME_DATA / kind / f"{name}.md").read_text(encoding="utf-8")
