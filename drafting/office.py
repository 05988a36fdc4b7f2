"""LibreOffice headless: the one place that runs it (for .doc → .docx and .docx → .pdf)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafting.errors import InputError, UsageError


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, to: str, missing_key: str, failed_key: str) -> bytes:
    """`source` converted by LibreOffice to the format `to` ("docx", "pdf"); the converted bytes.

    A missing LibreOffice raises `missing_key` (a message saying how to install it), a failed run
    `failed_key`; each private profile directory keeps parallel runs from locking each other out."""
    office = office_binary()
    if office is None:
        error_class = InputError if missing_key == "doc_needs_libreoffice" else UsageError
        raise error_class(missing_key, path=str(source))
    with tempfile.TemporaryDirectory(prefix="drafting-office-") as out:
        command = [office, f"-env:UserInstallation=file://{out}/profile", "--headless",
                   "--convert-to", to, "--outdir", out, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=180, check=True)
        except subprocess.TimeoutExpired as error:
            raise InputError(failed_key, path=str(source), detail="quá thời gian chờ") from error
        except (subprocess.SubprocessError, OSError) as error:
            raise InputError(failed_key, path=str(source), detail="LibreOffice báo lỗi") from error
        produced = Path(out) / f"{source.stem}.{to}"
        if not produced.exists():
            raise InputError(failed_key, path=str(source), detail="không có tệp kết quả")
        return produced.read_bytes()
