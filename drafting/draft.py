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
from typing import Any

from drafting.data_files import load
from drafting.errors import InputError
from drafting.model import LegalRef, Meta, Plan, Section, Signature, Source
from drafting.nlp.awards import award_pattern
from drafting.nlp.extract import extract
from drafting.nlp.temporal import find_times
from drafting.parsing.bases import find_legal_refs
from drafting.parsing.text import UPPER, fold
from drafting.render.blanks import SIGNER_BLANK, unsigned_month
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
class Change:
    """One rewrite the draft made, for `--explain`."""

    where: str
    rule: str
    before: str
    after: str


@dataclass
class Draft:
    plan: Plan
    todo: list[str]  # what the clerk still has to fill or check, in Vietnamese
    changes: list[Change] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)  # key → what to write there
    outcomes: list[Any] = field(default_factory=list)  # what became of each responsibility (derive.assign.Outcome)


PLACEHOLDER = re.compile(r"\[\[(?P<key>[\w.-]+)\|(?P<label>[^\]]*)\]\]")


def fill_placeholders(plan: Plan, values: dict[str, str]) -> list[str]:
    """Replace the [[key|label]] placeholders of a draft by the clerk's values; returns the keys left."""
    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda m: str(values[m.group("key")]) if m.group("key") in values else m.group(0), text)

    for section in plan.all_sections():
        section.title = fill(section.title)
        section.paragraphs = [fill(text) for text in section.paragraphs]
    if plan.signature.name:
        plan.signature.name = fill(plan.signature.name)
    left = []
    for section in plan.all_sections():
        for text in [section.title, *section.paragraphs]:
            left += [m.group("key") for m in PLACEHOLDER.finditer(text)]
    if plan.signature.name:
        left += [m.group("key") for m in PLACEHOLDER.finditer(plan.signature.name)]
    return left


def era_of(plan: Plan) -> str:
    return "pre2025" if plan.meta.date and plan.meta.date < REFORM_DATE else "post2025"


def draft_plan(parent: Plan, unit: Unit, options: DraftOptions | None = None) -> Draft:
    """A commune plan is derived by responsibility (drafting/derive/); a pre-2025 district plan, whose district had
    a counterpart for nearly every provincial body, keeps its parent's sentences with the bodies re-assigned."""
    if unit.level == "commune":
        from drafting.derive import derive_commune_plan

        return derive_commune_plan(parent, unit, options)
    return word_swap_plan(parent, unit, options)


def word_swap_plan(parent: Plan, unit: Unit, options: DraftOptions | None = None) -> Draft:
    options = options or DraftOptions()
    if not parent.sections:
        raise InputError("not_a_plan", path=parent.source.path)
    todo: list[str] = []
    child_era = "pre2025" if unit.level == "district" else "post2025"
    replacements = _replacements(parent, unit, child_era)
    plan = Plan(source=Source(path="", format="draft"), meta=_meta(parent, unit, options))
    plan.legal_bases = [_parent_basis(parent)]
    plan.preamble = [f"Ủy ban nhân dân {unit.full} ban hành Kế hoạch triển khai thực hiện trên địa bàn "
                     f"{unit.full} như sau:"]
    changes: list[Change] = []
    level_words = _level_words(parent, unit)
    plan.sections = [_rewrite_section(section, replacements, changes, level_words)
                     for section in copy.deepcopy(parent.sections)]
    year = int(plan.meta.date[:4]) if plan.meta.date else options.today.year
    todo += _earlier_report_deadlines(plan, options.days_earlier, year, changes)
    todo += _add_own_award(plan, unit, child_era, options.quota)
    placeholders = _local_figures(plan, changes)
    plan.recipients, plan.archive = _recipients(parent, unit, child_era)
    plan.signature = _signature(options)
    if not options.signer:
        placeholders["nguoi_ky"] = "họ tên người ký"
        plan.signature.name = SIGNER_BLANK
    todo += _leftovers(plan, parent)
    extract(plan)
    source = parent.approval or parent.meta
    if not source.number or not source.date:
        todo.insert(0, "Điền số, ngày của văn bản cấp trên trong căn cứ đầu tiên (“số …”, “ngày …”).")
    if not options.number:
        todo.insert(0, "Điền số văn bản khi phát hành (Số:      /KH-UBND).")
    if not options.date:
        todo.insert(1, "Điền ngày ký (ngày … tháng … năm …).")
    if placeholders:
        todo.append("Chỗ trống được tô vàng trong tệp .docx; điền bằng --data values.yaml với các khóa: "
                    + ", ".join(f"{key} ({label})" for key, label in placeholders.items()) + ".")
    return Draft(plan, todo, changes, placeholders)


# --- header, title, basis ----------------------------------------------------------------------

def _meta(parent: Plan, unit: Unit, options: DraftOptions) -> Meta:
    date = options.date or unsigned_month(options.today)
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
    else:  # a blank for the clerk: the parent's number is not in the file
        number = f" số …/{source.symbol or '…'}"
    date = f" ngày {_short_date(source.date)}" if source.date else " ngày …"
    issuer = f" của {source.issuer}" if source.issuer else ""
    return f"{kind}{number}{date}{issuer}"


def _short_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"…/{int(parts[1])}/{parts[0]}"
    return f"…/…/{parts[0]}"


def sentence_case(text: str, plan: Plan) -> str:
    """An upper-case title in sentence case, keeping the words the plan itself writes with capitals
    inside sentences ("Quốc hội", "XVI", "HĐND", "Đắk Lắk")."""
    capitals = _capitals(plan)
    words = text.lower().split(" ")
    words = [capitals.get(word, word) for word in words]
    result = " ".join(words)
    return result[:1].upper() + result[1:]


_CAPITALS: dict[int, tuple[Plan, dict[str, str]]] = {}  # per parent plan: a draft asks three times, a batch often


def _capitals(plan: Plan) -> dict[str, str]:
    """How the plan writes each word inside sentences: a word keeps its capital when the plan writes it so more often
    than not ("Quốc hội", "XVI", "HĐND", "Đắk Lắk")."""
    known = _CAPITALS.get(id(plan))
    if known is not None and known[0] is plan:
        return known[1]
    seen: dict[str, dict[str, int]] = {}
    for section in plan.all_sections():
        for paragraph in section.paragraphs:
            for word in re.findall(r"(?<=\w )\w+", paragraph):
                forms = seen.setdefault(word.lower(), {})
                forms[word] = forms.get(word, 0) + 1
    capitals = {lower: max(forms, key=lambda form: forms[form]) for lower, forms in seen.items()}
    if len(_CAPITALS) > 16:
        _CAPITALS.clear()
    _CAPITALS[id(plan)] = (plan, capitals)
    return capitals


def _parent_basis(parent: Plan) -> LegalRef:
    subject = parent.meta.title or ""
    if subject and subject.isupper():
        subject = sentence_case(subject, parent)
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
    if child_era == "post2025":
        pairs.update({k: v for k, v in load("level_mapping")["post2025_rewrites"].items() if not k.startswith("_")})
    sources = [source]
    if parent_level == "district":  # a district plan also speaks of its province ("trên địa bàn toàn tỉnh")
        sources.append({"scope": level_terms("province", era_of(parent))["scope"], "roles": {}})
    for terms in sources:
        for group in ("scope", "roles"):
            for role, entry in terms[group].items():
                if role not in target[group]:
                    continue
                for name in [entry["name"], *entry["variants"]]:
                    pairs.setdefault(name, target[group][role]["name"])
    parent_unit = _unit_of(parent.meta.issuer)
    if parent_unit:
        pairs.setdefault(parent_unit, unit.full)  # "trên địa bàn tỉnh Kon Tum" → "… xã Ninh Hải"
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


def _level_words(parent: Plan, unit: Unit) -> tuple[str, str] | None:
    word = {"province": "tỉnh", "district": "huyện"}.get(parent.meta.level or "")
    if not word or parent.meta.level == unit.level:
        return None
    return word, unit.kind


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
    for match in award_pattern().finditer(text):  # the award line to its end: "…; Chủ tịch UBND các xã"
        line_end = re.search(r"[.:]|$", text[match.end() :])
        ranges.append((match.start(), match.end() + (line_end.start() if line_end else 0)))
    return ranges


def rewrite(text: str, replacements: list[tuple[str, str]]) -> str:
    """The parent's wording replaced by the unit's outside protected ranges; matching ignores case
    ("các Sở, ban, ngành"), the replacement keeps the case of the first letter it replaces."""
    if not replacements:
        return text
    protected = _protected(text)
    out, position = [], 0
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(old) for old, _ in replacements) + r")(?!\w)",
                         re.IGNORECASE)
    wanted: dict[str, str] = {}
    for old, new in replacements:
        wanted.setdefault(fold(old), new)
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in protected):
            continue
        new = wanted.get(fold(match.group(0)))
        if new is None:
            continue
        if match.group(0)[:1].isupper():
            new = new[:1].upper() + new[1:]
        out.append(text[position : match.start()])
        out.append(new)
        position = match.end()
    out.append(text[position:])
    return _without_repeats("".join(out))


def _without_repeats(text: str) -> str:
    """ "cấp tỉnh, cấp xã" mapped to "cấp xã, cấp xã": the repeated scope is said once."""
    return re.sub(r"(?<!\w)((?:cấp|toàn|các)\s+\w+(?:\s\w+)?)(?:,\s*\1)+(?!\w)", r"\1", text)


def _level_word_pass(text: str, parent_word: str, child_word: str) -> str:
    """A level word the mapping did not cover ("thuộc tỉnh", "khối thi đua tỉnh") becomes the unit's,
    unless a place name follows it ("tỉnh Đắk Lắk") or it sits in a protected range."""
    protected = _protected(text)
    out, position = [], 0
    for match in re.finditer(rf"(?<!\w){parent_word}(?!\w)(?!\s+[{UPPER}])", text):
        if any(start <= match.start() < end for start, end in protected):
            continue
        out.append(text[position : match.start()])
        out.append(child_word)
        position = match.end()
    out.append(text[position:])
    return _without_repeats("".join(out))


def _rewrite_section(section: Section, replacements: list[tuple[str, str]], changes: list[Change],
                     level_words: tuple[str, str] | None = None) -> Section:
    def changed(text: str) -> str:
        new = rewrite(text, replacements)
        if level_words:
            new = _level_word_pass(new, *level_words)
        if new != text:
            changes.append(Change(f"mục {section.label}", "level_mapping", text, new))
        return new

    section.title = changed(section.title)
    section.paragraphs = [_without_self_partner(section.title, changed(text)) for text in section.paragraphs]
    section.tables = [[[changed(cell) for cell in row] for row in table] for table in section.tables]
    section.children = [_rewrite_section(child, replacements, changes, level_words) for child in section.children]
    return section


def _without_self_partner(agency: str, text: str) -> str:
    """After re-assignment a body may be asked to work "with" itself ("Phòng Văn hóa - Xã hội: Chủ trì,
    phối hợp với Phòng Văn hóa - Xã hội, Phòng Kinh tế …"): the duplicate partner goes."""
    name = agency.strip(" :")
    if len(name) < 6:
        return text
    text = re.sub(rf"(phối hợp với\s+){re.escape(name)}(?:,\s*|\s+và\s+)", r"\1", text)
    return re.sub(rf"(phối hợp với\s+[^.;:]*?),\s*{re.escape(name)}(?=[\s,.;])", r"\1", text)


# --- deadlines and awards ---------------------------------------------------------------------

def working_days_before(date: dt.date, days: int) -> dt.date:
    """`days` working days before `date`, Saturdays and Sundays skipped."""
    while days > 0:
        date -= dt.timedelta(days=1)
        if date.weekday() < 5:
            days -= 1
    return date


def _earlier_report_deadlines(plan: Plan, days: int, year: int, changes: list[Change]) -> list[str]:
    """A report the parent asks for by a day becomes a report to the unit some working days before."""
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
                earlier = working_days_before(dt.date.fromisoformat(span.value), days)
                replaced = _same_style(span.text, earlier)
                new = new[: span.start] + replaced + new[span.end :]
                notes.append(f"Thời hạn báo cáo “{span.text}” của cấp trên đổi thành “{replaced}” cho các cơ quan "
                             f"của đơn vị (sớm {days} ngày làm việc để tổng hợp); kiểm tra lại (mục {section.label}).")
            if new != text:
                changes.append(Change(f"mục {section.label}", "earlier_report_deadline", text, new))
                if index == 0:
                    section.title = new
                else:
                    section.paragraphs[index - 1] = new
    return notes


def _same_style(text: str, date: dt.date) -> str:
    """The deadline written the way the parent wrote it: "trước ngày 25 tháng 11 năm 2024" or "25/11/2024"."""
    opener = re.match(r"^(.*?)(?=\d)", text)  # "trước ngày " kept whole
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
        forms = [child for child in section.children if award_pattern().match(child.title)]
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


def _local_figures(plan: Plan, changes: list[Change]) -> dict[str, str]:
    """Figures of the parent's territory in the objectives ("xóa 1.234 căn nhà tạm") are the unit's
    to set: each becomes a highlighted placeholder that still shows the parent's figure."""
    placeholders: dict[str, str] = {}
    for top in plan.sections:
        if "objectives" not in top.roles:
            continue
        for section in top.walk():
            for index, text in enumerate(section.paragraphs):
                new = _figures_to_placeholders(text, placeholders)
                if new != text:
                    changes.append(Change(f"mục {section.label}", "local_figure", text, new))
                    section.paragraphs[index] = new
            title = _figures_to_placeholders(section.title, placeholders)
            if title != section.title:
                changes.append(Change(f"mục {section.label}", "local_figure", section.title, title))
                section.title = title
    return placeholders


def _figures_to_placeholders(text: str, placeholders: dict[str, str]) -> str:
    from drafting.nlp.quantities import find_quantities

    out, position = [], 0
    for quantity in find_quantities(text):
        number = re.match(r"[\d.,]+%?", text[quantity.start : quantity.end])
        if not number or quantity.normal.endswith(("tập thể", "cá nhân")):
            continue
        key = f"so_lieu_{len(placeholders) + 1}"
        placeholders[key] = f"số liệu của đơn vị thay cho “{text[quantity.start:quantity.end]}” của cấp trên"
        out.append(text[position : quantity.start])
        out.append(f"[[{key}|{number.group(0)}]]")
        position = quantity.start + len(number.group(0))
    out.append(text[position:])
    return "".join(out)


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
    words = {"province": rf"Sở [{UPPER}]\w*(?: \w+){{0,4}}", "district": rf"Phòng [{UPPER}]\w*(?: \w+){{0,4}} huyện"}
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
