"""Plans built on priority: depth by gap x weight, an hour budget per phase, advice
for the person's origin on every gap, and actions that fit the person."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import pytest

from pm_origins.engine import EngineInputError, GrowthPlan, Role, build_plan, evaluate
from pm_origins.engine.planning import (
    DEFAULT_HOURS_PER_MONTH,
    PHASES,
    STATUS_CLOSE_ENOUGH,
    STATUS_PLANNED,
    gap_advice,
)
from pm_origins.engine.scoring import CompetencyScore, Profile
from pm_origins.framework import Framework, load_framework

from .helpers import answers_for


def typical_plans(
    framework: Framework, hours: int = DEFAULT_HOURS_PER_MONTH
) -> Iterator[tuple[str, str, GrowthPlan]]:
    """For each origin's typical person (five years and answers like its profile), a plan
    for each target role."""
    for origin in framework.origins:
        answers = answers_for(framework, origin.expected)
        for role in framework.roles:
            result = evaluate(
                framework,
                [Role(origin.aliases[0], 5)],
                answers,
                target=role.id,
                hours_per_month=hours,
            )
            assert result.plan is not None
            yield origin.id, role.id, result.plan


@pytest.fixture(scope="module")
def plans() -> list[tuple[str, str, GrowthPlan]]:
    return list(typical_plans(load_framework()))


def measured(competency: str, score: float, half_width: float) -> CompetencyScore:
    """A score with a 90% band of +/- half_width, as six answers would give."""
    return CompetencyScore(
        competency=competency,
        score=score,
        low=score - half_width,
        high=score + half_width,
        sd=half_width / 1.645,
        answered=6,
    )


def flat_profile(framework: Framework, score: float, half_width: float) -> Profile:
    return Profile(tuple(measured(c, score, half_width) for c in framework.competency_ids))


def test_every_origin_has_advice_for_every_competency(framework: Framework) -> None:
    for origin in framework.origins:
        advised = {a.competency for a in origin.advice}
        assert advised == set(framework.competency_ids), origin.id


def test_every_phase_fits_the_budget_for_every_role_and_origin(
    plans: list[tuple[str, str, GrowthPlan]],
) -> None:
    assert len(plans) == 6 * 7
    for origin_id, role_id, plan in plans:
        for days in PHASES:
            assert plan.phase_hours(days) <= DEFAULT_HOURS_PER_MONTH, (origin_id, role_id, days)


def test_every_gap_has_advice_for_the_persons_origin(
    framework: Framework, plans: list[tuple[str, str, GrowthPlan]]
) -> None:
    for origin_id, role_id, plan in plans:
        own = framework.origin(origin_id)
        for gap in plan.gaps:
            assert gap.advice, (origin_id, role_id, gap.competency)
            mine = {a.text for a in own.advice if a.competency == gap.competency}
            assert gap.advice[0] in mine, (origin_id, role_id, gap.competency)


def test_more_priority_never_gets_fewer_actions_with_room_in_the_budget(
    framework: Framework,
) -> None:
    for _, _, plan in typical_plans(framework, hours=160):
        planned = [g for g in plan.gaps if g.status == STATUS_PLANNED]
        counts = [len(plan.actions_for(g.competency)) for g in planned]
        assert counts == sorted(counts, reverse=True), plan.role.id
        assert [g.depth for g in planned] == counts


def test_more_priority_never_gets_fewer_actions_within_the_budget(
    plans: list[tuple[str, str, GrowthPlan]],
) -> None:
    for origin_id, role_id, plan in plans:
        planned = [g for g in plan.gaps if g.status == STATUS_PLANNED]
        counts = [len(plan.actions_for(g.competency)) for g in planned]
        assert counts == sorted(counts, reverse=True), (origin_id, role_id)


def test_the_top_gap_gets_more_actions_than_a_minor_one(framework: Framework) -> None:
    profile = Profile(
        tuple(
            measured(c, s, 5)
            for c, s in zip(framework.competency_ids, (60, 60, 20, 60, 55, 62), strict=True)
        )
    )
    plan = build_plan(framework, profile, "technical")
    top, *rest = [g for g in plan.gaps if g.status == STATUS_PLANNED]
    assert top.competency == "execution"
    assert len(plan.actions_for("execution")) == 3
    assert all(len(plan.actions_for(g.competency)) < 3 for g in rest)


def test_a_gap_inside_its_own_band_gets_no_action(framework: Framework) -> None:
    # Every score 58 with a band of +/-12: targets up to 70 lie inside the band.
    plan = build_plan(framework, flat_profile(framework, 58, 12), "generalist")
    assert plan.gaps and all(g.status == STATUS_CLOSE_ENOUGH for g in plan.gaps)
    assert plan.actions == ()
    assert all(g.advice for g in plan.gaps)


def test_the_same_gap_with_a_narrow_band_gets_actions(framework: Framework) -> None:
    plan = build_plan(framework, flat_profile(framework, 58, 4), "generalist")
    assert all(g.status == STATUS_PLANNED for g in plan.gaps)
    assert plan.actions


@pytest.mark.parametrize("hours", [12, 20, 80])
def test_the_hour_budget_is_settable(framework: Framework, hours: int) -> None:
    profile = flat_profile(framework, 20, 5)
    plan = build_plan(framework, profile, "consumer_ux", hours_per_month=hours)
    assert plan.hours_per_phase == hours
    assert all(plan.phase_hours(days) <= hours for days in PHASES)
    assert plan.phase_hours(30) > 0


@pytest.mark.parametrize("hours", [0, 3, 161, 12.5, "forty", True, float("nan")])
def test_a_bad_hour_budget_is_refused_plainly(framework: Framework, hours: object) -> None:
    with pytest.raises(EngineInputError, match="Hours per month"):
        build_plan(framework, flat_profile(framework, 20, 5), "generalist", hours_per_month=hours)  # type: ignore[arg-type]


def test_the_first_month_takes_the_top_priorities(
    plans: list[tuple[str, str, GrowthPlan]],
) -> None:
    spread_thin = 0
    for _, _, plan in plans:
        planned = [g for g in plan.gaps if g.status == STATUS_PLANNED]
        first_month = {p.action.competency for p in plan.phase(30)}
        assert planned[0].competency in first_month
        spread_thin += len(planned) >= 4 and first_month >= {g.competency for g in planned}
    # Not one small step of every gap: with four or more gaps, the month is focused.
    assert spread_thin <= len(plans) // 10


def test_a_qa_person_closing_relationships_presents_release_risks_to_sales(
    framework: Framework,
) -> None:
    result = evaluate(
        framework,
        [Role("QA Engineer", 6)],
        answers_for(framework, framework.origin("qa").expected),
        target="b2b_enterprise",
    )
    assert result.plan is not None
    relationships = result.plan.actions_for("relationships")
    risks = [p for p in relationships if p.action.id == "relationships_present_release_risks"]
    assert risks and risks[0].tailored and risks[0].uses == ("execution",)


def test_a_variant_for_one_origin_is_never_given_to_another(
    framework: Framework, plans: list[tuple[str, str, GrowthPlan]]
) -> None:
    for origin_id, _, plan in plans:
        for planned in plan.actions:
            assert not planned.action.origins or origin_id in planned.action.origins


def test_the_same_cheap_action_does_not_win_every_plan(
    plans: list[tuple[str, str, GrowthPlan]],
) -> None:
    seen = Counter(a for _, _, plan in plans for a in {p.action.id for p in plan.actions})
    action, count = seen.most_common(1)[0]
    assert count <= len(plans) // 2, f"{action} is in {count} of {len(plans)} plans"
    assert seen["innovation_run_ideation_workshop"] < len(plans) // 4
    assert len(seen) >= 30


def test_advice_falls_back_to_origins_weak_in_it_when_the_origin_has_none(
    framework: Framework,
) -> None:
    assert gap_advice(framework, "execution", ["no_such_origin"])
    sales = {a.text for a in framework.origin("sales").advice if a.competency == "execution"}
    assert gap_advice(framework, "execution", ["sales"])[0] in sales


def test_advice_is_only_ever_written_for_the_persons_own_origins(framework: Framework) -> None:
    ids = [o.id for o in framework.origins]
    for origin in framework.origins:
        own = {a.text for a in origin.advice}
        for competency in framework.competency_ids:
            advice = gap_advice(framework, competency, [origin.id])
            assert advice and set(advice) <= own, (origin.id, competency)
    for first, second in itertools.pairwise(ids):
        both = {a.text for o in (first, second) for a in framework.origin(o).advice}
        for competency in framework.competency_ids:
            advice = gap_advice(framework, competency, [first, second])
            assert set(advice) <= both, (first, second, competency)
            # A blend hears both backgrounds before a second piece from the closest.
            seconds = {
                a.text for a in framework.origin(second).advice if a.competency == competency
            }
            assert len(advice) < 2 or advice[1] in seconds, (first, second, competency)
