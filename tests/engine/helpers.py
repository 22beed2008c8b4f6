"""Answer sets that reproduce a given profile, for tests."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from pm_origins.engine.irt import cumulative_probabilities
from pm_origins.engine.scoring import to_theta
from pm_origins.framework import Framework


def answers_for(framework: Framework, target: Mapping[str, float]) -> dict[str, int]:
    """Answers that a person at the `target` scores (0-100) would give on average.

    Each score is mapped back to theta (the framework's score scale); each item's
    expected keyed answer there under its graded-response-model parameters is
    rounded with error diffusion across the competency's items, so a level
    between two answers is reached by mixing them rather than rounding every
    answer the same way.
    """
    answers: dict[str, int] = {}
    for competency, score in target.items():
        theta = float(to_theta(framework.score_scale, score))
        carried = 0.0
        for item in framework.items_for(competency):
            star = cumulative_probabilities(
                np.array([theta]), np.array([item.discrimination]), np.array([item.thresholds])
            )
            wanted = float(star.sum()) + carried  # expected keyed answer, 0 .. K-1
            top = len(item.thresholds)
            step = max(0, min(top, round(wanted)))
            carried = wanted - step
            answers[item.id] = top + 1 - step if item.reverse else 1 + step
    return answers


def ux_style_answers(framework: Framework) -> dict[str, int]:
    """The answers of someone whose practice looks like a UX designer's: frequent
    innovation and UX work, research often, execution and analytics now and then."""
    steps = {"innovation": 4, "ux": 4, "research": 3, "execution": 2, "analytics": 2}
    return {
        item.id: (5 - steps.get(item.competency, 1))
        if item.reverse
        else 1 + steps.get(item.competency, 1)
        for item in framework.items
    }
