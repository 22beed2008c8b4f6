"""`pm-origins assess` pipes cleanly: prompts to stderr, the report alone to stdout or --out."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

from pm_origins.cli.interactive import pick_target
from pm_origins.framework import Framework

from .test_assess_interactive import SESSION, script


def test_a_here_document_into_a_file_gives_valid_json_and_prompts_on_stderr(
    tmp_path: Path, framework: Framework
) -> None:
    out = tmp_path / "out.json"
    command = (
        f"{shlex.quote(sys.executable)} -m pm_origins assess --mode all --format json "
        f"> {shlex.quote(str(out))} <<'EOF'\n{SESSION}EOF\n"
    )
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("PM_ORIGINS_FRAMEWORK", None)

    done = subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, text=True, env=env, timeout=120
    )

    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["answers"] == {"innovation_01": 5, "ux_01": 2, "analytics_01": 3}
    assert "Step 1 of 3" in done.stderr
    assert "How often?" in done.stderr


def test_out_writes_the_report_to_a_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.json"

    result = cli("assess", "--format", "json", "--out", str(out), input=SESSION)

    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["roles"][0]["title"] == "QA Engineer"
    assert f"Report written to {out}." in result.stderr


def test_out_to_a_folder_that_does_not_exist_is_a_clear_error(
    cli, tmp_path: Path, assert_bad_input
) -> None:
    result = cli("assess", "--out", str(tmp_path / "no" / "r.md"), input=SESSION)

    assert "Cannot write" in assert_bad_input(result)


def test_the_target_prompt_takes_a_number_an_id_or_a_name(framework: Framework) -> None:
    second = framework.roles[1]

    assert pick_target(framework, "2") == second.id
    assert pick_target(framework, second.id.upper()) == second.id
    assert pick_target(framework, f"  {second.name.lower()} ") == second.id
    assert pick_target(framework, "0") is None
    assert pick_target(framework, "astronaut") is None


def test_a_session_names_its_target_after_a_bad_answer(cli, framework: Framework) -> None:
    role = framework.roles[2]
    session = script("QA Engineer", "4", "", "", "f", "nonsense", role.name)

    result = cli("assess", "--format", "json", input=session)

    assert result.exit_code == 0, result.output
    assert "a role's id" in result.stderr
    assert json.loads(result.stdout)["plan"]["target"]["id"] == role.id
