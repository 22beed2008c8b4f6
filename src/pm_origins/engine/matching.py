"""Matching a person to origins: shares, superpowers, gaps, advice and why.

Career history is a prior over origins (its blend of years); questionnaire
answers are the likelihood (how close the answered competencies sit to each
origin's typical profile, allowing for the band of each score). With only one
of the two, that one decides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pm_origins.engine.history import History
from pm_origins.engine.scoring import Profile
from pm_origins.framework import Framework

ORIGIN_SPREAD_SD = 12.0  # how far real people of one origin sit from its typical profile
HISTORY_FLOOR = 0.02  # answers can still overturn a history that says "never"
BLEND_MIN_SHARE = 0.15  # origins below this share are not named in a blend
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

    @property
    def blend(self) -> tuple[OriginShare, ...]:
        """The origins worth naming: the top one and any others with a real share."""
        return named_origins(self.origins)


def named_origins(origins: tuple[OriginShare, ...]) -> tuple[OriginShare, ...]:
    named = tuple(o for o in origins if o.share >= BLEND_MIN_SHARE)
    return named or origins[:1]


def answer_likelihoods(framework: Framework, answers_profile: Profile) -> dict[str, float]:
    """Log-likelihood of the answered competencies under each origin's profile."""
    out: dict[str, float] = {}
    for origin in framework.origins:
        total = 0.0
        for score in answers_profile.scores:
            if score.answered == 0:
                continue
            variance = score.sd**2 + ORIGIN_SPREAD_SD**2
            total -= (score.score - origin.expected[score.competency]) ** 2 / (2 * variance)
        out[origin.id] = total
    return out


def origin_shares(
    framework: Framework, history: History | None, answers_profile: Profile | None
) -> tuple[tuple[OriginShare, ...], str]:
    """Posterior share of every origin, highest first, and what it was based on."""
    has_history = bool(history and history.blend)
    has_answers = bool(answers_profile and any(s.answered for s in answers_profile.scores))
    log_weights: dict[str, float] = {}
    for origin in framework.origins:
        prior = history.blend.get(origin.id, 0.0) if history and has_history else 1.0
        # The floor lets answers overturn a history; with no answers the years speak alone.
        floor = HISTORY_FLOOR if has_answers else 1e-12
        log_weights[origin.id] = math.log(prior + floor) if has_history else 0.0
    if has_answers and answers_profile is not None:
        for origin_id, value in answer_likelihoods(framework, answers_profile).items():
            log_weights[origin_id] += value
    top = max(log_weights.values())
    raw = {o: math.exp(v - top) for o, v in log_weights.items()}
    total = sum(raw.values())
    shares = tuple(
        sorted(
            (OriginShare(o.id, o.name, raw[o.id] / total) for o in framework.origins),
            key=lambda s: (-s.share, framework.origins.index(framework.origin(s.id))),
        )
    )
    basis = {
        (True, True): "both",
        (True, False): "history",
        (False, True): "answers",
        (False, False): "none",
    }[(has_history, has_answers)]
    return shares, basis


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
    """Advice for each gap, first from the person's own origins, then from any origin
    whose typical weakness it is."""
    ranked = [framework.origin(o.id) for o in origins]
    out: list[Advice] = []
    for gap in gaps:
        picked: list[Advice] = []
        fallbacks = [o for o in framework.origins if gap in o.weaknesses]
        for origin in [*ranked, *fallbacks]:
            for item in origin.advice:
                if item.competency == gap and all(a.text != item.text for a in picked):
                    picked.append(Advice(gap, origin.id, item.text))
            if len(picked) >= ADVICE_PER_GAP:
                break
        out.extend(picked[:ADVICE_PER_GAP])
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
    origins, basis = origin_shares(framework, history, answers_profile)
    superpowers, gaps = superpowers_and_gaps(framework, profile)
    typical_superpowers, typical_gaps = typical_strengths(framework, origins, basis)
    # Advice covers measured gaps first, then the background's typical ones.
    advised = gaps + tuple(c for c in typical_gaps if c not in gaps)
    advice = advice_for_gaps(framework, advised, named_origins(origins))
    return OriginMatch(origins, superpowers, gaps, advice, basis, typical_superpowers, typical_gaps)
