"""Response checks: straight-lining, contradictions, misfit and too few answers, measured
on people simulated from the model and on people answering at random."""

from __future__ import annotations

import numpy as np
import pytest

from pm_origins.engine import evaluate, score_answers
from pm_origins.engine.quality import (
    FLAGGED_ANSWER_WEIGHT,
    INCONSISTENT,
    MISFIT,
    STRAIGHT_LINING,
    TOO_FEW_ANSWERS,
    check_responses,
    quality_matrix,
)
from pm_origins.engine.scoring import item_bank, simulate_answers
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data

PEOPLE = 3_000


def test_at_most_5_percent_of_people_answering_as_the_model_says_are_flagged(
    framework: Framework,
) -> None:
    bank = item_bank(framework)
    rng = np.random.default_rng(11)
    theta = rng.normal(size=(PEOPLE, len(bank.competency_ids)))
    found = quality_matrix(bank, simulate_answers(bank, theta, rng))
    assert found.flagged.mean() <= 0.05
    assert np.all(~np.isnan(found.person_fit))


def test_at_least_90_percent_of_random_answerers_are_flagged(framework: Framework) -> None:
    bank = item_bank(framework)
    rng = np.random.default_rng(12)
    answers = rng.integers(1, 6, size=(PEOPLE, len(bank.item_ids))).astype(float)
    found = quality_matrix(bank, answers)
    assert found.flagged.mean() >= 0.90


def test_the_same_answer_everywhere_is_straight_lining(framework: Framework) -> None:
    found = check_responses(framework, {item.id: 4 for item in framework.items})
    assert STRAIGHT_LINING in found.flags
    assert found.person_fit is not None  # computed, though the pattern alone need not misfit


def test_a_habit_and_its_opposite_both_frequent_is_inconsistent(framework: Framework) -> None:
    # Honest answers elsewhere (from the model), but in research every statement, the
    # habits that point to a weak spot included, is answered "as a regular part of my work".
    bank = item_bank(framework)
    rng = np.random.default_rng(5)
    raw = simulate_answers(bank, np.zeros((1, len(bank.competency_ids))), rng)[0]
    answers = {item_id: int(value) for item_id, value in zip(bank.item_ids, raw, strict=True)}
    answers.update({item.id: 5 for item in framework.items_for("research")})
    assert INCONSISTENT in check_responses(framework, answers).flags


def test_a_handful_of_answers_is_too_few_and_has_no_person_fit(framework: Framework) -> None:
    found = check_responses(framework, {"ux_01": 3, "ux_02": 4, "research_01": 2})
    assert found.flags == (TOO_FEW_ANSWERS,)
    assert found.person_fit is None


def test_no_answers_are_not_flagged(framework: Framework) -> None:
    found = check_responses(framework, {})
    assert found.flags == () and found.person_fit is None


def test_answers_the_model_finds_unlikely_misfit(framework: Framework) -> None:
    # Alternating extremes within every competency: never what anyone at one level does.
    answers = {item.id: (5 if index % 2 else 1) for index, item in enumerate(framework.items)}
    assert MISFIT in check_responses(framework, answers).flags


def test_a_flagged_response_widens_the_bands_and_says_so(framework: Framework) -> None:
    straight = {item.id: 4 for item in framework.items}
    flagged = evaluate(framework, answers=straight)
    assert flagged.quality.answer_weight == FLAGGED_ANSWER_WEIGHT
    data = evaluation_data(flagged, framework)
    assert STRAIGHT_LINING in data["quality"]["flags"]
    assert isinstance(data["quality"]["person_fit"], float)
    unflagged = score_answers(framework, straight)
    for wide, narrow in zip(flagged.profile.scores, unflagged.scores, strict=True):
        assert wide.high - wide.low > narrow.high - narrow.low


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_every_single_value_straight_line_is_caught(framework: Framework, value: int) -> None:
    assert check_responses(framework, {i.id: value for i in framework.items}).flagged
