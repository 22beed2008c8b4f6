"""`pm-origins assess` asks for roles, answers and a target, then prints the report."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rich.console import Console

from pm_origins.framework import Framework

from .conftest import CliInvoker


@pytest.fixture
def cli(cli: CliInvoker) -> CliInvoker:
    """These sessions walk every question in turn: `assess` runs with `--mode all`
    (the adaptive modes have their own tests in test_assess_adaptive.py)."""

    def invoke(*args: str, **kwargs: Any) -> Any:
        if args[:1] == ("assess",):
            args = ("assess", "--mode", "all", *args[1:])
        return cli(*args, **kwargs)

    return invoke


def script(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def report_in(output: str) -> dict[str, Any]:
    """The JSON report: all of stdout, since the prompts go to stderr."""
    data: dict[str, Any] = json.loads(output)
    return data


# Questions take turns across competencies, so the first four are one of each.
SESSION = script(
    "QA Engineer",
    "4",
    "2",  # a role with years and years ago
    "Growth Ninja",
    "1",
    "3",
    "",  # unmatched; take suggestion 1; 3 years; default 0 ago
    "",  # no more roles
    "5",  # innovation_01
    "4",
    "b",  # ux_01, then back to it
    "2",  # ux_01 again
    "s",  # skip execution_01
    "maybe",
    "3",  # a bad answer is asked again; analytics_01
    "f",  # finish early
    "2",  # the second target role
)


def test_a_scripted_session_prints_the_report(cli, framework: Framework) -> None:
    result = cli("assess", "--format", "json", input=SESSION)

    assert result.exit_code == 0, result.output
    data = report_in(result.stdout)
    assert data["answers"] == {"innovation_01": 5, "ux_01": 2, "analytics_01": 3}
    assert [(r["title"], r["years"], r["years_ago"]) for r in data["roles"]] == [
        ("QA Engineer", 4, 2),
        ("Growth Hacker", 3, 0),
    ]
    assert data["plan"]["target"]["id"] == framework.roles[1].id
    assert {o["id"] for o in data["blend"]} == {"qa", "marketing"}


def test_it_offers_suggestions_for_a_title_it_cannot_place(cli) -> None:
    result = cli("assess", "--format", "json", input=SESSION)

    assert "We could not place 'Growth Ninja'" in result.stderr
    assert "1. Growth Hacker" in result.stderr
    assert "(closest)" in result.stderr


def test_a_title_it_cannot_place_can_be_given_an_origin(cli, framework: Framework) -> None:
    # "Data Scientist" is a job outside every origin; the person places it themselves.
    probe = cli("assess", "--format", "json", input=script("Data Scientist", "", "", "f", ""))
    assert "'Data Scientist' reads as a job outside every origin" in probe.stderr
    assert "That role is left out." in probe.stderr
    options = [line.strip() for line in probe.stderr.splitlines() if "Business Analysis" in line]
    number = options[0].split(".")[0]
    session = script("Data Scientist", number, "4", "", "", "f", "")

    result = cli("assess", "--format", "json", input=session)

    assert result.exit_code == 0, result.output
    role = report_in(result.stdout)["roles"][0]
    assert (role["title"], role["kind"], role["chosen_origin"]) == (
        "Data Scientist",
        "chosen",
        "business_analysis",
    )
    assert role["origins"] == {"business_analysis": 1.0}


def test_a_product_title_is_read_as_product_experience(cli) -> None:
    session = script("Product Owner", "3", "", "", "f", "")

    result = cli("assess", "--format", "json", input=session)

    assert result.exit_code == 0, result.output
    assert "product experience" in result.stderr
    data = report_in(result.stdout)
    assert data["roles"][0]["kind"] == "product"
    assert data["product"]["years"] == 3 and data["product"]["only_product"] is True


def test_it_asks_again_after_an_invalid_answer(cli) -> None:
    result = cli("assess", "--format", "json", input=SESSION)

    assert "Please type a number from 1 to 5, or b, s or f." in result.stderr
    assert result.stderr.count("Please type a number") == 1


def test_it_asks_again_for_years_out_of_range(cli) -> None:
    session = script("QA Engineer", "70", "five", "5", "", "", "f", "")

    result = cli("assess", "--format", "json", input=session)

    assert result.exit_code == 0, result.output
    assert result.stderr.count("Please type a number from 0 to 60.") == 2
    data = report_in(result.stdout)
    assert data["roles"][0]["years"] == 5
    assert data["plan"] is None


def test_it_shows_progress_through_the_questions(cli, framework: Framework) -> None:
    result = cli("assess", "--format", "json", input=SESSION)

    total = len(framework.items)
    assert f"[1/{total} · 0 answered]" in result.stderr
    assert f"[4/{total} · 2 answered]" in result.stderr
    # Questions come without their competency, so answers are not steered by its name.
    assert not any(f"answered · {c.name}" in result.stderr for c in framework.competencies)


def test_the_default_report_is_markdown(cli) -> None:
    result = cli("assess", input=SESSION)

    assert result.exit_code == 0, result.output
    assert "Quality Assurance" in result.stdout
    assert "Nothing was saved" not in result.stdout


@pytest.mark.parametrize(
    "session",
    [
        "",  # at the first question
        script("QA Engineer", "4"),  # in the middle of a role
        script("QA Engineer", "4", "2", "", "5"),  # in the middle of the questions
    ],
)
def test_end_of_input_stops_cleanly(cli, session: str) -> None:
    result = cli("assess", input=session)

    assert result.exit_code == 130
    assert "Nothing was saved" in result.output
    assert "Traceback" not in result.output


def test_ctrl_c_stops_cleanly(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(self: Console, *args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(Console, "input", interrupt)

    result = cli("assess")

    assert result.exit_code == 130
    assert "Stopped. Nothing was saved." in result.output
    assert "Traceback" not in result.output


def test_going_back_shows_the_earlier_answer_and_enter_keeps_it(cli) -> None:
    session = script("", "5", "4", "b", "b", "", "", "3", "f", "")
    result = cli("assess", "--format", "json", input=session)

    assert result.exit_code == 0, result.output
    assert "[5, Enter keeps it]" in result.stderr
    assert report_in(result.stdout)["answers"] == {
        "innovation_01": 5,
        "ux_01": 4,
        "execution_01": 3,
    }
