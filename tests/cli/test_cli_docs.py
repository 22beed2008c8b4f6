"""The README documents every command the CLI registers."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from pm_origins.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def command_names(typer_app: typer.Typer, prefix: str = "") -> list[str]:
    """Every command and sub-command, e.g. "origins" and "framework validate"."""
    names: list[str] = []
    for command in typer_app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        names.append(f"{prefix}{name}")
    for group in typer_app.registered_groups:
        assert group.typer_instance is not None and group.name
        names.extend(command_names(group.typer_instance, f"{prefix}{group.name} "))
    return names


def test_the_walk_finds_every_command() -> None:
    assert set(command_names(app)) == {
        "origins",
        "framework validate",
        "framework show",
        "report",
        "analyze",
        "assess",
        "serve",
        "team analyze",
        "worker",
        "backup",
        "restore",
        "calibrate",
        "reliability",
        "export-responses",
    }


@pytest.mark.parametrize("name", command_names(app))
def test_the_readme_mentions_the_command(name: str) -> None:
    assert README.exists(), f"{README} is missing"

    assert f"pm-origins {name}" in README.read_text(encoding="utf-8")
