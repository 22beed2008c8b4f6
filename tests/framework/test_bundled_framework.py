"""The bundled framework holds what the product promises, and DOMAIN.md's facts."""

from __future__ import annotations

import re

from pm_origins.framework import Framework

COMPETENCIES = ["innovation", "ux", "execution", "analytics", "research", "relationships"]
ORIGINS = [
    "sales",
    "marketing",
    "business_analysis",
    "development",
    "ux_design",
    "qa",
    "project_management",
]
# DOMAIN.md's table, restated: strengths and weaknesses per origin.
DOMAIN = {
    "sales": ({"relationships"}, {"execution"}),
    "marketing": ({"analytics", "research"}, {"execution"}),
    "business_analysis": ({"innovation", "analytics"}, {"ux", "execution"}),
    "development": ({"execution"}, {"innovation", "ux"}),
    "ux_design": ({"innovation", "ux"}, {"relationships"}),
    "qa": ({"execution"}, {"relationships"}),
    "project_management": ({"execution"}, {"innovation", "ux"}),
}
ROLES = {"generalist", "technical", "growth_data", "b2b_enterprise", "consumer_ux", "platform"}


def test_it_has_the_six_competencies_in_domain_order(framework: Framework) -> None:
    assert list(framework.competency_ids) == COMPETENCIES
    assert all(len(c.levels) == 5 and c.indicators for c in framework.competencies)


def test_it_has_the_seven_origins_in_domain_order(framework: Framework) -> None:
    assert [o.id for o in framework.origins] == ORIGINS


def test_each_origins_strengths_and_weaknesses_equal_domain(framework: Framework) -> None:
    for origin in framework.origins:
        assert (set(origin.strengths), set(origin.weaknesses)) == DOMAIN[origin.id], origin.id


def test_each_origin_has_enough_aliases_a_long_story_and_advice_per_weakness(
    framework: Framework,
) -> None:
    for origin in framework.origins:
        assert len(origin.aliases) >= 8, origin.id
        assert len(re.findall(r"\w+", origin.story)) >= 120, origin.id
        for weakness in origin.weaknesses:
            advice = [a for a in origin.advice if a.competency == weakness]
            assert len(advice) >= 3, (origin.id, weakness)


def test_expected_profiles_put_strengths_above_and_weaknesses_below_thresholds(
    framework: Framework,
) -> None:
    limits = framework.thresholds
    for origin in framework.origins:
        for competency, score in origin.expected.items():
            if competency in origin.strengths:
                assert score >= limits.superpower, (origin.id, competency)
            elif competency in origin.weaknesses:
                assert score <= limits.gap, (origin.id, competency)
            else:
                assert limits.gap < score < limits.superpower, (origin.id, competency)


def test_each_competency_has_eight_items_two_reverse_keyed(framework: Framework) -> None:
    for competency in COMPETENCIES:
        items = framework.items_for(competency)
        assert len(items) >= 8, competency
        assert sum(item.reverse for item in items) >= 2, competency
        assert all(framework.scale(item.scale).points == 5 for item in items)


def test_items_ask_about_what_people_did_not_how_good_they_are(framework: Framework) -> None:
    self_rating = re.compile(r"\b(I am|I'm) (good|great|skilled|strong|excellent)\b", re.I)
    for item in framework.items:
        assert not self_rating.search(item.text), item.id


def test_each_competency_has_six_actions_of_several_kinds(framework: Framework) -> None:
    for competency in COMPETENCIES:
        actions = framework.actions_for(competency)
        assert len(actions) >= 6, competency
        assert {a.kind for a in actions} == {"learn", "practise", "shadow", "ship"}, competency


def test_it_has_the_six_target_roles_covering_every_competency(framework: Framework) -> None:
    assert {r.id for r in framework.roles} == ROLES
    for role in framework.roles:
        assert set(role.expectations) == set(COMPETENCIES)


def test_ids_are_unique_within_each_section(framework: Framework) -> None:
    for records in (
        framework.competencies,
        framework.origins,
        framework.items,
        framework.actions,
        framework.roles,
    ):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
