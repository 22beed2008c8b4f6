"""The trend chart's date labels stay inside the chart, at a readable size."""

from __future__ import annotations

import re

import pytest

from pm_origins.engine import Role, evaluate
from pm_origins.framework import Framework
from pm_origins.reports import saved_result, trend_svg
from pm_origins.reports.trend import FONT, WIDTH

TEXT = re.compile(
    r'<text x="([\d.-]+)" y="[\d.]+" text-anchor="(\w+)" font-size="(\d+)"[^>]*>([^<]*)</text>'
)


def _series(framework: Framework, count: int) -> list[tuple[str, object]]:
    result = saved_result(evaluate(framework, [Role("QA Engineer", 5)], {}, None), framework)
    return [(f"0{n + 1} Dec 2026", result) for n in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3, 6])
def test_every_date_label_fits_inside_the_chart(framework: Framework, count: int) -> None:
    svg = trend_svg(framework, _series(framework, count), "ux")  # type: ignore[arg-type]

    labels = [m for m in TEXT.findall(svg) if "Dec" in m[3]]
    assert labels, "at least the first and last dates are shown"
    for x, anchor, size, text in labels:
        width = len(text) * int(size) * 0.6  # generous for a system sans-serif
        left = {"start": 0.0, "middle": width / 2, "end": width}[anchor]
        assert float(x) - left >= 0, (text, x, anchor)
        assert float(x) - left + width <= WIDTH, (text, x, anchor)
        assert int(size) >= FONT >= 12
    if count > 1:
        assert labels[0][3] == "01 Dec 2026" and labels[-1][3] == f"0{count} Dec 2026"
