"""The scores checked against their own model: people simulated from the bundled item
parameters, scored, and compared with their true level."""

from __future__ import annotations

import numpy as np
import pytest

from pm_origins.engine.scoring import (
    item_bank,
    posterior_matrix,
    score_matrix,
    simulate_answers,
    to_points,
)
from pm_origins.framework import Framework

RESPONDENTS = 10_000


def _shortened(framework: Framework, raw: np.ndarray, share: float) -> np.ndarray:
    """Keep the first `share` of each competency's items (at least one); blank the rest."""
    bank = item_bank(framework)
    kept = raw.copy()
    for column in range(len(bank.competency_ids)):
        items = np.flatnonzero(bank.competency_index == column)
        keep = max(1, round(len(items) * share))
        kept[:, items[keep:]] = np.nan
    return kept


@pytest.fixture(scope="module")
def simulated(framework: Framework) -> tuple[np.ndarray, np.ndarray]:
    bank = item_bank(framework)
    rng = np.random.default_rng(2026)
    theta = rng.normal(size=(RESPONDENTS, len(bank.competency_ids)))
    return theta, simulate_answers(bank, theta, rng)


@pytest.mark.parametrize("share", [1.0, 0.5, 0.25])
def test_the_90_percent_band_holds_the_true_level_9_times_in_10(
    framework: Framework, simulated: tuple[np.ndarray, np.ndarray], share: float
) -> None:
    theta, raw = simulated
    bank = item_bank(framework)
    posterior, _ = posterior_matrix(bank, _shortened(framework, raw, share))
    inside = (posterior.low <= theta) & (theta <= posterior.high)
    # Every competency on its own, and all together, on the theta scale ...
    assert np.all((inside.mean(axis=0) > 0.88) & (inside.mean(axis=0) < 0.92))
    # ... and on the 0-100 score scale, where clipping can only add ties at the ends.
    scale = bank.scale
    true_points = to_points(scale, theta)
    on_points = (to_points(scale, posterior.low) <= true_points) & (
        true_points <= to_points(scale, posterior.high)
    )
    assert 0.88 < on_points.mean() < 0.92


def test_a_full_scale_has_a_marginal_reliability_of_about_80(
    framework: Framework, simulated: tuple[np.ndarray, np.ndarray]
) -> None:
    theta, raw = simulated
    posterior, _ = posterior_matrix(item_bank(framework), raw)
    reliability = 1.0 - np.mean(np.square(posterior.sd), axis=0)
    assert np.all((reliability > 0.76) & (reliability < 0.83))
    # The EAP tracks the truth about as well as the reliability says.
    correlation = [np.corrcoef(theta[:, c], posterior.theta[:, c])[0, 1] for c in range(6)]
    assert np.all(np.square(correlation) == pytest.approx(reliability, abs=0.03))


def test_shorter_questionnaires_have_larger_errors(
    framework: Framework, simulated: tuple[np.ndarray, np.ndarray]
) -> None:
    theta, raw = simulated
    bank = item_bank(framework)
    errors = []
    for share in (1.0, 0.5, 0.25):
        score, _, _ = score_matrix(bank, _shortened(framework, raw, share))
        errors.append(float(np.sqrt(np.mean(np.square(score - to_points(bank.scale, theta))))))
    assert errors == sorted(errors)
    assert errors[0] < 0.5 * 20  # under half a population SD at full length
