"""The comparison as one self-contained HTML page: coverage and findings first (review mode), then the two texts
side by side with the word differences coloured. No script, no font or style sheet from outside."""

from __future__ import annotations

from html import escape

from drafting.diff.model import Change, DiffResult
from drafting.diff.render.text import COVERAGE_KINDS, KIND_WORDS, PART_WORDS, STATUS_WORDS, summary, where

_STYLE = """
body{font-family:"Times New Roman",serif;font-size:15px;margin:1.5em;color:#111}
h1{font-size:20px}h2{font-size:17px;margin-top:1.5em}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee}.dropped,.later{background:#fde2e2}.partial,.same{background:#fff3cd}.added{background:#e2f5e2}
.moved{background:#e4ecfb}.changed{background:#fffbe6}del{background:#f8c4c4;text-decoration:line-through}
ins{background:#bfe8bf;text-decoration:none}.spell{color:#666}.where{color:#555;font-size:13px;white-space:nowrap}
"""


def _words(change: Change, side: str) -> str:
    if not change.words:
        node = change.old if side == "old" else change.new
        return escape(node.text) if node else ""
    out = []
    for op, text in change.words:
        if op == "=":
            out.append(escape(text))
        elif op == "-" and side == "old":
            out.append(f"<del>{escape(text)}</del>")
        elif op == "+" and side == "new":
            out.append(f"<ins>{escape(text)}</ins>")
    return "".join(out)


def to_html(result: DiffResult) -> str:
    old, new = result.old_meta, result.new_meta
    parts = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
             f"<title>So sánh {escape(str(old['path']))} – {escape(str(new['path']))}</title>",
             f"<style>{_STYLE}</style></head><body>",
             f"<h1>{'Rà soát kế hoạch cấp dưới' if result.mode == 'review' else 'So sánh hai phiên bản'}</h1>",
             f"<p>Cũ: <b>{escape(str(old['path']))}</b> — {escape(str(old.get('issuer') or '—'))}<br>"
             f"Mới: <b>{escape(str(new['path']))}</b> — {escape(str(new.get('issuer') or '—'))}</p>",
             f"<p>{escape(summary(result))}.</p>"]
    parts += [f"<p>{escape(note)}</p>" for note in result.notes]
    if result.mode == "review":
        parts.append("<h2>Phần việc của cấp trên</h2><table><tr><th>Loại</th><th>Cấp trên</th><th>Xử lý</th>"
                     "<th>Cấp dưới</th><th>Ghi chú</th></tr>")
        order = {"dropped": 0, "later": 1, "partial": 2}
        for item in sorted(result.coverage, key=lambda item: order.get(item.status, 5)):
            dropped = "".join(f"<br><small>bỏ: {escape(task['text'])}</small>" for task in item.tasks
                              if task.get("status") == "dropped")
            parts.append(f'<tr class="{item.status}"><td>{COVERAGE_KINDS[item.kind]}</td><td>{escape(item.parent)}'
                         f"{dropped}</td><td>{STATUS_WORDS.get(item.status, item.status)}</td>"
                         f"<td>{escape(', '.join(item.local))}</td><td>{escape(item.detail)}"
                         f"{'<br>' + escape(item.expected) if item.expected else ''}</td></tr>")
        parts.append("</table><h2>Nhận xét về tính thống nhất</h2><ul>")
        parts += [f"<li><b>{escape(f.where)}</b>: {escape(f.message)}</li>" for f in result.findings] or \
            ["<li>Không có.</li>"]
        parts.append("</ul>")
    parts.append("<h2>Đối chiếu nội dung</h2><table><tr><th></th><th>Văn bản cũ</th><th>Văn bản mới</th></tr>")
    current = None
    for change in result.changes:
        if change.kind == "kept" and not change.spelling_only and not change.renumbered:
            continue
        if change.part != current:
            current = change.part
            parts.append(f'<tr><th colspan="3">{PART_WORDS[change.part]}</th></tr>')
        css = "spell" if change.kind == "kept" else change.kind
        label = "chỉ khác chính tả" if change.spelling_only else (
            "đánh số lại" if change.kind == "kept" else KIND_WORDS[change.kind])
        note = f"<br>{escape(change.note)}" if change.note else ""
        parts.append(f'<tr class="{css}"><td class="where">{label}<br>{escape(where(change))}{note}</td>'
                     f"<td>{_words(change, 'old')}</td><td>{_words(change, 'new')}</td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts)
