"""A saved result as a readable Markdown report, to keep or share with a mentor.

It renders from the stored result (`SavedResult`) and the framework it was saved
under, like every other view: nothing is re-computed.
"""

from __future__ import annotations

import contextlib
import re

from pm_origins.framework import Framework, UnknownId
from pm_origins.reports.result import (
    BASIS_TEXT,
    CLOSE_ENOUGH_TEXT,
    LATER_TEXT,
    OTHER_ID,
    Plan,
    SavedResult,
    whole,
)

PHASE_HEADINGS = {30: "First 30 days", 60: "Days 31-60", 90: "Days 61-90"}
NO_BASIS_TEXT = BASIS_TEXT["none"]
EVIDENCE_INTRO = (
    "Bullets from your résumé, read offline by a small sentence model, listed under the "
    "competency each one shows; the number is how sure the reader is (0-1). A bullet it was "
    "not sure about is left out rather than forced. A bullet you rejected counts for nothing."
)
EVIDENCE_NOT_SCORED = (
    "These bullets are evidence for you to check; the scores above, saved before résumé "
    "bullets counted, do not take them in, so they rest on your career history and answers."
)
NOTHING_MEASURED_TEXT = (
    "Nothing is measured yet: your scores show what is typical for your background. "
    "Answer the questions to find your own superpowers and gaps."
)
TYPICAL_GAPS_TEXT = (
    "Your answers did not measure these as gaps of yours, but people from your background "
    "often find them hard. Answer the questions about them to check."
)
PROVISIONAL_TEXT = (
    "These scores use provisional item parameters: how sharply each question tells people "
    "apart is still a reasoned choice, not yet fitted to real answers. See "
    "docs/SCORES.md, How scores work."
)
QUALITY_TEXT = {
    "straight_lining": "almost every answer was the same, even where the statements point "
    "opposite ways",
    "inconsistent": "some answers contradict each other (a habit and its opposite both "
    "frequent, or both rare)",
    "misfit": "the pattern of answers is unusual for anyone at your level, as if some were "
    "given at random",
    "too_few_answers": "only a few questions were answered",
}
QUALITY_WIDENED_TEXT = (
    "So each answer counts for half as much as usual and the likely ranges are wider. "
    "Answering again, carefully, will narrow them."
)
PRECISION_TEXT = (
    'Under the model, your true score lies in the likely range with a 90% chance; "±N" '
    "is half its width, so a "
    "score of 60 ±8 could well be anywhere from 52 to 68."
)
TYPICAL_STRENGTHS_TEXT = (
    "People from your background are often strong here, but your answers have not shown it "
    "as a superpower of yours: they did not measure it, or put it below the superpower mark. "
    "Answer the questions about it to check."
)
OLD_PRIORITY_INTRO = (
    "Gaps against the role, largest first (gap times how much the role leans on the competency)."
)
PRIORITY_INTRO = (
    "Gaps against the role, sorted by priority: the gap times how much the role leans on "
    "the competency. The higher the priority, the more and the bigger the actions; a gap "
    "whose target lies inside your likely range is close enough and gets none."
)
CLOSING = "Use your strengths, keep aiming for growth, and do great work."
PRODUCT_YEARS_TEXT = (
    "You already have {years} in product roles. Product experience is where you are "
    "heading, not where you come from, so it does not count towards an origin."
)
ONLY_PRODUCT_TEXT = (
    "Every role you added is a product role, so your career history says nothing about "
    "your origin: it comes from your answers alone."
)

# Characters that mean something to Markdown anywhere in a line (GitHub flavour, tables).
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|~])")
# Entities such as "&amp;" or "&#42;" would be decoded; a lone "&" is safe.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Things that only mean something at the start of a line: headings, quotes, lists, rules.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Text safe to put inline in Markdown, table cells included: no formatting, one line."""
    flat = " ".join(text.split())
    flat = _ENTITY.sub("&amp;", _INLINE_SPECIALS.sub(r"\\\1", flat))
    return _LINE_START.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), flat)


def _escape_lead(lead: str) -> str:
    return lead[:-1] + "\\" + lead[-1] if lead[-1] in ".)" else "\\" + lead


def _paragraphs(text: str) -> list[str]:
    return [escape_markdown(part) for part in re.split(r"\n\s*\n", text) if part.strip()]


def _whole(value: float) -> str:
    return str(whole(value))


def _table(head: list[str], rows: list[list[str]], align: str) -> list[str]:
    rule = {"l": "---", "r": "---:"}
    return [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(rule[a] for a in align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _name(framework: Framework, competency_id: str) -> str:
    return escape_markdown(framework.competency(competency_id).name)


def _years(value: float) -> str:
    return f"{value:g} year{'' if value == 1 else 's'}"


def _product_lines(result: SavedResult) -> list[str]:
    if result.product is None:
        return []
    out = [PRODUCT_YEARS_TEXT.format(years=_years(result.product.years)), ""]
    if result.product.only_product:
        out.extend([ONLY_PRODUCT_TEXT, ""])
    return out


def _origin_section(result: SavedResult, framework: Framework) -> list[str]:
    product = _product_lines(result)
    top_share = result.top
    if top_share is None:
        return ["## Your origin", "", NO_BASIS_TEXT, "", *product]
    top = framework.origin(top_share.id)
    if result.clarity == "unclear":
        headline = f"**Your origin:** not clear yet; closest {escape_markdown(_shown(result))}"
    elif len(result.blend) > 1:
        headline = f"**Your origin:** a blend, {escape_markdown(result.blend_label)}"
    elif result.clarity is not None:
        headline = f"**Your origin:** {escape_markdown(top.name)} ({_shown_single(result)})"
    else:
        headline = f"**Your origin:** {escape_markdown(top.name)} ({top_share.percent}%)"
    names = {o.id: o.name for o in framework.origins}
    basis = [
        escape_markdown(text)
        for text in (result.clarity_text, result.origin_basis_text(names))
        if text
    ]
    out = [
        "## Your origin",
        "",
        headline,
        "",
        result.basis_text,
        "",
        *(line for text in basis for line in (text, "")),
        *product,
        f"### {escape_markdown(top.name)}",
        "",
        f"*{escape_markdown(top.summary)}*",
        "",
    ]
    for paragraph in _paragraphs(top.story):
        out.extend([paragraph, ""])
    for share in result.blend[1:]:
        other = framework.origin(share.id)
        out.extend(
            [
                f"You also carry some **{escape_markdown(other.name)}** "
                f"({share.percent}%): {escape_markdown(other.summary)}",
                "",
            ]
        )
    return out


def _shown(result: SavedResult) -> str:
    """The shown shares, "43% Quality Assurance / 57% other origins", adding up to 100."""
    return " / ".join(f"{s.percent}% {s.name}" for s in result.shown_blend)


def _shown_single(result: SavedResult) -> str:
    shown = result.shown_blend
    rest = [s for s in shown if s.id == OTHER_ID]
    if not rest:
        return f"{shown[0].percent}%"
    return f"{shown[0].percent}%; {rest[0].name} {rest[0].percent}%"


def _scores_section(result: SavedResult, framework: Framework) -> list[str]:
    rows = []
    for score in result.profile:
        notes = [
            word
            for word, applies in (
                ("superpower", score.competency in result.superpowers),
                ("gap", score.competency in result.gaps),
                ("uncertain", score.competency in result.uncertain),
            )
            if applies
        ]
        levels = framework.competency(score.competency).levels
        level = "typical" if score.level is None else str(score.level)
        descriptor = "" if score.level is None else escape_markdown(levels[score.level])
        rows.append(
            [
                _name(framework, score.competency),
                str(score.shown),
                f"{score.low_shown}–{score.high_shown}"
                + (f" (±{score.precision})" if result.format >= 2 else ""),
                level,
                descriptor,
                ", ".join(notes),
            ]
        )
    out = [
        "## Your scores",
        "",
        "Scores run from 0 to 100; the likely range is where the score probably lies. "
        "Each 20 points is one level, from 0 (no exposure yet) to 4 (leads and teaches "
        "others).",
        "",
        *([PRECISION_TEXT, ""] if result.format >= 2 else []),
        *_table(
            [
                "Competency",
                "Score",
                "Likely range",
                "Level (0–4)",
                "What this level looks like",
                "Note",
            ],
            rows,
            "lrrrll",
        ),
        "",
    ]
    if result.quality_flags:
        found = "; ".join(QUALITY_TEXT.get(flag, flag) for flag in result.quality_flags)
        out.extend([f"**Response checks:** {found}. {QUALITY_WIDENED_TEXT}", ""])
    if result.item_parameters == "provisional":
        out.extend([PROVISIONAL_TEXT, ""])
    if result.uncertain:
        names = ", ".join(_name(framework, c) for c in result.uncertain)
        out.extend(
            [
                f"**Uncertain:** the likely range is wide for {names}. Answer more "
                "questions about them to narrow it.",
                "",
            ]
        )
    return out


def _strengths_and_gaps(result: SavedResult, framework: Framework) -> list[str]:
    limits = framework.thresholds
    out = ["## Superpowers", ""]
    # A result with no level anywhere measured nothing (no answers, no résumé evidence).
    nothing_measured = all(score.level is None for score in result.profile)
    if not result.superpowers and nothing_measured:
        out.append(NOTHING_MEASURED_TEXT)
    elif not result.superpowers:
        out.append(f"No competency reaches the superpower mark ({limits.superpower}) yet.")
    for competency in result.superpowers:
        summary = escape_markdown(framework.competency(competency).summary)
        shown = result.score(competency).shown
        out.append(f"- **{_name(framework, competency)}** ({shown}): {summary}")
    out.extend(["", "## Gaps", ""])
    if not result.gaps and nothing_measured:
        out.append("No gap of yours is measured yet.")
    elif not result.gaps:
        out.append(f"No competency is at or below the gap mark ({limits.gap}).")
    for competency in result.gaps:
        out.extend(_gap_with_advice(result, framework, competency, result.score(competency).shown))
    out.append("")
    return [*out, *_typical_gaps(result, framework)]


def _typical_gaps(result: SavedResult, framework: Framework) -> list[str]:
    """The background's typical strengths, and its typical gaps with their advice, where
    they were not measured as the person's own."""
    out: list[str] = []
    strengths = [c for c in result.typical_superpowers if c not in result.superpowers]
    if strengths:
        out.extend(["## Typical strengths of your background", "", TYPICAL_STRENGTHS_TEXT, ""])
        for competency in strengths:
            summary = escape_markdown(framework.competency(competency).summary)
            out.append(f"- **{_name(framework, competency)}**: {summary}")
        out.append("")
    advised = (a.competency for a in result.advice)
    typical = [c for c in dict.fromkeys((*result.typical_gaps, *advised)) if c not in result.gaps]
    if not typical:
        return out
    out.extend(["## Typical gaps of your background", "", TYPICAL_GAPS_TEXT, ""])
    for competency in typical:
        out.extend(_gap_with_advice(result, framework, competency, None))
    out.append("")
    return out


def _gap_with_advice(
    result: SavedResult, framework: Framework, competency: str, shown: int | None
) -> list[str]:
    """A gap's line (with its score when measured) and the advice saved for it."""
    summary = escape_markdown(framework.competency(competency).summary)
    score = "" if shown is None else f" ({shown})"
    out = [f"- **{_name(framework, competency)}**{score}: {summary}"]
    advice = result.advice_for(competency)
    if advice:
        out.append("  - What to do:")
        out.extend(f"    - {escape_markdown(text)}" for text in advice)
    return out


def answer_label(framework: Framework, item_id: str, answer: int) -> str:
    """The words of an answer ("Often") on its item's scale; the number if unknown."""
    try:
        labels = framework.scale(framework.item(item_id).scale).labels
    except UnknownId:
        return str(answer)
    return labels[answer - 1] if 0 < answer <= len(labels) else str(answer)


def item_text(framework: Framework, item_id: str) -> str:
    try:
        return framework.item(item_id).text
    except UnknownId:
        return item_id


def _why_section(result: SavedResult, framework: Framework) -> list[str]:
    out = ["## Why", "", "### Your career history", ""]
    if not result.roles:
        out.extend(["You have not added any past roles.", ""])
    else:
        out.extend(
            ["Each role counts by its years, less the longer ago it ended (effective years).", ""]
        )
        rows = []
        for role in result.roles:
            ended = "current" if role.years_ago == 0 else f"{role.years_ago:g} years ago"
            if role.kind == "product":
                matched = "product experience, not an origin"
                if role.alias:
                    matched += f" (as “{escape_markdown(role.alias)}”)"
            elif role.kind == "chosen" and role.chosen_origin:
                matched = escape_markdown(role.chosen_origin)
                with contextlib.suppress(UnknownId):
                    matched = escape_markdown(framework.origin(role.chosen_origin).name)
                matched = f"{matched} 100% (your choice)"
            elif role.matched:
                matched = " / ".join(
                    f"{escape_markdown(framework.origin(o).name)} {whole(s * 100)}%"
                    for o, s in role.origins
                )
                if role.alias:
                    matched += f" (as “{escape_markdown(role.alias)}”)"
            else:
                matched = "not placed, left out"
                if role.suggestions:
                    matched += (
                        "; did you mean "
                        + ", ".join(f"“{escape_markdown(s)}”" for s in role.suggestions)
                        + "?"
                    )
            rows.append(
                [
                    escape_markdown(role.title),
                    f"{role.years:g}",
                    ended,
                    f"{role.weight:.1f}",
                    matched,
                ]
            )
        out.extend(
            [*_table(["Role", "Years", "Ended", "Effective years", "Matched"], rows, "lrlrl"), ""]
        )
    out.extend(["### Your answers", ""])
    if not result.answers:
        out.extend(["You have not answered any questions yet.", ""])
        return out
    for reason in result.reasons:
        start = "your career history" if reason.source == "history" else "the population average"
        answered = result.score(reason.competency).answered
        count = f"{answered} answer{'s' if answered != 1 else ''}"
        out.append(
            f"- **{_name(framework, reason.competency)}**: started at "
            f"{_whole(reason.prior)} from {start}; {count}."
        )
        for contribution in reason.answers:
            label = answer_label(framework, contribution.item, contribution.answer)
            out.append(
                f"  - “{escape_markdown(item_text(framework, contribution.item))}” You answered "
                f"*{escape_markdown(label)}*: {contribution.points:+.1f} points."
            )
    out.append("")
    return out


def _evidence_section(result: SavedResult, framework: Framework) -> list[str]:
    if not result.evidence:
        return []
    # Results scored since résumé evidence counts take the bullets in; older saved ones
    # did not. Neither is claimed here until the saved result says which it was.
    out = ["### Your résumé", "", EVIDENCE_INTRO, ""]
    if not result.evidence_scored:
        out.extend([EVIDENCE_NOT_SCORED, ""])
    for score in result.profile:
        name = _name(framework, score.competency)
        supporting = result.supporting(score.competency)
        if not supporting:
            out.extend([f"- **{name}**: no bullet shows it.", ""])
            continue
        out.append(f"- **{name}**:")
        for item in supporting:
            quote = f"“{escape_markdown(item.text)}”" if item.text else "(text not kept)"
            where = f" ({escape_markdown(item.role)})" if item.role else ""
            out.append(f"  - {quote}{where}: {item.score(score.competency) or 0:.2f}")
        out.append("")
    notes = []
    if result.abstained:
        notes.append(
            f"{result.abstained} bullet{'s' if result.abstained != 1 else ''} showed no competency"
        )
    if result.rejected:
        notes.append(f"you rejected {result.rejected}")
    if notes:
        sentence = "; ".join(notes)
        out.extend([sentence[0].upper() + sentence[1:] + ".", ""])
    return out


def _plan_section(plan: Plan, framework: Framework) -> list[str]:
    out = [f"## Growth plan: {escape_markdown(plan.target_name)}", ""]
    with contextlib.suppress(UnknownId):
        out.extend([escape_markdown(framework.role(plan.target_id).summary), ""])
    if plan.ready:
        out.extend(
            [
                "You already meet this role's expectations on every competency. Keep "
                "your strengths sharp and look for a stretch role.",
                "",
            ]
        )
        return out
    rows = [
        [
            str(rank),
            _name(framework, gap.competency),
            _whole(gap.current),
            _whole(gap.target),
            _whole(gap.gap),
            f"{gap.weight:g}",
            f"{gap.priority:.1f}",
            _gap_note(gap.uncertain, gap.status),
        ]
        for rank, gap in enumerate(plan.gaps, start=1)
    ]
    out.extend(
        [
            PRIORITY_INTRO if plan.sorted_by == "priority" else OLD_PRIORITY_INTRO,
            "",
            *_table(
                ["Rank", "Competency", "Now", "Target", "Gap", "Weight", "Priority", "Note"],
                rows,
                "rlrrrrrl",
            ),
            "",
        ]
    )
    out.extend(_gap_advice_lines(plan, framework))
    for phase in plan.phases:
        heading = PHASE_HEADINGS.get(phase.days, f"By day {phase.days}")
        if plan.hours_per_phase is not None:
            heading += f" ({phase.hours} of {plan.hours_per_phase} hours)"
        out.extend([f"### {heading}", ""])
        if not phase.actions:
            out.append("Nothing new: finish what you started.")
        for action in phase.actions:
            fit = _action_fit(action.tailored, action.uses, framework)
            out.append(
                f"- **{escape_markdown(action.title)}** ({action.kind}, "
                f"{action.hours} hours, {action.effort}; "
                f"{_name(framework, action.competency)}{fit}): "
                f"{escape_markdown(action.description)}"
            )
        out.append("")
    return out


def _gap_note(uncertain: bool, status: str | None) -> str:
    notes = ["uncertain"] if uncertain else []
    notes += {"close_enough": ["close enough"], "later": ["after 90 days"]}.get(status or "", [])
    return ", ".join(notes)


def _action_fit(tailored: bool, uses: tuple[str, ...], framework: Framework) -> str:
    parts = ["written for your origin"] if tailored else []
    if uses:
        parts.append("uses your " + " and ".join(_name(framework, c) for c in uses))
    return "; " + "; ".join(parts) if parts else ""


def _gap_advice_lines(plan: Plan, framework: Framework) -> list[str]:
    """Per gap, in priority order: its advice and actions, or why it has none."""
    if all(g.status is None for g in plan.gaps):
        return []  # a plan saved before gaps carried their own advice
    titles = {a.id: a.title for phase in plan.phases for a in phase.actions}
    out = ["### Each gap, by priority", ""]
    for gap in plan.gaps:
        out.append(f"- **{_name(framework, gap.competency)}** (priority {gap.priority:.1f})")
        if gap.status == "close_enough":
            out.append(f"  - {escape_markdown(CLOSE_ENOUGH_TEXT)}")
        elif gap.status == "later":
            out.append(f"  - {escape_markdown(LATER_TEXT)}")
        out.extend(f"  - Advice: {escape_markdown(text)}" for text in gap.advice)
        for action_id in gap.actions:
            if action_id in titles:
                out.append(f"  - Action: {escape_markdown(titles[action_id])}")
    out.append("")
    return out


def render_markdown(result: SavedResult, framework: Framework) -> str:
    """A saved result as a complete Markdown report.

    Args:
        result: the result as saved (see `read_result`); history, answers and
            plan may each be empty or missing.
        framework: the framework the result was saved under.
    Returns:
        Markdown text: origin and story, scores, superpowers, gaps and advice,
        why, the growth plan when there is a target, and the framework version.
        Text that comes from people (job titles) is escaped.
    """
    out = ["# Your PM origin story", ""]
    out.extend(_origin_section(result, framework))
    out.extend(_scores_section(result, framework))
    out.extend(_strengths_and_gaps(result, framework))
    out.extend(_why_section(result, framework))
    out.extend(_evidence_section(result, framework))
    if result.plan is not None:
        out.extend(_plan_section(result.plan, framework))
    out.extend(
        [
            CLOSING,
            "",
            "---",
            "",
            f"Framework version {escape_markdown(result.framework_version)}.",
        ]
    )
    return "\n".join(out) + "\n"
