"""Legal bases: "Căn cứ …" / "Thực hiện …" items, each split into the document it cites."""

from __future__ import annotations

import re
from functools import cache

from drafting.data_files import load
from drafting.model import LegalRef
from drafting.parsing.cited import name_of, subject_of
from drafting.parsing.dates import find_date
from drafting.parsing.patterns import pattern
from drafting.parsing.text import fold

_NUMBER_SYMBOL = re.compile(
    r"(?<![\w/])(?P<number>\d{1,6})\s?(?P<sep>[/-])\s?(?P<symbol>(?:\d{4}/)?[A-ZĐa-zđ][\wĐđ.&]*(?:\s?[-/]\s?[A-ZĐa-zđ0-9][\wĐđ.&]*)*)"
)


# A number left blank for the clerk ("Kế hoạch số …/KH-UBND", "số [số]/…", "số ..../QĐ-UBND"): a draft's
# citation of a parent whose number is not in the file is still a citation.
_BLANK_NUMBER = r"(?:…|\.{2,}|_{2,}|\[[^\]]{1,40}\])\s*/"


@cache
def _cited_types() -> list[str]:
    return sorted(load("vocabulary")["cited_types"], key=len, reverse=True)


@cache
def _openers() -> list[str]:
    return load("vocabulary")["basis_openers"]


def _type_alternation() -> str:
    """Type words with a capital first letter and any case after it: "Nghị Quyết", not "quy định tại"."""
    return "|".join(re.escape(t[0]) + "(?i:" + re.escape(t[1:]) + ")" for t in _cited_types())


@cache
def _type_pattern() -> re.Pattern[str]:
    types = _type_alternation()
    return re.compile(
        rf"^(?i:các\s+)?(?P<type>{types})(?:\s+[a-zà-ỹđ]+){{0,3}}?\s*:?\s*"
        rf"(?:(?i:số)\s*:?\s*)?(?=\d|[A-ZĐÀÁẢÃẠĂÂÊÔƠƯÍÌỈĨỊÚÙỦŨỤ]|$|{_BLANK_NUMBER})"
    )


@cache
def _issuer_end() -> re.Pattern[str]:
    stops = "|".join(re.escape(s) for s in sorted(load("vocabulary")["issuer_stops"], key=len, reverse=True))
    types = _type_alternation()
    # Case-sensitive: the stops are lower-case verbs; a name's own capitalised words ("Ban Tổ chức") stay.
    # A few verbs never start a name, whatever a clerk's slip of case ("UBND tỉnh Sửa đổi, bổ sung …").
    verbs = "|".join(re.escape(s) for s in load("vocabulary")["issuer_stops_any_case"])
    return re.compile(
        rf"\s+(?:{stops})\b|\s+(?i:{verbs})\b|[,;(“\"”:]|\s+ngày\s+\d|\.(?:\s|$)|\s+và\s+(?:các\s+)?(?:{types})\b|$"
    )


def opener_of(text: str) -> str | None:
    """"Căn cứ"/"Thực hiện" when the paragraph opens a basis citing a document, else None.

    A doubled opener ("Căn cứ Căn cứ Kế hoạch …", a clerk's slip) counts as one."""
    for opener in _openers():
        if fold(text).startswith(fold(opener) + " "):
            if cites_document(_after_opener(text, opener)):
                return text[: len(opener)]
    return None


def body_after_opener(text: str, opener: str) -> str:
    rest = text[len(opener) :].lstrip(" :")
    while fold(rest).startswith(fold(opener) + " "):
        rest = rest[len(opener) :].lstrip(" :")
    return rest


def _after_opener(text: str, opener: str) -> str:
    """What follows the opener, past a doubled opener and a filler ("quy định tại", "chỉ đạo của … tại")."""
    rest = text[len(opener) :].lstrip(" :")
    while fold(rest).startswith(fold(opener) + " "):
        rest = rest[len(opener) :].lstrip(" :")
    filler = _filler().match(rest)
    return rest[filler.end() :] if filler and cites_document(rest[filler.end() :]) else rest


@cache
def _filler() -> re.Pattern[str]:
    fillers = "|".join(load("vocabulary")["basis_fillers"])
    return re.compile(rf"(?:{fillers})\s+", re.IGNORECASE)


def cites_document(text: str) -> bool:
    """The text starts with a document type that a number, a date or a name follows."""
    match = _type_pattern().match(text.strip())
    if not match:
        return False
    after = text.strip()[match.end() :]
    return (
        bool(re.match(rf"\s*(số|\d|{_BLANK_NUMBER})", after, re.IGNORECASE))
        or fold(match.group("type")) in load("vocabulary")["cited_by_name"]
        or bool(_NUMBER_SYMBOL.search(after[:40]))
        or bool(find_date(after[:80])[0])
    )


def starts_with_type(text: str) -> bool:
    """The text opens with a document type written with its capital ("Nghị định …", "các Công điện: …")."""
    stripped = re.sub(r"^các\s+", "", text.strip(), flags=re.IGNORECASE)
    return bool(re.match(rf"(?:{_type_alternation()})[\s:]", stripped + " "))


def split_basis(text: str) -> list[LegalRef]:
    """One basis paragraph → one reference for each ";"-separated part that cites a document."""
    opener = opener_of(text)
    cited_start = _after_opener(text, opener) if opener else text
    body = text[len(text) - len(cited_start) :] if opener else text
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
        prefix = text[: len(text) - len(body)] if opener and index == 0 else ""  # "Căn cứ", "Thực hiện quy định tại "
        piece = prefix + part.strip()
        if index == 0 and opener:
            stripped = cited_start.split(";")[0].strip()  # past a filler: "quy định tại Nghị định …"
        refs.append(describe(piece, stripped, opener if index == 0 else None))
        refs[-1].continues = index > 0
    filler = _filler().match(body_after_opener(text, opener)) if opener else None
    by = re.search(r"của\s+(.+?)\s+tại\s*$", filler.group(0)) if filler else None
    if by and refs and refs[0].issuer is None:
        refs[0].issuer = by.group(1)  # "Thực hiện nhiệm vụ giao của Chủ tịch UBND tỉnh tại Công văn …"
    for ref in refs:
        tail = ref.text[ref.text.rfind("; ") + 2 :] if "; " in ref.text else ""
        if ref.issuer is None and re.match(r"số\s", tail):  # "Các Công điện: số 007 …; số 010 … của UBND tỉnh"
            ref.issuer = _issuer(tail)
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
        if key.startswith(fold(word) + " sửa đổi"):  # "Luật sửa đổi, bổ sung một số điều của Luật …": a name
            ref.name, ref.year = name_of(ref.doc_type, cited[start + len(word) :])  # that opens in lower case
    rest = cited[match.end("type") :] if match else cited
    number = _NUMBER_SYMBOL.search(rest)
    by_name = bool(ref.doc_type) and fold(ref.doc_type or "") in load("vocabulary")["cited_by_name"]
    if by_name and match:
        ref.name, ref.year = name_of(ref.doc_type or "", rest)
    if number and by_name:
        before = rest[: number.start()]
        # "Luật Bầu cử … Hội đồng nhân dân số 85/2015/QH13": the name, then the law's own "số" and number.
        own = re.match(r"^\s*(?:[a-zà-ỹđ]+\s+){0,3}(?:số\s*:?\s*)?$", before) or (
            re.search(r"\ssố\s*:?\s*$", before) and not _names_another_type(before))
        if not own:
            rest = rest[: number.start()]  # "Luật Luật sư, … Điều 5 Quyết định số 2536/…": another document's
            number = None
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
    if ref.name and not number and not date_match:
        anchor = len(ref.name) - len(ref.doc_type or "")  # "Luật Thủy sản năm 2017 …": past the name
    ref.issuer = _issuer(rest[anchor:])
    ref.subject = subject_of(_after_issuer(rest, anchor, ref.issuer, date_match))
    return ref


def _after_issuer(rest: str, anchor: int, issuer: str | None, date_match: re.Match[str] | None) -> str:
    """The words after who issued the cited document (after its date or number when no issuer is said)."""
    if date_match and date_match.end() > anchor and (issuer is None or rest.find(issuer, anchor) > date_match.start()):
        anchor = date_match.end()  # "số 71/NQ-CP ngày 01/4/2025 của Chính phủ về …": past the date too
    tail = rest[anchor:]
    if issuer:
        at = tail.find(issuer)
        if at >= 0:
            return tail[at + len(issuer) :]
    return re.sub(r"^\s*,?\s*năm\s+\d{4}", "", tail)


def _names_another_type(text: str) -> bool:
    """Another cited type inside the text ("… được sửa đổi bởi Luật số 48/2014/QH13"): its number is that one's."""
    return bool(re.search(rf"\s(?:{_type_alternation()})\s", " " + text))


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
    if not issuer or starts_with_type(issuer + " "):
        return None  # "… của Luật Luật sư": a document, not who issued the cited one
    return issuer


@cache
def _cited_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?P<type>{_type_alternation()})(?:\s+[a-zà-ỹđ]+){{0,3}}?\s*(?:số\s*:?\s*)?{_NUMBER_SYMBOL.pattern}"
        rf"(?:,?\s*(?:ngày\s*\d{{1,2}}\s*(?:tháng\s*\d{{1,2}}\s*năm\s*\d{{4}}|/\s*\d{{1,2}}\s*/\s*\d{{4}})))?"
    )


def find_legal_refs(text: str) -> list[tuple[int, int, str]]:
    """Cited documents in running text: (start, end, "Quyết định 539/QĐ-TTg")."""
    found = []
    for match in _cited_pattern().finditer(text):
        cited = f"{match.group('type')} {match.group('number')}/{match.group('symbol')}"
        found.append((match.start(), match.end(), cited))
    return found
