"""Adaptive testing: one selection + update step against catsim, and a simulation.

Step: our `AdaptiveSession` (answer, then choose the next item) against
catsim 0.21's `NumericalSearchEstimator` + `MaxInfoSelector` on the same bank
reduced to the dichotomous case catsim supports (every item keeps its
discrimination; its one difficulty is the middle of its thresholds; all 76
items on one scale, as catsim has one). Both run whole tests of 40 items with
the same fixed answers; the figure is time per step (median of 5 runs). Our
real step (five-point items, six competencies) is timed too.

Simulation: respondents drawn from the population (theta ~ N(0, 1) on each
competency, independent), answering from the bundled item parameters, take the
test in "quick", "full" and "all" mode with the same answers. Reported: mean
items used against the whole bank, RMSE of the estimate against the true theta,
and how often the 90% band (estimate +/- 1.645 SE) holds the truth. The same
again on a bank of the same shape with moderately sharp questions
(discriminations 0.6-1.6), since the bundled parameters are provisional.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from benchmarks.common import Comparison
from pm_origins.engine import adaptive_bank, item_bank
from pm_origins.engine.adaptive import (
    MODE_ALL,
    MODE_FULL,
    MODE_QUICK,
    AdaptiveBank,
    AdaptiveSession,
)
from pm_origins.engine.irt import FloatArray
from pm_origins.framework import Framework, load_framework

RESPONDENTS = 2000
STEP_ITEMS = 40
BAND_Z = 1.645


@dataclass(frozen=True)
class Simulated:
    """One mode's run over every respondent."""

    mode: str
    items: FloatArray  # questions asked per respondent
    theta: FloatArray  # estimates, respondents x competencies
    se: FloatArray

    def rmse(self, truth: FloatArray) -> float:
        return float(np.sqrt(np.mean(np.square(self.theta - truth))))

    def coverage(self, truth: FloatArray) -> float:
        return float(np.mean(np.abs(self.theta - truth) <= BAND_Z * self.se))


def respondents(
    framework: Framework,
    count: int,
    seed: int,
    parameters: tuple[FloatArray, FloatArray] | None = None,
) -> tuple[FloatArray, FloatArray]:
    """(true theta, raw answers 1 .. points), drawn from the bank's own model (or from
    `parameters`, a and b, on the bank's items)."""
    bank = item_bank(framework)
    a, b = parameters or (bank.discrimination, bank.thresholds)
    rng = np.random.default_rng(seed)
    truth = rng.normal(size=(count, len(bank.competency_ids)))
    person_item = truth[:, bank.competency_index]  # each item's competency theta
    # P(X >= k) per person and item, from each person's own theta on that item's scale.
    z = a[None, :, None] * (person_item[:, :, None] - b[None])
    star = 1.0 / (1.0 + np.exp(-z))
    keyed = (rng.random((count, len(bank.item_ids)))[:, :, None] < star).sum(axis=2)
    raw = np.where(bank.reverse[None, :], bank.points[None, :] - keyed, keyed + 1)
    return truth, raw.astype(float)


def simulate(bank: AdaptiveBank, raw: FloatArray, mode: str) -> Simulated:
    """Every respondent through one session in `mode`, answering from `raw`."""
    count = raw.shape[0]
    size = len(bank.competency_ids)
    items = np.zeros(count)
    theta = np.zeros((count, size))
    se = np.zeros((count, size))
    for person in range(count):
        session = AdaptiveSession(bank, mode)
        while (item := session.next_item()) is not None:
            session.answer(item, int(raw[person, bank.positions[item]]))
        items[person] = len(session.asked)
        for c, estimate in enumerate(session.estimates()):
            theta[person, c], se[person, c] = estimate.theta, estimate.se
    return Simulated(mode, items, theta, se)


def _dichotomous(framework: Framework) -> tuple[AdaptiveBank, FloatArray, FloatArray]:
    bank = item_bank(framework)
    a = bank.discrimination
    b = bank.thresholds.mean(axis=1)
    ours = AdaptiveBank.from_parameters(
        bank.item_ids, ("all",), np.zeros(len(a), dtype=np.intp), a, b[:, None]
    )
    return ours, a, b


def _our_steps(bank: AdaptiveBank, answers: list[int]) -> float:
    session = AdaptiveSession(bank, MODE_ALL)
    start = time.perf_counter()
    item = session.next_item()
    for answer in answers:
        session.answer(item, answer)
        item = session.next_item()
    return (time.perf_counter() - start) / len(answers)


def _catsim_steps(a: FloatArray, b: FloatArray, answers: list[int]) -> float:
    from catsim.estimation import NumericalSearchEstimator
    from catsim.item_bank import ItemBank as CatsimBank
    from catsim.selection import MaxInfoSelector

    parameters = np.column_stack([a, b, np.zeros_like(a), np.ones_like(a)])
    catsim_bank = CatsimBank(parameters)
    selector, estimator = MaxInfoSelector(), NumericalSearchEstimator()
    administered: list[int] = []
    responses: list[bool] = []
    theta = 0.0
    start = time.perf_counter()
    item = selector.select(item_bank=catsim_bank, administered_items=administered, est_theta=0.0)
    for answer in answers:
        administered.append(int(item))  # type: ignore[arg-type]
        responses.append(answer == 2)
        theta = estimator.estimate(
            item_bank=catsim_bank,
            administered_items=administered,
            response_vector=responses,
            est_theta=theta,
        )
        item = selector.select(
            item_bank=catsim_bank, administered_items=administered, est_theta=theta
        )
    return (time.perf_counter() - start) / len(answers)


def _median(function: object, repeats: int = 5) -> float:
    runs = sorted(function() for _ in range(repeats))  # type: ignore[operator]
    return float(runs[repeats // 2])


def step_comparisons(framework: Framework) -> list[Comparison]:
    rng = np.random.default_rng(11)
    binary = [int(x) for x in rng.integers(1, 3, STEP_ITEMS)]
    five = [int(x) for x in rng.integers(1, 6, STEP_ITEMS)]
    dichotomous, a, b = _dichotomous(framework)
    real = adaptive_bank(framework)
    ours_binary = _median(lambda: _our_steps(dichotomous, binary))
    ours_real = _median(lambda: _our_steps(real, five))
    out = [
        Comparison(
            "CAT step (real bank)",
            "AdaptiveSession, 5-point GRM, 6 scales",
            ours_real * 1e6,
            "target",
            50.0,
            f"answer + next item, {STEP_ITEMS}-item test",
            unit="us",
        )
    ]
    try:
        import catsim  # noqa: F401
    except ImportError:
        print("adaptive: catsim is not installed; `pip install -e '.[dev]'` brings it in")
        return out
    theirs = _median(lambda: _catsim_steps(a, b, binary), repeats=3)
    out.append(
        Comparison(
            "CAT step (dichotomous bank)",
            "AdaptiveSession (EAP on grid + max info)",
            ours_binary * 1e6,
            "catsim NumericalSearchEstimator + MaxInfoSelector",
            theirs * 1e6,
            f"per step, {STEP_ITEMS}-item test, 76 items, one scale",
            unit="us",
        )
    )
    return out


def moderate_bank(
    framework: Framework, seed: int = 5
) -> tuple[AdaptiveBank, FloatArray, FloatArray]:
    """The bundled bank's shape (items, competencies, reverse keys) with moderately sharp
    questions: discriminations 0.6-1.6, thresholds spread around 0 (as in the tests)."""
    bank = item_bank(framework)
    rng = np.random.default_rng(seed)
    count = len(bank.item_ids)
    a = rng.uniform(0.6, 1.6, count)
    centre = rng.normal(0.0, 0.5, count)
    gaps = rng.uniform(0.5, 1.2, (count, bank.thresholds.shape[1]))
    b = centre[:, None] + np.cumsum(gaps, axis=1) - gaps.sum(axis=1, keepdims=True) / 2
    tabulated = AdaptiveBank.from_parameters(
        bank.item_ids, bank.competency_ids, bank.competency_index, a, b, bank.reverse
    )
    return tabulated, a, b


def simulation_comparisons(
    framework: Framework, count: int = RESPONDENTS, *, moderate: bool = False
) -> list[Comparison]:
    if moderate:
        bank, a, b = moderate_bank(framework)
        truth, raw = respondents(framework, count, seed=2026, parameters=(a, b))
        label = "moderate bank"
    else:
        bank = adaptive_bank(framework)
        truth, raw = respondents(framework, count, seed=2026)
        label = "bundled bank"
    runs = {mode: simulate(bank, raw, mode) for mode in (MODE_QUICK, MODE_FULL, MODE_ALL)}
    whole = len(bank.item_ids)
    everything = runs[MODE_ALL]
    out = []
    for mode in (MODE_QUICK, MODE_FULL):
        run = runs[mode]
        out.append(
            Comparison(
                f"CAT items ({mode}, {label}, {count:,} simulated)",
                f"{mode}: mean items",
                float(run.items.mean()),
                "whole bank",
                float(whole),
                f"{run.items.mean() / whole:.0%} of the bank, range "
                f"{int(run.items.min())}-{int(run.items.max())}",
                unit="items",
            )
        )
        out.append(
            Comparison(
                f"CAT RMSE ({mode}, {label}, {count:,} simulated)",
                f"{mode}: RMSE vs true theta x 1000",
                1000 * run.rmse(truth),
                "all items",
                1000 * everything.rmse(truth),
                f"90% band coverage {mode} {run.coverage(truth):.1%}, "
                f"all {everything.coverage(truth):.1%}",
                unit="",
            )
        )
    return out


def run() -> list[Comparison]:
    framework = load_framework()
    return [
        *step_comparisons(framework),
        *simulation_comparisons(framework),
        *simulation_comparisons(framework, moderate=True),
    ]
