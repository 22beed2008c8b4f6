"""Calibration: GRM item parameters fitted by marginal maximum likelihood (EM)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from pm_origins.engine.calibration import (
    MIN_DISCRIMINATION,
    WEAK_DISCRIMINATION,
    calibrate,
    fit_grm,
)
from pm_origins.framework import Framework, load_framework

from .simulate import known_parameters, simulate_keyed


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def raw_answers(framework: Framework, item_ids: list[str], keyed: np.ndarray) -> np.ndarray:
    """Keyed categories back to raw 1-5 answers, as a questionnaire would record them."""
    reverse = np.array([framework.item(i).reverse for i in item_ids])
    return np.where(reverse[None, :], 5.0 - keyed, keyed + 1.0)


def test_it_recovers_known_parameters_from_3000_simulated_respondents(
    framework: Framework,
) -> None:
    item_ids = [item.id for item in framework.items_for("execution")]
    a, b = known_parameters(len(item_ids), seed=11)
    _, keyed = simulate_keyed(a, b, 3000, seed=12, blank_share=0.05)

    result = calibrate(framework, item_ids, raw_answers(framework, item_ids, keyed))

    fitted_a = np.array([result.item(i).discrimination for i in item_ids])
    fitted_b = np.array([result.item(i).thresholds for i in item_ids])
    assert result.converged
    assert result.respondents == 3000
    assert np.corrcoef(a, fitted_a)[0, 1] >= 0.90
    assert np.sqrt(np.mean(np.square(fitted_b - b))) <= 0.25


def test_reverse_keyed_items_are_fitted_on_the_keyed_scale(framework: Framework) -> None:
    item_ids = [item.id for item in framework.items_for("ux")]
    reversed_ids = [i for i in item_ids if framework.item(i).reverse]
    a, b = known_parameters(len(item_ids), seed=3)
    _, keyed = simulate_keyed(a, b, 2000, seed=4)

    result = calibrate(framework, item_ids, raw_answers(framework, item_ids, keyed))

    assert reversed_ids
    for item_id in reversed_ids:
        index = item_ids.index(item_id)
        fitted = result.item(item_id)
        assert fitted.discrimination > 0.5 * a[index]
        assert fitted.thresholds[0] == pytest.approx(b[index, 0], abs=0.35)


def test_blank_cells_are_left_out_rather_than_counted_as_answers() -> None:
    a, b = known_parameters(8, seed=5)
    _, complete = simulate_keyed(a, b, 2000, seed=6)
    holes = complete.copy()
    rng = np.random.default_rng(7)
    holes[rng.random(holes.shape) < 0.3] = np.nan

    full = fit_grm(complete, 5)
    partial = fit_grm(holes, 5)

    # Randomly blanked answers lose precision, not accuracy: no drift towards any category.
    assert np.sqrt(np.mean(np.square(partial.thresholds - full.thresholds))) < 0.2
    assert np.corrcoef(full.discrimination, partial.discrimination)[0, 1] > 0.85


def test_people_who_answered_nothing_are_not_counted() -> None:
    a, b = known_parameters(6, seed=8)
    _, keyed = simulate_keyed(a, b, 500, seed=9)
    keyed[:40] = np.nan

    assert fit_grm(keyed, 5).respondents == 460


def test_categories_nobody_used_still_give_finite_ordered_thresholds() -> None:
    a, b = known_parameters(6, seed=10)
    _, keyed = simulate_keyed(a, b, 800, seed=11)
    keyed[keyed[:, 0] == 2, 0] = 1  # nobody picks the middle answer of item 0
    keyed[keyed[:, 1] == 4, 1] = 3  # nobody picks the top answer of item 1
    keyed[keyed[:, 2] == 0, 2] = 1  # nobody picks the bottom answer of item 2

    fit = fit_grm(keyed, 5)

    assert np.all(np.isfinite(fit.thresholds))
    assert np.all(np.diff(fit.thresholds, axis=1) > 0)
    # An unused top or bottom answer puts its threshold far out, past every used one.
    assert fit.thresholds[1, 3] > 3.0
    assert fit.thresholds[2, 0] < -3.0


def test_unused_answers_are_reported_as_raw_answers(framework: Framework) -> None:
    item_ids = [item.id for item in framework.items_for("analytics")]
    reversed_id = next(i for i in item_ids if framework.item(i).reverse)
    a, b = known_parameters(len(item_ids), seed=12)
    _, keyed = simulate_keyed(a, b, 600, seed=13)
    raw = raw_answers(framework, item_ids, keyed)
    column = item_ids.index(reversed_id)
    raw[raw[:, column] == 5, column] = 4

    result = calibrate(framework, item_ids, raw)

    assert result.item(reversed_id).unused_answers == (5,)
    assert result.item(item_ids[0]).unused_answers == ()


def test_an_item_keyed_the_wrong_way_ends_weak_and_flagged(framework: Framework) -> None:
    item_ids = [item.id for item in framework.items_for("research")]
    a, b = known_parameters(len(item_ids), seed=14)
    _, keyed = simulate_keyed(a, b, 1500, seed=15)
    raw = raw_answers(framework, item_ids, keyed)
    raw[:, 0] = 6.0 - raw[:, 0]  # answers recorded upside down

    result = calibrate(framework, item_ids, raw)

    wrong = result.item(item_ids[0])
    assert wrong.discrimination < WEAK_DISCRIMINATION and wrong.weak
    assert wrong.discrimination >= MIN_DISCRIMINATION
    assert not result.item(item_ids[1]).weak


def test_all_blank_answers_give_no_respondents_and_finite_parameters() -> None:
    fit = fit_grm(np.full((5, 3), np.nan), 5, max_iterations=20)

    assert fit.respondents == 0
    assert np.all(np.isfinite(fit.thresholds)) and np.all(np.diff(fit.thresholds, axis=1) > 0)


def test_it_stops_at_the_iteration_limit_and_says_it_did_not_converge() -> None:
    a, b = known_parameters(6, seed=16)
    _, keyed = simulate_keyed(a, b, 500, seed=17)

    fit = fit_grm(keyed, 5, max_iterations=2)

    assert not fit.converged
    assert fit.iterations == 2
    assert np.all(np.diff(fit.thresholds, axis=1) > 0)


def test_each_em_cycle_raises_the_marginal_likelihood() -> None:
    a, b = known_parameters(6, seed=18)
    _, keyed = simulate_keyed(a, b, 700, seed=19, blank_share=0.1)

    likelihoods = [fit_grm(keyed, 5, max_iterations=n).log_likelihood for n in (1, 2, 4, 8, 16)]

    assert all(later >= earlier - 1e-6 for earlier, later in itertools.pairwise(likelihoods))


def test_competencies_with_too_few_answered_items_are_skipped(framework: Framework) -> None:
    item_ids = [item.id for item in framework.items_for("innovation")]
    item_ids += [item.id for item in framework.items_for("relationships")][:2]
    a, b = known_parameters(len(item_ids), seed=20)
    _, keyed = simulate_keyed(a, b, 400, seed=21)
    raw = raw_answers(framework, item_ids, keyed)
    raw[:, 0] = np.nan  # an item nobody answered is not fitted

    result = calibrate(framework, item_ids, raw)

    assert [s.competency for s in result.scales] == ["innovation"]
    assert dict(result.skipped)["relationships"].startswith("2 answered item(s)")
    with pytest.raises(KeyError):
        result.item(item_ids[0])


@settings(max_examples=25, deadline=None)
@given(
    hnp.arrays(
        np.float64,
        st.tuples(st.integers(3, 40), st.integers(2, 5)),
        elements=st.sampled_from([0.0, 1.0, 2.0, 3.0, 4.0, np.nan]),
    )
)
def test_any_answers_give_finite_ordered_parameters(keyed: np.ndarray) -> None:
    fit = fit_grm(keyed, 5, max_iterations=50)

    assert np.all(np.isfinite(fit.discrimination)) and np.all(np.isfinite(fit.thresholds))
    assert np.all(np.diff(fit.thresholds, axis=1) > 0)
    assert np.all(fit.discrimination >= MIN_DISCRIMINATION)
