"""A roster evaluated in one go gives each person exactly what evaluating them alone gives."""

from __future__ import annotations

import numpy as np

from pm_origins.engine import check_many, check_responses, evaluate, evaluate_roster, read_roster
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data


def roster_text(framework: Framework, people: int = 24) -> str:
    """People with roles and answers, roles only, answers only, and straight-lined answers
    (flagged: their answers count for less)."""
    rng = np.random.default_rng(4)
    items = [i.id for i in framework.items[::3]]
    titles = ["QA Engineer", "Account Executive", "UX Designer", "Business Analyst"]
    lines = ["name,roles," + ",".join(items)]
    for n in range(people):
        roles = f"{titles[n % len(titles)]}={1 + n % 7}@{n % 3}" if n % 5 else ""
        share = 0.0 if n % 6 == 1 else 0.7
        answers = ",".join(
            "3" if n % 7 == 3 else str(rng.integers(1, 6)) if rng.random() < share else ""
            for _ in items
        )
        lines.append(f"Person {n},{roles},{answers}")
    return "\n".join(lines) + "\n"


def test_a_roster_reads_as_each_person_alone(framework: Framework) -> None:
    roster = read_roster(framework, roster_text(framework))
    assert not roster.problems and len(roster.people) == 24
    assert any(not p.roles for p in roster.people) and any(not p.answers for p in roster.people)
    together = evaluate_roster(framework, roster.people)
    assert any(e.quality.flags for e in together)
    for person, evaluation in zip(roster.people, together, strict=True):
        # Team views never show each answer's pull on a score, so a roster leaves it out.
        alone = evaluate(framework, person.roles, person.answers, contributions=False)
        assert evaluation_data(evaluation, framework) == evaluation_data(alone, framework)
        assert all(not s.contributions for s in evaluation.profile.scores)
        full = evaluate(framework, person.roles, person.answers)
        # One matrix product scores everyone: equal to the person alone up to the last bits.
        for competency, mean in full.profile.means.items():
            assert abs(evaluation.profile.means[competency] - mean) < 1e-9


def test_checks_in_one_pass_match_the_checks_one_by_one(framework: Framework) -> None:
    rng = np.random.default_rng(9)
    people = [
        {i.id: int(rng.integers(1, 6)) for i in framework.items if rng.random() < share}
        for share in (0.0, 0.1, 0.5, 1.0, 1.0)
    ]
    people.append({i.id: 3 for i in framework.items})  # straight-lined
    together = check_many(framework, people)
    alone = [check_responses(framework, p) for p in people]
    assert [q.flags for q in together] == [q.flags for q in alone]
    assert any(q.flags for q in alone) and any(not q.flags for q in alone)
    for a, b in zip(together, alone, strict=True):
        # One matrix product for all instead of one each: equal up to the last bits.
        assert (a.person_fit is None) == (b.person_fit is None)
        assert a.person_fit is None or abs(a.person_fit - b.person_fit) < 1e-9
    assert check_many(framework, []) == []
