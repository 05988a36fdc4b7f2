"""Who the commune reports to and by when: read from the parent's reporting sentences ("… báo cáo kết quả về
Sở Nội vụ trước ngày 15/12 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh"). The commune reports to that
collector by the parent's day; its own offices report to the commune's lead body some working days earlier."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from drafting.derive.structure import fate_of
from drafting.draft import working_days_before
from drafting.model import Plan
from drafting.nlp.agencies import find_agencies
from drafting.nlp.temporal import find_times
from drafting.parsing.text import fold


@dataclass(frozen=True)
class ReportDue:
    text: str  # the deadline as the parent writes it: "trước ngày 15/12 hằng năm"
    date: str  # ISO: a day, or a month ("2025-11")
    recurring: bool
    sentence: str


@dataclass
class Reporting:
    collector: str | None  # the provincial body that gathers the communes' reports, as the parent names it
    addressee: str | None  # whom the report is for, when the collector only gathers it ("Ủy ban nhân dân tỉnh")
    dues: list[ReportDue]
    receivers: list[str] = field(default_factory=list)  # every provincial body a report goes to or through


_REPORT = re.compile(r"báo cáo", re.IGNORECASE)
_TO = re.compile(r"(?:về|gửi|cho)\s+$|báo cáo\s+(?:kết quả\s+)?$", re.IGNORECASE)


def reporting(parent: Plan, year: int) -> Reporting:
    collectors: dict[str, int] = {}
    addressees: dict[str, int] = {}
    dues: list[ReportDue] = []
    seen: set[tuple[str, str]] = set()
    for section in parent.all_sections():
        for text in [section.title, *section.paragraphs]:
            for sentence in re.split(r"(?<=[.;])\s+", text):
                report = _REPORT.search(sentence) or re.search(r"gửi (?:về )?", sentence)
                if not report:
                    continue
                _bodies_after(sentence, report.start(), collectors, addressees)
                if not _REPORT.search(sentence):
                    continue
                for span in find_times(sentence, year):
                    if span.label != "DEADLINE" or not span.value or not _reports_by(sentence, span.start):
                        continue
                    if (span.text, span.value) in seen:
                        continue
                    seen.add((span.text, span.value))
                    recurring = bool(re.search(r"hằng năm|hàng năm|định kỳ", sentence[span.start : span.end + 30]))
                    dues.append(ReportDue(span.text, span.value, recurring, sentence))
    collector = max(collectors, key=lambda name: collectors[name]) if collectors else None
    addressee = max(addressees, key=lambda name: addressees[name]) if addressees else None
    if addressee and collector and fold(addressee) == fold(collector):
        addressee = None
    counts = {**addressees, **collectors}
    receivers = sorted(counts, key=lambda name: -counts[name])
    return Reporting(collector, addressee, dues, receivers)


def _reports_by(sentence: str, start: int) -> bool:
    """A deadline that a report is due by: "báo cáo … trước ngày 15/12", in the same clause, after the word."""
    report = None
    for match in _REPORT.finditer(sentence[:start]):
        report = match
    return report is not None and not re.search(r"[;:]", sentence[report.end() : start])


def _bodies_after(sentence: str, start: int, collectors: dict[str, int], addressees: dict[str, int]) -> None:
    """ "báo cáo … về Sở X (để tổng hợp, báo cáo UBND tỉnh)" or "báo cáo UBND tỉnh (qua Sở X)": the body a
    report goes to (a provincial body, not a commune and not the doer)."""
    through = re.search(r"\(qua ([A-ZĐ][^()]{3,120})\)", sentence[start:])
    if through and not _central(through.group(1)):  # a name the recogniser may cut ("Ban Quản lý các khu …")
        name = " ".join(through.group(1).split())
        collectors[name] = collectors.get(name, 0) + 2
        # "báo cáo về Sở Nông nghiệp và Môi trường (qua Chi cục …)": the body before "(qua" is whom it is for.
        before = [span for span in find_agencies(sentence[: start + through.start()]) if span.start >= start]
        if before and not _central(before[-1].text) and fate_of(before[-1].text).kind not in ("commune", "front"):
            addressees[before[-1].text] = addressees.get(before[-1].text, 0) + 1
        return
    for span in find_agencies(sentence):
        if span.start < start:
            continue
        fate = fate_of(span.text)
        if fate.kind in ("commune", "front", "unknown") or fold(span.text).startswith("các") or _central(span.text):
            continue  # a commune never reports to a ministry: the province does
        before = sentence[max(0, span.start - 12) : span.start]
        if fate.kind == "province" and (_TO.search(sentence[max(0, span.start - 30) : span.start]) or
                                        re.search(r"(?:về|gửi)\s+$", before)):
            addressees[span.text] = addressees.get(span.text, 0) + 1
        elif re.search(r"(?<!\w)qua\s+$", before):
            collectors[span.text] = collectors.get(span.text, 0) + 2  # "(qua Sở X)" names the collector outright
        elif re.search(r"(?:về|gửi)\s+$", before):
            collectors[span.text] = collectors.get(span.text, 0) + 1


def _central(name: str) -> bool:
    return bool(re.match(r"(?:Bộ|Chính phủ|Thủ tướng|Văn phòng Chính phủ|Quốc hội|Ban Chỉ đạo Trung ương)(?!\w)", name))


def earlier(due: ReportDue, days: int) -> str:
    """The offices' deadline, written like the parent's: "trước ngày 08/12 hằng năm"."""
    if len(due.date) != 10:
        return f"trước thời hạn “{due.text}” ít nhất {days} ngày làm việc"
    day = working_days_before(dt.date.fromisoformat(due.date), days)
    written_year = re.search(r"(?<!\d)20\d\d(?!\d)", due.text)
    when = f"{day.day:02d}/{day.month:02d}" if due.recurring or not written_year else \
        f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"trước ngày {when}" + (" hằng năm" if due.recurring else "")
