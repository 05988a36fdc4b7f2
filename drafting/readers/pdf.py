"""PDF with a text layer → blocks, one per extracted line, in reading order (pypdf)."""

from __future__ import annotations

import logging
from io import BytesIO

from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.readers.encoding import normalise

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes, path: str) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("corrupt_pdf", path=path, detail="tệp có mật khẩu")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise InputError("corrupt_pdf", path=path, detail=type(error).__name__) from error
    text = "\n".join(pages)
    if sum(1 for char in text if char.isalpha()) < 50:
        raise InputError("pdf_no_text", path=path)
    text, legacy = normalise(text, path)
    blocks = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if line:
            blocks.append(Block(text=line, line=number))
    return RawDocument(path, "pdf", f"pdf+{legacy.lower()}" if legacy else "pdf", blocks)
