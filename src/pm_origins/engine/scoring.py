"""Questionnaire scoring under the graded response model, on a fixed theta grid.

The model, per competency (each is its own scale):

- theta ~ prior: the population N(0, 1), or a career prior (see `history`);
- each answered item's keyed answer (reverse-keyed items flipped, see
  `irt.keyed_categories`) follows the graded response model with the item's
  discrimination and thresholds (`engine.irt`), independently given theta;
- optionally, résumé evidence adds its own log-likelihood (`engine.evidence`).

The posterior is computed on `irt.theta_grid()`. The score is the posterior mean
(EAP) of theta, the band its central 90% interval (5th to 95th percentile, the
grid's mass spread evenly over each grid cell), and both are mapped to 0-100 by
the framework's one monotone `score_scale` (`to_points`). `sd` is the posterior
spread of the score in points.

An answer's contribution is the leave-one-out change: the EAP minus the EAP the
same person would get without that answer, in points (per_sd x the theta move
for a linear scale, before clipping, so an answer still shows its pull on a
score already at 0 or 100). It points the way the answer moved the score; the
contributions need not add up exactly to the whole move from the prior.

`score_matrix` scores any number of respondents at once: each competency's
log-likelihood on the grid is one matrix product of one-hot answers with the
items' log category probabilities, done in row chunks to bound memory.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from pm_origins.engine.errors import (
    ANSWER_NOT_WHOLE,
    ANSWER_OUT_OF_RANGE,
    UNKNOWN_ITEM,
    EngineInputError,
)
from pm_origins.engine.irt import GRID_MAX, GRID_MIN, log_category_probabilities, theta_grid
from pm_origins.framework import Framework, ScoreScale

FloatArray = npt.NDArray[np.float64]

STANDARD_GRID = theta_grid()  # the grid every score is computed on (shared, read-only)
STANDARD_GRID.setflags(write=False)

POPULATION_THETA_MEAN = 0.0  # the population on the theta scale: N(0, 1)
POPULATION_THETA_SD = 1.0
BAND = 0.90  # the band is the central 90% of the posterior
BAND_Z = 1.645  # the normal z of a central 90% interval (for callers turning bands into SDs)
UNCERTAIN_HALF_WIDTH = 20.0  # a band wider than +/-20 points is "uncertain"
CHUNK_ROWS = 4096  # respondents per block in batch scoring (bounds the one-hot matrix)

# Where a score's value comes from, in `CompetencyScore.basis`.
BASIS_CAREER = "career"
BASIS_ANSWERS = "answers"
BASIS_RESUME = "resume"


def to_points(scale: ScoreScale, theta: FloatArray | float) -> FloatArray:
    """Theta to the 0-100 score scale (the framework's one monotone map)."""
    values = np.asarray(theta, dtype=float)
    if scale.kind == "normal_cdf":
        from scipy.special import ndtr  # only this scale needs it; SciPy's import is slow

        result: FloatArray = 100.0 * ndtr(values)
        return result
    clipped: FloatArray = np.clip(scale.center + scale.per_sd * values, 0.0, 100.0)
    return clipped


def _move_in_points(scale: ScoreScale, after: FloatArray, before: FloatArray) -> FloatArray:
    """A move on the theta scale in points, without the linear map's clipping (so an
    answer that pushes an already clipped score further still shows its pull)."""
    if scale.kind == "normal_cdf":
        moved: FloatArray = to_points(scale, after) - to_points(scale, before)
        return moved
    linear: FloatArray = scale.per_sd * (np.asarray(after) - np.asarray(before))
    return linear


def to_theta(scale: ScoreScale, points: FloatArray | float) -> FloatArray:
    """A 0-100 score back to theta (the inverse of `to_points`, kept inside the grid)."""
    values = np.asarray(points, dtype=float)
    if scale.kind == "normal_cdf":
        from scipy.special import ndtri

        theta: FloatArray = ndtri(np.clip(values / 100.0, 1e-9, 1 - 1e-9))
    else:
        theta = (values - scale.center) / scale.per_sd
    bounded: FloatArray = np.clip(theta, GRID_MIN, GRID_MAX)
    return bounded


@dataclass(frozen=True)
class AnswerContribution:
    """How far one answer moved its competency's score, in points."""

    item_id: str
    answer: int
    points: float


@dataclass(frozen=True)
class CompetencyScore:
    """One competency's score (0-100), its 90% band and what it rests on."""

    competency: str
    score: float
    low: float
    high: float
    sd: float  # posterior spread of the score, in points
    answered: int
    contributions: tuple[AnswerContribution, ...] = ()
    prior_mean: float = 50.0  # the score before any answer or résumé evidence
    # True when answers or accepted résumé evidence stand behind the score; False
    # when it only says what is typical for the background (or the population).
    measured: bool = True
    basis: tuple[str, ...] = ()  # of "career", "answers", "resume"; empty: population only
    theta: float = 0.0  # the EAP on the theta scale
    theta_sd: float = 1.0  # posterior SD on the theta scale

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

    @property
    def measured(self) -> tuple[str, ...]:
        return tuple(s.competency for s in self.scores if s.measured)


@dataclass(frozen=True)
class Prior:
    """Mean and standard deviation per competency on the theta scale, in framework order."""

    mean: tuple[float, ...]
    sd: tuple[float, ...]

    @classmethod
    def population(cls, size: int) -> Prior:
        return cls((POPULATION_THETA_MEAN,) * size, (POPULATION_THETA_SD,) * size)


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
    scale: ScoreScale = field(default_factory=ScoreScale)  # theta -> 0-100

    def index(self, item_id: str) -> int:
        try:
            return self.positions[item_id]
        except KeyError:
            raise EngineInputError(UNKNOWN_ITEM.format(item=item_id)) from None

    @cached_property
    def positions(self) -> dict[str, int]:
        """Item id -> its column (worked out once per bank)."""
        return {item_id: index for index, item_id in enumerate(self.item_ids)}

    @cached_property
    def top_points(self) -> tuple[int, ...]:
        """Each item's highest answer, as plain ints (checked per answer)."""
        return tuple(int(p) for p in self.points)

    @property
    def categories(self) -> int:
        """Answer categories per item (K); every item of a bank shares one scale length."""
        return int(self.thresholds.shape[1]) + 1

    @cached_property
    def log_table(self) -> FloatArray:
        """log P(keyed answer k | theta) per item on the standard grid, (I, K, Q), read-only."""
        table = _log_table(self, STANDARD_GRID)
        table.setflags(write=False)
        return table


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
        scale=framework.score_scale,
    )


def answer_matrix(bank: ItemBank, answers: Mapping[str, object]) -> FloatArray:
    """One respondent's answers as a 1 x items row, NaN where unanswered.

    Raises EngineInputError for an unknown item or an answer off the scale.
    """
    row = np.full((1, len(bank.item_ids)), np.nan)
    top_points = bank.top_points
    columns = []
    values = []
    for item_id, value in answers.items():
        column = bank.index(item_id)
        points = top_points[column]
        number = _whole_number(value)
        if number is None:
            raise EngineInputError(
                ANSWER_NOT_WHOLE.format(item=item_id, points=points, value=value)
            )
        if not 1 <= number <= points:
            raise EngineInputError(
                ANSWER_OUT_OF_RANGE.format(item=item_id, points=points, value=number)
            )
        columns.append(column)
        values.append(number)
    row[0, columns] = values
    return row


def _whole_number(value: object) -> int | None:
    """An answer as an int when it is a whole number: an int (not a bool) or a finite
    float without a fraction; None for anything else."""
    if type(value) is int:
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    return None


def keyed_answers(bank: ItemBank, matrix: FloatArray) -> FloatArray:
    """Raw answers (1..points, NaN for none) as keyed categories 0..K-1, reverse keys applied."""
    keyed: FloatArray = np.where(bank.reverse[None, :], bank.points - matrix, matrix - 1.0)
    return keyed


def item_log_table(bank: ItemBank, grid: FloatArray | None = None) -> FloatArray:
    """log P(keyed answer k | theta) per item, shape (I, K, Q) on the grid.

    On the standard grid the table is the bank's own, made once (`ItemBank.log_table`):
    it depends on the items alone, not on anyone's answers.
    """
    if grid is None or (
        grid.shape == STANDARD_GRID.shape and bool(np.array_equal(grid, STANDARD_GRID))
    ):
        return bank.log_table
    return _log_table(bank, grid)


def _log_table(bank: ItemBank, grid: FloatArray) -> FloatArray:
    table = log_category_probabilities(grid, bank.discrimination, bank.thresholds)
    result: FloatArray = np.ascontiguousarray(np.transpose(table, (1, 2, 0)))
    return result


def _competency_items(bank: ItemBank) -> list[npt.NDArray[np.intp]]:
    return [np.flatnonzero(bank.competency_index == c) for c in range(len(bank.competency_ids))]


def answer_log_likelihood(
    bank: ItemBank, matrix: FloatArray, grid: FloatArray | None = None
) -> FloatArray:
    """Each respondent's answer log-likelihood per competency on the grid.

    Args:
        bank: the compiled questionnaire.
        matrix: respondents x items raw answers, NaN where unanswered.
        grid: theta values (default `irt.theta_grid()`).
    Returns:
        Shape (N, C, Q); zero for a competency with no answers.
    """
    grid = theta_grid() if grid is None else grid
    keyed = keyed_answers(bank, np.asarray(matrix, dtype=float))
    return _log_likelihood_block(bank, keyed, _competency_tables(bank, grid))


def _competency_tables(
    bank: ItemBank, grid: FloatArray
) -> list[tuple[npt.NDArray[np.intp], FloatArray]]:
    """Per competency: its item columns and their log probabilities as (items*K, Q)."""
    table = item_log_table(bank, grid)
    categories = bank.categories
    return [
        (items, table[items].reshape(items.size * categories, len(grid)))
        for items in _competency_items(bank)
    ]


def _log_likelihood_block(
    bank: ItemBank,
    keyed: FloatArray,
    tables: list[tuple[npt.NDArray[np.intp], FloatArray]],
) -> FloatArray:
    """(rows, C, Q) log-likelihood of keyed answers: one-hot answers @ log probabilities."""
    rows = keyed.shape[0]
    grid_points = tables[0][1].shape[1] if tables else 0
    out = np.zeros((rows, len(tables), grid_points))
    categories = bank.categories
    chosen = np.where(np.isnan(keyed), -1.0, keyed).astype(np.intp)
    onehot = (chosen[:, :, None] == np.arange(categories)[None, None, :]).astype(float)
    for column, (items, table) in enumerate(tables):
        if not items.size:
            continue
        if items[-1] - items[0] + 1 == items.size:  # a competency's items side by side: a view
            picked = onehot[:, items[0] : items[-1] + 1, :]
        else:
            picked = onehot[:, items, :]
        out[:, column, :] = picked.reshape(rows, -1) @ table
    return out


def simulate_answers(bank: ItemBank, theta: FloatArray, rng: np.random.Generator) -> FloatArray:
    """Raw answers (1 .. points) drawn from the model, for simulation checks.

    Args:
        bank: the compiled questionnaire (its item parameters are the truth).
        theta: respondents x competencies true levels.
        rng: the random generator (seed it for repeatable checks).
    Returns:
        Respondents x items raw answers, reverse-keyed items given as asked.
    """
    at = np.asarray(theta, dtype=float)[:, bank.competency_index]
    z = bank.discrimination[None, :, None] * (at[:, :, None] - bank.thresholds[None, :, :])
    star = 1.0 / (1.0 + np.exp(-z))
    keyed = (rng.random(at.shape)[:, :, None] < star).sum(axis=2).astype(float)
    raw: FloatArray = np.where(bank.reverse[None, :], bank.points - keyed, keyed + 1.0)
    return raw


def normal_log_prior(
    mean: FloatArray | float, sd: FloatArray | float, grid: FloatArray
) -> FloatArray:
    """log N(theta; mean, sd) on the grid (up to a constant), shape (..., Q)."""
    m = np.asarray(mean, dtype=float)[..., None]
    s = np.asarray(sd, dtype=float)[..., None]
    result: FloatArray = -0.5 * np.square((grid - m) / s) - np.log(s)
    return result


@dataclass(frozen=True)
class Posterior:
    """Posterior summaries on the theta scale, each respondents x competencies."""

    theta: FloatArray  # EAP
    sd: FloatArray
    low: FloatArray  # 5th percentile
    high: FloatArray  # 95th percentile
    score_sd: FloatArray  # posterior SD of the 0-100 score


def _quantiles(
    weights: FloatArray, cdf: FloatArray, grid: FloatArray, ps: FloatArray
) -> FloatArray:
    """The `ps`-quantiles (shape (P,)) of grid masses (..., Q), each mass spread evenly
    over its grid cell; shape (..., P)."""
    step = float(grid[1] - grid[0])
    index = np.minimum((cdf[..., None, :] < ps[:, None]).sum(axis=-1), len(grid) - 1)
    below = np.take_along_axis(cdf, index, -1)
    mass = np.take_along_axis(weights, index, -1)
    fraction = np.clip((ps - (below - mass)) / np.maximum(mass, 1e-300), 0.0, 1.0)
    result: FloatArray = grid[index] - step / 2 + fraction * step
    return result


def summarise(log_posterior: FloatArray, grid: FloatArray, scale: ScoreScale) -> Posterior:
    """EAP, SD and the central 90% band of unnormalised log posteriors (..., Q)."""
    weights = np.exp(log_posterior - log_posterior.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    points = to_points(scale, grid)
    # The four moments in one product: theta, theta^2, score, score^2.
    moments = weights @ np.stack([grid, np.square(grid), points, np.square(points)], axis=1)
    mean, score_mean = moments[..., 0], moments[..., 2]
    variance = np.maximum(moments[..., 1] - np.square(mean), 0.0)
    score_var = np.maximum(moments[..., 3] - np.square(score_mean), 0.0)
    cdf = np.cumsum(weights, axis=-1)
    tail = (1.0 - BAND) / 2
    low, high = np.moveaxis(_quantiles(weights, cdf, grid, np.array([tail, 1.0 - tail])), -1, 0)
    return Posterior(
        theta=mean, sd=np.sqrt(variance), low=low, high=high, score_sd=np.sqrt(score_var)
    )


def posterior_matrix(
    bank: ItemBank,
    matrix: FloatArray,
    prior_mean: FloatArray | None = None,
    prior_sd: FloatArray | None = None,
    *,
    extra: FloatArray | None = None,
    answer_weight: FloatArray | float = 1.0,
) -> tuple[Posterior, FloatArray]:
    """The posterior of every respondent and competency, on the theta scale.

    Works through the respondents in blocks of `CHUNK_ROWS`, so memory stays
    bounded and each block's arrays stay small.

    Args:
        bank: the compiled questionnaire.
        matrix: respondents x items raw answers, NaN where unanswered.
        prior_mean, prior_sd: theta-scale prior per competency (C,) or per
            respondent (N, C); the population N(0, 1) when omitted.
        extra: more log-likelihood on the grid, (C, Q) or (N, C, Q) (résumé evidence).
        answer_weight: a factor on the answers' log-likelihood, scalar or (N,);
            below 1 counts each answer as part of one (flagged responses).
    Returns:
        (Posterior, answered count), each respondents x competencies.
    """
    grid = STANDARD_GRID
    matrix = np.asarray(matrix, dtype=float)
    rows = matrix.shape[0]
    size = len(bank.competency_ids)
    mean0 = np.zeros(size) if prior_mean is None else np.asarray(prior_mean, dtype=float)
    sd0 = np.ones(size) if prior_sd is None else np.asarray(prior_sd, dtype=float)
    # One prior for everybody is worked out once; a prior per respondent, per block.
    shared = mean0.ndim == 1 and sd0.ndim == 1
    prior_all = normal_log_prior(mean0, sd0, grid) if shared else None
    mean0 = np.broadcast_to(mean0, (rows, size))
    sd0 = np.broadcast_to(sd0, (rows, size))
    weight = np.broadcast_to(np.asarray(answer_weight, dtype=float), (rows,))
    more = None if extra is None else np.broadcast_to(extra, (rows, size, len(grid)))
    keyed = keyed_answers(bank, matrix)
    tables = _competency_tables(bank, grid)
    parts = []
    for start in range(0, rows, CHUNK_ROWS):
        block = slice(start, start + CHUNK_ROWS)
        log_posterior = _log_likelihood_block(bank, keyed[block], tables)
        log_posterior *= weight[block, None, None]
        log_posterior += (
            prior_all if prior_all is not None else normal_log_prior(mean0[block], sd0[block], grid)
        )
        if more is not None:
            log_posterior += more[block]
        parts.append(summarise(log_posterior, grid, bank.scale))
    counts = (~np.isnan(matrix)).astype(float) @ bank.keys
    if len(parts) == 1:
        return parts[0], counts
    empty = np.zeros((0, size))
    joined = Posterior(
        *(np.concatenate([getattr(p, name) for p in parts] or [empty]) for name in _FIELDS)
    )
    return joined, counts


_FIELDS = ("theta", "sd", "low", "high", "score_sd")


def score_matrix(
    bank: ItemBank,
    matrix: FloatArray,
    prior_mean: FloatArray | None = None,
    prior_sd: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Score many respondents at once (batch EAP on the grid).

    Args:
        bank: the compiled questionnaire.
        matrix: respondents x items answers, NaN where unanswered.
        prior_mean, prior_sd: theta-scale prior per competency (or respondents x
            competencies); the population N(0, 1) when omitted.
    Returns:
        (score, sd, answered count), each respondents x competencies; score and
        sd are 0-100 points (see the module docstring).
    """
    posterior, counts = posterior_matrix(bank, matrix, prior_mean, prior_sd)
    return to_points(bank.scale, posterior.theta), posterior.score_sd, counts


def score_answers(
    framework: Framework,
    answers: Mapping[str, object],
    prior: Prior | None = None,
    *,
    evidence: FloatArray | None = None,
    resume_measured: Sequence[bool] | None = None,
    answer_weight: float = 1.0,
    contributions: bool = True,
) -> Profile:
    """One respondent's profile, with the contribution of every answer.

    Args:
        framework: the loaded framework.
        answers: item id -> answer on the item's scale (1 = lowest).
        prior: a career prior on the theta scale; the population prior when None.
        evidence: résumé log-likelihood per competency on `irt.theta_grid()`,
            shape (C, Q), or None for no résumé.
        resume_measured: per competency, True where accepted résumé bullets
            support it (the score then counts as measured by the résumé).
        answer_weight: a factor below 1 widens the bands of a flagged response
            (each answer counts as that part of an answer; see `engine.quality`).
        contributions: False leaves out each answer's contribution (the
            leave-one-out scores), for callers that need the scores alone.
    Returns:
        A Profile with a score, band, basis and contributions per competency.
    Raises:
        EngineInputError: an unknown item id or an answer off the scale.
    """
    bank = item_bank(framework)
    size = len(bank.competency_ids)
    career = prior is not None
    prior = prior or Prior.population(size)
    matrix = answer_matrix(bank, answers)
    grid = STANDARD_GRID
    mean0 = np.array(prior.mean, dtype=float)
    sd0 = np.array(prior.sd, dtype=float)
    table = item_log_table(bank, grid)
    keyed = keyed_answers(bank, matrix)[0]
    answered_items = np.flatnonzero(~np.isnan(keyed))
    # Per answered item, its log-likelihood on the grid (for leave-one-out contributions).
    per_item = table[answered_items, keyed[answered_items].astype(np.intp), :]
    log_likelihood = np.zeros((size, len(grid)))
    np.add.at(log_likelihood, bank.competency_index[answered_items], per_item)
    base = normal_log_prior(mean0, sd0, grid) + (0.0 if evidence is None else evidence)
    log_posterior = base + answer_weight * log_likelihood
    posterior = summarise(log_posterior, grid, bank.scale)
    # Leave one answer out, for every answered item at once.
    competency_of = bank.competency_index[answered_items]
    if contributions:
        without = summarise(
            log_posterior[competency_of] - answer_weight * per_item, grid, bank.scale
        ).theta
        moved = _move_in_points(bank.scale, posterior.theta[competency_of], without)
    counts = np.bincount(competency_of, minlength=size)
    pulls: list[tuple[AnswerContribution, ...]] = [() for _ in range(size)]
    if contributions:
        for k, column in enumerate(competency_of.tolist()):
            item = answered_items[k]
            pulls[column] += (
                AnswerContribution(
                    item_id=bank.item_ids[item],
                    answer=int(matrix[0, item]),
                    points=float(moved[k]),
                ),
            )
    supported = tuple(resume_measured) if resume_measured is not None else (False,) * size
    return _profile(
        bank.competency_ids,
        _point_columns(bank.scale, posterior, mean0),
        counts.tolist(),
        career=career,
        supported=supported,
        pulls=pulls,
    )


def _point_columns(
    scale: ScoreScale, posterior: Posterior, prior_mean: FloatArray
) -> tuple[list[Any], ...]:
    """What a profile shows, as lists shaped like the posterior's arrays: score, low,
    high and sd in points, the prior mean in points, and theta and its sd."""
    return (
        to_points(scale, posterior.theta).tolist(),
        to_points(scale, posterior.low).tolist(),
        to_points(scale, posterior.high).tolist(),
        posterior.score_sd.tolist(),
        to_points(scale, prior_mean).tolist(),
        posterior.theta.tolist(),
        posterior.sd.tolist(),
    )


def _profile(
    competency_ids: Sequence[str],
    columns: Sequence[Sequence[float]],
    counts: Sequence[int],
    *,
    career: bool,
    supported: Sequence[bool],
    pulls: Sequence[tuple[AnswerContribution, ...]] | None = None,
) -> Profile:
    """One person's Profile from `_point_columns` of their posterior (each of length C)."""
    points, low, high, score_sd, prior_points, theta, theta_sd = columns
    scores = []
    for column, competency in enumerate(competency_ids):
        basis = tuple(
            name
            for name, present in (
                (BASIS_CAREER, career),
                (BASIS_ANSWERS, counts[column] > 0),
                (BASIS_RESUME, supported[column]),
            )
            if present
        )
        value = points[column]
        scores.append(
            CompetencyScore(
                competency=competency,
                score=value,
                low=min(low[column], value),
                high=max(high[column], value),
                sd=score_sd[column],
                answered=int(counts[column]),
                contributions=pulls[column] if pulls is not None else (),
                prior_mean=prior_points[column],
                measured=BASIS_ANSWERS in basis or BASIS_RESUME in basis,
                basis=basis,
                theta=theta[column],
                theta_sd=theta_sd[column],
            )
        )
    return Profile(tuple(scores))


def score_rows(
    bank: ItemBank,
    matrix: FloatArray,
    priors: Sequence[Prior | None],
    answer_weight: FloatArray | float = 1.0,
) -> list[Profile]:
    """Many people's profiles at once, each what `score_answers` gives them with
    `contributions=False` (equal up to floating-point rounding: one matrix product
    adds up everyone's answers).

    Args:
        bank: the compiled questionnaire.
        matrix: people x items raw answers, NaN where unanswered (`answer_matrix` rows).
        priors: per person a career prior, or None for the population prior.
        answer_weight: per person (N,) or for all, as in `score_answers`.
    Returns:
        One Profile per row of `matrix`, in order.
    """
    size = len(bank.competency_ids)
    population = Prior.population(size)
    mean0 = np.array([(p or population).mean for p in priors], dtype=float).reshape(-1, size)
    sd0 = np.array([(p or population).sd for p in priors], dtype=float).reshape(-1, size)
    posterior, counts = posterior_matrix(bank, matrix, mean0, sd0, answer_weight=answer_weight)
    none = (False,) * size
    columns = _point_columns(bank.scale, posterior, mean0)
    counted = counts.astype(int).tolist()
    return [
        _profile(
            bank.competency_ids,
            [column[row] for column in columns],
            counted[row],
            career=prior is not None,
            supported=none,
        )
        for row, prior in enumerate(priors)
    ]
