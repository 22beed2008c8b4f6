"""Résumé files of every kind give their text, or a clear message and nothing else."""

from __future__ import annotations

import pytest

from pm_origins.evidence.errors import ResumeFileError
from pm_origins.evidence.files import (
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    clean_text,
    read_resume_file,
    resume_text,
)

from .documents import (
    OLE_HEADER,
    PNG_BYTES,
    deflate_bomb_pdf,
    docx_file,
    encrypted_pdf,
    image_only_pdf,
    text_pdf,
    zip_bomb_docx,
)

LINES = ["QA Engineer, Acme - Jan 2020 - Present", "- Automated the regression suite in Cypress."]


def test_a_text_pdf_gives_its_lines() -> None:
    text = resume_text(text_pdf(LINES), "cv.pdf")

    assert "QA Engineer, Acme" in text
    assert "Automated the regression suite in Cypress." in text


def test_a_docx_gives_its_paragraphs_with_list_items_marked_as_bullets() -> None:
    data = docx_file("QA Engineer, Acme - Jan 2020 - Present", ["Automated the regression suite."])

    text = resume_text(data, "cv.docx")

    assert "QA Engineer, Acme - Jan 2020 - Present" in text
    assert "• Automated the regression suite." in text


@pytest.mark.parametrize("name", ["cv.txt", "cv.md", "CV.TXT"])
def test_text_and_markdown_files_are_read_as_utf8(name: str) -> None:
    assert "Müller" in resume_text("Jürgen Müller\nDéveloppeur".encode(), name)


def test_windows_1252_text_is_read_too() -> None:
    assert "café" in resume_text("Barista at the café".encode("cp1252"), "cv.txt")


def test_an_encrypted_pdf_is_refused_with_a_message() -> None:
    with pytest.raises(ResumeFileError, match="protected by a password"):
        resume_text(encrypted_pdf(LINES), "locked.pdf")


def test_an_image_only_pdf_is_refused_with_a_message() -> None:
    with pytest.raises(ResumeFileError, match="only images"):
        resume_text(image_only_pdf(), "scan.pdf")


@pytest.mark.parametrize(
    "data",
    [
        text_pdf(LINES)[:200],  # cut short
        b"%PDF-1.4\n" + bytes(range(256)) * 8,  # a header and noise
        b"this is not a pdf at all",
    ],
)
def test_a_corrupt_pdf_is_refused_with_a_message(data: bytes) -> None:
    with pytest.raises(ResumeFileError, match="could not be read as a PDF"):
        resume_text(data, "broken.pdf")


def test_a_pdf_whose_stream_unpacks_to_80_mb_is_refused() -> None:
    with pytest.raises(ResumeFileError, match="unpacks to far more"):
        resume_text(deflate_bomb_pdf(), "bomb.pdf")


def test_a_zip_bomb_named_docx_is_refused_before_it_is_unpacked() -> None:
    with pytest.raises(ResumeFileError, match="unpacks to far more"):
        resume_text(zip_bomb_docx(), "bomb.docx")


def test_an_encrypted_or_old_word_file_is_refused_with_a_message() -> None:
    with pytest.raises(ResumeFileError, match=r"password-protected \.docx"):
        resume_text(OLE_HEADER, "locked.docx")


def test_a_corrupt_docx_is_refused_with_a_message() -> None:
    with pytest.raises(ResumeFileError, match=r"could not be read as a Word \(.docx\)"):
        resume_text(b"PK\x03\x04 definitely not a whole zip", "broken.docx")


@pytest.mark.parametrize("name", ["photo.txt", "photo.md"])
def test_binary_data_named_as_text_is_refused(name: str) -> None:
    with pytest.raises(ResumeFileError, match="does not look like a text file"):
        resume_text(PNG_BYTES, name)


def test_an_unsupported_format_names_the_ones_read() -> None:
    with pytest.raises(ResumeFileError, match=r"\.txt, \.md, \.pdf, \.docx"):
        resume_text(b"{}", "cv.rtf")


def test_a_file_over_5_mb_is_refused_before_it_is_read(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_UPLOAD_BYTES + 1))

    with pytest.raises(ResumeFileError, match="larger than 5 MB"):
        read_resume_file(path)


def test_text_over_50000_characters_is_refused() -> None:
    with pytest.raises(ResumeFileError, match="more than 50,000 characters"):
        clean_text("word " * (MAX_TEXT_CHARS // 5 + 1))


def test_empty_text_is_refused() -> None:
    with pytest.raises(ResumeFileError, match="holds no text"):
        clean_text(" \n\t ")


def test_control_characters_are_dropped_and_line_ends_unified() -> None:
    assert clean_text("a\x00b\r\nc\rd") == "a b\nc\nd"


def test_a_missing_file_says_it_cannot_be_read(tmp_path) -> None:
    with pytest.raises(ResumeFileError, match="Cannot read"):
        read_resume_file(tmp_path / "nope.pdf")
