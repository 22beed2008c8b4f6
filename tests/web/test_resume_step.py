"""The optional "bring your résumé" step: read, review, reject, and what is kept."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from evidence.documents import encrypted_pdf, image_only_pdf, text_pdf, zip_bomb_docx
from pm_origins.web.accounts import exports
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.resumes.models import ResumeReading

from .assess_helpers import roles_post, start

RESUME = """\
Experience
QA Engineer, Brightpay | Jan 2015 - Dec 2018
- Automated 900 regression tests in Selenium that run on every pull request.
- Interviewed 12 merchants to learn why they abandoned the invoicing flow.
- Keen sailor and member of the local rowing club.
"""


def resume_url(assessment: Assessment, name: str = "resumes:resume") -> str:
    return reverse(name, args=[assessment.token])


def paste(client: Client, assessment: Assessment, **extra: Any) -> Any:
    return client.post(resume_url(assessment), {"text": RESUME, **extra})


def with_role(client: Client, assessment: Assessment) -> None:
    response = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "5", "0")], to_resume="1"),
    )
    assert response.status_code == 302
    assessment.refresh_from_db()


def test_the_roles_step_offers_the_resume_step_and_skipping_it_still_works(
    client: Client,
) -> None:
    assessment = start(client)

    to_resume = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "5", "0")], to_resume="1"),
    )
    page = client.get(to_resume["Location"])

    assert to_resume["Location"] == resume_url(assessment)
    assert "Skip this step" in page.content.decode()
    assert reverse("assessments:questions", args=[assessment.token, 1]) in page.content.decode()


def test_pasted_text_is_read_and_shown_with_its_bullets_and_roles(client: Client) -> None:
    assessment = start(client)

    response = paste(client, assessment)

    html = response.content.decode()
    assert response.status_code == 200
    assert "“Automated 900 regression tests in Selenium" in html
    assert "Development Execution" in html
    assert "QA Engineer: 4 years, ended" in html  # the employer is not kept without consent
    assert "1 bullet showed none of the six" in html


def test_without_keep_the_text_is_not_stored(client: Client) -> None:
    assessment = start(client)

    paste(client, assessment)

    reading = ResumeReading.objects.get(assessment=assessment)
    assert reading.text == "" and not reading.text_kept
    assert all(b["text"] == "" for b in reading.bullets)
    assert reading.bullets[0]["competencies"][0]["id"] == "execution"
    assert "Brightpay" not in json.dumps(reading.roles)


def test_with_keep_the_text_is_stored(client: Client) -> None:
    assessment = start(client)

    paste(client, assessment, keep_text="on")

    reading = ResumeReading.objects.get(assessment=assessment)
    assert reading.text_kept and "Brightpay" in reading.text
    assert reading.bullets[0]["text"].startswith("Automated 900")


def test_rejected_bullets_drop_out_of_the_result_and_exports_say_what_was_kept(
    client: Client,
) -> None:
    assessment = start(client)
    with_role(client, assessment)
    paste(client, assessment, keep_text="on")

    review = client.post(resume_url(assessment, "resumes:review"), {"rejected": ["b1"]})
    services.assessment_complete(assessment=assessment, target=None)
    assessment.refresh_from_db()
    page = client.get(reverse("assessments:result", args=[assessment.token])).content.decode()
    exported = client.get(reverse("assessments:export", args=[assessment.token, "json"])).json()

    assert review["Location"] == reverse("assessments:questions", args=[assessment.token, 1])
    assert [b["rejected"] for b in assessment.result["evidence"]] == [True, False, False]
    assert "From your résumé" in page
    assert "“Interviewed 12 merchants" in page
    assert "“Automated 900 regression tests" not in page
    assert exported["resume"]["text_kept"] is True
    assert exported["resume"]["rejected"] == ["b1"]


def test_a_result_without_kept_text_says_so_and_quotes_nothing(client: Client) -> None:
    assessment = start(client)
    with_role(client, assessment)
    paste(client, assessment)

    services.assessment_complete(assessment=assessment, target=None)
    assessment.refresh_from_db()
    page = client.get(reverse("assessments:result", args=[assessment.token])).content.decode()

    assert "was not kept" in assessment.result["resume"]["note"]
    assert "A bullet (text not kept)" in page
    assert "Automated 900" not in page


def test_a_text_pdf_upload_is_read(client: Client) -> None:
    assessment = start(client)
    upload = SimpleUploadedFile(
        "cv.pdf",
        text_pdf(
            [
                "QA Engineer, Acme, Jan 2020 - Present",
                "- Automated the regression suite in Cypress for every release.",
            ]
        ),
    )

    response = client.post(resume_url(assessment), {"file": upload})

    assert response.status_code == 200
    assert "“Automated the regression suite in Cypress" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("locked.pdf", lambda: encrypted_pdf(["QA Engineer"]), "protected by a password"),
        ("scan.pdf", image_only_pdf, "only images"),
        ("bomb.docx", zip_bomb_docx, "unpacks to far more"),
        ("photo.txt", lambda: b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(300), "binary data"),
        ("cv.rtf", lambda: b"{\\rtf1}", "not a résumé format we read"),
    ],
)
def test_a_bad_file_gets_a_message_on_the_form_and_nothing_is_lost(
    client: Client, name: str, content: Any, expected: str
) -> None:
    assessment = start(client)
    with_role(client, assessment)

    response = client.post(resume_url(assessment), {"file": SimpleUploadedFile(name, content())})

    assert response.status_code == 200
    assert expected in " ".join(response.content.decode().split())
    assessment.refresh_from_db()
    assert assessment.roles[0]["title"] == "QA Engineer"
    assert not ResumeReading.objects.filter(assessment=assessment).exists()


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: Client) -> None:
    assessment = start(client)

    response = client.post(
        resume_url(assessment),
        {"file": SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024 + 200_000))},
    )

    assert response.status_code == 413
    assert "larger than 5 MB" in response.content.decode()


def test_file_and_text_together_or_neither_are_refused(client: Client) -> None:
    assessment = start(client)

    both = client.post(
        resume_url(assessment), {"text": RESUME, "file": SimpleUploadedFile("a.txt", b"x y")}
    )
    neither = client.post(resume_url(assessment), {"text": "   "})

    assert "not both" in both.content.decode()
    assert "or skip this step" in neither.content.decode()


def test_removing_the_resume_deletes_what_was_stored(client: Client) -> None:
    assessment = start(client)
    paste(client, assessment, keep_text="on")

    client.post(resume_url(assessment, "resumes:review"), {"forget": "1"})

    assert not ResumeReading.objects.filter(assessment=assessment).exists()


def test_without_the_evidence_extra_the_step_says_to_skip(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr("pm_origins.evidence.encoder._default", None)
    monkeypatch.setitem(sys.modules, "tokenizers", None)
    assessment = start(client)

    response = paste(client, assessment)

    assert response.status_code == 200
    assert "not available on this site" in response.content.decode()


def test_a_finished_assessment_sends_the_step_to_its_result(client: Client) -> None:
    assessment = start(client)
    with_role(client, assessment)
    paste(client, assessment)
    services.assessment_complete(assessment=assessment, target=None)

    response = client.get(resume_url(assessment))

    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:result", args=[assessment.token])


@pytest.mark.parametrize("who", ["anonymous", "other user"])
@pytest.mark.parametrize("name", ["resumes:resume", "resumes:review"])
def test_someone_elses_owned_assessment_is_a_404(
    owner_client: Client, other_user: Any, who: str, name: str
) -> None:
    assessment = start(owner_client)
    paste(owner_client, assessment, keep_text="on")
    visitor = Client()
    if who == "other user":
        visitor.force_login(other_user)

    looked = visitor.get(resume_url(assessment, name))
    posted = visitor.post(resume_url(assessment, name), {"text": RESUME, "rejected": ["b1"]})

    assert looked.status_code == posted.status_code == 404
    assert ResumeReading.objects.get(assessment=assessment).rejected == []


def test_the_owner_sees_their_reading_again_and_the_page_is_private(
    owner_client: Client,
) -> None:
    assessment = start(owner_client)
    paste(owner_client, assessment, keep_text="on")

    response = owner_client.get(resume_url(assessment, "resumes:review"))

    assert "“Interviewed 12 merchants" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_account_export_says_what_was_kept(owner_client: Client, owner: Any) -> None:
    assessment = start(owner_client)
    paste(owner_client, assessment)

    rows = exports.collect(owner)["resumes"]

    assert rows[0]["assessment"] == assessment.token
    assert rows[0]["text_kept"] is False
    assert rows[0]["text"] == ""
    assert "not kept" in rows[0]["note"]
