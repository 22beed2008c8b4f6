"""Kill the server with SIGKILL during writes, 20 times (``python -m benchmarks crash``).

A fresh SQLite site under gunicorn (serve's command line). In each round,
writer threads start guest assessments and post comments as fast as the site
answers (half the writers each); after a random 1-3 s the whole process group (master and workers)
gets SIGKILL, mid-write, and the server is started again. Afterwards:
``PRAGMA integrity_check`` must say ok, and every write the site acknowledged
(a 302 naming the new assessment, a "comment received" redirect) must be in the
database exactly once. The ratio line compares starting again after a kill
(WAL recovery included) with the first start of the same site.
"""

from __future__ import annotations

import http.client
import random
import statistics
import threading
import time
from dataclasses import dataclass

from benchmarks.common import Comparison
from benchmarks.harness import LOAD_ENV, Server, Visitor, comment_form, count_rows, prepared_site

KILLS = 20
WRITERS = 4


@dataclass(frozen=True)
class CrashResult:
    kills: int
    rows: dict[str, int]
    first_start_s: float
    restart_s: list[float]

    @property
    def lost(self) -> int:
        return self.rows["assessments_lost"] + self.rows["comments_lost"]

    @property
    def duplicated(self) -> int:
        return self.rows["assessments_duplicated"] + self.rows["comments_duplicated"]

    def comparison(self) -> Comparison:
        note = (
            f"{self.rows['assessments_acknowledged']} assessments and "
            f"{self.rows['comments_acknowledged']} comments acknowledged, "
            f"{self.lost} lost, {self.duplicated} duplicated, integrity "
            f"{'ok' if self.rows.get('integrity_ok') else 'FAILED'}"
        )
        return Comparison(
            f"crash (sqlite, {self.kills} x SIGKILL to the server group during writes)",
            "start after a kill",
            statistics.median(self.restart_s),
            "first start",
            self.first_start_s,
            note,
        )


def _writer(
    kind: str,
    base: str,
    article: str,
    stop: threading.Event,
    acknowledged: dict[str, list[str]],
    serial: list[int],
    lock: threading.Lock,
) -> None:
    """Start assessments (``kind`` "assessments") or post comments, until stopped."""
    visitor = Visitor(base)
    while not stop.is_set():
        try:
            if kind == "assessments":
                reply = visitor.post_form("/find/", "/find/", {})
                if reply.status == 302 and reply.location.startswith("/find/"):
                    with lock:
                        acknowledged["assessments"].append(reply.location.split("/")[2])
                continue
            with lock:
                serial[0] += 1
                marker = f"crash-{serial[0]}"
            reply = visitor.post_form(article, article + "comment/", comment_form(marker))
            if reply.status == 302 and "comment=received" in reply.location:
                with lock:
                    acknowledged["comments"].append(marker)
        except (OSError, http.client.HTTPException):  # the server died: nothing acknowledged
            time.sleep(0.05)


def measure(
    *, kills: int = KILLS, seed: int = 8, window: tuple[float, float] = (1.0, 3.0)
) -> CrashResult:
    """Run ``kills`` rounds of writes and SIGKILL (after ``window`` seconds, at random)."""
    chance = random.Random(seed)
    acknowledged: dict[str, list[str]] = {"assessments": [], "comments": []}
    lock = threading.Lock()
    serial = [0]
    restarts: list[float] = []
    with prepared_site("sqlite", LOAD_ENV) as site:
        server = Server(site)
        began = time.monotonic()
        server.start()
        first_start = time.monotonic() - began
        for round_number in range(kills):
            stop = threading.Event()
            writers = [
                threading.Thread(
                    target=_writer,
                    args=(kind, server.base, site.article_path, stop, acknowledged, serial, lock),
                )
                for kind in ("assessments", "comments") * (WRITERS // 2)
            ]
            for writer in writers:
                writer.start()
            time.sleep(chance.uniform(*window))
            server.kill()
            stop.set()
            for writer in writers:
                writer.join()
            if round_number < kills - 1:
                began = time.monotonic()
                server.start()
                restarts.append(time.monotonic() - began)
        rows = count_rows(site.env, acknowledged)
    return CrashResult(kills, rows, first_start, restarts or [first_start])


def run() -> list[Comparison]:
    return [measure().comparison()]


if __name__ == "__main__":
    for comparison in run():
        print(comparison.line(), flush=True)
