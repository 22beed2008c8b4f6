"""Assessment mails, sent by the task worker.

A task takes the assessment's id and the address, never the link: the worker reads
the secret token when it sends, so no live link waits in the task queue.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from pm_origins.web.assessments.models import Assessment


@task()
def send_resume_link(*, assessment_id: int, email: str, site_url: str) -> None:
    """The link that carries on an unfinished assessment (nothing once it is finished
    or deleted: the link would no longer lead to unanswered questions)."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None or assessment.step == Assessment.Step.COMPLETE:
        return
    link = site_url + reverse("assessments:resume", args=[assessment.token])
    context = {"link": link}
    subject = render_to_string("assessments/email/resume_subject.txt", context).strip()
    body = render_to_string("assessments/email/resume.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
