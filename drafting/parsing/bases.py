"""Legal bases: "Căn cứ …" / "Thực hiện …" items, each split into the document it cites."""

from __future__ import annotations

import re
from functools import cache

from drafting.data_files import load
from drafting.model import LegalRef
from drafting.parsing.dates import find_date
from drafting.parsing.patterns import pattern
from drafting.parsing.text import fold

_NUMBER_SYMBOL = re.compile(
    r"(?<![\w/])(?P<number>\d{1,6})\s?(?P<sep>[/-])\s?(?P<symbol>(?:\d{4}/)?[A-ZĐa-zđ][\wĐđ.&]*(?:\s?[-/]\s?[A-ZĐa-zđ0-9][\wĐđ.&]*)*)"
)


@cache
def _cited_types() -> list[str]:
    return sorted(load("vocabulary")["cited_types"], key=len, reverse=True)


@cache
def _openers() -> list[str]:
    return load("vocabulary")["basis_openers"]


@cache
def _type_pattern() -> re.Pattern[str]:
    types = "|".join(re.escape(t) for t in _cited_types())
    return re.compile(
        rf"^(?i:các\s+)?(?P<type>(?i:{types}))(?:\s+[a-zà-ỹđ]+){{0,3}}?\s*:?\s*"
        rf"(?:(?i:số)\s*:?\s*)?(?=\d|[A-ZĐÀÁẢÃẠĂÂÊÔƠƯÍÌỈĨỊÚÙỦŨỤ]|$)"
    )


@cache
def _issuer_end() -> re.Pattern[str]:
    stops = "|".join(re.escape(s) for s in sorted(load("vocabulary")["issuer_stops"], key=len, reverse=True))
    types = "|".join(re.escape(t) for t in _cited_types())
    return re.compile(
        rf"\s+(?:{stops})\b|[,;(“\"”:]|\s+ngày\s+\d|\.(?:\s|$)|\s+và\s+(?:các\s+)?(?:{types})\b|$",
        re.IGNORECASE,
    )


def opener_of(text: str) -> str | None:
    """"Căn cứ"/"Thực hiện" when the paragraph opens a basis citing a document, else None.

    A doubled opener ("Căn cứ Căn cứ Kế hoạch …", a clerk's slip) counts as one."""
    for opener in _openers():
        if fold(text).startswith(fold(opener) + " "):
            rest = _after_opener(text, opener)
            if cites_document(rest):
                return text[: len(text) - len(rest)].rstrip(" :")
    return None


def _after_opener(text: str, opener: str) -> str:
    rest = text[len(opener) :].lstrip(" :")
    while fold(rest).startswith(fold(opener) + " "):
        rest = rest[len(opener) :].lstrip(" :")
    return rest


def cites_document(text: str) -> bool:
    """The text starts with a document type that a number, a date or a name follows."""
    match = _type_pattern().match(text.strip())
    if not match:
        return False
    after = text.strip()[match.end() :]
    return bool(re.match(r"\s*(số|\d)", after, re.IGNORECASE)) or match.group("type").lower() in (
        "luật", "bộ luật", "hiến pháp", "pháp lệnh", "nghị quyết", "chỉ thị", "kết luận", "quy định", "chiến lược"
    ) or bool(_NUMBER_SYMBOL.search(after[:40])) or bool(find_date(after[:80])[0])


def starts_with_type(text: str) -> bool:
    key = re.sub(r"^các\s+", "", fold(text))
    return any(key.startswith(fold(t) + " ") or key.startswith(fold(t) + ":") for t in _cited_types())


def split_basis(text: str) -> list[LegalRef]:
    """One basis paragraph → one reference for each ";"-separated part that cites a document."""
    opener = opener_of(text)
    body = text[len(opener) :].lstrip(" :") if opener else text
    parts = [part for part in re.split(r";\s*", body)]
    refs: list[LegalRef] = []
    for index, part in enumerate(parts):
        stripped = re.sub(r"^(và|đồng thời)\s+", "", part.strip(), flags=re.IGNORECASE)
        if refs and not starts_with_type(stripped):
            if part.strip():
                refs[-1].text += "; " + part.strip()
            else:
                refs[-1].text += ";"
            continue
        piece = (f"{opener} " if opener and index == 0 else "") + part.strip()
        refs.append(describe(piece, stripped, opener if index == 0 else None))
    for ref in refs:
        if ref.issuer is None and "; " in ref.text:  # "Các Công điện: số 007 …; số 010 … của UBND tỉnh"
            ref.issuer = _issuer(ref.text[ref.text.rfind("; ") :])
    return refs


def describe(text: str, cited: str, opener: str | None) -> LegalRef:
    ref = LegalRef(text=text, opener=opener)
    match = _type_pattern().match(cited)
    if match:
        ref.doc_type = _canonical_type(match.group("type"))
    elif starts_with_type(cited):
        key = re.sub(r"^các\s+", "", fold(cited))
        word = next(t for t in _cited_types() if key.startswith(fold(t)))
        start = fold(cited).index(fold(word))
        ref.doc_type = _canonical_type(cited[start : start + len(word)])
    rest = cited[match.end() :] if match else cited
    number = _NUMBER_SYMBOL.search(rest)
    if number and (not find_date(rest)[1] or number.start() < find_date(rest)[1].start()):  # type: ignore[union-attr]
        ref.number = number.group("number")
        symbol = number.group("symbol").strip()
        year = re.match(r"^(\d{4})/(.+)$", symbol)
        if year:
            ref.year, symbol = year.group(1), year.group(2)
        ref.symbol = symbol
    date, date_match = find_date(rest)
    if date_match and not number and pattern("data_date_before").search(rest[: date_match.start()]):
        date, date_match = None, None  # "báo cáo … đến sáng ngày 21/11": the data's date, not the document's
    ref.date = date
    anchor = number.end() if number else (date_match.end() if date_match else 0)
    ref.issuer = _issuer(rest[anchor:])
    return ref


def _canonical_type(raw: str) -> str:
    """The type as written, with a capital first letter ("các Công điện" → "Công điện")."""
    return raw[:1].upper() + raw[1:]


def _issuer(text: str) -> str | None:
    match = re.search(r"\bcủa\s+", text)
    if not match or match.start() > 100:
        return None
    tail = text[match.end() :]
    end = _issuer_end().search(tail)
    issuer = tail[: end.start()] if end else tail
    issuer = issuer.strip(" .,;")
    return issuer or None
