"""Stored results turned into what the templates show. Reads only; changes nothing."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import mark_safe

from pm_origins.framework import Framework, UnknownId
from pm_origins.reports import profile_from_data, radar_figure_html, trend_svg
from pm_origins.web.assessments.models import ActionProgress, Assessment

PHASE_NAMES = {30: "First 30 days", 60: "Days 31 to 60", 90: "Days 61 to 90"}


def _item_text(framework: Framework, item_id: str) -> str:
    try:
        return framework.item(item_id).text
    except UnknownId:
        return item_id


def paragraphs(text: str) -> list[str]:
    """A story's paragraphs (the YAML keeps one per line)."""
    return [p for p in text.split("\n") if p.strip()]


def framework_overview() -> dict[str, Any]:
    """The six competencies and seven origins (with their strengths and gaps by name)."""
    from pm_origins.web.assessments.services import current_framework

    framework = current_framework()
    names = {c.id: c.name for c in framework.competencies}
    return {
        "competencies": framework.competencies,
        "origins": [
            (o, [names[c] for c in o.strengths], [names[c] for c in o.weaknesses])
            for o in framework.origins
        ],
    }


def result_context(
    assessment: Assessment,
    framework: Framework,
    *,
    owner_view: bool,
    may_track: bool,
) -> dict[str, Any]:
    data = assessment.result or {}
    names = {c.id: c for c in framework.competencies}
    profile = profile_from_data(framework, data.get("profile", {}))
    blend = data.get("blend") or data.get("origins", [])[:1]
    top = framework.origin(blend[0]["id"]) if blend and data.get("basis") != "none" else None
    done = set()
    if may_track:
        done = set(
            ActionProgress.objects.filter(assessment=assessment).values_list("action_id", flat=True)
        )
    plan = data.get("plan")
    phases = []
    if plan:
        for phase in plan["phases"]:
            actions = [
                {**a, "competency_name": names[a["competency"]].name, "done": a["id"] in done}
                for a in phase["actions"]
            ]
            phases.append(
                {"days": phase["days"], "name": PHASE_NAMES[phase["days"]], "actions": actions}
            )
    advice: dict[str, list[str]] = {}
    for item in data.get("advice", []):
        advice.setdefault(item["competency"], []).append(item["text"])
    reasons = [
        {
            "competency": names[r["competency"]],
            "prior": r["prior"],
            "source": r["source"],
            "answers": [{**a, "text": _item_text(framework, a["item"])} for a in r["answers"]],
        }
        for r in data.get("reasons", [])
        if r["competency"] in names
    ]
    return {
        "assessment": assessment,
        "data": data,
        "owner_view": owner_view,
        "may_track": may_track,
        "guest_result": assessment.owner_id is None,
        "blend": blend,
        "blend_label": (
            blend[0]["name"]
            if len(blend) == 1
            else " / ".join(f"{round(o['share'] * 100)}% {o['name']}" for o in blend)
        ),
        "top_origin": top,
        "top_share": round(blend[0]["share"] * 100) if blend else 0,
        "story": paragraphs(top.story) if top else [],
        "radar": mark_safe(radar_figure_html(framework, profile, title="Your competency profile")),
        "superpowers": [names[c] for c in data.get("superpowers", [])],
        "gaps": [
            {"competency": names[c], "advice": advice.get(c, [])} for c in data.get("gaps", [])
        ],
        "reasons": reasons,
        "roles": data.get("roles", []),
        "plan": plan,
        "plan_gaps": [
            {**g, "competency": names[g["competency"]]} for g in (plan or {}).get("gaps", [])
        ],
        "phases": phases,
        "done_count": len(done),
        "action_count": sum(len(p["actions"]) for p in phases),
    }


def history_context(assessments: list[Assessment], framework: Framework) -> dict[str, Any]:
    """ "My results": finished results oldest first, trends per competency, and drafts."""
    finished = [a for a in assessments if a.is_complete]
    series = [
        (
            f"{a.completed_at or a.created:%d %b}",
            profile_from_data(framework, (a.result or {}).get("profile", {})),
        )
        for a in finished
    ]
    trends = (
        [
            {
                "competency": c,
                "svg": mark_safe(trend_svg(framework, series, c.id, id_prefix=f"trend-{c.id}")),
            }
            for c in framework.competencies
        ]
        if finished
        else []
    )
    return {
        "finished": list(reversed(finished)),
        "drafts": [a for a in assessments if not a.is_complete],
        "trends": trends,
        "rows": [
            {"label": label, "scores": [round(s.score) for s in profile.scores]}
            for label, profile in series
        ],
        "competencies": framework.competencies,
    }


def comparison_context(
    earlier: Assessment, later: Assessment, framework: Framework
) -> dict[str, Any]:
    before = profile_from_data(framework, (earlier.result or {}).get("profile", {}))
    after = profile_from_data(framework, (later.result or {}).get("profile", {}))
    rows = [
        {"competency": c, "before": b.score, "after": a.score, "change": a.score - b.score}
        for c, b, a in zip(framework.competencies, before.scores, after.scores, strict=True)
    ]
    label = f"{earlier.completed_at or earlier.created:%d %b %Y}"
    return {
        "earlier": earlier,
        "later": later,
        "rows": rows,
        "radar": mark_safe(
            radar_figure_html(
                framework,
                after,
                compare=before,
                compare_label=f"Result of {label}",
                title="Your profile, then and now",
            )
        ),
    }
