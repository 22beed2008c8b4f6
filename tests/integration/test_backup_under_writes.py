"""A backup taken while the site takes writes holds every write acknowledged before
it began, and the writers see no error while it runs (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from contextlib import nullcontext
from pathlib import Path

import pytest
from benchmarks.harness import (
    ROOT,
    Server,
    Visitor,
    count_rows,
    postgres_database,
    prepared_site,
)

WRITERS = 3


def _write_until(
    stop: threading.Event, base: str, acked: list[tuple[float, str]], errors: list[int]
) -> None:
    visitor = Visitor(base)
    while not stop.is_set():
        reply = visitor.post_form("/find/", "/find/", {})
        if reply.status == 302 and reply.location.startswith("/find/"):
            acked.append((time.monotonic(), reply.location.split("/")[2]))
        else:
            errors.append(reply.status)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_backup_during_writes_keeps_every_acknowledged_write(
    database: str, tmp_path: Path
) -> None:
    with prepared_site(database) as site:
        server = Server(site, workers=2)
        with server:
            stop = threading.Event()
            acked: list[tuple[float, str]] = []
            errors: list[int] = []
            writers = [
                threading.Thread(target=_write_until, args=(stop, server.base, acked, errors))
                for _ in range(WRITERS)
            ]
            for writer in writers:
                writer.start()
            time.sleep(2)
            began = time.monotonic()
            backup = tmp_path / "during.backup"
            subprocess.run(
                [sys.executable, "-m", "pm_origins", "backup", "--out", str(backup)],
                env=site.env,
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            time.sleep(1)
            stop.set()
            for writer in writers:
                writer.join()
        assert not errors, f"writes failed during the backup: {errors[:5]}"
        before = [token for at, token in acked if at < began]
        assert len(before) > 10, "the writers were writing before the backup began"
        with postgres_database() if database == "postgresql" else nullcontext("") as url:
            data = tmp_path / "restored"
            data.mkdir()
            restored = {**site.env, "PM_ORIGINS_DATA": str(data), "DATABASE_URL": url}
            subprocess.run(
                [sys.executable, "-m", "pm_origins", "restore", str(backup)],
                env=restored,
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            counts = count_rows(restored, {"assessments": before})
    assert counts["assessments_lost"] == 0, counts
    assert counts["assessments_duplicated"] == 0, counts
    assert counts.get("integrity_ok", 1) == 1, counts
