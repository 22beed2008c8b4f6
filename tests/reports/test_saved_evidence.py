"""Résumé evidence in a saved result: read back as saved, older results without it still read."""

from __future__ import annotations

from pm_origins.engine import BulletCompetency, EvidenceBullet, Role, evaluate
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data, read_result, render_markdown

BULLETS = (
    EvidenceBullet(
        "b1", "Ran 30 customer interviews.", "QA Engineer", (BulletCompetency("research", 0.9),)
    ),
    EvidenceBullet("b2", "", "QA Engineer", (BulletCompetency("research", 0.6),)),
    EvidenceBullet("b3", "Built the Looker dashboard.", "", (BulletCompetency("analytics", 0.8),)),
    EvidenceBullet("b4", "Enjoys sailing.", "", ()),
)


def saved(framework: Framework, rejected: set[str]) -> dict:
    evaluation = evaluate(framework, [Role("QA Engineer", 4)], evidence=BULLETS, rejected=rejected)
    return evaluation_data(evaluation, framework)


def test_a_saved_result_lists_supporting_bullets_strongest_first(framework: Framework) -> None:
    result = read_result(saved(framework, set()), framework.competency_ids)

    assert [e.id for e in result.supporting("research")] == ["b1", "b2"]
    assert result.abstained == 1
    assert result.rejected == 0


def test_a_rejected_bullet_stays_listed_but_supports_nothing(framework: Framework) -> None:
    result = read_result(saved(framework, {"b1"}), framework.competency_ids)

    assert [e.id for e in result.supporting("research")] == ["b2"]
    assert result.rejected == 1
    assert [e.rejected for e in result.evidence] == [True, False, False, False]


def test_a_result_saved_before_evidence_reads_with_none(framework: Framework) -> None:
    data = saved(framework, set())
    del data["evidence"]

    result = read_result(data, framework.competency_ids)

    assert result.evidence == ()
    assert "### Your résumé" not in render_markdown(result, framework)


def test_the_markdown_quotes_kept_text_and_says_when_text_was_not_kept(
    framework: Framework,
) -> None:
    markdown = render_markdown(
        read_result(saved(framework, {"b3"}), framework.competency_ids), framework
    )

    assert "“Ran 30 customer interviews.” (QA Engineer): 0.90" in markdown
    assert "(text not kept) (QA Engineer): 0.60" in markdown
    assert "Looker" not in markdown  # rejected
    assert "1 bullet showed no competency; you rejected 1." in markdown


def test_only_results_saved_before_bullets_counted_say_their_scores_left_them_out(
    framework: Framework,
) -> None:
    from pm_origins.reports import EVIDENCE_NOT_SCORED

    data = saved(framework, set())
    current = read_result(data, framework.competency_ids)
    assert current.evidence_scored
    assert EVIDENCE_NOT_SCORED not in render_markdown(current, framework)
    # The same bullets in a format-1 result: its scores were made without them.
    old = {k: v for k, v in data.items() if k != "format"}
    for entry in old["profile"].values():
        entry.pop("measured"), entry.pop("basis")
    before = read_result(old, framework.competency_ids)
    assert before.format == 1 and not before.evidence_scored
    assert EVIDENCE_NOT_SCORED in render_markdown(before, framework)
