"""Who is given work, read from the section tree: the agencies and groups of the organisation part
(its items, and the sentences of its own text that give work or set a time limit), and the
"Giao …" / "Đề nghị …" / "Yêu cầu …" sentences anywhere else in the body.

Each responsibility keeps the agency as written (drafting/nlp/subjects.py finds where it ends), whether
it leads or assists, the partners after "phối hợp với", its tasks, its deadlines and where it stands.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.model import Plan, Section
from drafting.nlp.agencies import find_agencies
from drafting.nlp.sections import texts_of
from drafting.nlp.subjects import opens_with_body, strip_opener, subject, word_pattern
from drafting.nlp.temporal import find_times
from drafting.parsing.text import UPPER, fold

Responsibility = dict[str, Any]


@cache
def _assignment_verbs() -> re.Pattern[str]:
    """ "giao", "đề nghị", "yêu cầu" where they give work: not "bàn giao", "theo đề nghị"."""
    vocabulary = load("subjects")
    verbs = "|".join(re.escape(v) for v in sorted(vocabulary["assignment_verbs"], key=len, reverse=True))
    not_after = "".join(rf"(?<!{re.escape(w)} )" for w in vocabulary["assignment_not_after"])
    return re.compile(rf"(?:^|(?<=[\s;,(]))(?<!\w){not_after}(?P<verb>{verbs})\s*:?\s+", re.IGNORECASE)


def responsibilities(plan: Plan, year: int | None, organisation: list[Section] | None = None) -> list[Responsibility]:
    """`organisation`: the plan's organisation parts when the caller has them already."""
    found: list[Responsibility] = []
    organisation = organisation_sections(plan) if organisation is None else organisation
    for section in organisation:
        _collect(section, year, found)
    if is_directive(plan):  # a Công văn without numbered items says who does what in its running text
        for text in plan.preamble:
            found.extend(_sentences(text, Section("", "part", ""), year, own_text=True))
    inside = {id(s) for section in organisation for s in section.walk()}  # visited already
    for section in plan.all_sections():
        if id(section) not in inside:
            for text in [section.title, *section.paragraphs]:
                found.extend(_sentences(text, section, year, own_text=False))
    return _unique(found)


def organisation_sections(plan: Plan) -> list[Section]:
    """The organisation / responsibility parts, outermost only: "V. TỔ CHỨC THỰC HIỆN", "Chế độ báo cáo",
    or any part that lists three items headed by agencies ("IV. NHIỆM VỤ CỤ THỂ": "1. Sở …", "2. Sở …")."""
    if is_directive(plan):
        return [Section("", "part", "", children=list(plan.sections))]  # a Công văn gives work throughout
    found = []
    for section in plan.all_sections():
        key = fold(section.title)
        if section.kind in ("roman", "arabic", "decimal", "part") and len(key.split()) <= _HEADING_WORDS \
                and word_pattern("organisation_headings").search(key):
            found.append(section)
        elif sum(1 for child in section.children if _names_agency(child)) >= 3:
            found.append(section)
    # Keep the outermost part, unless it mixes roles ("III. NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG TRÁCH NHIỆM") and
    # names its assigning part inside ("2. Phân công trách nhiệm"): then that inner part is the one.
    mixed = {id(s) for s in found if word_pattern("mixed_headings").search(fold(s.title))
             and any(o is not s and within(o, s) for o in found)}
    found = [s for s in found if id(s) not in mixed]
    return [s for s in found if not any(s is not other and within(s, other) for other in found)]


def within(section: Section, other: Section) -> bool:
    """`section` stands in `other`'s tree (by identity: two sections may read alike)."""
    return any(section is inner for inner in other.walk())


def is_directive(plan: Plan) -> bool:
    """A Công văn, Thông báo, Chỉ thị or Công điện: it gives work throughout, not in an organisation part."""
    return (plan.meta.doc_type or "").upper() in load("subjects")["directive_types"]


# A heading names a part; a longer title is a sentence that happens to say "trách nhiệm".
_HEADING_WORDS = 14


def _names_agency(section: Section) -> bool:
    agencies = find_agencies(strip_opener(section.title)[1])
    return bool(agencies) and agencies[0].start == 0 and not agencies[0].text.lower().startswith("các")


def _collect(section: Section, year: int | None, out: list[Responsibility]) -> None:
    for index, text in enumerate(section.paragraphs):  # the part's own text: "Giao Phòng Nội vụ …", "Hằng năm, các …"
        entries = _sentences(text, section, year, own_text=True)
        out.extend(entries)
        if entries and index == len(section.paragraphs) - 1 and _introduces_tasks(text, section):
            _take_items(entries[-1], section, year, out)  # "Giao Sở Tài chính:" and its tasks a), b), c)
            return
    for child in section.children:
        entry = _item(child, year)
        if entry is not None:
            out.append(entry)
            _collect_within(child, year, out, entry)
            continue
        if child.run_in and child.paragraphs:  # "7. Chế độ báo cáo: Hằng năm, các phòng … trước ngày 10 tháng 11"
            out.extend(_sentences(child.paragraphs[0], child, year, own_text=True))
            rest = Section(child.label, child.kind, child.title, paragraphs=child.paragraphs[1:],
                           children=child.children, line=child.line)
            _collect(rest, year, out)
        else:
            out.extend(_sentences(child.title, child, year, own_text=True))
            _collect(child, year, out)


def _introduces_tasks(text: str, section: Section) -> bool:
    """ "Giao Sở Tài chính:" over items a), b), c) that are tasks; not "… các sở, ngành như sau:" over
    items headed by bodies ("1. Sở Tài chính", "2. Sở Nội vụ"), which are entries of their own."""
    return (text.rstrip().endswith(":") and bool(section.children)
            and not any(opens_with_body(strip_opener(child.title)[1]) for child in section.children))


def _take_items(entry: Responsibility, section: Section, year: int | None, out: list[Responsibility]) -> None:
    """The items after a "Giao <agency>:" line are that agency's tasks, with their deadlines."""
    entry["tasks"] = [child.title for child in section.children]
    entry["deadlines"] += _deadlines([text for child in section.children for text in texts_of(child)], year)
    holder = Section(section.label, section.kind, "", children=section.children, line=section.line)
    _collect_within(holder, year, out, entry)


def _collect_within(item: Section, year: int | None, out: list[Responsibility], parent: Responsibility) -> None:
    """Below an agency's item: its tasks, among which a sub-item headed by a body ("a) Doanh nghiệp viễn
    thông …", "- Phòng Nội vụ chủ trì …") is an entry of its own, and a "Giao …" sentence gives work.
    A time limit belongs to the innermost entry it stands in: it is taken off the parent's."""
    start = len(out)
    _collect_below(item, year, out)
    for entry in out[start:]:
        for deadline in entry["deadlines"]:
            if deadline in parent["deadlines"]:
                parent["deadlines"].remove(deadline)


def _collect_below(item: Section, year: int | None, out: list[Responsibility]) -> None:
    later = re.split(r"(?<=[.!?])\s+", item.title, maxsplit=1)[1:]  # the heading's first sentence is the item's
    own = {fold(body) for body in _split_bodies(subject(strip_opener(item.title)[1], heading=True))} \
        if item.title and opens_with_body(strip_opener(item.title)[1]) else set()
    texts = later + (item.paragraphs[1:] if item.run_in else item.paragraphs)
    for index, text in enumerate(texts):
        # a clause naming the item's own bodies again ("7. Các sở, …, UBND các xã": "…; UBND các xã …") is its text
        entries = [e for e in _sentences(text, item, year, own_text=True)
                   if e["_given"] or fold(e["agency"]) not in own]
        out.extend(entries)
        if entries and index == len(texts) - 1 and _introduces_tasks(text, item):
            _take_items(entries[-1], item, year, out)
            return
    for child in item.children:
        entry = _item(child, year, nested=True)
        if entry is not None:
            out.append(entry)
            _collect_within(child, year, out, entry)
        else:
            out.extend(_sentences(child.title, child, year, own_text=False))
            _collect_below(child, year, out)


def _standalone(section: Section) -> bool:
    """A heading that names a body and nothing else: its tasks follow it."""
    title = section.title.rstrip()
    return not section.run_in and not title.endswith((".", ";")) and bool(section.children or section.paragraphs)


def _item(section: Section, year: int | None, *, nested: bool = False) -> Responsibility | None:
    """The responsibility an item is headed by: "1. Sở Nội vụ", "b) Phòng Nội vụ có trách nhiệm:",
    "- Sở Y tế chủ trì, phối hợp với …", "3. Đề nghị Ủy ban MTTQ …"; None when it opens with no body."""
    if word_pattern("field_labels").match(fold(section.title)):
        return None  # "- Cơ quan chủ trì: Sở Khoa học và Công nghệ" is a task's field, not an item headed by a body
    opener, rest = strip_opener(_without_lead_ins(section.title.strip()), giving_only=nested)
    heading = _standalone(section)
    if not rest.strip(" :") and section.run_in and section.paragraphs:  # "6. Đề nghị: Hiệp hội Doanh nghiệp …"
        opener, rest = section.title.strip(" :"), section.paragraphs[0]
        heading = bool(section.children) and not rest.rstrip().endswith((".", ";"))
    if not opens_with_body(rest):
        return None
    agency = subject(rest, heading=heading)
    if not _is_agency(agency):
        return None
    sentence = _first_sentence(section)
    first_task = section.children[0].title if heading and section.children and not section.paragraphs else ""
    return {
        "agency": agency,
        "role": _role(sentence, opener, agency, [child.title for child in section.children] if first_task else None),
        "partners": partners_of(f"{sentence} {first_task}"),  # "6. Ban Quản lý …" / "- Phối hợp với các sở …"
        "tasks": [child.title for child in section.children] or list(section.paragraphs) or [section.title],
        "deadlines": _deadlines(texts_of(section), year),
        "source": {"section": section.label, "line": section.line},
        "_read_from": rest,
        "_given": bool(opener),
    }


def _is_agency(name: str) -> bool:
    """Two syllables at least ("Sở" alone is a cut name), and more than a bare body noun ("Cơ quan" is the
    label of "Cơ quan chủ trì: Sở …", not a body)."""
    return len(name.split()) >= 2 and fold(name) not in _bare_nouns()


@cache
def _bare_nouns() -> set[str]:
    return {fold(word) for word in load("subjects")["bare_nouns"]}


# A lead-in before the subject: "Hằng năm, …", "Căn cứ Kế hoạch này, …", "Định kỳ 06 tháng các cơ quan …".
# What follows must open with a capital or a determiner, or the comma was one inside the lead-in
# ("Trên cơ sở đề xuất của các cơ quan, đơn vị …, Sở Tài chính tổng hợp").
_ADVERBIAL = re.compile(
    r"^(?:(?:Hằng năm|Hàng năm|Định kỳ[^,]{0,20}|Trên cơ sở[^,]{0,60}|Căn cứ[^,]{0,60}|Trong quá trình[^,]{0,60}"
    r"|[Nn]ếu [^,]{0,40}(?:,\s*vướng mắc)?|Quá trình[^,]{0,60}|Đồng thời),\s*"
    r"|(?:Định kỳ(?:\s+\d+\s+tháng|\s+hằng năm|\s+hàng năm|\s+hằng quý|\s+hàng quý)|Căn cứ[^,]{0,60}?"
    r"|[Nn]ếu [^,]{0,40}(?:,\s*vướng mắc)?)"
    r"\s+(?=các\s|những\s))"
    rf"(?=(?-i:[{UPPER}])|các\s|những\s|mỗi\s|nếu\s)",
    re.IGNORECASE,
)


def _without_lead_ins(text: str) -> str:
    """ "Trong quá trình triển khai thực hiện Kế hoạch, nếu có khó khăn, vướng mắc, các sở, ban, ngành …":
    lead-ins one after another, each taken off while what is left opens with a body or another lead-in."""
    for _ in range(3):
        stripped = _ADVERBIAL.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text


def _sentences(text: str, section: Section, year: int | None, *, own_text: bool) -> list[Responsibility]:
    """Work given by sentences: "Giao …", "Đề nghị …", "Yêu cầu …" anywhere in them; in the organisation
    part's own text also a clause whose subject is a body and that sets a time limit or a lead."""
    found: list[Responsibility] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        sentence = sentence.strip()
        if found and not _clauses(sentence) and not _assignment_verbs().search(sentence):
            # "Đề nghị các cơ quan, đơn vị … thực hiện. Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo …":
            # a sentence with no subject of its own goes on with the one before
            found[-1]["deadlines"] += _deadlines([sentence], year)
            continue
        given = False
        verbs = list(_assignment_verbs().finditer(sentence))
        for index, match in enumerate(verbs):
            # the work given runs to the next "Giao …"/"; …" of the sentence, not to its end
            stop = verbs[index + 1].start() if index + 1 < len(verbs) else len(sentence)
            # … and to a "; " that opens a new subject ("…; Sở Tài chính bố trí …"); a part with no subject of its
            # own ("…; định kỳ trước ngày 30 tháng 11 báo cáo …") goes on with this one
            rest = sentence[match.end() : stop]
            if not opens_with_body(rest):
                continue
            agency = subject(rest, heading=False)
            after = len(agency)  # a "; " inside the subject ("người đứng đầu cấp ủy; thủ trưởng …") is the group's
            ends = [m.start() for m in re.finditer(r";\s+", rest)
                    if m.start() > after and opens_with_body(rest[m.end() : m.end() + 80])]
            rest = rest[: ends[0] if ends else len(rest)].rstrip(" ,;")
            if _is_agency(agency):
                found.append(_entry(agency, rest, sentence, section, year, match.group("verb")))
                given = True
        if given or not own_text:
            continue
        for clause, whole in _clauses(sentence):
            agency = subject(clause, heading=False)
            # the lead-in counts for the limit: "Định kỳ 06 tháng các cơ quan … báo cáo"
            if _is_agency(agency) and (_deadlines([whole], year) or word_pattern("clause_leads").search(clause)):
                found.append(_entry(agency, whole, sentence, section, year, ""))
    return found




def _clauses(sentence: str) -> list[tuple[str, str]]:
    """The clauses of a sentence that open with a body, each up to the next one: after a leading
    adverbial ("Hằng năm, các phòng …"), after a "; " ("…; Sở Tài chính bố trí …"), and the main clause
    after a condition ("Trong quá trình thực hiện, nếu …, Phòng Nội vụ chủ trì …")."""
    starts = []
    lead = word_pattern("conditions").match(sentence) and word_pattern("clause_leads").search(sentence)
    if lead:
        comma = sentence.rfind(", ", 0, lead.start())
        starts.append(comma + 2 if comma != -1 else 0)
    else:
        starts.append(0)
    starts += [m.end() for m in re.finditer(r";\s+", sentence) if m.end() > starts[0]]
    clauses: list[tuple[str, str]] = []  # (the clause from its subject on, the clause with its lead-ins)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(sentence)
        whole = sentence[start:end].strip()
        clause = _without_lead_ins(whole)
        if opens_with_body(clause):
            clauses.append((clause, whole))
        elif clauses:  # a part with no subject of its own continues the clause before it
            clauses[-1] = (f"{clauses[-1][0]} {whole}", f"{clauses[-1][1]} {whole}")
    return clauses


def _entry(agency: str, rest: str, sentence: str, section: Section, year: int | None, verb: str) -> Responsibility:
    return {
        "agency": agency,
        "role": _role(rest, verb, agency),
        "partners": partners_of(rest),
        "tasks": [sentence],
        "deadlines": _deadlines([rest], year),
        "source": {"section": section.label, "line": section.line},
        "_read_from": rest,
        "_given": bool(verb),
    }


def _first_sentence(section: Section) -> str:
    text = section.title + (" " + section.paragraphs[0] if section.paragraphs else "")
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _role(sentence: str, opener: str, agency: str, tasks: list[str] | None = None) -> str:
    """"lead" when the item leads or is given its own work ("Giao …"); "assist" when it only asks the
    agency to take part: its predicate opens with "phối hợp" / "tham gia" ("Đề nghị Ủy ban MTTQ …:
    Phối hợp chặt chẽ …", "Công an xã phối hợp với Thường trực HĐND xã giám sát"), or every task under a
    heading that names only the agency does ("2. Sở Nội vụ" / "a) Phối hợp với …", "b) Phối hợp …")."""
    if fold(opener) == "giao":
        return "lead"
    position = sentence.find(agency)
    predicate = fold(sentence[position + len(agency) :] if position != -1 else sentence)
    predicate = _PREDICATE_LEAD_IN.sub("", predicate)
    if word_pattern("lead_predicates").match(predicate):
        return "lead"
    if word_pattern("assist_predicates").match(predicate):
        return "assist"
    if tasks and all(word_pattern("assist_predicates").match(fold(task)) for task in tasks):
        return "assist"
    return "lead"


# What may stand between the subject and its verb: "Sở Y tế: ", "(cơ quan thường trực) ", "có trách nhiệm",
# "chủ động", "căn cứ chức năng, nhiệm vụ," …
_PREDICATE_LEAD_IN = re.compile(
    r"^(?:[\s:,.;\-–]+|\([^)]*\)|có trách nhiệm|chịu trách nhiệm|chủ động|tích cực|kịp thời|thường xuyên"
    r"|căn cứ [^,]{0,60},|theo chức năng,? nhiệm vụ(?: (?:của|được giao)(?: đơn vị| mình| ngành)?)?,?"
    r"|theo chức năng[^,]{0,40},|trong phạm vi[^,]{0,60},)*"
)


_PARTNERS = re.compile(r"(?<!\w)phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+", re.IGNORECASE)


def partners_of(sentence: str) -> list[str]:
    """The bodies after "phối hợp (với)": "… phối hợp với Phòng Nội vụ, các cơ quan, đơn vị, địa phương tham
    mưu …" → ["Phòng Nội vụ", "các cơ quan, đơn vị, địa phương"]; each as written."""
    for match in _PARTNERS.finditer(sentence):
        tail = sentence[match.end() :]
        if opens_with_body(tail):
            return _split_bodies(subject(tail, heading=False))
    return []


def _split_bodies(group: str) -> list[str]:
    """A list of bodies cut where a new one begins: a gazetteer name, or a determiner ("các", "những")
    or "UBND"/"Ủy ban" after ", ", "; " or " và "; "các sở, ngành và địa phương" stays one."""
    agencies = find_agencies(group)
    names = {a.start for a in agencies}
    spans = [(a.start, a.end) for a in agencies] + [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)?", group)]
    parts, start = [], 0
    for separator in re.finditer(r",\s+|;\s+|\s+và\s+", group):
        after = separator.end()
        starts_body = after in names or re.match(r"(?:các|những|UBND|Ủy ban|Uỷ ban)\s", group[after:])
        inside = any(begin < separator.start() < end for begin, end in spans)
        if starts_body and not inside:
            parts.append(group[start : separator.start()])
            start = after
    parts.append(group[start:])
    return [part.strip(" ,;") for part in parts if part.strip(" ,;")]


def _deadlines(texts: list[str], year: int | None) -> list[dict[str, Any]]:
    found = []
    for text in texts:
        for span in find_times(text, year):
            if span.label == "DEADLINE" or span.label == "PERIOD" and _reporting(text):
                found.append({"date": span.value, "text": span.text})
    return found


def _reporting(text: str) -> bool:
    return bool(word_pattern("reporting_words", "nlp").search(text))


def _unique(found: list[Responsibility]) -> list[Responsibility]:
    """One entry per agency and the words it was read from: a line read both as an item and as running
    text counts once."""
    seen: set[tuple[str, str, int | None]] = set()
    unique = []
    for entry in found:
        entry.pop("_given")
        key = (fold(entry["agency"]), fold(entry.pop("_read_from")), entry["source"]["line"])
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    return unique
