from __future__ import annotations

from django.urls import path

from pm_origins.web.core import converters  # noqa: F401 (registers <token:>)
from pm_origins.web.teams import views

app_name = "teams"

urlpatterns = [
    path("teams/", views.team_list, name="list"),
    path("teams/<int:team_id>/", views.team_page, name="team"),
    path("teams/<int:team_id>/targets/", views.team_targets, name="targets"),
    path("teams/<int:team_id>/invites/", views.invite_create, name="invite"),
    path(
        "teams/<int:team_id>/invites/<int:invite_id>/revoke/",
        views.invite_revoke,
        name="invite-revoke",
    ),
    path("teams/<int:team_id>/share/", views.share, name="share"),
    path("teams/<int:team_id>/leave/", views.leave, name="leave"),
    path(
        "teams/<int:team_id>/members/<int:member_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path("teams/<int:team_id>/delete/", views.team_delete, name="delete"),
    path("join/<token:token>/", views.join, name="join"),
    path("cohorts/", views.cohort_list, name="cohorts"),
    path("cohorts/<int:cohort_id>/", views.cohort_page, name="cohort"),
    path("cohorts/<int:cohort_id>/targets/", views.cohort_targets, name="cohort-targets"),
    path("cohorts/<int:cohort_id>/export.csv", views.cohort_export, name="cohort-export"),
    path("cohorts/<int:cohort_id>/delete/", views.cohort_delete, name="cohort-delete"),
    path("me/second-opinions/", views.opinions, name="opinions"),
    path("me/second-opinions/<int:opinion_id>/", views.opinion_detail, name="opinion"),
    path(
        "me/second-opinions/<int:opinion_id>/delete/",
        views.opinion_delete,
        name="opinion-delete",
    ),
    path("rate/<token:token>/", views.rate, name="rate"),
]
