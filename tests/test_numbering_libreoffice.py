"""Word's automatic numbering, resolved by the reader, against what LibreOffice displays for the same
file (its text export writes each list label in front of the paragraph)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafting.readers import read_document

from conftest import CORPUS

AUTO_NUMBERED = [
    CORPUS / "realdocx" / "vbai_PhuLuc_DS_DoiUCSC_numbered.docx",
    CORPUS / "realdocx" / "vbai_BC_TTPVHCC_hop766.docx",
    CORPUS / "realdocx" / "vbai_QD_pheduyet_DieuLe_HHDuLich.docx",
]
pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:40]


def _libreoffice_labels(paths: list[Path], out: Path) -> dict[str, list[tuple[str, str]]]:
    """For each file, in order: (paragraph start after the label, the label LibreOffice shows)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to",
         "txt:Text (encoded):UTF8", "--outdir", str(out), *map(str, paths)],
        check=True, capture_output=True, timeout=180,
    )
    labels: dict[str, list[tuple[str, str]]] = {}
    for path in paths:
        entries = labels.setdefault(path.name, [])
        for line in (out / f"{path.stem}.txt").read_text(encoding="utf-8-sig").splitlines():
            match = re.match(r"^\s*([IVX]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+•–])\s+(.*)$", line)
            if match:
                entries.append((_key(match.group(2)), match.group(1)))
    return labels


def test_automatic_labels_match_libreoffice(tmp_path: Path, seed_docx: dict) -> None:
    files = AUTO_NUMBERED + [p for (name, shape), p in seed_docx.items() if shape == "auto"]
    shown = _libreoffice_labels(files, tmp_path)
    compared = 0
    for path in files:
        entries, position = shown[path.name], 0
        for block in read_document(path).blocks:
            if not block.auto_label or block.auto_label in ("-", "+"):
                continue
            key = _key(block.text[len(block.auto_label) :])
            found = next((i for i in range(position, len(entries)) if entries[i][0] == key), None)
            if found is None:
                continue
            assert entries[found][1] == block.auto_label, f"{path.name}: {block.text[:60]}"
            position, compared = found + 1, compared + 1
    assert compared >= 250  # the 174 members of the appendix list and the seeds' auto-numbered headings
