"""A cited document read whole: the name of a law cited by name, its year, and what the document is about.

`bases.describe` finds type, number, symbol, date and issuer; this module adds the rest a reviewer reads:
"Luật Thủy sản năm 2017" → name "Luật Thủy sản", year 2017; "… của Thủ tướng Chính phủ về việc phê duyệt
Đề án …" → subject "phê duyệt Đề án …". Words that end a name or a subject live in ``data/vocabulary.json``
(``cited_name_ends``, ``cited_subject_ends``).
"""

from __future__ import annotations

import re
from functools import cache

from drafting.data_files import load

_LEADING_DATE = re.compile(
    r"(?i)^ngày\s+(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*")
_YEAR_AFTER_NAME = re.compile(r"^\s*,?\s*năm\s+(?P<year>(?:19|20)\d{2})(?!\d)")


@cache
def _name_end() -> re.Pattern[str]:
    ends = "|".join(load("vocabulary")["cited_name_ends"])
    # A comma ends a name only before a capital or a digit: "Luật Phòng, chống ma túy" is one name.
    return re.compile(rf"\s+(?:{ends})\b|\s*[;(:“\"]|,\s*(?=[A-ZĐÀ-Ỹ0-9])|\.(?:\s|$)|\s*$")


@cache
def _subject_end() -> re.Pattern[str]:
    ends = "|".join(load("vocabulary")["cited_subject_ends"])
    return re.compile(rf"(?:{ends})")


def name_of(doc_type: str, after_type: str) -> tuple[str | None, str | None]:
    """("Luật Thủy sản", "2017") from the type and what follows it ("Thủy sản năm 2017; …").

    Only a document cited by its name has one: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" has
    both a name and a number; "Nghị quyết số 202/2025/QH15" has none."""
    text = after_type.strip()
    if not text or re.match(r"(?i)(?:số\b|\d)", text):
        return None, None
    if re.match(r"sửa đổi|bổ sung", text):  # "Luật sửa đổi, bổ sung một số điều của Luật …": the name goes on
        words = re.match(r"[^;(]*?của\s+\S+\s+", text)
        rest = text[words.end() :] if words else text
        end = _name_end().search(rest)
        name = text[: len(text) - len(rest) + (end.start() if end else len(rest))]
    else:
        end = _name_end().search(text)
        name = text[: end.start()] if end else text
    name = name.strip(" ,")
    if not name or not name[0].isupper() and not name.startswith(("sửa đổi", "bổ sung")):
        return None, None
    year = _YEAR_AFTER_NAME.match(text[len(name) :])
    return f"{doc_type} {name}", year.group("year") if year else None


def subject_of(tail: str) -> str | None:
    """What the cited document is about: the words after "về" / "về việc" (or the verb that opens them,
    "quy định …", "phê duyệt …"), up to where the citation ends (a ";", "(sau đây gọi tắt …)", "được sửa
    đổi, bổ sung bởi …", the body that acts on it: ", UBND tỉnh ban hành …").

    ``tail`` is what follows the issuer (or the date, or the number). When it does not open the subject
    ("…, Chủ nhiệm Văn phòng Chính phủ hướng dẫn …": an issuer cut at its comma) the first "về" or verb of
    the vocabulary's issuer stops opens it."""
    text = tail.strip()
    if re.match(r"(?:và|,)\s", text) and _starts_document(text):
        return None  # "… của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/…": the next document, not a subject
    text = re.sub(r"^,?\s*(?:\((?:nay|trước đây)[^)]*\)\s*)?", "", text)  # "(nay là Bộ …)"
    text = _LEADING_DATE.sub("", text)  # "… của Thủ tướng Chính phủ ngày 31/3/2022 phê duyệt …"
    if _subject_end().match(" " + text):
        return None  # "… được sửa đổi, bổ sung bởi Luật số …": amendments follow, no subject is said
    subject = _subject_from(text)
    if subject is None:
        stop = _subject_start().search(text[:160])
        subject = _subject_from(text[stop.start() :]) if stop else None
    return subject


def _subject_from(text: str) -> str | None:
    text = re.sub(r"^[“\"]\s*", "", text.strip())
    about = re.match(r"(?i)về\s+việc\s+|về\s+", text)
    text = text[about.end() :] if about else text
    if not text or not (about or text[0].islower() or text[0] in "“\""):
        return None
    end = _subject_end().search(" " + text)  # an end word may open the tail: "được sửa đổi, bổ sung bởi …"
    subject = text[: max(end.start() - 1, 0)] if end else text
    subject = subject.strip().rstrip(";.,:*").strip()
    if subject.count("“") > subject.count("”"):
        subject = subject.replace("“", "", 1)
    if subject.count("”") > subject.count("“"):
        subject = subject[::-1].replace("”", "", 1)[::-1]
    subject = re.sub(r"^[“\"](.*)[”\"]$", r"\1", subject).strip()
    return subject or None


@cache
def _subject_start() -> re.Pattern[str]:
    stops = "|".join(re.escape(s) for s in sorted(load("vocabulary")["issuer_stops"], key=len, reverse=True))
    return re.compile(rf"(?<=\s)(?:{stops})\b")


def _starts_document(text: str) -> bool:
    types = "|".join(re.escape(t) for t in load("vocabulary")["cited_types"])
    return bool(re.match(rf"(?:và|,)\s+(?:các\s+)?(?:{types})\b", text))
