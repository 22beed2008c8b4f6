"""Saved results turned into what the templates show. Reads only; changes nothing.

Every number comes from the stored result (`SavedResult`), rounded once by
`pm_origins.reports`; every name and text comes from the framework the result
was saved under.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from pm_origins.framework import Competency, Framework, UnknownId
from pm_origins.reports import (
    CLOSE_ENOUGH_TEXT,
    LATER_TEXT,
    NOTHING_MEASURED_TEXT,
    PROVISIONAL_TEXT,
    QUALITY_TEXT,
    QUALITY_WIDENED_TEXT,
    TYPICAL_GAPS_TEXT,
    TYPICAL_STRENGTHS_TEXT,
    SavedResult,
    answer_label,
    item_text,
    radar_figure_html,
    trend_svg,
)
from pm_origins.web.assessments.models import Assessment

PHASE_NAMES = {30: "First 30 days", 60: "Days 31 to 60", 90: "Days 61 to 90"}


def paragraphs(text: str) -> list[str]:
    """A story's paragraphs (the YAML keeps one per line)."""
    return [p for p in text.split("\n") if p.strip()]


def framework_overview(framework: Framework) -> dict[str, Any]:
    """The six competencies and seven origins (with their strengths and gaps by name)."""
    names = {c.id: c.name for c in framework.competencies}
    return {
        "competencies": framework.competencies,
        "origins": [
            (o, [names[c] for c in o.strengths], [names[c] for c in o.weaknesses])
            for o in framework.origins
        ],
    }


def _competency(framework: Framework, competency_id: str) -> Competency:
    return framework.competency(competency_id)


def result_context(
    assessment: Assessment,
    result: SavedResult,
    framework: Framework,
    *,
    owner_view: bool,
    may_track: bool,
    done: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """What the result page shows, from the saved result and its own framework."""
    top = framework.origin(result.top.id) if result.top is not None else None
    phases = []
    if result.plan is not None:
        for phase in result.plan.phases:
            actions = [
                {
                    "action": action,
                    "competency_name": _competency(framework, action.competency).name,
                    "done": action.id in done,
                }
                for action in phase.actions
            ]
            phases.append(
                {
                    "days": phase.days,
                    "name": PHASE_NAMES.get(phase.days),
                    "actions": actions,
                    "hours": phase.hours,
                    "budget": result.plan.hours_per_phase,
                }
            )
    reasons = [
        {
            "competency": _competency(framework, reason.competency),
            "reason": reason,
            "answers": [
                {
                    "answer": answer,
                    "text": item_text(framework, answer.item),
                    "label": answer_label(framework, answer.item, answer.answer),
                }
                for answer in reason.answers
            ],
        }
        for reason in result.reasons
    ]
    target_levels, target_name = None, ""
    if result.plan is not None:
        with contextlib.suppress(UnknownId):
            role = framework.role(result.plan.target_id)
            target_levels = {c: float(e.level) for c, e in role.expectations.items()}
            target_name = f"Target: {result.plan.target_name}"
    origin_names = {o.id: o.name for o in framework.origins}
    return {
        "assessment": assessment,
        "result": result,
        "origin_basis_text": result.origin_basis_text(origin_names),
        "shown_blend": " / ".join(f"{s.percent}% {s.name}" for s in result.shown_blend),
        "owner_view": owner_view,
        "may_track": may_track,
        "guest_result": assessment.owner_id is None,
        "top_origin": top,
        "story": paragraphs(top.story) if top else [],
        "radar": mark_safe(
            radar_figure_html(
                framework,
                result.profile,
                title="Your competency profile",
                target=target_levels,
                target_label=target_name or "Target role",
            )
        ),
        "superpowers": [_competency(framework, c) for c in result.superpowers],
        "gaps": [
            {"competency": _competency(framework, c), "advice": result.advice_for(c)}
            for c in result.gaps
        ],
        # What is typical for the background (not measured in the person), and how the
        # scores were made; each shown only when the saved result holds it.
        "nothing_measured": all(score.level is None for score in result.profile),
        "nothing_measured_text": NOTHING_MEASURED_TEXT,
        "typical_superpowers": [
            _competency(framework, c)
            for c in result.typical_superpowers
            if c not in result.superpowers
        ],
        "typical_strengths_text": TYPICAL_STRENGTHS_TEXT,
        "typical_gaps": [
            {"competency": _competency(framework, c), "advice": result.advice_for(c)}
            for c in dict.fromkeys((*result.typical_gaps, *(a.competency for a in result.advice)))
            if c not in result.gaps
        ],
        "typical_gaps_text": TYPICAL_GAPS_TEXT,
        "quality_notes": [QUALITY_TEXT.get(flag, flag) for flag in result.quality_flags],
        "quality_widened_text": QUALITY_WIDENED_TEXT,
        "provisional_text": PROVISIONAL_TEXT if result.item_parameters == "provisional" else "",
        "reasons": reasons,
        "plan_gaps": [
            {
                "gap": gap,
                "competency": _competency(framework, gap.competency),
                "note": {"close_enough": CLOSE_ENOUGH_TEXT, "later": LATER_TEXT}.get(
                    gap.status or "", ""
                ),
            }
            for gap in (result.plan.gaps if result.plan else ())
        ],
        "plan_states_advice": bool(result.plan and any(g.status for g in result.plan.gaps)),
        "phases": phases,
        "done_count": len(done),
        "action_count": len(result.plan.action_ids) if result.plan else 0,
    }


@dataclass(frozen=True)
class Finished:
    """One finished result on "My results": the assessment, as saved, and its framework."""

    assessment: Assessment
    result: SavedResult
    framework: Framework

    @property
    def label(self) -> str:
        when = self.assessment.completed_at or self.assessment.created
        return f"{when:%d %b %Y}"


def history_context(finished: Sequence[Finished], drafts: Sequence[Assessment]) -> dict[str, Any]:
    """ "My results": finished results (oldest first in, newest first out), trends, drafts.

    Competencies and their names come from the newest result's framework; an older
    result saved under a framework without one of them shows a dash there.
    """
    latest = finished[-1].framework if finished else None
    competencies = latest.competencies if latest else ()
    series = [(f.label, f.result) for f in finished]
    trends: list[dict[str, Any]] = []
    if latest is not None:
        trends = [
            {
                "competency": c,
                "svg": mark_safe(trend_svg(latest, series, c.id, id_prefix=f"trend-{c.id}")),
            }
            for c in competencies
        ]
    return {
        "finished": list(reversed(finished)),
        "drafts": list(drafts),
        "trends": trends,
        "rows": [
            {
                "label": f.label,
                "scores": [
                    f.result.score(c.id).shown if f.result.has(c.id) else None for c in competencies
                ],
            }
            for f in finished
        ],
        "competencies": competencies,
    }


def comparison_context(earlier: Finished, later: Finished) -> dict[str, Any]:
    """Two results side by side, each read under its own framework, on the later one's axes."""
    framework = later.framework
    rows = []
    for competency in framework.competencies:
        after = later.result.score(competency.id)
        before = earlier.result.score(competency.id) if earlier.result.has(competency.id) else None
        rows.append(
            {
                "competency": competency,
                "before": before.shown if before else None,
                "after": after.shown,
                "change": after.shown - before.shown if before else None,
            }
        )
    radar: SafeString = mark_safe(
        radar_figure_html(
            framework,
            later.result.profile,
            compare=earlier.result.profile,
            compare_label=f"Result of {earlier.label}",
            title="Your profile, then and now",
        )
    )
    return {"earlier": earlier.assessment, "later": later.assessment, "rows": rows, "radar": radar}
