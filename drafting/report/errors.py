"""Errors of a report or a consolidation, said from the messages of ``drafting/data/report.json``."""

from __future__ import annotations

from typing import Any

from drafting.data_files import load
from drafting.errors import DraftingError


def words() -> dict[str, Any]:
    return load("report")  # type: ignore[no-any-return]


def message(key: str, **values: object) -> str:
    return str(words()["messages"][key]).format(**values)


class ReportInputError(DraftingError):
    """A sheet, report or period the toolkit cannot use: nothing is written (exit code 1)."""

    exit_code = 1

    def __init__(self, key: str, **values: object) -> None:  # the catalogue is report.json, not errors.MESSAGES
        self.key = key
        self.values = values
        Exception.__init__(self, message(key, **values))


class ReportUsageError(ReportInputError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2
