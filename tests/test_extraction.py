"""The extractor against the hand annotations (corpus/annotations/extraction), and unit tests of
the recognisers on real sentences of the corpus."""

from __future__ import annotations

import pytest
from extraction_score import ROOT, Score, extraction_annotations, load, score

from drafting import parse_file
from drafting.nlp.agencies import find_agencies
from drafting.nlp.pipeline import analyse, spans
from drafting.nlp.temporal import find_times

from conftest import SEEDS

# Measured on the annotated corpus (python tools/score_extraction.py); the targets are 0.95
# for agencies and 1.0 for deadline dates — these floors only stop a regression.
FLOORS = {"agency_precision": 0.875, "agency_recall": 0.75, "deadline_dates": 0.79, "criteria_groups": 0.93,
          "award_forms": 0.87}


def test_every_plan_has_an_extraction_annotation() -> None:
    annotated = {load(p)["file"] for p in extraction_annotations()}
    wild = sorted((ROOT / "corpus" / "wild").glob("[0-9a-f]*.md"))
    plans = {str(p.relative_to(ROOT / "corpus")) for p in SEEDS + wild}
    assert annotated == plans


def test_extraction_scores_do_not_regress() -> None:
    total = Score()
    for path in extraction_annotations():
        annotation = load(path)
        total.add(score(parse_file(ROOT / "corpus" / annotation["file"]), annotation))
    figures = total.figures()
    assert {k: v for k, v in figures.items() if v < FLOORS[k]} == {}, figures


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
