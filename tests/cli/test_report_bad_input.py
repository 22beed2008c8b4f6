"""Every bad input to `pm-origins report` gets exit status 2 and one "Error:" paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

QA = ("--role", "QA Engineer=5")


def test_an_unknown_title_is_refused_with_suggestions(cli, assert_bad_input) -> None:
    message = assert_bad_input(cli("report", "--role", "Growth Ninja=3"))

    assert "We could not place 'Growth Ninja'" in message
    assert "did you mean 'Growth Hacker'" in message
    assert '"Test Pilot=5:qa"' in message  # how to choose the origin instead


def test_a_chosen_origin_must_be_a_known_one(cli, assert_bad_input) -> None:
    message = assert_bad_input(cli("report", "--role", "Growth Ninja=3:astronaut"))

    assert "'astronaut', which is not one of: sales, marketing" in message


def test_malformed_answers_json_says_where(cli, write_file, assert_bad_input) -> None:
    path = write_file("answers.json", '{"innovation_01": 4,\n "ux_01": }')

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert f"{path} is not valid JSON (line 2," in message


@pytest.mark.parametrize("body", ["[4, 2]", '"innovation_01"', "3"])
def test_answers_that_are_not_an_object_are_refused(
    cli, write_file, assert_bad_input, body: str
) -> None:
    path = write_file("answers.json", body)

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert "must hold a JSON object of question id to answer" in message


@pytest.mark.parametrize("value", [0, 6, -1])
def test_an_answer_off_the_scale_is_refused(cli, write_file, assert_bad_input, value: int) -> None:
    path = write_file("answers.json", json.dumps({"innovation_01": value}))

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert f"The answer to 'innovation_01' must be from 1 to 5, got {value}" in message


@pytest.mark.parametrize("value", ["4", 2.5, True, None, [4]])
def test_an_answer_that_is_not_a_whole_number_is_refused(
    cli, write_file, assert_bad_input, value: object
) -> None:
    path = write_file("answers.json", json.dumps({"innovation_01": value}))

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert "The answer to 'innovation_01' must be a whole number from 1 to 5" in message


def test_an_unknown_question_id_is_refused(cli, write_file, assert_bad_input) -> None:
    path = write_file("answers.json", json.dumps({"innovation_01": 3, "telepathy_01": 4}))

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert "Unknown question id 'telepathy_01'" in message


def test_an_unknown_target_lists_the_known_ones(cli, assert_bad_input) -> None:
    message = assert_bad_input(cli("report", *QA, "--target", "astronaut"))

    assert "Unknown target role 'astronaut'" in message
    assert "technical" in message and "platform" in message


def test_a_broken_framework_file_is_refused(cli, write_file, assert_bad_input) -> None:
    path = write_file("broken.yaml", "origins:\n  - id: qa\n    strengths: [telepathy]\n")

    message = assert_bad_input(cli("report", *QA, "--framework", str(path)))

    assert f"{path.resolve()}:3: origins[0].strengths[0]:" in message


def test_a_broken_framework_file_from_the_environment_is_refused(
    cli, write_file, assert_bad_input
) -> None:
    path = write_file("broken.yaml", "origins: [\n")

    message = assert_bad_input(cli("report", *QA, env={"PM_ORIGINS_FRAMEWORK": str(path)}))

    assert str(path.resolve()) in message
    assert "not valid YAML" in message


@pytest.mark.parametrize("spec", ["QA Engineer", "QA Engineer 5", "=5"])
def test_a_role_without_title_equals_years_is_refused(cli, assert_bad_input, spec: str) -> None:
    message = assert_bad_input(cli("report", "--role", spec))

    assert f'--role {spec!r} must look like "QA Engineer=5"' in message


@pytest.mark.parametrize("spec", ["QA Engineer=five", "QA Engineer=5@last year"])
def test_years_that_are_not_numbers_are_refused(cli, assert_bad_input, spec: str) -> None:
    message = assert_bad_input(cli("report", "--role", spec))

    assert "years must be a number" in message


@pytest.mark.parametrize(
    "spec", ["QA Engineer=-1", "QA Engineer=61", "QA Engineer=nan", "QA Engineer=inf"]
)
def test_years_outside_0_to_60_are_refused(cli, assert_bad_input, spec: str) -> None:
    message = assert_bad_input(cli("report", "--role", spec))

    assert "Years in 'QA Engineer' must be a number from 0 to 60" in message


@pytest.mark.parametrize("spec", ["QA Engineer=5@-2", "QA Engineer=5@99"])
def test_years_ago_outside_0_to_60_are_refused(cli, assert_bad_input, spec: str) -> None:
    message = assert_bad_input(cli("report", "--role", spec))

    assert "How long ago 'QA Engineer' ended must be a number from 0 to 60" in message


def test_a_missing_answers_file_is_refused(cli, tmp_path: Path, assert_bad_input) -> None:
    path = tmp_path / "nowhere.json"

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert f"Cannot read {path}: No such file or directory" in message


def test_a_directory_as_answers_file_is_refused(cli, tmp_path: Path, assert_bad_input) -> None:
    message = assert_bad_input(cli("report", "--answers", str(tmp_path)))

    assert f"Cannot read {tmp_path}" in message


def test_answers_that_are_not_utf8_are_refused(cli, tmp_path: Path, assert_bad_input) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"innovation_01": "\xff"}')

    message = assert_bad_input(cli("report", "--answers", str(path)))

    assert "is not UTF-8 text" in message


def test_no_roles_and_no_answers_is_refused(cli, write_file, assert_bad_input) -> None:
    empty = write_file("answers.json", "{}")

    for args in ([], ["--answers", str(empty)]):
        message = assert_bad_input(cli("report", *args))
        assert "Give at least one --role" in message


def test_out_into_a_missing_directory_is_refused(cli, tmp_path: Path, assert_bad_input) -> None:
    out = tmp_path / "no" / "such" / "report.md"

    message = assert_bad_input(cli("report", *QA, "--format", "json", "--out", str(out)))

    assert f"Cannot write {out}: No such file or directory" in message
    assert not out.parent.exists()
