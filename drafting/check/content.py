"""What a reviewing office reads for beside the format: the content rules, on the parsed plan.

Each check takes the plan and the DOCX paragraphs (to say where a finding stands) and returns its findings,
or None when it could not be evaluated (no date to compare with, a date before the change it checks). Rule
IDs, names and messages live in ``data/content_rules.json``, superseded documents in ``data/superseded.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from drafting.check.docx_format import Paragraph
from drafting.check.findings import Finding, Unchecked, not_applicable, not_evaluated
from drafting.check.registry import declares
from drafting.data_files import load
from drafting.model import LegalRef, Plan
from drafting.parsing.bases import describe, find_legal_refs
from drafting.parsing.dates import find_date
from drafting.parsing.text import fold, tone_key


class Text:
    """One piece of the plan's text a rule reads, and the DOCX paragraph it stands in (None: not found), looked
    up only when a finding needs it (a long report has hundreds of paragraphs and few findings)."""

    def __init__(self, text: str, part: str, locator: _Locator | None = None) -> None:
        self.text = text
        self.part = part  # "recipients" | "recipient_to" | "body" | "bases"
        self._locator = locator

    @cached_property
    def paragraph(self) -> Paragraph | None:
        return self._locator.find(self.text) if self._locator else None


ContentCheck = Callable[[Plan, list[Text]], list[Finding] | None]


@cache
def _data() -> dict[str, Any]:
    return load("content_rules")  # type: ignore[no-any-return]


def content_findings(plan: Plan, paragraphs: list[Paragraph]) -> list[Finding]:
    """Every content rule's findings (a rule that could not be evaluated gives none)."""
    if consolidated(plan):
        return []  # a văn bản hợp nhất repeats the original's bases and bodies as they were, on purpose
    texts = plan_texts(plan, paragraphs)
    return [item for check in CHECKS for item in (check(plan, texts) or [])]


def consolidated(plan: Plan) -> bool:
    return "VBHN" in (plan.meta.symbol or "").upper()


def plan_texts(plan: Plan, paragraphs: list[Paragraph]) -> list[Text]:
    """The body (section titles and paragraphs), the bases, "Kính gửi" and the recipients, each placed."""
    finder = _Locator(paragraphs)
    texts = [Text(ref.text, "bases", finder) for ref in plan.legal_bases]
    texts += [Text(line, "recipient_to", finder) for line in plan.meta.recipient_to]
    for section in (node for top in plan.sections for node in top.walk()):
        for line in [section.title, *section.paragraphs]:
            if line and line.strip():
                texts.append(Text(line, "body", finder))
    texts += [Text(line, "recipients", finder) for line in plan.recipients]
    return texts


class _Locator:
    """Finds the DOCX paragraph a parsed line comes from, by its first words (the parser keeps text as written)."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs

    @cached_property
    def keys(self) -> list[tuple[Paragraph, str]]:
        return [(paragraph, fold(paragraph.text)) for paragraph in self.paragraphs if paragraph.text.strip()]

    def find(self, line: str) -> Paragraph | None:
        key = fold(line)[:60]
        head = re.sub(r"^\S{1,6}\s", "", key)[:40] if len(key) > 12 else key  # a label Word numbers itself
        for paragraph, text in self.keys:
            if key and (key in text or (len(head) > 10 and head in text)):
                return paragraph
        return None


def _finding(rule: str, text: Text, found: str, **values: str) -> Finding:
    spec = _data()["rules"][rule]
    paragraph = text.paragraph
    where = f"{spec['where']} (đoạn {paragraph.number})" if paragraph else spec["where"]
    return Finding(rule=rule, where=where, paragraph=paragraph.number if paragraph else None,
                   excerpt=" ".join(text.text.split())[:60], found=found,
                   expected=spec["expected"].format(**values), message=spec["message"].format(**values))


def on_or_after(date: str | None, since: str) -> bool | None:
    """The document's date (ISO, maybe only a month or a year) against a day; None when it cannot tell
    ("2025-07" is on or after 2025-07-01, but not surely on or after 2025-07-15)."""
    if not date or not re.match(r"\d{4}(-\d{2}){0,2}$", date):
        return None
    known = since[: len(date)]
    if date != known:
        return date > known
    return True if since[len(date) :] in ("", "-01", "-01-01") else None


def shown(date: str) -> str:
    """2025-07-01 → 01/7/2025: a day below 10 and the months 1 and 2 take a leading zero (Decree 30, ô số 4);
    a month alone → "tháng 12/2026"."""
    parts = date.split("-")
    if len(parts) == 2:
        return f"tháng {int(parts[1])}/{parts[0]}"
    if len(parts) != 3:
        return f"năm {date}" if re.fullmatch(r"\d{4}", date) else date
    month = parts[1] if parts[1] in ("01", "02") else str(int(parts[1]))
    return f"{parts[2]}/{month}/{parts[0]}"


# --------------------------------------------------------------------------------------------
# ND-CQ1: a body abolished on 1/7/2025 written to or tasked


def check_abolished_bodies(plan: Plan, texts: list[Text]) -> list[Finding] | None:
    data = _data()
    after = on_or_after(plan.meta.date, data["reform_since"])
    if not after:
        return None if after is None else []  # before 1/7/2025 every district body still existed: nothing to find
    found, seen = [], set()
    for text in texts:
        if text.part == "bases":
            continue  # a basis names its issuer as it was: "Kế hoạch số 252/KH-UBND … của UBND huyện"
        for body, rule in _bodies_tasked(text):
            if fold(body) in seen:
                continue
            seen.add(fold(body))
            found.append(_finding("ND-CQ1", text, f"“{body}”", date=shown(plan.meta.date or ""), body=body,
                                  reason=rule["reason"], since=shown(data["reform_since"]),
                                  source=rule.get("source", "Luật 72/2025/QH15"), successor=rule["successor"]))
    return found


def _bodies_tasked(text: Text) -> Iterator[tuple[str, dict[str, Any]]]:
    key = fold(text.text)
    if not _LEVEL_WORDS.search(key):
        return  # most paragraphs name no district and no province: one cheap look
    for pattern, rule in _body_patterns():
        for match in pattern.finditer(key):
            before = key[max(0, match.start() - 160) : match.start()]
            if _pattern_of("citing_before").search(before):
                continue  # inside a cited document's issuer or name, or in quotes
            sentence = re.split(r"[.;:]\s", key[: match.start()])[-1] + key[match.start() : match.end() + 40]
            if _pattern_of("past").search(sentence) or _pattern_of("narrated_after").match(key[match.end() :]):
                continue  # "Trước sáp nhập, UBND tỉnh Bình Thuận phê duyệt …", "… đã ban hành": the old body on purpose
            opens = not re.sub(r"^[\W\d]*(?:[a-zđ]{1,2}[).]\s*)?", "", key[: match.start()])  # "- UBND các huyện:"
            addressed = text.part in ("recipients", "recipient_to")
            if addressed or opens or _pattern_of("tasking_before").search(before[-40:]):
                yield text.text[match.start() : match.end()], _rule_for(match, rule)


_LEVEL_WORDS = re.compile(r"huyện|quận|thị xã|tỉnh")


@cache
def _body_patterns() -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    """The district bodies, then one pattern for the bodies of every province merged away (one scan, not 29)."""
    data = _data()
    patterns = [(_word_pattern(rule["match"]), rule) for rule in data["abolished_bodies"]]
    merged = {fold(old): new for old, new in load("provinces_2024")["successor"].items()
              if old != "Thừa Thiên Huế"}  # renamed Thành phố Huế on 1/1/2025, not merged: the H-rules' business
    names = "|".join(re.escape(name) for name in sorted(merged, key=len, reverse=True))
    body = data["merged_province_body"].format(province=f"(?P<province>{names})")
    patterns.append((_word_pattern(body), {"merged": merged}))
    return patterns


def _rule_for(match: re.Match[str], rule: dict[str, Any]) -> dict[str, Any]:
    if "merged" not in rule:
        return rule
    old = match.group("province")
    new = rule["merged"][old]
    name = next(n for n in load("provinces_2024")["successor"] if fold(n) == old)
    return {"reason": f"tỉnh {name} đã sáp nhập vào {_province_full(new)}",
            "successor": f"cơ quan tương ứng của {_province_full(new)}", "source": "Nghị quyết 202/2025/QH15"}


def _word_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + tone_key(pattern) + r"(?!\w)")


def _province_full(name: str) -> str:
    return f"Thành phố {name}" if name in load("provinces_2024")["cities"] + ["Huế"] else f"tỉnh {name}"


@cache
def _pattern_of(key: str) -> re.Pattern[str]:
    """A pattern of the data file, matched on fold()ed text: "tasking_before", "past", "narrated_after" …"""
    return re.compile(tone_key(_data()[key]))


# --------------------------------------------------------------------------------------------
# ND-CC1: a basis superseded at the document's date


def check_superseded_bases(plan: Plan, texts: list[Text]) -> list[Finding] | None:
    if not plan.legal_bases:
        return []
    if on_or_after(plan.meta.date, "1900-01-01") is None:
        return None
    by_text = {text.text: text for text in texts if text.part == "bases"}
    found = []
    for ref in plan.legal_bases:
        for entry in load("superseded")["entries"]:
            if not _matches(ref, entry) or not on_or_after(plan.meta.date, entry["since"]):
                continue
            unverified = "" if entry["verified"] else " (Dữ liệu thay thế chưa được đối chiếu với nguồn chính thức.)"
            found.append(_finding("ND-CC1", by_text.get(ref.text, Text(ref.text, "bases")), f"“{_cited(ref)}”",
                                  date=shown(plan.meta.date or ""), cited=_cited(ref),
                                  replacement=entry["replacement"], since=shown(entry["since"]),
                                  unverified=unverified))
            break
    return found


def _matches(ref: LegalRef, entry: dict[str, Any]) -> bool:
    return any(_matches_one(ref, match) for match in (entry["match"], entry.get("also")) if match)


def _matches_one(ref: LegalRef, match: dict[str, str]) -> bool:
    if fold(ref.doc_type or "") != fold(match["doc_type"]):
        return False
    if "number" in match and ref.number:
        return (ref.number.lstrip("0") == match["number"] and fold(ref.symbol or "") == fold(match["symbol"])
                and (ref.year or (ref.date or "")[:4] or match.get("year")) == match.get("year"))
    if "name" in match and ref.name and fold(ref.name) == fold(match["name"]):
        year = ref.year or (ref.date or "")[:4]
        if "before" in match:
            return bool(year) and year < match["before"]
        return bool(ref.date) and ref.date == match.get("date")  # two laws of one name in 2025: only the day tells
    return False


def _cited(ref: LegalRef) -> str:
    if ref.name:
        number = f" số {ref.number}/{ref.year + '/' if ref.year else ''}{ref.symbol}" if ref.number else ""
        when = f" ngày {shown(ref.date)}" if ref.date else (f" năm {ref.year}" if ref.year and not number else "")
        return f"{ref.name}{number}{when}"
    when = f" ngày {shown(ref.date)}" if ref.date else ""
    return f"{ref.doc_type} số {_number_symbol(ref)}{when}"


# --------------------------------------------------------------------------------------------
# ND-TH1: a report deadline before the document's own date


def check_deadlines(plan: Plan, texts: list[Text]) -> list[Finding] | None:
    date = plan.meta.date
    if not date or len(date) < 7:
        return None  # a year alone: every deadline of that year could be after it
    pattern = _deadline()
    found = []
    for text in texts:
        if text.part != "body":
            continue
        for match in pattern.finditer(text.text):
            day, _ = find_date("ngày " + match.group("date") if "tháng" in match.group("date") else match.group("date"))
            if day and len(day) == 10 and day < date[:10] and not (len(date) == 7 and day[:7] == date):
                found.append(_finding("ND-TH1", text, f"“{_tail(match.group(0), 80)}”", date=shown(date),
                                      deadline=match.group("date"), day=shown(day)))
    return found


@cache
def _deadline() -> re.Pattern[str]:
    return re.compile(_data()["deadline"], re.IGNORECASE)


def _tail(text: str, length: int) -> str:
    """The last words of a long match, cut at a word: "… về Sở Nội vụ trước ngày 30 tháng 11 năm 2024"."""
    if len(text) <= length:
        return text
    cut = text[-length:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else cut


# --------------------------------------------------------------------------------------------
# ND-TD1: one cited document written with two numbers or two dates


@dataclass
class _Citation:
    ref: LegalRef
    text: Text


def check_citation_agreement(plan: Plan, texts: list[Text]) -> list[Finding] | None:
    groups: dict[tuple[str, str], list[_Citation]] = {}  # only one type and symbol can be one document
    for citation in (citation for text in texts for citation in _citations(text)):
        groups.setdefault((fold(citation.ref.doc_type or ""), _symbol(citation.ref)), []).append(citation)
    found, said = [], set()
    for citations in groups.values():
        for index, later in enumerate(citations):
            if any(_written_alike(earlier.ref, later.ref) for earlier in citations[:index]):
                continue  # cited as before: a slip elsewhere is that citation's finding, not this one's
            for earlier in citations[:index]:
                differs = _disagreement(earlier.ref, later.ref)
                if differs is None or later.text is earlier.text:
                    continue
                if (differs[1], differs[2]) not in said:
                    said.add((differs[1], differs[2]))
                    where = str(earlier.text.paragraph.number) if earlier.text.paragraph else "khác"
                    found.append(_finding("ND-TD1", later.text, f"“{differs[2]}”", cited=differs[0],
                                          first=differs[1], second=differs[2], first_paragraph=where))
                break
    return sorted(found, key=lambda item: item.paragraph or 0)


def _citations(text: Text) -> list[_Citation]:
    """Every document cited in the text, described whole (type, number, symbol, date, issuer, subject)."""
    found = []
    starts = [start for start, _, _ in find_legal_refs(text.text)]
    for start, end in zip(starts, [*starts[1:], len(text.text)][: len(starts)], strict=True):
        # up to the next cited document: "Nghị quyết số 71/NQ-CP của Chính phủ, Kế hoạch … ngày 16/5/2025" has no date
        piece = re.split(r";", text.text[start:end], maxsplit=1)[0]
        ref = describe(piece, piece, None)
        if ref.number and ref.symbol:
            found.append(_Citation(ref, text))
    return found


def _disagreement(one: LegalRef, two: LegalRef) -> tuple[str, str, str] | None:
    """(the document, as first written, as written here) when two citations are one document written apart:
    the same type, number and symbol with two days of one year (two years are two documents: 71/NQ-CP of
    2023 and of 2025), or the same type, symbol, day and subject with two numbers."""
    if fold(one.doc_type or "") != fold(two.doc_type or "") or _symbol(one) != _symbol(two):
        return None
    if not (one.date and two.date and len(one.date) == len(two.date) == 10):
        return None
    if (one.year or None) != (two.year or None) or not _same_issuer(one, two):
        return None
    name = f"{one.doc_type} số {_number_symbol(one)}"
    if one.number == two.number and one.date != two.date and one.date[:4] == two.date[:4]:
        return name, f"ngày {shown(one.date)}", f"ngày {shown(two.date)}"
    if (one.number or "").lstrip("0") != (two.number or "").lstrip("0") and one.date == two.date \
            and _same_subject(one, two):
        other = f"{two.doc_type} số {_number_symbol(two)}"
        return f"{one.doc_type} ngày {shown(one.date)} về “{_words(one.subject, 8)}”", name, other
    return None


def _written_alike(one: LegalRef, two: LegalRef) -> bool:
    return (one.number or "").lstrip("0") == (two.number or "").lstrip("0") and one.date == two.date


def _number_symbol(ref: LegalRef) -> str:
    """As clerks write it: "539/QĐ-TTg", "45/2017/NĐ-CP", a party document's "57-NQ/TW"."""
    if "/" in (ref.symbol or "") and not ref.year:
        return f"{ref.number}-{ref.symbol}"
    return f"{ref.number}/{ref.year + '/' if ref.year else ''}{ref.symbol}"


def _symbol(ref: LegalRef) -> str:
    return re.sub(r"\s+", "", fold(ref.symbol or "")).replace("/", "-")


def _same_issuer(one: LegalRef, two: LegalRef) -> bool:
    if not one.issuer or not two.issuer:
        return True
    a, b = _issuer_key(one.issuer), _issuer_key(two.issuer)
    return a.startswith(b) or b.startswith(a)


def _issuer_key(issuer: str) -> str:
    return fold(issuer).replace("ủy ban nhân dân", "ubnd").replace("uỷ ban nhân dân", "ubnd")


def _same_subject(one: LegalRef, two: LegalRef) -> bool:
    """Two subjects of five words or more that open alike: "thực hiện" alone says nothing (cut at the next
    cited document), and two plans of one day may both "thực hiện" something."""
    words = _words(one.subject, 8)
    return len(words.split()) >= 5 and words == _words(two.subject, 8)


def _words(text: str | None, count: int) -> str:
    return " ".join(re.findall(r"\w+", fold(text or ""))[:count])


CHECKS: list[ContentCheck] = [check_abolished_bodies, check_superseded_bases, check_deadlines,
                              check_citation_agreement]
RULE_IDS = ("ND-CQ1", "ND-CC1", "ND-TH1", "ND-TD1")  # one per check above, in its order


@dataclass
class ContentContext:
    plan: Plan | None  # None: the parser found no plan in the file
    texts: list[Text]


def content_checks() -> list[Callable[[ContentContext], Iterator[Finding | Unchecked]]]:
    """The content checks as the checker runs them: each declares its rule, and says why when it could not
    decide (no plan read, a consolidated text, no date to compare with)."""
    return [_declared(rule, check) for rule, check in zip(RULE_IDS, CHECKS, strict=True)]


def _declared(rule: str, check: ContentCheck) -> Callable[[ContentContext], Iterator[Finding | Unchecked]]:
    reasons = _data()["reasons"]

    @declares(rule)
    def run(context: ContentContext) -> Iterator[Finding | Unchecked]:
        if context.plan is None:
            yield not_evaluated(rule, reasons["unread"])
        elif consolidated(context.plan):
            yield not_applicable(rule, reasons["consolidated"])
        elif (found := check(context.plan, context.texts)) is None:
            yield not_evaluated(rule, reasons["undecided"])
        else:
            yield from found

    return run


__all__ = ["CHECKS", "RULE_IDS", "ContentContext", "content_checks", "content_findings", "plan_texts"]
