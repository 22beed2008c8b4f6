"""Limits on what people type, shared by every front end."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from pm_origins.engine.errors import BLANK_TITLE, TITLE_CONTROL
from pm_origins.engine.limits import (
    FORBIDDEN_CATEGORIES,
    MAX_TITLE_LENGTH,
    has_forbidden_characters,
    title_problem,
)


def test_the_forbidden_characters_are_exactly_the_forbidden_categories() -> None:
    for point in range(sys.maxunicode + 1):
        ch = chr(point)
        assert has_forbidden_characters(ch) == (unicodedata.category(ch) in FORBIDDEN_CATEGORIES), (
            hex(point)
        )


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        ("QA Engineer", None),
        ("Ingeniera de Calidad – Señor", None),
        ("QA\x00Engineer", TITLE_CONTROL),
        ("QA\tEngineer", TITLE_CONTROL),
        ("QA\u0085Engineer", TITLE_CONTROL),
        ("QA \ud800", TITLE_CONTROL),
        ("   ", BLANK_TITLE),
    ],
)
def test_a_title_is_checked_the_same_way_everywhere(title: str, problem: str | None) -> None:
    assert title_problem(title) == problem


def test_a_title_over_the_limit_says_the_limit() -> None:
    found = title_problem("x" * (MAX_TITLE_LENGTH + 1))
    assert found is not None and str(MAX_TITLE_LENGTH) in found
