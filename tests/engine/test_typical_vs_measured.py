"""A score with nothing measured behind it is typical for the background, never the person's."""

from __future__ import annotations

import pytest

from pm_origins.engine import BulletCompetency, EvidenceBullet, Role, evaluate
from pm_origins.engine.scoring import BASIS_ANSWERS, BASIS_CAREER, BASIS_RESUME
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data


def test_half_a_year_in_one_role_measures_nothing(framework: Framework) -> None:
    result = evaluate(framework, [Role("QA Engineer", 0.5)])
    assert all(not s.measured and s.basis == (BASIS_CAREER,) for s in result.profile.scores)
    assert result.match.superpowers == () and result.match.gaps == ()
    data = evaluation_data(result, framework)
    assert all(entry["measured"] is False for entry in data["profile"].values())
    assert all(entry["level"] is None for entry in data["profile"].values())
    assert data["typical_superpowers"] == list(framework.origin("qa").strengths)
    assert data["typical_gaps"] == list(framework.origin("qa").weaknesses)


def test_half_a_year_stays_close_to_the_population(framework: Framework) -> None:
    short = evaluate(framework, [Role("QA Engineer", 0.5)]).profile
    long = evaluate(framework, [Role("QA Engineer", 10)]).profile
    for a, b in zip(short.scores, long.scores, strict=True):
        assert abs(a.score - 50) <= abs(b.score - 50) + 1e-9
        assert a.high - a.low >= b.high - b.low


def test_answered_competencies_are_measured_and_get_a_level(framework: Framework) -> None:
    answers = {item.id: 3 for item in framework.items_for("ux")}
    result = evaluate(framework, [Role("QA Engineer", 3)], answers)
    data = evaluation_data(result, framework)
    assert data["profile"]["ux"]["measured"] is True
    assert data["profile"]["ux"]["basis"] == [BASIS_CAREER, BASIS_ANSWERS]
    assert isinstance(data["profile"]["ux"]["level"], int)
    assert data["profile"]["analytics"]["level"] is None


def _bullet(bullet_id: str, competency: str, score: float = 0.9) -> EvidenceBullet:
    return EvidenceBullet(bullet_id, "text", "QA Engineer", (BulletCompetency(competency, score),))


def test_resume_evidence_moves_its_competency_and_measures_it(framework: Framework) -> None:
    bullets = [_bullet(f"b{i}", "analytics") for i in range(6)] + [
        _bullet(f"c{i}", "ux", 0.0) for i in range(3)
    ]
    roles = [Role("QA Engineer", 4)]
    without = evaluate(framework, roles).profile
    with_resume = evaluate(framework, roles, evidence=bullets).profile
    assert with_resume["analytics"].score > without["analytics"].score
    assert with_resume["analytics"].measured
    assert with_resume["analytics"].basis == (BASIS_CAREER, BASIS_RESUME)
    # A long résumé that never shows a competency pulls it down a little, but does not
    # measure it.
    assert with_resume["research"].score < without["research"].score
    assert not with_resume["research"].measured


def test_rejected_bullets_count_for_nothing(framework: Framework) -> None:
    bullets = [_bullet(f"b{i}", "analytics") for i in range(6)]
    roles = [Role("QA Engineer", 4)]
    without = evaluate(framework, roles).profile["analytics"]
    rejected = evaluate(
        framework, roles, evidence=bullets, rejected=[b.id for b in bullets]
    ).profile["analytics"]
    assert rejected.score == pytest.approx(without.score)
    assert not rejected.measured
