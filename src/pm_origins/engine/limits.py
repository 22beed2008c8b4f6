"""Limits on what a person can enter, declared once for every front end.

The web forms, the API schemas and the CLI read these, so a title or a number
of years is accepted or refused the same way everywhere.
"""

from __future__ import annotations

import unicodedata

from pm_origins.engine.errors import BLANK_TITLE, TITLE_CONTROL, TITLE_TOO_LONG

MAX_TITLE_LENGTH = 120
MAX_YEARS = 60.0
MAX_ROLES = 20
# Unicode categories no job title holds: control characters (NUL, tab, line breaks)
# and lone surrogates.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs"})


def title_problem(title: str) -> str | None:
    """What is wrong with a job title as typed, for people; None when it is fine."""
    if any(unicodedata.category(ch) in FORBIDDEN_CATEGORIES for ch in title):
        return TITLE_CONTROL
    stripped = title.strip()
    if not stripped:
        return BLANK_TITLE
    if len(stripped) > MAX_TITLE_LENGTH:
        return TITLE_TOO_LONG.format(title=stripped[:40] + "...", limit=MAX_TITLE_LENGTH)
    return None
