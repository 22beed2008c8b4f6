"""Signing in (or up) claims the guest assessments made in that browser session."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.services import SESSION_KEY, assessments_claim


@receiver(user_logged_in)
def claim_guest_assessments(
    sender: type[User], request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    if request is None or not hasattr(request, "session"):
        return
    assessments_claim(user=user, tokens=request.session.get(SESSION_KEY, []))
    request.session[SESSION_KEY] = []
