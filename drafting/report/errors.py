"""Errors of a report or a consolidation, said from the messages of ``drafting/data/report.json``."""

from __future__ import annotations

from typing import Any

from drafting.data_files import load
from drafting.errors import CatalogueError, catalogue_message


def words() -> dict[str, Any]:
    return load("report")  # type: ignore[no-any-return]


def message(key: str, **values: object) -> str:
    return catalogue_message("report", key, **values)


class ReportInputError(CatalogueError):
    """A sheet, report or period the toolkit cannot use: nothing is written (exit code 1)."""

    catalogue = "report"
    exit_code = 1

