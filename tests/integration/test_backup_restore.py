"""`pm-origins backup` and `restore`: native round trips on each database, and
SQLite -> JSON -> PostgreSQL -> JSON giving the same content."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.harness import ROOT, Site, postgres_database, prepared_site

CONTENT = """
import django; django.setup()
from pm_origins.engine import Role
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services
from pm_origins.web.series.models import Article, Comment
ann = User.objects.create_user(email="ann@example.org", password="a long passphrase 1")
services.assessment_submit(user=ann, roles=[Role("QA Engineer", 4)], answers={}, target="technical")
services.assessment_submit(user=None, roles=[Role("Sales Manager", 6, 1)], answers={}, target=None)
article = Article.objects.order_by("position").first()
Comment.objects.create(article=article, user=ann, name="Ann", email=ann.email,
                       body="Thanks, this helped me – ünïcode too.", fingerprint="f" * 64)
# A time under a millisecond past the second: JSON keeps milliseconds only (see _content).
import datetime as dt
Article.objects.filter(pk=article.pk).update(
    updated_at=dt.datetime(2026, 3, 1, 9, 30, 15, 500, tzinfo=dt.timezone.utc))
"""


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pm_origins", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


# Django's JSON writes a time to the millisecond ("09:30:15.000" for 500 microseconds),
# and a time with no fraction left after a round trip without one ("09:30:15").
EMPTY_FRACTION = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.000(?=Z$|[+-]\d\d:\d\d$|$)")


def _canonical(value: object) -> object:
    return EMPTY_FRACTION.sub(r"\1", value) if isinstance(value, str) else value


def _content(path: Path) -> list[str]:
    """Every object of a JSON backup, canonical and sorted: equal lists, equal content."""
    objects = json.loads(path.read_text())
    for obj in objects:
        obj["fields"] = {name: _canonical(value) for name, value in obj["fields"].items()}
    return sorted(json.dumps(obj, sort_keys=True) for obj in objects)


@pytest.fixture(scope="module")
def sqlite_site() -> Iterator[Site]:
    with prepared_site("sqlite") as site:
        subprocess.run([sys.executable, "-c", CONTENT], env=site.env, cwd=ROOT, check=True)
        yield site


def _empty_env(site: Site, data: Path, database_url: str) -> dict[str, str]:
    data.mkdir(exist_ok=True)
    return {**site.env, "PM_ORIGINS_DATA": str(data), "DATABASE_URL": database_url}


def test_sqlite_data_moves_to_postgresql_and_back_out_unchanged(
    sqlite_site: Site, tmp_path: Path
) -> None:
    first, second = tmp_path / "sqlite.json", tmp_path / "postgres.json"
    assert "JSON" in _cli(sqlite_site.env, "backup", "--format", "json", "--out", str(first))
    with postgres_database() as url:
        env = _empty_env(sqlite_site, tmp_path / "pg-data", url)
        _cli(env, "restore", str(first))
        _cli(env, "backup", "--format", "json", "--out", str(second))
    content = _content(first)
    assert any('"model": "assessments.assessment"' in o for o in content)
    assert any("ünïcode" in json.loads(o)["fields"].get("body", "") for o in content)
    assert _content(second) == content


def test_a_native_sqlite_backup_restores_the_same_content(
    sqlite_site: Site, tmp_path: Path
) -> None:
    backup = tmp_path / "site.sqlite3"
    assert "SQLite database file" in _cli(sqlite_site.env, "backup", "--out", str(backup))
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    env = _empty_env(sqlite_site, tmp_path / "restored", "")
    _cli(env, "restore", str(backup))
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    _cli(sqlite_site.env, "backup", "--format", "json", "--out", str(before))
    _cli(env, "backup", "--format", "json", "--out", str(after))
    assert _content(after) == _content(before)


def test_a_native_postgresql_backup_restores_the_same_content(
    sqlite_site: Site, tmp_path: Path
) -> None:
    source = tmp_path / "source.json"
    _cli(sqlite_site.env, "backup", "--format", "json", "--out", str(source))
    dump, after = tmp_path / "site.pgdump", tmp_path / "after.json"
    with postgres_database() as first_url, postgres_database() as second_url:
        first = _empty_env(sqlite_site, tmp_path / "a", first_url)
        _cli(first, "restore", str(source))
        assert "pg_dump" in _cli(first, "backup", "--out", str(dump))
        second = _empty_env(sqlite_site, tmp_path / "b", second_url)
        _cli(second, "restore", str(dump))
        _cli(second, "backup", "--format", "json", "--out", str(after))
    assert _content(after) == _content(source)


def test_a_backup_for_the_other_database_is_refused_with_a_message(
    sqlite_site: Site, tmp_path: Path
) -> None:
    backup = tmp_path / "site.sqlite3"
    _cli(sqlite_site.env, "backup", "--out", str(backup))
    with postgres_database() as url:
        done = subprocess.run(
            [sys.executable, "-m", "pm_origins", "restore", str(backup)],
            env=_empty_env(sqlite_site, tmp_path / "pg", url),
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    assert done.returncode == 2
    assert "--format json" in done.stderr and "Traceback" not in done.stderr


def test_a_file_that_is_no_backup_is_refused(sqlite_site: Site, tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    done = subprocess.run(
        [sys.executable, "-m", "pm_origins", "restore", str(junk)],
        env=sqlite_site.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "not a pm-origins backup" in done.stderr
