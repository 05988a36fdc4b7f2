"""Review mode: what a local plan did with its parent's work (coverage) and where it contradicts it (findings)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.derive.structure import bodies_for, fate_of, split_group
from drafting.diff.align import criteria_score, dates_of
from drafting.diff.model import CoverageItem, Finding
from drafting.diff.units import blocks_of
from drafting.diff.words import dice, syllables
from drafting.model import Plan
from drafting.nlp.temporal import context_year
from drafting.parsing.text import fold, tone_key

TASK_MATCH = 0.6  # share of syllables (Dice, level words made one) a local paragraph shares with a parent's task
GROUP_MATCH = 0.35
MIN_SHARED = 5  # syllables a parent's task and a local paragraph share at least
AWARD_MATCH = 0.7


@dataclass
class Place:
    text: str
    owner: str | None  # the local body whose work it is, when the local plan says
    path: str
    words: frozenset[str]


@cache
def _level_pattern() -> re.Pattern[str]:
    words = sorted((tone_key(word) for word in load("diff")["level_words"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)")


def level_free(text: str) -> frozenset[str]:
    """The syllables of a text with every level word ("tỉnh", "xã", "Sở", "cấp huyện") made one: a sentence kept
    from the parent at another level keeps its key."""
    folded = fold(text).replace("ubnd", "ủy ban nhân dân")
    return frozenset(syllables(_level_pattern().sub(" @ ", folded)))


def _places(local: Plan) -> list[Place]:
    """Every paragraph of the local plan once, with the body whose task it is when the plan says."""
    places: dict[frozenset[str], Place] = {}
    bodies = {fold(entry.get("agency") or "") for entry in local.responsibilities}
    for entry in local.responsibilities + [row for appendix in local.appendices for row in appendix.responsibilities]:
        for task in entry.get("tasks", []):
            if fold(task).strip(" .:") in bodies:
                continue  # a body's heading is no work
            words = level_free(task)
            places.setdefault(words, Place(task, entry.get("agency"),
                                           str((entry.get("source") or {}).get("section", "")), words))
    for block in blocks_of(local):
        for unit in block.units:
            if fold(unit.text).strip(" .:") in bodies:
                continue  # a body's heading is no work
            words = level_free(unit.text)
            if words in places:
                if not places[words].path or len(places[words].path) < len(unit.path):
                    places[words].path = unit.path
                continue
            places[words] = Place(unit.text, None, unit.path, words)
    return list(places.values())


def _assign(tasks: list[frozenset[str]], places: list[Place]) -> dict[int, tuple[Place, float]]:
    """Each parent task to the local paragraph most like it, each paragraph taken once, best pairs first."""
    scored = []
    for n, words in enumerate(tasks):
        for m, place in enumerate(places):
            score = dice(words, place.words)
            if score >= TASK_MATCH and len(words & place.words) >= MIN_SHARED:
                scored.append((score, n, m))
    found: dict[int, tuple[Place, float]] = {}
    taken: set[int] = set()
    for score, n, m in sorted(scored, reverse=True):
        if n in found or m in taken:
            continue
        found[n] = (places[m], score)
        taken.add(m)
    return found


def _best(words: frozenset[str], places: list[Place]) -> tuple[float, Place | None]:
    best, found = 0.0, None
    for place in places:
        score = dice(words, place.words)
        if score > best:
            best, found = score, place
    return best, found


def _same_body(a: str | None, b: str | None) -> bool:
    return bool(a and b) and level_free(a or "") == level_free(b or "")


def _expected(agency: str, local_level: str | None) -> str:
    if local_level != "commune":
        return ""
    reasons = []
    for part, fate in ((part, fate_of(part)) for part in split_group(agency)):
        if fate.kind == "none":
            reasons.append(f"{part}: {fate.reason}")
        elif fate.kind == "province":
            reasons.append(f"{part}: việc của cấp tỉnh")
    return "; ".join(reasons)


def _owner_of(place: Place, places: list[Place]) -> str | None:
    return place.owner


def _cover_tasks(entry: dict[str, Any], kind: str, found: list[tuple[Place, float] | None],
                 local_level: str | None) -> CoverageItem:
    agency = entry.get("agency") or "—"
    tasks = []
    for task, match in zip(entry.get("tasks", []), found, strict=True):
        if match is None:
            tasks.append({"text": task, "status": "dropped", "local": None, "where": None})
            continue
        place, score = match
        owner = place.owner
        status = "carried" if owner is None or _same_body(owner, agency) else "reassigned"
        tasks.append({"text": task, "status": status, "local": owner, "where": place.path, "score": round(score, 2),
                      "local_text": place.text})
    kept = [task for task in tasks if task["status"] != "dropped"]
    owners = list(dict.fromkeys(task["local"] for task in kept if task["local"]))
    if not kept:
        status = "dropped"
    elif len(kept) < len(tasks):
        status = "partial"
    elif any(task["status"] == "reassigned" for task in kept):
        status = "reassigned"
    else:
        status = "carried"
    detail = f"{len(kept)}/{len(tasks)} nhiệm vụ"
    return CoverageItem(kind, agency, status, owners, detail, _expected(agency, local_level) if status != "carried"
                        else "", tasks)


def _cover_criteria(parent: Plan, local: Plan, places: list[Place]) -> list[CoverageItem]:
    found = []
    for group in parent.criteria:
        target = group.get("target") or "—"
        best, match = 0.0, None
        for candidate in local.criteria:
            score = criteria_score(group, candidate)
            if score > best:
                best, match = score, candidate
        if match is not None and best >= GROUP_MATCH:
            same = fold(match.get("target") or "") == fold(target)
            found.append(CoverageItem("criteria", target, "carried" if same else "reassigned",
                                      [match.get("target") or "—"], f"{len(match.get('items', []))}/"
                                      f"{len(group.get('items', []))} tiêu chí"))
            continue
        items = group.get("items", [])
        kept = [item for item in items if _best(level_free(item), places)[0] >= TASK_MATCH]
        status = "dropped" if not kept else ("carried" if len(kept) == len(items) else "partial")
        found.append(CoverageItem("criteria", target, status, [], f"{len(kept)}/{len(items)} tiêu chí"))
    return found


def _award_key(form: str) -> frozenset[str]:
    return level_free(re.sub(r"(?i)^\s*(đề nghị\s+)?(xét\s+)?(tặng\s+)?", "", form))


def _cover_awards(parent: Plan, local: Plan, places: list[Place]) -> list[CoverageItem]:
    found = []
    local_forms = [(award.get("form") or "", _award_key(award.get("form") or "")) for award in local.awards]
    for award in parent.awards:
        form = award.get("form") or "—"
        key = _award_key(form)
        best, match = 0.0, None
        for candidate, candidate_key in local_forms:
            score = dice(key, candidate_key)
            if score > best:
                best, match = score, candidate
        if match and best >= AWARD_MATCH:
            found.append(CoverageItem("award", form, "carried", [match], _quota(award)))
            continue
        mentioned = any(key <= place.words for place in places)
        found.append(CoverageItem("award", form, "carried" if mentioned else "dropped", [],
                                  "nêu trong văn bản" if mentioned else _quota(award)))
    return found


def _quota(award: dict[str, Any]) -> str:
    quota = award.get("quota") or {}
    parts = [f"{quota[key]} {name}" for key, name in (("collectives", "tập thể"), ("individuals", "cá nhân"))
             if quota.get(key)]
    return ", ".join(parts)


def period_end(value: str) -> str:
    """The last day of an ISO date, month, quarter or year: deadlines of different precision compared."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if quarter:
        year, month = int(quarter.group(1)), int(quarter.group(2)) * 3
    elif re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:7])
    elif re.fullmatch(r"\d{4}", value):
        year, month = int(value), 12
    else:
        return value
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _is_report(text: str) -> bool:
    folded = fold(text)
    return any(fold(word) in folded for word in load("diff")["report_words"])


def _cover_deadlines(entries: list[tuple[str, dict[str, Any]]], found: list[list[tuple[Place, float] | None]]
                     ) -> list[CoverageItem]:
    items = []
    for (_, entry), matches in zip(entries, found, strict=True):
        for deadline in entry.get("deadlines", []):
            if not deadline.get("date"):
                continue
            clause = deadline.get("text") or ""
            label = f"{entry.get('agency') or '—'}: {clause}"
            at = next((n for n, task in enumerate(entry.get("tasks", [])) if fold(clause) in fold(task)), None)
            match = matches[at] if at is not None else None
            if match is None:
                items.append(CoverageItem("deadline", label, "dropped", [], deadline["date"]))
                continue
            place = match[0]
            local_dates = dates_of(place.text, context_year(place.text, deadline["date"]))
            owner = [place.owner] if place.owner else []
            if not local_dates:
                items.append(CoverageItem("deadline", label, "no_date", owner, f"{deadline['date']} → (không ghi ngày)",
                                          tasks=[{"text": place.text, "where": place.path}]))
                continue
            parent_end, local_end = period_end(deadline["date"]), min(period_end(d) for d in local_dates)
            status = "earlier" if local_end < parent_end else ("same" if local_end == parent_end else "later")
            shown = f"{deadline['date']} → {', '.join(local_dates)}"
            items.append(CoverageItem("deadline", label, status, owner, shown,
                                      tasks=[{"text": place.text, "where": place.path, "report": _is_report(clause)}]))
    return items


def coverage(parent: Plan, local: Plan) -> list[CoverageItem]:
    places = _places(local)
    entries = [("responsibility", entry) for entry in parent.responsibilities if entry.get("tasks")]
    entries += [("task_row", row) for appendix in parent.appendices for row in appendix.responsibilities
                if row.get("tasks")]
    tasks = [(n, task) for n, (_, entry) in enumerate(entries) for task in entry["tasks"]]
    assigned = _assign([level_free(task) for _, task in tasks], places)
    found: list[list[tuple[Place, float] | None]] = [[] for _ in entries]
    for k, (n, _) in enumerate(tasks):
        found[n].append(assigned.get(k))
    items = [_cover_tasks(entry, kind, found[n], local.meta.level) for n, (kind, entry) in enumerate(entries)]
    items.extend(_cover_criteria(parent, local, places))
    items.extend(_cover_awards(parent, local, places))
    items.extend(_cover_deadlines(entries, found))
    return items


# --- findings ----------------------------------------------------------------------------------------------

def findings(parent: Plan, local: Plan, items: list[CoverageItem]) -> list[Finding]:
    found: list[Finding] = []
    found.extend(_deadline_findings(items))
    found.extend(_basis_findings(parent, local))
    found.extend(_scope_findings(parent, local))
    found.extend(_campaign_findings(parent, local))
    if local.meta.level == "commune":
        found.extend(_body_findings(local))
    found.extend(_abolished_findings(local))
    return found


def _deadline_findings(items: list[CoverageItem]) -> list[Finding]:
    found = []
    for item in items:
        if item.kind != "deadline" or item.status not in ("same", "later"):
            continue
        where = item.tasks[0]["where"] if item.tasks else ""
        report = bool(item.tasks and item.tasks[0].get("report"))
        if report:
            found.append(Finding("report_deadline", "Thời hạn báo cáo của cấp dưới không sớm hơn thời hạn của cấp "
                                 f"trên ({item.detail}): cần sớm hơn để kịp tổng hợp.", where, item.tasks[0]["text"]))
        elif item.status == "later":
            found.append(Finding("late_deadline", f"Thời hạn muộn hơn thời hạn của cấp trên ({item.detail}).", where,
                                 item.tasks[0]["text"] if item.tasks else ""))
    return found


def _cites(ref: Any, parent: Plan) -> bool:
    return bool(parent.meta.number) and ref.number == parent.meta.number and \
        fold(ref.symbol or "") == fold(parent.meta.symbol or "")


def _basis_findings(parent: Plan, local: Plan) -> list[Finding]:
    meta = parent.meta
    name = f"{(meta.doc_type or 'văn bản').capitalize()} số {meta.number or '…'}/{meta.symbol or '…'}"
    if meta.date:
        name += f" ngày {meta.date}"
    if not local.legal_bases:
        return [Finding("first_basis", f"Không có căn cứ nào; căn cứ đầu tiên phải dẫn {name}.", "căn cứ 1")]
    first = local.legal_bases[0]
    if _cites(first, parent):
        if meta.date and first.date and first.date != meta.date:
            return [Finding("first_basis", f"Căn cứ đầu tiên dẫn đúng số nhưng sai ngày: {first.date} (đúng: "
                            f"{meta.date}).", "căn cứ 1", first.text)]
        return []
    elsewhere = next((n for n, ref in enumerate(local.legal_bases, 1) if _cites(ref, parent)), None)
    if elsewhere:
        return [Finding("first_basis", f"{name} là căn cứ thứ {elsewhere}, không phải căn cứ đầu tiên.", "căn cứ 1",
                        first.text)]
    same_kind = fold(first.symbol or "") == fold(meta.symbol or "") and meta.symbol
    if same_kind or (meta.date and first.date == meta.date):
        wrong = []
        if first.number != meta.number:
            wrong.append(f"số {first.number or '—'} (đúng: {meta.number or '—'})")
        if meta.date and first.date != meta.date:
            wrong.append(f"ngày {first.date or '—'} (đúng: {meta.date})")
        return [Finding("first_basis", "Căn cứ đầu tiên dẫn sai " + ", ".join(wrong) + ".", "căn cứ 1", first.text)]
    return [Finding("first_basis", f"Căn cứ đầu tiên không dẫn văn bản cấp trên ({name}).", "căn cứ 1", first.text)]


_CITING = re.compile(r"số\s*\d*\s*[./…]*\s*/\s*[\wĐđ-]+|“[^”]*$|\"[^\"]*$")


def _scope_findings(parent: Plan, local: Plan) -> list[Finding]:
    levels = {"province": 0, "district": 1, "commune": 2}
    if parent.meta.level not in levels or levels.get(local.meta.level or "", -1) <= levels[parent.meta.level or ""]:
        return []
    phrases = sorted((tone_key(phrase) for phrase in load("diff")["scope_words"].get(parent.meta.level or "", [])),
                     key=len, reverse=True)
    if not phrases:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(phrase) for phrase in phrases) + r")(?!\w)")
    found = []
    for block in blocks_of(local):
        for unit in block.units:
            key = fold(unit.text)
            hits = []
            for match in pattern.finditer(key):
                sentence_start = max(key.rfind(". ", 0, match.start()), key.rfind("; ", 0, match.start()), 0)
                if _CITING.search(key[sentence_start : match.start()]):
                    continue  # inside a cited document's name or a quotation
                hits.append(unit.text[match.start() : match.end()])
            if hits:
                found.append(Finding("scope_words", "Còn từ chỉ phạm vi của cấp trên: " + ", ".join(
                    f"“{hit}”" for hit in dict.fromkeys(hits)) + ".", unit.path, unit.text))
    return found


_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
_SCOPE_TAIL = re.compile(r"\s+(?:trên (?:địa bàn|phạm vi)|tại)\s.*$")


def _campaign(plan: Plan) -> str | None:
    if plan.meta.campaign:
        return plan.meta.campaign
    quoted = _QUOTED.search(plan.meta.title or "")
    return quoted.group(1) if quoted else None


def _campaign_findings(parent: Plan, local: Plan) -> list[Finding]:
    a, b = _campaign(parent), _campaign(local)
    if not a or not b:
        return []
    if _SCOPE_TAIL.sub("", fold(a)).strip(" .") == _SCOPE_TAIL.sub("", fold(b)).strip(" ."):
        return []
    return [Finding("campaign", f"Tên phong trào khác cấp trên: “{b}” (cấp trên: “{a}”).", "trích yếu",
                    local.meta.title or "")]


_LOCAL_WORDS = re.compile(r"(?<!\w)(xã|phường|đặc khu|thôn|ấp|tổ dân phố|bản|khu phố)(?!\w)")


def _unit_kind(local: Plan) -> str:
    issuer = fold(local.meta.issuer or "")
    for kind in ("đặc khu", "phường", "thị trấn"):
        if kind in issuer:
            return kind
    return "xã"


def _body_findings(local: Plan) -> list[Finding]:
    names = {fold(body.name) for body in bodies_for(_unit_kind(local))}
    found = []
    seen: set[str] = set()
    for entry in local.responsibilities:
        agency = entry.get("agency") or ""
        if fold(agency) in names or any(fold(agency).startswith(name) for name in names):
            continue
        for part in split_group(agency):
            key = fold(part)
            if key in seen or key in names or _LOCAL_WORDS.search(key):
                continue
            seen.add(key)
            fate = fate_of(part)
            where = str((entry.get("source") or {}).get("section", ""))
            if fate.kind == "none" and fate.reason:
                found.append(Finding("no_such_body", f"Cấp xã không có “{part}” ({fate.reason}).", where, agency))
            elif fate.kind == "province":
                found.append(Finding("no_such_body", f"“{part}” là cấp tỉnh: Ủy ban nhân dân xã không giao việc cho "
                                     "cấp trên.", where, agency))
            elif fate.kind == "body" and re.match(r"(các )?(sở|bộ) |.*(tỉnh|thành phố)$", key):
                counterpart = next((body.name for body in bodies_for(_unit_kind(local)) if body.id == fate.body), "")
                found.append(Finding("no_such_body", f"“{part}” là cơ quan cấp tỉnh; ở cấp xã là "
                                     f"{counterpart or 'cơ quan chuyên môn tương ứng'}.", where, agency))
    return found


def _abolished_findings(local: Plan) -> list[Finding]:
    date = local.meta.date or ("9999" if local.meta.level == "commune" else "")
    if not date:
        return []
    rules = [(re.compile(r"(?<!\w)" + tone_key(rule["match"])), rule) for rule in load("diff")["abolished"]
             if date >= rule["since"][: len(date)]]
    found = []
    texts = [(unit.path, unit.text) for block in blocks_of(local) for unit in block.units]
    texts += [("nơi nhận", line) for line in local.recipients]
    seen: set[str] = set()
    for where, text in texts:
        key = fold(text)
        for pattern, rule in rules:
            match = pattern.search(key)
            if match is None or _CITING.search(key[max(0, match.start() - 80) : match.start()]):
                continue
            name = text[match.start() : match.end()]
            if fold(name) in seen:
                continue
            seen.add(fold(name))
            found.append(Finding("abolished", f"“{name}” không còn (từ {rule['since']}, {rule['source']}); nay là "
                                 f"{rule['successor']}.", where, text))
    return found
