"""The spaCy pipeline for Vietnamese plans: a syllable tokenizer and rule components.

Why syllables, not words: general word segmenters (underthesea, pyvi) cut administrative names
("Ủy | ban nhân dân", "Thương binh và | Xã hội"); every component here matches on characters against
data-file vocabularies, so a syllable tokenizer that keeps punctuation apart is enough, and it is
several times faster than underthesea's segmenter (benchmarks/bench_nlp.py prints both:
19 ms against 109 ms for a 24 KB plan).

Components (registered names, in order): drafting_agencies (AGENCY), drafting_units (UNIT),
drafting_legal_refs (LEGAL_REF), drafting_times (DATE, DEADLINE, PERIOD), drafting_quantities
(QUANTITY). Each writes to ``doc.spans["drafting"]`` (spans may nest: a UNIT inside an AGENCY);
``doc.ents`` holds the longest non-overlapping ones.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from drafting.nlp.agencies import find_agencies, find_units
from drafting.nlp.quantities import find_quantities
from drafting.nlp.temporal import find_times
from drafting.parsing.bases import find_legal_refs

SPAN_KEY = "drafting"
_TOKEN = re.compile(r"\w+(?:[./,:-]\w+)*%?|[^\w\s]")

if not Span.has_extension("normal"):
    Span.set_extension("normal", default=None)


class SyllableTokenizer:
    """Syllables, numbers with their separators ("30/11/2024", "1.000"), and punctuation."""

    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = [], []
        for match in _TOKEN.finditer(text):
            words.append(match.group(0))
            spaces.append(match.end() < len(text) and text[match.end()].isspace())
        return Doc(self.vocab, words=words, spaces=spaces)


def _add(doc: Doc, start: int, end: int, label: str, normal: str | None = None) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return
    span._.normal = normal
    doc.spans[SPAN_KEY] = list(doc.spans.get(SPAN_KEY, [])) + [span]


@Language.component("drafting_agencies")
def agencies_component(doc: Doc) -> Doc:
    for found in find_agencies(doc.text):
        _add(doc, found.start, found.end, found.label, found.normal)
    return doc


@Language.component("drafting_units")
def units_component(doc: Doc) -> Doc:
    for found in find_units(doc.text):
        _add(doc, found.start, found.end, found.label, found.normal)
    return doc


@Language.component("drafting_legal_refs")
def legal_refs_component(doc: Doc) -> Doc:
    for start, end, normal in find_legal_refs(doc.text):
        _add(doc, start, end, "LEGAL_REF", normal)
    return doc


@Language.component("drafting_times")
def times_component(doc: Doc) -> Doc:
    for found in find_times(doc.text, doc.user_data.get("year")):
        _add(doc, found.start, found.end, found.label, found.value)
    return doc


@Language.component("drafting_quantities")
def quantities_component(doc: Doc) -> Doc:
    for found in find_quantities(doc.text):
        _add(doc, found.start, found.end, "QUANTITY", found.normal)
    return doc


@Language.component("drafting_entities")
def entities_component(doc: Doc) -> Doc:
    doc.ents = filter_spans(list(doc.spans.get(SPAN_KEY, [])))
    return doc


COMPONENTS = ("drafting_agencies", "drafting_units", "drafting_legal_refs", "drafting_times",
              "drafting_quantities", "drafting_entities")


@cache
def load_pipeline() -> Language:
    """The pipeline, built once per process; offline: nothing is downloaded."""
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def analyse(text: str, year: int | None = None) -> Doc:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc.user_data["year"] = year
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def spans(doc: Doc) -> list[Span]:
    return sorted(doc.spans.get(SPAN_KEY, []), key=lambda span: (span.start_char, -span.end_char))
