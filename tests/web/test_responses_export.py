"""The site's stored answers export as a responses CSV: no names, one row per person."""

from __future__ import annotations

import numpy as np
import pytest
from django.test import Client
from django.urls import reverse
from typer.testing import CliRunner

from pm_origins.cli import app
from pm_origins.engine import read_responses
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.assessments.responses import responses_export
from pm_origins.web.core.framework import current_framework

from .responses_helpers import finished_results

EXPORT = "admin:assessments_assessment_responses"
CHANGELIST = "admin:assessments_assessment_changelist"


def exported(**kwargs: object) -> str:
    return "".join(responses_export(**kwargs))  # type: ignore[arg-type]


def test_each_signed_in_person_counts_once_with_their_latest_result(owner: User) -> None:
    finished_results([{"ux_01": 1}, {"ux_01": 2}, {"ux_01": 5}], owner=owner)

    lines = exported().splitlines()

    assert len(lines) == 2
    header, row = lines[0].split(","), lines[1].split(",")
    assert row[header.index("ux_01")] == "5"


def test_every_guest_result_counts(db: None) -> None:
    finished_results([{"ux_01": 1}, {"ux_01": 2}])

    assert len(exported().splitlines()) == 3


def test_unfinished_assessments_are_left_out(owner: User) -> None:
    services.assessment_save_answers(
        assessment=services.assessment_start(user=owner), answers={"ux_01": 3}
    )

    assert exported().splitlines() == [exported().splitlines()[0]]


def test_nothing_that_names_a_person_is_exported(owner: User) -> None:
    results = finished_results([{"ux_01": 4, "ux_02": 2}], owner=owner)

    text = exported()

    header, row = (line.split(",") for line in text.splitlines())
    assert owner.email not in text and results[0].token not in text
    assert header[0] == "respondent" and row[0] == "1"  # a row number, not an id
    assert set(row[1:]) == {"", "4", "2"}  # nothing but answers


def test_the_export_reads_back_as_a_responses_file(owner: User, other_user: User) -> None:
    finished_results([{"ux_01": 4, "ux_02": 2, "retired_question": 3}], owner=owner)
    finished_results([{"innovation_01": 5}], owner=other_user)

    table = read_responses(current_framework(), exported())

    assert table.respondents == 2
    assert table.item_ids == tuple(i.id for i in current_framework().items)
    assert np.nansum(table.answers) == 4 + 2 + 5


def test_staff_download_the_export_from_the_admin(staff_client: Client, owner: User) -> None:
    finished_results([{"ux_01": 4}], owner=owner)

    response = staff_client.get(reverse(EXPORT))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="responses.csv"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert body.startswith("respondent,innovation_01,")
    assert len(body.splitlines()) == 2


def test_the_admin_action_exports_only_the_selected_results(staff_client: Client, db: None) -> None:
    chosen, _ = finished_results([{"ux_01": 2}, {"ux_01": 5}])

    response = staff_client.post(
        reverse(CHANGELIST),
        {"action": "export_responses", "_selected_action": [chosen.pk]},
    )

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    rows = body.splitlines()
    assert len(rows) == 2
    assert rows[1].split(",")[rows[0].split(",").index("ux_01")] == "2"


def test_the_changelist_links_to_the_export_and_the_report(staff_client: Client) -> None:
    html = staff_client.get(reverse(CHANGELIST)).content.decode()

    assert reverse(EXPORT) in html
    assert reverse("admin:assessments_assessment_reliability") in html


@pytest.mark.parametrize("persona", ["anonymous", "owner"])
def test_people_who_are_not_staff_are_sent_to_log_in(persona: str, owner: User) -> None:
    finished_results([{"ux_01": 4}], owner=owner)
    client = Client()
    if persona == "owner":
        client.force_login(owner)

    response = client.get(reverse(EXPORT))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_staff_without_permission_to_view_results_are_refused(db: None) -> None:
    clerk = User.objects.create_user(email="clerk@example.org", password="x" * 20)
    clerk.is_staff = True
    clerk.save()
    client = Client()
    client.force_login(clerk)

    assert client.get(reverse(EXPORT)).status_code == 403


def test_the_cli_exports_the_same_csv(owner: User, tmp_path) -> None:
    finished_results([{"ux_01": 4}, {"ux_01": 1}], owner=owner)
    finished_results([{"ux_02": 3}])
    out = tmp_path / "responses.csv"

    result = CliRunner().invoke(app, ["export-responses", "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert "2 respondents written" in result.stderr
    assert out.read_text(encoding="utf-8") == exported()


def test_the_cli_prints_the_csv_without_out(owner: User) -> None:
    finished_results([{"ux_01": 4}], owner=owner)

    result = CliRunner().invoke(app, ["export-responses"])

    assert result.exit_code == 0, result.output
    assert result.stdout == exported()
    assert Assessment.objects.count() == 1
