"""Renderers of a full result: JSON, Markdown and an accessible SVG radar chart."""

from __future__ import annotations

from pm_origins.reports.data import CONTRACT_KEYS, evaluation_data, plan_data, render_json

__all__ = [
    "CONTRACT_KEYS",
    "evaluation_data",
    "plan_data",
    "render_json",
]
