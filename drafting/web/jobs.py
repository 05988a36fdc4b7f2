"""The work behind each endpoint: the same library calls as the CLI's commands (drafting/cli.py), synchronous and
CPU-bound, run by the routes in a worker thread. No HTTP here."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from drafting.api import load_plan
from drafting.batch.filenames import slug
from drafting.draft import Draft, DraftOptions, draft_plan
from drafting.model import Plan
from drafting.render.docx_writer import render_docx
from drafting.units import Unit, resolve_unit


@dataclass
class DraftRequest:
    parent: Path
    unit: str
    province: str | None = None
    options: DraftOptions = field(default_factory=DraftOptions)


@dataclass
class Drafted:
    unit: Unit
    draft: Draft
    docx: Path | None = None


def parse(path: Path) -> Plan:
    return load_plan(path)


def draft(request: DraftRequest, output: Path | None) -> Drafted:
    """As `drafting draft`: load the parent, resolve the unit, derive, and (when ``output`` is given) render."""
    parent = load_plan(request.parent)
    unit = resolve_unit(request.unit, request.province or None)
    result = draft_plan(parent, unit, request.options)
    written = render_docx(result.plan, output) if output is not None else None
    return Drafted(unit, result, written)


def explanation(done: Drafted) -> dict[str, Any]:
    """What `drafting draft --explain` prints, as data: to-do list, rewrites, placeholders, outcomes."""
    from drafting.derive import explain_outcomes

    result = done.draft
    return {
        "unit": unit_dict(done.unit),
        "title": result.plan.meta.title,
        "todo": list(result.todo),
        "changes": [asdict(change) for change in result.changes],
        "placeholders": dict(result.placeholders),
        "outcomes": [asdict(outcome) for outcome in result.outcomes],
        "outcomes_text": explain_outcomes(result.outcomes) if result.outcomes else [],
    }


def draft_file_names(unit: Unit) -> tuple[str, str]:
    """The DOCX's name in Vietnamese, and its ASCII fallback."""
    return f"Kế hoạch {unit.full}.docx", f"ke-hoach-{slug(unit.full)}.docx"


def unit_dict(unit: Unit) -> dict[str, Any]:
    return {"code": unit.code, "kind": unit.kind, "name": unit.name, "full": unit.full, "province": unit.province,
            "province_full": unit.province_full}


def to_plain(json_text: str) -> Any:
    return json.loads(json_text)
