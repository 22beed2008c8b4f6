"""Every bad responses CSV gets exit status 2 and one "Error:" paragraph."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

COMMANDS = ["calibrate", "reliability"]


@pytest.fixture(params=COMMANDS)
def command(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("ux_01,ux_02\n", "no rows of answers"),
        ("ux_01,mind_reading\n3,4\n", "'mind_reading'"),
        ("ux_01,ux_02\n3,4\n3\n", "every row needs 2 cells"),
        ("ux_01,ux_02\n3,9\n", "whole numbers from 1 to 5"),
        ("ux_01,ux_01\n3,4\n", "more than once"),
        ("ux_01\n" + "3" * 200_000 + "\n", "not a readable CSV"),
    ],
)
def test_a_bad_file_says_what_is_wrong(
    cli, tmp_path: Path, assert_bad_input, command: str, text: str, expected: str
) -> None:
    path = tmp_path / "responses.csv"
    path.write_text(text, encoding="utf-8")

    message = assert_bad_input(cli(command, str(path)))

    assert expected in message


def test_a_missing_file_is_named(cli, tmp_path: Path, assert_bad_input, command: str) -> None:
    message = assert_bad_input(cli(command, str(tmp_path / "nope.csv")))

    assert "Cannot read" in message and "nope.csv" in message


def test_a_file_that_is_not_utf8_is_refused(
    cli, tmp_path: Path, assert_bad_input, command: str
) -> None:
    path = tmp_path / "responses.csv"
    path.write_bytes(b"ux_01\n3\n" + b"\xff\xfe\n")

    assert "not UTF-8" in assert_bad_input(cli(command, str(path)))


def test_a_file_too_large_is_refused_before_reading(
    cli, tmp_path: Path, assert_bad_input, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        importlib.import_module("pm_origins.cli.app"), "MAX_RESPONSES_FILE_BYTES", 10
    )
    path = tmp_path / "responses.csv"
    path.write_text("ux_01,ux_02\n3,4\n", encoding="utf-8")

    assert "is larger than" in assert_bad_input(cli(command, str(path)))


def test_answers_too_few_to_calibrate_are_refused(cli, tmp_path: Path, assert_bad_input) -> None:
    path = tmp_path / "responses.csv"
    path.write_text("ux_01,ux_02\n3,4\n2,2\n", encoding="utf-8")

    message = assert_bad_input(cli("calibrate", str(path)))

    assert "could be calibrated" in message and "at least 3" in message
