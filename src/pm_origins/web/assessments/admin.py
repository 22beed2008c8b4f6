from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pm_origins.reports import calibration_notes, information_figure_html
from pm_origins.web.assessments.models import ActionProgress, Assessment, FrameworkSnapshot
from pm_origins.web.assessments.responses import (
    MAX_REPORT_RESPONDENTS,
    responses_export,
    site_reliability,
)
from pm_origins.web.core.framework import current_framework


@admin.register(FrameworkSnapshot)
class FrameworkSnapshotAdmin(admin.ModelAdmin[FrameworkSnapshot]):
    list_display = ("version", "created", "result_count")
    readonly_fields = ("version", "data", "created")

    def get_queryset(self, request: HttpRequest) -> QuerySet[FrameworkSnapshot]:
        queryset: QuerySet[FrameworkSnapshot] = super().get_queryset(request)
        return queryset.annotate(results=Count("assessments"))

    @admin.display(description="Assessments", ordering="results")
    def result_count(self, obj: Any) -> int:
        return int(obj.results)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OriginFilter(admin.SimpleListFilter):
    """Results by their closest origin (the first of the saved blend), named."""

    title = "closest origin"
    parameter_name = "origin"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(o.id, o.name) for o in current_framework().origins]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(result__origins__0__id=value) if value else queryset


class TargetRoleFilter(admin.SimpleListFilter):
    """Results by the PM role they aimed at, named; "none" for results without one."""

    title = "target role"
    parameter_name = "target_role"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*((r.id, r.name) for r in current_framework().roles), ("-", "No target")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(target="" if value == "-" else value)


def role_name(role_id: str) -> str:
    """A target role's name in the current framework; its id if that no longer has it."""
    if not role_id:
        return "-"
    names = {r.id: r.name for r in current_framework().roles}
    return names.get(role_id, role_id)


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin[Assessment]):
    """Usage at a glance: filters count results by step, origin, target role and date."""

    list_display = (
        "id",
        "created",
        "step",
        "owner",
        "top_origin_name",
        "target_name",
        "shared",
    )
    list_select_related = ("owner",)
    list_filter = ("step", OriginFilter, TargetRoleFilter, "created", "framework")
    date_hierarchy = "created"
    search_fields = ("owner__email",)
    readonly_fields = (
        "token",
        "owner",
        "framework",
        "roles",
        "answers",
        "target",
        "step",
        "result",
        "share_token",
        "show_answers",
        "created",
        "updated",
        "completed_at",
        "as_exported",
    )
    show_full_result_count = True

    @admin.display(description="As exported (the API and 'export my data' give this)")
    def as_exported(self, obj: Assessment) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.to_dict(), indent=2, ensure_ascii=False))

    @admin.display(description="Origin")
    def top_origin_name(self, obj: Assessment) -> str:
        top = obj.top_origin
        return str(top["name"]) if top else "-"

    @admin.display(description="Target role", ordering="target")
    def target_name(self, obj: Assessment) -> str:
        return role_name(obj.target)

    @admin.display(description="Shared", boolean=True)
    def shared(self, obj: Assessment) -> bool:
        return bool(obj.share_token)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    actions = ["export_responses"]

    @admin.action(description="Export the answers of the selected results as CSV (no names)")
    def export_responses(
        self, request: HttpRequest, queryset: QuerySet[Assessment]
    ) -> StreamingHttpResponse:
        return _csv_download(responses_export(assessments=queryset))

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "responses.csv",
                self.admin_site.admin_view(self.responses_view),
                name="assessments_assessment_responses",
            ),
            path(
                "reliability/",
                self.admin_site.admin_view(self.reliability_view),
                name="assessments_assessment_reliability",
            ),
        ]
        return own + super().get_urls()

    def responses_view(self, request: HttpRequest) -> StreamingHttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return _csv_download(responses_export())

    def reliability_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Reliability of the questionnaire",
            "limit": MAX_REPORT_RESPONDENTS,
            **_reliability_context(),
        }
        return TemplateResponse(request, "admin/assessments/reliability.html", context)


def _csv_download(lines: Iterator[str]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="responses.csv"'
    return response


def _reliability_context() -> dict[str, Any]:
    """The reliability report of the stored answers, shaped for the admin template."""
    site = site_reliability()
    if site is None:
        return {"site": None}
    framework = current_framework()
    scales = []
    for scale in site.report.scales:
        fitted = any(item.competency == scale.competency for item in site.calibration.items)
        figure = (
            information_figure_html(
                framework, site.calibration, scale.competency, id_prefix=f"info-{scale.competency}"
            )
            if fitted
            else ""
        )
        scales.append(
            {
                "name": framework.competency(scale.competency).name,
                "scale": scale,
                "items": [{"id": item_id, "r": r} for item_id, r in scale.items],
                "figure": mark_safe(figure),  # built from escaped text and numbers only
            }
        )
    return {
        "site": site,
        "scales": scales,
        "notes": calibration_notes(framework, site.calibration),
    }


@admin.register(ActionProgress)
class ActionProgressAdmin(admin.ModelAdmin[ActionProgress]):
    list_display = ("action_id", "assessment", "done_at")
    list_select_related = ("assessment",)
    list_filter = ("action_id",)
