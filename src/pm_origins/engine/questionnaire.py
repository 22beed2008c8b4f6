"""The order questions are asked in, and paging through them."""

from __future__ import annotations

import re
from itertools import chain, zip_longest

from pm_origins.framework import Framework, Item


def questionnaire_order(framework: Framework) -> tuple[Item, ...]:
    """Items taking turns across competencies, so stopping early still covers all of them."""
    columns = [framework.items_for(c) for c in framework.competency_ids]
    return tuple(i for i in chain.from_iterable(zip_longest(*columns)) if i is not None)


def questionnaire_pages(framework: Framework, page_size: int) -> tuple[tuple[Item, ...], ...]:
    """The questionnaire in pages of `page_size` items."""
    items = questionnaire_order(framework)
    return tuple(items[start : start + page_size] for start in range(0, len(items), page_size))


_FIRST_PERSON = (
    (re.compile(r"\bI am\b"), "they are"),
    (re.compile(r"\bI'm\b"), "they're"),
    (re.compile(r"\bI was\b"), "they were"),
    (re.compile(r"\bI have\b"), "they have"),
    (re.compile(r"\bI\b"), "they"),
    (re.compile(r"\bmyself\b"), "themselves"),
    (re.compile(r"\bmy\b", re.IGNORECASE), "their"),
    (re.compile(r"\bme\b"), "them"),
    (re.compile(r"\bmine\b"), "theirs"),
)


def third_person(text: str) -> str:
    """An item as a rater reads it about someone else: "I have ..." becomes "They have ..."."""
    for pattern, replacement in _FIRST_PERSON:
        text = pattern.sub(replacement, text)
    return text[:1].upper() + text[1:]
