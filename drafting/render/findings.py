"""A `CheckReport` for people (a Vietnamese list) and for programs (JSON)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from drafting.check.findings import NOT_EVALUATED, WARNING, CheckReport, Finding

if TYPE_CHECKING:
    from drafting.check.fix import FixResult


def findings_to_text(report: CheckReport) -> str:
    """One block per finding: rule and place, the excerpt, what was found → what is expected, and
    the sentence that says what to do."""
    if not report.findings:
        return "\n".join([f"{report.path}: không phát hiện sai lệch nào so với thể thức Nghị định 30/2020/NĐ-CP.",
                          *_coverage(report)])
    errors = sum(1 for finding in report.findings if finding.severity != WARNING)
    warnings = len(report.findings) - errors
    lines = [f"{report.path}: {errors} lỗi thể thức, {warnings} lưu ý (Nghị định 30/2020/NĐ-CP)", ""]
    for index, finding in enumerate(report.findings, start=1):
        lines.extend(_block(index, finding))
    counts = ", ".join(f"{rule}: {count}" for rule, count in report.counts().items())
    lines.append(f"Theo quy tắc — {counts}")
    return "\n".join(lines + _coverage(report))


def _coverage(report: CheckReport) -> list[str]:
    """ "Đã kiểm tra 40/44 quy tắc áp dụng", then each rule that could not be checked and why."""
    if not report.results:
        return []
    coverage = report.coverage()
    lines = [f"Đã kiểm tra {coverage['evaluated']}/{coverage['applicable']} quy tắc áp dụng cho văn bản này."]
    unchecked = [result for result in report.results if result.status == NOT_EVALUATED]
    if unchecked:
        lines.append("Chưa kiểm tra được: " + "; ".join(f"{r.rule} ({r.reason})" if r.reason else r.rule
                                                      for r in unchecked) + ".")
    return lines


def _block(index: int, finding: Finding) -> list[str]:
    label = "Lưu ý" if finding.severity == WARNING else "Lỗi"
    block = [f"{index}. [{finding.rule}] {label} — {finding.where}"]
    if finding.excerpt:
        block.append(f"   «{finding.excerpt}»")
    block.append(f"   {finding.found} → {finding.expected}")
    block.append(f"   {finding.message}")
    block.append("")
    return block


def findings_to_json(report: CheckReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def fix_to_text(result: FixResult) -> str:
    """What `--fix` changed, then what is left for a person (the fixed copy's own report)."""
    before, after = len(result.before.findings), len(result.after.findings)
    lines = [f"Đã ghi bản sửa {result.output} (từ {result.source}): {before} → {after} sai lệch.", ""]
    lines.append("Đã sửa (không làm đổi nội dung):" if result.changes else "Không có lỗi nào sửa tự động được.")
    lines.extend(f"  - {change}" for change in result.changes)
    lines.append("")
    if result.after.findings:
        lines.append(f"Còn lại cho người soạn ({after}):")
        lines.append(findings_to_text(result.after))
    else:
        lines.extend(_coverage(result.after))
    return "\n".join(lines)


def fix_to_json(result: FixResult) -> str:
    return json.dumps({"schema": "drafting.check-fix/1", "source": result.source, "output": str(result.output),
                       "changes": result.changes, "before": result.before.to_dict(),
                       "after": result.after.to_dict()}, ensure_ascii=False, indent=2)
