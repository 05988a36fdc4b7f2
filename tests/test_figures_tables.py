"""Figures tables read out of report DOCX files: the real reports of corpus/realdocx, and tables a clerk types.

Every fact asserted about a real report was read in the file itself (LibreOffice and the XML)."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from report_fixtures import commune_names, unit_report

from drafting.errors import InputError
from drafting.readers.docx_tables import read_docx_tables
from drafting.report.figures import check_totals, figure_table, figure_tables, parse_figure

REAL = Path(__file__).resolve().parent.parent / "corpus" / "realdocx"


def tables(name: str) -> list:
    return figure_tables(read_docx_tables((REAL / name).read_bytes(), name))


def grids(name: str) -> list:
    return read_docx_tables((REAL / name).read_bytes(), name)


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234", "1234"), ("12,5", "12.5"), ("17.454.000", "17454000"), ("99,10", "99.10"), ("00", "0"),
     ("17, 66", "17.66"), ("90.91", "90.91"), ("1.234,5", "1234.5"), ("1 234", "1234")],
)
def test_numbers_are_read_the_vietnamese_way(text: str, value: str) -> None:
    figure = parse_figure(text)
    assert figure is not None and figure.value == Decimal(value)


@pytest.mark.parametrize("text", ["", "-", "x", "X", "…", "Văn bản", "Có = 1;\nKhông = 0"])
def test_blanks_and_words_are_no_number(text: str) -> None:
    assert parse_figure(text) is None


def test_percent_and_fraction_are_kept_apart_from_the_value() -> None:
    assert parse_figure("85%") == parse_figure("85 %")
    rate = parse_figure("85%")
    assert rate is not None and rate.percent and rate.value == 85
    score = parse_figure("9,49/\n9,5")
    assert score is not None and (score.value, score.of) == (Decimal("9.49"), Decimal("9.5"))
    assert parse_figure("1.234", dot_decimal=True).value == Decimal("1.234")  # type: ignore[union-attr]


# --- vbai_BC_CCHC_nam2025_LamDong.docx: nine "Biểu mẫu" with a two-row merged header --------------


def test_cchc_grid_resolves_merges_down_and_across() -> None:
    grid = grids("vbai_BC_CCHC_nam2025_LamDong.docx")[2]
    stt, below = grid.rows[0][0], grid.rows[1][0]
    assert (stt.text, stt.rows, stt.is_origin) == ("STT", 2, True)
    assert (below.text, below.is_origin, below.origin_row) == ("STT", False, 0)
    results, copy = grid.rows[0][2], grid.rows[0][3]
    assert (results.text, results.cols, copy.is_origin, copy.origin_col) == ("Kết quả thống kê", 2, False, 2)
    assert grid.before[-2:] == ("Biểu mẫu 1", "Công tác chỉ đạo điều hành CCHC")
    note = grid.rows[13][4]  # "Ghi chú" merged down over 4.1. … 4.1.3.
    assert (note.rows, grid.rows[16][4].origin_row) == (4, 13)


def test_cchc_figure_tables() -> None:
    found = tables("vbai_BC_CCHC_nam2025_LamDong.docx")
    assert [table.index for table in found] == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert all(table.header_rows == 2 and not table.problems for table in found)
    first = found[0]
    assert [column.name for column in first.columns] == [
        "STT", "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
        "Kết quả thống kê / Đơn vị tính", "Kết quả thống kê / Số liệu", "Ghi chú"]
    assert [column.role for column in first.columns] == ["numbering", "label", "text", "figures", "text"]
    assert first.title == "Biểu mẫu 1\nCông tác chỉ đạo điều hành CCHC" and found[1].title.startswith("Biểu mẫu 2\n")
    assert len(first.data_rows) == 17
    assert [(row.numbering, row.label) for row in first.rows if row.kind == "group"] == [
        ("3.", "Kiểm tra CCHC"), ("4.", "Thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao")]
    assert first.value("Số lượng phiếu khảo sát", "Số liệu") == 25898
    assert first.row("Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)"
                     ).values[3] == 82


def test_cchc_header_typed_without_merges_and_tables_split_over_pages() -> None:
    found = {table.index: table for table in tables("vbai_BC_CCHC_nam2025_LamDong.docx")}
    # Table 10 repeats the header as plain cells (no w:vMerge): the merge across above still makes 2 rows.
    assert [column.name for column in found[10].columns] == [column.name for column in found[2].columns]
    assert [index for index, table in found.items() if table.continues] == [5, 10]
    assert found[10].value("Tỷ lệ hồ sơ trực tuyến toàn trình", "Số liệu") == Decimal("90.58")
    assert found[8].value("Kế hoạch được giao", "Số liệu") == 17_454_000
    approved = "Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định"
    assert found[7].value(approved, "Số liệu") is None  # written "-"


# --- vbai_BC_SNV_cac_chi_so_tinh.docx: three provinces side by side -------------------------------


def test_snv_columns_under_each_province_and_the_misaligned_sliver() -> None:
    grid = grids("vbai_BC_SNV_cac_chi_so_tinh.docx")[1]
    assert grid.width == 12 and grid.widths[8] == 7  # Bình Thuận's "Điểm số" starts under Đắk Nông by 7 twips
    table = figure_table(grid)
    assert [column.name for column in table.columns][2:] == [
        f"{province} / {name}" for province in ("Lâm Đồng", "Đắk Nông", "Bình Thuận")
        for name in ("Điểm số", "Chỉ số", "Thứ hạng")]
    row = table.row("Cải cách thể chế")
    assert row.figures[2] == parse_figure("9,38/10") and row.figures[3] == parse_figure("93,8%")
    assert table.value("Cải cách thể chế", "Bình Thuận / Điểm số") == Decimal("8.9")
    assert table.value("Cải cách thể chế", "Lâm Đồng / Thứ hạng") == 20
    assert [row.label for row in table.totals] == ["CHỈ SỐ CHUNG"]
    assert check_totals(table) == []  # 9,49 + 9,38 + … = 83,11, written 83,1; rates and ranks not summed


def test_snv_weighted_index_is_no_sum_and_groups_carry_values() -> None:
    found = {table.index: table for table in tables("vbai_BC_SNV_cac_chi_so_tinh.docx")}
    pci = check_totals(found[4])  # the PCI weighs its ten sub-indices
    assert [(m.column, m.written, m.summed) for m in pci] == [
        ("Lâm Đồng / Điểm số", Decimal("65.08"), Decimal("65.69")),
        ("Đắk Nông / Điểm số", Decimal("67.45"), Decimal("68.14")),
        ("Bình Thuận / Điểm số", Decimal("68.92"), Decimal("70.42"))]
    sipas = found[2]
    assert [row.numbering for row in sipas.rows if row.kind == "group"] == ["I", "II"]
    assert sipas.rows[0].values[2] == Decimal("82.5") and len(sipas.data_rows) == 9
    overall = found[5]
    assert [row.numbering for row in overall.rows if row.kind == "group"] == ["I", "II", "III", "IV", "V"]
    assert overall.value("Dịch vụ trực tuyến", "Điểm số") == Decimal("8.23")


# --- vbai_BC_TTPVHCC_hop766.docx: departments as rows, decimals written with a dot ---------------


def test_ttpvhcc_units_as_rows() -> None:
    found = {table.index: table for table in tables("vbai_BC_TTPVHCC_hop766.docx")}
    assert sorted(found) == [1, 2, 3, 4, 5]
    first = found[1]
    assert [column.name for column in first.columns] == ["STT", "Đơn vị", "Tỷ lệ thực hiện %",
                                                         "Điểm đạt (tối đa 18 điểm)"]
    assert len(first.data_rows) == 13 and first.data_rows[0].label == "Sở Nông nghiệp và Môi trường"
    assert first.value("Thanh tra tỉnh", "Điểm đạt (tối đa 18 điểm)") == Decimal("14.43")
    second = found[2]
    assert second.value("Sở Dân tộc và Tôn giáo", "Điểm đạt (Tối đa 20 điểm)") == Decimal("19.31")
    assert second.value("Sở Y tế", "Điểm đạt (Tối đa 20 điểm)") == Decimal("17.66")  # typed "17, 66"


def test_ttpvhcc_three_level_names_under_merged_headers() -> None:
    online = {table.index: table for table in tables("vbai_BC_TTPVHCC_hop766.docx")}[3]
    assert online.header_rows == 2 and len(online.columns) == 16
    assert online.columns[4].name == "Dịch vụ công trực tuyến / Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến"
    assert online.columns[15].name == "Thanh toán trực tuyến / Điểm hồ sơ thanh toán trực tuyến"
    assert online.value("Sở Xây dựng", "Tổng điểm (22 điểm) / Điểm đánh giá") == Decimal("19.5")
    assert online.value("Ban Quản lý các khu công nghiệp", "Tổng điểm (22 điểm) / Tỷ lệ (%)") == Decimal("90.91")
    assert online.totals == () and check_totals(online) == []


# --- pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx: a commune office's monthly report ----------------


def test_pmb_total_row_is_the_sum_of_the_health_stations() -> None:
    stations, visits = tables("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx")
    assert stations.title.startswith("+ Số lượng tỉnh và từng cơ sở y tế xã quản lý")
    assert [row.label for row in stations.data_rows] == ["TYT PM Bắc", "TYT PM Bắc-CS2", "TYT PM Bắc-CS3"]
    total = stations.totals[0]
    assert (total.label, total.values[2:6]) == ("Tổng", (7, 56, 47, 58))
    assert check_totals(stations) == []
    assert stations.columns[6].name == "Giám sát trong tháng" and stations.columns[6].role == "text"  # left empty


def test_pmb_indicator_table() -> None:
    visits = tables("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx")[1]
    assert visits.title.startswith("Bảng 01: Tình hình khám bệnh, chữa bệnh")
    assert [column.role for column in visits.columns] == ["numbering", "label", "text", "figures"]
    assert len(visits.data_rows) == 38
    assert visits.value("Số lượt người khám bệnh", "Thực hiện trong tuần") == 119
    assert visits.value("Số lượt BN khám bệnh phải chuyển tuyến", "Thực hiện trong tuần") == 0  # "00"
    # "Trong đó: …" under item 7 and item 8 are two rows, not one written twice.
    assert not [problem for problem in visits.problems if problem.code == "duplicate_label"]


@pytest.mark.parametrize(
    ("name", "count"),
    [("pmb_BC_tuan_thang6_2026_PhongVHXH_xaPhuMyBac.docx", 2), ("vbai_BC_quanly_hoi_2025.docx", 3),
     ("vbai2_18847be7_Bao_cao_nam_2025.docx", 3)],
)
def test_reports_without_figures_give_no_figure_table(name: str, count: int) -> None:
    # Their tables are the header, a one-cell frame and the signature block.
    assert len(grids(name)) == count
    assert tables(name) == []


def test_no_layout_table_of_the_corpus_is_taken_for_figures() -> None:
    reports = {"vbai_BC_CCHC_nam2025_LamDong.docx", "vbai_BC_SNV_cac_chi_so_tinh.docx",
               "vbai_BC_TTPVHCC_hop766.docx", "pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"}
    others = [path for path in sorted(REAL.glob("*.docx")) if path.name not in reports]
    assert len(others) >= 30
    assert [path.name for path in others if tables(path.name)] == []


# --- a clerk's table, built with python-docx --------------------------------------------------------


def test_clerk_table_with_merged_header_groups_and_total() -> None:
    names = commune_names("Khánh Hòa", 3, "phường") + commune_names("Khánh Hòa", 3, "xã")
    table = figure_tables(read_docx_tables(unit_report(names, ("Khối phường", "Khối xã")), "bc.docx"))[0]
    assert table.title == "Biểu 1. Kết quả thực hiện" and table.header_rows == 2 and not table.problems
    assert [column.name for column in table.columns] == [
        "STT", "Đơn vị", "Kết quả thực hiện / Số lượng", "Kết quả thực hiện / Tỷ lệ (%)", "Ghi chú"]
    assert [row.label for row in table.data_rows] == names
    assert [row.label for row in table.rows if row.kind == "group"] == ["Khối phường", "Khối xã"]
    assert table.value(names[1], "Số lượng") == 1037 and table.value(names[1], "Tỷ lệ (%)") == Decimal("81.1")
    assert table.totals[0].values[2] == 6555 and check_totals(table) == []


def test_wrong_total_is_reported_with_the_rows_summed() -> None:
    names = commune_names("Lâm Đồng", 4)
    document = Document(BytesIO(unit_report(names)))
    total = document.tables[0].cell(6, 2)
    assert total.text == "4.222"  # 1.000 + 1.037 + 1.074 + 1.111
    total.text = "4.223"
    buffer = BytesIO()
    document.save(buffer)
    table = figure_tables(read_docx_tables(buffer.getvalue(), "bc.docx"))[0]
    (mismatch,) = check_totals(table)
    assert (mismatch.label, mismatch.column, mismatch.written, mismatch.summed) == (
        "Tổng cộng", "Kết quả thực hiện / Số lượng", 4223, 4222)
    assert mismatch.parts == tuple(names)


def _malformed() -> bytes:
    names = commune_names("Đắk Lắk", 5)
    document = Document(BytesIO(unit_report(names)))
    table = document.tables[0]
    table.cell(3, 2).text = "chưa báo cáo"  # the second unit's count
    table.cell(5, 1).text = names[0]  # the first unit typed again
    row = table.rows[4]._tr
    row.remove(row.tc_lst[-1])  # a row one cell short
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_malformed_table_is_reported_not_fatal() -> None:
    table = figure_tables(read_docx_tables(_malformed(), "bc.docx"))[0]
    codes = {problem.code: problem for problem in table.problems}
    assert set(codes) == {"ragged_row", "text_in_figures", "duplicate_label"}
    text = codes["text_in_figures"]
    assert (text.row, text.column) == (3, 2)
    assert "“chưa báo cáo”" in text.message and "Kết quả thực hiện / Số lượng" in text.message
    assert codes["ragged_row"].row == 4
    assert len(table.data_rows) == 5  # the short row is still read


def _docx(body: str) -> bytes:
    """A DOCX whose body is ``body`` (WordprocessingML), for shapes python-docx does not write."""
    buffer = BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(BytesIO(buffer.getvalue()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = (
                    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f"<w:body>{body}</w:body></w:document>"
                ).encode()
            target.writestr(item, data)
    return out.getvalue()


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_hmerge_grid_before_and_column_numbers_row() -> None:
    header = _tc("TT") + _tc("Đơn vị") + _tc("Số hộ", '<w:hMerge w:val="restart"/>') + _tc("", "<w:hMerge/>")
    sub = _tc("") + _tc("") + _tc("Nghèo") + _tc("Cận nghèo")
    numbers = _tc("(1)") + _tc("(2)") + _tc("(3)") + _tc("(4)")
    shifted = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("Xã Ea Tu") + _tc("1.204") + _tc("85")
    rows = "".join(f"<w:tr>{cells}</w:tr>" for cells in (header, sub, numbers, shifted))
    body = "<w:p><w:r><w:t>Biểu 2. Hộ nghèo</w:t></w:r></w:p>" + f"<w:tbl>{rows}</w:tbl>"
    grid = read_docx_tables(_docx(body), "hm.docx")[0]
    assert (grid.rows[0][2].cols, grid.rows[0][3].origin_col) == (2, 2)
    assert grid.rows[3][0].filler == "before"
    table = figure_table(grid)
    assert table.header_rows == 2 and table.numbers_row == 2
    assert [column.number for column in table.columns] == ["(1)", "(2)", "(3)", "(4)"]
    assert [column.name for column in table.columns][2:] == ["Số hộ / Nghèo", "Số hộ / Cận nghèo"]
    assert table.value("Xã Ea Tu", "Nghèo") == 1204


def test_a_nested_table_is_a_grid_of_its_own() -> None:
    inner = "<w:tbl>" + "".join(
        f"<w:tr>{_tc(a)}{_tc(b)}</w:tr>" for a, b in (("Đơn vị", "Số lượng"), ("Xã A", "12"), ("Tổng", "12"))
    ) + "</w:tbl>"
    outer = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Khung</w:t></w:r></w:p>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    found = read_docx_tables(_docx(outer), "n.docx")
    assert [(grid.index, grid.depth) for grid in found] == [(0, 0), (1, 1)]
    assert found[0].rows[0][0].text == "Khung"
    (table,) = figure_tables(found)
    assert table.index == 1 and table.totals[0].values == (None, 12)


def test_not_a_docx_is_an_input_error() -> None:
    with pytest.raises(InputError):
        read_docx_tables(b"not a zip", "x.docx")


def test_a_note_column_merged_down_the_whole_table_keeps_the_header_two_rows() -> None:
    names = commune_names("Gia Lai", 4, "xã")
    document = Document(BytesIO(unit_report(names)))
    table = document.tables[0]
    table.cell(0, 4).merge(table.cell(len(table.rows) - 1, 4))
    buffer = BytesIO()
    document.save(buffer)
    read = figure_tables(read_docx_tables(buffer.getvalue(), "bc.docx"))[0]
    assert read.header_rows == 2 and [row.label for row in read.data_rows] == names
    assert read.columns[4].name == "Ghi chú" and check_totals(read) == []


BAD_SPAN = '<w:gridSpan w:val="abc"/>'
HUGE_SPAN = '<w:gridSpan w:val="100000"/>'


@pytest.mark.parametrize(
    ("body", "width", "codes"),
    [
        ("<w:tbl></w:tbl>", 0, ["no_figures"]),
        ("<w:tbl><w:tr></w:tr></w:tbl>", 0, ["no_figures"]),
        ("<w:tbl><w:tr>" + _tc("a", BAD_SPAN) + _tc("b", "<w:vMerge/>") + "</w:tr></w:tbl>", 2, ["no_figures"]),
        ("<w:tbl><w:tr>" + _tc("Đơn vị", HUGE_SPAN) + "</w:tr><w:tr>" + _tc("Xã A") + _tc("5") + "</w:tr></w:tbl>",
         63, ["ragged_row"]),
    ],
)
def test_broken_or_hostile_tables_are_reported_never_raised(body: str, width: int, codes: list[str]) -> None:
    (grid,) = read_docx_tables(_docx(body), "f.docx")
    assert grid.width == width  # a span past Word's 63 columns is cut there
    assert [problem.code for problem in figure_table(grid).problems] == codes


def _typed(rows: list[list[str]], across: tuple[int, ...] = (), bold: tuple[int, ...] = ()) -> bytes:
    """A table typed row by row; rows in ``across`` are one cell merged over the width, ``bold`` rows bold."""
    document = Document()
    document.add_paragraph("Biểu 3. Tổng hợp")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            paragraph = table.cell(r, c).paragraphs[0]
            paragraph.add_run(text).bold = r in bold
        if r in across:
            table.cell(r, 0).merge(table.cell(r, len(texts) - 1))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_subtotals_close_their_group_and_the_grand_total_the_table() -> None:
    xa = commune_names("Quảng Trị", 3, "xã")
    rows = [["TT", "Đơn vị", "Số hộ"], ["1", "2", "3"], ["I", "Khối xã", ""], ["1", xa[0], "120"],
            ["2", xa[1], "80"], ["", "Cộng", "200"], ["II", "Khối phường", ""], ["1", xa[2], "1.005"],
            ["", "Cộng", "1.000"], ["", "Tổng cộng", "1.205"]]
    table = figure_table(read_docx_tables(_typed(rows), "bc.docx")[0])
    assert table.header_rows == 1 and table.numbers_row == 1 and table.columns[2].number == "3"
    assert [(row.label, row.subtotal) for row in table.totals] == [("Cộng", True), ("Cộng", True),
                                                                   ("Tổng cộng", False)]
    (wrong,) = check_totals(table)  # the second group's "Cộng" is 1.000 for a single row of 1.005
    assert (wrong.row, wrong.written, wrong.summed, wrong.parts) == (8, 1000, 1005, (xa[2],))


def test_bold_rows_across_the_table_are_groups_without_a_numbering_column() -> None:
    xa = commune_names("Lào Cai", 2, "xã")
    rows = [["Đơn vị", "Số lượng"], ["KHỐI XÃ", ""], [xa[0], "7"], [xa[1], "x"], ["Toàn tỉnh", "7"]]
    table = figure_table(read_docx_tables(_typed(rows, across=(1,), bold=(0, 1)), "bc.docx")[0])
    assert [(row.kind, row.label) for row in table.rows] == [
        ("group", "KHỐI XÃ"), ("data", xa[0]), ("data", xa[1]), ("total", "Toàn tỉnh")]
    assert table.rows[2].values == (None, None) and not table.problems  # "x": nothing to report
    assert check_totals(table) == []


def test_rows_and_cells_in_content_controls_are_read_and_deleted_rows_are_not() -> None:
    def sdt(xml: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{xml}</w:sdtContent></w:sdt>"

    header = "<w:tr>" + _tc("STT") + _tc("Đơn vị") + _tc("Số lượng") + "</w:tr>"
    wrapped_cell = "<w:tr>" + _tc("1") + _tc("Xã A") + sdt(_tc("12")) + "</w:tr>"
    wrapped_row = sdt("<w:tr>" + _tc("2") + _tc("Xã B") + _tc("30") + "</w:tr>")
    deleted = ('<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>' + _tc("3") + _tc("Xã C") + _tc("99")
               + "</w:tr>")
    total = "<w:tr>" + _tc("") + _tc("Tổng") + _tc("42") + "</w:tr>"
    grid = read_docx_tables(_docx(f"<w:tbl>{header}{wrapped_cell}{wrapped_row}{deleted}{total}</w:tbl>"), "s.docx")[0]
    table = figure_table(grid)
    assert [row.label for row in table.rows] == ["Xã A", "Xã B", "Tổng"]
    assert table.value("Xã A", "Số lượng") == 12 and check_totals(table) == []
