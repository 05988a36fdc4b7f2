"""PDF with a text layer → blocks, one per extracted line, in reading order (pypdf)."""

from __future__ import annotations

import logging
from io import BytesIO

from drafting.data_files import load
from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.parsing.labels import read_label
from drafting.parsing.text import is_upper
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
    blocks: list[Block] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        if blocks and _wraps(blocks[-1].text, line):
            previous = blocks[-1]
            previous.parts = previous.lines() + [line]
            previous.text = f"{previous.text} {line}"
        else:
            blocks.append(Block(text=line, line=number))
    return RawDocument(path, "pdf", f"pdf+{legacy.lower()}" if legacy else "pdf", blocks)


def _wraps(previous: str, line: str) -> bool:
    """A PDF line continues the one above when that one has not ended its sentence and this one
    starts no item; upper-case lines (header, headings, signature) are never joined."""
    if is_upper(previous) or is_upper(line) or previous.endswith((".", ";", ":", "!", "?")):
        return False
    hanging = previous.rsplit(" ", 1)[-1].lower() in load("vocabulary")["words_that_never_end_a_line"]
    if not (line[0].islower() or line[0].isdigit() or hanging):
        return False  # a new line in upper case: a heading, a date line, a proper noun's paragraph
    return read_label(line) is None and not line.startswith(("Nơi nhận", "Kính gửi", "Căn cứ", "- ", "+ "))
