"""The parent's task table (Phụ lục phân công) as the commune's own: the rows that concern the commune, their
lead re-assigned to a commune body, partners said at the commune's level, deadlines and products as the parent
writes them, the columns in the parent's order."""

from __future__ import annotations

import re

from drafting.derive.assign import _share, not_the_communes
from drafting.derive.structure import body, fates_of
from drafting.derive.wording import Scope, scope_words
from drafting.model import Appendix, Plan, Section
from drafting.nlp.temporal import find_times
from drafting.parsing.task_table import column_roles, split_agencies
from drafting.parsing.text import fold


def commune_task_tables(parent: Plan, scope: Scope, cited_parent: str) -> list[Appendix]:
    appendices = []
    for appendix in parent.appendices:
        for table in appendix.tables:
            rows = _commune_rows(table, scope)
            if rows is None or len(rows) <= 1:
                continue
            title = appendix.title or "Phân công nhiệm vụ"
            appendices.append(Appendix(
                label=f"Phụ lục{' ' + _roman(len(appendices) + 1) if len(parent.appendices) > 1 else ''}",
                title=scope_words(title, scope).upper(),
                ref=f"Kèm theo Kế hoạch số      /KH-UBND ngày      của Ủy ban nhân dân {scope.full}; "
                    f"triển khai {cited_parent}",
                tables=[rows]))
    return appendices


def _roman(number: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][min(number, 8) - 1]


def _header_depth(table: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for depth in (1, 2):
        if len(table) <= depth:
            return None
        width = max(len(row) for row in table[:depth])
        header = [" ".join(row[c] if c < len(row) else "" for row in table[:depth]) for c in range(width)]
        roles = column_roles(header)
        if {"task", "lead"} <= set(roles):
            return depth, roles
    return None


_ROW_LABEL = re.compile(r"\d+(?:\.\d+)*\.?")  # "1", "2.1": a task row begins
_GROUP_LABEL = re.compile(r"(?:[IVX]+|[A-Z])\.?")  # "I", "A.": a group of rows, its name in the next cell
_GROUP_LINE = re.compile(r"[IVX]+\.\s")  # "I. NÂNG CAO NHẬN THỨC …": a group heading in one cell


def unflattened(table: list[list[str]]) -> list[list[str]]:
    """A task table a Markdown web copy flattened into one cell a line ("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", …,
    "I. …", "1", "Triển khai …", "Sở KH&CN", …) back into rows: the header is the cells before the first label, each
    row label ("1", "2.1") opens a row of the header's width, a group ("I. …", or "I" then its name) is a row of its
    own. A table that does not read that way is returned as it is."""
    if not table or any(len(row) != 1 for row in table):
        return table
    cells = [row[0].strip() for row in table]

    def label(cell: str) -> bool:
        return bool(_ROW_LABEL.fullmatch(cell) or _GROUP_LABEL.fullmatch(cell) or _GROUP_LINE.match(cell))

    width = next((i for i, cell in enumerate(cells) if label(cell)), 0)
    if width < 3 or not {"task", "lead"} <= set(column_roles(cells[:width])):
        return table
    rows, index = [cells[:width]], width
    while index < len(cells):
        cell = cells[index]
        if _ROW_LABEL.fullmatch(cell):
            row = [cell]
            index += 1
            while index < len(cells) and len(row) < width and not label(cells[index]):
                row.append(cells[index])
                index += 1
            rows.append(row + [""] * (width - len(row)))
        elif _GROUP_LABEL.fullmatch(cell) and index + 1 < len(cells) and not label(cells[index + 1]):
            rows.append([f"{cell.rstrip('.')}. {cells[index + 1]}"])
            index += 2
        else:  # a group heading in one cell, or a stray line
            rows.append([cell])
            index += 1
    return rows


def _commune_rows(table: list[list[str]], scope: Scope) -> list[list[str]] | None:
    table = unflattened(table)
    found = _header_depth(table)
    if found is None:
        return None
    depth, roles = found
    rows = [list(row) for row in table[:depth]]
    number_column = 0 if table[0] and re.match(r"(?i)\s*(stt|tt|số tt)\s*$", table[0][0]) else None
    groups: dict[int, list[str]] = {}  # pending group headings by level ("A." over "I."): written with a kept row
    for row in table[depth:]:
        row = list(row)
        if len(row) == 1:
            level = 0 if re.match(r"[A-HJ-UWYZ]\.\s", row[0]) else 1  # "A." over "I." (I, V, X are Roman)
            groups = {lv: g for lv, g in groups.items() if lv < level}
            groups[level] = row
            continue
        lead_cell = row[roles["lead"]] if roles["lead"] < len(row) else ""
        task_cell = row[roles["task"]] if roles["task"] < len(row) else ""
        partner_cell = row[roles["partners"]] if "partners" in roles and roles["partners"] < len(row) else ""
        lead = _commune_lead(lead_cell, partner_cell, task_cell, scope)
        if lead is None or not_the_communes(task_cell):
            continue
        row[roles["lead"]] = lead
        row[roles["task"]] = scope_words(task_cell, scope)
        if "partners" in roles and roles["partners"] < len(row):
            row[roles["partners"]] = _partners(partner_cell, lead, scope)
        rows += [groups[level] for level in sorted(groups)]
        groups = {}
        if number_column is not None:
            row[number_column] = str(sum(1 for kept in rows[depth:] if len(kept) > 1) + 1)
        rows.append(row)
    return rows


def _commune_lead(lead: str, partners: str, task: str, scope: Scope) -> str | None:
    """The commune body that leads the row, or None when the row is not the commune's."""
    for _, fate in fates_of(lead):
        if fate.kind == "body" and fate.body:
            return body(scope.kind, fate.body).name
        if fate.kind == "commune":
            return body(scope.kind, _share(task, scope, "office")).name
        if fate.kind == "front":
            return body(scope.kind, "front").name
    if any(fate.kind == "commune" for p in split_agencies(partners) for _, fate in fates_of(p)):
        return body(scope.kind, _share(task, scope, "office")).name
    return None


def _partners(cell: str, lead: str, scope: Scope) -> str:
    """The partners as the commune names them: a provincial body by its counterpart, the communes themselves left out,
    bodies the commune does not have kept as the parent writes them (the commune may work with them)."""
    names: list[str] = []
    for group in re.split(r"\s*;\s*|\n", cell):
        for name, fate in fates_of(group.strip(" .")):
            if not name or fate.kind == "commune":
                continue
            said = body(scope.kind, fate.body).name if fate.kind == "body" and fate.body else scope_words(name, scope)
            if fold(said) != fold(lead) and said not in names:
                names.append(said)
    listed = [names[0], *(n[:1].lower() + n[1:] if n.startswith("Các ") else n for n in names[1:])] if names else []
    return ", ".join(listed)


_PARTNERS = re.compile(r"phối hợp(?: chặt chẽ)?(?: với)?\s+([^.;:]+?)(?:\s+(?:tổ chức|triển khai|thực hiện|tham mưu)"
                       r"|[.;:]|$)")


def assignment_table(organisation: Section, scope: Scope, cited_parent: str, year: int) -> Appendix:
    """The commune's own task table, one row per task of its organisation part as written there: what, who leads,
    with whom, when (the task's own limit, else "Thường xuyên" as clerks write it)."""
    rows = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]]
    for item in organisation.children:
        if item.title == "Chế độ báo cáo":
            continue
        doer = re.sub(r"^Đề nghị\s+", "", item.title)
        for task in item.paragraphs:
            task = task.lstrip("- ").strip()
            first = re.split(r"(?<=[.;])\s+", task)[0].rstrip(";")
            limits = [span.text for span in find_times(task, year) if span.label == "DEADLINE"]
            partners = _PARTNERS.search(task)
            rows.append([str(len(rows)), first, doer, partners.group(1).strip(" ,") if partners else "",
                         limits[0][:1].upper() + limits[0][1:] if limits else "Thường xuyên"])
    return Appendix(label="Phụ lục", title="PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH",
                    ref=f"Kèm theo Kế hoạch số      /KH-UBND ngày      của Ủy ban nhân dân {scope.full}; "
                        f"triển khai {cited_parent}", tables=[rows])
