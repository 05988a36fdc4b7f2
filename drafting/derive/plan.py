"""A commune plan derived from its parent by responsibility: model → model, no I/O.

The parent's purpose, targets and tasks frame the commune plan (said at the commune's scale, province-scale
targets dropped); its organisation part is rebuilt: one item per commune body with the work the parent gives
to the bodies it maps to and the share of what it asks of "Ủy ban nhân dân các xã, phường" that falls in the
body's field; the Fatherland Front is asked; what is not the commune's is listed, not written. Reports go to the
collector the parent names; the commune's offices report earlier. (shared/spec/domain.md, "Commune plans since
1 July 2025"; data/commune_structure.json.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from drafting.data_files import load
from drafting.derive.assign import Assignment, Outcome, assign
from drafting.derive.reporting import ReportDue, Reporting, earlier, reporting
from drafting.derive.structure import CommuneBody, bodies_for, body, fate_of
from drafting.derive.targets import (
    capitalised_like,
    counts_to_placeholders,
    not_the_communes_clauses,
    without_foreign_targets,
    without_province_targets,
)
from drafting.derive.wording import Scope, scope_words, without_others_work
from drafting.draft import (
    Change,
    Draft,
    DraftOptions,
    _add_own_award,
    _cited,
    _meta,
    _parent_basis,
    _signature,
    sentence_case,
    working_days_before,
)
from drafting.errors import InputError
from drafting.model import Appendix, Plan, Section, Source
from drafting.nlp.extract import extract
from drafting.nlp.responsibilities import is_directive, organisation_sections
from drafting.nlp.subjects import opens_with_body
from drafting.nlp.temporal import find_times
from drafting.parsing.text import UPPER, fold
from drafting.units import Unit


@dataclass
class _Context:
    parent: Plan
    unit: Unit
    scope: Scope
    options: DraftOptions
    changes: list[Change]
    placeholders: dict[str, str]
    dropped: list[str]  # province-scale clauses left out


def derive_commune_plan(parent: Plan, unit: Unit, options: DraftOptions | None = None) -> Draft:
    options = options or DraftOptions()
    if not parent.sections:
        raise InputError("not_a_plan", path=parent.source.path)
    scope = Scope(unit.kind, unit.full, _province_name(parent))
    context = _Context(parent, unit, scope, options, [], {}, [])
    year = _year(parent, options)
    report = reporting(parent, year)
    lead = _lead_body(parent, report)
    assignment = assign(parent.responsibilities + _table_rows(parent), scope, lead)
    context.dropped += assignment.dropped_targets

    plan = Plan(source=Source(path="", format="draft"), meta=_meta(parent, unit, options))
    plan.meta.title = _title(parent, unit)
    basis = _parent_basis(parent)
    if parent.meta.title and parent.meta.title.isupper() and not parent.approval:
        subject = as_the_body_writes(parent.meta.title, parent)
        basis.text = f"Thực hiện {_cited(parent)} về {subject[:1].lower()}{subject[1:]};"
    basis.text = _as_the_parent_writes(basis.text, parent)
    plan.meta.title = _as_the_parent_writes(plan.meta.title, parent)
    # The parent is the basis a commune plan cites (Decree 30 keeps "Căn cứ" for legal documents; the
    # lm_* commune plans cite their parent alone).
    plan.legal_bases = [basis]
    plan.preamble = [f"Ủy ban nhân dân {unit.kind} ban hành Kế hoạch triển khai thực hiện trên địa bàn {unit.full} "
                     "như sau:"]
    organisation = {id(section) for section in organisation_sections(parent)}
    if is_directive(parent):
        # A Công văn, Thông báo or Chỉ thị is who-does-what from end to end: its work comes through the
        # responsibilities; the commune's plan states its own purpose.
        sections = [_directive_purpose(parent, scope)]
    else:
        kept = [_frame(section, context, organisation) for section in parent.sections
                if (id(section) not in organisation or "organization" not in section.roles or len(section.roles) > 1)
                and not _gives_work(section)]
        sections = [section for section in kept if section is not None]
    sections.append(_organisation(assignment, report, lead, context))
    plan.sections = _numbered(sections)
    _offices_report_earlier(plan.sections, options, year, context)
    todo = _add_own_award(plan, unit, "post2025", options.quota) if parent.awards else []
    # The closing sentence ends the last part, as clerks write it (the template has no closing slot).
    plan.sections[-1].children[-1].paragraphs.append(_closing(parent, scope, lead))
    plan.recipients, plan.archive = _recipients(parent, assignment, report, scope, lead, unit)
    plan.signature = _signature(options)
    if not options.signer:
        context.placeholders["nguoi_ky"] = "họ tên người ký"
        plan.signature.name = "[[nguoi_ky|Họ và tên]]"
    plan.appendices = _appendices(parent, plan.sections[-1], context)
    extract(plan)
    todo = _warnings(parent, plan, report, options) + _fill_in(parent, options) + todo + \
        _dropped_notes(assignment, context)
    if context.placeholders:
        todo.append("Chỗ trống được tô vàng trong tệp .docx; điền bằng --data values.yaml với các khóa: "
                    + ", ".join(f"{key} ({label})" for key, label in context.placeholders.items()) + ".")
    draft = Draft(plan, todo, context.changes, context.placeholders)
    draft.outcomes = assignment.outcomes
    return draft


# --- header --------------------------------------------------------------------------------------------

def _province_name(parent: Plan) -> str:
    """The name of the parent's own unit ("Đồng Nai"; "Ninh Hải" for a district's plan)."""
    match = re.search(r"(?:tỉnh|Tỉnh|Thành phố|thành phố|huyện|thị xã|quận)\s+(.+)$", parent.meta.issuer or "")
    return match.group(1).strip() if match else ""


def _year(parent: Plan, options: DraftOptions) -> int:
    date = options.date or parent.meta.date
    return int(date[:4]) if date else options.today.year


# The parent's own scope inside its title ("… trên địa bàn tỉnh Đồng Tháp", "… số tỉnh Bắc Ninh giai đoạn …"): the
# words after it ("năm 2026", "giai đoạn 2026 - 2030") stay.
_SCOPE_IN_TITLE = re.compile(rf"\s+(?:(?:trên địa bàn|tại|của)\s+)?(?:toàn\s+)?(?:tỉnh|thành phố|huyện)"
                             rf"(?:\s+(?-i:[{UPPER}])[\w-]*(?:\s+(?-i:[{UPPER}])[\w-]*)*)?(?=[\s,.;]|$)", re.IGNORECASE)


@cache
def _pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    """A word pattern of data/commune_wording.json, matched on the text as written."""
    return re.compile(load("commune_wording")["patterns"][name], flags)


def _title(parent: Plan, unit: Unit) -> str:
    """The parent's subject at the commune's scale: "Triển khai thực hiện Chương trình … trên địa bàn xã X"."""
    meta = parent.meta
    if meta.campaign and "phong trào" in fold(meta.title or ""):
        return f"Triển khai thực hiện Phong trào thi đua “{meta.campaign}” trên địa bàn {unit.full}"
    subject = (meta.title or "").strip()
    if subject.isupper():
        subject = as_the_body_writes(subject, parent)
    subject = re.sub(r"^(?:V/v|Về việc)\s+", "", subject).strip()
    province = _province_name(parent)
    if province:  # the province's name in its capitals, so its scope is recognised and taken out below
        subject = re.sub(re.escape(province), province, subject, flags=re.IGNORECASE)
    parts = re.split(r"(“[^”]*”)", subject)  # a quoted name keeps its own words
    subject = "".join(part if part.startswith("“") else _SCOPE_IN_TITLE.sub("", part) for part in parts).strip(" .,;")
    if not subject:
        return f"Triển khai thực hiện {_cited(parent)} trên địa bàn {unit.full}"
    if not _pattern("title_verbs", re.IGNORECASE).match(subject):
        subject = f"Triển khai thực hiện Kế hoạch {subject[:1].lower()}{subject[1:]}"
    return f"{subject[:1].upper()}{subject[1:]} trên địa bàn {unit.full}"


def as_the_body_writes(title: str, parent: Plan) -> str:
    """An upper-case title in the case the plan's own text writes its words: the longest runs of the title found
    in the body keep the body's capitals ("Nghị quyết số 09-NQ/TU ngày 18/3/2026 của Ban Thường vụ Tỉnh ủy"),
    the other words fall back to sentence case."""
    words = title.split()
    body = " ".join(" ".join(p.split()) for s in parent.all_sections() for p in (s.title, *s.paragraphs)
                    if not p.isupper())
    lowered = body.lower()
    fallback = sentence_case(title, parent).split()
    out: list[str] = []
    index = 0
    while index < len(words):
        for length in range(min(12, len(words) - index), 1, -1):
            phrase = " ".join(words[index : index + length]).lower()
            at = lowered.find(phrase)
            if at != -1 and (at == 0 or not lowered[at - 1].isalnum()):
                out += body[at : at + len(phrase)].split()
                index += length
                break
        else:
            symbol = re.search(r"[\d/]", words[index])  # "09-NQ/TU", "2026-2030": a symbol keeps its capitals
            out.append(words[index] if symbol else fallback[index] if index < len(fallback) else words[index].lower())
            index += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def _as_the_parent_writes(text: str, parent: Plan) -> str:
    """Names a sentence-cased title lowered ("tỉnh kon tum", a quoted campaign name) as the parent's body writes
    them: a quoted name the body quotes the same way (else in sentence case), the province's name."""
    quoted = {fold(q): q for section in parent.all_sections() for p in [section.title, *section.paragraphs]
              for q in re.findall(r"“([^”]{8,})”", p)}

    def as_written(match: re.Match[str]) -> str:
        name = quoted.get(fold(match.group(1)), match.group(1))
        name = as_the_body_writes(name, parent) if name.isupper() else name
        return f"“{name[:1].upper()}{name[1:]}”"

    text = re.sub(r"“([^”]{8,})”", as_written, text)
    province = _province_name(parent)
    return re.sub(re.escape(province), province, text, flags=re.IGNORECASE) if province else text


# --- the parent's frame: purpose, targets, tasks --------------------------------------------------------

def _frame(section: Section, context: _Context, organisation: set[int]) -> Section | None:
    """A part of the parent kept for the commune: its sentences at the commune's scale, its province-scale targets
    dropped, the items that give work to a body taken out (the organisation part says who does what)."""
    targets = "objectives" in section.roles or bool(re.search(r"chỉ tiêu|mục tiêu", fold(section.title)))
    awards = "criteria_awards" in section.roles or "khen thưởng" in fold(section.title)
    return _rewrite(section, context, targets, organisation, top=True, awards=awards)


_ORGANISATION_WORDS = re.compile(r"(?:,|;| VÀ| và)\s+(?:(?:PHÂN CÔNG|phân công) (?:TRÁCH NHIỆM|NHIỆM VỤ|trách nhiệm|"
                                 r"nhiệm vụ)|TRÁCH NHIỆM|trách nhiệm)(?: THỰC HIỆN| thực hiện)?$")


def _rewrite(section: Section, context: _Context, targets: bool, organisation: set[int], top: bool = False,
             awards: bool = False) -> Section | None:
    """A new section (the parent is never changed) with the parent's words at the commune's scale."""
    where = f"mục {section.label}"
    targets = targets or bool(re.match(r"(chỉ tiêu|mục tiêu)", fold(section.title)))
    children = []
    for child in section.children:
        if id(child) in organisation or _gives_work(child) or (id(section) in organisation and _assigns(child)):
            continue
        rewritten = _rewrite(child, context, targets, organisation, awards=awards)
        if rewritten is not None:
            children.append(rewritten)
    section_title = section.title
    aside = re.search(r"\s*\(([^()]*[Pp]hụ lục[^()]*)\)\s*$", section_title) if top else None
    if aside:  # "IV. NHIỆM VỤ … (chi tiết Phụ lục đính kèm)": a part's name stays in capitals, the pointer below it
        section_title = section_title[: aside.start()]
    # A title with items below it is a heading; a title alone is the item's own text (Markdown copies).
    heading = bool(section.children) and len(section.title.split()) <= 20
    title = _sentence(_ORGANISATION_WORDS.sub("", section_title), context, where, targets, heading=heading,
                      awards=awards)
    paragraphs = [text for text in (_sentence(p, context, where, targets, awards=awards) for p in section.paragraphs)
                  if text]
    if aside:
        pointer = aside.group(1).strip()
        paragraphs.insert(0, _sentence(f"{pointer[:1].upper()}{pointer[1:]}.", context, where, targets))
    if not title and not paragraphs and not children:
        return None
    if not paragraphs and not children and (section.children or section.paragraphs):
        return None  # a heading whose every item went (work given to a body, targets of the province)
    if not top and not title and section.title and not children:
        return None  # the item's own text was a province-scale target
    if not title and section.title:  # the item's own text was dropped: its first paragraph, if any, heads it
        if not paragraphs and not children:
            return None
        title = paragraphs.pop(0) if paragraphs else section.title
    return Section(label=section.label, kind=section.kind, title=title, roles=list(section.roles),
                   paragraphs=paragraphs, children=children, line=section.line, run_in=section.run_in)


def _directive_purpose(parent: Plan, scope: Scope) -> Section:
    cited = _cited(parent)
    return Section(label="", kind="roman", title="MỤC ĐÍCH, YÊU CẦU", roles=["purpose_requirements"], paragraphs=[
        f"Triển khai kịp thời, đầy đủ các nhiệm vụ tại {cited} thuộc trách nhiệm của Ủy ban nhân dân {scope.full}; "
        "xác định rõ cơ quan chủ trì, cơ quan phối hợp, thời hạn hoàn thành từng nhiệm vụ.",
        "Các cơ quan, đơn vị được giao nhiệm vụ chủ động triển khai, phối hợp chặt chẽ và báo cáo kết quả đúng thời "
        "hạn.",
    ])


def _assigns(section: Section) -> bool:
    """The responsibility half of a part that is also the timeline ("V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN")."""
    return bool(re.search(r"trách nhiệm|phân công|tổ chức thực hiện", fold(section.title)))


def _gives_work(section: Section) -> bool:
    """An item headed by a provincial body ("2.1. Sở Tài chính", "- Công an tỉnh chủ trì …"): its work is in the
    responsibilities, re-assigned there."""
    title = re.sub(r"^(?:Đề nghị|Giao|Yêu cầu)\s+", "", section.title)
    if not opens_with_body(title):
        return False
    # The communes' own work ("Ủy ban nhân dân xã, phường") is shared out in the organisation part too.
    return fate_of(title.split(":")[0][:80]).kind != "unknown"


def _sentence(text: str, context: _Context, where: str, targets: bool, heading: bool = False, awards: bool = False
              ) -> str:
    if not text:
        return text
    new, dropped = without_province_targets(text)
    if not heading:
        new, elsewhere = not_the_communes_clauses(new)
        dropped += elsewhere
        new, others = without_others_work(new)
        dropped += others
        new = capitalised_like(new, text)
    if targets and not heading:
        new, foreign = without_foreign_targets(new)
        dropped += foreign
    if dropped and not heading:
        context.dropped += dropped
    elif dropped:
        new = text  # a heading keeps its words; its items are what is dropped
    new = _appendix_reference(scope_words(new, context.scope), context.parent)
    new = _proposed_award(new)
    if awards:
        new = _proposed_form(new)
    if targets and not heading:
        new = counts_to_placeholders(new, context.placeholders)
    if new != text:
        context.changes.append(Change(where, "commune_scope" if not dropped else "province_target_dropped", text, new))
    return new


def _appendix_reference(text: str, parent: Plan) -> str:
    """The parent's appendix is not carried over as it is: a sentence that points to it points to the parent's."""
    if not parent.appendices or "phụ lục" not in text.lower():
        return text
    pattern = re.compile(load("commune_wording")["appendix_reference"]["match"])
    return pattern.sub(lambda m: f"{m.group(0).rstrip()} {_of_parent(parent)}"
                       if "kèm theo" in m.group(0) or "đính kèm" in m.group(0) else m.group(0), text, count=1)




def _proposed_form(text: str) -> str:
    """An award above the commune, in the list of forms of a commune plan, is one the commune proposes."""
    if not _pattern("awards_above_commune").match(text):
        return text
    if text.startswith("Khen thưởng"):
        return f"Đề nghị khen thưởng{text[len('Khen thưởng'):]}"
    return f"Đề nghị xét tặng {text}"


def _of_parent(parent: Plan) -> str:
    source = parent.approval or parent.meta
    return _cited(parent) if source.number else "của cấp trên"


def _proposed_award(text: str) -> str:
    """ "Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen" stays the province's gift; the commune proposes it."""
    return re.sub(r"(?<!đề nghị )(?<!Đề nghị )(Chủ tịch (?:Ủy|Uỷ) ban nhân dân (?:tỉnh|Thành phố|thành phố)[^.;,]*?)"
                  r" tặng (Bằng khen)", r"đề nghị \1 tặng \2", text)


# --- who does what -------------------------------------------------------------------------------------

def _lead_body(parent: Plan, report: Reporting) -> str:
    """The commune body that leads the plan: the counterpart of the collector of reports, else of the first
    provincial body the parent puts in charge, else the commune office."""
    candidates = [report.collector] if report.collector else []
    candidates += [entry["agency"] for entry in parent.responsibilities
                   if re.search(r"theo dõi, đôn đốc|tổng hợp", " ".join(entry.get("tasks", [])))]
    candidates += [entry["agency"] for entry in parent.responsibilities if entry.get("role") == "lead"]
    for name in candidates:
        fate = fate_of(re.sub(r"^(?:Đề nghị|Giao)\s+", "", name or ""))
        if fate.kind == "body" and fate.body and fate.body != "all_offices":
            return fate.body
    return "office"


def _organisation(assignment: Assignment, report: Reporting, lead: str, context: _Context) -> Section:
    scope = context.scope
    part = Section(label="", kind="roman", title="TỔ CHỨC THỰC HIỆN", roles=["organization"])
    lead_body = body(scope.kind, lead)
    tasks = dict(assignment.tasks)
    tasks[lead] = [_lead_task(lead_body, report, context), *tasks.get(lead, [])]
    order = [lead] + [b.id for b in bodies_for(scope.kind) if b.id != lead]
    for body_id in order:
        doer = body(scope.kind, body_id)
        work = tasks.get(body_id) or []
        if not work:
            continue
        title = doer.name if doer.relation == "assign" else f"Đề nghị {doer.name}"
        item = Section(label="", kind="arabic", title=title, paragraphs=[_dash(task) for task in work])
        if doer.relation == "ask":
            item.paragraphs.append("- Phối hợp tuyên truyền, vận động Nhân dân tham gia, giám sát việc thực hiện "
                                   "Kế hoạch này.") if len(work) < 2 else None
        part.children.append(item)
    part.children.append(_reporting_item(report, lead_body, context))
    return part


def _offices_report_earlier(sections: list[Section], options: DraftOptions, year: int, context: _Context) -> None:
    """A report the draft asks of the commune's own offices by a day ("báo cáo … về Ủy ban nhân dân xã trước ngày
    20/11"): due some working days before the parent's day, so the commune can consolidate. The "Chế độ báo cáo"
    item keeps the parent's day for the commune's own report upward."""
    inward = [context.scope.committee] + [b.name for b in bodies_for(context.scope.kind)]
    for top in sections:
        own_work = "organization" in top.roles  # every report a commune body is given goes to the commune
        for section in top.walk():
            if section.title == "Chế độ báo cáo":
                continue
            section.title = _earlier_logged(section.title, section, inward, year, context, own_work)
            section.paragraphs = [_earlier_logged(text, section, inward, year, context, own_work)
                                  for text in section.paragraphs]


def _earlier_logged(text: str, section: Section, inward: list[str], year: int, context: _Context,
                    own_work: bool = False) -> str:
    new = _earlier_inward(text, inward, context.options.days_earlier, year, own_work)
    if new != text:
        context.changes.append(Change(f"mục {section.label}", "earlier_report_deadline", text, new))
    return new


def _earlier_inward(text: str, inward: list[str], days: int, year: int, own_work: bool = False) -> str:
    from drafting.draft import _same_style

    if "báo cáo" not in text.lower():
        return text
    for span in reversed(find_times(text, year)):
        if span.label != "DEADLINE" or not span.value or len(span.value) != 10:
            continue
        clause_start = max(text.rfind(";", 0, span.start), text.rfind(".", 0, span.start - 1), 0)
        clause_end = min([i for i in (text.find(";", span.end), text.find(". ", span.end)) if i != -1] or [len(text)])
        clause = text[clause_start:clause_end]
        said = clause.lower().find("báo cáo")
        if said == -1 or not (own_work or any(name in clause[said:] for name in inward)):  # reported TO the commune
            continue
        earlier = working_days_before(dt.date.fromisoformat(span.value), days)
        text = text[: span.start] + _same_style(span.text, earlier) + text[span.end :]
    return text


def _dash(task: str) -> str:
    task = task.strip().lstrip("-–+• ").strip()
    task = task[:1].upper() + task[1:]
    return f"- {task}" if task.endswith((".", ";", ":")) else f"- {task}."


def _lead_task(lead: CommuneBody, report: Reporting, context: _Context) -> str:
    scope = context.scope
    to = f", báo cáo {scope.committee}"
    upward, via = _upward(report, context)
    return (f"Chủ trì, tham mưu {scope.committee} triển khai thực hiện Kế hoạch này; theo dõi, đôn đốc các cơ quan, "
            f"đơn vị thực hiện; tổng hợp kết quả{to} để báo cáo {upward}{via} theo quy định.")


def _upward(report: Reporting, context: _Context) -> tuple[str, str]:
    """Whom the commune reports to, and through whom: the parent's collector; for a pre-2025 district parent (the
    district is gone) the province today."""
    province_committee = f"Ủy ban nhân dân {context.unit.province_full}"
    if context.parent.meta.level == "district":
        return province_committee, ""
    upward = report.addressee or report.collector or context.parent.meta.issuer or province_committee
    via = f" (qua {report.collector})" if report.addressee and report.collector else ""
    return upward, via


def _as_due(due: ReportDue) -> str:
    """The parent's deadline as it writes it, with its recurrence: "trước ngày 15/11 hằng năm"."""
    return due.text if not due.recurring or re.search(r"h[ằà]ng năm|định kỳ", due.text) else f"{due.text} hằng năm"


def _reporting_item(report: Reporting, lead: CommuneBody, context: _Context) -> Section:
    scope, days = context.scope, context.options.days_earlier
    paragraphs = []
    upward, via = _upward(report, context)
    today = context.options.date or context.options.today.isoformat()
    for due in [due for due in report.dues if due.recurring or not _before(due.date, today)][:6]:
        paragraphs.append(f"- Các cơ quan, đơn vị báo cáo kết quả thực hiện về {lead.name} {earlier(due, days)} "
                          f"để tổng hợp, tham mưu {scope.committee} báo cáo {upward}{via} {_as_due(due)}.")
        context.changes.append(Change("chế độ báo cáo", "earlier_report_deadline", due.sentence, paragraphs[-1]))
    if not paragraphs:
        paragraphs.append(f"- Các cơ quan, đơn vị báo cáo kết quả thực hiện về {lead.name} trước thời hạn cấp trên "
                          f"yêu cầu ít nhất {days} ngày làm việc để tổng hợp, tham mưu {scope.committee} báo cáo "
                          f"{upward}{via} theo quy định.")
    return Section(label="", kind="arabic", title="Chế độ báo cáo", paragraphs=paragraphs)


def _closing(parent: Plan, scope: Scope, lead: str) -> str:
    lead_name = body(scope.kind, lead).name
    return (f"Trên đây là Kế hoạch của Ủy ban nhân dân {scope.full}. Trong quá trình "
            f"thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo {scope.committee} (qua "
            f"{lead_name}) để xem xét, giải quyết./.")


def _numbered(sections: list[Section]) -> list[Section]:
    """Labels of a plan we write ourselves: I., II. … at the top, 1., 2. … below, kept kinds elsewhere."""
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    for index, section in enumerate(sections):
        section.kind, section.label = "roman", romans[min(index, len(romans) - 1)]
        _renumber(section)
    return sections


_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def _renumber(section: Section) -> None:
    counters: dict[str, int] = {}
    for child in section.children:
        count = counters[child.kind] = counters.get(child.kind, 0) + 1
        if child.kind == "arabic":
            child.label = str(count)
        elif child.kind == "decimal" and section.label:
            child.label = f"{section.label}.{count}"
        elif child.kind == "letter":
            child.label = _LETTERS[min(count - 1, len(_LETTERS) - 1)]
        _renumber(child)


# --- closing ---------------------------------------------------------------------------------------------

def _recipients(parent: Plan, assignment: Assignment, report: Reporting, scope: Scope, lead: str, unit: Unit
                ) -> tuple[list[str], str]:
    recipients = []
    if parent.meta.level == "province" or not parent.meta.level:
        # The province today (a parent of a province merged on 1/7/2025 has its successor as the reader).
        recipients.append(f"Ủy ban nhân dân {unit.province_full} (b/c)")
    for name in report.receivers[:3]:  # whom the commune reports to, and through whom
        own = fold(name) != fold(parent.meta.issuer or "") and fate_of(name).kind != "province" \
            and not name.startswith("Phòng ")  # a Sở's own division is reached through the Sở
        if own and parent.meta.level != "district":
            recipients.append(f"{name} (b/c)")
    recipients += [f"Thường trực Đảng ủy {scope.kind} (b/c)", f"Thường trực Hội đồng nhân dân {scope.kind} (b/c)",
                   f"Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân {scope.kind}"]
    tasked = [b for b in bodies_for(scope.kind) if assignment.tasks.get(b.id) or b.id == lead]
    recipients += [b.name for b in tasked if b.id != "all_offices"]
    if any(b.id == "all_offices" for b in tasked):
        recipients.append("Các cơ quan, đơn vị liên quan")
    return recipients, f"VT, {_abbreviation(body(scope.kind, lead))}"


def _abbreviation(lead: CommuneBody) -> str:
    if lead.id == "office":
        return "VP"
    words = re.sub(r"^(Phòng|Trạm|Ban|Trung tâm)\s+", "", lead.name).replace("-", " ").replace(",", " ").split()
    return "".join(word[0].upper() for word in words if word != "và") or "VP"


def _appendices(parent: Plan, organisation: Section, context: _Context) -> list[Appendix]:
    """The parent's task table, with the rows that concern the commune, re-assigned (layout kept: the same
    columns in the same order)."""
    from drafting.derive.appendix import assignment_table, commune_task_tables

    tables = commune_task_tables(parent, context.scope, _cited(parent))
    if parent.appendices and not tables:  # the parent's appendix is not a task table this reader can re-assign
        tables = [assignment_table(organisation, context.scope, _cited(parent), _year(parent, context.options))]
    return tables


def _table_rows(parent: Plan) -> list[dict[str, object]]:
    rows = []
    for appendix in parent.appendices:
        rows += appendix.responsibilities
    return rows


# --- the clerk's to-do list ----------------------------------------------------------------------------------

def _warnings(parent: Plan, plan: Plan, report: Reporting, options: DraftOptions) -> list[str]:
    """Dates of the parent already past at drafting time, and a parent whose period has ended: first in the list."""
    today = (dt.date.fromisoformat(options.date) if options.date else options.today).isoformat()
    notes = []
    end = str(parent.timeline.get("end") or "")
    if end and _before(end, today):
        notes.append(f"CHÚ Ý: thời gian thực hiện kế hoạch cấp trên đã kết thúc ({end}); kiểm tra còn cần ban hành "
                     "kế hoạch này không.")
    past = []
    for entry in parent.responsibilities:
        for deadline in entry.get("deadlines", []):
            written_year = re.search(r"\b20\d\d\b", deadline.get("text") or "")  # "20/11" alone recurs yearly
            if deadline.get("date") and written_year and _before(deadline["date"], today) \
                    and deadline["text"] not in past:
                past.append(deadline["text"])
    for due in report.dues:
        if not due.recurring and re.search(r"\b20\d\d\b", due.text) and _before(due.date, today) \
                and due.text not in past:
            past.append(due.text)
    year = int(today[:4])
    for section in plan.all_sections():  # the draft's own days, moved earlier or kept
        for text in [section.title, *section.paragraphs]:
            if not re.search(r"(?<!\d)20\d\d(?!\d)", text):
                continue  # only days written with their year can be past for certain
            for span in find_times(text, year):
                if span.label == "DEADLINE" and span.value and len(span.value) == 10 and _before(span.value, today) \
                        and span.text not in past and re.search(r"\b20\d\d\b", span.text):
                    past.append(span.text)
    if past:
        notes.append("CHÚ Ý: các thời hạn sau của kế hoạch cấp trên đã qua tại ngày soạn: " + "; ".join(past[:8])
                     + ". Đặt lại thời hạn của xã cho phù hợp.")
    return notes


def _before(value: str, today: str) -> bool:
    """A date, month or year wholly before today."""
    value = re.sub(r"-Q\d$", "", value)
    if len(value) == 4:
        return value < today[:4]
    if len(value) == 7:
        return value < today[:7]
    return value < today


def _fill_in(parent: Plan, options: DraftOptions) -> list[str]:
    notes = []
    if not options.number:
        notes.append("Điền số văn bản khi phát hành (Số:      /KH-UBND).")
    if not options.date:
        notes.append("Điền ngày ký (ngày … tháng … năm …).")
    source = parent.approval or parent.meta
    if not source.number or not source.date:
        notes.append("Điền số, ngày của văn bản cấp trên trong căn cứ “Thực hiện …” (“số …”, “ngày …”).")
    return notes


def _dropped_notes(assignment: Assignment, context: _Context) -> list[str]:
    notes = []
    unknown = [o.agency for o in assignment.outcomes if "chưa xác định" in o.reason]
    if unknown:
        notes.append("Chưa rõ cơ quan cấp xã nhận nhiệm vụ của: " + "; ".join(unknown) + " — xem lại mục Tổ chức "
                     "thực hiện.")
    if assignment.border_tasks:
        notes.append(f"Đã để ra ngoài {len(assignment.border_tasks)} nhiệm vụ ở khu vực biên giới, biển; nếu "
                     f"{context.scope.full} giáp biên giới hoặc biển, bổ sung lại (xem --explain).")
    if context.dropped:
        notes.append(f"Đã bỏ {len(context.dropped)} chỉ tiêu của cấp tỉnh (xếp hạng, tỷ lệ số xã …); xã tự đặt chỉ "
                     "tiêu của mình nếu cần (xem --explain).")
    return notes


def explain_outcomes(outcomes: list[Outcome]) -> list[str]:
    """One line per responsibility of the parent, for `draft --explain`."""
    lines = []
    for outcome in outcomes:
        if outcome.fate in ("assigned", "shared", "asked"):
            verb = {"assigned": "giao", "shared": "chia theo lĩnh vực cho", "asked": "đề nghị"}[outcome.fate]
            lines.append(f"{outcome.agency} → {verb} {', '.join(outcome.to)} ({outcome.tasks} nhiệm vụ)")
        elif outcome.fate == "this_plan":
            lines.append(f"{outcome.agency} → {outcome.reason}")
        else:
            lines.append(f"{outcome.agency} → bỏ: {outcome.reason}")
    return lines

