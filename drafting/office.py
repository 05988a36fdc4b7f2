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


def convert_many(sources: list[Path], to: str, outdir: Path, timeout_per_file: float = 20.0) -> list[Path]:
    """Every source converted in ONE LibreOffice process (its start-up, ~1–2 s, is paid once, not per file);
    the files it produced in ``outdir``. A file LibreOffice could not convert is simply absent from the list:
    the caller reports it. Raises ``pdf_needs_libreoffice`` when LibreOffice is missing."""
    office = office_binary()
    if office is None:
        raise UsageError("pdf_needs_libreoffice", path=str(sources[0]) if sources else "")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafting-office-") as profile:
        command = [office, f"-env:UserInstallation=file://{profile}/profile", "--headless",
                   "--convert-to", to, "--outdir", str(outdir), *map(str, sources)]
        try:
            subprocess.run(command, capture_output=True, timeout=60 + timeout_per_file * len(sources), check=False)
        except (subprocess.SubprocessError, OSError) as error:
            raise InputError("pdf_conversion_failed", path=str(outdir), detail="LibreOffice báo lỗi") from error
    return [outdir / f"{source.stem}.{to}" for source in sources if (outdir / f"{source.stem}.{to}").is_file()]
