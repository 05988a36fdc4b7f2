"""The library's entry points: read a file and parse it into a `Plan`."""

from __future__ import annotations

import json
from pathlib import Path

from drafting.errors import InputError, UsageError
from drafting.model import Plan, plan_from_dict
from drafting.parsing.plan import parse_blocks
from drafting.readers import read_document


def parse_file(path: str | Path, extract: bool = True) -> Plan:
    """Parse any supported file into a plan; raises `DraftingError` with a clerk's message.

    `extract`: also fill criteria, awards, responsibilities and timeline with the NLP pipeline;
    without it only the structure is read (faster; what drafting and the checker need)."""
    plan = parse_blocks(read_document(Path(path)))
    if extract:
        from drafting.nlp.extract import extract as run_extraction  # spaCy loads only when asked

        run_extraction(plan)
    return plan


def load_plan(path: str | Path) -> Plan:
    """A plan from its JSON form (`parse --format json`, or a draft), or parsed from any document."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return parse_file(path)
    if not path.is_file():
        raise UsageError("missing", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", 1)
        raise InputError("bad_plan_json", path=str(path), line=line, detail=type(error).__name__) from error
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("drafting.plan/"):
        raise InputError("bad_plan_json", path=str(path), line=1, detail="thiếu khóa schema drafting.plan/1")
    try:
        return plan_from_dict(data)
    except (TypeError, AttributeError, KeyError) as error:
        raise InputError("bad_plan_json", path=str(path), line=1, detail=str(error)[:80]) from error


def load_values(path: str | Path) -> dict[str, str]:
    """The clerk's values for a draft's placeholders: a YAML (or JSON) mapping key → value."""
    path = Path(path)
    if not path.is_file():
        raise UsageError("missing", path=str(path))
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as error:  # noqa: BLE001 - YAML and JSON syntax errors alike
        line = getattr(getattr(error, "problem_mark", None), "line", getattr(error, "lineno", 0)) or 0
        raise InputError("bad_values", path=str(path), line=int(line) + 1, detail=type(error).__name__) from error
    if not isinstance(data, dict):
        raise InputError("bad_values", path=str(path), line=1, detail="cần dạng khóa: giá trị")
    return {str(key): str(value) for key, value in data.items()}
