"""The JSON API at /api/v1/. Views are thin: check access, let the schema validate
the input, call the same service functions as the web pages, return data."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, re_path, reverse
from ninja import NinjaAPI, Query, Swagger
from ninja.errors import HttpError
from ninja.operation import Operation
from ninja.parser import Parser
from ninja.responses import Status

from pm_origins.engine import Role
from pm_origins.evidence import evaluate_resume_text
from pm_origins.reports import evaluation_data
from pm_origins.web.accounts import exports
from pm_origins.web.accounts.http import ApiRequest
from pm_origins.web.api import errors, schemas
from pm_origins.web.api.auth import AUTH
from pm_origins.web.api.guard import guard, not_found
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.core.framework import current_framework

API_VERSION = "1"
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
    return [Role(r.title, r.years, r.years_ago) for r in data.roles]


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
    )
    return evaluation_data(evaluation, framework)


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
