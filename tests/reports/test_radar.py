from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import Role, evaluate
from pm_origins.framework import Framework, load_framework
from pm_origins.reports import (
    Score,
    radar_figure_html,
    radar_svg,
    radar_table_html,
    saved_result,
    whole,
)

Profile = tuple[Score, ...]


def scores_of(framework: Framework, roles: list[Role], answers: dict[str, int]) -> Profile:
    """The saved scores of an evaluation: what every chart is drawn from."""
    return saved_result(evaluate(framework, roles, answers), framework).profile


SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert("x")</script> & <b>Bold</b>'


@pytest.fixture(scope="module")
def profile(framework: Framework) -> Profile:
    answers = {"ux_01": 4, "ux_02": 5, "execution_01": 5, "innovation_10": 5}
    return scores_of(framework, [Role("QA Engineer", 5)], answers)


@pytest.fixture(scope="module")
def earlier(framework: Framework) -> Profile:
    return scores_of(framework, [Role("Account Manager", 3)], {})


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in e.get("class", "").split()]


def pairs(points: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (p.split(",") for p in points.split())]


def centre(root: ET.Element) -> tuple[float, float]:
    axis = by_class(root, "radar-axis")[0]
    return float(axis.get("x1", "nan")), float(axis.get("y1", "nan"))


def outer_radius(root: ET.Element) -> float:
    cx, cy = centre(root)
    axis = by_class(root, "radar-axis")[0]
    return math.dist((cx, cy), (float(axis.get("x2", "nan")), float(axis.get("y2", "nan"))))


def band_rings(root: ET.Element) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    d = by_class(root, "radar-band")[0].get("d", "")
    rings = [
        [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", part)]
        for part in d.split("Z")
        if part.strip()
    ]
    high, low = rings
    return high, low


def test_it_is_well_formed_svg_with_a_title_a_description_and_the_img_role(
    framework: Framework, profile: Profile
) -> None:
    root = parse(radar_svg(framework, profile, title="Ana's profile"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Ana's profile"
    assert desc is not None
    assert (root.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]


def test_the_description_states_every_score_range_and_level_in_words(
    framework: Framework, profile: Profile
) -> None:
    desc = parse(radar_svg(framework, profile)).find(f"{SVG}desc")
    text = desc.text if desc is not None else ""
    assert text
    for score in profile:
        name = framework.competency(score.competency).name
        level = (
            "typical for the background, not measured"
            if score.level is None
            else f"level {score.level}"
        )
        assert (
            f"{name}: {whole(score.score)}, likely between {whole(score.low)} and "
            f"{whole(score.high)}, {level}." in text
        )


def test_the_score_polygon_has_one_point_per_competency_in_framework_order(
    framework: Framework, profile: Profile
) -> None:
    root = parse(radar_svg(framework, profile))
    (polygon,) = by_class(root, "radar-score")
    points = pairs(polygon.get("points", ""))
    assert len(points) == len(framework.competencies)
    cx, cy = centre(root)
    radius = outer_radius(root)
    for (x, y), score in zip(points, profile, strict=True):
        assert math.dist((cx, cy), (x, y)) == pytest.approx(radius * score.score / 100, abs=0.3)
    assert points[0][0] == pytest.approx(cx, abs=0.1)  # the first axis points straight up


def test_the_axis_labels_name_every_competency(framework: Framework, profile: Profile) -> None:
    root = parse(radar_svg(framework, profile))
    labels = [
        " ".join(t.text or "" for t in label.iter(f"{SVG}tspan"))
        for label in by_class(root, "radar-label")
    ]
    assert labels == [c.name for c in framework.competencies]


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([i.id for i in load_framework().items]), st.integers(1, 5), max_size=30
    )
)
def test_every_point_lies_inside_the_chart_and_inside_its_band(answers: dict[str, int]) -> None:
    framework = load_framework()
    root = parse(radar_svg(framework, scores_of(framework, [], answers)))
    cx, cy = centre(root)
    radius = outer_radius(root)
    high, low = band_rings(root)
    score = pairs(by_class(root, "radar-score")[0].get("points", ""))
    for s, lo, hi in zip(score, low, high, strict=True):
        distance = math.dist((cx, cy), s)
        assert distance <= radius + 0.1
        assert math.dist((cx, cy), lo) - 0.15 <= distance <= math.dist((cx, cy), hi) + 0.15


def test_the_band_is_the_high_ring_with_the_low_ring_cut_out(
    framework: Framework, profile: Profile
) -> None:
    root = parse(radar_svg(framework, profile))
    (band,) = by_class(root, "radar-band")
    assert band.get("fill-rule") == "evenodd"
    high, low = band_rings(root)
    cx, cy = centre(root)
    radius = outer_radius(root)
    for (hx, hy), (lx, ly), score in zip(high, low, profile, strict=True):
        assert math.dist((cx, cy), (hx, hy)) == pytest.approx(radius * score.high / 100, abs=0.3)
        assert math.dist((cx, cy), (lx, ly)) == pytest.approx(radius * score.low / 100, abs=0.3)


def test_a_compare_polygon_is_drawn_dashed_only_when_asked_for(
    framework: Framework, profile: Profile, earlier: Profile
) -> None:
    alone = radar_svg(framework, profile)
    assert by_class(parse(alone), "radar-compare") == []
    assert "Earlier result" not in alone

    root = parse(radar_svg(framework, profile, compare=earlier, compare_label="March"))
    (polygon,) = by_class(root, "radar-compare")
    assert polygon.get("stroke-dasharray")
    assert len(pairs(polygon.get("points", ""))) == len(framework.competencies)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "March, shown dashed:" in (desc.text or "")


def test_it_uses_presentation_attributes_not_inline_styles(
    framework: Framework, profile: Profile, earlier: Profile
) -> None:
    root = parse(radar_svg(framework, profile, compare=earlier))
    assert all("style" not in element.attrib for element in root.iter())
    assert root.find(f"{SVG}style") is None
    assert by_class(root, "radar-score")[0].get("fill")


def test_a_hostile_competency_name_and_title_are_escaped(
    framework: Framework, profile: Profile
) -> None:
    first, *rest = framework.competencies
    hostile = framework.model_copy(
        update={"competencies": (first.model_copy(update={"name": HOSTILE}), *rest)}
    )

    svg = radar_svg(hostile, profile, title=HOSTILE, compare_label=HOSTILE, compare=profile)
    root = parse(svg)  # a stray tag would make this fail
    assert not any(e.tag.endswith("script") or e.tag.endswith("b") for e in root.iter())
    assert "<script>" not in svg
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == HOSTILE
    assert desc is not None and HOSTILE in (desc.text or "")

    table = radar_table_html(hostile, profile, caption=HOSTILE)
    cells = ET.fromstring(table)
    assert "<script>" not in table
    assert cells.findtext("caption") == HOSTILE
    assert cells.findtext("tbody/tr/th") == HOSTILE


def test_two_charts_on_one_page_have_distinct_ids(
    framework: Framework, profile: Profile, earlier: Profile
) -> None:
    page = ET.fromstring(
        "<div>"
        + radar_figure_html(framework, profile, id_prefix="now", compare=earlier)
        + radar_figure_html(framework, earlier, id_prefix="before")
        + "</div>"
    )
    ids = [e.get("id") for e in page.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) > 4
    for svg in page.iter(f"{SVG}svg"):
        own = {e.get("id") for e in svg.iter()}
        assert set((svg.get("aria-labelledby") or "").split()) <= own


def test_a_bad_id_prefix_or_a_tiny_size_is_refused(framework: Framework, profile: Profile) -> None:
    with pytest.raises(ValueError, match="id_prefix"):
        radar_svg(framework, profile, id_prefix='x" onload="alert(1)')
    with pytest.raises(ValueError, match="size"):
        radar_svg(framework, profile, size=40)


def test_the_table_has_a_caption_scoped_headers_and_a_row_per_competency(
    framework: Framework, profile: Profile
) -> None:
    table = ET.fromstring(radar_table_html(framework, profile, caption="Scores in March"))
    assert table.findtext("caption") == "Scores in March"
    assert {th.get("scope") for th in table.iter("th")} == {"col", "row"}
    rows = table.findall("tbody/tr")
    assert [r.findtext("th") for r in rows] == [c.name for c in framework.competencies]
    for row, score in zip(rows, profile, strict=True):
        cells = [td.text or "" for td in row.findall("td")]
        assert cells[0] == str(whole(score.score))
        assert cells[1].startswith(f"{whole(score.low)}–{whole(score.high)}")
        if score.level is None:  # no answers: typical for the background, no level text
            assert cells[2] == "typical" and "Not measured" in cells[3]
            continue
        assert cells[2] == str(score.level)
        assert cells[3] == framework.competency(score.competency).levels[score.level]
        assert ("uncertain" in cells[1]) is score.uncertain


def test_the_table_gains_a_column_for_the_earlier_result(
    framework: Framework, profile: Profile, earlier: Profile
) -> None:
    table = ET.fromstring(
        radar_table_html(framework, profile, compare=earlier, compare_label="March")
    )
    assert "March" in [th.text for th in table.iter("th")]
    first = table.findall("tbody/tr")[0].findall("td")
    assert first[1].text == str(whole(earlier[0].score))


def test_the_figure_holds_the_chart_and_its_table(framework: Framework, profile: Profile) -> None:
    figure = ET.fromstring(radar_figure_html(framework, profile, title="Where you stand"))
    assert figure.tag == "figure"
    assert figure.findtext("figcaption") == "Where you stand"
    assert figure.find(f"{SVG}svg") is not None
    assert figure.find("table") is not None


def test_a_target_role_is_drawn_dotted_and_said_in_words_and_in_the_table(
    framework: Framework, profile: Profile
) -> None:
    role = framework.role("technical")
    levels = {c: float(e.level) for c, e in role.expectations.items()}
    svg = radar_svg(framework, profile, target=levels, target_label="Technical PM")
    root = parse(svg)
    (polygon,) = by_class(root, "radar-target")
    assert polygon.get("stroke-dasharray")
    points = pairs(polygon.get("points", ""))
    cx, cy = centre(root)
    radius = outer_radius(root)
    for (x, y), competency in zip(points, framework.competency_ids, strict=True):
        assert math.dist((cx, cy), (x, y)) == pytest.approx(
            radius * levels[competency] / 100, abs=0.3
        )
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert "Technical PM, shown dotted: Product Innovation 62" in (desc.text or "")
    table = radar_table_html(framework, profile, target=levels, target_label="Technical PM")
    assert '<th scope="col">Technical PM</th>' in table
    assert "<td>85</td>" in table  # the execution target


def test_no_target_no_target_outline(framework: Framework, profile: Profile) -> None:
    root = parse(radar_svg(framework, profile))
    assert by_class(root, "radar-target") == []
    partial = {"innovation": 60.0}
    assert by_class(parse(radar_svg(framework, profile, target=partial)), "radar-target") == []


def test_the_compact_drawing_has_larger_text_and_shorter_label_lines(framework: Framework) -> None:
    profile = saved_result(
        evaluate(framework, [Role("QA Engineer", 5)], {}, None), framework
    ).profile
    wide = radar_svg(framework, profile)
    compact = radar_svg(framework, profile, compact=True, id_prefix="small")

    sizes = {float(v) for v in re.findall(r'font-size="([\d.]+)"', compact)}
    assert min(sizes) >= 1.7 * max(float(v) for v in re.findall(r'font-size="([\d.]+)"', wide))
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", compact)
    longest = max(len(t.replace("&amp;", "&")) for t in lines)
    assert longest <= 12
    assert 'id="small-title"' in compact
