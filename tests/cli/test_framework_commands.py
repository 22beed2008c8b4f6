"""`pm-origins framework validate|show`, and choosing a framework file for any command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RENAME_QA = """\
origins:
  - id: qa
    name: Testing Folk
"""


def test_validate_accepts_a_file_that_adds_an_origin(cli, good_framework_file: Path) -> None:
    result = cli("framework", "validate", str(good_framework_file))

    assert result.exit_code == 0, result.output
    assert f"{good_framework_file}: valid" in result.stdout
    assert "8 origins" in result.stdout


def test_validate_points_at_the_line_of_a_yaml_syntax_error(
    cli, write_file, assert_bad_input
) -> None:
    path = write_file(
        "syntax.yaml",
        """\
        origins:
          - id: qa
            name: Testing: Folk
            summary: fine
        """,
    )

    message = assert_bad_input(cli("framework", "validate", str(path)))

    assert f"{path.resolve()}:3:" in message
    assert "not valid YAML" in message


def test_validate_points_at_the_line_of_an_unknown_competency(
    cli, write_file, assert_bad_input, data_science_yaml: str
) -> None:
    text = data_science_yaml.replace(
        "strengths: [analytics]", "strengths:\n      - analytics\n      - telepathy"
    )
    path = write_file("unknown.yaml", text)
    line = text.splitlines().index("      - telepathy") + 1

    message = assert_bad_input(cli("framework", "validate", str(path)))

    assert f"{path.resolve()}:{line}: origins[0].strengths[1]:" in message
    assert "unknown competency 'telepathy'" in message


def test_validate_refuses_an_alias_that_another_origin_claims(
    cli, write_file, assert_bad_input, data_science_yaml: str
) -> None:
    text = data_science_yaml.replace("- Statistician", "- QA Engineer")
    path = write_file("alias.yaml", text)
    line = text.splitlines().index("      - QA Engineer") + 1

    message = assert_bad_input(cli("framework", "validate", str(path)))

    assert f"{path.resolve()}:{line}: origins[0].aliases[1]:" in message
    assert "already claimed by origin 'qa'" in message


def test_validate_names_a_file_that_does_not_exist(cli, tmp_path: Path, assert_bad_input) -> None:
    path = tmp_path / "missing.yaml"

    message = assert_bad_input(cli("framework", "validate", str(path)))

    assert str(path) in message
    assert "cannot read the file" in message


def test_show_lists_the_version_competencies_roles_and_origins(cli, framework) -> None:
    result = cli("framework", "show")

    assert result.exit_code == 0, result.output
    assert f"{framework.label}, version {framework.version}" in result.stdout
    for record in (*framework.competencies, *framework.roles, *framework.origins):
        assert record.id in result.stdout


def test_show_as_json_has_the_version_and_every_section(cli, framework) -> None:
    result = cli("framework", "show", "--format", "json")

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["version"] == framework.version
    for section in ("competencies", "origins", "scales", "items", "actions", "roles", "thresholds"):
        assert data[section], section
    assert len(data["origins"]) == 7
    assert len(data["items"]) == len(framework.items)


@pytest.mark.parametrize("where", ["global option", "command option", "environment"])
def test_a_user_file_can_rename_an_origin(cli, write_file, where: str) -> None:
    path = str(write_file("rename.yaml", RENAME_QA))
    args, env = {
        "global option": (["--framework", path, "origins"], {}),
        "command option": (["origins", "--framework", path], {}),
        "environment": (["origins"], {"PM_ORIGINS_FRAMEWORK": path}),
    }[where]

    result = cli(*args, "--format", "json", env=env)

    assert result.exit_code == 0, result.output
    names = {r["id"]: r["name"] for r in json.loads(result.stdout)}
    assert names["qa"] == "Testing Folk"
    assert names["development"] == "Software Development"


def test_the_command_option_wins_over_the_environment(
    cli, write_file, good_framework_file: Path
) -> None:
    renamed = str(write_file("rename.yaml", RENAME_QA))

    result = cli(
        "origins",
        "--framework",
        str(good_framework_file),
        "--format",
        "json",
        env={"PM_ORIGINS_FRAMEWORK": renamed},
    )

    names = {r["id"]: r["name"] for r in json.loads(result.stdout)}
    assert names["data_science"] == "Data Science"
    assert names["qa"] == "Quality Assurance"


def test_show_reflects_a_user_file_that_adds_an_origin(
    cli, good_framework_file: Path, framework
) -> None:
    result = cli("--framework", str(good_framework_file), "framework", "show", "--format", "json")

    data = json.loads(result.stdout)
    assert "data_science" in [o["id"] for o in data["origins"]]
    assert data["version"] != framework.version


def _origin(origin_id: str, data_science_yaml: str) -> str:
    """The Data Science origin of the fixture again under another id, as list entries."""
    body = data_science_yaml.split("\n", 1)[1]  # drop "origins:"
    return body.replace("id: data_science", f"id: {origin_id}").replace(
        "- Data Scientist\n      - Statistician", f"- {origin_id.title()} Person"
    )


def test_validate_lists_missing_fields_unknown_competencies_and_alias_clashes_in_one_run(
    cli, write_file, assert_bad_input, data_science_yaml: str
) -> None:
    missing = _origin("missing_story", data_science_yaml)
    missing = "\n".join(line for line in missing.splitlines() if "story:" not in line) + "\n"
    unknown = _origin("mind_reader", data_science_yaml).replace(
        "strengths: [analytics]", "strengths: [analytics, telepathy]"
    )
    clash = _origin("tester", data_science_yaml).replace("- Tester Person", "- QA Engineer")
    empty = _origin("no_titles", data_science_yaml).replace(
        "aliases:\n      - No_Titles Person", "aliases: []"
    )
    path = write_file("broken.yaml", "origins:\n" + missing + unknown + clash + empty)

    message = assert_bad_input(cli("framework", "validate", str(path)))

    assert "origins[0].story: is required but missing" in message
    assert "origins[1].strengths[1]: unknown competency 'telepathy'" in message
    assert "origins[2].aliases[0]: alias 'QA Engineer' is already claimed by origin 'qa'" in message
    assert "origins[3].aliases: needs at least 1 entry" in message
    assert "The framework has 4 problems" in message
    for jargon in ("Field required", "should have", "after validation", "Input should"):
        assert jargon not in message
