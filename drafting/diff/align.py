"""Alignment on the parsed model: top-level parts paired by role and content (never by number), then their
paragraphs by content with the labels stripped; what is left over is paired across the plan (moved) or is
added or dropped."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from drafting.diff.model import Change, Side
from drafting.diff.units import Block, Unit
from drafting.diff.words import content_key, dice, spelling_key, strip_label, syllables, word_diff
from drafting.model import LegalRef, Plan
from drafting.nlp.temporal import context_year, find_times
from drafting.parsing.text import fold

PAIR_IN_PLACE = 0.5  # two paragraphs at one place with this share of syllables in common: one paragraph changed
PAIR_MOVED = 0.6  # two paragraphs at different places: one paragraph moved
BLOCK_MIN = 0.3


def _block_words(block: Block) -> frozenset[str]:
    found: set[str] = set()
    for unit in block.units:
        found |= unit.words
    return frozenset(found)


def _block_score(old: Block, new: Block, old_words: frozenset[str], new_words: frozenset[str]) -> float:
    if old.part != new.part:
        return 0.0
    special = {"preamble", "closing"}
    if special & set(old.roles) or special & set(new.roles):
        return 1.0 if old.roles == new.roles else 0.0
    roles_a, roles_b = set(old.roles) - {"other"}, set(new.roles) - {"other"}
    role = len(roles_a & roles_b) / len(roles_a | roles_b) if roles_a and roles_b else 0.0
    title = dice(frozenset(syllables(old.title)), frozenset(syllables(new.title)))
    content = dice(old_words, new_words)
    return 0.4 * role + 0.3 * title + 0.3 * content


def align_blocks(old: list[Block], new: list[Block]) -> list[tuple[int, int, float]]:
    """Pairs (old index, new index, score) of top-level parts, best first, each part in one pair at most."""
    old_words = [_block_words(block) for block in old]
    new_words = [_block_words(block) for block in new]
    scored = sorted(((_block_score(a, b, old_words[i], new_words[j]), i, j) for i, a in enumerate(old)
                     for j, b in enumerate(new)), reverse=True)
    pairs = [(i, j, round(score, 3)) for score, i, j in _best_first(scored, BLOCK_MIN)]
    return sorted(pairs, key=lambda pair: pair[1])


def _side(unit: Unit) -> Side:
    return Side(unit.label, unit.path, unit.text)


def _norm_label(label: str | None) -> str:
    return (label or "").strip(" .)").lower()


def dates_of(text: str, year: int | None = None) -> list[str]:
    return [span.value for span in find_times(text, year) if span.value and span.label != "PERIOD"]


def date_note(old: str, new: str) -> str:
    year = context_year(old, new)
    before, after = dates_of(old, year), dates_of(new, year)
    if before != after and (before or after):
        return f"thời hạn: {', '.join(before) or '—'} → {', '.join(after) or '—'}"
    return ""


def pair_change(kind: str, part: str, old: Unit, new: Unit) -> Change:
    renumbered = _norm_label(old.label) != _norm_label(new.label)
    same_words = old.key == new.key
    if same_words:
        differs = _strip(old.text) != _strip(new.text)
        return Change(kind, part, _side(old), _side(new), renumbered, differs,
                      word_diff(old.text, new.text) if differs else [])
    return Change("changed" if kind == "kept" else kind, part, _side(old), _side(new), renumbered, False,
                  word_diff(old.text, new.text), date_note(old.text, new.text))


def _strip(text: str) -> str:
    return " ".join(strip_label(text).split()).strip(" .,;:")


def diff_blocks(old_blocks: list[Block], new_blocks: list[Block]) -> tuple[list[Change], list[tuple[int, int, float]]]:
    pairs = align_blocks(old_blocks, new_blocks)
    old_units = [unit for block in old_blocks for unit in block.units]
    new_units = [unit for block in new_blocks for unit in block.units]
    old_at = {id(unit): n for n, unit in enumerate(old_units)}
    new_at = {id(unit): n for n, unit in enumerate(new_units)}
    matched: list[tuple[Unit, Unit, str]] = []  # (old, new, kind)
    old_left: list[Unit] = []
    new_left: list[Unit] = []
    paired_old = {i for i, _, _ in pairs}
    paired_new = {j for _, j, _ in pairs}
    for i, j, _ in pairs:
        a, b = old_blocks[i].units, new_blocks[j].units
        matcher = SequenceMatcher(None, [u.key for u in a], [u.key for u in b], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                matched.extend((a[i1 + k], b[j1 + k], "kept") for k in range(i2 - i1))
            elif tag == "replace":
                found, rest_a, rest_b = _pair_in_place(a[i1:i2], b[j1:j2])
                matched.extend(found)
                old_left.extend(rest_a)
                new_left.extend(rest_b)
            elif tag == "delete":
                old_left.extend(a[i1:i2])
            else:
                new_left.extend(b[j1:j2])
    for n, block in enumerate(old_blocks):
        if n not in paired_old:
            old_left.extend(block.units)
    for n, block in enumerate(new_blocks):
        if n not in paired_new:
            new_left.extend(block.units)
    moved, old_left, new_left = _pair_moved(old_left, new_left)
    matched.extend(moved)

    ordered: list[tuple[tuple[float, ...], Change]] = []
    new_of_old: dict[int, int] = {}
    for a, b, kind in matched:
        new_of_old[old_at[id(a)]] = new_at[id(b)]
        ordered.append(((new_at[id(b)], 0, 0), pair_change(kind, a.part, a, b)))
    for unit in new_left:
        ordered.append(((new_at[id(unit)], 0, 0), Change("added", unit.part, None, _side(unit))))
    for unit in old_left:
        n = old_at[id(unit)]
        before = max((k for k in new_of_old if k < n), default=None)
        anchor = new_of_old[before] if before is not None else -1
        ordered.append(((anchor, 1, n), Change("dropped", unit.part, _side(unit), None)))
    ordered.sort(key=lambda item: item[0])
    return [change for _, change in ordered], pairs


def _pair_in_place(a: list[Unit], b: list[Unit]) -> tuple[list[tuple[Unit, Unit, str]], list[Unit], list[Unit]]:
    scored = sorted(((dice(x.words, y.words), n, m) for n, x in enumerate(a) for m, y in enumerate(b)), reverse=True)
    chosen = _best_first(scored, PAIR_IN_PLACE)
    used_a, used_b = {n for _, n, _ in chosen}, {m for _, _, m in chosen}
    found = [(a[n], b[m], "kept") for _, n, m in chosen]
    return found, [x for n, x in enumerate(a) if n not in used_a], [y for m, y in enumerate(b) if m not in used_b]


def _best_first(scored: list[tuple[float, int, int]], minimum: float) -> list[tuple[float, int, int]]:
    """Pairs taken best score first, each side used once, none below `minimum` (scored sorted best first)."""
    used_old: set[int] = set()
    used_new: set[int] = set()
    chosen = []
    for score, i, j in scored:
        if score < minimum or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        chosen.append((score, i, j))
    return chosen


def _pair_moved(a: list[Unit], b: list[Unit]) -> tuple[list[tuple[Unit, Unit, str]], list[Unit], list[Unit]]:
    by_key: dict[str, list[int]] = {}
    for m, unit in enumerate(b):
        by_key.setdefault(unit.key, []).append(m)
    used_a: set[int] = set()
    used_b: set[int] = set()
    found = []
    for n, unit in enumerate(a):
        for m in by_key.get(unit.key, []):
            if m not in used_b:
                used_a.add(n)
                used_b.add(m)
                found.append((unit, b[m], "moved"))
                break
    rest_a = [(n, x) for n, x in enumerate(a) if n not in used_a]
    rest_b = [(m, y) for m, y in enumerate(b) if m not in used_b]
    scored = []
    for n, x in rest_a:
        for m, y in rest_b:
            score = dice(x.words, y.words)
            if score >= PAIR_MOVED:
                scored.append((score, n, m))
    for _, n, m in sorted(scored, reverse=True):
        if n in used_a or m in used_b:
            continue
        used_a.add(n)
        used_b.add(m)
        found.append((a[n], b[m], "moved"))
    return found, [x for n, x in enumerate(a) if n not in used_a], [y for m, y in enumerate(b) if m not in used_b]


def criteria_score(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How alike two criteria groups are: their items, and the group they are for, half and half."""
    items = dice(frozenset(syllables(" ".join(a.get("items", [])))), frozenset(syllables(" ".join(b.get("items", [])))))
    target = dice(frozenset(syllables(a.get("target") or "")), frozenset(syllables(b.get("target") or "")))
    return 0.5 * items + 0.5 * target


# --- legal bases: compared as documents --------------------------------------------------------------------

def _ref_side(ref: LegalRef, n: int) -> Side:
    label = "/".join(filter(None, [ref.number, ref.symbol])) or None
    return Side(label, f"căn cứ {n}", ref.text)


def _ref_note(old: LegalRef, new: LegalRef) -> str:
    notes = []
    for name, a, b in (("số", _ref_number(old), _ref_number(new)), ("ngày", old.date, new.date),
                       ("cơ quan ban hành", old.issuer, new.issuer), ("loại", old.doc_type, new.doc_type)):
        if fold(a or "") != fold(b or ""):
            notes.append(f"{name}: {a or '—'} → {b or '—'}")
    return "; ".join(notes)


def _ref_number(ref: LegalRef) -> str:
    return "/".join(filter(None, [ref.number, ref.year, ref.symbol]))


def diff_bases(old: list[LegalRef], new: list[LegalRef]) -> list[Change]:
    def same_document(a: LegalRef, b: LegalRef) -> int:
        if a.number and a.number == b.number and fold(a.symbol or "") == fold(b.symbol or ""):
            return 4
        if a.symbol and fold(a.symbol) == fold(b.symbol or "") and a.date and a.date == b.date:
            return 3  # the number was corrected
        if a.number and a.number == b.number and a.date and a.date == b.date:
            return 3  # the symbol was corrected
        if a.number and a.number == b.number and fold(a.doc_type or "") == fold(b.doc_type or "") and \
                a.issuer and fold(a.issuer) == fold(b.issuer or ""):
            return 2
        return 1 if dice(frozenset(syllables(a.text)), frozenset(syllables(b.text))) >= 0.7 else 0

    scored = sorted(((same_document(a, b), -abs(n - m), n, m) for n, a in enumerate(old) for m, b in enumerate(new)),
                    reverse=True)
    used_old: dict[int, int] = {}
    used_new: set[int] = set()
    for score, _, n, m in scored:
        if score == 0 or n in used_old or m in used_new:
            continue
        used_old[n] = m
        used_new.add(m)
    changes: list[tuple[tuple[int, int, int], Change]] = []
    for n, m in used_old.items():
        a, b = old[n], new[m]
        note = _ref_note(a, b)
        same_text = content_key(a.text) == content_key(b.text)
        kind = "kept" if same_text and not note else "changed"
        differs = _strip(a.text) != _strip(b.text)
        changes.append(((m, 0, n), Change(kind, "legal_bases", _ref_side(a, n + 1), _ref_side(b, m + 1),
                                          spelling_only=kind == "kept" and differs,
                                          words=word_diff(a.text, b.text) if differs else [], note=note)))
    for m, b in enumerate(new):
        if m not in used_new:
            changes.append(((m, 0, -1), Change("added", "legal_bases", None, _ref_side(b, m + 1))))
    for n, a in enumerate(old):
        if n not in used_old:
            anchor = max((used_old[k] for k in used_old if k < n), default=-1)
            changes.append(((anchor, 1, n), Change("dropped", "legal_bases", _ref_side(a, n + 1), None)))
    changes.sort(key=lambda item: item[0])
    return [change for _, change in changes]


# --- lists and fields --------------------------------------------------------------------------------------

def diff_lines(old: list[str], new: list[str], part: str, name: str) -> list[Change]:
    """Short lines (recipients): kept, changed (similar), added or dropped, in the new order."""
    a = [Unit(part, 0, None, "paragraph", name, text) for text in old]
    b = [Unit(part, 0, None, "paragraph", name, text) for text in new]
    changes, _ = diff_blocks([Block(part, name, (name,), None, a)], [Block(part, name, (name,), None, b)])
    return changes


def diff_fields(old: dict[str, Any], new: dict[str, Any], part: str, names: tuple[str, ...]) -> list[Change]:
    changes = []
    for name in names:
        a, b = old.get(name), new.get(name)
        if not a and not b:
            continue
        a_text, b_text = str(a or ""), str(b or "")
        if not a_text or not b_text:
            kind = "added" if not a_text else "dropped"
            changes.append(Change(kind, part, Side(name, name, a_text) if a_text else None,
                                  Side(name, name, b_text) if b_text else None))
            continue
        if a_text == b_text:
            changes.append(Change("kept", part, Side(name, name, a_text), Side(name, name, b_text)))
        elif spelling_key(a_text) == spelling_key(b_text):
            changes.append(Change("kept", part, Side(name, name, a_text), Side(name, name, b_text),
                                  spelling_only=True, words=word_diff(a_text, b_text)))
        else:
            changes.append(Change("changed", part, Side(name, name, a_text), Side(name, name, b_text),
                                  words=word_diff(a_text, b_text)))
    return changes


META_FIELDS = ("doc_type", "number", "symbol", "issuer", "level", "place", "date", "title", "campaign")
SIGNATURE_FIELDS = ("authority", "delegation", "position", "name")


def meta_dict(plan: Plan) -> dict[str, Any]:
    meta = plan.meta
    return {"path": plan.source.path, "format": plan.source.format,
            **{name: getattr(meta, name) for name in META_FIELDS}}
