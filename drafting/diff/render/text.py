"""The comparison as plain text for the terminal (rich is not a dependency of the project)."""

from __future__ import annotations

import json

from drafting.diff.model import Change, CoverageItem, DiffResult

KIND_WORDS = {"kept": "giữ nguyên", "changed": "sửa", "added": "thêm", "dropped": "bỏ", "moved": "chuyển chỗ"}
PART_WORDS = {"meta": "Thông tin văn bản", "legal_bases": "Căn cứ", "sections": "Nội dung",
              "appendices": "Phụ lục", "recipients": "Nơi nhận", "signature": "Chữ ký"}
STATUS_WORDS = {"carried": "giữ", "reassigned": "giao lại", "partial": "bỏ một phần", "dropped": "BỎ",
                "earlier": "sớm hơn", "same": "bằng", "later": "MUỘN HƠN", "no_date": "không ghi ngày"}
COVERAGE_KINDS = {"responsibility": "Trách nhiệm", "task_row": "Dòng phụ lục", "criteria": "Tiêu chí",
                  "award": "Khen thưởng", "deadline": "Thời hạn"}
_STATUS_ORDER = {"dropped": 0, "later": 1, "partial": 2, "same": 3, "no_date": 4, "reassigned": 5, "carried": 6,
                 "earlier": 7}


def inline(words: list[list[str]]) -> str:
    """A word diff on one line: [-bỏ-] {+thêm+}."""
    out = []
    for op, text in words:
        lead = " " if text[:1].isspace() else ""
        if op == "=":
            out.append(text)
        elif op == "-":
            out.append(f"{lead}[-{text.strip()}-]")
        else:
            out.append(f"{lead}{{+{text.strip()}+}}")
    return "".join(out).strip()


def summary(result: DiffResult) -> str:
    counts = result.counts()
    return (f"{counts['changed']} sửa, {counts['added']} thêm, {counts['dropped']} bỏ, {counts['moved']} chuyển chỗ; "
            f"{counts['kept']} giữ nguyên (trong đó {counts['renumbered']} đánh số lại, {counts['spelling_only']} chỉ "
            "khác chính tả)")


def where(change: Change) -> str:
    old = change.old.path if change.old else None
    new = change.new.path if change.new else None
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old or ""


def _label(label: str | None, kind_hint: str = "") -> str:
    if not label:
        return "—"
    return label if label in "-+" else label + ("." if label[:1].isdigit() or label.isupper() else ")")


def coverage_lines(items: list[CoverageItem]) -> list[str]:
    lines = []
    for item in sorted(items, key=lambda item: _STATUS_ORDER.get(item.status, 9)):
        local = f" → {', '.join(item.local)}" if item.local else ""
        detail = f" ({item.detail})" if item.detail else ""
        expected = f" — dự kiến: {item.expected}" if item.expected else ""
        lines.append(f"  {STATUS_WORDS.get(item.status, item.status):<14}{COVERAGE_KINDS[item.kind]}: "
                     f"{item.parent}{detail}{local}{expected}")
        for task in item.tasks:
            if task.get("status") == "dropped":
                lines.append(f"      bỏ: {task['text']}")
    return lines


def to_text(result: DiffResult, show_kept: bool = False) -> str:
    old, new = result.old_meta, result.new_meta
    lines = [f"Cũ:  {old['path']} — {old.get('issuer') or '—'}, số {old.get('number') or '…'}/"
             f"{old.get('symbol') or '…'}, {old.get('date') or '—'}",
             f"Mới: {new['path']} — {new.get('issuer') or '—'}, số {new.get('number') or '…'}/"
             f"{new.get('symbol') or '…'}, {new.get('date') or '—'}"]
    lines += result.notes
    lines.append(f"Tóm tắt: {summary(result)}.")
    if result.mode == "review":
        dropped = sum(item.status in ("dropped", "partial") for item in result.coverage)
        lines += ["", f"PHẦN VIỆC CỦA CẤP TRÊN ({len(result.coverage)} mục, {dropped} bị bỏ hoặc bỏ một phần):"]
        lines += coverage_lines(result.coverage)
        lines += ["", f"NHẬN XÉT VỀ TÍNH THỐNG NHẤT ({len(result.findings)}):"]
        lines += [f"  - [{finding.code}] {finding.where + ': ' if finding.where else ''}{finding.message}"
                  for finding in result.findings] or ["  (không có)"]
    lines += ["", "CÁC PHẦN ĐƯỢC ĐỐI CHIẾU (theo vai trò và nội dung, không theo số):"]
    for pair in result.alignment.get("sections", []):
        a, b = pair["old"], pair["new"]
        lines.append(f"  {_block(a):<45} ↔ {_block(b)}")
    current = None
    renumbered: list[str] = []
    for change in result.changes:
        if change.kind == "kept" and not change.spelling_only and not change.renumbered and not show_kept:
            continue
        if change.part != current:
            _flush(lines, renumbered)
            current = change.part
            lines += ["", f"{PART_WORDS[change.part].upper()}:"]
        if change.kind == "kept" and change.renumbered and not change.spelling_only:
            renumbered.append(f"{_label(change.old.label if change.old else None)} → "
                              f"{_label(change.new.label if change.new else None)}")
            continue
        _flush(lines, renumbered)
        lines.extend(_change_lines(change))
    _flush(lines, renumbered)
    return "\n".join(lines)


def _block(side: dict | None) -> str:  # type: ignore[type-arg]
    if side is None:
        return "(không có)"
    title = side["title"]
    title = {"preamble": "(phần mở đầu)", "closing": "(phần kết)"}.get(title, title)
    label = f"{side['label']}. " if side.get("label") else ""
    return (label + title)[:45]


def _flush(lines: list[str], renumbered: list[str]) -> None:
    if renumbered:
        lines.append(f"  # đánh số lại ({len(renumbered)}): " + ", ".join(renumbered))
        renumbered.clear()


def _change_lines(change: Change) -> list[str]:
    place = where(change)
    note = f" [{change.note}]" if change.note else ""
    if change.kind == "kept":  # spelling only
        renumbered = f" (đánh số lại {_label(change.old.label)} → {_label(change.new.label)})" \
            if change.renumbered and change.old and change.new else ""
        return [f"  ≈ chỉ khác chính tả{renumbered}  {place}: {inline(change.words)}"]
    if change.kind == "added":
        return [f"  + thêm  {place}: {change.new.text if change.new else ''}"]
    if change.kind == "dropped":
        return [f"  - bỏ    {place}: {change.old.text if change.old else ''}"]
    if change.kind == "moved":
        body = inline(change.words) if change.words and any(op != "=" for op, _ in change.words) else \
            (change.new.text if change.new else "")
        return [f"  > chuyển chỗ  {place}{note}: {body}"]
    return [f"  ~ sửa   {place}{note}: {inline(change.words)}"]


def to_json(result: DiffResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
