"""Targets of the parent at the commune's scale: a province-scale clause is dropped (and said so), a count of the
parent's territory becomes one placeholder with the parent's figure as its hint; rates stay as written."""

from __future__ import annotations

import re
from functools import cache

from drafting.data_files import load
from drafting.nlp.quantities import find_quantities
from drafting.parsing.text import fold, tone_key


@cache
def _province_scale() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{tone_key(p)})" for p in load("commune_wording")["province_scale"]["patterns"]))


@cache
def _foreign() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{tone_key(p)})" for p in load("commune_wording")["not_the_communes"]["targets"]))


def without_foreign_targets(text: str) -> tuple[str, list[str]]:
    """A target clause about bodies or places a commune does not have (border guards, industrial zones, the
    press): not the commune's target."""
    kept, dropped = [], []
    for clause in clauses(text):
        (dropped if _foreign().search(fold(clause)) else kept).append(clause)
    return (_joined(kept, text), dropped) if dropped else (text, [])


@cache
def _provinces_work() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{tone_key(p)})" for p in load("commune_wording")["not_the_communes"]["tasks"]))


def not_the_communes_clauses(text: str) -> tuple[str, list[str]]:
    """Clauses of the parent's frame that only a province does (issue policy, guide the communes, cooperate with
    other provinces): left out of the commune's frame."""
    kept, dropped = [], []
    for clause in clauses(text):
        (dropped if _provinces_work().search(fold(clause)) else kept).append(clause)
    return (_joined(kept, text), dropped) if dropped else (text, [])


def is_province_scale(text: str) -> bool:
    return bool(_province_scale().search(fold(text)))


_CLAUSE_END = re.compile(r"(?<=[;.])\s+")


def clauses(text: str) -> list[str]:
    """A paragraph cut after each ";" and "." that ends a clause (not inside a number: "1.234")."""
    return [part for part in _CLAUSE_END.split(text) if part]


def without_province_targets(text: str) -> tuple[str, list[str]]:
    """The paragraph without its province-scale clauses, and the clauses dropped."""
    kept, dropped = [], []
    for clause in clauses(text):
        if not is_province_scale(clause):
            kept.append(clause)
            continue
        # "Triển khai hiệu quả Kế hoạch số 64/KH-UBND …, phấn đấu … 20% xã, phường …": the work stays, the target goes
        head = _TARGET_TAIL.split(clause, maxsplit=1)[0]
        if head != clause and len(head.split()) >= 5 and not is_province_scale(head):
            kept.append(head.rstrip(" ,;") + ".")
            dropped.append(clause[len(head) :].lstrip(" ,"))
        else:
            dropped.append(clause)
    if not dropped:
        return text, []
    return _joined(kept, text), dropped


_TARGET_TAIL = re.compile(r",\s+(?=(?:phấn đấu|bảo đảm|đảm bảo|đến năm|đến hết năm|mục tiêu)\s)")


def capitalised_like(text: str, original: str) -> str:
    """A paragraph that lost its first clause starts with a capital again, as the parent's did."""
    return text[:1].upper() + text[1:] if text and original[:1].isupper() else text


def _joined(kept: list[str], original: str) -> str:
    """The clauses left, read as a sentence: a capital first, a full stop last."""
    result = " ".join(kept).strip()
    if result and result[-1] == ";":
        result = result[:-1] + "."
    if result and original[:1].isupper():
        result = result[:1].upper() + result[1:]
    return result


def counts_to_placeholders(text: str, placeholders: dict[str, str]) -> str:
    """Counts of the parent's territory ("xóa 1.234 căn nhà") are the commune's to set: the first count of the
    sentence becomes a placeholder showing the parent's figure. Rates ("90% hồ sơ") apply at every level."""
    for quantity in find_quantities(text):
        written = text[quantity.start : quantity.end]
        number = re.match(r"[\d.,]+(?!\s*%)(?![\d.,]*%)", written)
        if not number or quantity.normal.endswith(("tập thể", "cá nhân")) or re.match(r"[\d.,]+\s*%", written):
            continue
        if re.fullmatch(r"(19|20)\d\d", number.group(0)):  # a year, not a count
            continue
        key = f"chi_tieu_{len(placeholders) + 1}"
        placeholders[key] = f"chỉ tiêu của đơn vị thay cho “{written}” của cấp trên"
        return f"{text[: quantity.start]}[[{key}|{number.group(0)}]]{text[quantity.start + len(number.group(0)) :]}"
    return text
