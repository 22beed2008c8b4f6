"""Career history: years and recency to an origin blend and a prior profile."""

from __future__ import annotations

import pytest

from pm_origins.engine import EngineInputError, Role, read_history, recency_weight
from pm_origins.engine.history import (
    HISTORY_MIN_SD_THETA,
    ORIGIN_SPREAD_THETA,
    TYPICAL_PROFILE_SD_THETA,
    history_trust,
)
from pm_origins.engine.matching import ORIGIN_SPREAD_SD
from pm_origins.engine.scoring import to_theta
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


def test_the_prior_starts_at_the_blend_of_typical_profiles_held_by_years(
    framework: Framework,
) -> None:
    history = read_history(framework, [Role("QA Engineer", 3), Role("Software Developer", 2)])
    assert history.prior is not None
    qa, dev = framework.origin("qa").expected, framework.origin("development").expected
    trust = history_trust(5.0)
    assert trust == pytest.approx(5 / 7)
    for index, competency in enumerate(framework.competency_ids):
        typical = float(
            to_theta(framework.score_scale, 0.6 * qa[competency] + 0.4 * dev[competency])
        )
        assert history.prior.mean[index] == pytest.approx(trust * typical)


def test_few_years_stay_near_the_population(framework: Framework) -> None:
    short = read_history(framework, [Role("QA Engineer", 0.5)]).prior
    long = read_history(framework, [Role("QA Engineer", 15)]).prior
    assert short is not None and long is not None
    assert max(abs(m) for m in short.mean) < 0.4 * max(abs(m) for m in long.mean)
    assert short.sd[0] > 0.95  # nearly the population's N(0, 1)


def test_more_years_make_a_tighter_prior_but_never_tighter_than_the_origin_spread(
    framework: Framework,
) -> None:
    sds = [read_history(framework, [Role("QA Engineer", y)]).prior.sd[0] for y in (1, 4, 12, 60)]  # type: ignore[union-attr]
    assert sds == sorted(sds, reverse=True)
    assert min(sds) >= HISTORY_MIN_SD_THETA
    assert (
        pytest.approx((ORIGIN_SPREAD_THETA**2 + TYPICAL_PROFILE_SD_THETA**2) ** 0.5)
        == HISTORY_MIN_SD_THETA
    )


def test_the_origin_spread_is_one_constant_in_two_units(framework: Framework) -> None:
    # Matching allows the same person-to-person spread, in points of the bundled scale.
    assert ORIGIN_SPREAD_THETA * framework.score_scale.per_sd == pytest.approx(ORIGIN_SPREAD_SD)


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
