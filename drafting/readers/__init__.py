"""Readers turn a file into blocks (`RawDocument`); they never interpret the plan."""

from __future__ import annotations

from pathlib import Path

from drafting.document import RawDocument
from drafting.errors import InputError, UsageError
from drafting.readers.docx import read_docx
from drafting.readers.text import read_text

MAX_FILE_BYTES = 50 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = {".txt": False, ".text": False, ".md": True, ".markdown": True}


def read_document(path: Path, data: bytes | None = None) -> RawDocument:
    """Read any supported file; raise a `DraftingError` naming the file when it cannot be read. ``data``: its
    bytes, when the caller has read them already (the consolidation reads a report's tables from them too)."""
    name = str(path)
    data = read_bytes(path) if data is None else data
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from drafting.readers.html import read_html  # each reader imported when its format comes: `check` reads DOCX

        document = read_html(data, name)
    elif suffix in TEXT_SUFFIXES:
        document = read_text(data, name, markdown=TEXT_SUFFIXES[suffix])
    elif suffix == ".docx" or (suffix not in (".doc", ".pdf") and data.startswith(b"PK")):
        document = read_docx(data, name)
    elif suffix == ".pdf" or data.startswith(b"%PDF"):
        from drafting.readers.pdf import read_pdf

        document = read_pdf(data, name)
    elif suffix == ".doc":
        document = read_docx(convert_doc(path), name)
        document.format = "doc"
    elif suffix in ("", ".text", ".log") or _looks_textual(data):
        document = read_text(data, name, markdown=False)
    else:
        raise InputError("unsupported", path=name, suffix=suffix)
    if not any(block.text.strip() for block in document.blocks):
        raise InputError("empty", path=name)
    return document


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refused with a clerk's message when missing, a folder, empty or too large."""
    name = str(path)
    if not path.exists():
        raise UsageError("missing", path=name)
    if path.is_dir():
        raise UsageError("directory", path=name)
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty", path=name)
    if size > MAX_FILE_BYTES:
        raise InputError("too_large", path=name, size_mb=size // 2**20, limit_mb=MAX_FILE_BYTES // 2**20)
    return path.read_bytes()


def _looks_textual(data: bytes) -> bool:
    return b"\x00" not in data[:4096] and not data.startswith((b"\xd0\xcf\x11\xe0", b"\x7fELF"))


def convert_doc(path: Path) -> bytes:
    """Word 97–2003 .doc → DOCX bytes through LibreOffice headless."""
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        return data  # a .docx named .doc
    from drafting.office import convert

    return convert(path, "docx", "doc_needs_libreoffice", "doc_conversion_failed")
