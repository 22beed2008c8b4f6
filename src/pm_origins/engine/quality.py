"""Response checks: answers that do not look like a person describing their work.

Four checks, each with a flag word used in the JSON `quality.flags`:

- ``too_few_answers``: some answers, but fewer than `MIN_ANSWERS`; too little
  to score with confidence or to check the answers against each other.
- ``straight_lining``: at least `MIN_ANSWERS` answers and `STRAIGHT_SHARE` of
  them the same raw answer. Because some items are reverse-keyed, a person who
  really sits at one end of every scale still gives mixed raw answers.
- ``inconsistent``: in some competency with at least `MIN_SIDE` answered items
  on each side, the keyed answers to its positive items and to its reverse
  items sit `INCONSISTENT_GAP` or more categories apart on average (for
  example "often" to a habit and "often" to its opposite).
- ``misfit``: the person-fit statistic lz (Drasgow, Levine & Williams, 1985),
  generalised to graded items, is below `MISFIT_CUTOFF`. For each answered
  item, at the person's EAP theta of its competency (population prior):
  l = sum log P(x_i), E = sum_i sum_k P_ik log P_ik,
  V = sum_i [sum_k P_ik (log P_ik)^2 - (sum_k P_ik log P_ik)^2],
  lz = (l - E) / sqrt(V). Answers the model finds unlikely for anyone at that
  level give a large negative lz. Computed only with `MIN_ANSWERS` or more.

The cut-offs are set by simulation against the model (see tests/engine/
test_response_quality.py and docs/PERFORMANCE.md): at most 5% of people
simulated from the bundled item parameters are flagged, and at least 90% of
people answering uniformly at random are.

A flagged response is scored with each answer counting as `FLAGGED_ANSWER_WEIGHT`
of an answer (its log-likelihood is multiplied by that factor), which widens
every answered competency's band by about 1/sqrt(weight) while keeping where
the answers point.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pm_origins.engine.irt import PROBABILITY_FLOOR
from pm_origins.engine.scoring import (
    FloatArray,
    ItemBank,
    answer_matrix,
    item_bank,
    keyed_answers,
    posterior_matrix,
)
from pm_origins.framework import Framework

STRAIGHT_LINING = "straight_lining"
INCONSISTENT = "inconsistent"
MISFIT = "misfit"
TOO_FEW_ANSWERS = "too_few_answers"
FLAGS = (STRAIGHT_LINING, INCONSISTENT, MISFIT, TOO_FEW_ANSWERS)

MIN_ANSWERS = 12  # fewer answers are too few to score with confidence or to check
STRAIGHT_SHARE = 0.85
MIN_SIDE = 2
INCONSISTENT_GAP = 2.5
MISFIT_CUTOFF = -2.0
FLAGGED_ANSWER_WEIGHT = 0.5

FLAG_TEXT = {
    STRAIGHT_LINING: "Almost every answer was the same, even where the statements point opposite "
    "ways.",
    INCONSISTENT: "Some answers contradict each other: a habit and its opposite were both "
    "answered as frequent (or both as rare).",
    MISFIT: "The pattern of answers is unusual for anyone at your level, as if some were given "
    "at random.",
    TOO_FEW_ANSWERS: "Only a few questions were answered.",
}
WIDENED_TEXT = (
    "So your answers count for less than usual and the likely ranges are wider. "
    "Answering again, carefully, will narrow them."
)


@dataclass(frozen=True)
class ResponseQuality:
    """What the checks found in one person's answers."""

    flags: tuple[str, ...]  # in the order of FLAGS
    person_fit: float | None  # lz; None with fewer than MIN_ANSWERS answers

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def answer_weight(self) -> float:
        """How much each answer counts when scoring (1, or less for a flagged response)."""
        return FLAGGED_ANSWER_WEIGHT if self.flagged else 1.0


@dataclass(frozen=True)
class QualityMatrix:
    """The checks for many respondents: one boolean column per flag (in FLAGS order)."""

    flags: npt.NDArray[np.bool_]  # (N, 4)
    person_fit: FloatArray  # (N,), NaN where not computed

    @property
    def flagged(self) -> npt.NDArray[np.bool_]:
        result: npt.NDArray[np.bool_] = np.any(self.flags, axis=1)
        return result


def person_fit(bank: ItemBank, matrix: FloatArray, theta: FloatArray) -> FloatArray:
    """lz per respondent at the given theta (respondents x competencies); NaN with no answers."""
    keyed = keyed_answers(bank, matrix)
    answered = ~np.isnan(keyed)
    at = theta[:, bank.competency_index]  # (N, I)
    z = bank.discrimination[None, :, None] * (at[:, :, None] - bank.thresholds[None, :, :])
    star = 1.0 / (1.0 + np.exp(-z))
    rows, items = at.shape
    upper = np.concatenate([np.ones((rows, items, 1)), star], axis=2)
    lower = np.concatenate([star, np.zeros((rows, items, 1))], axis=2)
    p = np.clip(upper - lower, PROBABILITY_FLOOR, 1.0)
    log_p = np.log(p)
    chosen = np.where(answered, keyed, 0).astype(np.intp)
    observed = np.take_along_axis(log_p, chosen[:, :, None], axis=2)[:, :, 0]
    expected = np.sum(p * log_p, axis=2)
    variance = np.sum(p * np.square(log_p), axis=2) - np.square(expected)
    total = np.sum(np.where(answered, observed - expected, 0.0), axis=1)
    spread = np.sum(np.where(answered, variance, 0.0), axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        lz: FloatArray = np.where(spread > 0, total / np.sqrt(spread), np.nan)
    return lz


def quality_matrix(bank: ItemBank, matrix: FloatArray) -> QualityMatrix:
    """Run every check for many respondents at once.

    Args:
        bank: the compiled questionnaire.
        matrix: respondents x items raw answers, NaN where unanswered.
    Returns:
        A QualityMatrix (flags in FLAGS order, person fit where computed).
    """
    matrix = np.asarray(matrix, dtype=float)
    answered = ~np.isnan(matrix)
    count = answered.sum(axis=1)
    enough = count >= MIN_ANSWERS
    too_few = (count > 0) & ~enough

    points = int(bank.points.max()) if bank.points.size else 0
    same = np.stack([np.sum(matrix == value, axis=1) for value in range(1, points + 1)], axis=1)
    straight = enough & (same.max(axis=1) >= STRAIGHT_SHARE * np.maximum(count, 1))

    keyed = keyed_answers(bank, matrix)
    filled = np.where(answered, keyed, 0.0)
    positive = answered & ~bank.reverse[None, :]
    reverse = answered & bank.reverse[None, :]
    keys = bank.keys
    positive_count = positive.astype(float) @ keys
    reverse_count = reverse.astype(float) @ keys
    with np.errstate(invalid="ignore", divide="ignore"):
        positive_mean = (filled * positive) @ keys / positive_count
        reverse_mean = (filled * reverse) @ keys / reverse_count
    both = (positive_count >= MIN_SIDE) & (reverse_count >= MIN_SIDE)
    gap = np.where(both, np.abs(positive_mean - reverse_mean), 0.0)
    inconsistent = np.any(gap >= INCONSISTENT_GAP, axis=1)

    posterior, _ = posterior_matrix(bank, matrix)
    fit = np.where(enough, person_fit(bank, matrix, posterior.theta), np.nan)
    misfit = enough & (fit < MISFIT_CUTOFF)
    flags = np.stack([straight, inconsistent, misfit, too_few], axis=1)
    return QualityMatrix(flags=flags, person_fit=fit)


def check_responses(framework: Framework, answers: Mapping[str, object]) -> ResponseQuality:
    """The response checks for one person's answers (see the module docstring).

    Raises:
        EngineInputError: an unknown item id or an answer off the scale.
    """
    return check_many(framework, [answers])[0]


def check_many(
    framework: Framework, people: Sequence[Mapping[str, object]]
) -> list[ResponseQuality]:
    """The response checks for many people's answers in one vectorised pass (a roster):
    person by person what `check_responses` finds (person fit equal up to the last
    bits of floating-point rounding, as one matrix product serves everyone).

    Raises:
        EngineInputError: an unknown item id or an answer off the scale.
    """
    bank = item_bank(framework)
    if not people:
        return []
    return check_rows(bank, np.vstack([answer_matrix(bank, a) for a in people]))


def check_rows(bank: ItemBank, matrix: FloatArray) -> list[ResponseQuality]:
    """`check_many` on answers already laid out as rows (`scoring.answer_matrix`)."""
    found = quality_matrix(bank, matrix)
    out = []
    for row, fit in zip(found.flags, found.person_fit.tolist(), strict=True):
        out.append(
            ResponseQuality(
                flags=tuple(flag for flag, on in zip(FLAGS, row, strict=True) if on),
                person_fit=None if np.isnan(fit) else float(fit),
            )
        )
    return out
