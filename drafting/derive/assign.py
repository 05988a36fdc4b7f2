"""Each responsibility of the parent becomes work of a commune body, the commune's own core work shared out by
field, a request to the Fatherland Front, or a task that is not the commune's (with the reason).

Input: the parent's responsibilities as the extractor reads them (drafting/nlp/responsibilities.py) and its
task-table rows; output: tasks per commune body in the order a plan lists its bodies, and one `Outcome` per
responsibility for `--explain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.derive.structure import CommuneBody, Fate, bodies_for, body, fates_of
from drafting.derive.targets import without_province_targets
from drafting.derive.wording import Scope, task_words, tidy, without_others_work, without_partner
from drafting.parsing.text import fold, tone_key


@dataclass
class Outcome:
    """What happened to one responsibility of the parent."""

    agency: str  # as the parent writes it
    fate: str  # assigned | shared | asked | dropped | this_plan
    to: list[str] = field(default_factory=list)  # the commune bodies that took its tasks
    reason: str = ""
    tasks: int = 0


@dataclass
class Assignment:
    tasks: dict[str, list[str]]  # commune body id → its tasks, as the commune plan writes them
    outcomes: list[Outcome]
    dropped_targets: list[str]
    border_tasks: list[str] = field(default_factory=list)  # left out for a commune not known to be on a border


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """A word pattern of data/commune_wording.json, matched on fold()ed text."""
    return re.compile(tone_key(load("commune_wording")["patterns"][name]))


@cache
def _not_the_communes() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{tone_key(p)})" for p in load("commune_wording")["not_the_communes"]["tasks"]))


@cache
def _border() -> re.Pattern[str]:
    return re.compile(tone_key(load("commune_wording")["not_the_communes"]["border"]["match"]))


@cache
def _lead_ins() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{tone_key(p)})" for p in load("commune_wording")["not_the_communes"]["lead_ins"]))


def assign(responsibilities: list[dict[str, Any]], scope: Scope, lead: str) -> Assignment:
    tasks: dict[str, list[str]] = {b.id: [] for b in bodies_for(scope.kind)}
    outcomes: list[Outcome] = []
    dropped_targets: list[str] = []
    border_tasks: list[str] = []
    owner = _task_owners(responsibilities)
    for index, entry in enumerate(responsibilities):
        own = [task for task in entry.get("tasks", []) if owner.get(fold(task)) == index]
        outcome = Outcome(entry["agency"], "dropped", tasks=len(own))
        outcomes.append(outcome)
        fates = [(name, fate) for name, fate in fates_of(_without_request(entry["agency"]))]
        kept = [(name, fate) for name, fate in fates if fate.kind in ("body", "commune", "front")]
        if not kept:
            outcome.reason = "; ".join(_why_not(name, fate) for name, fate in fates)
            continue
        name, fate = _leading(kept)
        for task in own:
            task = _without_subject(task, [part for part, _ in fates] + [entry["agency"]])
            task = _without_closing_sentence(task)
            task, others = without_others_work(task)
            if others and not task:
                outcome.reason = "việc của cơ quan mà xã không chỉ đạo"
                continue
            task, dropped = without_province_targets(task)
            dropped_targets += dropped
            key = fold(task)
            if len(key.split()) < 5 or _lead_ins().search(key):
                continue  # a fragment ("Chủ trì, phối hợp."), or the closing "nếu có khó khăn …" the plan has
            if _pattern("this_plan").search(key):
                outcome.fate, outcome.reason = "this_plan", "việc xây dựng kế hoạch này (kế hoạch của xã là văn bản đó)"
                continue
            if _not_the_communes().search(key):
                outcome.reason = "thẩm quyền của cấp tỉnh (ban hành cơ chế, phân cấp, hướng dẫn các xã …)"
                continue
            if scope.kind != "đặc khu" and _border().search(key):
                border_tasks.append(task)
                outcome.reason = "nhiệm vụ khu vực biên giới, biển (giữ lại nếu xã giáp biên giới hoặc biển)"
                continue
            target = _share(task, scope, lead) if fate.kind == "commune" else fate.body or "all_offices"
            doer = body(scope.kind, target)
            written = _for_body(task, scope, doer, own_report=fate.kind == "commune")
            if written and written not in tasks[target]:
                tasks[target].append(written)
            if doer.name not in outcome.to:
                outcome.to.append(doer.name)
        if outcome.to:
            outcome.fate = {"commune": "shared", "front": "asked"}.get(fate.kind, "assigned")
        elif outcome.fate == "dropped":
            outcome.reason = outcome.reason or "không còn nhiệm vụ riêng (đã nằm trong mục khác)"
    return Assignment(_once(tasks), outcomes, dropped_targets, border_tasks)


def _once(tasks: dict[str, list[str]]) -> dict[str, list[str]]:
    """A task the extractor read twice (under an item and under a group, cut a little differently) is written
    once, where it was first given, in its longer form."""
    kept: list[tuple[str, str, str]] = []  # (body id, task, its key)
    for body_id, work in tasks.items():
        for task in work:
            key = fold(task)
            # A twin: the same task anywhere, or one cut a little differently under the same body.
            twin = next((i for i, (owner, _, other) in enumerate(kept)
                         if key == other or owner == body_id and (key in other or other in key)), None)
            if twin is None:
                kept.append((body_id, task, key))
            elif len(task) > len(kept[twin][1]):
                kept[twin] = (kept[twin][0], task, key)
    return {body_id: [task for owner, task, _ in kept if owner == body_id] for body_id in tasks}


def _without_closing_sentence(task: str) -> str:
    """ "(Trong) quá trình thực hiện, nếu có khó khăn, vướng mắc …", "Trên đây là …": the plan's closing says it
    once."""
    sentences = re.split(r"(?<=[.;])\s+", task)
    kept = [s for s in sentences if not re.search(r"nếu có khó khăn|có vướng mắc|^Trên đây là", s)]
    return " ".join(kept)


def _task_owners(responsibilities: list[dict[str, Any]]) -> dict[str, int]:
    """A task the extractor gives both to an item and to a body named inside it ("Sở Xây dựng, Sở Tài chính tổ
    chức rà soát …" under "Sở Tài chính") belongs to the body its sentence opens with, else to the first item."""
    owner: dict[str, int] = {}
    for index, entry in enumerate(responsibilities):
        agency = fold(_without_request(entry["agency"]))
        for task in entry.get("tasks", []):
            key = fold(task)
            opens_with_it = key.startswith(agency) or re.match(rf"(giao|đề nghị|yêu cầu) {re.escape(agency)}", key)
            if key not in owner or opens_with_it:
                owner[key] = index
    return owner


def not_the_communes(task: str) -> bool:
    """Work only a province does, or a province-scale target: the same rules for a text task and a table row."""
    from drafting.derive.targets import is_province_scale

    key = fold(task)
    return bool(_not_the_communes().search(key)) or is_province_scale(task)


def _without_subject(task: str, names: list[str]) -> str:
    """A task that opens with its doer ("Sở Tài chính và các đơn vị có liên quan tham mưu …", "Đồng thời, giao Công
    an tỉnh chủ trì …") starts at its verb: the heading names the commune body."""
    text = task.strip()
    lead_in = re.match(r"(?:Đồng thời,\s*|Căn cứ Kế hoạch này,\s*)?(?:(?:Ủy|Uỷ) ban nhân dân (?:tỉnh|thành phố)\s+)?"
                       r"(?:(?:giao|đề nghị|yêu cầu)\s+)?", text, re.IGNORECASE)
    rest = text[lead_in.end() :] if lead_in else text
    for name in sorted({_without_request(n) for n in names if n}, key=len, reverse=True):
        if fold(rest).startswith(fold(name)) and len(name) > 3:
            rest = rest[len(name) :].lstrip(" ,:")
            rest = re.sub(r"^(?:và các (?:cơ quan, )?đơn vị (?:có )?liên quan|và các cơ quan, đơn vị liên quan)\s+", "",
                          rest)
            return rest[:1].upper() + rest[1:] if rest else text
    return text


def _without_request(agency: str) -> str:
    return re.sub(r"^(?:Đề nghị|Giao|Yêu cầu)\s+", "", agency.strip())


def _leading(kept: list[tuple[str, Fate]]) -> tuple[str, Fate]:
    """The body that leads a group: a named body before "các đơn vị liên quan"."""
    for name, fate in kept:
        if fate.kind != "body" or fate.body != "all_offices":
            return name, fate
    return kept[0]


def _why_not(name: str, fate: Fate) -> str:
    if fate.kind == "province":
        return f"{name}: việc của cấp tỉnh"
    if fate.kind == "unknown":
        return f"{name}: chưa xác định được cơ quan cấp xã tương ứng"
    return f"{name}: {fate.reason}"


def _share(task: str, scope: Scope, lead: str) -> str:
    """The commune body whose fields the task speaks of most; the plan's lead body when none stands out."""
    key = fold(re.sub(r"“[^”]*”|\"[^\"]*\"", "", task))  # a campaign's quoted name says nothing of the field
    best, best_score = lead, 0.5
    for candidate in bodies_for(scope.kind):
        if candidate.relation != "assign" or not candidate.fields:
            continue
        score = sum(key.count(word) for word in candidate.fields)
        if score > best_score:
            best, best_score = candidate.id, score
    return best


def _for_body(task: str, scope: Scope, doer: CommuneBody, own_report: bool = False) -> str:
    text = task_words(re.sub(r"\s*\./\.\s*$", ".", task.strip()), scope, doer, own_report)  # the parent's "./."
    if doer.relation == "assign" and doer.id not in ("hamlets",) and _pattern("committee_verbs").match(fold(text)):
        text = f"Tham mưu {scope.committee} {text[:1].lower()}{text[1:]}"
    text = without_partner(text, doer)
    return tidy(text).strip()
