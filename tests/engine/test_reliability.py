"""The reliability report: alpha (with Feldt's interval), omega, marginal, item-total r."""

from __future__ import annotations

import numpy as np
import pytest

from pm_origins.engine.calibration import calibrate
from pm_origins.engine.reliability import (
    alpha_from_covariance,
    f_quantile,
    feldt_interval,
    item_rest_correlations,
    marginal_reliability,
    omega_from_covariance,
    pairwise_covariance,
    reliability_report,
)
from pm_origins.framework import Framework, load_framework

from .simulate import known_parameters, simulate_keyed

# Five people, four items, every answer given.
SMALL = np.array(
    [
        [4.0, 5.0, 3.0, 4.0],
        [2.0, 3.0, 2.0, 1.0],
        [5.0, 4.0, 4.0, 5.0],
        [3.0, 3.0, 2.0, 3.0],
        [1.0, 2.0, 2.0, 2.0],
    ]
)


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def test_alpha_matches_the_plain_formula_worked_by_hand() -> None:
    # Item variances (n - 1): 2.5, 1.3, 0.8, 2.5; sum 7.1.
    # Totals 16, 8, 18, 11, 7 have mean 12 and variance (16 + 16 + 36 + 1 + 25) / 4 = 23.5.
    # alpha = 4 / 3 * (1 - 7.1 / 23.5) = 0.9305 to 4 decimals.
    by_hand = 0.9305

    covariance, _ = pairwise_covariance(SMALL)

    assert alpha_from_covariance(covariance) == pytest.approx(by_hand, abs=5e-4)


def test_alpha_matches_the_textbook_formula_on_complete_data() -> None:
    rng = np.random.default_rng(1)
    values = rng.integers(1, 6, size=(60, 7)).astype(float) + rng.integers(0, 3, size=(60, 1))
    k = values.shape[1]
    textbook = k / (k - 1) * (1 - values.var(axis=0, ddof=1).sum() / values.sum(1).var(ddof=1))

    covariance, counts = pairwise_covariance(values)

    assert alpha_from_covariance(covariance) == pytest.approx(textbook, abs=1e-12)
    assert np.all(counts == 60)


def test_corrected_item_total_correlations_match_the_plain_computation() -> None:
    covariance, _ = pairwise_covariance(SMALL)
    plain = [np.corrcoef(SMALL[:, i], SMALL.sum(axis=1) - SMALL[:, i])[0, 1] for i in range(4)]

    assert item_rest_correlations(covariance) == pytest.approx(plain, abs=1e-12)


def test_pairwise_covariances_use_only_people_who_answered_both_items() -> None:
    values = np.array([[1.0, 2.0, np.nan], [2.0, np.nan, 4.0], [3.0, 5.0, 3.0], [4.0, 4.0, 5.0]])

    covariance, counts = pairwise_covariance(values)

    assert counts[0, 1] == 3 and counts[0, 2] == 3 and counts[1, 2] == 2
    assert covariance[0, 1] == pytest.approx(np.cov([1, 3, 4], [2, 5, 4])[0, 1])
    assert covariance[1, 2] == pytest.approx(np.cov([5, 4], [3, 5])[0, 1])


def test_a_pair_nobody_answered_together_leaves_alpha_and_omega_unknown() -> None:
    values = np.array([[1.0, np.nan, 2.0], [np.nan, 3.0, 2.0], [2.0, np.nan, 4.0]])

    covariance, _ = pairwise_covariance(values)

    assert alpha_from_covariance(covariance) is None
    assert omega_from_covariance(covariance) is None


@pytest.mark.parametrize(
    ("probability", "df1", "df2", "scipy_value"),
    [
        (0.975, 9, 90, 2.2587655563683398),
        (0.025, 9, 90, 0.2931587662708537),
        (0.975, 49, 441, 1.4705832164469217),
        (0.025, 2999, 35988, 0.9481100194470141),
        (0.975, 2999, 35988, 1.0534749751837191),
        (0.5, 4, 8, 0.9146453559770719),
        (0.975, 2, 2, 38.999999999999964),
    ],
)
def test_f_quantiles_match_scipy(
    probability: float, df1: int, df2: int, scipy_value: float
) -> None:
    # Reference values from scipy.stats.f.ppf (scipy 1.17).
    assert f_quantile(probability, df1, df2) == pytest.approx(scipy_value, rel=1e-9)


def test_feldts_interval_brackets_alpha_and_narrows_with_more_people() -> None:
    small = feldt_interval(0.8, 50, 10)
    large = feldt_interval(0.8, 5000, 10)

    assert small is not None and large is not None
    assert small[0] < large[0] < 0.8 < large[1] < small[1]


def test_feldts_interval_covers_the_true_alpha_about_95_percent_of_the_time() -> None:
    # Parallel items: loading 0.6, unique variance 0.64, so the population alpha is known.
    k, n, loading = 6, 80, 0.6
    truth = k * loading**2 / (k * loading**2 + 0.64)
    rng = np.random.default_rng(2)
    hits = 0
    runs = 400
    for _ in range(runs):
        values = loading * rng.normal(size=(n, 1)) + 0.8 * rng.normal(size=(n, k))
        covariance, _ = pairwise_covariance(values)
        alpha = alpha_from_covariance(covariance)
        assert alpha is not None
        interval = feldt_interval(alpha, n, k)
        assert interval is not None
        hits += interval[0] <= truth <= interval[1]
    assert 0.91 <= hits / runs <= 0.98


def test_omega_recovers_a_one_factor_model_exactly() -> None:
    loadings = np.array([0.9, 0.7, 0.5, 0.8, 0.6])
    sd = np.array([1.0, 1.5, 0.8, 1.2, 2.0])
    unique = 1 - loadings**2
    covariance = np.outer(loadings * sd, loadings * sd) + np.diag(unique * sd**2)
    expected = np.sum(loadings * sd) ** 2 / (np.sum(loadings * sd) ** 2 + np.sum(unique * sd**2))

    assert omega_from_covariance(covariance) == pytest.approx(expected, abs=1e-6)


def test_omega_equals_alpha_for_parallel_items() -> None:
    covariance = np.full((5, 5), 0.36) + np.eye(5) * 0.64

    alpha = alpha_from_covariance(covariance)
    omega = omega_from_covariance(covariance)

    assert alpha is not None and omega is not None
    assert omega == pytest.approx(alpha, abs=1e-6)


def test_omega_exceeds_alpha_when_loadings_differ() -> None:
    loadings = np.array([0.9, 0.3, 0.8, 0.2])
    covariance = np.outer(loadings, loadings) + np.diag(1 - loadings**2)

    alpha = alpha_from_covariance(covariance)
    omega = omega_from_covariance(covariance)

    assert alpha is not None and omega is not None
    assert omega > alpha + 0.01


def test_marginal_reliability_agrees_with_simulated_score_precision() -> None:
    a, b = known_parameters(10, seed=3)
    theta, keyed = simulate_keyed(a, b, 4000, seed=4)
    from pm_origins.engine.irt import log_category_probabilities, theta_grid

    grid = theta_grid()
    log_p = log_category_probabilities(grid, a, b)  # (Q, I, K)
    onehot = keyed[:, :, None] == np.arange(5)[None, None, :]
    log_like = np.einsum("nik,qik->nq", onehot.astype(float), log_p) - 0.5 * grid**2
    posterior = np.exp(log_like - log_like.max(axis=1, keepdims=True))
    posterior /= posterior.sum(axis=1, keepdims=True)
    eap = posterior @ grid

    # The squared correlation of estimates with the truth is the reliability it describes.
    simulated = np.corrcoef(eap, theta)[0, 1] ** 2

    assert marginal_reliability(a, b) == pytest.approx(simulated, abs=0.03)


def test_more_discriminating_items_make_a_more_reliable_scale() -> None:
    a, b = known_parameters(8, seed=5)

    assert marginal_reliability(a * 1.5, b) > marginal_reliability(a, b)


def test_the_report_recodes_reverse_keyed_items_first(framework: Framework) -> None:
    item_ids = [item.id for item in framework.items_for("execution")]
    reverse = np.array([framework.item(i).reverse for i in item_ids])
    a, b = known_parameters(len(item_ids), seed=6)
    _, keyed = simulate_keyed(a, b, 1000, seed=7, blank_share=0.05)
    raw = np.where(reverse[None, :], 5.0 - keyed, keyed + 1.0)

    report = reliability_report(framework, item_ids, raw)

    scale = report["execution"]
    assert scale.n == 1000
    assert scale.alpha is not None and scale.alpha > 0.7
    assert scale.alpha_ci is not None and scale.alpha_ci[0] < scale.alpha < scale.alpha_ci[1]
    assert scale.omega is not None and scale.omega >= scale.alpha - 0.01
    assert scale.marginal is not None and 0.7 < scale.marginal < 1
    correlations = dict(scale.items)
    assert all(r is not None and r > 0.2 for r in correlations.values())
    assert [s.competency for s in report.scales] == ["execution"]


def test_the_report_takes_given_parameters_for_marginal(framework: Framework) -> None:
    item_ids = [item.id for item in framework.items_for("innovation")]
    a, b = known_parameters(len(item_ids), seed=8)
    _, keyed = simulate_keyed(a, b, 300, seed=9)
    reverse = np.array([framework.item(i).reverse for i in item_ids])
    raw = np.where(reverse[None, :], 5.0 - keyed, keyed + 1.0)
    calibration = calibrate(framework, item_ids, raw)

    report = reliability_report(framework, item_ids, raw, calibration=calibration)

    fitted_a = np.array([calibration.item(i).discrimination for i in item_ids])
    fitted_b = np.array([calibration.item(i).thresholds for i in item_ids])
    assert report["innovation"].marginal == pytest.approx(marginal_reliability(fitted_a, fitted_b))
