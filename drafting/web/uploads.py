"""Each request's own temporary folder, and the uploads saved in it under names the server chooses: a client's
file name is only ever shown (its suffix picks the reader, from a fixed list), never used as a path."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from types import TracebackType

from starlette.datastructures import UploadFile

from drafting.errors import DraftingError
from drafting.web.messages import MAX_UPLOAD, message

SUFFIXES = frozenset({".docx", ".doc", ".txt", ".md", ".markdown", ".pdf", ".json", ".text", ".xlsx", ".csv",
                      ".xls", ".yaml", ".yml"})
CHUNK = 1024 * 1024


class WebError(Exception):
    """A request the page cannot serve, with its Vietnamese message and HTTP status."""

    def __init__(self, text: str, status: int = 400) -> None:
        super().__init__(text)
        self.status = status


def display_name(upload: UploadFile | None) -> str:
    """The client's name, for messages only: its last part, printable characters, at most 120."""
    raw = (upload.filename if upload is not None else "") or "tệp"
    raw = re.split(r"[\\/]", raw)[-1]
    shown = "".join(char for char in unicodedata.normalize("NFC", raw) if char.isprintable())
    return shown[:120] or "tệp"


def safe_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUFFIXES else ".bin"


class Workspace:
    """``with Workspace() as work:`` a fresh folder, removed with everything in it when the request ends."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="drafting-web-"))
        self.shown: dict[str, str] = {}  # saved path → the client's name, to say errors in the clerk's words

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def path(self, name: str) -> Path:
        """A path inside the folder for a name the server chose."""
        return self.folder / name

    async def save(self, upload: UploadFile | None, stem: str, field: str) -> Path:
        """The upload written as ``stem`` + its (listed) suffix; a missing or empty file is refused."""
        if upload is None or not isinstance(upload, UploadFile):
            raise WebError(message("missing_file", field=field))
        shown = display_name(upload)
        target = self.folder / f"{stem}{safe_suffix(shown)}"
        size = 0
        with target.open("wb") as stream:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise WebError(message("too_large"), 413)
                stream.write(chunk)
        if size == 0:
            raise WebError(message("empty_file", name=shown))
        self.shown[str(target)] = shown
        return target

    def shown_name(self, path: Path) -> str:
        return self.shown.get(str(path), path.name)

    def clerk_message(self, error: DraftingError) -> str:
        """The library's message, as the CLI prints it, with the client's file names instead of the server's."""
        text = f"Lỗi: {error}"
        for saved, shown in self.shown.items():
            text = text.replace(saved, shown)
        return text.replace(str(self.folder) + "/", "")
