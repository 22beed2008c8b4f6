"""A full result as a readable Markdown report, to keep or share with a mentor."""

from __future__ import annotations

import re

from pm_origins.engine import Evaluation, GrowthPlan, OriginMatch, Profile
from pm_origins.engine.history import blend_label
from pm_origins.framework import Framework, level_of

PHASE_HEADINGS = {30: "First 30 days", 60: "Days 31-60", 90: "Days 61-90"}
BASIS_TEXT = {
    "both": "Based on your career history and your answers.",
    "history": "Based on your career history only. Answer the questionnaire to check it.",
    "answers": "Based on your answers only. Add your past roles to sharpen it.",
}
NO_BASIS_TEXT = (
    "There is no career history and no answers yet, so there is nothing to match you to an "
    "origin with: every score below is the population average, with a wide range. Add your "
    "past roles or answer the questionnaire to find your origin."
)
EVIDENCE_INTRO = (
    "Bullets from your résumé, read offline by a small sentence model, listed under the "
    "competency each one shows; the number is how sure the reader is (0-1). A bullet it was "
    "not sure about is left out rather than forced. If a bullet is listed under the wrong "
    "competency, reject it and the result is worked out again without it."
)
EVIDENCE_NOT_SCORED = (
    "These bullets are evidence for you to check; the scores above do not take them in yet, "
    "so they rest on your career history and answers only."
)
CLOSING = "Use your strengths, keep aiming for growth, and do great work."

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
    return str(round(value))


def _table(head: list[str], rows: list[list[str]], align: str) -> list[str]:
    rule = {"l": "---", "r": "---:"}
    return [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(rule[a] for a in align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _name(framework: Framework, competency_id: str) -> str:
    return escape_markdown(framework.competency(competency_id).name)


def _origin_section(match: OriginMatch, framework: Framework) -> list[str]:
    if match.basis == "none" or not match.origins:
        return ["## Your origin", "", NO_BASIS_TEXT, ""]
    blend = match.blend
    top = framework.origin(blend[0].id)
    if len(blend) > 1:
        label = blend_label([(o.name, o.share) for o in blend])
        headline = f"**Your origin:** a blend, {escape_markdown(label)}"
    else:
        headline = f"**Your origin:** {escape_markdown(top.name)} ({round(blend[0].share * 100)}%)"
    out = [
        "## Your origin",
        "",
        headline,
        "",
        BASIS_TEXT[match.basis],
        "",
        f"### {escape_markdown(top.name)}",
        "",
        f"*{escape_markdown(top.summary)}*",
        "",
    ]
    for paragraph in _paragraphs(top.story):
        out.extend([paragraph, ""])
    for share in blend[1:]:
        other = framework.origin(share.id)
        out.extend(
            [
                f"You also carry some **{escape_markdown(other.name)}** "
                f"({round(share.share * 100)}%): {escape_markdown(other.summary)}",
                "",
            ]
        )
    return out


def _scores_section(profile: Profile, match: OriginMatch, framework: Framework) -> list[str]:
    rows = []
    for score in profile.scores:
        level = level_of(score.score)
        notes = [
            word
            for word, applies in (
                ("superpower", score.competency in match.superpowers),
                ("gap", score.competency in match.gaps),
                ("uncertain", score.uncertain),
            )
            if applies
        ]
        descriptor = escape_markdown(framework.competency(score.competency).levels[level])
        rows.append(
            [
                _name(framework, score.competency),
                _whole(score.score),
                f"{_whole(score.low)}–{_whole(score.high)}",
                f"{level} of 4",
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
        *_table(
            ["Competency", "Score", "Likely range", "Level", "What this level looks like", "Note"],
            rows,
            "lrrrll",
        ),
        "",
    ]
    if profile.uncertain:
        names = ", ".join(_name(framework, c) for c in profile.uncertain)
        out.extend(
            [
                f"**Uncertain:** the likely range is wide for {names}. Answer more "
                "questions about them to narrow it.",
                "",
            ]
        )
    return out


def _strengths_and_gaps(evaluation: Evaluation, framework: Framework) -> list[str]:
    match, profile, limits = evaluation.match, evaluation.profile, framework.thresholds
    out = ["## Superpowers", ""]
    if not match.superpowers:
        out.append(f"No competency reaches the superpower mark ({limits.superpower}) yet.")
    for competency in match.superpowers:
        summary = escape_markdown(framework.competency(competency).summary)
        out.append(
            f"- **{_name(framework, competency)}** ({_whole(profile[competency].score)}): {summary}"
        )
    out.extend(["", "## Gaps", ""])
    if not match.gaps:
        out.append(f"No competency is at or below the gap mark ({limits.gap}).")
    for competency in match.gaps:
        summary = escape_markdown(framework.competency(competency).summary)
        out.append(
            f"- **{_name(framework, competency)}** ({_whole(profile[competency].score)}): {summary}"
        )
        advice = [a for a in match.advice if a.competency == competency]
        if advice:
            out.append("  - What to do:")
            out.extend(f"    - {escape_markdown(a.text)}" for a in advice)
    out.append("")
    return out


def _why_section(evaluation: Evaluation, framework: Framework) -> list[str]:
    out = ["## Why", "", "### Your career history", ""]
    evidence = evaluation.history.evidence
    if not evidence:
        out.extend(["You have not added any past roles.", ""])
    else:
        out.extend(
            ["Each role counts by its years, less the longer ago it ended (effective years).", ""]
        )
        rows = []
        for row in evidence:
            role, title_match = row.role, row.match
            ended = "current" if role.years_ago == 0 else f"{role.years_ago:g} years ago"
            if title_match.matched:
                matched = " / ".join(
                    f"{escape_markdown(framework.origin(o).name)} {round(s * 100)}%"
                    for o, s in sorted(title_match.shares.items(), key=lambda kv: -kv[1])
                )
                if title_match.matched_alias:
                    matched += f" (as “{escape_markdown(title_match.matched_alias)}”)"
            else:
                matched = "not placed, left out"
                if title_match.suggestions:
                    matched += (
                        "; did you mean "
                        + ", ".join(f"“{escape_markdown(s)}”" for s in title_match.suggestions)
                        + "?"
                    )
            rows.append(
                [
                    escape_markdown(role.title),
                    f"{role.years:g}",
                    ended,
                    f"{row.weight:.1f}",
                    matched,
                ]
            )
        out.extend(
            [*_table(["Role", "Years", "Ended", "Effective years", "Matched"], rows, "lrlrl"), ""]
        )
    out.extend(["### Your answers", ""])
    if not evaluation.answers:
        out.extend(["You have not answered any questions yet.", ""])
        return out
    for reason in evaluation.reasons:
        start = (
            "your career history" if reason.prior_source == "history" else "the population average"
        )
        answered = evaluation.profile[reason.competency].answered
        count = f"{answered} answer{'s' if answered != 1 else ''}"
        out.append(
            f"- **{_name(framework, reason.competency)}**: started at "
            f"{_whole(reason.prior_mean)} from {start}; {count}."
        )
        for contribution in reason.answers:
            item = framework.item(contribution.item_id)
            labels = framework.scale(item.scale).labels
            label = (
                labels[contribution.answer - 1]
                if 0 < contribution.answer <= len(labels)
                else str(contribution.answer)
            )
            out.append(
                f"  - “{escape_markdown(item.text)}” You answered "
                f"*{escape_markdown(label)}*: {contribution.points:+.1f} points."
            )
    out.append("")
    return out


def _evidence_section(evaluation: Evaluation, framework: Framework) -> list[str]:
    if not evaluation.evidence:
        return []
    out = ["### Your résumé", "", EVIDENCE_INTRO, "", EVIDENCE_NOT_SCORED, ""]
    for summary in evaluation.evidence_by_competency:
        name = _name(framework, summary.competency)
        if not summary.supporting:
            out.extend([f"- **{name}**: no bullet shows it.", ""])
            continue
        out.append(f"- **{name}**:")
        for bullet in summary.supporting:
            score = next(c.score for c in bullet.competencies if c.id == summary.competency)
            quote = f"“{escape_markdown(bullet.text)}”" if bullet.text else "(text not kept)"
            where = f" ({escape_markdown(bullet.role)})" if bullet.role else ""
            out.append(f"  - {quote}{where}: {score:.2f}")
        out.append("")
    abstained = sum(1 for b in evaluation.evidence if not b.competencies)
    rejected = len(evaluation.rejected)
    notes = []
    if abstained:
        notes.append(f"{abstained} bullet{'s' if abstained != 1 else ''} showed no competency")
    if rejected:
        notes.append(f"you rejected {rejected}")
    if notes:
        sentence = "; ".join(notes)
        out.extend([sentence[0].upper() + sentence[1:] + ".", ""])
    return out


def _plan_section(plan: GrowthPlan, framework: Framework) -> list[str]:
    out = [
        f"## Growth plan: {escape_markdown(plan.role.name)}",
        "",
        escape_markdown(plan.role.summary),
        "",
    ]
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
            "uncertain" if gap.uncertain else "",
        ]
        for rank, gap in enumerate(plan.gaps, start=1)
    ]
    out.extend(
        [
            "Gaps against the role, largest first (gap times how much the role leans on "
            "the competency).",
            "",
            *_table(
                ["Rank", "Competency", "Now", "Target", "Gap", "Weight", "Priority", "Note"],
                rows,
                "rlrrrrrl",
            ),
            "",
        ]
    )
    for days, heading in PHASE_HEADINGS.items():
        out.extend([f"### {heading}", ""])
        planned = plan.phase(days)
        if not planned:
            out.append("Nothing new: finish what you started.")
        for step in planned:
            action = step.action
            out.append(
                f"- **{escape_markdown(action.title)}** ({action.kind}, "
                f"{action.hours} hours, {action.effort}; "
                f"{_name(framework, action.competency)}): "
                f"{escape_markdown(action.description)}"
            )
        out.append("")
    return out


def render_markdown(evaluation: Evaluation, framework: Framework) -> str:
    """The evaluation as a complete Markdown report.

    Args:
        evaluation: the result of `evaluate`; history, answers and plan may each
            be empty or missing.
        framework: the framework the evaluation was made with.
    Returns:
        Markdown text: origin and story, scores, superpowers, gaps and advice,
        why, the growth plan when there is a target, and the framework version.
        Text that comes from people (job titles) is escaped.
    """
    out = ["# Your PM origin story", ""]
    out.extend(_origin_section(evaluation.match, framework))
    out.extend(_scores_section(evaluation.profile, evaluation.match, framework))
    out.extend(_strengths_and_gaps(evaluation, framework))
    out.extend(_why_section(evaluation, framework))
    out.extend(_evidence_section(evaluation, framework))
    if evaluation.plan is not None:
        out.extend(_plan_section(evaluation.plan, framework))
    out.extend(
        [
            CLOSING,
            "",
            "---",
            "",
            f"Framework version {escape_markdown(evaluation.framework_version)}.",
        ]
    )
    return "\n".join(out) + "\n"
