"""Raters read every question about the person they rate, in the third person."""

from __future__ import annotations

import re

from pm_origins.engine import third_person
from pm_origins.framework import Framework


def test_first_person_becomes_third_person() -> None:
    text = "I have judged a design mostly on whether I personally liked the look of it."
    assert third_person(text) == (
        "They have judged a design mostly on whether they personally liked the look of it."
    )
    assert third_person("I was sure my own idea was right.") == (
        "They were sure their own idea was right."
    )


def test_no_bundled_item_keeps_a_first_person_word(framework: Framework) -> None:
    for item in framework.items:
        text = third_person(item.text)
        assert not re.search(r"\b(I|my|me|myself|mine|I'm)\b", text), text
        assert text[0].isupper()
