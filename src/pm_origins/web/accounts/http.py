"""Request types that say who is calling, so views and services are typed end to end.

Django's ``HttpRequest.user`` may be anonymous; a view behind ``login_required``
takes ``AuthenticatedRequest``, whose ``user`` is an account. API operations take
``ApiRequest``, whose ``auth`` is the account the token or session belongs to.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from pm_origins.web.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User


class ApiRequest(HttpRequest):
    user: User | AnonymousUser
    auth: User
    api_auth_method: str
