"""A readable outline of a parsed plan, for a clerk checking what the parser understood."""

from __future__ import annotations

from drafting.model import Plan, Section

_WIDTH = 100


def _short(text: str, width: int = _WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_outline(plan: Plan) -> str:
    meta = plan.meta
    lines = [
        f"Tệp: {plan.source.path} ({plan.source.format}, {plan.source.encoding})",
        f"Loại văn bản: {meta.doc_type or '—'}{'  [DỰ THẢO]' if meta.draft else ''}",
        f"Số, ký hiệu: {_number(plan)}",
        f"Cơ quan ban hành: {meta.issuer or '—'}" + (f" (cấp: {meta.level})" if meta.level else ""),
    ]
    if meta.superior:
        lines.append(f"Cơ quan chủ quản: {meta.superior}")
    lines += [
        f"Địa danh, ngày: {meta.place or '—'}, {meta.date or '—'}",
        f"Trích yếu: {_short(meta.title or '—')}",
    ]
    if meta.campaign:
        lines.append(f"Phong trào: {meta.campaign}")
    if meta.recipient_to:
        lines.append("Kính gửi: " + "; ".join(meta.recipient_to))
    if plan.approval:
        a = plan.approval
        lines.append(f"Ban hành kèm theo: {a.doc_type} số {a.number}/{a.symbol} ngày {a.date or '—'}")
    lines.append(f"\nCăn cứ ({len(plan.legal_bases)}):")
    for ref in plan.legal_bases:
        number = f" số {ref.number}/{ref.symbol}" if ref.number else ""
        lines.append(f"  - {ref.doc_type or '?'}{number}, ngày {ref.date or '—'}, của {ref.issuer or '—'}")
    lines.append("\nCác phần:")
    for section in plan.sections:
        _section_lines(section, 1, lines)
    lines += _extraction_lines(plan)
    lines.append(f"\nNơi nhận ({len(plan.recipients)}): " + "; ".join(plan.recipients))
    lines.append(f"Lưu: {plan.archive or '—'}")
    sig = plan.signature
    signer = " / ".join(part for part in (sig.authority, sig.delegation, sig.position, sig.name) if part)
    lines.append(f"Ký: {signer or '—'}")
    for appendix in plan.appendices:
        head = " — ".join(part for part in (appendix.label, appendix.title) if part) or "(phần sau chữ ký)"
        lines.append(f"\nPhụ lục: {_short(head)}")
        if appendix.ref:
            lines.append(f"  {appendix.ref}")
        counts = f"  {len(appendix.sections)} mục, {len(appendix.tables)} bảng, {len(appendix.paragraphs)} đoạn"
        lines.append(counts + (f", {len(appendix.responsibilities)} nhiệm vụ" if appendix.responsibilities else ""))
    for attachment in plan.attachments:
        lines.append(f"\nVăn bản kèm theo: {attachment.meta.doc_type} {_short(attachment.meta.title or '')}")
        lines.append(f"  {attachment.meta.ref or ''}  ({len(attachment.sections)} phần)")
    if plan.warnings:
        lines.append(f"\nCảnh báo ({len(plan.warnings)}):")
        lines += [f"  - [{w.code}] dòng {w.line}: {w.message}" for w in plan.warnings]
    return "\n".join(lines)


def _number(plan: Plan) -> str:
    meta = plan.meta
    if meta.symbol is None:
        return "—"
    return f"{meta.number or '(để trống)'}/{meta.symbol}"


def _section_lines(section: Section, depth: int, lines: list[str]) -> None:
    if section.kind in ("dash", "plus"):
        return
    label = f"{section.label}." if section.kind != "letter" else f"{section.label})"
    roles = f"  [{', '.join(section.roles)}]" if section.roles else ""
    extra = f"  (+{len(section.paragraphs)} đoạn)" if section.paragraphs else ""
    lines.append(f"{'  ' * depth}{label} {_short(section.title, 80)}{roles}{extra}")
    for child in section.children:
        _section_lines(child, depth + 1, lines)


def _extraction_lines(plan: Plan) -> list[str]:
    lines: list[str] = []
    if plan.criteria:
        lines.append(f"\nTiêu chí thi đua ({len(plan.criteria)} nhóm):")
        lines += [f"  - Đối với {c['target']}: {len(c['items'])} tiêu chí" for c in plan.criteria]
    if plan.awards:
        lines.append(f"\nHình thức khen thưởng ({len(plan.awards)}):")
        for award in plan.awards:
            quota = award["quota"]
            counts = ((quota["collectives"], "tập thể"), (quota["individuals"], "cá nhân"))
            numbers = ", ".join(f"{n} {w}" for n, w in counts if n)
            level = f" [{award['level']}]" if award["level"] else ""
            lines.append(f"  - {award['form']}{level}" + (f": {numbers}" if numbers else ""))
    if plan.responsibilities:
        lines.append(f"\nTrách nhiệm ({len(plan.responsibilities)}):")
        for item in plan.responsibilities:
            role = "chủ trì" if item["role"] == "lead" else "phối hợp"
            partners = f"; phối hợp: {', '.join(item['partners'])}" if item["partners"] else ""
            lines.append(f"  - {_short(item['agency'], 70)} ({role}){partners}")
            lines += [f"      hạn: {d['date'] or '—'} «{d['text']}»" for d in item["deadlines"]]
    timeline = plan.timeline
    if timeline.get("start") or timeline.get("end") or timeline.get("milestones"):
        lines.append(f"\nThời gian: từ {timeline.get('start') or '—'} đến {timeline.get('end') or '—'}")
        lines += [f"  - {m['when']}: {_short(m['what'], 80)}" for m in timeline.get("milestones", [])]
    return lines
