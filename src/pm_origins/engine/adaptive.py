"""Adaptive testing: ask the most informative next question, stop when precise enough.

Each competency is its own graded-response scale (see `irt`). Its posterior is
kept on the theta grid: the prior (normal, per competency) times the likelihood
of every answer given so far. The estimate is the posterior mean (EAP) and its
standard error the posterior standard deviation.

Choosing the next question:
1. Content balancing: of the competencies still open, the one with the fewest
   questions asked so far; ties go to the larger standard error, then to the
   framework's order.
2. Within it, the unasked item with the most Fisher information at the current
   estimate (information is tabulated on the grid once per bank and interpolated
   linearly); ties go to the item listed first.

A competency is closed when every item of its scale has been asked, or when it
has at least `MIN_ANSWERS` answers and its standard error is at or below the
mode's target ("quick" 0.55, "full" 0.40; "all" never stops early). A skipped
item is never asked again and tells the estimate nothing.

A session is plain state: mode, prior, the items asked in order, the answers
and the skips. `AdaptiveSession.to_dict` / `from_dict` carry it between
requests, and `replay` re-runs the selection with recorded answers; the same
answers always give the same questions and the same estimates.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from pm_origins.engine.errors import (
    ANSWER_NOT_WHOLE,
    ANSWER_OUT_OF_RANGE,
    UNKNOWN_ITEM,
    EngineInputError,
)
from pm_origins.engine.irt import (
    GRID_MAX,
    GRID_MIN,
    FloatArray,
    item_information,
    log_category_probabilities,
    theta_grid,
)
from pm_origins.engine.scoring import Prior, item_bank
from pm_origins.framework import Framework

MODE_QUICK = "quick"
MODE_FULL = "full"
MODE_ALL = "all"
MODES = (MODE_QUICK, MODE_FULL, MODE_ALL)
# Standard-error targets on the theta scale; "all" asks every question.
SE_TARGETS = {MODE_QUICK: 0.55, MODE_FULL: 0.40, MODE_ALL: 0.0}
MIN_ANSWERS = 3
MIN_PRIOR_SD = 0.05  # a prior tighter than this would make the questions pointless
MAX_PRIOR_MEAN = 4.0  # a prior centred outside the grid cannot be represented

UNKNOWN_MODE = "Unknown mode {mode!r}. Choose one of: quick, full, all."
NOT_ASKED = "The question {item!r} has not been asked in this session; answer {pending}."
NOT_ASKED_NONE = "The question {item!r} has not been asked in this session; it is finished."
ALREADY_ANSWERED = "The question {item!r} has already been answered in this session."
BAD_PRIOR = (
    "A prior needs a mean from -4 to 4 and a standard deviation from 0.05 to 10 for each "
    "of the {size} competencies."
)
BAD_STATE = "This adaptive session cannot be read: {problem}."


class QuestionOutOfTurn(EngineInputError):
    """An answer to a question that is not the one asked now, or a second answer."""


# The scorer's prior (`engine.scoring.Prior`) is on the theta scale: one type serves both.
ThetaPrior = Prior


def theta_prior(prior: Prior | None, size: int) -> Prior:
    """The prior a session starts from: a history prior (`engine.history`, on the
    theta scale), or the population N(0, 1) on every competency when there is none."""
    return prior if prior is not None else Prior.population(size)


@dataclass(frozen=True, eq=False)
class AdaptiveBank:
    """The item bank tabulated for adaptive testing (build once, share freely).

    `log_probabilities[g, i, k]` is log P(keyed answer k | grid[g]) for item i,
    `information[g, i]` its Fisher information at grid[g].
    """

    item_ids: tuple[str, ...]
    competency_ids: tuple[str, ...]
    competency_index: npt.NDArray[np.intp]
    points: npt.NDArray[np.intp]
    reverse: npt.NDArray[np.bool_]
    grid: FloatArray
    log_probabilities: FloatArray
    information: FloatArray
    positions: Mapping[str, int]
    members: tuple[npt.NDArray[np.intp], ...]  # per competency, its items' positions

    @classmethod
    def from_parameters(
        cls,
        item_ids: Sequence[str],
        competency_ids: Sequence[str],
        competency_index: npt.ArrayLike,
        discrimination: npt.ArrayLike,
        thresholds: npt.ArrayLike,
        reverse: npt.ArrayLike | None = None,
    ) -> AdaptiveBank:
        """Tabulate a bank from GRM parameters: a (I,), b (I, K-1) increasing."""
        a = np.asarray(discrimination, dtype=float)
        b = np.atleast_2d(np.asarray(thresholds, dtype=float))
        index = np.asarray(competency_index, dtype=np.intp)
        grid = theta_grid()
        log_p = log_category_probabilities(grid, a, b)
        information = item_information(grid, a, b)
        rev = np.zeros(len(a), dtype=bool) if reverse is None else np.asarray(reverse, dtype=bool)
        return cls(
            item_ids=tuple(item_ids),
            competency_ids=tuple(competency_ids),
            competency_index=index,
            points=np.full(len(a), b.shape[1] + 1, dtype=np.intp),
            reverse=rev,
            grid=grid,
            log_probabilities=log_p,
            information=information,
            positions={item: i for i, item in enumerate(item_ids)},
            members=tuple(np.flatnonzero(index == c) for c in range(len(competency_ids))),
        )

    def index(self, item_id: object) -> int:
        position = self.positions.get(item_id) if isinstance(item_id, str) else None
        if position is None:
            raise EngineInputError(UNKNOWN_ITEM.format(item=item_id))
        return position

    def keyed(self, position: int, raw: int) -> int:
        """A raw answer (1 .. points) as the model's keyed category (0 .. points-1)."""
        # The same rule as `irt.keyed_categories`, for one answer.
        return int(self.points[position]) - raw if self.reverse[position] else raw - 1


@lru_cache(maxsize=16)
def adaptive_bank(framework: Framework) -> AdaptiveBank:
    """The framework's items tabulated for adaptive testing (cached per framework)."""
    bank = item_bank(framework)
    return AdaptiveBank.from_parameters(
        bank.item_ids,
        bank.competency_ids,
        bank.competency_index,
        bank.discrimination,
        bank.thresholds,
        bank.reverse,
    )


@dataclass(frozen=True)
class CompetencyEstimate:
    """Where one competency stands during a session."""

    competency: str
    theta: float  # posterior mean (EAP)
    se: float  # posterior standard deviation
    asked: int
    answered: int
    closed: bool


def check_mode(mode: object) -> str:
    if not isinstance(mode, str) or mode not in MODES:
        raise EngineInputError(UNKNOWN_MODE.format(mode=mode))
    return mode


def _check_prior(prior: ThetaPrior, size: int) -> ThetaPrior:
    values = (*prior.mean, *prior.sd)
    if (
        len(prior.mean) != size
        or len(prior.sd) != size
        or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            for v in values
        )
        or not all(abs(m) <= MAX_PRIOR_MEAN for m in prior.mean)
        or not all(MIN_PRIOR_SD <= s <= 10.0 for s in prior.sd)
    ):
        raise EngineInputError(BAD_PRIOR.format(size=size))
    return ThetaPrior(tuple(float(m) for m in prior.mean), tuple(float(s) for s in prior.sd))


class AdaptiveSession:
    """One adaptive questionnaire in progress. Pure state and arithmetic, no I/O.

    Use `next_item()` for the question to show (it is then "asked"), and
    `answer()` or `skip()` for what the person did with it.
    """

    def __init__(
        self, bank: AdaptiveBank, mode: str = MODE_QUICK, prior: ThetaPrior | None = None
    ) -> None:
        size = len(bank.competency_ids)
        self.bank = bank
        self.mode = check_mode(mode)
        self.prior = _check_prior(prior or ThetaPrior.population(size), size)
        self.target = SE_TARGETS[self.mode]
        self.asked: list[str] = []
        self.answers: dict[str, int] = {}
        self.skipped: list[str] = []
        self._skipped_set: set[str] = set()
        mean = np.array(self.prior.mean)[:, None]
        sd = np.array(self.prior.sd)[:, None]
        self._log_prior: FloatArray = -0.5 * np.square((bank.grid[None, :] - mean) / sd)
        self._log_posterior: FloatArray = self._log_prior.copy()
        self._moments = np.stack([bank.grid, np.square(bank.grid)], axis=1)
        self._open = np.ones(len(bank.item_ids), dtype=bool)  # not yet asked
        # Per competency, as plain lists: the step's bookkeeping stays out of numpy.
        self._remaining = [int(m.size) for m in bank.members]
        self._asked_count = [0] * size
        self._answered_count = [0] * size
        self._theta = [0.0] * size
        self._se = [0.0] * size
        self._asked_set: set[str] = set()
        for c in range(size):
            self._estimate(c)

    # State ------------------------------------------------------------------------------

    @property
    def pending(self) -> str | None:
        """The question asked and not yet answered or skipped, if any."""
        if self.asked:
            last = self.asked[-1]
            if last not in self.answers and last not in self._skipped_set:
                return last
        return None

    @property
    def done(self) -> bool:
        return self.pending is None and self._choose() is None

    def estimates(self) -> tuple[CompetencyEstimate, ...]:
        return tuple(
            CompetencyEstimate(
                competency=competency,
                theta=float(self._theta[c]),
                se=float(self._se[c]),
                asked=self._asked_count[c],
                answered=self._answered_count[c],
                closed=self._closed_one(c),
            )
            for c, competency in enumerate(self.bank.competency_ids)
        )

    def questions_left(self) -> int:
        """An estimate of the questions still to come, the pending one included.

        Per open competency: the fewest of its remaining items whose information
        at the current estimate, added to the current precision, reaches the
        target (at least enough for `MIN_ANSWERS`, at most what is left).
        """
        bank = self.bank
        need_precision = math.inf if self.target <= 0 else 1.0 / self.target**2
        total = 0
        for c, members in enumerate(bank.members):
            remaining = members[self._open[members]]
            if self._closed_one(c) or remaining.size == 0:
                continue
            floor = max(0, MIN_ANSWERS - self._answered_count[c])
            gains = np.sort(self._information_at(c, remaining))[::-1]
            reached = 1.0 / self._se[c] ** 2 + np.cumsum(gains) >= need_precision
            by_precision = int(np.argmax(reached)) + 1 if reached.any() else remaining.size
            if 1.0 / self._se[c] ** 2 >= need_precision:
                by_precision = 0
            total += min(remaining.size, max(floor, by_precision))
        return total + (1 if self.pending is not None else 0)

    def questions_after(self, item_id: str) -> int:
        """An estimate of the questions after `item_id` (an asked one): those already
        asked after it, and the new ones still to come (`questions_left`)."""
        ahead = len(self.asked) - self.asked.index(item_id) - 1
        new = self.questions_left() - (1 if self.pending is not None else 0)
        return ahead + new

    # Moves ------------------------------------------------------------------------------

    def next_item(self) -> str | None:
        """The question to show now: the pending one, or a newly chosen one; None when done."""
        pending = self.pending
        if pending is not None:
            return pending
        chosen = self._choose()
        if chosen is None:
            return None
        self._mark_asked(chosen)
        return self.bank.item_ids[chosen]

    def answer(self, item_id: object, value: object, *, revise: bool = False) -> None:
        """Record an answer (1 .. points) to the pending question.

        With `revise`, an earlier answered or skipped question may be answered
        again (the web's "back"); questions asked after it stay asked.
        Raises:
            QuestionOutOfTurn: a question not asked now, or a second answer.
            EngineInputError: an unknown question, or an answer off the scale.
        """
        position = self._asked_position(item_id, revise=revise)
        raw = self._check_value(position, value)
        item = self.bank.item_ids[position]
        c = int(self.bank.competency_index[position])
        if item in self._skipped_set:
            self.skipped.remove(item)
            self._skipped_set.discard(item)
        if item not in self.answers:
            self._answered_count[c] += 1
        in_order = item not in self.answers and item == self.asked[-1]
        self.answers[item] = raw
        if in_order:
            self._log_posterior[c] += self._column(position, raw)
            self._estimate(c)
        else:
            # A changed or late answer: sum again in the order asked, so the floats
            # are those of a session given the same answers in that order.
            self._rebuild(c)

    def skip(self, item_id: object, *, revise: bool = False) -> None:
        """Skip the pending question (with `revise`, an earlier one); it is never asked again."""
        position = self._asked_position(item_id, revise=revise)
        item = self.bank.item_ids[position]
        if item in self.answers:
            c = int(self.bank.competency_index[position])
            del self.answers[item]
            self._answered_count[c] -= 1
            self._rebuild(c)
        if item not in self._skipped_set:
            self._skipped_set.add(item)
            # Kept in the order asked, as `from_dict` rebuilds it.
            self.skipped = [i for i in self.asked if i in self._skipped_set]

    # Serialisation ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The session as plain JSON-ready data."""
        return {
            "mode": self.mode,
            "prior": {"mean": list(self.prior.mean), "sd": list(self.prior.sd)},
            "asked": list(self.asked),
            "answers": dict(self.answers),
            "skips": list(self.skipped),
        }

    @classmethod
    def from_dict(cls, bank: AdaptiveBank, data: Mapping[str, Any]) -> AdaptiveSession:
        """A session from `to_dict` data, exactly as it was (the asked order is kept).

        Raises:
            EngineInputError: data that is not a session of this bank.
        """
        try:
            prior_data = data["prior"]
            session = cls(
                bank,
                data["mode"],
                ThetaPrior(tuple(prior_data["mean"]), tuple(prior_data["sd"])),
            )
            asked, answers, skips = data["asked"], data["answers"], data["skips"]
            if not (
                isinstance(asked, list) and isinstance(answers, dict) and isinstance(skips, list)
            ):
                raise TypeError("asked, answers and skips must be a list, a mapping and a list")
        except (KeyError, TypeError) as exc:
            raise EngineInputError(BAD_STATE.format(problem=exc)) from None
        if len(set(asked)) != len(asked):
            raise EngineInputError(BAD_STATE.format(problem="a question is listed twice"))
        if set(answers) & set(skips) or not set(answers) | set(skips) <= set(asked):
            raise EngineInputError(
                BAD_STATE.format(problem="answers and skips must be of asked questions")
            )
        given = set(answers) | set(skips)
        if any(item not in given for item in asked[:-1]):
            raise EngineInputError(
                BAD_STATE.format(problem="only the last question asked may be open")
            )
        for item in asked:
            session._mark_asked(bank.index(item))
            if item in answers:
                session.answer(item, answers[item], revise=True)
        session._skipped_set = set(skips)
        session.skipped = [item for item in asked if item in session._skipped_set]
        return session

    # Internals --------------------------------------------------------------------------

    def _column(self, position: int, raw: int) -> FloatArray:
        column: FloatArray = self.bank.log_probabilities[
            :, position, self.bank.keyed(position, raw)
        ]
        return column

    def _rebuild(self, c: int) -> None:
        # From the prior, adding answers in the order asked: the same sums, bit for
        # bit, as a session that was given these answers the first time.
        log_post = self._log_prior[c].copy()
        for item in self.asked:
            position = self.bank.positions[item]
            if item in self.answers and self.bank.competency_index[position] == c:
                log_post += self._column(position, self.answers[item])
        self._log_posterior[c] = log_post
        self._estimate(c)

    def _estimate(self, c: int) -> None:
        log_post = self._log_posterior[c]
        weights = np.exp(log_post - log_post.max())
        weights /= weights.sum()
        mean, square = (weights @ self._moments).tolist()
        self._theta[c] = mean
        self._se[c] = math.sqrt(max(square - mean * mean, 0.0))

    def _closed_one(self, c: int) -> bool:
        return self._remaining[c] == 0 or (
            self._answered_count[c] >= MIN_ANSWERS and self._se[c] <= self.target
        )

    def _information_at(self, c: int, positions: npt.NDArray[np.intp]) -> FloatArray:
        grid = self.bank.grid
        start, step = GRID_MIN, (GRID_MAX - GRID_MIN) / (grid.size - 1)
        theta = min(max(self._theta[c], GRID_MIN), GRID_MAX)
        low = min(int((theta - start) // step), grid.size - 2)
        share = (theta - start) / step - low
        table = self.bank.information
        info: FloatArray = (1.0 - share) * table[low, positions] + share * table[low + 1, positions]
        return info

    def _choose(self) -> int | None:
        best: tuple[int, float, int] | None = None
        for c in range(len(self.bank.competency_ids)):
            if self._closed_one(c):
                continue
            key = (self._asked_count[c], -self._se[c], c)
            if best is None or key < best:
                best = key
        if best is None:
            return None
        c = best[2]
        members = self.bank.members[c]
        remaining = members[self._open[members]]
        return int(remaining[int(np.argmax(self._information_at(c, remaining)))])

    def _mark_asked(self, position: int) -> None:
        if not self._open[position]:
            raise EngineInputError(
                BAD_STATE.format(problem=f"{self.bank.item_ids[position]!r} asked twice")
            )
        self._open[position] = False
        c = int(self.bank.competency_index[position])
        self._asked_count[c] += 1
        self._remaining[c] -= 1
        self.asked.append(self.bank.item_ids[position])
        self._asked_set.add(self.bank.item_ids[position])

    def _asked_position(self, item_id: object, *, revise: bool) -> int:
        position = self.bank.index(item_id)
        item = self.bank.item_ids[position]
        pending = self.pending
        if item == pending:
            return position
        if item in self._asked_set:
            if revise:
                return position
            raise QuestionOutOfTurn(ALREADY_ANSWERED.format(item=item))
        if pending is None:
            raise QuestionOutOfTurn(NOT_ASKED_NONE.format(item=item))
        raise QuestionOutOfTurn(NOT_ASKED.format(item=item, pending=repr(pending)))

    def _check_value(self, position: int, value: object) -> int:
        item = self.bank.item_ids[position]
        points = int(self.bank.points[position])
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value != int(value)
        ):
            raise EngineInputError(ANSWER_NOT_WHOLE.format(item=item, points=points, value=value))
        if not 1 <= value <= points:
            raise EngineInputError(
                ANSWER_OUT_OF_RANGE.format(item=item, points=points, value=int(value))
            )
        return int(value)


def start_session(
    framework: Framework, mode: str = MODE_QUICK, prior: ThetaPrior | Prior | None = None
) -> AdaptiveSession:
    """A new adaptive session over the framework's items.

    Args:
        framework: the loaded framework.
        mode: "quick", "full" or "all".
        prior: per competency, on the theta scale (`ThetaPrior`) or a history
            prior in points (`Prior`, converted by `theta_prior`); None for the
            population.
    Raises:
        EngineInputError: an unknown mode or an impossible prior.
    """
    bank = adaptive_bank(framework)
    size = len(bank.competency_ids)
    if not isinstance(prior, ThetaPrior):
        prior = theta_prior(prior, size)
    return AdaptiveSession(bank, mode, prior)


def replay(bank: AdaptiveBank, data: Mapping[str, Any]) -> AdaptiveSession:
    """Run the selection again from the start with the recorded answers and skips.

    The result asks the same questions in the same order as the recorded
    session whenever that session was run by this bank without revisions;
    compare `replay(bank, data).asked` with `data["asked"]` to check.
    """
    recorded = AdaptiveSession.from_dict(bank, data)
    fresh = AdaptiveSession(bank, recorded.mode, recorded.prior)
    for _ in range(len(bank.item_ids)):
        item = fresh.next_item()
        if item is None:
            break
        if item in recorded.answers:
            fresh.answer(item, recorded.answers[item])
        elif item in recorded.skipped:
            fresh.skip(item)
        else:
            break  # not answered in the recording: left pending
    return fresh
