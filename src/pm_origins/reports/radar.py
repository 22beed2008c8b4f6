"""An accessible SVG radar chart of a competency profile, with a data table beside it.

Pure string building, no dependencies. The chart uses presentation attributes
(``fill=``, ``stroke=``) rather than ``style`` so it passes a strict Content
Security Policy; every element also carries a ``radar-*`` class so a page's
stylesheet can restyle it (CSS rules override presentation attributes).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from html import escape

from pm_origins.framework import Framework
from pm_origins.reports.result import Score, whole

RING_STEP = 20  # one ring per level boundary: 20, 40, 60, 80, 100
RADIUS_SHARE = 0.33  # chart radius as a share of `size`
LABEL_GAP = 10.0  # between the outer ring and an axis label
LABEL_WRAP = 20  # characters per label line before wrapping
LEGEND_ROW = 20.0
# The compact drawing for narrow screens: the same chart with text 1.75 times larger
# and labels wrapped shorter, so that shown about 330 px wide its text is >= 12 px.
COMPACT_FONT = 1.75
COMPACT_WRAP = 12
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

# A light-theme palette with enough contrast on white (text and lines >= 3:1).
TEXT = "#1f2937"
MUTED = "#4b5563"
GRID = "#d1d5db"
AXIS = "#9ca3af"
SCORE_FILL = "#2563eb"
SCORE_STROKE = "#1d4ed8"
BAND_FILL = "#93c5fd"
COMPARE_STROKE = "#b45309"
TARGET_STROKE = "#047857"


@dataclass(frozen=True)
class _Geometry:
    width: float
    height: float
    cx: float
    cy: float
    radius: float
    count: int

    def angle(self, index: int) -> float:
        # The first axis points straight up; the rest follow clockwise.
        return -math.pi / 2 + 2 * math.pi * index / self.count

    def point(self, index: int, value: float, extra: float = 0.0) -> tuple[float, float]:
        distance = self.radius * max(0.0, min(100.0, value)) / 100 + extra
        angle = self.angle(index)
        return self.cx + distance * math.cos(angle), self.cy + distance * math.sin(angle)


def _geometry(size: int, count: int, legend_rows: int, row: float = LEGEND_ROW) -> _Geometry:
    # Wider than tall: the side labels need room for names like
    # "Customer & Client Relationship Management".
    width = size * 1.5
    height = size + legend_rows * row + 8
    return _Geometry(width, height, width / 2, size / 2, size * RADIUS_SHARE, max(count, 1))


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _points(geometry: _Geometry, values: list[float]) -> str:
    return " ".join(
        f"{_num(x)},{_num(y)}"
        for x, y in (geometry.point(index, value) for index, value in enumerate(values))
    )


def _ring_path(geometry: _Geometry, values: list[float]) -> str:
    corners = [geometry.point(index, value) for index, value in enumerate(values)]
    head, *rest = corners
    return (
        f"M{_num(head[0])},{_num(head[1])} "
        + " ".join(f"L{_num(x)},{_num(y)}" for x, y in rest)
        + " Z"
    )


def _wrap(text: str, width: int = LABEL_WRAP) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [text]


def _label(geometry: _Geometry, index: int, name: str, font: float, wrap: int = LABEL_WRAP) -> str:
    x, y = geometry.point(index, 100, LABEL_GAP)
    angle = geometry.angle(index)
    cos, sin = math.cos(angle), math.sin(angle)
    anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
    lines = _wrap(name, wrap)
    line_height = font * 1.2
    if sin < -0.5:  # above the chart: the last line sits just over the axis end
        first = y - (len(lines) - 1) * line_height - 2
    elif sin > 0.5:  # below: the first line hangs under it
        first = y + font
    else:
        first = y - (len(lines) - 1) * line_height / 2 + font * 0.35
    spans = "".join(
        f'<tspan x="{_num(x)}" y="{_num(first + row * line_height)}">{escape(line)}</tspan>'
        for row, line in enumerate(lines)
    )
    return (
        f'<text class="radar-label" text-anchor="{anchor}" font-size="{_num(font)}" '
        f'fill="{TEXT}">{spans}</text>'
    )


def level_words(score: Score) -> str:
    """A score's level in words: "level 3" on the 0-4 scale, or why there is none."""
    if score.level is None:
        return "typical for the background, not measured"
    return f"level {score.level}"


def _describe(
    framework: Framework,
    scores: Sequence[Score],
    compare: Sequence[Score] | None,
    compare_label: str,
    target: Sequence[float] | None = None,
    target_label: str = "",
) -> str:
    parts = [
        f"Scores out of 100 on {len(scores)} competencies, each with the range "
        "the score is likely to lie in. Levels run from 0 to 4."
    ]
    for score in scores:
        name = framework.competency(score.competency).name
        parts.append(
            f"{name}: {_whole(score.score)}, likely between {_whole(score.low)} and "
            f"{_whole(score.high)}, {level_words(score)}."
        )
    if compare is not None:
        earlier = ", ".join(
            f"{framework.competency(s.competency).name} {_whole(s.score)}" for s in compare
        )
        parts.append(f"{compare_label}, shown dashed: {earlier}.")
    if target is not None:
        levels = ", ".join(
            f"{framework.competency(s.competency).name} {_whole(level)}"
            for s, level in zip(scores, target, strict=True)
        )
        parts.append(f"{target_label}, shown dotted: {levels}.")
    return " ".join(parts)


def _target_levels(framework: Framework, target: Mapping[str, float] | None) -> list[float] | None:
    """The target's levels in framework order, or None when not given or not complete."""
    if target is None or any(c not in target for c in framework.competency_ids):
        return None
    return [float(target[c]) for c in framework.competency_ids]


def _whole(value: float) -> str:
    return str(whole(value))


def _check_prefix(id_prefix: str) -> str:
    if not ID_PATTERN.match(id_prefix):
        raise ValueError(
            f"id_prefix {id_prefix!r} must start with a letter and hold only "
            "letters, digits, '-' and '_'."
        )
    return id_prefix


def _ordered(framework: Framework, scores: Sequence[Score]) -> list[Score]:
    # Framework order, whatever order the scores came in.
    by_id = {score.competency: score for score in scores}
    missing = [c for c in framework.competency_ids if c not in by_id]
    if missing:
        raise ValueError(f"no score for {', '.join(missing)}")
    return [by_id[competency_id] for competency_id in framework.competency_ids]


def _comparable(framework: Framework, compare: Sequence[Score] | None) -> list[Score] | None:
    """The earlier scores in framework order, or None when they do not cover every axis
    (a result saved under a framework with other competencies)."""
    if compare is None:
        return None
    by_id = {score.competency: score for score in compare}
    if any(c not in by_id for c in framework.competency_ids):
        return None
    return [by_id[c] for c in framework.competency_ids]


def radar_svg(
    framework: Framework,
    profile: Sequence[Score],
    *,
    title: str = "Your competency profile",
    compare: Sequence[Score] | None = None,
    compare_label: str = "Earlier result",
    size: int = 360,
    id_prefix: str = "radar",
    target: Mapping[str, float] | None = None,
    target_label: str = "Target role",
    profile_label: str = "Score",
    compact: bool = False,
) -> str:
    """A standalone, accessible SVG radar chart of a profile.

    Args:
        framework: the framework whose competencies are the axes (in its order).
        profile: the scores to draw, with their likely range as a lighter band.
        title: the chart's title, also its accessible name.
        compare: an earlier profile drawn as a dashed outline, or None.
        compare_label: what to call `compare` in the legend and description.
        profile_label: what to call `profile` in the legend ("Now" beside "Then").
        compact: larger text and shorter label lines, for a chart shown narrow
            (a phone) whose text must stay readable.
        size: height of the chart area in pixels; the width is 1.5 times it.
        id_prefix: prefix for the ids inside the SVG; give each chart on a page
            its own.
        target: a target role's level (0-100) per competency, drawn as a dotted
            outline, or None.
        target_label: what to call `target` in the legend and description.
    Returns:
        An ``<svg>`` element as text, with a title and a description that
        states every score and range in words.
    Raises:
        ValueError: an id_prefix that is not a valid id, or a size under 120.
    """
    prefix = _check_prefix(id_prefix)
    if size < 120:
        raise ValueError(f"size must be at least 120 pixels, got {size}.")
    scores = _ordered(framework, profile)
    earlier = _comparable(framework, compare)
    goal = _target_levels(framework, target)
    names = [framework.competency(s.competency).name for s in scores]
    font = round(size / 30 * (COMPACT_FONT if compact else 1.0), 1)
    row = max(LEGEND_ROW, font * 1.4)
    geometry = _geometry(size, len(scores), 2 + (earlier is not None) + (goal is not None), row)
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" id="{prefix}" '
        f'viewBox="0 0 {_num(geometry.width)} {_num(geometry.height)}" '
        f'width="{_num(geometry.width)}" height="{_num(geometry.height)}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="system-ui, sans-serif">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">'
        f"{escape(_describe(framework, scores, earlier, compare_label, goal, target_label))}"
        "</desc>",
        f'<rect class="radar-background" width="{_num(geometry.width)}" '
        f'height="{_num(geometry.height)}" fill="#ffffff"/>',
        '<g class="radar-grid" aria-hidden="true">',
    ]
    for level in range(RING_STEP, 101, RING_STEP):
        ring = _points(geometry, [level] * len(scores))
        out.append(
            f'<polygon class="radar-ring" points="{ring}" fill="none" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
    for index in range(len(scores)):
        x, y = geometry.point(index, 100)
        out.append(
            f'<line class="radar-axis" x1="{_num(geometry.cx)}" y1="{_num(geometry.cy)}" '
            f'x2="{_num(x)}" y2="{_num(y)}" stroke="{AXIS}" stroke-width="1"/>'
        )
    out.append("</g>")

    band = (
        f"{_ring_path(geometry, [s.high for s in scores])} "
        f"{_ring_path(geometry, [s.low for s in scores])}"
    )
    out.append(
        f'<path class="radar-band" id="{prefix}-band" d="{band}" fill="{BAND_FILL}" '
        'fill-opacity="0.45" fill-rule="evenodd" stroke="none"/>'
    )
    out.append(
        f'<polygon class="radar-score" id="{prefix}-score" '
        f'points="{_points(geometry, [s.score for s in scores])}" fill="{SCORE_FILL}" '
        f'fill-opacity="0.3" stroke="{SCORE_STROKE}" stroke-width="2" '
        'stroke-linejoin="round"/>'
    )
    if earlier is not None:
        out.append(
            f'<polygon class="radar-compare" id="{prefix}-compare" '
            f'points="{_points(geometry, [s.score for s in earlier])}" fill="none" '
            f'stroke="{COMPARE_STROKE}" stroke-width="2" stroke-dasharray="6 4" '
            'stroke-linejoin="round"/>'
        )
    if goal is not None:
        out.append(
            f'<polygon class="radar-target" id="{prefix}-target" '
            f'points="{_points(geometry, goal)}" fill="none" '
            f'stroke="{TARGET_STROKE}" stroke-width="2" stroke-dasharray="2 3" '
            'stroke-linejoin="round"/>'
        )
    # Ring values just right of the first axis, over the fills so they stay legible.
    out.append('<g class="radar-ticks" aria-hidden="true">')
    for level in range(RING_STEP, 101, RING_STEP):
        x, y = geometry.point(0, level)
        out.append(
            f'<text class="radar-tick" x="{_num(x + 3)}" y="{_num(y + font * 0.9)}" '
            f'font-size="{_num(font)}" fill="{MUTED}">{level}</text>'
        )
    out.append("</g>")
    out.append('<g class="radar-dots">')
    for index, (score, name) in enumerate(zip(scores, names, strict=True)):
        x, y = geometry.point(index, score.score)
        tip = f"{name}: {_whole(score.score)} (likely {_whole(score.low)} to {_whole(score.high)})"
        out.append(
            f'<circle class="radar-dot" cx="{_num(x)}" cy="{_num(y)}" r="3.5" '
            f'fill="{SCORE_STROKE}"><title>{escape(tip)}</title></circle>'
        )
    out.append("</g>")
    out.append('<g class="radar-labels">')
    wrap = COMPACT_WRAP if compact else LABEL_WRAP
    out.extend(_label(geometry, index, name, font, wrap) for index, name in enumerate(names))
    out.append("</g>")
    out.append(
        _legend(
            geometry,
            size,
            font,
            compare_label if earlier is not None else None,
            target_label if goal is not None else None,
            profile_label,
            row,
        )
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(
    geometry: _Geometry,
    size: int,
    font: float,
    compare_label: str | None,
    target_label: str | None = None,
    profile_label: str = "Score",
    row_height: float = LEGEND_ROW,
) -> str:
    x = geometry.width / 2 - size * 0.15
    y = size + 4.0 + (row_height - LEGEND_ROW)
    rows = [
        (
            f'<rect x="{_num(x)}" y="{_num(y - 9)}" width="18" height="10" fill="{SCORE_FILL}" '
            f'fill-opacity="0.3" stroke="{SCORE_STROKE}" stroke-width="2"/>',
            profile_label,
        ),
        (
            f'<rect x="{_num(x)}" y="{_num(y + row_height - 9)}" width="18" height="10" '
            f'fill="{BAND_FILL}" fill-opacity="0.45"/>',
            "Likely range" if profile_label == "Score" else f"{profile_label}: likely range",
        ),
    ]
    if compare_label is not None:
        line_y = y + 2 * row_height - 4
        rows.append(
            (
                f'<line x1="{_num(x)}" y1="{_num(line_y)}" x2="{_num(x + 18)}" '
                f'y2="{_num(line_y)}" stroke="{COMPARE_STROKE}" stroke-width="2" '
                'stroke-dasharray="6 4"/>',
                compare_label,
            )
        )
    if target_label is not None:
        line_y = y + len(rows) * row_height - 4
        rows.append(
            (
                f'<line x1="{_num(x)}" y1="{_num(line_y)}" x2="{_num(x + 18)}" '
                f'y2="{_num(line_y)}" stroke="{TARGET_STROKE}" stroke-width="2" '
                'stroke-dasharray="2 3"/>',
                target_label,
            )
        )
    out = ['<g class="radar-legend" aria-hidden="true">']
    for row, (swatch, text) in enumerate(rows):
        out.append(swatch)
        out.append(
            f'<text x="{_num(x + 26)}" y="{_num(y + row * row_height)}" '
            f'font-size="{_num(font)}" fill="{TEXT}">{escape(text)}</text>'
        )
    out.append("</g>")
    return "\n".join(out)


def radar_table_html(
    framework: Framework,
    profile: Sequence[Score],
    *,
    caption: str = "Competency scores",
    compare: Sequence[Score] | None = None,
    compare_label: str = "Earlier result",
    target: Mapping[str, float] | None = None,
    target_label: str = "Target role",
) -> str:
    """The chart's data as an HTML table, to sit beside the chart.

    Args:
        framework: the framework, for names and level descriptors.
        profile: the scores.
        caption: the table's caption.
        compare: an earlier profile, added as one more column, or None.
        compare_label: the heading of that column.
        target: a target role's level per competency, added as a column, or None.
        target_label: the heading of that column.
    Returns:
        A ``<table>`` with competency, score, likely range, level (0-4) and
        what that level looks like; uncertain ranges are marked.
    """
    head = ["Competency", "Score", "Likely range", "Level (0–4)", "What this level looks like"]
    earlier = {s.competency: s for s in compare} if compare is not None else None
    if earlier is not None:
        head.insert(2, compare_label)
    goal = _target_levels(framework, target)
    if goal is not None:
        head.append(target_label)  # last, so the score and range columns keep their place
    out = [
        '<table class="radar-table">',
        f"<caption>{escape(caption)}</caption>",
        "<thead><tr>"
        + "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
        + "</tr></thead>",
        "<tbody>",
    ]
    for index, score in enumerate(_ordered(framework, profile)):
        competency = framework.competency(score.competency)
        band = f"{_whole(score.low)}–{_whole(score.high)} (about ±{score.precision} points)"
        if score.uncertain:
            band += " (uncertain)"
        if score.level is None:
            cells = [_whole(score.score), band, "typical", "Not measured: no answers yet."]
        else:
            cells = [_whole(score.score), band, str(score.level), competency.levels[score.level]]
        if earlier is not None:
            before = earlier.get(score.competency)
            cells.insert(1, _whole(before.score) if before is not None else "–")
        if goal is not None:
            cells.append(_whole(goal[index]))
        row_class = ' class="uncertain"' if score.uncertain else ""
        out.append(
            f'<tr{row_class}><th scope="row">{escape(competency.name)}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
            + "</tr>"
        )
    out.extend(["</tbody>", "</table>"])
    return "\n".join(out) + "\n"


def radar_figure_html(
    framework: Framework,
    profile: Sequence[Score],
    *,
    title: str = "Your competency profile",
    compare: Sequence[Score] | None = None,
    compare_label: str = "Earlier result",
    size: int = 360,
    id_prefix: str = "radar",
    caption: str = "Competency scores",
    target: Mapping[str, float] | None = None,
    target_label: str = "Target role",
    narrow_copy: bool = False,
) -> str:
    """A ``<figure>`` holding the radar chart and its data table.

    Takes the arguments of `radar_svg` and the table's `caption`; returns HTML
    for a web page or a standalone file. With ``narrow_copy`` the figure also holds
    the compact drawing (``radar_svg(compact=True)``), each in a ``div`` of class
    ``radar-wide`` or ``radar-narrow`` for a style sheet to show one of them.
    """
    draw = partial(
        radar_svg,
        framework,
        profile,
        title=title,
        compare=compare,
        compare_label=compare_label,
        size=size,
        target=target,
        target_label=target_label,
    )
    svg = draw(id_prefix=id_prefix)
    if narrow_copy:
        narrow = draw(id_prefix=f"{id_prefix}-narrow", compact=True)
        svg = f'<div class="radar-wide">{svg}</div><div class="radar-narrow">{narrow}</div>\n'
    table = radar_table_html(
        framework,
        profile,
        caption=caption,
        compare=compare,
        compare_label=compare_label,
        target=target,
        target_label=target_label,
    )
    return (
        f'<figure class="radar-figure" aria-labelledby="{id_prefix}-caption">\n'
        f'<figcaption id="{id_prefix}-caption">{escape(title)}</figcaption>\n'
        f"{svg}{table}</figure>\n"
    )
