"""The résumé reader's child process: reads one file from stdin, prints its text as JSON.

Run only by :func:`barraiser.resume.parse.read_bytes`, by path and isolated (``python -I
_worker.py KIND MAX_PAGES MAX_CHARS MEMORY_MIB CPU_S``): it imports nothing of barraiser. Hostile
files (decompression bombs, deeply nested objects) are read here, under limits the process sets
on itself before it reads a byte: address space (``MEMORY_MIB``), CPU time (``CPU_S``), no file
writes. The parent also kills it after a wall-clock timeout. Whatever happens, the answer is
one JSON object: ``{"ok": true, "text": ..., "pages": N}`` or ``{"ok": false, "error": "<a
sentence>"}``; a crash (a signal, or running out of memory before the reading starts) is told
by the parent.
"""

from __future__ import annotations

import io
import json
import re
import resource
import sys
import zipfile
from typing import Any

#: A DOCX is a ZIP: more than this uncompressed, or a ratio past this, is a decompression bomb.
DOCX_MAX_UNCOMPRESSED_BYTES = 40 * 2**20
DOCX_MAX_RATIO = 200
#: Deeply nested PDF objects raise RecursionError here rather than overflowing the C stack.
RECURSION_LIMIT = 1000


class Refused(Exception):
    """The file cannot be read; ``str()`` is the sentence for the user."""


def _limit(memory_limit_mib: int, cpu_limit_s: int) -> None:
    for which, value in (
        (resource.RLIMIT_AS, memory_limit_mib * 2**20),
        (resource.RLIMIT_CPU, cpu_limit_s),
        (resource.RLIMIT_FSIZE, 0),
        (resource.RLIMIT_CORE, 0),
    ):
        try:
            _soft, hard = resource.getrlimit(which)
            cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(which, (cap, hard))
        except (ValueError, OSError):  # pragma: no cover - a platform without that limit
            pass
    sys.setrecursionlimit(RECURSION_LIMIT)


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = error
    for _ in range(20):  # a bounded walk: causes can form a cycle
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _pdf(data: bytes, max_pages: int) -> tuple[str, int]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    # pypdf logs repairs of damaged files as warnings; the user gets a sentence instead.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (FileNotDecryptedError, NotImplementedError, PdfReadError) as exc:
                raise Refused(
                    "the PDF is encrypted with a method that cannot be read here; save or "
                    "export an unprotected copy and upload that."
                ) from exc
            if not opened:
                raise Refused(
                    "the PDF is password-protected; save or export a copy without a password "
                    "and upload that, or paste the résumé's text."
                )
        pages = len(reader.pages)
        if pages > max_pages:
            raise Refused(
                f"the PDF has {pages} pages, more than the {max_pages} read here; a résumé "
                "should be one or two pages: upload just the résumé."
            )
        texts = [page.extract_text() or "" for page in reader.pages]
    except Refused:
        raise
    except FileNotDecryptedError as exc:
        raise Refused(
            "the PDF is password-protected; save a copy without a password and upload that."
        ) from exc
    except RecursionError as exc:
        raise Refused(
            "the PDF's structure is nested too deeply to read safely; export the résumé to PDF "
            "again from your editor, or paste its text."
        ) from exc
    except (MemoryError, LimitReachedError) as exc:
        raise Refused(
            "the PDF expands to more data than a résumé can hold (it may be a decompression "
            "bomb); export the résumé to PDF again from your editor, or paste its text."
        ) from exc
    except Exception as exc:
        if _caused_by(exc, RecursionError):
            raise Refused(
                "the PDF's structure is nested too deeply to read safely; export the résumé "
                "to PDF again from your editor, or paste its text."
            ) from exc
        raise Refused(
            f"the PDF is damaged or not a PDF that can be read ({type(exc).__name__}); export "
            "it again from your editor, or paste the résumé's text."
        ) from exc
    return "\n".join(texts), pages


def _docx(data: bytes) -> tuple[str, int]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Refused(
            "the DOCX file is damaged (it is not a readable ZIP archive); save it again from "
            "your editor, or paste the résumé's text."
        ) from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > DOCX_MAX_UNCOMPRESSED_BYTES or total / packed > DOCX_MAX_RATIO:
        raise Refused(
            "the DOCX file expands to far more data than a résumé holds (it may be a "
            "decompression bomb); save it again from your editor, or paste its text."
        )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise Refused(
            "the file is a ZIP archive but not a Word document (it has no word/document.xml); "
            "upload a .docx saved by Word, LibreOffice or Google Docs."
        )
    try:
        import docx

        document: Any = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for paragraph in document.paragraphs:
            text = paragraph.text.strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            # Word's list paragraphs carry their bullet in the numbering, not in the text.
            is_list = "List" in style or (
                paragraph._p.pPr is not None and (paragraph._p.pPr.numPr is not None)
            )
            lines.append(f"- {text}" if is_list and not re.match(r"^[-•*]", text) else text)
        for table in document.tables:
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    lines.append(" | ".join(dict.fromkeys(cells)))
    except MemoryError as exc:
        raise Refused(
            "the DOCX file expands to more data than a résumé can hold; save it again, or "
            "paste its text."
        ) from exc
    except Exception as exc:
        raise Refused(
            f"the DOCX file could not be read ({type(exc).__name__}); save it again from your "
            "editor, or paste the résumé's text."
        ) from exc
    return "\n".join(lines), 0


def main(argv: list[str]) -> int:
    _limit(int(argv[3]), int(argv[4]))
    kind, max_pages, max_chars = argv[0], int(argv[1]), int(argv[2])
    data = sys.stdin.buffer.read()
    try:
        if kind == "pdf":
            text, pages = _pdf(data, max_pages)
        elif kind == "docx":
            text, pages = _docx(data)
        else:
            raise Refused(f"unknown kind {kind!r}")
        if len(text) > max_chars:
            raise Refused(
                f"the file holds {len(text):,} characters of text, more than the {max_chars:,} "
                "a résumé needs; upload just the résumé."
            )
        answer: dict[str, Any] = {"ok": True, "text": text, "pages": pages}
    except Refused as exc:
        answer = {"ok": False, "error": str(exc)}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
