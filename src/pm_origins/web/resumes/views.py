from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from pm_origins.evidence import (
    MAX_UPLOAD_BYTES,
    EvidenceUnavailable,
    ResumeAnalysis,
    ResumeFileError,
)
from pm_origins.web.assessments import services as assessment_services
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.assessments.views import draft_step
from pm_origins.web.resumes import services
from pm_origins.web.resumes.forms import FILE_TOO_LARGE, ResumeForm, ReviewForm
from pm_origins.web.resumes.models import ResumeReading

# The file plus the form's other fields; a larger body is refused before it is parsed.
MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 128 * 1024
UNAVAILABLE = (
    "Reading résumés is not available on this site right now. Skip this step: your roles "
    "and answers are enough."
)


@csrf_exempt  # checked just below, once the body is known to be small enough to parse
def resume(request: HttpRequest, token: str) -> HttpResponse:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = MAX_BODY_BYTES + 1
    if request.method == "POST" and length > MAX_BODY_BYTES:
        return render(request, "resumes/too_large.html", {"message": FILE_TOO_LARGE}, status=413)
    return _resume(request, token)


@csrf_protect
@draft_step
def _resume(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    problem = None
    if request.method == "POST":
        form = ResumeForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            try:
                reading, analysis = services.resume_read(
                    assessment=assessment,
                    keep_text=form.cleaned_data["keep_text"],
                    today=date.today(),
                    pasted=form.cleaned_data.get("text"),
                    upload=(upload.name, upload.read()) if upload else None,
                )
            except ResumeFileError as exc:
                form.add_error("file" if upload else "text", exc.message)
            except EvidenceUnavailable:
                problem = UNAVAILABLE
            else:
                return _review_page(request, assessment, reading, analysis)
    else:
        form = ResumeForm()
    return render(
        request,
        "resumes/resume.html",
        {"assessment": assessment, "form": form, "problem": problem},
    )


@csrf_protect
@draft_step
def review(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    reading = ResumeReading.objects.filter(assessment=assessment).first()
    if reading is None:
        return redirect("resumes:resume", token=assessment.token)
    if request.method == "POST":
        if "forget" in request.POST:
            services.resume_forget(assessment=assessment)
            return redirect("resumes:resume", token=assessment.token)
        form = ReviewForm(request.POST, bullet_ids=[b["id"] for b in reading.bullets])
        if form.is_valid():
            services.resume_review(assessment=assessment, rejected=form.cleaned_data["rejected"])
            return redirect("assessments:questions", token=assessment.token, page=1)
    return _review_page(request, assessment, reading, None)


def _review_page(
    request: HttpRequest,
    assessment: Assessment,
    reading: ResumeReading,
    analysis: ResumeAnalysis | None,
) -> HttpResponse:
    """The reading, with each bullet's words when they are at hand (just read, or kept)."""
    framework = assessment_services.framework_of(assessment)
    names = {c.id: c.name for c in framework.competencies}
    words = {b.id: b.text for b in analysis.bullets} if analysis else {}
    bullets: list[dict[str, Any]] = [
        {
            "id": b["id"],
            "text": words.get(b["id"]) or b["text"],
            "role": b["role"],
            "competencies": [
                {"name": names.get(c["id"], c["id"]), "score": c["score"]}
                for c in b["competencies"]
            ],
            "rejected": b["id"] in reading.rejected,
        }
        for b in reading.bullets
    ]
    return render(
        request,
        "resumes/review.html",
        {
            "assessment": assessment,
            "reading": reading,
            "roles": reading.roles,
            "shown": [b for b in bullets if b["competencies"]],
            "abstained": [b for b in bullets if not b["competencies"]],
        },
    )
