from __future__ import annotations

from django.urls import path

from pm_origins.web.core import converters  # noqa: F401 (registers <token:>)
from pm_origins.web.resumes import views

app_name = "resumes"

urlpatterns = [
    path("find/<token:token>/resume/", views.resume, name="resume"),
    path("find/<token:token>/resume/review/", views.review, name="review"),
]
