"""Teams: coverage of the competencies, single points of failure, gaps against a
target mix of PM roles, and mentor-mentee pairs that maximise the total benefit.

Pairing. For people i and j with scores s (0-100) and competency weights w
(1 each, or the target mix's weights):

    benefit(i -> j) = max over c of  w_c * max(0, s[i][c] - s[j][c])

counting only the competencies where the mentor's score is measured (it rests on
answers, not on a career's typical profile). The competency giving the maximum
is the pair's competency. The suggested pairs maximise the total benefit with
each person mentoring at most one person and being mentored by at most one, and
nobody paired with themselves. That is an assignment problem, solved by SciPy's
`linear_sum_assignment`; see `optimal_pairs` for how "no pair" and "no
self-pair" fit in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from pm_origins.engine.planning import target_role
from pm_origins.engine.scoring import FloatArray
from pm_origins.framework import Action, Framework

_FAR = 1e9  # beyond any weighted 0-100 score
PROFICIENT = 60.0  # level 3 of 0-4: does it regularly, unprompted
JOINT_ACTION_KINDS = ("shadow", "practise", "learn", "ship")  # what two people do best together

BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.intp]


@dataclass(frozen=True)
class TeamMember:
    """One person as a team sees them: scores and which of them are measured."""

    name: str
    scores: Mapping[str, float]  # competency id -> 0-100; a missing id is "not scored"
    measured: Collection[str] = frozenset()  # competencies whose score rests on answers
    origins: tuple[str, ...] = ()  # origin names, largest share first
    extra: Mapping[str, object] = field(default_factory=dict)  # caller's data, passed through


@dataclass(frozen=True)
class CompetencyCoverage:
    competency: str
    best: float | None  # None when nobody has a score
    mean: float | None
    depth: int  # members at or above PROFICIENT
    covered_by: tuple[int, ...]  # their positions in the member list


@dataclass(frozen=True)
class TeamGap:
    """How far the team's best falls short of the level its target mix expects."""

    competency: str
    target: float
    best: float
    gap: float
    weight: float

    @property
    def priority(self) -> float:
        return self.gap * self.weight


@dataclass(frozen=True)
class Pair:
    mentor: int  # position in the member list
    mentee: int
    competency: str
    benefit: float
    mentor_score: float
    mentee_score: float
    action: Action | None  # a first thing to do together


@dataclass(frozen=True)
class TeamAnalysis:
    members: tuple[TeamMember, ...]
    coverage: tuple[CompetencyCoverage, ...]
    single_points_of_failure: tuple[str, ...]  # covered by exactly one member
    uncovered: tuple[str, ...]  # covered by nobody
    target_roles: tuple[str, ...]
    targets: Mapping[str, float]  # the mix's expected level per competency
    weights: Mapping[str, float]  # w_c of the benefit
    gaps: tuple[TeamGap, ...]
    pairs: tuple[Pair, ...]


def score_arrays(
    competency_ids: Sequence[str], members: Sequence[TeamMember]
) -> tuple[FloatArray, BoolArray]:
    """Members' scores as a members x competencies array (NaN where not scored), and
    a same-shaped mask of the measured ones."""
    scores = np.full((len(members), len(competency_ids)), np.nan)
    measured = np.zeros(scores.shape, dtype=bool)
    for row, member in enumerate(members):
        for column, competency in enumerate(competency_ids):
            value = member.scores.get(competency)
            if value is not None:
                scores[row, column] = float(value)
                measured[row, column] = competency in member.measured
    return scores, measured


def team_coverage(
    competency_ids: Sequence[str], scores: FloatArray, *, proficient: float = PROFICIENT
) -> tuple[CompetencyCoverage, ...]:
    """Best, mean and depth (members at or above `proficient`) per competency.

    Args:
        competency_ids: the columns of `scores`.
        scores: members x competencies, NaN where a member has no score.
        proficient: the score from which a member covers a competency.
    """
    present = ~np.isnan(scores)
    counts = present.sum(axis=0)
    filled = np.where(present, scores, 0.0)
    best = np.where(present, scores, -np.inf).max(axis=0, initial=-np.inf)
    mean = np.divide(
        filled.sum(axis=0), counts, out=np.zeros(len(competency_ids)), where=counts > 0
    )
    covers = present & (filled >= proficient)
    return tuple(
        CompetencyCoverage(
            competency=competency,
            best=float(best[c]) if counts[c] else None,
            mean=float(mean[c]) if counts[c] else None,
            depth=int(covers[:, c].sum()),
            covered_by=tuple(int(i) for i in np.flatnonzero(covers[:, c])),
        )
        for c, competency in enumerate(competency_ids)
    )


def single_points_of_failure(coverage: Sequence[CompetencyCoverage]) -> tuple[str, ...]:
    """Competencies that exactly one member covers: the team loses them with that person."""
    return tuple(c.competency for c in coverage if c.depth == 1)


def target_mix(
    framework: Framework, role_ids: Sequence[str]
) -> tuple[dict[str, float], dict[str, float]]:
    """The level and weight per competency of a mix of target roles.

    The team should reach the highest level any chosen role expects (someone
    has to do that role's work); the weight is the mean of the roles' weights.
    With no roles, no levels and a weight of 1 everywhere.

    Raises:
        EngineInputError: an unknown role id.
    """
    roles = [target_role(framework, role_id) for role_id in dict.fromkeys(role_ids)]
    if not roles:
        return {}, dict.fromkeys(framework.competency_ids, 1.0)
    levels = {
        c: float(max(r.expectations[c].level for r in roles)) for c in framework.competency_ids
    }
    weights = {
        c: sum(r.expectations[c].weight for r in roles) / len(roles)
        for c in framework.competency_ids
    }
    return levels, weights


def team_gaps(
    coverage: Sequence[CompetencyCoverage],
    targets: Mapping[str, float],
    weights: Mapping[str, float],
) -> tuple[TeamGap, ...]:
    """Where the team's best is below the target level, by gap x weight, largest first."""
    gaps = []
    for item in coverage:
        if item.competency not in targets:
            continue
        best = item.best if item.best is not None else 0.0
        gap = targets[item.competency] - best
        if gap > 0:
            gaps.append(
                TeamGap(
                    item.competency, targets[item.competency], best, gap, weights[item.competency]
                )
            )
    return tuple(sorted(gaps, key=lambda g: (-g.priority, g.competency)))


def benefit_matrix(
    scores: FloatArray, measured: BoolArray, weights: FloatArray
) -> tuple[FloatArray, IndexArray]:
    """benefit[i, j] = max over c of w_c * max(0, s[i, c] - s[j, c]), over the
    competencies where mentor i's score is measured; and which c gives it.

    Args:
        scores: members x competencies, NaN where not scored.
        measured: members x competencies, True where the score is measured.
        weights: one weight per competency.
    Returns:
        (benefit, competency index), both members x members. The diagonal is 0.
        Ties go to the first competency in framework order.
    """
    count = scores.shape[0]
    usable = measured & ~np.isnan(scores)
    # w * max(0, a - b) = max(0, w*a - w*b) for w > 0. A mentor's unmeasured score and a
    # mentee's missing one are pushed far apart with finite sentinels, so their gain is
    # negative (no pair) without NaN or infinity in the big arrays.
    weighted = scores * weights
    mentor = np.where(usable, weighted, -_FAR)
    mentee = np.where(np.isnan(weighted), _FAR, weighted)
    benefit = np.zeros((count, count))
    which = np.zeros((count, count), dtype=np.intp)
    # One competency at a time keeps memory at members^2 instead of members^2 x competencies.
    for c in range(scores.shape[1]):
        gain = np.subtract.outer(mentor[:, c], mentee[:, c])
        better = gain > benefit  # strict: ties keep the earlier competency
        np.copyto(benefit, gain, where=better)
        np.copyto(which, c, where=better)
    return benefit, which


def optimal_pairs(benefit: FloatArray) -> list[tuple[int, int]]:
    """(mentor, mentee) pairs of the largest total benefit: each person mentors at
    most one and is mentored by at most one, never themselves.

    The problem is solved as a full assignment (a permutation) of the people who
    have some benefit to give or to get. With every benefit >= 0 (negatives count
    as 0) and the diagonal set to 0, the best permutation is worth exactly as much
    as the best partial matching: a partial matching extends to a permutation
    without losing anything, and dropping the permutation's zero-benefit pairs
    (every self-pair among them) loses nothing. So the pairs kept are the
    optimum, and "no pair" is what a person gets when no pair with them has a
    benefit.

    SciPy's LAPJVsp (`min_weight_full_bipartite_matching`) solves it, on whole-number
    costs (see `_assignment`);
    on 1,000 people it is several times faster than `linear_sum_assignment` with
    the same optimum (benchmarks/bench_team.py compares the two).
    """
    if benefit.size == 0:
        return []
    clean = np.clip(np.nan_to_num(benefit, nan=0.0), 0.0, None)
    np.fill_diagonal(clean, 0.0)
    # People with no benefit to give or to get can be in no pair: they leave the
    # problem, which stays exact (their pairs are worth 0) and square (SciPy's
    # solver is about twice as slow on a rectangle).
    people = np.flatnonzero(clean.any(axis=1) | clean.any(axis=0))
    if not people.size:
        return []
    useful = clean[np.ix_(people, people)]
    rows, columns = _assignment(useful)
    return [
        (int(people[i]), int(people[j]))
        for i, j in zip(rows, columns, strict=True)
        if useful[i, j] > 0
    ]


# Costs go to the solver as whole numbers below 2**40: exact in float64 even when
# summed over thousands of people, so the solver runs in exact arithmetic (on raw
# floats, LAPJVsp can cycle forever on near-equal costs: scipy issue 17269).
COST_STEPS = 2.0**40


def _assignment(benefit: FloatArray) -> tuple[IndexArray, IndexArray]:
    """A permutation of the largest total benefit (rows, columns), benefits >= 0.

    The costs are `top - benefit` in whole steps of top / 2**40 (plus one, so no
    edge is dropped from the sparse matrix); rounding moves the total by at most
    n steps, a 2**-40 share of the best single pair per person.
    """
    # Imported here: SciPy takes a while to load, and only pairing needs it.
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    top = float(benefit.max())
    share = benefit / top if top > 0 else np.zeros_like(benefit)
    cost = np.rint((1.0 - share) * COST_STEPS) + 1.0
    rows, columns = min_weight_full_bipartite_matching(csr_array(cost))
    return np.asarray(rows, dtype=np.intp), np.asarray(columns, dtype=np.intp)


def first_joint_action(framework: Framework, competency: str) -> Action | None:
    """The framework's action for a competency that two people can best start on
    together: shadowing first, then practice, learning, shipping; the smallest first."""
    pool = framework.actions_for(competency)
    if not pool:
        return None
    return min(
        pool,
        key=lambda a: (
            JOINT_ACTION_KINDS.index(a.kind) if a.kind in JOINT_ACTION_KINDS else 99,
            a.hours,
            a.id,
        ),
    )


def analyze_team(
    framework: Framework,
    members: Sequence[TeamMember],
    target_roles: Sequence[str] = (),
    *,
    proficient: float = PROFICIENT,
) -> TeamAnalysis:
    """Coverage, single points of failure, gaps and optimal pairs for a team.

    Args:
        framework: the loaded framework (competencies, roles and actions).
        members: the people, each with scores and which of them are measured.
        target_roles: target role ids whose mix sets the gaps and the weights.
        proficient: the score from which a member covers a competency.
    Returns:
        A TeamAnalysis; pairs are sorted by benefit, largest first.
    Raises:
        EngineInputError: an unknown target role id.
    """
    competency_ids = framework.competency_ids
    targets, weights = target_mix(framework, target_roles)
    scores, measured = score_arrays(competency_ids, members)
    coverage = team_coverage(competency_ids, scores, proficient=proficient)
    weight_row = np.array([weights[c] for c in competency_ids])
    benefit, which = benefit_matrix(scores, measured, weight_row)
    actions = {c: first_joint_action(framework, c) for c in competency_ids}
    pairs = []
    for mentor, mentee in optimal_pairs(benefit):
        c = int(which[mentor, mentee])
        competency = competency_ids[c]
        pairs.append(
            Pair(
                mentor=mentor,
                mentee=mentee,
                competency=competency,
                benefit=float(benefit[mentor, mentee]),
                mentor_score=float(scores[mentor, c]),
                mentee_score=float(scores[mentee, c]),
                action=actions[competency],
            )
        )
    pairs.sort(key=lambda p: (-p.benefit, p.mentor, p.mentee))
    return TeamAnalysis(
        members=tuple(members),
        coverage=coverage,
        single_points_of_failure=single_points_of_failure(coverage),
        uncovered=tuple(c.competency for c in coverage if c.depth == 0),
        target_roles=tuple(dict.fromkeys(target_roles)),
        targets=targets,
        weights=weights,
        gaps=team_gaps(coverage, targets, weights),
        pairs=tuple(pairs),
    )
