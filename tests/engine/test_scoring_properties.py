"""Invariants of scoring and matching, checked over many generated answer sets."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import Role, evaluate, score_answers
from pm_origins.framework import load_framework

FRAMEWORK = load_framework()
ITEM_IDS = [item.id for item in FRAMEWORK.items]
answer_sets = st.dictionaries(st.sampled_from(ITEM_IDS), st.integers(1, 5), max_size=40)
role_lists = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "QA Engineer",
                "Software Developer",
                "Account Executive",
                "UX Designer",
                "Business Analyst",
                "Scrum Master",
                "Marketing Manager",
            ]
        ),
        st.integers(0, 20),
        st.integers(0, 15),
    ),
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(answer_sets)
def test_scores_stay_in_range_and_bands_contain_them(answers: dict[str, int]) -> None:
    for score in score_answers(FRAMEWORK, answers).scores:
        assert 0 <= score.low <= score.score <= score.high <= 100


@settings(max_examples=150, deadline=None)
@given(
    answer_sets, st.sampled_from([i for i in FRAMEWORK.items if not i.reverse]), st.integers(1, 4)
)
def test_a_higher_answer_on_a_positive_item_never_lowers_its_competency(
    answers: dict[str, int],
    item: object,
    value: int,
) -> None:
    item_id = item.id  # type: ignore[attr-defined]
    competency = item.competency  # type: ignore[attr-defined]
    lower = score_answers(FRAMEWORK, {**answers, item_id: value})[competency].score
    higher = score_answers(FRAMEWORK, {**answers, item_id: value + 1})[competency].score
    assert higher >= lower


@settings(max_examples=100, deadline=None)
@given(answer_sets, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_answer_order(answers: dict[str, int], rng: random.Random) -> None:
    shuffled_keys = list(answers)
    rng.shuffle(shuffled_keys)
    shuffled = {key: answers[key] for key in shuffled_keys}
    first = score_answers(FRAMEWORK, answers)
    second = score_answers(FRAMEWORK, shuffled)
    for a, b in zip(first.scores, second.scores, strict=True):
        assert abs(a.score - b.score) < 1e-9 and abs(a.sd - b.sd) < 1e-9


@settings(max_examples=60, deadline=None)
@given(answer_sets, role_lists)
def test_matching_is_deterministic_and_shares_add_up(
    answers: dict[str, int], roles: list[tuple[str, int, int]]
) -> None:
    people = [Role(title, years, ago) for title, years, ago in roles]
    first = evaluate(FRAMEWORK, people, answers, "generalist")
    second = evaluate(
        FRAMEWORK, list(reversed(people)), dict(reversed(answers.items())), "generalist"
    )
    assert [(o.id, round(o.share, 9)) for o in first.match.origins] == [
        (o.id, round(o.share, 9)) for o in second.match.origins
    ]
    assert abs(sum(o.share for o in first.match.origins) - 1) < 1e-9
    assert first.match.superpowers == second.match.superpowers
    assert first.match.gaps == second.match.gaps
