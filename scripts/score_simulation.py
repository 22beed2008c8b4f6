"""Check the scores against their own model and print the figures for docs/PERFORMANCE.md.

Simulates respondents from the bundled item parameters (theta ~ N(0, 1) per
competency, answers from the graded response model), scores them with the
product's scorer at full, half and quarter length, and prints per length: how
often the 90% band holds the true level, the RMSE of the score (theta and
points), and the marginal reliability. Then the response checks: how many
model-consistent and how many uniformly random responders are flagged.

    .venv/bin/python scripts/score_simulation.py [respondents] [seed]
"""

from __future__ import annotations

import sys

import numpy as np

from pm_origins.engine.quality import FLAGS, quality_matrix
from pm_origins.engine.scoring import item_bank, posterior_matrix, simulate_answers, to_points
from pm_origins.framework import load_framework


def shortened(bank_index: np.ndarray, raw: np.ndarray, share: float) -> np.ndarray:
    kept = raw.copy()
    for column in np.unique(bank_index):
        items = np.flatnonzero(bank_index == column)
        kept[:, items[max(1, round(len(items) * share)) :]] = np.nan
    return kept


def main(respondents: int = 10_000, seed: int = 2026) -> None:
    framework = load_framework()
    bank = item_bank(framework)
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=(respondents, len(bank.competency_ids)))
    raw = simulate_answers(bank, theta, rng)
    print(f"{respondents:,} simulated respondents, seed {seed}, framework {framework.version}")
    print("length   items/scale  coverage(90% band)  RMSE theta  RMSE points  reliability")
    for name, share in (("full", 1.0), ("half", 0.5), ("quarter", 0.25)):
        answers = shortened(bank.competency_index, raw, share)
        posterior, counts = posterior_matrix(bank, answers)
        inside = float(np.mean((posterior.low <= theta) & (theta <= posterior.high)))
        rmse_theta = float(np.sqrt(np.mean(np.square(posterior.theta - theta))))
        points = to_points(bank.scale, posterior.theta) - to_points(bank.scale, theta)
        rmse_points = float(np.sqrt(np.mean(np.square(points))))
        reliability = float(np.mean(1.0 - np.mean(np.square(posterior.sd), axis=0)))
        print(
            f"{name:8} {counts.mean():11.1f}  {inside:18.3f}  {rmse_theta:10.3f}  "
            f"{rmse_points:11.2f}  {reliability:11.3f}"
        )
    print("response checks: share flagged (any flag, then per flag " + ", ".join(FLAGS) + ")")
    for name, share in (("full", 1.0), ("half", 0.5)):
        model = quality_matrix(bank, shortened(bank.competency_index, raw, share))
        noise = rng.integers(1, 6, size=raw.shape).astype(float)
        random = quality_matrix(bank, shortened(bank.competency_index, noise, share))
        for who, found in (("model", model), ("random", random)):
            per_flag = " ".join(f"{v:.3f}" for v in found.flags.mean(axis=0))
            print(f"{name:5} {who:7} {found.flagged.mean():.3f}  ({per_flag})")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
