"""Backups of the site's database, and restoring them.

Two formats:

- ``native`` (the default): on SQLite a copy of the database file made with
  SQLite's online backup API (a consistent snapshot while the site keeps
  writing; WAL readers never block writers); on PostgreSQL a ``pg_dump``
  archive in its custom format (one consistent snapshot by MVCC). A native
  backup restores only into the same kind of database.
- ``json``: Django's ``dumpdata`` with natural keys, every model in one JSON
  document. It loads into either database, so it moves a site from SQLite to
  PostgreSQL (or back).

``restore`` recognises the format from the file's first bytes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# Rebuilt by migrate or meaningless elsewhere: content types and permissions are
# referred to by natural key; queued tasks and rate-limit counters are transient.
JSON_EXCLUDE = ["contenttypes", "auth.permission", "django_tasks_database", "core.ratecounter"]


class BackupFormat(StrEnum):
    native = "native"
    json = "json"


class BackupError(Exception):
    """A backup or restore could not be done; the message says why, for people."""


def _setup() -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pm_origins.web.settings")
    import django
    from django.conf import settings

    django.setup()
    database: dict[str, Any] = settings.DATABASES["default"]
    return database


def _is_sqlite(database: dict[str, Any]) -> bool:
    return str(database["ENGINE"]).endswith("sqlite3")


def _pg_command(program: str, database: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    if not shutil.which(program):
        raise BackupError(f"{program} is not installed; install the PostgreSQL client tools.")
    args = [program, "--no-password", "--dbname", str(database["NAME"])]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args += [option, str(database[key])]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{args[0]} failed: {done.stderr.strip() or done.returncode}")


def backup(out: Path, fmt: BackupFormat = BackupFormat.native) -> str:
    """Write a backup of the site's database to ``out``; returns what was written, in words."""
    database = _setup()
    out = out.expanduser().resolve()
    if not out.parent.is_dir():
        raise BackupError(f"{out.parent} is not a folder.")
    partial = out.with_name(out.name + ".partial")
    try:
        if fmt is BackupFormat.json:
            _dump_json(partial)
            kind = "JSON (dumpdata, natural keys)"
        elif _is_sqlite(database):
            _sqlite_backup(Path(database["NAME"]), partial)
            kind = "SQLite database file (online backup)"
        else:
            args, env = _pg_command("pg_dump", database)
            _run([*args, "--format=custom", "--file", str(partial)], env)
            kind = "pg_dump custom-format archive"
        partial.replace(out)  # a half-written backup never takes the final name
    finally:
        partial.unlink(missing_ok=True)
    return f"{kind}, {out.stat().st_size:,} bytes"


def _sqlite_backup(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()


def _dump_json(target: Path) -> None:
    from django.core.management import call_command

    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=JSON_EXCLUDE,
        output=str(target),
        indent=None,
        verbosity=0,
    )


def detect(path: Path) -> str:
    """ "sqlite", "pg_dump" or "json", from the file's first bytes."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "pg_dump"
    if head.lstrip()[:1] == b"[":
        return "json"
    raise BackupError(
        f"{path} is not a pm-origins backup (not an SQLite file, a pg_dump archive or JSON)."
    )


def restore(path: Path) -> str:
    """Replace the site's data with the backup in ``path``; returns what was done, in words.

    Stop the site first (or at least expect its requests to fail during the
    restore): the database is replaced as a whole.
    """
    path = path.expanduser().resolve()
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    kind = detect(path)
    database = _setup()
    sqlite = _is_sqlite(database)
    if kind == "sqlite" and not sqlite:
        raise BackupError(
            "This is an SQLite backup and the site uses PostgreSQL. Make a JSON backup on the "
            "SQLite site (pm-origins backup --format json) and restore that."
        )
    if kind == "pg_dump" and sqlite:
        raise BackupError(
            "This is a PostgreSQL backup and the site uses SQLite. Make a JSON backup on the "
            "PostgreSQL site (pm-origins backup --format json) and restore that."
        )
    if kind == "sqlite":
        _sqlite_restore(path, Path(database["NAME"]))
        return "SQLite database restored (online backup API)"
    if kind == "pg_dump":
        args, env = _pg_command("pg_restore", database)
        _run(
            [*args, "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)], env
        )
        return "PostgreSQL database restored (pg_restore)"
    _load_json(path)
    return "data loaded from JSON into an emptied database"


def _sqlite_restore(source: Path, target: Path) -> None:
    from django.db import connections

    connections.close_all()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    if src.execute("PRAGMA integrity_check").fetchone() != ("ok",):
        src.close()
        raise BackupError(f"{source} fails SQLite's integrity check; it was not restored.")
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()


def _load_json(path: Path) -> None:
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        # loaddata wants a name it recognises as JSON.
        with tempfile.TemporaryDirectory() as folder:
            named = Path(folder) / "backup.json"
            named.symlink_to(path)
            call_command("loaddata", str(named), verbosity=0)
