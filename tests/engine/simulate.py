"""Respondents simulated from known graded-response-model parameters, for tests."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from pm_origins.engine.irt import FloatArray, cumulative_probabilities


def known_parameters(items: int, seed: int, points: int = 5) -> tuple[FloatArray, FloatArray]:
    """Discriminations in 0.7-2.5 and ordered thresholds spread around 0."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.7, 2.5, items)
    centre = rng.normal(0.0, 0.5, items)
    gaps = rng.uniform(0.5, 1.2, (items, points - 1))
    b = centre[:, None] + np.cumsum(gaps, axis=1) - gaps.sum(axis=1, keepdims=True) / 2
    return a, b


def simulate_keyed(
    a: FloatArray, b: FloatArray, respondents: int, seed: int, blank_share: float = 0.0
) -> tuple[FloatArray, FloatArray]:
    """(theta, keyed answers 0 .. K-1 with NaN blanks) for people drawn from N(0, 1)."""
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=respondents)
    star = cumulative_probabilities(theta, a, b)
    keyed = (rng.random((respondents, len(a)))[:, :, None] < star).sum(axis=2).astype(float)
    keyed[rng.random(keyed.shape) < blank_share] = np.nan
    return theta, keyed


def moderate_parameters(items: int, seed: int, points: int = 5) -> tuple[FloatArray, FloatArray]:
    """Discriminations in 0.6-1.6 (moderately sharp questions, as behaviour-anchored
    Likert items tend to be) and ordered thresholds spread around 0."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.6, 1.6, items)
    centre = rng.normal(0.0, 0.5, items)
    gaps = rng.uniform(0.5, 1.2, (items, points - 1))
    b = centre[:, None] + np.cumsum(gaps, axis=1) - gaps.sum(axis=1, keepdims=True) / 2
    return a, b


def raw_answers(
    a: FloatArray,
    b: FloatArray,
    theta: FloatArray,
    reverse: npt.NDArray[np.bool_],
    seed: int,
) -> FloatArray:
    """Raw answers 1 .. K (reverse keys applied) for people at `theta` (N x I, each
    person's theta on each item's scale)."""
    rng = np.random.default_rng(seed)
    star = 1.0 / (1.0 + np.exp(-a[None, :, None] * (theta[:, :, None] - b[None])))
    keyed = (rng.random(theta.shape)[:, :, None] < star).sum(axis=2)
    points = b.shape[1] + 1
    return np.where(reverse[None, :], points - keyed, keyed + 1).astype(float)
