"""Derive once per kind of unit, fill many.

A commune plan depends on its unit through the unit's kind (xã, phường, đặc khu: the bodies, the scope words), its
province, the signing date and position, and otherwise only through the unit's name. So the parent is derived and
rendered once per ``Variant`` for a stand-in unit whose name is a token no Vietnamese text contains; each unit's
DOCX is then that rendering with the token replaced by the unit's name in the XML, and the number and the
clerk's values (figures, signer) written into the highlighted placeholders. Rendering through docxtpl costs
60–150 ms a plan; replacing strings and deflating one XML part costs a few. ``draft_docx`` is the pure per-unit step.

The placeholders filled are those ``drafting.draft.fill_placeholders`` fills (section titles and paragraphs, the
signer), so a batch draft reads back as the single ``draft`` with ``--data`` would.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from drafting.draft import PLACEHOLDER, DraftOptions, draft_plan
from drafting.model import Plan
from drafting.parsing.text import fold
from drafting.render.docx_context import number_line
from drafting.render.docx_writer import render_docx
from drafting.units import Unit

# Letters in an order no Vietnamese syllable has: every occurrence in the rendered XML is the stand-in unit's name.
NAME_TOKEN = "Zqxwy"
PROVINCE_TOKEN = "Qzvkp"
NUMBER_TOKEN = "ZQNUM"
MARKER = "ZQPH{}ZQ"
_MARKER = re.compile(r"\[ZQPH(\d+)ZQ\]")
# run_xml writes a placeholder's run as …<w:highlight w:val="yellow"/></w:rPr><w:t …>[label]</w:t>: a filled one
# drops the highlight of its own run.
_HIGHLIGHTED_MARKER = re.compile(r'<w:highlight w:val="yellow"/>(</w:rPr><w:t[^>]*>)\[ZQPH(\d+)ZQ\]')
_LEFTOVER = re.compile(r"zqxwy|qzvkp|ZQNUM|ZQPH\d", re.IGNORECASE)
# What must not be left in a unit's XML, searched as plain substrings (a case-insensitive regex over a 150 kB part
# cost 5 ms a unit, more than all the rest of the step): every case the derivation writes a name in.
_STAND_IN_FORMS = tuple(case(token) for token in (NAME_TOKEN, PROVINCE_TOKEN)
                        for case in (str, str.upper, str.lower, str.capitalize)) + (NUMBER_TOKEN, "[ZQPH")
SIGNER_KEY = "nguoi_ky"
# Deflate level for the per-unit part: level 1 is ~3× faster than 6 and the DOCX only ~15 % larger.
COMPRESS_LEVEL = 1


@dataclass(frozen=True)
class Variant:
    """What a derivation depends on besides the unit's name. A unit of the parent's own province keeps its
    province's real name; a unit of another province (an --all run, a list across provinces) gets a stand-in
    province too, filled in like the unit's name: the derivation writes the unit's province only in the
    recipients and in whom it reports to, so the country needs a handful of derivations, not one per province."""

    kind: str
    province: str  # Unit.province, or PROVINCE_TOKEN
    province_full: str
    digit_led: bool  # "Phường 1 Bảo Lộc": the kind word is capitalised before a number
    date: str | None
    position: str


@dataclass(frozen=True)
class Settings:
    """The run's options, the same for every unit (a row may override number, date, position, signer)."""

    days_earlier: int = 5
    quota: tuple[int, int] = (5, 5)
    number: str = ""
    date: str | None = None
    position: str = "CHỦ TỊCH"
    signer: str | None = None
    template: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class Row:
    """One unit's values from the sheet (or none: then the run's settings and blanks)."""

    values: dict[str, str] = field(default_factory=dict)  # placeholder key → value, the signer under "nguoi_ky"
    number: str | None = None
    date: str | None = None
    position: str | None = None
    file: str | None = None  # a file name the clerk chose, already checked
    line: int | None = None  # the sheet's row, for messages


@dataclass
class Skeleton:
    variant: Variant
    prefix: bytes  # a zip of the parts no unit changes
    parts: dict[str, str]  # the parts that carry a token: name → XML
    markers: dict[int, tuple[str, str]]  # marker number → (placeholder key, label)
    placeholders: dict[str, str]  # key → what to write there (Draft.placeholders)
    todo: list[str]  # the draft's list for the clerk, with the stand-in's name in it
    name_token: str


def variant_of(unit: Unit, row: Row | None, settings: Settings, home: str | None = None) -> Variant:
    """``home``: the parent's issuer ("Ủy ban nhân dân tỉnh Đồng Tháp"); its province's units derive as themselves."""
    row = row or Row()
    own = home is not None and fold(home).endswith(fold(unit.province_full))
    province, province_full = (unit.province, unit.province_full) if own else (PROVINCE_TOKEN, f"tỉnh {PROVINCE_TOKEN}")
    return Variant(unit.kind, province, province_full, unit.name[:1].isdigit(),
                   row.date or settings.date, (row.position or settings.position).upper())


def stand_in(variant: Variant) -> Unit:
    name = f"9 {NAME_TOKEN}" if variant.digit_led else NAME_TOKEN
    kind = variant.kind[:1].upper() + variant.kind[1:] if variant.digit_led else variant.kind
    return Unit(variant.kind, name, f"{kind} {name}", variant.province, variant.province_full, "commune")


def build_skeleton(parent: Plan, variant: Variant, settings: Settings) -> Skeleton:
    """Derive and render the plan of the variant's stand-in unit (the slow step, once per variant)."""
    unit = stand_in(variant)
    options = DraftOptions(number=NUMBER_TOKEN, date=variant.date, signer=None, position=variant.position,
                           days_earlier=settings.days_earlier, quota=settings.quota, today=settings.today)
    draft = draft_plan(parent, unit, options)
    markers = _mark_placeholders(draft.plan)
    with tempfile.TemporaryDirectory(prefix="drafting-batch-") as folder:
        path = render_docx(draft.plan, Path(folder) / "skeleton.docx", settings.template)
        data = path.read_bytes()
    prefix, parts = _split(data)
    return Skeleton(variant, prefix, parts, markers, dict(draft.placeholders), list(draft.todo), unit.name)


def placeholders_of(parent: Plan, variants: list[Variant], settings: Settings) -> dict[str, str]:
    """Every placeholder the drafts of these variants carry (key → what to write), in the drafts' order: the
    sheet's value columns. One derivation per variant, no rendering."""
    found: dict[str, str] = {}
    for variant in variants:
        options = DraftOptions(number=NUMBER_TOKEN, date=variant.date, signer=None, position=variant.position,
                               days_earlier=settings.days_earlier, quota=settings.quota, today=settings.today)
        draft = draft_plan(parent, stand_in(variant), options)
        for key, description in draft.placeholders.items():
            found.setdefault(key, description)
    return found


def _mark_placeholders(plan: Plan) -> dict[int, tuple[str, str]]:
    """Each placeholder fill_placeholders would fill gets a numbered label, found again in the XML."""
    markers: dict[int, tuple[str, str]] = {}

    def mark(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            number = len(markers)
            markers[number] = (match.group("key"), match.group("label"))
            return f"[[{match.group('key')}|{MARKER.format(number)}]]"

        return PLACEHOLDER.sub(one, text)

    for section in plan.all_sections():
        section.title = mark(section.title)
        section.paragraphs = [mark(text) for text in section.paragraphs]
    if plan.signature.name:
        plan.signature.name = mark(plan.signature.name)
    return markers


def _split(data: bytes) -> tuple[bytes, dict[str, str]]:
    """The parts that name the unit (or hold a number or placeholder), and a zip of all the others."""
    parts: dict[str, str] = {}
    prefix = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(prefix, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.endswith(".xml") and _LEFTOVER.search(content.decode("utf-8", "replace")):
                parts[item.filename] = content.decode("utf-8")
            else:
                out.writestr(item, content)
    return prefix.getvalue(), parts


def draft_docx(skeleton: Skeleton, unit: Unit, row: Row | None, settings: Settings) -> bytes:
    """The unit's DOCX: the skeleton with the unit's name, number and values written in. Pure: no I/O."""
    row = row or Row()
    values = filled_values(row, settings)
    names = {}
    if skeleton.variant.province == PROVINCE_TOKEN:  # the whole "tỉnh Qzvkp" first: a city is "Thành phố …"
        for token, value in ((f"tỉnh {PROVINCE_TOKEN}", unit.province_full), (PROVINCE_TOKEN, unit.province)):
            for case in (str, str.upper, str.lower, _capitalised):
                names[case(token)] = case(value)
    names.update({skeleton.name_token: unit.name, skeleton.name_token.upper(): unit.name.upper(),
                  skeleton.name_token.lower(): unit.name.lower()})
    number = row.number if row.number is not None else settings.number
    # "Số: ZQNUM/KH-UBND" → "Số: 05/KH-UBND", or the blank the văn thư fills: number_line's own spacing.
    number_text = escape((number_line(number, "") or "").removesuffix("/"))
    buffer = BytesIO(skeleton.prefix)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as out:
        for name, xml in skeleton.parts.items():
            for token, value in names.items():
                xml = xml.replace(token, escape(value))
            xml = xml.replace(f"Số: {NUMBER_TOKEN}", number_text).replace(NUMBER_TOKEN, escape(number or ""))
            xml = _fill_markers(xml, skeleton.markers, values)
            leftover = next((form for form in _STAND_IN_FORMS if form in xml), None)
            if leftover:  # a form of the stand-in the substitution does not know: never hand such a draft on
                raise ValueError(f"còn “{leftover}” của đơn vị mẫu trong {name}")
            out.writestr(name, xml)
    return buffer.getvalue()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill_markers(xml: str, markers: dict[int, tuple[str, str]], values: dict[str, str]) -> str:
    def filled(match: re.Match[str]) -> str:
        key, _ = markers[int(match.group(2))]
        return match.group(1) + _xml_text(values[key]) if key in values else match.group(0)

    def label(match: re.Match[str]) -> str:
        key, text = markers[int(match.group(1))]
        return _xml_text(values[key]) if key in values else escape(f"[{text}]")

    return _MARKER.sub(label, _HIGHLIGHTED_MARKER.sub(filled, xml))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_text(value: str) -> str:
    """A clerk's cell as XML text: escaped, one line, no control characters XML forbids."""
    return escape(_CONTROL.sub("", " ".join(value.split())))


def filled_values(row: Row, settings: Settings) -> dict[str, str]:
    values = dict(row.values)
    if SIGNER_KEY not in values and settings.signer:
        values[SIGNER_KEY] = settings.signer
    return values


def left_to_fill(skeleton: Skeleton, row: Row | None, settings: Settings) -> list[str]:
    """What the clerk still writes by hand in this unit's draft: placeholder keys, then number and date."""
    row = row or Row()
    values = filled_values(row, settings)
    left = list(dict.fromkeys(key for key, _ in skeleton.markers.values() if key not in values))
    if not (row.number if row.number is not None else settings.number):
        left.append("so")
    date = row.date or settings.date
    if not date or len(date) < 10:
        left.append("ngay")
    return left


def unit_todo(skeleton: Skeleton, unit: Unit) -> list[str]:
    """The derivation's list for the clerk said for this unit, the single draft's "--data values.yaml" hint said
    the batch's way (the sheet)."""
    from drafting.batch.errors import words

    lines = []
    for line in skeleton.todo:
        if "--data values.yaml" in line:
            keys = ", ".join(key for key in skeleton.placeholders)
            line = words()["summary"]["todo_placeholders"].format(keys=keys)
        lines.append(line.replace(skeleton.name_token, unit.name))
    return lines
