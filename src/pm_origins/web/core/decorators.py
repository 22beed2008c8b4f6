from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from pm_origins.web.core.middleware import PRIVATE_ATTR


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a view's responses as private: `PrivateNoStoreMiddleware` then sends
    ``Cache-Control: no-store`` (once, for every private response)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        setattr(response, PRIVATE_ATTR, True)
        return response

    return wrapper
