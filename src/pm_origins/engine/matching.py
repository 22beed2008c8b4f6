"""Matching a person to origins: shares, superpowers, gaps, advice and why.

The career leads and the answers refine. A person's origin shares are a mix of
two sources:

- the career: the blend of the person's years (see `history`), trusted more
  the more (recency-weighted) years stand behind it. It carries the weight
  ``years / (years + CAREER_HALF_YEARS)``: half at two years, 83% at ten;
- the answers: how much the answered competencies resemble each origin's
  typical profile. Each score is read as the typical value plus a person's own
  departure from it (ORIGIN_SPREAD_SD), the uncertainty of a typical profile
  written from experience rather than measured (TYPICAL_PROFILE_SD) and the
  score's own error (its sd): a flat prior over origins, updated by a normal
  likelihood. This resemblance fills the weight the career leaves; with no
  answers that weight is spread evenly (nothing is known yet).

So answers never overturn a ten-year career: they are shown beside it
(`OriginMatch.resemble`), and only fill what a short career leaves open. With
no career the answers decide alone; answers that cannot tell origins apart
(random, contradictory or middling) mostly give shares too even to name an origin,
and `clarity` is then "unclear" (docs/PLANS.md gives the measured rates).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pm_origins.engine.history import History
from pm_origins.engine.scoring import Profile
from pm_origins.framework import Framework

ORIGIN_SPREAD_SD = 12.0  # how far real people of one origin sit from its typical profile
TYPICAL_PROFILE_SD = 15.0  # a typical profile is a stereotype from experience, not a measurement
CAREER_HALF_YEARS = 2.0  # effective career years at which the career carries half the weight
BLEND_MIN_SHARE = 0.15  # origins below this share are not named in a blend
CLEAR_SHARE = 0.6  # a top share this high is a clear origin whatever the second
NAMED_SHARE = 0.5  # a top share this high, with no second origin named, is clear too
BLEND_HOLD = 0.8  # named origins of a blend hold this much together ("other" 20% at most)
RESEMBLE_MIN_SHARE = 0.25  # answers "resemble" an origin from this share of the answers alone
ADVICE_PER_GAP = 3


@dataclass(frozen=True)
class OriginShare:
    id: str
    name: str
    share: float


@dataclass(frozen=True)
class Advice:
    competency: str
    origin: str
    text: str


@dataclass(frozen=True)
class OriginMatch:
    """Ranked origins with shares that add up to 1, plus what follows from them."""

    origins: tuple[OriginShare, ...]
    superpowers: tuple[str, ...]
    gaps: tuple[str, ...]
    advice: tuple[Advice, ...]
    basis: str  # "history", "answers", "both" or "none"
    # The named origins' own strengths and weaknesses: what is typical for the
    # background, not measured in this person.
    typical_superpowers: tuple[str, ...] = ()
    typical_gaps: tuple[str, ...] = ()
    # What the answers alone resemble (share >= RESEMBLE_MIN_SHARE), highest first.
    resemble: tuple[OriginShare, ...] = ()
    clarity: str = "unclear"  # "clear", "blend" or "unclear"
    career_weight: float = 0.0  # how much of the shares the career carries (0-1)

    @property
    def blend(self) -> tuple[OriginShare, ...]:
        """The origins worth naming: the top one and any others with a real share."""
        return named_origins(self.origins)

    @property
    def origin_basis(self) -> str | None:
        """ "history", "answers" or "both"; None when there was nothing to match with."""
        return None if self.basis == "none" else self.basis


def named_origins(origins: tuple[OriginShare, ...]) -> tuple[OriginShare, ...]:
    named = tuple(o for o in origins if o.share >= BLEND_MIN_SHARE)
    return named or origins[:1]


def answer_likelihoods(framework: Framework, answers_profile: Profile) -> dict[str, float]:
    """Log-likelihood of the answered competencies under each origin's typical profile."""
    out: dict[str, float] = {}
    for origin in framework.origins:
        total = 0.0
        for score in answers_profile.scores:
            if score.answered == 0:
                continue
            variance = score.sd**2 + ORIGIN_SPREAD_SD**2 + TYPICAL_PROFILE_SD**2
            total -= (score.score - origin.expected[score.competency]) ** 2 / (2 * variance)
        out[origin.id] = total
    return out


def answer_resemblance(framework: Framework, answers_profile: Profile) -> dict[str, float]:
    """How much the answers alone resemble each origin: a posterior under a flat prior."""
    log_weights = answer_likelihoods(framework, answers_profile)
    top = max(log_weights.values())
    raw = {o: math.exp(v - top) for o, v in log_weights.items()}
    total = sum(raw.values())
    return {o: v / total for o, v in raw.items()}


def career_weight(history: History | None) -> float:
    """The weight of the career in the origin shares: more effective years, firmer."""
    if history is None or not history.blend:
        return 0.0
    years = max(0.0, history.effective_years)
    return years / (years + CAREER_HALF_YEARS)


def _ranked(framework: Framework, shares: dict[str, float]) -> tuple[OriginShare, ...]:
    order = {o.id: i for i, o in enumerate(framework.origins)}
    return tuple(
        sorted(
            (OriginShare(o.id, o.name, shares.get(o.id, 0.0)) for o in framework.origins),
            key=lambda s: (-s.share, order[s.id]),
        )
    )


def _resemblance(framework: Framework, answers_profile: Profile | None) -> dict[str, float] | None:
    """`answer_resemblance`, or None when nothing was answered."""
    if answers_profile is None or not any(s.answered for s in answers_profile.scores):
        return None
    return answer_resemblance(framework, answers_profile)


def origin_shares(
    framework: Framework,
    history: History | None,
    answers_profile: Profile | None,
    *,
    resemblance: dict[str, float] | None = None,
) -> tuple[tuple[OriginShare, ...], str]:
    """Share of every origin, highest first, and what it was based on.

    The career blend carries `career_weight` of the shares; the rest follows
    what the answers resemble, or is spread evenly when there are no answers.
    `resemblance` is the answers' `answer_resemblance` when already worked out.
    """
    has_history = bool(history and history.blend)
    if resemblance is None:
        resemblance = _resemblance(framework, answers_profile)
    has_answers = resemblance is not None
    ids = [o.id for o in framework.origins]
    rest = resemblance if resemblance is not None else dict.fromkeys(ids, 1.0 / len(ids))
    weight = career_weight(history) if has_history else 0.0
    career = history.blend if history is not None and has_history else {}
    shares = {o: weight * career.get(o, 0.0) + (1.0 - weight) * rest[o] for o in ids}
    basis = {
        (True, True): "both",
        (True, False): "history",
        (False, True): "answers",
        (False, False): "none",
    }[(has_history, has_answers)]
    return _ranked(framework, shares), basis


def origin_clarity(origins: tuple[OriginShare, ...], basis: str = "answers") -> str:
    """ "clear", "blend" or "unclear" for shares sorted highest first.

    Clear: the top share is at least CLEAR_SHARE, or at least NAMED_SHARE with
    no second origin worth naming. Blend: two or more origins are named and
    together hold BLEND_HOLD. Anything else is unclear (a top share of NAMED_SHARE
    with a second named one is a blend), so an unclear result never names an
    origin with half the share or more.
    """
    if basis == "none" or not origins:
        return "unclear"
    top = origins[0].share
    second = origins[1].share if len(origins) > 1 else 0.0
    if top >= CLEAR_SHARE or (top >= NAMED_SHARE and second < BLEND_MIN_SHARE):
        return "clear"
    named = [o.share for o in origins if o.share >= BLEND_MIN_SHARE]
    if len(named) >= 2 and (sum(named) >= BLEND_HOLD or top >= NAMED_SHARE):
        return "blend"
    return "unclear"


def answers_resemble(
    framework: Framework,
    answers_profile: Profile | None,
    *,
    resemblance: dict[str, float] | None = None,
) -> tuple[OriginShare, ...]:
    """The origins the answers alone resemble (share >= RESEMBLE_MIN_SHARE), highest first.
    `resemblance` is the answers' `answer_resemblance` when already worked out."""
    if resemblance is None:
        resemblance = _resemblance(framework, answers_profile)
    if resemblance is None:
        return ()
    ranked = _ranked(framework, resemblance)
    return tuple(o for o in ranked if o.share >= RESEMBLE_MIN_SHARE)


def superpowers_and_gaps(
    framework: Framework, profile: Profile
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Measured competencies at or above the superpower threshold, and at or below the
    gap one. A score that only says what is typical for the background (no answers,
    no résumé evidence) is never called the person's superpower or gap."""
    limits = framework.thresholds
    measured = [s for s in profile.scores if s.measured]
    strong = sorted((s for s in measured if s.score >= limits.superpower), key=lambda s: -s.score)
    weak = sorted((s for s in measured if s.score <= limits.gap), key=lambda s: s.score)
    return tuple(s.competency for s in strong), tuple(s.competency for s in weak)


def typical_strengths(
    framework: Framework, origins: tuple[OriginShare, ...], basis: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The named origins' strengths and weaknesses (top origin first), or none when
    there was nothing to match an origin with."""
    if basis == "none":
        return (), ()
    strengths: list[str] = []
    weaknesses: list[str] = []
    for share in named_origins(origins):
        origin = framework.origin(share.id)
        strengths.extend(c for c in origin.strengths if c not in strengths)
        weaknesses.extend(c for c in origin.weaknesses if c not in weaknesses)
    return tuple(strengths), tuple(weaknesses)


def advice_for_gaps(
    framework: Framework, gaps: tuple[str, ...], origins: tuple[OriginShare, ...]
) -> tuple[Advice, ...]:
    """Advice for each gap from the person's own origins (closest first). Advice speaks
    to one background, so only a gap none of them has advice for takes it from the
    origins whose typical weakness it is."""
    ranked = [framework.origin(o.id) for o in origins]
    out: list[Advice] = []
    for gap in gaps:
        fallbacks = [o for o in framework.origins if gap in o.weaknesses]
        for pool in (ranked, fallbacks):
            picked: list[Advice] = []
            for origin in pool:
                for item in origin.advice:
                    if item.competency == gap and all(a.text != item.text for a in picked):
                        picked.append(Advice(gap, origin.id, item.text))
            if picked:
                out.extend(picked[:ADVICE_PER_GAP])
                break
    return tuple(out)


def match_origins(
    framework: Framework,
    profile: Profile,
    history: History | None = None,
    answers_profile: Profile | None = None,
) -> OriginMatch:
    """Match a person to origins.

    Args:
        framework: the loaded framework.
        profile: the combined profile (history prior and answers).
        history: the read career history, if any.
        answers_profile: answers scored against the population prior alone, so
            history is not counted twice; None when there are no answers.
    Returns:
        An OriginMatch; deterministic for the same inputs.
    """
    resemblance = _resemblance(framework, answers_profile)
    origins, basis = origin_shares(framework, history, answers_profile, resemblance=resemblance)
    superpowers, gaps = superpowers_and_gaps(framework, profile)
    typical_superpowers, typical_gaps = typical_strengths(framework, origins, basis)
    # Advice covers measured gaps first, then the background's typical ones.
    advised = gaps + tuple(c for c in typical_gaps if c not in gaps)
    advice = advice_for_gaps(framework, advised, named_origins(origins))
    return OriginMatch(
        origins,
        superpowers,
        gaps,
        advice,
        basis,
        typical_superpowers,
        typical_gaps,
        resemble=answers_resemble(framework, answers_profile, resemblance=resemblance),
        clarity=origin_clarity(origins, basis),
        career_weight=career_weight(history) if basis in ("history", "both") else 0.0,
    )
