"""How a report names the plan and its issuer in a sentence."""

from __future__ import annotations

import datetime as dt

from drafting.model import Plan
from drafting.report.errors import words


def issuer_named(plan: Plan) -> str | None:
    """The issuer as a sentence names it: a standing board with the body it belongs to."""
    issuer, superior = plan.meta.issuer, plan.meta.superior
    openers = words()["named_with_superior"]["openers"]
    if issuer and superior and any(issuer.startswith(opener) for opener in openers):
        return f"{issuer} {superior}"
    return issuer


def plan_citation(plan: Plan) -> str:
    """ "Kế hoạch số 12/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân xã Phù Mỹ Bắc" (blanks kept as dots)."""
    kind = (plan.meta.doc_type or "Kế hoạch").capitalize()
    number = f"{plan.meta.number or '…'}/{plan.meta.symbol}" if plan.meta.symbol else (plan.meta.number or "…")
    text = f"{kind} số {number}"
    if plan.meta.date and len(plan.meta.date) == 10:
        day = dt.date.fromisoformat(plan.meta.date)
        text += f" ngày {day.day:02d}/{day.month:02d}/{day.year}"
    elif plan.meta.date:
        text += f" năm {plan.meta.date[:4]}"
    if issuer_named(plan):
        text += f" của {issuer_named(plan)}"
    return text
