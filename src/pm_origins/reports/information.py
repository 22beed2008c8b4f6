"""Item information curves of a calibrated scale, as an accessible SVG with a data table.

Information says how much an answer to a question tells about a person at a
given level (theta) of the competency: the higher the curve, the more precise
the score there. The scale's information is the sum of its questions', and
1 / sqrt(information) is the standard error of theta at that level.
"""

from __future__ import annotations

import math
import re
from html import escape

import numpy as np

from pm_origins.engine import Calibration, ItemCalibration
from pm_origins.engine.irt import FloatArray, item_information
from pm_origins.framework import Framework

WIDTH, HEIGHT = 560, 300
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 16, 16, 40
THETA_MIN, THETA_MAX = -3.0, 3.0
CURVE_POINTS = 61
TABLE_THETAS = (-2.0, -1.0, 0.0, 1.0, 2.0)
TEXT, MUTED, GRID = "#1f2937", "#4b5563", "#d1d5db"
ITEM_STROKE, TOTAL_STROKE = "#94a3b8", "#1d4ed8"
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _items(calibration: Calibration, competency: str) -> list[ItemCalibration]:
    return [item for item in calibration.items if item.competency == competency]


def _information(items: list[ItemCalibration], theta: FloatArray) -> FloatArray:
    a = np.array([item.discrimination for item in items])
    b = np.array([item.thresholds for item in items])
    return item_information(theta, a, b)  # (T, I)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def _x(theta: float) -> float:
    span = WIDTH - PAD_LEFT - PAD_RIGHT
    return PAD_LEFT + span * (theta - THETA_MIN) / (THETA_MAX - THETA_MIN)


def _y(value: float, top: float) -> float:
    span = HEIGHT - PAD_TOP - PAD_BOTTOM
    return PAD_TOP + span * (1 - value / top)


def _describe(name: str, items: list[ItemCalibration], theta: FloatArray, info: FloatArray) -> str:
    total = info.sum(axis=1)
    peak = int(np.argmax(total))
    best = int(np.argmax(info.max(axis=0)))
    best_at = float(theta[int(np.argmax(info[:, best]))])
    return (
        f"How much each of the {len(items)} questions of {name} tells about a person at "
        f"each level, from theta {THETA_MIN:g} to {THETA_MAX:g} (0 is the average person). "
        f"The whole scale is most informative at theta {theta[peak]:.1f}, with information "
        f"{total[peak]:.1f} (a standard error of {1 / math.sqrt(total[peak]):.2f}). The most "
        f"informative question is {items[best].item_id}, peaking at theta {best_at:.1f}. "
        f"The table beside the chart gives the values."
    )


def information_svg(
    framework: Framework, calibration: Calibration, competency: str, *, id_prefix: str = "info"
) -> str:
    """Each question's information curve (thin) and the scale's (thick) for one competency.

    Args:
        framework: names the competency.
        calibration: the fitted parameters.
        competency: the competency id; it must have fitted items.
        id_prefix: prefix for the ids inside the SVG, unique per page.
    Returns:
        A standalone SVG with a title and a description stating the key values.
    """
    if not _ID.match(id_prefix):
        raise ValueError(f"id_prefix must be a valid id, got {id_prefix!r}")
    items = _items(calibration, competency)
    if not items:
        raise ValueError(f"no fitted items for {competency!r}")
    name = framework.competency(competency).name
    theta = np.linspace(THETA_MIN, THETA_MAX, CURVE_POINTS)
    info = _information(items, theta)
    total = info.sum(axis=1)
    top = _nice_ceiling(float(total.max()))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="information-chart" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(name)}: how much each question tells</title>',
        f'<desc id="{id_prefix}-desc">{escape(_describe(name, items, theta, info))}</desc>',
    ]
    for fraction in (0.0, 0.25, 0.5, 0.75, 1.0):
        value = top * fraction
        y = _y(value, top)
        parts.append(
            f'<line x1="{PAD_LEFT}" y1="{y:.1f}" x2="{WIDTH - PAD_RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{MUTED}">{value:g}</text>'
        )
    for tick in range(int(THETA_MIN), int(THETA_MAX) + 1):
        x = _x(tick)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - PAD_BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11" fill="{MUTED}">{tick}</text>'
        )
    parts.append(
        f'<text x="{(PAD_LEFT + WIDTH - PAD_RIGHT) / 2:.1f}" y="{HEIGHT - 6}" '
        f'text-anchor="middle" font-size="11" fill="{TEXT}">level of the competency (theta)'
        "</text>"
    )

    def path(values: FloatArray) -> str:
        return " ".join(
            f"{_x(float(t)):.1f},{_y(float(v), top):.1f}"
            for t, v in zip(theta, values, strict=True)
        )

    for index, item in enumerate(items):
        parts.append(
            f'<polyline class="information-item" data-item="{escape(item.item_id)}" '
            f'points="{path(info[:, index])}" fill="none" stroke="{ITEM_STROKE}" '
            f'stroke-width="1.2"/>'
        )
    parts.append(
        f'<polyline class="information-total" points="{path(total)}" fill="none" '
        f'stroke="{TOTAL_STROKE}" stroke-width="2.5"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def information_table_html(framework: Framework, calibration: Calibration, competency: str) -> str:
    """The chart's data: each question's parameters and information at a few levels."""
    items = _items(calibration, competency)
    name = framework.competency(competency).name
    theta = np.array(TABLE_THETAS)
    info = _information(items, theta) if items else np.zeros((len(theta), 0))
    head = [
        "Question",
        "Discrimination",
        "Thresholds",
        *(f"Information at theta {t:g}" for t in TABLE_THETAS),
    ]
    out = [
        '<table class="information-table">',
        f"<caption>{escape(name)}: fitted parameters and information</caption>",
        "<thead><tr>"
        + "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
        + "</tr></thead>",
        "<tbody>",
    ]
    for index, item in enumerate(items):
        cells = [
            f"{item.discrimination:.2f}",
            ", ".join(f"{b:.2f}" for b in item.thresholds),
            *(f"{v:.2f}" for v in info[:, index]),
        ]
        out.append(
            f'<tr><th scope="row">{escape(item.item_id)}</th>'
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + "</tr>"
        )
    totals = info.sum(axis=1)
    out.append(
        '<tr class="information-total"><th scope="row">Whole scale</th><td></td><td></td>'
        + "".join(f"<td>{v:.2f}</td>" for v in totals)
        + "</tr>"
    )
    out.extend(["</tbody>", "</table>"])
    return "\n".join(out) + "\n"


def information_figure_html(
    framework: Framework, calibration: Calibration, competency: str, *, id_prefix: str = "info"
) -> str:
    """A ``<figure>`` with the information chart, its caption and its data table."""
    name = framework.competency(competency).name
    svg = information_svg(framework, calibration, competency, id_prefix=id_prefix)
    table = information_table_html(framework, calibration, competency)
    return (
        f'<figure class="information-figure" aria-labelledby="{id_prefix}-caption">\n'
        f'<figcaption id="{id_prefix}-caption">{escape(name)}: item information curves '
        f"(thin lines: one question each; thick line: the whole scale)</figcaption>\n"
        f"{svg}\n{table}</figure>\n"
    )
