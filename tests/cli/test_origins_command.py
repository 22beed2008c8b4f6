"""`pm-origins origins` lists the seven career origins, as a table or as JSON."""

from __future__ import annotations

import json

from pm_origins.framework import Framework

ORIGINS = [
    "sales",
    "marketing",
    "business_analysis",
    "development",
    "ux_design",
    "qa",
    "project_management",
]


def test_the_table_lists_the_seven_origins_by_id_and_name(cli, framework: Framework) -> None:
    result = cli("origins")

    assert result.exit_code == 0, result.output
    for origin in framework.origins:
        assert origin.id in result.stdout
        assert origin.name in result.stdout
    assert [o.id for o in framework.origins] == ORIGINS


def test_the_table_names_superpowers_and_gaps_in_words(cli, framework: Framework) -> None:
    result = cli("origins")

    assert "superpowers" in result.stdout and "gaps" in result.stdout
    qa_line = next(line for line in result.stdout.splitlines() if " qa " in line)
    assert framework.competency("execution").name in qa_line
    assert framework.competency("relationships").name in qa_line


def test_json_is_seven_records_with_strengths_and_weaknesses(cli) -> None:
    result = cli("origins", "--format", "json")

    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["id"] for r in records] == ORIGINS
    qa = next(r for r in records if r["id"] == "qa")
    assert qa["strengths"] == ["execution"]
    assert qa["weaknesses"] == ["relationships"]
    assert all(r["name"] and r["strengths"] and r["weaknesses"] and r["aliases"] for r in records)


def test_an_unknown_format_is_refused(cli) -> None:
    result = cli("origins", "--format", "xml")

    assert result.exit_code == 2
    assert "xml" in result.output
