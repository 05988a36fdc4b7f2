"""The annotated corpus and how a parsed plan is compared with its hand annotation."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from drafting.model import Plan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ANNOTATIONS = CORPUS / "annotations"
HEADING_KINDS = ("roman", "arabic", "decimal", "letter")
META_KEYS = ("doc_type", "number", "symbol", "issuer", "level", "place", "date", "title", "campaign")
BASIS_KEYS = ("doc_type", "number", "symbol", "year", "date", "issuer")


def annotated_files(folder: str) -> list[Path]:
    return sorted((ANNOTATIONS / folder).glob("*.json"))


def load_annotation(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def norm(value: str | None) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"[\s.:;,]+$", "", text)


def headings_of(plan: Plan) -> list[dict[str, Any]]:
    found = []

    def walk(sections: list, depth: int) -> None:
        for section in sections:
            if section.kind in HEADING_KINDS:
                found.append({"label": section.label, "kind": section.kind, "depth": depth, "title": section.title})
            walk(section.children, depth + 1)

    walk(plan.sections, 1)
    return found


def compare_headings(plan: Plan, expected: list[dict[str, Any]]) -> list[str]:
    """Mismatches between parsed and annotated headings (label, kind, depth, title prefix)."""
    got = headings_of(plan)
    problems = []
    for index in range(max(len(got), len(expected))):
        if index >= len(got):
            problems.append(f"missing heading {expected[index]}")
            continue
        if index >= len(expected):
            problems.append(f"extra heading {got[index]['label']} {got[index]['title'][:40]!r}")
            continue
        g, e = got[index], expected[index]
        if (g["label"], g["kind"], g["depth"]) != (e["label"], e["kind"], e["depth"]) or not _same_prefix(
            g["title"], e["title"]
        ):
            problems.append(
                f"heading {index}: got {g['label']}/{g['kind']}/{g['depth']} {g['title'][:50]!r}; "
                f"expected {e['label']}/{e['kind']}/{e['depth']} {e['title'][:50]!r}"
            )
    return problems


def _same_prefix(got: str, expected: str) -> bool:
    a, b = norm(got) or "", norm(expected) or ""
    size = min(len(a), len(b), 60)
    return a[:size] == b[:size] and (size > 0 or a == b)


def compare_meta(plan: Plan, expected: dict[str, Any]) -> list[str]:
    problems = []
    meta = plan.meta
    for key in META_KEYS:
        if key in expected and norm(getattr(meta, key)) != norm(expected[key]):
            problems.append(f"meta.{key}: got {getattr(meta, key)!r}, expected {expected[key]!r}")
    return problems


def compare_bases(plan: Plan, expected: list[dict[str, Any]]) -> list[str]:
    problems = []
    if len(plan.legal_bases) != len(expected):
        problems.append(f"{len(plan.legal_bases)} legal bases, expected {len(expected)}")
    for index, (got, want) in enumerate(zip(plan.legal_bases, expected, strict=False)):
        for key in BASIS_KEYS:
            if key in want and norm(getattr(got, key)) != norm(want[key]):
                problems.append(f"basis {index}.{key}: got {getattr(got, key)!r}, expected {want[key]!r}")
    return problems


def compare_closing(plan: Plan, expected: dict[str, Any]) -> list[str]:
    problems = []
    got = [norm(r) for r in plan.recipients]
    want = [norm(r) for r in expected.get("recipients", [])]
    if got != want:
        problems.append(f"recipients: got {got}, expected {want}")
    if norm(plan.archive) != norm(expected.get("archive")):
        problems.append(f"archive: got {plan.archive!r}, expected {expected.get('archive')!r}")
    for key, value in (expected.get("signature") or {}).items():
        if norm(getattr(plan.signature, key)) != norm(value):
            problems.append(f"signature.{key}: got {getattr(plan.signature, key)!r}, expected {value!r}")
    return problems


def compare_all(plan: Plan, annotation: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "meta": compare_meta(plan, annotation.get("meta", {})),
        "legal_bases": compare_bases(plan, annotation.get("legal_bases", [])),
        "headings": compare_headings(plan, annotation.get("headings", [])),
        "closing": compare_closing(plan, annotation),
    }


REAL_META_KEYS = META_KEYS + ("superior", "draft")


def top_sections_of(plan: Plan) -> list[dict[str, Any]]:
    return [{"label": s.label, "kind": s.kind, "title": s.title} for s in plan.sections]


def compare_top_sections(plan: Plan, expected: list[dict[str, Any]]) -> list[str]:
    got = top_sections_of(plan)
    problems = []
    for index in range(max(len(got), len(expected))):
        if index >= len(got):
            problems.append(f"missing top section {expected[index]}")
        elif index >= len(expected):
            problems.append(f"extra top section {got[index]['label']} {got[index]['title'][:40]!r}")
        elif (got[index]["label"], got[index]["kind"]) != (expected[index]["label"], expected[index]["kind"]) or (
            not _same_prefix(got[index]["title"], expected[index]["title"])
        ):
            g, e = got[index], expected[index]
            problems.append(f"top {index}: got {g['label']}/{g['kind']} {g['title'][:40]!r}; "
                            f"expected {e['label']}/{e['kind']} {e['title'][:40]!r}")
    return problems


def compare_real_meta(plan: Plan, expected: dict[str, Any]) -> list[str]:
    problems = []
    for key in REAL_META_KEYS:
        if key in expected:
            got = getattr(plan.meta, key)
            same = got == expected[key] if isinstance(got, bool) else norm(got) == norm(expected[key])
            if not same:
                problems.append(f"meta.{key}: got {got!r}, expected {expected[key]!r}")
    want_to = [norm(x) for x in expected.get("recipient_to", [])]
    if "recipient_to" in expected and [norm(x) for x in plan.meta.recipient_to] != want_to:
        problems.append(f"meta.recipient_to: got {plan.meta.recipient_to}, expected {expected['recipient_to']}")
    return problems


def compare_after_signature(plan: Plan, annotation: dict[str, Any]) -> list[str]:
    problems = []
    got = [(norm(a.title), norm(a.ref)) for a in plan.appendices if a.label or a.ref]
    want = [(norm(a.get("title")), norm(a.get("ref"))) for a in annotation.get("appendices", [])]
    if got != want:
        problems.append(f"appendices: got {got}, expected {want}")
    attached = annotation.get("attached")
    got_attached = [(a.meta.doc_type, norm(a.meta.title)) for a in plan.attachments]
    want_attached = [(attached["doc_type"], norm(attached["title"]))] if attached else []
    if got_attached != want_attached:
        problems.append(f"attached: got {got_attached}, expected {want_attached}")
    if "ref" in annotation.get("meta", {}) and norm(plan.meta.ref) != norm(annotation["meta"]["ref"]):
        problems.append(f"meta.ref: got {plan.meta.ref!r}, expected {annotation['meta']['ref']!r}")
    return problems


def compare_real(plan: Plan, annotation: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "meta": compare_real_meta(plan, annotation.get("meta", {})),
        "legal_bases": compare_bases(plan, annotation.get("legal_bases", [])),
        "top_sections": compare_top_sections(plan, annotation.get("top_sections", [])),
        "closing": compare_closing(plan, annotation),
        "after_signature": compare_after_signature(plan, annotation),
    }


PORTAL_META_KEYS = ("doc_type", "number", "symbol", "issuer", "superior", "place", "date", "title")


def compare_portal(plan: Plan, annotation: dict[str, Any]) -> dict[str, list[str]]:
    """A portal copy against its annotation: only the keys the annotator wrote are compared (the
    copies' legal bases and appendices are not annotated)."""
    expected = annotation.get("meta", {})
    meta = [f"meta.{key}: got {getattr(plan.meta, key)!r}, expected {expected[key]!r}"
            for key in PORTAL_META_KEYS if key in expected and norm(getattr(plan.meta, key)) != norm(expected[key])]
    if "recipient_to" in expected and [norm(x) for x in plan.meta.recipient_to] != [
        norm(x) for x in expected["recipient_to"]
    ]:
        meta.append(f"meta.recipient_to: got {plan.meta.recipient_to}, expected {expected['recipient_to']}")
    top = compare_top_sections(plan, annotation["top_sections"]) if "top_sections" in annotation else []
    return {"meta": meta, "top_sections": top, "closing": compare_closing(plan, annotation)}
