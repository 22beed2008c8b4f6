from __future__ import annotations

from django.urls import path

from pm_origins.web.core import views

app_name = "core"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", views.metrics, name="metrics"),
]
