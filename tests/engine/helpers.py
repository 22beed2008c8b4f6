"""Answer sets that reproduce a given profile, for tests."""

from __future__ import annotations

from collections.abc import Mapping

from pm_origins.framework import Framework


def answers_for(framework: Framework, target: Mapping[str, float]) -> dict[str, int]:
    """Answers whose mean evidence per competency is as close to `target` as the scale allows.

    Error diffusion across a competency's items, so a target of 45 is reached
    by mixing 2s and 3s rather than rounding every answer the same way.
    """
    answers: dict[str, int] = {}
    for competency, score in target.items():
        carried = 0.0
        for item in framework.items_for(competency):
            wanted = score / 25.0 + carried  # 0-4 steps above the lowest answer
            step = max(0, min(4, round(wanted)))
            carried = wanted - step
            answers[item.id] = 5 - step if item.reverse else 1 + step
    return answers
