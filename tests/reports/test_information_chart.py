"""Item information curves: an accessible SVG with a title, a description and a data table."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest

from pm_origins.engine import Calibration, ItemCalibration, ScaleFit
from pm_origins.engine.irt import item_information
from pm_origins.framework import Framework, load_framework
from pm_origins.reports import information_figure_html, information_svg, information_table_html

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


@pytest.fixture(scope="module")
def calibration(framework: Framework) -> Calibration:
    items = tuple(
        ItemCalibration(
            item_id=item.id,
            competency="ux",
            discrimination=0.8 + 0.2 * index,
            thresholds=(-1.5 + 0.1 * index, -0.5, 0.5, 1.5),
            answered=100,
            unused_answers=(),
        )
        for index, item in enumerate(framework.items_for("ux"))
    )
    scale = ScaleFit("ux", tuple(i.item_id for i in items), 100, True, 20, -1000.0)
    return Calibration(items=items, scales=(scale,), skipped=(), respondents=100)


def test_the_chart_has_a_title_a_description_and_one_curve_per_question(
    framework: Framework, calibration: Calibration
) -> None:
    root = ET.fromstring(information_svg(framework, calibration, "ux", id_prefix="ux-info"))

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "ux-info-title ux-info-desc"
    assert "User Experience" in (root.findtext(f"{SVG}title") or "")
    description = root.findtext(f"{SVG}desc") or ""
    assert "12 questions" in description and "standard error" in description
    curves = root.findall(f"{SVG}polyline")
    assert len([c for c in curves if c.get("class") == "information-item"]) == 12
    assert len([c for c in curves if c.get("class") == "information-total"]) == 1


def test_the_description_names_the_most_informative_question(
    framework: Framework, calibration: Calibration
) -> None:
    root = ET.fromstring(information_svg(framework, calibration, "ux"))

    # Discriminations rise with position, so the last question carries the most.
    assert "most informative question is ux_12" in (root.findtext(f"{SVG}desc") or "")


def test_the_table_gives_each_questions_information_and_the_sum(
    framework: Framework, calibration: Calibration
) -> None:
    html = information_table_html(framework, calibration, "ux")

    first = calibration.items[0]
    at_zero = item_information(
        np.array([0.0]), np.array([first.discrimination]), np.array([first.thresholds])
    )[0, 0]
    row = html.split('<th scope="row">ux_01</th>')[1].split("</tr>")[0]
    assert f"<td>{at_zero:.2f}</td>" in row
    assert '<th scope="row">Whole scale</th>' in html
    assert html.count('<th scope="row">') == 13


def test_the_figure_holds_the_chart_and_the_table(
    framework: Framework, calibration: Calibration
) -> None:
    html = information_figure_html(framework, calibration, "ux", id_prefix="fig")

    assert html.startswith('<figure class="information-figure" aria-labelledby="fig-caption">')
    assert "<svg" in html and "<table" in html and "thick line: the whole scale" in html


def test_a_bad_id_prefix_or_an_uncalibrated_competency_is_refused(
    framework: Framework, calibration: Calibration
) -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        information_svg(framework, calibration, "ux", id_prefix='x" onload="alert(1)')
    with pytest.raises(ValueError, match="no fitted items"):
        information_svg(framework, calibration, "analytics")
