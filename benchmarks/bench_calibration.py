"""Calibration: our GRM fit against girth's `grm_mml` on the same simulated data.

3,000 respondents answer a 12-item, 5-point scale simulated from known
parameters (fixed seed), once with every answer given and once with a tenth of
the cells blank. Both fits are timed (median of 3 after a warm-up) and scored
against the truth: the correlation of true and fitted discriminations and the
RMSE of the thresholds.
"""

from __future__ import annotations

import os

import numpy as np

from benchmarks.common import Comparison, best_of
from pm_origins.engine import fit_grm
from pm_origins.engine.irt import FloatArray, cumulative_probabilities

RESPONDENTS = 3000
ITEMS = 12
POINTS = 5
GIRTH_BLANK = -99999  # girth's marker for a missing response


def simulated(blank_share: float, seed: int = 2026) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(a, b, keyed answers 0 .. 4 with NaN blanks)."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.7, 2.5, ITEMS)
    b = np.sort(rng.normal(0.0, 1.0, (ITEMS, POINTS - 1)), axis=1)
    theta = rng.normal(size=RESPONDENTS)
    star = cumulative_probabilities(theta, a, b)
    keyed = (rng.random((RESPONDENTS, ITEMS))[:, :, None] < star).sum(axis=2).astype(float)
    keyed[rng.random(keyed.shape) < blank_share] = np.nan
    return a, b, keyed


def accuracy(a: FloatArray, b: FloatArray, fitted_a: FloatArray, fitted_b: FloatArray) -> str:
    r = float(np.corrcoef(a, fitted_a)[0, 1])
    rmse = float(np.sqrt(np.mean(np.square(fitted_b - b))))
    return f"r(a)={r:.3f}, RMSE(b)={rmse:.3f}"


def run() -> list[Comparison]:
    try:
        from girth import grm_mml
    except ImportError:
        print("calibration: girth is not installed; `pip install -e '.[dev]'` brings it in")
        return []
    comparisons = []
    for label, blank_share in (("complete", 0.0), ("10% blank", 0.1)):
        a, b, keyed = simulated(blank_share)
        girth_data = np.where(np.isnan(keyed), GIRTH_BLANK, keyed + 1).astype(int).T
        ours = fit_grm(keyed, POINTS)
        theirs = grm_mml(girth_data)
        ours_seconds = best_of(lambda keyed=keyed: fit_grm(keyed, POINTS), repeats=3)
        girth_seconds = best_of(lambda data=girth_data: grm_mml(data), repeats=3)
        note = (
            f"ours {accuracy(a, b, ours.discrimination, ours.thresholds)}, "
            f"{ours.iterations} EM cycles; girth "
            f"{accuracy(a, b, theirs['Discrimination'], theirs['Difficulty'])}; "
            f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}"
        )
        comparisons.append(
            Comparison(
                f"calibration ({label})",
                f"fit_grm({RESPONDENTS:,} x {ITEMS})",
                ours_seconds,
                "girth.grm_mml",
                girth_seconds,
                note,
            )
        )
    return comparisons
