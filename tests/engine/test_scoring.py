"""Scoring answers under the graded response model: 0-100 per competency, a 90% band,
reverse keys, partial answers, priors, leave-one-out contributions and the score scale."""

from __future__ import annotations

import numpy as np
import pytest

from pm_origins.engine import EngineInputError, Prior, item_bank, score_answers, score_matrix
from pm_origins.engine.scoring import (
    BASIS_ANSWERS,
    BASIS_CAREER,
    answer_matrix,
    score_rows,
    to_points,
    to_theta,
)
from pm_origins.framework import Framework, ScoreScale

POPULATION_MEAN = 50.0  # theta 0 on the bundled linear scale (center 50)


def all_answers(framework: Framework, value: int) -> dict[str, int]:
    return {item.id: (6 - value if item.reverse else value) for item in framework.items}


def test_no_answers_give_the_population_middle_and_say_uncertain(framework: Framework) -> None:
    profile = score_answers(framework, {})
    assert all(s.score == pytest.approx(POPULATION_MEAN) for s in profile.scores)
    assert set(profile.uncertain) == set(framework.competency_ids)
    assert not any(s.measured for s in profile.scores)
    assert all(s.basis == () for s in profile.scores)


def test_the_band_is_the_central_90_percent_of_the_posterior(framework: Framework) -> None:
    # With no answers the posterior is the N(0, 1) prior: 5th and 95th percentiles at -/+1.645.
    score = score_answers(framework, {})["ux"]
    scale = framework.score_scale
    assert score.low == pytest.approx(float(to_points(scale, -1.645)), abs=0.3)
    assert score.high == pytest.approx(float(to_points(scale, 1.645)), abs=0.3)
    assert score.theta_sd == pytest.approx(1.0, abs=1e-3)


def test_top_answers_everywhere_score_near_100(framework: Framework) -> None:
    profile = score_answers(framework, all_answers(framework, 5))
    assert all(s.score > 90 for s in profile.scores)
    assert profile.uncertain == ()


def test_bottom_answers_everywhere_score_near_0(framework: Framework) -> None:
    profile = score_answers(framework, all_answers(framework, 1))
    assert all(s.score < 10 for s in profile.scores)


def test_a_reverse_keyed_item_lowers_its_score_when_answered_high(framework: Framework) -> None:
    item = next(i for i in framework.items if i.reverse)
    high = score_answers(framework, {item.id: 5})[item.competency].score
    low = score_answers(framework, {item.id: 1})[item.competency].score
    assert high < POPULATION_MEAN < low


def test_partial_answers_score_only_what_has_data(framework: Framework) -> None:
    answers = {i.id: 5 for i in framework.items_for("ux") if not i.reverse}
    profile = score_answers(framework, answers)
    assert profile["ux"].score > 75 and profile["ux"].answered == len(answers)
    assert profile["ux"].measured and profile["ux"].basis == (BASIS_ANSWERS,)
    assert profile["analytics"].score == pytest.approx(POPULATION_MEAN)
    assert not profile["analytics"].measured
    assert "analytics" in profile.uncertain and "ux" not in profile.uncertain


def test_more_answers_narrow_the_band(framework: Framework) -> None:
    items = framework.items_for("research")
    one = score_answers(framework, {items[0].id: 3})["research"]
    four = score_answers(framework, {i.id: 3 for i in items[:4]})["research"]
    assert four.high - four.low < one.high - one.low


def test_each_contribution_is_the_move_that_answer_makes(framework: Framework) -> None:
    items = framework.items_for("execution")[:5]
    answers = {i.id: 4 for i in items}
    score = score_answers(framework, answers)["execution"]
    assert len(score.contributions) == 5
    per_sd = framework.score_scale.per_sd
    for contribution in score.contributions:
        rest = {k: v for k, v in answers.items() if k != contribution.item_id}
        without = score_answers(framework, rest)["execution"]
        assert contribution.points == pytest.approx(per_sd * (score.theta - without.theta))


@pytest.mark.parametrize("value", [1, 5])
def test_contributions_point_the_way_the_score_moved_when_answers_agree(
    framework: Framework, value: int
) -> None:
    # The top (or bottom) keyed answer on every item: all answers point one way. (A middle
    # answer can pull either way: "often" on an item most people answer "often" to says less
    # than the answers around it.)
    answers = all_answers(framework, value)
    for score in score_answers(framework, answers).scores:
        moved = score.score - score.prior_mean
        assert moved != 0
        assert all((c.points > 0) == (moved > 0) for c in score.contributions)
        assert all(c.points != 0 for c in score.contributions)


def test_a_history_prior_is_combined_with_the_answers(framework: Framework) -> None:
    size = len(framework.competency_ids)
    prior = Prior((1.5,) * size, (0.5,) * size)  # theta 1.5: 80 points
    items = framework.items_for("ux")
    answers = {i.id: (5 if i.reverse else 1) for i in items[:3]}  # evidence of a low level
    alone = score_answers(framework, answers)["ux"]
    with_prior = score_answers(framework, answers, prior)["ux"]
    assert alone.score < with_prior.score < 80
    assert with_prior.theta_sd < alone.theta_sd  # (bands in points are clipped at 0 and 100)
    assert with_prior.basis == (BASIS_CAREER, BASIS_ANSWERS) and with_prior.measured
    untouched = score_answers(framework, {}, prior)["analytics"]
    assert untouched.score == pytest.approx(80.0, abs=0.1)
    assert untouched.basis == (BASIS_CAREER,) and not untouched.measured


def test_a_flagged_weight_widens_the_band_but_keeps_the_direction(framework: Framework) -> None:
    answers = all_answers(framework, 4)
    full = score_answers(framework, answers)["research"]
    half = score_answers(framework, answers, answer_weight=0.5)["research"]
    assert half.high - half.low > full.high - full.low
    assert POPULATION_MEAN < half.score < full.score


@pytest.mark.parametrize(
    "scale",
    [ScoreScale(), ScoreScale(kind="linear", center=40, per_sd=15), ScoreScale(kind="normal_cdf")],
)
def test_the_score_scale_is_monotone_and_inverts(scale: ScoreScale) -> None:
    theta = np.linspace(-2.4, 2.4, 49)
    points = to_points(scale, theta)
    assert np.all(np.diff(points) > 0)
    assert np.all((points >= 0) & (points <= 100))
    assert to_theta(scale, points) == pytest.approx(theta, abs=1e-6)


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"nope_01": 3}, "Unknown question id 'nope_01'"),
        ({"ux_01": 6}, "must be from 1 to 5, got 6"),
        ({"ux_01": 0}, "must be from 1 to 5, got 0"),
        ({"ux_01": 2.5}, "must be a whole number from 1 to 5"),
        ({"ux_01": "3"}, "must be a whole number from 1 to 5"),
        ({"ux_01": True}, "must be a whole number from 1 to 5"),
        ({"ux_01": None}, "must be a whole number from 1 to 5"),
        ({"ux_01": float("nan")}, "must be a whole number from 1 to 5"),
        ({"ux_01": float("inf")}, "must be a whole number from 1 to 5"),
    ],
)
def test_bad_answers_are_refused_with_a_clear_message(
    framework: Framework,
    answers: dict[str, object],
    message: str,
) -> None:
    with pytest.raises(EngineInputError, match=message.replace("(", r"\(")):
        score_answers(framework, answers)


def test_batch_scoring_equals_one_at_a_time(framework: Framework) -> None:
    bank = item_bank(framework)
    rng = np.random.default_rng(7)
    people = []
    for _ in range(20):
        chosen = rng.choice(len(bank.item_ids), size=30, replace=False)
        people.append({bank.item_ids[i]: int(rng.integers(1, 6)) for i in chosen})
    matrix = np.vstack([answer_matrix(bank, p) for p in people])
    scores, sds, _ = score_matrix(bank, matrix)
    for row, answers in enumerate(people):
        profile = score_answers(framework, answers)
        assert [s.score for s in profile.scores] == pytest.approx(list(scores[row]))
        assert [s.sd for s in profile.scores] == pytest.approx(list(sds[row]))


def test_profiles_of_many_people_equal_each_person_scored_alone(framework: Framework) -> None:
    bank = item_bank(framework)
    rng = np.random.default_rng(11)
    size = len(bank.competency_ids)
    people: list[dict[str, int]] = [{}]  # no answers at all: the prior alone
    for _ in range(15):
        chosen = rng.choice(len(bank.item_ids), size=int(rng.integers(1, 40)), replace=False)
        people.append({bank.item_ids[i]: int(rng.integers(1, 6)) for i in chosen})
    priors = [
        None
        if n % 3 == 0
        else Prior(tuple(rng.normal(0, 0.8, size)), tuple(rng.uniform(0.5, 1, size)))
        for n in range(len(people))
    ]
    weights = np.where(np.arange(len(people)) % 4 == 1, 0.5, 1.0)
    matrix = np.vstack([answer_matrix(bank, p) for p in people])
    together = score_rows(bank, matrix, priors, weights)
    for answers, prior, weight, profile in zip(people, priors, weights, together, strict=True):
        alone = score_answers(
            framework, answers, prior, answer_weight=float(weight), contributions=False
        )
        for mine, theirs in zip(profile.scores, alone.scores, strict=True):
            assert mine.basis == theirs.basis and mine.answered == theirs.answered
            assert mine.measured == theirs.measured and not mine.contributions
            assert (mine.score, mine.low, mine.high, mine.sd, mine.prior_mean) == pytest.approx(
                (theirs.score, theirs.low, theirs.high, theirs.sd, theirs.prior_mean), abs=1e-9
            )
