"""The report side of "the career leads" and "plans built on priority": the JSON keys,
shares that add up to 100 (rounded once), the plain-words basis and the plan's advice."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.engine.helpers import ux_style_answers

from pm_origins.engine import Role, evaluate
from pm_origins.framework import Framework, load_framework
from pm_origins.reports import render_markdown, saved_result
from pm_origins.reports.data import evaluation_data
from pm_origins.reports.markdown import escape_markdown
from pm_origins.reports.result import CLOSE_ENOUGH_TEXT, largest_remainder, read_result


@given(st.lists(st.floats(0, 1000), min_size=1, max_size=10), st.integers(1, 1000))
def test_largest_remainder_adds_up_and_stays_within_one_of_each_quota(
    values: list[float], total: int
) -> None:
    shown = largest_remainder(values, total)
    weight = sum(values)
    if weight == 0:
        assert shown == tuple(0 for _ in values)
        return
    assert sum(shown) == total
    for value, whole in zip(values, shown, strict=True):
        assert abs(whole - value / weight * total) < 1


def test_largest_remainder_gives_the_leftover_to_the_largest_remainders() -> None:
    # Thirds each round down to 33; the point left over goes to the first (ties keep order).
    assert largest_remainder([0.734, 0.196, 0.07]) == (73, 20, 7)
    assert largest_remainder([1, 1, 1]) == (34, 33, 33)


def test_the_json_names_basis_clarity_and_what_the_answers_resemble(
    framework: Framework,
) -> None:
    evaluation = evaluate(framework, [Role("QA Engineer", 10)], ux_style_answers(framework))
    data = evaluation_data(evaluation, framework)
    assert data["origins"][0]["id"] == "qa"
    assert data["origin_basis"] == "both"
    assert data["clarity"] in {"clear", "blend"}
    assert "ux_design" in [o["id"] for o in data["answers_resemble"]]
    assert 0.8 < data["career_weight"] < 0.9


def test_the_report_says_what_the_career_says_and_what_the_answers_resemble(
    framework: Framework,
) -> None:
    evaluation = evaluate(framework, [Role("QA Engineer", 10)], ux_style_answers(framework))
    report = render_markdown(saved_result(evaluation, framework), framework)
    assert "Your career says Quality Assurance; your answers resemble UX Design." in report


def test_an_unclear_origin_is_said_and_not_named_as_the_origin(framework: Framework) -> None:
    evaluation = evaluate(framework, answers={item.id: 3 for item in framework.items})
    result = saved_result(evaluation, framework)
    report = render_markdown(result, framework)
    assert result.clarity == "unclear"
    assert "**Your origin:** not clear yet; closest " in report
    assert "does not point to one origin yet" in report
    assert sum(s.percent for s in result.shown_blend) == 100


@given(st.dictionaries(st.sampled_from([i.id for i in load_framework().items]), st.integers(1, 5)))
@settings(max_examples=40, deadline=None)
def test_shown_shares_always_add_up_to_100(answers: dict[str, int]) -> None:
    framework = load_framework()
    for roles in ([], [Role("QA Engineer", 3), Role("Business Analyst", 1)]):
        if not roles and not answers:
            continue
        result = saved_result(evaluate(framework, roles, answers), framework)
        assert sum(s.percent for s in result.shown_blend) == 100
        label = result.blend_label
        if len(result.blend) > 1:
            assert sum(int(part.split("%")[0]) for part in label.split(" / ")) == 100


def test_plan_gaps_carry_their_advice_actions_and_the_phases_their_hours(
    framework: Framework,
) -> None:
    evaluation = evaluate(
        framework,
        [Role("QA Engineer", 6)],
        ux_style_answers(framework),
        target="b2b_enterprise",
    )
    plan = evaluation_data(evaluation, framework)["plan"]
    assert plan["sorted_by"] == "priority"
    assert plan["hours_per_phase"] == 40
    priorities = [g["priority"] for g in plan["gaps"] if g["status"] != "close_enough"]
    assert priorities == sorted(priorities, reverse=True)
    ids = {a["id"] for phase in plan["phases"] for a in phase["actions"]}
    for gap in plan["gaps"]:
        assert gap["advice"] and all(isinstance(t, str) and t for t in gap["advice"])
        assert set(gap["actions"]) <= ids
        assert bool(gap["actions"]) == (gap["status"] == "planned")
    for phase in plan["phases"]:
        assert phase["hours"] == sum(a["hours"] for a in phase["actions"]) <= 40


def test_the_saved_plan_reads_back_with_advice_status_and_fit(framework: Framework) -> None:
    evaluation = evaluate(
        framework, [Role("QA Engineer", 6)], ux_style_answers(framework), target="b2b_enterprise"
    )
    stored = json.loads(json.dumps(evaluation_data(evaluation, framework)))
    result = read_result(stored, framework.competency_ids)
    assert result.plan is not None and result.plan.hours_per_phase == 40
    assert result.clarity == stored["clarity"]
    assert [o.id for o in result.answers_resemble] == [o["id"] for o in stored["answers_resemble"]]
    assert all(g.advice for g in result.plan.gaps)
    risky = [
        a
        for phase in result.plan.phases
        for a in phase.actions
        if a.id == "relationships_present_release_risks"
    ]
    assert risky and risky[0].tailored and risky[0].uses == ("execution",)


def test_a_close_enough_gap_says_so_in_the_report(framework: Framework) -> None:
    evaluation = evaluate(framework, [Role("QA Engineer", 5)], target="technical")
    assert evaluation.plan is not None
    assert any(g.status == "close_enough" for g in evaluation.plan.gaps)
    report = render_markdown(saved_result(evaluation, framework), framework)
    assert escape_markdown(CLOSE_ENOUGH_TEXT) in report
    assert "(priority " in report
    assert "of 40 hours)" in report


@pytest.mark.parametrize("hours", [20, 60])
def test_the_report_states_the_hour_budget_it_was_built_with(
    framework: Framework, hours: int
) -> None:
    evaluation = evaluate(
        framework, [Role("Account Executive", 4)], target="technical", hours_per_month=hours
    )
    report = render_markdown(saved_result(evaluation, framework), framework)
    assert f"of {hours} hours)" in report
