"""Figures tables of a report, read from grids: named columns, numbered rows, numbers, problems.

Pure: takes the grids of ``drafting.readers.docx_tables`` and decides what a clerk's table means. The
header is the rows above the first row that carries numbers (a vertical merge out of the header keeps
its rows in it; a row of column numbers "(1) (2) (3)" under it is skipped); each column is named by the
path of header cells above it ("Kết quả thống kê / Số liệu"). Numbers are read the Vietnamese way
("1.234" is 1234, "12,5" is 12.5) unless the column writes decimals with a dot ("90.91"). What is
wrong with a table is a ``Problem`` on it, never an exception: the consolidation must go on with the
other units' reports. Word lists are in ``drafting/data/figures.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.parsing.numbers import DOT_DECIMAL, Figure, parse_figure
from drafting.readers.docx_tables import Cell, Grid

__all__ = ["Column", "Figure", "FigureTable", "Mismatch", "Problem", "Row", "check_totals", "figure_table",
           "figure_tables", "parse_figure"]

MAX_HEADER_ROWS = 4  # clerks' headers run to three rows; more means the numbers were not found


@dataclass(frozen=True)
class Column:
    index: int  # the grid column
    path: tuple[str, ...]  # header cells from the top, a merge's repeats once
    number: str = ""  # its label in a row of column numbers: "(3)"
    role: str = "text"  # numbering | label | figures | text

    @property
    def name(self) -> str:
        return " / ".join(self.path) or f"Cột {self.index + 1}"


@dataclass(frozen=True)
class Row:
    index: int  # the grid row
    kind: str  # data | total | group
    numbering: str  # "1", "I", "a)"; "" when the row has none
    label: str  # the unit or indicator the row is about
    cells: tuple[str, ...]  # one text per column of the table
    figures: tuple[Figure | None, ...]  # one per column; None for text, blanks and merged copies
    subtotal: bool = False  # a "Cộng" row closing its group rather than the whole table

    @property
    def values(self) -> tuple[Decimal | None, ...]:
        return tuple(figure.value if figure else None for figure in self.figures)


@dataclass(frozen=True)
class Problem:
    code: str  # ragged_row | no_header | text_in_figures | duplicate_label | no_figures
    message: str
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Mismatch:
    """A total row that is not the sum of the data rows it closes."""

    row: int
    label: str
    column: str
    written: Decimal
    summed: Decimal
    parts: tuple[str, ...]  # the labels of the rows summed


@dataclass(frozen=True)
class FigureTable:
    index: int  # the grid's index in its document
    title: str
    header_rows: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]  # below the header (and the column numbers row)
    problems: tuple[Problem, ...] = ()
    numbers_row: int | None = None  # the grid row of column numbers, when there is one
    continues: bool = False  # the same header right after the previous table: a table split over pages

    @property
    def has_figures(self) -> bool:
        return any(column.role == "figures" for column in self.columns) and any(
            row.kind != "group" or any(row.figures) for row in self.rows
        )

    def column(self, name: str) -> int:
        """The position (in ``columns`` and in each row's cells) of the column whose name is ``name``
        or ends with it; ValueError naming the columns when none does."""
        for position, column in enumerate(self.columns):
            if column.name == name or column.name.endswith(" / " + name):
                return position
        raise ValueError(f"no column {name!r}; columns: {[column.name for column in self.columns]}")

    def row(self, label: str) -> Row:
        for row in self.rows:
            if row.label == label:
                return row
        raise ValueError(f"no row {label!r}; rows: {[row.label for row in self.rows]}")

    def value(self, label: str, column: str) -> Decimal | None:
        """The number in row ``label``, column ``column`` (see ``row`` and ``column``)."""
        return self.row(label).values[self.column(column)]

    @property
    def data_rows(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.kind == "data")

    @property
    def totals(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.kind == "total")


# --- words --------------------------------------------------------------------------------------


@cache
def _words() -> dict[str, Any]:
    data = load("figures")
    return {
        **data,
        "numbering": re.compile(data["numbering_pattern"]),
        "group_numbering": re.compile(data["group_numbering_pattern"]),
        "group_label": re.compile(data["group_label_pattern"]),
        "column_number": re.compile(data["column_number_pattern"]),
        "total": re.compile(r"^(?:" + "|".join(map(re.escape, data["total_words"])) + r")\s*(?:\(.*\))?\s*[:.]?$",
                            re.IGNORECASE),
    }


def _flat(text: str) -> str:
    return " ".join(text.split())


def _is_blank(text: str) -> bool:
    return _flat(text).lower() in _words()["blank_markers"]


def _is_numbering(text: str) -> bool:
    return bool(_words()["numbering"].match(_flat(text)))


# --- columns and header -------------------------------------------------------------------------


def _live_columns(grid: Grid) -> list[int]:
    """Grid columns some cell starts in; a column only ever covered by a merge is no column."""
    return [c for c in range(grid.width) if any(row[c].origin_col == c for row in grid.rows)]


def _numbering_column(grid: Grid, columns: list[int]) -> bool:
    """Whether the first column numbers the rows ("STT", "TT", or mostly "1", "I", "1.1")."""
    if not columns:
        return False
    cells = [row[columns[0]] for row in grid.rows]
    if any(_flat(cell.text).lower() in _words()["numbering_headers"] for cell in cells[:MAX_HEADER_ROWS]):
        return True
    texts = [cell.text for cell in cells if cell.is_origin and cell.text.strip()]
    return len(texts) >= 2 and sum(map(_is_numbering, texts)) >= 0.6 * len(texts)


def _carries_numbers(row: Sequence[Cell], columns: list[int], numbered: bool) -> bool:
    figures = columns[1:] if numbered else columns
    return any(row[c].is_origin and parse_figure(row[c].text) is not None for c in figures)


def _header_rows(grid: Grid, columns: list[int], numbered: bool) -> int:
    """Rows above the first one that carries numbers, a numbering or a total; merges down keep theirs."""
    count = _header_top(grid, columns, numbered)
    if count == MAX_HEADER_ROWS < len(grid.rows):
        count = 1  # no numbers anywhere near the top: only the first row is sure to be a header
    # A header cell merged down keeps the rows it covers, as long as they carry no numbers (a note
    # column merged over the whole table does not make the table a header).
    reach = max([count] + [cell.origin_row + cell.rows for row in grid.rows[:count] for cell in row
                           if cell.text.strip()])
    while count < min(reach, MAX_HEADER_ROWS, len(grid.rows)):
        if _carries_numbers(grid.rows[count], columns, numbered):
            break
        count += 1
    return count


def _header_top(grid: Grid, columns: list[int], numbered: bool) -> int:
    count = 0
    for r, row in enumerate(grid.rows[:MAX_HEADER_ROWS]):
        first = _flat(row[columns[0]].text)
        if first.lower() in _words()["numbering_headers"]:
            count = r + 1
            continue
        if _carries_numbers(row, columns, numbered) or (numbered and _is_numbering(first) and r > 0):
            break
        if r > 0 and (_numbers_row(row, columns) or not _continues_header(grid.rows[r - 1], row, columns)):
            break
        count = r + 1
    return count


def _continues_header(above: Sequence[Cell], row: Sequence[Cell], columns: list[int]) -> bool:
    """A second header row: it refines a merge across above it, or continues one down, or has no gap.
    One cell across the whole width under a header is a group ("KHỐI XÃ"), not more header."""
    if row and row[0].cols >= len(row) and row[0].is_origin:
        return False
    if any(cell.cols > 1 and cell.text.strip() for cell in above):
        return True
    if any(not cell.is_origin and cell.origin_row < cell.row for cell in row):
        return True
    return all(row[c].text.strip() for c in columns)


def _numbers_row(row: Sequence[Cell], columns: list[int]) -> bool:
    """A row of column numbers under the header: "(1) (2) (3)" or "A B 1 2 3"."""
    texts = [_flat(row[c].text) for c in columns if row[c].is_origin]
    filled = [text for text in texts if text]
    pattern = _words()["column_number"]
    return len(filled) >= max(2, len(texts) - 1) and all(pattern.match(text) for text in filled)


def _body_columns(grid: Grid, first_data: int, live: list[int]) -> list[int]:
    """The columns the figures stand in: a grid column no body row starts a cell in is part of the
    one to its left, even when a header cell starts there (a header misaligned by a sliver)."""
    body = grid.rows[first_data:]
    columns = [c for c in live if any(row[c].origin_col == c for row in body)]
    return columns if body and columns else live


def _path(grid: Grid, start: int, end: int, header_rows: int) -> tuple[str, ...]:
    """The header cells above grid columns [start, end), top down: in each header row the cell that
    covers most of their width."""
    path: list[str] = []
    for row in grid.rows[:header_rows]:
        cover: dict[tuple[int, int], int] = {}
        for c in range(start, end):
            key = (row[c].origin_row, row[c].origin_col)
            cover[key] = cover.get(key, 0) + grid.widths[c]
        widest = max(cover, key=lambda key: cover[key])
        text = _flat(next(cell.text for cell in row[start:end] if (cell.origin_row, cell.origin_col) == widest))
        if text and (not path or path[-1] != text):
            path.append(text)
    return tuple(path)


# --- rows ---------------------------------------------------------------------------------------


def _figures(row: Sequence[Cell], columns: list[int], numeric: list[bool], dots: list[bool]) -> list[Figure | None]:
    # A merged copy repeats its origin's number: counting it again would double the sum.
    return [
        parse_figure(row[c].text, dots[k]) if numeric[k] and row[c].is_origin else None
        for k, c in enumerate(columns)
    ]


def _kind(label: str, numbering: str, figures: list[Figure | None], cells: Sequence[Cell], next_number: str) -> str:
    words = _words()
    if not numbering and words["total"].match(label):
        return "total"
    if words["group_numbering"].match(numbering) or words["group_label"].match(label):
        return "group"
    if any(figures):
        return "data"
    if numbering and next_number.startswith(numbering.rstrip(".") + ".") and next_number != numbering:
        return "group"  # "3. Kiểm tra" over "3.1.", "3.2.": a heading of indicators
    texts = [cell for cell in cells if cell.text.strip()]
    if not numbering and texts and all(cell.bold for cell in texts) and any(cell.cols > 1 for cell in texts):
        return "group"
    return "data"


def _label(row: Sequence[Cell], columns: list[int], label_column: int | None) -> str:
    if label_column is not None and row[label_column].text.strip():
        return _flat(row[label_column].text)
    texts = [_flat(row[c].text) for c in columns if row[c].text.strip()]
    return next((text for text in texts if not _is_numbering(text) and parse_figure(text) is None), "")


# --- the table ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    columns: list[int]  # grid columns that start a column of figures or text
    ends: list[int]  # where each one stops (the next one's start)
    numbered: bool
    header_rows: int
    numbers_row: int | None
    first_data: int


def _layout(grid: Grid) -> _Layout:
    live = _live_columns(grid)
    numbered = _numbering_column(grid, live)
    header_rows = _header_rows(grid, live, numbered) if live else 0
    numbers = 0 < header_rows < len(grid.rows) and _numbers_row(grid.rows[header_rows], live)
    numbers_row = header_rows if numbers else None
    first_data = header_rows + (1 if numbers else 0)
    columns = _body_columns(grid, first_data, live)
    ends = columns[1:] + [grid.width]
    return _Layout(columns, ends, numbered, header_rows, numbers_row, first_data)


def _numeric_columns(
    body: Sequence[Sequence[Cell]], columns: list[int], numbered: bool
) -> tuple[list[bool], list[bool]]:
    """Which columns hold figures (half their filled cells or more are numbers), and which write "90.91"."""
    numeric, dots = [], []
    for k, c in enumerate(columns):
        texts = [row[c].text for row in body if row[c].is_origin and not _is_blank(row[c].text)]
        parsed = sum(parse_figure(text) is not None for text in texts)
        numeric.append(not (numbered and k == 0) and parsed > 0 and parsed * 2 >= len(texts))
        dots.append(any(DOT_DECIMAL.match("".join(text.split()).rstrip("%")) for text in texts))
    return numeric, dots


def figure_table(grid: Grid) -> FigureTable:
    """The figures table a grid holds; what is wrong with it is in ``problems``."""
    layout = _layout(grid)
    columns = layout.columns
    if not columns:  # a table without a single cell
        return FigureTable(grid.index, grid.title, 0, (), (), (Problem("no_figures", f"Bảng {grid.index + 1} trống."),))
    body = grid.rows[layout.first_data :]
    numeric, dots = _numeric_columns(body, columns, layout.numbered)
    start = 1 if layout.numbered else 0
    label_k = next((k for k in range(start, len(columns)) if not numeric[k]), None)
    label_column = columns[label_k] if label_k is not None else None
    numbers_texts = grid.rows[layout.numbers_row] if layout.numbers_row is not None else None
    table_columns = tuple(
        Column(c, _path(grid, c, layout.ends[k], layout.header_rows),
               _flat(numbers_texts[c].text) if numbers_texts else "",
               _role(k, layout.numbered, numeric[k], label_k))
        for k, c in enumerate(columns)
    )
    rows = _rows(body, columns, numeric, dots, layout.numbered, label_column)
    problems = _problems(grid, layout, table_columns, rows, body)
    return FigureTable(grid.index, grid.title, layout.header_rows, table_columns, tuple(rows), tuple(problems),
                       layout.numbers_row)


def _role(k: int, numbered: bool, numeric: bool, label_k: int | None) -> str:
    if numbered and k == 0:
        return "numbering"
    if numeric:
        return "figures"
    return "label" if k == label_k else "text"


def _rows(body: Sequence[Sequence[Cell]], columns: list[int], numeric: list[bool], dots: list[bool],
          numbered: bool, label_column: int | None) -> list[Row]:
    rows: list[Row] = []
    numberings = [_flat(row[columns[0]].text) if numbered and row[columns[0]].is_origin else "" for row in body]
    numberings = [text if _is_numbering(text) else "" for text in numberings]
    for position, row in enumerate(body):
        figures = _figures(row, columns, numeric, dots)
        label = _label(row, columns, label_column)
        next_number = next((n for n in numberings[position + 1 :] if n), "")
        cells = [row[c] for c in columns]
        kind = _kind(label, numberings[position], figures, cells, next_number)
        subtotal = kind == "total" and label.lower().split(" (")[0].rstrip(":. ") in _words()["subtotal_words"]
        rows.append(Row(row[0].row, kind, numberings[position], label, tuple(c.text for c in cells),
                        tuple(figures), subtotal))
    return rows


def _problems(grid: Grid, layout: _Layout, columns: tuple[Column, ...], rows: list[Row],
              body: Sequence[Sequence[Cell]]) -> list[Problem]:
    problems = [
        Problem("ragged_row", f"Dòng {r + 1} của bảng {grid.index + 1} thiếu ô so với các dòng khác.", r)
        for r, row in enumerate(grid.rows) if any(cell.filler == "missing" for cell in row)
    ]
    if layout.header_rows == 0 and layout.columns:
        problems.append(Problem("no_header", f"Bảng {grid.index + 1} không có dòng tiêu đề cột."))
    if not any(column.role == "figures" for column in columns) or not rows:
        problems.append(Problem("no_figures", f"Bảng {grid.index + 1} không có cột số liệu."))
    problems += _text_in_figures(grid, columns, rows, body)
    problems += _duplicates(grid, rows)
    return problems


def _text_in_figures(grid: Grid, columns: tuple[Column, ...], rows: list[Row],
                     body: Sequence[Sequence[Cell]]) -> list[Problem]:
    found = []
    for row, cells in zip(rows, body, strict=True):
        for k, column in enumerate(columns):
            cell = cells[column.index]
            if column.role != "figures" or not cell.is_origin or _is_blank(cell.text) or row.figures[k]:
                continue
            found.append(Problem(
                "text_in_figures",
                f"Bảng {grid.index + 1}, dòng “{row.label}”, cột “{column.name}”: “{_flat(cell.text)}” không phải số.",
                row.index, column.index))
    return found


def _duplicates(grid: Grid, rows: list[Row]) -> list[Problem]:
    """The same label twice under one parent: the consolidation could not tell the two rows apart.
    "Trong đó: …" under item 7 and under item 8 are two rows; unit "Xã A" numbered 1 and 5 is one twice."""
    seen: set[tuple[str, str, str]] = set()
    group = last = ""
    found = []
    for row in rows:
        if row.kind == "group":
            group, last = row.label, ""
            continue
        parent = row.numbering.rstrip(".").rpartition(".")[0] if row.numbering else last
        last = row.numbering or last
        key = (group, parent, row.label.lower())
        if row.label and key in seen:
            found.append(Problem("duplicate_label",
                                 f"Bảng {grid.index + 1}: dòng “{row.label}” có hai lần.", row.index))
        seen.add(key)
    return found


def figure_tables(grids: Iterable[Grid]) -> list[FigureTable]:
    """The tables among ``grids`` that carry figures (the header and signature tables do not);
    a table split over pages is marked ``continues``."""
    found: list[FigureTable] = []
    previous: Grid | None = None
    for grid in grids:
        table = figure_table(grid)
        if table.has_figures:
            same = bool(found) and [c.name for c in found[-1].columns] == [c.name for c in table.columns]
            if same and grid.follows_table and previous is not None and previous.index == found[-1].index:
                table = replace(table, continues=True)
            found.append(table)
        if grid.depth == 0:
            previous = grid
    return found


# --- totals -------------------------------------------------------------------------------------


def check_totals(table: FigureTable) -> list[Mismatch]:
    """Every total row's figures against the sum of the data rows it closes.

    "Cộng" closes its group (or the rows since the last total); "Tổng cộng", "Toàn tỉnh" … close the
    whole table above. Rates, ranks and units are not summed; a total written with decimals may
    differ from the sum by one unit of its last decimal (each part was rounded)."""
    mismatches: list[Mismatch] = []
    group_start = 0
    for position, row in enumerate(table.rows):
        if row.kind == "group":
            group_start = position
        if row.kind != "total":
            continue
        parts = [r for r in table.rows[group_start if row.subtotal else 0 : position] if r.kind == "data"]
        mismatches += _mismatches(table, row, parts)
        if row.subtotal:
            group_start = position + 1
    return mismatches


def _mismatches(table: FigureTable, total: Row, parts: list[Row]) -> list[Mismatch]:
    found = []
    for k, column in enumerate(table.columns):
        written = total.figures[k]
        if column.role != "figures" or written is None or written.percent or not _additive(column):
            continue
        summed = sum((part.values[k] or Decimal(0) for part in parts), Decimal(0))
        exponent = written.value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if abs(summed - written.value) > (Decimal(1).scaleb(-places) if places else Decimal(0)):
            found.append(Mismatch(total.index, total.label, column.name, written.value, summed,
                                  tuple(part.label for part in parts)))
    return found


def _additive(column: Column) -> bool:
    name = column.name.lower()
    return not any(word in name for word in _words()["non_additive_words"])
