"""Reading résumés: PDF and DOCX in a child process with limits, Markdown and text here; every
hostile or wrong file ends in one sentence saying what to do, never a hang or a traceback."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from barraiser.resume import MAX_FILE_BYTES, ResumeFileError, read_bytes, read_file
from barraiser.resume.parse import MAX_PAGES, read_text
from resume_files import (
    bomb_pdf,
    docx_bytes,
    encrypted_pdf,
    fixture_text,
    nested_pdf,
    text_pdf,
)

#: Generous: the child process starts Python and pypdf in ~0.3 s here.
QUICK_S = 10.0


def _refusal(data: bytes, name: str) -> str:
    started = time.monotonic()
    with pytest.raises(ResumeFileError) as caught:
        read_bytes(data, name)
    assert time.monotonic() - started < QUICK_S
    message = str(caught.value)
    assert "Traceback" not in message and message.endswith(".")
    return message


def test_pdf_docx_markdown_and_text_give_the_same_lines(tmp_path: Path) -> None:
    text = fixture_text("resumes", "recsys-mid")
    pdf = read_bytes(text_pdf(text), "cv.pdf")
    assert pdf.kind == "pdf" and pdf.pages == 1
    assert "• Moved nightly feature generation from Hive to Spark" in pdf.text
    docx = read_bytes(docx_bytes(text), "cv.docx")
    assert docx.kind == "docx" and docx.pages == 0
    # Word list paragraphs carry no bullet character: the reader gives them one.
    assert "- Moved nightly feature generation from Hive to Spark" in docx.text
    md = tmp_path / "cv.md"
    md.write_text(text, encoding="utf-8")
    assert read_file(md).text == text
    utf16 = read_bytes(text.encode("utf-16"), "cv.txt")
    assert utf16.text == text


def test_a_two_page_pdf_counts_its_pages() -> None:
    long_text = fixture_text("resumes", "nlp-senior") * 2
    parsed = read_bytes(text_pdf(long_text), "long.pdf")
    assert parsed.pages == 2
    assert parsed.text.count("Mentored four engineers") == 2


def test_a_decompression_bomb_is_refused_quickly() -> None:
    message = _refusal(bomb_pdf(400), "bomb.pdf")
    assert "decompression bomb" in message


def test_a_deeply_nested_pdf_is_refused() -> None:
    message = _refusal(nested_pdf(50_000), "nested.pdf")
    assert "nested too deeply" in message


def test_a_docx_zip_bomb_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:t>" + b" " * (200 * 2**20))
    message = _refusal(out.getvalue(), "bomb.docx")
    assert "decompression bomb" in message


def test_an_encrypted_pdf_asks_for_an_unprotected_copy() -> None:
    message = _refusal(encrypted_pdf(), "locked.pdf")
    assert "password-protected" in message and "without a password" in message


def test_more_pages_than_the_limit_are_refused() -> None:
    many = "\n".join(f"- Line {n} of a very long document" for n in range(50 * (MAX_PAGES + 2)))
    message = _refusal(text_pdf(many), "book.pdf")
    assert f"more than the {MAX_PAGES} read here" in message


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (docx_bytes("Jane Doe"), "cv.pdf", "named like a PDF but holds a Word document"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "cv.pdf", "named like a PDF but holds binary data"),
        (b"Just text, not a PDF", "cv.pdf", "named like a PDF but holds plain text"),
        (text_pdf("Jane Doe"), "cv.docx", "named like a Word (.docx) document but holds a PDF"),
        (text_pdf("Jane Doe"), "cv.txt", "named like a text file but holds a PDF"),
        (b"PK\x03\x04" + bytes(100), "cv.docx", "holds a ZIP archive"),
        (b"{\\rtf1 old}", "cv.doc", "old Word (.doc) files cannot be read"),
        (b"hello", "cv.pages", "only PDF, DOCX, Markdown"),
        (b"", "cv.pdf", "is empty"),
        (b"%PDF-1.4\n" + bytes(50), "broken.pdf", "damaged or not a PDF"),
    ],
)
def test_files_that_are_not_what_they_say_get_a_sentence(
    data: bytes, name: str, expected: str
) -> None:
    assert expected in _refusal(data, name)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.pdf"
    with big.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ResumeFileError, match="larger than the 3 MiB limit"):
        read_file(big)
    with pytest.raises(ResumeFileError, match="does not exist"):
        read_file(tmp_path / "nothing.pdf")


def test_a_scanned_pdf_without_text_says_so() -> None:
    empty_page = text_pdf("")
    assert "no text that can be read" in _refusal(empty_page, "scan.pdf")


def test_pasted_text_is_checked() -> None:
    with pytest.raises(ResumeFileError, match="empty"):
        read_text("   \n ", "The résumé")
    assert read_text("Jane\r\nDoe\x07").text == "Jane\nDoe"
