from __future__ import annotations

from typing import Any

from django import template

from pm_origins.reports import EVIDENCE_NOT_SCORED, SavedResult
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment

register = template.Library()


@register.simple_tag
def resume_evidence(assessment: Assessment, result: SavedResult) -> dict[str, Any] | None:
    """A saved result's résumé bullets grouped by competency, from what was saved."""
    if not result.evidence:
        return None
    framework = services.framework_of(assessment)
    groups = [
        {
            "competency": competency,
            "bullets": [
                {"text": e.text, "role": e.role, "score": e.score(competency.id)}
                for e in result.supporting(competency.id)
            ],
        }
        for competency in framework.competencies
        if result.has(competency.id)
    ]
    note = (assessment.result or {}).get("resume") or {}
    return {
        "groups": groups,
        "abstained": result.abstained,
        "rejected": result.rejected,
        "note": note.get("note", ""),
        "not_scored": "" if result.evidence_scored else EVIDENCE_NOT_SCORED,
    }
