"""Whole pages of immutable content, rendered once per process and served from memory.

A saved result never changes apart from its plan ticks and its share link, so its
page is the same for everyone in the same situation. `render_cached` renders a
template once per key and serves the stored HTML after that, with the visitor's
own CSRF token put in. Each key holds everything the page depends on, plus
`DEPLOY_VERSION`, a hash of this installation's code, templates and static files:
a deploy (or any edit) makes new keys, so a stale page is never shown.

The store is a bounded LRU in each worker's memory: another worker that misses
simply renders the page itself, so no worker needs what another one holds.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

import pm_origins

PAGES = 256  # per worker; a result page is about 50 KB
# Stands in for the CSRF token while a page is rendered for the store; unguessable,
# so no content can contain it by chance.
CSRF_PLACEHOLDER = f"csrf-placeholder-{secrets.token_hex(16)}"
_SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".svg", ".yaml", ".md", ".txt"}


def _deploy_version() -> str:
    root = Path(pm_origins.__file__).parent
    digest = hashlib.sha256(pm_origins.__name__.encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in _SOURCE_SUFFIXES and path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


DEPLOY_VERSION = _deploy_version()


class PageStore:
    """A small thread-safe LRU of rendered pages."""

    def __init__(self, size: int = PAGES) -> None:
        self._pages: OrderedDict[Hashable, str] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: str) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


STORE = PageStore()
# What every page shows besides its own content (such as the side area), registered
# by the apps that draw it: each gives a value that changes when that part does.
_SITE_PARTS: list[Callable[[], Hashable]] = []


def depends_on(part: Callable[[], Hashable]) -> None:
    """Make every page key include ``part()``; apps call this from ``ready()``."""
    if part not in _SITE_PARTS:
        _SITE_PARTS.append(part)


def page_key(request: HttpRequest, *parts: Hashable) -> tuple[Hashable, ...]:
    """A key for a page: the caller's parts plus what every page of the site depends on
    (the address it is served under, whether someone is signed in, the deploy, and the
    parts apps registered with `depends_on`)."""
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return (
        DEPLOY_VERSION,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        signed_in,
        *(part() for part in _SITE_PARTS),
        *parts,
    )


def render_cached(
    request: HttpRequest,
    template: str,
    key: tuple[Hashable, ...],
    context: Callable[[], Mapping[str, Any]],
) -> str:
    """The page for ``key``, rendered from ``context()`` only when not already stored.

    A page with one-off messages to show is rendered fresh and not stored.
    """
    if len(get_messages(request)):  # len() looks without marking them as shown
        return render_to_string(template, dict(context()), request)
    page = STORE.get(key)
    if page is None:
        page = render_to_string(template, {**context(), "csrf_token": CSRF_PLACEHOLDER}, request)
        STORE.put(key, page)
    return page.replace(CSRF_PLACEHOLDER, get_token(request))
