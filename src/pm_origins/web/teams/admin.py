from __future__ import annotations

from django.contrib import admin

from pm_origins.web.teams.models import (
    Cohort,
    CohortPerson,
    Membership,
    SecondOpinion,
    Team,
    TeamInvite,
    TeamShare,
)


class MembershipInline(admin.TabularInline[Membership, Team]):
    model = Membership
    fields = ("name", "user", "role", "joined")
    readonly_fields = ("joined",)
    raw_id_fields = ("user",)
    extra = 0


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ("name", "created")
    search_fields = ("name",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("name", "team", "user", "role", "joined")
    list_filter = ("role",)
    list_select_related = ("team", "user")
    raw_id_fields = ("team", "user")


@admin.register(TeamShare)
class TeamShareAdmin(admin.ModelAdmin[TeamShare]):
    list_display = ("pk", "membership", "shared_at")
    list_select_related = ("membership",)
    raw_id_fields = ("membership", "assessment")


@admin.register(TeamInvite)
class TeamInviteAdmin(admin.ModelAdmin[TeamInvite]):
    list_display = ("pk", "team", "created", "expires_at", "revoked_at")
    list_select_related = ("team",)
    readonly_fields = ("token",)
    raw_id_fields = ("team",)


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin[Cohort]):
    list_display = ("name", "coach", "created")
    list_select_related = ("coach",)
    raw_id_fields = ("coach",)


@admin.register(CohortPerson)
class CohortPersonAdmin(admin.ModelAdmin[CohortPerson]):
    list_display = ("name", "cohort", "line")
    list_select_related = ("cohort",)
    raw_id_fields = ("cohort",)


@admin.register(SecondOpinion)
class SecondOpinionAdmin(admin.ModelAdmin[SecondOpinion]):
    """Who asked and when; the answers stay out of the list."""

    list_display = ("pk", "subject", "relationship", "created", "submitted_at")
    list_filter = ("relationship",)
    list_select_related = ("subject",)
    raw_id_fields = ("subject",)
    readonly_fields = ("token",)
