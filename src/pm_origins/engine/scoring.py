"""Questionnaire scoring: answers to 0-100 scores with an uncertainty band.

Each competency is scored as a normal-normal update. The prior is either the
population (mean 50, wide) or a career-history prior; every answered item is an
observation of the competency with a fixed noise. The posterior mean is the
score, and the band is the central 90% interval clipped to 0-100. This makes
partial answers, reverse keys, and combining history with answers one formula,
and it vectorises to any number of respondents at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from pm_origins.engine.errors import (
    ANSWER_NOT_WHOLE,
    ANSWER_OUT_OF_RANGE,
    UNKNOWN_ITEM,
    EngineInputError,
)
from pm_origins.framework import Framework

FloatArray = npt.NDArray[np.float64]

POPULATION_MEAN = 50.0
POPULATION_SD = 30.0
ITEM_NOISE_SD = 22.0
BAND_Z = 1.645  # central 90% interval
UNCERTAIN_HALF_WIDTH = 20.0  # a band wider than +/-20 points is "uncertain"


@dataclass(frozen=True)
class AnswerContribution:
    """How far one answer moved its competency's score, in points."""

    item_id: str
    answer: int
    points: float


@dataclass(frozen=True)
class CompetencyScore:
    competency: str
    score: float
    low: float
    high: float
    sd: float
    answered: int
    contributions: tuple[AnswerContribution, ...] = ()
    prior_mean: float = POPULATION_MEAN

    @property
    def uncertain(self) -> bool:
        return (self.high - self.low) / 2 > UNCERTAIN_HALF_WIDTH


@dataclass(frozen=True)
class Profile:
    """Scores for every competency, in framework order."""

    scores: tuple[CompetencyScore, ...]

    def __getitem__(self, competency: str) -> CompetencyScore:
        for score in self.scores:
            if score.competency == competency:
                return score
        raise KeyError(competency)

    @property
    def means(self) -> dict[str, float]:
        return {s.competency: s.score for s in self.scores}

    @property
    def uncertain(self) -> tuple[str, ...]:
        return tuple(s.competency for s in self.scores if s.uncertain)


@dataclass(frozen=True)
class Prior:
    """Mean and standard deviation per competency, in framework order."""

    mean: tuple[float, ...]
    sd: tuple[float, ...]

    @classmethod
    def population(cls, size: int) -> Prior:
        return cls((POPULATION_MEAN,) * size, (POPULATION_SD,) * size)


@dataclass(frozen=True)
class ItemBank:
    """The questionnaire compiled to arrays, for scoring many people at once."""

    item_ids: tuple[str, ...]
    competency_ids: tuple[str, ...]
    keys: FloatArray  # items x competencies, 1 where the item measures the competency
    points: FloatArray  # answer points per item
    reverse: npt.NDArray[np.bool_]
    # Graded response model parameters: a per item (I,), b per item (I, K-1).
    discrimination: FloatArray
    thresholds: FloatArray
    competency_index: npt.NDArray[np.intp]  # per item, its competency's column

    def index(self, item_id: str) -> int:
        try:
            return self._positions[item_id]
        except KeyError:
            raise EngineInputError(UNKNOWN_ITEM.format(item=item_id)) from None

    @property
    def _positions(self) -> dict[str, int]:
        return _positions(self.item_ids)


@lru_cache(maxsize=64)
def _positions(item_ids: tuple[str, ...]) -> dict[str, int]:
    return {item_id: index for index, item_id in enumerate(item_ids)}


@lru_cache(maxsize=16)
def item_bank(framework: Framework) -> ItemBank:
    """Compile the framework's items (cached per framework)."""
    competency_ids = framework.competency_ids
    keys = np.zeros((len(framework.items), len(competency_ids)))
    for row, item in enumerate(framework.items):
        keys[row, competency_ids.index(item.competency)] = 1.0
    return ItemBank(
        item_ids=tuple(item.id for item in framework.items),
        competency_ids=competency_ids,
        keys=keys,
        points=np.array([framework.scale(i.scale).points for i in framework.items], dtype=float),
        reverse=np.array([i.reverse for i in framework.items], dtype=bool),
        discrimination=np.array([i.discrimination for i in framework.items], dtype=float),
        thresholds=np.array([i.thresholds for i in framework.items], dtype=float),
        competency_index=np.array(
            [competency_ids.index(i.competency) for i in framework.items], dtype=np.intp
        ),
    )


def answer_matrix(bank: ItemBank, answers: Mapping[str, object]) -> FloatArray:
    """One respondent's answers as a 1 x items row, NaN where unanswered.

    Raises EngineInputError for an unknown item or an answer off the scale.
    """
    row = np.full((1, len(bank.item_ids)), np.nan)
    for item_id, value in answers.items():
        column = bank.index(item_id)
        points = int(bank.points[column])
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value != int(value)
        ):
            raise EngineInputError(
                ANSWER_NOT_WHOLE.format(item=item_id, points=points, value=value)
            )
        if not 1 <= value <= points:
            raise EngineInputError(
                ANSWER_OUT_OF_RANGE.format(item=item_id, points=points, value=int(value))
            )
        row[0, column] = value
    return row


def item_points(bank: ItemBank, matrix: FloatArray) -> FloatArray:
    """Answers (1..points, NaN for none) to 0-100 evidence, reverse keys applied."""
    keyed = np.where(bank.reverse, bank.points + 1 - matrix, matrix)
    return (keyed - 1.0) / (bank.points - 1.0) * 100.0


def _affine(bank: ItemBank) -> tuple[FloatArray, FloatArray]:
    """Per item, evidence = offset + slope x answer (the same map as `item_points`)."""
    step = 100.0 / (bank.points - 1.0)
    slope = np.where(bank.reverse, -step, step)
    offset = np.where(bank.reverse, bank.points * step, -step)
    return slope, offset


def score_matrix(
    bank: ItemBank,
    matrix: FloatArray,
    prior_mean: FloatArray | None = None,
    prior_sd: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Score many respondents at once.

    Args:
        bank: the compiled questionnaire.
        matrix: respondents x items answers, NaN where unanswered.
        prior_mean, prior_sd: per competency (or respondents x competencies);
            the population prior when omitted.
    Returns:
        (score, sd, answered count), each respondents x competencies.
    """
    size = len(bank.competency_ids)
    mean0 = np.full(size, POPULATION_MEAN) if prior_mean is None else prior_mean
    sd0 = np.full(size, POPULATION_SD) if prior_sd is None else prior_sd
    answered = ~np.isnan(matrix)
    # Evidence is affine in the raw answer (offset + slope x answer, per item), so
    # the per-competency sums fold into two matrix products with no temporary
    # evidence matrix: values @ (slope x keys) + answered @ (offset x keys).
    slope, offset = _affine(bank)
    values = np.where(answered, matrix, 0.0)
    mask = answered.astype(float)
    sums = values @ (slope[:, None] * bank.keys)
    offsets_and_counts = mask @ np.hstack([offset[:, None] * bank.keys, bank.keys])
    sums += offsets_and_counts[:, :size]
    counts = offsets_and_counts[:, size:]
    noise_precision = 1.0 / ITEM_NOISE_SD**2
    prior_precision = 1.0 / np.square(sd0)
    precision = prior_precision + counts * noise_precision
    score = (mean0 * prior_precision + sums * noise_precision) / precision
    return score, 1.0 / np.sqrt(precision), counts


def score_answers(
    framework: Framework,
    answers: Mapping[str, object],
    prior: Prior | None = None,
) -> Profile:
    """One respondent's profile, with the contribution of every answer.

    Args:
        framework: the loaded framework.
        answers: item id -> answer on the item's scale (1 = lowest).
        prior: a history prior; the population prior when None.
    Returns:
        A Profile with a score, band and contributions per competency.
    Raises:
        EngineInputError: an unknown item id or an answer off the scale.
    """
    bank = item_bank(framework)
    prior = prior or Prior.population(len(bank.competency_ids))
    matrix = answer_matrix(bank, answers)
    mean0 = np.array(prior.mean, dtype=float)
    sd0 = np.array(prior.sd, dtype=float)
    score, sd, counts = score_matrix(bank, matrix, mean0, sd0)
    evidence = item_points(bank, matrix)[0]
    precision = 1.0 / np.square(sd[0])
    weight = (1.0 / ITEM_NOISE_SD**2) / precision  # share of the score each answer carries

    scores = []
    for column, competency in enumerate(bank.competency_ids):
        contributions = tuple(
            AnswerContribution(
                item_id=bank.item_ids[row],
                answer=int(matrix[0, row]),
                points=float(weight[column] * (evidence[row] - mean0[column])),
            )
            for row in np.flatnonzero(bank.keys[:, column])
            if not np.isnan(matrix[0, row])
        )
        scores.append(
            _competency_score(
                competency,
                float(score[0, column]),
                float(sd[0, column]),
                int(counts[0, column]),
                contributions,
                float(mean0[column]),
            )
        )
    return Profile(tuple(scores))


def _competency_score(
    competency: str,
    mean: float,
    sd: float,
    answered: int,
    contributions: tuple[AnswerContribution, ...],
    prior_mean: float,
) -> CompetencyScore:
    mean = min(100.0, max(0.0, mean))
    return CompetencyScore(
        competency=competency,
        score=mean,
        low=max(0.0, mean - BAND_Z * sd),
        high=min(100.0, mean + BAND_Z * sd),
        sd=sd,
        answered=answered,
        contributions=contributions,
        prior_mean=prior_mean,
    )
