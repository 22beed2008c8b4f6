"""Results as data and as people read them: the JSON contract, saved results read
back by format, Markdown, and accessible SVG charts; calibration and reliability
results as data, notes, an override file and item information curves."""

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
    render_json,
    saved_result,
)
from pm_origins.reports.information import (
    information_figure_html,
    information_svg,
    information_table_html,
)
from pm_origins.reports.markdown import (
    EVIDENCE_NOT_SCORED,
    NOTHING_MEASURED_TEXT,
    PROVISIONAL_TEXT,
    QUALITY_TEXT,
    QUALITY_WIDENED_TEXT,
    TYPICAL_GAPS_TEXT,
    TYPICAL_STRENGTHS_TEXT,
    answer_label,
    item_text,
    render_markdown,
)
from pm_origins.reports.radar import radar_figure_html, radar_svg, radar_table_html
from pm_origins.reports.result import (
    BASIS_TEXT,
    CLOSE_ENOUGH_TEXT,
    LATER_TEXT,
    RESULT_FORMAT,
    ResultFormatError,
    SavedResult,
    Score,
    largest_remainder,
    percent,
    read_result,
    result_format,
    whole,
)
from pm_origins.reports.team import (
    heatmap_svg,
    heatmap_table_html,
    member_from_result,
    team_data,
)
from pm_origins.reports.trend import trend_svg

__all__ = [
    "BASIS_TEXT",
    "CLOSE_ENOUGH_TEXT",
    "CONTRACT_KEYS",
    "EVIDENCE_NOT_SCORED",
    "LATER_TEXT",
    "NOTHING_MEASURED_TEXT",
    "PROVISIONAL_TEXT",
    "QUALITY_TEXT",
    "QUALITY_WIDENED_TEXT",
    "RESULT_FORMAT",
    "TYPICAL_GAPS_TEXT",
    "TYPICAL_STRENGTHS_TEXT",
    "ResultFormatError",
    "SavedResult",
    "Score",
    "answer_label",
    "calibration_data",
    "calibration_notes",
    "calibration_override_yaml",
    "evaluation_data",
    "heatmap_svg",
    "heatmap_table_html",
    "information_figure_html",
    "information_svg",
    "information_table_html",
    "item_text",
    "largest_remainder",
    "member_from_result",
    "percent",
    "plan_data",
    "radar_figure_html",
    "radar_svg",
    "radar_table_html",
    "read_result",
    "reliability_data",
    "render_json",
    "render_markdown",
    "result_format",
    "saved_result",
    "team_data",
    "trend_svg",
    "whole",
]
