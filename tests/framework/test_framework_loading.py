"""Loading a user's framework file: merging over the bundled data, and precise errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pm_origins.framework import (
    Framework,
    FrameworkError,
    framework_data,
    framework_from_data,
    load_framework,
)

DATA_SCIENCE = """\
origins:
  - id: data_science
    name: Data Science
    summary: Models and experiments.
    strengths: [analytics]
    weaknesses: [relationships]
    expected: {innovation: 55, ux: 40, execution: 55, analytics: 85, research: 50,
               relationships: 35}
    aliases: [Data Scientist, Machine Learning Scientist]
    story: You turned data into decisions.
    advice:
      - {competency: relationships, text: Sit with account managers for a week.}
"""


def write(tmp_path: Path, text: str, name: str = "org.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    return [str(p) for p in caught.value.problems]


def test_a_user_file_adds_an_origin(tmp_path: Path, framework: Framework) -> None:
    loaded = load_framework(write(tmp_path, DATA_SCIENCE))
    assert loaded.origin("data_science").name == "Data Science"
    assert len(loaded.origins) == len(framework.origins) + 1


def test_a_user_file_overrides_only_the_fields_it_names(
    tmp_path: Path, framework: Framework
) -> None:
    path = write(
        tmp_path,
        """\
        origins:
          - id: qa
            name: Testing & Quality
        """,
    )
    loaded = load_framework(path)
    assert loaded.origin("qa").name == "Testing & Quality"
    assert loaded.origin("qa").story == framework.origin("qa").story


def test_the_version_is_a_content_hash(tmp_path: Path, framework: Framework) -> None:
    assert load_framework().version == framework.version
    changed = load_framework(write(tmp_path, "origins:\n  - {id: qa, name: Testers}\n"))
    assert changed.version != framework.version
    assert len(framework.version) == 12


def test_a_stored_framework_reads_back_with_its_version(framework: Framework) -> None:
    restored = framework_from_data(framework_data(framework))
    assert restored.version == framework.version
    assert restored.origin("qa") == framework.origin("qa")


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "origins:\n  - id: qa\n    name: [unclosed\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:")
    assert "not valid YAML" in problem


def test_an_unknown_competency_points_at_its_line_and_key_path(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        origins:
          - id: qa
            strengths:
              - execution
              - empathy
        """,
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path.resolve()}:5: origins[0].strengths[1]: ")
    assert "unknown competency 'empathy'" in problem


def test_a_wrong_type_points_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        roles:
          - id: technical
            expectations:
              execution: {level: high, weight: 1}
        """,
    )
    problems = problems_of(path)
    assert any(
        p.startswith(f"{path.resolve()}:4: roles[0].expectations.execution.level: ")
        for p in problems
    ), problems


def test_a_duplicate_id_in_one_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "origins:\n  - {id: qa, name: A}\n  - {id: qa, name: B}\n")
    (problem,) = problems_of(path)
    assert ":3: origins[1].id: duplicate id 'qa'" in problem


def test_a_duplicate_key_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "origins:\n  - id: qa\n    name: A\n    name: B\n")
    (problem,) = problems_of(path)
    assert ":4: origins[0].name: duplicate key" in problem


def test_an_alias_claimed_by_two_origins_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, DATA_SCIENCE.replace("[Data Scientist,", "[QA Engineer,"))
    problems = problems_of(path)
    assert any("alias 'QA Engineer' is already claimed by origin 'qa'" in p for p in problems)
    assert any(":9: origins[0].aliases[0]" in p for p in problems), problems


def test_too_few_items_for_a_competency_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "thresholds:\n  min_items: 50\n")
    problems = problems_of(path)
    assert len(problems) == 6
    assert all("at least 50 are needed" in p for p in problems)


def test_an_origin_without_advice_for_a_weakness_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        DATA_SCIENCE.replace("weaknesses: [relationships]", "weaknesses: [relationships, ux]"),
    )
    assert any("no advice for the weakness 'ux'" in p for p in problems_of(path))


def test_an_origin_missing_an_expected_score_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, DATA_SCIENCE.replace("research: 50,", ""))
    assert any("missing: research" in p for p in problems_of(path))


def test_an_unknown_section_is_an_error(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, "origin:\n  - id: qa\n"))
    assert ":1: origin: unknown section" in problem


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        items:
          - {id: x_1, competency: nope, text: I did a thing.}
          - {id: x_2, competency: ux, text: I did a thing., scale: stars}
        """,
    )
    problems = problems_of(path)
    assert len(problems) == 2
    assert "unknown competency 'nope'" in problems[0]
    assert "unknown scale 'stars'" in problems[1]


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "missing.yaml")
    assert "cannot read the file" in problem


def test_a_file_that_is_not_a_mapping_is_an_error(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, "- just\n- a list\n"))
    assert "must be a mapping" in problem


def test_the_message_counts_the_problems(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError) as caught:
        load_framework(write(tmp_path, "origin: []\nroles: 3\n"))
    assert str(caught.value).startswith("The framework has 2 problems:")


def test_an_action_variant_for_an_unknown_origin_or_competency_is_an_error(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        """\
        actions:
          - id: relationships_demo_day
            competency: relationships
            title: Demo to a client
            description: Show a client what shipped and note their questions.
            kind: practise
            hours: 4
            origins: [qa, astronaut]
            uses: [execution, charm]
        """,
    )
    problems = problems_of(path)
    assert any(
        ": actions[0].origins[1]: " in p and "unknown origin 'astronaut'" in p for p in problems
    )
    assert any(
        ": actions[0].uses[1]: " in p and "unknown competency 'charm'" in p for p in problems
    )


def test_an_action_variant_loads_with_its_origins_and_strengths(
    tmp_path: Path, framework: Framework
) -> None:
    path = write(
        tmp_path,
        DATA_SCIENCE
        + """\
actions:
  - id: relationships_model_walkthrough
    competency: relationships
    title: Walk a client through a model's results
    description: Explain one model's results to a client and note their questions.
    kind: practise
    hours: 4
    origins: [data_science]
    uses: [analytics]
""",
    )
    loaded = load_framework(path)
    action = loaded.action("relationships_model_walkthrough")
    assert action.origins == ("data_science",) and action.uses == ("analytics",)
