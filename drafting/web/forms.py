"""Reading a request's form: the fields of the draft options, validated with Vietnamese messages."""

from __future__ import annotations

import re

from starlette.datastructures import FormData, UploadFile

from drafting.batch.skeleton import Settings
from drafting.draft import DraftOptions
from drafting.parsing.dates import is_iso_day
from drafting.web.messages import message
from drafting.web.uploads import WebError

POSITIONS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def text(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    if value is None or isinstance(value, UploadFile):
        return default
    return value.strip()


def required(form: FormData, name: str, label: str) -> str:
    value = text(form, name)
    if not value:
        raise WebError(message("missing_field", field=label))
    return value


def is_file(value: object) -> bool:
    """An upload with a name or content (a form's empty file input sends neither)."""
    return isinstance(value, UploadFile) and bool(value.filename or value.size)


def file(form: FormData, name: str) -> UploadFile | None:
    value = form.get(name)
    return value if isinstance(value, UploadFile) and is_file(value) else None


def files(form: FormData, name: str) -> list[UploadFile]:
    """Every upload of a field that takes several files (``<input type=file multiple>``)."""
    return [value for value in form.getlist(name) if isinstance(value, UploadFile) and is_file(value)]


def iso_date(value: str) -> str | None:
    if not value:
        return None
    if not is_iso_day(value):
        raise WebError(message("bad_date", value=value))
    return value


def integer(form: FormData, name: str, default: int, low: int, high: int) -> int:
    value = text(form, name)
    if not value:
        return default
    if not re.fullmatch(r"\d{1,4}", value) or not low <= int(value) <= high:
        raise WebError(message("bad_number", field=name, low=low, high=high, value=value[:40]))
    return int(value)


def position(form: FormData) -> str:
    value = text(form, "position", "CHỦ TỊCH").upper()
    return value if value in POSITIONS else "CHỦ TỊCH"


def draft_options(form: FormData) -> DraftOptions:
    """The CLI's draft options: number, date, signer, position, days_earlier, quota (collectives, individuals)."""
    return DraftOptions(number=text(form, "number"), date=iso_date(text(form, "date")),
                        signer=text(form, "signer") or None, position=position(form),
                        days_earlier=integer(form, "days_earlier", 5, 0, 60),
                        quota=(integer(form, "quota_collectives", 5, 0, 1000),
                               integer(form, "quota_individuals", 5, 0, 1000)))


def batch_settings(form: FormData) -> Settings:
    options = draft_options(form)
    return Settings(days_earlier=options.days_earlier, quota=options.quota, number=options.number,
                    date=options.date, position=options.position, signer=options.signer)
