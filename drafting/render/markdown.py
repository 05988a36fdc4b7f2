"""The plan as clean Markdown: header facts, bases, the section tree with its labels, closing."""

from __future__ import annotations

from drafting.model import Plan, Section


def to_markdown(plan: Plan) -> str:
    meta = plan.meta
    out: list[str] = []
    if meta.issuer:
        out.append(f"**{meta.issuer}**  ")
    if meta.symbol is not None:
        out.append(f"Số: {meta.number or '…'}/{meta.symbol}  ")
    if meta.place or meta.date:
        out.append(f"*{meta.place or '…'}, {meta.date or '…'}*")
    out.append("")
    if meta.doc_type:
        out.append(f"# {meta.doc_type}")
    if meta.title:
        out += ["", f"**{meta.title}**"]
    if meta.ref:
        out += ["", f"*({meta.ref})*"]
    if meta.recipient_to:
        out += ["", "Kính gửi: " + "; ".join(meta.recipient_to)]
    for ref in plan.legal_bases:
        out += ["", ref.text]
    for paragraph in plan.preamble:
        out += ["", paragraph]
    for section in plan.sections:
        _section(section, 1, out)
    if plan.recipients or plan.archive:
        out += ["", "**Nơi nhận:**", ""]
        out += [f"- {recipient};" for recipient in plan.recipients]
        if plan.archive:
            out.append(f"- Lưu: {plan.archive}.")
    sig = plan.signature
    signer = [part for part in (sig.authority, sig.delegation, sig.position) if part]
    if signer or sig.name:
        out += [""] + [f"**{part}**  " for part in signer] + ([sig.name] if sig.name else [])
    out += [f"{note}  " for note in plan.closing_notes]
    for appendix in plan.appendices:
        out += ["", "---", ""]
        if appendix.label or appendix.title:
            out.append("## " + " — ".join(p for p in (appendix.label, appendix.title) if p))
        if appendix.ref:
            out += ["", f"*({appendix.ref})*"]
        out += ["", *appendix.paragraphs]
        for table in appendix.tables:
            out += [""] + _table(table)
        for section in appendix.sections:
            _section(section, 2, out)
    for attachment in plan.attachments:
        out += ["", "---", "", to_markdown(attachment)]
    return "\n".join(out).rstrip() + "\n"


def _table(table: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in table]


def _section(section: Section, depth: int, out: list[str]) -> None:
    if section.kind in ("dash", "plus"):
        out.append(f"{'  ' * max(depth - 4, 0)}{section.label} {section.title}")
    else:
        label = f"{section.label})" if section.kind == "letter" else f"{section.label}."
        if section.kind == "article":
            label = f"Điều {section.label}."
        heading = f"{label} {section.title}" + (":" if section.run_in else "")
        out += ["", f"{'#' * min(depth + 1, 6)} {heading}" if depth <= 3 else f"**{heading}**", ""]
    for paragraph in section.paragraphs:
        out.append(paragraph)
    for table in section.tables:
        out += [""] + _table(table)
    for child in section.children:
        _section(child, depth + 1, out)
