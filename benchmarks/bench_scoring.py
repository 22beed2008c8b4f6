"""Scoring throughput: batch EAP for 100k simulated respondents against a plain matmul of
the same shape (respondents x items by items x competencies)."""

from __future__ import annotations

import numpy as np

from benchmarks.common import Comparison, best_of
from pm_origins.engine import item_bank, score_matrix
from pm_origins.framework import load_framework

RESPONDENTS = 100_000


def run() -> list[Comparison]:
    framework = load_framework()
    bank = item_bank(framework)
    rng = np.random.default_rng(1)
    answers = rng.integers(1, 6, size=(RESPONDENTS, len(bank.item_ids))).astype(float)
    answers[rng.random(answers.shape) < 0.2] = np.nan  # a fifth left unanswered
    plain = np.nan_to_num(answers)
    subject = best_of(lambda: score_matrix(bank, answers), repeats=3)
    baseline = best_of(lambda: plain @ bank.keys)
    per_second = RESPONDENTS / subject
    return [
        Comparison(
            "scoring",
            f"score_matrix, GRM EAP on {len(bank.item_ids)} items x 81 grid points "
            f"({RESPONDENTS:,} respondents)",
            subject,
            "plain numpy matmul, same shape",
            baseline,
            f"{per_second:,.0f} respondents/s",
        )
    ]
