"""What a report is made of, as data: the plan's targets and tasks, the unit's results for a period, the units'
reports gathered for a consolidation. No I/O here; numbers are Decimal so that sums and rates are exact."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

DONE, ONGOING, NOT_STARTED = "done", "ongoing", "not_started"


@dataclass(frozen=True)
class Target:
    """A figure the plan sets ("100% cán bộ được tập huấn", "[[chi_tieu_1|1.200]] hộ")."""

    key: str  # "I.2-1": the section's label path and the target's rank in it; the sheet's "Mục"
    text: str  # the clause that sets it
    unit: str  # "%", "hộ", "lượt"
    planned: Decimal | None  # None when the plan leaves the figure to the unit


@dataclass(frozen=True)
class Task:
    key: str  # "II.1" (the section's label path) or "PL1-3" (row 3 of the appendix's task table)
    text: str
    lead: str | None = None
    due: str | None = None  # as the plan writes it: "trước ngày 30/6/2026"
    due_date: str | None = None  # ISO day, month ("2026-06") or year


@dataclass
class PlanItems:
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


@dataclass
class TargetResult:
    target: Target
    planned: Decimal | None  # the plan's figure, or the unit's own when the plan left it blank
    done: Decimal | None
    note: str = ""

    @property
    def rate(self) -> Decimal | None:
        """Done against planned, in percent, to one decimal (never typed by the clerk)."""
        if self.planned is None or self.done is None or self.planned == 0:
            return None
        return percent(self.done, self.planned)

    @property
    def reached(self) -> bool | None:
        if self.planned is None or self.done is None:
            return None
        return self.done >= self.planned


@dataclass
class TaskResult:
    task: Task
    status: str | None  # DONE | ONGOING | NOT_STARTED, None when the sheet leaves it blank
    result: str = ""
    note: str = ""


@dataclass(frozen=True)
class IssuedDocument:
    kind: str  # "Kế hoạch"
    number: str  # "12/KH-UBND"
    date: str | None  # ISO
    summary: str


@dataclass
class Results:
    """One unit's figures for one period, as its sheet gives them (or as its report's table gives them back)."""

    targets: list[TargetResult] = field(default_factory=list)
    tasks: list[TaskResult] = field(default_factory=list)
    documents: list[IssuedDocument] = field(default_factory=list)

    def task_counts(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {DONE: 0, ONGOING: 0, NOT_STARTED: 0, None: 0}
        for task in self.tasks:
            counts[task.status] += 1
        return counts


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
