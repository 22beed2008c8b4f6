from __future__ import annotations

from typing import Any

from django import template

from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment

register = template.Library()


@register.simple_tag
def resume_evidence(assessment: Assessment, data: dict[str, Any]) -> dict[str, Any] | None:
    """A saved result's résumé bullets grouped by competency, from what was saved."""
    evidence = data.get("evidence") or []
    if not evidence:
        return None
    framework = services.framework_of(assessment)
    groups = []
    for competency in framework.competencies:
        quoted = [
            {"text": b["text"], "role": b["role"], "score": c["score"]}
            for b in evidence
            if not b.get("rejected")
            for c in b["competencies"]
            if c["id"] == competency.id
        ]
        quoted.sort(key=lambda q: -q["score"])
        groups.append({"competency": competency, "bullets": quoted})
    note = data.get("resume") or {}
    return {
        "groups": groups,
        "abstained": sum(1 for b in evidence if not b["competencies"]),
        "rejected": sum(1 for b in evidence if b.get("rejected")),
        "note": note.get("note", ""),
    }
