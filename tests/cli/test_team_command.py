"""`pm-origins team analyze`: offline team analysis from a CSV, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

CliInvoker = Callable[..., Any]

CSV = """\
name,roles,innovation_01,ux_01,execution_01,analytics_01
Ana,QA Engineer=5,2,4,5,3
Ben,Account Executive=6;Sales Manager=2@1,3,2,1,3
Cy,UX Designer=4,5,5,2,2
Di,Data Analyst=3,,,,5
"""


def test_the_json_has_the_documented_keys(
    cli: CliInvoker, write_file: Callable[[str, str], Path]
) -> None:
    path = write_file("team.csv", CSV)
    result = cli("team", "analyze", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    assert {"members", "coverage", "single_points_of_failure", "pairs"} <= set(data)
    assert [m["name"] for m in data["members"]] == ["Ana", "Ben", "Cy", "Di"]
    assert set(data["members"][0]) == {"name", "origins", "profile"}
    assert data["members"][0]["origins"][0] == "Quality Assurance"
    assert set(data["coverage"]["ux"]) == {"best", "mean", "depth"}
    for pair in data["pairs"]:
        assert {"mentor", "mentee", "competency", "benefit", "first_action"} <= set(pair)
        assert pair["mentor"] != pair["mentee"]
    mentors = [p["mentor"] for p in data["pairs"]]
    mentees = [p["mentee"] for p in data["pairs"]]
    assert len(set(mentors)) == len(mentors) and len(set(mentees)) == len(mentees)


def test_a_pair_rests_only_on_a_measured_mentor_score(
    cli: CliInvoker, write_file: Callable[[str, str], Path]
) -> None:
    path = write_file("team.csv", CSV)
    data = json.loads(cli("team", "analyze", str(path), "--format", "json").stdout)
    profiles = {m["name"]: m["profile"] for m in data["members"]}
    assert data["pairs"]
    for pair in data["pairs"]:
        assert profiles[pair["mentor"]][pair["competency"]]["measured"] is True


def test_the_table_shows_a_heat_map_and_the_formula(
    cli: CliInvoker, write_file: Callable[[str, str], Path]
) -> None:
    path = write_file("team.csv", CSV)
    result = cli("team", "analyze", str(path), "--target", "technical")
    assert result.exit_code == 0, result.output
    assert "Heat map" in result.stdout and "Suggested pairs" in result.stdout
    assert "s[i][c] - s[j][c]" in result.stdout
    assert "Gaps against technical" in result.stdout


def test_bad_rows_are_listed_by_line_and_nothing_is_analysed(
    cli: CliInvoker, write_file: Callable[[str, str], Path], assert_bad_input: Any
) -> None:
    path = write_file("team.csv", CSV + "Ed,Astronaut=2,,,,\nFay,QA=x,,,,\n")
    message = assert_bad_input(cli("team", "analyze", str(path)))
    assert "Line 6" in message and "Line 7" in message and "nothing was analysed" in message


def test_an_unknown_target_is_bad_input(
    cli: CliInvoker, write_file: Callable[[str, str], Path], assert_bad_input: Any
) -> None:
    path = write_file("team.csv", CSV)
    message = assert_bad_input(cli("team", "analyze", str(path), "--target", "astronaut"))
    assert "technical" in message


def test_a_missing_or_binary_file_is_bad_input(
    cli: CliInvoker, tmp_path: Path, assert_bad_input: Any
) -> None:
    assert "Cannot read" in assert_bad_input(cli("team", "analyze", str(tmp_path / "no.csv")))
    binary = tmp_path / "team.csv"
    binary.write_bytes(b"\xff\xfe\x00name")
    assert "UTF-8" in assert_bad_input(cli("team", "analyze", str(binary)))


def test_a_large_file_still_prints_only_the_json_on_stdout(
    cli: CliInvoker, write_file: Callable[[str, str], Path]
) -> None:
    rows = "".join(f"P{i},QA Engineer={1 + i % 9},{1 + i % 5},\n" for i in range(250))
    path = write_file("big.csv", "name,roles,innovation_01,ux_01\n" + rows)
    result = cli("team", "analyze", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["members"]) == 250
