"""Career history: past roles to an origin blend and a prior profile.

Each role's title is matched to origins (see `titles`); its years, weighted by
how recently it ended, say how much it counts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pm_origins.engine.errors import BAD_YEARS, BAD_YEARS_AGO, EngineInputError
from pm_origins.engine.limits import MAX_YEARS, title_problem
from pm_origins.engine.scoring import POPULATION_SD, Prior
from pm_origins.engine.titles import TitleMatch, TitleMatcher
from pm_origins.framework import Framework

RECENCY_HALF_LIFE_YEARS = 6.0
MIN_HISTORY_SD = 10.0
YEARS_PER_PRIOR_UNIT = 2.0  # each 2 effective years count like one more population prior


@dataclass(frozen=True)
class Role:
    """One past or current job. `years_ago` is how long ago it ended (0 = current)."""

    title: str
    years: float
    years_ago: float = 0.0
    description: str = ""


def validate_role(role: Role) -> Role:
    problem = title_problem(role.title)
    if problem:
        raise EngineInputError(problem)
    title = role.title.strip()
    for value, message in ((role.years, BAD_YEARS), (role.years_ago, BAD_YEARS_AGO)):
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not 0 <= value <= MAX_YEARS
        ):
            raise EngineInputError(message.format(title=title, value=value))
    return Role(title, float(role.years), float(role.years_ago), role.description)


def recency_weight(years_ago: float) -> float:
    """How much a role still counts: halves every RECENCY_HALF_LIFE_YEARS."""
    return float(0.5 ** (years_ago / RECENCY_HALF_LIFE_YEARS))


@dataclass(frozen=True)
class RoleEvidence:
    role: Role
    match: TitleMatch
    weight: float  # effective years: years x recency


@dataclass(frozen=True)
class History:
    """What a career history says: origin blend, prior profile and what drove it."""

    evidence: tuple[RoleEvidence, ...]
    blend: dict[str, float]
    prior: Prior | None
    effective_years: float

    @property
    def unmatched(self) -> tuple[TitleMatch, ...]:
        return tuple(e.match for e in self.evidence if not e.match.matched)


def read_history(
    framework: Framework,
    roles: Iterable[Role],
    *,
    match_title: Callable[[str], TitleMatch] | None = None,
) -> History:
    """Match every role and build the origin blend and prior profile.

    Args:
        framework: the loaded framework.
        roles: past and current jobs.
        match_title: title -> TitleMatch; the framework's matcher when None (a caller
            reading many people passes a memoised one, titles repeat).
    Returns:
        A History; unmatched titles are listed in `History.unmatched` and left
        out of the blend, so the caller decides whether to stop or go on.
    Raises:
        EngineInputError: a role with no title or impossible years.
    """
    match_title = match_title or TitleMatcher.for_framework(framework).match
    evidence = tuple(
        RoleEvidence(role, match_title(role.title), role.years * recency_weight(role.years_ago))
        for role in map(validate_role, roles)
    )
    totals: dict[str, float] = {}
    for item in evidence:
        for origin, share in item.match.shares.items():
            totals[origin] = totals.get(origin, 0.0) + share * item.weight
    effective = sum(totals.values())
    if effective <= 0:
        return History(evidence, {}, None, 0.0)
    blend = {o: w / effective for o, w in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))}
    return History(evidence, blend, history_prior(framework, blend, effective), effective)


def history_prior(framework: Framework, blend: dict[str, float], effective_years: float) -> Prior:
    """The prior profile of an origin blend, tighter the more years stand behind it."""
    sd = max(MIN_HISTORY_SD, POPULATION_SD / math.sqrt(1 + effective_years / YEARS_PER_PRIOR_UNIT))
    means = tuple(
        sum(
            share * framework.origin(origin).expected[competency] for origin, share in blend.items()
        )
        for competency in framework.competency_ids
    )
    return Prior(means, (sd,) * len(means))
