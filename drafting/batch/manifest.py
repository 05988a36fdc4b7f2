"""The manifest of a batch folder: one entry per unit (its file, status, what is left to fill, any error, and the
hash of what produced the file), as CSV for Excel and JSON for machines. A re-run skips a unit whose entry has
the same input hash and whose file still has the recorded SHA-256."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from drafting.batch.errors import words
from drafting.batch.skeleton import Row, Settings
from drafting.units import Unit

MANIFEST_JSON = "danh-sach.json"
MANIFEST_CSV = "danh-sach.csv"
FORMAT = 1  # bumped when the per-unit step changes what it writes from the same inputs


@dataclass
class Entry:
    code: int | None
    name: str
    kind: str
    province: str
    file: str  # relative to the output folder
    status: str  # drafted | up_to_date | failed
    left: list[str] = field(default_factory=list)
    error: str = ""
    input_hash: str = ""
    sha256: str = ""
    pdf: str = ""


def entry_for(unit: Unit, file: str, status: str, **values: object) -> Entry:
    return Entry(unit.code, unit.full, unit.kind, unit.province_full, file, status, **values)  # type: ignore[arg-type]


@cache
def _code_digest() -> str:
    """The toolkit's own code, data and templates: a new derivation rule makes every draft out of date."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    paths = sorted(root.rglob("*.py")) + sorted(root.rglob("*.json")) + sorted((root.parent / "templates").glob("*"))
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_fingerprint(parent: Path, settings: Settings) -> str:
    """What every unit of a run shares: the parent's bytes, the template's, the code, the options."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(parent.read_bytes())
    if settings.template is not None and settings.template.is_file():
        digest.update(settings.template.read_bytes())
    today = settings.today.isoformat()[:7] if not settings.date else ""  # no date: the draft says this month
    digest.update(repr((settings.days_earlier, settings.quota, settings.number, settings.date, settings.position,
                        settings.signer, today)).encode())
    return digest.hexdigest()


def unit_hash(fingerprint: str, unit: Unit, row: Row | None, file: str) -> str:
    row = row or Row()
    text = json.dumps([fingerprint, unit.code, unit.full, unit.province_full, file, sorted(row.values.items()),
                       row.number, row.date, row.position], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(folder: Path) -> dict[int | None, Entry]:
    """The previous run's entries by unit code; none when there is no manifest or it cannot be read (then every
    unit is drafted again: never a reason to stop)."""
    path = folder / MANIFEST_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {item["code"]: Entry(**item) for item in data["units"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def is_up_to_date(entry: Entry | None, input_hash: str, folder: Path, pdf: bool) -> bool:
    if entry is None or entry.status == "failed" or entry.input_hash != input_hash:
        return False
    path = folder / entry.file
    if not path.is_file() or file_sha256(path) != entry.sha256:
        return False
    return not pdf or bool(entry.pdf and (folder / entry.pdf).is_file())


def render(entries: list[Entry]) -> tuple[bytes, bytes]:
    """(CSV, JSON) bytes. The CSV carries a BOM so that Excel reads its diacritics as UTF-8."""
    headers = words()["manifest_columns"]
    statuses = words()["statuses"]
    labels = words()["left_labels"]
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers.values())
    for entry in entries:
        row = asdict(entry)
        row["status"] = statuses.get(entry.status, entry.status)
        row["left"] = "; ".join(labels.get(key, key) for key in entry.left)
        writer.writerow(row[key] for key in headers)
    counts = {status: sum(entry.status == status for entry in entries) for status in statuses}
    document = {"schema": "drafting.batch/1", "counts": counts, "units": [asdict(entry) for entry in entries]}
    return ("\ufeff" + text.getvalue()).encode("utf-8"), json.dumps(document, ensure_ascii=False, indent=1).encode()
