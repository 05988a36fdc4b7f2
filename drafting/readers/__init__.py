"""Readers turn a file into blocks (`RawDocument`); they never interpret the plan."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafting.document import RawDocument
from drafting.errors import InputError, UsageError
from drafting.readers.docx import read_docx
from drafting.readers.pdf import read_pdf
from drafting.readers.text import read_text

MAX_FILE_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt": False, ".text": False, ".md": True, ".markdown": True}


def read_document(path: Path) -> RawDocument:
    """Read any supported file; raise a `DraftingError` naming the file when it cannot be read."""
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
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        document = read_text(data, name, markdown=TEXT_SUFFIXES[suffix])
    elif suffix == ".docx" or (suffix not in (".doc", ".pdf") and data.startswith(b"PK")):
        document = read_docx(data, name)
    elif suffix == ".pdf" or data.startswith(b"%PDF"):
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


def _looks_textual(data: bytes) -> bool:
    return b"\x00" not in data[:4096] and not data.startswith((b"\xd0\xcf\x11\xe0", b"\x7fELF"))


def convert_doc(path: Path) -> bytes:
    """Word 97–2003 .doc → DOCX bytes through LibreOffice headless."""
    if path.read_bytes()[:4] == b"PK\x03\x04":
        return path.read_bytes()  # a .docx named .doc
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise InputError("doc_needs_libreoffice", path=str(path))
    with tempfile.TemporaryDirectory(prefix="drafting-doc-") as out:
        profile = Path(out) / "profile"
        command = [office, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "docx", "--outdir", out, str(path)]
        try:
            subprocess.run(command, capture_output=True, timeout=120, check=True)
        except (subprocess.SubprocessError, OSError) as error:
            raise InputError("doc_conversion_failed", path=str(path), detail=type(error).__name__) from error
        converted = Path(out) / f"{path.stem}.docx"
        if not converted.exists():
            raise InputError("doc_conversion_failed", path=str(path), detail="không có tệp kết quả")
        return converted.read_bytes()
