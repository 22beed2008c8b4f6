"""Adaptive testing checked by simulation against its own model (not timed; the
2,000-respondent figures are in benchmarks/bench_adaptive.py and PERFORMANCE.md)."""

from __future__ import annotations

import numpy as np
import pytest
from benchmarks.bench_adaptive import Simulated, respondents, simulate

from pm_origins.engine import adaptive_bank
from pm_origins.engine.adaptive import AdaptiveBank
from pm_origins.engine.irt import FloatArray
from pm_origins.framework import Framework, load_framework

from .simulate import moderate_parameters, raw_answers

PEOPLE = 300
ITEMS, SCALES = 76, 6  # the bundled questionnaire's shape


@pytest.fixture(scope="module")
def moderate_runs() -> tuple[FloatArray, dict[str, Simulated]]:
    """People from N(0, 1) on six scales of moderately sharp questions."""
    a, b = moderate_parameters(ITEMS, seed=5)
    scale = np.arange(ITEMS) % SCALES
    reverse = np.zeros(ITEMS, dtype=bool)
    reverse[::9] = True
    bank = AdaptiveBank.from_parameters(
        [f"q{i:02d}" for i in range(ITEMS)], [f"c{c}" for c in range(SCALES)], scale, a, b, reverse
    )
    truth = np.random.default_rng(3).normal(size=(PEOPLE, SCALES))
    raw = raw_answers(a, b, truth[:, scale], reverse, seed=4)
    return truth, {mode: simulate(bank, raw, mode) for mode in ("quick", "full", "all")}


@pytest.fixture(scope="module")
def bundled_runs() -> tuple[FloatArray, dict[str, Simulated]]:
    framework: Framework = load_framework()
    truth, raw = respondents(framework, PEOPLE, seed=7)
    bank = adaptive_bank(framework)
    return truth, {mode: simulate(bank, raw, mode) for mode in ("quick", "all")}


def test_quick_needs_at_most_half_of_the_questions(moderate_runs: tuple) -> None:
    _, runs = moderate_runs
    assert runs["quick"].items.mean() <= 0.5 * ITEMS
    assert runs["quick"].items.mean() < runs["full"].items.mean() < ITEMS
    assert runs["all"].items.mean() == ITEMS


def test_quick_is_within_1_3_times_the_whole_banks_error(moderate_runs: tuple) -> None:
    truth, runs = moderate_runs
    assert runs["quick"].rmse(truth) <= 1.3 * runs["all"].rmse(truth)
    assert runs["all"].rmse(truth) <= runs["full"].rmse(truth) <= runs["quick"].rmse(truth)


@pytest.mark.parametrize("mode", ["quick", "full", "all"])
def test_the_90_percent_band_holds_the_truth_about_90_percent_of_the_time(
    moderate_runs: tuple, mode: str
) -> None:
    truth, runs = moderate_runs
    assert 0.87 <= runs[mode].coverage(truth) <= 0.93


def test_on_the_bundled_parameters_quick_asks_at_most_half_and_stays_honest(
    bundled_runs: tuple,
) -> None:
    truth, runs = bundled_runs
    assert runs["quick"].items.mean() <= 0.5 * ITEMS
    assert runs["quick"].rmse(truth) <= 1.3 * runs["all"].rmse(truth)
    for mode in ("quick", "all"):
        assert 0.87 <= runs[mode].coverage(truth) <= 0.93


def test_the_reported_standard_error_matches_the_actual_error(moderate_runs: tuple) -> None:
    truth, runs = moderate_runs
    quick = runs["quick"]
    assert np.sqrt(np.mean(np.square(quick.se))) == pytest.approx(quick.rmse(truth), rel=0.1)
