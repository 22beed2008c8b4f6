"""Calibration results as the JSON contract, plain notes and a framework override file."""

from __future__ import annotations

import pytest
import yaml

from pm_origins.engine import Calibration, ItemCalibration, ScaleFit
from pm_origins.framework import Framework, load_framework
from pm_origins.reports import calibration_data, calibration_notes, calibration_override_yaml


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def fitted(*, respondents: int = 1200, converged: bool = True) -> Calibration:
    items = (
        ItemCalibration("ux_01", "ux", 1.23456, (-1.5, -0.51234, 0.5, 1.5), 1200, ()),
        ItemCalibration("ux_02", "ux", 0.12, (-9.0, -3.0, 2.0, 8.0), 1190, ()),
        ItemCalibration("ux_03", "ux", 1.5, (-1.0, 0.0, 1.0, 4.0), 1180, (5,)),
    )
    scale = ScaleFit("ux", ("ux_01", "ux_02", "ux_03"), respondents, converged, 40, -10.0)
    return Calibration(items, (scale,), (("analytics", "0 answered item(s)"),), respondents)


def test_the_json_contract_rounds_parameters_to_three_decimals() -> None:
    data = calibration_data(fitted())

    assert data == {
        "items": {
            "ux_01": {"discrimination": 1.235, "thresholds": [-1.5, -0.512, 0.5, 1.5]},
            "ux_02": {"discrimination": 0.12, "thresholds": [-9.0, -3.0, 2.0, 8.0]},
            "ux_03": {"discrimination": 1.5, "thresholds": [-1.0, 0.0, 1.0, 4.0]},
        },
        "n": 1200,
        "converged": True,
    }


def test_notes_name_weak_items_unused_answers_and_skipped_scales(framework: Framework) -> None:
    notes = " ".join(calibration_notes(framework, fitted()))

    assert "ux_02 barely tracks its competency" in notes
    assert "Nobody answered 5 to ux_03" in notes
    assert "Analytics was not calibrated" in notes
    assert "ux_01" not in notes


def test_notes_warn_about_small_samples_and_no_convergence(framework: Framework) -> None:
    notes = " ".join(calibration_notes(framework, fitted(respondents=120, converged=False)))

    assert "Only 120 people answered" in notes
    assert "User Experience did not converge" in notes


def test_the_override_file_sets_each_items_parameters_by_id() -> None:
    text = calibration_override_yaml(fitted(), source="answers.csv")

    data = yaml.safe_load(text)
    assert data == {
        "items": [
            {"id": "ux_01", "discrimination": 1.235, "thresholds": [-1.5, -0.512, 0.5, 1.5]},
            {"id": "ux_02", "discrimination": 0.12, "thresholds": [-9.0, -3.0, 2.0, 8.0]},
            {"id": "ux_03", "discrimination": 1.5, "thresholds": [-1.0, 0.0, 1.0, 4.0]},
        ]
    }
    assert text.startswith("# Item parameters fitted by `pm-origins calibrate` from answers.csv")


def test_a_complete_fit_declares_the_items_calibrated_and_a_partial_one_does_not() -> None:
    partial = yaml.safe_load(calibration_override_yaml(fitted(), source="answers.csv"))
    assert "item_parameters" not in partial  # analytics kept its provisional parameters
    whole = fitted()
    complete = Calibration(whole.items, whole.scales, (), whole.respondents)
    data = yaml.safe_load(calibration_override_yaml(complete, source="answers.csv"))
    assert data["item_parameters"] == "calibrated"
