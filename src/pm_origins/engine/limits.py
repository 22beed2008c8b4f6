"""Limits on what a person can enter, declared once for every front end.

The web forms, the API schemas and the CLI read these, so a title or a number
of years is accepted or refused the same way everywhere.
"""

from __future__ import annotations

import re

from pm_origins.engine.errors import BLANK_TITLE, TITLE_CONTROL, TITLE_TOO_LONG

MAX_TITLE_LENGTH = 120
MAX_YEARS = 60.0
MAX_ROLES = 20
# Unicode categories no job title or name holds: control characters (NUL, tab, line
# breaks) and lone surrogates.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs"})
# The code points of those categories, as one pattern (a test checks every code point).
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def has_forbidden_characters(text: str) -> bool:
    """True when `text` holds a control character or a lone surrogate."""
    return _FORBIDDEN.search(text) is not None


def title_problem(title: str) -> str | None:
    """What is wrong with a job title as typed, for people; None when it is fine."""
    if has_forbidden_characters(title):
        return TITLE_CONTROL
    stripped = title.strip()
    if not stripped:
        return BLANK_TITLE
    if len(stripped) > MAX_TITLE_LENGTH:
        return TITLE_TOO_LONG.format(title=stripped[:40] + "...", limit=MAX_TITLE_LENGTH)
    return None
