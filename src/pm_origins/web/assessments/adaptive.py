"""Adaptive questionnaires: the web's question pages and the API's question sessions
both go through these functions (the choosing itself is engine.adaptive)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from pm_origins.engine import (
    MODES,
    AdaptiveSession,
    EngineInputError,
    Role,
    ThetaPrior,
    adaptive_bank,
    evaluate,
    read_history,
    target_role,
    theta_prior,
)
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment, Mode, QuestionSession
from pm_origins.web.core.errors import DomainError

SESSION_EXPIRED = (
    "This question session has expired (sessions last 24 hours). Start a new one with "
    "POST /api/v1/sessions."
)
SESSION_NOT_FOUND = "There is no question session with this id."
SESSION_NOT_DONE = "This question session is not finished yet; answer its questions first."
ADAPTIVE_MODES = (Mode.QUICK, Mode.FULL)


class SessionExpired(DomainError):
    """The session existed and has expired."""


class SessionNotFound(DomainError):
    """No session with this id for this caller."""


class SessionNotDone(DomainError):
    """The session still has questions to ask."""


def history_prior(framework: Framework, roles: Sequence[Mapping[str, Any]]) -> ThetaPrior:
    """The theta-scale prior that stored roles give (the population when there are none)."""
    size = len(framework.competency_ids)
    if not roles:
        return ThetaPrior.population(size)
    history = read_history(
        framework, services.roles_from_data(roles), matcher=services.title_reader(framework)
    )
    return theta_prior(history.prior, size)


def _prior_data(prior: ThetaPrior) -> dict[str, list[float]]:
    return {"mean": list(prior.mean), "sd": list(prior.sd)}


# Web: one assessment's adaptive questions ---------------------------------------------


def session_of(assessment: Assessment) -> AdaptiveSession:
    """The assessment's adaptive session as stored: its mode, prior, asked order and
    answers (a question not in the asked order was answered on a page of all questions
    and counts as asked, in the questionnaire's order)."""
    framework = services.framework_of(assessment)
    bank = adaptive_bank(framework)
    mode = assessment.mode if assessment.mode in ADAPTIVE_MODES else Mode.QUICK
    prior = (
        assessment.prior
        if assessment.prior is not None
        else _prior_data(history_prior(framework, assessment.roles))
    )
    answers = {k: v for k, v in assessment.answers.items() if k in bank.positions}
    asked = [item for item in assessment.asked if item in bank.positions]
    asked += [item for item in bank.item_ids if item in answers and item not in asked]
    return AdaptiveSession.from_dict(
        bank,
        {
            "mode": mode,
            "prior": prior,
            "asked": asked,
            "answers": answers,
            "skips": [item for item in asked if item not in answers],
        },
    )


def next_question_number(assessment: Assessment) -> int:
    """The number of the question to carry on with: the one after those answered or
    skipped (the questions step's page N is question N in adaptive modes)."""
    return len(session_of(assessment).asked) + 1


@transaction.atomic
def assessment_answer(
    *, assessment: Assessment, item: str, answer: int | None, revise: bool = False
) -> AdaptiveSession:
    """Answer (or with None skip) one adaptive question of an unfinished assessment.

    `revise` lets an earlier question be answered again (the page's "back").
    Raises:
        EngineInputError: a question that is not the one to answer, or off the scale.
        AssessmentError: the assessment is finished.
    """
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    services.check_open(assessment)
    session = session_of(assessment)
    if item not in session.asked:
        session.next_item()  # the question this page showed, if it is still the next one
    if answer is None:
        session.skip(item, revise=revise)
    else:
        session.answer(item, answer, revise=revise)
    state = session.to_dict()
    assessment.answers = state["answers"]
    assessment.asked = state["asked"]
    assessment.prior = state["prior"]
    if assessment.step == Assessment.Step.ROLES:
        assessment.step = Assessment.Step.QUESTIONS
    assessment.save(update_fields=["answers", "asked", "prior", "step", "updated"])
    return session


def assessment_set_mode(*, assessment: Assessment, mode: str) -> Assessment:
    """Ask the rest adaptively ("quick", "full") or every question ("all"); answers stay."""
    services.check_open(assessment)
    if mode not in MODES:
        raise EngineInputError(f"Unknown mode {mode!r}. Choose one of: quick, full, all.")
    assessment.mode = mode
    assessment.save(update_fields=["mode", "updated"])
    return assessment


# API: question sessions ----------------------------------------------------------------


def question_session_start(
    *,
    user: User | AnonymousUser | None,
    mode: str,
    roles: Sequence[Role] = (),
    target: str | None = None,
) -> tuple[QuestionSession, AdaptiveSession]:
    """A new API question session with its first question chosen.

    Raises:
        EngineInputError: an unknown mode, impossible years or an unknown target.
    """
    framework = services.snapshot_current()
    current = services.framework_at(framework.version)
    stored_roles = services.check_roles(current, roles, allow_unmatched=True)
    if target:
        target_role(current, target)
    prior = history_prior(current, stored_roles)
    session = AdaptiveSession(adaptive_bank(current), mode, prior)
    session.next_item()
    now = timezone.now()
    # Expired sessions still answer 410 for a while, then go for good.
    QuestionSession.objects.filter(expires__lte=now - QuestionSession.KEPT_EXPIRED).delete()
    record = QuestionSession.objects.create(
        owner=user if user is not None and user.is_authenticated else None,
        framework=framework,
        mode=mode,
        roles=stored_roles,
        target=target or "",
        state=session.to_dict(),
        expires=now + QuestionSession.LIFETIME,
    )
    return record, session


def question_session_get(
    *, key: str, user: User | AnonymousUser | None, for_update: bool = False
) -> QuestionSession:
    """The session with this id, if this caller may use it.

    A session made with credentials is its owner's alone; one made without is
    anyone's who holds the id.
    Raises:
        SessionNotFound: no such id, or another caller's session.
        SessionExpired: the session has expired.
    """
    records = QuestionSession.objects.all()
    if for_update:
        records = records.select_for_update()
    record = records.filter(key=key).first()
    caller = user.pk if user is not None and user.is_authenticated else None
    if record is None or (record.owner_id is not None and record.owner_id != caller):
        raise SessionNotFound(SESSION_NOT_FOUND)
    if record.expires <= timezone.now():
        raise SessionExpired(SESSION_EXPIRED)
    return record


def adaptive_state(record: QuestionSession) -> AdaptiveSession:
    framework = services.framework_at(record.framework_id)
    return AdaptiveSession.from_dict(adaptive_bank(framework), record.state)


@transaction.atomic
def question_session_answer(
    *, key: str, user: User | AnonymousUser | None, item: object, answer: object | None
) -> tuple[QuestionSession, AdaptiveSession]:
    """Answer (None: skip) the session's open question; the next one is chosen.

    Raises:
        EngineInputError: a question that was not asked, a second answer, or an
            answer off the scale (nothing changes).
        SessionNotFound, SessionExpired: see `question_session_get`.
    """
    record = question_session_get(key=key, user=user, for_update=True)
    session = adaptive_state(record)
    if answer is None:
        session.skip(item)
    else:
        session.answer(item, answer)
    session.next_item()
    record.state = session.to_dict()
    record.save(update_fields=["state"])
    return record, session


def question_session_result(record: QuestionSession, session: AdaptiveSession) -> dict[str, Any]:
    """The report contract for a finished session, from the answers it was given."""
    framework = services.framework_at(record.framework_id)
    evaluation = evaluate(
        framework,
        services.roles_from_data(record.roles),
        session.answers,
        record.target or None,
        allow_unmatched=True,
        titles=services.title_reader(framework),
    )
    return evaluation_data(evaluation, framework)


@transaction.atomic
def question_session_save(*, key: str, user: User) -> Assessment:
    """Save a finished session as one of `user`'s results, with its mode and asked order.

    Raises:
        SessionNotDone: the session still has questions to ask.
        AssessmentError: nothing to score (no roles and no answers).
        SessionNotFound, SessionExpired: see `question_session_get`.
    """
    record = question_session_get(key=key, user=user, for_update=True)
    session = adaptive_state(record)
    if not session.done:
        raise SessionNotDone(SESSION_NOT_DONE)
    assessment = services.assessment_submit(
        user=user,
        roles=services.roles_from_data(record.roles),
        answers=session.answers,
        target=record.target or None,
        allow_unmatched=True,
    )
    state = session.to_dict()
    Assessment.objects.filter(pk=assessment.pk).update(
        mode=record.mode, asked=state["asked"], prior=state["prior"]
    )
    assessment.mode, assessment.asked, assessment.prior = (
        record.mode,
        state["asked"],
        state["prior"],
    )
    record.delete()
    return assessment


def sessions_export(user: User) -> list[dict[str, Any]]:
    """The user's API question sessions (they last a day), for "export my data"."""
    return [
        {
            "id": record.key,
            "mode": record.mode,
            "created": record.created.isoformat(),
            "expires": record.expires.isoformat(),
            "framework_version": record.framework_id,
            "roles": list(record.roles),
            "target": record.target or None,
            "state": record.state,
        }
        for record in QuestionSession.objects.filter(owner=user)
    ]
