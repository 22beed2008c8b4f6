"""POST /api/v1/evaluate with resume_text: roles and evidence read offline, nothing stored."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from pm_origins.cli.app import app as cli
from pm_origins.evidence.files import MAX_TEXT_CHARS
from pm_origins.web.assessments.models import Assessment

from .api_helpers import QA_ROLE, ApiClient, error_of

RESUME = """\
Experience
QA Engineer, Brightpay | Jan 2015 - Dec 2018
- Automated 900 regression tests in Selenium that run on every pull request.
- Ran usability sessions with 10 merchants before the invoicing redesign.
- Keen sailor and member of the local rowing club.
"""


@pytest.fixture
def client() -> ApiClient:
    return ApiClient()


def test_resume_text_gives_roles_from_dates_and_evidence(client: ApiClient) -> None:
    response = client.post("/evaluate", {"resume_text": RESUME})

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["roles"][0]["title"] == "QA Engineer"
    assert data["roles"][0]["years"] == 4.0
    assert [b["id"] for b in data["evidence"]] == ["b1", "b2", "b3"]
    assert data["evidence"][0]["competencies"][0]["id"] == "execution"
    assert data["evidence"][0]["role"] == "QA Engineer"
    assert data["evidence"][2]["competencies"] == []


def test_it_answers_the_same_json_as_the_cli(client: ApiClient) -> None:
    response = client.post(
        "/evaluate", {"resume_text": RESUME, "target": "technical", "rejected": ["b2"]}
    )
    printed = CliRunner().invoke(
        cli,
        ["analyze", "-", "--target", "technical", "--reject", "b2", "--format", "json"],
        input=RESUME,
    )

    assert printed.exit_code == 0, printed.output
    assert response.json() == json.loads(printed.stdout)
    assert response.json()["evidence"][1]["rejected"] is True


def test_roles_given_win_over_the_resumes_and_its_bullets_still_count(
    client: ApiClient,
) -> None:
    response = client.post("/evaluate", {"roles": [QA_ROLE], "resume_text": RESUME})

    data = response.json()
    assert [r["title"] for r in data["roles"]] == ["QA Engineer"]
    assert data["roles"][0]["years"] == 5
    assert len(data["evidence"]) == 3


def test_nothing_is_stored(client: ApiClient) -> None:
    before = Assessment.objects.count()

    client.post("/evaluate", {"resume_text": RESUME})

    assert Assessment.objects.count() == before


def test_an_unknown_rejected_id_is_ignored_and_a_malformed_one_refused(
    client: ApiClient,
) -> None:
    ignored = client.post("/evaluate", {"resume_text": RESUME, "rejected": ["b99"]})
    refused = client.post("/evaluate", {"resume_text": RESUME, "rejected": ["nope"]})

    assert ignored.status_code == 200
    assert not any(b["rejected"] for b in ignored.json()["evidence"])
    assert refused.status_code == 422
    assert error_of(refused) == "invalid"


@pytest.mark.parametrize("text", ["", "   \n\t  ", "x" * (MAX_TEXT_CHARS + 1)])
def test_empty_or_overlong_resume_text_is_refused(client: ApiClient, text: str) -> None:
    response = client.post("/evaluate", {"resume_text": text})

    assert response.status_code == 422
    assert error_of(response) == "invalid"
    assert response.json()["errors"][0]["loc"][-1] == "resume_text"


def test_control_characters_only_is_refused_and_mixed_in_they_are_read_as_spaces(
    client: ApiClient,
) -> None:
    only = client.post("/evaluate", {"resume_text": "\x01\x02"})
    mixed = client.post("/evaluate", {"resume_text": RESUME.replace("Jan", "\x00Jan")})

    assert only.status_code == 422
    assert mixed.status_code == 200
    assert mixed.json()["roles"][0]["years"] == 4.0


def test_without_the_evidence_extra_it_answers_503_in_the_error_body(
    client: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pm_origins.evidence.encoder._default", None)
    monkeypatch.setitem(sys.modules, "tokenizers", None)

    response = client.post("/evaluate", {"resume_text": RESUME})

    assert response.status_code == 503
    assert error_of(response) == "evidence_unavailable"
    assert "without resume_text" in response.json()["detail"]
