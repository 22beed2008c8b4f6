"""Team coverage: best, mean and depth per competency, single points of failure, gaps."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pm_origins.engine import (
    EngineInputError,
    TeamMember,
    analyze_team,
    single_points_of_failure,
    target_mix,
    team_coverage,
)
from pm_origins.engine.team import PROFICIENT
from pm_origins.framework import Framework


def member(framework: Framework, name: str, **scores: float) -> TeamMember:
    full = dict.fromkeys(framework.competency_ids, 30.0) | scores
    return TeamMember(name, full, framework.competency_ids)


def test_it_reports_best_mean_and_depth(framework: Framework) -> None:
    team = [
        member(framework, "A", ux=80, execution=65),
        member(framework, "B", ux=60),
        member(framework, "C", ux=10),
    ]
    analysis = analyze_team(framework, team)
    ux = next(c for c in analysis.coverage if c.competency == "ux")
    assert ux.best == 80 and ux.mean == pytest.approx(50) and ux.depth == 2
    assert ux.covered_by == (0, 1)


def test_a_competency_only_one_member_covers_is_a_single_point_of_failure(
    framework: Framework,
) -> None:
    team = [member(framework, "A", ux=80, execution=65), member(framework, "B", ux=60)]
    analysis = analyze_team(framework, team)
    assert analysis.single_points_of_failure == ("execution",)
    assert "innovation" in analysis.uncovered and "ux" not in analysis.uncovered


def test_an_empty_team_has_no_best_and_no_mean(framework: Framework) -> None:
    analysis = analyze_team(framework, [])
    assert all(c.best is None and c.mean is None and c.depth == 0 for c in analysis.coverage)
    assert analysis.pairs == ()


def test_a_member_without_a_score_is_left_out_of_that_competency(framework: Framework) -> None:
    team = [
        TeamMember("A", {"ux": 70.0}, {"ux"}),
        TeamMember("B", {"ux": 30.0, "execution": 90.0}, {"ux", "execution"}),
    ]
    coverage = {c.competency: c for c in analyze_team(framework, team).coverage}
    assert coverage["execution"].mean == 90 and coverage["execution"].depth == 1
    assert coverage["innovation"].best is None


@given(
    st.lists(
        st.lists(st.floats(0, 100, allow_nan=False), min_size=3, max_size=3),
        min_size=1,
        max_size=30,
    )
)
def test_coverage_agrees_with_plain_python(rows: list[list[float]]) -> None:
    coverage = team_coverage(("a", "b", "c"), np.array(rows))
    for index, item in enumerate(coverage):
        column = [row[index] for row in rows]
        assert item.best == max(column)
        assert math.isclose(item.mean or 0.0, sum(column) / len(column), abs_tol=1e-9)
        assert item.depth == sum(value >= PROFICIENT for value in column)
    spof = single_points_of_failure(coverage)
    assert all(c.depth == 1 for c in coverage if c.competency in spof)


def test_the_target_mix_takes_the_highest_level_and_the_mean_weight(
    framework: Framework,
) -> None:
    levels, weights = target_mix(framework, ["technical", "growth_data"])
    technical, growth = framework.role("technical"), framework.role("growth_data")
    assert levels["execution"] == max(
        technical.expectations["execution"].level, growth.expectations["execution"].level
    )
    assert weights["analytics"] == pytest.approx(
        (technical.expectations["analytics"].weight + growth.expectations["analytics"].weight) / 2
    )


def test_gaps_are_the_target_minus_the_teams_best(framework: Framework) -> None:
    team = [member(framework, "A", execution=70), member(framework, "B", execution=50)]
    analysis = analyze_team(framework, team, ["technical"])
    gap = next(g for g in analysis.gaps if g.competency == "execution")
    assert gap.best == 70 and gap.target == 85 and gap.gap == 15
    assert analysis.gaps[0].priority >= analysis.gaps[-1].priority


def test_an_unknown_target_role_is_refused_with_the_choices(framework: Framework) -> None:
    with pytest.raises(EngineInputError, match="technical"):
        analyze_team(framework, [], ["astronaut"])
