"""Every change to teams, cohorts and second opinions goes through these functions;
the web pages, the API and the CLI call them and re-implement nothing.

What a team sees of a member is built in one place, `member_card`: the shared
result's scores (with bands), origin and plan. Never answers, roles, reasons or
anything not shared.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from pm_origins.engine import (
    BAND_Z,
    CompetencyScore,
    EngineInputError,
    OpinionComparison,
    Profile,
    TeamAnalysis,
    TeamMember,
    analyze_team,
    check_answers,
    compare_opinions,
    evaluate,
    evaluate_roster,
    memo_matcher,
    read_roster,
    target_mix,
)
from pm_origins.framework import Framework, framework_from_data
from pm_origins.reports import (
    ResultFormatError,
    evaluation_data,
    member_from_result,
    read_result,
)
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment, FrameworkSnapshot
from pm_origins.web.assessments.services import snapshot_current, title_reader
from pm_origins.web.core.converters import is_token
from pm_origins.web.core.errors import DomainError
from pm_origins.web.core.framework import current_framework
from pm_origins.web.teams.models import (
    Cohort,
    CohortPerson,
    Membership,
    SecondOpinion,
    Team,
    TeamInvite,
    TeamShare,
)

INVITE_DAYS = 7
OPINION_DAYS = 30
MAX_COHORT_PEOPLE = 1000
MAX_TEAMS_PER_USER = 500
MAX_OPEN_INVITES = 20
TREND_POINTS = 12
SHARES_KEPT = 12  # per member: enough for the trend, and a bound on what a page loads

INVITE_CLOSED = (
    "This invitation link does not work any more: it expired or the team's lead revoked it. "
    "Ask the lead for a new link."
)
NOT_YOUR_RESULT = "Choose one of your own finished results to share."
LEAD_CANNOT_LEAVE = "The lead cannot leave the team; delete the team instead."
LEAD_CANNOT_BE_REMOVED = "The lead cannot be removed from the team."
TOO_MANY_TEAMS = f"You are in {MAX_TEAMS_PER_USER} teams already; leave one first."
TOO_MANY_INVITES = f"This team has {MAX_OPEN_INVITES} open links; revoke one first."
OPINION_CLOSED = (
    "This link does not take answers any more: it was answered already, expired, "
    "or the person withdrew it."
)
NO_ANSWERS = "Answer at least one question."
EMPTY_NAME = "Give a name."
ROSTER_INVALID = "Nothing was imported; fix the rows below and upload the file again."


class TeamError(DomainError):
    """A rule about teams, cohorts or second opinions said no; `message` is safe to show."""


class RosterError(TeamError):
    """An import with bad rows; `problems` lists each with its line number."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(ROSTER_INVALID)
        self.problems = tuple(problems)


def _clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise TeamError(EMPTY_NAME)
    return clean[:80]


def _check_targets(role_ids: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(role_ids))
    try:
        target_mix(current_framework(), chosen)
    except EngineInputError as exc:
        raise TeamError(exc.message) from None
    return chosen


# Teams ----------------------------------------------------------------------------------


@transaction.atomic
def team_create(*, user: User, name: str) -> Team:
    """A new team led by `user`."""
    if Membership.objects.filter(user=user).count() >= MAX_TEAMS_PER_USER:
        raise TeamError(TOO_MANY_TEAMS)
    team = Team.objects.create(name=_clean_name(name))
    Membership.objects.create(
        team=team, user=user, role=Membership.Role.LEAD, name=_clean_name(user.display_name)
    )
    return team


def team_set_targets(*, team: Team, role_ids: Sequence[str]) -> Team:
    """The target mix the gaps and the pairing weights are measured against."""
    team.target_roles = _check_targets(role_ids)
    team.save(update_fields=["target_roles"])
    return team


def team_delete(*, team: Team) -> None:
    team.delete()


def invite_create(*, team: Team, days: int = INVITE_DAYS) -> TeamInvite:
    """A join link that works for `days` days unless revoked first."""
    now = timezone.now()
    if team.invites.filter(revoked_at__isnull=True, expires_at__gt=now).count() >= (
        MAX_OPEN_INVITES
    ):
        raise TeamError(TOO_MANY_INVITES)
    return TeamInvite.objects.create(team=team, expires_at=now + timedelta(days=days))


def invite_revoke(*, invite: TeamInvite) -> None:
    if invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["revoked_at"])


def open_invite(token: str) -> TeamInvite | None:
    """The invite behind a link if it still works, else None."""
    if not is_token(token):
        return None
    invite = TeamInvite.objects.select_related("team").filter(token=token).first()
    if invite is None or not invite.open_at(timezone.now()):
        return None
    return invite


@transaction.atomic
def team_join(*, token: str, user: User, name: str) -> Membership:
    """Join the team of an open invite link; joining twice keeps the one membership."""
    invite = open_invite(token)
    if invite is None:
        raise TeamError(INVITE_CLOSED)
    existing = Membership.objects.filter(team=invite.team, user=user).first()
    if existing is not None:
        return existing
    if Membership.objects.filter(user=user).count() >= MAX_TEAMS_PER_USER:
        raise TeamError(TOO_MANY_TEAMS)
    return Membership.objects.create(team=invite.team, user=user, name=_clean_name(name))


def share_set(*, membership: Membership, assessment: Assessment) -> TeamShare:
    """Show the team this finished result of the member's (the newest share is current)."""
    if assessment.owner_id != membership.user_id or not assessment.is_complete:
        raise TeamError(NOT_YOUR_RESULT)
    share = TeamShare.objects.create(membership=membership, assessment=assessment)
    older = TeamShare.objects.filter(membership=membership).order_by("-shared_at", "-pk")
    stale = list(older.values_list("pk", flat=True)[SHARES_KEPT:])
    if stale:
        TeamShare.objects.filter(pk__in=stale).delete()
    return share


def share_withdraw(*, membership: Membership) -> int:
    """Take every result the member shared off the team, earlier ones too."""
    deleted, _ = TeamShare.objects.filter(membership=membership).delete()
    return deleted


def member_remove(*, membership: Membership) -> None:
    """A lead removes a member; what they shared goes with them."""
    if membership.is_lead:
        raise TeamError(LEAD_CANNOT_BE_REMOVED)
    membership.delete()


def team_leave(*, membership: Membership) -> None:
    """A member leaves; what they shared goes with them."""
    if membership.is_lead:
        raise TeamError(LEAD_CANNOT_LEAVE)
    membership.delete()


# What a team sees -----------------------------------------------------------------------


def _measured(result: Mapping[str, Any], competency: str, answered: int) -> bool:
    """The saved `measured` flag of a score; results saved before the flag existed
    have only their answer count to go by (the rule of `reports.member_from_result`)."""
    entry = (result.get("profile") or {}).get(competency)
    if isinstance(entry, Mapping) and isinstance(entry.get("measured"), bool):
        return bool(entry["measured"])
    return answered > 0


def member_card(name: str, result: Mapping[str, Any]) -> dict[str, Any]:
    """The allow-list of what a team sees of a shared result: scores with bands and
    whether each is measured, the origin, and the plan. Nothing else.

    The result is read through `reports.read_result`, the one read path for saved
    results; one that cannot be read shows the name with nothing else.
    """
    try:
        saved = read_result(result, current_framework().competency_ids)
    except ResultFormatError:
        return {"name": name, "origins": [], "profile": {}, "plan": None}
    plan = saved.plan
    return {
        "name": name,
        "origins": [
            {"id": o.id, "name": o.name, "share": o.share}
            for o in (saved.blend[:3] if saved.matched else ())
        ],
        "profile": {
            s.competency: {
                "score": s.score,
                "low": s.low,
                "high": s.high,
                "measured": _measured(result, s.competency, s.answered),
            }
            for s in saved.profile
        },
        "plan": (
            {
                "target": plan.target_name,
                "gaps": [
                    {"competency": g.competency, "current": g.current, "target": g.target}
                    for g in plan.gaps
                ],
                "actions": [
                    {"title": a.title, "days": phase.days}
                    for phase in plan.phases
                    for a in phase.actions
                ],
            }
            if plan
            else None
        ),
    }


@dataclass(frozen=True)
class TeamView:
    """Everything the team page and the API's team view show, built from the allow-list."""

    cards: list[dict[str, Any]]  # one per member with a shared result, in member order
    members: list[TeamMember]  # the same people, for the engine
    analysis: TeamAnalysis
    trend: list[dict[str, Any]]  # [{"date", "members", "mean": {competency: score}}]
    waiting: list[str]  # names of members who have not shared a result


def _analysis(
    framework: Framework, cards: list[dict[str, Any]], target_roles: Sequence[str]
) -> tuple[list[TeamMember], TeamAnalysis]:
    members = [
        member_from_result(
            card["name"],
            {
                "profile": {
                    c: {"score": v["score"], "measured": v["measured"]}
                    for c, v in card["profile"].items()
                },
                "origins": card["origins"],
            },
        )
        for card in cards
    ]
    try:
        analysis = analyze_team(framework, members, target_roles)
    except EngineInputError:  # a role the framework dropped since it was chosen
        analysis = analyze_team(framework, members)
    return members, analysis


def _trend(shares: Sequence[TeamShare]) -> list[dict[str, Any]]:
    """The team mean per competency each day a member shared a result (latest days)."""
    latest: dict[int, Mapping[str, Any]] = {}
    points: list[dict[str, Any]] = []
    for share in shares:  # oldest first
        result = share.assessment.result
        profile = result.get("profile") if isinstance(result, Mapping) else None
        latest[share.membership_id] = profile if isinstance(profile, Mapping) else {}
        day = share.shared_at.date().isoformat()
        sums: dict[str, list[float]] = {}
        for profile in latest.values():
            for competency, entry in profile.items():
                score = entry.get("score") if isinstance(entry, Mapping) else None
                if isinstance(score, (int, float)) and not isinstance(score, bool):
                    sums.setdefault(competency, []).append(float(score))
        point = {
            "date": day,
            "members": len(latest),
            "mean": {c: round(sum(v) / len(v), 1) for c, v in sums.items()},
        }
        if points and points[-1]["date"] == day:
            points[-1] = point
        else:
            points.append(point)
    return points[-TREND_POINTS:]


def team_view(*, team: Team) -> TeamView:
    """The team as its members see it, in a fixed number of queries whatever its size."""
    memberships = list(team.memberships.all())
    shares = list(
        TeamShare.objects.filter(membership__team=team)
        .select_related("assessment")
        .only("membership", "shared_at", "assessment__result")
        .order_by("shared_at", "pk")
    )
    current: dict[int, TeamShare] = {}
    for share in shares:
        current[share.membership_id] = share
    cards = [
        member_card(m.name, current[m.pk].assessment.result or {})
        | {"membership_id": m.pk, "shared_at": current[m.pk].shared_at}
        for m in memberships
        if m.pk in current
    ]
    members, analysis = _analysis(current_framework(), cards, team.target_roles)
    return TeamView(
        cards=cards,
        members=members,
        analysis=analysis,
        trend=_trend(shares),
        waiting=[m.name for m in memberships if m.pk not in current],
    )


def teams_export(user: User) -> list[dict[str, Any]]:
    """The user's memberships and what they shared, for "export my data"."""
    rows = []
    for membership in (
        Membership.objects.filter(user=user).select_related("team").prefetch_related("shares")
    ):
        rows.append(
            {
                "team": membership.team.name,
                "role": membership.role,
                "name_shown": membership.name,
                "joined": membership.joined.isoformat(),
                "shared_results": [
                    {"result_id": s.assessment_id, "shared_at": s.shared_at.isoformat()}
                    for s in membership.shares.all()
                ],
            }
        )
    return rows


# Cohorts --------------------------------------------------------------------------------


@transaction.atomic
def cohort_import(
    *,
    coach: User,
    name: str,
    text: str,
    target_roles: Sequence[str] = (),
    max_people: int = MAX_COHORT_PEOPLE,
) -> Cohort:
    """Import people from CSV text; nothing is saved unless every row is valid.

    Each person's result is computed once here and stored; pages read it back.

    Raises:
        RosterError: with every bad row's problem, by line number.
    """
    name = _clean_name(name)
    targets = _check_targets(target_roles)
    framework = current_framework()
    match = memo_matcher(framework, title_reader(framework))
    roster = read_roster(framework, text, max_people=max_people, matcher=match)
    if roster.problems:
        raise RosterError(roster.problems)
    if not roster.people:
        raise RosterError(("The file has a header but no people.",))
    cohort = Cohort.objects.create(
        coach=coach, name=name, framework=snapshot_current(), target_roles=targets
    )
    people = []
    evaluations = evaluate_roster(framework, roster.people, match)
    for person, evaluation in zip(roster.people, evaluations, strict=True):
        people.append(
            CohortPerson(
                cohort=cohort,
                name=person.name,
                line=person.line,
                roles=[
                    {"title": r.title, "years": r.years, "years_ago": r.years_ago}
                    | ({"origin": r.origin} if r.origin else {})
                    for r in person.roles
                ],
                answers=person.answers,
                result=evaluation_data(evaluation, framework),
            )
        )
    CohortPerson.objects.bulk_create(people, batch_size=500)
    return cohort


def cohort_set_targets(*, cohort: Cohort, role_ids: Sequence[str]) -> Cohort:
    cohort.target_roles = _check_targets(role_ids)
    cohort.save(update_fields=["target_roles"])
    return cohort


def cohort_delete(*, cohort: Cohort) -> None:
    cohort.delete()


def cohort_people(cohort: Cohort) -> QuerySet[CohortPerson]:
    return cohort.people.only("name", "line", "result", "cohort_id")


def cohort_view(*, cohort: Cohort) -> TeamView:
    """The cohort on the same team page: its people's stored results, one query."""
    cards = [member_card(p.name, p.result) for p in cohort_people(cohort)]
    members, analysis = _analysis(current_framework(), cards, cohort.target_roles)
    return TeamView(cards=cards, members=members, analysis=analysis, trend=[], waiting=[])


def _roles_spec(roles: Iterable[Mapping[str, Any]]) -> str:
    parts = []
    for role in roles:
        ago = float(role.get("years_ago") or 0)
        years = f"{float(role.get('years') or 0):g}"
        chosen = role.get("origin")
        parts.append(
            f"{role.get('title')}={years}"
            + (f"@{ago:g}" if ago else "")
            + (f":{chosen}" if chosen else "")
        )
    return ";".join(parts)


def cohort_csv(*, cohort: Cohort) -> str:
    """The cohort as CSV: name, roles, origin, a score per competency, then the answers."""
    framework = current_framework()
    people = list(cohort.people.all())
    answered = sorted({item for p in people for item in p.answers})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "roles", "origin", *framework.competency_ids, *answered])
    for person in people:
        profile = person.result.get("profile") or {}
        blend = person.result.get("blend") or person.result.get("origins") or []
        writer.writerow(
            [
                _spreadsheet_safe(person.name),
                _spreadsheet_safe(_roles_spec(person.roles)),
                " / ".join(str(o.get("name")) for o in blend),
                *((profile.get(c) or {}).get("score", "") for c in framework.competency_ids),
                *(person.answers.get(item, "") for item in answered),
            ]
        )
    return buffer.getvalue()


def _spreadsheet_safe(text: str) -> str:
    # A cell starting with = + - @ runs as a formula in a spreadsheet; quote it as text.
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


# Second opinions ------------------------------------------------------------------------


def framework_for(version: str) -> Framework:
    """The framework a second opinion was started with (its questions)."""
    current = current_framework()
    if version == current.version:
        return current
    return framework_from_data(FrameworkSnapshot.objects.get(pk=version).data)


def opinion_invite(*, subject: User, relationship: str, days: int = OPINION_DAYS) -> SecondOpinion:
    """A link for one rater to answer the questions about `subject`."""
    if relationship not in SecondOpinion.Relationship.values:
        raise TeamError("Choose who you are asking: a lead, a mentor or a peer.")
    return SecondOpinion.objects.create(
        subject=subject,
        framework=snapshot_current(),
        relationship=relationship,
        expires_at=timezone.now() + timedelta(days=days),
    )


def open_opinion(token: str) -> SecondOpinion | None:
    if not is_token(token):
        return None
    opinion = (
        SecondOpinion.objects.select_related("framework", "subject").filter(token=token).first()
    )
    if opinion is None or not opinion.open_at(timezone.now()):
        return None
    return opinion


@transaction.atomic
def opinion_submit(
    *,
    opinion: SecondOpinion,
    answers: Mapping[str, Any],
    rater_name: str = "",
    anonymous: bool = True,
) -> SecondOpinion:
    """Store a rater's answers and the profile they give, once.

    An anonymous rater's name is not stored at all.
    """
    locked = SecondOpinion.objects.select_for_update().get(pk=opinion.pk)
    if not locked.open_at(timezone.now()):
        raise TeamError(OPINION_CLOSED)
    framework = framework_for(locked.framework_id)
    clean = check_answers(framework, answers)
    if not clean:
        raise TeamError(NO_ANSWERS)
    evaluation = evaluate(framework, (), clean)
    data = evaluation_data(evaluation, framework)
    locked.answers = clean
    locked.result = {"framework_version": data["framework_version"], "profile": data["profile"]}
    locked.rater_name = "" if anonymous else " ".join(rater_name.split())[:80]
    locked.submitted_at = timezone.now()
    locked.save()
    return locked


def opinion_delete(*, opinion: SecondOpinion) -> None:
    """Withdraw an open link, or delete a received opinion for good."""
    opinion.delete()


def own_latest_result(user: User) -> Assessment | None:
    return (
        Assessment.objects.filter(owner=user, step=Assessment.Step.COMPLETE)
        .order_by("-completed_at", "-pk")
        .first()
    )


def _profile(data: Mapping[str, Any] | None, competency_ids: Sequence[str]) -> Profile | None:
    """A stored result's scores and bands as the engine's Profile (read, never recomputed)."""
    try:
        saved = read_result(data or {}, competency_ids)
    except ResultFormatError:
        return None
    return Profile(
        tuple(
            CompetencyScore(
                competency=s.competency,
                score=s.score,
                low=s.low,
                high=s.high,
                sd=(s.high - s.low) / (2 * BAND_Z),
                answered=s.answered,
            )
            for s in saved.profile
        )
    )


def opinion_comparison(
    *, opinion: SecondOpinion
) -> tuple[Assessment | None, tuple[OpinionComparison, ...]]:
    """The subject's latest result against the rater's view, per competency."""
    own = own_latest_result(opinion.subject)
    if own is None or opinion.result is None:
        return own, ()
    ids = current_framework().competency_ids
    mine, theirs = _profile(own.result, ids), _profile(opinion.result, ids)
    if mine is None or theirs is None:
        return own, ()
    return own, compare_opinions(mine, theirs)


def opinions_export(user: User) -> list[dict[str, Any]]:
    """Second opinions about the user (the rater's answers belong to the person rated)."""
    return [
        {
            "relationship": o.relationship,
            "rater": o.rater_name or None,
            "created": o.created.isoformat(),
            "submitted": o.submitted_at.isoformat() if o.submitted_at else None,
            "framework_version": o.framework_id,
            "answers": o.answers,
            "result": o.result,
        }
        for o in SecondOpinion.objects.filter(subject=user)
    ]


__all__ = [
    "RosterError",
    "TeamError",
    "cohort_csv",
    "cohort_delete",
    "cohort_import",
    "cohort_set_targets",
    "cohort_view",
    "invite_create",
    "invite_revoke",
    "member_card",
    "member_remove",
    "opinion_delete",
    "opinion_invite",
    "opinion_submit",
    "share_set",
    "share_withdraw",
    "team_create",
    "team_delete",
    "team_join",
    "team_leave",
    "team_set_targets",
    "team_view",
]
