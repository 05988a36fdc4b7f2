"""The recognised spans of every paragraph of a plan, with their labels and positions (for a clerk
checking an unfamiliar file: `drafting entities FILE`)."""

from __future__ import annotations

import json

from drafting.model import Plan
from drafting.nlp.pipeline import analyse, spans
from drafting.nlp.temporal import context_year


def _paragraphs(plan: Plan) -> list[tuple[str, str]]:
    """(where, text) for every paragraph of the body, in order."""
    found = [(f"căn cứ {i + 1}", ref.text) for i, ref in enumerate(plan.legal_bases)]
    found += [(f"mở đầu {i + 1}", text) for i, text in enumerate(plan.preamble)]
    for section in plan.all_sections():
        where = f"mục {section.label} (dòng {section.line})"
        found.append((where, section.title))
        found += [(where, text) for text in section.paragraphs]
    return found


def entity_rows(plan: Plan) -> list[dict[str, object]]:
    year = context_year(plan.meta.date, plan.meta.title)
    rows = []
    for where, text in _paragraphs(plan):
        doc = analyse(text, year)
        for span in spans(doc):
            rows.append({"where": where, "label": span.label_, "text": span.text, "start": span.start_char,
                         "end": span.end_char, "normal": span._.normal})
    return rows


def render_entities(plan: Plan, output_format: str = "text") -> str:
    rows = entity_rows(plan)
    if output_format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    width = max((len(str(r["where"])) for r in rows), default=10)
    lines = [f"{str(r['where']):{width}}  {r['label']:9} {r['start']:>4}-{r['end']:<4} {r['text']}"
             + (f"  → {r['normal']}" if r["normal"] and r["normal"] != r["text"] else "") for r in rows]
    return "\n".join(lines) + f"\n\n{len(rows)} thực thể"
