"""Short runs of `python -m benchmarks load` and `crash`: no errors, nothing lost or doubled.

The full runs (50 users for 2 minutes on each database; 20 kills) are
benchmarks; these keep the machinery and its guarantees checked on every
`make test`. Nothing here is timed.
"""

from __future__ import annotations

from benchmarks import bench_crash, bench_load


def test_a_short_load_run_answers_every_request_and_keeps_every_acknowledged_write() -> None:
    result = bench_load.measure("sqlite", users=5, seconds=20)
    assert result.errors == {}, result.errors
    assert result.rows["assessments_acknowledged"] > 0, "users finished the guest flow"
    assert result.rows["comments_acknowledged"] > 0, "users posted comments"
    assert (result.lost, result.duplicated) == (0, 0), result.rows
    assert result.rows["completed_without_result"] == 0
    assert result.rows["integrity_ok"] == 1


def test_killing_the_server_during_writes_loses_and_doubles_nothing() -> None:
    result = bench_crash.measure(kills=3, window=(2.0, 4.0))
    assert result.rows["assessments_acknowledged"] > 0
    assert result.rows["comments_acknowledged"] > 0
    assert (result.lost, result.duplicated) == (0, 0), result.rows
    assert result.rows["integrity_ok"] == 1
