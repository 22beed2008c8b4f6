from __future__ import annotations

from django.urls import path, re_path

from pm_origins.web.assessments import views

app_name = "assessments"

urlpatterns = [
    path("find/", views.start, name="start"),
    path("find/<str:token>/roles/", views.roles, name="roles"),
    path("find/<str:token>/questions/<int:page>/", views.questions, name="questions"),
    path("find/<str:token>/target/", views.target, name="target"),
    path("results/<str:token>/", views.result, name="result"),
    re_path(r"^results/(?P<token>[^/]+)/export\.(?P<fmt>md|json)$", views.export, name="export"),
    path("results/<str:token>/share/", views.share, name="share"),
    path("results/<str:token>/delete/", views.delete, name="delete"),
    path("results/<str:token>/retake/", views.retake, name="retake"),
    path("results/<str:token>/actions/<str:action_id>/", views.action_done, name="action"),
    path("shared/<str:share_token>/", views.shared, name="shared"),
    path("me/results/", views.mine, name="mine"),
    path("me/compare/", views.compare, name="compare"),
    path("origins/", views.overview, name="overview"),
    path("origins/<str:origin_id>/", views.origin_detail, name="origin"),
    path("competencies/<str:competency_id>/", views.competency_detail, name="competency"),
]
