"""URL converters for every token and id the site takes in a path.

A value that does not have the shape of a real token or id never matches its
route, so it answers 404 before any database sees it (PostgreSQL refuses text
with a NUL byte, which used to surface as a 500).
"""

from __future__ import annotations

import re

from django.urls import register_converter

# Tokens come from secrets.token_urlsafe: URL-safe base64, at most 64 characters.
TOKEN_PATTERN = r"[A-Za-z0-9_-]{1,64}"
# Framework ids (origins, competencies, actions) follow the schema's id pattern.
ID_PATTERN = r"[a-z][a-z0-9_]{0,63}"
TOKEN_RE = re.compile(TOKEN_PATTERN)


def is_token(value: object) -> bool:
    """True when ``value`` has the shape of a URL token (for query-string tokens)."""
    return isinstance(value, str) and TOKEN_RE.fullmatch(value) is not None


class TokenConverter:
    regex = TOKEN_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class FrameworkIdConverter(TokenConverter):
    regex = ID_PATTERN


register_converter(TokenConverter, "token")
register_converter(FrameworkIdConverter, "fid")
