"""Growth plans: gaps against a target PM role, ranked by priority, in an hour budget.

A gap is the role's expected level minus the person's score. Its priority is
the gap times the role's weight for that competency, and everything follows
the priority, not the raw gap:

- a gap whose target lies inside the person's own band (target <= high) is
  "close enough": no action, only "confirm it with evidence";
- the number of actions (one, two or three: learn, practise, ship) and how
  big each one is grow with the priority;
- the gaps are planned highest priority first into three 30-day phases, each
  with an hour budget (40 hours a month unless set). At most three gaps start
  in one phase, and a gap's next step comes in the phase after its last one
  (learn, then practise, then ship), so the first month holds the top
  priorities rather than a small step of every gap; what fits in no phase
  waits until after 90 days;
- among the actions of the right kind, the one that fits the person best wins:
  a variant written for their origin, one that puts one of their strengths to
  work, and one whose size suits the priority;
- every gap carries advice for the person's origin (their closest origin's
  advice first, then that of origins for which the competency is a known
  weakness).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from pm_origins.engine.errors import BAD_HOURS_PER_MONTH, UNKNOWN_TARGET, EngineInputError
from pm_origins.engine.scoring import Profile
from pm_origins.framework import Action, Framework, TargetRole, UnknownId

PHASES = (30, 60, 90)
PHASE_DAYS = 30
DEFAULT_HOURS_PER_MONTH = 40  # about a working week of growth time per month
MIN_HOURS_PER_MONTH = 4
MAX_HOURS_PER_MONTH = 160
KIND_ORDER = ("learn", "shadow", "practise", "ship")
# Shipping something needs a month of groundwork first; the rest can start at once.
KIND_EARLIEST = {"learn": 30, "shadow": 30, "practise": 30, "ship": 60}
TWO_STEP_PRIORITY = 12.0  # priority (gap x weight) from which a gap gets two actions
THREE_STEP_PRIORITY = 30.0  # ... and three, ending by shipping something
HOURS_PER_PRIORITY = 0.2  # the size of action a gap warrants grows with its priority
MIN_IDEAL_HOURS, MAX_IDEAL_HOURS = 3.0, 20.0
ORIGIN_FIT = 3.0  # a variant written for the person's origin
STRENGTH_FIT = 1.5  # per strength of the person the action puts to work
ADVICE_PER_GAP = 2
NEW_GAPS_PER_PHASE = 3  # at most this many gaps start in one phase, so a month stays focused

STATUS_PLANNED = "planned"
STATUS_CLOSE_ENOUGH = "close_enough"
STATUS_LATER = "later"  # nothing for it fits in the 90 days

# Which kinds of action a gap gets, by how many it warrants: one step is practice
# (or the lightest step there is); more start with learning and end by shipping.
STEPS_BY_DEPTH: dict[int, tuple[tuple[str, ...], ...]] = {
    1: (("practise", "shadow", "learn"),),
    2: (("learn", "shadow"), ("practise",)),
    3: (("learn", "shadow"), ("practise",), ("ship",)),
}


@dataclass(frozen=True)
class PlanGap:
    competency: str
    current: float
    target: float
    gap: float
    weight: float
    uncertain: bool
    high: float = 100.0  # the top of the person's band for this competency
    advice: tuple[str, ...] = ()
    status: str = STATUS_PLANNED

    @property
    def priority(self) -> float:
        return self.gap * self.weight

    @property
    def close_enough(self) -> bool:
        """The target lies inside the person's own band: the gap may not be real."""
        return self.target <= self.high

    @property
    def depth(self) -> int:
        """How many actions the gap warrants: 0 when close enough, else 1-3 by priority."""
        if self.close_enough:
            return 0
        return 1 + (self.priority >= TWO_STEP_PRIORITY) + (self.priority >= THREE_STEP_PRIORITY)

    @property
    def ideal_hours(self) -> float:
        """The size of action that suits the priority."""
        return min(MAX_IDEAL_HOURS, max(MIN_IDEAL_HOURS, self.priority * HOURS_PER_PRIORITY))


@dataclass(frozen=True)
class PlannedAction:
    action: Action
    phase: int
    gap_rank: int
    tailored: bool = False  # a variant written for the person's origin
    uses: tuple[str, ...] = ()  # the person's strengths it puts to work


@dataclass(frozen=True)
class GrowthPlan:
    role: TargetRole
    gaps: tuple[PlanGap, ...]
    actions: tuple[PlannedAction, ...]
    hours_per_phase: int = DEFAULT_HOURS_PER_MONTH

    def phase(self, days: int) -> tuple[PlannedAction, ...]:
        return tuple(a for a in self.actions if a.phase == days)

    def phase_hours(self, days: int) -> int:
        return sum(a.action.hours for a in self.phase(days))

    def actions_for(self, competency: str) -> tuple[PlannedAction, ...]:
        return tuple(a for a in self.actions if a.action.competency == competency)

    @property
    def ready(self) -> bool:
        """True when the profile already meets every expectation of the role."""
        return not self.gaps


def target_role(framework: Framework, role_id: str) -> TargetRole:
    """The target role, or an EngineInputError that lists the choices."""
    try:
        return framework.role(role_id)
    except UnknownId as exc:
        raise EngineInputError(
            UNKNOWN_TARGET.format(role=role_id, known=", ".join(exc.known))
        ) from None


def check_hours_per_month(value: object) -> int:
    """The hour budget per 30 days as a whole number, or an EngineInputError."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value != int(value)
        or not MIN_HOURS_PER_MONTH <= value <= MAX_HOURS_PER_MONTH
    ):
        raise EngineInputError(
            BAD_HOURS_PER_MONTH.format(
                low=MIN_HOURS_PER_MONTH, high=MAX_HOURS_PER_MONTH, value=value
            )
        )
    return int(value)


def gap_advice(
    framework: Framework, competency: str, origins: Sequence[str] = ()
) -> tuple[str, ...]:
    """Advice for closing a gap, written for the person's origins: one piece from each
    (closest first, so a blend hears each background), then more from the closest.

    Advice speaks to one background ("your defect reports..."), so another origin's
    is never given to someone whose origin is known. Only without a known origin
    does it come from origins whose known weakness the competency is, then any.
    """
    known = {o.id for o in framework.origins}
    mine = [framework.origin(o) for o in origins if o in known]
    weak = [o for o in framework.origins if competency in o.weaknesses]
    pool = mine or [*weak, *framework.origins]
    texts = [[a.text for a in origin.advice if a.competency == competency] for origin in pool]
    picked: list[str] = []
    for turn in itertools.zip_longest(*texts):
        picked.extend(t for t in turn if t is not None and t not in picked)
    return tuple(picked[:ADVICE_PER_GAP])


def rank_gaps(
    profile: Profile,
    role: TargetRole,
    framework: Framework | None = None,
    origins: Sequence[str] = (),
) -> tuple[PlanGap, ...]:
    """Gaps (target minus current, where positive), by priority (gap x weight),
    largest first; gaps that are close enough (inside the band) come last."""
    gaps = []
    for score in profile.scores:
        expectation = role.expectations[score.competency]
        gap = expectation.level - score.score
        if gap > 0:
            gaps.append(
                PlanGap(
                    score.competency,
                    score.score,
                    float(expectation.level),
                    gap,
                    expectation.weight,
                    score.uncertain,
                    high=score.high,
                    advice=gap_advice(framework, score.competency, origins) if framework else (),
                )
            )
    return tuple(sorted(gaps, key=lambda g: (g.close_enough, -g.priority, g.competency)))


def _fit(
    action: Action, gap: PlanGap, origins: Sequence[str], strengths: Sequence[str]
) -> tuple[float, str]:
    """How well an action suits the person and the gap (higher first), then its id."""
    tailored = bool(origins) and origins[0] in action.origins
    uses = sum(1 for c in action.uses if c in strengths)
    size = abs(math.log(action.hours / gap.ideal_hours))
    return (-(ORIGIN_FIT * tailored + STRENGTH_FIT * uses - size), action.id)


def candidate_actions(
    framework: Framework, gap: PlanGap, origins: Sequence[str], strengths: Sequence[str]
) -> tuple[Action, ...]:
    """The gap's actions the person may get (variants only for their own origin),
    best fit first."""
    mine = origins[0] if origins else None
    pool = [a for a in framework.actions_for(gap.competency) if not a.origins or mine in a.origins]
    return tuple(sorted(pool, key=lambda a: _fit(a, gap, origins, strengths)))


def build_plan(
    framework: Framework,
    profile: Profile,
    role_id: str,
    *,
    origins: Sequence[str] = (),
    strengths: Sequence[str] = (),
    hours_per_month: int = DEFAULT_HOURS_PER_MONTH,
) -> GrowthPlan:
    """A growth plan for the target role.

    Args:
        framework: the loaded framework.
        profile: the person's current profile.
        role_id: a target role id, such as "technical".
        origins: the person's origin ids, closest first (for advice and variants).
        strengths: competencies the person is strong in; actions that use them fit better.
        hours_per_month: the hour budget of each 30-day phase.
    Returns:
        Gaps by priority with their advice and status, and actions placed in the
        30, 60 or 90-day phase, no phase over its budget.
    Raises:
        EngineInputError: an unknown role id or an hour budget out of range.
    """
    role = target_role(framework, role_id)
    budget = check_hours_per_month(hours_per_month)
    ranked = rank_gaps(profile, role, framework, origins)
    hours = dict.fromkeys(PHASES, 0)
    started = dict.fromkeys(PHASES, 0)
    planned: list[PlannedAction] = []
    gaps: list[PlanGap] = []
    most = max(STEPS_BY_DEPTH)  # a gap never gets more actions than a higher-priority one
    for rank, gap in enumerate(ranked):
        if gap.close_enough:
            gaps.append(_with_status(gap, STATUS_CLOSE_ENOUGH))
            continue
        pool = candidate_actions(framework, gap, origins, strengths)
        taken: list[Action] = []
        earliest = 0
        for kinds in STEPS_BY_DEPTH[gap.depth][:most]:
            # A gap may start only in a phase that has not started its share of gaps.
            full = {p for p in PHASES if started[p] >= NEW_GAPS_PER_PHASE} if not taken else set()
            step = _place_step(pool, kinds, taken, hours, budget, earliest, full)
            if step is None:
                continue
            action, phase_index = step
            if not taken:
                started[PHASES[phase_index]] += 1
            taken.append(action)
            hours[PHASES[phase_index]] += action.hours
            # The next step comes a phase later (or in the last phase).
            earliest = min(phase_index + 1, len(PHASES) - 1)
            planned.append(
                PlannedAction(
                    action,
                    PHASES[phase_index],
                    rank,
                    tailored=bool(origins) and origins[0] in action.origins,
                    uses=tuple(c for c in action.uses if c in strengths),
                )
            )
        if taken:
            most = min(most, len(taken))
        gaps.append(_with_status(gap, STATUS_PLANNED if taken else STATUS_LATER))
    planned.sort(key=lambda p: (p.phase, p.gap_rank, KIND_ORDER.index(p.action.kind)))
    return GrowthPlan(role, tuple(gaps), tuple(planned), budget)


def _with_status(gap: PlanGap, status: str) -> PlanGap:
    return dataclasses.replace(gap, status=status)


def _place_step(
    pool: Sequence[Action],
    kinds: tuple[str, ...],
    taken: Sequence[Action],
    hours: dict[int, int],
    budget: int,
    earliest: int,
    closed: set[int],
) -> tuple[Action, int] | None:
    """The best-fitting action of the step's kinds that fits a phase, and that phase;
    None when none of them fits the budget."""
    for action in pool:
        if action.kind not in kinds or action in taken:
            continue
        start = max(earliest, PHASES.index(KIND_EARLIEST[action.kind]))
        for index in range(start, len(PHASES)):
            if PHASES[index] not in closed and hours[PHASES[index]] + action.hours <= budget:
                return action, index
    return None
