"""Template filters for saved results: the one rounding every view uses."""

from __future__ import annotations

from django import template

from pm_origins.reports import whole as whole_number

register = template.Library()


@register.filter
def whole(value: float | int | None) -> str:
    """A score or gap as a whole number, halves up (as in the Markdown report and the API)."""
    return "" if value is None else str(whole_number(float(value)))
