"""`pm-origins serve` refuses a broken framework or setting with a message, before serving."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pm_origins.cli import app


@pytest.fixture
def never_serve(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr("pm_origins.web.serve.serve", lambda **kw: calls.append(kw))
    return calls


def test_a_broken_framework_file_stops_serve_with_its_line(
    tmp_path: Path,
    never_serve: list[dict[str, object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = tmp_path / "org.yaml"
    broken.write_text("origins:\n  - id: qa\n    strengths: [empathy]\n", encoding="utf-8")
    monkeypatch.setenv("PM_ORIGINS_FRAMEWORK", str(broken))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert f"{broken}:3: origins[0].strengths[0]" in result.output
    assert never_serve == []


def test_the_global_framework_option_reaches_the_site(
    tmp_path: Path,
    never_serve: list[dict[str, object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = tmp_path / "org.yaml"
    good.write_text("origins:\n  - {id: qa, name: Testers}\n", encoding="utf-8")
    monkeypatch.delenv("PM_ORIGINS_FRAMEWORK", raising=False)
    result = CliRunner().invoke(app, ["--framework", str(good), "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert never_serve == [{"host": "127.0.0.1", "port": 8123, "workers": 2, "task_worker": True}]
    import os

    assert os.environ["PM_ORIGINS_FRAMEWORK"] == str(good.resolve())
    monkeypatch.delenv("PM_ORIGINS_FRAMEWORK")


def test_a_bad_setting_stops_serve_with_a_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.core.exceptions import ImproperlyConfigured

    def refuse(**_: object) -> None:
        raise ImproperlyConfigured("PM_ORIGINS_DEBUG must be 1 or 0, got 'maybe'")

    monkeypatch.setattr("pm_origins.web.serve.serve", refuse)
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "A setting is wrong: PM_ORIGINS_DEBUG must be 1 or 0" in result.output
    assert "Traceback" not in result.output


def test_without_the_web_extra_serve_says_what_to_install_and_exits_2() -> None:
    # A fresh interpreter in which Django and gunicorn cannot be imported, as after a
    # plain `pip install pm-origins`.
    code = (
        "import sys\n"
        "for name in ('django', 'gunicorn'):\n"
        "    sys.modules[name] = None\n"
        "from pm_origins.cli import main\n"
        "sys.argv = ['pm-origins', 'serve']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    message = " ".join((done.stderr + done.stdout).split())
    assert "pip install 'pm-origins[web]'" in message
    assert "missing: django, gunicorn" in message
