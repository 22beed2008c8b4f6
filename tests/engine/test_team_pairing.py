"""Pairing: the suggested pairs are an optimal assignment, checked against brute force."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import (
    TeamMember,
    analyze_team,
    benefit_matrix,
    first_joint_action,
    optimal_pairs,
)
from pm_origins.framework import Framework

COMPETENCIES = 3


def brute_force_best(benefit: np.ndarray) -> float:
    """The largest total over every partial matching without self-pairs."""
    n = benefit.shape[0]
    best = 0.0
    # Each mentor picks a distinct mentee or nobody (None).
    for choice in itertools.product([None, *range(n)], repeat=n):
        mentees = [j for j in choice if j is not None]
        if len(mentees) != len(set(mentees)):
            continue
        if any(j == i for i, j in enumerate(choice)):
            continue
        total = sum(benefit[i, j] for i, j in enumerate(choice) if j is not None)
        best = max(best, total)
    return best


def loop_benefit(scores: np.ndarray, measured: np.ndarray, weights: np.ndarray) -> np.ndarray:
    n, c = scores.shape
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            gains = [
                weights[k] * max(0.0, scores[i, k] - scores[j, k])
                for k in range(c)
                if measured[i, k]
            ]
            out[i, j] = max(gains, default=0.0)
    return out


teams = st.integers(min_value=0, max_value=6).flatmap(
    lambda n: st.tuples(
        st.lists(
            st.lists(
                st.floats(0, 100, allow_nan=False), min_size=COMPETENCIES, max_size=COMPETENCIES
            ),
            min_size=n,
            max_size=n,
        ),
        st.lists(
            st.lists(st.booleans(), min_size=COMPETENCIES, max_size=COMPETENCIES),
            min_size=n,
            max_size=n,
        ),
        st.lists(st.sampled_from([0.5, 1.0, 1.8]), min_size=COMPETENCIES, max_size=COMPETENCIES),
    )
)


def arrays(team: tuple[list[list[float]], list[list[bool]], list[float]]) -> tuple[np.ndarray, ...]:
    scores, measured, weights = team
    return (
        np.array(scores, dtype=float).reshape(len(scores), COMPETENCIES),
        np.array(measured, dtype=bool).reshape(len(measured), COMPETENCIES),
        np.array(weights, dtype=float),
    )


@settings(max_examples=150, deadline=None)
@given(teams)
def test_the_pairs_reach_the_brute_force_optimum(team: tuple) -> None:
    scores, measured, weights = arrays(team)
    benefit, _ = benefit_matrix(scores, measured, weights)
    pairs = optimal_pairs(benefit)
    total = sum(benefit[i, j] for i, j in pairs)
    assert np.isclose(total, brute_force_best(benefit))


@settings(max_examples=150, deadline=None)
@given(teams)
def test_each_person_mentors_and_is_mentored_at_most_once_and_never_alone(team: tuple) -> None:
    scores, measured, weights = arrays(team)
    benefit, _ = benefit_matrix(scores, measured, weights)
    pairs = optimal_pairs(benefit)
    mentors = [i for i, _ in pairs]
    mentees = [j for _, j in pairs]
    assert len(mentors) == len(set(mentors))
    assert len(mentees) == len(set(mentees))
    assert all(i != j for i, j in pairs)
    assert all(benefit[i, j] > 0 for i, j in pairs)


@settings(max_examples=150, deadline=None)
@given(teams)
def test_the_vectorised_benefit_equals_the_double_loop(team: tuple) -> None:
    scores, measured, weights = arrays(team)
    benefit, which = benefit_matrix(scores, measured, weights)
    assert np.allclose(benefit, loop_benefit(scores, measured, weights))
    n = scores.shape[0]
    for i in range(n):
        for j in range(n):
            if benefit[i, j] > 0:
                c = which[i, j]
                assert measured[i, c]
                assert np.isclose(weights[c] * (scores[i, c] - scores[j, c]), benefit[i, j])


def test_a_mentor_is_never_paired_on_a_typical_score() -> None:
    scores = np.array([[90.0, 20.0], [10.0, 80.0]])
    measured = np.array([[False, True], [True, True]])
    benefit, which = benefit_matrix(scores, measured, np.ones(2))
    assert benefit[0, 1] == 0.0  # person 0's 90 is typical, not measured
    assert benefit[1, 0] == 60.0 and which[1, 0] == 1


def test_nobody_is_paired_when_nobody_has_anything_to_teach() -> None:
    scores = np.full((4, 3), 50.0)
    benefit, _ = benefit_matrix(scores, np.ones((4, 3), dtype=bool), np.ones(3))
    assert optimal_pairs(benefit) == []


def test_a_self_pair_is_refused_even_when_the_matrix_offers_one() -> None:
    assert optimal_pairs(np.array([[100.0]])) == []
    assert optimal_pairs(np.array([[100.0, 1.0], [1.0, 100.0]])) in ([(0, 1), (1, 0)],)


def test_a_mentee_without_a_score_is_not_a_target() -> None:
    scores = np.array([[90.0], [np.nan]])
    benefit, _ = benefit_matrix(scores, np.array([[True], [False]]), np.ones(1))
    assert benefit[0, 1] == 0.0


def test_pairing_is_optimal_not_greedy(framework: Framework) -> None:
    # Greedy takes 0->1 (50) first; then 2 has nobody left to mentor: 50 in all.
    # The optimum gives up the single best pair: 0->2 (49) and 2->1 (48) make 97.
    benefit = np.array([[0.0, 50.0, 49.0], [0.0, 0.0, 0.0], [0.0, 48.0, 0.0]])
    pairs = optimal_pairs(benefit)
    total = sum(benefit[i, j] for i, j in pairs)
    assert total == 97.0 and sorted(pairs) == [(0, 2), (2, 1)]


def test_each_pair_gets_a_first_joint_action_of_its_competency(framework: Framework) -> None:
    members = [
        TeamMember("Ana", dict.fromkeys(framework.competency_ids, 80.0), framework.competency_ids),
        TeamMember("Ben", dict.fromkeys(framework.competency_ids, 30.0), ()),
    ]
    analysis = analyze_team(framework, members)
    assert len(analysis.pairs) == 1
    pair = analysis.pairs[0]
    assert (pair.mentor, pair.mentee) == (0, 1)
    assert pair.action is not None and pair.action.competency == pair.competency
    assert pair.action == first_joint_action(framework, pair.competency)
    assert pair.action.kind == "shadow" or not any(
        a.kind == "shadow" for a in framework.actions_for(pair.competency)
    )


def test_target_weights_change_which_competency_a_pair_is_about(framework: Framework) -> None:
    scores = dict.fromkeys(framework.competency_ids, 50.0)
    mentor = TeamMember("M", {**scores, "execution": 80.0, "ux": 85.0}, framework.competency_ids)
    mentee = TeamMember("m", scores, ())
    plain = analyze_team(framework, [mentor, mentee])
    technical = analyze_team(framework, [mentor, mentee], ["technical"])
    assert plain.pairs[0].competency == "ux"
    assert technical.pairs[0].competency == "execution"
    assert technical.pairs[0].benefit == 30.0 * 1.8


def test_large_teams_reach_the_same_optimum_as_the_hungarian_method() -> None:
    from scipy.optimize import linear_sum_assignment

    rng = np.random.default_rng(11)
    # At 0.05 most people have no measured score, so nobody can learn from them:
    # the solver then works only on those who can give or get.
    for size, share in ((2, 0.7), (37, 0.7), (250, 0.7), (250, 0.05)):
        scores = rng.uniform(0, 100, size=(size, 6))
        measured = rng.random(scores.shape) < share
        benefit, _ = benefit_matrix(scores, measured, rng.uniform(0.5, 2.0, 6))
        pairs = optimal_pairs(benefit)
        reference = np.clip(benefit, 0.0, None)
        np.fill_diagonal(reference, 0.0)
        rows, columns = linear_sum_assignment(reference, maximize=True)
        assert np.isclose(sum(benefit[i, j] for i, j in pairs), reference[rows, columns].sum())
