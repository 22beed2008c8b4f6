"""A full result as plain data: the JSON contract other tools rely on.

Top-level keys (a contract; add, never rename): framework_version, profile,
origins, superpowers, gaps, advice, plan, evidence. Extra keys: format (the
result-format version, see `result`), blend, basis, roles, uncertain, reasons,
answers, product, origin_basis, clarity, career_weight, answers_resemble.
Each role says its `kind`: "origin", "product", "chosen" (the
person picked the origin) or "unmatched".

Each `profile` entry holds score, low, high, level, answered, `measured` (True
when answers or accepted résumé bullets stand behind the score) and `basis`
(what the score rests on: any of "career", "answers", "resume"; empty for the
population alone); `level` is null when the score is not measured, because a
typical profile says nothing about the person's level. `superpowers` and
`gaps` hold measured competencies only; `typical_superpowers` and
`typical_gaps` hold the named origins' own strengths and weaknesses.
`quality` is {"flags": [...], "person_fit": float or null}: the response checks
of `engine.quality` ("straight_lining", "inconsistent", "misfit",
"too_few_answers") and the lz person-fit statistic. `item_parameters` says
whether the items' model parameters were "provisional" or "calibrated".
The origin: `origins` are the shares of every origin (the career carries
`career_weight` of them, the answers the rest); `origin_basis` is "history",
"answers" or "both" (null with neither); `clarity` is "clear", "blend" or
"unclear"; `answers_resemble` lists {"id", "share"} of the origins the answers
alone resemble (possibly empty), shown beside a career's origin.

`plan` (null without a target): "target", "ready", "sorted_by" ("priority":
gap x weight), "hours_per_phase" (the budget of each 30 days), "gaps" (each with
"priority", "high" (top of the person's band), "status" ("planned",
"close_enough": the target lies inside the band, so no action, or "later":
nothing fits the 90 days), "advice" (texts for the person's origin) and
"actions" (ids)), and "phases" (each with "days", "hours" and "actions"; an
action says whether it is "tailored" to the origin and which strengths it
"uses").

`evidence` lists the bullets read from a résumé, in résumé order:
{"id", "text", "role", "competencies": [{"id", "score"}], "rejected"}; a
bullet the reader abstained on has an empty competencies list, and "text" is
empty when the person did not let the résumé text be kept.
"""

from __future__ import annotations

import json
from typing import Any

from pm_origins.engine import Evaluation, GrowthPlan
from pm_origins.framework import Framework, level_of
from pm_origins.reports.result import RESULT_FORMAT, SavedResult, read_result

CONTRACT_KEYS = (
    "framework_version",
    "profile",
    "origins",
    "superpowers",
    "gaps",
    "advice",
    "plan",
    "evidence",
)


def _round(value: float) -> float:
    return round(value, 1)


def plan_data(plan: GrowthPlan | None) -> dict[str, Any] | None:
    """The plan: gaps by priority with their advice and actions, and three phases,
    each with its hours against the budget."""
    if plan is None:
        return None
    return {
        "target": {"id": plan.role.id, "name": plan.role.name},
        "ready": plan.ready,
        "sorted_by": "priority",
        "hours_per_phase": plan.hours_per_phase,
        "gaps": [
            {
                "competency": g.competency,
                "current": _round(g.current),
                "target": g.target,
                "gap": _round(g.gap),
                "weight": g.weight,
                "priority": _round(g.priority),
                "uncertain": g.uncertain,
                "high": _round(g.high),
                "status": g.status,
                "advice": list(g.advice),
                "actions": [p.action.id for p in plan.actions_for(g.competency)],
            }
            for g in plan.gaps
        ],
        "phases": [
            {
                "days": days,
                "hours": plan.phase_hours(days),
                "actions": [
                    {
                        "id": p.action.id,
                        "competency": p.action.competency,
                        "title": p.action.title,
                        "description": p.action.description,
                        "kind": p.action.kind,
                        "hours": p.action.hours,
                        "effort": p.action.effort,
                        "tailored": p.tailored,
                        "uses": list(p.uses),
                    }
                    for p in plan.phase(days)
                ],
            }
            for days in (30, 60, 90)
        ],
    }


def product_data(evaluation: Evaluation, framework: Framework) -> dict[str, Any]:
    """Product experience in the history: years, roles, and whether it is all there is."""
    history = evaluation.history
    return {
        "name": framework.titles.product.name,
        "years": _round(history.product_years),
        "roles": sum(1 for e in history.evidence if e.kind == "product"),
        "only_product": history.only_product,
    }


def evidence_data(evaluation: Evaluation) -> list[dict[str, Any]]:
    """The résumé bullets of an evaluation as the contract's `evidence` list."""
    return [
        {
            "id": bullet.id,
            "text": bullet.text,
            "role": bullet.role,
            "competencies": [{"id": c.id, "score": round(c.score, 3)} for c in bullet.competencies],
            "rejected": bullet.id in evaluation.rejected,
        }
        for bullet in evaluation.evidence
    ]


def evaluation_data(evaluation: Evaluation, framework: Framework) -> dict[str, Any]:
    """The evaluation as JSON-ready data (see the module docstring for the keys)."""
    match = evaluation.match
    return {
        "format": RESULT_FORMAT,
        "framework_version": evaluation.framework_version,
        "profile": {
            s.competency: {
                "score": _round(s.score),
                "low": _round(s.low),
                "high": _round(s.high),
                "level": level_of(s.score) if s.measured else None,
                "answered": s.answered,
                "measured": s.measured,
                "basis": list(s.basis),
            }
            for s in evaluation.profile.scores
        },
        "origins": [
            {"id": o.id, "name": o.name, "share": round(o.share, 3)} for o in match.origins
        ],
        "blend": [{"id": o.id, "name": o.name, "share": round(o.share, 3)} for o in match.blend],
        "basis": match.basis,
        "origin_basis": match.origin_basis,
        "clarity": match.clarity,
        "career_weight": round(match.career_weight, 3),
        "answers_resemble": [{"id": o.id, "share": round(o.share, 3)} for o in match.resemble],
        "superpowers": list(match.superpowers),
        "gaps": list(match.gaps),
        "typical_superpowers": list(match.typical_superpowers),
        "typical_gaps": list(match.typical_gaps),
        "quality": {
            "flags": list(evaluation.quality.flags),
            "person_fit": None
            if evaluation.quality.person_fit is None
            else round(evaluation.quality.person_fit, 2),
        },
        "item_parameters": framework.item_parameters,
        "uncertain": list(evaluation.profile.uncertain),
        "advice": [
            {"competency": a.competency, "origin": a.origin, "text": a.text} for a in match.advice
        ],
        "plan": plan_data(evaluation.plan),
        "evidence": evidence_data(evaluation),
        "roles": [
            {
                "title": e.role.title,
                "years": e.role.years,
                "years_ago": e.role.years_ago,
                "weight": _round(e.weight),
                "matched": e.match.matched,
                "alias": e.match.matched_alias,
                "origins": {k: round(v, 3) for k, v in e.match.shares.items()},
                "suggestions": list(e.match.suggestions),
                "kind": e.kind,
                "read_by": e.match.via,
                "reason": e.match.reason,
                "closest": list(e.match.closest),
                "chosen_origin": e.role.origin,
            }
            for e in evaluation.history.evidence
        ],
        "product": product_data(evaluation, framework),
        "reasons": [
            {
                "competency": r.competency,
                "prior": _round(r.prior_mean),
                "source": r.prior_source,
                "answers": [
                    {"item": c.item_id, "answer": c.answer, "points": _round(c.points)}
                    for c in r.answers
                ],
            }
            for r in evaluation.reasons
        ],
        "answers": dict(evaluation.answers),
    }


def saved_result(evaluation: Evaluation, framework: Framework) -> SavedResult:
    """An evaluation as it will read once saved: what every renderer takes."""
    return read_result(evaluation_data(evaluation, framework), framework.competency_ids)


def render_json(evaluation: Evaluation, framework: Framework) -> str:
    """The JSON contract as indented text."""
    return json.dumps(evaluation_data(evaluation, framework), indent=2, ensure_ascii=False) + "\n"
