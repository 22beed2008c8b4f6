"""How reliable each competency's scale is, from responses: alpha, omega, marginal.

All statistics are computed on keyed answers (reverse-keyed items flipped
first), per competency:

- `alpha`: Cronbach's alpha, k / (k - 1) * (1 - sum of item variances /
  variance of the sum), with a 95% interval by Feldt's F distribution.
- `omega`: McDonald's omega for one factor, (sum of loadings)^2 /
  ((sum of loadings)^2 + sum of unique variances). The factor is fitted to the
  items' correlation matrix by iterated principal axes (the unweighted least
  squares, or "minres", solution), then rescaled to the items' variances so
  omega describes the same raw sum score as alpha.
- `marginal`: the graded response model's marginal reliability,
  1 / (1 + E[1 / I(theta)]) with I the scale's test information and theta ~
  N(0, 1): the share of score variance that is true variance, from the model.
- `items`: each item's corrected item-total correlation (with the sum of the
  scale's other items).

Unanswered cells: every covariance is computed pairwise, from the people who
answered both items (as R's psych::alpha does by default), and alpha, omega and
the item-total correlations all come from that one covariance matrix. With no
blanks this is exactly the textbook computation. Feldt's interval takes the
smallest number of people behind any one covariance as its sample size, so
blanks widen it rather than hide. `n` counts people who answered at least one
item of the scale. A statistic the data cannot support (fewer than two items,
a pair of items nobody answered together, an item everyone answered alike) is
None rather than a made-up number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from pm_origins.engine.calibration import Calibration, calibrate, population_weights
from pm_origins.engine.irt import FloatArray, item_information, keyed_categories, theta_grid
from pm_origins.framework import Framework

CONFIDENCE = 0.95
HEYWOOD_LIMIT = 0.995  # communalities stop here: a unique variance of zero is not believable
_FACTOR_ITERATIONS = 500
_FACTOR_TOLERANCE = 1e-7


@dataclass(frozen=True)
class ScaleReliability:
    """The reliability of one competency's scale; None where the data cannot say."""

    competency: str
    n: int
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    omega: float | None
    marginal: float | None
    items: tuple[tuple[str, float | None], ...]  # (item id, corrected item-total r)


@dataclass(frozen=True)
class ReliabilityReport:
    scales: tuple[ScaleReliability, ...]

    def __getitem__(self, competency: str) -> ScaleReliability:
        for scale in self.scales:
            if scale.competency == competency:
                return scale
        raise KeyError(competency)


def pairwise_covariance(values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Covariances (n - 1 denominator) of the columns from pairwise-complete rows.

    Args:
        values: (N, I), NaN where missing.
    Returns:
        (covariance, counts), both (I, I); a covariance is NaN where fewer
        than two rows have both values.
    """
    present = (~np.isnan(values)).astype(float)
    filled = np.nan_to_num(values)
    counts = present.T @ present
    products = filled.T @ filled
    sums = filled.T @ present  # [i, j]: sum of item i over rows where j is present
    with np.errstate(invalid="ignore", divide="ignore"):
        covariance = (products - sums * sums.T / counts) / (counts - 1)
    covariance[counts < 2] = np.nan
    return covariance, counts


def alpha_from_covariance(covariance: FloatArray) -> float | None:
    """Cronbach's alpha of the sum of the items with this covariance matrix."""
    k = int(covariance.shape[0])
    total = float(np.sum(covariance))
    if k < 2 or not np.all(np.isfinite(covariance)) or total <= 0:
        return None
    return k / (k - 1) * (1.0 - float(np.trace(covariance)) / total)


def item_rest_correlations(covariance: FloatArray) -> list[float | None]:
    """Each item's correlation with the sum of the other items."""
    k = covariance.shape[0]
    out: list[float | None] = []
    if k < 2 or not np.all(np.isfinite(covariance)):
        return [None] * k
    total = float(np.sum(covariance))
    for i in range(k):
        with_rest = float(np.sum(covariance[i]) - covariance[i, i])
        rest_variance = total - 2 * float(np.sum(covariance[i])) + float(covariance[i, i])
        own = float(covariance[i, i])
        usable = own > 0 and rest_variance > 0
        out.append(with_rest / math.sqrt(own * rest_variance) if usable else None)
    return out


def one_factor_loadings(correlation: FloatArray) -> FloatArray:
    """Standardised loadings of one factor by iterated principal axes (minres)."""
    k = correlation.shape[0]
    off = correlation - np.eye(k)
    communality = np.clip(np.max(np.abs(off), axis=1), 0.05, HEYWOOD_LIMIT)
    loadings = np.sqrt(communality)
    for _ in range(_FACTOR_ITERATIONS):
        reduced = off + np.diag(communality)
        values, vectors = np.linalg.eigh(reduced)
        loadings = vectors[:, -1] * math.sqrt(max(float(values[-1]), 0.0))
        updated = np.clip(np.square(loadings), 0.0, HEYWOOD_LIMIT)
        if np.max(np.abs(updated - communality)) < _FACTOR_TOLERANCE:
            communality = updated
            break
        communality = updated
    if np.sum(loadings) < 0:
        loadings = -loadings
    limited: FloatArray = np.clip(loadings, -math.sqrt(HEYWOOD_LIMIT), math.sqrt(HEYWOOD_LIMIT))
    return limited


def omega_from_covariance(covariance: FloatArray) -> float | None:
    """McDonald's omega (one factor) for the sum of the items with this covariance."""
    k = covariance.shape[0]
    if k < 2 or not np.all(np.isfinite(covariance)):
        return None
    variances = np.diag(covariance)
    if np.any(variances <= 0):
        return None
    sd = np.sqrt(variances)
    correlation = covariance / np.outer(sd, sd)
    loadings = one_factor_loadings(correlation)
    common = float(np.sum(loadings * sd)) ** 2
    unique = float(np.sum((1.0 - np.square(loadings)) * variances))
    return common / (common + unique)


def marginal_reliability(
    discrimination: FloatArray, thresholds: FloatArray, grid: FloatArray | None = None
) -> float:
    """The GRM's marginal reliability, 1 / (1 + E[1 / I(theta)]), theta ~ N(0, 1)."""
    grid = theta_grid() if grid is None else grid
    information = item_information(grid, discrimination, thresholds).sum(axis=1)
    error = float(np.sum(population_weights(grid) / np.maximum(information, 1e-12)))
    return 1.0 / (1.0 + error)


def _regularised_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), by the continued fraction (Lentz's method)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def _beta_fraction(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 100_000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return h


def f_quantile(probability: float, df1: float, df2: float) -> float:
    """The `probability` quantile of the F distribution with (df1, df2) degrees of freedom."""
    low, high = 0.0, 1.0
    for _ in range(200):
        middle = (low + high) / 2
        if _regularised_beta(df1 / 2, df2 / 2, middle) < probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-15:
            break
    y = (low + high) / 2
    return df2 * y / (df1 * (1.0 - y))


def feldt_interval(
    alpha: float, n: int, k: int, confidence: float = CONFIDENCE
) -> tuple[float, float] | None:
    """Feldt's (1965) interval for alpha: (1 - rho) / (1 - alpha) ~ F(n - 1, (n - 1)(k - 1))."""
    if n < 3 or k < 2:
        return None
    df1, df2 = n - 1.0, (n - 1.0) * (k - 1.0)
    tail = (1.0 - confidence) / 2
    return (
        1.0 - (1.0 - alpha) * f_quantile(1.0 - tail, df1, df2),
        1.0 - (1.0 - alpha) * f_quantile(tail, df1, df2),
    )


def scale_reliability(
    competency: str,
    item_ids: Sequence[str],
    keyed: FloatArray,
    calibration: Calibration | None = None,
) -> ScaleReliability:
    """Alpha, omega, item-total correlations and (given fitted parameters) marginal.

    Args:
        competency: the competency id, for the result.
        item_ids: the columns of `keyed`.
        keyed: (N, I) keyed answers (reverse-keyed items already flipped), NaN blank.
        calibration: fitted parameters for these items, or None for no `marginal`.
    """
    answered = ~np.all(np.isnan(keyed), axis=1)
    covariance, counts = pairwise_covariance(keyed[answered])
    alpha = alpha_from_covariance(covariance)
    k = len(item_ids)
    interval = None
    if alpha is not None:
        interval = feldt_interval(alpha, int(np.min(counts)), k)
    marginal = None
    if calibration is not None:
        try:
            fitted = [calibration.item(item_id) for item_id in item_ids]
        except KeyError:
            fitted = []
        if fitted:
            marginal = marginal_reliability(
                np.array([f.discrimination for f in fitted]),
                np.array([f.thresholds for f in fitted]),
            )
    return ScaleReliability(
        competency=competency,
        n=int(answered.sum()),
        alpha=alpha,
        alpha_ci=interval,
        omega=omega_from_covariance(covariance),
        marginal=marginal,
        items=tuple(zip(item_ids, item_rest_correlations(covariance), strict=True)),
    )


def reliability_report(
    framework: Framework,
    item_ids: Sequence[str],
    answers: FloatArray,
    *,
    calibration: Calibration | None = None,
) -> ReliabilityReport:
    """The reliability of every competency that has answered items in `answers`.

    Args:
        framework: says each item's competency, scale and reverse key.
        item_ids: the columns of `answers`.
        answers: (N, I) raw answers 1 .. points, NaN where unanswered.
        calibration: parameters fitted to these answers; fitted here when None
            (the model-based `marginal` comes from them).
    """
    answers = np.asarray(answers, dtype=float)
    if calibration is None:
        calibration = calibrate(framework, item_ids, answers)
    column = {item_id: index for index, item_id in enumerate(item_ids)}
    scales: list[ScaleReliability] = []
    for competency in framework.competency_ids:
        members = [
            item
            for item in framework.items_for(competency)
            if item.id in column and np.any(~np.isnan(answers[:, column[item.id]]))
        ]
        if not members:
            continue
        raw = answers[:, [column[item.id] for item in members]]
        # Keyed column by column, so items on scales of different lengths still combine.
        keyed = np.column_stack(
            [
                keyed_categories(
                    raw[:, [j]], framework.scale(item.scale).points, np.array([item.reverse])
                )
                for j, item in enumerate(members)
            ]
        )
        scales.append(
            scale_reliability(competency, [item.id for item in members], keyed, calibration)
        )
    return ReliabilityReport(tuple(scales))
