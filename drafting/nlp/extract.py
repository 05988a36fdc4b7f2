"""Criteria, awards, responsibilities and timeline, read from a parsed plan's section tree with the
NLP recognisers (drafting/nlp/). Model in, model out: no I/O."""

from __future__ import annotations

from drafting.model import Plan
from drafting.nlp.awards import awards
from drafting.nlp.criteria import criteria
from drafting.nlp.responsibilities import organisation_sections, responsibilities
from drafting.nlp.temporal import context_year
from drafting.nlp.timeline import timeline


def extract(plan: Plan) -> Plan:
    year = context_year(plan.meta.date, plan.meta.title, " ".join(r.text for r in plan.legal_bases))
    organisation = organisation_sections(plan)  # read once: who does what, and what is not the timeline
    plan.responsibilities = responsibilities(plan, year, organisation)
    plan.criteria = criteria(plan)
    plan.awards = awards(plan)
    plan.timeline = timeline(plan, year, organisation)
    return plan
