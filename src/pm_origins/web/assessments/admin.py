from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from pm_origins.web.assessments.models import ActionProgress, Assessment, FrameworkSnapshot


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


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin[Assessment]):
    """Usage at a glance: filters count results by step, framework and date."""

    list_display = ("id", "created", "step", "owner", "top_origin_name", "target", "shared")
    list_select_related = ("owner",)
    list_filter = ("step", "framework", "target", "created")
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

    @admin.display(description="Shared", boolean=True)
    def shared(self, obj: Assessment) -> bool:
        return bool(obj.share_token)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ActionProgress)
class ActionProgressAdmin(admin.ModelAdmin[ActionProgress]):
    list_display = ("action_id", "assessment", "done_at")
    list_select_related = ("assessment",)
    list_filter = ("action_id",)
