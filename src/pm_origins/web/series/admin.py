from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from pm_origins.web.series import services
from pm_origins.web.series.models import (
    Article,
    Comment,
    Feedback,
    FollowLink,
    ModerationStatus,
    NavLink,
    Series,
    SiteSettings,
    Tag,
    Widget,
)


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin[Series]):
    list_display = ("title", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ("title", "series", "position", "status", "published_at", "reading_minutes")
    list_select_related = ("series",)
    list_filter = ("status", "series", "tags")
    list_editable = ("position", "status")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("tags",)
    date_hierarchy = "published_at"
    readonly_fields = ("reading_minutes", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "series", "position", "summary", "body")}),
        ("Publishing", {"fields": ("status", "published_at", "author", "tags", "comments_open")}),
        ("Links to the framework", {"fields": ("origin_ids", "competency_ids")}),
        ("Computed", {"fields": ("reading_minutes", "updated_at")}),
    )


def _moderate(
    status: str, label: str
) -> Callable[[CommentAdmin, HttpRequest, QuerySet[Comment]], None]:
    @admin.action(description=f"Mark selected comments as {label}")
    def action(modeladmin: CommentAdmin, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        count = services.comments_moderate(comments=queryset, status=status)
        modeladmin.message_user(request, f"{count} comment(s) marked as {label}.", messages.SUCCESS)

    action.__name__ = f"mark_{status}"
    return action


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ("name", "article", "short_body", "status", "created_at", "user")
    list_select_related = ("article", "user")
    list_filter = ("status", "article")
    search_fields = ("name", "email", "body")
    date_hierarchy = "created_at"
    actions = [
        _moderate(ModerationStatus.APPROVED, "approved"),
        _moderate(ModerationStatus.REJECTED, "rejected"),
        _moderate(ModerationStatus.SPAM, "spam"),
    ]
    readonly_fields = ("article", "user", "created_at", "moderated_at", "ip_address", "fingerprint")
    fields = (
        "article",
        "user",
        "name",
        "email",
        "body",
        "status",
        "created_at",
        "moderated_at",
        "ip_address",
    )

    @admin.display(description="Comment")
    def short_body(self, obj: Comment) -> str:
        return obj.body if len(obj.body) <= 80 else obj.body[:77] + "…"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def _triage(
    status: str, label: str
) -> Callable[[FeedbackAdmin, HttpRequest, QuerySet[Feedback]], None]:
    @admin.action(description=f"Mark selected as {label}")
    def action(
        modeladmin: FeedbackAdmin, request: HttpRequest, queryset: QuerySet[Feedback]
    ) -> None:
        count = services.feedback_triage(items=queryset, status=status)
        modeladmin.message_user(request, f"{count} item(s) marked as {label}.", messages.SUCCESS)

    action.__name__ = f"mark_{status}"
    return action


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin[Feedback]):
    list_display = ("short_message", "kind", "status", "public_title", "email", "created_at")
    list_filter = ("status", "kind")
    list_editable = ("status",)
    search_fields = ("message", "email", "public_title", "staff_notes")
    date_hierarchy = "created_at"
    actions = [
        _triage(Feedback.Status.PLANNED, "planned"),
        _triage(Feedback.Status.DONE, "done"),
        _triage(Feedback.Status.DECLINED, "declined"),
        _triage(Feedback.Status.NEW, "new"),
    ]
    readonly_fields = ("created_at", "ip_address", "user")
    fields = (
        "kind",
        "message",
        "email",
        "status",
        "public_title",
        "article",
        "staff_notes",
        "user",
        "created_at",
        "ip_address",
    )

    @admin.display(description="Message")
    def short_message(self, obj: Feedback) -> str:
        return obj.message if len(obj.message) <= 80 else obj.message[:77] + "…"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin[SiteSettings]):
    fieldsets = (
        ("Site", {"fields": ("site_name", "tagline", "footer_text")}),
        ("Side area", {"fields": ("side_title",)}),
        (
            "Contact block",
            {
                "fields": ("contact_address", "contact_phone", "contact_email"),
                "description": "The side area's contact block shows only what is filled in "
                "here; while all three are empty it is left out. Follow links (RSS, social "
                "profiles) are set under Series › Follow links, the side area's widgets "
                "under Series › Widgets.",
            },
        ),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class _LinkAdmin(admin.ModelAdmin[NavLink | FollowLink]):
    list_display = ("label", "url", "position", "is_active")
    list_editable = ("position", "is_active")


admin.site.register(NavLink, _LinkAdmin)
admin.site.register(FollowLink, _LinkAdmin)


@admin.register(Widget)
class WidgetAdmin(admin.ModelAdmin[Widget]):
    list_display = ("title", "kind", "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter = ("kind", "is_active")
