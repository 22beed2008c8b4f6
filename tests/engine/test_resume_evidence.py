"""Résumé bullets as observations: supporting lists, rejections, and an honest likelihood."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pm_origins.engine import (
    BulletCompetency,
    EvidenceBullet,
    Role,
    evaluate,
    evidence_log_likelihood,
    evidence_summary,
)
from pm_origins.engine.evidence import (
    BULLETS_PER_CHANCE,
    MAX_CHANCES,
    CompetencyEvidence,
    evidence_probability,
)
from pm_origins.engine.irt import theta_grid
from pm_origins.framework import Framework

COMPETENCIES = ("innovation", "ux", "execution", "analytics", "research", "relationships")


def bullet(bullet_id: str, *pairs: tuple[str, float], role: str = "QA Engineer") -> EvidenceBullet:
    return EvidenceBullet(
        bullet_id,
        f"text of {bullet_id}",
        role,
        tuple(BulletCompetency(c, s) for c, s in pairs),
    )


BULLETS = (
    bullet("b1", ("execution", 0.9)),
    bullet("b2", ("execution", 0.6), ("analytics", 0.3)),
    bullet("b3", ("research", 0.8)),
    bullet("b4"),  # abstained
    bullet("b5", ("execution", 0.95)),
    bullet("b6", ("relationships", 0.7)),
)


def by_id(summary: tuple[CompetencyEvidence, ...]) -> dict[str, CompetencyEvidence]:
    return {s.competency: s for s in summary}


def test_supporting_bullets_are_listed_strongest_first() -> None:
    execution = by_id(evidence_summary(BULLETS, COMPETENCIES))["execution"]

    assert [b.id for b in execution.supporting] == ["b5", "b1", "b2"]


def test_a_rejected_bullet_no_longer_supports_anything() -> None:
    summary = by_id(evidence_summary(BULLETS, COMPETENCIES, rejected={"b2"}))

    assert "b2" not in [b.id for b in summary["execution"].supporting]
    assert summary["analytics"].supporting == ()


def test_the_yes_count_is_capped_by_the_chances_a_resume_gives() -> None:
    summary = by_id(evidence_summary(BULLETS, COMPETENCIES))
    answered = 5  # b4 abstained

    assert summary["execution"].chances == min(MAX_CHANCES, answered / BULLETS_PER_CHANCE)
    assert summary["execution"].yes == summary["execution"].chances  # 2.45 of support, capped
    assert summary["research"].yes == 0.8


def test_no_resume_says_nothing() -> None:
    theta = theta_grid()

    for evidence in evidence_summary((), COMPETENCIES):
        assert not evidence.said_anything
        assert np.all(evidence_log_likelihood(evidence, theta) == 0)


def test_support_pulls_theta_up_and_its_absence_on_a_long_resume_pulls_it_down() -> None:
    theta = theta_grid()
    summary = by_id(evidence_summary(BULLETS, COMPETENCIES))

    supported = evidence_log_likelihood(summary["execution"], theta)
    unsupported = evidence_log_likelihood(summary["ux"], theta)

    assert theta[np.argmax(supported)] > 1.0
    assert theta[np.argmax(unsupported)] < -1.0
    assert np.all(np.diff(supported) >= 0) and np.all(np.diff(unsupported) <= 0)


@given(
    rejected=st.sets(st.sampled_from([b.id for b in BULLETS])),
    more=st.sets(st.sampled_from([b.id for b in BULLETS])),
)
def test_rejecting_more_bullets_never_adds_support(rejected: set[str], more: set[str]) -> None:
    fewer = by_id(evidence_summary(BULLETS, COMPETENCIES, rejected))
    most = by_id(evidence_summary(BULLETS, COMPETENCIES, rejected | more))

    for competency in COMPETENCIES:
        assert most[competency].yes <= fewer[competency].yes + 1e-12
        assert most[competency].chances <= fewer[competency].chances


def test_a_90_percent_band_from_evidence_alone_holds_the_truth_about_90_percent_of_the_time() -> (
    None
):
    # Simulate people from the stated model: theta ~ N(0, 1), three chances, each
    # a yes with P(theta); the grid posterior's central 90% band should cover theta.
    rng = np.random.default_rng(7)
    grid = theta_grid(161)
    prior = -0.5 * grid**2
    people = 4000
    theta = rng.standard_normal(people)
    yes = rng.binomial(int(MAX_CHANCES), evidence_probability(theta))
    covered = 0
    for truth, count in zip(theta, yes, strict=True):
        evidence = CompetencyEvidence("ux", (), float(count), MAX_CHANCES)
        log_post = prior + evidence_log_likelihood(evidence, grid)
        post = np.exp(log_post - log_post.max())
        cdf = np.cumsum(post) / post.sum()
        low, high = grid[np.searchsorted(cdf, 0.05)], grid[np.searchsorted(cdf, 0.95)]
        covered += low <= truth <= high
    assert 0.88 <= covered / people <= 0.93


def test_evaluate_lists_evidence_and_leaves_rejected_bullets_out(framework: Framework) -> None:
    evaluation = evaluate(
        framework, [Role("QA Engineer", 4)], evidence=BULLETS, rejected={"b5", "zz"}
    )

    execution = by_id(evaluation.evidence_by_competency)["execution"]
    assert [b.id for b in execution.supporting] == ["b1", "b2"]
    assert evaluation.rejected == frozenset({"b5"})  # unknown ids are dropped
    assert evaluation.evidence == BULLETS
