"""Where does the subject of a sentence end? Compares the lexicon of drafting/data/subjects.json with
underthesea's part-of-speech tags (the subject ends before the first lower-case verb outside a gazetteer
name), scored against the hand annotations: python tools/compare_subject_boundaries.py

Measured 2026-12-01: lexicon 0.992 / 0.985 (precision / recall of agencies) on the plans and 0.92 / 0.885 on
the Word files that are no plans; underthesea's first verb 0.792 / 0.786 and 0.62 / 0.596; the earlier of the
two 0.873 / 0.863 and 0.88 / 0.846, at about 5 ms a sentence. Verbs that qualify a group ("các doanh nghiệp
hoạt động trong lĩnh vực …", "các đơn vị tham gia Khối thi đua") and names the tagger reads as verbs
("Văn hoá-Thể thao", "Cổng Thông tin") make the tags worse than the word lists, so the lexicon decides.
underthesea is a dev dependency for this comparison and benchmarks/bench_nlp.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extraction_score import NON_PLAN_FOLDERS, PLAN_FOLDERS, Score, extraction_annotations, load, score  # noqa: E402

import drafting.nlp.responsibilities as responsibilities  # noqa: E402
import drafting.nlp.subjects as subjects  # noqa: E402
from drafting import parse_file  # noqa: E402

LEXICON = subjects.subject


def first_verb(text: str, *, heading: bool) -> str:
    """The subject up to underthesea's first lower-case verb outside a gazetteer name."""
    from underthesea import pos_tag

    if heading:
        return LEXICON(text, heading=True)
    protected = subjects._protected(text)
    position = 0
    for index, (word, tag) in enumerate(pos_tag(text[:300])):
        start = text.find(word, position)
        if start < 0:
            break
        position = start + len(word)
        if index and tag == "V" and word[:1].islower() and not subjects._inside(start, protected):
            return text[:start].strip(" ,;:-–")
    return LEXICON(text, heading=False)


def earlier(text: str, *, heading: bool) -> str:
    return min(LEXICON(text, heading=heading), first_verb(text, heading=heading), key=len)


def figures(boundary: Callable[..., str], folders: tuple[str, ...]) -> dict[str, float]:
    responsibilities.subject = boundary  # the extractor reads subjects through this name
    total = Score()
    for path in extraction_annotations(folders):
        annotation = load(path)
        total.add(score(parse_file(ROOT / "corpus" / annotation["file"]), annotation))
    responsibilities.subject = LEXICON
    found = total.figures()
    return {key: found[key] for key in ("agency_precision", "agency_recall")}


for name, boundary in (("lexicon", LEXICON), ("underthesea first verb", first_verb), ("earlier of both", earlier)):
    print(f"{name:24} plans {figures(boundary, PLAN_FOLDERS)}  other files {figures(boundary, NON_PLAN_FOLDERS)}")
