"""Scoring answers: 0-100 per competency, a band, reverse keys, partial answers."""

from __future__ import annotations

import numpy as np
import pytest

from pm_origins.engine import EngineInputError, Prior, item_bank, score_answers, score_matrix
from pm_origins.engine.scoring import POPULATION_MEAN, answer_matrix
from pm_origins.framework import Framework


def all_answers(framework: Framework, value: int) -> dict[str, int]:
    return {item.id: (6 - value if item.reverse else value) for item in framework.items}


def test_no_answers_give_the_population_middle_and_say_uncertain(framework: Framework) -> None:
    profile = score_answers(framework, {})
    assert all(s.score == POPULATION_MEAN for s in profile.scores)
    assert set(profile.uncertain) == set(framework.competency_ids)


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
    assert profile["analytics"].score == POPULATION_MEAN
    assert "analytics" in profile.uncertain and "ux" not in profile.uncertain


def test_more_answers_narrow_the_band(framework: Framework) -> None:
    items = framework.items_for("research")
    one = score_answers(framework, {items[0].id: 3})["research"]
    four = score_answers(framework, {i.id: 3 for i in items[:4]})["research"]
    assert four.high - four.low < one.high - one.low


def test_contributions_add_up_to_the_move_from_the_prior(framework: Framework) -> None:
    answers = {i.id: 4 for i in framework.items_for("execution")[:5]}
    score = score_answers(framework, answers)["execution"]
    assert len(score.contributions) == 5
    moved = sum(c.points for c in score.contributions)
    assert score.score == pytest.approx(score.prior_mean + moved)


def test_a_history_prior_is_combined_by_precision(framework: Framework) -> None:
    size = len(framework.competency_ids)
    prior = Prior((80.0,) * size, (10.0,) * size)
    items = framework.items_for("ux")
    answers = {i.id: (5 if i.reverse else 1) for i in items[:3]}  # evidence of 0
    alone = score_answers(framework, answers)["ux"]
    with_prior = score_answers(framework, answers, prior)["ux"]
    assert alone.score < with_prior.score < 80
    assert with_prior.high - with_prior.low < alone.high - alone.low
    untouched = score_answers(framework, {}, prior)["analytics"]
    assert untouched.score == pytest.approx(80.0)


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
