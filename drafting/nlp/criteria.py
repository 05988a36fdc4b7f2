"""Criteria groups: each "Đối với …" item under the criteria section, its target group and its items."""

from __future__ import annotations

import re
from typing import Any

from drafting.model import Plan
from drafting.nlp.agencies import find_agencies
from drafting.parsing.text import fold


def criteria(plan: Plan) -> list[dict[str, Any]]:
    found = []
    for section in plan.all_sections():
        if "tiêu chí" not in fold(section.title):
            continue
        for item in section.walk()[1:]:
            match = re.match(r"^Đối với\s+(.*)$", item.title)
            if match and not re.match(r"(?:khen thưởng|việc)\s", match.group(1), re.IGNORECASE):  # award rules
                # an item with sub-items holds no run-on text: its heading is the group up to a ":"
                target, rest = (match.group(1).split(":")[0].strip(), "") if item.children else _target(match.group(1))
                # its criteria: the text under it and its innermost items ("- Cán bộ, công chức" groups "+ …")
                leaves = [s.title for child in item.children for s in child.walk() if not s.children]
                items = ([rest] if rest else []) + list(item.paragraphs) + leaves
                found.append({"target": target, "items": items, "source": {"section": item.label, "line": item.line}})
        if found:
            break
    return found


def _target(text: str) -> tuple[str, str]:
    """ "các tổ chức, doanh nghiệp, hộ gia đình Tích cực tham gia …" → the group, and the text that
    runs on after it (at a ":" or at a capital that starts a sentence, outside any agency name)."""
    names = find_agencies(text)
    cut = text.find(":") if ":" in text else len(text)
    for match in re.finditer(r"(?<=[a-zà-ỹđ,]) ([A-ZĐÀ-Ỹ])", text[:cut]):
        if not any(n.start <= match.start(1) < n.end for n in names) and match.group(1).isupper():
            cut = match.start()
            break
    return text[:cut].strip(" :"), text[cut:].strip(" :")
