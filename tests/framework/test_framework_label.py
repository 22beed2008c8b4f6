"""A framework's name for people: its release and whether its questions are calibrated."""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_origins.framework import FrameworkError, load_framework


def test_the_bundled_framework_is_2026_1_with_provisional_items() -> None:
    assert load_framework().label == "Framework 2026.1 (provisional items)"


def test_a_file_can_name_its_release_without_changing_the_version(tmp_path: Path) -> None:
    path = tmp_path / "release.yaml"
    path.write_text('release: "2026.2-acme"\n', encoding="utf-8")

    framework = load_framework(path)

    assert framework.release == "2026.2-acme"
    assert framework.version == load_framework().version
    assert framework.label.startswith("Framework 2026.2-acme ")


def test_fitted_parameters_change_the_note(tmp_path: Path) -> None:
    # One item refitted by hand: the rest are still provisional, and so is the label.
    path = tmp_path / "fitted.yaml"
    path.write_text(
        "items:\n  - id: execution_01\n    discrimination: 1.4\n"
        "    thresholds: [-1.6, -0.4, 0.4, 1.6]\n",
        encoding="utf-8",
    )
    assert load_framework(path).label == "Framework 2026.1 (provisional items)"
    # A calibration of every competency says so (as `pm-origins calibrate` writes it).
    path.write_text("item_parameters: calibrated\n", encoding="utf-8")
    assert load_framework(path).label == "Framework 2026.1 (calibrated items)"


def test_a_release_that_is_not_a_short_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("release: [1, 2]\n", encoding="utf-8")

    with pytest.raises(FrameworkError, match="release: must be a short name"):
        load_framework(path)
