from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import Evaluation, Role, evaluate
from pm_origins.framework import Framework, load_framework
from pm_origins.reports import CONTRACT_KEYS, evaluation_data, render_json

ANSWERS = {"ux_01": 4, "ux_02": 2, "execution_01": 5, "innovation_10": 5}
INPUTS = {
    "both, with a plan": (
        [Role("QA Engineer", 5), Role("Software Engineer", 4, 3)],
        ANSWERS,
        "technical",
    ),
    "history only": ([Role("Account Manager", 4)], {}, None),
    "answers only": ([], ANSWERS, "generalist"),
    "nothing": ([], {}, None),
}


@pytest.fixture(params=list(INPUTS), scope="module")
def evaluation(request: pytest.FixtureRequest, framework: Framework) -> Evaluation:
    roles, answers, target = INPUTS[request.param]
    return evaluate(framework, roles, answers, target=target)


@pytest.fixture(scope="module")
def data(evaluation: Evaluation, framework: Framework) -> dict[str, Any]:
    return evaluation_data(evaluation, framework)


def test_it_holds_every_contract_key(data: dict[str, Any]) -> None:
    assert set(CONTRACT_KEYS) <= set(data)
    assert CONTRACT_KEYS == (
        "framework_version",
        "profile",
        "origins",
        "superpowers",
        "gaps",
        "advice",
        "plan",
        "evidence",
    )


def test_the_profile_has_every_competency_with_its_score_inside_its_band(
    data: dict[str, Any], framework: Framework
) -> None:
    assert list(data["profile"]) == list(framework.competency_ids)
    for entry in data["profile"].values():
        assert 0 <= entry["low"] <= entry["score"] <= entry["high"] <= 100
        assert isinstance(entry["measured"], bool)
        # A level only where something was measured; a typical profile has none.
        assert entry["level"] in range(5) if entry["measured"] else entry["level"] is None
        assert entry["measured"] == bool({"answers", "resume"} & set(entry["basis"]))


def test_origins_are_sorted_by_share_and_add_up_to_one(
    data: dict[str, Any], framework: Framework
) -> None:
    shares = [o["share"] for o in data["origins"]]
    assert shares == sorted(shares, reverse=True)
    assert sum(shares) == pytest.approx(1.0, abs=0.01)
    assert {o["id"] for o in data["origins"]} == {o.id for o in framework.origins}


def test_the_plan_is_present_only_with_a_target(
    data: dict[str, Any], evaluation: Evaluation
) -> None:
    if evaluation.plan is None:
        assert data["plan"] is None
    else:
        assert data["plan"]["target"]["id"] == evaluation.plan.role.id
        assert [p["days"] for p in data["plan"]["phases"]] == [30, 60, 90]


def test_it_round_trips_through_json(
    data: dict[str, Any], evaluation: Evaluation, framework: Framework
) -> None:
    text = render_json(evaluation, framework)
    assert json.loads(text) == data
    assert json.loads(json.dumps(data)) == data


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([i.id for i in load_framework().items]), st.integers(1, 5), max_size=40
    )
)
def test_any_answers_give_ordered_bands_and_shares_that_add_up(answers: dict[str, int]) -> None:
    framework = load_framework()
    data = evaluation_data(evaluate(framework, (), answers), framework)
    for entry in data["profile"].values():
        assert entry["low"] <= entry["score"] <= entry["high"]
    assert sum(o["share"] for o in data["origins"]) == pytest.approx(1.0, abs=0.01)
