"""NEW with the differences from OLD as Word tracked changes (w:ins/w:del), through python-redlines' Docxodus engine
(the only writer whose accept-all gave the newer document exactly on the issue's four real pairs). Format-change
marks off, the engine's binary unpacked in a folder of ours, no libicu needed."""

from __future__ import annotations

import os
from pathlib import Path

from drafting.errors import UsageError
from drafting.render.docx_writer import _write_atomically

CACHE = Path(os.environ.get("DRAFTING_CACHE", Path.home() / ".cache" / "drafting")) / "redlines"


def write_redline(old: Path, new: Path, target: Path, author: str = "drafting") -> Path:
    for path in (old, new):
        if path.suffix.lower() != ".docx":
            raise UsageError("redline_needs_docx", path=str(path))
    try:
        from python_redlines.engines import DocxodusEngine
    except ImportError as error:
        raise UsageError("redline_missing", path=str(target)) from error
    os.environ.setdefault("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
    try:
        engine = DocxodusEngine(target_path=str(CACHE))
        output, _, _ = engine.run_redline(author, old.read_bytes(), new.read_bytes(), detect_format_changes=False)
    except Exception as error:  # the engine's own errors: a corrupt file, a binary that cannot run
        raise UsageError("redline_failed", path=str(target), detail=str(error).splitlines()[0][:200]) from error
    _write_atomically(target, lambda temporary: temporary.write_bytes(output))
    return target
