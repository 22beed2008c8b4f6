"""Real résumé files made in the test: PDFs written by hand, .docx by python-docx."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
from pypdf import PdfReader, PdfWriter


def _pdf(content: bytes, with_font: bool = True, deflated: bool = False) -> bytes:
    """A one-page PDF whose page draws `content` (a content stream)."""
    resources = b"<< /Font << /F1 5 0 R >> >>" if with_font else b"<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        + resources
        + b" /Contents 4 0 R >>",
        b"<< /Length %d%s >>\nstream\n"
        % (len(content), b" /Filter /FlateDecode" if deflated else b"")
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _escape(line: str) -> bytes:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def text_pdf(lines: list[str]) -> bytes:
    """A PDF with each line drawn as text, top to bottom."""
    body = b"BT /F1 11 Tf 14 TL 50 750 Td\n"
    for line in lines:
        body += b"(" + _escape(line) + b") Tj T*\n"
    return _pdf(body + b"ET")


def image_only_pdf() -> bytes:
    """A PDF whose only page is a picture (a 2x2 grey inline image): a scan, in effect."""
    return _pdf(
        b"q 200 0 0 200 50 500 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x80\x40\x20\x10 EI Q", False
    )


def deflate_bomb_pdf(unpacked_mb: int = 80) -> bytes:
    """A PDF whose page stream is a few hundred KB packed and `unpacked_mb` MB unpacked."""
    raw = b"BT /F1 11 Tf 50 750 Td (Hello) Tj ET\n" + b" " * (unpacked_mb * 1024 * 1024)
    return _pdf(zlib.compress(raw, 9), deflated=True)


def encrypted_pdf(lines: list[str], password: str = "s3cret") -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf(lines))))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_file(heading: str, bullets: list[str]) -> bytes:
    document = docx.Document()
    document.add_paragraph(heading)
    for bullet in bullets:
        document.add_paragraph(bullet, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(unpacked_mb: int = 40) -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to `unpacked_mb` MB of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # encrypted .docx or old .doc
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
