"""`pm-origins team analyze` as Rich tables: a heat map, coverage, gaps and pairs."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pm_origins.engine import TeamAnalysis
from pm_origins.framework import Framework, level_of

# Background per level 0-4, light to dark, with a readable foreground.
LEVEL_STYLES = (
    "black on grey93",
    "black on light_steel_blue1",
    "black on light_steel_blue",
    "white on royal_blue1",
    "white on dark_blue",
)
HEATMAP_ROWS_SHOWN = 60


def _cell(score: float | None, measured: bool) -> Text:
    if score is None:
        return Text("–", justify="center")
    label = f"{score:.0f}" + ("" if measured else "~")
    return Text(label, style=LEVEL_STYLES[level_of(score)], justify="center")


def print_team(
    console: Console, framework: Framework, analysis: TeamAnalysis, data: dict[str, Any]
) -> None:
    names = {c.id: c.name for c in framework.competencies}
    heat = Table(
        title="Heat map (darker is stronger; ~ marks a typical score, not measured)",
        caption_justify="left",
    )
    heat.add_column("member")
    for competency in framework.competencies:
        heat.add_column(competency.id, justify="center")
    members = analysis.members
    for member in members[:HEATMAP_ROWS_SHOWN]:
        heat.add_row(
            member.name,
            *(_cell(member.scores.get(c), c in member.measured) for c in framework.competency_ids),
        )
    if len(members) > HEATMAP_ROWS_SHOWN:
        heat.caption = (
            f"First {HEATMAP_ROWS_SHOWN} of {len(members)} people; --format json lists all."
        )
    console.print(heat)

    coverage = Table(title="Team profile (depth: members at or above proficient)")
    for column in ("competency", "best", "mean", "depth"):
        coverage.add_column(column, justify="left" if column == "competency" else "right")
    for competency, row in data["coverage"].items():
        coverage.add_row(
            names[competency],
            "–" if row["best"] is None else f"{row['best']:.0f}",
            "–" if row["mean"] is None else f"{row['mean']:.0f}",
            str(row["depth"]),
        )
    console.print(coverage)
    spof = ", ".join(names[c] for c in analysis.single_points_of_failure) or "none"
    console.print(f"Single points of failure (only one member covers it): {spof}")
    uncovered = ", ".join(names[c] for c in analysis.uncovered) or "none"
    console.print(f"Not covered by anyone: {uncovered}")
    if analysis.target_roles:
        gaps = ", ".join(
            f"{names[g.competency]} (best {g.best:.0f}, target {g.target:.0f})"
            for g in analysis.gaps
        )
        console.print(f"Gaps against {', '.join(analysis.target_roles)}: {gaps or 'none'}")

    pairs = Table(title="Suggested pairs (largest total benefit)")
    for column in ("mentor", "mentee", "competency", "benefit", "first joint action"):
        pairs.add_column(column)
    for pair in data["pairs"]:
        action = pair["first_action"]
        pairs.add_row(
            pair["mentor"],
            pair["mentee"],
            names[pair["competency"]],
            f"{pair['benefit']:.0f}",
            action["title"] if action else "–",
        )
    console.print(pairs)
    console.print(data["formula"], markup=False)
