"""The token pages under /account/api-tokens/; the API itself is mounted from api.py."""

from __future__ import annotations

from django.urls import path

from pm_origins.web.api import views

app_name = "api"

urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("<int:token_id>/revoke/", views.revoke, name="revoke"),
]
