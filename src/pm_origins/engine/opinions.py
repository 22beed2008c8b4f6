"""A second opinion: someone else's view of a person against the person's own.

"Much" lower or higher means the two 90% bands do not overlap: a blind spot when
the other's band lies wholly below one's own, a hidden strength when wholly above.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pm_origins.engine.scoring import CompetencyScore, Profile

Verdict = Literal["blind_spot", "hidden_strength", "agree", "not_rated"]


@dataclass(frozen=True)
class OpinionComparison:
    competency: str
    own: CompetencyScore
    other: CompetencyScore
    verdict: Verdict


def verdict_of(own: CompetencyScore, other: CompetencyScore) -> Verdict:
    """Blind spot, hidden strength, agreement, or not rated (the rater answered nothing)."""
    if other.answered == 0:
        return "not_rated"
    if other.high < own.low:
        return "blind_spot"
    if other.low > own.high:
        return "hidden_strength"
    return "agree"


def compare_opinions(own: Profile, other: Profile) -> tuple[OpinionComparison, ...]:
    """Own against other per competency, in the order of `own`.

    Args:
        own: the person's own profile (with bands).
        other: the rater's profile of them (with bands).
    Returns:
        One comparison per competency both profiles have.
    """
    out = []
    for score in own.scores:
        try:
            theirs = other[score.competency]
        except KeyError:
            continue
        out.append(OpinionComparison(score.competency, score, theirs, verdict_of(score, theirs)))
    return tuple(out)
