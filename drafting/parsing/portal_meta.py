"""The portal's metadata table against what the document says: the document's own text wins.

A disagreement (the portal's number, type, issuer, signer or date is not the document's) is a
warning; a field the document leaves unsaid (a copy without its header) is taken from the portal,
with a warning saying so.
"""

from __future__ import annotations

import re

from drafting.model import Plan, Warning
from drafting.parsing.text import fold

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def reconcile(plan: Plan, portal: dict[str, str]) -> None:
    meta = plan.meta
    meta.portal = dict(portal)
    number = portal.get("number")
    if number:
        said = f"{meta.number}/{meta.symbol}" if meta.number is not None and meta.symbol else None
        if said is None:
            if "/" in number and meta.number is None:
                meta.number, meta.symbol = number.split("/", 1)
                _fill(plan, "số, ký hiệu", number)
        elif _key(said) != _key(number):
            _differ(plan, "số, ký hiệu", number, said)
    kind = portal.get("type")
    if kind:
        if meta.doc_type is None:
            meta.doc_type = kind.upper()
            _fill(plan, "loại văn bản", kind)
        elif fold(kind) != fold(meta.doc_type):
            _differ(plan, "loại văn bản", kind, meta.doc_type)
    date = _iso(portal.get("date"))
    if date:
        if meta.date is None:
            meta.date = date
            _fill(plan, "ngày ban hành", portal["date"])
        elif date != meta.date:
            _differ(plan, "ngày ban hành", portal["date"], meta.date)
    issuer = portal.get("issuer")
    if issuer:
        if meta.issuer is None:
            meta.issuer = issuer
            _fill(plan, "cơ quan ban hành", issuer)
        elif not _contains(meta.issuer, issuer):
            _differ(plan, "cơ quan ban hành", issuer, meta.issuer)
    signer = portal.get("signer")
    if signer and plan.signature.name and not _contains(plan.signature.name, signer):
        _differ(plan, "người ký", signer, plan.signature.name)


def _iso(text: str | None) -> str | None:
    match = _DATE.match((text or "").strip())
    if not match:
        return None
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _key(text: str) -> str:
    return fold(re.sub(r"\s", "", text)).replace("đ", "d")


def _contains(said: str, stated: str) -> bool:
    """ "Ủy ban nhân dân tỉnh Quảng Trị" says what the portal's "Tỉnh Quảng Trị" says."""
    a, b = fold(said), fold(stated)
    return a in b or b in a


def _differ(plan: Plan, what: str, stated: str, said: str) -> None:
    plan.warnings.append(Warning(
        "portal_mismatch",
        f"Cổng thông tin pháp luật ghi {what} “{stated}”, văn bản ghi “{said}”: giữ theo văn bản.",
    ))


def _fill(plan: Plan, what: str, stated: str) -> None:
    plan.warnings.append(Warning(
        "portal_fill",
        f"Văn bản chép từ cổng không ghi {what}; lấy theo bảng thuộc tính của cổng: “{stated}”.",
    ))
