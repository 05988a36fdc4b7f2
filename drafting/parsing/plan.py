"""Blocks → Plan: find the zones (header, title, preamble, body, closing) and read each."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from drafting.data_files import load
from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.model import Approval, LegalRef, Meta, Plan, Source, Warning
from drafting.parsing import appendix, bases, closing, issuer, portal_meta
from drafting.parsing.dates import LONG_DATE, iso
from drafting.parsing.labels import read_label
from drafting.parsing.noise import clean_blocks
from drafting.parsing.patterns import pattern
from drafting.parsing.text import TRAILING_PUNCT, fold, is_upper, squash
from drafting.parsing.tree import TreeBuilder

_NUMBER = pattern("number_symbol", re.IGNORECASE)
_PLACE_DATE = pattern("place_date", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s\-_=*~.–—]{3,}$")
_KINH_GUI = re.compile(r"^Kính\s+gửi\s*:?\s*", re.IGNORECASE)
_VV = re.compile(r"^V/v\s*", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"](?P<inner>[^”\"]{3,})[”\"]")
_ISSUES_PLAN = pattern("issues_plan")


@cache
def _vocabulary() -> dict:
    return load("vocabulary")


def parse_blocks(raw: RawDocument) -> Plan:
    plan = _parse_document(raw)
    if raw.portal:
        portal_meta.reconcile(plan, raw.portal)
        if not _has_structure(plan):
            raise InputError("no_structure", path=raw.path)
    return plan


def _parse_document(raw: RawDocument) -> Plan:
    warnings: list[Warning] = list(raw.warnings)
    blocks = prepare_blocks(raw, warnings)
    attached = _attached_plan_start(blocks)
    if attached is not None:
        decision = _parse(raw, blocks[:attached], [])
        plan = _parse(raw, blocks[attached:], warnings)
        plan.approval = _approval(decision)
        plan.approval.text = [block.text for block in blocks[:attached]]
        plan.meta.issuer = plan.meta.issuer or decision.meta.issuer
        plan.meta.level = plan.meta.level or decision.meta.level
        plan.meta.place = plan.meta.place or decision.meta.place
        plan.meta.superior = plan.meta.superior or decision.meta.superior
        return plan
    return _parse(raw, blocks, warnings)


def _attached_plan_start(blocks: list[Block]) -> int | None:
    """Where the plan attached to a Quyết định begins ("Ban hành kèm theo Quyết định này Kế hoạch …").

    The plan starts with its own header lines (issuer, motto) right after the decision's signature,
    or with its "KẾ HOẠCH" heading."""
    first = _doc_type_index(blocks)
    if first is None or _doc_type(blocks[first].text) != "QUYẾT ĐỊNH":
        return None
    approves = any(re.search(r"kèm theo Quyết định này\s+(các\s+)?Kế hoạch", b.text, re.IGNORECASE) for b in blocks)
    if not approves:
        return None
    for index in range(first + 1, len(blocks)):
        if _doc_type(blocks[index].text) == "KẾ HOẠCH" and is_upper(blocks[index].text):
            start = index
            while start > first and _is_header_line(blocks[start - 1].text):
                start -= 1
            return start
    return None


def _is_header_line(text: str) -> bool:
    key = fold(text)
    return is_upper(text) and len(text) < 80 and not closing.is_signature_start(text) and (
        key.startswith(("ủy ban", "uỷ ban", "ubnd", "cộng hòa")) or issuer.starts_with_unit(text)
    ) or "độc lập" in key


def _approval(decision: Plan) -> Approval:
    articles = [f"Điều {s.label}. {s.title}" for s in decision.sections if s.kind == "article"]
    return Approval(
        doc_type=decision.meta.doc_type or "QUYẾT ĐỊNH",
        number=decision.meta.number,
        symbol=decision.meta.symbol,
        date=decision.meta.date,
        issuer=decision.meta.issuer,
        signer=decision.signature.name,
        title=decision.meta.title,
        articles=articles,
    )


def _parse(raw: RawDocument, blocks: list[Block], warnings: list[Warning]) -> Plan:
    plan = Plan(source=Source(raw.path, raw.format, raw.encoding), warnings=warnings)
    plan.meta.draft = raw.draft_stamp
    type_index = _doc_type_index(blocks)
    header_end = type_index if type_index is not None else _header_end(blocks)
    _read_header(blocks[:header_end], plan.meta)
    plan.header = [block.text for block in blocks[:header_end] if not _VV.match(block.text)]
    # Below the header, runs of spaces and tabs carry no layout: one space, as a reader sees it.
    blocks = blocks[:header_end] + [replace(b, text=squash(b.text)) for b in blocks[header_end:]]
    cursor = header_end
    if type_index is not None:
        heading = blocks[type_index].text.strip()
        plan.meta.doc_type = _doc_type(heading) or _doc_type_prefix(heading)
        cursor = _read_title(blocks, type_index, plan.meta)
        if not _doc_type(heading) and plan.meta.doc_type:
            rest = squash(heading)[len(plan.meta.doc_type) :].strip()
            plan.meta.title = squash(f"{rest} {plan.meta.title or ''}")
    elif plan.meta.title_marker == "V/v":
        plan.meta.doc_type = "CÔNG VĂN"  # a Công văn has no type heading, only its "V/v" summary
    by_symbol = _type_of_symbol(plan.meta.symbol)
    if by_symbol and by_symbol != plan.meta.doc_type:
        plan.meta.type_heading, plan.meta.doc_type = plan.meta.doc_type, by_symbol
    closing_start = _closing_start(blocks, cursor)
    _read_body(blocks[cursor:closing_start], plan)
    ending = closing.read_closing(blocks[closing_start:])
    plan.recipients, plan.archive, plan.signature = ending.recipients, ending.archive, ending.signature
    plan.closing_notes = ending.extra
    _read_after_signature(raw, ending.rest, plan, warnings)
    _complete_meta(plan, blocks)
    if not _has_structure(plan) and not raw.portal:  # a portal page's metadata may still give it
        raise InputError("no_structure", path=raw.path)
    return plan


def prepare_blocks(raw: RawDocument, warnings: list[Warning]) -> list[Block]:
    """The reader's blocks without noise (each removal reported in `warnings`)."""
    paged = raw.format not in ("docx", "doc")
    return _drop_rules(clean_blocks(raw.blocks, warnings, paged=paged), warnings)


def _drop_rules(blocks: list[Block], warnings: list[Warning]) -> list[Block]:
    kept = []
    for block in blocks:
        if _RULE_LINE.match(block.text):
            warnings.append(Warning("rule_line", "Bỏ dòng kẻ trang trí.", block.line))
        else:
            kept.append(block)
    return kept


def _doc_type(text: str) -> str | None:
    key = fold(text).rstrip(" :")
    for name in _vocabulary()["doc_types"]:
        if key == fold(name):
            return name
    return None


def _type_of_symbol(symbol: str | None) -> str | None:
    """ "92/VBHN-BQP": a consolidated text, whose heading names the type of the text it consolidates."""
    if not symbol:
        return None
    code = re.split(r"[-/]", symbol.split("/")[-1])[0]
    return _vocabulary()["symbol_types"].get(code)


def _doc_type_prefix(text: str) -> str | None:
    """ "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC": a type heading with its title on the same line."""
    key = fold(text)
    for name in sorted(_vocabulary()["doc_types"], key=len, reverse=True):
        if key.startswith(fold(name) + " ") and len(text.split()) <= 25:
            return name
    return None


def _doc_type_index(blocks: list[Block]) -> int | None:
    """The type heading: an upper-case line naming a type, before the body and the closing."""
    candidates = []
    for index, block in enumerate(blocks[:80]):
        text = block.text.strip()
        if closing.is_recipients_heading(text):
            break
        label = read_label(text)
        if label is not None and label.kind in ("roman", "article", "part", "chapter") and label.rest:
            break
        if is_upper(text) and _doc_type(text):
            return index
        if is_upper(text) and _doc_type_prefix(text) and not _NUMBER.search(text):
            candidates.append(index)
    return candidates[0] if candidates else None


def _header_end(blocks: list[Block]) -> int:
    """Without a type heading (Công văn), the header ends after the place and date line."""
    for index, block in enumerate(blocks[:20]):
        if _PLACE_DATE.search(block.text):
            end = index + 1
            while end < len(blocks) and end < index + 4 and not _VV.match(blocks[end].text) and blocks[end].cell:
                end += 1  # the V/v cell may follow the date cell in the header table
            if end < len(blocks) and _VV.match(blocks[end].text):
                return end + 1
            return index + 1
    return 0


def _read_header(blocks: list[Block], meta: Meta) -> None:
    texts = [block.text for block in blocks]
    joined = " ".join(texts)
    number = _NUMBER.search(joined)
    if number:
        meta.number = number.group("number") or ""
        meta.symbol = re.sub(r"\s", "", number.group("symbol"))
    # The "Số:" part is blanked first: a PDF or typed header runs it into the place ("Số: /QĐ-UBND Lâm Đồng, ngày").
    unnumbered = [_NUMBER.sub("  ", t).replace("\t", "  ") for t in texts]
    place_date = next((m for m in (_PLACE_DATE.search(t) for t in unnumbered) if m), None) or _PLACE_DATE.search(
        "  ".join(unnumbered)
    )
    if place_date:
        place = re.split(r"\s{2,}|\|", place_date.group("place").strip())[-1]
        meta.place = squash(place).strip(" *")
        meta.date = iso(place_date.group("year"), place_date.group("month"), place_date.group("day"))
    bodies = _header_bodies(blocks)
    if bodies:
        meta.issuer = issuer.normal_case(bodies[-1], meta.place)
        if len(bodies) > 1:
            meta.superior = issuer.normal_case(bodies[-2], meta.place)
    for block in blocks:
        if _VV.match(block.text):
            meta.title = squash(_VV.sub("", block.text))
            meta.title_marker = "V/v"


def _header_bodies(blocks: list[Block]) -> list[str]:
    """The issuing body and the one above it, from the header's upper-case lines."""
    motto = [fold(m) for m in _vocabulary()["motto"]]
    bodies: list[str] = []
    for block in blocks:
        for line in block.text.split("\n"):
            text = re.split(r"\t|\s{3,}", _without_motto(line, motto).strip())[0].strip()
            key = fold(text)
            if not text or any(key.startswith(m[:12]) for m in motto) or "độc lập" in key:
                continue
            if _NUMBER.search(text) or LONG_DATE.search(text) or _VV.match(text) or not is_upper(text):
                continue
            if bodies and not issuer.starts_with_body(text):
                bodies[-1] = f"{bodies[-1]} {text}"
            else:
                bodies.append(text)
    return bodies


def _without_motto(line: str, motto: list[str]) -> str:
    """A PDF runs both header columns into one line: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"."""
    key = fold(line)
    for phrase in motto:
        at = key.find(phrase)
        if at > 0 and len(key) == len(line):
            return line[:at] + "   " + line[at + len(phrase) :]
    return line


def _read_title(blocks: list[Block], type_index: int, meta: Meta) -> int:
    lines: list[str] = []
    centred = False  # the title's first line was centred: the justified body ends it
    index = type_index + 1
    while index < len(blocks) and len(lines) < 4:
        block = blocks[index]
        text = block.text.strip()
        if centred and not block.center:
            break
        if _ends_title(text, first=not lines) and not _is_title_line(block, first=not lines):
            break
        centred = centred or (not lines and block.center)
        lines.append(text)
        index += 1
        if text.endswith((".", ";")) and not is_upper(text):
            break
    if lines:
        meta.title = TRAILING_PUNCT.sub("", squash(" ".join(lines))) if not meta.title else meta.title
    if index < len(blocks) and appendix.is_reference(blocks[index].text):
        text = blocks[index].text.strip()
        index += 1
        while text.startswith("(") and not text.endswith(")") and index < len(blocks) and len(text) < 300:
            text = f"{text} {blocks[index].text.strip()}"  # "(Kèm theo … năm 2025" / "của Chủ tịch …)"
            index += 1
        meta.ref = appendix.reference(text)  # "(Kèm theo Quyết định số … )"
    return index


def _is_title_line(block: Block, first: bool) -> bool:
    """A centred bold line right under the type heading is the title (T1, T3) even when it opens as a
    basis would ("Triển khai thực hiện Kế hoạch số …"): bases are justified body text (B1)."""
    return first and block.center and block.bold and not is_upper(block.text)


def _ends_title(text: str, first: bool) -> bool:
    """Bases, "Kính gửi", a numbered section or the sentence announcing the plan end the title.
    An upper-case line is title even when it reads "THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP …"."""
    if is_upper(text) and len(text) < 400:
        if any(fold(text).startswith(fold(a)) for a in _vocabulary()["authority_lines"]):
            return True  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …": the decision's authority, not its title
        label = read_label(text)
        return label is not None and label.kind in ("roman", "article", "part", "chapter")
    if bases.opener_of(text) or _KINH_GUI.match(text) or closing.is_recipients_heading(text):
        return True
    label = read_label(text)
    if label is not None and label.kind in ("roman", "arabic", "article", "decimal"):
        return True
    if appendix.is_reference(text):
        return True
    key = fold(text)
    if not first and any(fold(s) in key for s in _vocabulary()["preamble_sentence"]):
        return True
    if not first and re.match(r"^\w+(?:\s\w+){0,2}\s*:\s", text):
        return True  # "Thời gian: ½ ngày …": a detail line under the title
    return len(text) > (500 if first else 250) and not is_upper(text)


def _closing_start(blocks: list[Block], start: int) -> int:
    for index in range(start, len(blocks)):
        if closing.is_recipients_heading(blocks[index].text):
            return index
    seen_section = False
    for index in range(start, len(blocks)):
        label = read_label(blocks[index].text)
        seen_section = seen_section or (label is not None and label.kind in ("roman", "arabic", "article"))
        if seen_section and closing.is_signature_start(blocks[index].lines()[0]):
            return index
    return len(blocks)


def _read_body(blocks: list[Block], plan: Plan) -> None:
    body_start = _first_section(blocks)
    _read_preamble(blocks[:body_start], plan)
    builder = TreeBuilder(plan.warnings)
    for block in blocks[body_start:]:
        builder.add(block)
    plan.sections = builder.finish()
    plan.preamble.extend(builder.loose)
    for table in builder.loose_tables:  # a table before any section (a form laid out as one): kept, cell by cell
        plan.preamble.extend(line for row in table for cell in row for line in cell.split("\n") if line.strip())


def _first_section(blocks: list[Block]) -> int:
    labels = [(index, read_label(block.text)) for index, block in enumerate(blocks) if block.cell is None]
    for kinds in (("part", "chapter", "roman", "article"), ("arabic", "decimal")):
        for index, label in labels:
            if label is not None and label.kind in kinds and (label.rest or label.kind in ("part", "chapter")):
                return index
    return len(blocks)


def _read_preamble(blocks: list[Block], plan: Plan) -> None:
    in_bases = False
    addressees = False  # "Kính gửi:" alone on its line: the "- …" lines after it are the addressees
    for block in blocks:
        text = block.text.strip()
        if _KINH_GUI.match(text):
            items = [item.strip(" -;.") for item in re.split(r";\s*", _KINH_GUI.sub("", text)) if item.strip(" -;.")]
            plan.meta.recipient_to.extend(items)
            addressees = not items
            continue
        if addressees and text.startswith(("-", "–", "+")):
            plan.meta.recipient_to.append(text.lstrip("-–+ ").rstrip(" ;.,"))
            continue
        addressees = False
        if not is_upper(text) and (bases.opener_of(text) or (in_bases and bases.cites_document(text))):
            plan.legal_bases.extend(bases.split_basis(text))
            in_bases = True
            continue
        in_bases = False
        plan.preamble.append(text)


def _complete_meta(plan: Plan, blocks: list[Block]) -> None:
    meta = plan.meta
    if meta.title:
        quoted = _QUOTED.search(meta.title)
        meta.campaign = squash(quoted.group("inner")) if quoted else None
    if not meta.issuer:
        meta.issuer = _issuer_from_text(plan, blocks)
    meta.level = issuer.level_of(meta.issuer) or issuer.level_of(meta.superior)


def _issuer_from_text(plan: Plan, blocks: list[Block]) -> str | None:
    """ "Ủy ban nhân dân huyện ban hành Kế hoạch …", completed with the unit the text names."""
    texts = plan.preamble + [meta for meta in (plan.meta.title or "",)]
    for text in plan.preamble + [block.text for block in blocks[:200]]:
        match = _ISSUES_PLAN.search(text)
        if not match:
            continue
        unit = match.group("unit")
        words = unit.split()
        two_words = fold(" ".join(words[:2])) in ("thành phố", "thị xã", "thị trấn", "đặc khu")
        level_word = " ".join(words[:2]) if two_words else words[0]
        if len(unit.split()) == len(level_word.split()):
            named = issuer.unit_named(level_word.lower(), texts + [b.text for b in blocks])
            unit = named or unit
        return issuer.normal_case(f"Ủy ban nhân dân {unit}")
    return None


def _read_after_signature(raw: RawDocument, blocks: list[Block], plan: Plan, warnings: list[Warning]) -> None:
    """Appendices, or a document issued with this one (a Điều lệ after its Quyết định)."""
    if not blocks:
        return
    heading = _doc_type_index(blocks)
    if heading is not None and heading < 8 and _doc_type(blocks[heading].text) not in ("PHỤ LỤC", None):
        if all(_is_header_line(b.text) or b.cell for b in blocks[:heading]):
            plan.attachments.append(_parse(raw, blocks, warnings))
            return
    plan.appendices = appendix.read_appendices(blocks, warnings)


def _has_structure(plan: Plan) -> bool:
    return bool(plan.meta.doc_type or plan.meta.symbol or plan.legal_bases or plan.sections)


__all__ = ["parse_blocks", "LegalRef"]
