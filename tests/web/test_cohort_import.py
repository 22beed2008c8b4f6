"""Cohorts: a coach imports people from CSV (all or nothing), sees the team page,
and exports CSV. The people have no accounts and belong to the coach."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.teams import services
from pm_origins.web.teams.models import Cohort, CohortPerson

from .conftest import make_user
from .team_helpers import COHORT_CSV


@pytest.fixture
def coach() -> User:
    return make_user("coach@example.org")


def upload(client: Client, text: str | bytes, name: str = "Spring cohort") -> Any:
    data = text.encode() if isinstance(text, str) else text
    file = SimpleUploadedFile("cohort.csv", data, content_type="text/csv")
    return client.post(reverse("teams:cohorts"), {"name": name, "file": file})


def test_a_coach_imports_people_and_sees_the_team_page(coach: User, client: Client) -> None:
    client.force_login(coach)
    response = upload(client, COHORT_CSV)
    cohort = Cohort.objects.get(coach=coach)
    assert response["Location"] == reverse("teams:cohort", args=[cohort.pk])
    assert [p.name for p in cohort.people.all()] == ["Ana", "Ben"]
    page = client.get(response["Location"]).content.decode()
    assert "Heat map" in page and "Suggested pairs" in page and "Ana" in page


def test_bad_rows_are_listed_by_line_and_nothing_is_saved(coach: User, client: Client) -> None:
    client.force_login(coach)
    text = COHORT_CSV + "Cy,Astronaut=3,,\nDee,QA Engineer=abc,,\n"
    response = upload(client, text)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Line 4:" in html and "Line 5:" in html and "Nothing was imported" in html
    assert not Cohort.objects.exists() and not CohortPerson.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00n", "not UTF-8"),
        (b"", "The submitted file is empty"),
        (b"name,roles\n", "no people"),
        (b"nom,roles\nA,QA Engineer=2\n", "needs a &#x27;name&#x27; column"),
    ],
)
def test_a_bad_file_gets_a_message_not_a_500(
    coach: User, client: Client, content: bytes, message: str
) -> None:
    client.force_login(coach)
    response = upload(client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Cohort.objects.exists()


def test_too_many_people_are_refused(coach: User) -> None:
    text = "name,roles\n" + "".join(f"P{i},QA Engineer=2\n" for i in range(4))
    with pytest.raises(services.RosterError) as caught:
        services.cohort_import(coach=coach, name="Big", text=text, max_people=3)
    assert "more than 3 people" in caught.value.problems[0]


def test_the_export_is_csv_with_scores_and_safe_cells(coach: User, client: Client) -> None:
    cohort = services.cohort_import(
        coach=coach, name="C", text="name,roles,ux_01\n=HYPERLINK(1),QA Engineer=5@2,4\n"
    )
    client.force_login(coach)
    response = client.get(reverse("teams:cohort-export", args=[cohort.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["name"] == "'=HYPERLINK(1)"
    assert rows[0]["roles"] == "QA Engineer=5@2"
    assert rows[0]["origin"] == "Quality Assurance"
    assert float(rows[0]["ux"]) > 0 and rows[0]["ux_01"] == "4"


def test_a_chosen_origin_is_imported_kept_and_exported(coach: User, client: Client) -> None:
    text = "name,roles\nCy,Pharmacist=4@1:qa;QA Engineer=2\n"
    cohort = services.cohort_import(coach=coach, name="C", text=text)
    (person,) = cohort.people.all()
    assert [r["kind"] for r in person.result["roles"]] == ["chosen", "origin"]
    assert person.result["roles"][0]["chosen_origin"] == "qa"
    client.force_login(coach)
    response = client.get(reverse("teams:cohort-export", args=[cohort.pk]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["roles"] == "Pharmacist=4@1:qa;QA Engineer=2"


def test_a_title_of_another_field_is_refused_with_how_to_choose_its_origin(
    coach: User, client: Client
) -> None:
    client.force_login(coach)
    html = upload(client, "name,roles\nCy,Pharmacist=4\n").content.decode()
    assert "Line 2:" in html and "Pharmacist=5:qa" in html
    assert not Cohort.objects.exists()


def test_a_cohort_page_reads_the_stored_results_without_rescoring(coach: User) -> None:
    cohort = services.cohort_import(coach=coach, name="C", text=COHORT_CSV)
    person = cohort.people.get(name="Ana")
    person.result["profile"]["ux"]["score"] = 99.0
    person.save()
    view = services.cohort_view(cohort=cohort)
    assert next(c for c in view.cards if c["name"] == "Ana")["profile"]["ux"]["score"] == 99.0


def test_deleting_the_coachs_account_deletes_the_cohort(coach: User) -> None:
    services.cohort_import(coach=coach, name="C", text=COHORT_CSV)
    coach.delete()
    assert not CohortPerson.objects.exists()
