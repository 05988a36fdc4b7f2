"""The library's entry points: read a file and parse it into a `Plan`."""

from __future__ import annotations

import json
from pathlib import Path

from drafting.errors import InputError, UsageError
from drafting.model import Plan, plan_from_dict
from drafting.parsing.plan import parse_blocks
from drafting.readers import read_document


def parse_file(path: str | Path, extract: bool = True, data: bytes | None = None) -> Plan:
    """Parse any supported file into a plan; raises `DraftingError` with a clerk's message.

    `extract`: also fill criteria, awards, responsibilities and timeline with the NLP pipeline;
    without it only the structure is read (faster; what drafting and the checker need). `data`: the file's
    bytes when the caller has them already."""
    plan = parse_blocks(read_document(Path(path), data))
    if extract:
        from drafting.nlp.extract import extract as run_extraction  # spaCy loads only when asked

        run_extraction(plan)
    return plan


_LIST_KEYS = ("legal_bases", "preamble", "sections", "recipients", "appendices", "attachments", "warnings",
              "criteria", "awards", "responsibilities", "header", "closing_notes")


def _read_utf8(path: Path, error_key: str) -> str:
    if path.is_dir():
        raise UsageError("directory", path=str(path))
    if not path.is_file():
        raise UsageError("missing", path=str(path))
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(error_key, path=str(path), line=line,
                         detail="không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8") from error


def load_plan(path: str | Path) -> Plan:
    """A plan from its JSON form (`parse --format json`, or a draft), or parsed from any document."""
    path = Path(path)
    if path.suffix.lower() != ".json" or path.is_dir():
        return parse_file(path)
    text = _read_utf8(path, "bad_plan_json")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError("bad_plan_json", path=str(path), line=error.lineno,
                         detail=f"sai cú pháp JSON ở cột {error.colno}") from error
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("drafting.plan/"):
        raise InputError("bad_plan_json", path=str(path), line=1, detail="thiếu khóa schema drafting.plan/1")
    for key in _LIST_KEYS:
        if key in data and not isinstance(data[key], list):
            raise InputError("bad_plan_json", path=str(path), line=_line_of(text, key),
                             detail=f"khóa “{key}” phải là một danh sách […]")
    try:
        return plan_from_dict(data)
    except (TypeError, AttributeError, KeyError, ValueError) as error:
        raise InputError("bad_plan_json", path=str(path), line=1,
                         detail="có giá trị sai kiểu dữ liệu so với JSON của lệnh parse") from error


def _line_of(text: str, key: str) -> int:
    at = text.find(f'"{key}"')
    return text[:at].count("\n") + 1 if at >= 0 else 1


def load_values(path: str | Path) -> dict[str, str]:
    """The clerk's values for a draft's placeholders: a YAML (or JSON) mapping key → value. A key
    left without a value is left out, so its placeholder stays visible."""
    path = Path(path)
    text = _read_utf8(path, "bad_values")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as error:  # noqa: BLE001 - YAML and JSON syntax errors alike
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        line = line + 1 if line is not None else getattr(error, "lineno", 1)
        raise InputError("bad_values", path=str(path), line=int(line), detail="sai cú pháp") from error
    if not isinstance(data, dict):
        raise InputError("bad_values", path=str(path), line=1, detail="cần dạng khóa: giá trị")
    return {str(key): str(value) for key, value in data.items() if value is not None and str(value).strip()}
