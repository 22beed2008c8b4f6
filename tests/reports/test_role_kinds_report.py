"""Reports say how each role was read: product experience, a chosen origin, or unplaced;
results saved before role kinds existed still read."""

from __future__ import annotations

from pm_origins.engine import Role, evaluate
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data, read_result, render_markdown, saved_result
from pm_origins.reports.markdown import ONLY_PRODUCT_TEXT


def test_product_years_are_said_and_do_not_make_an_origin(framework: Framework) -> None:
    evaluation = evaluate(framework, [Role("Product Owner", 4), Role("APM", 1, 2)])
    text = render_markdown(saved_result(evaluation, framework), framework)
    assert "You already have 5 years in product roles" in text
    assert ONLY_PRODUCT_TEXT in text
    assert "product experience, not an origin (as “Product Owner”)" in text


def test_a_chosen_origin_is_shown_as_the_person_s_choice(framework: Framework) -> None:
    evaluation = evaluate(framework, [Role("Growth Ninja", 3, origin="marketing")])
    text = render_markdown(saved_result(evaluation, framework), framework)
    assert "Marketing 100% (your choice)" in text


def test_the_saved_result_keeps_each_role_s_kind(framework: Framework) -> None:
    roles = [Role("QA Engineer", 2), Role("Product Manager", 3), Role("Astronaut", 1)]
    data = evaluation_data(evaluate(framework, roles, allow_unmatched=True), framework)
    result = read_result(data, framework.competency_ids)
    assert [r.kind for r in result.roles] == ["origin", "product", "unmatched"]
    assert result.product is not None and result.product.years == 3
    assert not result.product.only_product


def test_a_result_saved_before_role_kinds_reads_as_before(framework: Framework) -> None:
    data = evaluation_data(evaluate(framework, [Role("QA Engineer", 2)]), framework)
    for role in data["roles"]:
        for key in ("kind", "read_by", "reason", "closest", "chosen_origin"):
            del role[key]
    del data["product"]
    result = read_result(data, framework.competency_ids)
    assert result.roles[0].kind == "origin"
    assert result.product is None
