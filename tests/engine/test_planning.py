"""Growth plans: ranked gaps against a target role, actions, 30/60/90 days."""

from __future__ import annotations

import pytest

from pm_origins.engine import EngineInputError, Role, build_plan, evaluate, score_answers
from pm_origins.framework import Framework

from .helpers import answers_for


def test_gaps_are_target_minus_current_ranked_by_weight(framework: Framework) -> None:
    result = evaluate(framework, [Role("QA Engineer", 5)], target="b2b_enterprise")
    assert result.plan is not None
    role = framework.role("b2b_enterprise")
    for gap in result.plan.gaps:
        current = result.profile[gap.competency].score
        assert gap.gap == pytest.approx(role.expectations[gap.competency].level - current)
        assert gap.gap > 0
    # Sorted by priority, with the gaps that are close enough (inside the band) last.
    open_gaps = [g for g in result.plan.gaps if not g.close_enough]
    assert result.plan.gaps[: len(open_gaps)] == tuple(open_gaps)
    priorities = [g.priority for g in open_gaps]
    assert priorities == sorted(priorities, reverse=True)
    assert result.plan.gaps[0].competency == "relationships"


def test_every_planned_gap_gets_actions_for_its_competency(framework: Framework) -> None:
    low = dict.fromkeys(framework.competency_ids, 35)
    result = evaluate(
        framework, [Role("Account Executive", 5)], answers_for(framework, low), target="technical"
    )
    assert result.plan is not None
    planned = {p.action.competency for p in result.plan.actions}
    assert planned == {g.competency for g in result.plan.gaps if g.status == "planned"}
    assert planned


def test_a_larger_gap_gets_more_actions_from_learning_to_shipping(framework: Framework) -> None:
    low = dict.fromkeys(framework.competency_ids, 10)
    profile = score_answers(framework, answers_for(framework, low))
    plan = build_plan(framework, profile, "technical")
    execution = [p for p in plan.actions if p.action.competency == "execution"]
    assert execution[0].action.kind in {"learn", "shadow"}
    assert execution[-1].action.kind == "ship"
    assert [p.phase for p in execution] == sorted(p.phase for p in execution)


def test_phases_are_30_60_and_90_days(framework: Framework) -> None:
    result = evaluate(framework, [Role("Scrum Master", 4)], target="consumer_ux")
    assert result.plan is not None
    assert {p.phase for p in result.plan.actions} <= {30, 60, 90}
    assert result.plan.phase(30)


def test_someone_who_meets_the_role_has_nothing_to_close(framework: Framework) -> None:
    top = dict.fromkeys(framework.competency_ids, 100)
    profile = score_answers(framework, answers_for(framework, top))
    plan = build_plan(framework, profile, "generalist")
    assert plan.ready and plan.actions == ()


def test_an_unknown_target_lists_the_choices(framework: Framework) -> None:
    with pytest.raises(EngineInputError, match=r"Unknown target role 'ceo'.*generalist"):
        evaluate(framework, [Role("QA Engineer", 5)], target="ceo")
