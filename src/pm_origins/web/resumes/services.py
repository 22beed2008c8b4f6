"""Résumés in the find-your-origin flow: read one, review it, use it in the result.

Reading runs the sentence model in the request, not through the task queue: a
task's arguments are a database row that outlives the run, and the résumé's text
may not be stored without consent (see docs/EVIDENCE.md, "Slow work"). The cost
is bounded: a 5 MB file, 50,000 characters, at most 200 bullets, well under a
second once the model is loaded in the worker.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from pm_origins.engine import BulletCompetency, EvidenceBullet
from pm_origins.evidence import ResumeAnalysis, analyze_resume, clean_text, resume_text
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.core.errors import DomainError
from pm_origins.web.resumes.models import ResumeReading

PASTED = "pasted text"
ALREADY_COMPLETE = "This assessment is finished; start a new one to bring a résumé."
UNKNOWN_BULLETS = "Some of the bullets chosen are not part of this résumé."
KEPT_NOTE = "Your résumé text was kept with this result, as you asked."
NOT_KEPT_NOTE = (
    "Your résumé text was not kept: only what each bullet showed (its competencies and "
    "role) was saved, not its words."
)


class ResumeError(DomainError):
    pass


def _check_open(assessment: Assessment) -> None:
    if assessment.is_complete:
        raise ResumeError(ALREADY_COMPLETE)


@transaction.atomic
def resume_read(
    *,
    assessment: Assessment,
    keep_text: bool,
    today: date,
    pasted: str | None = None,
    upload: tuple[str, bytes] | None = None,
) -> tuple[ResumeReading, ResumeAnalysis]:
    """Read a pasted or uploaded résumé and store what may be kept.

    Args:
        assessment: an unfinished assessment.
        keep_text: the person agreed to keep the résumé's text.
        today: the date "Present" means.
        pasted: pasted text, or
        upload: (file name, bytes) of an uploaded file.
    Returns:
        The stored reading and the full analysis (with the bullets' words, for
        showing them once even when they are not kept).
    Raises:
        ResumeError: the assessment is finished.
        ResumeFileError: the file or text cannot be read.
        EvidenceUnavailable: résumé reading is not installed.
    """
    _check_open(assessment)
    if upload is not None:
        name, data = upload
        text, source = resume_text(data, name), name[-200:]
    else:
        text, source = clean_text(pasted or "", source="The pasted text"), PASTED
    analysis = analyze_resume(text, today=today)
    reading, _ = ResumeReading.objects.update_or_create(
        assessment=assessment,
        defaults={
            "source": source,
            "text_kept": keep_text,
            "text": text if keep_text else "",
            "bullets": [
                {
                    "id": b.id,
                    "text": b.text if keep_text else "",
                    "role": b.role,
                    "competencies": [{"id": c.id, "score": c.score} for c in b.competencies],
                }
                for b in analysis.bullets
            ],
            "roles": [
                {
                    "title": r.title,
                    "employer": r.employer if keep_text else "",
                    "years": r.years,
                    "years_ago": r.years_ago,
                    "current": r.current,
                }
                for r in analysis.roles
            ],
            "rejected": [],
        },
    )
    return reading, analysis


def resume_review(*, assessment: Assessment, rejected: list[str]) -> ResumeReading:
    """Record which bullets the person says were read wrongly (replacing any earlier choice).

    Raises:
        ResumeError: the assessment is finished, has no résumé, or an id is unknown.
    """
    _check_open(assessment)
    reading = ResumeReading.objects.get(assessment=assessment)
    known = {b["id"] for b in reading.bullets}
    if not set(rejected) <= known:
        raise ResumeError(UNKNOWN_BULLETS)
    reading.rejected = sorted(set(rejected), key=lambda b: int(b[1:]))
    reading.save(update_fields=["rejected"])
    return reading


def resume_forget(*, assessment: Assessment) -> None:
    """Drop the résumé from an unfinished assessment."""
    _check_open(assessment)
    ResumeReading.objects.filter(assessment=assessment).delete()


def evidence_of(assessment: Assessment) -> tuple[tuple[EvidenceBullet, ...], list[str]]:
    """The stored résumé bullets for `engine.evaluate`, and the rejected ids."""
    reading = ResumeReading.objects.filter(assessment=assessment).first()
    if reading is None:
        return (), []
    bullets = tuple(
        EvidenceBullet(
            b["id"],
            b["text"],
            b["role"],
            tuple(BulletCompetency(c["id"], float(c["score"])) for c in b["competencies"]),
        )
        for b in reading.bullets
    )
    return bullets, list(reading.rejected)


def kept_note(assessment: Assessment) -> dict[str, Any] | None:
    """What a result's exports say about the résumé behind it; None without one."""
    reading = ResumeReading.objects.filter(assessment=assessment).first()
    if reading is None:
        return None
    return {
        "source": reading.source,
        "text_kept": reading.text_kept,
        "bullets": len(reading.bullets),
        "rejected": list(reading.rejected),
        "note": KEPT_NOTE if reading.text_kept else NOT_KEPT_NOTE,
    }


def user_export(user: User) -> list[dict[str, Any]]:
    """Everything stored about a user's résumés, for "export my data": one entry per
    assessment that has one, saying whether its text was kept."""
    readings = ResumeReading.objects.filter(assessment__owner=user).select_related("assessment")
    return [
        {
            "assessment": reading.assessment.token,
            "source": reading.source,
            "text_kept": reading.text_kept,
            "note": KEPT_NOTE if reading.text_kept else NOT_KEPT_NOTE,
            "text": reading.text,
            "bullets": reading.bullets,
            "roles": reading.roles,
            "rejected": reading.rejected,
            "created": reading.created.isoformat(),
        }
        for reading in readings.order_by("created")
    ]
