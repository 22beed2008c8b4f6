"""Shared helpers for the CLI tests: a runner, JSON reports and framework files."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner, Result

from pm_origins.cli import app
from pm_origins.engine import responses_csv
from pm_origins.engine.irt import cumulative_probabilities
from pm_origins.framework import load_framework

# A wide, colourless terminal so Rich neither wraps nor colours what the tests read,
# and no framework file leaking in from the developer's environment.
ENV: dict[str, str | None] = {"COLUMNS": "200", "NO_COLOR": "1", "PM_ORIGINS_FRAMEWORK": None}

DATA_SCIENCE_ORIGIN = """\
origins:
  - id: data_science
    name: Data Science
    summary: You have built models and analyses that steer decisions.
    strengths: [analytics]
    weaknesses: [relationships]
    expected:
      innovation: 55
      ux: 35
      execution: 60
      analytics: 85
      research: 55
      relationships: 35
    aliases:
      - Data Scientist
      - Statistician
    story: You have spent years turning messy data into decisions people trust.
    advice:
      - competency: relationships
        text: Meet one stakeholder a week and ask which decision they are stuck on.
"""

CliInvoker = Callable[..., Result]


@pytest.fixture
def cli() -> CliInvoker:
    """Run `pm-origins ARGS...`; keyword arguments go to CliRunner.invoke."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str | None] | None = None, **kwargs: Any) -> Result:
        return runner.invoke(app, list(args), env={**ENV, **(env or {})}, **kwargs)

    return invoke


@pytest.fixture
def report_json(cli: CliInvoker) -> Callable[..., dict[str, Any]]:
    """Run `pm-origins report ARGS... --format json`, check it worked, parse the result."""

    def run(*args: str) -> dict[str, Any]:
        result = cli("report", *args, "--format", "json")
        assert result.exit_code == 0, result.output
        data: dict[str, Any] = json.loads(result.stdout)
        return data

    return run


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented text to a file under tmp_path and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def data_science_yaml() -> str:
    """A user file adding a "data_science" origin, valid as it stands."""
    return DATA_SCIENCE_ORIGIN


@pytest.fixture
def good_framework_file(write_file: Callable[[str, str], Path], data_science_yaml: str) -> Path:
    return write_file("data_science.yaml", data_science_yaml)


@pytest.fixture
def assert_bad_input() -> Callable[[Result], str]:
    """Check a run failed as bad input should; return the error message."""

    def check(result: Result) -> str:
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output
        message = result.stderr.strip()
        assert message.startswith("Error:"), message
        assert "\n\n" not in message, "the message should be one paragraph"
        return message

    return check


def _simulated_csv(
    path: Path, competencies: tuple[str, ...], respondents: int, seed: int = 1
) -> list[str]:
    """Write raw answers (reverse-keyed items flipped, 5% blank) and return the item ids."""
    framework = load_framework()
    items = [item for c in competencies for item in framework.items_for(c)]
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.8, 2.2, len(items))
    b = np.sort(rng.normal(0.0, 1.0, (len(items), 4)), axis=1)
    theta = rng.normal(size=respondents)
    keyed = (
        rng.random((respondents, len(items)))[:, :, None] < cumulative_probabilities(theta, a, b)
    ).sum(2)
    rows = []
    for person in range(respondents):
        row = {}
        for index, item in enumerate(items):
            if rng.random() < 0.05:
                continue
            value = int(keyed[person, index])
            row[item.id] = 5 - value if item.reverse else value + 1
        rows.append(row)
    item_ids = [item.id for item in items]
    path.write_text("".join(responses_csv(item_ids, rows)), encoding="utf-8")
    return item_ids


@pytest.fixture
def simulated_csv() -> Callable[..., list[str]]:
    """Write a responses CSV simulated from known parameters; returns its item ids."""
    return _simulated_csv
