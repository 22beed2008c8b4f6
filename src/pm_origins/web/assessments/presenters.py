"""Saved results turned into what the templates show. Reads only; changes nothing.

Every number comes from the stored result (`SavedResult`), rounded once by
`pm_origins.reports`; every name and text comes from the framework the result
was saved under.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from pm_origins.framework import Competency, Framework, UnknownId
from pm_origins.reports import (
    CLOSE_ENOUGH_TEXT,
    LATER_TEXT,
    NOTHING_MEASURED_TEXT,
    PROVISIONAL_TEXT,
    QUALITY_TEXT,
    QUALITY_WIDENED_TEXT,
    TYPICAL_GAPS_TEXT,
    TYPICAL_STRENGTHS_TEXT,
    SavedResult,
    Score,
    answer_label,
    item_text,
    radar_figure_html,
    radar_svg,
    trend_svg,
    whole,
)
from pm_origins.web.assessments.models import Assessment

PHASE_NAMES = {30: "First 30 days", 60: "Days 31 to 60", 90: "Days 61 to 90"}
# The basis of a result in the words a share-link holder reads.
SHARED_BASIS = {
    "both": "Based on their career history and their answers.",
    "history": "Based on their career history only.",
    "answers": "Based on their answers only.",
    "none": "There was no career history and there were no answers, so every score is the "
    "population average, with a wide range.",
}
REVERSE_NOTE = (
    "Reverse-scored: this question describes a habit that holds the competency back, "
    "so answering it more often lowers the score."
)


def paragraphs(text: str) -> list[str]:
    """A story's paragraphs (the YAML keeps one per line)."""
    return [p for p in text.split("\n") if p.strip()]


def framework_overview(framework: Framework) -> dict[str, Any]:
    """The six competencies and seven origins (with their strengths and gaps by name)."""
    names = {c.id: c.name for c in framework.competencies}
    return {
        "competencies": framework.competencies,
        "origins": [
            (o, [names[c] for c in o.strengths], [names[c] for c in o.weaknesses])
            for o in framework.origins
        ],
    }


def _competency(framework: Framework, competency_id: str) -> Competency:
    return framework.competency(competency_id)


def result_context(
    assessment: Assessment,
    result: SavedResult,
    framework: Framework,
    *,
    owner_view: bool,
    may_track: bool,
    done: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """What the result page shows, from the saved result and its own framework."""
    top = framework.origin(result.top.id) if result.top is not None else None
    phases = []
    if result.plan is not None:
        for phase in result.plan.phases:
            actions = [
                {
                    "action": action,
                    "competency_name": _competency(framework, action.competency).name,
                    "done": action.id in done,
                }
                for action in phase.actions
            ]
            phases.append(
                {
                    "days": phase.days,
                    "name": PHASE_NAMES.get(phase.days),
                    "actions": actions,
                    "hours": phase.hours,
                    "budget": result.plan.hours_per_phase,
                }
            )
    reasons = [
        {
            "competency": _competency(framework, reason.competency),
            "reason": reason,
            **_movement(result, reason),
            "answers": [
                {
                    "answer": answer,
                    "text": item_text(framework, answer.item),
                    "label": answer_label(framework, answer.item, answer.answer),
                    "reverse": _is_reverse(framework, answer.item),
                }
                for answer in reason.answers
            ],
        }
        for reason in result.reasons
    ]
    target_levels, target_name = None, ""
    if result.plan is not None:
        with contextlib.suppress(UnknownId):
            role = framework.role(result.plan.target_id)
            target_levels = {c: float(e.level) for c, e in role.expectations.items()}
            target_name = f"Target: {result.plan.target_name}"
    origin_names = {o.id: o.name for o in framework.origins}
    # The owner reads "your"; anyone with the share link reads "their".
    words = {"your": "your", "Your": "Your", "you": "you"}
    if not owner_view:
        words = {"your": "their", "Your": "Their", "you": "they"}
    show_answers = owner_view or assessment.show_answers
    summary = result_summary(result, framework)
    return {
        **words,
        "framework_label": framework.label,
        "basis_text": result.basis_text if owner_view else SHARED_BASIS.get(result.basis, ""),
        "show_answers": show_answers,
        "summary": summary,
        "contents": _contents(result, show_answers=show_answers, owner_view=owner_view),
        "reverse_note": REVERSE_NOTE,
        "assessment": assessment,
        "result": result,
        "origin_basis_text": result.origin_basis_text(origin_names),
        "shown_blend": " / ".join(f"{s.percent}% {s.name}" for s in result.shown_blend),
        "owner_view": owner_view,
        "may_track": may_track,
        "guest_result": assessment.owner_id is None,
        "top_origin": top,
        "story": paragraphs(top.story) if top else [],
        "radar": mark_safe(
            radar_figure_html(
                framework,
                result.profile,
                title=f"{words['Your']} competency profile",
                target=target_levels,
                target_label=target_name or "Target role",
                narrow_copy=True,
            )
        ),
        "superpowers": [_competency(framework, c) for c in result.superpowers],
        "gaps": [
            {"competency": _competency(framework, c), "advice": result.advice_for(c)}
            for c in result.gaps
        ],
        # What is typical for the background (not measured in the person), and how the
        # scores were made; each shown only when the saved result holds it.
        "nothing_measured": all(score.level is None for score in result.profile),
        "nothing_measured_text": NOTHING_MEASURED_TEXT,
        "typical_superpowers": [
            _competency(framework, c)
            for c in result.typical_superpowers
            if c not in result.superpowers
        ],
        "typical_strengths_text": TYPICAL_STRENGTHS_TEXT,
        "typical_gaps": [
            {"competency": _competency(framework, c), "advice": result.advice_for(c)}
            for c in dict.fromkeys((*result.typical_gaps, *(a.competency for a in result.advice)))
            if c not in result.gaps
        ],
        "typical_gaps_text": TYPICAL_GAPS_TEXT,
        "quality_notes": [QUALITY_TEXT.get(flag, flag) for flag in result.quality_flags],
        "quality_widened_text": QUALITY_WIDENED_TEXT,
        "provisional_text": PROVISIONAL_TEXT if result.item_parameters == "provisional" else "",
        "reasons": reasons,
        "plan_gaps": [
            {
                "gap": gap,
                "competency": _competency(framework, gap.competency),
                "note": {"close_enough": CLOSE_ENOUGH_TEXT, "later": LATER_TEXT}.get(
                    gap.status or "", ""
                ),
            }
            for gap in (result.plan.gaps if result.plan else ())
        ],
        "plan_states_advice": bool(result.plan and any(g.status for g in result.plan.gaps)),
        "phases": phases,
        "done_count": len(done),
        "action_count": len(result.plan.action_ids) if result.plan else 0,
    }


def _movement(result: SavedResult, reason: Any) -> dict[str, Any]:
    """Where a score ended, from its starting point, and a note when the answers listed
    (the strongest single pulls) point the other way from where the score moved."""
    if not result.has(reason.competency):
        return {"final": None, "answered": 0, "others_note": ""}
    score = result.score(reason.competency)
    net = score.score - reason.prior
    listed = sum(a.points for a in reason.answers)
    note = ""
    unlisted = score.answered - len(reason.answers)
    if unlisted > 0 and abs(net) >= 0.5 and net * listed < 0:
        way = "up" if net > 0 else "down"
        others = "the other answer" if unlisted == 1 else f"the other {unlisted} answers, together,"
        note = (
            f"The answers listed are the strongest single pulls; {others} moved the score "
            f"{way} overall."
        )
    return {"final": score, "answered": score.answered, "others_note": note}


def _is_reverse(framework: Framework, item_id: str) -> bool:
    try:
        return framework.item(item_id).reverse
    except UnknownId:
        return False


def _certainty(result: SavedResult, framework: Framework) -> str:
    """How sure the result is, in one sentence, from the saved bands."""
    if not result.profile:
        return ""
    widths = [(s.high - s.low) / 2 for s in result.profile]
    average = whole(sum(widths) / len(widths))
    answered = sum(s.answered for s in result.profile)
    uncertain = [_competency(framework, c).name for c in result.uncertain if result.has(c)]
    basis = f"{answered} answer{'s' if answered != 1 else ''}"
    if result.roles:
        basis += f" and {len(result.roles)} role{'s' if len(result.roles) != 1 else ''}"
    if not uncertain:
        return (
            f"Fairly sure: each score's 90% band is about ±{average} points on average, "
            f"from {basis}."
        )
    return (
        f"Less sure about {_and_list(uncertain)}: their bands are wide. On average a "
        f"score's 90% band is ±{average} points, from {basis}; more answers narrow it."
    )


def _and_list(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def result_summary(result: SavedResult, framework: Framework) -> dict[str, Any]:
    """The few lines at the top of a result: origin, top superpower, top gap, first
    action and how sure it is, all read from the saved result."""

    def scored(ids: Sequence[str], *, highest: bool) -> Any:
        present = [c for c in ids if result.has(c)]
        if not present:
            return None
        key = max if highest else min
        chosen = key(present, key=lambda c: result.score(c).score)
        return {"competency": _competency(framework, chosen), "score": result.score(chosen)}

    top_gap = None
    if result.plan is not None and result.plan.gaps and not result.plan.ready:
        first = result.plan.gaps[0]  # saved largest priority first
        top_gap = {
            "competency": _competency(framework, first.competency),
            "score": result.score(first.competency) if result.has(first.competency) else None,
            "against": result.plan.target_name,
        }
    elif result.gaps:
        top_gap = scored(result.gaps, highest=False)
    first_action = None
    if result.plan is not None:
        for phase in result.plan.phases:
            if phase.actions:
                first_action = phase.actions[0]
                break
    return {
        "superpower": scored(result.superpowers, highest=True),
        "gap": top_gap,
        "action": first_action,
        "certainty": _certainty(result, framework),
    }


def _contents(
    result: SavedResult, *, show_answers: bool, owner_view: bool
) -> list[tuple[str, str]]:
    """The result page's sections, as (anchor, title), for its short contents list."""
    entries = []
    if result.top is not None:
        entries.append(("story", "Origin story"))
    entries += [
        ("profile", "The six competencies"),
        ("superpowers", "Superpowers"),
        ("gaps", "Gaps and what to do"),
        ("why", "Why: what drove each score"),
    ]
    if show_answers and result.evidence:
        entries.append(("resume", "From the résumé"))
    if result.plan is not None:
        entries.append(("plan", f"Plan for the {result.plan.target_name} role"))
    if owner_view:
        entries.append(("keep", "Keep, share or delete"))
    return entries


@dataclass(frozen=True)
class Finished:
    """One finished result on "My results": the assessment, as saved, and its framework."""

    assessment: Assessment
    result: SavedResult
    framework: Framework

    @property
    def label(self) -> str:
        when = self.assessment.completed_at or self.assessment.created
        return f"{when:%d %b %Y}"

    @property
    def when(self) -> str:
        """The date and time the result was finished, in the site's time zone."""
        when = localtime(self.assessment.completed_at or self.assessment.created)
        return f"{when:%-d %b %Y, %H:%M}"


def history_context(finished: Sequence[Finished], drafts: Sequence[Assessment]) -> dict[str, Any]:
    """ "My results": finished results (oldest first in, newest first out), trends, drafts.

    Competencies and their names come from the newest result's framework; an older
    result saved under a framework without one of them shows a dash there.
    """
    latest = finished[-1].framework if finished else None
    competencies = latest.competencies if latest else ()
    series = [(f.label, f.result) for f in finished]
    trends: list[dict[str, Any]] = []
    if latest is not None:
        trends = [
            {
                "competency": c,
                "svg": mark_safe(trend_svg(latest, series, c.id, id_prefix=f"trend-{c.id}")),
            }
            for c in competencies
        ]
    return {
        "finished": list(reversed(finished)),
        "drafts": list(drafts),
        "trends": trends,
        "rows": [
            {
                "label": f.label,
                "scores": [
                    f.result.score(c.id).shown if f.result.has(c.id) else None for c in competencies
                ],
            }
            for f in finished
        ],
        "competencies": competencies,
    }


def beyond_bands(before: Score, after: Score) -> bool:
    """Whether a change is larger than the two results' uncertainty: their 90% bands
    do not overlap. A cautious rule (two bands that just touch can still hide a real
    change), stated on the page."""
    return after.low > before.high or after.high < before.low


def comparison_context(earlier: Finished, later: Finished) -> dict[str, Any]:
    """Two results side by side ("then" and "now", with date and time), each read under
    its own framework, on the later one's axes; the change per competency with its
    sign and whether it goes beyond the bands."""
    framework = later.framework
    then_label, now_label = f"Then, {earlier.when}", f"Now, {later.when}"
    rows = []
    for competency in framework.competencies:
        after = later.result.score(competency.id)
        before = earlier.result.score(competency.id) if earlier.result.has(competency.id) else None
        change = after.shown - before.shown if before else None
        rows.append(
            {
                "competency": competency,
                "before": before,
                "after": after,
                "change": change,
                "change_text": "–" if change is None else f"{change:+d}" if change else "0",
                "beyond": before is not None and beyond_bands(before, after),
            }
        )
    drawings = [
        radar_svg(
            framework,
            later.result.profile,
            compare=earlier.result.profile,
            compare_label=then_label,
            profile_label="Now",
            title=f"Your profile then ({earlier.when}) and now ({later.when})",
            id_prefix=f"compare-radar{suffix}",
            compact=compact,
        )
        for suffix, compact in (("", False), ("-narrow", True))
    ]
    radar: SafeString = mark_safe(
        f'<div class="radar-wide">{drawings[0]}</div><div class="radar-narrow">{drawings[1]}</div>'
    )
    return {
        "earlier": earlier.assessment,
        "later": later.assessment,
        "then_label": then_label,
        "now_label": now_label,
        "then_when": earlier.when,
        "now_when": later.when,
        "rows": rows,
        "beyond_count": sum(1 for r in rows if r["beyond"]),
        "radar": radar,
    }
