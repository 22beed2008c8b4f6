from __future__ import annotations

import re

import pytest

from pm_origins.engine import Evaluation, Role, evaluate
from pm_origins.framework import Framework
from pm_origins.reports import render_markdown, saved_result, whole
from pm_origins.reports.markdown import NO_BASIS_TEXT, escape_markdown

ANSWERS = {"ux_01": 4, "ux_02": 2, "execution_01": 5, "innovation_10": 5}
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def evaluation(framework: Framework) -> Evaluation:
    roles = [Role("QA Engineer", 5), Role("Software Engineer", 4, years_ago=3)]
    return evaluate(framework, roles, ANSWERS, target="technical")


@pytest.fixture(scope="module")
def report(evaluation: Evaluation, framework: Framework) -> str:
    return render_markdown(saved_result(evaluation, framework), framework)


def section(report: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = report.index(heading + "\n")
    rest = report[start + len(heading) :]
    stop = re.search(rf"^#{{1,{len(level)}}} ", rest, flags=re.MULTILINE)
    return rest[: stop.start()] if stop else rest


def test_it_starts_with_a_heading_and_names_the_top_origin_with_its_story(
    evaluation: Evaluation, framework: Framework, report: str
) -> None:
    assert report.startswith("# ")
    top = framework.origin(evaluation.match.origins[0].id)
    assert f"### {top.name}\n" in report
    for paragraph in top.story.split("\n\n"):
        assert escape_markdown(paragraph) in report


def test_a_blend_is_labelled_with_the_share_of_each_named_origin(
    evaluation: Evaluation, report: str
) -> None:
    blend = evaluation.match.blend
    assert len(blend) > 1, "the fixture should give a blend of two origins"
    label = " / ".join(f"{whole(o.share * 100)}% {o.name}" for o in blend)
    assert f"**Your origin:** a blend, {escape_markdown(label)}" in report


def test_the_scores_table_has_a_row_for_every_competency_with_band_and_level(
    evaluation: Evaluation, framework: Framework, report: str
) -> None:
    scores = section(report, "## Your scores")
    for score in evaluation.profile.scores:
        competency = framework.competency(score.competency)
        row = next(
            line
            for line in scores.splitlines()
            if line.startswith(f"| {escape_markdown(competency.name)} |")
        )
        cells = [c.strip() for c in UNESCAPED_PIPE.split(row)[1:-1]]
        # The report shows the saved numbers (one decimal), rounded to wholes.
        assert cells[1] == str(whole(round(score.score, 1)))
        low, high = round(score.low, 1), round(score.high, 1)
        assert cells[2] == f"{whole(low)}–{whole(high)} (±{whole((high - low) / 2)})"
        assert cells[3] == (str(int(score.score // 20)) if score.measured else "typical")
        if not score.measured:
            assert cells[4] == ""  # no level text for a score that measured nothing
        assert ("uncertain" in cells[5]) is score.uncertain


def test_uncertain_competencies_come_with_a_call_to_answer_more_questions(
    evaluation: Evaluation, framework: Framework, report: str
) -> None:
    assert evaluation.profile.uncertain, "the fixture should leave some competency uncertain"
    line = next(x for x in report.splitlines() if x.startswith("**Uncertain:**"))
    assert "Answer more questions" in line
    for competency in evaluation.profile.uncertain:
        assert escape_markdown(framework.competency(competency).name) in line


def test_superpowers_and_gaps_are_listed_with_summaries_and_advice(
    evaluation: Evaluation, framework: Framework, report: str
) -> None:
    match = evaluation.match
    assert match.superpowers and match.gaps and match.advice
    superpowers, gaps = section(report, "## Superpowers"), section(report, "## Gaps")
    for competency in match.superpowers:
        assert f"**{escape_markdown(framework.competency(competency).name)}**" in superpowers
        assert escape_markdown(framework.competency(competency).summary) in superpowers
    for competency in match.gaps:
        assert f"**{escape_markdown(framework.competency(competency).name)}**" in gaps
    typical = section(report, "## Typical gaps of your background")
    for advice in match.advice:
        where = gaps if advice.competency in match.gaps else typical
        assert f"    - {escape_markdown(advice.text)}" in where


def test_why_gives_each_role_its_match_and_effective_years(
    evaluation: Evaluation, framework: Framework, report: str
) -> None:
    why = section(report, "### Your career history")
    for evidence in evaluation.history.evidence:
        row = next(line for line in why.splitlines() if line.startswith(f"| {evidence.role.title}"))
        assert f"| {evidence.weight:.1f} |" in row
        for origin in evidence.match.shares:
            assert framework.origin(origin).name in row
    assert "3 years ago" in why


def test_why_quotes_the_strongest_answers_by_their_item_text(
    evaluation: Evaluation, framework: Framework, report: str
) -> None:
    answers = section(report, "### Your answers")
    for reason in evaluation.reasons:
        for contribution in reason.answers:
            item = framework.item(contribution.item_id)
            assert f"“{escape_markdown(item.text)}”" in answers
            assert f"{contribution.points:+.1f} points" in answers
    assert "*As a regular part of my work*" in answers  # the answer label, not the number


def test_the_growth_plan_ranks_gaps_and_lays_out_three_phases(framework: Framework) -> None:
    # Every question answered, weak on innovation and relationships: gaps well outside
    # their bands, so the plan has actions (a few answers leave every gap "close enough").
    weak = {"innovation", "relationships"}
    answers = {
        i.id: (4 if i.reverse else 2) if i.competency in weak else (2 if i.reverse else 4)
        for i in framework.items
    }
    evaluation = evaluate(framework, [Role("QA Engineer", 5)], answers, target="technical")
    report = render_markdown(saved_result(evaluation, framework), framework)
    plan = evaluation.plan
    assert plan is not None and plan.actions
    text = section(report, f"## Growth plan: {plan.role.name}")
    first_gap = framework.competency(plan.gaps[0].competency).name
    assert f"| 1 | {escape_markdown(first_gap)} |" in text
    budget = plan.hours_per_phase
    headings = [
        f"### {name} ({plan.phase_hours(days)} of {budget} hours)"
        for days, name in zip(
            (30, 60, 90), ("First 30 days", "Days 31-60", "Days 61-90"), strict=True
        )
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    for days, heading in zip((30, 60, 90), headings, strict=True):
        phase = section(text, heading)
        for step in plan.phase(days):
            action = step.action
            assert (
                f"- **{escape_markdown(action.title)}** ({action.kind}, {action.hours} hours"
            ) in phase
            assert escape_markdown(action.description) in phase


def test_a_plan_that_is_already_met_says_so(framework: Framework) -> None:
    best = {i.id: 1 if i.reverse else 5 for i in framework.items}
    evaluation = evaluate(framework, (), best, target="generalist")
    assert evaluation.plan is not None and evaluation.plan.ready
    report = render_markdown(saved_result(evaluation, framework), framework)
    assert "You already meet this role's expectations" in report
    assert "### First 30 days" not in report


def test_a_hostile_job_title_cannot_break_the_roles_table(framework: Framework) -> None:
    title = "*QA* | Lead [x](http://evil) <b>"
    evaluation = evaluate(framework, [Role(title, 2)], allow_unmatched=True)
    report = render_markdown(saved_result(evaluation, framework), framework)
    assert title not in report
    assert r"\*QA\* \| Lead \[x\](http://evil) \<b\>" in report
    table = section(report, "### Your career history")
    rows = [line for line in table.splitlines() if line.startswith("|")]
    assert {len(UNESCAPED_PIPE.findall(row)) for row in rows} == {6}


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("# Head", r"\# Head"),
        ("1. Lead", r"1\. Lead"),
        ("- Lead", r"\- Lead"),
        ("a_b *c* `d`", r"a\_b \*c\* \`d\`"),
        ("Tom &amp; Jerry & co", "Tom &amp;amp; Jerry & co"),
        ("two\nlines", "two lines"),
    ],
)
def test_escape_markdown_neutralises_formatting(text: str, safe: str) -> None:
    assert escape_markdown(text) == safe


def test_with_neither_history_nor_answers_it_says_so_plainly(framework: Framework) -> None:
    evaluation = evaluate(framework)
    assert evaluation.match.basis == "none"
    report = render_markdown(saved_result(evaluation, framework), framework)
    assert NO_BASIS_TEXT in report
    assert "**Your origin:**" not in report
    assert "You have not added any past roles." in report
    assert "You have not answered any questions yet." in report
    for competency in framework.competencies:
        assert f"| {escape_markdown(competency.name)} |" in report


@pytest.mark.parametrize(
    ("roles", "answers", "basis", "missing"),
    [
        ([Role("Account Manager", 4)], {}, "history", "You have not answered any questions yet."),
        ([], ANSWERS, "answers", "You have not added any past roles."),
    ],
)
def test_partial_inputs_give_a_full_report(
    framework: Framework, roles: list[Role], answers: dict[str, int], basis: str, missing: str
) -> None:
    evaluation = evaluate(framework, roles, answers)
    assert evaluation.match.basis == basis
    report = render_markdown(saved_result(evaluation, framework), framework)
    top = framework.origin(evaluation.match.origins[0].id)
    assert f"### {top.name}" in report
    assert missing in report
    assert "## Growth plan" not in report


def test_the_report_ends_with_the_framework_version(evaluation: Evaluation, report: str) -> None:
    assert report.rstrip().endswith(f"Framework version {evaluation.framework_version}.")
