"""Calibration and reliability results as data, plain-language notes and override YAML."""

from __future__ import annotations

from typing import Any

from pm_origins.engine import Calibration, ReliabilityReport
from pm_origins.engine.calibration import WEAK_DISCRIMINATION
from pm_origins.framework import Framework

PARAMETER_DECIMALS = 3  # a fitted parameter's standard error is rarely below 0.02
STATISTIC_DECIMALS = 4
SMALL_SAMPLE = 500  # below this many respondents the parameters are rough


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)


def calibration_data(calibration: Calibration) -> dict[str, Any]:
    """The `calibrate --format json` contract: items, n and converged."""
    return {
        "items": {
            item.item_id: {
                "discrimination": round(item.discrimination, PARAMETER_DECIMALS),
                "thresholds": [round(b, PARAMETER_DECIMALS) for b in item.thresholds],
            }
            for item in calibration.items
        },
        "n": calibration.respondents,
        "converged": calibration.converged,
    }


def calibration_notes(framework: Framework, calibration: Calibration) -> list[str]:
    """What a reader of the fitted parameters should know, one sentence each."""
    notes: list[str] = []
    if 0 < calibration.respondents < SMALL_SAMPLE:
        notes.append(
            f"Only {calibration.respondents} people answered; with fewer than {SMALL_SAMPLE} "
            f"the fitted parameters are rough."
        )
    for competency, reason in calibration.skipped:
        name = framework.competency(competency).name
        notes.append(f"{name} was not calibrated: {reason}.")
    for scale in calibration.scales:
        if not scale.converged:
            name = framework.competency(scale.competency).name
            notes.append(
                f"{name} did not converge in {scale.iterations} rounds; its parameters are "
                f"the last ones reached and should not be used as they stand."
            )
    for item in calibration.items:
        if item.weak:
            notes.append(
                f"{item.item_id} barely tracks its competency (discrimination "
                f"{item.discrimination:.2f}, below {WEAK_DISCRIMINATION}); check its wording "
                f"and whether it is keyed the right way."
            )
        if item.unused_answers:
            answers = ", ".join(str(a) for a in item.unused_answers)
            notes.append(
                f"Nobody answered {answers} to {item.item_id}; the thresholds next to "
                f"{'that answer' if len(item.unused_answers) == 1 else 'those answers'} "
                f"rest on a weak prior, not on data."
            )
    return notes


def calibration_override_yaml(calibration: Calibration, *, source: str) -> str:
    """A framework file that sets the fitted parameters on each item, by id.

    Loaded with `--framework` or PM_ORIGINS_FRAMEWORK it is merged over the
    bundled framework, which then gets a new version; results saved under an
    older version keep the parameters they were scored with.
    """
    lines = [
        f"# Item parameters fitted by `pm-origins calibrate` from {source}",
        f"# ({calibration.respondents} respondents; converged: "
        f"{'yes' if calibration.converged else 'NO'}).",
        "# Graded response model: P(answer >= k + 1) = 1 / (1 + exp(-a (theta - b_k))),",
        "# theta ~ N(0, 1), on keyed answers (reverse-keyed items flipped first).",
        "# Load it with --framework or PM_ORIGINS_FRAMEWORK; results saved before keep",
        "# the framework version they were scored with. If you already use a framework",
        "# file, add these two fields to its item entries instead (records merge by id).",
    ]
    if not calibration.skipped:
        # Every competency was fitted, so no item keeps its provisional parameters.
        lines.append("item_parameters: calibrated")
    lines.append("items:")
    for item in calibration.items:
        thresholds = ", ".join(f"{b:.{PARAMETER_DECIMALS}f}" for b in item.thresholds)
        lines.append(f"  - id: {item.item_id}")
        lines.append(f"    discrimination: {item.discrimination:.{PARAMETER_DECIMALS}f}")
        lines.append(f"    thresholds: [{thresholds}]")
    return "\n".join(lines) + "\n"


def reliability_data(report: ReliabilityReport) -> dict[str, Any]:
    """The `reliability --format json` contract: per competency alpha, omega, marginal..."""
    out: dict[str, Any] = {}
    for scale in report.scales:
        interval = (
            [
                round(scale.alpha_ci[0], STATISTIC_DECIMALS),
                round(scale.alpha_ci[1], STATISTIC_DECIMALS),
            ]
            if scale.alpha_ci
            else None
        )
        out[scale.competency] = {
            "alpha": _round(scale.alpha, STATISTIC_DECIMALS),
            "alpha_ci": interval,
            "omega": _round(scale.omega, STATISTIC_DECIMALS),
            "marginal": _round(scale.marginal, STATISTIC_DECIMALS),
            "n": scale.n,
            "items": {item_id: _round(r, STATISTIC_DECIMALS) for item_id, r in scale.items},
        }
    return {"competencies": out}
