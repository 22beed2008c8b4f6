"""Career history: years and recency to an origin blend and a prior profile."""

from __future__ import annotations

import pytest

from pm_origins.engine import EngineInputError, Role, read_history, recency_weight
from pm_origins.framework import Framework


def test_years_blend_two_origins(framework: Framework) -> None:
    history = read_history(framework, [Role("QA Engineer", 3), Role("Software Developer", 2)])
    assert history.blend == pytest.approx({"qa": 0.6, "development": 0.4})


def test_an_older_role_counts_for_less(framework: Framework) -> None:
    history = read_history(
        framework, [Role("QA Engineer", 3), Role("Software Developer", 3, years_ago=6)]
    )
    assert history.blend["qa"] == pytest.approx(2 / 3)
    assert recency_weight(6) == pytest.approx(0.5)


def test_the_prior_is_the_blend_of_expected_profiles(framework: Framework) -> None:
    history = read_history(framework, [Role("QA Engineer", 3), Role("Software Developer", 2)])
    assert history.prior is not None
    qa, dev = framework.origin("qa").expected, framework.origin("development").expected
    for index, competency in enumerate(framework.competency_ids):
        assert history.prior.mean[index] == pytest.approx(
            0.6 * qa[competency] + 0.4 * dev[competency]
        )


def test_more_years_make_a_tighter_prior(framework: Framework) -> None:
    short = read_history(framework, [Role("QA Engineer", 1)]).prior
    long = read_history(framework, [Role("QA Engineer", 12)]).prior
    assert short is not None and long is not None
    assert long.sd[0] < short.sd[0]


def test_no_roles_give_no_prior(framework: Framework) -> None:
    history = read_history(framework, [])
    assert history.prior is None and history.blend == {}


def test_unmatched_titles_are_listed_and_left_out(framework: Framework) -> None:
    history = read_history(framework, [Role("QA Engineer", 2), Role("Astronaut", 9)])
    assert [m.title for m in history.unmatched] == ["Astronaut"]
    assert history.blend == {"qa": 1.0}


@pytest.mark.parametrize(
    "role, message",
    [
        (Role("", 2), "needs a job title"),
        (Role("QA Engineer", -1), "must be a number from 0 to 60"),
        (Role("QA Engineer", 61), "must be a number from 0 to 60"),
        (Role("QA Engineer", float("nan")), "must be a number from 0 to 60"),
        (Role("QA Engineer", 2, years_ago=-3), "How long ago"),
        (Role("x" * 200, 2), "longer than 120 characters"),
    ],
)
def test_impossible_roles_are_refused(framework: Framework, role: Role, message: str) -> None:
    with pytest.raises(EngineInputError, match=message):
        read_history(framework, [role])
