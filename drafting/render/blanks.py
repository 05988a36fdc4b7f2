"""The blanks a clerk fills by hand, written where a plan has no number, date or signer.

`drafting draft` leaves the number blank ("Số:        /KH-UBND"), writes this month with the day blank
("Xuân Lộc, ngày      tháng 3 năm 2026") and the signer as a highlighted "Họ và tên"; `drafting render` of a
plan without them writes the same, so a rendered document never lacks its Số line, its date line or its
signature block (Decree 30, ô số 3, 4, 7).
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from drafting.data_files import load
from drafting.model import Plan, Signature
from drafting.parsing.issuer import split_unit
from drafting.parsing.text import fold

SIGNER_BLANK = "[[nguoi_ky|Họ và tên]]"
UBND_AUTHORITY = "TM. ỦY BAN NHÂN DÂN"
UBND_POSITION = "CHỦ TỊCH"  # draft's default --position
OTHER_POSITION = "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ"  # the words of Decree 30's own template (Mẫu 1.4)


def unsigned_month(today: dt.date) -> str:
    """The date of a document not yet signed: this month, the day left blank."""
    return f"{today.year}-{today.month:02d}"


def with_blanks(plan: Plan, today: dt.date | None = None) -> tuple[Plan, list[str]]:
    """A copy of the plan with a blank number, this month's date and a blank signer where it has none, and
    the list of what was left blank (for the clerk's to-do)."""
    plan, left = copy.deepcopy(plan), []
    meta = plan.meta
    if meta.symbol is None:
        meta.symbol = _symbol(meta.doc_type, meta.issuer)
    if not meta.number:
        meta.number = ""
        left.append(f"số văn bản (Số:        /{meta.symbol})")
    if not meta.date or len(meta.date) < 10:
        meta.date = meta.date or unsigned_month(today or dt.date.today())
        left.append("ngày ký (ngày … tháng … năm …)")
    meta.place = meta.place or _place(meta.issuer)
    plan.signature = _signature(plan.signature, meta.issuer)
    if plan.signature.name == SIGNER_BLANK:
        left.append("họ tên người ký")
    return plan, left


def _symbol(doc_type: str | None, issuer: str | None) -> str:
    code = load("vocabulary")["doc_types"].get((doc_type or "").upper(), "…")
    return f"{code}-{'UBND' if _is_committee(issuer) else '…'}"


def _is_committee(issuer: str | None) -> bool:
    return fold(issuer or "").startswith(("ủy ban nhân dân", "ubnd"))


def _place(issuer: str | None) -> str | None:
    """ "Ủy ban nhân dân xã Xuân Lộc" → "Xuân Lộc" (the draft writes the unit's name); None: "…" is written."""
    _, unit = split_unit(issuer or "")
    name = re.sub(r"(?i)^(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã|thị trấn)\s+", "", unit)
    return name or None


def _signature(signature: Signature, issuer: str | None) -> Signature:
    signature = copy.copy(signature)
    if not (signature.authority or signature.delegation or signature.position):
        committee = _is_committee(issuer)
        signature.authority = UBND_AUTHORITY if committee else None
        signature.position = UBND_POSITION if committee else OTHER_POSITION
    if not (signature.name or "").strip():
        signature.name = SIGNER_BLANK
    return signature
