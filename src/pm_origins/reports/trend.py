"""Growth over time: a small, accessible SVG line chart per competency."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from pm_origins.framework import Framework
from pm_origins.reports.result import SavedResult

WIDTH, HEIGHT = 280, 140
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 34, 12, 12, 26
FONT = 12  # at the chart's drawn size: no text under 12 px on screen
LABEL_ROOM = 84  # the width a date label needs; closer labels are left to the description
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _x(index: int, count: int) -> float:
    span = WIDTH - PAD_LEFT - PAD_RIGHT
    return PAD_LEFT + (span / 2 if count == 1 else span * index / (count - 1))


def _y(score: float) -> float:
    return PAD_TOP + (HEIGHT - PAD_TOP - PAD_BOTTOM) * (1 - score / 100)


def trend_svg(
    framework: Framework,
    results: Sequence[tuple[str, SavedResult]],
    competency: str,
    *,
    id_prefix: str = "trend",
) -> str:
    """One competency's score across results, oldest first, with each result's band.

    Args:
        framework: names the competency.
        results: (label such as a date, saved result) pairs, oldest first; a result
            saved under a framework without this competency is left out.
        competency: the competency id to chart.
        id_prefix: prefix for the ids inside the SVG, unique per page.
    Returns:
        A standalone SVG with a title and a description that states every value.
    """
    if not _ID.match(id_prefix):
        raise ValueError(f"id_prefix must be a valid id, got {id_prefix!r}")
    name = framework.competency(competency).name
    points = [
        (label, result.score(competency)) for label, result in results if result.has(competency)
    ]
    described = (
        "; ".join(
            f"{label}: {s.shown} (band {s.low_shown} to {s.high_shown})" for label, s in points
        )
        or "no results yet"
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="trend-chart" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(name)} over time</title>',
        f'<desc id="{id_prefix}-desc">{escape(described)}</desc>',
    ]
    for level in (0, 50, 100):
        y = _y(level)
        parts.append(
            f'<line x1="{PAD_LEFT}" y1="{y:.1f}" x2="{WIDTH - PAD_RIGHT}" y2="{y:.1f}" '
            f'stroke="#d0d5dd" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="{FONT}" fill="#475467">{level}</text>'
        )
    count = len(points)
    roomy = count < 3 or (WIDTH - PAD_LEFT - PAD_RIGHT) / (count - 1) >= LABEL_ROOM
    for index, (label, score) in enumerate(points):
        x = _x(index, count)
        parts.append(
            f'<line class="trend-band" x1="{x:.1f}" y1="{_y(score.high):.1f}" '
            f'x2="{x:.1f}" y2="{_y(score.low):.1f}" stroke="#98a2b3" '
            f'stroke-width="6" stroke-linecap="round" opacity="0.5"/>'
        )
        # The first and last labels lean inwards so they are never cut at the edges;
        # labels between them show when there is room (the description lists them all).
        first, last = index == 0, index == count - 1
        if count > 1 and not (first or last or roomy):
            continue
        anchor = "middle" if count == 1 else "start" if first else "end" if last else "middle"
        lean = {"start": -PAD_LEFT + 2, "end": PAD_RIGHT - 2, "middle": 0}[anchor]
        parts.append(
            f'<text x="{x + lean:.1f}" y="{HEIGHT - 6}" text-anchor="{anchor}" '
            f'font-size="{FONT}" fill="#475467">{escape(label)}</text>'
        )
    if count > 1:
        path = " ".join(f"{_x(i, count):.1f},{_y(s.score):.1f}" for i, (_, s) in enumerate(points))
        parts.append(
            f'<polyline class="trend-line" points="{path}" fill="none" '
            f'stroke="#3538cd" stroke-width="2"/>'
        )
    for index, (_, score) in enumerate(points):
        parts.append(
            f'<circle class="trend-point" cx="{_x(index, count):.1f}" '
            f'cy="{_y(score.score):.1f}" r="3.5" fill="#3538cd"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
