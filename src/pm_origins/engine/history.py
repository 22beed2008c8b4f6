"""Career history: past roles to an origin blend and a prior profile.

Each role's title is matched to origins (see `titles`); its years, weighted by
how recently it ended, say how much it counts.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from pm_origins.engine.errors import (
    BAD_YEARS,
    BAD_YEARS_AGO,
    UNKNOWN_ORIGIN,
    EngineInputError,
    UnmatchedTitlesError,
)
from pm_origins.engine.limits import MAX_YEARS, title_problem
from pm_origins.engine.scoring import Prior, to_theta
from pm_origins.engine.titles import (
    KIND_CHOSEN,
    KIND_PRODUCT,
    KIND_UNMATCHED,
    REASON_MIXED_SCRIPTS,
    REASON_OTHER_JOB,
    TitleMatch,
    TitleMatcher,
)
from pm_origins.framework import Framework

MAX_MODEL_TITLES = 5  # titles per history that may go to the semantic index
RECENCY_HALF_LIFE_YEARS = 6.0

# The career prior, on the theta scale (the population is N(0, 1)). One stated set:
# - ORIGIN_SPREAD_THETA: how far real people of one origin sit from its typical
#   profile (person-to-person SD inside an origin). 0.6 SD is 12 points on the
#   bundled linear score scale (20 points per SD), the same spread origin
#   matching allows (`matching.ORIGIN_SPREAD_SD`).
# - TYPICAL_PROFILE_SD_THETA: how uncertain a typical profile is itself; the
#   profiles are written by people who know the backgrounds, not measured.
# - HISTORY_MIN_SD_THETA: a career prior never gets narrower than both together.
# - YEARS_TO_TRUST: effective years at which the prior sits halfway between the
#   population and the origin's typical profile.
ORIGIN_SPREAD_THETA = 0.6
TYPICAL_PROFILE_SD_THETA = 0.4
HISTORY_MIN_SD_THETA = math.hypot(ORIGIN_SPREAD_THETA, TYPICAL_PROFILE_SD_THETA)
YEARS_TO_TRUST = 2.0


VIA_PERSON = "person"  # the person chose the origin


@dataclass(frozen=True)
class Role:
    """One past or current job. `years_ago` is how long ago it ended (0 = current).

    `origin` is an origin id the person chose for the title; it overrides how
    the title would be read (the role's kind is then "chosen").
    """

    title: str
    years: float
    years_ago: float = 0.0
    description: str = ""
    origin: str | None = None


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
    return Role(title, float(role.years), float(role.years_ago), role.description, role.origin)


def recency_weight(years_ago: float) -> float:
    """How much a role still counts: halves every RECENCY_HALF_LIFE_YEARS."""
    return float(0.5 ** (years_ago / RECENCY_HALF_LIFE_YEARS))


@dataclass(frozen=True)
class RoleEvidence:
    role: Role
    match: TitleMatch
    weight: float  # effective years: years x recency

    @property
    def kind(self) -> str:
        """ "origin", "product", "chosen" or "unmatched"."""
        return self.match.kind


@dataclass(frozen=True)
class History:
    """What a career history says: origin blend, prior profile and what drove it."""

    evidence: tuple[RoleEvidence, ...]
    blend: dict[str, float]
    prior: Prior | None
    effective_years: float

    @property
    def unmatched(self) -> tuple[TitleMatch, ...]:
        return tuple(e.match for e in self.evidence if e.match.kind == KIND_UNMATCHED)

    @property
    def product_years(self) -> float:
        """Years the person already has in product roles (not weighted by recency)."""
        return sum(e.role.years for e in self.evidence if e.match.kind == KIND_PRODUCT)

    @property
    def only_product(self) -> bool:
        """True when every placed role is a product role: no origin comes from the history."""
        kinds = {e.match.kind for e in self.evidence}
        return KIND_PRODUCT in kinds and not kinds & {"origin", KIND_CHOSEN}

    def unmatched_error(self) -> UnmatchedTitlesError:
        """The error that lists the unmatched titles with their suggestions."""
        return UnmatchedTitlesError(
            tuple((m.title, m.suggestions) for m in self.unmatched),
            frozenset(m.title for m in self.unmatched if m.reason == REASON_MIXED_SCRIPTS),
            frozenset(m.title for m in self.unmatched if m.reason == REASON_OTHER_JOB),
        )


def read_role(
    framework: Framework, matcher: TitleMatcher, role: Role, *, semantic: bool = True
) -> TitleMatch:
    """How one role is read: its chosen origin if the person gave one, else its title.
    `semantic=False` keeps the title from the semantic index."""
    match = matcher.match(role.title, semantic=semantic and role.origin is None)
    if role.origin is None:
        return match
    known = tuple(o.id for o in framework.origins)
    if role.origin not in known:
        raise EngineInputError(
            UNKNOWN_ORIGIN.format(title=role.title, origin=role.origin, known=", ".join(known))
        )
    return dataclasses.replace(
        match,
        shares={role.origin: 1.0},
        confidence=1.0,
        matched_alias=None,
        reason=None,
        kind=KIND_CHOSEN,
        via=VIA_PERSON,
    )


def read_roles(
    framework: Framework, matcher: TitleMatcher, roles: Sequence[Role]
) -> list[TitleMatch]:
    """Read several roles; at most MAX_MODEL_TITLES of them may go to the semantic
    index (each costs a pass of the sentence model), the rest are read by the rules."""
    budget = MAX_MODEL_TITLES
    out = []
    for role in roles:
        match = read_role(framework, matcher, role, semantic=budget > 0)
        budget -= match.asked_model
        out.append(match)
    return out


def read_history(
    framework: Framework, roles: Iterable[Role], *, matcher: TitleMatcher | None = None
) -> History:
    """Read every role and build the origin blend and prior profile.

    Args:
        framework: the loaded framework.
        roles: past and current jobs.
        matcher: the title matcher to read titles with (with the lexicon and,
            when installed, the semantic index); None for a rules-only matcher
            that needs titles spelled right.
    Returns:
        A History. Product roles count as product years, not towards an origin.
        Unmatched titles are listed in `History.unmatched` and left out of the
        blend, so the caller decides whether to stop or go on.
    Raises:
        EngineInputError: a role with no title, impossible years or an unknown
            chosen origin.
    """
    matcher = matcher or TitleMatcher.for_framework(framework)
    checked = [validate_role(role) for role in roles]
    evidence = tuple(
        RoleEvidence(role, match, role.years * recency_weight(role.years_ago))
        for role, match in zip(checked, read_roles(framework, matcher, checked), strict=True)
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


def history_trust(effective_years: float) -> float:
    """How much a career stands for its origins' typical profiles (0-1): w = y / (y + 2)."""
    return effective_years / (effective_years + YEARS_TO_TRUST) if effective_years > 0 else 0.0


@lru_cache(maxsize=16)
def typical_thetas(framework: Framework) -> dict[str, tuple[float, ...]]:
    """Each origin's typical profile on the theta scale, in framework order (cached)."""
    scale = framework.score_scale
    return {
        origin.id: tuple(
            float(to_theta(scale, origin.expected[c])) for c in framework.competency_ids
        )
        for origin in framework.origins
    }


def history_prior(framework: Framework, blend: dict[str, float], effective_years: float) -> Prior:
    """The career prior: a stereotype of the background, held loosely.

    On the theta scale, per competency, with w = `history_trust(years)`:
    mean = w x (the blend's typical profile, mapped back through the inverse of
    the framework's score scale), so few years stay near the population mean 0;
    variance = w x HISTORY_MIN_SD_THETA^2 + (1 - w) x 1, so the SD goes from the
    population's 1 towards, never below, HISTORY_MIN_SD_THETA.
    """
    weight = history_trust(effective_years)
    profiles = typical_thetas(framework)
    typical = [
        sum(share * profiles[origin][column] for origin, share in blend.items())
        for column in range(len(framework.competency_ids))
    ]
    sd = math.sqrt(weight * HISTORY_MIN_SD_THETA**2 + (1.0 - weight))
    means = tuple(float(np.round(weight * value, 12)) for value in typical)
    return Prior(means, (sd,) * len(means))
