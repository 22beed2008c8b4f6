"""POST /api/v1/evaluate: stateless, and exactly the CLI's JSON contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pm_origins.cli.app import app as cli
from pm_origins.engine.errors import TITLE_CONTROL
from pm_origins.framework import Framework
from pm_origins.reports.data import CONTRACT_KEYS
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.assessments.services import NOTHING_TO_SCORE

from .api_helpers import QA_ROLE, ApiClient, error_of, openapi


@pytest.fixture
def client() -> ApiClient:
    return ApiClient()


def test_it_answers_the_same_json_as_the_cli_report(
    client: ApiClient, framework: Framework, tmp_path: Path
) -> None:
    answers = {framework.items[0].id: 4, framework.items[5].id: 2}
    response = client.post(
        "/evaluate",
        {
            "roles": [QA_ROLE, {"title": "Web Developer", "years": 2, "years_ago": 1}],
            "answers": answers,
            "target": "technical",
        },
    )
    assert response.status_code == 200
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(answers))
    printed = CliRunner().invoke(
        cli,
        [
            "report",
            "--role",
            "QA Engineer=5",
            "--role",
            "Web Developer=2@1",
            "--answers",
            str(answers_file),
            "--target",
            "technical",
            "--format",
            "json",
        ],
    )
    assert printed.exit_code == 0, printed.output
    assert response.json() == json.loads(printed.output)
    assert set(CONTRACT_KEYS) <= set(response.json())


def test_it_stores_nothing(client: ApiClient) -> None:
    client.post("/evaluate", {"roles": [QA_ROLE]})
    assert not Assessment.objects.exists()


def test_roles_alone_give_a_result_without_a_plan(client: ApiClient) -> None:
    body = client.post("/evaluate", {"roles": [QA_ROLE]}).json()
    assert body["origins"][0]["id"] == "qa"
    assert body["plan"] is None
    assert body["basis"] == "history"


def test_answers_alone_give_a_result(client: ApiClient, framework: Framework) -> None:
    answers = {item.id: 5 for item in framework.items_for("ux")}
    body = client.post("/evaluate", {"answers": answers}).json()
    assert body["basis"] == "answers"
    assert body["profile"]["ux"]["answered"] == len(answers)


@pytest.mark.parametrize(
    "body", [{}, {"roles": []}, {"answers": {}}, {"roles": [], "target": None}]
)
def test_it_needs_a_role_or_an_answer(client: ApiClient, body: dict[str, Any]) -> None:
    response = client.post("/evaluate", body)
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    assert NOTHING_TO_SCORE in response.json()["errors"][0]["msg"]


def test_the_schema_says_a_role_or_an_answer_is_needed(framework: Framework) -> None:
    schema = openapi()["components"]["schemas"]["EvaluateIn"]
    assert {"required": ["roles"], "properties": {"roles": {"minItems": 1}}} in schema["anyOf"]
    assert schema["additionalProperties"] is False


def test_an_unknown_title_is_reported_with_suggestions_not_refused(client: ApiClient) -> None:
    response = client.post(
        "/evaluate", {"roles": [QA_ROLE, {"title": "Astronaut Pilot", "years": 3}]}
    )
    assert response.status_code == 200
    body = response.json()
    unknown = body["roles"][1]
    assert unknown["matched"] is False and unknown["origins"] == {}
    assert body["origins"][0]["id"] == "qa"  # the placed role still counts


def test_an_unplaced_title_offers_suggestions_and_closest_origins(client: ApiClient) -> None:
    response = client.post("/evaluate", {"roles": [{"title": "Growth Ninja", "years": 3}]})
    assert response.status_code == 200
    role = response.json()["roles"][0]
    assert role["kind"] == "unmatched"
    assert role["suggestions"][0] == "Growth Hacker"
    assert role["closest"][0] == "marketing"


def test_a_role_may_carry_the_origin_the_person_chose(client: ApiClient) -> None:
    role = {"title": "Growth Ninja", "years": 3, "origin": "marketing"}
    response = client.post("/evaluate", {"roles": [role]})
    assert response.status_code == 200
    data = response.json()
    assert data["roles"][0]["kind"] == "chosen"
    assert data["roles"][0]["chosen_origin"] == "marketing"
    # The chosen origin is the whole career; three years carry 60% of the shares.
    assert [o["id"] for o in data["blend"]] == ["marketing"]
    assert data["blend"][0]["share"] == pytest.approx(0.6 + 0.4 / 7, abs=1e-3)
    assert data["origin_basis"] == "history" and data["clarity"] == "clear"


def test_an_unknown_chosen_origin_is_refused_by_the_schema(client: ApiClient) -> None:
    role = {"title": "Growth Ninja", "years": 3, "origin": "astronaut"}
    response = client.post("/evaluate", {"roles": [role]})
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    assert "Unknown origin" in response.json()["errors"][0]["msg"]
    schema = openapi()["components"]["schemas"]["RoleIn"]["properties"]["origin"]
    assert "qa" in str(schema)


def test_product_roles_are_product_experience(client: ApiClient) -> None:
    roles = [{"title": "Product Owner", "years": 2}, {"title": "APM", "years": 1, "years_ago": 2}]
    response = client.post("/evaluate", {"roles": roles, "answers": {"innovation_01": 4}})
    assert response.status_code == 200
    data = response.json()
    assert [r["kind"] for r in data["roles"]] == ["product", "product"]
    assert data["product"]["years"] == 3 and data["product"]["only_product"] is True
    assert data["basis"] == "answers"


def test_every_role_says_its_kind(client: ApiClient) -> None:
    roles = [
        {"title": "QA Engineer", "years": 2},
        {"title": "Product Manager", "years": 1},
        {"title": "Growth Ninja", "years": 1, "origin": "marketing"},
        {"title": "Astronaut", "years": 1},
    ]
    data = client.post("/evaluate", {"roles": roles}).json()
    assert [r["kind"] for r in data["roles"]] == ["origin", "product", "chosen", "unmatched"]
    assert data["product"]["only_product"] is False


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        (
            {"roles": [QA_ROLE], "answers": {"no_such_item": 3}},
            ["body", "answers", "no_such_item"],
            "Extra inputs",
        ),
        (
            {"roles": [QA_ROLE], "answers": {"innovation_01": 9}},
            ["body", "answers", "innovation_01"],
            "less than or equal to 5",
        ),
        ({"roles": [QA_ROLE], "target": "astronaut"}, ["body", "target"], "Unknown target role"),
    ],
)
def test_unknown_ids_and_answers_off_the_scale_are_refused_by_field(
    client: ApiClient, body: dict[str, Any], where: list[Any], says: str
) -> None:
    response = client.post("/evaluate", body)
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    errors = {tuple(e["loc"]): e["msg"] for e in response.json()["errors"]}
    assert says in errors[tuple(where)]


@pytest.mark.parametrize(
    "body",
    [
        {"roles": [{"title": "QA Engineer", "years": True}]},
        {"roles": [{"title": "QA Engineer", "years": "3"}]},
        {"roles": [{"title": "QA Engineer", "years": 3, "years_ago": False}]},
        {"answers": {"innovation_01": "3"}},
        {"answers": {"innovation_01": True}},
        {"answers": {"innovation_01": 3.5}},
        {"answers": {"innovation_01": None}},
        {"roles": [QA_ROLE], "target": 3},
        {"roles": [QA_ROLE], "tagret": "technical"},
        {"roles": [{"title": "QA Engineer", "years": 3, "yeras_ago": 1}]},
    ],
)
def test_nothing_is_coerced_and_no_unknown_key_is_ignored(
    client: ApiClient, body: dict[str, Any]
) -> None:
    response = client.post("/evaluate", body)
    assert response.status_code == 422, response.json()
    assert error_of(response) == "invalid"


def test_whole_years_are_numbers_too(client: ApiClient) -> None:
    response = client.post("/evaluate", {"roles": [{"title": "QA Engineer", "years": 5}]})
    assert response.status_code == 200


def test_an_answer_written_as_a_whole_float_is_that_number(client: ApiClient) -> None:
    response = client.post("/evaluate", {"answers": {"innovation_01": 4.0}})
    assert response.status_code == 200
    assert response.json()["answers"] == {"innovation_01": 4}


@pytest.mark.parametrize(
    ("role", "field"),
    [
        ({"title": "QA Engineer", "years": -1}, "years"),
        ({"title": "QA Engineer", "years": 61}, "years"),
        ({"title": "QA Engineer", "years": 2, "years_ago": 99}, "years_ago"),
        ({"title": "", "years": 2}, "title"),
        ({"title": "x" * 121, "years": 2}, "title"),
        ({"title": "QA\x00Engineer", "years": 2}, "title"),
        ({"title": "QA\ud800Engineer", "years": 2}, "title"),
        ({"years": 2}, "title"),
        ({"title": "QA Engineer", "years": "five"}, "years"),
    ],
)
def test_bad_roles_are_refused_field_by_field(
    client: ApiClient, role: dict[str, Any], field: str
) -> None:
    response = client.post("/evaluate", {"roles": [role]})
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    locations = [e["loc"] for e in response.json()["errors"]]
    assert ["body", "roles", 0, field] in locations


def test_control_characters_are_named_in_the_message(client: ApiClient) -> None:
    response = client.post("/evaluate", {"roles": [{"title": "QA\x00", "years": 1}]})
    assert TITLE_CONTROL in response.json()["errors"][0]["msg"]


def test_too_many_roles_are_refused(client: ApiClient) -> None:
    response = client.post("/evaluate", {"roles": [QA_ROLE] * 21})
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    assert response.json()["errors"][0]["loc"] == ["body", "roles"]


@pytest.mark.parametrize(
    "raw",
    [
        "{",
        "not json",
        '{"roles": [{"title": "QA Engineer", "years": NaN}]}',
        '{"roles": [{"title": "QA Engineer", "years": Infinity}]}',
        b"\xff\xfe{}",
    ],
)
def test_a_body_that_is_not_json_is_a_400(client: ApiClient, raw: Any) -> None:
    response = client.post("/evaluate", raw=raw)
    assert response.status_code == 400
    assert error_of(response) == "bad_request"


@pytest.mark.parametrize("raw", ["[]", '"roles"', "3", "null", "true"])
def test_a_body_that_is_not_an_object_is_a_400(client: ApiClient, raw: str) -> None:
    response = client.post("/evaluate", raw=raw)
    assert response.status_code == 400
    assert error_of(response) == "bad_request"


def test_hostile_titles_are_reported_unplaced_with_bounded_work(
    client: ApiClient, framework: Framework
) -> None:
    from pm_origins.engine import TitleMatcher

    hostile = "\u33ae" * 120
    response = client.post("/evaluate", {"roles": [{"title": hostile, "years": 1}] * 20})
    assert response.status_code == 200
    assert {r["kind"] for r in response.json()["roles"]} == {"unmatched"}
    matcher = TitleMatcher.for_framework(framework)
    assert matcher.match(hostile).work <= matcher.max_work


def test_a_title_mixing_alphabets_is_reported_unplaced_with_its_reason(client: ApiClient) -> None:
    response = client.post("/evaluate", {"roles": [{"title": "Q\u0410 Engineer", "years": 3}]})
    assert response.status_code == 200
    role = response.json()["roles"][0]
    assert (role["kind"], role["reason"]) == ("unmatched", "mixed_scripts")
