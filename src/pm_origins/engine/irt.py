"""The graded response model (Samejima), the measurement model behind every score.

An item with discrimination `a` and ordered thresholds `b_1 < ... < b_{K-1}` has
K answer categories (0 = lowest). For a person at `theta` (standard normal in
the population), the chance of answering in category k or higher is

    P(X >= k | theta) = 1 / (1 + exp(-a (theta - b_k)))      for k = 1 .. K-1,

with P(X >= 0) = 1 and P(X >= K) = 0; a category's own chance is the
difference of two neighbours. A reverse-keyed item is the same model applied
to the keyed answer (K - 1 - raw), so agreeing with it lowers theta.

These are the primitives that scoring, adaptive testing and calibration share:
category probabilities, their logarithms on a grid, and Fisher information.
Everything is numpy and vectorised over items and theta values.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# A fixed quadrature grid on the theta scale, wide enough that a N(0, 1)
# population and any prior this product uses put negligible mass outside it.
GRID_MIN = -5.0
GRID_MAX = 5.0
GRID_POINTS = 81
# The smallest category probability used inside a logarithm; keeps log-likelihoods
# finite for answers the model finds nearly impossible.
PROBABILITY_FLOOR = 1e-12


def theta_grid(points: int = GRID_POINTS) -> FloatArray:
    """The quadrature grid on the theta scale (evenly spaced)."""
    return np.linspace(GRID_MIN, GRID_MAX, points)


def cumulative_probabilities(theta: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    """P(X >= k | theta) for k = 1 .. K-1.

    Args:
        theta: any shape T (flattened to T values).
        a: discriminations, shape (I,).
        b: thresholds, shape (I, K-1), increasing along the last axis.
    Returns:
        Shape (T, I, K-1).
    """
    t = np.asarray(theta, dtype=float).reshape(-1, 1, 1)
    z = a[None, :, None] * (t - b[None, :, :])
    return 1.0 / (1.0 + np.exp(-z))


def category_probabilities(theta: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    """P(X = k | theta) for k = 0 .. K-1, shape (T, I, K); each row sums to 1."""
    star = cumulative_probabilities(theta, a, b)
    ones = np.ones((*star.shape[:2], 1))
    zeros = np.zeros((*star.shape[:2], 1))
    upper = np.concatenate([ones, star], axis=2)
    lower = np.concatenate([star, zeros], axis=2)
    clipped: FloatArray = np.clip(upper - lower, PROBABILITY_FLOOR, 1.0)
    return clipped


def log_category_probabilities(theta: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    """log P(X = k | theta), shape (T, I, K)."""
    return np.log(category_probabilities(theta, a, b))


def item_information(theta: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    """Fisher information of each item at each theta, shape (T, I).

    For the GRM, I(theta) = sum_k (P*_k' - P*_{k+1}')^2 / P_k with
    P*' = a P* (1 - P*); see Samejima (1969).
    """
    star = cumulative_probabilities(theta, a, b)
    slope = a[None, :, None] * star * (1.0 - star)
    zeros = np.zeros((*star.shape[:2], 1))
    upper = np.concatenate([zeros, slope], axis=2)
    lower = np.concatenate([slope, zeros], axis=2)
    probabilities = category_probabilities(theta, a, b)
    information: FloatArray = np.sum(np.square(upper - lower) / probabilities, axis=2)
    return information


def keyed_categories(raw: FloatArray, points: int, reverse: npt.NDArray[np.bool_]) -> FloatArray:
    """Raw answers (1 .. points, NaN when unanswered) as 0-based keyed categories.

    Args:
        raw: shape (N, I).
        points: answer options per item (K).
        reverse: shape (I,), True where the item is reverse-keyed.
    Returns:
        Shape (N, I): 0 .. K-1, NaN where unanswered.
    """
    return np.where(reverse[None, :], points - raw, raw - 1.0)
