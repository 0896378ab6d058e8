"""Reading résumés: PDF and DOCX in a child process with limits, Markdown and text here; every
hostile or wrong file ends in one sentence saying what to do, never a hang or a traceback."""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile
from pathlib import Path

import pytest

from barraiser.resume import MAX_FILE_BYTES, ResumeFileError, parse, read_bytes, read_file
from barraiser.resume.parse import (
    MAX_PAGES,
    MAX_READERS,
    READER_WAIT_S,
    ReaderBusy,
    ReaderLimits,
    read_text,
)
from resume_files import (
    bomb_pdf,
    docx_bytes,
    encrypted_pdf,
    fixture_text,
    nested_pdf,
    slow_pdf,
    text_pdf,
)

#: Generous: the child process starts Python and pypdf in ~0.3 s here.
QUICK_S = 10.0


def _refusal(data: bytes, name: str, limits: ReaderLimits = parse.DEFAULT_LIMITS) -> str:
    started = time.monotonic()
    with pytest.raises(ResumeFileError) as caught:
        read_bytes(data, name, limits)
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
    started = time.monotonic()
    message = _refusal(bomb_pdf(400), "bomb.pdf")
    # Refused by the reader's own checks (~0.5 s here), long before the 20 s timeout.
    assert time.monotonic() - started < 5.0
    assert "decompression bomb" in message


def test_a_reader_past_its_wall_clock_limit_is_stopped() -> None:
    started = time.monotonic()
    message = _refusal(slow_pdf(5), "slow.pdf", ReaderLimits(timeout_s=1.0))
    assert time.monotonic() - started < 5.0
    assert message.startswith("reading slow.pdf took longer than 1 s and was stopped")
    assert "paste the text" in message


def test_a_reader_past_its_cpu_limit_is_stopped_by_the_kernel() -> None:
    message = _refusal(slow_pdf(5), "slow.pdf", ReaderLimits(cpu_limit_s=1))
    assert "could not be read safely (it used more than 1 s of processor time" in message


def test_a_reader_that_runs_out_of_memory_says_so() -> None:
    # Too little to start pypdf: the child dies of a MemoryError the parent reports.
    message = _refusal(text_pdf("Jane Doe"), "cv.pdf", ReaderLimits(memory_limit_mib=24))
    assert "could not be read safely (it needed more memory than a résumé can" in message
    # Enough to start, not to inflate the page: the child catches it and says what to do.
    message = _refusal(slow_pdf(5), "slow.pdf", ReaderLimits(memory_limit_mib=64))
    assert "the PDF expands to more data than a résumé can hold" in message


def test_a_file_that_finds_every_reader_busy_is_refused_not_queued() -> None:
    # Hold every reader's slot, as MAX_READERS uploads being read would.
    held = 0
    try:
        for _ in range(MAX_READERS):
            assert parse._READERS.acquire(timeout=30)
            held += 1
        started = time.monotonic()
        with pytest.raises(ReaderBusy) as caught:
            read_bytes(text_pdf("Jane Doe"), "cv.pdf")
        assert READER_WAIT_S <= time.monotonic() - started < READER_WAIT_S + 5
        assert str(caught.value) == (
            "cv.pdf: the résumé reader is busy; try again in a moment, or paste the text."
        )
        # A slot freed while it waits is taken.
        parse._READERS.release()
        held -= 1
        assert read_bytes(text_pdf("Jane Doe"), "cv.pdf").text.strip() == "Jane Doe"
        # Text files need no reader.
        assert read_bytes(b"Jane Doe", "cv.txt").text.strip() == "Jane Doe"
    finally:
        for _ in range(held):
            parse._READERS.release()


def _readers_running() -> int:
    """How many résumé reader children of this process are running now."""
    count = 0
    for proc in Path("/proc").iterdir():
        try:
            status = (proc / "status").read_text()
            command = (proc / "cmdline").read_bytes()
        except OSError:  # not a process, or it ended
            continue
        parent = next((ln for ln in status.splitlines() if ln.startswith("PPid:")), "")
        if parent.split()[1:] == [str(os.getpid())] and str(parse.WORKER).encode() in command:
            count += 1
    return count


def test_at_most_max_readers_children_run_at_once() -> None:
    data = text_pdf(fixture_text("resumes", "nlp-senior") * 2)
    texts: list[str] = []
    threads = [
        threading.Thread(target=lambda: texts.append(read_bytes(data, "cv.pdf").text))
        for _ in range(MAX_READERS + 2)
    ]
    for thread in threads:
        thread.start()
    peak = 0
    while any(t.is_alive() for t in threads):
        peak = max(peak, _readers_running())
    for thread in threads:
        thread.join()
    # Every read finished (quick reads wait their turn), never more than MAX_READERS at once.
    assert len(texts) == MAX_READERS + 2
    assert 1 <= peak <= MAX_READERS


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
