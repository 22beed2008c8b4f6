from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from pm_origins.web import settings as web_settings
from pm_origins.web.options import OPTIONS, OPTIONS_BY_NAME
from pm_origins.web.settings import database_from_url, env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", ["1", "true", "YES", "on", " True "])
def test_env_bool_reads_true_values(value: str) -> None:
    assert env_bool("PM_ORIGINS_DEBUG", {"PM_ORIGINS_DEBUG": value}) is True


@pytest.mark.parametrize("value", ["0", "false", "No", "off", ""])
def test_env_bool_reads_false_values(value: str) -> None:
    assert env_bool("PM_ORIGINS_DEBUG", {"PM_ORIGINS_DEBUG": value}) is False


@pytest.mark.parametrize("value", ["maybe", "2", "yes please", "tru"])
def test_env_bool_fails_loudly_on_anything_else(value: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="PM_ORIGINS_DEBUG must be 1 or 0"):
        env_bool("PM_ORIGINS_DEBUG", {"PM_ORIGINS_DEBUG": value})


def test_env_int_reads_a_number_and_fails_loudly_on_text() -> None:
    assert env_int("PM_ORIGINS_EMAIL_PORT", {"PM_ORIGINS_EMAIL_PORT": "2525"}) == 2525
    with pytest.raises(ImproperlyConfigured, match="must be a whole number, got 'ten'"):
        env_int("PM_ORIGINS_EMAIL_PORT", {"PM_ORIGINS_EMAIL_PORT": "ten"})


def test_env_int_refuses_a_number_below_its_minimum() -> None:
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int(
            "PM_ORIGINS_LOGIN_ATTEMPTS_PER_HOUR",
            {"PM_ORIGINS_LOGIN_ATTEMPTS_PER_HOUR": "0"},
            minimum=1,
        )


def test_env_list_splits_on_commas_and_drops_blanks() -> None:
    env = {"PM_ORIGINS_ALLOWED_HOSTS": " a.example , ,b.example,"}
    assert env_list("PM_ORIGINS_ALLOWED_HOSTS", env) == ["a.example", "b.example"]


def test_helpers_fall_back_to_the_declared_default() -> None:
    assert env_str("PM_ORIGINS_DATA", {}) == OPTIONS_BY_NAME["PM_ORIGINS_DATA"].default
    assert env_list("PM_ORIGINS_ALLOWED_HOSTS", {}) == ["127.0.0.1", "localhost"]


def test_helpers_refuse_an_undeclared_setting() -> None:
    with pytest.raises(ImproperlyConfigured, match="not a declared setting"):
        env_str("PM_ORIGINS_TYPO", {})


def test_every_variable_settings_reads_is_declared_with_help() -> None:
    source = Path(web_settings.__file__).read_text()
    used = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', source))
    assert used, "settings.py reads no variables?"
    assert used <= set(OPTIONS_BY_NAME)
    assert all(option.help for option in OPTIONS)


def test_database_url_selects_postgresql_with_every_part() -> None:
    db = database_from_url("postgres://ann:p%40ss@db.example:5433/pm?sslmode=require")
    assert db["ENGINE"] == "django_prometheus.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("pm", "ann", "p@ss")
    assert (db["HOST"], db["PORT"]) == ("db.example", "5433")
    assert db["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://host/db", "must start with postgres"),
        ("postgres://host", "must name a database"),
        ("postgres://host:port/db", "port that is not a number"),
    ],
)
def test_a_bad_database_url_fails_loudly(url: str, message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        database_from_url(url)


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    full_env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "pm_origins.web.manage", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_reports_nothing_with_https_and_a_long_secret(tmp_path: Path) -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "PM_ORIGINS_HTTPS": "1",
            "PM_ORIGINS_SECRET_KEY": secrets.token_urlsafe(64),
            "PM_ORIGINS_DEBUG": "0",
            "PM_ORIGINS_DATA": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_bad_value_stops_the_site_from_starting(tmp_path: Path) -> None:
    result = _manage("check", env={"PM_ORIGINS_DEBUG": "perhaps", "PM_ORIGINS_DATA": str(tmp_path)})
    assert result.returncode != 0
    assert "PM_ORIGINS_DEBUG must be 1 or 0" in result.stderr


def test_a_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        env={"PM_ORIGINS_DATA": str(tmp_path)},
    )
    second = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        env={"PM_ORIGINS_DATA": str(tmp_path)},
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
