"""The site's stored answers as calibration data: the CSV export and the reliability report.

Which answers count: finished assessments only (what results rest on), and
for a signed-in person only their latest one, so nobody is counted twice; a
guest's assessments cannot be told apart and each counts. Columns are the
current framework's questions; an answer to a question it no longer has is
left out. Nothing that names a person leaves: no email, no name, no token;
rows are numbered 1, 2, ...
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from pm_origins.engine import (
    Calibration,
    ReliabilityReport,
    calibrate,
    reliability_report,
    responses_csv,
)
from pm_origins.framework import Framework
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.core.framework import current_framework

# The reliability page fits the model on request: this many of the latest
# respondents at most, so its cost stays bounded whatever the site holds.
MAX_REPORT_RESPONDENTS = 3_000
REPORT_CACHE_SECONDS = 3600
_CHUNK = 500


def calibration_assessments(queryset: QuerySet[Assessment] | None = None) -> QuerySet[Assessment]:
    """Finished assessments, each signed-in person's latest only, newest first."""
    base = Assessment.objects.all() if queryset is None else queryset
    finished = base.filter(step=Assessment.Step.COMPLETE, result__isnull=False)
    latest_of_owner = (
        Assessment.objects.filter(
            owner=OuterRef("owner"), step=Assessment.Step.COMPLETE, result__isnull=False
        )
        .order_by("-completed_at", "-pk")
        .values("pk")[:1]
    )
    return finished.filter(Q(owner__isnull=True) | Q(pk=Subquery(latest_of_owner))).order_by(
        "-completed_at", "-pk"
    )


def _answer_rows(queryset: QuerySet[Assessment], framework: Framework) -> Iterator[dict[str, int]]:
    """Each assessment's answers to the framework's questions that fit their scale."""
    points = {item.id: framework.scale(item.scale).points for item in framework.items}
    for answers in queryset.values_list("answers", flat=True).iterator(chunk_size=_CHUNK):
        if not isinstance(answers, dict):
            continue
        usable = {
            item_id: value
            for item_id, value in answers.items()
            if item_id in points
            and isinstance(value, int)
            and not isinstance(value, bool)
            and 1 <= value <= points[item_id]
        }
        if usable:
            yield usable


def responses_export(
    *, assessments: QuerySet[Assessment] | None = None, framework: Framework | None = None
) -> Iterator[str]:
    """The stored answers in the responses CSV format, line by line.

    Args:
        assessments: limit the export to these (an admin selection); the rules
            above still apply. None means every assessment.
        framework: whose questions make the columns; default the site's current one.
    """
    framework = framework or current_framework()
    item_ids = [item.id for item in framework.items]
    return responses_csv(item_ids, _answer_rows(calibration_assessments(assessments), framework))


@dataclass(frozen=True)
class SiteReliability:
    """The reliability report of the site's own stored answers."""

    framework_version: str
    respondents: int
    capped: bool  # True when only the latest MAX_REPORT_RESPONDENTS were used
    calibration: Calibration
    report: ReliabilityReport


def site_reliability(*, limit: int = MAX_REPORT_RESPONDENTS) -> SiteReliability | None:
    """Fit and report on the latest `limit` respondents; None when nobody has answered.

    The result is cached until a new result is finished (or an hour passes),
    so reloading the page does not fit the model again.
    """
    framework = current_framework()
    queryset = calibration_assessments()
    newest = queryset.aggregate(latest=Max("completed_at"), total=Count("pk"))
    latest = newest["latest"].timestamp() if newest["latest"] else 0
    key = f"site-reliability:{framework.version}:{latest}:{newest['total']}:{limit}"
    cached = cache.get(key)
    if isinstance(cached, SiteReliability):
        return cached
    item_ids = [item.id for item in framework.items]
    column = {item_id: index for index, item_id in enumerate(item_ids)}
    rows = []
    for answers in _answer_rows(queryset[: limit + 1], framework):
        row = np.full(len(item_ids), np.nan)
        for item_id, value in answers.items():
            row[column[item_id]] = value
        rows.append(row)
    if not rows:
        return None
    capped = len(rows) > limit
    answers_matrix = np.vstack(rows[:limit])
    calibration = calibrate(framework, item_ids, answers_matrix)
    result = SiteReliability(
        framework_version=framework.version,
        respondents=int(answers_matrix.shape[0]),
        capped=capped,
        calibration=calibration,
        report=reliability_report(framework, item_ids, answers_matrix, calibration=calibration),
    )
    cache.set(key, result, REPORT_CACHE_SECONDS)
    return result
