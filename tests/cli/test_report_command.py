"""`pm-origins report` builds a report from roles and/or an answers file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pm_origins.framework import Framework

CONTRACT_KEYS = {"framework_version", "profile", "origins", "superpowers", "gaps", "advice", "plan"}


def test_a_qa_engineer_comes_out_qa_first(report_json) -> None:
    data = report_json("--role", "QA Engineer=5")

    assert data["origins"][0]["id"] == "qa"
    # Five years carry 5/7 of the shares; the rest is spread evenly until answers come.
    assert data["origins"][0]["share"] == pytest.approx(5 / 7 + 2 / 49, abs=1e-3)
    assert data["clarity"] == "clear" and data["origin_basis"] == "history"


def test_json_carries_the_contract_keys(report_json, framework: Framework) -> None:
    data = report_json("--role", "QA Engineer=5")

    assert data.keys() >= CONTRACT_KEYS
    assert data["framework_version"] == framework.version
    assert list(data["profile"]) == list(framework.competency_ids)
    for band in data["profile"].values():
        assert band["low"] <= band["score"] <= band["high"]
    shares = [o["share"] for o in data["origins"]]
    assert shares == sorted(shares, reverse=True)
    assert {"id", "name", "share"} <= data["origins"][0].keys()
    # A career alone measures nothing: its strengths and gaps are typical ones.
    assert data["superpowers"] == [] and data["gaps"] == []
    assert data["typical_superpowers"] == ["execution"]
    assert data["typical_gaps"] == ["relationships"]
    assert all(
        entry["measured"] is False and entry["level"] is None for entry in data["profile"].values()
    )
    assert data["quality"] == {"flags": [], "person_fit": None}
    assert data["advice"] and all(a["competency"] == "relationships" for a in data["advice"])
    assert data["plan"] is None


def test_a_target_fills_the_plan(report_json) -> None:
    data = report_json("--role", "QA Engineer=5", "--target", "technical")

    plan = data["plan"]
    assert plan["target"]["id"] == "technical"
    assert plan["gaps"]
    assert [p["days"] for p in plan["phases"]] == [30, 60, 90]
    assert any(p["actions"] for p in plan["phases"])


@pytest.mark.parametrize("shape", ["flat", "wrapped"])
def test_an_answers_file_changes_the_scores(
    report_json, write_file, framework: Framework, shape: str
) -> None:
    answers = {i.id: (1 if i.reverse else 5) for i in framework.items_for("innovation")}
    body = answers if shape == "flat" else {"answers": answers}
    path = write_file("answers.json", json.dumps(body))

    without = report_json("--role", "QA Engineer=5")
    with_answers = report_json("--role", "QA Engineer=5", "--answers", str(path))

    assert with_answers["answers"] == answers
    assert (
        with_answers["profile"]["innovation"]["score"]
        > without["profile"]["innovation"]["score"] + 10
    )


def test_answers_alone_are_enough(report_json, write_file, framework: Framework) -> None:
    answers = {i.id: 3 for i in framework.items}
    path = write_file("answers.json", json.dumps(answers))

    data = report_json("--answers", str(path))

    assert data["roles"] == []
    assert all(band["answered"] > 0 for band in data["profile"].values())


def test_out_writes_the_report_to_the_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.json"

    result = cli("report", "--role", "QA Engineer=5", "--format", "json", "--out", str(out))

    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["origins"][0]["id"] == "qa"
    assert result.stdout == ""
    assert f"Report written to {out}" in result.stderr


def test_markdown_is_the_default_and_names_the_origin(cli) -> None:
    result = cli("report", "--role", "QA Engineer=5")

    assert result.exit_code == 0, result.output
    assert "Quality Assurance" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_markdown_written_to_a_file_names_the_origin(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.md"

    result = cli("report", "--role", "Software Developer=4", "--format", "md", "--out", str(out))

    assert result.exit_code == 0, result.output
    assert "Software Development" in out.read_text(encoding="utf-8")


def test_a_role_can_say_how_long_ago_it_ended(report_json) -> None:
    data = report_json("--role", "QA Engineer=5@10", "--role", "Software Developer=5")

    roles = {r["title"]: r for r in data["roles"]}
    assert roles["QA Engineer"]["years_ago"] == 10
    assert roles["Software Developer"]["years_ago"] == 0
    assert roles["QA Engineer"]["weight"] < roles["Software Developer"]["weight"]
    assert [o["id"] for o in data["origins"][:2]] == ["development", "qa"]


def test_two_roles_blend_by_years(report_json) -> None:
    data = report_json("--role", "QA Engineer=3", "--role", "Software Developer=2")

    shares = {o["id"]: o["share"] for o in data["origins"]}
    assert [o["id"] for o in data["origins"][:2]] == ["qa", "development"]
    # The career (5 years: 5/7 of the shares) splits 60/40; the rest is spread evenly.
    assert shares["qa"] == pytest.approx(0.6 * 5 / 7 + 2 / 49, abs=0.01)
    assert shares["development"] == pytest.approx(0.4 * 5 / 7 + 2 / 49, abs=0.01)
    assert {o["id"] for o in data["blend"]} == {"qa", "development"}


def test_a_title_not_in_the_aliases_still_matches(report_json) -> None:
    data = report_json("--role", "Senior Software Developer II=6")

    assert data["origins"][0]["id"] == "development"
    assert data["roles"][0]["matched"] is True


def _ux_style_answers(framework: Framework) -> dict[str, int]:
    """Answers a UX designer gives: strong on innovation and UX, some research, little selling."""
    steps = {"innovation": 4, "ux": 4, "research": 3, "execution": 2, "analytics": 2}
    answers = {}
    for item in framework.items:
        step = steps.get(item.competency, 1)
        answers[item.id] = 5 - step if item.reverse else 1 + step
    return answers


def test_a_ten_year_career_leads_while_the_answers_resemble_ux(
    report_json, write_file, framework: Framework
) -> None:
    path = write_file("answers.json", json.dumps(_ux_style_answers(framework)))
    data = report_json("--role", "QA Engineer=10", "--answers", str(path))

    assert data["origins"][0]["id"] == "qa"
    assert data["origin_basis"] == "both"
    assert data["clarity"] in {"clear", "blend"}
    resemble = [entry["id"] for entry in data["answers_resemble"]]
    assert "ux_design" in resemble
    assert all(entry.keys() == {"id", "share"} for entry in data["answers_resemble"])
