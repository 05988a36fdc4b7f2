"""Detectors of the defect families of issue 18, in a commune's draft read beside its provincial parent.

Black-box: each detector sees only what a commune office sees — the draft's paragraphs (as read back by the
project's reader and parser), its DOCX XML, the to-do list printed by `drafting draft`, and the parent plan.
No import of the drafting engine (drafting/draft.py, drafting/derive/). Used by tools/review_draft.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from drafting.model import Appendix, Plan, Section
from drafting.parsing.bases import find_legal_refs

FAMILIES = (
    "invented_bodies",
    "collapsed_phrases",
    "upward_bodies",
    "rewritten_citations",
    "province_scale_targets",
    "appendix",
    "awards",
    "deadlines",
    "recipients",
    "placeholders_and_readback",
    "title_subject",
)

UPPER = "".join(chr(code) for code in range(0x41, 0x1F00) if chr(code).isupper() and chr(code).isalpha())
CAP = f"[{UPPER}]"
KIND = r"(?:xã|phường|đặc khu)"
UBND = r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)"
PLACEHOLDERS_ALLOWED = 5


@dataclass
class Hit:
    family: str
    text: str  # the paragraph (or recipient line, table, …) where the defect stands
    detail: str  # what was found

    def line(self) -> str:
        return f"[{self.family}] {self.detail}\n    {self.text[:400]}"


@dataclass
class Context:
    """What a commune office knows while reading: its unit, its province, the parent, the date."""

    unit_kind: str  # xã | phường | đặc khu
    unit_name: str  # "Châu Pha"
    province: str  # today's province: "Hồ Chí Minh"
    province_names: list[str] = field(default_factory=list)  # today's and the parent's own ("Kon Tum")
    parent_unit_names: list[str] = field(default_factory=list)  # the parent issuer's own name ("Ninh Hải")
    real_communes: set[str] = field(default_factory=set)  # "xã tân phú" … in the province, folded
    draft_date: dt.date | None = None
    city: bool = False  # the province is a Thành phố


@dataclass
class Draft:
    paragraphs: list[str]  # every block of the DOCX, in order (tables cell by cell)
    plan: Plan  # parse(draft)
    xml: str  # word/document.xml
    todo: str = ""  # stdout of `drafting draft`


@dataclass
class Parent:
    paragraphs: list[str]
    plan: Plan


def norm(text: str) -> str:
    """NFC, case folded, one space, tone placement of "uỷ"/"hoá" folded."""
    text = unicodedata.normalize("NFC", text).casefold()
    for old, new in (("uỷ", "ủy"), ("hoá", "hóa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("quí", "quý"), ("oà", "òa")):
        text = text.replace(old, new)
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.;!?])\s+", text) if part.strip()]


def _org_sections(plan: Plan) -> list[Section]:
    return [section for section in plan.sections if "organization" in section.roles]


def _org_items(plan: Plan) -> list[tuple[str, list[str]]]:
    """(heading, texts under it) for every item below an organisation part (any depth)."""
    items = []
    for top in _org_sections(plan):
        for section in top.walk()[1:]:
            texts = [section.title, *section.paragraphs]
            for child in section.walk()[1:]:
                texts += [child.title, *child.paragraphs]
            items.append((section.title, texts))
    return items


# --- 1. invented bodies ---------------------------------------------------------------------------

_NO_COUNTERPART = [
    ("court", r"Tòa án(?: nhân dân)?"),
    ("procuracy", r"Viện [Kk]iểm sát(?: nhân dân)?"),
    ("customs", r"(?:Chi cục |Cục )?Hải quan"),
    ("trade-union federation", r"Liên đoàn Lao động"),
    ("youth-union provincial committee", r"(?:Ban Thường vụ )?(?:Tỉnh đoàn|Thành đoàn|Xã đoàn|Phường đoàn)"),
    ("industrial-zone board", r"Ban Quản lý (?:các )?[Kk]hu (?:công nghiệp|kinh tế|công nghệ cao)"),
    ("newspaper / radio-TV", r"(?:Báo và Phát thanh|Báo (?=" + CAP + r")|Đài Phát thanh(?: và|,| -)? Truyền hình)"),
    ("border guard", r"(?:Bộ Chỉ huy |Ban Chỉ huy )?Bộ đội Biên phòng|Biên phòng (?:tỉnh|thành phố)"),
    ("coast guard", r"Cảnh sát biển"),
]
_COMMUNE_OFFICES = ("Văn hóa - Xã hội", "Kinh tế", "Kinh tế, Hạ tầng và Đô thị")
_NAME_WORDS = rf"(?:\s(?:{CAP}[\w-]*|và|-|,(?=\s{CAP})))+"


def _invented_in_text(text: str, context: Context) -> list[str]:
    found = []
    place = rf"(?:{KIND}|cấp xã|{re.escape(context.unit_name)})" if context.unit_name else rf"(?:{KIND}|cấp xã)"
    for what, name in _NO_COUNTERPART:
        for match in re.finditer(rf"(?<!\w)(?:{name})(?:{_NAME_WORDS})?\s+{place}(?![\w])", text):
            if "Báo" in match.group() and re.search(r"Báo cáo", match.group()):
                continue
            found.append(f"{what}: “{match.group()}”")
    for match in re.finditer(rf"(?<![\w])Sở{_NAME_WORDS}\s+{KIND}(?![\w])", text):
        found.append(f"provincial department made a commune one: “{match.group()}”")
    for match in re.finditer(rf"(?<![\w])(?<!Văn )Phòng(?P<name>{_NAME_WORDS})\s+{KIND}(?![\w])", text):
        office = match.group("name").strip(" ,")
        if office not in _COMMUNE_OFFICES:
            found.append(f"office a commune does not have: “{match.group()}”")
    return found


def _tasked_invented(heading: str) -> str | None:
    head = re.sub(r"^(?:Đề nghị|Giao|Khuyến khích|Yêu cầu)\s+", "", heading.strip())
    for what, name in _NO_COUNTERPART:
        if re.match(rf"(?:{name})", head) and not head.startswith("Báo cáo"):
            return f"{what} tasked: “{heading[:80]}”"
    return None


def invented_bodies(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    for text in draft.paragraphs:
        hits += [Hit("invented_bodies", text, detail) for detail in _invented_in_text(text, context)]
        for match in re.finditer(r"(?:Giao|giao)\s+(?:cho\s+)?(.{0,80})", text):
            found = _tasked_invented(match.group(1))
            if found and "Biên phòng" not in found and "Cảnh sát biển" not in found:
                hits.append(Hit("invented_bodies", text, found))
    for heading, _texts in _org_items(draft.plan):
        if heading.startswith("Giao "):
            continue  # counted with the paragraphs ("Giao X …")
        found = _tasked_invented(heading)
        if found and not (context.unit_kind == "đặc khu" and ("border" in found or "coast" in found)):
            hits.append(Hit("invented_bodies", heading, found))
    return _dedupe(hits)


# --- 2. collapsed phrases -------------------------------------------------------------------------

_LEVEL = rf"(?:cấp {KIND}|{UBND} {KIND}|{KIND})"
_COMMUNE_BODIES = [
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Văn phòng HĐND và UBND",
    "Phòng Văn hóa - Xã hội",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Kinh tế",
    "Công an xã",
    "Công an phường",
    "Công an đặc khu",
    "Ban Chỉ huy quân sự xã",
    "Ban Chỉ huy quân sự phường",
    "Ban Chỉ huy quân sự đặc khu",
    "Trung tâm Phục vụ hành chính công",
    "Trạm Y tế",
]


def _body_pattern(body: str) -> str:
    tail = r"(?!, Hạ tầng)" if body == "Phòng Kinh tế" else ""
    return re.escape(body) + tail + r"(?![\w])"


def collapsed_phrases(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    level = _LEVEL
    patterns = [
        (rf"(?i:giữa)\s+(?P<x>{level})\s+và\s+(?P=x)(?![\w])(?! hội)", "between X and X"),
        (rf"(?<![\w])(?:(?i:từ)\s+)?(?P<x>{level})\s+(?:đến|tới)\s+(?P=x)(?![\w])(?! hội)", "from X to X"),
        (rf"(?<![\w])(?P<x>{level}),?\s+(?:và\s+)?(?P=x)(?![\w])(?! hội)", "X, X"),
    ]
    for body in _COMMUNE_BODIES:
        pattern = _body_pattern(body)
        patterns.append((rf"(?P<x>{pattern})(?:,| và)\s+{pattern}", "a body listed twice"))
    for text in draft.paragraphs:
        taken: list[tuple[int, int]] = []
        for pattern, what in patterns:
            for match in re.finditer(pattern, text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue  # "giữa cấp xã và cấp xã" is one collapse, not also an "X và X"
                taken.append(match.span())
                hits.append(Hit("collapsed_phrases", text, f"{what}: “{match.group()}”"))
        for match in re.finditer(r"(?<=[\w,;”\"])\s(Các)\s+(\w+)", text):
            if re.match(CAP, match.group(2)):  # a proper name: "xã Các Sơn"
                continue
            hits.append(Hit("collapsed_phrases", text, f"capital mid-sentence: “Các {match.group(2)}”"))
        for name in context.province_names + context.parent_unit_names:
            for match in re.finditer(rf"(?<![\w])({KIND})\s+{re.escape(name)}(?![\w])", text):
                if norm(match.group()) in context.real_communes:
                    continue
                hits.append(Hit("collapsed_phrases", text,
                                f"province or parent unit made a commune: “{match.group()}”"))
        hits += [Hit("collapsed_phrases", text, detail) for detail in _self_partner(text)]
    for heading, texts in _org_items(draft.plan):
        body = _leading_body(heading)
        if body is None:
            continue
        for text in texts[1:]:
            if re.search(rf"phối hợp(?: chặt chẽ)?(?: với)?(?: các)?\s+{_body_pattern(body)}", text):
                hits.append(Hit("collapsed_phrases", text, f"{body} coordinates with itself (heading “{heading}”)"))
    hits += _duplicate_headings(draft.plan)
    return _dedupe(hits)


def _leading_body(text: str) -> str | None:
    text = re.sub(r"^(?:[-+]\s*|[\w.]{1,6}[.)]\s+)?(?:Giao\s+)?", "", text.strip())
    for body in _COMMUNE_BODIES:
        if re.match(_body_pattern(body), text):
            return body
    return None


def _self_partner(text: str) -> list[str]:
    """ "Phòng Kinh tế chủ trì, phối hợp với Phòng Kinh tế …" in one paragraph."""
    found = []
    for sentence in _sentences(text):
        body = _leading_body(sentence)
        if body is None:
            continue
        rest = sentence[sentence.find(body) + len(body):]
        if re.search(rf"^[^.;]{{0,60}}?phối hợp(?: chặt chẽ)?(?: với)?[^.;]{{0,40}}?{_body_pattern(body)}", rest):
            found.append(f"{body} coordinates with itself")
    return found


def _duplicate_headings(plan: Plan) -> list[Hit]:
    hits = []
    for top in _org_sections(plan):
        bodies = Counter()
        for child in top.children:
            title = re.sub(r"^(?:Giao|Đề nghị)\s+", "", child.title.strip())
            body = _leading_body(title)
            if body and len(title[len(body):].strip(" :.(").split()) <= 3:
                bodies[body] += 1
        for body, count in bodies.items():
            for index in range(2, count + 1):
                hits.append(Hit("collapsed_phrases", f"{top.label}. {top.title}",
                                f"“{body}” heads {count} items of the organisation part (item {index} of {count})"))
    return hits


# --- 3. upward bodies -----------------------------------------------------------------------------

_UPWARD = (
    rf"(?:Sở\s+{CAP}|[Cc]ác\s+sở\b|Sở,\s+ban|Bộ\s+{CAP}|Ngân hàng|Chi nhánh Ngân hàng|Kho bạc|Cục\s+{CAP}|"
    rf"Chi cục\s+{CAP}|Bảo hiểm xã hội (?:tỉnh|thành phố|Thành phố|khu vực|cơ sở)|"
    rf"Công an (?:tỉnh|thành phố|Thành phố)|Bộ Chỉ huy quân sự|Thuế tỉnh|Thuế thành phố|"
    rf"{UBND} (?:tỉnh|thành phố|Thành phố)|Văn phòng {UBND} (?:tỉnh|Thành phố)|Thanh tra tỉnh|"
    rf"Ban Dân tộc(?: tỉnh)?|Hội đồng nhân dân (?:tỉnh|Thành phố))"
)


def upward_bodies(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    for text in draft.paragraphs:
        for sentence in _sentences(text):
            match = re.search(r"báo cáo(?: trực tiếp)?(?: kết quả[^.;]{0,60}?)?(?:\s+(?:về|cho|lên|gửi))?\s+"
                              r"(Bộ\s+" + CAP + r"[\w ,-]{0,40}|Chính phủ|Thủ tướng Chính phủ)", sentence)
            if match:
                before = sentence[: match.start()]
                if not re.search(rf"{UBND} (?:tỉnh|Thành phố|thành phố)|Sở\s+{CAP}|để\s*$|tổng hợp,?\s*$", before):
                    hits.append(Hit("upward_bodies", text, f"the commune reports to “{match.group(1).strip()}”"))
        for match in re.finditer(rf"(?<![\w])[Gg]iao\s+(?:cho\s+)?({_UPWARD}[^,;.:]{{0,40}})", text):
            hits.append(Hit("upward_bodies", text, f"the commune assigns “{match.group(1).strip()}”"))
        for match in re.finditer(rf"cơ quan (?:Trung ương|trung ương)[^.;]{{0,20}}trên địa bàn\s+{KIND}", text):
            hits.append(Hit("upward_bodies", text, f"“{match.group()}”"))
    for heading, _texts in _org_items(draft.plan):
        if heading.startswith("Giao ") or _tasked_invented(heading):
            continue  # counted with the paragraphs, or as an invented body
        head = re.sub(r"^(?:Đề nghị|Yêu cầu)\s+", "", heading.strip())
        if re.match(_UPWARD, head):
            hits.append(Hit("upward_bodies", heading, f"provincial or central body tasked: “{heading[:80]}”"))
    return _dedupe(hits)


# --- 4. rewritten citations -----------------------------------------------------------------------


def _citation_key(cited: str) -> str:
    kind, _, number = cited.partition(" ")
    return f"{norm(kind)} {number.upper().replace(' ', '')}"


# A cited document's own words: its reference, its issuer ("của Ban Thường vụ Tỉnh ủy") and, when one is introduced
# ("về …", "V/v …", "ban hành …", a quoted name), its title. What follows otherwise ("… trên địa bàn xã Y", "… đạt
# chất lượng") is the citing sentence's, which a derived plan rightly says for its own unit.
_ISSUER = re.compile(r"(?:\s+ngày\s+[\d/]+)?(?:\s+của\s+[^;:.,()“]{1,80}?(?=\s+(?:về|V/v|ban hành|phê duyệt|quy định|"
                     r"trên địa bàn|tại|nhằm|để|đạt)\s|\s*[;:.,()“]|$))?")
_TITLE = re.compile(r"\s*(?:về|V/v|ban hành|phê duyệt|quy định|“)", re.IGNORECASE)


def _segment(text: str, start: int, end: int | None = None) -> str:
    if end is not None:
        issuer = _ISSUER.match(text, end)
        end = issuer.end() if issuer else end
        title = _TITLE.match(text, end)
        if not title:
            return norm(text[start:end])
        if title.group(0).endswith("“") and "”" in text[title.end() :]:  # a quoted title ends at its quote
            return norm(text[start : text.index("”", title.end()) + 1])
    stop = len(text)
    for match in re.finditer(r";|\.(?=\s|$)|:", text[start:]):
        stop = start + match.start()
        break
    return norm(text[start:stop])


def citation_segments(texts: Iterable[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for text in texts:
        for start, end, cited in find_legal_refs(text):
            found.setdefault(_citation_key(cited), set()).update({_segment(text, start), _segment(text, start, end)})
    return found


_LEVEL_WORD = re.compile(rf"(?<![\w])(?:{KIND}|cấp xã|phòng|tỉnh|thành phố|sở|huyện)(?![\w])")


def _rewritten(draft_segment: str, parent_segments: set[str], extra_words: list[str]) -> str | None:
    """None when the draft's text of a citation reads as one of the parent's; else the parent's closest text."""
    best, best_prefix = "", -1
    for candidate in parent_segments:
        if draft_segment == candidate or draft_segment.startswith(candidate) or candidate.startswith(draft_segment):
            return None
        prefix = len(_common_prefix(draft_segment, candidate))
        if prefix > best_prefix:
            best, best_prefix = candidate, prefix
    cut = draft_segment.rfind(" ", 0, best_prefix) + 1
    draft_tail = " ".join(draft_segment[cut:].split()[:6])
    parent_tail = " ".join(best[cut:].split()[:6])
    words = _LEVEL_WORD.pattern
    extra = "|".join(re.escape(norm(word)) for word in extra_words if word)
    if extra:
        words = rf"(?:{words}|(?<![\w])(?:{extra})(?![\w]))"
    if re.search(words, draft_tail) or re.search(words, parent_tail):
        return best
    return None


def _common_prefix(first: str, second: str) -> str:
    size = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        size += 1
    return first[:size]


def rewritten_citations(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    texts = list(parent.paragraphs)
    meta = parent.plan.meta
    if meta.number and meta.symbol and meta.title:
        date = ""
        if meta.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.date):
            year, month, day = meta.date.split("-")
            date = f" ngày {int(day):02d}/{int(month):02d}/{year}"
        texts.append(f"Kế hoạch số {meta.number}/{meta.symbol}{date} của {meta.issuer or ''} về {meta.title}")
    known = citation_segments(texts)
    hits = []
    extra = [context.unit_name, *context.province_names]
    title = norm(draft.plan.meta.title or "")
    for text in draft.paragraphs:
        if title and norm(text) == title or text.startswith("Triển khai thực hiện Kế hoạch số"):
            continue  # the draft's own title: "… trên địa bàn xã Y" is its scope, not the parent's title
        for start, end, cited in find_legal_refs(text):
            key = _citation_key(cited)
            if key not in known:
                continue
            segment = _segment(text, start, end)
            closest = _rewritten(_strip_dates(segment), {_strip_dates(s) for s in known[key]}, extra)
            if closest is not None:
                hits.append(Hit("rewritten_citations", text,
                                f"{cited}: draft “{segment[:160]}” / parent “{closest[:160]}”"))
    return _dedupe(hits)


def _strip_dates(text: str) -> str:
    """Dates written "18/11/2025" or "18 tháng 11 năm 2025", "ngày 03/4" or "ngày 03/04": one form."""
    text = re.sub(r"(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", r"\1/\2/\3", text)
    return re.sub(r"(?<!\d)0(\d)(?=/)|(?<=/)0(\d)", lambda m: m.group(1) or m.group(2), text)


# --- 5. province-scale targets and figure placeholders --------------------------------------------

_PROVINCE_TARGETS = [
    (r"PAR[ -]?INDEX|Par Index|PAR Index", "PAR Index"),
    (r"(?<![\w])SIPAS(?![\w])", "SIPAS"),
    (r"(?<![\w])PAPI(?![\w])", "PAPI"),
    (r"(?<![\w])PCI(?![\w])", "PCI"),
    (r"(?<![\w])DTI(?![\w])", "DTI"),
    (r"(?:xếp hạng|thứ hạng|vị trí thứ|đứng thứ|tốp|top|nhóm)\s+(?:\d+|đầu|dẫn đầu)[^.;]{0,40}?(?:tỉnh|cả nước)",
     "rank among provinces"),
    (rf"\d+(?:[.,]\d+)?\s*%\s*(?:số\s+)?(?:các\s+)?(?:{KIND}|đơn vị hành chính cấp xã)(?![\w])", "x% of communes"),
    (r"(?<![\w])toàn tỉnh(?![\w])", "toàn tỉnh"),
    (r"các tỉnh,\s*thành phố", "các tỉnh, thành phố"),
]


def placeholder_texts(xml: str) -> list[str]:
    """The yellow runs of the document (highlight or shading), adjacent runs of one paragraph joined."""
    found = []
    for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        current: list[str] = []
        for run in re.findall(r"<w:r[ >].*?</w:r>", paragraph, flags=re.S):
            yellow = re.search(r'<w:highlight w:val="yellow"|<w:shd [^>]*w:fill="(?:yellow|FFFF00)"', run)
            text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", run))
            if yellow:
                current.append(text)
            elif current and text.strip():
                found.append("".join(current))
                current = []
        if current:
            found.append("".join(current))
    return found


def _is_figure_placeholder(text: str) -> bool:
    return not re.search(r"(?i)họ (?:và )?tên|người ký|số:|ngày\s+tháng", text)


def province_scale_targets(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    patterns = list(_PROVINCE_TARGETS)
    if context.city:
        patterns.append((r"(?<![\w])toàn [Tt]hành phố(?![\w])", "toàn Thành phố"))
    # The title and the basis say the parent's subject ("… cải thiện các chỉ số PAR Index, SIPAS …"): a subject,
    # not a target the commune keeps.
    subject = {draft.plan.meta.title or ""} | {ref.text for ref in draft.plan.legal_bases[:1]}
    for text in draft.paragraphs:
        if text in subject or any(text and text in line for line in subject):
            continue
        for pattern, what in patterns:
            for match in re.finditer(pattern, text):
                hits.append(Hit("province_scale_targets", text, f"{what}: “{match.group()}”"))
    figures = [text for text in placeholder_texts(draft.xml) if _is_figure_placeholder(text)]
    for text in figures[PLACEHOLDERS_ALLOWED:]:
        hits.append(Hit("province_scale_targets", text, f"placeholder beyond {PLACEHOLDERS_ALLOWED} "
                                                         f"({len(figures)} figure placeholders)"))
    return hits


# --- 6. appendix and tables -----------------------------------------------------------------------


def _content_tables(xml: str) -> list[str]:
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S)
    return [table for table in tables if not re.search(r"CỘNG HÒA|Nơi nhận|TM\. |ỦY BAN NHÂN DÂN", table)]


def _rows(table: str) -> list[str]:
    return re.findall(r"<w:tr[ >].*?</w:tr>", table, flags=re.S)


def _cell_texts(row: str) -> list[str]:
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell))
            for cell in re.findall(r"<w:tc>.*?</w:tc>", row, flags=re.S)]


def _parent_tables(plan: Plan) -> list[list[list[str]]]:
    tables = [table for section in plan.all_sections() for table in section.tables]
    for appendix in plan.appendices:
        tables += appendix.tables
        tables += [table for section in appendix.sections for part in section.walk() for table in part.tables]
    return tables


def real_appendices(plan: Plan) -> list[Appendix]:
    """Appendices with a label, a title, sections or a table of two rows (not a stray cell of the signature)."""
    return [item for item in plan.appendices
            if item.label or item.title or item.sections or any(len(table) >= 2 for table in item.tables)]


def appendix(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    parent_has = bool(real_appendices(parent.plan)) or any(
        len(table) > 3 for section in parent.plan.all_sections() for table in section.tables)
    draft_text = "\n".join(draft.paragraphs)
    draft_has = bool(real_appendices(draft.plan)) or bool(re.search(r"(?m)^PHỤ LỤC", draft_text)) or bool(
        _content_tables(draft.xml))
    if parent_has and not draft_has:
        mentions = [text for text in draft.paragraphs if re.search(r"(?i)phụ lục", text)]
        if mentions:
            hits.append(Hit("appendix", mentions[0], "the parent's appendix is dropped while the draft cites it "
                                                     f"({len(mentions)} mention(s))"))
    parent_tables = _parent_tables(parent.plan)
    for table in _content_tables(draft.xml):
        rows = _rows(table)
        if not rows:
            continue
        head = rows[0]
        label = " | ".join(_cell_texts(head))[:120]
        runs = re.findall(r"<w:r[ >].*?</w:r>", head, flags=re.S)
        text_runs = [run for run in runs if re.search(r"<w:t(?: [^>]*)?>[^<]*\S", run)]
        if text_runs and not all(re.search(r'<w:b/>|<w:b w:val="(?:1|true|on)"/>', run) for run in text_runs):
            hits.append(Hit("appendix", label, "table header row not bold"))
        if len(rows) > 3 and "<w:tblHeader" not in head:
            hits.append(Hit("appendix", label, "table header row not repeated (no w:tblHeader)"))
        widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
        if not widths and "<w:tcW" not in table:
            hits.append(Hit("appendix", label, "table without column widths (no w:tblGrid / w:tcW)"))
        elif len(widths) > 1 and len(set(widths)) == 1 and _unequal_content(_cell_texts(head), parent_tables):
            hits.append(Hit("appendix", label, "all columns equal while the parent's content is not"))
    return hits


def _unequal_content(header: list[str], parent_tables: list[list[list[str]]]) -> bool:
    for table in parent_tables:
        if table and [norm(cell) for cell in table[0]][:2] == [norm(cell) for cell in header][:2]:
            columns = max(len(row) for row in table)
            lengths = [max((len(row[i]) for row in table if i < len(row)), default=0) for i in range(columns)]
            return max(lengths) > 2 * max(1, min(lengths))
    return True  # no parent table to compare with: a table of tasks is never of equal columns


# --- 7. awards ------------------------------------------------------------------------------------


def awards(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    for text in draft.paragraphs:
        for sentence in _sentences(text):
            if "Bằng khen" not in sentence:
                continue
            if re.search(rf"Chủ tịch {UBND} {KIND}(?![\w])[^.;]{{0,80}}?Bằng khen", sentence) or re.search(
                    rf"Bằng khen của Chủ tịch {UBND} {KIND}(?![\w])", sentence):
                hits.append(Hit("awards", text, "a Bằng khen given by the commune"))
                continue
            if re.search(rf"{UBND} {KIND}[^.;]{{0,30}}(?:tặng|khen thưởng)[^.;]{{0,10}}Bằng khen", sentence):
                hits.append(Hit("awards", text, "a Bằng khen given by the commune"))
                continue
            provincial = re.search(rf"Bằng khen (?:của )?Chủ tịch {UBND} (?:tỉnh|Thành phố|thành phố)", sentence)
            if provincial and not re.search(r"(?i)đề nghị|trình|đề xuất|xét|hồ sơ|thủ tục|quy trình", sentence):
                hits.append(Hit("awards", text, "a provincial Bằng khen written as given, not proposed"))
    return _dedupe(hits)


# --- 8. deadlines ---------------------------------------------------------------------------------

_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*(?:/|-|\s*tháng\s*)(\d{1,2})(?:\s*(?:/|-|\s*năm\s*)(\d{4}))?(?!\d)")
_DEADLINE_CUE = re.compile(r"(?i)(?:trước|chậm nhất|hạn|hoàn thành|xong|vào|trong)(?:\s+ngày)?\s*$")


def deadline_dates(text: str) -> list[tuple[int, int, int | None, int]]:
    """(day, month, year or None, position) of dates used as deadlines, outside cited documents."""
    cited = [(start, end) for start, end, _ in find_legal_refs(text)]
    found = []
    for match in _DATE.finditer(text):
        if any(start <= match.start() < end for start, end in cited):
            continue
        day, month = int(match.group(1)), int(match.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        before = text[max(0, match.start() - 30): match.start()]
        if _DEADLINE_CUE.search(before.rstrip()):
            year = int(match.group(3)) if match.group(3) else None
            found.append((day, month, year, match.start()))
    return found


def _report_deadlines(texts: Iterable[str]) -> set[tuple[int, int, int | None]]:
    found = set()
    for text in texts:
        for sentence in _sentences(text):
            if re.search(r"(?i)báo cáo", sentence):
                found |= {(d, m, y) for d, m, y, _ in deadline_dates(sentence)}
    return found


_WARNING = re.compile(r"(?i)đã qua|đã hết|đã kết thúc|quá hạn|hết hạn|đã trôi qua|kết thúc từ|trước ngày ký|"
                      r"trước ngày soạn|đã xong|không còn")


def warned_about(todo: str, day: int | None, month: int | None, year: int) -> bool:
    """A to-do line that warns (past, ended …) about this date, or about the year, or about no date at all."""
    for line in todo.splitlines():
        if not _WARNING.search(line):
            continue
        dates = [(int(d), int(m), int(y) if y else None) for d, m, y in _DATE.findall(line)]
        if not dates and (day is None or str(year) not in line):
            return True
        if day is None and str(year) in line:
            return True
        if any((d, m) == (day, month) and y in (year, None) for d, m, y in dates):
            return True
    return False


def _end_year(parent: Parent) -> int | None:
    """The last year of the parent's own period: from its title, else its timeline or "đến năm …" phrases."""
    title = parent.plan.meta.title or ""
    for start, end, _ in reversed(find_legal_refs(title)):
        title = title[:start] + title[end:]
    # A cited document's day ("CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025", upper case) is no period.
    title = re.sub(r"(?i)\bsố\s+\S+\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}", "", title)
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", title)]
    if years:
        return max(years)
    timeline = [s for s in parent.plan.all_sections() if "timeline" in s.roles]
    texts = [p for s in timeline for p in [s.title, *s.paragraphs]]
    years = [int(y) for text in texts for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", text)]
    if years:
        return max(years)
    years = [int(y) for text in parent.paragraphs
             for y in re.findall(r"(?:đến|đến hết|trong|giai đoạn \d{4}\s*[-–]\s*)\s*(?:năm\s*)?(20\d\d)", text)]
    return max(years) if years else None


def deadlines(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    parent_reports = _report_deadlines(parent.paragraphs)
    commune_reports = rf"{UBND} {KIND}(?: [{UPPER}][\w ]*?)?\s+(?:có trách nhiệm\s+)?(?:tổng hợp,?\s*)?báo cáo"
    seen = set()
    for text in draft.paragraphs:
        for sentence in _sentences(text):
            if not re.search(r"(?i)báo cáo", sentence) or re.search(commune_reports, sentence):
                continue
            for day, month, year, _ in deadline_dates(sentence):
                if (day, month, year) in parent_reports and (day, month, year) not in seen:
                    seen.add((day, month, year))
                    when = f"{day:02d}/{month:02d}" + (f"/{year}" if year else "")
                    hits.append(Hit("deadlines", text, f"the parent's report deadline {when} kept for the offices"))
    if context.draft_date is None:
        return hits
    past = set()
    for text in draft.paragraphs:
        for day, month, year, _ in deadline_dates(text):
            if year is None or (day, month, year) in past:
                continue
            try:
                when = dt.date(year, month, day)
            except ValueError:
                continue
            if when < context.draft_date and not warned_about(draft.todo, day, month, year):
                past.add((day, month, year))
                hits.append(Hit("deadlines", text, f"date {when.isoformat()} already past at drafting time, "
                                                   "no warning in the to-do list"))
    end = _end_year(parent)
    if end is not None and end < context.draft_date.year and not warned_about(draft.todo, None, None, end):
        hits.append(Hit("deadlines", parent.plan.meta.title or "", f"the parent's period ended in {end}, "
                                                                     "no warning in the to-do list"))
    return hits


# --- 9. recipients --------------------------------------------------------------------------------

PROVINCIAL_BODIES = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Sở Y tế",
    "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Ngoại vụ",
    "Sở Dân tộc và Tôn giáo", "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội",
    "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải",
    "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc", "Thanh tra tỉnh", "Công an tỉnh",
    "Công an thành phố", "Bộ Chỉ huy quân sự tỉnh", "Ban Thi đua - Khen thưởng",
    "Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Ban Quản lý các khu công nghiệp",
    "Ban Quản lý Khu kinh tế", "Văn phòng Ủy ban nhân dân tỉnh",
]


def collector(parent: Parent) -> str | None:
    """The provincial body the parent names as collector of reports: the most named after "báo cáo … (qua|về)"."""
    counts: Counter[str] = Counter()
    names = "|".join(re.escape(name) for name in sorted(PROVINCIAL_BODIES, key=len, reverse=True))
    for text in parent.paragraphs:
        for sentence in _sentences(text):
            if not re.search(r"(?i)báo cáo", sentence):
                continue
            for match in re.finditer(rf"(?:qua|thông qua|về|gửi|cho)\s+({names})(?![\w])", sentence):
                counts[match.group(1)] += 1
    return counts.most_common(1)[0][0] if counts else None


def _expand(text: str) -> str:
    text = norm(text)
    for short, full in (("ubnd", "ủy ban nhân dân"), ("hđnd", "hội đồng nhân dân"), ("mttq", "mặt trận tổ quốc"),
                        ("vn", "việt nam")):
        text = re.sub(rf"(?<![\w]){short}(?![\w])", full, text)
    return text


def draft_recipients(draft: Draft) -> list[str]:
    if draft.plan.recipients:
        return list(draft.plan.recipients)
    lines, inside = [], False
    for text in draft.paragraphs:
        if text.strip().startswith("Nơi nhận"):
            inside = True
            continue
        if inside:
            if not text.strip().startswith(("-", "+")):
                break
            lines.append(text.strip(" -;."))
    return lines


def _tasked_commune_bodies(draft: Draft, context: Context) -> set[str]:
    found = set()
    for heading, _texts in _org_items(draft.plan):
        body = _leading_body(re.sub(r"^(?:Giao|Đề nghị)\s+", "", heading.strip()))
        if body:
            found.add(body)
    for text in draft.paragraphs:
        for match in re.finditer(r"[Gg]iao\s+(?:cho\s+)?(.{0,60})", text):
            body = _leading_body(match.group(1))
            if body:
                found.add(body)
        for sentence in _sentences(text):
            body = _leading_body(sentence)
            if body and re.search(r"^[^,;]{0,60}?\s(?:chủ trì|có trách nhiệm)", sentence[len(body):] + " "):
                found.add(body)
    return found


_ABOLISHED = (rf"(?:{UBND}|Hội đồng nhân dân|HĐND|Huyện ủy|Huyện uỷ|Thường trực)\s+(?:huyện|quận|thị xã)"
              rf"|(?<![\w])[Hh]uyện\s+{CAP}")


def recipients(draft: Draft, parent: Parent, context: Context, former_provinces: Iterable[str] = ()) -> list[Hit]:
    hits = []
    lines = draft_recipients(draft)
    joined = _expand(" | ".join(lines))
    former = [name for name in former_provinces if name]
    for line in lines:
        if re.search(_ABOLISHED, line):
            hits.append(Hit("recipients", line, "an abolished district-level body"))
        for name in former:
            if re.search(rf"(?:tỉnh|Tỉnh)\s+{re.escape(name)}(?![\w])", line):
                hits.append(Hit("recipients", line, f"a province merged away on 1/7/2025: {name}"))
    body = collector(parent)
    if body and _expand(body) not in joined:
        generic = re.sub(r"\s+(?:tỉnh|thành phố)$", "", body)
        if _expand(generic) not in joined:
            hits.append(Hit("recipients", " | ".join(lines), f"the parent's collector of reports is missing: {body}"))
    for tasked in sorted(_tasked_commune_bodies(draft, context)):
        wanted = _expand(tasked)
        short = {"văn phòng hội đồng nhân dân và ủy ban nhân dân": "văn phòng"}.get(wanted, wanted)
        short = re.sub(rf"\s+{KIND}$", "", short)
        if short not in joined:
            hits.append(Hit("recipients", " | ".join(lines),
                            f"a commune body tasked in the draft is missing: {tasked}"))
    return hits


# --- 10. placeholders and read-back ---------------------------------------------------------------


def placeholders_and_readback(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    hits = []
    shaded = re.findall(r'<w:shd [^>]*w:fill="(?:yellow|FFFF00)"[^>]*/>', draft.xml)
    if shaded:
        hits.append(Hit("placeholders_and_readback", f"{len(shaded)} run(s)",
                        'placeholders shaded with w:shd w:fill="yellow" (not w:highlight)'))
    plan = draft.plan
    if not (plan.meta.title or "").strip():
        hits.append(Hit("placeholders_and_readback", "", "parse(draft) gives no title"))
    number = parent.plan.meta.number
    if not plan.legal_bases:
        hits.append(Hit("placeholders_and_readback", "", "parse(draft) gives no legal basis"))
    elif number and f"{number}/" not in plan.legal_bases[0].text:
        hits.append(Hit("placeholders_and_readback", plan.legal_bases[0].text,
                        f"the first basis read back does not cite the parent's number {number}"))
    elif (plan.meta.title or "") and norm(plan.legal_bases[0].text) == norm(plan.meta.title or ""):
        hits.append(Hit("placeholders_and_readback", plan.legal_bases[0].text, "the title read back as a basis"))
    romans = [text for text in draft.paragraphs if re.match(r"^[IVX]{1,5}\.\s+\S", text)]
    if len(plan.sections) < max(1, len(set(romans)) - _appendix_romans(draft)):
        hits.append(Hit("placeholders_and_readback", "", f"parse(draft) gives {len(plan.sections)} sections "
                                                         f"for {len(romans)} Roman headings"))
    if any(re.match(r"^PHỤ LỤC", text.strip()) for text in draft.paragraphs) and not real_appendices(plan):
        hits.append(Hit("placeholders_and_readback", "", "the draft's appendix is not read back"))
    return hits


def _appendix_romans(draft: Draft) -> int:
    after, count = False, 0
    for text in draft.paragraphs:
        if re.match(r"^phụ lục", text.strip(), re.IGNORECASE):  # "Phụ lục" as Decree 30 writes it (A2), or upper
            after = True
        elif after and re.match(r"^[IVX]{1,5}\.\s+\S", text):
            count += 1
    return count


# --- 11. title subject ----------------------------------------------------------------------------

_TITLE_PHRASES = ("kế hoạch", "triển khai", "thực hiện", "trên địa bàn", "giai đoạn", "ủy ban nhân dân", "phát động",
                  "phong trào thi đua", "v/v")
_TITLE_STOP = set("của và các về tỉnh thành phố năm đến ngày cho với trong tại theo việc ubnd một những xã phường "
                  "đặc khu huyện quận thị".split())


def content_syllables(title: str, names: Iterable[str]) -> set[str]:
    text = title
    for start, end, _ in reversed(find_legal_refs(text)):
        text = text[:start] + text[end:]
    text = norm(text)
    for phrase in _TITLE_PHRASES:
        text = text.replace(phrase, " ")
    for name in names:
        if name:
            text = re.sub(rf"(?<![\w]){re.escape(norm(name))}(?![\w])", " ", text)
    words = re.findall(r"[^\W\d_]+", text)
    return {word for word in words if word not in _TITLE_STOP}


def title_subject(draft: Draft, parent: Parent, context: Context) -> list[Hit]:
    parent_title = parent.plan.meta.title or ""
    title = draft.plan.meta.title or ""
    if not title:
        after = [i for i, text in enumerate(draft.paragraphs) if text.strip().upper() == "KẾ HOẠCH"]
        title = draft.paragraphs[after[0] + 1] if after and after[0] + 1 < len(draft.paragraphs) else ""
    title = re.sub(rf"của {UBND} (?:tỉnh|Thành phố|thành phố|huyện)\s+(?:{CAP}\w*\s?)+", " ", title)
    names = [*context.province_names, *context.parent_unit_names, context.unit_name, context.province]
    wanted = content_syllables(parent_title, names)
    if not wanted:
        return []
    got = content_syllables(title, names)
    share = len(wanted & got) / len(wanted)
    if share < 0.5:
        return [Hit("title_subject", title, f"{share:.0%} of the parent's subject words kept "
                                            f"(missing: {' '.join(sorted(wanted - got))[:120]})")]
    return []


# --- all ------------------------------------------------------------------------------------------

Detector = Callable[[Draft, Parent, Context], list[Hit]]
DETECTORS: dict[str, Detector] = {
    "invented_bodies": invented_bodies,
    "collapsed_phrases": collapsed_phrases,
    "upward_bodies": upward_bodies,
    "rewritten_citations": rewritten_citations,
    "province_scale_targets": province_scale_targets,
    "appendix": appendix,
    "awards": awards,
    "deadlines": deadlines,
    "placeholders_and_readback": placeholders_and_readback,
    "title_subject": title_subject,
}


def review(draft: Draft, parent: Parent, context: Context, former_provinces: Iterable[str] = ()) -> list[Hit]:
    hits: list[Hit] = []
    for family in FAMILIES:
        if family == "recipients":
            hits += recipients(draft, parent, context, former_provinces)
        else:
            hits += DETECTORS[family](draft, parent, context)
    return hits


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen, kept = set(), []
    for hit in hits:
        key = (hit.family, hit.text, hit.detail)
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept
