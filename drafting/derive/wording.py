"""Sentences of the parent said at the commune's level, without inventing bodies or collapsing phrases.

What changes: scope phrases ("trên địa bàn tỉnh" → "trên địa bàn xã X"), groups of the province's bodies
("các Sở, ban, ngành" → "các cơ quan, đơn vị"), a provincial body named in a task given to a commune body
(its commune counterpart, or the commune's People's Committee where the task reports or advises upward).
What never changes: cited documents with their titles, quoted names, award forms (drafting.draft._protected),
and the names of bodies that stay what they are (courts, banks, the provincial People's Committee …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from drafting.data_files import load
from drafting.derive.structure import CommuneBody, body, fate_of, hamlets
from drafting.nlp.agencies import find_agencies
from drafting.parsing.text import UPPER, fold


@dataclass(frozen=True)
class Scope:
    """The unit a draft is for, as its sentences name it."""

    kind: str  # xã | phường | đặc khu
    full: str  # "xã Lạc Dương"
    province_name: str  # the parent's province as written after its kind word ("Đồng Nai"), or ""

    @property
    def committee(self) -> str:
        return f"Ủy ban nhân dân {self.kind}"


@cache
def _phrases() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """All phrases in one pattern, tried in the data file's order at each position (longer phrases first there):
    one pass over a sentence, and no phrase rewritten twice. Matched on the lower-cased sentence (the same length in
    Vietnamese), which is several times faster than a case-blind pattern on this path."""
    entries = load("commune_wording")["phrases"]
    if any(re.search(r"\\[A-Z]", entry["match"]) for entry in entries):
        raise ValueError("commune_wording.json: a phrase uses an upper-case escape, which lower-casing would change")
    alternatives = "|".join(f"(?P<p{index}>{entry['match'].lower()})" for index, entry in enumerate(entries))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), tuple(entry["say"] for entry in entries)


_PLACE_NEXT = re.compile(rf"\s+[{UPPER}]")  # a capitalised word right after a phrase: a place name follows it
_LEVEL_NEXT = re.compile(rf"\s+(?:Thành phố|thành phố|Tỉnh|tỉnh)(?!\s+[{UPPER}])(?!\w)")  # the province, unnamed


def _protected(text: str) -> list[tuple[int, int]]:
    """Where nothing may change: a cited document with its issuer and, when one follows, its title ("Quyết định số
    15/2021/QĐ-UBND … của UBND tỉnh Nghệ An về ban hành quy chế … trên địa bàn tỉnh Nghệ An" names the province's
    document); quoted names; award forms to the end of their line."""
    from drafting.nlp.awards import award_pattern
    from drafting.parsing.bases import find_legal_refs

    spans = []
    for start, end, _ in find_legal_refs(text):
        issuer = _ISSUER_FOLLOWS.match(text, end)
        end = issuer.end() if issuer else end
        if _TITLE_FOLLOWS.match(text, end):
            close = re.search(r"[;:]|\.(?:\s|$)|\)|$", text[end:])
            end += close.start() if close else 0
        spans.append((start, end))
    spans += [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    for match in award_pattern().finditer(text):
        line_end = re.search(r"[.:]|$", text[match.end() :])
        spans.append((match.start(), match.end() + (line_end.start() if line_end else 0)))
    return spans


# "… ngày 05/11/2025 của Sở Tư pháp", "… của Ủy ban nhân dân tỉnh Nghệ An": what stands between a cited document's
# number and its title.
_ISSUER_FOLLOWS = re.compile(r"(?:\s+ngày\s+[\d/]+)?(?:\s+của\s+[^;:.,()“]{1,80}?(?=\s+(?:về|V/v|ban hành|phê duyệt|"
                             r"quy định|trên địa bàn|tại|nhằm|để|đạt)\s|\s*[;:.,()“]|$))?")
# What opens a cited document's title: "… về …", "V/v …", "… ban hành …", "phê duyệt …", "quy định …".
_TITLE_FOLLOWS = re.compile(r"\s*(?:của [^,;]{0,80}?\s)?(?:về|V/v|ban hành|phê duyệt|quy định)\s")


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s <= start < e or s < end <= e for s, e in spans)


def _values(scope: Scope) -> dict[str, str]:
    return {"kind": scope.kind, "unit": scope.full, "hamlets": hamlets(scope.kind), "committee": scope.committee}


def _substitute(text: str, pattern: re.Pattern[str], make: Callable[[re.Match[str]], str | None]) -> str:
    protected: list[tuple[int, int]] | None = None  # found once, and only when there is something to replace
    out, position = [], 0
    for match in pattern.finditer(text):
        protected = _protected(text) if protected is None else protected
        if not _outside(protected, match.start(), match.end()):
            continue
        new = make(match)
        if new is None:
            continue
        if match.group(0)[:1].isupper() and new:
            new = new[:1].upper() + new[1:]
        out.append(text[position : match.start()])
        out.append(new)
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _phrases_said(text: str, lowered: str, pattern: re.Pattern[str], says: tuple[str, ...],
                  values: dict[str, str]) -> str:
    protected = _protected(text)
    out, position = [], 0
    for match in pattern.finditer(lowered):
        start, end = match.span()
        level = _LEVEL_NEXT.match(text, end)  # "các sở, ban, ngành, đoàn thể Thành phố": the level goes with them
        end = level.end() if level else end
        if (not level and _PLACE_NEXT.match(text, end)) or not _outside(protected, start, end):
            continue  # "trên địa bàn tỉnh Đồng Nai" is said whole below; a citation is never touched
        new = says[int(match.lastgroup[1:])].format(**values)  # type: ignore[index]
        if text[start : start + 1].isupper() and new:
            new = new[:1].upper() + new[1:]
        out.append(text[position:start])
        out.append(new)
        position = end
    out.append(text[position:])
    return "".join(out)


def scope_words(text: str, scope: Scope) -> str:
    """The parent's scope and group phrases in the commune's words (data/commune_wording.json)."""
    values = _values(scope)
    pattern, says = _phrases()
    lowered = text.lower()
    if len(lowered) == len(text) and pattern.search(lowered):
        text = _phrases_said(text, lowered, pattern, says, values)
    if scope.province_name:  # "trên địa bàn tỉnh Đồng Nai" → "trên địa bàn xã Lạc Dương"
        pattern = re.compile(rf"(?<!\w)(trên địa bàn|toàn|phạm vi)\s+(?:trên địa bàn\s+)?"
                             rf"(?:tỉnh|Tỉnh|thành phố|Thành phố|huyện|thị xã|quận)\s+"
                             rf"{re.escape(scope.province_name)}(?!\w)")
        text = _substitute(text, pattern, lambda m: f"{m.group(1)} {scope.full}")
    return tidy(text)


@cache
def _upward_central() -> re.Pattern[str]:
    """ "báo cáo … về Bộ Nội vụ, Ủy ban nhân dân tỉnh": a commune body reports to its committee instead."""
    central = load("commune_wording")["patterns"]["central_bodies"]
    return re.compile(rf"(báo cáo(?: [^.;:()]{{0,80}}?)? (?:về |cho |gửi |lên )?){central}"
                      rf"(?:(?:, | và ){central}|(?:, | và )(?:Ủy|Uỷ) ban nhân dân (?:tỉnh|thành phố))*"
                      r"(?= theo| trước| vào| trong| để|\s*[,.;(]|$)")


@cache
def _upward() -> re.Pattern[str]:
    """Words after which a provincial body is the one the task's doer advises or reports to."""
    return re.compile(load("commune_wording")["patterns"]["upward_verbs"], re.IGNORECASE)


def task_words(text: str, scope: Scope, doer: CommuneBody | None, own_report: bool = False) -> str:
    """A provincial body's task said for the commune body that takes it: bodies named in it become their commune
    counterparts, the body it reports or advises to becomes the commune's People's Committee. `own_report`: a task
    the parent gives the communes themselves, whose reports go where the parent says."""
    text = _bodies_in(text, scope, doer, own_report)
    if not own_report:  # a commune body reports to its committee, never to a ministry or the Government
        text = _upward_central().sub(lambda m: f"{m.group(1)}{scope.committee}", text)
    return scope_words(text, scope)


def _bodies_in(text: str, scope: Scope, doer: CommuneBody | None, own_report: bool = False) -> str:
    protected = _protected(text)
    out, position = [], 0
    for span in find_agencies(text):
        start, name = span.start, span.text
        for head in ("Văn phòng ", "Chủ tịch "):  # "Văn phòng | Ủy ban nhân dân tỉnh", "Chủ tịch | UBND tỉnh"
            if text[:start].endswith(head) and start - len(head) >= position:
                start, name = start - len(head), f"{head}{name}"
        if not _outside(protected, start, span.end):
            continue
        new = _mention(text, start, name, scope, doer, own_report)
        if new is None:
            continue
        end = span.end
        if fate_of(name).kind == "commune":  # "Ủy ban nhân dân phường| , xã, đặc khu": the list goes with it
            tail = _UNIT_TAIL.match(text, end)
            end = tail.end() if tail else end
        out.append(text[position:start])
        out.append(new)
        position = end
    out.append(text[position:])
    return "".join(out)


_UNIT_TAIL = re.compile(r"(?:,\s*(?:xã|phường|đặc khu|thị trấn)(?!\w))+")


def _mention(text: str, start: int, name: str, scope: Scope, doer: CommuneBody | None, own_report: bool = False
             ) -> str | None:
    fate = fate_of(name)
    upward = _upward().search(text[max(0, start - 60) : start])
    if upward and own_report:
        return None  # the communes' own task: they report to the parent's collector, as the parent says
    if upward and fate.kind in ("province", "body", "none") and not fold(name).startswith("các"):
        # the commune body advises and reports to its own committee (or its chairman)
        return f"Chủ tịch {scope.committee}" if name.startswith("Chủ tịch") else scope.committee
    if fate.kind == "commune" and doer is not None:
        return f"các {hamlets(scope.kind)}"  # what a commune body follows up below it: the thôn, tổ dân phố
    if fate.kind == "body" and fate.body and fate.body != "all_offices":
        return body(scope.kind, fate.body).name  # the doer itself is taken out of its partners by without_partner()
    return None


# A level phrase or a commune body said twice in a list ("cấp xã, cấp xã", "Phòng Kinh tế và Phòng Kinh tế").
_REPEATED = re.compile(r"(?<!\w)((?:(?:cấp|toàn|các|trên địa bàn) )?(?:xã|phường|đặc khu|thôn|tổ dân phố))"
                       r"(?:(?:,\s*|\s+và\s+)\1)+(?!\w)(?!\s+hội)"  # "xã hội, xã hội hóa" is no level said twice
                       r"|(?<!\w)((?:Phòng|Công an|Ban Chỉ huy|Văn phòng|Trạm|Trung tâm|Ủy ban) [^,;.()]{2,80}?"
                       r"|các cơ quan, đơn vị)(?:(?:,\s*|\s+và\s+)\2)+(?=\s*[,.;:()]|\s+(?:và|trong|để|theo)\s|$)")


def tidy(text: str) -> str:
    """What a level swap leaves behind, put right: a phrase repeated in a list ("cấp xã và cấp xã", "xã, xã"),
    "Các …" capitalised mid-sentence. Each rule runs only where its words are (this is on every sentence's path)."""
    if "cấp " in text:
        text = re.sub(r"(?<!\w)từ (cấp \w+) đến \1(?!\w)", r"ở \1", text)
        text = re.sub(r"(?<!\w)giữa (cấp \w+) và \1(?!\w)", r"trong \1", text)
        text = re.sub(r"(?<!\w)(cấp \w+) đến \1(?!\w)", r"\1", text)
    if ", " in text or " và " in text:
        text = _REPEATED.sub(_same_once, text)
    if "Các " in text:
        text = re.sub(rf"(?<=[\w,;)] )Các (?=[a-zđ{UPPER.lower()}])", "các ", text)
    if "(qua " in text:  # advising its own committee needs no go-between
        text = re.sub(r"((?:Ủy|Uỷ) ban nhân dân (?:xã|phường|đặc khu))\s*\(qua [^)]*\)", r"\1", text)
    if text.count("cơ quan, đơn vị") > 1:
        text = re.sub(r"(?<!\w)(?:các )?cơ quan, đơn vị,\s+(?:các )?cơ quan, đơn vị(?!\w)", "các cơ quan, đơn vị", text)
    if ", và " in text:
        text = re.sub(r",\s+(?=và\s)", " ", text)
    if ", ," in text or ",," in text or " ," in text:
        text = re.sub(r",(?:\s*,)+", ",", text)  # a phrase dropped from a list ("các sở, , Ủy ban nhân dân xã")
        text = re.sub(r"\s+,", ",", text)
    return re.sub(r"[ \t]{2,}", " ", text) if "  " in text or "\t" in text else text


def _same_once(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


def without_partner(text: str, doer: CommuneBody) -> str:
    """ "phối hợp với Phòng Kinh tế, Công an xã" in Phòng Kinh tế's own tasks: the body goes from its partners."""
    name = re.escape(doer.name)
    together = r"(?i:phối hợp)(?: chặt chẽ)?(?: với)?"  # "Phối hợp với …" opens a task too
    text = re.sub(rf"({together}\s+){name}(?:,\s*|\s+và\s+)", r"\1", text)
    text = re.sub(rf"({together}\s+[^.;:]*?)(?:,\s*|\s+và\s+){name}(?=[\s,.;])", r"\1", text)
    return re.sub(rf",?\s*(?<![\w])phối hợp(?: chặt chẽ)?(?: với)?\s+{name}(?=[\s,.;]|$)", "", text)


_ASKED = re.compile(r"^(?:Khuyến khích|Đề nghị|Giao|Yêu cầu|Mời)\s+")


def without_others_work(text: str) -> tuple[str, list[str]]:
    """A clause whose doer is a body the commune does not direct ("Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông
    dân tỉnh … xây dựng kế hoạch"): its work is not the commune's."""
    from drafting.derive.targets import clauses

    kept, dropped = [], []
    for clause in clauses(text):
        rest = _ASKED.sub("", clause.strip().lstrip("-–+ "))
        doer = find_agencies(rest[:120])
        if doer and doer[0].start == 0 and fate_of(doer[0].text).kind in ("none", "province"):
            dropped.append(clause)
        else:
            kept.append(clause)
    return (" ".join(kept).strip(), dropped) if dropped else (text, [])
