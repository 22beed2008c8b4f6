"""The JSON API at /api/v1/. Views are thin: check access, let the schema validate
the input, call the same service functions as the web pages, return data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, re_path, reverse
from django.utils import timezone
from ninja import NinjaAPI, Query, Swagger
from ninja.errors import AuthenticationError, HttpError
from ninja.operation import Operation
from ninja.parser import Parser
from ninja.responses import Status

from pm_origins.engine import AdaptiveSession, QuestionOutOfTurn, Role
from pm_origins.evidence import evaluate_resume_text
from pm_origins.framework import Framework
from pm_origins.reports import evaluation_data, team_data
from pm_origins.web.accounts import exports
from pm_origins.web.accounts.http import ApiRequest
from pm_origins.web.accounts.models import User
from pm_origins.web.api import errors, schemas
from pm_origins.web.api.auth import AUTH
from pm_origins.web.api.guard import guard, not_found
from pm_origins.web.assessments import adaptive, services
from pm_origins.web.assessments.models import Assessment, QuestionSession
from pm_origins.web.core.converters import is_token
from pm_origins.web.core.framework import current_framework
from pm_origins.web.teams import services as team_services
from pm_origins.web.teams.access import lead_of, membership_of, opinion_of, real_id
from pm_origins.web.teams.models import Membership, SecondOpinion, TeamInvite

T = TypeVar("T")
TOKEN_AUTH, SESSION_AUTH = AUTH
API_VERSION = "1"
MEMBER_CARD_KEYS = ("name", "origins", "profile", "plan")
TEAM_ANALYSIS_KEYS = (
    "coverage",
    "single_points_of_failure",
    "uncovered",
    "gaps",
    "pairs",
    "formula",
)
RESULT_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
DESCRIPTION = """\
Find your PM origin story over HTTP: the framework, stateless evaluations, and your
own saved results, share links and data export.

**Auth.** Send a personal API token as `Authorization: Bearer <token>`; make one at
[/account/api-tokens/](/account/api-tokens/). A signed-in browser may use its session
instead, with the CSRF token in `X-CSRFToken` for writes.

**Errors.** Every error answers `{"error": "<code>", "detail": "<message>"}`, plus
`errors` (one entry per field) when the request did not validate.

**Limits.** Request bodies up to 256 KB; requests per minute per token or user, and per
IP address without one. Over the limit: 429 with `Retry-After`.
"""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class StrictJSONParser(Parser):
    """JSON as the standard has it: NaN and Infinity are refused, not turned into floats."""

    def parse_body(self, request: HttpRequest) -> Any:
        body = json.loads(request.body, parse_constant=_refuse_constant)
        if not isinstance(body, dict):
            raise HttpError(400, "not a JSON object")
        return body


class GuardedNinjaAPI(NinjaAPI):
    """A NinjaAPI whose every URL, and every URL it does not know, answers the error body."""

    @property
    def urls(self) -> tuple[list[URLResolver | URLPattern], str, str]:
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = guard(pattern.callback)
        patterns.append(re_path(r"^[\s\S]*$", guard(not_found), name="not-found"))
        return patterns, app_name, namespace

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return str(operation.view_func.__name__)


api = GuardedNinjaAPI(
    title="pm-origins API",
    version=API_VERSION,
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=AUTH,  # private unless an operation says auth=None
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    parser=StrictJSONParser(),
)
errors.install(api)


def responses(ok: dict[int, Any], *codes: int) -> dict[int, Any]:
    """The success responses plus the error body for each listed status."""
    return {**ok, **dict.fromkeys((400, 413, 422, 429, *codes), schemas.ErrorOut)}


AUTH_ERRORS = (401, 403)
OBJECT_ERRORS = (401, 403, 404)


# Framework -----------------------------------------------------------------------------


@api.get(
    "/framework/version",
    response=responses({200: schemas.VersionOut}),
    auth=None,
    tags=["framework"],
    summary="Framework and API version",
)
def framework_version(request: HttpRequest) -> dict[str, str]:
    return {"framework_version": current_framework().version, "api_version": API_VERSION}


@api.get(
    "/framework/competencies",
    response=responses({200: list[schemas.CompetencyOut]}),
    auth=None,
    tags=["framework"],
    summary="The six competencies",
)
def framework_competencies(request: HttpRequest) -> Any:
    return current_framework().competencies


@api.get(
    "/framework/origins",
    response=responses({200: list[schemas.OriginOut]}),
    auth=None,
    tags=["framework"],
    summary="Career origins with their job-title aliases",
)
def framework_origins(request: HttpRequest) -> Any:
    return current_framework().origins


@api.get(
    "/framework/items",
    response=responses({200: list[schemas.ItemOut]}),
    auth=None,
    tags=["framework"],
    summary="The questionnaire's items and answer scales",
)
def framework_items(request: HttpRequest) -> Any:
    framework = current_framework()
    return [
        {"id": i.id, "competency": i.competency, "text": i.text, "scale": framework.scale(i.scale)}
        for i in framework.items
    ]


@api.get(
    "/framework/roles",
    response=responses({200: list[schemas.TargetRoleOut]}),
    auth=None,
    tags=["framework"],
    summary="Target PM roles and what each expects",
)
def framework_roles(request: HttpRequest) -> Any:
    return current_framework().roles


# Evaluation ----------------------------------------------------------------------------


def _roles(data: schemas.ResultIn) -> list[Role]:
    return [Role(r.title, r.years, r.years_ago, origin=r.origin) for r in data.roles]


@api.post(
    "/evaluate",
    response=responses({200: schemas.EvaluationOut}, 503),
    auth=None,
    tags=["evaluate"],
    summary="Evaluate roles and answers without saving anything",
)
def evaluate_stateless(request: HttpRequest, data: schemas.EvaluateIn) -> Any:
    """The same JSON as `pm-origins report --format json`. Nothing is stored.

    With `resume_text`, the résumé is read offline in this request (a bounded
    cost: at most 50,000 characters and 200 bullets)."""
    framework = current_framework()
    evaluation = evaluate_resume_text(
        framework,
        resume_text=data.resume_text,
        today=date.today(),
        roles=_roles(data),
        answers=data.given_answers,
        target=data.target,
        rejected=data.rejected,
        allow_unmatched=True,
        hours_per_month=data.hours_per_month,
    )
    return evaluation_data(evaluation, framework)


# Question sessions ---------------------------------------------------------------------
# Adaptive questionnaires without an account: the secret id is the key. A session made
# with credentials is that user's alone.


def _caller(request: HttpRequest) -> User | None:
    """The credentials on a request to an operation open to everyone: a bearer token
    (refused with 401 when wrong), a signed-in browser (with the CSRF check), or none."""
    if "authorization" in {name.lower() for name in request.headers}:
        user = TOKEN_AUTH(request)
        if not isinstance(user, User):
            raise AuthenticationError()
        return user
    if request.user.is_authenticated:
        signed_in = SESSION_AUTH(request)  # the CSRF check for writes
        return signed_in if isinstance(signed_in, User) else None
    return None


def _question(framework: Framework, item_id: str | None) -> dict[str, Any] | None:
    if item_id is None:
        return None
    item = next(i for i in framework.items if i.id == item_id)
    labels = framework.scale(item.scale).labels
    return {
        "item": item.id,
        "competency": item.competency,
        "text": item.text,
        "options": [{"value": n, "label": label} for n, label in enumerate(labels, start=1)],
    }


def _session_out(record: QuestionSession, session: AdaptiveSession) -> dict[str, Any]:
    framework = services.framework_at(record.framework_id)
    done = session.done
    return {
        "id": record.key,
        "mode": record.mode,
        "expires": record.expires,
        "next": _question(framework, session.pending),
        "done": done,
        "questions_left": session.questions_left(),
        "answered": len(session.answers),
        "estimates": [
            {
                "competency": e.competency,
                "theta": e.theta,
                "se": e.se,
                "asked": e.asked,
                "answered": e.answered,
                "done": e.closed,
            }
            for e in session.estimates()
        ],
        "result": adaptive.question_session_result(record, session) if done else None,
    }


def _in_session(call: Callable[[], T]) -> T:
    """A session service call, its not-found and expired answers as 404 and 410."""
    try:
        return call()
    except adaptive.SessionNotFound as error:
        raise Http404(error.message) from None
    except adaptive.SessionExpired as error:
        raise HttpError(410, error.message) from None
    except (QuestionOutOfTurn, adaptive.SessionNotDone) as error:
        raise HttpError(409, error.message) from None


SESSION_ERRORS = (401, 403, 404, 410)


@api.post(
    "/sessions",
    response=responses({201: schemas.SessionOut}, 401, 403),
    auth=None,
    tags=["sessions"],
    summary="Start an adaptive questionnaire (no account needed)",
)
def session_create(request: HttpRequest, response: HttpResponse, data: schemas.SessionIn) -> Any:
    """The first question comes back in `next`. Answer each with
    POST /sessions/{id}/answers until `done`; the session expires after 24 hours."""
    record, session = adaptive.question_session_start(
        user=_caller(request),
        mode=data.mode,
        roles=[Role(r.title, r.years, r.years_ago, origin=r.origin) for r in data.roles],
        target=data.target,
    )
    response["Location"] = request.build_absolute_uri(
        reverse("api-v1:session_get", kwargs={"session_id": record.key})
    )
    return Status(201, _session_out(record, session))


@api.get(
    "/sessions/{session_id}",
    response=responses({200: schemas.SessionOut}, *SESSION_ERRORS),
    auth=None,
    tags=["sessions"],
    summary="Where a question session stands (to resume it)",
)
def session_get(request: HttpRequest, session_id: str) -> Any:
    user = _caller(request)
    record = _in_session(lambda: adaptive.question_session_get(key=session_id, user=user))
    return _session_out(record, adaptive.adaptive_state(record))


@api.post(
    "/sessions/{session_id}/answers",
    response=responses({200: schemas.SessionOut}, *SESSION_ERRORS, 409),
    auth=None,
    tags=["sessions"],
    summary="Answer or skip the question asked; get the next one, or the result",
)
def session_answer(request: HttpRequest, session_id: str, data: schemas.SessionAnswerIn) -> Any:
    """Only the question in `next` may be answered, once: another question, or a
    second answer, answers 409. A skipped question never comes back. When `done` is
    true, `result` holds the report."""
    user = _caller(request)
    record, session = _in_session(
        lambda: adaptive.question_session_answer(
            key=session_id, user=user, item=data.item, answer=data.answer
        )
    )
    return _session_out(record, session)


@api.post(
    "/sessions/{session_id}/result",
    response=responses({201: schemas.ResultOut}, *SESSION_ERRORS, 409),
    tags=["sessions"],
    summary="Save a finished session as one of your results",
)
def session_save(request: ApiRequest, response: HttpResponse, session_id: str) -> Any:
    """The result is saved like POST /results would save these roles, answers and
    target, with the session's mode and the order its questions were asked in. The
    session is then closed. An unfinished session answers 409."""
    assessment = _in_session(
        lambda: adaptive.question_session_save(key=session_id, user=request.auth)
    )
    detail = _detail(request, assessment)
    response["Location"] = detail["url"]
    return Status(201, detail)


# Results -------------------------------------------------------------------------------


def _results(request: ApiRequest) -> QuerySet[Assessment]:
    return Assessment.objects.filter(
        owner=request.auth, step=Assessment.Step.COMPLETE
    ).prefetch_related("progress")


def _result(request: ApiRequest, result_id: str) -> Assessment:
    """The caller's own finished result, or 404 whether it is someone else's or none."""
    assessment = (
        _results(request).filter(token=result_id).first()
        if RESULT_ID_RE.fullmatch(result_id)
        else None
    )
    if assessment is None:
        raise Http404(errors.RESULT_NOT_FOUND)
    return assessment


def _share_url(request: ApiRequest, assessment: Assessment) -> str | None:
    if not assessment.share_token:
        return None
    return request.build_absolute_uri(reverse("assessments:shared", args=[assessment.share_token]))


def _summary(request: ApiRequest, assessment: Assessment) -> dict[str, Any]:
    data = assessment.to_dict()
    return {
        "id": data["id"],
        "url": request.build_absolute_uri(
            reverse("api-v1:result_get", kwargs={"result_id": assessment.token})
        ),
        "created": data["created"],
        "completed_at": data["completed_at"],
        "framework_version": data["framework_version"],
        "target": data["target"],
        "top_origin": assessment.top_origin,
        "shared": data["shared"],
        "show_answers": data["show_answers"],
        "actions_done": data["actions_done"],
    }


def _detail(request: ApiRequest, assessment: Assessment) -> dict[str, Any]:
    return {
        **_summary(request, assessment),
        "share_url": _share_url(request, assessment),
        "result": assessment.to_dict()["result"],
    }


def _page_url(request: ApiRequest, page: schemas.PageIn, offset: int) -> str:
    query = request.GET.copy()
    query["limit"], query["offset"] = str(page.limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api.get(
    "/me",
    response=responses({200: schemas.MeOut}, *AUTH_ERRORS),
    tags=["account"],
    summary="Who the credentials belong to",
)
def me(request: ApiRequest) -> dict[str, str]:
    return {
        "email": request.auth.email,
        "auth": request.api_auth_method,
    }


@api.get(
    "/results",
    response=responses({200: schemas.ResultPageOut}, *AUTH_ERRORS),
    tags=["results"],
    summary="Your results, newest first",
)
def result_list(request: ApiRequest, page: Query[schemas.PageIn]) -> dict[str, Any]:
    results = _results(request)
    count = results.count()
    items = results[page.offset : page.offset + page.limit]
    after = page.offset + page.limit
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "next": _page_url(request, page, after) if after < count else None,
        "previous": (
            _page_url(request, page, max(0, page.offset - page.limit)) if page.offset > 0 else None
        ),
        "items": [_summary(request, a) for a in items],
    }


@api.post(
    "/results",
    response=responses({201: schemas.ResultOut}, *AUTH_ERRORS),
    tags=["results"],
    summary="Save a new result from roles and answers",
)
def result_create(request: ApiRequest, response: HttpResponse, data: schemas.ResultIn) -> Any:
    assessment = services.assessment_submit(
        user=request.auth,
        roles=_roles(data),
        answers=data.given_answers,
        target=data.target,
        allow_unmatched=True,
    )
    detail = _detail(request, assessment)
    response["Location"] = detail["url"]
    return Status(201, detail)


@api.get(
    "/results/{result_id}",
    response=responses({200: schemas.ResultOut}, *OBJECT_ERRORS),
    tags=["results"],
    summary="One of your results in full",
)
def result_get(request: ApiRequest, result_id: str) -> Any:
    return _detail(request, _result(request, result_id))


@api.delete(
    "/results/{result_id}",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["results"],
    summary="Delete one of your results for good",
)
def result_delete(request: ApiRequest, result_id: str) -> Any:
    services.assessment_delete(assessment=_result(request, result_id))
    return Status(204, None)


@api.post(
    "/results/{result_id}/share",
    response=responses({200: schemas.ShareOut}, *OBJECT_ERRORS),
    tags=["results"],
    summary="Make (or get) the read-only share link",
)
def share_create(request: ApiRequest, result_id: str) -> Any:
    assessment = _result(request, result_id)
    services.share_create(assessment=assessment)
    return {"share_url": _share_url(request, assessment)}


@api.delete(
    "/results/{result_id}/share",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["results"],
    summary="Revoke the share link; it stops working at once",
)
def share_revoke(request: ApiRequest, result_id: str) -> Any:
    services.share_revoke(assessment=_result(request, result_id))
    return Status(204, None)


# Teams ---------------------------------------------------------------------------------
# The same services and the same access checks as the team pages.


def _team_summary(request: ApiRequest, membership: Membership) -> dict[str, Any]:
    return {
        "id": membership.team_id,
        "name": membership.team.name,
        "role": membership.role,
        "url": request.build_absolute_uri(
            reverse("api-v1:team_get", kwargs={"team_id": membership.team_id})
        ),
    }


@api.get(
    "/teams",
    response=responses({200: list[schemas.TeamSummaryOut]}, *AUTH_ERRORS),
    tags=["teams"],
    summary="The teams you lead or belong to",
)
def team_list(request: ApiRequest) -> Any:
    memberships = Membership.objects.filter(user=request.auth).select_related("team")
    return [_team_summary(request, m) for m in memberships]


@api.post(
    "/teams",
    response=responses({201: schemas.TeamSummaryOut}, *AUTH_ERRORS),
    tags=["teams"],
    summary="Create a team that you lead",
)
def team_create(request: ApiRequest, response: HttpResponse, data: schemas.TeamIn) -> Any:
    team = team_services.team_create(user=request.auth, name=data.name)
    summary = _team_summary(request, lead_of(request.auth, team.pk))
    response["Location"] = summary["url"]
    return Status(201, summary)


@api.get(
    "/teams/{team_id}",
    response=responses({200: schemas.TeamOut}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="A team as its members see it: shared results, coverage, gaps and pairs",
)
def team_get(request: ApiRequest, team_id: int) -> Any:
    membership = membership_of(request.auth, team_id)
    team = membership.team
    view = team_services.team_view(team=team)
    data = team_data(view.analysis, current_framework())
    return {
        "id": team.pk,
        "name": team.name,
        "role": membership.role,
        "target_roles": list(team.target_roles),
        "members": [{k: card[k] for k in MEMBER_CARD_KEYS} for card in view.cards],
        "waiting": view.waiting,
        "memberships": (
            [{"id": m.pk, "name": m.name, "role": m.role} for m in team.memberships.all()]
            if membership.is_lead
            else None
        ),
        **{key: data[key] for key in TEAM_ANALYSIS_KEYS},
        "trend": view.trend,
    }


@api.delete(
    "/teams/{team_id}",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Delete a team you lead; members' own results stay theirs",
)
def team_delete(request: ApiRequest, team_id: int) -> Any:
    team_services.team_delete(team=lead_of(request.auth, team_id).team)
    return Status(204, None)


@api.put(
    "/teams/{team_id}/targets",
    response=responses({200: schemas.TargetsIn}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Set the target mix of a team you lead",
)
def team_targets(request: ApiRequest, team_id: int, data: schemas.TargetsIn) -> Any:
    team = team_services.team_set_targets(
        team=lead_of(request.auth, team_id).team, role_ids=data.targets
    )
    return {"targets": team.target_roles}


@api.post(
    "/teams/{team_id}/invites",
    response=responses({201: schemas.InviteOut}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Make an invitation link to a team you lead",
)
def team_invite_create(request: ApiRequest, team_id: int) -> Any:
    invite = team_services.invite_create(team=lead_of(request.auth, team_id).team)
    return Status(
        201,
        {
            "id": invite.pk,
            "url": request.build_absolute_uri(reverse("teams:join", args=[invite.token])),
            "expires_at": invite.expires_at,
        },
    )


@api.delete(
    "/teams/{team_id}/invites/{invite_id}",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Revoke an invitation link; it stops working at once",
)
def team_invite_revoke(request: ApiRequest, team_id: int, invite_id: int) -> Any:
    team = lead_of(request.auth, team_id).team
    invite = TeamInvite.objects.filter(pk=real_id(invite_id), team=team).first()
    if invite is None:
        raise Http404(errors.DETAILS[404])
    team_services.invite_revoke(invite=invite)
    return Status(204, None)


@api.post(
    "/join",
    response=responses({200: schemas.TeamSummaryOut}, *AUTH_ERRORS, 404),
    tags=["teams"],
    summary="Join a team with the token of its invitation link",
)
def team_join(request: ApiRequest, data: schemas.JoinIn) -> Any:
    if team_services.open_invite(data.token) is None:
        raise Http404(team_services.INVITE_CLOSED)
    membership = team_services.team_join(token=data.token, user=request.auth, name=data.name)
    return _team_summary(request, membership)


@api.put(
    "/teams/{team_id}/share",
    response=responses({200: schemas.SharedOut}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Choose which of your results the team sees",
)
def team_share(request: ApiRequest, team_id: int, data: schemas.ShareIn) -> Any:
    membership = membership_of(request.auth, team_id)
    assessment = (
        _results(request).filter(token=data.result_id).first() if is_token(data.result_id) else None
    )
    if assessment is None:
        raise Http404(errors.RESULT_NOT_FOUND)
    share = team_services.share_set(membership=membership, assessment=assessment)
    return {"shared_at": share.shared_at}


@api.delete(
    "/teams/{team_id}/share",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Withdraw every result you shared with the team",
)
def team_withdraw(request: ApiRequest, team_id: int) -> Any:
    team_services.share_withdraw(membership=membership_of(request.auth, team_id))
    return Status(204, None)


@api.post(
    "/teams/{team_id}/leave",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Leave a team (a lead deletes the team instead)",
)
def team_leave(request: ApiRequest, team_id: int) -> Any:
    team_services.team_leave(membership=membership_of(request.auth, team_id))
    return Status(204, None)


@api.delete(
    "/teams/{team_id}/members/{member_id}",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["teams"],
    summary="Remove a member from a team you lead",
)
def team_member_remove(request: ApiRequest, team_id: int, member_id: int) -> Any:
    team = lead_of(request.auth, team_id).team
    member = Membership.objects.filter(pk=real_id(member_id), team=team).first()
    if member is None:
        raise Http404(errors.DETAILS[404])
    team_services.member_remove(membership=member)
    return Status(204, None)


# Second opinions ------------------------------------------------------------------------


def _opinion(request: ApiRequest, opinion: SecondOpinion) -> dict[str, Any]:
    open_now = opinion.open_at(timezone.now())
    return {
        "id": opinion.pk,
        "relationship": opinion.relationship,
        "created": opinion.created,
        "expires_at": opinion.expires_at,
        "submitted_at": opinion.submitted_at,
        "rater": opinion.rater_name or None,
        "rate_url": (
            request.build_absolute_uri(reverse("teams:rate", args=[opinion.token]))
            if open_now
            else None
        ),
    }


@api.get(
    "/second-opinions",
    response=responses({200: list[schemas.OpinionOut]}, *AUTH_ERRORS),
    tags=["second opinions"],
    summary="The second opinions you asked for, newest first",
)
def opinion_list(request: ApiRequest) -> Any:
    return [_opinion(request, o) for o in SecondOpinion.objects.filter(subject=request.auth)]


@api.post(
    "/second-opinions",
    response=responses({201: schemas.OpinionOut}, *AUTH_ERRORS),
    tags=["second opinions"],
    summary="Make a link for someone to answer the questions about you",
)
def opinion_create(request: ApiRequest, data: schemas.OpinionIn) -> Any:
    opinion = team_services.opinion_invite(subject=request.auth, relationship=data.relationship)
    return Status(201, _opinion(request, opinion))


@api.get(
    "/second-opinions/{opinion_id}",
    response=responses({200: schemas.OpinionDetailOut}, *OBJECT_ERRORS),
    tags=["second opinions"],
    summary="A second opinion against your latest result, with both bands",
)
def opinion_get(request: ApiRequest, opinion_id: int) -> Any:
    opinion = opinion_of(request.auth, opinion_id)
    own, comparisons = team_services.opinion_comparison(opinion=opinion)
    rows = [
        {
            "competency": row.competency,
            "own": _band(row.own),
            "other": _band(row.other),
            "verdict": row.verdict,
        }
        for row in comparisons
    ]
    return {
        **_opinion(request, opinion),
        "own_result_id": own.token if own is not None else None,
        "comparison": rows,
    }


def _band(score: Any) -> dict[str, float]:
    return {
        "score": round(score.score, 1),
        "low": round(score.low, 1),
        "high": round(score.high, 1),
    }


@api.delete(
    "/second-opinions/{opinion_id}",
    response=responses({204: None}, *OBJECT_ERRORS),
    tags=["second opinions"],
    summary="Withdraw a link, or delete an answered second opinion for good",
)
def opinion_delete(request: ApiRequest, opinion_id: int) -> Any:
    team_services.opinion_delete(opinion=opinion_of(request.auth, opinion_id))
    return Status(204, None)


# Account -------------------------------------------------------------------------------


@api.get(
    "/export",
    response=responses({200: schemas.Export}, *AUTH_ERRORS),
    tags=["account"],
    summary="Everything stored about you, as JSON",
)
def export(request: ApiRequest) -> Any:
    """The same data as the account page's "Export all your data"."""
    return exports.collect(request.auth)
