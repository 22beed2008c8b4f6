from __future__ import annotations

from django.urls import path

from pm_origins.web.series import views

app_name = "series"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("topics/", views.topics, name="topics"),
    path("s/<slug:slug>/", views.series_detail, name="series"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("<slug:slug>/", views.article_detail, name="article"),
    path("<slug:slug>/comment/", views.comment_post, name="comment"),
]
