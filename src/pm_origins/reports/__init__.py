"""Renderers: a full result as JSON, Markdown and an SVG radar chart; calibration and
reliability results as data, notes, an override file and item information curves."""

from __future__ import annotations

from pm_origins.reports.calibration import (
    calibration_data,
    calibration_notes,
    calibration_override_yaml,
    reliability_data,
)
from pm_origins.reports.data import (
    CONTRACT_KEYS,
    evaluation_data,
    plan_data,
    profile_from_data,
    render_json,
)
from pm_origins.reports.information import (
    information_figure_html,
    information_svg,
    information_table_html,
)
from pm_origins.reports.markdown import render_markdown
from pm_origins.reports.radar import radar_figure_html, radar_svg, radar_table_html
from pm_origins.reports.trend import trend_svg

__all__ = [
    "CONTRACT_KEYS",
    "calibration_data",
    "calibration_notes",
    "calibration_override_yaml",
    "evaluation_data",
    "information_figure_html",
    "information_svg",
    "information_table_html",
    "plan_data",
    "profile_from_data",
    "radar_figure_html",
    "radar_svg",
    "radar_table_html",
    "reliability_data",
    "render_json",
    "render_markdown",
    "trend_svg",
]
