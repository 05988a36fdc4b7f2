"""Word files (.docx) in the document shapes the real corpus does not cover, built with python-docx.

Each fixture composes a small but complete document from real text of the corpus (seed 002, the
Kon Tum plan of 22/7/2024 on "Chung tay xóa nhà tạm, nhà dột nát"; the Tờ trình of Sở Nội vụ tỉnh
Lâm Đồng in ``corpus/realdocx``) in one shape under test: a header laid out as a table or typed with
tabs, a body over a superior body, Word's automatic numbering with restarts and overridden formats,
text boxes (a "DỰ THẢO" stamp and a note), an appendix after the signature, clerks' numbering slips,
a data table in the body, a closing table whose recipients share one paragraph.

Every fixture carries what it was built from (:class:`Expected`): the metadata, bases, section
outline, recipients and signature a reader of the document sees. These are written by hand here,
with the labels Word displays for automatically numbered paragraphs, never taken from the parser.

Usage: ``python tests/shape_fixtures.py OUT_DIR`` writes every fixture.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Length
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from docx_fixtures import FONT_SIZE, _add_runs, _cell_paragraph, _make_borderless, _set_numbering, _setup_document

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT

# --------------------------------------------------------------------------------------------------
# Real text (seed 002: Kế hoạch of Ủy ban nhân dân tỉnh Kon Tum, 22/7/2024)
# --------------------------------------------------------------------------------------------------

BODY_LINES = ("ỦY BAN NHÂN DÂN", "TỈNH KON TUM")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
NUMBER_LINE = "Số: 125/KH-UBND"
PLACE_DATE = "Kon Tum, ngày 22 tháng 7 năm 2024"
TYPE_HEADING = "KẾ HOẠCH"
CAMPAIGN = "CHUNG TAY XÓA NHÀ TẠM, NHÀ DỘT NÁT TRÊN ĐỊA BÀN TỈNH KON TUM TRONG NĂM 2025"
TITLE = f"TRIỂN KHAI THỰC HIỆN PHONG TRÀO THI ĐUA “{CAMPAIGN}”"

BASES = (
    "Căn cứ Quyết định số 539/QĐ-TTg ngày 19 tháng 6 năm 2024 của Thủ tướng Chính phủ về ban hành Kế hoạch "
    "triển khai phong trào thi đua \"Chung tay xóa nhà tạm, nhà dột nát trên phạm vi cả nước trong năm 2025\";",
    "Căn cứ Kế hoạch số 31-KH/TU ngày 28 tháng 10 năm 2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số "
    "05-CT/TW ngày 23 tháng 6 năm 2021 của Ban Bí thư Trung ương Đảng “về tăng cường sự lãnh đạo của Đảng đối "
    "với công tác giảm nghèo bền vững đến năm 2030”;",
    "Căn cứ Nghị quyết số 13-NQ/TU ngày 19 tháng 5 năm 2022 của Tỉnh ủy về lãnh đạo thực hiện các chương trình "
    "mục tiêu quốc gia trên địa bàn tỉnh Kon Tum;",
)
#: (doc_type, number, symbol, year, date, issuer) of each basis above, read from its text.
BASES_EXPECTED: tuple[tuple[str | None, ...], ...] = (
    ("Quyết định", "539", "QĐ-TTg", None, "2024-06-19", "Thủ tướng Chính phủ"),
    ("Kế hoạch", "31", "KH/TU", None, "2021-10-28", "Ban Thường vụ Tỉnh ủy"),
    ("Nghị quyết", "13", "NQ/TU", None, "2022-05-19", "Tỉnh ủy"),
)
ANNOUNCEMENT = (
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Phong trào thi đua “Chung tay xóa nhà tạm, "
    "nhà dột nát trên địa bàn tỉnh Kon Tum trong năm 2025” (Phong trào thi đua), cụ thể như sau:"
)

MUC_DICH_A = (
    "Tạo khí thế thi đua sôi nổi, phát huy sức mạnh của cả hệ thống chính trị và các tầng lớp nhân dân tập trung "
    "mọi nguồn lực để đến hết năm 2025 xóa bỏ hoàn toàn nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo, người dân "
    "bị ảnh hưởng bởi thiên tai, biến đổi khí hậu và hỗ trợ gia đình người có công gặp khó khăn về nhà ở."
)
MUC_DICH_B = (
    "Thể hiện sự quan tâm, chăm lo của các cấp uỷ Đảng, Nhà nước, Mặt trận Tổ quốc Việt Nam; động viên, khích lệ, "
    "tạo động lực, truyền cảm hứng cho các tầng lớp Nhân dân, nhất là các đối tượng người nghèo, người có hoàn "
    "cảnh khó khăn vươn lên trong cuộc sống."
)
YEU_CAU_A = (
    "Triển khai, hưởng ứng Phong trào thi đua với nội dung thiết thực, hình thức phong phú, sâu rộng, đồng bộ, "
    "xuyên suốt từ tỉnh đến cơ sở nhằm góp phần huy động mọi nguồn lực để xóa nhà tạm, nhà dột nát trên phạm vi "
    "toàn tỉnh."
)
YEU_CAU_B = (
    "Đảm bảo công khai, dân chủ, minh bạch các nguồn thu và tích cực, chủ động thực hiện chương trình xóa nhà tạm, "
    "nhà dột nát."
)
YEU_CAU_C = (
    "Thường xuyên kiểm tra, giám sát việc thực hiện Phong trào thi đua để kịp thời phát hiện, biểu dương, khen "
    "thưởng, nhân rộng các điển hình, tập thể, hộ gia đình, cá nhân tiêu biểu xuất sắc trong Phong trào thi đua."
)
NOI_DUNG_INTRO = (
    "Phát huy truyền thống tương thân tương ái, \"lá lành đùm lá rách\", nhân ái, nghĩa tình, \"thương người như "
    "thể thương thân\" của dân tộc ta, các sở, ban, ngành, địa phương, tổ chức, doanh nghiệp, hộ gia đình và mỗi "
    "công dân tập trung thi đua:"
)
NOI_DUNG_1 = (
    "Huy động, vận động các nguồn lực của nhà nước, của xã hội, doanh nghiệp, của toàn dân thực hiện thành công "
    "mục tiêu xóa nhà tạm, nhà dột nát trên địa bàn tỉnh đến năm 2025."
)
NOI_DUNG_2 = (
    "Xây dựng cơ chế, chính sách phù hợp, hiệu quả, góp phần thực hiện thành công các Chương trình mục tiêu quốc "
    "gia giai đoạn 2021-2025 trên địa bàn tỉnh."
)
NOI_DUNG_3 = (
    "Xây dựng các công trình xóa nhà tạm, nhà dột nát đảm bảo an toàn, có chất lượng, có khả năng chống chịu tác "
    "động của thiên tai, biến đổi khí hậu, đúng đối tượng thụ hưởng."
)
TIEU_CHI_SO_NGANH = "Đối với các sở, ban, ngành"
TIEU_CHI_HUYEN_XA = "Đối với Ủy ban nhân dân cấp huyện, cấp xã"
TIEU_CHI_DOANH_NGHIEP = "Đối với các tổ chức, doanh nghiệp, hộ gia đình"
TIEU_CHI_SO_NGANH_DASH = (
    "Căn cứ chức năng, nhiệm vụ được giao, thi đua xây dựng Kế hoạch và triển khai thực hiện có chất lượng, đúng "
    "thời hạn các văn bản chỉ đạo, hướng dẫn thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo."
)
TIEU_CHI_HUYEN_XA_DASH = (
    "Tổ chức thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn đúng quy định, kịp thời, "
    "phù hợp với điều kiện thực tế của địa phương."
)
TIEU_CHI_DOANH_NGHIEP_TEXT = (
    "Tích cực tham gia, chung tay, đóng góp, hưởng ứng Phong trào thi đua với phương châm: ai có gì góp nấy, ai có "
    "công góp công, ai có của góp của."
)
AWARDS = ("Huân chương Lao động;", "Bằng khen của Thủ tướng Chính phủ;", "Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh;")
AWARD_STANDARD = (
    "Việc xét khen thưởng cho các tập thể, hộ gia đình, cá nhân tiêu biểu, xuất sắc được thực hiện theo quy định "
    "của pháp luật về thi đua, khen thưởng."
)
GIAI_PHAP_1 = (
    "Đẩy mạnh công tác tuyên truyền chủ trương, đường lối của Đảng, chính sách của Nhà nước về hỗ trợ xóa nhà "
    "tạm, dột nát cho hộ nghèo, hộ cận nghèo."
)
GIAI_PHAP_2 = (
    "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội các cấp tuyên truyền, vận động, tập hợp, đoàn kết "
    "Nhân dân tích cực tham gia quyên góp, ủng hộ, giúp đỡ các hộ nghèo, hộ cận nghèo."
)
GIAI_PHAP_3 = (
    "Phát hiện, động viên, biểu dương, khen thưởng kịp thời các tập thể, hộ gia đình, cá nhân tiêu biểu xuất sắc "
    "trong Phong trào thi đua."
)
GIAI_PHAP_4 = (
    "Tập trung khen thưởng cán bộ, công chức, viên chức, người dân có những đề xuất, sáng kiến hoặc trực tiếp có "
    "đóng góp tích cực, góp phần xóa nhà tạm, nhà dột nát."
)
THOI_GIAN = (
    "Thời gian thực hiện: Phong trào thi đua được triển khai thực hiện từ tháng 7 năm 2024 (sau khi tỉnh tổ chức "
    "Lễ Phát động Phong trào thi đua) và tổng kết vào cuối năm 2025."
)
THOI_GIAN_TEXT = THOI_GIAN.split(": ", 1)[1]
TRACH_NHIEM_SO_NGANH = "Các sở, ban, ngành, địa phương"
TRACH_NHIEM_DASH_1 = (
    "Xây dựng kế hoạch cụ thể để tổ chức, triển khai có hiệu quả Phong trào thi đua, góp phần thực hiện thắng lợi "
    "mục tiêu xóa nhà tạm, nhà dột nát trên địa bàn tỉnh trong năm 2025."
)
TRACH_NHIEM_DASH_2 = (
    "Thực hiện nghiêm các quy chuẩn, quy trình, quy định và tuân thủ đúng pháp luật trong quá trình thực hiện hỗ "
    "trợ nhà ở cho người dân đúng đối tượng, chất lượng, thiết thực, hiệu quả."
)
SO_NOI_VU = (
    "Sở Nội vụ: Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Sở Xây dựng hướng dẫn, theo dõi, đôn "
    "đốc các đơn vị, địa phương triển khai thực hiện Kế hoạch; báo cáo tình hình triển khai thực hiện Phong trào "
    "thi đua về Bộ Nội vụ, Ủy ban nhân dân tỉnh vào tháng 12 năm 2024."
)
SO_TTTT = (
    "Sở Thông tin và Truyền thông: Phối hợp với Ban Tuyên giáo Tỉnh uỷ tiếp tục chỉ đạo các cơ quan truyền thông "
    "trên địa bàn tỉnh đẩy mạnh công tác tuyên truyền về Phong trào thi đua."
)
FINAL = (
    "Quá trình thực hiện, nếu có khó khăn, vướng mắc hoặc cần điều chỉnh, bổ sung Kế hoạch cho phù hợp với tình "
    "hình thực tế, đề nghị các đơn vị, địa phương báo cáo về Sở Nội vụ để tổng hợp tham mưu Uỷ ban nhân dân tỉnh "
    "xem xét, quyết định./."
)

RECIPIENT_LINES = (
    "- Văn phòng Chính phủ (b/c);",
    "- Bộ Nội vụ (b/c);",
    "- Bộ Lao động - Thương binh và Xã hội (b/c);",
    "- Thường trực Tỉnh ủy (b/c);",
    "- Thường trực HĐND (b/c);",
    "- Chủ tịch, các PCT UBND tỉnh (đ/b);",
    "- Ủy ban MTTQVN tỉnh (p/h);",
    "- Đài PTTH; Báo Kon Tum; Cổng TTĐT tỉnh;",
    "- CVP, các PCVP UBND tỉnh;",
)
ARCHIVE_LINE = "- Lưu: VT, NC.KGVX."
RECIPIENTS = [line.removeprefix("- ").removesuffix(";") for line in RECIPIENT_LINES]
ARCHIVE = "VT, NC.KGVX"
SIGNER = "Trần Chí Hùng"  # the signer of a 2025 provincial plan in corpus/wild (5d99697f14bcf68a.md)
SIGNATURE_LINES = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", SIGNER)
SIGNATURE = {"authority": "TM. ỦY BAN NHÂN DÂN", "delegation": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
             "name": SIGNER}

KON_TUM_META: dict[str, Any] = {
    "doc_type": TYPE_HEADING,
    "number": "125",
    "symbol": "KH-UBND",
    "issuer": "Ủy ban nhân dân tỉnh Kon Tum",
    "superior": None,
    "level": "province",
    "place": "Kon Tum",
    "date": "2024-07-22",
    "title": TITLE,
    "campaign": CAMPAIGN,
    "draft": False,
}

# --------------------------------------------------------------------------------------------------
# The document model of a fixture: paragraphs, tables, text boxes; lists for automatic numbering
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A numbered item as a reader sees it: the label Word shows (without punctuation), its kind,
    its depth in the tree and its title (the text up to ":" when the item runs on)."""

    label: str
    kind: str
    depth: int
    title: str


@dataclass(frozen=True)
class Para:
    """One paragraph. ``num`` = (list key, ilvl) gives it Word's automatic numbering; its ``text``
    is then typed without the label, and ``heading.label`` is what Word displays for it."""

    text: str
    heading: Heading | None = None
    num: tuple[str, int] | None = None
    bold: bool = False
    italic: bool = False
    center: bool = False
    shown: str | None = None  # the label Word displays, with its punctuation ("1.", "a)", "1.1.", "-")


@dataclass(frozen=True)
class Grid:
    """A body table: rows of cells, one paragraph per cell; ``merged_header`` makes the first two
    rows a two-row header ("Đơn vị thực hiện" over "Chủ trì" | "Phối hợp")."""

    rows: tuple[tuple[str, ...], ...]
    merged_header: tuple[tuple[str, ...], tuple[str, ...]] | None = None


@dataclass(frozen=True)
class TextBox:
    """A floating text box anchored in an empty paragraph. ``style`` "dml" is how Word 2010+ writes it
    (mc:AlternateContent: wps:txbx in mc:Choice, the same text in a VML v:textbox in mc:Fallback);
    "vml" is the Word 2003 shape (w:pict/v:shape/v:textbox only)."""

    paragraphs: tuple[str, ...]
    style: str = "dml"
    bold: bool = False


@dataclass(frozen=True)
class PageBreak:
    landscape: bool = False  # a new landscape section, as appendix tables are usually laid out


Piece = Para | Grid | TextBox | PageBreak


@dataclass(frozen=True)
class Level:
    fmt: str  # decimal | lowerLetter | upperRoman | bullet …
    text: str  # lvlText: "%1.", "%1)", "%2.%3.", "-"
    start: int = 1


@dataclass(frozen=True)
class ListDef:
    """One w:num: the abstract list it points to, and its w:lvlOverride (startOverride / lvl)."""

    abstract: str
    start_override: dict[int, int] = field(default_factory=dict)
    level_override: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class Numbering:
    abstracts: dict[str, tuple[Level, ...]]
    lists: dict[str, ListDef]


@dataclass(frozen=True)
class Expected:
    """What the built document says, written by hand from the pieces that built it."""

    meta: dict[str, Any]
    bases: tuple[tuple[str | None, ...], ...]
    outline: tuple[Heading, ...]
    recipients: list[str]
    archive: str | None
    signature: dict[str, str | None]
    recipient_to: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ShapeFixture:
    name: str
    description: str
    build: Callable[[Path], None]
    expected: Expected
    body: tuple[Piece, ...] = ()
    after_signature: tuple[Piece, ...] = ()


# --------------------------------------------------------------------------------------------------
# Items: typed labels and automatically numbered paragraphs
# --------------------------------------------------------------------------------------------------


def _title_of(text: str, run_in: bool) -> str:
    return text.split(":", 1)[0].strip() if run_in else text


def typed(mark: str, kind: str, depth: int, text: str, *, run_in: bool = False, bold: bool = False) -> Para:
    """A paragraph whose label the clerk typed: "I.", "1.", "a)", "-"."""
    label = mark if kind in ("dash", "plus") else mark.rstrip(".)")
    heading = Heading(label, kind, depth, _title_of(text, run_in))
    return Para(f"{mark} {text}", heading, bold=bold, shown=mark)


def auto(shown: str, kind: str, depth: int, text: str, num: tuple[str, int], *, run_in: bool = False,
         bold: bool = False) -> Para:
    """A paragraph numbered by Word; ``shown`` is the label Word displays for it ("1.", "a)", "1.1.")."""
    label = shown if kind in ("dash", "plus") else shown.rstrip(".)")
    return Para(text, Heading(label, kind, depth, _title_of(text, run_in)), num=num, bold=bold, shown=shown)


def plain(value: str, **kwargs: Any) -> Para:
    """A paragraph without a label."""
    return Para(value, **kwargs)


def outline_of(pieces: Sequence[Piece]) -> tuple[Heading, ...]:
    return tuple(p.heading for p in pieces if isinstance(p, Para) and p.heading is not None)


# The Kon Tum plan's body with typed labels.
STANDARD_BODY: tuple[Piece, ...] = (
    typed("I.", "roman", 1, "MỤC ĐÍCH, YÊU CẦU", bold=True),
    typed("1.", "arabic", 2, "Mục đích"),
    typed("a)", "letter", 3, MUC_DICH_A),
    typed("b)", "letter", 3, MUC_DICH_B),
    typed("2.", "arabic", 2, "Yêu cầu"),
    typed("a)", "letter", 3, YEU_CAU_A),
    typed("b)", "letter", 3, YEU_CAU_B),
    typed("II.", "roman", 1, "NỘI DUNG PHONG TRÀO THI ĐUA", bold=True),
    plain(NOI_DUNG_INTRO),
    typed("1.", "arabic", 2, NOI_DUNG_1),
    typed("2.", "arabic", 2, NOI_DUNG_2),
    typed("III.", "roman", 1, "THỜI GIAN THỰC HIỆN VÀ TRÁCH NHIỆM THỰC HIỆN", bold=True),
    typed("1.", "arabic", 2, THOI_GIAN, run_in=True),
    typed("2.", "arabic", 2, "Trách nhiệm thực hiện"),
    typed("a)", "letter", 3, TRACH_NHIEM_SO_NGANH),
    typed("-", "dash", 4, TRACH_NHIEM_DASH_1),
    typed("-", "dash", 4, TRACH_NHIEM_DASH_2),
    typed("b)", "letter", 3, SO_NOI_VU, run_in=True),
    plain(FINAL),
)

# --------------------------------------------------------------------------------------------------
# Writing the document
# --------------------------------------------------------------------------------------------------


def _new_document() -> DocxDocument:
    document = Document()
    _setup_document(document)
    return document


def _paragraph(document: DocxDocument | _Cell, value: str, *, bold: bool = False, italic: bool = False,
               align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = True) -> Paragraph:
    paragraph = document.add_paragraph(style="Normal")
    if align is not None:
        paragraph.alignment = align
    if not indent:
        paragraph.paragraph_format.first_line_indent = Cm(0)
    if value:
        _add_runs(paragraph, value, bold=bold, italic=italic)
    return paragraph


def _fill(cell: _Cell, lines: Sequence[str], *, align: WD_ALIGN_PARAGRAPH = CENTER, bold: Sequence[bool] = (),
          italic: bool = False) -> None:
    """One paragraph per line (an empty line is an empty paragraph), the cell's first paragraph reused."""
    for index, line in enumerate(lines):
        paragraph = _cell_paragraph(cell, first=index == 0)
        paragraph.alignment = align
        if line:
            _add_runs(paragraph, line, bold=bold[index] if index < len(bold) else False, italic=italic)


def _borderless(document: DocxDocument, rows: int, cols: int, widths: tuple[Length, ...]) -> Table:
    table = document.add_table(rows=rows, cols=cols)
    _make_borderless(table, widths)
    return table


class _Lists:
    """Adds the fixture's abstract lists and w:num to numbering.xml; maps list keys to w:numId."""

    def __init__(self, document: DocxDocument, numbering: Numbering | None) -> None:
        self.ids: dict[str, int] = {}
        if numbering is None:
            return
        root = document.part.numbering_part.element
        abstract_ids: dict[str, int] = {}
        next_abstract = 1 + max((int(v) for v in root.xpath("./w:abstractNum/@w:abstractNumId")), default=-1)
        next_num = 1 + max((int(v) for v in root.xpath("./w:num/@w:numId")), default=0)
        for key, levels in numbering.abstracts.items():
            abstract_ids[key] = next_abstract
            kind = "singleLevel" if len(levels) == 1 else "multilevel"
            element = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{next_abstract}">'
                f'<w:nsid w:val="{0x3C1A0000 + next_abstract:08X}"/><w:multiLevelType w:val="{kind}"/>'
                + "".join(_level_xml(ilvl, level) for ilvl, level in enumerate(levels))
                + "</w:abstractNum>"
            )
            anchors = root.xpath("./w:numPicBullet | ./w:abstractNum")
            if anchors:
                anchors[-1].addnext(element)
            else:
                root.insert(0, element)
            next_abstract += 1
        for key, definition in numbering.lists.items():
            overrides = ""
            for ilvl in sorted(set(definition.start_override) | set(definition.level_override)):
                start = definition.start_override.get(ilvl)
                level = definition.level_override.get(ilvl)
                overrides += (
                    f'<w:lvlOverride w:ilvl="{ilvl}">'
                    + (f'<w:startOverride w:val="{start}"/>' if start is not None else "")
                    + (_level_xml(ilvl, level) if level is not None else "")
                    + "</w:lvlOverride>"
                )
            element = parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{next_num}">'
                f'<w:abstractNumId w:val="{abstract_ids[definition.abstract]}"/>{overrides}</w:num>'
            )
            nums = root.xpath("./w:num")
            (nums[-1] if nums else root.xpath("./w:abstractNum")[-1]).addnext(element)
            self.ids[key] = next_num
            next_num += 1


def _level_xml(ilvl: int, level: Level) -> str:
    font = (
        '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/></w:rPr>'
        if level.fmt == "bullet"
        else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{level.start}"/><w:numFmt w:val="{level.fmt}"/>'
        f'<w:lvlText w:val="{level.text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>{font}</w:lvl>'
    )


def _write_pieces(document: DocxDocument, pieces: Sequence[Piece], lists: _Lists) -> None:
    for piece in pieces:
        if isinstance(piece, Para):
            align = CENTER if piece.center else None
            paragraph = _paragraph(document, piece.text, bold=piece.bold, italic=piece.italic, align=align,
                                   indent=not piece.center)
            if piece.num is not None:
                key, ilvl = piece.num
                _set_numbering(paragraph, lists.ids[key], ilvl)
        elif isinstance(piece, Grid):
            _write_grid(document, piece)
            document.add_paragraph(style="Normal")  # Word keeps a paragraph after a table
        elif isinstance(piece, TextBox):
            anchor = document.add_paragraph(style="Normal")
            anchor._p.append(_text_box_run(piece, len(document.element.body)))
        elif isinstance(piece, PageBreak):
            if piece.landscape:
                section = document.add_section(WD_SECTION.NEW_PAGE)
                section.orientation = WD_ORIENT.LANDSCAPE
                section.page_width, section.page_height = Cm(29.7), Cm(21)
            else:
                document.add_paragraph(style="Normal").add_run().add_break(WD_BREAK.PAGE)


def _write_grid(document: DocxDocument, grid: Grid) -> None:
    header_rows = 2 if grid.merged_header else 0
    width = len(grid.rows[0])
    table = document.add_table(rows=header_rows + len(grid.rows), cols=width)
    table.style = document.styles["Table Grid"]
    if grid.merged_header:
        top, bottom = grid.merged_header
        for column in range(width):
            upper, lower = top[column], bottom[column]
            if upper and not lower:  # one label over both rows
                cell = table.cell(0, column).merge(table.cell(1, column))
                _fill(cell, [upper], bold=[True])
            elif upper or lower:
                if upper:
                    span_end = column
                    while span_end + 1 < width and not top[span_end + 1] and bottom[span_end + 1]:
                        span_end += 1
                    cell = table.cell(0, column).merge(table.cell(0, span_end)) if span_end > column else None
                    _fill(cell or table.cell(0, column), [upper], bold=[True])
                _fill(table.cell(1, column), [lower], bold=[True])
    for row_index, row in enumerate(grid.rows):
        for column, value in enumerate(row):
            first_row = row_index == 0 and not grid.merged_header
            _fill(table.cell(header_rows + row_index, column), [value], align=CENTER if first_row else LEFT,
                  bold=[first_row])


_DML_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)


def _box_content(box: TextBox) -> str:
    bold = "<w:b/><w:bCs/>" if box.bold else ""
    runs = "".join(
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>{bold}'
        f'<w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{line}</w:t></w:r></w:p>'
        for line in box.paragraphs
    )
    return f"<w:txbxContent>{runs}</w:txbxContent>"


def _text_box_run(box: TextBox, shape_id: int) -> Any:
    """The w:r holding a floating text box, written the way Word writes it."""
    content = _box_content(box)
    lines = sum(1 + len(line) // 60 for line in box.paragraphs)  # 14 pt Times New Roman, ~60 characters a line
    width_emu, height_emu = (1800000, 540000) if lines == 1 else (5400000, 180000 + 330000 * lines)
    width_pt, height_pt = width_emu / 12700, height_emu / 12700
    # A one-line stamp floats over the text; a note pushes the text below it.
    vml_wrap, dml_wrap = ("none", "wrapNone") if lines == 1 else ("topAndBottom", "wrapTopAndBottom")
    vml = (
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="Text Box {shape_id}" o:spid="_x0000_s{1025 + shape_id}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:0;margin-top:0;width:{width_pt:.2f}pt;height:{height_pt:.2f}pt;'
        "z-index:251659264;visibility:visible;mso-position-horizontal:right;"
        'mso-position-horizontal-relative:margin" strokeweight=".5pt">'
        f'<v:textbox>{content}</v:textbox><w10:wrap type="{vml_wrap}"/></v:shape>'
    )
    if box.style == "vml":
        return parse_xml(f'<w:r {_DML_NS}><w:pict>{vml}</w:pict></w:r>')
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width_emu}" cy="{height_emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:{dml_wrap}/><wp:docPr id="{shape_id}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width_emu}" cy="{height_emu}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing>"
    )
    return parse_xml(
        f'<w:r {_DML_NS}><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps">{drawing}'
        f"</mc:Choice><mc:Fallback><w:pict>{vml}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


# Headers -------------------------------------------------------------------------------------------


def header_table_2x2(document: DocxDocument) -> None:
    """Borderless 2×2: body | motto on the first row, "Số: …" | place and date on the second."""
    table = _borderless(document, 2, 2, (Cm(6.5), Cm(9.5)))
    _fill(table.cell(0, 0), BODY_LINES, bold=[False, True])
    _fill(table.cell(0, 1), MOTTO, bold=[True, True])
    _fill(table.cell(1, 0), [NUMBER_LINE])
    _fill(table.cell(1, 1), [PLACE_DATE], italic=True)


def header_table_1x2(document: DocxDocument) -> None:
    """One row, two cells: body lines then "Số: …" on the left; motto then place and date on the right."""
    table = _borderless(document, 1, 2, (Cm(6.5), Cm(9.5)))
    _fill(table.cell(0, 0), [*BODY_LINES, "", NUMBER_LINE], bold=[False, True])
    _fill(table.cell(0, 1), [*MOTTO, "", PLACE_DATE], bold=[True, True])


TYPED_HEADER_TABS = (
    "ỦY BAN NHÂN DÂN\t\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "   TỈNH KON TUM\t\t\t\tĐộc lập - Tự do - Hạnh phúc",
    "Số:      /KH-UBND\t\t\t  Kon Tum, ngày      tháng 7 năm 2024",
)
TYPED_HEADER_SPACES = (
    "ỦY BAN NHÂN DÂN" + " " * 14 + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "   TỈNH KON TUM" + " " * 24 + "Độc lập - Tự do - Hạnh phúc",
    "Số:      /KH-UBND" + " " * 16 + "Kon Tum, ngày      tháng 7 năm 2024",
)


def header_typed(lines: Sequence[str]) -> Callable[[DocxDocument], None]:
    """The header typed as paragraphs, its two columns kept apart with tabs or runs of spaces."""

    def write(document: DocxDocument) -> None:
        for index, line in enumerate(lines):
            _paragraph(document, line, bold=index < 2, indent=False, align=LEFT)

    return write


# Closings ------------------------------------------------------------------------------------------


def closing_table(recipients: Sequence[str] = RECIPIENT_LINES, archive: str = ARCHIVE_LINE,
                  signature: Sequence[str] = SIGNATURE_LINES, *, one_paragraph: bool = False
                  ) -> Callable[[DocxDocument], None]:
    """The 1×2 closing table: "Nơi nhận:" and its items | the signature block.

    ``one_paragraph`` types all recipients and the "Lưu:" line in one paragraph, separated by manual
    line breaks (w:br), as clerks do with Shift+Enter."""

    def write(document: DocxDocument) -> None:
        table = _borderless(document, 1, 2, (Cm(8), Cm(8)))
        left, right = table.cell(0, 0), table.cell(0, 1)
        heading = _cell_paragraph(left, first=True)
        heading.alignment = LEFT
        _add_runs(heading, "Nơi nhận:", bold=True, italic=True)
        lines = [*recipients, archive]
        if one_paragraph:
            paragraph = _cell_paragraph(left, first=False)
            paragraph.alignment = LEFT
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                run.font.size = FONT_SIZE
                if index < len(lines) - 1:
                    run.add_break()
        else:
            for line in lines:
                paragraph = _cell_paragraph(left, first=False)
                paragraph.alignment = LEFT
                _add_runs(paragraph, line)
        _fill(right, signature, bold=[True] * len(signature))

    return write


# Composition ---------------------------------------------------------------------------------------


def compose(path: Path, *, header: Callable[[DocxDocument], None], body: Sequence[Piece],
            closing: Callable[[DocxDocument], None], type_heading: str = TYPE_HEADING, title: Sequence[str] = (TITLE,),
            preamble: Sequence[str] = (*BASES, ANNOUNCEMENT), before_header: Sequence[Piece] = (),
            after_signature: Sequence[Piece] = (), numbering: Numbering | None = None) -> None:
    document = _new_document()
    lists = _Lists(document, numbering)
    _write_pieces(document, before_header, lists)
    header(document)
    _paragraph(document, "", indent=False)
    _paragraph(document, type_heading, bold=True, align=CENTER, indent=False)
    for line in title:
        _paragraph(document, line, bold=True, align=CENTER, indent=False)
    for line in preamble:
        _paragraph(document, line)
    _write_pieces(document, body, lists)
    closing(document)
    document.add_paragraph(style="Normal")  # Word always ends a table with a paragraph after it
    _write_pieces(document, after_signature, lists)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def _kon_tum_expected(body: Sequence[Piece], **changes: Any) -> Expected:
    meta = {**KON_TUM_META, **changes.pop("meta", {})}
    values: dict[str, Any] = {
        "meta": meta, "bases": BASES_EXPECTED, "outline": outline_of(body), "recipients": RECIPIENTS,
        "archive": ARCHIVE, "signature": SIGNATURE,
    }
    values.update(changes)
    return Expected(**values)


def _fixture(name: str, description: str, body: Sequence[Piece] = STANDARD_BODY, *,
             expected: Expected | None = None, after_signature: Sequence[Piece] = (), **compose_args: Any
             ) -> ShapeFixture:
    compose_args.setdefault("header", header_table_2x2)
    compose_args.setdefault("closing", closing_table())

    def build(path: Path) -> None:
        compose(path, body=body, after_signature=after_signature, **compose_args)

    return ShapeFixture(name, description, build, expected or _kon_tum_expected(body), tuple(body),
                        tuple(after_signature))


# --------------------------------------------------------------------------------------------------
# 4. A superior body over the issuer: the Tờ trình of Sở Nội vụ tỉnh Lâm Đồng (corpus/realdocx)
# --------------------------------------------------------------------------------------------------

SNV_BODY_LINES = ("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ")
SNV_NUMBER = "Số:            /TTr-SNV"
SNV_PLACE_DATE = "Lâm Đồng, ngày         tháng 3 năm 2026"
SNV_TITLE = "Về việc giải thể Hiệp hội rau quả Đà Lạt"
SNV_TO = "Chủ tịch UBND tỉnh Lâm Đồng"
SNV_BASES = (
    "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý "
    "hội;",
    "Căn cứ Công văn số 1911/BNV-TCPCP ngày 29/4/2025 của Bộ Nội vụ về việc hướng dẫn một số nội dung liên quan đến "
    "tổ chức, hoạt động của hội, quỹ xã hội, quỹ từ thiện;",
)
SNV_BASES_EXPECTED: tuple[tuple[str | None, ...], ...] = (
    ("Nghị định", "126", "NĐ-CP", "2024", "2024-10-08", "Chính phủ"),
    ("Công văn", "1911", "BNV-TCPCP", None, "2025-04-29", "Bộ Nội vụ"),
)
SNV_PREAMBLE = (
    "Ngày 30/8/2025, Sở Nội vụ nhận được Đơn đề nghị của Hiệp hội rau quả Đà Lạt ngày 20/8/2025 về việc giải thể "
    "Hiệp hội rau quả Đà Lạt; sau khi phối hợp bổ sung hồ sơ, ngày 15/9/2025 Sở Nội vụ ban hành Tờ trình số "
    "300/TTr-SNV đề nghị xem xét, giải thể Hiệp hội rau quả Đà Lạt. Đến nay, Sở Nội vụ chưa nhận được kết quả để "
    "trả hồ sơ thủ tục hành chính cho tổ chức, công dân đề nghị giải thể Hiệp hội rau quả Đà Lạt.",
    "Để tiếp tục thực hiện giải thể hội theo đúng quy định, Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét, giải "
    "thể Hiệp hội rau quả Đà Lạt như sau:",
)
SNV_BODY: tuple[Piece, ...] = (
    typed("1.", "arabic", 1, "Sự cần thiết và cơ sở pháp lý giải thể Hiệp hội rau quả Đà Lạt", bold=True),
    typed("-", "dash", 2,
          "Tại Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương Đảng chỉ đạo: Đồng ý chủ trương "
          "tổ chức chính quyền địa phương 2 cấp: Cấp tỉnh (tỉnh, thành phố trực thuộc Trung ương), cấp xã (xã, "
          "phường, đặc khu trực thuộc tỉnh, thành phố); kết thúc hoạt động của đơn vị hành chính cấp huyện từ ngày "
          "01/7/2025."),
    typed("-", "dash", 2,
          "Tại điểm b khoản 4 Công văn số 1911/BNV-TCPCP hướng dẫn: “Khi đã kết thúc hoạt động của đơn vị hành "
          "chính cấp huyện mà hội, quỹ hoạt động phạm vi huyện chưa hoàn thành việc giải thể thì UBND cấp tỉnh có "
          "trách nhiệm xem xét, giải quyết theo quy định”."),
    plain("Hiện nay, việc trình Chủ tịch UBND tỉnh xem xét, giải thể Hiệp hội rau quả Đà Lạt là đúng thẩm quyền, "
         "cần thiết, phù hợp với việc thực hiện mô hình tổ chức chính quyền địa phương 02 cấp, không còn đơn vị "
         "hành chính cấp huyện và Hiệp hội đã lập hồ sơ tự giải thể theo quy định."),
    typed("2.", "arabic", 1, "Về hồ sơ đề nghị giải thể Hiệp hội rau quả Đà Lạt", bold=True),
    plain("Về hồ sơ đề nghị giải thể Hiệp hội rau quả Đà Lạt đảm bảo theo quy định tại khoản 2 Điều 34 Nghị định số "
         "126/2024/NĐ-CP, cụ thể:"),
    typed("-", "dash", 2, "Có đơn đề nghị giải thể hiệp hội;"),
    typed("-", "dash", 2, "Có Nghị quyết của Ban Chấp hành Hiệp hội rau quả Đà Lạt về đề nghị giải thể hiệp hội;"),
    plain("Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."),
)
SNV_SIGNATURE_LINES = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Nguyễn Đức Vũ")


def header_superior(document: DocxDocument) -> None:
    table = _borderless(document, 2, 2, (Cm(6.5), Cm(9.5)))
    _fill(table.cell(0, 0), SNV_BODY_LINES, bold=[False, True])
    _fill(table.cell(0, 1), MOTTO, bold=[True, True])
    _fill(table.cell(1, 0), [SNV_NUMBER])
    _fill(table.cell(1, 1), [SNV_PLACE_DATE], italic=True)


SUPERIOR = ShapeFixture(
    "superior_body",
    "UBND TỈNH LÂM ĐỒNG over SỞ NỘI VỤ in the header's left cell (a Tờ trình of the Sở)",
    lambda path: compose(
        path, header=header_superior, body=SNV_BODY, type_heading="TỜ TRÌNH", title=(SNV_TITLE,),
        preamble=(f"Kính gửi: {SNV_TO}", *SNV_BASES, *SNV_PREAMBLE),
        closing=closing_table(("- Như trên;", "- Giám đốc Sở (để b/c);"), "- Lưu: VT, TCBC.", SNV_SIGNATURE_LINES),
    ),
    Expected(
        meta={"doc_type": "TỜ TRÌNH", "number": "", "symbol": "TTr-SNV", "issuer": "Sở Nội vụ",
              "superior": "Ủy ban nhân dân tỉnh Lâm Đồng", "level": "province", "place": "Lâm Đồng",
              "date": "2026-03", "title": SNV_TITLE, "campaign": None, "draft": False},
        bases=SNV_BASES_EXPECTED,
        outline=outline_of(SNV_BODY),
        recipients=["Như trên", "Giám đốc Sở (để b/c)"],
        archive="VT, TCBC",
        signature={"authority": None, "delegation": "KT. GIÁM ĐỐC", "position": "PHÓ GIÁM ĐỐC",
                   "name": "Nguyễn Đức Vũ"},
        recipient_to=[SNV_TO],
    ),
    SNV_BODY,
)

# --------------------------------------------------------------------------------------------------
# 5. Automatic numbering: several lists, restarts through startOverride, typed labels between
# --------------------------------------------------------------------------------------------------

RESTART_NUMBERING = Numbering(
    abstracts={
        "arabic": (Level("decimal", "%1."),),
        "arabic_other": (Level("decimal", "%1."),),
        "letter": (Level("lowerLetter", "%1)"),),
        "letter_other": (Level("lowerLetter", "%1)"),),
        "dash": (Level("bullet", "-"),),
    },
    lists={
        "A1": ListDef("arabic"),
        "A2": ListDef("arabic", start_override={0: 1}),  # restarts the shared "arabic" counter
        "A3": ListDef("arabic"),  # same abstract list, no override: Word continues A2's count
        "B1": ListDef("arabic_other"),  # a list of its own: starts at 1
        "L1": ListDef("letter"),
        "L2": ListDef("letter", start_override={0: 1}),
        "L3": ListDef("letter", start_override={0: 1}),
        "L4": ListDef("letter_other"),
        "L5": ListDef("letter", start_override={0: 1}),
        "D1": ListDef("dash"),
    },
)
RESTART_BODY: tuple[Piece, ...] = (
    typed("I.", "roman", 1, "MỤC ĐÍCH, YÊU CẦU", bold=True),
    auto("1.", "arabic", 2, "Mục đích", ("A1", 0)),
    auto("a)", "letter", 3, MUC_DICH_A, ("L1", 0)),
    auto("b)", "letter", 3, MUC_DICH_B, ("L1", 0)),
    auto("2.", "arabic", 2, "Yêu cầu", ("A1", 0)),
    auto("a)", "letter", 3, YEU_CAU_A, ("L2", 0)),
    auto("b)", "letter", 3, YEU_CAU_B, ("L2", 0)),
    auto("c)", "letter", 3, YEU_CAU_C, ("L2", 0)),
    typed("II.", "roman", 1, "NỘI DUNG PHONG TRÀO THI ĐUA", bold=True),
    plain(NOI_DUNG_INTRO),
    auto("1.", "arabic", 2, NOI_DUNG_1, ("A2", 0)),
    auto("2.", "arabic", 2, NOI_DUNG_2, ("A2", 0)),
    auto("3.", "arabic", 2, NOI_DUNG_3, ("A3", 0)),
    typed("III.", "roman", 1, "TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", bold=True),
    auto("1.", "arabic", 2, "Tiêu chí thi đua", ("B1", 0)),
    auto("a)", "letter", 3, TIEU_CHI_SO_NGANH, ("L3", 0)),
    typed("-", "dash", 4, TIEU_CHI_SO_NGANH_DASH),
    auto("b)", "letter", 3, TIEU_CHI_HUYEN_XA, ("L3", 0)),
    typed("-", "dash", 4, TIEU_CHI_HUYEN_XA_DASH),
    auto("2.", "arabic", 2, "Hình thức và tiêu chuẩn khen thưởng", ("B1", 0)),
    auto("a)", "letter", 3, "Hình thức khen thưởng", ("L4", 0)),
    *(auto("-", "dash", 4, award, ("D1", 0)) for award in AWARDS),
    auto("b)", "letter", 3, "Tiêu chuẩn khen thưởng", ("L4", 0)),
    plain(AWARD_STANDARD),
    typed("IV.", "roman", 1, "THỜI GIAN THỰC HIỆN VÀ TRÁCH NHIỆM THỰC HIỆN", bold=True),
    typed("1.", "arabic", 2, THOI_GIAN, run_in=True),
    typed("2.", "arabic", 2, "Trách nhiệm thực hiện"),
    auto("a)", "letter", 3, SO_NOI_VU, ("L5", 0), run_in=True),
    auto("b)", "letter", 3, SO_TTTT, ("L5", 0), run_in=True),
    plain(FINAL),
)

# --------------------------------------------------------------------------------------------------
# 6. w:lvlOverride replacing a level's format
# --------------------------------------------------------------------------------------------------

OVERRIDE_NUMBERING = Numbering(
    abstracts={
        "plan": (Level("upperRoman", "%1."), Level("decimal", "%2."), Level("lowerLetter", "%3)")),
        "letters": (Level("lowerLetter", "%1)"),),
    },
    lists={
        # level 3 of the plan list shows "1.1." instead of "a)"
        "M": ListDef("plan", level_override={2: Level("decimal", "%2.%3.")}),
        # a letter list whose only level is overridden to "1."
        "S": ListDef("letters", level_override={0: Level("decimal", "%1.")}),
    },
)
OVERRIDE_BODY: tuple[Piece, ...] = (
    auto("I.", "roman", 1, "MỤC ĐÍCH, YÊU CẦU", ("M", 0), bold=True),
    auto("1.", "arabic", 2, "Mục đích", ("M", 1)),
    auto("1.1.", "decimal", 3, MUC_DICH_A, ("M", 2)),
    auto("1.2.", "decimal", 3, MUC_DICH_B, ("M", 2)),
    auto("2.", "arabic", 2, "Yêu cầu", ("M", 1)),
    auto("2.1.", "decimal", 3, YEU_CAU_A, ("M", 2)),
    auto("2.2.", "decimal", 3, YEU_CAU_B, ("M", 2)),
    auto("II.", "roman", 1, "NỘI DUNG PHONG TRÀO THI ĐUA", ("M", 0), bold=True),
    plain(NOI_DUNG_INTRO),
    auto("1.", "arabic", 2, NOI_DUNG_1, ("S", 0)),
    auto("2.", "arabic", 2, NOI_DUNG_2, ("S", 0)),
    auto("3.", "arabic", 2, NOI_DUNG_3, ("S", 0)),
    auto("III.", "roman", 1, "THỜI GIAN THỰC HIỆN VÀ TRÁCH NHIỆM THỰC HIỆN", ("M", 0), bold=True),
    auto("1.", "arabic", 2, THOI_GIAN, ("M", 1), run_in=True),
    auto("2.", "arabic", 2, "Trách nhiệm thực hiện", ("M", 1)),
    auto("2.1.", "decimal", 3, SO_NOI_VU, ("M", 2), run_in=True),
    auto("2.2.", "decimal", 3, SO_TTTT, ("M", 2), run_in=True),
    plain(FINAL),
)

# --------------------------------------------------------------------------------------------------
# 7. Text boxes: a "DỰ THẢO" stamp and a note
# --------------------------------------------------------------------------------------------------

DRAFT_STAMP = "DỰ THẢO"
NOTE_IN_BOX = GIAI_PHAP_4  # a sentence of the plan, typed by the clerk in a text box beside item II.2


def _text_box_body(style: str) -> tuple[Piece, ...]:
    at = STANDARD_BODY.index(typed("2.", "arabic", 2, NOI_DUNG_2)) + 1
    return (*STANDARD_BODY[:at], TextBox((NOTE_IN_BOX,), style=style), *STANDARD_BODY[at:])


def _text_box_fixture(style: str) -> ShapeFixture:
    body = _text_box_body(style)
    return _fixture(
        f"text_boxes_{style}",
        f"a DỰ THẢO stamp and a note in {style.upper()} text boxes",
        body,
        expected=_kon_tum_expected(body, meta={"draft": True}),
        before_header=(TextBox((DRAFT_STAMP,), style=style, bold=True),),
    )


# --------------------------------------------------------------------------------------------------
# 8. An appendix after the signature, with task tables
# --------------------------------------------------------------------------------------------------

APPENDIX_LABEL = "PHỤ LỤC"
APPENDIX_TITLE = "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM"
APPENDIX_REF = "Kèm theo Kế hoạch số 125/KH-UBND ngày 22/7/2024 của Ủy ban nhân dân tỉnh Kon Tum"
TASK_HEADER = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm")
TASK_ROWS: tuple[tuple[str, ...], ...] = (
    ("1", "Báo cáo tình hình triển khai thực hiện Phong trào thi đua về Sở Nội vụ",
     "Các sở, ban, ngành, địa phương", "Sở Nội vụ", "30/11/2024", "Báo cáo"),
    ("2", "Báo cáo tình hình triển khai thực hiện Phong trào thi đua về Bộ Nội vụ, Ủy ban nhân dân tỉnh",
     "Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội; Sở Xây dựng", "Tháng 12/2024",
     "Báo cáo của Ủy ban nhân dân tỉnh"),
    ("3", "Tuyên truyền về Phong trào thi đua, giới thiệu gương điển hình tiên tiến, mô hình hay, cách làm mới",
     "Sở Thông tin và Truyền thông", "Ban Tuyên giáo Tỉnh uỷ; Báo Kon Tum; Đài PTTH", "Quý IV/2024",
     "Tin, bài trên các phương tiện thông tin đại chúng"),
)
#: The same facts as responsibilities: (lead, partners, task, deadline text, ISO deadline, product).
TASK_RESPONSIBILITIES: tuple[tuple[Any, ...], ...] = (
    ("Các sở, ban, ngành, địa phương", ["Sở Nội vụ"], TASK_ROWS[0][1], "30/11/2024", "2024-11-30", "Báo cáo"),
    ("Sở Nội vụ", ["Sở Lao động - Thương binh và Xã hội", "Sở Xây dựng"], TASK_ROWS[1][1], "Tháng 12/2024",
     "2024-12", "Báo cáo của Ủy ban nhân dân tỉnh"),
    ("Sở Thông tin và Truyền thông", ["Ban Tuyên giáo Tỉnh uỷ", "Báo Kon Tum", "Đài PTTH"], TASK_ROWS[2][1],
     "Quý IV/2024", "2024-Q4", "Tin, bài trên các phương tiện thông tin đại chúng"),
)
# The second table: "Đơn vị thực hiện" merged over "Chủ trì" | "Phối hợp" (w:gridSpan), the other header
# cells merged down over both header rows (w:vMerge).
MERGED_TOP = ("TT", "Nội dung công việc", "Đơn vị thực hiện", "", "Thời gian thực hiện")
MERGED_BOTTOM = ("", "", "Chủ trì", "Phối hợp", "")
MERGED_ROWS: tuple[tuple[str, ...], ...] = (
    ("1", "Tổ chức Lễ Phát động Phong trào thi đua", "Sở Nội vụ", "Ủy ban MTTQVN tỉnh", "Tháng 7/2024"),
    ("2", "Tổng kết Phong trào thi đua", "Sở Nội vụ", "Sở Xây dựng, Hội đồng Thi đua - Khen thưởng tỉnh",
     "Quý IV/2025"),
)
MERGED_RESPONSIBILITIES: tuple[tuple[Any, ...], ...] = (
    ("Sở Nội vụ", ["Ủy ban MTTQVN tỉnh"], MERGED_ROWS[0][1], "Tháng 7/2024", "2024-07", None),
    ("Sở Nội vụ", ["Sở Xây dựng", "Hội đồng Thi đua - Khen thưởng tỉnh"], MERGED_ROWS[1][1], "Quý IV/2025", "2025-Q4",
     None),
)
APPENDIX_PIECES: tuple[Piece, ...] = (
    PageBreak(landscape=True),
    plain(APPENDIX_LABEL, bold=True, center=True),
    plain(APPENDIX_TITLE, bold=True, center=True),
    plain(f"({APPENDIX_REF})", italic=True, center=True),
    Grid((TASK_HEADER, *TASK_ROWS)),
    Grid(MERGED_ROWS, merged_header=(MERGED_TOP, MERGED_BOTTOM)),
)

# --------------------------------------------------------------------------------------------------
# 9. Clerks' numbering slips
# --------------------------------------------------------------------------------------------------

SLIPS_BODY: tuple[Piece, ...] = (
    typed("I.", "roman", 1, "MỤC ĐÍCH, YÊU CẦU", bold=True),
    typed("1.", "arabic", 2, "Mục đích"),
    typed("a)", "letter", 3, MUC_DICH_A),
    typed("b)", "letter", 3, MUC_DICH_B),
    typed("II.", "roman", 1, "NỘI DUNG PHONG TRÀO THI ĐUA", bold=True),
    plain(NOI_DUNG_INTRO),
    typed("1.", "arabic", 2, NOI_DUNG_1),
    typed("2.", "arabic", 2, NOI_DUNG_2),
    typed("III.", "roman", 1, "TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", bold=True),
    typed("1.", "arabic", 2, "Tiêu chí thi đua"),
    typed("a)", "letter", 3, TIEU_CHI_SO_NGANH),
    typed("b)", "letter", 3, TIEU_CHI_HUYEN_XA),
    typed("d)", "letter", 3, TIEU_CHI_DOANH_NGHIEP),  # "c)" skipped
    plain(TIEU_CHI_DOANH_NGHIEP_TEXT),
    typed("IV.", "roman", 1, "GIẢI PHÁP THỰC HIỆN", bold=True),
    typed("1.", "arabic", 2, GIAI_PHAP_1),
    typed("2.", "arabic", 2, GIAI_PHAP_2),
    typed("3.", "arabic", 2, GIAI_PHAP_3),
    typed("1.", "arabic", 2, GIAI_PHAP_4),  # "1." typed after "3."
    typed("IV.", "roman", 1, "THỜI GIAN THỰC HIỆN VÀ TRÁCH NHIỆM THỰC HIỆN", bold=True),  # "IV." again
    typed("1.", "arabic", 2, THOI_GIAN, run_in=True),
    typed("2.", "arabic", 2, "Trách nhiệm thực hiện"),
    typed("a)", "letter", 3, SO_NOI_VU, run_in=True),
    typed("b)", "letter", 3, SO_TTTT, run_in=True),
    plain(FINAL),
)
#: (code, label of the item that slipped) of each warning the slips call for.
SLIP_WARNINGS = (("numbering_gap", "d"), ("numbering_gap", "1"), ("numbering_repeat", "IV"))

# --------------------------------------------------------------------------------------------------
# 10. A data table in the body
# --------------------------------------------------------------------------------------------------

SCHEDULE_ROWS: tuple[tuple[str, ...], ...] = (
    ("STT", "Nội dung", "Thời gian"),
    ("1", "Tổ chức Lễ Phát động Phong trào thi đua", "Tháng 7 năm 2024"),
    ("2", "Báo cáo tình hình triển khai thực hiện Phong trào thi đua về Sở Nội vụ", "Trước ngày 30 tháng 11 năm 2024"),
    ("3", "Báo cáo tình hình triển khai thực hiện Phong trào thi đua về Bộ Nội vụ, Ủy ban nhân dân tỉnh",
     "Tháng 12 năm 2024"),
    ("4", "Tổng kết Phong trào thi đua", "Cuối năm 2025"),
)
SCHEDULE_HEADING = Heading("1", "arabic", 2, "Thời gian thực hiện")


def _body_with_table() -> tuple[Piece, ...]:
    at = STANDARD_BODY.index(typed("1.", "arabic", 2, THOI_GIAN, run_in=True))
    replaced = (
        Para("1. Thời gian thực hiện", SCHEDULE_HEADING, shown="1."),
        plain(THOI_GIAN_TEXT),
        Grid(SCHEDULE_ROWS),
    )
    return (*STANDARD_BODY[:at], *replaced, *STANDARD_BODY[at + 1 :])


# --------------------------------------------------------------------------------------------------
# The fixtures
# --------------------------------------------------------------------------------------------------

_TYPED_HEADER_META = {"number": "", "date": "2024-07"}

FIXTURES: tuple[ShapeFixture, ...] = (
    _fixture("header_table_2x2", "header in a borderless 2×2 table"),
    _fixture("header_table_1x2", "header in one row of two cells, each cell holding several lines",
             header=header_table_1x2),
    _fixture("header_typed_tabs", "header typed as paragraphs, columns kept apart with tabs; number and day blank",
             header=header_typed(TYPED_HEADER_TABS),
             expected=_kon_tum_expected(STANDARD_BODY, meta=_TYPED_HEADER_META)),
    _fixture("header_typed_spaces", "header typed with runs of spaces; number and day blank",
             header=header_typed(TYPED_HEADER_SPACES),
             expected=_kon_tum_expected(STANDARD_BODY, meta=_TYPED_HEADER_META)),
    SUPERIOR,
    _fixture("numbering_restarts", "several automatic lists; restarts through lvlOverride/startOverride; "
             "typed labels between", RESTART_BODY, numbering=RESTART_NUMBERING),
    _fixture("numbering_format_override", "lvlOverride replacing a level's format ('a)' → '1.', 'a)' → '1.1.')",
             OVERRIDE_BODY, numbering=OVERRIDE_NUMBERING),
    _text_box_fixture("dml"),
    _text_box_fixture("vml"),
    _fixture("appendix_task_tables", "PHỤ LỤC after the signature with two task tables",
             after_signature=APPENDIX_PIECES),
    _fixture("numbering_slips", "a repeated Roman numeral, a skipped letter, '1.' after '3.'", SLIPS_BODY),
    _fixture("body_table", "a data table under a section of the body", _body_with_table()),
    _fixture("closing_one_paragraph", "Nơi nhận items in one paragraph separated by line breaks",
             closing=closing_table(one_paragraph=True)),
    _fixture("closing_blank_name", "a draft's signature block with the name left blank",
             closing=closing_table(signature=SIGNATURE_LINES[:-1] + ("", "")),
             expected=_kon_tum_expected(STANDARD_BODY, signature={**SIGNATURE, "name": None})),
)
BY_NAME = {fixture.name: fixture for fixture in FIXTURES}


def build_all(out_dir: Path) -> dict[str, Path]:
    """Write every fixture to ``out_dir/<name>.docx``."""
    built = {}
    for fixture in FIXTURES:
        path = out_dir / f"{fixture.name}.docx"
        fixture.build(path)
        built[fixture.name] = path
    return built


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python tests/shape_fixtures.py OUT_DIR", file=sys.stderr)
        return 2
    for path in build_all(Path(args[0])).values():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
