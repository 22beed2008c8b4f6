"""The score scale and the items' model parameters, declared once in the framework."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from pm_origins.engine import item_bank, score_answers
from pm_origins.framework import Framework, FrameworkError, load_framework


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_bundled_scale_is_linear_and_the_items_are_provisional(framework: Framework) -> None:
    assert framework.score_scale.kind == "linear"
    assert (framework.score_scale.center, framework.score_scale.per_sd) == (50, 20)
    assert framework.item_parameters == "provisional"
    assert item_bank(framework).scale == framework.score_scale


def test_every_bundled_item_has_its_own_parameters_on_the_frequency_scale(
    framework: Framework,
) -> None:
    for item in framework.items:
        assert 0.5 <= item.discrimination <= 2.0, item.id
        assert len(item.thresholds) == framework.scale(item.scale).points - 1
    # Not one shared default: the provisional values differ from item to item.
    assert len({item.thresholds for item in framework.items}) > 3


def test_the_question_names_a_time_window(framework: Framework) -> None:
    assert "last three years" in framework.scale("frequency").question


def test_a_file_can_choose_the_normal_cdf_scale(tmp_path: Path, framework: Framework) -> None:
    loaded = load_framework(write(tmp_path, "score_scale:\n  kind: normal_cdf\n"))
    assert loaded.score_scale.kind == "normal_cdf"
    assert loaded.version != framework.version
    # The population middle is still 50, and a top answer everywhere is near 100.
    assert score_answers(loaded, {})["ux"].score == pytest.approx(50.0)
    top = {i.id: (1 if i.reverse else 5) for i in loaded.items_for("ux")}
    assert score_answers(loaded, top)["ux"].score > 95


def test_calibrated_parameters_are_declared(tmp_path: Path, framework: Framework) -> None:
    loaded = load_framework(write(tmp_path, "item_parameters: calibrated\n"))
    assert loaded.item_parameters == "calibrated"
    assert loaded.version != framework.version


@pytest.mark.parametrize(
    "text, where",
    [
        ("item_parameters: guessed\n", "item_parameters: must be one of provisional, calibrated"),
        ("score_scale:\n  kind: cubic\n", "score_scale.kind"),
        ("score_scale:\n  per_sd: 0\n", "score_scale.per_sd"),
    ],
)
def test_a_bad_scale_or_parameter_status_is_a_clear_error(
    tmp_path: Path, text: str, where: str
) -> None:
    with pytest.raises(FrameworkError) as caught:
        load_framework(write(tmp_path, text))
    assert any(where in str(p) for p in caught.value.problems), caught.value.problems


def test_framework_show_json_states_the_scale_and_each_items_parameters(
    framework: Framework,
) -> None:
    from typer.testing import CliRunner

    from pm_origins.cli.app import app

    result = CliRunner().invoke(app, ["framework", "show", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["score_scale"] == {"kind": "linear", "center": 50.0, "per_sd": 20.0}
    assert data["item_parameters"] == "provisional"
    for shown, item in zip(data["items"], framework.items, strict=True):
        assert shown["discrimination"] == item.discrimination
        assert shown["thresholds"] == list(item.thresholds)
