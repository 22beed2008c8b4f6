"""Who is calling: a personal API token, or the browser's session (with CSRF)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.http.multipartparser import MultiPartParserError
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer

from pm_origins.web.accounts.models import User
from pm_origins.web.api.services import token_user


class TokenAuth(HttpBearer):
    """``Authorization: Bearer pmo_…`` with a token made on /account/api-tokens/."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_user(token.strip())
        if user is not None:
            request.api_auth_method = "token"  # type: ignore[attr-defined]
        return user


class SessionAuth(APIKeyCookie):
    """The signed-in browser session; unsafe methods need the CSRF token.

    Unlike ninja's own, the CSRF check runs only for a request that is signed in,
    so a script with a wrong or missing token hears 401, not a CSRF complaint.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        try:
            return super()._get_key(request)
        except MultiPartParserError:
            # The CSRF check looks for a form field first; the API takes JSON only.
            raise HttpError(400, "not a JSON body") from None

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        if not isinstance(request.user, User):
            return None
        request.api_auth_method = "session"  # type: ignore[attr-defined]
        return request.user


AUTH = [TokenAuth(), SessionAuth(csrf=True)]
