"""The whole evaluation in one call: history, answers, origins, and a plan."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from pm_origins.engine.evidence import (
    CompetencyEvidence,
    EvidenceBullet,
    evidence_log_likelihood,
    evidence_summary,
)
from pm_origins.engine.history import History, Role, read_history
from pm_origins.engine.irt import theta_grid
from pm_origins.engine.matching import OriginMatch, match_origins
from pm_origins.engine.planning import (
    DEFAULT_HOURS_PER_MONTH,
    GrowthPlan,
    build_plan,
    check_hours_per_month,
    target_role,
)
from pm_origins.engine.quality import ResponseQuality, check_responses
from pm_origins.engine.scoring import AnswerContribution, Profile, score_answers
from pm_origins.engine.titles import TitleMatcher
from pm_origins.framework import Framework

TOP_CONTRIBUTIONS = 3


@dataclass(frozen=True)
class CompetencyReason:
    """Why one competency scored what it did."""

    competency: str
    prior_mean: float
    prior_source: str  # "history" or "population"
    answers: tuple[AnswerContribution, ...]  # the strongest pulls, largest first


@dataclass(frozen=True)
class Evaluation:
    framework_version: str
    profile: Profile
    history: History
    match: OriginMatch
    plan: GrowthPlan | None
    answers: Mapping[str, int]
    # Bullets read from a résumé, and the ids of those the person rejected.
    evidence: tuple[EvidenceBullet, ...] = ()
    rejected: frozenset[str] = field(default_factory=frozenset)
    # What the response checks found (engine.quality); a flagged response has wider bands.
    quality: ResponseQuality = field(default_factory=lambda: ResponseQuality((), None))

    @property
    def evidence_by_competency(self) -> tuple[CompetencyEvidence, ...]:
        """Per competency, the résumé bullets that support it (rejected ones left out)."""
        return evidence_summary(
            self.evidence, [s.competency for s in self.profile.scores], self.rejected
        )

    @property
    def reasons(self) -> tuple[CompetencyReason, ...]:
        source = "history" if self.history.prior is not None else "population"
        return tuple(
            CompetencyReason(
                competency=score.competency,
                prior_mean=score.prior_mean,
                prior_source=source,
                answers=tuple(
                    sorted(score.contributions, key=lambda c: -abs(c.points))[:TOP_CONTRIBUTIONS]
                ),
            )
            for score in self.profile.scores
        )


def plan_strengths(framework: Framework, match: OriginMatch) -> tuple[str, ...]:
    """The strengths a plan may build on: the person's superpowers, then, when the
    origin is not unclear, the typical strengths of their closest origin."""
    strengths = list(match.superpowers)
    if match.basis != "none" and match.clarity != "unclear":
        strengths += framework.origin(match.origins[0].id).strengths
    return tuple(dict.fromkeys(strengths))


def evaluate(
    framework: Framework,
    roles: Iterable[Role] = (),
    answers: Mapping[str, object] | None = None,
    target: str | None = None,
    *,
    allow_unmatched: bool = False,
    titles: TitleMatcher | None = None,
    evidence: Iterable[EvidenceBullet] = (),
    rejected: Iterable[str] = (),
    hours_per_month: int = DEFAULT_HOURS_PER_MONTH,
    quality: ResponseQuality | None = None,
    history: History | None = None,
    contributions: bool = True,
) -> Evaluation:
    """Evaluate a person from career history and/or questionnaire answers.

    Args:
        framework: the loaded framework.
        roles: past and current jobs; may be empty.
        answers: item id -> answer (1 = lowest); may be empty or partial.
        target: a target role id for a growth plan, or None for no plan.
        allow_unmatched: go on without titles that match no origin instead of
            raising; they stay listed in `evaluation.history.unmatched`.
        titles: the title matcher (lexicon, semantic index); None for rules only.
            Product roles never stop the evaluation: they count as product years.
        evidence: bullets read from a résumé (see `engine.evidence`). They are
            listed per competency in `evaluation.evidence_by_competency`, and
            each competency's `evidence_log_likelihood` is added to its log
            posterior; a competency with accepted supporting bullets counts as
            measured (its basis includes "resume").
        rejected: ids of bullets the person rejected; they count for nothing.
        hours_per_month: the plan's hour budget for each 30-day phase.
        quality: these answers' response checks when already run (`check_many`
            runs a whole roster's in one pass); None runs them here.
        history: `roles` already read with `read_history` (a roster reads them to
            check each row); None reads them here.
        contributions: False leaves out how far each answer moved its score (the
            "why" of a result page), for callers that never show it (rosters).
    Returns:
        An Evaluation holding the profile, origin match and plan.
    Raises:
        UnmatchedTitlesError: a title matched nothing (unless allowed).
        EngineInputError: an unknown item, answer off the scale, bad years, an
            unknown target or an hour budget out of range.
    """
    answers = dict(answers or {})
    if target is not None:
        target_role(framework, target)  # fail on a bad target before the work
        check_hours_per_month(hours_per_month)
    if history is None:
        history = read_history(framework, roles, matcher=titles)
    if history.unmatched and not allow_unmatched:
        raise history.unmatched_error()
    bullets = tuple(evidence)
    known = {b.id for b in bullets}
    refused = frozenset(r for r in rejected if r in known)
    quality = quality if quality is not None else check_responses(framework, answers)
    weight = quality.answer_weight
    summary = evidence_summary(bullets, framework.competency_ids, refused)
    grid = theta_grid()
    resume = np.stack([evidence_log_likelihood(e, grid) for e in summary]) if bullets else None
    profile = score_answers(
        framework,
        answers,
        history.prior,
        evidence=resume,
        resume_measured=[bool(e.supporting) for e in summary],
        answer_weight=weight,
        contributions=contributions,
    )
    answers_only = (
        score_answers(framework, answers, answer_weight=weight, contributions=False)
        if answers
        else None
    )
    return assemble(
        framework,
        history,
        answers,
        profile,
        answers_only,
        quality,
        target=target,
        hours_per_month=hours_per_month,
        evidence=bullets,
        rejected=refused,
    )


def assemble(
    framework: Framework,
    history: History,
    answers: Mapping[str, object],
    profile: Profile,
    answers_only: Profile | None,
    quality: ResponseQuality,
    *,
    target: str | None = None,
    hours_per_month: int = DEFAULT_HOURS_PER_MONTH,
    evidence: tuple[EvidenceBullet, ...] = (),
    rejected: frozenset[str] = frozenset(),
) -> Evaluation:
    """The rest of an evaluation once its profiles are scored: the origin match and
    the plan. `evaluate` scores one person; `roster.evaluate_roster` scores a whole
    roster at once (`scoring.score_rows`) and finishes each person here.

    Args:
        answers_only: the profile from the answers alone (population prior), or
            None when there are no answers.
    """
    match = match_origins(framework, profile, history, answers_only)
    plan = (
        build_plan(
            framework,
            profile,
            target,
            origins=[o.id for o in match.blend] if match.basis != "none" else [],
            strengths=plan_strengths(framework, match),
            hours_per_month=hours_per_month,
        )
        if target is not None
        else None
    )
    clean = {item_id: int(value) for item_id, value in answers.items()}  # type: ignore[call-overload]
    return Evaluation(
        framework.version,
        profile,
        history,
        match,
        plan,
        clean,
        evidence,
        rejected,
        quality,
    )
