"""Errors of a batch run, said from the messages of ``drafting/data/batch.json``."""

from __future__ import annotations

from typing import Any

from drafting.data_files import load
from drafting.errors import CatalogueError, catalogue_message


def words() -> dict[str, Any]:
    return load("batch")  # type: ignore[no-any-return]


def message(key: str, **values: object) -> str:
    return catalogue_message("batch", key, **values)


class BatchInputError(CatalogueError):
    """A list, sheet or folder the batch cannot use: nothing is drafted (exit code 1)."""

    catalogue = "batch"
    exit_code = 1


class BatchUsageError(BatchInputError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2
