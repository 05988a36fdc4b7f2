"""A unit's Báo cáo on a plan, as a model the DOCX renderer fills (no I/O).

The outline is that of the real reports (data/report.json): I. công tác chỉ đạo, điều hành (the documents the
unit issued) · II. kết quả thực hiện (the plan's targets with their computed rates, then each task of the plan)
· III. đánh giá chung · IV. phương hướng, nhiệm vụ of the next period (the tasks left and the ones falling due)
· V. đề xuất, kiến nghị. What the toolkit cannot know (assessments, causes) is a visible placeholder."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from drafting.model import Meta, Plan, Section, Signature, Source
from drafting.report.errors import words
from drafting.report.model import DONE, NOT_STARTED, ONGOING, PlanItems, Results, TargetResult, TaskResult, percent
from drafting.report.naming import issuer_named, plan_citation
from drafting.report.numbers import written_number
from drafting.report.period import Period

PLACEHOLDER = re.compile(r"\[\[(?P<key>[\w.-]+)\|(?P<label>[^\]]*)\]\]")


@dataclass
class ReportOptions:
    number: str = ""  # blank: the văn thư numbers it when it is signed
    date: str | None = None  # ISO; None → this month, day left blank
    signer: str | None = None
    position: str | None = None  # None: the plan's signer's position
    addressee: str | None = None  # None: whom the plan says reports go to
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class ReportDraft:
    plan: Plan
    todo: list[str]
    placeholders: dict[str, str] = field(default_factory=dict)
    images: dict[str, bytes] = field(default_factory=dict)  # a caption paragraph's text → the PNG drawn above it


def sentence(name: str, **values: Any) -> str:
    return str(words()["sentences"][name]).format(**values)


def report_symbol(plan: Plan) -> str:
    """ "KH-UBND" → "BC-UBND": the report keeps the issuer's part of the plan's symbol (Decree 30, Phụ lục III)."""
    symbol = plan.meta.symbol or "KH-UBND"
    return "BC-" + symbol.split("-", 1)[1] if "-" in symbol else "BC-UBND"


def report_meta(plan: Plan, title: str, options: ReportOptions, addressee: str | None) -> Meta:
    date = options.date or f"{options.today.year:04d}-{options.today.month:02d}"
    return Meta(doc_type="BÁO CÁO", number=options.number, symbol=report_symbol(plan), issuer=plan.meta.issuer,
                superior=plan.meta.superior, level=plan.meta.level, place=plan.meta.place, date=date, title=title,
                recipient_to=[addressee] if addressee else [])


def signature(plan: Plan, options: ReportOptions, placeholders: dict[str, str]) -> Signature:
    position = options.position or plan.signature.position or "CHỦ TỊCH"
    deputy = "PHÓ" in position.upper()
    authority = plan.signature.authority or "TM. ỦY BAN NHÂN DÂN"
    name = options.signer
    if not name:
        placeholders["nguoi_ky"] = "họ tên người ký"
        name = "[[nguoi_ky|Họ và tên]]"
    return Signature(authority=authority, delegation="KT. " + position.upper().replace("PHÓ ", "", 1) if deputy
                     else None, position=position.upper(), name=name)


def compose_report(plan: Plan, items: PlanItems, results: Results | None, period: Period, options: ReportOptions,
                   addressee: str | None, chart: bytes | None = None, through: str | None = None) -> ReportDraft:
    """The unit's report on ``plan`` for ``period``; ``results`` None when the unit has no sheet yet."""
    placeholders: dict[str, str] = {}
    issuer = issuer_named(plan) or "[[co_quan|cơ quan báo cáo]]"
    upcoming = period.following()
    citation = plan_citation(plan)
    subject = _subject(plan)
    named = f"{_kind(plan)} {subject_of(plan)}" if plan.meta.title else subject
    title = f"Kết quả thực hiện {named} {period.label} và phương hướng, nhiệm vụ {upcoming.label}"
    addressee_known = bool(addressee)
    if not addressee:  # the template's "Kính gửi" line takes plain text: the clerk's dotted blank, and a to-do line
        addressee = sentence("addressee_blank")
    report = Plan(source=Source(path="", format="report"), meta=report_meta(plan, title, options, addressee))
    report.preamble = [sentence("opening", plan=citation + (f" về {subject_of(plan)}" if plan.meta.title else ""),
                                issuer=issuer, period=period.label)]
    results = results or Results(targets=[TargetResult(t, t.planned, None) for t in items.targets],
                                 tasks=[TaskResult(t, None) for t in items.tasks])
    images: dict[str, bytes] = {}
    outline = words()["outline"]
    report.sections = [
        Section("I", "roman", outline["direction"], paragraphs=_direction(results, issuer, placeholders)),
        _results_part(results, placeholders, images, chart),
        _assessment(results, placeholders),
        _next_part(results, upcoming, placeholders),
        Section("V", "roman", outline["proposals"], paragraphs=[_blank("proposals_blank", placeholders)]),
    ]
    report.sections[-1].paragraphs.append(sentence("closing", plan=named, period=period.label, issuer=issuer))
    report.recipients = ["Như trên"] + ([through] if through else []) + \
        ([f"Thường trực {_council(plan)}"] if _council(plan) else [])
    report.archive = "VT"
    report.signature = signature(plan, options, placeholders)
    todo = _todo(results, items, options, placeholders, addressee_known=addressee_known,
                 has_data=bool(results.documents or any(t.done is not None for t in results.targets)
                               or any(t.status for t in results.tasks)))
    return ReportDraft(report, todo, placeholders, images)


def _kind(plan: Plan) -> str:
    return (plan.meta.doc_type or "Kế hoạch").capitalize()


def _subject(plan: Plan) -> str:
    """ "Kế hoạch số 12/KH-UBND": how the closing sentence names the plan."""
    kind = _kind(plan)
    number = f"{plan.meta.number}/{plan.meta.symbol}" if plan.meta.number and plan.meta.symbol else None
    return f"{kind} số {number}" if number else kind


def subject_of(plan: Plan) -> str:
    """The plan's title as a sentence would quote it: its capitals only where its body writes them."""
    title = " ".join((plan.meta.title or "").split())
    if not title.isupper():
        return title[:1].lower() + title[1:]
    from drafting.derive.plan import as_the_body_writes

    written = as_the_body_writes(title, plan)
    return written[:1].lower() + written[1:]


def _council(plan: Plan) -> str | None:
    issuer = plan.meta.issuer or ""
    match = re.match(r"Ủy ban nhân dân (.+)$", issuer)
    return f"Hội đồng nhân dân {match.group(1)}" if match else None


def _blank(key: str, placeholders: dict[str, str]) -> str:
    text = sentence(key)
    for match in PLACEHOLDER.finditer(text):
        placeholders[match.group("key")] = match.group("label")
    return text


def _direction(results: Results, issuer: str, placeholders: dict[str, str]) -> list[str]:
    if not results.documents:
        return [_blank("documents_none", placeholders)]
    lines = [sentence("documents_intro", issuer=issuer, count=len(results.documents))]
    for document in results.documents:
        kind = document.kind or "Văn bản"
        text = f"- {kind} số {document.number}" if document.number else f"- {kind}"
        if document.date:
            day = dt.date.fromisoformat(document.date)
            text += f" ngày {day.day:02d}/{day.month:02d}/{day.year}"
        if document.summary:
            text += f" về {document.summary[:1].lower()}{document.summary[1:]}" if not re.match(
                r"(?i)v/v|về\s", document.summary) else f" {document.summary}"
        lines.append(text.rstrip(".;") + ";")
    lines[-1] = lines[-1][:-1] + "."
    return lines


def rate_text(value: Any) -> str:
    return written_number(value) if value is not None else ""


def targets_table(results: Results) -> list[list[str]]:
    rows = [list(words()["table_headers"]["targets"])]
    for number, result in enumerate(results.targets, start=1):
        rows.append([str(number), result.target.text.rstrip(".;"), result.target.unit, written_number(result.planned),
                     written_number(result.done), rate_text(result.rate)])
    return rows


def _results_part(results: Results, placeholders: dict[str, str], images: dict[str, bytes],
                  chart: bytes | None) -> Section:
    outline = words()["outline"]
    part = Section("II", "roman", outline["results"])
    counts = results.task_counts()
    if results.tasks:
        missing = sentence("tasks_missing", count=counts[None]) if counts[None] else ""
        part.paragraphs.append(sentence("tasks_summary", total=len(results.tasks), done=counts[DONE],
                                        rate=_share(counts[DONE], len(results.tasks)),
                                        ongoing=counts[ONGOING], not_started=counts[NOT_STARTED], missing=missing))
    number = 0
    if results.targets:
        number += 1
        reached = sum(1 for r in results.targets if r.reached)
        known = sum(1 for r in results.targets if r.reached is not None)
        unknown = len(results.targets) - known
        missing = sentence("targets_missing", count=unknown) if unknown else ""
        targets = Section(str(number), "arabic", outline["targets"], paragraphs=[
            sentence("targets_summary", total=len(results.targets), reached=reached, below=known - reached,
                     missing=missing)])
        targets.tables.append(targets_table(results))
        if chart:
            caption = sentence("chart_targets", n=1)
            targets.paragraphs.append(caption)
            images[caption] = chart
        part.children.append(targets)
    for result in results.tasks:
        if not result.task.key.startswith(TABLE_TASK):
            number += 1
            part.children.append(_task_item(str(number), result, placeholders))
    rows = [result for result in results.tasks if result.task.key.startswith(TABLE_TASK)]
    if rows:  # a task table's rows are answered in a table of their own, as the plan gave them
        number += 1
        table_part = Section(str(number), "arabic", words()["outline"]["task_table"],
                             paragraphs=[sentence("task_table_intro", count=len(rows))])
        table_part.tables.append(tasks_table(rows))
        part.children.append(table_part)
    return part


TABLE_TASK = "PL"  # the key of a task-table row (indicators._task_rows)


def tasks_table(rows: list[TaskResult]) -> list[list[str]]:
    table = [list(words()["table_headers"]["task_rows"])]
    for number, result in enumerate(rows, start=1):
        status = words()["status_words"][result.status] if result.status else ""
        table.append([str(number), result.task.text, result.task.lead or "", result.task.due or "", status,
                      result.result])
    return table


def _share(part: int, whole: int) -> str:
    return written_number(percent(Decimal(part), Decimal(whole))) + "%"


def _task_item(number: str, result: TaskResult, placeholders: dict[str, str]) -> Section:
    task = result.task
    title = task.text.rstrip(".;:")
    item = Section(number, "arabic", title)
    if result.result:
        item.paragraphs.append(result.result.rstrip() if result.result.rstrip().endswith(".")
                               else result.result.rstrip() + ".")
    else:
        key = "ket_qua_" + re.sub(r"\W+", "_", task.key).strip("_")
        short = " ".join(title.split()[:12]) + ("…" if len(title.split()) > 12 else "")
        placeholders[key] = f"kết quả thực hiện nhiệm vụ “{short}”"
        item.paragraphs.append(sentence("task_result_blank", key=key, task=short))
    if result.status:
        item.paragraphs.append(sentence("task_status", status=words()["status_words"][result.status].lower()))
    return item


def _assessment(results: Results, placeholders: dict[str, str]) -> Section:
    outline = words()["outline"]
    weaknesses = Section("2", "arabic", outline["weaknesses"])
    below = [r.target.text.rstrip(".;") + f" (đạt {rate_text(r.rate)}%)" for r in results.targets if r.reached is False]
    if below:
        weaknesses.paragraphs.append(sentence("below_target", items="; ".join(below)))
    weaknesses.paragraphs += [_blank("weaknesses_blank", placeholders), _blank("cause_blank", placeholders)]
    return Section("III", "roman", outline["assessment"], children=[
        Section("1", "arabic", outline["strengths"], paragraphs=[_blank("strengths_blank", placeholders)]),
        weaknesses,
    ])


def _next_part(results: Results, upcoming: Period, placeholders: dict[str, str]) -> Section:
    part = Section("IV", "roman", words()["outline"]["next"].format(next=upcoming.label.upper()))
    left = [r for r in results.tasks if r.status in (ONGOING, NOT_STARTED)]  # a task without a status is unknown
    if left:
        part.paragraphs.append(sentence("next_intro"))
        part.paragraphs += [f"- {_next_line(r)}" for r in left]
    due = [r for r in results.tasks if r.status != DONE and _falls_in(r.task.due_date, upcoming)]
    if due:
        part.paragraphs.append(sentence("next_due", next=upcoming.label))
        part.paragraphs += [f"- {_next_line(r)}" for r in due]
    part.paragraphs.append(_blank("next_blank", placeholders))
    return part


def _next_line(result: TaskResult) -> str:
    written = result.task.due or ""
    due = sentence("next_task_due", due=written[:1].lower() + written[1:]) if written else ""
    line = sentence("next_task", task=result.task.text.rstrip(".;:"), due=due)
    return line[:-1] if line.endswith("….") else line


def _falls_in(value: str | None, period: Period) -> bool:
    if not value:
        return False
    try:
        if len(value) == 10:
            return period.contains(dt.date.fromisoformat(value))
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return period.contains(dt.date(int(value[:4]), int(value[5:]), 1))
    except ValueError:
        return False
    return False


def _todo(results: Results, items: PlanItems, options: ReportOptions, placeholders: dict[str, str],
          addressee_known: bool, has_data: bool) -> list[str]:
    todo = []
    if not has_data:
        todo.append(words()["todo"]["no_data"])
    if not items.targets:
        todo.append(words()["todo"]["no_targets"])
    if not addressee_known:
        todo.append(words()["todo"]["addressee"])
    if not options.number:
        todo.append("Điền số văn bản khi phát hành (Số:      /BC-…).")
    if not options.date:
        todo.append("Điền ngày ký (ngày … tháng … năm …).")
    if placeholders:
        todo.append(words()["todo"]["placeholders"].format(
            keys=", ".join(f"{key} ({label})" for key, label in placeholders.items())))
    return todo
