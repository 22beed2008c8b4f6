"""A team's (or cohort's) analysis turned into what the team page shows. Reads only."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import mark_safe

from pm_origins.engine import PROFICIENT, OpinionComparison
from pm_origins.framework import Framework
from pm_origins.reports import heatmap_svg, heatmap_table_html
from pm_origins.web.teams.services import TeamView

FORMULA_IN_WORDS = (
    "For each competency we take how many points the mentor's score is above the mentee's "
    "(nothing if it is not above), multiply it by the competency's weight (1, or how much "
    "the team's target roles lean on it), and keep the largest: that is the pair's benefit "
    "and its competency. Only scores measured from answers count for a mentor, never a "
    "score that rests on a career's typical profile. The pairs together have the largest "
    "total benefit possible, with each person mentoring at most one person and being "
    "mentored by at most one, and nobody paired with themselves; someone with no one to "
    "gain from or to teach gets no pair."
)


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def team_context(view: TeamView, framework: Framework, *, title: str) -> dict[str, Any]:
    names = {c.id: c.name for c in framework.competencies}
    analysis = view.analysis
    roles = {r.id: r.name for r in framework.roles}
    pairs = []
    for pair in analysis.pairs:
        mentor, mentee = view.members[pair.mentor].name, view.members[pair.mentee].name
        weight = analysis.weights.get(pair.competency, 1.0)
        why = (
            f"{mentor} scores {pair.mentor_score:.0f} in {names[pair.competency]}, measured "
            f"from answers; {mentee} scores {pair.mentee_score:.0f}: "
            f"{pair.mentor_score - pair.mentee_score:.0f} points apart"
            + (f", weighted {weight:.2g} by the target roles." if weight != 1.0 else ".")
        )
        pairs.append(
            {
                "mentor": mentor,
                "mentee": mentee,
                "competency": names[pair.competency],
                "benefit": round(pair.benefit),
                "why": why,
                "action": pair.action,
            }
        )
    trend_rows = [
        {
            "date": point["date"],
            "members": point["members"],
            "scores": [_score(point["mean"].get(c)) for c in framework.competency_ids],
        }
        for point in view.trend
    ]
    return {
        "title": title,
        "cards": view.cards,
        "waiting": view.waiting,
        "member_count": len(view.members),
        "heatmap": mark_safe(
            heatmap_svg(framework, view.members, title=f"{title}: scores per member")
        ),
        "heatmap_table": mark_safe(
            heatmap_table_html(
                framework,
                view.members,
                caption="Scores per member; 'typical' marks a score resting on a career's "
                "typical profile rather than answers",
            )
        ),
        "coverage": [
            {
                "competency": names[c.competency],
                "best": _score(c.best),
                "mean": _score(c.mean),
                "depth": c.depth,
            }
            for c in analysis.coverage
        ],
        "proficient": round(PROFICIENT),
        "spof": [
            {
                "competency": names[c.competency],
                "member": view.members[c.covered_by[0]].name,
            }
            for c in analysis.coverage
            if c.competency in analysis.single_points_of_failure
        ],
        "uncovered": [names[c] for c in analysis.uncovered],
        "targets": [roles.get(r, r) for r in analysis.target_roles],
        "gaps": [
            {
                "competency": names[g.competency],
                "best": round(g.best),
                "target": round(g.target),
                "gap": round(g.gap),
            }
            for g in analysis.gaps
        ],
        "pairs": pairs,
        "formula": FORMULA_IN_WORDS,
        "trend": trend_rows,
        "competencies": framework.competencies,
    }


VERDICT_TEXT = {
    "blind_spot": "Blind spot: they see you much lower than you see yourself",
    "hidden_strength": "Hidden strength: they see you much higher than you see yourself",
    "agree": "Your views overlap",
    "not_rated": "Not rated: they answered no question on this",
}


def opinion_rows(
    comparisons: tuple[OpinionComparison, ...], framework: Framework
) -> list[dict[str, Any]]:
    names = {c.id: c.name for c in framework.competencies}
    return [
        {
            "competency": names.get(c.competency, c.competency),
            "own": c.own,
            "other": c.other,
            "verdict": c.verdict,
            "verdict_text": VERDICT_TEXT[c.verdict],
        }
        for c in comparisons
    ]
