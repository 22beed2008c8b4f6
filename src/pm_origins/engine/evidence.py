"""Résumé evidence as observations of the competencies, on the theta scale.

What comes in is pure data: the bullets read from a résumé, each with the
competencies it shows and the reader's probability for each (0-1), made by
`pm_origins.evidence` or anything else. Nothing here reads files or runs a model.

The measurement model, stated so it can be checked by simulation:

- A résumé gives each competency a few chances to show it; how many depends
  on how much the résumé says: chances = min(MAX_CHANCES, answered bullets /
  BULLETS_PER_CHANCE), where answered bullets are those that show any
  competency. A short résumé says little either way.
- Each chance is a yes/no observation with P(yes | theta) = 1 / (1 + exp(-a
  (theta - b))), with a = EVIDENCE_DISCRIMINATION and b = EVIDENCE_DIFFICULTY:
  a weak, self-reported signal (a questionnaire item discriminates about
  twice as well).
- The "yes" count for a competency is the sum of its supporting bullets'
  probabilities, capped at the chances: bullets on one résumé share a writer
  and a polish, so past a few they add no more.
- log L(theta) = yes log P + (chances - yes) log (1 - P): a competency with no
  supporting bullet on a long résumé is pulled down a little, one with several
  is pulled up, and rejected bullets simply do not count.

`evidence_log_likelihood` returns that curve on any theta grid, so a scorer
adds it to the log posterior of each competency (EAP on a grid).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

EVIDENCE_DISCRIMINATION = 0.8
EVIDENCE_DIFFICULTY = 0.0
MAX_CHANCES = 3.0
BULLETS_PER_CHANCE = 3.0


@dataclass(frozen=True)
class BulletCompetency:
    id: str
    score: float  # the reader's probability that the bullet shows it, 0-1


@dataclass(frozen=True)
class EvidenceBullet:
    """One résumé bullet as the engine sees it."""

    id: str
    text: str  # empty when the person did not let the text be kept
    role: str  # the role's title, or "" outside work history
    competencies: tuple[BulletCompetency, ...]  # empty: the reader abstained


@dataclass(frozen=True)
class CompetencyEvidence:
    """What a résumé says about one competency, after rejections."""

    competency: str
    supporting: tuple[EvidenceBullet, ...]  # strongest first
    yes: float  # capped sum of the supporting scores
    chances: float

    @property
    def said_anything(self) -> bool:
        return self.chances > 0


def evidence_summary(
    bullets: Sequence[EvidenceBullet],
    competency_ids: Sequence[str],
    rejected: Iterable[str] = (),
) -> tuple[CompetencyEvidence, ...]:
    """Per competency (in the order given): supporting bullets, yes count and chances.

    Args:
        bullets: every bullet read, abstained ones included.
        competency_ids: the framework's competencies; others are ignored.
        rejected: ids of bullets the person said were read wrongly.
    """
    refused = set(rejected)
    kept = [b for b in bullets if b.id not in refused]
    answered = sum(1 for b in kept if any(c.id in competency_ids for c in b.competencies))
    chances = min(MAX_CHANCES, answered / BULLETS_PER_CHANCE)
    out = []
    for competency in competency_ids:
        scored = [
            (c.score, b) for b in kept for c in b.competencies if c.id == competency and c.score > 0
        ]
        scored.sort(key=lambda pair: -pair[0])
        yes = min(chances, sum(score for score, _ in scored))
        out.append(CompetencyEvidence(competency, tuple(b for _, b in scored), yes, chances))
    return tuple(out)


def evidence_probability(theta: FloatArray) -> FloatArray:
    """P(a chance shows the competency | theta)."""
    result: FloatArray = 1.0 / (
        1.0 + np.exp(-EVIDENCE_DISCRIMINATION * (np.asarray(theta) - EVIDENCE_DIFFICULTY))
    )
    return result


def evidence_log_likelihood(evidence: CompetencyEvidence, theta: FloatArray) -> FloatArray:
    """log L(theta) of one competency's evidence on a theta grid (0 where it says nothing)."""
    p = np.clip(evidence_probability(theta), 1e-12, 1 - 1e-12)
    result: FloatArray = evidence.yes * np.log(p) + (evidence.chances - evidence.yes) * np.log1p(-p)
    return result


def evidence_information(evidence: CompetencyEvidence, theta: FloatArray) -> FloatArray:
    """Fisher information of the evidence at theta: chances x a^2 P (1 - P)."""
    p = evidence_probability(theta)
    result: FloatArray = evidence.chances * EVIDENCE_DISCRIMINATION**2 * p * (1 - p)
    return result
