"""Finished results with simulated answers, made straight in the database for speed."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils import timezone

from pm_origins.engine.irt import cumulative_probabilities
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.core.framework import current_framework


def simulated_answers(count: int, seed: int = 1) -> list[dict[str, int]]:
    """Answers to every question from people on one latent trait per competency."""
    framework = current_framework()
    items = framework.items
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.9, 2.2, len(items))
    b = np.sort(rng.normal(0.0, 1.0, (len(items), 4)), axis=1)
    column = np.array([framework.competency_ids.index(item.competency) for item in items])
    theta = rng.normal(size=(count, len(framework.competency_ids)))
    rows = []
    for person in range(count):
        star = cumulative_probabilities(np.zeros(1), a, b - theta[person, column][:, None])[0]
        keyed = (rng.random(len(items))[:, None] < star).sum(axis=1)
        rows.append(
            {
                item.id: int(4 - k + 1) if item.reverse else int(k + 1)
                for item, k in zip(items, keyed, strict=True)
            }
        )
    return rows


def finished_results(answers: list[dict[str, int]], owner: Any = None) -> list[Assessment]:
    snapshot = services.snapshot_current()
    now = timezone.now()
    return Assessment.objects.bulk_create(
        Assessment(
            owner=owner,
            framework=snapshot,
            answers=row,
            step=Assessment.Step.COMPLETE,
            result={"origins": []},
            completed_at=now - timezone.timedelta(minutes=len(answers) - index),
        )
        for index, row in enumerate(answers)
    )
