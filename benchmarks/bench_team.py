"""Teams: coverage plus optimal pairing for a cohort of 1,000, the vectorised benefit
matrix against a Python double loop, and `team analyze` on a 1,000-person CSV."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.common import Comparison, best_of
from pm_origins.engine import (
    TeamMember,
    analyze_team,
    benefit_matrix,
    evaluate_roster,
    memo_matcher,
    optimal_pairs,
    read_roster,
)
from pm_origins.framework import load_framework
from pm_origins.reports import evaluation_data, member_from_result, team_data

PEOPLE = 1_000
LOOP_PEOPLE = 400  # the double loop is too slow to time at 1,000 more than once
BUDGET_SECONDS = 1.0


def cpu_of(function: Callable[[], object], repeats: int = 5) -> float:
    """Median CPU time of this process over several runs (after one warm-up), in seconds.

    CPU time, not wall time: on a shared machine the wall clock also counts other
    people's work, and the budget is about the compute this command needs.
    """
    function()
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def cohort(competencies: tuple[str, ...], size: int, seed: int = 7) -> list[TeamMember]:
    rng = np.random.default_rng(seed)
    scores = rng.uniform(10, 95, size=(size, len(competencies)))
    measured = rng.random(scores.shape) < 0.7
    return [
        TeamMember(
            f"P{i}",
            dict(zip(competencies, map(float, scores[i]), strict=True)),
            frozenset(c for c, m in zip(competencies, measured[i], strict=True) if m),
        )
        for i in range(size)
    ]


def loop_benefit(
    scores: np.ndarray, measured: np.ndarray, weights: np.ndarray
) -> list[list[float]]:
    n, c = scores.shape
    rows = scores.tolist()
    flags = measured.tolist()
    out = []
    for i in range(n):
        row = []
        for j in range(n):
            best = 0.0
            for k in range(c):
                if flags[i][k]:
                    gain = weights[k] * (rows[i][k] - rows[j][k])
                    best = max(best, gain)
            row.append(best)
        out.append(row)
    return out


def roster_csv(
    framework: object, size: int, seed: int = 3, *, every: int = 4, filled: float = 0.6
) -> str:
    """A roster: 1-2 roles each, answer columns for every `every`-th question, each
    cell answered with probability `filled`."""
    rng = np.random.default_rng(seed)
    titles = [a for o in framework.origins for a in o.aliases[:4]]  # type: ignore[attr-defined]
    items = [i.id for i in framework.items[::every]]  # type: ignore[attr-defined]
    lines = ["name,roles," + ",".join(items)]
    for i in range(size):
        roles = ";".join(
            f"{titles[rng.integers(len(titles))]}={rng.integers(1, 9)}@{rng.integers(0, 6)}"
            for _ in range(rng.integers(1, 3))
        )
        answers = ",".join(str(rng.integers(1, 6)) if rng.random() < filled else "" for _ in items)
        lines.append(f"Person {i},{roles},{answers}")
    return "\n".join(lines) + "\n"


def analyze_csv(framework: object, text: str) -> dict[str, object]:
    """What `pm-origins team analyze --format json` computes, in process."""
    match = memo_matcher(framework)  # type: ignore[arg-type]
    roster = read_roster(framework, text, matcher=match)  # type: ignore[arg-type]
    evaluations = evaluate_roster(framework, roster.people, match)  # type: ignore[arg-type]
    members = [
        member_from_result(p.name, evaluation_data(e, framework))  # type: ignore[arg-type]
        for p, e in zip(roster.people, evaluations, strict=True)
    ]
    analysis = analyze_team(framework, members)  # type: ignore[arg-type]
    return team_data(analysis, framework)  # type: ignore[arg-type]


def command_cpu(csv_text: str, repeats: int = 3) -> float:
    """The least CPU (user + system) of `pm-origins team analyze FILE --format json` as
    a whole process: Python starting, imports, reading, scoring, pairing, JSON out."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_text(csv_text, encoding="utf-8")
        times = []
        for _ in range(repeats):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pm_origins",
                    "team",
                    "analyze",
                    str(path),
                    "--format",
                    "json",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times)


def hungarian_pairs(benefit: np.ndarray) -> list[tuple[int, int]]:
    """The same optimum with SciPy's dense solver: the baseline for `optimal_pairs`."""
    from scipy.optimize import linear_sum_assignment

    clean = np.clip(benefit, 0.0, None)
    np.fill_diagonal(clean, 0.0)
    rows, columns = linear_sum_assignment(clean, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, columns, strict=True) if clean[i, j] > 0]


def run() -> list[Comparison]:
    framework = load_framework()
    competencies = framework.competency_ids
    members = cohort(competencies, PEOPLE)
    analysis_seconds = cpu_of(lambda: analyze_team(framework, members))
    pairs = len(analyze_team(framework, members).pairs)

    small = cohort(competencies, LOOP_PEOPLE)
    scores = np.array([[m.scores[c] for c in competencies] for m in small])
    measured = np.array([[c in m.measured for c in competencies] for m in small])
    weights = np.ones(len(competencies))
    vectorised = best_of(lambda: benefit_matrix(scores, measured, weights), repeats=5)
    start = time.perf_counter()
    loop_benefit(scores, measured, weights)
    looped = time.perf_counter() - start

    big = cohort(competencies, PEOPLE)
    big_benefit, _ = benefit_matrix(
        np.array([[m.scores[c] for c in competencies] for m in big]),
        np.array([[c in m.measured for c in competencies] for m in big]),
        np.ones(len(competencies)),
    )
    sparse_seconds = cpu_of(lambda: optimal_pairs(big_benefit), repeats=3)
    hungarian_seconds = cpu_of(lambda: hungarian_pairs(big_benefit), repeats=3)

    text = roster_csv(framework, PEOPLE)
    start = time.process_time()
    data = analyze_csv(framework, text)
    whole = time.process_time() - start
    warm = cpu_of(lambda: analyze_csv(framework, text), repeats=1)
    every_question = roster_csv(framework, PEOPLE, seed=5, every=1, filled=1.0)
    complete = cpu_of(lambda: analyze_csv(framework, every_question), repeats=3)
    process = command_cpu(text)
    start_only = command_cpu("\n".join(text.splitlines()[:3]) + "\n")
    load = os.getloadavg()[0]
    return [
        Comparison(
            "team",
            f"coverage + optimal pairing ({PEOPLE:,} people)",
            analysis_seconds,
            f"budget {BUDGET_SECONDS:.0f} s",
            BUDGET_SECONDS,
            f"CPU time; {pairs} pairs; within budget: {analysis_seconds <= BUDGET_SECONDS}",
        ),
        Comparison(
            "team",
            f"vectorised benefit matrix ({LOOP_PEOPLE} people)",
            vectorised,
            "Python double loop",
            looped,
            f"the loop is {looped / vectorised:,.0f}x slower",
        ),
        Comparison(
            "team",
            f"optimal pairing, LAPJVsp ({PEOPLE:,} people)",
            sparse_seconds,
            "scipy linear_sum_assignment",
            hungarian_seconds,
            "CPU time; the same optimum (tests/engine/test_team_pairing.py)",
        ),
        Comparison(
            "team",
            f"team analyze on a {PEOPLE:,}-person CSV, all of it (CPU, cold title cache)",
            whole,
            f"budget {BUDGET_SECONDS:.0f} s",
            BUDGET_SECONDS,
            f"{len(data['pairs'])} pairs; warm title cache {warm:.2f} s; "  # type: ignore[arg-type]
            f"load average {load:.1f}",
        ),
        Comparison(
            "team",
            f"team analyze on a {PEOPLE:,}-person CSV answering all "
            f"{len(framework.items)} questions (CPU)",
            complete,
            f"budget {BUDGET_SECONDS:.0f} s",
            BUDGET_SECONDS,
            "median of 3, in process",
        ),
        Comparison(
            "team",
            f"pm-origins team analyze, {PEOPLE:,} people, the whole process (CPU)",
            process,
            "the same command on 2 people",
            start_only,
            f"Python, NumPy, SciPy and the framework loading take {start_only:.2f} s of it; "
            f"best of 3; load average {load:.1f}",
        ),
    ]
