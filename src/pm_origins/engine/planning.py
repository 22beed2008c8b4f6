"""Growth plans: gaps against a target PM role, actions, and a 30/60/90-day plan."""

from __future__ import annotations

from dataclasses import dataclass

from pm_origins.engine.errors import UNKNOWN_TARGET, EngineInputError
from pm_origins.engine.scoring import Profile
from pm_origins.framework import Action, Framework, TargetRole, UnknownId

PHASES = (30, 60, 90)
PHASE_HOURS = 40  # about a working week of growth time per month
KIND_PHASE = {"learn": 30, "shadow": 30, "practise": 60, "ship": 90}
KIND_ORDER = ("learn", "shadow", "practise", "ship")
MEDIUM_GAP = 15.0
LARGE_GAP = 30.0


@dataclass(frozen=True)
class PlanGap:
    competency: str
    current: float
    target: float
    gap: float
    weight: float
    uncertain: bool

    @property
    def priority(self) -> float:
        return self.gap * self.weight


@dataclass(frozen=True)
class PlannedAction:
    action: Action
    phase: int
    gap_rank: int


@dataclass(frozen=True)
class GrowthPlan:
    role: TargetRole
    gaps: tuple[PlanGap, ...]
    actions: tuple[PlannedAction, ...]

    def phase(self, days: int) -> tuple[PlannedAction, ...]:
        return tuple(a for a in self.actions if a.phase == days)

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


def rank_gaps(profile: Profile, role: TargetRole) -> tuple[PlanGap, ...]:
    """Gaps (target minus current, where positive), by gap x weight, largest first."""
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
                )
            )
    return tuple(sorted(gaps, key=lambda g: (-g.priority, g.competency)))


# Which kinds of action a gap gets, by how many it warrants: a small gap needs
# practice; a larger one starts with learning and ends by shipping something.
STEPS_BY_SIZE = {
    1: (("practise",),),
    2: (("learn", "shadow"), ("practise",)),
    3: (("learn", "shadow"), ("practise",), ("ship",)),
}


def actions_for_gap(framework: Framework, gap: PlanGap) -> tuple[Action, ...]:
    """One to three actions for a gap, more for a larger gap, from learning to shipping."""
    wanted = 1 + (gap.gap >= MEDIUM_GAP) + (gap.gap >= LARGE_GAP)
    pool = sorted(framework.actions_for(gap.competency), key=lambda a: (a.hours, a.id))
    picked: list[Action] = []
    for kinds in STEPS_BY_SIZE[wanted]:
        choice = next((a for a in pool if a.kind in kinds and a not in picked), None)
        choice = choice or next((a for a in pool if a not in picked), None)
        if choice is not None:
            picked.append(choice)
    return tuple(picked)


def build_plan(framework: Framework, profile: Profile, role_id: str) -> GrowthPlan:
    """A growth plan for the target role.

    Args:
        framework: the loaded framework.
        profile: the person's current profile.
        role_id: a target role id, such as "technical".
    Returns:
        Ranked gaps and their actions, each placed in the 30, 60 or 90-day
        phase by kind, moved later when a phase is already full.
    Raises:
        EngineInputError: an unknown role id.
    """
    role = target_role(framework, role_id)
    gaps = rank_gaps(profile, role)
    hours = dict.fromkeys(PHASES, 0)
    planned: list[PlannedAction] = []
    for rank, gap in enumerate(gaps):
        earliest = 0
        for action in actions_for_gap(framework, gap):
            phase_index = max(PHASES.index(KIND_PHASE[action.kind]), earliest)
            while (
                phase_index < len(PHASES) - 1
                and hours[PHASES[phase_index]] + action.hours > PHASE_HOURS
                and hours[PHASES[phase_index]] > 0
            ):
                phase_index += 1
            phase = PHASES[phase_index]
            hours[phase] += action.hours
            earliest = phase_index  # a gap's later steps never come before its earlier ones
            planned.append(PlannedAction(action, phase, rank))
    planned.sort(key=lambda p: (p.phase, p.gap_rank, KIND_ORDER.index(p.action.kind)))
    return GrowthPlan(role, gaps, tuple(planned))
