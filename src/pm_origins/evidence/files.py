"""Résumé files to plain text, with bounded cost whatever the file holds.

Formats: .txt, .md, .pdf (pypdf) and .docx (python-docx), plus pasted text.
Every way in checks the same limits: MAX_UPLOAD_BYTES for a file and
MAX_TEXT_CHARS for the text it gives. A file that cannot be read (encrypted,
corrupt, only images, binary, a zip bomb) raises ResumeFileError with a
message for people; nothing else is touched.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from pm_origins.evidence.errors import (
    BINARY_FILE,
    CORRUPT_FILE,
    EMPTY_TEXT,
    ENCRYPTED_FILE,
    IMAGE_ONLY,
    LEGACY_WORD,
    TEXT_TOO_LONG,
    TOO_LARGE,
    TOO_MANY_PAGES,
    UNSUPPORTED_FORMAT,
    ZIP_BOMB,
    EvidenceUnavailable,
    ResumeFileError,
)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 50_000
MAX_PDF_PAGES = 30
# A .docx is a zip: refuse one that would unpack to more than this, or that
# packs any member more tightly than a real document ever does.
MAX_DOCX_UNPACKED_BYTES = 30 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_DOCX_MEMBERS = 2_000
FORMATS = (".txt", ".md", ".pdf", ".docx")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str, *, source: str = "The text") -> str:
    """Normalise pasted or extracted text and check its length.

    Control characters become spaces and lone surrogates the replacement
    character, so any text within the limit is read, never refused for its bytes.

    Raises:
        ResumeFileError: the text is empty or longer than MAX_TEXT_CHARS.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ResumeFileError(TEXT_TOO_LONG.format(source=source, limit=MAX_TEXT_CHARS))
    text = _SURROGATE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text)).replace("\u00a0", " ")
    if not text.strip():
        raise ResumeFileError(EMPTY_TEXT.format(source=source))
    return text


def resume_text(data: bytes, filename: str) -> str:
    """The text of a résumé file, by its extension.

    Args:
        data: the file's bytes (at most MAX_UPLOAD_BYTES).
        filename: its name; only the extension is used.
    Returns:
        Clean text of at most MAX_TEXT_CHARS characters.
    Raises:
        ResumeFileError: too large, unsupported, or unreadable.
        EvidenceUnavailable: a .pdf or .docx without the `evidence` extra.
    """
    name = Path(filename).name or "the file"
    if len(data) > MAX_UPLOAD_BYTES:
        raise ResumeFileError(TOO_LARGE.format(name=name, limit=MAX_UPLOAD_BYTES // (1024 * 1024)))
    suffix = Path(filename).suffix.lower()
    if suffix in (".txt", ".md"):
        text = _plain_text(data, name)
    elif suffix == ".pdf":
        text = _pdf_text(data, name)
    elif suffix == ".docx":
        text = _docx_text(data, name)
    else:
        raise ResumeFileError(UNSUPPORTED_FORMAT.format(name=name, formats=", ".join(FORMATS)))
    return clean_text(text, source=name)


def read_resume_file(path: Path) -> str:
    """Read and extract a résumé file from disk (size checked before reading).

    Raises:
        ResumeFileError: missing, too large, unsupported or unreadable.
    """
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise ResumeFileError(
                TOO_LARGE.format(name=path.name, limit=MAX_UPLOAD_BYTES // (1024 * 1024))
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise ResumeFileError(f"{path} is a folder; give the path of a résumé file.") from None
    except OSError as exc:
        raise ResumeFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return resume_text(data, path.name)


def _plain_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ResumeFileError(BINARY_FILE.format(name=name)) from None
    if b"\x00" in data[:8192] or data.startswith((b"PK\x03\x04", b"%PDF", _OLE_MAGIC)):
        raise ResumeFileError(BINARY_FILE.format(name=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: Windows-1252 text is common; binary data shows as unprintable runs.
    text = data.decode("cp1252", errors="replace")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\t\r")
    if "\ufffd" in text or printable < 0.95 * len(text):
        raise ResumeFileError(BINARY_FILE.format(name=name))
    return text


def _pdf_text(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        from pm_origins.evidence.errors import MISSING_EXTRA

        raise EvidenceUnavailable(MISSING_EXTRA.format(module=exc.name)) from None
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise ResumeFileError(CORRUPT_FILE.format(name=name, kind="PDF"))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ResumeFileError(ENCRYPTED_FILE.format(name=name))
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ResumeFileError(TOO_MANY_PAGES.format(name=name, limit=MAX_PDF_PAGES))
        parts: list[str] = []
        size = 0
        for page in pages:
            part = page.extract_text() or ""
            parts.append(part)
            size += len(part)
            if size > MAX_TEXT_CHARS:
                raise ResumeFileError(TEXT_TOO_LONG.format(source=name, limit=MAX_TEXT_CHARS))
    except ResumeFileError:
        raise
    except (PdfReadError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        if type(exc).__name__ == "LimitReachedError":
            raise ResumeFileError(ZIP_BOMB.format(name=name)) from None
        raise ResumeFileError(CORRUPT_FILE.format(name=name, kind="PDF")) from None
    except Exception as exc:  # pypdf raises many kinds on hostile files
        if type(exc).__name__ in ("DependencyError", "FileNotDecryptedError"):
            raise ResumeFileError(ENCRYPTED_FILE.format(name=name)) from None
        if type(exc).__name__ == "LimitReachedError":  # a stream unpacking past pypdf's cap
            raise ResumeFileError(ZIP_BOMB.format(name=name)) from None
        raise ResumeFileError(CORRUPT_FILE.format(name=name, kind="PDF")) from None
    text = "\n".join(parts)
    if not text.strip():
        raise ResumeFileError(IMAGE_ONLY.format(name=name))
    return text


def _docx_text(data: bytes, name: str) -> str:
    if data.startswith(_OLE_MAGIC):
        raise ResumeFileError(LEGACY_WORD.format(name=name))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ResumeFileError(CORRUPT_FILE.format(name=name, kind="Word (.docx)")) from None
    with archive:
        members = archive.infolist()
        unpacked = sum(m.file_size for m in members)
        if (
            len(members) > MAX_DOCX_MEMBERS
            or unpacked > MAX_DOCX_UNPACKED_BYTES
            or any(m.file_size > MAX_DOCX_RATIO * max(m.compress_size, 1) for m in members)
        ):
            raise ResumeFileError(ZIP_BOMB.format(name=name))
        if "word/document.xml" not in archive.namelist():
            raise ResumeFileError(CORRUPT_FILE.format(name=name, kind="Word (.docx)"))
    try:
        import docx
    except ImportError as exc:
        from pm_origins.evidence.errors import MISSING_EXTRA

        raise EvidenceUnavailable(MISSING_EXTRA.format(module=exc.name)) from None
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_paragraph_text(block, document))
            elif tag == "tbl":
                for row in block.iter(block.tag.replace("tbl", "tr")):
                    cells = [
                        "".join(t.text or "" for t in cell.iter(block.tag.replace("tbl", "t")))
                        for cell in row.iter(block.tag.replace("tbl", "tc"))
                    ]
                    lines.append(" | ".join(c for c in cells if c.strip()))
    except Exception:  # python-docx and lxml raise many kinds on hostile files
        raise ResumeFileError(CORRUPT_FILE.format(name=name, kind="Word (.docx)")) from None
    text = "\n".join(lines)
    if not text.strip():
        raise ResumeFileError(IMAGE_ONLY.format(name=name))
    return text


def _paragraph_text(element: Any, document: Any) -> str:
    """A paragraph's text, with a bullet mark when Word shows it as a list item."""
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(element, document.part)
    text = paragraph.text
    numbered = element.pPr is not None and element.pPr.numPr is not None
    style = paragraph.style.name if paragraph.style is not None else ""
    listed = numbered or (style or "").lower().startswith("list")
    return f"• {text}" if listed and text.strip() else text
