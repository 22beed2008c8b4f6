"""Renderers of a full result: JSON, Markdown and an accessible SVG radar chart."""

from __future__ import annotations

from pm_origins.reports.data import (
    CONTRACT_KEYS,
    evaluation_data,
    plan_data,
    profile_from_data,
    render_json,
)
from pm_origins.reports.markdown import render_markdown
from pm_origins.reports.radar import radar_figure_html, radar_svg, radar_table_html
from pm_origins.reports.team import (
    heatmap_svg,
    heatmap_table_html,
    member_from_result,
    team_data,
)
from pm_origins.reports.trend import trend_svg

__all__ = [
    "CONTRACT_KEYS",
    "evaluation_data",
    "heatmap_svg",
    "heatmap_table_html",
    "member_from_result",
    "plan_data",
    "profile_from_data",
    "radar_figure_html",
    "radar_svg",
    "radar_table_html",
    "render_json",
    "render_markdown",
    "team_data",
    "trend_svg",
]
