"""The extractor against the hand annotations (corpus/annotations/extraction), and unit tests of
the recognisers on real sentences of the corpus."""

from __future__ import annotations

import pytest
from extraction_score import (
    NON_PLAN_FOLDERS,
    PLAN_FOLDERS,
    ROOT,
    Score,
    extraction_annotations,
    load,
    score,
)

from drafting import parse_file
from drafting.nlp.agencies import find_agencies
from drafting.nlp.pipeline import analyse, spans
from drafting.nlp.subjects import opens_with_body, subject
from drafting.nlp.temporal import find_times

from conftest import SEEDS

# Issue 3's bar on the annotated plans (python tools/score_extraction.py prints the figures).
TARGETS = {"agency_precision": 0.95, "agency_recall": 0.95, "deadline_dates": 1.0, "deadline_date_precision": 0.95,
           "criteria_groups": 1.0, "award_forms": 1.0,
           # not in the bar, measured: roles 0.965, partners 0.865 / 0.885, criteria items 0.94, award
           # precision 0.94, timeline bounds 0.98 (one end an annotator inferred from targets), milestones 1.0 / 1.0
           "roles": 0.95, "partner_precision": 0.85, "partner_recall": 0.85, "criteria_items": 0.9,
           "award_precision": 0.9,
           "timeline_bounds": 0.95, "milestone_recall": 1.0, "milestone_precision": 0.95}
# Real Word files that give work but are no plans (Công văn, Thông báo kết luận, a Báo cáo), annotated as a
# check on another family of documents; measured 0.92 / 0.885 agencies, 0.88 dated deadlines entry by entry:
# floors, not targets.
NON_PLAN_FLOORS = {"agency_precision": 0.9, "agency_recall": 0.85, "deadline_dates": 0.85}  # no timelines there


def _total(folders: tuple[str, ...]) -> dict[str, float | None]:
    total = Score()
    for path in extraction_annotations(folders):
        annotation = load(path)
        total.add(score(parse_file(ROOT / "corpus" / annotation["file"]), annotation))
    return total.figures()


def test_every_plan_has_an_extraction_annotation() -> None:
    annotated = {load(p)["file"] for p in extraction_annotations(PLAN_FOLDERS)}
    wild = sorted((ROOT / "corpus" / "wild").glob("[0-9a-f]*.md"))
    plans = {str(p.relative_to(ROOT / "corpus")) for p in SEEDS + wild}
    assert annotated == plans


def test_extraction_meets_the_targets_on_the_plans() -> None:
    figures = _total(PLAN_FOLDERS)
    assert {k: figures[k] for k in TARGETS if figures[k] is None or figures[k] < TARGETS[k]} == {}, figures


def test_extraction_on_word_files_that_are_no_plans() -> None:
    figures = _total(NON_PLAN_FOLDERS)
    low = {k: figures[k] for k in NON_PLAN_FLOORS if figures[k] is None or figures[k] < NON_PLAN_FLOORS[k]}
    assert low == {}, figures


@pytest.mark.parametrize(
    ("sentence", "agencies"),
    [
        ("Phòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với các cơ quan, đơn vị, địa phương liên quan:",
         ["Phòng Lao động - Thương binh và Xã hội"]),
        ("Phòng Nội vụ (Thường trực Hội đồng Thi đua - Khen thưởng huyện) chủ trì, phối hợp với Phòng Lao động",
         ["Phòng Nội vụ (Thường trực Hội đồng Thi đua - Khen thưởng huyện)", "Phòng Lao động"]),
        ("Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam huyện tham mưu Ủy ban nhân dân huyện",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Ủy ban nhân dân huyện"]),
        ("Sở Văn hóa, Thể thao và Du lịch: Tiếp tục chỉ đạo các cơ quan truyền thông",
         ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Trung tâm Văn hóa - Truyền thanh - Truyền hình thị xã, Cổng Thông tin điện tử huyện mở chuyên trang",
         ["Trung tâm Văn hóa - Truyền thanh - Truyền hình thị xã", "Cổng Thông tin điện tử huyện"]),
        ("Ban Tuyên giáo Huyện ủy chỉ đạo", ["Ban Tuyên giáo Huyện ủy"]),
        ("UBND các xã, thị trấn tổ chức phát động", ["UBND các xã, thị trấn"]),
        ("Ban Chỉ huy Bộ đội Biên phòng thành phố phối hợp", ["Ban Chỉ huy Bộ đội Biên phòng thành phố"]),
    ],
)
def test_agencies_in_corpus_sentences(sentence: str, agencies: list[str]) -> None:
    assert [a.text for a in find_agencies(sentence)] == agencies


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("báo cáo kết quả về Phòng Nội vụ trước ngày 10 tháng 11", 2022, [("DEADLINE", "2022-11-10")]),
        ("chậm nhất ngày 30/12/2025", None, [("DEADLINE", "2025-12-30")]),
        ("tổng kết Phong trào thi đua vào quý I năm 2026", None, [("DEADLINE", "2026-Q1")]),
        ("báo cáo kết quả Ủy ban nhân dân tỉnh trong tháng 11/2025", None, [("DEADLINE", "2025-11")]),
        ("gửi về Sở Nội vụ trước 05/11/2024", None, [("DEADLINE", "2024-11-05")]),
        ("Hằng năm, các phòng, ban báo cáo; khi có yêu cầu", None, [("PERIOD", None), ("PERIOD", None)]),
        ("Quyết định số 539/QĐ-TTg ngày 19 tháng 6 năm 2024", None, [("DATE", "2024-06-19")]),
    ],
)
def test_times(text: str, year: int | None, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.label, t.value) for t in find_times(text, year)] == expected


def test_pipeline_labels_spans_with_positions() -> None:
    text = ("Giấy khen của Chủ tịch UBND huyện: 05 tập thể và 05 cá nhân, báo cáo về Phòng Nội vụ "
            "trước ngày 25/11/2024 theo Quyết định số 840/QĐ-UBND ngày 11/7/2024 của tỉnh Ninh Thuận")
    found = {(s.label_, s.text) for s in spans(analyse(text))}
    assert {("AGENCY", "UBND huyện"), ("QUANTITY", "05 tập thể"), ("QUANTITY", "05 cá nhân"),
            ("AGENCY", "Phòng Nội vụ"), ("DEADLINE", "trước ngày 25/11/2024"),
            ("LEGAL_REF", "Quyết định số 840/QĐ-UBND ngày 11/7/2024"), ("UNIT", "tỉnh Ninh Thuận")} <= found


def test_seed_000_extraction() -> None:
    """Ninh Hải's plan: the criteria groups, the three award forms with the district's quota, the
    leading office and its deadlines, the timeline."""
    plan = parse_file(SEEDS[0])
    assert [c["target"] for c in plan.criteria][:3] == [
        "các cơ quan, đơn vị cấp huyện", "các địa phương", "Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên"
    ]
    award = next(a for a in plan.awards if a["form"].startswith("Giấy khen"))
    assert (award["level"], award["quota"]) == ("district", {"collectives": 5, "individuals": 5})
    labour = next(r for r in plan.responsibilities if r["agency"] == "Phòng Lao động - Thương binh và Xã hội")
    assert labour["role"] == "lead"
    assert [d["date"] for d in labour["deadlines"]] == ["2025-Q1", "2026-Q1"]
    assert (plan.timeline["start"], plan.timeline["end"]) == ("2024-07", "2025")


@pytest.mark.parametrize(
    ("text", "heading", "expected"),
    [
        # wild/689f49d25e51cbaa.md V.7: a heading that names a group and nothing else keeps its qualifiers
        ("Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, logistics và công nghệ thông tin "
         "trên địa bàn Tỉnh", True,
         "Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, logistics và công nghệ thông tin "
         "trên địa bàn Tỉnh"),
        # wild/ceb89a53c7b93f00.md IV.5
        ("Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp", True,
         "Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp"),
        # wild/192068354fd1ffe5.md VI.1: a sentence ends its subject at the predicate
        ("Các sở, ban, ngành, Ủy ban nhân dân xã, phường định kỳ kiểm tra, đánh giá tình hình thực hiện", False,
         "Các sở, ban, ngành, Ủy ban nhân dân xã, phường"),
        # wild/24c7124ec6b2bf61.md: "các tổ chức thành viên" is a noun, the second "tổ chức" the verb
        ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên, Thủ trưởng sở, ban, ngành thành phố "
         "và Chủ tịch Ủy ban nhân dân xã, phường tổ chức quán triệt sâu rộng Chương trình", False,
         "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên, Thủ trưởng sở, ban, ngành thành phố "
         "và Chủ tịch Ủy ban nhân dân xã, phường"),
        # wild/09daab284f92e2dd.md: a ";" followed by another body continues the group
        ("người đứng đầu cấp ủy; thủ trưởng cơ quan, đơn vị, địa phương trực tiếp chỉ đạo và chịu trách nhiệm",
         False, "người đứng đầu cấp ủy; thủ trưởng cơ quan, đơn vị, địa phương"),
        # wild/bffd9da6f0d38031.md VI.2: a qualifier after the group, then the role word
        ("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm thường xuyên phối hợp",
         False, "Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này"),
        # seeds/001: "tham gia" before a capital belongs to the group (the clerk's "Khởi" kept)
        ("Thủ trưởng các phòng, ban, ngành, đoàn thể huyện, Chủ tịch Ủy ban nhân dân các xã, thị trấn, các đơn vị "
         "tham gia Khởi thi đua thuộc huyện căn cứ chức năng, nhiệm vụ", False,
         "Thủ trưởng các phòng, ban, ngành, đoàn thể huyện, Chủ tịch Ủy ban nhân dân các xã, thị trấn, các đơn vị "
         "tham gia Khởi thi đua thuộc huyện"),
        # seeds/004: a capital typed where the predicate begins ("huyện Mở chuyên trang")
        ("Trung tâm Văn hoá-Thể thao và Truyền thanh, Cổng Thông tin điện tử huyện Mở chuyên trang, chuyên mục",
         False, "Trung tâm Văn hoá-Thể thao và Truyền thanh, Cổng Thông tin điện tử huyện"),
        # wild/bffd9da6f0d38031.md V.12: the subject ends at ":"
        ("Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông, Tân Phú Đông", True, "Ủy ban nhân dân các xã"),
    ],
)
def test_subjects_of_corpus_items(text: str, heading: bool, expected: str) -> None:
    assert opens_with_body(text)
    assert subject(text, heading=heading) == expected


@pytest.mark.parametrize(
    "text",
    ["báo cáo kết quả về Sở Nội vụ", "tổ chức Đoàn giám sát tình hình", "cấp trên khen thưởng đối với tập thể",
     "Trường hợp cần thiết, Sở Nội vụ thực hiện báo cáo chuyên đề", "ban hành văn bản hướng dẫn"],
)
def test_words_that_open_no_body(text: str) -> None:
    assert not opens_with_body(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wild/bffd9da6f0d38031.md: a year that closes a task is a limit; a document's or a target's is not
        ("thành lập mới khu bảo vệ nguồn lợi thủy sản, phục hồi hệ sinh thái biển đến năm 2030.", ["2030"]),
        ("Tiếp tục triển khai thực hiện Kế hoạch 310/KH-UBND ngày 21/8/2024 của Ủy ban nhân dân tỉnh về phát triển "
         "nuôi trồng thủy sản trên biển tỉnh đến năm 2030;", []),
        # wild/f069c23c942c1ec6.md
        ("phấn đấu đạt 20% xã, phường “không ma túy” năm 2025, bảo đảm đến hết năm 2030 đạt 50% địa bàn cấp xã", []),
        # wild/192068354fd1ffe5.md: the year of a report
        ("Báo cáo giữa kỳ thực hiện Kế hoạch (năm 2030) và báo cáo tổng kết thực hiện Kế hoạch (năm 2035)",
         ["2030", "2035"]),
        # wild/8718801c503045f9.md: a second date joined to a deadline
        ("định kỳ trước ngày 01/6 và 15/11 hằng năm báo cáo kết quả", ["2025-06-01", "2025-11-15"]),
        # wild/bffd9da6f0d38031.md: the end of a reporting period is no limit
        ("Thời gian báo cáo định kỳ hàng năm tính từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 "
         "của kỳ báo cáo.", []),
    ],
)
def test_year_limits(text: str, expected: list[str]) -> None:
    assert [t.value for t in find_times(text, 2025) if t.label == "DEADLINE"] == expected


def test_giao_line_takes_the_items_below_it() -> None:
    """vbai_TB_ketluan_hoinghi_CCHC.docx: "4. Về cải cách tài chính công / Giao Sở Tài chính: / a) … c) … trong
    năm 2026": the deadline of c) is Sở Tài chính's."""
    plan = parse_file(ROOT / "corpus" / "realdocx" / "vbai_TB_ketluan_hoinghi_CCHC.docx")
    finance = next(r for r in plan.responsibilities if r["agency"] == "Sở Tài chính")
    assert [d["date"] for d in finance["deadlines"]] == ["2026"]
    assert len(finance["tasks"]) == 3


def test_sub_items_headed_by_bodies_are_entries_with_their_own_limits() -> None:
    """seeds/000 V.2 h): Phòng Nội vụ's item holds "- Phòng Nội vụ chủ trì, phối hợp … vào quý I năm năm 2026":
    the dash is an entry of its own and the limit is its, not also h)'s."""
    plan = parse_file(SEEDS[0])
    home = [r for r in plan.responsibilities if r["agency"] == "Phòng Nội vụ"]
    assert [[d["date"] for d in r["deadlines"]] for r in home] == [[], ["2026-Q1"]]


def test_award_forms_sharing_words() -> None:
    """seeds/002 and 001: "Bằng khen, Giấy khen của …" is one form; "Giấy khen của Chủ tịch UBND huyện, Chủ tịch
    UBND xã, thị trấn" two."""
    forms_002 = [a["form"] for a in parse_file(SEEDS[2]).awards]
    shared = "Bằng khen, Giấy khen của các cơ quan, đơn vị, địa phương có thẩm quyền khen thưởng theo quy định"
    assert shared in forms_002
    forms_001 = [a["form"] for a in parse_file(SEEDS[1]).awards]
    assert forms_001[-2:] == ["Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
                              "Giấy khen của Chủ tịch Ủy ban nhân dân xã, thị trấn"]


@pytest.mark.parametrize(
    ("file", "bounds", "whens"),
    [
        # "V. TIẾN ĐỘ THỰC HIỆN": "Quý IV năm 2022", "Năm 2023", "Năm 2025" steps give the bounds too
        ("seeds/001_50c550435df98776.txt", ("2022-Q4", "2025"), ["2022-Q4", "2023", "2025"]),
        # "II. MỤC TIÊU VÀ THỜI GIAN": its "Thời gian thi đua: Từ ngày ban hành … đến hết ngày 31/12/2025" part
        ("seeds/004_e300a82923f1de4c.txt", (None, "2025-12-31"), []),
        # "III. LỘ TRÌNH": "Giai đoạn 2025 - 2030", "Giai đoạn 2031 - 2035"
        ("wild/192068354fd1ffe5.md", ("2025", "2035"), ["2030", "2035"]),
        # no timeline section: the title's "GIAI ĐOẠN 2026 - 2030"
        ("wild/ad5aff6c13929815.md", ("2026", "2030"), []),
        # no period at all: the tasks' "Thời gian thực hiện: Năm 2025 và các năm tiếp theo" start it
        ("wild/2f6f80b9918e52de.md", ("2025", None), []),
        # "… từ tháng 10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào tháng 4 năm 2026."
        ("wild/2957e4f4f0e41373.md", ("2025-10", "2026-03"), ["2026-04", "2026-03-31"]),
    ],
)
def test_timelines(file: str, bounds: tuple[str | None, str | None], whens: list[str]) -> None:
    timeline = parse_file(ROOT / "corpus" / file).timeline
    assert (timeline["start"], timeline["end"]) == bounds
    assert [m["when"] for m in timeline["milestones"]] == whens


def test_a_report_has_no_timeline() -> None:
    """vbai_BC_CCHC_nam2025_LamDong.docx: a Báo cáo's "tiến độ" is what it reports on, not a plan's period."""
    timeline = parse_file(ROOT / "corpus" / "realdocx" / "vbai_BC_CCHC_nam2025_LamDong.docx").timeline
    assert timeline == {"start": None, "end": None, "milestones": []}


def test_role_of_a_heading_from_its_tasks() -> None:
    """wild/31786b0833a4130d.md V: "4. Các Sở, ban, ngành của Thành phố, UBND phường, xã" whose tasks all open
    "Phối hợp …" assists; "3. Sở Tài chính", which also "Chủ trì, phối hợp …", leads."""
    plan = parse_file(ROOT / "corpus" / "wild" / "31786b0833a4130d.md")
    roles = {r["agency"]: r["role"] for r in plan.responsibilities if r["source"]["section"] in ("3", "4")}
    assert roles == {"Sở Tài chính": "lead", "Các Sở, ban, ngành của Thành phố, UBND phường, xã": "assist"}



_ISO = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$"


@pytest.mark.parametrize("folder", ["seeds", "wild", "realdocx"])
def test_extraction_keeps_the_json_contract(folder: str) -> None:
    """shared/spec/plan-json.md: the contract's keys with their types, no working keys ("_read_from"),
    dates ISO, a year, a month or a quarter, and a timeline that does not end before it starts."""
    import re

    for path in sorted((ROOT / "corpus" / folder).glob("*")):
        if path.suffix not in (".txt", ".md", ".docx", ".doc", ".pdf") or path.name.isupper() or path.stem == "INDEX":
            continue
        data = parse_file(path).to_dict()
        for entry in data["responsibilities"]:
            assert set(entry) == {"agency", "role", "partners", "tasks", "deadlines", "source"}, path.name
            assert entry["role"] in ("lead", "assist") and all(isinstance(p, str) for p in entry["partners"])
            assert all(d["date"] is None or re.match(_ISO, d["date"]) for d in entry["deadlines"]), path.name
        timeline = data["timeline"]
        assert set(timeline) == {"start", "end", "milestones"}
        assert all(set(m) == {"when", "what", "source"} for m in timeline["milestones"]), path.name
        bounds = [b for b in (timeline["start"], timeline["end"]) if b]
        assert all(re.match(_ISO, b) for b in bounds) and bounds == sorted(bounds, key=lambda b: b[:7]), path.name


def test_task_fields_are_no_entries_and_no_timeline() -> None:
    """wild/2f6f80b9918e52de.md II writes each task as fields ("- Cơ quan chủ trì: Sở Nội vụ, Sở …",
    "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo"): no responsibility is read from a field label, and
    the fields' years are not milestones of the plan."""
    plan = parse_file(ROOT / "corpus" / "wild" / "2f6f80b9918e52de.md")
    assert not [r for r in plan.responsibilities if r["agency"].lower().startswith(("cơ quan chủ trì", "cơ quan"))
                and len(r["agency"].split()) <= 3]
    assert plan.timeline["milestones"] == []
