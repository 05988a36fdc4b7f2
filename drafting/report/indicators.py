"""The plan's targets and tasks, which a report on it answers one by one.

Targets are the figures of the objectives part ("Mục tiêu", "Chỉ tiêu"): each quantity of a clause is one target,
with its unit; a figure the plan left to the unit ("[[chi_tieu_1|…]]" in a draft) is a target without its figure.
Tasks are the numbered items of the tasks parts ("Nhiệm vụ", "Nội dung", "Giải pháp", or parts named for the
fields of the work), then the rows of the plan's task table when it has one (they carry the lead and the deadline;
their keys start "PL")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from drafting.derive.appendix import unflattened
from drafting.model import Plan, Section
from drafting.nlp.quantities import Quantity, find_quantities
from drafting.nlp.temporal import find_times
from drafting.parsing.issuer import starts_with_body
from drafting.parsing.task_table import responsibilities_from_table
from drafting.parsing.text import fold
from drafting.parsing.tree import roles_of
from drafting.report.errors import words
from drafting.report.model import PlanItems, Target, Task
from drafting.report.numbers import parse_number

_PLACEHOLDER = re.compile(r"\[\[(?P<key>[\w.-]+)\|(?P<label>[^\]]*)\]\]")
_TARGET_ROLES = {"objectives"}
_TASK_ROLES = {"contents", "solutions"}
_NOT_TASKS = {"purpose_requirements", "objectives", "organization", "timeline", "criteria_awards"}
_CLAUSE_END = re.compile(r"(?<=[;.])\s+|\n")
_YEAR = re.compile(r"(?:19|20)\d\d")


def plan_items(plan: Plan) -> PlanItems:
    return PlanItems(targets=list(_targets(plan)), tasks=[*_tasks(plan), *_task_rows(plan)])


_UNNUMBERED = {"dash", "plus", "bullet", "paragraph"}


def _walk(sections: list[Section], path: str = "") -> Iterator[tuple[str, Section]]:
    """Each section with its numbered path ("II.1.a"); dashes and pluses are no step of it."""
    for section in sections:
        key = _key(path, section)
        yield key, section
        yield from _walk(section.children, key)


def _key(path: str, section: Section) -> str:
    label = "" if section.kind in _UNNUMBERED or not section.label.strip("-+•*") else section.label
    last = path.rsplit(".", 1)[-1]
    if label and path and label.startswith(last + "."):  # "6.2" under "6" already says its parent
        return path[: len(path) - len(last)] + label
    return f"{path}.{label}" if path and label else (label or path)


def _targets(plan: Plan) -> Iterator[Target]:
    ranks: dict[str, int] = {}
    inside: set[int] = set()  # sections of an objectives part already read (a "Chỉ tiêu" under "Mục tiêu")
    for key, section in _walk(plan.sections):
        roles = _heading_roles(section)
        if id(section) in inside or not _TARGET_ROLES & roles or _TASK_ROLES & roles and section in plan.sections:
            continue
        for inner_key, inner in [(key, section), *_walk(section.children, key)]:
            if inner is not section and id(inner) in inside:
                continue
            inside.add(id(inner))
            for text in [inner.title if inner is not section else "", *inner.paragraphs]:
                for clause in _CLAUSE_END.split(text):
                    for target in _clause_targets(clause.strip()):
                        ranks[inner_key] = ranks.get(inner_key, 0) + 1
                        yield Target(f"{inner_key}-{ranks[inner_key]}", *target)


def _clause_targets(clause: str) -> Iterator[tuple[str, str, Decimal | None]]:
    """(text, unit, figure) for each figure of a clause; a placeholder's figure is left to the unit (None).

    A clause with several figures ("100 doanh nghiệp khởi nghiệp …, 50 doanh nghiệp khoa học …") names each by its
    own part, cut at the last "và" or comma before the next figure."""
    if len(clause.split()) < 4 or _said_first(clause.lstrip("-+• "), words()["target_units"]["situation_openers"]):
        return  # a clause about today ("Hiện nay, tổng số trạm … là 180 trạm") sets no target
    shown, blanks = _shown(clause)
    figures = _figures(shown)
    cuts = [0]
    for before, after in zip(figures, figures[1:], strict=False):
        joint = max(shown.rfind(" và ", before.end, after.start), shown.rfind(", ", before.end, after.start))
        cuts.append(joint + 1 if joint >= 0 else before.end)
    cuts.append(len(shown))
    for index, quantity in enumerate(figures):
        written = shown[quantity.start:quantity.end]
        number = re.match(r"[\d.,]+", written)
        if not number:
            continue
        try:
            figure = None if quantity.start in blanks else parse_number(number.group(0).rstrip(".,"))
        except ValueError:
            continue
        unit = "%" if "%" in written else written[number.end():].strip()
        part = shown if len(figures) == 1 else shown[cuts[index]:cuts[index + 1]]
        yield _readable(re.sub(r"^(?:và|,)\s+", "", part.strip(" ,;."))), unit, figure


def _figures(text: str) -> list[Quantity]:
    """The figures of a clause: its quantities (nlp.json's units), no year, and of a range ("giảm 1% - 1,5%") its
    first bound."""
    figures: list[Quantity] = []
    for quantity in find_quantities(text):
        if _YEAR.fullmatch(text[quantity.start:quantity.end].strip()):
            continue
        if figures and re.fullmatch(r"\s*[-–]\s*", text[figures[-1].end:quantity.start]):
            continue  # the upper bound of a range
        figures.append(quantity)
    return figures


def _shown(clause: str) -> tuple[str, set[int]]:
    """The clause as the reader sees it (a placeholder shows its label), and where placeholders' labels start."""
    shown, blanks, position = [], set(), 0
    length = 0
    for match in _PLACEHOLDER.finditer(clause):
        shown.append(clause[position:match.start()])
        length += match.start() - position
        blanks.add(length)
        shown.append(match.group("label"))
        length += len(match.group("label"))
        position = match.end()
    shown.append(clause[position:])
    return "".join(shown), blanks


def _readable(clause: str) -> str:
    text = clause.strip().lstrip("-+•* ").strip()
    return text[:1].upper() + text[1:] if text else text


def _tasks(plan: Plan) -> Iterator[Task]:
    year = int(plan.meta.date[:4]) if plan.meta.date and plan.meta.date[:4].isdigit() else None
    for key, part in task_parts(plan):
        if part.children:
            for child_key, child in _task_sections(part, key):
                yield _task(child_key, child.title or (child.paragraphs[:1] or [""])[0],
                            " ".join([child.title, *child.paragraphs, *_texts(child.children)]), year)
        else:
            for rank, text in enumerate(part.paragraphs, start=1):
                yield _task(f"{key}-{rank}", text, text, year)


def _said_first(title: str, openers: list[str]) -> bool:
    key = fold(" ".join(title.split()))
    return any(key.startswith(fold(opener)) for opener in openers)


def _by_agency(part: Section) -> bool:
    """ "PHÂN CÔNG NHIỆM VỤ": 1. Công an tỉnh, 2. Sở Tài chính …: the tasks said again body by body."""
    named = [c for c in part.children if c.kind not in _UNNUMBERED]
    bodies = [c for c in named if starts_with_body(c.title)
              or fold(c.title).startswith(("đề nghị", "các sở", "ủy ban"))]
    return len(named) >= 2 and len(bodies) >= 0.6 * len(named)


def task_parts(plan: Plan) -> list[tuple[str, Section]]:
    """The parts whose items are the plan's work: named for tasks ("NHIỆM VỤ", "GIẢI PHÁP") or for the fields of
    the work ("III. PHÁT TRIỂN NỀN MÓNG …", "IV. … NGÀNH, LĨNH VỰC"), not the situation or a forecast; a part that
    says the tasks again body by body is the plan's work only when the plan says it nowhere else."""
    not_parts = words()["not_task_parts"]["parts"]
    parts = [(key, s) for key, s in _walk(plan.sections) if s in plan.sections and not _said_first(s.title, not_parts)]
    named = [(key, s) for key, s in parts if _TASK_ROLES & set(s.roles)]
    fields = [(key, s) for key, s in parts if set(s.roles) <= {"other"} and s.children]
    chosen = [(key, s) for key, s in parts if (key, s) in named or (key, s) in fields]
    if not chosen:  # a plan whose parts are all named otherwise: every part that is not frame
        chosen = [(key, s) for key, s in parts if not _NOT_TASKS & set(s.roles)]
    spoken = [(key, s) for key, s in chosen if not _by_agency(s)]
    return spoken or chosen


def _heading_roles(section: Section) -> set[str]:
    """A part's roles; an inner item's from its title when the title is a heading ("Chỉ tiêu chủ yếu đến năm
    2030"), not a task's sentence that happens to say "mục tiêu"."""
    if section.roles:
        return set(section.roles)
    return set(roles_of(section.title)) if len(section.title.split()) <= 8 else set()


def _task_sections(section: Section, key: str) -> Iterator[tuple[str, Section]]:
    """The items of a tasks part; a heading that only groups items under the words of tasks ("1. Nhiệm vụ, giải
    pháp tổng thể" over a), b), c)) gives its items, while an event's heading ("1. Hội nghị hiệp thương lần thứ
    nhất" over "1.1. Nội dung") is one task; a "Chỉ tiêu" item among the tasks gives targets, not a task."""
    for child in section.children:
        child_key = _key(key, child)
        if _TARGET_ROLES & _heading_roles(child) and not _TASK_ROLES & _heading_roles(child):
            continue
        if _said_first(child.title, words()["not_task_parts"]["items"]):
            continue
        numbered = [c for c in child.children if c.kind not in _UNNUMBERED]
        if numbered and not child.paragraphs and _TASK_ROLES & _heading_roles(child):
            yield from _task_sections(child, child_key)
        else:
            yield child_key, child


def _texts(sections: list[Section]) -> list[str]:
    return [text for section in sections for text in [section.title, *section.paragraphs, *_texts(section.children)]]


def _task(key: str, title: str, whole: str, year: int | None) -> Task:
    due = next((span for span in find_times(whole, year) if span.label == "DEADLINE"), None)
    return Task(key, task_name(title), None, due.text if due else None, due.value if due else None)


_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])")


def task_name(text: str, most_words: int = 40) -> str:
    """A task as a report's heading names it: its first sentence, cut at a clause when still long."""
    first = _SENTENCE_END.split(_readable(text), maxsplit=1)[0].rstrip(" .;:")
    words = first.split()
    if len(words) <= most_words:
        return first
    clause = re.split(r";|,\s+(?=(?:nhất là|đặc biệt là|góp phần|nhằm)\s)", first)[0]
    return clause if len(clause.split()) <= most_words else " ".join(words[:most_words]) + "…"


def _task_rows(plan: Plan) -> list[Task]:
    """The rows of the plan's task table(s): task, lead, deadline as the table gives them. A table a Markdown copy
    flattened into one cell a line is read back into rows; one that goes on after a page break without its header
    (a copy of "B", "C" … parts) is read under the header of the table before it."""
    year = int(plan.meta.date[:4]) if plan.meta.date and plan.meta.date[:4].isdigit() else None
    rows: list[Task] = []
    for number, appendix in enumerate(plan.appendices, start=1):
        found = list(appendix.responsibilities)
        header: list[list[str]] = []
        for table in appendix.tables if not found else []:
            rows_read = unflattened(table)
            if rows_read is table and header:
                rows_read = unflattened(header + table)
            read = responsibilities_from_table(rows_read) if rows_read is not table else []
            if read:
                header = [[cell] for cell in rows_read[0]]
                found += read
        for rank, row in enumerate(found, start=1):
            task = " ".join(" ".join(row.get("tasks") or []).split())
            if not task:
                continue
            deadline = next(iter(row.get("deadlines") or []), None) or {}
            due = str(deadline.get("text") or "") or None
            due_date = deadline.get("date")
            if due and not due_date:
                times = find_times(due, year)
                due_date = times[0].value if times else None
            rows.append(Task(f"PL{number}-{rank}", task_name(task), row.get("agency"), due, due_date))
    return rows
