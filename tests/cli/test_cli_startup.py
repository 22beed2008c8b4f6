"""Start-up stays light: `pm-origins --help` imports nothing heavy and lists every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("numpy", "pydantic", "yaml", "django")
COMMANDS = (
    "origins",
    "framework",
    "report",
    "analyze",
    "assess",
    "serve",
    "calibrate",
    "reliability",
    "export-responses",
    "team",
)


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = (
        "import json, sys, pm_origins.cli; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )

    result = run_python("-c", code)

    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert "typer" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_help_exits_0_and_lists_every_command() -> None:
    result = run_python("-m", "pm_origins", "--help")

    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert f" {command} " in result.stdout, command
    assert "--framework" in result.stdout


def test_framework_help_lists_its_sub_commands() -> None:
    result = run_python("-m", "pm_origins", "framework", "--help")

    assert result.returncode == 0, result.stderr
    assert " validate " in result.stdout
    assert " show " in result.stdout
