from __future__ import annotations

from django.urls import path, re_path

from pm_origins.web.assessments import views
from pm_origins.web.core import converters  # noqa: F401 (registers <token:> and <fid:>)

app_name = "assessments"

urlpatterns = [
    path("", views.home, name="home"),
    path("find/", views.start, name="start"),
    path("find/<token:token>/", views.resume, name="resume"),
    path("find/<token:token>/saved/", views.saved, name="saved"),
    path("find/<token:token>/roles/", views.roles, name="roles"),
    path("find/<token:token>/questions/<int:page>/", views.questions, name="questions"),
    path("find/<token:token>/target/", views.target, name="target"),
    path("results/<token:token>/", views.result, name="result"),
    re_path(
        r"^results/(?P<token>[A-Za-z0-9_-]{1,64})/export\.(?P<fmt>md|json)$",
        views.export,
        name="export",
    ),
    path("results/<token:token>/share/", views.share, name="share"),
    path("results/<token:token>/delete/", views.delete, name="delete"),
    path("results/<token:token>/retake/", views.retake, name="retake"),
    path("results/<token:token>/actions/<fid:action_id>/", views.action_done, name="action"),
    path("shared/<token:share_token>/", views.shared, name="shared"),
    path("me/results/", views.mine, name="mine"),
    path("me/compare/", views.compare, name="compare"),
    path("origins/", views.overview, name="overview"),
    path("origins/<fid:origin_id>/", views.origin_detail, name="origin"),
    path("competencies/<fid:competency_id>/", views.competency_detail, name="competency"),
]
