"""Matching people to origins: shares, blends, superpowers, gaps and advice."""

from __future__ import annotations

import pytest

from pm_origins.engine import Role, UnmatchedTitlesError, evaluate
from pm_origins.framework import Framework

from .helpers import answers_for


@pytest.mark.parametrize(
    "origin_id",
    [
        "sales",
        "marketing",
        "business_analysis",
        "development",
        "ux_design",
        "qa",
        "project_management",
    ],
)
def test_each_origins_own_profile_matches_it_first(framework: Framework, origin_id: str) -> None:
    origin = framework.origin(origin_id)
    result = evaluate(framework, answers=answers_for(framework, origin.expected))
    assert result.match.origins[0].id == origin_id
    assert set(result.match.superpowers) == set(origin.strengths)
    assert set(result.match.gaps) == set(origin.weaknesses)


@pytest.mark.parametrize(
    "origin_id",
    [
        "sales",
        "marketing",
        "business_analysis",
        "development",
        "ux_design",
        "qa",
        "project_management",
    ],
)
def test_each_origins_history_alone_gives_its_typical_superpowers_and_gaps(
    framework: Framework, origin_id: str
) -> None:
    origin = framework.origin(origin_id)
    result = evaluate(framework, [Role(origin.aliases[0], 5)])
    assert result.match.origins[0].id == origin_id
    assert result.match.basis == "history"
    # A career says what is typical for the background, never what this person measured.
    assert result.match.superpowers == () and result.match.gaps == ()
    assert result.match.typical_superpowers == origin.strengths
    assert result.match.typical_gaps == origin.weaknesses


def test_a_mixed_history_gives_a_blend(framework: Framework) -> None:
    # Five years carry 5/7 of the shares (see CAREER_HALF_YEARS); the rest is spread evenly.
    result = evaluate(framework, [Role("QA Engineer", 3), Role("Software Developer", 2)])
    rest = (2 / 7) / 7
    assert [(o.id, round(o.share, 3)) for o in result.match.blend] == [
        ("qa", round(0.6 * 5 / 7 + rest, 3)),
        ("development", round(0.4 * 5 / 7 + rest, 3)),
    ]


def test_answers_can_overturn_a_short_history(framework: Framework) -> None:
    ux_profile = framework.origin("ux_design").expected
    result = evaluate(framework, [Role("QA Engineer", 1)], answers_for(framework, ux_profile))
    assert result.match.origins[0].id == "ux_design"
    assert result.match.basis == "both"


def test_advice_covers_each_gap_from_the_persons_own_origin(framework: Framework) -> None:
    result = evaluate(framework, [Role("Account Executive", 6)])
    assert result.match.gaps == () and result.match.typical_gaps == ("execution",)
    assert len(result.match.advice) == 3
    sales_advice = {a.text for a in framework.origin("sales").advice}
    assert all(a.origin == "sales" and a.text in sales_advice for a in result.match.advice)


def test_with_no_input_nothing_is_claimed(framework: Framework) -> None:
    result = evaluate(framework)
    assert result.match.basis == "none"
    assert result.match.superpowers == () and result.match.gaps == ()
    assert all(o.share == pytest.approx(1 / 7) for o in result.match.origins)


def test_an_unmatched_title_stops_the_evaluation_with_suggestions(framework: Framework) -> None:
    with pytest.raises(UnmatchedTitlesError) as caught:
        evaluate(framework, [Role("QA Enginer", 3), Role("Data Scientist", 2)])
    assert [title for title, _ in caught.value.unmatched] == ["Data Scientist"]
    assert "did you mean" in caught.value.message


def test_the_explanation_names_the_strongest_answers(framework: Framework) -> None:
    items = framework.items_for("analytics")
    answers = {items[0].id: 5 if not items[0].reverse else 1, items[1].id: 3}
    result = evaluate(framework, [Role("QA Engineer", 2)], answers)
    reason = next(r for r in result.reasons if r.competency == "analytics")
    assert reason.prior_source == "history"
    assert reason.answers[0].item_id == items[0].id


def test_gap_advice_comes_only_from_the_persons_own_origin(framework: Framework) -> None:
    from pm_origins.engine.matching import OriginShare, advice_for_gaps

    for origin in framework.origins:
        share = (OriginShare(origin.id, origin.name, 1.0),)
        advice = advice_for_gaps(framework, framework.competency_ids, share)
        assert {a.competency for a in advice} == set(framework.competency_ids), origin.id
        assert all(a.origin == origin.id for a in advice), origin.id
