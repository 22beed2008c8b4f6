"""A team as plain data and as an accessible SVG heat map with a data table.

`team_data` is the JSON of `pm-origins team analyze --format json` and of the
API's team view. Keys (a contract; add, never rename): members
[{name, origins, profile}], coverage {competency: {best, mean, depth}},
single_points_of_failure, pairs [{mentor, mentee, competency, benefit,
first_action}]. Extra keys: uncovered, target_roles, gaps, weights, formula.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from pm_origins.engine.team import PROFICIENT, TeamAnalysis, TeamMember
from pm_origins.framework import Framework, level_of

FORMULA = (
    "benefit(i -> j) = max over c of w_c * max(0, s[i][c] - s[j][c]), over the competencies "
    "where the mentor's score is measured; pairs maximise the total benefit, each person "
    "mentoring at most one and mentored by at most one, never themselves."
)

# One fill per level 0-4, light to dark, each with a text colour of enough contrast.
LEVEL_FILLS = ("#f2f4f7", "#d1e0ff", "#a4bcfd", "#6172f3", "#3538cd")
LEVEL_TEXT = ("#1f2937", "#1f2937", "#1f2937", "#ffffff", "#ffffff")
CELL_W, CELL_H = 64, 26
LABEL_W = 180
HEADER_H = 64


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def member_from_result(
    name: str, result: Mapping[str, Any], extra: Mapping[str, object] | None = None
) -> TeamMember:
    """A team member from a stored result's JSON, without re-running the engine.

    A competency counts as measured when its profile entry says so (`measured`),
    or, in results saved before that key existed, when it had answers.
    """
    scores: dict[str, float] = {}
    measured: set[str] = set()
    for competency, entry in (result.get("profile") or {}).items():
        if not isinstance(entry, Mapping) or entry.get("score") is None:
            continue
        scores[competency] = float(entry["score"])
        flag = entry.get("measured")
        if flag if flag is not None else int(entry.get("answered") or 0) > 0:
            measured.add(competency)
    origins = tuple(
        str(o["name"]) for o in (result.get("blend") or result.get("origins") or [])[:3]
    )
    return TeamMember(name, scores, frozenset(measured), origins, dict(extra or {}))


def team_data(analysis: TeamAnalysis, framework: Framework) -> dict[str, Any]:
    """The analysis as JSON-ready data (see the module docstring for the keys)."""
    names = [m.name for m in analysis.members]
    return {
        "members": [
            {
                "name": m.name,
                "origins": list(m.origins),
                "profile": {
                    c: {"score": _round(m.scores[c]), "measured": c in m.measured}
                    for c in framework.competency_ids
                    if c in m.scores
                },
            }
            for m in analysis.members
        ],
        "coverage": {
            c.competency: {"best": _round(c.best), "mean": _round(c.mean), "depth": c.depth}
            for c in analysis.coverage
        },
        "single_points_of_failure": list(analysis.single_points_of_failure),
        "uncovered": list(analysis.uncovered),
        "target_roles": list(analysis.target_roles),
        "gaps": [
            {
                "competency": g.competency,
                "target": g.target,
                "best": _round(g.best),
                "gap": _round(g.gap),
                "weight": round(g.weight, 2),
            }
            for g in analysis.gaps
        ],
        "weights": {c: round(w, 2) for c, w in analysis.weights.items()},
        "pairs": [
            {
                "mentor": names[p.mentor],
                "mentee": names[p.mentee],
                "competency": p.competency,
                "benefit": _round(p.benefit),
                "mentor_score": _round(p.mentor_score),
                "mentee_score": _round(p.mentee_score),
                "first_action": (
                    {"id": p.action.id, "title": p.action.title, "hours": p.action.hours}
                    if p.action
                    else None
                ),
            }
            for p in analysis.pairs
        ],
        "formula": FORMULA,
        "proficient": PROFICIENT,
    }


def _cell_text(member: TeamMember, competency: str) -> str:
    if competency not in member.scores:
        return "none"
    score = f"{member.scores[competency]:.0f}"
    return score if competency in member.measured else f"{score} typical"


def heatmap_svg(
    framework: Framework, members: Sequence[TeamMember], *, title: str, id_prefix: str = "heatmap"
) -> str:
    """Members x competencies as coloured cells, darker for a higher level.

    A score that rests on a career's typical profile rather than answers is
    drawn with a dashed outline and labelled "typical" in the description.
    """
    competencies = framework.competencies
    width = LABEL_W + CELL_W * len(competencies)
    height = HEADER_H + CELL_H * max(1, len(members))
    described = "; ".join(
        f"{m.name}: " + ", ".join(f"{c.name} {_cell_text(m, c.id)}" for c in competencies)
        for m in members
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="heatmap" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(described or "No member has shared a result yet.")}'
        "</desc>",
    ]
    for column, competency in enumerate(competencies):
        x = LABEL_W + CELL_W * column + CELL_W / 2
        parts.append(
            f'<text class="heatmap-head" x="{x:.0f}" y="{HEADER_H - 8}" text-anchor="start" '
            f'font-size="12" fill="#1f2937" transform="rotate(-30 {x:.0f} {HEADER_H - 8})">'
            f"{escape(competency.name[:22])}</text>"
        )
    for row, member in enumerate(members):
        y = HEADER_H + CELL_H * row
        parts.append(
            f'<text class="heatmap-name" x="{LABEL_W - 8}" y="{y + CELL_H / 2 + 4:.0f}" '
            f'text-anchor="end" font-size="12" fill="#1f2937">{escape(member.name[:28])}</text>'
        )
        for column, competency in enumerate(competencies):
            x = LABEL_W + CELL_W * column
            score = member.scores.get(competency.id)
            level = level_of(score) if score is not None else 0
            dashed = score is not None and competency.id not in member.measured
            parts.append(
                f'<rect class="heatmap-cell level-{level}" x="{x + 1}" y="{y + 1}" '
                f'width="{CELL_W - 2}" height="{CELL_H - 2}" fill="{LEVEL_FILLS[level]}"'
                + (' stroke="#667085" stroke-dasharray="3 2"' if dashed else "")
                + "/>"
            )
            label = "–" if score is None else f"{score:.0f}" + ("~" if dashed else "")
            parts.append(
                f'<text x="{x + CELL_W / 2:.0f}" y="{y + CELL_H / 2 + 4:.0f}" '
                f'text-anchor="middle" font-size="12" fill="{LEVEL_TEXT[level]}">{label}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def heatmap_table_html(framework: Framework, members: Sequence[TeamMember], *, caption: str) -> str:
    """The heat map's numbers as an HTML table, for screen readers and copying."""
    head = "".join(f'<th scope="col">{escape(c.name)}</th>' for c in framework.competencies)
    rows = []
    for member in members:
        cells = "".join(
            f"<td>{escape(_cell_text(member, c.id))}</td>" for c in framework.competencies
        )
        rows.append(f'<tr><th scope="row">{escape(member.name)}</th>{cells}</tr>')
    return (
        f'<table class="heatmap-table"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Member</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
