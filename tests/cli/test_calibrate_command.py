"""`pm-origins calibrate`: fitted parameters as JSON, a table, or a framework file."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from pm_origins.framework import load_framework


def test_json_gives_items_n_and_converged(cli, simulated_csv, tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    item_ids = simulated_csv(path, ("execution",), 400)

    result = cli("calibrate", str(path), "--format", "json")

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"items", "n", "converged"}
    assert data["n"] == 400 and data["converged"] is True
    assert list(data["items"]) == item_ids
    for parameters in data["items"].values():
        assert parameters["discrimination"] > 0
        assert len(parameters["thresholds"]) == 4
        assert parameters["thresholds"] == sorted(parameters["thresholds"])


def test_competencies_without_answers_are_named_on_stderr(
    cli, simulated_csv, tmp_path: Path
) -> None:
    path = tmp_path / "responses.csv"
    simulated_csv(path, ("execution",), 300)

    result = cli("calibrate", str(path), "--format", "json")

    assert result.exit_code == 0, result.output
    assert "Note: Product Innovation was not calibrated: 0 answered item(s)" in result.stderr
    assert "Only 300 people answered" in result.stderr
    json.loads(result.stdout)  # the notes never mix into the JSON


def test_the_table_lists_every_fitted_item(cli, simulated_csv, tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    item_ids = simulated_csv(path, ("ux",), 300)

    result = cli("calibrate", str(path))

    assert result.exit_code == 0, result.output
    assert "Fitted item parameters (300 respondents)" in result.stdout
    assert all(item_id in result.stdout for item_id in item_ids)
    assert "Converged: yes." in result.stdout


def test_out_writes_a_framework_file_with_the_parameters_by_item(
    cli, simulated_csv, tmp_path: Path
) -> None:
    path = tmp_path / "responses.csv"
    out = tmp_path / "params.yaml"
    item_ids = simulated_csv(path, ("analytics",), 300)

    result = cli("calibrate", str(path), "--format", "json", "--out", str(out))

    assert result.exit_code == 0, result.output
    fitted = json.loads(result.stdout)["items"]
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert set(written) == {"items"}
    assert [entry["id"] for entry in written["items"]] == item_ids
    for entry in written["items"]:
        assert set(entry) == {"id", "discrimination", "thresholds"}
        assert entry["discrimination"] == fitted[entry["id"]]["discrimination"]
        assert entry["thresholds"] == fitted[entry["id"]]["thresholds"]


def test_the_written_file_loads_as_a_new_framework_version(
    cli, simulated_csv, tmp_path: Path
) -> None:
    path = tmp_path / "responses.csv"
    out = tmp_path / "params.yaml"
    simulated_csv(path, ("research",), 300)

    result = cli("calibrate", str(path), "--out", str(out))

    assert result.exit_code == 0, result.output
    framework = load_framework(out)
    assert framework.version != load_framework().version
    assert f"framework version {framework.version}" in result.stderr
    written = yaml.safe_load(out.read_text(encoding="utf-8"))["items"][0]
    item = framework.item(written["id"])
    assert item.discrimination == written["discrimination"]
    assert item.thresholds == tuple(written["thresholds"])
