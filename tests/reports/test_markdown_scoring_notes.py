"""The Markdown report's notes on how a score was made: response checks, provisional
items, and what is typical for the background rather than measured."""

from __future__ import annotations

import dataclasses

from pm_origins.engine import Role, evaluate
from pm_origins.framework import Framework
from pm_origins.reports import render_markdown, saved_result
from pm_origins.reports.markdown import (
    NOTHING_MEASURED_TEXT,
    PROVISIONAL_TEXT,
    QUALITY_TEXT,
    QUALITY_WIDENED_TEXT,
)


def test_a_career_alone_gets_no_level_text_and_says_nothing_is_measured(
    framework: Framework,
) -> None:
    result = saved_result(evaluate(framework, [Role("QA Engineer", 0.5)]), framework)
    report = render_markdown(result, framework)
    assert NOTHING_MEASURED_TEXT in report
    assert "No gap of yours is measured yet." in report
    for competency in framework.competencies:
        row = next(line for line in report.splitlines() if line.startswith(f"| {competency.name}"))
        assert "| typical |" in row
        assert not any(level in row for level in competency.levels)
    # The background's typical gaps come with advice, under their own heading.
    assert "## Typical gaps of your background" in report


def test_flags_provisional_items_and_typical_strengths_are_said_when_saved(
    framework: Framework,
) -> None:
    result = saved_result(evaluate(framework, [Role("QA Engineer", 6)]), framework)
    noted = dataclasses.replace(
        result,
        quality_flags=("straight_lining", "misfit"),
        item_parameters="provisional",
        typical_superpowers=("execution",),
        typical_gaps=("relationships",),
    )
    report = render_markdown(noted, framework)
    assert QUALITY_TEXT["straight_lining"] in report and QUALITY_TEXT["misfit"] in report
    assert QUALITY_WIDENED_TEXT in report
    assert PROVISIONAL_TEXT in report
    assert "## Typical strengths of your background" in report
    # Without them (a result saved before they were kept), none of it is claimed.
    before = dataclasses.replace(
        result, quality_flags=(), item_parameters=None, typical_superpowers=(), typical_gaps=()
    )
    plain = render_markdown(before, framework)
    assert QUALITY_WIDENED_TEXT not in plain and PROVISIONAL_TEXT not in plain
    assert "## Typical strengths of your background" not in plain


def test_each_score_says_how_precise_it_is_in_points(framework: Framework) -> None:
    from pm_origins.reports import radar_table_html, whole

    answers = {i.id: 4 for i in framework.items[::3]}
    result = saved_result(evaluate(framework, [Role("QA Engineer", 6)], answers), framework)
    report = render_markdown(result, framework)
    table = radar_table_html(framework, result.profile)
    for score in result.profile:
        half = whole((score.high - score.low) / 2)
        assert score.precision == half
        assert f"{score.low_shown}–{score.high_shown} (±{half})" in report
        assert f"{score.low_shown}–{score.high_shown} (about ±{half} points)" in table
