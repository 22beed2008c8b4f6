"""Every role has a kind: origin, product, chosen or unmatched; product years are counted
apart and never make an origin."""

from __future__ import annotations

import pytest

from pm_origins.engine import EngineInputError, Role, UnmatchedTitlesError, evaluate, read_history
from pm_origins.framework import Framework

from .helpers import answers_for


def test_each_role_says_its_kind(framework: Framework) -> None:
    history = read_history(
        framework,
        [
            Role("QA Engineer", 3),
            Role("Product Owner", 2),
            Role("Astronaut", 1, origin="project_management"),
            Role("Growth Ninja", 1),
        ],
    )
    assert [e.kind for e in history.evidence] == ["origin", "product", "chosen", "unmatched"]


def test_product_years_do_not_count_towards_an_origin(framework: Framework) -> None:
    history = read_history(framework, [Role("QA Engineer", 3), Role("Product Manager", 4, 1)])
    assert history.blend == {"qa": 1.0}
    assert history.product_years == 4
    assert not history.only_product


def test_only_product_roles_leave_the_origin_to_the_answers(framework: Framework) -> None:
    answers = answers_for(framework, framework.origin("ux_design").expected)
    result = evaluate(framework, [Role("Product Owner", 5), Role("APM", 2)], answers)
    assert result.history.only_product
    assert result.history.prior is None
    assert result.match.basis == "answers"
    assert result.match.blend[0].id == "ux_design"


def test_product_roles_never_stop_an_evaluation(framework: Framework) -> None:
    result = evaluate(framework, [Role("Head of Product", 3)])
    assert result.match.basis == "none"
    assert result.history.product_years == 3


def test_a_chosen_origin_places_the_role_whatever_the_title(framework: Framework) -> None:
    history = read_history(framework, [Role("QA Engineer", 2, origin="marketing")])
    assert history.evidence[0].kind == "chosen"
    assert history.blend == {"marketing": 1.0}


def test_a_chosen_origin_must_exist(framework: Framework) -> None:
    with pytest.raises(EngineInputError, match="'astronaut', which is not one of"):
        read_history(framework, [Role("Growth Ninja", 2, origin="astronaut")])


def test_an_unmatched_title_still_stops_the_evaluation_until_it_has_an_origin(
    framework: Framework,
) -> None:
    with pytest.raises(UnmatchedTitlesError):
        evaluate(framework, [Role("Growth Ninja", 2)])
    result = evaluate(framework, [Role("Growth Ninja", 2, origin="marketing")])
    assert result.match.blend[0].id == "marketing"
