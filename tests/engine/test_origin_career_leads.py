"""The career leads and the answers refine: origin shares, clarity and resemblance."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import Role, evaluate, score_answers
from pm_origins.engine.matching import (
    NAMED_SHARE,
    OriginShare,
    career_weight,
    origin_clarity,
    origin_shares,
)
from pm_origins.framework import Framework, load_framework

from .helpers import answers_for

RANDOM_SETS = 2_000


def ux_answers(framework: Framework) -> dict[str, int]:
    return answers_for(framework, framework.origin("ux_design").expected)


def test_ten_years_of_qa_stay_first_beside_answers_that_resemble_ux(
    framework: Framework,
) -> None:
    result = evaluate(framework, [Role("QA Engineer", 10)], ux_answers(framework))
    match = result.match
    assert match.origins[0].id == "qa"
    assert match.origins[0].share > 0.75
    assert match.basis == match.origin_basis == "both"
    assert [o.id for o in match.resemble][:1] == ["ux_design"]
    assert match.clarity in {"clear", "blend"}


def test_answers_that_agree_with_the_career_make_it_firmer(framework: Framework) -> None:
    career = evaluate(framework, [Role("QA Engineer", 4)])
    agreeing = evaluate(
        framework, [Role("QA Engineer", 4)], answers_for(framework, framework.origin("qa").expected)
    )
    assert agreeing.match.origins[0].id == "qa"
    assert agreeing.match.origins[0].share > career.match.origins[0].share


@pytest.mark.parametrize(("fewer", "more"), [(0.5, 2), (2, 5), (5, 12)])
def test_more_years_give_a_firmer_origin(framework: Framework, fewer: float, more: float) -> None:
    short = evaluate(framework, [Role("QA Engineer", fewer)]).match
    long = evaluate(framework, [Role("QA Engineer", more)]).match
    assert short.origins[0].id == long.origins[0].id == "qa"
    assert short.origins[0].share < long.origins[0].share
    assert short.career_weight < long.career_weight


def test_half_a_year_alone_does_not_name_a_clear_origin(framework: Framework) -> None:
    match = evaluate(framework, [Role("QA Engineer", 0.5)]).match
    assert match.origins[0].id == "qa"
    assert match.origins[0].share < NAMED_SHARE
    assert match.clarity == "unclear"


def test_the_career_weight_is_half_at_two_effective_years(framework: Framework) -> None:
    history = evaluate(framework, [Role("QA Engineer", 2)]).history
    assert career_weight(history) == pytest.approx(0.5)
    assert career_weight(None) == 0.0


def test_a_mixed_career_keeps_the_ratio_of_its_years(framework: Framework) -> None:
    match = evaluate(framework, [Role("QA Engineer", 6), Role("Software Developer", 4)]).match
    shares = {o.id: o.share for o in match.origins}
    rest = (1 - match.career_weight) / len(framework.origins)
    assert (shares["qa"] - rest) / (shares["development"] - rest) == pytest.approx(1.5)
    assert match.clarity == "blend"


def test_with_nothing_to_go_on_nothing_is_named(framework: Framework) -> None:
    match = evaluate(framework).match
    assert match.origin_basis is None
    assert match.clarity == "unclear"
    assert match.resemble == ()


def test_middling_answers_cannot_tell_origins_apart(framework: Framework) -> None:
    answers = {item.id: 3 for item in framework.items}
    match = evaluate(framework, answers=answers).match
    assert match.clarity == "unclear"
    assert match.origins[0].share < NAMED_SHARE


def test_random_answers_rarely_give_a_confident_origin() -> None:
    framework = load_framework()
    rng = np.random.default_rng(20261202)
    item_ids = [item.id for item in framework.items]
    tops, unclear = [], 0
    for _ in range(RANDOM_SETS):
        values = rng.integers(1, 6, len(item_ids))
        answers = {item_id: int(v) for item_id, v in zip(item_ids, values, strict=True)}
        origins, basis = origin_shares(framework, None, score_answers(framework, answers))
        tops.append(origins[0].share)
        clarity = origin_clarity(origins, basis)
        unclear += clarity == "unclear"
        if clarity == "unclear":
            assert origins[0].share < NAMED_SHARE
    confident = float(np.mean(np.array(tops) >= 0.8))
    assert confident <= 0.05, f"{confident:.1%} of random answer sets got a top share >= 0.8"
    assert unclear / RANDOM_SETS >= 0.4


@pytest.mark.parametrize(
    "origin_id",
    ["sales", "marketing", "business_analysis", "ux_design", "qa"],
)
def test_an_origins_own_answers_read_clear(framework: Framework, origin_id: str) -> None:
    origin = framework.origin(origin_id)
    match = evaluate(framework, answers=answers_for(framework, origin.expected)).match
    assert match.origins[0].id == origin_id
    assert match.clarity == "clear"
    assert match.resemble[0].id == origin_id


shares_strategy = st.lists(st.floats(0.001, 1.0), min_size=2, max_size=9)


@given(shares_strategy)
@settings(max_examples=200, deadline=None)
def test_an_unclear_result_never_has_a_share_of_one_half(values: list[float]) -> None:
    total = sum(values)
    origins = tuple(
        OriginShare(f"o{i}", f"O{i}", v / total) for i, v in enumerate(sorted(values, reverse=True))
    )
    clarity = origin_clarity(origins)
    assert clarity in {"clear", "blend", "unclear"}
    if clarity == "unclear":
        assert origins[0].share < NAMED_SHARE


@given(st.dictionaries(st.sampled_from([i.id for i in load_framework().items]), st.integers(1, 5)))
@settings(max_examples=50, deadline=None)
def test_shares_add_up_to_one_with_any_answers_and_a_career(answers: dict[str, int]) -> None:
    framework = load_framework()
    match = evaluate(framework, [Role("QA Engineer", 3)], answers).match
    assert sum(o.share for o in match.origins) == pytest.approx(1.0)
    # Three years carry 60% of the shares: no answers can take the lead from the career.
    assert match.origins[0].id == "qa"
    assert match.origins[0].share >= match.career_weight
