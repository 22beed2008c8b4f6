"""Every change to assessments goes through these functions: web views, the API
and the CLI call them and re-implement nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils import timezone

from pm_origins.engine import (
    MAX_ROLES,
    NOTHING_TO_SCORE,
    TOO_MANY_ROLES,
    EngineInputError,
    Evaluation,
    Role,
    TitleMatch,
    TitleMatcher,
    UnmatchedTitlesError,
    check_answers,
    evaluate,
    read_history,
    read_roles,
    target_role,
)
from pm_origins.evidence import title_matcher
from pm_origins.framework import (
    Framework,
    framework_data,
    framework_from_data,
)
from pm_origins.reports import SavedResult, evaluation_data, read_result
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import tasks
from pm_origins.web.assessments.models import (
    ActionProgress,
    Assessment,
    AssessmentData,
    FrameworkSnapshot,
    new_token,
)
from pm_origins.web.core import mail, metrics
from pm_origins.web.core.errors import DomainError
from pm_origins.web.core.framework import current_framework

ALREADY_COMPLETE = "This assessment is finished; start a new one to record a change."
TOO_MANY_ROLES_MESSAGE = TOO_MANY_ROLES.format(limit=MAX_ROLES)
UNKNOWN_ACTION = "That action is not part of this result's growth plan."
NOT_COMPLETE = "This assessment has no result yet."
SESSION_KEY = "guest_assessments"


class AssessmentError(DomainError):
    """A business rule said no; `message` is meant for people."""


@lru_cache(maxsize=32)
def _framework_by_version(version: str) -> Framework:
    # Frameworks are immutable and named by their content hash: safe to keep per process.
    return framework_from_data(FrameworkSnapshot.objects.get(pk=version).data)


def framework_of(assessment: Assessment) -> Framework:
    """The framework this assessment was started with."""
    return framework_at(assessment.framework_id)


def framework_at(version: str) -> Framework:
    """The framework with this version: the current one, or a stored snapshot."""
    current = current_framework()
    if version == current.version:
        return current
    return _framework_by_version(version)


def snapshot_current() -> FrameworkSnapshot:
    framework = current_framework()
    snapshot, _ = FrameworkSnapshot.objects.get_or_create(
        version=framework.version, defaults={"data": framework_data(framework)}
    )
    return snapshot


def guest_tokens(session: SessionBase) -> list[str]:
    """The guest assessments made in this browser session (see `remember_guest`)."""
    tokens = session.get(SESSION_KEY, [])
    return [t for t in tokens if isinstance(t, str)] if isinstance(tokens, list) else []


def remember_guest(session: SessionBase, assessment: Assessment) -> None:
    """Note a guest's assessment in their session, so signing up later claims it."""
    tokens = [t for t in guest_tokens(session) if t != assessment.token]
    session[SESSION_KEY] = [*tokens[-19:], assessment.token]


def assessment_start(
    *,
    user: User | AnonymousUser | None,
    session: SessionBase | None = None,
    copy_roles_from: Assessment | None = None,
    copy_answers: bool = False,
) -> Assessment:
    """A new assessment for a signed-in user or a guest.

    ``copy_roles_from`` starts it from an earlier assessment's roles; with
    ``copy_answers`` also from its answers and target role, keeping only the
    questions and roles the current framework still has.
    """
    framework = current_framework()
    answers: dict[str, int] = {}
    target = ""
    if copy_roles_from is not None and copy_answers:
        known = {item.id for item in framework.items}
        answers = {k: v for k, v in copy_roles_from.answers.items() if k in known}
        if copy_roles_from.target in {role.id for role in framework.roles}:
            target = copy_roles_from.target
    assessment = Assessment.objects.create(
        owner=user if user is not None and user.is_authenticated else None,
        framework=snapshot_current(),
        roles=list(copy_roles_from.roles) if copy_roles_from else [],
        answers=answers,
        target=target,
    )
    if assessment.owner_id is None and session is not None:
        remember_guest(session, assessment)
    transaction.on_commit(metrics.ASSESSMENTS_STARTED.inc)
    return assessment


def check_open(assessment: Assessment) -> None:
    """Raise AssessmentError for a finished assessment, which can no longer change."""
    if assessment.step == Assessment.Step.COMPLETE:
        raise AssessmentError(ALREADY_COMPLETE)


_check_open = check_open


def title_reader(framework: Framework) -> TitleMatcher:
    """The title matcher: bundled lexicon, and the semantic index when the extra is installed."""
    return title_matcher(framework)


def roles_from_data(data: Iterable[Mapping[str, Any]]) -> list[Role]:
    return [
        Role(
            str(r.get("title", "")),
            r.get("years", 0),
            r.get("years_ago", 0),
            origin=r.get("origin") or None,
        )
        for r in data
    ]


def read_titles(framework: Framework, titles: Sequence[tuple[str, str | None]]) -> list[TitleMatch]:
    """How (title, chosen origin) pairs read, for showing them; an unknown chosen origin
    reads as the title alone. The semantic index is asked for a few titles at most."""
    known = framework_origin_ids(framework)
    roles = [Role(title, 0, origin=origin if origin in known else None) for title, origin in titles]
    return read_roles(framework, title_reader(framework), roles)


def framework_origin_ids(framework: Framework) -> tuple[str, ...]:
    return tuple(o.id for o in framework.origins)


def check_roles(
    framework: Framework, roles: Sequence[Role], *, allow_unmatched: bool = False
) -> list[dict[str, Any]]:
    """Validated roles as stored data; raises for impossible years, and for titles that
    match no origin unless ``allow_unmatched`` (they are then kept and left out)."""
    if len(roles) > MAX_ROLES:
        raise AssessmentError(TOO_MANY_ROLES_MESSAGE)
    history = read_history(framework, roles, matcher=title_reader(framework))
    if history.unmatched and not allow_unmatched:
        raise history.unmatched_error()
    return [
        {
            "title": e.role.title,
            "years": e.role.years,
            "years_ago": e.role.years_ago,
            **({"origin": e.role.origin} if e.role.origin else {}),
        }
        for e in history.evidence
    ]


def assessment_save_roles(*, assessment: Assessment, roles: Sequence[Role]) -> Assessment:
    """Replace the roles; nothing is stored unless every role is valid."""
    _check_open(assessment)
    assessment.roles = check_roles(framework_of(assessment), roles)
    if assessment.step == Assessment.Step.ROLES:
        assessment.step = Assessment.Step.QUESTIONS
    assessment.save(update_fields=["roles", "step", "updated"])
    return assessment


def assessment_save_answers(
    *, assessment: Assessment, answers: Mapping[str, Any], cleared: Iterable[str] = ()
) -> Assessment:
    """Merge one page of answers; `cleared` items lose their earlier answer."""
    _check_open(assessment)
    framework = framework_of(assessment)
    clean = check_answers(framework, answers)
    dropped = set(cleared)
    merged = {k: v for k, v in assessment.answers.items() if k not in dropped}
    merged.update(clean)
    assessment.answers = merged
    if assessment.step == Assessment.Step.ROLES:
        assessment.step = Assessment.Step.QUESTIONS
    assessment.save(update_fields=["answers", "step", "updated"])
    return assessment


def result_of(assessment: Assessment) -> SavedResult:
    """The stored result, read under the framework it was saved with; never re-computed.

    Raises:
        ResultFormatError: stored data this version cannot read (a clear message).
        AssessmentError: the assessment has no result yet.
    """
    if assessment.result is None:
        raise AssessmentError(NOT_COMPLETE)
    return read_result(assessment.result, framework_of(assessment).competency_ids)


def _evaluate(assessment: Assessment) -> Evaluation:
    # Only to compute a result once, when the assessment is completed.
    from pm_origins.web.resumes.services import evidence_of

    framework = framework_of(assessment)
    bullets, rejected = evidence_of(assessment)
    return evaluate(
        framework,
        roles_from_data(assessment.roles),
        assessment.answers,
        assessment.target or None,
        allow_unmatched=True,
        titles=title_reader(framework),
        evidence=bullets,
        rejected=rejected,
    )


@transaction.atomic
def assessment_complete(*, assessment: Assessment, target: str | None) -> Assessment:
    """Compute and store the result. `target` may be None for no growth plan."""
    _check_open(assessment)
    framework = framework_of(assessment)
    if target:
        target_role(framework, target)
    if not assessment.roles and not assessment.answers:
        raise AssessmentError(NOTHING_TO_SCORE)
    assessment.target = target or ""
    from pm_origins.web.resumes.services import kept_note

    assessment.result = evaluation_data(_evaluate(assessment), framework)
    note = kept_note(assessment)
    if note is not None:
        assessment.result["resume"] = note  # what the exports say was kept
    assessment.step = Assessment.Step.COMPLETE
    assessment.completed_at = timezone.now()
    assessment.save()
    transaction.on_commit(metrics.ASSESSMENTS_COMPLETED.inc)
    return assessment


@transaction.atomic
def assessment_submit(
    *,
    user: User | None,
    roles: Sequence[Role],
    answers: Mapping[str, Any],
    target: str | None = None,
    allow_unmatched: bool = False,
) -> Assessment:
    """Create a finished assessment in one go (the API's and scripts' way in).

    With ``allow_unmatched`` a title that matches no origin is kept, listed in the
    result's roles as unmatched with suggestions, and left out of the origin.
    """
    framework = current_framework()
    stored_roles = check_roles(framework, roles, allow_unmatched=allow_unmatched)
    clean = check_answers(framework, answers)
    if target:
        target_role(framework, target)
    assessment = assessment_start(user=user)
    assessment.roles, assessment.answers = stored_roles, clean
    assessment.save(update_fields=["roles", "answers"])
    return assessment_complete(assessment=assessment, target=target)


def assessment_delete(*, assessment: Assessment) -> None:
    assessment.delete()


def share_create(*, assessment: Assessment) -> str:
    """A read-only link token for a finished result (the existing one if any)."""
    if not assessment.is_complete:
        raise AssessmentError(NOT_COMPLETE)
    if not assessment.share_token:
        assessment.share_token = new_token()
        assessment.save(update_fields=["share_token", "updated"])
    return assessment.share_token


def share_revoke(*, assessment: Assessment) -> None:
    """Revoke the read-only link; the old token stops working at once."""
    assessment.share_token = None
    assessment.save(update_fields=["share_token", "updated"])


def resume_link_send(*, assessment: Assessment, email: str, ip: str, site_url: str) -> None:
    """Mail the link that carries on an unfinished assessment, through the task queue.

    Throttled per address and per IP like every mail; the caller says the same
    whether or not it went out.
    """
    if assessment.step == Assessment.Step.COMPLETE:
        raise AssessmentError(ALREADY_COMPLETE)
    if mail.mail_allowed(to=email, ip=ip):
        tasks.send_resume_link.enqueue(assessment_id=assessment.pk, email=email, site_url=site_url)


def unfinished_for(user: User | AnonymousUser, session: SessionBase) -> Assessment | None:
    """The unfinished assessment this visitor worked on last: their own when signed in,
    else the newest one this browser started as a guest."""
    drafts = Assessment.objects.exclude(step=Assessment.Step.COMPLETE)
    if user.is_authenticated:
        return drafts.filter(owner=user).order_by("-updated").first()
    tokens = guest_tokens(session)
    if not tokens:
        return None
    return drafts.filter(token__in=tokens, owner__isnull=True).order_by("-updated").first()


def share_set_answers(*, assessment: Assessment, show: bool) -> None:
    """Whether the read-only share page shows the individual answers (default: not)."""
    assessment.show_answers = show
    assessment.save(update_fields=["show_answers", "updated"])


def action_set_done(*, assessment: Assessment, action_id: str, done: bool) -> None:
    """Tick an action of the plan off, or untick it."""
    plan = result_of(assessment).plan
    if plan is None or action_id not in plan.action_ids:
        raise AssessmentError(UNKNOWN_ACTION)
    if done:
        ActionProgress.objects.get_or_create(assessment=assessment, action_id=action_id)
    else:
        ActionProgress.objects.filter(assessment=assessment, action_id=action_id).delete()


def assessments_claim(*, user: User, tokens: Iterable[str]) -> int:
    """Give a new or returning user the guest assessments made in their session."""
    wanted = [t for t in tokens if isinstance(t, str)]
    if not wanted:
        return 0
    return Assessment.objects.filter(token__in=wanted, owner__isnull=True).update(owner=user)


def user_export(user: User) -> list[AssessmentData]:
    """Everything stored about a user's assessments, for "export my data"."""
    return [a.to_dict() for a in Assessment.objects.filter(owner=user).prefetch_related("progress")]


__all__ = [
    "ALREADY_COMPLETE",
    "NOTHING_TO_SCORE",
    "AssessmentError",
    "EngineInputError",
    "UnmatchedTitlesError",
    "action_set_done",
    "assessment_complete",
    "assessment_delete",
    "assessment_save_answers",
    "assessment_save_roles",
    "assessment_start",
    "assessment_submit",
    "assessments_claim",
    "share_create",
    "share_revoke",
    "user_export",
]
