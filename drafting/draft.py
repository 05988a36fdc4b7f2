"""Draft a local plan from its parent plan: model → model, no I/O.

The draft keeps the parent's skeleton and sentences and changes what a derived plan changes
(shared/spec/domain.md): the title and first basis, the scope words and bodies re-assigned to the
unit's level (data/level_mapping.json, read through drafting.units.level_terms), the unit's own award
form, earlier report deadlines, the header and the closing. Cited documents, issuers' names, quoted
campaign names and award forms are never touched: the NLP recognisers mark them first.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field

from drafting.model import LegalRef, Meta, Plan, Section, Signature, Source
from drafting.nlp.extract import _award_pattern, extract
from drafting.nlp.temporal import find_times
from drafting.parsing.bases import find_legal_refs
from drafting.parsing.text import fold
from drafting.units import Unit, level_terms

REFORM_DATE = "2025-07-01"  # two-level local government from this day (decree30.md §6)


@dataclass
class DraftOptions:
    number: str = ""  # blank: the văn thư numbers it when it is signed
    date: str | None = None  # ISO; None → this month, day left blank
    signer: str | None = None
    position: str = "CHỦ TỊCH"  # "PHÓ CHỦ TỊCH" signs "KT. CHỦ TỊCH"
    days_earlier: int = 5  # the unit's offices report this many days before the parent's deadline
    quota: tuple[int, int] = (5, 5)  # Giấy khen of the unit's chairman: collectives, individuals
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class Draft:
    plan: Plan
    todo: list[str]  # what the clerk still has to fill or check, in Vietnamese


def era_of(plan: Plan) -> str:
    return "pre2025" if plan.meta.date and plan.meta.date < REFORM_DATE else "post2025"


def draft_plan(parent: Plan, unit: Unit, options: DraftOptions | None = None) -> Draft:
    options = options or DraftOptions()
    todo: list[str] = []
    child_era = "pre2025" if unit.level == "district" else "post2025"
    replacements = _replacements(parent, unit, child_era)
    plan = Plan(source=Source(path="", format="draft"), meta=_meta(parent, unit, options))
    plan.legal_bases = [_parent_basis(parent)]
    plan.preamble = [f"Ủy ban nhân dân {unit.full} ban hành Kế hoạch triển khai thực hiện trên địa bàn "
                     f"{unit.full} như sau:"]
    plan.sections = [_rewrite_section(section, replacements) for section in copy.deepcopy(parent.sections)]
    year = int(plan.meta.date[:4]) if plan.meta.date else options.today.year
    todo += _earlier_report_deadlines(plan, options.days_earlier, year)
    todo += _add_own_award(plan, unit, child_era, options.quota)
    plan.recipients, plan.archive = _recipients(parent, unit, child_era)
    plan.signature = _signature(options)
    todo += _leftovers(plan, parent)
    extract(plan)
    if not options.number:
        todo.insert(0, "Điền số văn bản khi phát hành (Số:      /KH-UBND).")
    if not options.date:
        todo.insert(1, "Điền ngày ký (ngày … tháng … năm …).")
    if not options.signer:
        todo.insert(2, "Điền họ tên người ký.")
    return Draft(plan, todo)


# --- header, title, basis ----------------------------------------------------------------------

def _meta(parent: Plan, unit: Unit, options: DraftOptions) -> Meta:
    date = options.date or f"{options.today.year}-{options.today.month:02d}"
    return Meta(doc_type="KẾ HOẠCH", number=options.number, symbol="KH-UBND", issuer=f"Ủy ban nhân dân {unit.full}",
                level=unit.level, place=unit.name, date=date, title=_title(parent, unit),
                campaign=parent.meta.campaign)


def _title(parent: Plan, unit: Unit) -> str:
    meta = parent.meta
    if meta.campaign and "phong trào" in fold(meta.title or ""):
        return f"Triển khai thực hiện Phong trào thi đua “{meta.campaign}” trên địa bàn {unit.full}"
    return f"Triển khai thực hiện {_cited(parent)} trên địa bàn {unit.full}"


def _cited(parent: Plan) -> str:
    """ "Kế hoạch số 125/KH-UBND ngày 22/7/2024 của Ủy ban nhân dân tỉnh Kon Tum" (B4: type, number,
    date, issuer), or the approving decision when the parent was issued with one."""
    source = parent.approval or parent.meta
    doc_type = getattr(source, "doc_type", None) or "KẾ HOẠCH"
    kind = doc_type[:1] + doc_type[1:].lower()
    if source.number:
        number = f" số {source.number}/{source.symbol}"
    else:
        number = f" số …/{source.symbol}" if source.symbol else ""
    date = f" ngày {_short_date(source.date)}" if source.date else ""
    issuer = f" của {source.issuer}" if source.issuer else ""
    return f"{kind}{number}{date}{issuer}"


def _short_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"…/{int(parts[1])}/{parts[0]}"
    return f"…/…/{parts[0]}"


def _parent_basis(parent: Plan) -> LegalRef:
    subject = parent.meta.title or ""
    if subject and subject.isupper():
        subject = subject[:1] + subject[1:].lower()
    about = f" về {subject[:1].lower()}{subject[1:]}" if subject and not subject.lower().startswith("về") else ""
    if parent.approval:
        about = f" ban hành {parent.meta.doc_type.capitalize() if parent.meta.doc_type else 'Kế hoạch'}{about}"
    text = f"Thực hiện {_cited(parent)}{about};"
    source = parent.approval or parent.meta
    return LegalRef(text=text, doc_type=(getattr(source, "doc_type", None) or "Kế hoạch").capitalize(),
                    number=source.number or None, symbol=source.symbol, date=source.date, issuer=source.issuer,
                    opener="Thực hiện")


# --- re-assigning bodies and scope words ------------------------------------------------------

def _replacements(parent: Plan, unit: Unit, child_era: str) -> list[tuple[str, str]]:
    """(parent's wording, child's wording), longest first, from the level-mapping data file."""
    parent_level = parent.meta.level or "province"
    if parent_level == unit.level:
        return []
    try:
        source = level_terms(parent_level, era_of(parent))
    except ValueError:
        source = level_terms(parent_level, "pre2025")
    target = level_terms(unit.level, child_era, unit.kind)
    pairs: dict[str, str] = {}
    for group in ("scope", "roles"):
        for role, entry in source[group].items():
            if role not in target[group]:
                continue
            for name in [entry["name"], *entry["variants"]]:
                pairs.setdefault(name, target[group][role]["name"])
    parent_unit = _unit_of(parent.meta.issuer)
    if parent_unit:
        pairs.setdefault(parent_unit, unit.full)  # "trên địa bàn tỉnh Kon Tum" → "… xã Ninh Hải"
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


def _unit_of(issuer: str | None) -> str | None:
    match = re.search(r"(tỉnh|Thành phố|huyện|thị xã|thành phố|quận|xã|phường)\s+\S.*$", issuer or "")
    return match.group(0) if match else None


def _protected(text: str) -> list[tuple[int, int]]:
    """Where nothing may change: cited documents with their issuer, quoted names, award forms."""
    ranges = []
    for start, end, _ in find_legal_refs(text):
        clause = re.search(r"[;.]|\s+về\s|$", text[end:])
        ranges.append((start, end + (clause.start() if clause else 0)))
    ranges += [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    ranges += [(m.start(), m.end()) for m in _award_pattern().finditer(text)]
    return ranges


def rewrite(text: str, replacements: list[tuple[str, str]]) -> str:
    if not replacements:
        return text
    protected = _protected(text)
    out, position = [], 0
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(old) for old, _ in replacements) + r")(?!\w)")
    wanted = dict(replacements)
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in protected):
            continue
        out.append(text[position : match.start()])
        out.append(wanted[match.group(0)])
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _rewrite_section(section: Section, replacements: list[tuple[str, str]]) -> Section:
    section.title = rewrite(section.title, replacements)
    section.paragraphs = [rewrite(text, replacements) for text in section.paragraphs]
    section.tables = [[[rewrite(cell, replacements) for cell in row] for row in table] for table in section.tables]
    section.children = [_rewrite_section(child, replacements) for child in section.children]
    return section


# --- deadlines and awards ---------------------------------------------------------------------

def _earlier_report_deadlines(plan: Plan, days: int, year: int) -> list[str]:
    """A report the parent asks for by a day becomes a report to the unit a few days before."""
    notes = []
    for section in plan.all_sections():
        texts = [section.title, *section.paragraphs]
        for index, text in enumerate(texts):
            if not re.search(r"báo cáo", text, re.IGNORECASE):
                continue
            new = text
            for span in reversed(find_times(text, year)):
                if span.label != "DEADLINE" or not span.value or len(span.value) != 10:
                    continue
                earlier = dt.date.fromisoformat(span.value) - dt.timedelta(days=days)
                replaced = _same_style(span.text, earlier)
                new = new[: span.start] + replaced + new[span.end :]
                notes.append(f"Thời hạn báo cáo “{span.text}” của cấp trên đổi thành “{replaced}” cho các cơ quan "
                             f"của đơn vị (sớm {days} ngày để tổng hợp); kiểm tra lại (mục {section.label}).")
            if new != text:
                if index == 0:
                    section.title = new
                else:
                    section.paragraphs[index - 1] = new
    return notes


def _same_style(text: str, date: dt.date) -> str:
    """The deadline written the way the parent wrote it: "trước ngày 25 tháng 11 năm 2024" or "25/11/2024"."""
    opener = re.match(r"^(.*?)(?=(?:ngày\s*)?\d)", text)
    head = opener.group(1) if opener else ""
    if "tháng" in text:
        body = f"ngày {date.day:02d} tháng {date.month} năm {date.year}" if "năm" in text else \
            f"ngày {date.day:02d} tháng {date.month}"
        return f"{head.replace('ngày', '').rstrip()} {body}".strip()
    return f"{head}{date.day:02d}/{date.month:02d}/{date.year}" if re.search(r"/\d{4}", text) else \
        f"{head}{date.day:02d}/{date.month:02d}"


def _add_own_award(plan: Plan, unit: Unit, era: str, quota: tuple[int, int]) -> list[str]:
    form = level_terms(unit.level, era, unit.kind)["awards"]["chairman_award"]["name"]
    collectives, individuals = quota
    item_text = f"{form}: {collectives:02d} tập thể và {individuals:02d} cá nhân."
    for section in plan.all_sections():
        forms = [child for child in section.children if _award_pattern().match(child.title)]
        if forms:
            last = forms[-1]
            new = Section(label=last.label if last.kind in ("dash", "plus") else "", kind=last.kind,
                          title=f"{form}", paragraphs=[f"{collectives:02d} tập thể và {individuals:02d} cá nhân."],
                          run_in=True)
            if last.kind not in ("dash", "plus"):
                new.kind, new.label = "plus", "+"
            section.children.insert(section.children.index(last) + 1, new)
            return [f"Đã thêm “{item_text}” — kiểm tra số lượng khen thưởng (mục {section.label})."]
    return [f"Không tìm thấy mục hình thức khen thưởng: thêm “{item_text}” nếu kế hoạch có khen thưởng."]


# --- closing -----------------------------------------------------------------------------------

def _recipients(parent: Plan, unit: Unit, era: str) -> tuple[list[str], str]:
    roles = level_terms(unit.level, era, unit.kind)["roles"]
    recipients = [f"{parent.meta.issuer} (b/c)" if parent.meta.issuer else "Cơ quan cấp trên (b/c)"]
    for role in ("party_committee", "people_council", "front"):
        if role in roles:
            name = roles[role]["name"]
            recipients.append(f"Thường trực {name}" if role != "front" else name)
    recipients.append(f"Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân {unit.kind}")
    offices = []
    for role in ("office", "internal_affairs", "economy", "culture_information"):
        name = roles.get(role, {}).get("name")
        if name and name not in offices:
            offices.append(name)
    recipients += offices
    return recipients, "VT"


def _signature(options: DraftOptions) -> Signature:
    deputy = "PHÓ" in options.position.upper()
    return Signature(authority="TM. ỦY BAN NHÂN DÂN", delegation="KT. CHỦ TỊCH" if deputy else None,
                     position=options.position.upper(), name=options.signer)


def _leftovers(plan: Plan, parent: Plan) -> list[str]:
    """Bodies of the parent's level still named in the draft outside cited documents: the clerk
    decides who does that work at the unit's level."""
    words = {"province": r"Sở [A-ZĐÀ-Ỹ]\w*(?: \w+){0,4}", "district": r"Phòng [A-ZĐÀ-Ỹ]\w*(?: \w+){0,4} huyện"}
    pattern = words.get(parent.meta.level or "province")
    if not pattern:
        return []
    found: dict[str, str] = {}
    for section in plan.all_sections():
        for text in [section.title, *section.paragraphs]:
            protected = _protected(text)
            for match in re.finditer(pattern, text):
                if not any(start <= match.start() < end for start, end in protected):
                    found.setdefault(match.group(0), section.label)
    return [f"Còn nhắc “{name}” (mục {label}): chuyển cho cơ quan cấp mình phụ trách lĩnh vực này."
            for name, label in list(found.items())[:15]]
