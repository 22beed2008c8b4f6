"""Record `tests/data/results/format-N.json`: results as the engine saves them today.

Run once when a new result format becomes current (after bumping
`reports.result.RESULT_FORMAT`), then record the Markdown goldens with
`PM_ORIGINS_RECORD_GOLDEN=1 pytest tests/web/test_saved_result_formats.py`.
A recorded file is never re-recorded: later code must keep reading it as it is.

    .venv/bin/python scripts/record_result_format.py

The framework snapshot stored beside the results is today's, with its version and
one competency's name marked "as saved", so the tests can tell it from the
framework in use when they run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from pm_origins.engine import BulletCompetency, EvidenceBullet, Role, evaluate
from pm_origins.framework import framework_data, load_framework
from pm_origins.reports import RESULT_FORMAT, evaluation_data

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "results"


def cases() -> dict[str, dict[str, Any]]:
    framework = load_framework()
    items = framework.items
    rng = np.random.default_rng(3)
    # A QA engineer who answers like a researcher and designer: high on innovation,
    # research and UX items, middling elsewhere (reverse items answered low).
    strong = {"innovation", "research", "ux"}
    leaning = {i.id: (2 if i.reverse else 5) if i.competency in strong else 3 for i in items}
    bullets = (
        EvidenceBullet(
            "b1",
            "Ran weekly release-risk reviews with sales and support leads.",
            "QA Lead",
            (BulletCompetency("relationships", 0.91),),
        ),
        EvidenceBullet(
            "b2",
            "Built dashboards tracking defect escape rate across four teams.",
            "QA Lead",
            (BulletCompetency("analytics", 0.88),),
        ),
        EvidenceBullet("b3", "Enjoys hiking.", "", ()),
        EvidenceBullet(
            "b4",
            "Interviewed twelve customers about onboarding pain.",
            "QA Lead",
            (BulletCompetency("research", 0.85),),
        ),
    )
    runs = {
        "career_answers_plan": evaluate(
            framework,
            [Role("QA Engineer", 10)],
            leaning,
            "technical",
        ),
        "short_career_typical": evaluate(framework, [Role("Business Analyst", 0.5)]),
        "random_answers_flagged": evaluate(
            framework,
            answers={i.id: int(rng.integers(1, 6)) for i in items},
            target="growth_data",
        ),
        "career_resume_evidence": evaluate(
            framework,
            [Role("QA Lead", 6, 0), Role("Sales Representative", 3, 6)],
            {i.id: 4 for i in items[::5]},
            "generalist",
            evidence=bullets,
            rejected=["b4"],
        ),
    }
    return {name: evaluation_data(run, framework) for name, run in runs.items()}


def main() -> None:
    path = OUT / f"format-{RESULT_FORMAT}.json"
    if path.exists():
        sys.exit(f"{path} exists; a recorded format is never re-recorded.")
    framework = load_framework()
    snapshot = framework_data(framework)
    version = f"f{RESULT_FORMAT}fixture001"
    snapshot["version"] = version
    for competency in snapshot["competencies"]:
        if competency["id"] == "ux":
            competency["name"] += " (as saved)"
    results = cases()
    for result in results.values():
        result["framework_version"] = version
    data = {
        "format": RESULT_FORMAT,
        "note": (
            f"Results as pm-origins saved them in format {RESULT_FORMAT}, with the framework "
            "snapshot they were saved under. The snapshot's version and one competency's "
            "name are marked 'as saved' so tests can tell it from the framework in use today."
        ),
        "framework": snapshot,
        "results": results,
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
